/** One problem with what was sent: `field` is the id of the input to fix, linked from the error summary (`layout/page.njk`). */
export interface FormError {
  field: string;
  message: string;
}

export function hasError(errors: readonly FormError[], ...fields: string[]): boolean {
  return errors.some((e) => fields.includes(e.field));
}
