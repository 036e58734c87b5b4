import * as net from 'node:net';
import { readSamplePage } from './support/sample-page';
import { registration } from './support/sample-requests';
import { post, waitForHistory, type HistoryEvent } from './support/http';
import { removeDataDir, startLedger, type LedgerUnderTest } from './support/ledger-under-test';

/** Lines of the JSON log, as an operator's log shipper reads them. */
class CapturedLog {
  readonly lines: Record<string, unknown>[] = [];
  write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
}

describe('operability: metrics, structured logs, connection limits', () => {
  let ledger: LedgerUnderTest;
  const log = new CapturedLog();

  beforeAll(async () => {
    ledger = await startLedger(undefined, { LEDGER_MAX_CONNECTIONS_PER_CLIENT: '8' }, { log: { destination: log, level: 'info' } });
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it('/metrics counts commands by type and outcome with their latency, group commit sizes, and each projection’s lag and state', async () => {
    const registered = await post(ledger, '/api/inspections', registration(readSamplePage())).expect(201);
    const rec = registered.body.findingIds[0] as string;
    expect((await waitForHistory(ledger, `/api/recommendations/${rec}/history`)).status).toBe(200);
    await post(ledger, `/api/recommendations/${rec}/mark-complete`, { summary: 'Done', evidenceIds: [] }).expect(422);

    const metrics = await ledger.http().get('/metrics').set('X-Ledger-Dev-User', 'ledger-admin').expect(200);

    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text).toContain('ledger_commands_total{type="RegisterInspection",outcome="ok"} 1');
    expect(metrics.text).toContain('ledger_commands_total{type="MarkComplete",outcome="refused"} 1');
    expect(metrics.text).toMatch(/ledger_command_duration_seconds_count\{type="RegisterInspection",outcome="ok"\} 1/);
    expect(metrics.text).toMatch(/ledger_append_group_size_count [1-9]/);
    expect(metrics.text).toMatch(/ledger_projection_state\{projection="register",state="(live|catching-up)"\} 1/);
    expect(metrics.text).toMatch(/ledger_projection_lag_events\{projection="register"\} \d+/);
    expect(metrics.text).toContain('ledger_process_cpu_seconds_total');
  });

  it('logs one JSON line per request and per command, carrying the correlation id the command stored', async () => {
    const registered = await post(ledger, '/api/inspections', { ...registration(readSamplePage()), title: 'A second inspection, logged with its correlation id' }, { headers: { 'X-Correlation-Id': 'board-2025-03' } }).expect(201);
    const inspection = await ledger.http().get(`/api/inspections/${registered.body.inspectionId}/history`).expect(200);
    const stored = (inspection.body.events as HistoryEvent[])[0].metadata.$correlationId;

    expect(stored).toBe('board-2025-03');
    expect(log.lines).toContainEqual(expect.objectContaining({ msg: 'command', command: 'RegisterInspection', outcome: 'ok', correlationId: 'board-2025-03', level: 30 }));
    expect(log.lines).toContainEqual(expect.objectContaining({ msg: 'request', method: 'POST', path: '/api/inspections', status: 201, correlationId: 'board-2025-03' }));
    for (const line of log.lines) expect(line).toMatchObject({ service: 'pfcc-ledger-api', time: expect.any(String) });
  });

  it('one client may hold a bounded number of connections: past it the server closes new ones, and takes them again once some close', async () => {
    const open = (): Promise<net.Socket> =>
      new Promise((resolve, reject) => {
        const socket = net.connect(Number(new URL(ledger.url).port), '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      });
    const closed = (socket: net.Socket) => new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)));
    const held = await Promise.all(Array.from({ length: 8 }, open));
    try {
      const extra = await open();
      expect(await closed(extra)).toBe(true);
      expect(held.every((socket) => !socket.destroyed)).toBe(true);

      held.pop()!.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await ledger.http().get('/health')).status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});
