import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INSPECTION_KEY_STREAM_PREFIX, inspectionStream, recommendationStream, statutoryResponseStream } from '@ledger/domain';
import { SAMPLE_FINDINGS, SAMPLE_INSPECTION_ID } from '@ledger/domain/inspection/sample-inspection.fixture';
import { SqliteEventStore, type RecordedEvent } from '@ledger/event-store';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { readStreamFully } from '../pipeline/stored-event';
import { FindingIssuance } from './finding-issuance';
import { FindingIssuer } from './finding-issuer';
import { CRASH_AFTER_FINDINGS, CRASH_COMMAND_ID } from './register-then-crash.fixture';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CHILD = path.join(__dirname, 'register-then-crash.fixture.ts');

function runChild(file: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './test/support/register-ts.js', CHILD, file], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** Starts a FindingIssuer on the file as a freshly booted process would, lets it catch up, stops it. */
async function recover(file: string): Promise<void> {
  const store = SqliteEventStore.open(file);
  const pipeline = new CommandPipeline(store, () => new Date());
  const issuer = new FindingIssuer(store, new FindingIssuance(pipeline, store, { statutory: { fireResponseDays: 56 } }));
  try {
    issuer.start();
    await issuer.whenCaughtUp();
  } finally {
    await issuer.stop();
    await store.close();
  }
}

async function readLog(file: string): Promise<RecordedEvent[]> {
  const store = SqliteEventStore.open(file);
  try {
    return await readStreamFully(store.readAll());
  } finally {
    await store.close();
  }
}

describe('a process killed while issuing the findings of a new inspection', () => {
  let dir: string;

  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves work that the FindingIssuer completes exactly once, however often it runs', async () => {
    const file = path.join(dir, 'events.db');

    const child = await runChild(file);

    expect({ signal: child.signal, stderr: child.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    const crashed = (await readLog(file)).filter(isLedgerStream);
    expect(crashed.map((e) => [e.streamId, e.type])).toEqual([
      [inspectionStream(SAMPLE_INSPECTION_ID), 'InspectionRegistered'],
      ...SAMPLE_FINDINGS.slice(0, CRASH_AFTER_FINDINGS).map((f) => [recommendationStream(f.findingId), 'FindingIssued']),
    ]);

    await recover(file);

    // The inspection's natural key was reserved before it was registered (and held once).
    expect((await readLog(file)).filter((e) => !isLedgerStream(e)).map((e) => e.type)).toEqual(['InspectionKeyReserved']);
    const recovered = (await readLog(file)).filter(isLedgerStream);
    const registered = recovered[0]!;
    for (const finding of SAMPLE_FINDINGS) {
      const stream = recovered.filter((e) => e.streamId === recommendationStream(finding.findingId));
      expect(stream.map((e) => [e.type, e.data['reference'], e.metadata['$causationId'], e.metadata['$correlationId']])).toEqual([
        ['FindingIssued', finding.reference, registered.id, CRASH_COMMAND_ID],
      ]);
    }
    const response = recovered.filter((e) => e.streamId === statutoryResponseStream(SAMPLE_INSPECTION_ID));
    expect(response.map((e) => [e.type, e.data['deadline']])).toEqual([['StatutoryResponseOpened', '2024-10-16']]);
    expect(recovered).toHaveLength(1 + SAMPLE_FINDINGS.length + 1);
    expect(recovered.slice(0, crashed.length)).toEqual(crashed);

    await recover(file);

    expect((await readLog(file)).filter(isLedgerStream)).toEqual(recovered);
  });
});

function isLedgerStream(event: { streamId: string }): boolean {
  return !event.streamId.startsWith(INSPECTION_KEY_STREAM_PREFIX);
}
