import * as fs from 'node:fs';
import * as path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import { LedgerApplicationModule, RecommendationCommandMessage, StatutoryResponseCommandMessage } from '@ledger/application';
import { PageImportModule, PageImportRecorder, planPageImport, type PageImportOutcome } from '@ledger/application/import-page';
import type { Actor } from '@ledger/domain';
import { verifyProjections } from '@ledger/projections';
import { publicChanges, publicTargetDateRevisions, queryAsAt, queryChanges, queryCommitments, queryTimeline } from '@ledger/projections/read-models';
import { openReadSide, type ReadSide } from './support/read-models-under-test';

const SAMPLE = path.resolve(__dirname, '../../../shared/samples/cumbria-rasso-national-operating-model-2024.txt');
const operator: Actor = { id: 'ops-1', name: 'Import Operator', role: 'office', organisation: 'Cumbria OPFCC' };
const TODAY = '2026-12-05';
const ALL = { limit: 500, offset: 0 };
const SAMPLE_RECOMMENDATIONS = ['REC 03', 'REC 05', 'REC 07', 'REC 09', 'REC 11'];

/**
 * Issue 10: "re-importing with different dates never claims what it did not do; it shows which
 * recorded dates differ and how to correct them with correction events". The sample imported with
 * the assumed response date (16 October 2024), imported again with the real one (10 October), the
 * advised corrections recorded a day later: the read models then date the history as it happened,
 * and as the ledger showed it before the corrections they still show what was recorded then.
 */
