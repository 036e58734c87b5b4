import { CliUsageError, type CliCommand } from '../cli-command';
import { usageError, withPeopleStore } from './people-store-of';

export const tokensCreateCommand: CliCommand = {
  name: 'tokens create',
  summary: "Create an API token for a person (shown once; only its hash is kept): send it as 'Authorization: Bearer TOKEN'",
  usage: 'PERSON_ID [--label TEXT]',
  options: { label: { type: 'string' } },
  async run({ positionals, values, env, stdout }) {
    const [personId] = positionals;
    if (personId === undefined) throw new CliUsageError('the id of the person the token acts as is required');
    const label = typeof values.label === 'string' ? values.label : 'API token';
    const { token, row } = usageError(() => withPeopleStore(env, (people) => people.createApiToken(personId, label)));
    stdout.write(`Token ${row.id} (${row.label}) for person ${personId}. It is shown only now:\n${token}\n`);
    return 0;
  },
};

export const tokensListCommand: CliCommand = {
  name: 'tokens list',
  summary: 'List API tokens (never their values)',
  usage: '[--person PERSON_ID]',
  options: { person: { type: 'string' } },
  async run({ values, env, stdout }) {
    const tokens = withPeopleStore(env, (people) => people.listApiTokens(typeof values.person === 'string' ? values.person : undefined));
    if (tokens.length === 0) stdout.write('No API tokens.\n');
    for (const token of tokens) stdout.write(`${token.id}  ${token.personId}  ${token.label}  created ${token.createdAt}${token.revokedAt ? `  revoked ${token.revokedAt}` : ''}\n`);
    return 0;
  },
};

export const tokensRevokeCommand: CliCommand = {
  name: 'tokens revoke',
  summary: 'Revoke an API token: it is refused from then on',
  usage: 'TOKEN_ID',
  async run({ positionals, env, stdout }) {
    const [id] = positionals;
    if (id === undefined) throw new CliUsageError('the id of the token to revoke is required (see `ledger tokens list`)');
    usageError(() => withPeopleStore(env, (people) => people.revokeApiToken(id)));
    stdout.write(`Revoked token ${id}.\n`);
    return 0;
  },
};
