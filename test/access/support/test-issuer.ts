import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

/** Who the issuer signs in at its authorization endpoint (the next browser sign-in). */
export interface IssuerPerson {
  sub: string;
  name: string;
  /** The role and organisation, under whichever claim names the ledger is configured with. */
  [claim: string]: string;
}

/**
 * An OpenID Connect issuer on loopback, with keys generated here: discovery, JWKS, an
 * authorization endpoint that signs in `person` at once, and a token endpoint that checks the
 * code and its PKCE verifier and answers an ID token. `sign` makes access tokens for Bearer use.
 */
export interface TestIssuer {
  issuer: string;
  person: IssuerPerson;
  sign(claims: JWTPayload, options?: { issuer?: string; audience?: string; expiresIn?: string | number; key?: 'own' | 'stranger' }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(clientId: string): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string; person: IssuerPerson }>();
  let issuer = '';
  const state: { person: IssuerPerson } = { person: { sub: 'oidc-user-1', name: 'Olive Idp', ledger_role: 'office', ledger_organisation: 'Cumbria OPFCC' } };

  const sign = async (claims: JWTPayload, options: { issuer?: string; audience?: string; expiresIn?: string | number; key?: 'own' | 'stranger' } = {}): Promise<string> => {
    const key: KeyLike = options.key === 'stranger' ? stranger.privateKey : privateKey;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? clientId)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(key);
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, { issuer, jwks_uri: `${issuer}/jwks`, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, response_types_supported: ['code'] });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256') return json(400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('hex');
      codes.set(code, { nonce: q.get('nonce') ?? '', challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '', person: state.person });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      return response.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || grant.redirectUri !== form.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return json(400, { error: 'invalid_grant' });
        const { sub, ...claims } = grant.person;
        void sign({ ...claims, sub, nonce: grant.nonce }).then((idToken) => json(200, { access_token: 'opaque', token_type: 'Bearer', id_token: idToken }));
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    get person() {
      return state.person;
    },
    set person(person: IssuerPerson) {
      state.person = person;
    },
    sign,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
