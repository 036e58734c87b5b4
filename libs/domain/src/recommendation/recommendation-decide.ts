import { FINDING_TYPES } from '../inspection/vocabulary';
import { isRuleViolation, type DecisionContext, type RuleViolation } from '../shared/decider';
import { checkOccurredNotBefore } from '../shared/occurred-at-rules';
import { firstViolation, isBlank, requireDate, requireOneOf, requireReason, requireText, type FieldCheck } from '../shared/field-rules';
import type { RecommendationCommand, RecommendationCommandOf } from './recommendation-commands';
import type { RecommendationEvent } from './recommendation-events';
import { correctEntryDate, type RecommendationStreamEntry } from './correct-entry-date';
import { refuse } from './recommendation-rules';
import { isIssued, type IssuedRecommendationState, type PendingTargetDateChange, type RecommendationState } from './recommendation-state';
import { ALLOWED_FROM, isAwaitingStart } from './recommendation-transitions';
import { EVIDENCE_CLASSIFICATIONS, INSPECTORATE_CLOSURE_OUTCOMES, INSPECTORATE_MAPPED_STATUSES, SELF_ASSESSED_RAGS } from './vocabulary';

export interface RecommendationDecisionContext extends DecisionContext {
  /**
   * Ids of the events already in this stream, as the application read them. A correction may
   * only point at one of these: event ids are envelope facts that evolve never sees.
   */
  readonly streamEventIds: ReadonlySet<string>;
  /**
   * The day the finding was issued: its report's publication. The application reads it only for
   * a command that says when it happened, which may not be earlier.
   */
  readonly issuedOn?: string;
  /** Every event of the stream with its envelope's dates. Read only to correct a date (CorrectEntryDate). */
  readonly entries?: readonly RecommendationStreamEntry[];
  /** Today in London. Read only to correct a date, which may not be in the future. */
  readonly today?: string;
}

type Decision = readonly RecommendationEvent[] | RuleViolation;
type Of<T extends RecommendationCommand['type']> = RecommendationCommandOf<T>;

