import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import type { ApiConfig } from '../../config/api-config';
import { SIGN_IN_LINK_PATH } from '../sign-in/sign-in-paths';
import type { PeopleStore } from './people-store';

export const FIRST_ADMINISTRATOR = { name: 'Administrator', role: 'admin', organisation: 'Office of the Police, Fire and Crime Commissioner' } as const;

/**
 * On the first start of the embedded sign-in, with nobody registered, an administrator is created
 * and a one-time sign-in link for them is printed to the console and the log: the only time a
 * secret is ever written out, so that a new ledger can be opened in a browser and people added.
 * Not with development identities (they include an administrator) or an identity provider
 * (its people sign in there). Returns the link, if one was made.
 */
export function firstAdministrator(config: ApiConfig, people: PeopleStore, logger: LoggerService | LogLevel[] | false | undefined): string | undefined {
  if (config.devIdentities || config.oidc !== null || people.count() > 0) return undefined;
  const admin = people.add(FIRST_ADMINISTRATOR);
  const link = signInLinkUrl(config.publicUrl, people.createSignInLink(admin.id));
  const lines = [
    '',
    'Nobody is registered yet. Open this one-time link in a browser to sign in as the administrator,',
    'then add people at /people (or with `ledger people add`). It works once, within 24 hours:',
    '',
    `  ${link}`,
    '',
  ];
  if (logger !== false) process.stdout.write(`${lines.join('\n')}\n`);
  new Logger('SignIn').log(`First start: one-time administrator sign-in link ${link}`);
  return link;
}

export function signInLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${SIGN_IN_LINK_PATH}/${token}`;
}
