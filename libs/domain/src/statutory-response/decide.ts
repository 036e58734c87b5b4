import { type Decider, type RuleViolation, isRuleViolation } from '../shared/decider';
import { firstViolation, requireDate, requireHttpUrl, requireNotBefore, requireOneOf, requireReason, requireText } from '../shared/field-rules';
import { SERVICES, type Service } from '../inspection/vocabulary';
import {
  COPY_RECIPIENTS,
  CORRECTABLE_STATUTORY_DATES,
  type CorrectStatutoryDate,
  type InviteChiefOfficerComments,
  type OpenStatutoryResponse,
  type PublishActionPlan,
  type PublishStatutoryResponse,
  type RecordChiefOfficerComments,
  type RecordCommissionerComments,
  type RecordCopySent,
  type RecordReplyToChiefOfficer,
  type ReviseStatutoryTimetable,
  type StatutoryResponseCommand,
} from './commands';
import type { StatutoryResponseContext } from './context';
import type { StatutoryResponseEvent } from './events';
import { type OpenedStatutoryResponse, type StatutoryResponseState, evolveStatutoryResponse, initialStatutoryResponseState, recordedDateOf } from './state';
import { STATUTORY_RESPONSE_PERIOD_DAYS, responseDeadline } from './statutory-clock';
import { refuseStatutoryResponse } from './rules';
import { checkOccurredNotBefore } from '../shared/occurred-at-rules';

type Decision = readonly StatutoryResponseEvent[] | RuleViolation;

export function decideStatutoryResponse(command: StatutoryResponseCommand, state: StatutoryResponseState, context: StatutoryResponseContext): Decision {
  if (command.type === 'OpenStatutoryResponse') return open(command, state);
  if (!state.opened) return refuseStatutoryResponse('NotRegistered', `No statutory response is open for inspection ${command.inspectionId}: the inspection has not been registered`, 'inspectionId');
  // The timetable follows the inspection's own events; every other step answers the published report.
  const early = command.type === 'ReviseStatutoryTimetable' ? undefined : checkOccurredNotBefore(context.occurredAt, state.reportPublishedOn, 'OccurredBeforePublication', 'the publication of the report');
  if (early) return early;
  switch (command.type) {
    case 'ReviseStatutoryTimetable':
      return revise(command, state);
    case 'InviteChiefOfficerComments':
      return invite(command, state);
    case 'RecordChiefOfficerComments':
      return recordChiefOfficerComments(command, state);
    case 'RecordCommissionerComments':
      return recordCommissionerComments(command, state);
    case 'RecordReplyToChiefOfficer':
      return recordReply(command, state);
    case 'PublishStatutoryResponse':
      return publishResponse(command, state, context);
    case 'RecordCopySent':
      return recordCopySent(command, state);
    case 'PublishActionPlan':
      return publishActionPlan(command, state, context);
    case 'CorrectStatutoryDate':
      return correctDate(command, state, context);
  }
}

export const statutoryResponseDecider: Decider<StatutoryResponseCommand, StatutoryResponseEvent, StatutoryResponseState, StatutoryResponseContext> = {
  initialState: initialStatutoryResponseState,
  decide: decideStatutoryResponse,
  evolve: evolveStatutoryResponse,
};

interface Timetable {
  service: Service;
  reportPublishedOn: string;
  responsePeriodDays: number;
  deadline: string;
}

function open(command: OpenStatutoryResponse, state: StatutoryResponseState): Decision {
  if (state.opened) return refuseStatutoryResponse('AlreadyRegistered', `The statutory response for inspection ${state.inspectionId} is already open`, 'inspectionId');
  const refused = requireText(command.inspectionId, 'inspectionId');
  if (refused) return refused;
  const timetable = timetableOf(command);
  if (isRuleViolation(timetable)) return timetable;
  return [{ type: 'StatutoryResponseOpened', inspectionId: command.inspectionId, ...timetable }];
}

function revise(command: ReviseStatutoryTimetable, state: OpenedStatutoryResponse): Decision {
  const refused = requireReason(command.reason);
  if (refused) return refused;
  const timetable = timetableOf(command);
  if (isRuleViolation(timetable)) return timetable;
  if (timetable.service === state.service && timetable.reportPublishedOn === state.reportPublishedOn && timetable.responsePeriodDays === state.responsePeriodDays) {
    return refuseStatutoryResponse('NothingToAmend', 'The timetable is already as given', 'reportPublishedOn');
  }
  return [{ type: 'StatutoryTimetableRevised', inspectionId: state.inspectionId, ...timetable, reason: command.reason }];
}

