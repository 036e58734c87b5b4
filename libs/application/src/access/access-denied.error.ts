/**
 * The principal may not do this: their role does not allow it, or not here. Nothing was
 * appended. Answered as 403, apart from a rule violation (422), because no change of the
 * command would make it acceptable from this person.
 */
export class AccessDeniedError extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}
