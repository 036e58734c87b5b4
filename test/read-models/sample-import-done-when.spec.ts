import * as fs from 'node:fs';
import * as path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { LedgerApplicationModule } from '@ledger/application';
import { PageImportModule, PageImportRecorder, planPageImport } from '@ledger/application/import-page';
import type { Actor } from '@ledger/domain';
import { queryAsAt, queryStatutory, queryTimeline } from '@ledger/projections/read-models';
import { openReadSide, type ReadSide } from './support/read-models-under-test';

const SAMPLE = path.resolve(__dirname, '../../../shared/samples/cumbria-rasso-national-operating-model-2024.txt');
const operator: Actor = { id: 'ops-1', name: 'Import Operator', role: 'office', organisation: 'Cumbria OPFCC' };
/** The new user, importing the backlog on 5 December 2026. */
const TODAY = '2026-12-05';
const NOW = new Date('2026-12-05T10:00:00.000Z');
const ALL = { limit: 500, offset: 0 };
/** The sample's five recommendations (its areas for improvement are numbered between them). */
const SAMPLE_RECOMMENDATIONS = ['REC 03', 'REC 05', 'REC 07', 'REC 09', 'REC 11'];

/**
 * Issue 10's "Done when", end to end: the sample page imported through the application on
 * 2026-12-05 with the response date 2024-10-10, then read back through the read models the
 * pages and API serve.
 */
describe('the sample imported on 5 December 2026 with the response date 10 October 2024', () => {
  let side: ReadSide;
  let moduleRef: TestingModule;
  let inspectionId: string;

  beforeAll(async () => {
    side = await openReadSide();
    moduleRef = await Test.createTestingModule({ imports: [LedgerApplicationModule.forRoot({ eventStore: side.store, clock: () => NOW }), PageImportModule] }).compile();
    await moduleRef.init();
    const plan = planPageImport(fs.readFileSync(SAMPLE, 'utf8'), { today: TODAY, responseDate: '2024-10-10' });
    const outcome = await moduleRef.get(PageImportRecorder).record(plan, { actor: operator, source: 'import' });
    expect(outcome.steps.map((s) => s.status)).toEqual(Array(9).fill('recorded'));
    inspectionId = outcome.inspectionId;
    await side.caughtUp((await side.store.headPosition()) ?? 0n);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await side?.close();
  });

  it('shows a timeline of 2024 dates in date order, the response published on time, and as at 31 January 2025 the accepted recommendations as they stood but nothing as the ledger showed it', () => {
    // The timeline: every entry happened in 2024 (days, no invented clock times), recorded today, oldest first.
    const timeline = queryTimeline(side.readModels, { inspectionId }, ALL).items;
    expect(timeline.length).toBeGreaterThan(9);
    expect(timeline.every((e) => /^2024-\d\d-\d\d$/.test(e.occurredAt) && e.recordedAt === NOW.toISOString())).toBe(true);
    const days = timeline.map((e) => e.occurredAt);
    expect(days).toEqual([...days].sort());
    expect(days[0]).toBe('2024-08-22');
    expect(days[days.length - 1]).toBe('2024-10-10');
    expect(timeline.filter((e) => e.aggregate === 'statutory-response').map((e) => [e.eventType, e.occurredAt])).toEqual([
      ['StatutoryResponseOpened', '2024-08-22'],
      ['CommissionerCommentsRecorded', '2024-10-10'],
      ['ChiefOfficerCommentsRecorded', '2024-10-10'],
      ['StatutoryResponsePublished', '2024-10-10'],
    ]);
    expect(timeline.filter((e) => e.eventType === 'RecommendationAccepted').map((e) => [e.reference, e.occurredAt])).toEqual(
      SAMPLE_RECOMMENDATIONS.map((reference) => [reference, '2024-10-10']),
    );

    // The statutory response, published on the response date: day 50 of 56.
    const [response] = queryStatutory(side.readModels, { inspectionId }, ALL, TODAY).items;
    expect(response).toMatchObject({ reportPublishedOn: '2024-08-22', publishedOn: '2024-10-10', state: 'published-on-time', onTime: true, dayNumber: 50, daysLate: null });

    // As it stood on 31 January 2025 (by occurredAt): the accepted recommendations with their commitments.
    const stood = queryAsAt(side.readModels, { date: '2025-01-31', basis: 'occurred' }, {}, ALL);
    expect(stood.total).toBe(5);
    expect(stood.items.map((f) => [f.reference, f.decision, f.commitment?.occurredAt, f.commitment?.recordedAt])).toEqual(
      SAMPLE_RECOMMENDATIONS.map((reference) => [reference, 'accepted', '2024-10-10', NOW.toISOString()]),
    );
    expect(stood.items.every((f) => f.status === 'Accepted' && (f.commitment?.what.length ?? 0) > 20 && f.commitment?.plannedCompletionDate !== undefined)).toBe(true);

    // As the ledger showed it on 31 January 2025 (by recordedAt): nothing had been recorded.
    expect(queryAsAt(side.readModels, { date: '2025-01-31', basis: 'recorded' }, {}, ALL)).toMatchObject({ basis: 'recorded', total: 0, items: [] });
    expect(queryAsAt(side.readModels, { date: TODAY, basis: 'recorded' }, {}, ALL).total).toBe(5);
  });
});