/** The police period is the law's; the fire period is the office's policy and must be given. */
function timetableOf(command: OpenStatutoryResponse | ReviseStatutoryTimetable): Timetable | RuleViolation {
  const refused = firstViolation(requireOneOf(command.service, SERVICES, 'service'), requireDate(command.reportPublishedOn, 'reportPublishedOn'));
  if (refused) return refused;
  const given = command.responsePeriodDays ?? undefined;
  let responsePeriodDays: number;
  if (command.service === 'police') {
    if (given !== undefined) {
      return refuseStatutoryResponse('PeriodFixedByLaw', `responsePeriodDays: a police report is answered within the ${STATUTORY_RESPONSE_PERIOD_DAYS} days of the Police Act 1996 s.55; leave it out`, 'responsePeriodDays');
    }
    responsePeriodDays = STATUTORY_RESPONSE_PERIOD_DAYS;
  } else {
    if (given === undefined) return refuseStatutoryResponse('FieldRequired', 'responsePeriodDays is required for a fire report: the period set by the office policy', 'responsePeriodDays');
    if (!Number.isInteger(given) || given < 1) return refuseStatutoryResponse('InvalidValue', `responsePeriodDays must be a positive whole number of days (got ${JSON.stringify(given)})`, 'responsePeriodDays');
    responsePeriodDays = given;
  }
  return { service: command.service, reportPublishedOn: command.reportPublishedOn, responsePeriodDays, deadline: responseDeadline(command.reportPublishedOn, responsePeriodDays) };
}

function invite(command: InviteChiefOfficerComments, state: OpenedStatutoryResponse): Decision {
  const refused =
    policeOnly(command.type, state) ??
    notYetPublished(command.type, state) ??
    (state.chiefOfficerCommentsReceivedOn !== null ? refuseStatutoryResponse('IllegalTransition', `The chief officer's comments were received on ${state.chiefOfficerCommentsReceivedOn}: there is nothing left to invite`) : undefined) ??
    firstViolation(requireDate(command.invitedOn, 'invitedOn'), requireDate(command.commentsDueBy, 'commentsDueBy')) ??
    requireNotBefore(command.commentsDueBy, command.invitedOn, 'commentsDueBy', 'the invitation');
  if (refused) return refused;
  return [{ type: 'ChiefOfficerCommentsInvited', inspectionId: state.inspectionId, invitedOn: command.invitedOn, commentsDueBy: command.commentsDueBy }];
}

/** Police and fire alike: a fire action plan is published with the commissioner's and the chief fire officer's statements too. */
function recordChiefOfficerComments(command: RecordChiefOfficerComments, state: OpenedStatutoryResponse): Decision {
  const refused =
    notYetPublished(command.type, state) ??
    (state.chiefOfficerCommentsReceivedOn !== null ? refuseStatutoryResponse('AlreadyRecorded', `The chief officer's comments were already recorded, received on ${state.chiefOfficerCommentsReceivedOn}`) : undefined) ??
    firstViolation(requireDate(command.receivedOn, 'receivedOn'), requireText(command.comments, 'comments'));
  if (refused) return refused;
  return [{ type: 'ChiefOfficerCommentsRecorded', inspectionId: state.inspectionId, receivedOn: command.receivedOn, comments: command.comments }];
}

function recordCommissionerComments(command: RecordCommissionerComments, state: OpenedStatutoryResponse): Decision {
  const refused =
    notYetPublished(command.type, state) ??
    (state.commissionerCommentsMadeOn !== null ? refuseStatutoryResponse('AlreadyRecorded', `The commissioner's comments were already recorded, made on ${state.commissionerCommentsMadeOn}`) : undefined) ??
    firstViolation(requireDate(command.madeOn, 'madeOn'), requireText(command.comments, 'comments'));
  if (refused) return refused;
  return [{ type: 'CommissionerCommentsRecorded', inspectionId: state.inspectionId, madeOn: command.madeOn, comments: command.comments }];
}

