import { errorMessageOf } from '../components/fields';
import { CSRF_FIELD } from '../layout/csrf';
import { hasError, type FormError } from '../layout/error-summary';
import { renderPage } from '../layout/render';
import { FIELD, type ImportFormValues } from './import-form';

export const MAX_PAGE_MB = 2;

const PARTS = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
] as const;

export function importFormPage({ values, errors, csrfToken }: { values: ImportFormValues; errors: readonly FormError[]; csrfToken: string }): string {
  const dateInvalid = hasError(errors, FIELD.day, FIELD.month, FIELD.year);
  // A date missing a part highlights the parts to fill in; a date that is wrong as a whole, all of them.
  const partsMissing = !values.day || !values.month || !values.year;
  const partInError = (part: 'day' | 'month' | 'year') => dateInvalid && (!partsMissing || !values[part]);
  return renderPage('import/import-form.njk', {
    title: 'Import a published page',
    section: 'import',
    errors,
    csrf: { name: CSRF_FIELD, value: csrfToken },
    file: {
      id: FIELD.file,
      name: 'pageFile',
      label: { text: 'Upload the page', classes: 'govuk-label--m' },
      hint: { text: `The page saved from the web (HTML) or as a text file, up to ${MAX_PAGE_MB} MB.` },
      errorMessage: errorMessageOf(errors, FIELD.file),
      attributes: { accept: '.html,.htm,.txt,text/html,text/plain' },
    },
    text: {
      id: FIELD.text,
      name: 'pageText',
      label: { text: 'Or paste the page', classes: 'govuk-label--m' },
      hint: { text: 'Copy everything from the inspection title to the end of the response.' },
      value: values.pageText,
      rows: 10,
    },
    responseDate: {
      id: 'response-date',
      namePrefix: 'responseDate',
      fieldset: { legend: { text: 'When was the response made? (optional)', classes: 'govuk-fieldset__legend--m' } },
      hint: { text: 'Pages rarely say. Without it, the comments are dated with the statutory deadline and "within one month" counts from there. For example, 10 10 2024' },
      errorMessage: errorMessageOf(errors, FIELD.day, FIELD.month, FIELD.year),
      items: PARTS.map(({ part, label, width }) => ({
        id: FIELD[part],
        name: part,
        label,
        value: values[part],
        classes: `govuk-input--width-${width}${partInError(part) ? ' govuk-input--error' : ''}`,
      })),
    },
  });
}
