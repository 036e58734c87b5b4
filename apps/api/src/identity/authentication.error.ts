/** The credentials sent are not good (malformed, unknown, revoked, expired, the wrong issuer or audience): 401. */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
