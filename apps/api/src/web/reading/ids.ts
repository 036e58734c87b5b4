/** The shape of an id the ledger can hold (as the API's path ids); anything else names nothing. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isId(text: string): boolean {
  return ID.test(text);
}
