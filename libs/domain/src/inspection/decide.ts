import type { DecisionContext, Decider, RuleViolation } from '../shared/decider';
import { checkOccurredNotBefore } from '../shared/occurred-at-rules';
import { type FieldCheck, blankAsNull, firstViolation, requireDate, requireHttpUrl, requireOneOf, requireReason, requireText } from '../shared/field-rules';
import type { AddFinding, AmendInspectionDetails, InspectionCommand, RegisterInspection } from './commands';
import type { InspectionEvent } from './events';
import { checkFinding, checkFindingSet, toFinding } from './finding';
import { INSPECTION_DETAIL_FIELDS, type InspectionDetails } from './inspection-details';
import { type InspectionState, evolveInspection, initialInspectionState } from './state';
import { INSPECTION_SCOPES, INSPECTION_TYPES, SERVICES } from './vocabulary';
import { refuseInspection } from './rules';

type Registered = Extract<InspectionState, { registered: true }>;

export function decideInspection(command: InspectionCommand, state: InspectionState, context: DecisionContext): readonly InspectionEvent[] | RuleViolation {
  if (command.type === 'RegisterInspection') {
    return checkOccurredNotBefore(context.occurredAt, command.publishedOn, 'OccurredBeforePublication', 'the publication of the report') ?? register(command, state);
  }
  if (!state.registered) return refuseInspection('NotRegistered', `Inspection ${command.inspectionId} has not been registered`, 'inspectionId');
  const early = checkOccurredNotBefore(context.occurredAt, state.details.publishedOn, 'OccurredBeforePublication', 'the publication of the report');
  if (early) return early;
  switch (command.type) {
    case 'AmendInspectionDetails':
      return amend(command, state);
    case 'AddFinding':
      return addFinding(command, state);
  }
}

export const inspectionDecider: Decider<InspectionCommand, InspectionEvent, InspectionState> = {
  initialState: initialInspectionState,
  decide: decideInspection,
  evolve: evolveInspection,
};

function register(command: RegisterInspection, state: InspectionState): readonly InspectionEvent[] | RuleViolation {
  if (state.registered) return refuseInspection('AlreadyRegistered', `Inspection ${state.inspectionId} is already registered`, 'inspectionId');
  const details: InspectionDetails = {
    title: command.title,
    hmicfrsReference: blankAsNull(command.hmicfrsReference),
    inspectionType: command.inspectionType,
    typeAsWritten: blankAsNull(command.typeAsWritten),
    scope: command.scope,
    service: command.service,
    publishedOn: command.publishedOn,
    reportUrl: blankAsNull(command.reportUrl),
    keyFindingsHtml: command.keyFindingsHtml ?? '',
  };
  if (!Array.isArray(command.findings)) return refuseInspection('InvalidValue', 'findings must be a list (it may be empty)', 'findings');
  const findings = command.findings.map((finding, i) => ({ finding, at: `findings[${i}]` }));
  const refused = firstViolation(
    requireText(command.inspectionId, 'inspectionId'),
    ...INSPECTION_DETAIL_FIELDS.map((field) => checkDetail(field, details[field])),
    ...findings.map(({ finding, at }) => checkFinding(finding, at)),
  );
  if (refused) return refused;
  const inconsistent = checkFindingSet(findings, []);
  if (inconsistent) return inconsistent;
  return [{ type: 'InspectionRegistered', inspectionId: command.inspectionId, ...details, findings: command.findings.map(toFinding) }];
}

function amend(command: AmendInspectionDetails, state: Registered): readonly InspectionEvent[] | RuleViolation {
  const reasonMissing = requireReason(command.reason);
  if (reasonMissing) return reasonMissing;
  if (typeof command.changes !== 'object' || command.changes === null || Array.isArray(command.changes)) {
    return refuseInspection('InvalidValue', 'changes must be an object of the fields to amend', 'changes');
  }
  const unknown = Object.keys(command.changes).find((key) => !(INSPECTION_DETAIL_FIELDS as readonly string[]).includes(key));
  if (unknown !== undefined) return refuseInspection('UnknownField', `changes.${unknown} is not an inspection detail that can be amended`, `changes.${unknown}`);

  const changes: Partial<InspectionDetails> = {};
  const previous: Partial<InspectionDetails> = {};
  for (const field of INSPECTION_DETAIL_FIELDS) {
    if (!(field in command.changes)) continue;
    const value = normaliseDetail(field, command.changes[field]);
    const invalid = checkDetail(field, value, `changes.${field}`);
    if (invalid) return invalid;
    if (value === state.details[field]) continue;
    Object.assign(changes, { [field]: value });
    Object.assign(previous, { [field]: state.details[field] });
  }
  if (Object.keys(changes).length === 0) return refuseInspection('NothingToAmend', 'changes does not change any detail of the inspection', 'changes');
  return [{ type: 'InspectionDetailsAmended', inspectionId: state.inspectionId, changes, previous, reason: command.reason }];
}

function addFinding(command: AddFinding, state: Registered): readonly InspectionEvent[] | RuleViolation {
  const refused =
    checkFinding(command.finding, 'finding') ??
    checkFindingSet([{ finding: command.finding, at: 'finding' }], state.findings) ??
    (command.reason === undefined || command.reason === null || typeof command.reason === 'string' ? undefined : refuseInspection('InvalidValue', 'reason must be a text or null', 'reason'));
  if (refused) return refused;
  return [{ type: 'FindingAdded', inspectionId: state.inspectionId, finding: toFinding(command.finding), reason: blankAsNull(command.reason) }];
}

function normaliseDetail<K extends keyof InspectionDetails>(field: K, value: InspectionDetails[K] | undefined): InspectionDetails[K] | undefined {
  return field === 'hmicfrsReference' || field === 'typeAsWritten' || field === 'reportUrl' ? (blankAsNull(value as string | null | undefined) as InspectionDetails[K]) : value;
}

function checkDetail(field: keyof InspectionDetails, value: unknown, path: string = field): FieldCheck {
  switch (field) {
    case 'title':
      return requireText(value, path);
    case 'inspectionType':
      return requireOneOf(value, INSPECTION_TYPES, path);
    case 'scope':
      return requireOneOf(value, INSPECTION_SCOPES, path);
    case 'service':
      return requireOneOf(value, SERVICES, path);
    case 'publishedOn':
      return requireDate(value, path);
    case 'reportUrl':
      return value === null ? undefined : requireHttpUrl(value, path);
    case 'hmicfrsReference':
    case 'typeAsWritten':
      return value === null || typeof value === 'string' ? undefined : refuseInspection('InvalidValue', `${path} must be a text or null`, path);
    case 'keyFindingsHtml':
      return typeof value === 'string' ? undefined : refuseInspection('InvalidValue', `${path} must be a text (it may be empty)`, path);
  }
}
