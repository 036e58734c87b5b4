import { type ExportFilter, exportFilter } from '@ledger/integrity';
import { invalidInput } from '../problem/problem';
import type { ParamSpec } from '../read-models/query-params';

const FILTER_FIELDS = ['inspection', 'service', 'organisation', 'from', 'to'] as const satisfies readonly (keyof ExportFilter)[];

export type ExportFilterInput = Partial<Record<keyof ExportFilter, string>>;

/**
 * The filter of an export, checked by the integrity library; its refusal (a RangeError whose
 * message starts with the field's name) becomes a 400 naming that field.
 */
export function exportFilterFrom(input: ExportFilterInput): ExportFilter {
  try {
    return exportFilter(input);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const field = FILTER_FIELDS.find((name) => error.message.startsWith(`${name} `)) ?? 'filter';
    throw invalidInput([{ field, message: error.message }]);
  }
}

/** Any text: the library checks the values, so that the query and the body are refused alike. */
function filterParam(description: string, schema: Record<string, unknown> = { type: 'string' }): ParamSpec<string> {
  return { description, schema, parse: (text) => ({ value: text }) };
}

/** The filters as query parameters (unknown ones are refused by `parseQuery`). */
export const EXPORT_FILTER_PARAMS = {
  inspection: filterParam("Only this inspection: its own stream, its findings', its statutory response's, challenges naming it"),
  service: filterParam('Only inspections of this service', { type: 'string', enum: ['police', 'fire'] }),
  organisation: filterParam('Only streams with an event recorded by someone of this organisation, or on its behalf (any case)'),
  from: filterParam('Only streams with an event recorded (Europe/London date) on or after this date, YYYY-MM-DD', { type: 'string', format: 'date' }),
  to: filterParam('Only streams with an event recorded on or before this date, YYYY-MM-DD; events recorded after it are left out', { type: 'string', format: 'date' }),
} as const;
