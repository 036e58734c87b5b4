/**
 * The roles access is decided on. A principal holds exactly one; it is also the `role` recorded
 * in every event's actor, so that a record says with which authority something was done.
 */
export const ROLES = ['office', 'commissioner', 'force-lead', 'verifier', 'scrutiny', 'hmicfrs-liaison', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  office: 'PFCC office staff: registers and imports inspections, records decisions, statements and statutory steps, and may record on behalf of others',
  commissioner: 'the Commissioner: approves and publishes the statutory response, signs off closure',
  'force-lead': "a force or fire service action owner: records owners, actions, progress and evidence, and marks complete, only for recommendations owned by their own organisation",
  verifier: 'verifies a completion or returns it for further work',
  scrutiny: 'reads everything, raises and closes challenges',
  'hmicfrs-liaison': "reads and exports everything, records the inspectorate's status and closure",
  admin: 'people, tokens, signing keys and projections; records no ledger entries',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
