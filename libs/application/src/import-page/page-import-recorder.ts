import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import type { Actor, EventSource } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { CommandMeta, CommandResult } from '../command-meta';
import { AggregateNotFoundError, CommandRefusedError } from '../errors';
import { InspectionCommandMessage } from '../inspection/inspection-command.message';
import { RecommendationCommandMessage } from '../recommendation/recommendation-command.message';
import { StatutoryResponseCommandMessage } from '../statutory-response/statutory-response-command.message';
import { EVENT_STORE } from '../tokens';
import type { PageImportPlan, PlannedStep } from './page-import-plan';

export type StepStatus = 'recorded' | 'already-recorded' | 'refused' | 'not-attempted';

export interface StepOutcome {
  step: PlannedStep;
  status: StepStatus;
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
    return { inspectionId: plan.inspectionId, steps: outcomes, recordedAnything: outcomes.some((o) => o.status === 'recorded') };
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
      return { step, status: fresh ? 'recorded' : 'already-recorded', result };
    } catch (error) {
      if (error instanceof CommandRefusedError) return { step, status: 'refused', refusal: { rule: error.rule, message: error.message } };
      if (error instanceof AggregateNotFoundError) return { step, status: 'refused', refusal: { rule: error.violation?.rule ?? 'NotFound', message: error.message } };
      throw error;
    }
  }
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
