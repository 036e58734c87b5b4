import type { Response } from 'supertest';
import type { LedgerUnderTest } from './ledger-under-test';

/** A POST as a development user (the default one when `as` is left out). */
export function post(ledger: LedgerUnderTest, path: string, body: object, options: { as?: string; headers?: Record<string, string> } = {}) {
  const test = ledger.http().post(path).send(body);
  if (options.as) test.set('X-Ledger-Dev-User', options.as);
  for (const [name, value] of Object.entries(options.headers ?? {})) test.set(name, value);
  return test;
}

/**
 * A stream written by the application after a command returns (a finding issued from its
 * inspection's registration) is waited for, within a bounded time.
 */
export async function waitForHistory(ledger: LedgerUnderTest, path: string, timeoutMs = 5000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await ledger.http().get(path);
    if (response.status !== 404 || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface HistoryEvent {
  id: string;
  type: string;
  revision: string;
  position: string;
  data: Record<string, unknown>;
  metadata: {
    actor: { id: string; name: string; role: string; organisation: string };
    onBehalfOf?: { name: string; role: string; organisation: string };
    occurredAt: string;
    recordedAt: string;
    commandId: string;
    source: string;
    $correlationId: string;
    $causationId: string;
  };
}
