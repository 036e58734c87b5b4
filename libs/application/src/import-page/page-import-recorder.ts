import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import {
  occurredDay,
  statutoryResponseDecider,
  statutoryResponseStream,
  type Actor,
  type CorrectableStatutoryStep,
  type EventSource,
  type StatutoryResponseCommand,
  type StatutoryResponseState,
} from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import type { CommandMeta, CommandResult } from '../command-meta';
import { AggregateNotFoundError, CommandRefusedError } from '../errors';
import { InspectionCommandMessage } from '../inspection/inspection-command.message';
import { RecommendationCommandMessage } from '../recommendation/recommendation-command.message';
import { StatutoryResponseCommandMessage } from '../statutory-response/statutory-response-command.message';
import { readAggregate } from '../pipeline/read-aggregate';
import { readStreamFully } from '../pipeline/stored-event';
import { EVENT_STORE } from '../tokens';
import type { PageImportPlan, PlannedStep } from './page-import-plan';

export type StepStatus = 'recorded' | 'already-recorded' | 'refused' | 'not-attempted';

/** A date the ledger already holds for a step that differs from what this import says. */
export interface DateDifference {
  /** The command field (madeOn, receivedOn, plannedCompletionDate, publishedOn) or the envelope's occurredAt. */
  field: string;
  recorded: string | null;
  imported: string | null;
}

/** How to put a recorded date right without rewriting the log: a correction event, or why there is none. */
export interface CorrectionAdvice {
  /** The event whose dates differ. */
  eventId: string;
  streamId: string;
  /** The command that records the correction, when the aggregate has one; else null and `note` says why. */
  request: {
    method: 'POST';
    path: string;
    /** CorrectEntryDate's body for the date of a finding's entry (CorrectEntry's for anything else); CorrectStatutoryDate's for a step of the statutory response. */
    body:
      | { correctsEventId: string; correctOccurredAt: string; reason: string }
      | { correctsEventId: string; whatWasWrong: string; reason: string }
      | { step: CorrectableStatutoryStep; correctDate: string; reason: string };
  } | null;
  note: string;
}

export interface StepOutcome {
  step: PlannedStep;
  status: StepStatus;
  /** For an already recorded step: the dates the ledger holds that differ from this import's. Nothing was changed. */
  differences?: DateDifference[];
  correction?: CorrectionAdvice;
  /** Where the step's events are in the log (for recorded and already recorded steps). */
  result?: CommandResult;
  /** Why it was refused: the rule and the domain's message. */
  refusal?: { rule: string; message: string };
}

export interface PageImportOutcome {
  inspectionId: string;
  steps: StepOutcome[];
  /** True when this import appended anything; false when the page had been imported before. */
  recordedAnything: boolean;
}

/** The page cannot be recorded at all; nothing was sent. */
export class PageNotRecordableError extends Error {
  constructor(readonly blockers: string[]) {
    super(`The page cannot be recorded: ${blockers.join(' ')}`);
    this.name = 'PageNotRecordableError';
  }
}

/**
 * Carries out an import plan through the command bus, attributed to the person importing (and,
 * step by step, to whoever the page quotes). The plan's ids are derived from the page, so a page
 * imported again is found already recorded, command by command, and nothing is appended.
 */
@Injectable()
export class PageImportRecorder {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async record(plan: PageImportPlan, by: { actor: Actor; source: EventSource }): Promise<PageImportOutcome> {
    if (plan.inspectionId === null || plan.blockers.length > 0) throw new PageNotRecordableError(plan.blockers);
    const conflicts = await this.conflictsWithLedger(plan);
    if (conflicts.length > 0) throw new PageNotRecordableError(conflicts);
    const outcomes: StepOutcome[] = [];
    let registered = true;
    for (const step of plan.steps) {
      if (!registered) {
        outcomes.push({ step, status: 'not-attempted' });
        continue;
      }
      const outcome = await this.run(step, by);
      outcomes.push(outcome);
      // Everything after the registration is about the inspection and its findings.
      if (step.aggregate === 'inspection' && outcome.status === 'refused') registered = false;
    }
    return { inspectionId: plan.inspectionId, steps: inCorrectableOrder(outcomes), recordedAnything: outcomes.some((o) => o.status === 'recorded') };
  }

  /**
   * Dates this import would record that contradict what the ledger already holds for the
   * inspection, found before anything is sent: comments dated after the recorded publication.
   */
  async conflictsWithLedger(plan: PageImportPlan): Promise<string[]> {
    if (plan.inspectionId === null) return [];
    const { state, history } = await readAggregate(this.store, statutoryResponseDecider, statutoryResponseStream(plan.inspectionId));
    if (!state.opened) return [];
    // A step this page already recorded is not sent again: its dates are compared, not checked.
    const applied = new Set(history.map((event) => event.metadata['commandId']));
    return plan.steps.flatMap((step) => (step.aggregate === 'statutory-response' && !applied.has(step.commandId) ? conflictOf(step.command, state) : []));
  }

