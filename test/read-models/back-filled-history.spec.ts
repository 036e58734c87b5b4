import { SAMPLE_INSPECTION_ID } from '@ledger/domain/inspection/sample-inspection.fixture';
import { actionOwner, issueFinding, officeStaff, performanceLead, REC_03, REC_05, REC_07 } from '@ledger/domain/recommendation/sample-recommendations.fixture';
import type { Actor, RecommendationCommand } from '@ledger/domain';
import { verifyProjections } from '@ledger/projections';
import { queryAsAt, queryChanges, queryCommitments, recommendationTimeline, type Basis, type RegisterFilter } from '@ledger/projections/read-models';
import { DecidedLog } from '@ledger/projections/read-models/testing/decided-log.fixture';
import { openReadSide, type ReadSide } from './support/read-models-under-test';

const ALL = { limit: 500, offset: 0 };
const TODAY = '2026-12-05';
const CHIEF_CONSTABLE = { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };

/**
 * An office adopting the ledger on 5 December 2026 types in its backlog: the sample's 2024
 * response and what happened through 2025, each entry dated with the day it happened and
 * recorded now, and not in the order it happened. REC 07 was completed on 28 January 2025, three
 * days before the date committed to; its completion is typed in after a later progress report.
 */
function backlog(): DecidedLog {
  const log = new DecidedLog();
  let minute = 0;
  /** Recorded a minute after the last; happened on `occurredAt`, or as it is recorded when that is null. */
  const step = (command: RecommendationCommand, by: Actor, occurredAt: string | null, extra: { onBehalfOf?: typeof CHIEF_CONSTABLE } = {}) =>
    log.recommendation(command, { by, at: new Date(Date.UTC(2026, 11, 5, 10, minute++)).toISOString(), ...(occurredAt === null ? {} : { occurredAt }), ...extra });

  // REC 03 is registered by hand today; the other two carry the report's publication day.
  step(issueFinding(REC_03), officeStaff, new Date(Date.UTC(2026, 11, 5, 9, 59)).toISOString());
  step(issueFinding(REC_05), officeStaff, '2024-08-22');
  step(issueFinding(REC_07), officeStaff, '2024-08-22');
  const accept = (finding: typeof REC_03, plannedCompletionDate: string) =>
    step({ type: 'AcceptRecommendation', recommendationId: finding.findingId, commitment: `Deliver ${finding.reference}`, plannedCompletionDate }, officeStaff, '2024-10-10', {
      onBehalfOf: CHIEF_CONSTABLE,
    });
  accept(REC_03, '2025-01-31');
  accept(REC_05, '2025-07-31');
  accept(REC_07, '2025-01-31');

  // REC 05: its owner is only assigned today, yet a progress report of October 2024 is typed in after that.
  step({ type: 'AssignOwner', recommendationId: REC_05.findingId, owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' }, officeStaff, new Date(Date.UTC(2026, 11, 5, 10, 30)).toISOString());
  step({ type: 'RecordProgress', recommendationId: REC_05.findingId, narrative: 'Awaiting the national definition', rag: 'amber' }, actionOwner, '2024-10-20');

  const rec07 = REC_07.findingId;
  step({ type: 'AssignOwner', recommendationId: rec07, owner: 'Detective Superintendent, RASSO', organisation: 'Cumbria Constabulary' }, officeStaff, '2024-10-15');
  step({ type: 'RecordProgress', recommendationId: rec07, narrative: 'Breaches dashboard in weekly use', percentComplete: 100, rag: 'green' }, actionOwner, '2025-03-01');
  // Before typing in the completion, the office moves the target date, today.
  step({ type: 'RequestTargetDateChange', recommendationId: rec07, from: '2025-01-31', to: '2025-06-30', reason: 'Training records still being gathered' }, actionOwner, null);
  step({ type: 'ApproveTargetDateChange', recommendationId: rec07 }, performanceLead, null);
  step({ type: 'SubmitEvidence', recommendationId: rec07, evidenceId: 'ev-07', title: 'Training register', reference: 'DOC-07', sha256: 'c'.repeat(64), classification: 'OFFICIAL' }, actionOwner, '2025-01-28');
  step({ type: 'MarkComplete', recommendationId: rec07, summary: 'Breaches tracked; training complete', evidenceIds: ['ev-07'] }, actionOwner, '2025-01-28');
  step({ type: 'VerifyCompletion', recommendationId: rec07 }, performanceLead, '2025-02-04');
  step({ type: 'CloseRecommendation', recommendationId: rec07 }, officeStaff, '2025-02-10');
  return log;
}

describe('history back-filled on 5 December 2026, read by when it happened and by when it was recorded', () => {
  let side: ReadSide;

  beforeAll(async () => {
    side = await openReadSide();
    let last = 0n;
    for (const event of backlog().events) {
      last = (await side.store.append(event.streamId, [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }], 'any')).position;
    }
    await side.caughtUp(last);
  });

  afterAll(async () => {
    await side?.close();
  });

  const asAt = (date: string, basis: Basis) => queryAsAt(side.readModels, { date, basis }, {}, ALL);

  it('takes the state of a finding from the dates of its events, whatever order they were typed in', () => {
    const rec07 = (date: string) => asAt(date, 'occurred').items.find((f) => f.reference === 'REC 07');
    expect(rec07('2024-10-14')).toMatchObject({ status: 'Accepted' });
    expect(rec07('2025-01-27')).toMatchObject({ status: 'InProgress', latestProgress: null, completedOn: null });
    expect(rec07('2025-02-04')).toMatchObject({ status: 'Verified', completedOn: '2025-01-28', verifiedOn: '2025-02-04' });
    expect(rec07('2025-03-01')).toMatchObject({ status: 'Closed', closedOn: '2025-02-10', latestProgress: { narrative: 'Breaches dashboard in weekly use', percentComplete: 100, rag: 'green', reportedOn: '2025-03-01' } });
    // Nothing of the sample had happened before its publication.
    expect(asAt('2024-08-21', 'occurred').total).toBe(0);
    expect(asAt('2024-08-22', 'occurred').items.map((f) => [f.reference, f.status])).toEqual([
      ['REC 05', 'Issued'],
      ['REC 07', 'Issued'],
    ]);
  });

  it("judges overdue as it stood on the day asked: REC 05 past the inspectorate's date and its own target date in August 2025", () => {
    const rec05 = asAt('2025-08-22', 'occurred').items.find((f) => f.reference === 'REC 05');
    expect(rec05).toMatchObject({ status: 'Accepted', overdue: true, daysPastDueDate: 22, daysPastTargetDate: 22, rag: 'red' });
  });

  it('changes between dates, by when things happened, take each status from the dates of the events, not from the order of recording', () => {
    const october = queryChanges(side.readModels, { from: '2024-10-01', to: '2024-10-31', basis: 'occurred' }, ALL);
    expect(october.findings.map((f) => [f.reference, f.statusAtStart, f.statusAtEnd, f.events])).toEqual([
      // Registered only today, with nothing dated before its acceptance: nothing to show before it.
      ['REC 03', null, 'Accepted', 2],
      // Its owner (and the start of work) came only in December 2026.
      ['REC 05', 'Issued', 'Accepted', 3],
      ['REC 07', 'Issued', 'InProgress', 4],
    ]);
    expect(october.items.map((entry) => [entry.reference, entry.eventType, entry.occurredOn])).toEqual([
      ['REC 03', 'RecommendationAccepted', '2024-10-10'],
      ['REC 03', 'RecommendationTargetDateSet', '2024-10-10'],
      ['REC 05', 'RecommendationAccepted', '2024-10-10'],
      ['REC 05', 'RecommendationTargetDateSet', '2024-10-10'],
      ['REC 07', 'RecommendationAccepted', '2024-10-10'],
      ['REC 07', 'RecommendationTargetDateSet', '2024-10-10'],
      ['REC 07', 'RecommendationOwnerAssigned', '2024-10-15'],
      ['REC 07', 'RecommendationWorkStarted', '2024-10-15'],
      ['REC 05', 'RecommendationProgressRecorded', '2024-10-20'],
    ]);
    const secondPage = queryChanges(side.readModels, { from: '2024-10-01', to: '2024-10-31', basis: 'occurred' }, { limit: 1, offset: 1 });
    expect(secondPage).toMatchObject({ total: 9, findingsTotal: 3, findings: [{ reference: 'REC 05', statusAtStart: 'Issued', statusAtEnd: 'Accepted' }], items: [{ reference: 'REC 03' }] });
    const recorded = queryChanges(side.readModels, { from: '2024-10-01', to: '2024-10-31', basis: 'recorded' }, ALL);
    expect(recorded).toMatchObject({ total: 0, findings: [], findingsTotal: 0 });
    const january = queryChanges(side.readModels, { from: '2025-01-01', to: '2025-01-31', basis: 'occurred' }, ALL);
    expect(january.findings.map((f) => [f.reference, f.statusAtStart, f.statusAtEnd])).toEqual([['REC 07', 'InProgress', 'AwaitingVerification']]);
  });

  it('orders a timeline by when things happened, then when recorded, shows days without clock times and flags late recording', () => {
    const timeline = recommendationTimeline(side.readModels, REC_07.findingId);
    expect(timeline.map((entry) => [entry.eventType, entry.occurredAt])).toEqual([
      ['FindingIssued', '2024-08-22'],
      ['RecommendationAccepted', '2024-10-10'],
      ['RecommendationTargetDateSet', '2024-10-10'],
      ['RecommendationOwnerAssigned', '2024-10-15'],
      ['RecommendationWorkStarted', '2024-10-15'],
      ['RecommendationEvidenceSubmitted', '2025-01-28'],
      ['RecommendationMarkedComplete', '2025-01-28'],
      ['RecommendationCompletionVerified', '2025-02-04'],
      ['RecommendationClosed', '2025-02-10'],
      ['RecommendationProgressRecorded', '2025-03-01'],
      ['RecommendationTargetDateChangeRequested', '2026-12-05T10:10:00.000Z'],
      ['RecommendationTargetDateChangeApproved', '2026-12-05T10:11:00.000Z'],
    ]);
    expect(timeline[6]).toMatchObject({ occurredKind: 'day', occurredOn: '2025-01-28', recordedOn: TODAY, recordedAfterDays: 676, recordedLate: true });
    const rec03 = recommendationTimeline(side.readModels, REC_03.findingId);
    // Accepted in 2024, registered by hand today: the issue sorts by its own time, after the acceptance.
    expect(rec03.map((entry) => [entry.eventType, entry.occurredKind, entry.recordedLate])).toEqual([
      ['RecommendationAccepted', 'day', true],
      ['RecommendationTargetDateSet', 'day', true],
      ['FindingIssued', 'instant', false],
    ]);
  });

  it('keeps or misses a commitment by the day its work was completed, not by today or the day it was recorded', () => {
    const commitments = queryCommitments(side.readModels, {}, ALL, TODAY).items;
    // REC 07's date was moved today, after the work had been done on 28 January 2025: its original commitment was kept.
    expect(commitments.map((c) => [c.reference, c.kind, c.committedOn, c.dueDate, c.completedOn, c.revisedOn, c.outcome, c.daysLate])).toEqual([
      ['REC 03', 'decision', '2024-10-10', '2025-01-31', null, null, 'missed', 673],
      ['REC 07', 'decision', '2024-10-10', '2025-01-31', '2025-01-28', TODAY, 'kept', null],
      ['REC 07', 'revised-date', TODAY, '2025-06-30', '2025-01-28', null, 'kept', null],
      ['REC 05', 'decision', '2024-10-10', '2025-07-31', null, null, 'missed', 492],
    ]);
    expect(commitments.map((c) => [c.occurredKind, c.recordedLate])).toEqual([
      ['day', true],
      ['day', true],
      ['instant', false],
      ['day', true],
    ]);
  });

  it('filters as-at on status, owner and overdue exactly as each standing is judged, on any day, both ways, back-dated refolds included', () => {
    const ids = (items: { recommendationId: string }[]) => items.map((f) => f.recommendationId);
    const filtered = (date: string, basis: Basis, filter: RegisterFilter) => ids(queryAsAt(side.readModels, { date, basis }, filter, ALL).items);
    let judged = 0;
    for (const basis of ['occurred', 'recorded'] as const) {
      for (const date of ['2024-08-22', '2024-10-14', '2025-01-27', '2025-01-31', '2025-02-04', '2025-08-22', TODAY]) {
        const all = asAt(date, basis).items;
        expect(filtered(date, basis, { overdue: true })).toEqual(ids(all.filter((f) => f.overdue)));
        expect(filtered(date, basis, { statuses: ['Accepted', 'InProgress'] })).toEqual(ids(all.filter((f) => f.status === 'Accepted' || f.status === 'InProgress')));
        expect(filtered(date, basis, { owner: 'rasso' })).toEqual(ids(all.filter((f) => f.owner?.includes('RASSO'))));
        expect(filtered(date, basis, { overdue: true, findingType: 'recommendation', inspectionId: SAMPLE_INSPECTION_ID })).toEqual(ids(all.filter((f) => f.overdue)));
        expect(filtered(date, basis, { overdue: true, findingType: 'area-for-improvement' })).toEqual([]);
        judged += all.filter((f) => f.overdue).length;
      }
    }
    expect(judged).toBeGreaterThan(3);
    // Paged: the total counts every match, the page holds the asked slice.
    const page = queryAsAt(side.readModels, { date: '2025-08-22', basis: 'occurred' }, { statuses: ['Accepted', 'Closed'] }, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ reference: 'REC 05' }] });
  });

  it('holds the same rows live as a full rebuild from the log, back-dated refolds included', async () => {
    const verification = await verifyProjections(side.store, side.readModels);
    expect(verification.projections.filter((p) => p.outcome !== 'identical')).toEqual([]);
  });
});
