/**
 * A form field as the templates render it: the GOV.UK Frontend macro that draws it and that
 * macro's parameters (see each component's macro-options). `components/ledger.njk` `field(f)`
 * renders one.
 */
export type Field =
  | { macro: 'input' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'dateInput' | 'fileUpload' | 'button' | 'hint'; params: Record<string, unknown> }
  | { macro: 'fieldset'; params: Record<string, unknown>; fields: readonly Field[] };

/** An error to show at a field: GOV.UK's errorMessage parameter. */
export function errorMessageOf(errors: readonly { field: string; message: string }[], ...ids: string[]): { text: string } | undefined {
  const error = errors.find((e) => ids.includes(e.field));
  return error === undefined ? undefined : { text: error.message };
}

/** A GET filter form: fields three to a row, a button, and a way to clear them. */
export interface FilterForm {
  action: string;
  submit: string;
  fields: readonly Field[];
  clear?: boolean;
}