  private async compareWithRecorded(step: PlannedStep, result: CommandResult): Promise<Pick<StepOutcome, 'differences' | 'correction'>> {
    const stream = await readStreamFully(this.store.readStream(result.streamId));
    const at = stream.findIndex((event) => result.eventIds.includes(event.id));
    if (at < 0) return {};
    const first = stream[at];
    const differences = differencesOf(step, asCorrectedSince(step, first, stream.slice(at + 1)));
    return differences.length === 0 ? {} : { differences, correction: correctionFor(step, first, differences) };
  }

  private async run(step: PlannedStep, by: { actor: Actor; source: EventSource }): Promise<StepOutcome> {
    const meta: CommandMeta = {
      actor: by.actor,
      source: by.source,
      commandId: step.commandId,
      ...(step.onBehalfOf ? { onBehalfOf: step.onBehalfOf } : {}),
      ...(step.occurredAt ? { occurredAt: step.occurredAt } : {}),
    };
    // A command already applied answers with its original events, which are all at or before
    // the head as it was before sending it; new events always come after it.
    const headBefore = await this.store.headPosition();
    try {
      const result = await this.commandBus.execute(messageFor(step, meta));
      const fresh = headBefore === null || result.position > headBefore;
      if (fresh) return { step, status: 'recorded', result };
      return { step, status: 'already-recorded', result, ...(await this.compareWithRecorded(step, result)) };
    } catch (error) {
      if (error instanceof CommandRefusedError) return { step, status: 'refused', refusal: { rule: error.rule, message: error.message } };
      if (error instanceof AggregateNotFoundError) return { step, status: 'refused', refusal: { rule: error.violation?.rule ?? 'NotFound', message: error.message } };
      throw error;
    }
  }
}

/** The dates a step records, by field: its own date fields and when it happened. */
const DATE_FIELDS = ['madeOn', 'receivedOn', 'plannedCompletionDate', 'publishedOn'] as const;

function differencesOf(step: PlannedStep, recorded: RecordedEvent): DateDifference[] {
  const command = step.command as unknown as Record<string, unknown>;
  const differences: DateDifference[] = [];
  for (const field of DATE_FIELDS) {
    if (!(field in command) || !(field in recorded.data)) continue;
    const imported = (command[field] as string | null) ?? null;
    const held = (recorded.data[field] as string | null) ?? null;
    if (imported !== held) differences.push({ field, recorded: held, imported });
  }
  const heldAt = recorded.metadata['occurredAt'] as string | undefined;
  if (step.occurredAt !== undefined && heldAt !== step.occurredAt) differences.push({ field: 'occurredAt', recorded: heldAt ?? null, imported: step.occurredAt });
  return differences;
}

/** The statutory steps whose date CorrectStatutoryDate puts right, by the command that recorded them. */
const STATUTORY_STEPS: Partial<Record<StatutoryResponseCommand['type'], CorrectableStatutoryStep>> = {
  InviteChiefOfficerComments: 'invitation',
  RecordChiefOfficerComments: 'chiefOfficerComments',
  RecordCommissionerComments: 'commissionerComments',
  RecordReplyToChiefOfficer: 'replyToChiefOfficer',
  PublishStatutoryResponse: 'publication',
  PublishActionPlan: 'publication',
};

/**
 * A step's recorded event as it stands after the date corrections of it recorded since (the
 * latest wins), so that a re-import after following the advice finds nothing to correct.
 */
function asCorrectedSince(step: PlannedStep, recorded: RecordedEvent, later: readonly RecordedEvent[]): RecordedEvent {
  if (step.aggregate === 'recommendation') {
    const redated = later.filter((event) => event.type === 'RecommendationEntryDateCorrected' && (event.data['redatedEventIds'] as string[]).includes(recorded.id));
    const latest = redated[redated.length - 1];
    return latest === undefined ? recorded : { ...recorded, metadata: { ...recorded.metadata, occurredAt: latest.data['correctOccurredAt'] as string } };
  }
  const correctable = step.aggregate === 'statutory-response' ? STATUTORY_STEPS[step.command.type] : undefined;
  if (correctable === undefined) return recorded;
  const corrections = later.filter((event) => event.type === 'StatutoryDateCorrected' && event.data['step'] === correctable);
  const latest = corrections[corrections.length - 1];
  if (latest === undefined) return recorded;
  const { field, correctDate } = latest.data as { field: string; correctDate: string };
  return { ...recorded, data: { ...recorded.data, [field]: correctDate }, metadata: { ...recorded.metadata, occurredAt: correctDate } };
}

