import { applyDecorators, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';

/** The two limits, per client address and minute (LEDGER_SIGN_IN_PER_MINUTE, LEDGER_HEAVY_READS_PER_MINUTE). */
export const SIGN_IN_THROTTLE = 'sign-in';
export const HEAVY_THROTTLE = 'heavy';

/** Sign-in attempts: guessing links or tokens is slowed to a crawl. */
export function ThrottleSignIn(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(ThrottlerGuard), SkipThrottle({ [HEAVY_THROTTLE]: true }));
}

/** Reads that cost the server a lot: exports, import previews, as-at views. */
export function ThrottleHeavy(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(ThrottlerGuard), SkipThrottle({ [SIGN_IN_THROTTLE]: true }));
}
