/**
 * What the API answers when a strict EventStoreDB refuses: an append over the server's maximum
 * size is a 413, a user without the right a 403, refused credentials a 503, each as problem+json
 * with nothing recorded, and /health says which; never a 500. The API's body limit sits below
 * the append size. A leader change during a burst of commands loses no acknowledged command and
 * acknowledges none that was not written.
 */
import { randomUUID } from 'node:crypto';
import { EsdbEventStore } from '@ledger/event-store/esdb/esdb-event-store';
import { post } from '../e2e/support/http';
import { logSnapshot, readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { readSamplePage, type SamplePage } from '../e2e/support/sample-page';
import { CHIEF_CONSTABLE, rec03Commitment, registration } from '../e2e/support/sample-requests';
import { type EsdbEmulator, startEmulator } from '../esdb-emulator/start-emulator';
import { loopbackCertificate } from '../esdb-emulator/test-certificate';
import { QUIET } from './support/esdb-test-kit';

jest.setTimeout(90_000);

const PROBLEM = /^application\/problem\+json/;
const LEDGER_USER = { user: 'ledger-api', password: 'ledger-secret' };
const RULES = { users: { 'ledger-api': 'ledger-secret', admin: 'changeit' } };

describe('refusals of a strict EventStoreDB, over HTTP', () => {
  let page: SamplePage;
  const cleanup: Array<() => Promise<void>> = [];

  beforeAll(() => {
    page = readSamplePage();
  });

  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function ledgerOn(connectionString: string, env: Record<string, string> = {}): Promise<LedgerUnderTest> {
    const store = await EsdbEventStore.connect(connectionString, { logger: QUIET, healthTimeoutMs: 1_000 });
    cleanup.push(() => store.close());
    const ledger = await startLedger(undefined, env, { eventStore: store });
    cleanup.push(async () => {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    });
    return ledger;
  }

  async function emulatorWith(options: Parameters<typeof startEmulator>[0]): Promise<EsdbEmulator> {
    const emulator = await startEmulator(options);
    cleanup.push(() => emulator.stop());
    return emulator;
  }

  it('a body over the limit is 413 from the API itself; the limit sits below the append size, and /health states both', async () => {
    const emulator = await emulatorWith({});
    const ledger = await ledgerOn(emulator.connectionString, { LEDGER_MAX_APPEND_SIZE: '65536' });
    const before = await logSnapshot(ledger.store);

    const refused = await post(ledger, '/api/inspections', { ...registration(page), keyFindingsHtml: `<p>${'x'.repeat(60_000)}</p>` });

    expect(refused.status).toBe(413);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.body).toMatchObject({ type: 'tag:pfcc-ledger,2024:problems/payload-too-large', detail: expect.stringContaining('57344') });
    expect(await logSnapshot(ledger.store)).toEqual(before);
    const health = await ledger.http().get('/health').expect(200);
    expect(health.body.limits).toEqual({ bodyBytes: 57_344, maxAppendBytes: 65_536 });
  });

  it("an append over the server's MaxAppendSize is 413 problem+json naming the limit, nothing recorded, never a 500", async () => {
    // A server configured below what the API was told: the store's refusal is still a 413.
    const emulator = await emulatorWith({ maxAppendSize: 4_096 });
    const ledger = await ledgerOn(emulator.connectionString);
    const before = await logSnapshot(ledger.store);

    const refused = await post(ledger, '/api/inspections', registration(page));

    expect(refused.status).toBe(413);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.body).toMatchObject({ type: 'tag:pfcc-ledger,2024:problems/payload-too-large', maxAppendSize: 4_096 });
    expect(refused.body.detail).toContain('nothing was recorded');
    // The inspection's natural key (title and date: this one gives no report address) was reserved before the store refused the registration, and is released again.
    const after = await readLog(ledger.store);
    const added = after.filter((event) => !before.ids.includes(event.id));
    expect(added.map((event) => [event.streamId.replace(/-[0-9a-f-]{36}$/, ''), event.type])).toEqual([
      ['reservation-inspection', 'InspectionKeyReserved'],
      ['reservation-inspection', 'InspectionKeyReleased'],
    ]);
    await ledger.http().get('/health').expect(200);
  });

  describe('on a secure node (TLS, users, access rules)', () => {
    let certificate: { cert: string; key: string };

    beforeAll(async () => {
      certificate = await loopbackCertificate();
    });

    it('a user denied writes: 403 problem+json and nothing recorded; denied reading $all: /health 503 says access-denied', async () => {
      const emulator = await emulatorWith({ tls: certificate, access: RULES });
      const ledger = await ledgerOn(emulator.connectionStringFor(LEDGER_USER));
      await emulator.setAccess({ ...RULES, writeDenied: ['ledger-api'] });
      const before = await logSnapshot(ledger.store);

      const refused = await post(ledger, '/api/inspections', registration(page));

      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body).toMatchObject({ type: 'tag:pfcc-ledger,2024:problems/store-access-denied', status: 403 });
      expect(await logSnapshot(ledger.store)).toEqual(before);

      await emulator.setAccess({ ...RULES, readAllDenied: ['ledger-api'] });
      const health = await ledger.http().get('/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'unavailable', eventStore: { ok: false, kind: 'esdb', reason: 'access-denied' } });
    });

    it('credentials the node no longer accepts: commands 503 problem+json saying so, /health 503 says unauthenticated', async () => {
      const emulator = await emulatorWith({ tls: certificate, access: RULES });
      const ledger = await ledgerOn(emulator.connectionStringFor(LEDGER_USER));
      await emulator.setAccess({ users: { 'ledger-api': 'rotated', admin: 'changeit' } });

      const refused = await post(ledger, '/api/inspections', registration(page));

      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body).toMatchObject({ type: 'tag:pfcc-ledger,2024:problems/store-unavailable', detail: expect.stringContaining('credentials') });
      const health = await ledger.http().get('/health');
      expect(health.status).toBe(503);
      expect(health.body.eventStore).toMatchObject({ ok: false, reason: 'unauthenticated' });

      await emulator.setAccess(RULES);
      await post(ledger, '/api/inspections', registration(page)).expect(201);
    });
  });

  it('a leader change during a burst of commands: every acknowledged command is in the log once, and retries with the same key record the rest once', async () => {
    const emulator = await emulatorWith({ nodes: 3 });
    const ledger = await ledgerOn(emulator.connectionString);
    const registered = await post(ledger, '/api/inspections', registration(page)).expect(201);
    const recommendations: string[] = registered.body.findingIds.slice(0, 4);
    for (const id of recommendations) {
      await post(ledger, `/api/recommendations/${id}/accept`, { commitment: rec03Commitment(page), plannedCompletionDate: '2025-01-31', onBehalfOf: CHIEF_CONSTABLE }).expect(200);
    }

    const commands = Array.from({ length: 48 }, (_, n) => ({
      path: `/api/recommendations/${recommendations[n % recommendations.length]}/progress`,
      body: { narrative: `burst report ${n} ${randomUUID()}`, percentComplete: n % 100, rag: 'amber' },
      key: `burst-${n}-${randomUUID()}`,
    }));
    const send = (command: (typeof commands)[number]) => post(ledger, command.path, command.body, { headers: { 'Idempotency-Key': command.key } });

    const answers = commands.map((command, n) =>
      new Promise((resolve) => setTimeout(resolve, n * 4)).then(() => send(command)),
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    await emulator.electLeader(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await emulator.electLeader(2);
    const first = await Promise.all(answers);

    expect(first.map((answer) => answer.status).filter((status) => status !== 200 && status !== 503)).toEqual([]);
    const acknowledged = first.flatMap((answer, n) => (answer.status === 200 ? [{ command: commands[n], answer: answer.body }] : []));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect((await emulator.callCounts()).notLeader).toBeGreaterThanOrEqual(1);

    // Never acknowledged without being written: each acknowledged event is in the log, at the answered revision.
    const log = await readLog(ledger.store);
    for (const { command, answer } of acknowledged) {
      const written = log.filter((event) => answer.eventIds.includes(event.id));
      expect(written.map((event) => event.id)).toEqual(answer.eventIds);
      expect(String(written.at(-1)?.revision)).toBe(answer.revision);
      expect(written[0].data['narrative']).toBe(command.body.narrative);
    }

    // Whatever was not acknowledged is retried with its key until it is, and then recorded exactly once.
    for (const [n, answer] of first.entries()) {
      if (answer.status !== 200) await send(commands[n]).expect(200);
    }
    const after = await readLog(ledger.store);
    for (const command of commands) {
      expect({ narrative: command.body.narrative, times: after.filter((event) => event.data['narrative'] === command.body.narrative).length }).toEqual({
        narrative: command.body.narrative,
        times: 1,
      });
    }
  });
});