function recordReply(command: RecordReplyToChiefOfficer, state: OpenedStatutoryResponse): Decision {
  const refused =
    policeOnly(command.type, state) ??
    notYetPublished(command.type, state) ??
    (state.replyMadeOn !== null ? refuseStatutoryResponse('AlreadyRecorded', `The reply to the chief officer was already recorded, made on ${state.replyMadeOn}`) : undefined);
  if (refused) return refused;
  const commentsReceivedOn = state.chiefOfficerCommentsReceivedOn;
  if (commentsReceivedOn === null) return refuseStatutoryResponse('IllegalTransition', "There is nothing to reply to: the chief officer's comments have not been recorded");
  const invalid =
    firstViolation(requireDate(command.madeOn, 'madeOn'), requireText(command.reply, 'reply')) ??
    requireNotBefore(command.madeOn, commentsReceivedOn, 'madeOn', "the chief officer's comments");
  if (invalid) return invalid;
  return [{ type: 'ReplyToChiefOfficerRecorded', inspectionId: state.inspectionId, madeOn: command.madeOn, reply: command.reply }];
}

/**
 * s.55 asks the commissioner to publish their own comments, which must answer every applicable
 * recommendation: so the comments must be on record, and each applicable recommendation must
 * have a decision or an explained "no action". Publishing late is recorded, never refused.
 */
function publishResponse(command: PublishStatutoryResponse, state: OpenedStatutoryResponse, context: StatutoryResponseContext): Decision {
  const refused =
    policeOnly(command.type, state) ??
    publication(command, state) ??
    (state.commissionerCommentsMadeOn === null ? refuseStatutoryResponse('CommissionerCommentsRequired', "Record the commissioner's comments before publishing the response") : undefined) ??
    undecided(context);
  if (refused) return refused;
  return [{ type: 'StatutoryResponsePublished', inspectionId: state.inspectionId, publishedOn: command.publishedOn, url: command.url }];
}

/** The fire action plan answers the recommendations as the police response does, under the office's policy period. */
function publishActionPlan(command: PublishActionPlan, state: OpenedStatutoryResponse, context: StatutoryResponseContext): Decision {
  const refused =
    (state.service !== 'fire' ? refuseStatutoryResponse('WrongService', `${command.type} is for a fire report; a police report is answered with PublishStatutoryResponse`) : undefined) ??
    publication(command, state) ??
    undecided(context);
  if (refused) return refused;
  return [{ type: 'ActionPlanPublished', inspectionId: state.inspectionId, publishedOn: command.publishedOn, url: command.url }];
}

function recordCopySent(command: RecordCopySent, state: OpenedStatutoryResponse): Decision {
  const refused =
    requireOneOf(command.recipient, COPY_RECIPIENTS, 'recipient') ??
    (state.publishedOn === null ? refuseStatutoryResponse('IllegalTransition', 'A copy can only be sent once the response has been published') : undefined) ??
    (state.copiesSent.includes(command.recipient) ? refuseStatutoryResponse('AlreadyRecorded', `A copy has already been recorded as sent to ${command.recipient}`, 'recipient') : undefined) ??
    requireDate(command.sentOn, 'sentOn');
  if (refused) return refused;
  return [{ type: 'StatutoryResponseCopySent', inspectionId: state.inspectionId, recipient: command.recipient, sentOn: command.sentOn }];
}

/**
 * The corrected date must fit the others as the step's own date had to: not before the report,
 * statements not after the publication, the reply not before the comments it answers, and none in
 * the future.
 */
