import { FINDING_TYPES, INSPECTION_TYPES, RECOMMENDATION_STATUSES, SERVICES } from '@ledger/domain';
import { BASES, BASIS_MEANING, CHALLENGE_STATUSES, COMMITMENT_KINDS, COMMITMENT_OUTCOMES, DEFAULT_BASIS, STATUTORY_STATES } from '@ledger/projections/read-models';
import {
  booleanParam,
  CONSISTENCY_PARAMS,
  dateParam,
  DEFAULT_LIMIT,
  idParam,
  listParam,
  oneOfParam,
  PAGE_PARAMS,
  required,
  textParam,
  type ParsedParams,
  type ParamSpecs,
} from './query-params';

/** The query parameters of each read route (see README.md beside this file). */

const inspectionId = idParam('Only this inspection');
const recommendationId = idParam('Only this finding (its recommendation id)');
const service = oneOfParam(SERVICES, 'Only police or only fire inspections');

/** Which time a history view orders and judges by; the answer states the one used. */
export const BASIS_PARAM = oneOfParam(
  BASES,
  `occurred: ${BASIS_MEANING.occurred}; recorded: ${BASIS_MEANING.recorded}. Default ${DEFAULT_BASIS}`,
);

export const REGISTER_FILTERS = {
  inspectionId,
  inspectionType: oneOfParam(INSPECTION_TYPES, 'Only inspections of this type'),
  findingType: oneOfParam(FINDING_TYPES, 'Only findings of this type'),
  service,
  owner: textParam("Part of the owner's name, any case"),
  status: listParam(RECOMMENDATION_STATUSES, 'Only findings in these statuses'),
  overdue: booleanParam("Only findings with the work still open past the inspectorate's due date or the current target date (true), or the others (false), as of the day asked"),
  blocked: booleanParam('Only findings waiting on an uncleared dependency (true), or the others (false)'),
} as const satisfies ParamSpecs;

export const READ_PARAMS = {
  inspections: {
    inspectionType: REGISTER_FILTERS.inspectionType,
    service,
    ...PAGE_PARAMS,
    ...CONSISTENCY_PARAMS,
  },
  single: { ...CONSISTENCY_PARAMS },
  register: { ...REGISTER_FILTERS, ...PAGE_PARAMS, ...CONSISTENCY_PARAMS },
  asAt: {
    date: required(dateParam('The day (Europe/London): the register at the end of it, with overdue and RAG judged on it')),
    basis: BASIS_PARAM,
    ...REGISTER_FILTERS,
    ...PAGE_PARAMS,
    ...CONSISTENCY_PARAMS,
  },
  timeline: {
    inspectionId,
    recommendationId,
    challengeId: idParam('Only this scrutiny challenge'),
    eventType: textParam('Only events of this type (e.g. RecommendationAccepted)', 100),
    ...PAGE_PARAMS,
    ...CONSISTENCY_PARAMS,
  },
  changes: {
    from: required(dateParam('First day of the period, inclusive')),
    to: required(dateParam('Last day of the period, inclusive')),
    basis: BASIS_PARAM,
    inspectionId,
    recommendationId,
    ...PAGE_PARAMS,
    ...CONSISTENCY_PARAMS,
  },
  commitments: {
    inspectionId,
    recommendationId,
    kind: oneOfParam(COMMITMENT_KINDS, 'Only decisions, approved new dates, or sub-actions'),
    outcome: listParam(COMMITMENT_OUTCOMES, 'Only commitments with these outcomes, as of today'),
    owner: REGISTER_FILTERS.owner,
    ...PAGE_PARAMS,
    ...CONSISTENCY_PARAMS,
  },
  slippage: {
    inspectionId,
    recommendationId,
    slipped: booleanParam('Only findings whose target date has moved (true), or has not (false)'),
    ...PAGE_PARAMS,
    ...CONSISTENCY_PARAMS,
  },
  statutory: {
    inspectionId,
    service,
    state: listParam(STATUTORY_STATES, 'Only responses in these states, as of today'),
    ...PAGE_PARAMS,
    ...CONSISTENCY_PARAMS,
  },
  challenges: {
    status: oneOfParam(CHALLENGE_STATUSES, 'open (default), closed or all'),
    inspectionId,
    recommendationId,
    answerOverdue: booleanParam('Only open challenges past their answer date with no answer (true), or the others (false)'),
    ...PAGE_PARAMS,
    ...CONSISTENCY_PARAMS,
  },
  dashboard: {
    inspectionId,
    service,
    findingType: REGISTER_FILTERS.findingType,
    ...CONSISTENCY_PARAMS,
  },
} as const satisfies Record<string, ParamSpecs>;

export function pageOf(params: { limit?: number; offset?: number }): { limit: number; offset: number } {
  return { limit: params.limit ?? DEFAULT_LIMIT, offset: params.offset ?? 0 };
}

/** The register filters of a parsed query, named as the queries name them. */
export function registerFilter(params: ParsedParams<typeof REGISTER_FILTERS>) {
  const { status, ...rest } = params;
  return { ...rest, statuses: status };
}
