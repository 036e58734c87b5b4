/** The office switches the public transparency register on or off; who did it is in the envelope. */
export interface SetPublicRegister {
  type: 'SetPublicRegister';
  enabled: boolean;
}

export type PublicRegisterCommand = SetPublicRegister;
