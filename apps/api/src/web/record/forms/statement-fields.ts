import { RECORDS_FOR_OTHERS } from '@ledger/application';
import { isCalendarDate } from '@ledger/domain';
import type { FormError } from '../../layout/error-summary';
import { idOf, isGroup, type FieldGroup, type FieldSpec, type FormItem } from './field-spec';

/**
 * The fields every command may carry about the statement itself (the JSON API's StatementDto):
 * on whose behalf it is recorded, and when it happened. Who records it is never asked.
 */
export const OCCURRED_AT: FieldSpec = {
  path: 'occurredAt',
  kind: 'date',
  label: 'Date it happened (optional)',
  hint: 'When it was decided or done, if not today. For example, 24 9 2024',
};

export function onBehalfOf(prefill: 'chief-constable' | 'none'): FieldGroup {
  return {
    legend: prefill === 'chief-constable' ? 'On whose behalf you are recording this' : 'On whose behalf you are recording this (optional)',
    hint:
      prefill === 'chief-constable'
        ? "The person whose decision or commitment this is, as you type it in for them: the Chief Constable, usually. Clear all three if it is your own."
        : 'If you are typing in what someone else said or did, who they are. Leave blank if it is your own.',
    fields: [
      { path: 'onBehalfOf.name', kind: 'text', label: 'Their name', width: 'two-thirds' },
      { path: 'onBehalfOf.role', kind: 'text', label: 'Their role', width: 'two-thirds' },
      { path: 'onBehalfOf.organisation', kind: 'text', label: 'Their organisation', hint: 'For example, Cumbria Constabulary', width: 'two-thirds' },
    ],
  };
}

/** A form's items as a role may fill them in: "on behalf of" only for the roles that may record for someone else (the application refuses it from any other). */
export function itemsForRole(items: readonly FormItem[], role: string): FormItem[] {
  if ((RECORDS_FOR_OTHERS as readonly string[]).includes(role)) return [...items];
  return items.filter((item) => !(isGroup(item) && item.fields.some((field) => field.path.startsWith('onBehalfOf.'))));
}

export const CHIEF_CONSTABLE_PREFILL = { 'onBehalfOf.name': 'Chief Constable', 'onBehalfOf.role': 'Chief Constable' } as const;

/**
 * The page asks for the day it happened. Today is left out (recorded now, to the instant); an
 * earlier day is recorded as that day, with no invented clock time. A later day goes through, for
 * the ledger to refuse.
 */
export function occurredAtFromDay(body: Record<string, unknown>, today: string): FormError | undefined {
  const day = body.occurredAt;
  if (day === undefined) return undefined;
  if (!isCalendarDate(day)) return { field: idOf(OCCURRED_AT.path), message: 'Date it happened must be a real date, written YYYY-MM-DD' };
  if (day === today) delete body.occurredAt;
  return undefined;
}