function correctDate(command: CorrectStatutoryDate, state: OpenedStatutoryResponse, context: StatutoryResponseContext): Decision {
  const steps = Object.keys(CORRECTABLE_STATUTORY_DATES);
  const refused =
    requireOneOf(command.step, steps, 'step') ?? firstViolation(requireDate(command.correctDate, 'correctDate'), requireReason(command.reason));
  if (refused) return refused;
  const recorded = recordedDateOf(state, command.step);
  if (recorded === null) return refuseStatutoryResponse('NothingToCorrect', `No date has been recorded for the ${STEP_NAMES[command.step]}: record it rather than correct it`, 'step');
  if (recorded === command.correctDate) return refuseStatutoryResponse('NothingToAmend', `The ${STEP_NAMES[command.step]} is already dated ${recorded}`, 'correctDate');
  if (context.today === undefined) throw new Error('Correcting a date needs today in the context');
  if (command.correctDate > context.today) return refuseStatutoryResponse('DateInFuture', `correctDate (${command.correctDate}) is later than today (${context.today})`, 'correctDate');
  const after = evolveStatutoryResponse(state, { type: 'StatutoryDateCorrected', inspectionId: state.inspectionId, step: command.step, field: '', recordedDate: recorded, correctDate: command.correctDate, reason: '' }) as OpenedStatutoryResponse;
  const date = command.correctDate;
  const statements: [string | null, string][] = [
    [after.invitation?.invitedOn ?? null, 'the invitation to the chief officer'],
    [after.chiefOfficerCommentsReceivedOn, "the chief officer's comments"],
    [after.commissionerCommentsMadeOn, "the commissioner's comments"],
    [after.replyMadeOn, 'the reply to the chief officer'],
  ];
  const order =
    requireNotBefore(date, state.reportPublishedOn, 'correctDate', 'the publication of the report') ??
    (command.step === 'publication'
      ? firstViolation(...statements.map(([on, what]) => (on === null ? undefined : requireNotBefore(date, on, 'correctDate', `${what} it publishes`))))
      : after.publishedOn !== null && date > after.publishedOn
        ? refuseStatutoryResponse('DateOutOfOrder', `correctDate (${date}) may not be after the publication of the response (${after.publishedOn})`, 'correctDate')
        : undefined) ??
    (command.step === 'replyToChiefOfficer' && after.chiefOfficerCommentsReceivedOn !== null ? requireNotBefore(date, after.chiefOfficerCommentsReceivedOn, 'correctDate', "the chief officer's comments") : undefined) ??
    (command.step === 'chiefOfficerComments' && after.replyMadeOn !== null && date > after.replyMadeOn
      ? refuseStatutoryResponse('DateOutOfOrder', `correctDate (${date}) may not be after the reply to the chief officer (${after.replyMadeOn})`, 'correctDate')
      : undefined);
  if (order) return order;
  return [
    {
      type: 'StatutoryDateCorrected',
      inspectionId: state.inspectionId,
      step: command.step,
      field: CORRECTABLE_STATUTORY_DATES[command.step],
      recordedDate: recorded,
      correctDate: date,
      reason: command.reason,
    },
  ];
}

const STEP_NAMES: Record<CorrectStatutoryDate['step'], string> = {
  invitation: "invitation to the chief officer's comments",
  chiefOfficerComments: "chief officer's comments",
  commissionerComments: "commissioner's comments",
  replyToChiefOfficer: 'reply to the chief officer',
  publication: 'publication of the response',
};

/**
 * A response is published with its comments: it cannot be dated before the report, nor before any
 * statement it publishes. Where it was published may be unknown (a page imported without its
 * address): null, never a guess.
 */
function publication(command: PublishStatutoryResponse | PublishActionPlan, state: OpenedStatutoryResponse): RuleViolation | undefined {
  const statements: [string | null, string][] = [
    [state.commissionerCommentsMadeOn, "the commissioner's comments it publishes"],
    [state.chiefOfficerCommentsReceivedOn, "the chief officer's comments it publishes"],
    [state.replyMadeOn, 'the reply to the chief officer it publishes'],
  ];
  return (
    (state.publishedOn !== null ? refuseStatutoryResponse('AlreadyRecorded', `The response was already published on ${state.publishedOn}`) : undefined) ??
    firstViolation(requireDate(command.publishedOn, 'publishedOn'), command.url === null ? undefined : requireHttpUrl(command.url, 'url')) ??
    requireNotBefore(command.publishedOn, state.reportPublishedOn, 'publishedOn', 'the publication of the report') ??
    firstViolation(...statements.map(([on, what]) => (on === null ? undefined : requireNotBefore(command.publishedOn, on, 'publishedOn', what))))
  );
}

function undecided(context: StatutoryResponseContext): RuleViolation | undefined {
  if (context.findings === undefined) throw new Error("Publishing needs the decision facts of the inspection's findings in the context");
  const references = context.findings.filter((f) => f.applicable && !f.decided).map((f) => f.reference);
  return references.length === 0
    ? undefined
    : refuseStatutoryResponse('UndecidedRecommendations', `Not yet decided: ${references.join(', ')}. Each applicable recommendation needs a decision or an explained "no action" before the response is published`);
}

function policeOnly(commandType: string, state: OpenedStatutoryResponse): RuleViolation | undefined {
  return state.service === 'police'
    ? undefined
    : refuseStatutoryResponse('WrongService', `${commandType} is a step of the police response under the Police Act 1996 s.55; a fire report is answered with PublishActionPlan`);
}

function notYetPublished(commandType: string, state: OpenedStatutoryResponse): RuleViolation | undefined {
  return state.publishedOn === null ? undefined : refuseStatutoryResponse('IllegalTransition', `${commandType} comes before publication, and the response was published on ${state.publishedOn}`);
}
