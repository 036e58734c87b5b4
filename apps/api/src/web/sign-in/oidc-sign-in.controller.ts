import { Controller, Get, Inject, NotFoundException, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/tokens';
import { Public } from '../../identity/access/allow.decorator';
import { logRefusal } from '../../identity/access/refusal-log';
import { AuthenticationError } from '../../identity/authentication.error';
import { OidcIssuer } from '../../identity/oidc/oidc-issuer';
import { cookieOf } from '../../identity/session/cookies';
import { SessionCookies } from '../../identity/session/session-cookie';
import { OIDC_CALLBACK_PATH, safeReturnTo } from '../../identity/sign-in/sign-in-paths';
import { ThrottleSignIn } from '../../identity/sign-in/throttle';
import { sendPage } from '../layout/send-page';
import { WebErrorFilter } from '../layout/web-error.filter';
import { signInFailedPage } from './sign-in.pages';

const FLOW_COOKIE = 'ledger_oidc';
const FLOW_MINUTES = 10;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  expiresAt: number;
}

/**
 * Browser sign-in with OpenID Connect: the authorization code flow with PKCE, a state and a
 * nonce kept in a short-lived signed cookie; the ID token is verified against the issuer's keys
 * (issuer, audience = client id, expiry, nonce) and its claims become the session's principal.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Public()
@ThrottleSignIn()
@Controller()
export class OidcSignInController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(OidcIssuer) private readonly oidc: OidcIssuer | null,
    private readonly sessions: SessionCookies,
  ) {}

  @Get('sign-in/oidc')
  async start(@Query('returnTo') returnTo: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const oidc = this.requireOidc();
    const metadata = await oidc.metadata();
    const flow: Flow = { state: random(), nonce: random(), verifier: random(), returnTo: safeReturnTo(returnTo), expiresAt: Date.now() + FLOW_MINUTES * 60_000 };
    response.append('Set-Cookie', `${FLOW_COOKIE}=${this.sessions.seal(flow)}; Path=${OIDC_CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=${FLOW_MINUTES * 60}${request.secure ? '; Secure' : ''}`);
    const url = new URL(metadata.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: oidc.config.clientId,
      redirect_uri: this.redirectUri(),
      scope: 'openid profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: createHash('sha256').update(flow.verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    response.redirect(303, url.toString());
  }

  @Get('sign-in/oidc/callback')
  async callback(@Query('code') code: unknown, @Query('state') state: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const oidc = this.requireOidc();
    response.append('Set-Cookie', `${FLOW_COOKIE}=; Path=${OIDC_CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`);
    const flow = this.flowOf(request);
    try {
      if (!flow || flow.expiresAt < Date.now()) throw new AuthenticationError('the sign-in took too long or was started in another browser');
      if (typeof state !== 'string' || state !== flow.state) throw new AuthenticationError('the state returned is not the one this sign-in sent');
      if (typeof code !== 'string' || code === '') throw new AuthenticationError('the identity provider returned no code');
      const idToken = await this.exchange(oidc, code, flow.verifier);
      const principal = await oidc.principalOfIdToken(idToken, flow.nonce);
      this.sessions.set(request, response, { kind: 'oidc', principal });
      response.redirect(303, flow.returnTo);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      logRefusal(request, undefined, 401, `OpenID Connect sign-in: ${error.message}`);
      sendPage(response, 401, signInFailedPage(error.message));
    }
  }

  private async exchange(oidc: OidcIssuer, code: string, verifier: string): Promise<string> {
    const metadata = await oidc.metadata();
    const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: this.redirectUri(), client_id: oidc.config.clientId, code_verifier: verifier });
    if (oidc.config.clientSecret !== undefined) body.set('client_secret', oidc.config.clientSecret);
    const answer = await fetch(metadata.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body });
    const tokens = (await answer.json().catch(() => ({}))) as { id_token?: unknown };
    if (!answer.ok || typeof tokens.id_token !== 'string') throw new AuthenticationError(`the identity provider's token endpoint answered ${answer.status} without an ID token`);
    return tokens.id_token;
  }

  private flowOf(request: Request): Flow | undefined {
    const value = cookieOf(request, FLOW_COOKIE);
    const flow = value === undefined ? undefined : (this.sessions.unseal(value) as Flow | undefined);
    return typeof flow === 'object' && flow !== null && typeof flow.state === 'string' ? flow : undefined;
  }

  private redirectUri(): string {
    return `${this.config.publicUrl}${OIDC_CALLBACK_PATH}`;
  }

  private requireOidc(): OidcIssuer {
    if (this.oidc === null) throw new NotFoundException('Sign-in with an identity provider is not configured here.');
    return this.oidc;
  }
}

function random(): string {
  return randomBytes(32).toString('base64url');
}
