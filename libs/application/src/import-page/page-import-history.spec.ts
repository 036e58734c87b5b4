import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import { statutoryResponseStream, type Actor } from '@ledger/domain';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { LedgerApplicationModule } from '../ledger-application.module';
import { readStreamFully } from '../pipeline/stored-event';
import { InspectionCommandMessage } from '../inspection/inspection-command.message';
import { RecommendationCommandMessage } from '../recommendation/recommendation-command.message';
import { StatutoryResponseCommandMessage } from '../statutory-response/statutory-response-command.message';
import { PageImportModule } from './page-import.module';
import { planPageImport } from './page-import-plan';
import { PageImportRecorder, PageNotRecordableError } from './page-import-recorder';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const samplePage = fs.readFileSync(path.join(repoRoot, '..', 'shared', 'samples', 'cumbria-rasso-national-operating-model-2024.txt'), 'utf8');
const operator: Actor = { id: 'ops-1', name: 'Import Operator', role: 'office', organisation: 'Cumbria OPFCC' };
/** The new user, importing the backlog on 5 December 2026. */
const TODAY = '2026-12-05';
const NOW = new Date('2026-12-05T10:00:00.000Z');

describe('importing the sample on 2026-12-05 as the history it is', () => {
  let dataDir: string;
  let store: EventStore;
  let moduleRef: TestingModule;
  let recorder: PageImportRecorder;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dataDir, 'events.sqlite'));
    moduleRef = await Test.createTestingModule({ imports: [LedgerApplicationModule.forRoot({ eventStore: store, clock: () => NOW }), PageImportModule] }).compile();
    await moduleRef.init();
    recorder = moduleRef.get(PageImportRecorder);
  });

  afterEach(async () => {
    await moduleRef.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const stream = (id: string): Promise<RecordedEvent[]> => readStreamFully(store.readStream(id));
  const importSample = (responseDate?: string) =>
    recorder.record(planPageImport(samplePage, { today: TODAY, ...(responseDate ? { responseDate } : {}) }), { actor: operator, source: 'import' });

  // The import's dates as the read models show them (timeline, statutory, as-at both ways) are
  // asserted end to end in test/read-models/sample-import-done-when.spec.ts.

  it('imported again with another response date, records nothing and says which recorded dates differ and how to correct them', async () => {
    await importSample('2024-10-16');
    const head = await store.headPosition();

    const again = await importSample('2024-10-10');

    expect(await store.headPosition()).toBe(head);
    expect(again.recordedAnything).toBe(false);
    expect(again.steps.every((s) => s.status === 'already-recorded')).toBe(true);
    const [register, commissioner, , rec03] = again.steps;
    expect(register.differences).toBeUndefined();
    expect(commissioner.differences).toEqual([
      { field: 'madeOn', recorded: '2024-10-16', imported: '2024-10-10' },
      { field: 'occurredAt', recorded: '2024-10-16', imported: '2024-10-10' },
    ]);
    expect(commissioner.correction).toMatchObject({
      request: {
        method: 'POST',
        path: `/api/statutory-responses/${again.inspectionId}/date-corrections`,
        body: { step: 'commissionerComments', correctDate: '2024-10-10', reason: expect.any(String) },
      },
      note: expect.stringContaining('CorrectStatutoryDate'),
    });
    // Following the advice corrects the date: the original event stays, the correction follows it.
    const { step, correctDate, reason } = commissioner.correction!.request!.body as { step: 'commissionerComments'; correctDate: string; reason: string };
    await moduleRef.get(CommandBus).execute(
      new StatutoryResponseCommandMessage({ type: 'CorrectStatutoryDate', inspectionId: again.inspectionId, step, correctDate, reason }, { actor: operator, source: 'api', commandId: 'follow-advice' }),
    );
    const response = await stream(statutoryResponseStream(again.inspectionId));
    expect(response.map((e) => e.type).slice(-2)).toEqual(['StatutoryResponsePublished', 'StatutoryDateCorrected']);
    expect(response[response.length - 1].data).toMatchObject({ step: 'commissionerComments', field: 'madeOn', recordedDate: '2024-10-16', correctDate: '2024-10-10' });
    // Imported once more, the corrected step no longer differs; the uncorrected ones still do.
    const third = await importSample('2024-10-10');
    expect(third.steps[1].differences).toBeUndefined();
    expect(third.steps[3].differences).toEqual([{ field: 'occurredAt', recorded: '2024-10-16', imported: '2024-10-10' }]);
    expect(rec03.differences).toEqual([{ field: 'occurredAt', recorded: '2024-10-16', imported: '2024-10-10' }]);
    expect(rec03.correction).toEqual({
      eventId: expect.any(String),
      streamId: rec03.result!.streamId,
      request: {
        method: 'POST',
        path: `${rec03.result!.streamId.replace('recommendation-', '/api/recommendations/')}/date-corrections`,
        body: { correctsEventId: rec03.correction!.eventId, correctOccurredAt: '2024-10-10', reason: expect.any(String) },
      },
      note: expect.stringContaining('CorrectEntryDate'),
    });
    const accepted = (await stream(rec03.result!.streamId)).find((e) => e.id === rec03.correction!.eventId);
    expect(accepted?.type).toBe('RecommendationAccepted');
  });

  it('imported again with another response date, then corrected as advised, finds nothing that differs: every recorded date now agrees', async () => {
    await importSample('2024-10-16');
    const again = await importSample('2024-10-10');
    const advised = again.steps.filter((s) => s.correction !== undefined);
    expect(advised.map((s) => s.step.command.type)).toEqual(['RecordCommissionerComments', 'RecordChiefOfficerComments', ...Array(5).fill('AcceptRecommendation'), 'PublishStatutoryResponse']);

    // The advice, followed in the order given (an earlier publication is corrected after the statements it publishes).
    expect(advised.some((s) => s.correction!.note.includes('first'))).toBe(false);
    for (const [index, outcome] of advised.entries()) {
      const { request } = outcome.correction!;
      const meta = { actor: operator, source: 'api' as const, commandId: `follow-advice-${index}` };
      if (outcome.step.aggregate === 'recommendation') {
        const { correctsEventId, correctOccurredAt, reason } = request!.body as { correctsEventId: string; correctOccurredAt: string; reason: string };
        expect(request!.path).toBe(`/api/recommendations/${outcome.step.command.recommendationId}/date-corrections`);
        await moduleRef.get(CommandBus).execute(new RecommendationCommandMessage({ type: 'CorrectEntryDate', recommendationId: outcome.step.command.recommendationId, correctsEventId, correctOccurredAt, reason }, meta));
      } else {
        const { step, correctDate, reason } = request!.body as { step: 'publication'; correctDate: string; reason: string };
        await moduleRef.get(CommandBus).execute(new StatutoryResponseCommandMessage({ type: 'CorrectStatutoryDate', inspectionId: again.inspectionId, step, correctDate, reason }, meta));
      }
    }
    const rec03 = await stream(advised[2].result!.streamId);
    expect(rec03[rec03.length - 1]).toMatchObject({
      type: 'RecommendationEntryDateCorrected',
      data: { correctsEventId: advised[2].correction!.eventId, recordedOccurredAt: '2024-10-16', correctOccurredAt: '2024-10-10' },
    });

    const third = await importSample('2024-10-10');
    expect(third.recordedAnything).toBe(false);
    // One finding's planned date counts from the response date: a target date, moved by its own request and approval, not by a date correction.
    const relative = third.steps.findIndex((s) => s.differences !== undefined);
    expect(advised.find((s) => s.step.commandId === third.steps[relative].step.commandId)!.correction!.note).toContain('request a change of the target date (RequestTargetDateChange)');
    expect(third.steps[relative].differences).toEqual([{ field: 'plannedCompletionDate', recorded: '2024-11-16', imported: '2024-11-10' }]);
    expect(third.steps.map((s, index) => (index === relative ? undefined : s.differences))).toEqual(Array(9).fill(undefined));
  });

  it('imported again with a later response date, is not refused for its own comments: it says which dates differ and that the publication is corrected first', async () => {
    await importSample('2024-10-10');
    const head = await store.headPosition();

    const again = await importSample('2024-10-12');

    expect(await store.headPosition()).toBe(head);
    expect(again.recordedAnything).toBe(false);
    expect(again.steps.map((s) => s.status)).toEqual(Array(9).fill('already-recorded'));
    const [, commissioner, chiefOfficer, , , , , , publication] = again.steps;
    expect(publication.differences).toEqual([
      { field: 'publishedOn', recorded: '2024-10-10', imported: '2024-10-12' },
      { field: 'occurredAt', recorded: '2024-10-10', imported: '2024-10-12' },
    ]);
    expect(commissioner.differences).toContainEqual({ field: 'madeOn', recorded: '2024-10-10', imported: '2024-10-12' });
    expect(commissioner.correction!.note).toContain("Record the publication's correction first");
    expect(chiefOfficer.correction!.note).toContain("Record the publication's correction first");
    expect(publication.correction!.note).not.toContain('first');

    // Following the advice in that order is accepted, and the import then finds the statutory dates agree.
    const follow = (outcome: typeof publication, commandId: string) => {
      const { step, correctDate, reason } = outcome.correction!.request!.body as { step: 'publication'; correctDate: string; reason: string };
      return moduleRef.get(CommandBus).execute(new StatutoryResponseCommandMessage({ type: 'CorrectStatutoryDate', inspectionId: again.inspectionId, step, correctDate, reason }, { actor: operator, source: 'api', commandId }));
    };
    await follow(publication, 'correct-publication');
    await follow(commissioner, 'correct-commissioner');
    await follow(chiefOfficer, 'correct-chief-officer');
    const third = await importSample('2024-10-12');
    expect([third.steps[1], third.steps[2], third.steps[8]].map((s) => s.differences)).toEqual([undefined, undefined, undefined]);
  });

  it('imported again with the same dates, finds nothing that differs', async () => {
    await importSample('2024-10-10');
    const again = await importSample('2024-10-10');
    expect(again.steps.map((s) => s.differences)).toEqual(Array(9).fill(undefined));
  });

  it("records a fire page in full: the commissioner's comments and the chief fire officer's statement with the action plan, published on the response date", async () => {
    const firePage = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'pages', 'fire-cause-of-concern.txt'), 'utf8');
    const outcome = await recorder.record(planPageImport(firePage, { today: TODAY, responseDate: '2024-12-01' }), { actor: operator, source: 'import' });

    expect(outcome.steps.map((s) => [s.step.command.type, s.status])).toEqual([
      ['RegisterInspection', 'recorded'],
      ['RecordCommissionerComments', 'recorded'],
      ['RecordChiefOfficerComments', 'recorded'],
      ['AcceptRecommendation', 'recorded'],
      ['AcceptRecommendation', 'recorded'],
      ['PublishActionPlan', 'recorded'],
    ]);
    const plan = await stream(statutoryResponseStream(outcome.inspectionId));
    expect(plan.map((e) => e.type)).toEqual(['StatutoryResponseOpened', 'CommissionerCommentsRecorded', 'ChiefOfficerCommentsRecorded', 'ActionPlanPublished']);
    expect(plan[0].data).toMatchObject({ service: 'fire' });
    expect(plan[2].metadata['onBehalfOf']).toEqual({ name: 'Chief Fire Officer', role: 'Chief Fire Officer', organisation: 'Example Fire and Rescue Service' });
  });

  it('does not import a second copy of an inspection registered by hand: the registration is refused with the existing one, and nothing else is sent', async () => {
    const plan = planPageImport(samplePage, { today: TODAY, responseDate: '2024-10-10' });
    const register = plan.steps[0];
    if (register.aggregate !== 'inspection') throw new Error('the inspection is registered first');
    const byHand = { ...register.command, inspectionId: 'registered-by-hand', findings: register.command.findings.map((f) => ({ ...f, findingId: `by-hand-${f.findingId}` })) };
    await moduleRef.get(CommandBus).execute(new InspectionCommandMessage(byHand, { actor: operator, source: 'ui', commandId: 'by-hand' }));
    const head = await store.headPosition();

    const outcome = await recorder.record(plan, { actor: operator, source: 'import' });

    expect(outcome.steps[0]).toMatchObject({ status: 'refused', refusal: { rule: 'DuplicateInspection', message: expect.stringContaining('registered-by-hand') } });
    expect(outcome.steps.slice(1).every((s) => s.status === 'not-attempted')).toBe(true);
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses, before recording anything, comments dated after the publication the ledger already holds', async () => {
    const plan = planPageImport(samplePage, { today: TODAY });
    await recorder.record({ ...plan, steps: plan.steps.slice(0, 1) }, { actor: operator, source: 'import' });
    // Published by hand on 14 October 2024 (after the recommendations were decided there too).
    for (const step of plan.steps.filter((s) => s.aggregate === 'recommendation')) {
      await recorder.record({ ...plan, steps: [step] }, { actor: operator, source: 'import' });
    }
    await moduleRef.get(CommandBus).execute(
      new StatutoryResponseCommandMessage(
        { type: 'RecordCommissionerComments', inspectionId: plan.inspectionId!, madeOn: '2024-10-14', comments: 'By hand.' },
        { actor: operator, source: 'api', commandId: 'by-hand-comments' },
      ),
    );
    await moduleRef.get(CommandBus).execute(
      new StatutoryResponseCommandMessage(
        { type: 'PublishStatutoryResponse', inspectionId: plan.inspectionId!, publishedOn: '2024-10-14', url: 'https://example.org/response' },
        { actor: operator, source: 'api', commandId: 'by-hand-publish' },
      ),
    );
    const head = await store.headPosition();

    const attempt = recorder.record(plan, { actor: operator, source: 'import' });

    await expect(attempt).rejects.toBeInstanceOf(PageNotRecordableError);
    await expect(attempt).rejects.toMatchObject({
      blockers: [
        "The ledger records the response as published on 2024-10-14, but this import dates the commissioner's comments 2024-10-16, after it. Give the actual response date.",
        "The ledger records the response as published on 2024-10-14, but this import dates the chief officer's comments 2024-10-16, after it. Give the actual response date.",
      ],
    });
    expect(await store.headPosition()).toBe(head);
  });
});