export function decideRecommendation(command: RecommendationCommand, state: RecommendationState, context: RecommendationDecisionContext): Decision {
  if (command.type === 'IssueFinding') return issueFinding(command, state);
  if (!isIssued(state)) {
    return refuse('RecommendationNotIssued', `Recommendation ${command.recommendationId} has not been issued`);
  }
  const early = checkOccurredNotBefore(context.occurredAt, context.issuedOn, 'OccurredBeforeIssue', `the issue of ${state.reference} with its report`);
  if (early) return early;
  const allowed = ALLOWED_FROM[command.type];
  if (!allowed.includes(state.status)) {
    return refuse(
      'IllegalTransition',
      `${command.type} is not allowed while ${state.reference} is ${state.status} (allowed from ${allowed.join(', ')})`,
    );
  }
  const { actor } = context;
  switch (command.type) {
    case 'AssessApplicability':
      return assessApplicability(command);
    case 'AcceptRecommendation':
      return accept(command);
    case 'PartiallyAcceptRecommendation':
      return partiallyAccept(command);
    case 'RejectRecommendation':
      return orRefuse(requireReason(command.reason), [{ type: 'RecommendationRejected', recommendationId: command.recommendationId, reason: command.reason }]);
    case 'AssignOwner':
      return assignOwner(command, state);
    case 'SetTargetDate':
      return setTargetDate(command, state);
    case 'RequestTargetDateChange':
      return requestTargetDateChange(command, state, actor.id);
    case 'ApproveTargetDateChange':
      return approveTargetDateChange(command, state, actor.id);
    case 'RefuseTargetDateChange':
      return refuseTargetDateChange(command, state, actor.id);
    case 'AddAction':
      return addAction(command, state);
    case 'CompleteAction':
      return completeAction(command, state);
    case 'RecordProgress':
      return recordProgress(command, state);
    case 'FlagDependency':
      return flagDependency(command, state);
    case 'ClearDependency':
      return clearDependency(command, state);
    case 'SubmitEvidence':
      return submitEvidence(command, state);
    case 'MarkComplete':
      return markComplete(command, state, actor.id);
    case 'VerifyCompletion':
      return verifyCompletion(command, state, actor.id);
    case 'ReturnForFurtherWork':
      return orRefuse(requireReason(command.reason), [
        { type: 'RecommendationReturnedForFurtherWork', recommendationId: command.recommendationId, reason: command.reason },
      ]);
    case 'CloseRecommendation':
      return [{ type: 'RecommendationClosed', recommendationId: command.recommendationId, comment: optionalText(command.comment) }];
    case 'RecordInspectorateStatus':
      return recordInspectorateStatus(command);
    case 'RecordInspectorateClosure':
      return recordInspectorateClosure(command, state);
    case 'Supersede':
      return orRefuse(firstViolation(requireText(command.supersededBy, 'supersededBy'), requireReason(command.reason)), [
        { type: 'RecommendationSuperseded', recommendationId: command.recommendationId, supersededBy: command.supersededBy, reason: command.reason },
      ]);
    case 'MarkNoLongerRelevant':
      return orRefuse(requireReason(command.reason), [
        { type: 'RecommendationMarkedNoLongerRelevant', recommendationId: command.recommendationId, reason: command.reason },
      ]);
    case 'Reopen':
      return orRefuse(requireReason(command.reason), [
        { type: 'RecommendationReopened', recommendationId: command.recommendationId, reason: command.reason, previousStatus: state.status },
      ]);
    case 'CorrectEntry':
      return correctEntry(command, context.streamEventIds);
    case 'CorrectEntryDate': {
      const { entries, today, issuedOn } = context;
      if (entries === undefined || today === undefined) throw new Error("Correcting an entry's date needs the stream's entries and today in the context");
      return correctEntryDate(command, state, { entries, today, ...(issuedOn === undefined ? {} : { issuedOn }) });
    }
  }
}

function issueFinding(command: Of<'IssueFinding'>, state: RecommendationState): Decision {
  if (isIssued(state)) {
    return refuse('RecommendationAlreadyIssued', `Recommendation ${command.recommendationId} was already issued as ${state.reference}`);
  }
  const invalid = firstViolation(
    requireText(command.recommendationId, 'recommendationId'),
    requireText(command.inspectionId, 'inspectionId'),
    requireText(command.reference, 'reference'),
    Number.isInteger(command.number) && command.number > 0
      ? undefined
      : refuse('InvalidValue', `number must be a positive whole number (got ${JSON.stringify(command.number)})`, 'number'),
    requireOneOf(command.findingType, FINDING_TYPES, 'findingType'),
    requireText(command.text, 'text'),
    requireTextList(command.subItems, 'subItems'),
    requireTextList(command.addressees, 'addressees'),
    optionalDate(command.dueDate ?? null, 'dueDate'),
    requireBoolean(command.immediate, 'immediate'),
  );
  return orRefuse(invalid, [
    {
      type: 'FindingIssued',
      recommendationId: command.recommendationId,
      inspectionId: command.inspectionId,
      reference: command.reference,
      number: command.number,
      findingType: command.findingType,
      text: command.text,
      subItems: [...command.subItems],
      addressees: [...command.addressees],
      dueDate: command.dueDate ?? null,
      immediate: command.immediate,
    },
  ]);
}

function assessApplicability(command: Of<'AssessApplicability'>): Decision {
  // Not applicable is the office's explained "no action", so it needs its reason.
  const invalid = firstViolation(requireBoolean(command.applicable, 'applicable'), command.applicable === false ? requireReason(command.reason) : undefined);
  return orRefuse(invalid, [
    { type: 'RecommendationApplicabilityAssessed', recommendationId: command.recommendationId, applicable: command.applicable, reason: optionalText(command.reason) },
  ]);
}

