import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { CLOCK, type Clock } from '@ledger/application';
import { principalOf } from '../identity/principal';
import { ruleViolation } from '../problem/problem';
import { idempotencyKeyOf, requestFingerprint } from './idempotency-key';
import { IdempotencyStore } from './idempotency.store';
import { KeyedLock } from './keyed-lock';

/** Headers of a command's answer that a replay repeats. */
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * A POST with an Idempotency-Key runs once per principal and key: a retry with the same method,
 * path and body gets the first answer again (marked Idempotent-Replayed), and the same key with a
 * different request is refused as IdempotencyKeyReused. The status comes from the route, which
 * the same method and path make the same. Only successful answers are kept: a
 * refused command appended nothing, so running it again is safe.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly locks = new KeyedLock();

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'POST') return next.handle();
    const key = idempotencyKeyOf(request);
    if (key === undefined) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    const principal = principalOf(request).id;
    const fingerprint = requestFingerprint(request);

    return from(
      this.locks.run(`${principal}\n${key}`, async () => {
        const stored = this.store.find(principal, key);
        if (stored) {
          if (stored.fingerprint !== fingerprint) {
            throw ruleViolation('IdempotencyKeyReused', `Idempotency-Key "${key}" was already used for a different request; use a new key for a new command`, 'Idempotency-Key');
          }
          for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
          response.setHeader('Idempotent-Replayed', 'true');
          return JSON.parse(stored.body) as unknown;
        }
        const body = await lastValueFrom(next.handle());
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = response.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        this.store.save(principal, key, { fingerprint, body: JSON.stringify(body), headers }, this.clock());
        return body;
      }),
    );
  }
}
