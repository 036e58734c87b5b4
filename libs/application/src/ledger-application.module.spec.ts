import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { inspectionStream, recommendationStream, statutoryResponseStream, type Actor, type InspectionCommand, type StatutoryResponseCommand } from '@ledger/domain';
import { SAMPLE_FINDINGS, SAMPLE_INSPECTION_ID, sampleRegisterInspection } from '@ledger/domain/inspection/sample-inspection.fixture';
import { SqliteEventStore, type EventStore, type EventToAppend, type RecordedEvent } from '@ledger/event-store';
import {
  AggregateNotFoundError,
  CommandRefusedError,
  EVENT_STORE,
  FindingIssuer,
  InspectionCommandMessage,
  LedgerApplicationModule,
  RecommendationCommandMessage,
  StatutoryResponseCommandMessage,
  StreamHistoryQuery,
  type CommandMeta,
} from './index';
import { deterministicUuid } from './pipeline/deterministic-id';
import { readStreamFully } from './pipeline/stored-event';

const NOW = new Date('2024-09-02T09:30:00.000Z');
const officeStaff: Actor = { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
const chiefConstable = { name: 'Rob Carden', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };
const [REC_03, REC_05] = SAMPLE_FINDINGS as [(typeof SAMPLE_FINDINGS)[number], (typeof SAMPLE_FINDINGS)[number]];

let sequence = 0;
const meta = (overrides: Partial<CommandMeta> = {}): CommandMeta => ({ actor: officeStaff, source: 'api', commandId: `module-spec-${++sequence}`, ...overrides });

describe('LedgerApplicationModule', () => {
  let dir: string;
  let store: EventStore;
  let app: TestingModule;
  let commands: CommandBus;
  let queries: QueryBus;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dir, 'events.db'));
    app = await Test.createTestingModule({ imports: [LedgerApplicationModule.forRoot({ eventStore: store, clock: () => NOW })] }).compile();
    await app.init();
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
  });

  afterEach(async () => {
    await app.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const history = (streamId: string): Promise<RecordedEvent[]> => readStreamFully(store.readStream(streamId));
  const register = (command: InspectionCommand = sampleRegisterInspection, m: CommandMeta = meta()) => commands.execute(new InspectionCommandMessage(command, m));

  it('provides the event store it was given under EVENT_STORE', () => {
    expect(app.get(EVENT_STORE)).toBe(store);
  });

  describe('registering the sample inspection', () => {
    beforeEach(() => app.get(FindingIssuer).stop());

    it('issues each of its five findings into its own stream and opens the statutory response before it answers', async () => {
      const result = await register();

      const [registered] = await history(inspectionStream(SAMPLE_INSPECTION_ID));
      // The answer's position covers the follow-ups, so waiting for it shows the findings too.
      expect(result).toEqual({ streamId: inspectionStream(SAMPLE_INSPECTION_ID), revision: 0n, position: await store.headPosition(), eventIds: [registered!.id] });
      expect(result.position).toBeGreaterThan(registered!.position);
      for (const finding of SAMPLE_FINDINGS) {
        const events = await history(recommendationStream(finding.findingId));
        expect(events.map((e) => [e.type, e.data['reference'], e.data['dueDate']])).toEqual([['FindingIssued', finding.reference, finding.dueDate]]);
      }
      const response = await history(statutoryResponseStream(SAMPLE_INSPECTION_ID));
      expect(response.map((e) => [e.type, e.data['reportPublishedOn'], e.data['deadline']])).toEqual([['StatutoryResponseOpened', '2024-08-22', '2024-10-16']]);
    });

    it('attributes the issued findings as the inspection: same people and business time, caused by its event', async () => {
      await register(sampleRegisterInspection, meta({ commandId: 'register-sample', onBehalfOf: chiefConstable, occurredAt: '2024-08-30T10:00:00Z', source: 'import' }));

      const [registered] = await history(inspectionStream(SAMPLE_INSPECTION_ID));
      const [issued] = await history(recommendationStream(REC_03.findingId));
      const streamId = recommendationStream(REC_03.findingId);
      expect(issued!.metadata).toEqual({
        actor: officeStaff,
        onBehalfOf: chiefConstable,
        occurredAt: '2024-08-30T10:00:00.000Z',
        recordedAt: NOW.toISOString(),
        $correlationId: 'register-sample',
        $causationId: registered!.id,
        commandId: deterministicUuid(registered!.id, streamId),
        schemaVersion: 1,
        source: 'import',
      });
    });

    it('answers a repeated registration (same command id) as the first and appends nothing more', async () => {
      const command = meta();
      const first = await register(sampleRegisterInspection, command);
      const head = await store.headPosition();

      expect(await register(sampleRegisterInspection, command)).toEqual(first);
      expect(await store.headPosition()).toBe(head);
    });

    it('refuses a finding id that another inspection already uses, and records nothing', async () => {
      await register();
      const head = await store.headPosition();
      const other: InspectionCommand = { ...sampleRegisterInspection, inspectionId: 'another-inspection', title: 'Another report', findings: [{ ...REC_03, reference: 'REC 01' }] };

      const attempt = register(other);

      await expect(attempt).rejects.toMatchObject({ name: 'CommandRefusedError', rule: 'DuplicateFindingId', field: 'findings[0].findingId' });
      expect(await store.headPosition()).toBe(head);
    });
  });

  it('issues a finding added after registration', async () => {
    await register();
    const finding = { findingId: 'finding-afi-01', reference: 'AFI 1', number: 1, findingType: 'area-for-improvement' as const, text: 'The force should review its RASSO problem profile annually.' };

    await register({ type: 'AddFinding', inspectionId: SAMPLE_INSPECTION_ID, finding });

    const events = await history(recommendationStream('finding-afi-01'));
    expect(events.map((e) => [e.type, e.data['findingType'], e.data['inspectionId']])).toEqual([['FindingIssued', 'area-for-improvement', SAMPLE_INSPECTION_ID]]);
  });

  it('revises the statutory timetable when the publication date is amended', async () => {
    await register();

    await register({ type: 'AmendInspectionDetails', inspectionId: SAMPLE_INSPECTION_ID, changes: { publishedOn: '2024-08-23' }, reason: 'The report was published a day later than first recorded' });

    const response = await history(statutoryResponseStream(SAMPLE_INSPECTION_ID));
    expect(response.map((e) => [e.type, e.data['reportPublishedOn'], e.data['deadline']])).toEqual([
      ['StatutoryResponseOpened', '2024-08-22', '2024-10-16'],
      ['StatutoryTimetableRevised', '2024-08-23', '2024-10-17'],
    ]);
  });

  it('records a recommendation decision on behalf of the Chief Constable, and its history reads back in order with the envelope', async () => {
    await register();

    const result = await commands.execute(
      new RecommendationCommandMessage(
        { type: 'AcceptRecommendation', recommendationId: REC_03.findingId, commitment: 'Train every investigating detective', plannedCompletionDate: '2025-01-31' },
        meta({ onBehalfOf: chiefConstable }),
      ),
    );

    const events = await queries.execute(new StreamHistoryQuery(recommendationStream(REC_03.findingId)));
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
    expect(events[0]!.type).toBe('FindingIssued');
    expect(events.slice(1).map((e) => e.id)).toEqual(result.eventIds);
    expect(events.slice(1).every((e) => e.metadata['onBehalfOf'] !== undefined && e.metadata['actor'] !== undefined)).toBe(true);
    expect(result.revision).toBe(events[events.length - 1]!.revision);
  });

  it('answers not found for a recommendation that was never issued, and for the history of an empty stream', async () => {
    const accept = commands.execute(new RecommendationCommandMessage({ type: 'AcceptRecommendation', recommendationId: 'nowhere', commitment: 'x' }, meta()));
    await expect(accept).rejects.toBeInstanceOf(AggregateNotFoundError);
    await expect(accept).rejects.toMatchObject({ streamId: recommendationStream('nowhere') });

    const read = queries.execute(new StreamHistoryQuery(inspectionStream('nowhere')));
    await expect(read).rejects.toMatchObject({ name: 'AggregateNotFoundError', streamId: inspectionStream('nowhere') });
    expect(await store.headPosition()).toBeNull();
  });

  it('refuses, from a caller, the commands the ledger sends itself', async () => {
    const attempts = [
      commands.execute(new RecommendationCommandMessage({ type: 'IssueFinding', recommendationId: 'x', inspectionId: 'y', reference: 'REC 1', number: 1, findingType: 'recommendation', text: 't', subItems: [], addressees: [], dueDate: null, immediate: false }, meta())),
      commands.execute(new StatutoryResponseCommandMessage({ type: 'OpenStatutoryResponse', inspectionId: 'y', service: 'police', reportPublishedOn: '2024-08-22' }, meta())),
    ];

    for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ name: 'CommandRefusedError', rule: 'ApplicationOnlyCommand', field: 'type' });
    expect(await store.headPosition()).toBeNull();
  });

  it('refuses to publish the statutory response until every applicable recommendation has a decision', async () => {
    await register();
    const respond = (command: StatutoryResponseCommand) => commands.execute(new StatutoryResponseCommandMessage(command, meta()));
    await respond({ type: 'RecordCommissionerComments', inspectionId: SAMPLE_INSPECTION_ID, madeOn: '2024-09-30', comments: 'The Commissioner welcomes the report.' });
    for (const finding of SAMPLE_FINDINGS.filter((f) => f !== REC_05)) {
      await commands.execute(new RecommendationCommandMessage({ type: 'AcceptRecommendation', recommendationId: finding.findingId, commitment: 'We will do it' }, meta()));
    }
    const publish = { type: 'PublishStatutoryResponse' as const, inspectionId: SAMPLE_INSPECTION_ID, publishedOn: '2024-10-10', url: 'https://www.cumbria-pcc.gov.uk/hmicfrs/rasso-2024' };

    const early = respond(publish);

    await expect(early).rejects.toBeInstanceOf(CommandRefusedError);
    await expect(early).rejects.toMatchObject({ rule: 'UndecidedRecommendations', message: expect.stringContaining('REC 05') });

    await commands.execute(new RecommendationCommandMessage({ type: 'RejectRecommendation', recommendationId: REC_05.findingId, reason: 'Waiting on the national definition' }, meta()));
    await respond(publish);

    const response = await history(statutoryResponseStream(SAMPLE_INSPECTION_ID));
    expect(response.map((e) => e.type)).toEqual(['StatutoryResponseOpened', 'CommissionerCommentsRecorded', 'StatutoryResponsePublished']);
  });

  it('starts the FindingIssuer with the module: it follows up an inspection event that no handler did', async () => {
    await app.get(FindingIssuer).whenCaughtUp();

    await store.append(inspectionStream(SAMPLE_INSPECTION_ID), [registeredWithoutFollowUp(SAMPLE_INSPECTION_ID)], 'no_stream');

    await waitFor(async () => (await history(statutoryResponseStream(SAMPLE_INSPECTION_ID))).length === 1);
    for (const finding of SAMPLE_FINDINGS) expect((await history(recommendationStream(finding.findingId))).map((e) => e.type)).toEqual(['FindingIssued']);
  });

  it('stops the FindingIssuer when the module closes', async () => {
    await app.get(FindingIssuer).whenCaughtUp();

    await app.close();
    await store.append(inspectionStream('after-close'), [registeredWithoutFollowUp('after-close')], 'no_stream');
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(await history(statutoryResponseStream('after-close'))).toEqual([]);
  });
});

/** An inspection event as a process that died right after appending it would have left it. */
function registeredWithoutFollowUp(inspectionId: string): EventToAppend {
  const { type: _command, findings: _findings, ...details } = sampleRegisterInspection;
  return {
    id: deterministicUuid('registered-without-follow-up', inspectionId),
    type: 'InspectionRegistered',
    data: { ...details, inspectionId, hmicfrsReference: null, reportUrl: null, findings: inspectionId === SAMPLE_INSPECTION_ID ? SAMPLE_FINDINGS : [] } as never,
    metadata: { actor: { ...officeStaff }, occurredAt: NOW.toISOString(), recordedAt: NOW.toISOString(), $correlationId: 'c', $causationId: 'c', commandId: 'c', schemaVersion: 1, source: 'api' },
  };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
