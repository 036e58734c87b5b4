import type { Principal } from '../../../identity/principal';
import type { Field } from '../../components/fields';
import type { Prose } from '../../components/inline';
import { CSRF_FIELD } from '../../layout/csrf';
import type { FormError } from '../../layout/error-summary';
import { renderPage } from '../../layout/render';
import { personWords } from '../../layout/who-is-acting';
import { atFirstBox } from './date-parts';
import { fieldsOf, idOf, type FieldSpec, type FormItem, type FormValues } from './field-spec';
import { formItems } from './form-fields';
import { SUBMISSION_FIELD } from './submission';

/** The id of a recording page's form: where the error summary points for a refusal of the whole thing. */
export const RECORDING_FORM_ID = 'record-form';

/** The success banner on the page a recording form returns to. */
export interface RecordedBanner {
  heading: string;
  body: string;
}

export interface RecordingPageModel {
  /** The h1: what is being recorded. */
  title: string;
  /** What it is recorded about: "REC 03 · Inspection title". */
  caption: string;
  /** What the person should see before answering: the finding's text, the pending change... */
  context?: Prose | false;
  /** Where the form posts; the page is got at the same address, so the switcher can return there. */
  action: string;
  items: readonly FormItem[];
  values: FormValues;
  errors: readonly FormError[];
  submit: string;
  /** The page this form belongs to: the back link and the cancel link. */
  back: string;
  csrfToken: string;
  submission: string;
  /** Who will be recorded as saying or doing it. */
  principal: Principal;
  /** Hidden fields the page carries from one round to the next (never something recorded as typed). */
  hidden?: Readonly<Record<string, string>>;
  /**
   * Buttons besides the main one, in the same form ("Add another finding"). Enter in a field
   * presses the first button of a form, so the main one is then repeated, unseen, first.
   */
  secondary?: readonly Field[];
}

/** A recording page: one form, with the error summary first, who will be recorded as the author, and the button. */
export function recordingPage(model: RecordingPageModel): string {
  const fields = fieldsOf(model.items);
  const errors = inFormOrder(atFirstBox(model.errors, fields), fields);
  return renderPage('record/forms/form-page.njk', {
    title: model.title,
    section: 'register',
    errors,
    caption: model.caption,
    context: model.context || [],
    action: model.action,
    formId: RECORDING_FORM_ID,
    hidden: [
      { name: CSRF_FIELD, value: model.csrfToken },
      { name: SUBMISSION_FIELD, value: model.submission },
      ...Object.entries(model.hidden ?? {}).map(([name, value]) => ({ name, value })),
    ],
    fields: formItems(model.items, model.values, errors),
    secondary: model.secondary ?? [],
    submit: model.submit,
    back: model.back,
    person: personWords(model.principal),
  });
}

/** A page in place of a form that cannot be used now (the status does not allow it), saying why. */
export function notNowPage(model: { title: string; caption: string; reason: string; back: string }): string {
  return renderPage('record/forms/not-now.njk', { ...model, section: 'register' });
}

/** The error summary lists problems in the order of the fields they are about; one about the whole form comes first. */
function inFormOrder(errors: readonly FormError[], fields: readonly FieldSpec[]): FormError[] {
  const ids = fields.map((field) => idOf(field.path));
  const place = (error: FormError) => ids.findIndex((id) => error.field === id || error.field.startsWith(`${id}-`) && /^(day|month|year)$/.test(error.field.slice(id.length + 1)));
  return [...errors].sort((a, b) => place(a) - place(b));
}
