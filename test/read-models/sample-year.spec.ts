import { verifyProjections } from '@ledger/projections';
import {
  queryChallenges,
  queryChanges,
  queryCommitments,
  queryDashboard,
  queryInspections,
  queryRegister,
  querySlippage,
  queryStatutory,
  recommendationTimeline,
  type RegisterEntry,
} from '@ledger/projections/read-models';
import { LedgerDriver } from './support/ledger-driver';
import { openReadSide, type ReadSide } from './support/read-models-under-test';
import {
  CHIEF_CONSTABLE,
  CONFERENCE_CHALLENGE,
  FOLLOW_UP_CHALLENGE,
  ID,
  INSPECTION,
  OWNERS,
  PANEL_CHALLENGE,
  PEOPLE,
  QUERY_DAY,
  recordSampleYear,
  type SampleYear,
} from './support/sample-year';

const ALL = { limit: 500, offset: 0 };

/** The parts of a register entry a scrutiny panel reads first. */
function standing(entry: RegisterEntry) {
  const { reference, status, owner, originalTargetDate, targetDate, overdue, daysOverdue, daysUntilTarget, blocked, rag } = entry;
  return { reference, status, owner, originalTargetDate, targetDate, overdue, daysOverdue, daysUntilTarget, blocked, rag };
}

/** Lateness against each date: the inspectorate's due date and the force's current target date. */
function againstBothDates(entry: RegisterEntry) {
  const { reference, dueDate, targetDate, overdueAgainstDueDate, daysPastDueDate, ragAgainstDueDate, overdueAgainstTargetDate, daysPastTargetDate, ragAgainstTargetDate, rag } = entry;
  return [reference, dueDate, overdueAgainstDueDate, daysPastDueDate, ragAgainstDueDate, targetDate, overdueAgainstTargetDate, daysPastTargetDate, ragAgainstTargetDate, rag];
}

