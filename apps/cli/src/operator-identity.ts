import type { Actor } from '@ledger/domain';

/**
 * The one place that says who the CLI acts as. Commands the CLI records are attributed to the
 * operator running it: LEDGER_OPERATOR_ID, _NAME, _ROLE and _ORG, each with a default that says
 * plainly it is the command-line tool, so an unconfigured import is still traceable.
 */
export const DEFAULT_OPERATOR: Actor = {
  id: 'cli-operator',
  name: 'Ledger operator (command line)',
  role: 'office',
  organisation: 'Office of the Police, Fire and Crime Commissioner',
};

export function operatorFromEnv(env: Record<string, string | undefined>): Actor {
  return {
    id: env.LEDGER_OPERATOR_ID?.trim() || DEFAULT_OPERATOR.id,
    name: env.LEDGER_OPERATOR_NAME?.trim() || DEFAULT_OPERATOR.name,
    role: env.LEDGER_OPERATOR_ROLE?.trim() || DEFAULT_OPERATOR.role,
    organisation: env.LEDGER_OPERATOR_ORG?.trim() || DEFAULT_OPERATOR.organisation,
  };
}
