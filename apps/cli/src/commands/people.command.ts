import { isRole, ROLES } from '@ledger/application';
import { signInLinkUrl } from '../../../api/src/identity/people/first-administrator';
import { CliUsageError, type CliCommand } from '../cli-command';
import { publicUrlOf, usageError, withPeopleStore } from './people-store-of';

export const peopleAddCommand: CliCommand = {
  name: 'people add',
  summary: 'Register a person for the embedded sign-in and print their one-time sign-in link',
  usage: `--name NAME --role ROLE --organisation ORG\n\n  --role  one of ${ROLES.join(', ')}`,
  options: { name: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' } },
  async run({ values, env, stdout }) {
    const { name, role, organisation } = values;
    if (typeof name !== 'string' || typeof organisation !== 'string') throw new CliUsageError('--name and --organisation are required');
    if (!isRole(role)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
    const { person, token } = usageError(() =>
      withPeopleStore(env, (people) => {
        const added = people.add({ name, role, organisation });
        return { person: added, token: people.createSignInLink(added.id) };
      }),
    );
    stdout.write(`Added ${person.name} (${person.role}, ${person.organisation}) with id ${person.id}.\nOne-time sign-in link (works once, within 24 hours):\n  ${signInLinkUrl(publicUrlOf(env), token)}\n`);
    return 0;
  },
};

export const peopleListCommand: CliCommand = {
  name: 'people list',
  summary: 'List the people of the embedded sign-in',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  async run({ values, env, stdout }) {
    const people = withPeopleStore(env, (store) => store.list());
    if (values.json) {
      stdout.write(`${JSON.stringify(people, null, 2)}\n`);
      return 0;
    }
    if (people.length === 0) stdout.write('Nobody is registered.\n');
    for (const person of people) stdout.write(`${person.id}  ${person.name}  ${person.role}  ${person.organisation}${person.disabled ? '  (disabled)' : ''}\n`);
    return 0;
  },
};

export const peopleDisableCommand: CliCommand = {
  name: 'people disable',
  summary: 'Disable a person: their sessions, sign-in links and API tokens stop working at once',
  usage: 'PERSON_ID',
  async run({ positionals, env, stdout }) {
    const [id] = positionals;
    if (id === undefined) throw new CliUsageError('the id of the person to disable is required');
    const person = usageError(() => withPeopleStore(env, (people) => people.disable(id)));
    stdout.write(`Disabled ${person.name} (${person.id}).\n`);
    return 0;
  },
};

export const peopleLinkCommand: CliCommand = {
  name: 'people link',
  summary: 'Print a new one-time sign-in link for a person',
  usage: 'PERSON_ID',
  async run({ positionals, env, stdout }) {
    const [id] = positionals;
    if (id === undefined) throw new CliUsageError('the id of the person is required');
    const token = usageError(() => withPeopleStore(env, (people) => people.createSignInLink(id)));
    stdout.write(`One-time sign-in link (works once, within 24 hours):\n  ${signInLinkUrl(publicUrlOf(env), token)}\n`);
    return 0;
  },
};
