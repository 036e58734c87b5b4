import { FINDING_TYPES, INSPECTION_TYPES, RECOMMENDATION_STATUSES, SERVICES } from '@ledger/domain';
import { MAX_LIMIT } from '../../read-models/query-params';
import { queryInspections, type ReadModelReader } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import type { Field } from '../components/fields';
import { dayText } from './format';
import { selectField, textField, yesNoChoices, type Choice } from './form-fields';
import type { FormValues } from './page-query';
import { FINDING_TYPE, INSPECTION_TYPE, SERVICE, STATUS } from './words';

/** What each filter says when its value cannot be used, in the words of its label. */
export const FILTER_MESSAGES = {
  inspectionId: 'Select an inspection from the list',
  inspection: 'Select an inspection from the list',
  inspectionType: 'Select a type of inspection from the list',
  findingType: 'Select a type of finding from the list',
  service: 'Select police or fire and rescue',
  owner: 'Owner must be 200 characters or fewer',
  status: 'Select a status from the list',
  overdue: 'Select whether to show overdue findings, or findings that are not overdue',
  blocked: 'Select whether to show blocked findings, or findings that are not blocked',
  page: 'Page must be a whole number, 1 or more',
  atLeast: 'The log position in the address must be a whole number',
} as const;

/** Every inspection, for choosing one; the register holds far fewer than a list can take. */
export function inspectionChoices(readModels: ReadModelReader, today: string): Choice[] {
  return queryInspections(readModels, {}, { limit: MAX_LIMIT, offset: 0 }, today).items.map((inspection) => ({
    value: inspection.inspectionId,
    text: `${inspection.title} (${dayText(inspection.publishedOn)})`,
  }));
}

export interface FilterContext {
  values: FormValues;
  errors: readonly FormError[];
}

export function inspectionField(context: FilterContext, inspections: readonly Choice[], name = 'inspectionId'): Field {
  return selectField({ ...context, name, label: 'Inspection', choices: inspections, any: 'All inspections' });
}

export function inspectionTypeField(context: FilterContext): Field {
  return selectField({ ...context, name: 'inspectionType', label: 'Type of inspection', choices: INSPECTION_TYPES.map((value) => ({ value, text: INSPECTION_TYPE[value] })) });
}

export function findingTypeField(context: FilterContext): Field {
  return selectField({ ...context, name: 'findingType', label: 'Type of finding', choices: FINDING_TYPES.map((value) => ({ value, text: FINDING_TYPE[value] })) });
}

export function serviceField(context: FilterContext): Field {
  return selectField({ ...context, name: 'service', label: 'Service', choices: SERVICES.map((value) => ({ value, text: SERVICE[value] })), any: 'Police and fire' });
}

export function ownerField(context: FilterContext): Field {
  return textField({ ...context, name: 'owner', label: 'Owner', hint: 'Part of the name is enough' });
}

export function statusField(context: FilterContext): Field {
  return selectField({ ...context, name: 'status', label: 'Status', choices: RECOMMENDATION_STATUSES.map((value) => ({ value, text: STATUS[value].text })) });
}

export function overdueField(context: FilterContext): Field {
  return selectField({ ...context, name: 'overdue', label: 'Overdue', choices: yesNoChoices('Overdue only', 'Not overdue') });
}

export function blockedField(context: FilterContext): Field {
  return selectField({ ...context, name: 'blocked', label: 'Blocked', choices: yesNoChoices('Blocked only', 'Not blocked') });
}

/** Inspection titles by id, for naming what a row is about. */
export function inspectionTitles(readModels: ReadModelReader, today: string): Map<string, string> {
  return new Map(queryInspections(readModels, {}, { limit: MAX_LIMIT, offset: 0 }, today).items.map((inspection) => [inspection.inspectionId, inspection.title]));
}
