import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import { londonDate, recommendationStream, inspectionStream, type Actor } from '@ledger/domain';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { LedgerApplicationModule } from '../ledger-application.module';
import { RecommendationCommandMessage } from '../recommendation/recommendation-command.message';
import { readStreamFully } from '../pipeline/stored-event';
import { PageImportModule } from './page-import.module';
import { planPageImport } from './page-import-plan';
import { PageImportRecorder, PageNotRecordableError } from './page-import-recorder';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const samplePage = fs.readFileSync(path.join(repoRoot, '..', 'shared', 'samples', 'cumbria-rasso-national-operating-model-2024.txt'), 'utf8');
const operator: Actor = { id: 'ops-1', name: 'Import Operator', role: 'office', organisation: 'Cumbria OPFCC' };
const today = londonDate(new Date());

describe('recording an imported page', () => {
  let dataDir: string;
  let store: EventStore;
  let moduleRef: TestingModule;
  let recorder: PageImportRecorder;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dataDir, 'events.sqlite'));
    moduleRef = await Test.createTestingModule({ imports: [LedgerApplicationModule.forRoot({ eventStore: store }), PageImportModule] }).compile();
    await moduleRef.init();
    recorder = moduleRef.get(PageImportRecorder);
  });

  afterEach(async () => {
    await moduleRef.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const stream = (id: string): Promise<RecordedEvent[]> => readStreamFully(store.readStream(id));

  it('records the sample as attributed commands with the page text verbatim', async () => {
    const plan = planPageImport(samplePage, { today });
    const outcome = await recorder.record(plan, { actor: operator, source: 'import' });

    expect(outcome.recordedAnything).toBe(true);
    expect(outcome.steps.map((s) => s.status)).toEqual(Array(8).fill('recorded'));
    const [registered] = await stream(inspectionStream(outcome.inspectionId));
    expect(registered.type).toBe('InspectionRegistered');
    expect(registered.metadata).toMatchObject({ actor: operator, source: 'import', commandId: plan.steps[0].commandId });

    const rec03 = plan.findings[0];
    const rec03Events = await stream(recommendationStream(rec03.findingId));
    expect(rec03Events.map((e) => e.type)).toEqual(['FindingIssued', 'RecommendationAccepted', 'RecommendationTargetDateSet']);
    expect(rec03Events[1].data).toMatchObject({ commitment: plan.parsed.responses[0].commitment, plannedCompletionDate: '2025-01-31' });
    expect(rec03Events[1].metadata).toMatchObject({
      actor: operator,
      onBehalfOf: { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' },
      source: 'import',
    });

    const response = await stream(`statutory-response-${outcome.inspectionId}`);
    expect(response.map((e) => e.type)).toEqual(['StatutoryResponseOpened', 'CommissionerCommentsRecorded', 'ChiefOfficerCommentsRecorded']);
    expect(response[1].data['comments']).toBe(plan.parsed.page.commissionerComments);
    expect(response[2].data['comments']).toBe(plan.parsed.page.chiefOfficerStatement);
  });

  it('records nothing new when the same page is imported again', async () => {
    await recorder.record(planPageImport(samplePage, { today }), { actor: operator, source: 'import' });
    const head = await store.headPosition();

    const again = await recorder.record(planPageImport(samplePage, { today }), { actor: { ...operator, id: 'someone-else' }, source: 'ui' });

    expect(again.recordedAnything).toBe(false);
    expect(again.steps.map((s) => s.status)).toEqual(Array(8).fill('already-recorded'));
    expect(await store.headPosition()).toBe(head);
  });

  it('reports a step the ledger refuses and records the rest', async () => {
    const plan = planPageImport(samplePage, { today });
    await recorder.record({ ...plan, steps: plan.steps.slice(0, 1) }, { actor: operator, source: 'import' });
    const rec05 = plan.findings[1].findingId;
    await moduleRef.get(CommandBus).execute(
      new RecommendationCommandMessage({ type: 'RejectRecommendation', recommendationId: rec05, reason: 'Decided at the board' }, { actor: operator, source: 'api', commandId: 'by-hand' }),
    );

    const outcome = await recorder.record(plan, { actor: operator, source: 'import' });

    const byType = outcome.steps.map((s) => [s.step.command.type, s.status]);
    expect(byType[0]).toEqual(['RegisterInspection', 'already-recorded']);
    const refused = outcome.steps.filter((s) => s.status === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0].step.command).toMatchObject({ type: 'AcceptRecommendation', recommendationId: rec05 });
    expect(refused[0].refusal?.rule).toBe('IllegalTransition');
    expect(outcome.steps.filter((s) => s.status === 'recorded')).toHaveLength(6);
  });

  it('sends nothing for a page that cannot be recorded', async () => {
    const plan = planPageImport('Not an inspection page at all.', { today });
    await expect(recorder.record(plan, { actor: operator, source: 'import' })).rejects.toBeInstanceOf(PageNotRecordableError);
    expect(await store.headPosition()).toBeNull();
  });
});