describe('the sample imported with the wrong response date, then corrected as the re-import advises', () => {
  let side: ReadSide;
  let moduleRef: TestingModule;
  let now = new Date('2026-12-05T10:00:00.000Z');
  let again: PageImportOutcome;
  let third: PageImportOutcome;

  beforeAll(async () => {
    side = await openReadSide();
    moduleRef = await Test.createTestingModule({ imports: [LedgerApplicationModule.forRoot({ eventStore: side.store, clock: () => now }), PageImportModule] }).compile();
    await moduleRef.init();
    const page = fs.readFileSync(SAMPLE, 'utf8');
    const importPage = (responseDate: string) => moduleRef.get(PageImportRecorder).record(planPageImport(page, { today: TODAY, responseDate }), { actor: operator, source: 'import' });
    await importPage('2024-10-16');
    await side.caughtUp((await side.store.headPosition()) ?? 0n);
    again = await importPage('2024-10-10');

    now = new Date('2026-12-06T10:00:00.000Z');
    for (const [index, { step, correction }] of again.steps.filter((s) => s.correction?.request).entries()) {
      const meta = { actor: operator, source: 'api' as const, commandId: `follow-advice-${index}` };
      const body = correction!.request!.body as Record<string, string>;
      await moduleRef
        .get(CommandBus)
        .execute(
          step.aggregate === 'recommendation'
            ? new RecommendationCommandMessage({ type: 'CorrectEntryDate', recommendationId: step.command.recommendationId, correctsEventId: body.correctsEventId, correctOccurredAt: body.correctOccurredAt, reason: body.reason }, meta)
            : new StatutoryResponseCommandMessage({ type: 'CorrectStatutoryDate', inspectionId: again.inspectionId, step: body.step as 'publication', correctDate: body.correctDate, reason: body.reason }, meta),
        );
    }
    third = await importPage('2024-10-10');
    await side.caughtUp((await side.store.headPosition()) ?? 0n);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await side?.close();
  });

  it('advised a date correction for each acceptance, and once they are recorded the page imported again differs only in a planned date, which is a target date', () => {
    const advised = again.steps.filter((s) => s.step.aggregate === 'recommendation').map((s) => s.correction?.request?.body);
    expect(advised).toEqual(SAMPLE_RECOMMENDATIONS.map(() => ({ correctsEventId: expect.any(String), correctOccurredAt: '2024-10-10', reason: expect.any(String) })));
    expect(third.recordedAnything).toBe(false);
    expect(third.steps.flatMap((s) => s.differences ?? [])).toEqual([{ field: 'plannedCompletionDate', recorded: '2024-11-16', imported: '2024-11-10' }]);
  });

  it('shows each acceptance on the timeline on the day it happened, in date order, marked as corrected with the date first recorded', () => {
    const timeline = queryTimeline(side.readModels, { inspectionId: again.inspectionId }, ALL).items;
    const accepted = timeline.filter((e) => e.eventType === 'RecommendationAccepted');
    expect(accepted.map((e) => [e.reference, e.occurredAt, e.occurredAsRecorded])).toEqual(SAMPLE_RECOMMENDATIONS.map((reference) => [reference, '2024-10-10', '2024-10-16']));
    const corrections = new Map(timeline.filter((e) => e.eventType === 'RecommendationEntryDateCorrected').map((e) => [e.eventId, e]));
    expect(accepted.every((e) => corrections.get(e.dateCorrectedBy ?? '')?.changes.correctsEventId === e.eventId)).toBe(true);
    // What the acceptance's command recorded with it (the first target date) moved with it.
    const targets = timeline.filter((e) => e.eventType === 'RecommendationTargetDateSet');
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((e) => e.occurredAt === '2024-10-10' && e.occurredAsRecorded === '2024-10-16')).toBe(true);
    // The commitments were made on the corrected day.
    const commitments = queryCommitments(side.readModels, { inspectionId: again.inspectionId }, ALL, TODAY).items.filter((c) => c.kind === 'decision');
    expect(commitments.map((c) => [c.reference, c.committedAt, c.committedOn]).sort()).toEqual(SAMPLE_RECOMMENDATIONS.map((reference) => [reference, '2024-10-10', '2024-10-10']));
    // The statutory steps corrected by CorrectStatutoryDate move on the timeline too.
    expect(timeline.filter((e) => e.aggregate === 'statutory-response' && e.eventType !== 'StatutoryResponseOpened' && e.eventType !== 'StatutoryDateCorrected').map((e) => [e.eventType, e.occurredAt, e.occurredAsRecorded])).toEqual([
      ['CommissionerCommentsRecorded', '2024-10-10', '2024-10-16'],
      ['ChiefOfficerCommentsRecorded', '2024-10-10', '2024-10-16'],
      ['StatutoryResponsePublished', '2024-10-10', '2024-10-16'],
    ]);
    const keys = timeline.map((e) => e.occurredOn);
    expect(keys).toEqual([...keys].sort());
    expect(timeline.filter((e) => e.occurredOn < '2026-01-01').every((e) => e.occurredOn <= '2024-10-10')).toBe(true);
  });

  it('as it stood on 12 October 2024 has the recommendations accepted; as the ledger showed it before the corrections, the acceptances keep the date then recorded', () => {
    const stood = queryAsAt(side.readModels, { date: '2024-10-12', basis: 'occurred' }, {}, ALL);
    expect(stood.items.map((f) => [f.reference, f.status, f.commitment?.occurredAt])).toEqual(SAMPLE_RECOMMENDATIONS.map((reference) => [reference, 'Accepted', '2024-10-10']));

    const changes = queryChanges(side.readModels, { inspectionId: again.inspectionId, from: '2024-10-10', to: '2024-10-12', basis: 'occurred' }, ALL);
    expect(changes.findings.map((f) => [f.reference, f.statusAtStart, f.statusAtEnd])).toEqual(SAMPLE_RECOMMENDATIONS.map((reference) => [reference, 'Issued', 'Accepted']));

    const showed = queryAsAt(side.readModels, { date: TODAY, basis: 'recorded' }, {}, ALL);
    expect(showed.items.map((f) => [f.reference, f.status, f.commitment?.occurredAt])).toEqual(SAMPLE_RECOMMENDATIONS.map((reference) => [reference, 'Accepted', '2024-10-16']));
    const showedAfter = queryAsAt(side.readModels, { date: '2026-12-06', basis: 'recorded' }, {}, ALL);
    expect(showedAfter.items.map((f) => f.commitment?.occurredAt)).toEqual(SAMPLE_RECOMMENDATIONS.map(() => '2024-10-10'));
  });

  it('dates each acceptance and its first target date on the public register\'s revisions and changes by the corrected day', () => {
    const revisions = [...publicTargetDateRevisions(side.readModels, again.inspectionId).values()].flat();
    expect(revisions.map((r) => [r.on, r.from])).toEqual(revisions.map(() => ['2024-10-10', null]));
    expect(revisions.length).toBeGreaterThan(0);
    const changes = publicChanges(side.readModels, 500).filter((c) => c.inspectionId === again.inspectionId);
    const accepted = changes.filter((c) => c.title.endsWith(' accepted'));
    const targets = changes.filter((c) => c.title.includes(': target date set to '));
    expect([accepted.length, targets.length]).toEqual([SAMPLE_RECOMMENDATIONS.length, revisions.length]);
    expect([...accepted, ...targets].map((c) => c.on)).toEqual([...accepted, ...targets].map(() => '2024-10-10'));
  });

  it('holds the same rows live as a full rebuild from the log, which puts the corrections off until its entries are indexed', async () => {
    const verification = await verifyProjections(side.store, side.readModels);
    expect(verification.projections.filter((p) => p.outcome !== 'identical')).toEqual([]);
    expect(verification.ok).toBe(true);
  });
});