function accept(command: Of<'AcceptRecommendation'>): Decision {
  const planned = command.plannedCompletionDate ?? null;
  const invalid = firstViolation(requireText(command.commitment, 'commitment'), optionalDate(planned, 'plannedCompletionDate'));
  return orRefuse(invalid, [
    { type: 'RecommendationAccepted', recommendationId: command.recommendationId, commitment: command.commitment, plannedCompletionDate: planned },
    ...firstTargetDate(command.recommendationId, planned),
  ]);
}

function partiallyAccept(command: Of<'PartiallyAcceptRecommendation'>): Decision {
  const planned = command.plannedCompletionDate ?? null;
  const invalid = firstViolation(
    requireText(command.acceptedScope, 'acceptedScope'),
    requireText(command.notAcceptedScope, 'notAcceptedScope'),
    requireReason(command.reason),
    optionalDate(planned, 'plannedCompletionDate'),
  );
  return orRefuse(invalid, [
    {
      type: 'RecommendationPartiallyAccepted',
      recommendationId: command.recommendationId,
      acceptedScope: command.acceptedScope,
      notAcceptedScope: command.notAcceptedScope,
      reason: command.reason,
      plannedCompletionDate: planned,
    },
    ...firstTargetDate(command.recommendationId, planned),
  ]);
}

function firstTargetDate(recommendationId: string, planned: string | null): RecommendationEvent[] {
  return planned === null ? [] : [{ type: 'RecommendationTargetDateSet', recommendationId, targetDate: planned }];
}

function assignOwner(command: Of<'AssignOwner'>, state: IssuedRecommendationState): Decision {
  const invalid = firstViolation(requireText(command.owner, 'owner'), requireText(command.organisation, 'organisation'));
  return orRefuse(invalid, [
    { type: 'RecommendationOwnerAssigned', recommendationId: command.recommendationId, owner: command.owner, organisation: command.organisation, previousOwner: state.owner },
    ...workStarts(state),
  ]);
}

function workStarts(state: IssuedRecommendationState): RecommendationEvent[] {
  return isAwaitingStart(state.status) ? [{ type: 'RecommendationWorkStarted', recommendationId: state.recommendationId }] : [];
}

function setTargetDate(command: Of<'SetTargetDate'>, state: IssuedRecommendationState): Decision {
  if (state.targetDate !== null) {
    return refuse(
      'TargetDateAlreadySet',
      `${state.reference} already has the target date ${state.targetDate}; request a change with a reason instead`,
      'targetDate',
    );
  }
  return orRefuse(requireDate(command.targetDate, 'targetDate'), [
    { type: 'RecommendationTargetDateSet', recommendationId: command.recommendationId, targetDate: command.targetDate },
  ]);
}

function requestTargetDateChange(command: Of<'RequestTargetDateChange'>, state: IssuedRecommendationState, requestedBy: string): Decision {
  const invalid = firstViolation(requireDate(command.from, 'from'), requireDate(command.to, 'to'), requireReason(command.reason));
  if (invalid) return invalid;
  if (state.targetDate === null) return refuse('NoTargetDate', `${state.reference} has no target date to change; set one first`);
  if (state.pendingTargetDateChange !== null) {
    const pending = state.pendingTargetDateChange;
    return refuse('TargetDateChangeAlreadyPending', `A change of ${state.reference}'s target date to ${pending.to} already awaits a decision`);
  }
  if (command.from !== state.targetDate) {
    return refuse('TargetDateMismatch', `from (${command.from}) is not ${state.reference}'s current target date (${state.targetDate})`, 'from');
  }
  if (command.to === command.from) return refuse('TargetDateUnchanged', `to is the current target date (${command.from})`, 'to');
  return [
    { type: 'RecommendationTargetDateChangeRequested', recommendationId: command.recommendationId, from: command.from, to: command.to, reason: command.reason, requestedBy },
  ];
}

