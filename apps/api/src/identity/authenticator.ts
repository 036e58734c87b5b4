import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/tokens';
import { AuthenticationError } from './authentication.error';
import { DEV_USER_HEADER, DevUserDirectory } from './dev-users';
import { OidcIssuer } from './oidc/oidc-issuer';
import { isTokenOf } from './people/secret-token';
import { PeopleStore } from './people/people-store';
import type { Principal } from './principal';
import { SessionCookies } from './session/session-cookie';

/**
 * Who sent a request, from its credentials, in this order: a Bearer token (an API token of the
 * embedded store, or a JWT from the OpenID Connect issuer); the development header; a session
 * cookie; and, only with development identities on, the chosen or default development person.
 * Undefined when nobody is signed in; credentials that are sent but not good are refused, never
 * ignored, so that a client learns its token is wrong rather than acting as someone else.
 */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly people: PeopleStore,
    private readonly sessions: SessionCookies,
    private readonly developmentPeople: DevUserDirectory,
    @Inject(OidcIssuer) private readonly oidc: OidcIssuer | null,
  ) {}

  async authenticate(request: Request): Promise<Principal | undefined> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return this.bearer(authorization);
    const devUser = request.headers[DEV_USER_HEADER];
    if (devUser !== undefined) return this.developmentPerson(devUser);
    const session = this.sessions.read(request);
    if (session?.kind === 'oidc') return session.principal;
    if (session?.kind === 'person') {
      const person = this.people.find(session.personId);
      if (person && !person.disabled) return principalOf(person);
    }
    return this.config.devIdentities ? this.developmentPeople.defaultUser : undefined;
  }

  private async bearer(authorization: string): Promise<Principal> {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization);
    if (!match) throw new AuthenticationError('The Authorization header must be "Bearer" and a token');
    const token = match[1];
    if (isTokenOf('lgr_api', token)) {
      const person = this.people.personOfApiToken(token);
      if (!person) throw new AuthenticationError('The API token is not known, has been revoked, or its person is disabled');
      return principalOf(person);
    }
    if (this.oidc === null) throw new AuthenticationError('The token is not a ledger API token, and no OpenID Connect issuer is configured');
    return this.oidc.principalOfAccessToken(token);
  }

  private developmentPerson(header: string | string[]): Principal {
    if (!this.config.devIdentities) {
      throw new AuthenticationError('X-Ledger-Dev-User is refused: development identities are off (they need LEDGER_DEV_IDENTITIES=1, never in production)');
    }
    const person = typeof header === 'string' ? this.developmentPeople.find(header) : undefined;
    if (!person) {
      const known = this.developmentPeople.all().map((user) => user.id).join(', ');
      throw new AuthenticationError(`X-Ledger-Dev-User names no development person; known: ${known}`);
    }
    return person;
  }
}

function principalOf(person: Principal): Principal {
  return { id: person.id, name: person.name, role: person.role, organisation: person.organisation };
}
