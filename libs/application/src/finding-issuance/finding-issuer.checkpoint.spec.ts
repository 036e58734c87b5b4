import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspectionStream, recommendationStream, type Actor } from '@ledger/domain';
import { SAMPLE_FINDINGS, SAMPLE_INSPECTION_ID, sampleRegisterInspection } from '@ledger/domain/inspection/sample-inspection.fixture';
import { EventStoreDecorator, SqliteEventStore, type EventStore, type SubscribeToAllOptions } from '@ledger/event-store';
import { InspectionCommandHandler } from '../inspection/inspection-command.handler';
import { InspectionCommandMessage } from '../inspection/inspection-command.message';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { readStreamFully } from '../pipeline/stored-event';
import { FindingIssuance } from './finding-issuance';
import { FindingIssuer } from './finding-issuer';
import { FileCheckpoint } from './reactor-checkpoint';

const NOW = new Date('2024-09-02T09:30:00.000Z');
const officeStaff: Actor = { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };

/** The store, noting where each subscription starts and how often follow-up work reads a stream. */
class WatchedStore extends EventStoreDecorator {
  readonly subscribedAfter: Array<bigint | undefined> = [];

  override subscribeToAll(options?: SubscribeToAllOptions) {
    this.subscribedAfter.push(options?.after);
    return super.subscribeToAll(options);
  }
}

describe('the FindingIssuer keeps a checkpoint', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dir, 'events.db'));
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** One boot of an instance: an issuer on its checkpoint file, run until caught up, then stopped. */
  async function boot(on: EventStore, issuance: FindingIssuance = new FindingIssuance(new CommandPipeline(on, () => NOW), on, { statutory: { fireResponseDays: 90 } })) {
    const issuer = new FindingIssuer(on, issuance, new FileCheckpoint(path.join(dir, 'finding-issuer.checkpoint.json')));
    issuer.start();
    await issuer.whenCaughtUp();
    await issuer.stop();
  }

  async function registerWithoutFollowUps(): Promise<void> {
    const noFollowUps = { complete: async () => undefined } as unknown as FindingIssuance;
    await new InspectionCommandHandler(new CommandPipeline(store, () => NOW), noFollowUps, store, () => NOW).execute(
      new InspectionCommandMessage(sampleRegisterInspection, { actor: officeStaff, source: 'api', commandId: 'register' }),
    );
  }

  it('given work finished before a restart, when it boots again, then it resumes after its checkpoint and does none of that work again', async () => {
    await registerWithoutFollowUps();
    await boot(store);
    for (const finding of SAMPLE_FINDINGS) expect((await readStreamFully(store.readStream(recommendationStream(finding.findingId)))).map((e) => e.type)).toEqual(['FindingIssued']);
    const [inspectionEvent] = await readStreamFully(store.readStream(inspectionStream(SAMPLE_INSPECTION_ID)));

    const watched = new WatchedStore(store);
    const completed: string[] = [];
    const counting = new FindingIssuance(new CommandPipeline(watched, () => NOW), watched, { statutory: { fireResponseDays: 90 } });
    const complete = counting.complete.bind(counting);
    counting.complete = async (events) => {
      completed.push(...events.map((event) => event.id));
      return complete(events);
    };
    await boot(watched, counting);

    expect(watched.subscribedAfter).toHaveLength(1);
    expect(watched.subscribedAfter[0]).toBeGreaterThanOrEqual(inspectionEvent!.position);
    expect(completed).toEqual([]);
  });

  it('given a checkpoint beyond the end of the log (a folder used with another store), it starts from the beginning', async () => {
    new FileCheckpoint(path.join(dir, 'finding-issuer.checkpoint.json')).save(10_000n);
    await registerWithoutFollowUps();
    const watched = new WatchedStore(store);

    await boot(watched);

    expect(watched.subscribedAfter).toEqual([undefined]);
    for (const finding of SAMPLE_FINDINGS) expect((await readStreamFully(store.readStream(recommendationStream(finding.findingId)))).map((e) => e.type)).toEqual(['FindingIssued']);
  });
});
