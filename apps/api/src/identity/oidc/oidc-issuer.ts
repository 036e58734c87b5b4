import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { isRole } from '@ledger/application';
import type { OidcConfig } from '../../config/api-config';
import type { Principal } from '../principal';
import { AuthenticationError } from '../authentication.error';

export interface IssuerMetadata {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

/**
 * The OpenID Connect issuer: its discovery document, its signing keys (fetched and cached by
 * `jose`), and turning a verified token's claims into a principal. Access tokens sent as Bearer
 * must name the configured audience; ID tokens from the browser sign-in name the client id. Both
 * must come from the configured issuer and be unexpired.
 */
export class OidcIssuer {
  private metadataFetched: Promise<IssuerMetadata> | undefined;
  private keys: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(readonly config: OidcConfig) {}

  metadata(): Promise<IssuerMetadata> {
    this.metadataFetched ??= this.discover().catch((error: unknown) => {
      this.metadataFetched = undefined;
      throw error;
    });
    return this.metadataFetched;
  }

  async principalOfAccessToken(token: string): Promise<Principal> {
    return this.principalOf(await this.verify(token, this.config.audience));
  }

  async principalOfIdToken(token: string, nonce: string): Promise<Principal> {
    const claims = await this.verify(token, this.config.clientId);
    if (claims.nonce !== nonce) throw new AuthenticationError('The ID token does not carry the nonce this sign-in sent');
    return this.principalOf(claims);
  }

  private async verify(token: string, audience: string): Promise<JWTPayload> {
    const metadata = await this.metadata();
    this.keys ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer: this.config.issuer, audience, algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'] });
      return payload;
    } catch (error) {
      throw new AuthenticationError(`The token was not accepted: ${reasonOf(error)}`);
    }
  }

  private principalOf(claims: JWTPayload): Principal {
    const { roleClaim, organisationClaim, nameClaim } = this.config;
    const role = claims[roleClaim];
    const organisation = claims[organisationClaim];
    if (typeof claims.sub !== 'string' || claims.sub === '') throw new AuthenticationError('The token names no subject');
    if (!isRole(role)) throw new AuthenticationError(`The token's ${roleClaim} claim names no ledger role`);
    if (typeof organisation !== 'string' || organisation.trim() === '') throw new AuthenticationError(`The token has no ${organisationClaim} claim`);
    const name = claims[nameClaim];
    return { id: claims.sub, name: typeof name === 'string' && name.trim() !== '' ? name : claims.sub, role, organisation };
  }

  private async discover(): Promise<IssuerMetadata> {
    const url = `${this.config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`OpenID Connect discovery at ${url} answered ${response.status}`);
    const metadata = (await response.json()) as Partial<IssuerMetadata>;
    if (metadata.issuer !== this.config.issuer) throw new Error(`The discovery document at ${url} names the issuer ${String(metadata.issuer)}, not ${this.config.issuer}`);
    for (const field of ['jwks_uri', 'authorization_endpoint', 'token_endpoint'] as const) {
      if (typeof metadata[field] !== 'string') throw new Error(`The discovery document at ${url} has no ${field}`);
    }
    return metadata as IssuerMetadata;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `its ${error.claim} claim is not the one expected`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return "it is signed with none of the issuer's keys";
  if (error instanceof errors.JOSEError) return 'it is not a well-formed signed token';
  return 'it could not be checked';
}
