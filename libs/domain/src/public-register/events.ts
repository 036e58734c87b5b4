/** From now on the public register (no sign-in) shows what the office has published. */
export interface PublicRegisterEnabled {
  type: 'PublicRegisterEnabled';
}

/** From now on the public register answers 404, as if it did not exist. */
export interface PublicRegisterDisabled {
  type: 'PublicRegisterDisabled';
}

export type PublicRegisterEvent = PublicRegisterEnabled | PublicRegisterDisabled;

/** The office's settings have one stream: there is one register per ledger. */
export const PUBLIC_REGISTER_STREAM = 'office-public-register';