function correctionFor(step: PlannedStep, event: RecordedEvent, differences: DateDifference[]): CorrectionAdvice {
  const wrong = differences.map((d) => `${d.field} was recorded as ${d.recorded ?? 'nothing'}; it is ${d.imported ?? 'nothing'}`).join('; ');
  const reason = 'The published response is dated otherwise than first recorded.';
  if (step.aggregate === 'recommendation') {
    const occurred = differences.find((d) => d.field === 'occurredAt');
    if (occurred?.imported) {
      const correctOccurredAt = occurredDay(occurred.imported);
      return {
        eventId: event.id,
        streamId: event.streamId,
        request: { method: 'POST', path: `/api/recommendations/${step.command.recommendationId}/date-corrections`, body: { correctsEventId: event.id, correctOccurredAt, reason } },
        note: `Record a date correction (CorrectEntryDate) of event ${event.id} to ${correctOccurredAt}: ${wrong}. The entry stays as recorded; the correction dates it, and what was recorded with it, from then on. On the web: the recommendation's page, "Correct the date of an entry".${targetDateNote(differences)}`,
      };
    }
    return {
      eventId: event.id,
      streamId: event.streamId,
      request: { method: 'POST', path: `/api/recommendations/${step.command.recommendationId}/corrections`, body: { correctsEventId: event.id, whatWasWrong: wrong, reason } },
      note: `Record a correction (CorrectEntry) pointing at event ${event.id}: the original stays, the correction says what was wrong and why.`,
    };
  }
  const correctable = step.aggregate === 'statutory-response' ? STATUTORY_STEPS[step.command.type] : undefined;
  const correctDate = differences.find((d) => d.field !== 'occurredAt')?.imported ?? differences[0].imported;
  if (correctable !== undefined && correctDate !== null && step.aggregate === 'statutory-response') {
    return {
      eventId: event.id,
      streamId: event.streamId,
      request: {
        method: 'POST',
        path: `/api/statutory-responses/${step.command.inspectionId}/date-corrections`,
        body: { step: correctable, correctDate: occurredDay(correctDate), reason },
      },
      note: `Record a date correction (CorrectStatutoryDate) of the ${correctable} step: ${wrong}. Event ${event.id} stays as recorded; the correction dates the step from then on. On the web: the inspection's page, "Correct a date of the response".`,
    };
  }
  return {
    eventId: event.id,
    streamId: event.streamId,
    request: null,
    note: `The ${step.aggregate === 'inspection' ? 'inspection' : 'statutory response'} has no correction event: ${wrong}. Record the difference in a scrutiny note or amend what can be amended; event ${event.id} stays as it is.`,
  };
}

/** A planned completion date is the first target date: a date correction does not move it, a change of the target date does. */
function targetDateNote(differences: DateDifference[]): string {
  const planned = differences.find((d) => d.field === 'plannedCompletionDate');
  return planned === undefined
    ? ''
    : ` The planned completion date is not a date of the entry: to move it from ${planned.recorded ?? 'nothing'} to ${planned.imported ?? 'nothing'}, request a change of the target date (RequestTargetDateChange), for someone else to approve.`;
}

/**
 * A statement may not be dated after the publication, so when the import dates the publication
 * later than the ledger does, its correction has to be recorded first: the statements' advice says so.
 */
function inCorrectableOrder(outcomes: StepOutcome[]): StepOutcome[] {
  const publication = outcomes.find((o) => o.correction?.request?.body !== undefined && 'step' in o.correction.request.body && o.correction.request.body.step === 'publication');
  const moved = publication?.differences?.find((d) => d.field !== 'occurredAt');
  if (publication === undefined || moved === undefined || moved.recorded === null || moved.imported === null || moved.imported <= moved.recorded) return outcomes;
  return outcomes.map((outcome) =>
    outcome === publication || outcome.correction?.request?.body === undefined || !('step' in outcome.correction.request.body)
      ? outcome
      : { ...outcome, correction: { ...outcome.correction, note: `${outcome.correction.note} Record the publication's correction first: a statement may not be dated after the publication.` } },
  );
}

function messageFor(step: PlannedStep, meta: CommandMeta): Command<CommandResult> {
  switch (step.aggregate) {
    case 'inspection':
      return new InspectionCommandMessage(step.command, meta);
    case 'statutory-response':
      return new StatutoryResponseCommandMessage(step.command, meta);
    case 'recommendation':
      return new RecommendationCommandMessage(step.command, meta);
  }
}

function conflictOf(command: Extract<PlannedStep, { aggregate: 'statutory-response' }>['command'], state: Extract<StatutoryResponseState, { opened: true }>): string[] {
  switch (command.type) {
    case 'RecordCommissionerComments':
    case 'RecordChiefOfficerComments': {
      const on = command.type === 'RecordCommissionerComments' ? command.madeOn : command.receivedOn;
      const whose = command.type === 'RecordCommissionerComments' ? "commissioner's comments" : "chief officer's comments";
      return state.publishedOn !== null && on > state.publishedOn
        ? [`The ledger records the response as published on ${state.publishedOn}, but this import dates the ${whose} ${on}, after it. Give the actual response date.`]
        : [];
    }
    // A publication dated before recorded comments is refused by the domain itself (DateOutOfOrder)
    // and reported as a refused step: the steps before it are about the same page.
    case 'PublishStatutoryResponse':
    case 'PublishActionPlan':
      return [];
  }
}