describe('read models of the sample inspection after a year (query day 2025-08-22)', () => {
  let side: ReadSide;
  let ledger: LedgerDriver;
  let year: SampleYear;

  beforeAll(async () => {
    side = await openReadSide();
    ledger = await LedgerDriver.start(side.store);
    year = await recordSampleYear(ledger);
    await side.caughtUp(year.lastPosition);
  });

  afterAll(async () => {
    await ledger?.close();
    await side?.close();
  });

  const register = (filter = {}, today = QUERY_DAY) => queryRegister(side.readModels, filter, ALL, today).items.map(standing);

  describe('register', () => {
    it('shows where each finding stands, with overdue days and RAG worked out for the query day', () => {
      expect(register()).toEqual([
        { reference: 'REC 03', status: 'Closed', owner: OWNERS.rec03, originalTargetDate: '2025-01-31', targetDate: '2025-04-30', overdue: false, daysOverdue: null, daysUntilTarget: null, blocked: false, rag: null },
        { reference: 'REC 05', status: 'InProgress', owner: OWNERS.rec05, originalTargetDate: '2025-07-31', targetDate: '2025-07-31', overdue: true, daysOverdue: 22, daysUntilTarget: null, blocked: false, rag: 'red' },
        { reference: 'REC 07', status: 'Closed', owner: OWNERS.rec07, originalTargetDate: '2025-01-31', targetDate: '2025-01-31', overdue: false, daysOverdue: null, daysUntilTarget: null, blocked: false, rag: null },
        // Handed in and checked: a completion stops the overdue clock.
        { reference: 'REC 09', status: 'Verified', owner: OWNERS.rec09, originalTargetDate: '2025-01-31', targetDate: '2025-01-31', overdue: false, daysOverdue: null, daysUntilTarget: null, blocked: false, rag: 'green' },
        // Its target date moved to 30 September, but the inspectorate's 31 March has long passed.
        { reference: 'REC 11', status: 'InProgress', owner: OWNERS.rec11, originalTargetDate: '2025-03-31', targetDate: '2025-09-30', overdue: true, daysOverdue: 144, daysUntilTarget: 39, blocked: false, rag: 'red' },
      ]);
    });

    it("judges overdue and RAG against both the inspectorate's due date and the force's current target date, and shows both", () => {
      const judged = (today: string) => queryRegister(side.readModels, {}, ALL, today).items.map(againstBothDates);
      expect(judged(QUERY_DAY)).toEqual([
        ['REC 03', '2025-01-31', false, null, null, '2025-04-30', false, null, null, null],
        ['REC 05', '2025-07-31', true, 22, 'red', '2025-07-31', true, 22, 'red', 'red'],
        ['REC 07', '2025-01-31', false, null, null, '2025-01-31', false, null, null, null],
        ['REC 09', '2025-01-31', false, null, 'green', '2025-01-31', false, null, 'green', 'green'],
        ['REC 11', '2025-03-31', true, 144, 'red', '2025-09-30', false, null, 'amber', 'red'],
      ]);
      // The day after the inspectorate's date, REC 11 is late against it and not against its moved target date.
      expect(judged('2025-04-01')[4]).toEqual(['REC 11', '2025-03-31', true, 1, 'red', '2025-09-30', false, null, 'amber', 'red']);
    });

    it('keeps the facts of each finding: decision, progress, completion dates, the inspectorate view, the inspection', () => {
      const [rec03, rec05, rec07, rec09, rec11] = queryRegister(side.readModels, {}, ALL, QUERY_DAY).items;
      expect(rec03).toMatchObject({ decision: 'accepted', targetDateRevisions: 1, completedOn: '2025-04-15', verifiedOn: '2025-04-22', closedOn: '2025-05-06', slippageDays: 89 });
      expect(rec05.latestProgress).toEqual({ narrative: 'Repeat suspect flag live in the records system; training under way', percentComplete: 70, rag: 'amber', reportedOn: '2025-07-10' });
      expect(rec07.inspectorate).toEqual({ statusText: 'Complete - evidence reviewed at the force liaison meeting', statusDate: '2025-03-27', mappedStatus: 'completed', source: 'HMICFRS monitoring portal' });
      expect(rec07.completedOn).toBe('2025-01-29');
      expect(rec09).toMatchObject({ completedOn: '2025-03-14', verifiedOn: '2025-03-21', closedOn: null });
      expect(rec11).toMatchObject({ decision: 'partially-accepted', dueDate: '2025-03-31', subItems: expect.arrayContaining(['develop a rape and other serious sexual offences problem profile;']) });
      expect(rec11.inspection).toEqual({
        inspectionId: INSPECTION,
        title: 'Progress to introduce a national operating model for rape and other serious sexual offences investigations.',
        inspectionType: 'national-thematic',
        service: 'police',
        publishedOn: '2024-08-22',
      });
      expect(rec11).not.toHaveProperty('state');
    });

    it('works out overdue from the clock at query time, never from a stored status', () => {
      expect(register({}, '2025-09-01').filter((f) => f.overdue).map((f) => [f.reference, f.daysOverdue])).toEqual([
        ['REC 05', 32],
        ['REC 11', 154],
      ]);
      expect(register({}, '2025-03-31').filter((f) => f.overdue).map((f) => [f.reference, f.daysOverdue])).toEqual([]);
      expect(register({}, '2025-10-02').filter((f) => f.overdue).map((f) => [f.reference, f.daysOverdue])).toEqual([
        ['REC 05', 63],
        ['REC 11', 185],
      ]);
      // The target date itself is the last day in time.
      expect(register({}, '2025-07-31').find((f) => f.reference === 'REC 05')).toMatchObject({ overdue: false, daysUntilTarget: 0, rag: 'amber' });
    });

    it('filters by inspection, type, service, owner, status, overdue and blocked, and pages with a total', () => {
      const references = (filter: object, today = QUERY_DAY) => register(filter, today).map((f) => f.reference);
      expect(references({ inspectionId: INSPECTION })).toHaveLength(5);
      expect(references({ inspectionId: 'another-inspection' })).toEqual([]);
      expect(references({ inspectionType: 'national-thematic', findingType: 'recommendation', service: 'police' })).toHaveLength(5);
      expect(references({ service: 'fire' })).toEqual([]);
      expect(references({ findingType: 'area-for-improvement' })).toEqual([]);
      expect(references({ owner: 'FORENSIC' })).toEqual(['REC 09']);
      expect(references({ owner: '%' })).toEqual([]);
      expect(references({ statuses: ['Closed', 'Verified'] })).toEqual(['REC 03', 'REC 07', 'REC 09']);
      expect(references({ overdue: true })).toEqual(['REC 05', 'REC 11']);
      expect(references({ overdue: false })).toEqual(['REC 03', 'REC 07', 'REC 09']);
      expect(references({ overdue: true }, '2025-10-02')).toEqual(['REC 05', 'REC 11']);
      expect(references({ blocked: true })).toEqual([]);
      const page = queryRegister(side.readModels, {}, { limit: 2, offset: 2 }, QUERY_DAY);
      expect({ total: page.total, references: page.items.map((f) => f.reference) }).toEqual({ total: 5, references: ['REC 07', 'REC 09'] });
    });

    it('lists the inspection with counts of its findings for the day', () => {
      const { items } = queryInspections(side.readModels, {}, ALL, QUERY_DAY);
      expect(items).toEqual([expect.objectContaining({ inspectionId: INSPECTION, publishedOn: '2024-08-22', findings: { total: 5, open: 3, overdue: 2, blocked: 0 } })]);
      expect(items[0]).not.toHaveProperty('keyFindingsHtml');
    });
  });

  describe('recommendation timeline', () => {
    it('gives every event of REC 05, and the challenges about it, with who, on whose behalf, when and what changed', () => {
      const timeline = recommendationTimeline(side.readModels, ID.rec05);
      expect(timeline.map((entry) => [entry.eventType, entry.statusBefore, entry.statusAfter])).toEqual([
        ['FindingIssued', null, 'Issued'],
        ['RecommendationAccepted', 'Issued', 'Accepted'],
        ['RecommendationTargetDateSet', 'Accepted', 'Accepted'],
        ['RecommendationOwnerAssigned', 'Accepted', 'Accepted'],
        ['RecommendationWorkStarted', 'Accepted', 'InProgress'],
        ['RecommendationDependencyFlagged', 'InProgress', 'InProgress'],
        ['ChallengeRaised', null, null],
        ['RecommendationDependencyCleared', 'InProgress', 'InProgress'],
        ['ChallengeAnswered', null, null],
        ['RecommendationTargetDateChangeRequested', 'InProgress', 'InProgress'],
        ['RecommendationTargetDateChangeRefused', 'InProgress', 'InProgress'],
        ['RecommendationProgressRecorded', 'InProgress', 'InProgress'],
        ['ChallengeRaised', null, null],
      ]);
      expect(timeline[1]).toMatchObject({
        reference: 'REC 05',
        inspectionId: INSPECTION,
        actor: { id: PEOPLE.officeStaff.id, name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' },
        onBehalfOf: CHIEF_CONSTABLE,
        occurredAt: '2024-09-24T14:00:00.000Z',
        recordedAt: '2024-09-25T10:00:00.000Z',
        occurredOn: '2024-09-24',
        recordedOn: '2024-09-25',
        source: 'api',
        summary: 'Accepted; commitment: "Once the national definition has been received, the Constabulary will implement the appropriate processes."; planned completion 2025-07-31',
        changes: { recommendationId: ID.rec05, commitment: expect.any(String), plannedCompletionDate: '2025-07-31' },
      });
      expect(timeline.map((entry) => entry.summary).slice(9, 11)).toEqual([
        'Change of target date from 2025-07-31 to 2025-10-31 requested by Head of Public Protection (force-lead); reason: The new processes need a further quarter to embed',
        "Change of target date from 2025-07-31 to 2025-10-31, requested by Head of Public Protection (force-lead), refused by Performance Lead (office): the target date stays 2025-07-31; reason: The inspectorate's date stands; escalate resourcing instead",
      ]);
      expect(timeline[10].actor.name).toBe('Performance Lead');
      expect(timeline[7].summary).toBe('No longer waiting on Soteria Joint Unit: Definition and guidance published by the Soteria Joint Unit');
    });

    it('names the requester and the approver of a target-date change, the approver acting for the first time', () => {
      const approval = recommendationTimeline(side.readModels, ID.rec03).find((entry) => entry.eventType === 'RecommendationTargetDateChangeApproved');
      expect(approval).toMatchObject({
        actor: { id: PEOPLE.performanceLead.id, name: 'Performance Lead' },
        summary:
          'Target date moved from 2025-01-31 to 2025-04-30, requested by Head of Public Protection (force-lead) and approved by Performance Lead (office); reason: College of Policing RSDPIP course places for 14 detectives are not available until March 2025; comment: Agreed; report progress monthly',
      });
    });

    it('shows a correction beside the entry it corrects, which stays as recorded', () => {
      const timeline = recommendationTimeline(side.readModels, ID.rec09);
      const corrected = timeline.find((entry) => entry.eventId === year.correctedProgressEventId);
      const correction = timeline.find((entry) => entry.eventId === year.correctionEventId);
      expect(corrected).toMatchObject({ correctedBy: year.correctionEventId, changes: expect.objectContaining({ percentComplete: 60 }) });
      expect(correction?.summary).toBe(
        'Correction of an earlier entry ("Progress reported (60% complete), self-assessed RED: Retention application process drafted; awaiting legal review"): Percent complete was 40, not 60; reason: Typing error in the progress report',
      );
      expect(timeline.find((entry) => entry.eventType === 'RecommendationCompletionVerified')?.summary).toBe(
        'Completion verified by Assurance Lead (verifier), marked complete by Head of Public Protection (force-lead)',
      );
    });
  });

  describe('commitments', () => {
    it('lists who committed to what, when, by which date, and whether it was kept', () => {
      const rows = queryCommitments(side.readModels, {}, ALL, QUERY_DAY).items.map((c) => [c.reference, c.kind, c.dueDate, c.completedOn, c.outcome, c.daysLate]);
      expect(rows).toEqual([
        ['REC 07', 'action', '2024-12-13', '2024-12-11', 'kept', null],
        ['REC 07', 'action', '2025-01-24', '2025-01-22', 'kept', null],
        ['REC 03', 'decision', '2025-01-31', null, 'revised', null],
        ['REC 07', 'decision', '2025-01-31', '2025-01-29', 'kept', null],
        ['REC 09', 'decision', '2025-01-31', '2025-03-14', 'missed', 42],
        ['REC 11', 'decision', '2025-03-31', null, 'revised', null],
        ['REC 03', 'revised-date', '2025-04-30', '2025-04-15', 'kept', null],
        ['REC 05', 'decision', '2025-07-31', null, 'missed', 22],
        ['REC 11', 'revised-date', '2025-09-30', null, 'open', null],
      ]);
    });

    it('attributes each commitment: the Chief Constable through the office, a new date to its requester and approver', () => {
      const commitments = queryCommitments(side.readModels, { recommendationId: ID.rec03 }, ALL, QUERY_DAY).items;
      expect(commitments[0]).toMatchObject({
        kind: 'decision',
        what: expect.stringContaining('RASSO Investigative Skills Development Programme'),
        committedBy: { id: PEOPLE.officeStaff.id, name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' },
        onBehalfOf: CHIEF_CONSTABLE,
        committedAt: '2024-09-24T14:00:00.000Z',
        committedOn: '2024-09-24',
        owner: OWNERS.rec03,
        revisedOn: '2025-01-08',
        revisedByCommitmentId: commitments[1].commitmentId,
      });
      expect(commitments[1]).toMatchObject({
        kind: 'revised-date',
        reason: 'College of Policing RSDPIP course places for 14 detectives are not available until March 2025',
        committedBy: { id: PEOPLE.actionOwner.id, name: 'Head of Public Protection' },
        approvedBy: { id: PEOPLE.performanceLead.id, name: 'Performance Lead' },
        committedOn: '2025-01-08',
        dueDate: '2025-04-30',
      });
    });

    it('works out kept, missed and open for the day asked, and filters by outcome', () => {
      const outcomes = (today: string) => queryCommitments(side.readModels, { kind: 'decision' }, ALL, today).items.map((c) => [c.reference, c.outcome, c.daysLate]);
      expect(outcomes('2025-07-31')).toContainEqual(['REC 05', 'open', null]);
      expect(outcomes('2025-08-01')).toContainEqual(['REC 05', 'missed', 1]);
      const missed = queryCommitments(side.readModels, { outcomes: ['missed'] }, ALL, QUERY_DAY);
      expect(missed.items.map((c) => c.reference)).toEqual(['REC 09', 'REC 05']);
      expect(missed.total).toBe(2);
    });
  });

  describe('slippage', () => {
    it('gives original and current target dates and every revision with its reason, requester and approver', () => {
      const slippage = querySlippage(side.readModels, {}, ALL).items;
      expect(slippage.map((s) => [s.reference, s.originalTargetDate, s.currentTargetDate, s.slippageDays, s.revisionCount, s.revisions.map((r) => r.outcome)])).toEqual([
        ['REC 03', '2025-01-31', '2025-04-30', 89, 1, ['approved']],
        ['REC 05', '2025-07-31', '2025-07-31', 0, 0, ['refused']],
        ['REC 07', '2025-01-31', '2025-01-31', 0, 0, []],
        ['REC 09', '2025-01-31', '2025-01-31', 0, 0, []],
        ['REC 11', '2025-03-31', '2025-09-30', 183, 1, ['approved']],
      ]);
      expect(slippage[4].revisions[0]).toEqual({
        requestId: expect.any(String),
        from: '2025-03-31',
        to: '2025-09-30',
        daysMoved: 183,
        reason: 'Key performance indicators not yet published by the Soteria Joint Unit',
        requestedBy: { id: PEOPLE.actionOwner.id, name: 'Head of Public Protection', role: 'force-lead', organisation: 'Cumbria Constabulary' },
        requestedOnBehalfOf: null,
        requestedAt: '2025-03-20T10:00:00.000Z',
        requestedRecordedAt: '2025-03-20T10:00:00.000Z',
        outcome: 'approved',
        decidedBy: { id: PEOPLE.performanceLead.id, name: 'Performance Lead', role: 'office', organisation: 'Cumbria OPFCC' },
        decidedOnBehalfOf: null,
        decidedAt: '2025-03-25T10:00:00.000Z',
        decidedRecordedAt: '2025-03-25T10:00:00.000Z',
        decisionNote: null,
      });
      expect(slippage[1].revisions[0]).toMatchObject({ to: '2025-10-31', decidedBy: { name: 'Performance Lead' }, decisionNote: "The inspectorate's date stands; escalate resourcing instead" });
      expect(querySlippage(side.readModels, { slipped: true }, ALL).items.map((s) => s.reference)).toEqual(['REC 03', 'REC 11']);
    });
  });

  describe('statutory compliance', () => {
    it('shows the response published a week late, on day 63 of 56, with both copies sent', () => {
      expect(queryStatutory(side.readModels, {}, ALL, QUERY_DAY).items).toEqual([
        expect.objectContaining({
          inspectionId: INSPECTION,
          service: 'police',
          reportPublishedOn: '2024-08-22',
          responsePeriodDays: 56,
          dueDate: '2024-10-16',
          invitation: { invitedOn: '2024-08-28', commentsDueBy: '2024-09-30' },
          chiefOfficerCommentsReceivedOn: '2024-10-01',
          commissionerCommentsMadeOn: '2024-10-18',
          publishedOn: '2024-10-23',
          publishedAs: 'statutory-response',
          dayNumber: 63,
          onTime: false,
          state: 'published-late',
          daysLate: 7,
          daysRemaining: null,
          copiesSent: { HMICFRS: '2024-10-24', HomeSecretary: '2024-10-25' },
        }),
      ]);
      expect(queryStatutory(side.readModels, { states: ['published-on-time', 'due', 'overdue'] }, ALL, QUERY_DAY).total).toBe(0);
    });
  });

  describe('challenges', () => {
    it('lists the open challenges, one answered late and one unanswered past its date', () => {
      const open = queryChallenges(side.readModels, { status: 'open' }, ALL, QUERY_DAY).items;
      expect(open.map((c) => [c.challengeId, c.reference, c.answers.length, c.answeredLate, c.answerOverdue, c.daysOverdue])).toEqual([
        [PANEL_CHALLENGE, 'REC 05', 1, true, false, null],
        [FOLLOW_UP_CHALLENGE, 'REC 05', 0, null, true, 9],
      ]);
      expect(queryChallenges(side.readModels, { status: 'closed' }, ALL, QUERY_DAY).items).toEqual([
        expect.objectContaining({ challengeId: CONFERENCE_CHALLENGE, inspectionId: INSPECTION, closedOn: '2024-12-05', outcome: 'Satisfied; future responses planned from publication day', answeredLate: false }),
      ]);
      expect(queryChallenges(side.readModels, { status: 'all', answerOverdue: true }, ALL, QUERY_DAY).items.map((c) => c.challengeId)).toEqual([FOLLOW_UP_CHALLENGE]);
    });
  });

  it('counts by status for the dashboard, agreeing with the register', () => {
    expect(queryDashboard(side.readModels, {}, QUERY_DAY)).toEqual({
      findings: {
        total: 5,
        byStatus: expect.objectContaining({ Issued: 0, InProgress: 2, Verified: 1, Closed: 2, AwaitingVerification: 0 }),
        open: 3,
        overdue: 2,
        blocked: 0,
        pendingTargetDateChanges: 0,
        rag: { red: 2, amber: 0, green: 1, none: 2 },
      },
      challenges: { open: 2, answerOverdue: 1 },
      statutoryResponses: { due: 0, overdue: 0, 'published-on-time': 0, 'published-late': 1 },
    });
  });

  describe('changes between two dates', () => {
    it("gives what changed between the panel's February and May meetings, and where each finding moved", () => {
      const changes = queryChanges(side.readModels, { from: '2025-02-13', to: '2025-05-14', basis: 'recorded' }, ALL);
      expect(changes.findings.map((f) => [f.reference, f.statusAtStart, f.statusAtEnd, f.events])).toEqual([
        ['REC 03', 'InProgress', 'Closed', 4],
        ['REC 05', 'InProgress', 'InProgress', 1],
        ['REC 07', 'Closed', 'Closed', 1],
        ['REC 09', 'InProgress', 'Verified', 3],
        ['REC 11', 'InProgress', 'InProgress', 3],
      ]);
      expect(changes.total).toBe(13);
      expect(changes.items.every((entry) => entry.recordedOn >= '2025-02-13' && entry.recordedOn <= '2025-05-14')).toBe(true);
      expect(changes.items.map((entry) => entry.eventType)).toContain('ChallengeAnswered');
    });

    it('can compare the date things happened instead of the date they were recorded', () => {
      const meetingDay = { from: '2024-09-24', to: '2024-09-24', inspectionId: INSPECTION };
      expect(queryChanges(side.readModels, { ...meetingDay, basis: 'recorded' }, ALL).total).toBe(0);
      const occurred = queryChanges(side.readModels, { ...meetingDay, basis: 'occurred' }, ALL);
      expect(occurred.findings.map((f) => [f.reference, f.statusAtStart, f.statusAtEnd])).toEqual([
        ['REC 03', 'Issued', 'Accepted'],
        ['REC 05', 'Issued', 'Accepted'],
        ['REC 07', 'Issued', 'Accepted'],
        ['REC 09', 'Issued', 'Accepted'],
        ['REC 11', 'Issued', 'PartiallyAccepted'],
      ]);
    });
  });

  it('holds the same rows live as a full rebuild from the log', async () => {
    const verification = await verifyProjections(side.store, side.readModels);
    expect(verification.projections.map((p) => [p.projection, p.outcome, p.reason])).toEqual(
      ['register', 'timeline', 'commitments', 'slippage', 'statutory_compliance', 'challenges', 'history', 'public_register'].map((name) => [name, 'identical', null]),
    );
    expect(verification.ok).toBe(true);
  });
});
