import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspectionStream, recommendationStream, statutoryResponseStream, type Actor } from '@ledger/domain';
import { SAMPLE_FINDINGS, SAMPLE_INSPECTION_ID, sampleRegisterInspection } from '@ledger/domain/inspection/sample-inspection.fixture';
import { EMBEDDED_EVENTS_FILE, SqliteEventStore } from '@ledger/event-store';
import { InspectionCommandHandler } from '../inspection/inspection-command.handler';
import { InspectionCommandMessage } from '../inspection/inspection-command.message';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { readStreamFully } from '../pipeline/stored-event';
import type { FindingIssuance } from './finding-issuance';
import { FindingIssuerThread } from './finding-issuer-thread';
import { FileCheckpoint } from './reactor-checkpoint';

jest.setTimeout(60_000);

const NOW = new Date('2024-09-02T09:30:00.000Z');
const officeStaff: Actor = { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };

describe('the FindingIssuer in a worker thread', () => {
  let dir: string;
  let store: SqliteEventStore;
  let checkpointFile: string;
  let appended: number;
  let thread: FindingIssuerThread;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-issuer-thread-'));
    store = SqliteEventStore.open(path.join(dir, EMBEDDED_EVENTS_FILE));
    checkpointFile = path.join(dir, 'finding-issuer.checkpoint.json');
    appended = 0;
    thread = new FindingIssuerThread({
      env: { LEDGER_EVENT_STORE: 'embedded', LEDGER_DATA_DIR: dir },
      checkpointFile,
      policies: { statutory: { fireResponseDays: 90 } },
      onAppended: () => (appended += 1),
    });
  });

  afterEach(async () => {
    await thread.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The inspection recorded as a process that died before its follow-ups would leave it. */
  async function registerWithoutFollowUps(): Promise<bigint> {
    const noFollowUps = { complete: async () => null } as unknown as FindingIssuance;
    const result = await new InspectionCommandHandler(new CommandPipeline(store, () => NOW), noFollowUps, store, () => NOW).execute(
      new InspectionCommandMessage(sampleRegisterInspection, { actor: officeStaff, source: 'api', commandId: 'register' }),
    );
    return result.position;
  }

  const typesIn = async (streamId: string) => (await readStreamFully(store.readStream(streamId))).map((event) => event.type);

  it('completes, with its own connection to the log, the follow-ups a crash left undone, tells this thread it appended, and saves its checkpoint', async () => {
    const registeredAt = await registerWithoutFollowUps();

    await thread.start();
    await thread.whenCaughtUp();

    for (const finding of SAMPLE_FINDINGS) expect(await typesIn(recommendationStream(finding.findingId))).toEqual(['FindingIssued']);
    expect(await typesIn(statutoryResponseStream(SAMPLE_INSPECTION_ID))).toEqual(['StatutoryResponseOpened']);
    expect(appended).toBeGreaterThan(0);
    await thread.stop();
    expect(new FileCheckpoint(checkpointFile).load()).toBeGreaterThanOrEqual(registeredAt);
  });

  it('started again, carries on from its checkpoint and does nothing twice', async () => {
    await registerWithoutFollowUps();
    await thread.start();
    await thread.whenCaughtUp();
    await thread.stop();
    const head = await store.headPosition();
    appended = 0;

    await thread.start();
    await thread.whenCaughtUp();

    expect(await store.headPosition()).toBe(head);
    expect(appended).toBe(0);
    expect(await typesIn(inspectionStream(SAMPLE_INSPECTION_ID))).toEqual(['InspectionRegistered']);
  });
});
