import * as fs from 'node:fs';
import * as path from 'node:path';
import { PEOPLE_DATABASE_FILE, PeopleError, PeopleStore } from '../../../api/src/identity/people/people-store';
import { CliUsageError } from '../cli-command';

/** The embedded sign-in's people, in the data folder the API uses (LEDGER_DATA_DIR, default ./data). */
export function withPeopleStore<T>(env: NodeJS.ProcessEnv, use: (people: PeopleStore) => T): T {
  const dataDir = path.resolve(env.LEDGER_DATA_DIR?.trim() || './data');
  fs.mkdirSync(dataDir, { recursive: true });
  const people = PeopleStore.open(path.join(dataDir, PEOPLE_DATABASE_FILE));
  try {
    return use(people);
  } finally {
    people.close();
  }
}

/** Where the printed sign-in links point: LEDGER_PUBLIC_URL, or this machine on PORT. */
export function publicUrlOf(env: NodeJS.ProcessEnv): string {
  return (env.LEDGER_PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || '3000'}`).replace(/\/+$/, '');
}

/** A refusal by the people store (unknown person, bad role) is the operator's to fix: a usage error, not a crash. */
export function usageError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof PeopleError) throw new CliUsageError(error.message);
    throw error;
  }
}
