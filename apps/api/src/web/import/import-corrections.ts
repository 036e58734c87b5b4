import type { PageImportPlan } from '@ledger/application/import-page';
import { compareDates } from '@ledger/domain';
import { type DateParts, dateInput, partsOf, readDateParts } from '../components/date-input';
import type { Field } from '../components/fields';
import type { FormError } from '../layout/error-summary';
import { dayText } from '../reading/format';

/**
 * The dates of a preview the office can correct before recording: the response date, unless the
 * page states it, and each planned completion date the ledger derived from a phrase ("within one
 * month") or could not read as a day. A box left empty keeps what the preview shows.
 */
export const RESPONSE_DATE = 'responseDate';

/** The boxes of the planned completion date of the response at `index` in the plan's responses. */
export function plannedDateName(index: number): string {
  return `plannedCompletionDate${index}`;
}

export interface DateCorrections {
  responseDate?: string;
  plannedCompletionDates: Record<number, string>;
}

export type FormValues = Readonly<Record<string, string>>;

/** Which of the plan's responses carry a date to check, by their place in `plan.responses`. */
function correctable(plan: PageImportPlan): number[] {
  return plan.responses.flatMap(({ parsed, answers }, index) => (answers.length > 0 && (parsed.dateIsDerived || parsed.ambiguousDate) ? [index] : []));
}

function responseDateCorrectable(plan: PageImportPlan): boolean {
  return plan.responseDate !== null && plan.responseDate.basis !== 'page';
}

/**
 * The corrections sent with the confirmation, checked against the plan they correct. `values`
 * holds the form as sent; the hidden `responseDate` (the one given with the page) stands when
 * its boxes are left empty.
 */
export function readCorrections(values: FormValues, plan: PageImportPlan, today: string): { corrections: DateCorrections; errors: FormError[] } {
  const errors: FormError[] = [];
  const corrections: DateCorrections = { plannedCompletionDates: {} };
  const response = readDateParts(partsOf(values, RESPONSE_DATE), RESPONSE_DATE, 'The response date');
  if ('error' in response) errors.push(response.error);
  else if (response.date !== undefined && compareDates(response.date, today) > 0) errors.push({ field: `${RESPONSE_DATE}-day`, message: 'The response date must be today or in the past' });
  else if (response.date !== undefined) corrections.responseDate = response.date;

  const respondedOn = corrections.responseDate ?? plan.responseDate?.date;
  for (const index of correctable(plan)) {
    const name = plannedDateName(index);
    const planned = readDateParts(partsOf(values, name), name, `The planned completion date for ${answered(plan, index)}`);
    if ('error' in planned) errors.push(planned.error);
    else if (planned.date !== undefined && respondedOn !== undefined && compareDates(planned.date, respondedOn) < 0) {
      errors.push({ field: `${name}-day`, message: `The planned completion date for ${answered(plan, index)} must be on or after the response date, ${dayText(respondedOn)}` });
    } else if (planned.date !== undefined) corrections.plannedCompletionDates[index] = planned.date;
  }
  return { corrections, errors };
}

/** GOV.UK date inputs for the dates that can be corrected, with the boxes as sent and any errors at them. */
export function correctionFields(plan: PageImportPlan, values: FormValues, errors: readonly FormError[]): Field[] {
  const fields: Field[] = [];
  const errorAt = (name: string) => errors.find((error) => error.field.startsWith(`${name}-`));
  const boxes = (name: string): DateParts => ({ day: values[`${name}-day`] ?? '', month: values[`${name}-month`] ?? '', year: values[`${name}-year`] ?? '' });
  if (responseDateCorrectable(plan) && plan.responseDate !== null) {
    fields.push(
      dateInput({
        id: RESPONSE_DATE,
        name: RESPONSE_DATE,
        legend: 'Response date',
        legendClasses: 'govuk-fieldset__legend--s',
        hint: `To be recorded as ${dayText(plan.responseDate.date)} (${RESPONSE_BASIS[plan.responseDate.basis]}). Leave empty to keep it, or give the date the response was made, for example 10 10 2024. Dates counted from it ("within one month") are worked out again.`,
        parts: boxes(RESPONSE_DATE),
        error: errorAt(RESPONSE_DATE),
      }),
    );
  }
  for (const index of correctable(plan)) {
    const { parsed } = plan.responses[index];
    const name = plannedDateName(index);
    const shown = parsed.ambiguousDate || parsed.commitmentDate === null ? 'No date will be recorded: the response does not name a day' : `Derived as ${dayText(parsed.commitmentDate)}`;
    fields.push(
      dateInput({
        id: name,
        name,
        legend: `Planned completion date for ${answered(plan, index)}`,
        legendClasses: 'govuk-fieldset__legend--s',
        hint: `${shown}. Leave empty to keep it, or give the date the commitment means, for example 31 1 2025.`,
        parts: boxes(name),
        error: errorAt(name),
      }),
    );
  }
  return fields;
}

const RESPONSE_BASIS: Record<NonNullable<PageImportPlan['responseDate']>['basis'], string> = {
  given: 'given by you',
  page: 'stated on the page',
  'statutory-deadline': 'the statutory deadline, since the page does not date its response',
  'publication-date': 'the publication date, since the page does not date its response',
  today: 'today, since the page does not date its response',
};

function answered(plan: PageImportPlan, index: number): string {
  return plan.responses[index].answers.map((answer) => answer.reference).join(', ');
}
