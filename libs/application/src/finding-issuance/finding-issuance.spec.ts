import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { inspectionStream, recommendationStream, statutoryResponseStream, type Actor } from '@ledger/domain';
import { SAMPLE_FINDINGS, SAMPLE_INSPECTION_ID, sampleRegisterInspection } from '@ledger/domain/inspection/sample-inspection.fixture';
import { EventStoreUnavailableError, EventStoreDecorator, SqliteEventStore, type EventStore, type RecordedEvent, type SubscribeToAllOptions } from '@ledger/event-store';
import { InspectionCommandHandler } from '../inspection/inspection-command.handler';
import { InspectionCommandMessage } from '../inspection/inspection-command.message';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { readStreamFully } from '../pipeline/stored-event';
import type { LedgerPolicies } from '../tokens';
import { FindingIssuance } from './finding-issuance';
import { FindingIssuer } from './finding-issuer';

const NOW = new Date('2024-09-02T09:30:00.000Z');
const officeStaff: Actor = { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
const policies: LedgerPolicies = { statutory: { fireResponseDays: 90 } };

describe('issuing the findings of an inspection', () => {
  let dir: string;
  let store: EventStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dir, 'events.db'));
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const history = (streamId: string): Promise<RecordedEvent[]> => readStreamFully(store.readStream(streamId));

  /** A process of the ledger: its own pipeline (and so its own in-process queue) on the shared store. */
  function ledgerProcess(on: EventStore = store) {
    const pipeline = new CommandPipeline(on, () => NOW);
    const issuance = new FindingIssuance(pipeline, on, policies);
    return { issuance, handler: new InspectionCommandHandler(pipeline, issuance, on, () => NOW) };
  }

  /** Records the inspection only, as a process that died right after its append would have. */
  async function recordedInspection(): Promise<RecordedEvent> {
    const pipeline = new CommandPipeline(store, () => NOW);
    const noFollowUps = { complete: async () => undefined } as unknown as FindingIssuance;
    await new InspectionCommandHandler(pipeline, noFollowUps, store, () => NOW).execute(
      new InspectionCommandMessage(sampleRegisterInspection, { actor: officeStaff, source: 'api', commandId: 'register' }),
    );
    const [event] = await history(inspectionStream(SAMPLE_INSPECTION_ID));
    return event!;
  }

  it('issues each finding once when two processes complete the same inspection event at the same moment', async () => {
    const registered = await recordedInspection();

    await Promise.all([ledgerProcess().issuance.complete([registered]), ledgerProcess().issuance.complete([registered])]);

    for (const finding of SAMPLE_FINDINGS) expect((await history(recommendationStream(finding.findingId))).map((e) => e.type)).toEqual(['FindingIssued']);
    expect((await history(statutoryResponseStream(SAMPLE_INSPECTION_ID))).map((e) => e.type)).toEqual(['StatutoryResponseOpened']);
  });

  it("opens a fire report's response with the office's policy period", async () => {
    const fire = { ...sampleRegisterInspection, inspectionId: 'fire-2024', service: 'fire' as const, inspectionType: 'fire-thematic' as const, findings: [] };

    await ledgerProcess().handler.execute(new InspectionCommandMessage(fire, { actor: officeStaff, source: 'api', commandId: 'register-fire' }));

    const [opened] = await history(statutoryResponseStream('fire-2024'));
    expect(opened!.data).toMatchObject({ service: 'fire', responsePeriodDays: 90, deadline: '2024-11-19' });
  });

  it('the FindingIssuer starts again from the beginning of the log when the store fails under it', async () => {
    const registered = await recordedInspection();
    const flaky = new (class extends EventStoreDecorator {
      failures = 1;
      override subscribeToAll(options?: SubscribeToAllOptions) {
        if (this.failures-- > 0) throw new EventStoreUnavailableError('connection lost');
        return super.subscribeToAll(options);
      }
    })(store);
    const issuer = new FindingIssuer(flaky, ledgerProcess().issuance);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    let messages: unknown[];
    try {
      issuer.start();
      await issuer.whenCaughtUp();
    } finally {
      await issuer.stop();
      messages = logged.mock.calls.map(([message]) => message);
      logged.mockRestore();
    }

    expect(messages).toEqual([expect.stringContaining('connection lost')]);
    const [issued] = await history(recommendationStream(SAMPLE_FINDINGS[0]!.findingId));
    expect(issued!.metadata['$causationId']).toBe(registered.id);
  });
});