/**
 * A target date change is decided, either way, by someone other than the person who asked for
 * it: a revision the requester approved alone would tell the scrutiny panel nothing.
 */
function pendingDecidableBy(state: IssuedRecommendationState, decidedBy: string): PendingTargetDateChange | RuleViolation {
  const pending = state.pendingTargetDateChange;
  if (pending === null) return refuse('NoPendingTargetDateChange', `No change of ${state.reference}'s target date awaits a decision`);
  if (pending.requestedBy === decidedBy) {
    return refuse('ApproverMustDifferFromRequester', `The change of ${state.reference}'s target date must be decided by someone other than the person who requested it`);
  }
  return pending;
}

function approveTargetDateChange(command: Of<'ApproveTargetDateChange'>, state: IssuedRecommendationState, approvedBy: string): Decision {
  const pending = pendingDecidableBy(state, approvedBy);
  if (isRuleViolation(pending)) return pending;
  return [
    {
      type: 'RecommendationTargetDateChangeApproved',
      recommendationId: command.recommendationId,
      from: pending.from,
      to: pending.to,
      reason: pending.reason,
      requestedBy: pending.requestedBy,
      approvedBy,
      comment: optionalText(command.comment),
    },
  ];
}

function refuseTargetDateChange(command: Of<'RefuseTargetDateChange'>, state: IssuedRecommendationState, refusedBy: string): Decision {
  const invalid = requireReason(command.reason);
  if (invalid) return invalid;
  const pending = pendingDecidableBy(state, refusedBy);
  if (isRuleViolation(pending)) return pending;
  return [
    {
      type: 'RecommendationTargetDateChangeRefused',
      recommendationId: command.recommendationId,
      from: pending.from,
      to: pending.to,
      requestedBy: pending.requestedBy,
      refusedBy,
      reason: command.reason,
    },
  ];
}

function addAction(command: Of<'AddAction'>, state: IssuedRecommendationState): Decision {
  const invalid = firstViolation(
    requireText(command.actionId, 'actionId'),
    requireText(command.description, 'description'),
    requireText(command.owner, 'owner'),
    requireDate(command.dueDate, 'dueDate'),
  );
  if (invalid) return invalid;
  if (Object.hasOwn(state.actions, command.actionId)) {
    return refuse('ActionAlreadyExists', `${state.reference} already has an action ${command.actionId}`, 'actionId');
  }
  return [
    { type: 'RecommendationActionAdded', recommendationId: command.recommendationId, actionId: command.actionId, description: command.description, owner: command.owner, dueDate: command.dueDate },
  ];
}

function completeAction(command: Of<'CompleteAction'>, state: IssuedRecommendationState): Decision {
  if (!Object.hasOwn(state.actions, command.actionId)) {
    return refuse('UnknownAction', `${state.reference} has no action ${JSON.stringify(command.actionId)}`, 'actionId');
  }
  if (state.actions[command.actionId].completed) {
    return refuse('ActionAlreadyCompleted', `Action ${command.actionId} of ${state.reference} is already complete`, 'actionId');
  }
  return [{ type: 'RecommendationActionCompleted', recommendationId: command.recommendationId, actionId: command.actionId }];
}

function recordProgress(command: Of<'RecordProgress'>, state: IssuedRecommendationState): Decision {
  const percent = command.percentComplete ?? null;
  const invalid = firstViolation(
    requireText(command.narrative, 'narrative'),
    percent === null || (typeof percent === 'number' && percent >= 0 && percent <= 100)
      ? undefined
      : refuse('PercentOutOfRange', `percentComplete must be a number from 0 to 100 (got ${JSON.stringify(percent)})`, 'percentComplete'),
    requireOneOf(command.rag, SELF_ASSESSED_RAGS, 'rag'),
  );
  return orRefuse(invalid, [
    { type: 'RecommendationProgressRecorded', recommendationId: command.recommendationId, narrative: command.narrative, percentComplete: percent, rag: command.rag },
    ...workStarts(state),
  ]);
}

