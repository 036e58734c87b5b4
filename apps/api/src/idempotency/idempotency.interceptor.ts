import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { CLOCK, type Clock } from '@ledger/application';
import { principalOf } from '../identity/principal';
import { ruleViolation } from '../problem/problem';
import { idempotencyKeyOf, requestFingerprint } from './idempotency-key';
import { IdempotencyStore, type StoredAnswer } from './idempotency.store';
import { KeyedLock } from './keyed-lock';

/** Headers of a command's answer that a replay repeats. */
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * A POST with an Idempotency-Key runs once per principal and key: a retry with the same method,
 * path and body gets the first answer again (marked Idempotent-Replayed), and the same key with a
 * different request is refused as IdempotencyKeyReused. The status comes from the route, which
 * the same method and path make the same. Only successful answers are kept: a refused command
 * appended nothing, so running it again is safe.
 *
 * Across instances: the answers live in the event store (IdempotencyStore). Two instances that
 * get the same request at once both run it; the command id derives from the principal and the
 * key, so the pipeline records it once and both answers are the same. Within one instance, a
 * retry racing its original waits for it.
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

    const replay = (stored: StoredAnswer): unknown => {
      if (stored.fingerprint !== fingerprint) {
        throw ruleViolation('IdempotencyKeyReused', `Idempotency-Key "${key}" was already used for a different request; use a new key for a new command`, 'Idempotency-Key');
      }
      for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
      response.setHeader('Idempotent-Replayed', 'true');
      return JSON.parse(stored.body) as unknown;
    };

    return from(
      this.locks.run(`${principal}\n${key}`, async () => {
        const found = await this.store.find(principal, key, this.clock());
        if (found.answer) return replay(found.answer);
        const body = await lastValueFrom(next.handle());
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = response.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        const answer = { fingerprint, body: JSON.stringify(body), headers };
        if (await this.store.save(principal, key, answer, this.clock(), found.revision)) return body;
        // Another instance answered the same key meanwhile. The same request was recorded once
        // (same command id) and gets the same answer; a different one was recorded too, since it
        // ran before either knew: it keeps its own, truthful answer rather than a refusal.
        const winner = (await this.store.find(principal, key, this.clock())).answer;
        return winner && winner.fingerprint === fingerprint ? replay(winner) : body;
      }),
    );
  }
}