function flagDependency(command: Of<'FlagDependency'>, state: IssuedRecommendationState): Decision {
  const invalid = firstViolation(
    requireText(command.dependencyId, 'dependencyId'),
    requireText(command.dependsOn, 'dependsOn'),
    requireText(command.description, 'description'),
  );
  if (invalid) return invalid;
  if (Object.hasOwn(state.dependencies, command.dependencyId)) {
    return refuse('DependencyAlreadyFlagged', `${state.reference} already has a dependency ${command.dependencyId}`, 'dependencyId');
  }
  return [
    { type: 'RecommendationDependencyFlagged', recommendationId: command.recommendationId, dependencyId: command.dependencyId, dependsOn: command.dependsOn, description: command.description },
  ];
}

function clearDependency(command: Of<'ClearDependency'>, state: IssuedRecommendationState): Decision {
  if (!Object.hasOwn(state.dependencies, command.dependencyId)) {
    return refuse('UnknownDependency', `${state.reference} has no dependency ${JSON.stringify(command.dependencyId)}`, 'dependencyId');
  }
  if (state.dependencies[command.dependencyId]) {
    return refuse('DependencyAlreadyCleared', `Dependency ${command.dependencyId} of ${state.reference} is already cleared`, 'dependencyId');
  }
  return [{ type: 'RecommendationDependencyCleared', recommendationId: command.recommendationId, dependencyId: command.dependencyId, note: optionalText(command.note) }];
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

function submitEvidence(command: Of<'SubmitEvidence'>, state: IssuedRecommendationState): Decision {
  const invalid = firstViolation(
    requireText(command.evidenceId, 'evidenceId'),
    requireText(command.title, 'title'),
    requireText(command.reference, 'reference'),
    typeof command.sha256 === 'string' && SHA256_HEX.test(command.sha256)
      ? undefined
      : refuse('InvalidSha256', 'sha256 must be the SHA-256 of the document as 64 hexadecimal digits', 'sha256'),
    requireOneOf(command.classification, EVIDENCE_CLASSIFICATIONS, 'classification'),
  );
  if (invalid) return invalid;
  if (state.evidenceIds.includes(command.evidenceId)) {
    return refuse('EvidenceAlreadySubmitted', `${state.reference} already has evidence ${command.evidenceId}`, 'evidenceId');
  }
  return [
    {
      type: 'RecommendationEvidenceSubmitted',
      recommendationId: command.recommendationId,
      evidenceId: command.evidenceId,
      title: command.title,
      reference: command.reference,
      // One spelling of a hash, so that exports compare byte for byte.
      sha256: command.sha256.toLowerCase(),
      classification: command.classification,
    },
  ];
}

function markComplete(command: Of<'MarkComplete'>, state: IssuedRecommendationState, markedCompleteBy: string): Decision {
  const invalid = requireText(command.summary, 'summary');
  if (invalid) return invalid;
  if (!Array.isArray(command.evidenceIds) || command.evidenceIds.length === 0) {
    return refuse('EvidenceRequired', `Marking ${state.reference} complete needs at least one piece of submitted evidence`, 'evidenceIds');
  }
  const unknown = command.evidenceIds.filter((id) => !state.evidenceIds.includes(id));
  if (unknown.length > 0) {
    return refuse('UnknownEvidence', `${state.reference} has no submitted evidence ${unknown.join(', ')}`, 'evidenceIds');
  }
  const open = Object.entries(state.actions).filter(([, action]) => !action.completed).map(([id]) => id);
  if (open.length > 0) {
    return refuse('OpenActionsRemain', `${state.reference} still has open actions: ${open.join(', ')}`);
  }
  return [{ type: 'RecommendationMarkedComplete', recommendationId: command.recommendationId, summary: command.summary, evidenceIds: [...command.evidenceIds], markedCompleteBy }];
}

function verifyCompletion(command: Of<'VerifyCompletion'>, state: IssuedRecommendationState, verifiedBy: string): Decision {
  // AwaitingVerification is only ever reached by RecommendationMarkedComplete, which names its completer.
  const markedCompleteBy = state.markedCompleteBy as string;
  if (verifiedBy === markedCompleteBy) {
    return refuse('VerifierMustDifferFromCompleter', `${state.reference} was marked complete by the same person; someone else must verify it`);
  }
  return [{ type: 'RecommendationCompletionVerified', recommendationId: command.recommendationId, verifiedBy, markedCompleteBy, comment: optionalText(command.comment) }];
}

function recordInspectorateStatus(command: Of<'RecordInspectorateStatus'>): Decision {
  const invalid = firstViolation(
    requireText(command.statusText, 'statusText'),
    requireDate(command.statusDate, 'statusDate'),
    requireText(command.source, 'source'),
    requireOneOf(command.mappedStatus, INSPECTORATE_MAPPED_STATUSES, 'mappedStatus'),
  );
  return orRefuse(invalid, [
    {
      type: 'RecommendationInspectorateStatusRecorded',
      recommendationId: command.recommendationId,
      statusText: command.statusText,
      statusDate: command.statusDate,
      source: command.source,
      mappedStatus: command.mappedStatus,
    },
  ]);
}

function recordInspectorateClosure(command: Of<'RecordInspectorateClosure'>, state: IssuedRecommendationState): Decision {
  const invalid = firstViolation(
    requireOneOf(command.outcome, INSPECTORATE_CLOSURE_OUTCOMES, 'outcome'),
    requireDate(command.closedOn, 'closedOn'),
    requireText(command.source, 'source'),
  );
  if (invalid) return invalid;
  if (command.outcome === 'discharged' && state.findingType !== 'cause-of-concern') {
    return refuse('DischargeOnlyForCauseOfConcern', `Only a cause of concern is discharged; ${state.reference} is a ${state.findingType}`, 'outcome');
  }
  return [
    { type: 'RecommendationInspectorateClosureRecorded', recommendationId: command.recommendationId, outcome: command.outcome, closedOn: command.closedOn, source: command.source },
  ];
}

function correctEntry(command: Of<'CorrectEntry'>, streamEventIds: ReadonlySet<string>): Decision {
  const invalid = firstViolation(requireText(command.correctsEventId, 'correctsEventId'), requireText(command.whatWasWrong, 'whatWasWrong'), requireReason(command.reason));
  if (invalid) return invalid;
  if (!streamEventIds.has(command.correctsEventId)) {
    return refuse('CorrectedEventNotInStream', `Event ${command.correctsEventId} is not an earlier event of this recommendation`, 'correctsEventId');
  }
  return [
    { type: 'RecommendationEntryCorrected', recommendationId: command.recommendationId, correctsEventId: command.correctsEventId, whatWasWrong: command.whatWasWrong, reason: command.reason },
  ];
}

function orRefuse(invalid: FieldCheck, events: readonly RecommendationEvent[]): Decision {
  return invalid ?? events;
}

function optionalText(value: string | null | undefined): string | null {
  return isBlank(value) ? null : (value as string);
}

function optionalDate(value: string | null, field: string): FieldCheck {
  return value === null ? undefined : requireDate(value, field);
}

function requireBoolean(value: unknown, field: string): FieldCheck {
  return typeof value === 'boolean' ? undefined : refuse('InvalidValue', `${field} must be true or false (got ${JSON.stringify(value)})`, field);
}

function requireTextList(value: unknown, field: string): FieldCheck {
  if (!Array.isArray(value)) return refuse('InvalidValue', `${field} must be a list of text`, field);
  const blank = value.findIndex((item) => isBlank(item));
  return blank === -1 ? undefined : requireText(value[blank], `${field}[${blank}]`);
}
