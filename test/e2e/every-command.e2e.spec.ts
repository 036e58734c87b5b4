import { readSamplePage } from './support/sample-page';
import { ACTION_OWNER, COMMISSIONER, evidence, LIAISON, registration, VERIFIER } from './support/sample-requests';
import { post, waitForHistory, type HistoryEvent } from './support/http';
import { removeDataDir, startLedger, type LedgerUnderTest } from './support/ledger-under-test';

/**
 * Every command route with a valid body, in an order the lifecycle allows: each answers its
 * status and appends the event its command is named for. Ids in paths and bodies are filled in
 * from earlier answers ({rec05}, {actionId}...).
 */
interface Step {
  path: string;
  body?: Record<string, unknown>;
  as?: string;
  status: number;
  /** An event the command appended (for a 2xx), or the rule that refused it (for a 422). */
  event?: string;
  rule?: string;
  /** Keep the id of the first event it appended under this name, for a later step. */
  remember?: string;
}

const REPORT = 'https://hmicfrs.justiceinspectorates.gov.uk/publications/national-operating-model-rasso/';

const steps: Step[] = [
  { path: '/api/inspections/{inspectionId}/amend', body: { changes: { reportUrl: REPORT, hmicfrsReference: null }, reason: 'The report link was missing' }, status: 200, event: 'InspectionDetailsAmended' },
  {
    path: '/api/inspections/{inspectionId}/findings',
    body: { finding: { reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: 'Forces should improve victim updates.', dueDate: null }, reason: null },
    status: 201,
    event: 'FindingAdded',
  },
  { path: '/api/statutory-responses/{inspectionId}/invite-chief-officer-comments', body: { invitedOn: '2024-08-23', commentsDueBy: '2024-09-20' }, status: 200, event: 'ChiefOfficerCommentsInvited' },
  { path: '/api/statutory-responses/{inspectionId}/chief-officer-comments', body: { receivedOn: '2024-09-18', comments: 'I welcome this recent HMICFRS inspection report.' }, status: 200, event: 'ChiefOfficerCommentsRecorded' },
  { path: '/api/statutory-responses/{inspectionId}/commissioner-comments', body: { madeOn: '2024-09-25', comments: 'I welcome the publication.' }, status: 200, event: 'CommissionerCommentsRecorded' },
  { path: '/api/statutory-responses/{inspectionId}/reply-to-chief-officer', body: { madeOn: '2024-09-26', reply: 'Through my accountability framework I will review the implementation.' }, status: 200, event: 'ReplyToChiefOfficerRecorded' },

  { path: '/api/recommendations/{rec03}/accept', body: { commitment: 'Train every investigating detective in RSDPIP' }, status: 200, event: 'RecommendationAccepted' },
  { path: '/api/recommendations/{rec03}/set-target-date', body: { targetDate: '2025-01-31' }, status: 200, event: 'RecommendationTargetDateSet' },
  { path: '/api/recommendations/{rec05}/partially-accept', body: { acceptedScope: 'Adopt the definition once published', notAcceptedScope: 'A local definition', reason: 'The national definition is not yet published', plannedCompletionDate: '2025-07-31' }, status: 200, event: 'RecommendationPartiallyAccepted' },
  { path: '/api/recommendations/{rec07}/assess-applicability', body: { applicable: true }, status: 200, event: 'RecommendationApplicabilityAssessed' },
  { path: '/api/recommendations/{rec07}/accept', body: { commitment: 'Track bail breaches within one month' }, status: 200, event: 'RecommendationAccepted' },
  { path: '/api/recommendations/{rec09}/reject', body: { reason: 'Already in place: reviewed in 2023' }, status: 200, event: 'RecommendationRejected', remember: 'rec09Rejected' },
  { path: '/api/recommendations/{rec09}/date-corrections', body: { correctsEventId: '{rec09Rejected}', correctOccurredAt: '2024-10-10', reason: 'The response is dated 10 October 2024' }, status: 200, event: 'RecommendationEntryDateCorrected' },
  { path: '/api/recommendations/{rec09}/date-corrections', body: { correctsEventId: '{rec09Rejected}', correctOccurredAt: '2024-10-10', reason: 'Again' }, status: 422, rule: 'DateUnchanged' },
  { path: '/api/recommendations/{rec11}/assess-applicability', body: { applicable: false, reason: 'Covered by the force problem profile work' }, status: 200, event: 'RecommendationApplicabilityAssessed' },

  { path: '/api/statutory-responses/{inspectionId}/publish', body: { publishedOn: '2024-10-10', url: 'https://cumbria-pcc.gov.uk/hmicfrs-responses/rasso' }, as: COMMISSIONER, status: 200, event: 'StatutoryResponsePublished' },
  { path: '/api/statutory-responses/{inspectionId}/copies', body: { recipient: 'HMICFRS', sentOn: '2024-10-10' }, status: 200, event: 'StatutoryResponseCopySent' },
  { path: '/api/statutory-responses/{inspectionId}/copies', body: { recipient: 'HomeSecretary', sentOn: '2024-10-11' }, status: 200, event: 'StatutoryResponseCopySent' },
  { path: '/api/statutory-responses/{inspectionId}/date-corrections', body: { step: 'publication', correctDate: '2024-10-09', reason: 'The page went live the evening before' }, status: 200, event: 'StatutoryDateCorrected' },
  { path: '/api/statutory-responses/{inspectionId}/date-corrections', body: { step: 'commissionerComments', correctDate: '2024-10-12', reason: 'Typed wrongly' }, status: 422, rule: 'DateOutOfOrder' },

  { path: '/api/recommendations/{rec05}/assign-owner', body: { owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' }, status: 200, event: 'RecommendationOwnerAssigned' },
  { path: '/api/recommendations/{rec05}/target-date-changes', body: { from: '2025-07-31', to: '2025-09-30', reason: 'The national definition came late' }, as: ACTION_OWNER, status: 200, event: 'RecommendationTargetDateChangeRequested' },
  { path: '/api/recommendations/{rec05}/target-date-changes/approve', body: { comment: null }, status: 200, event: 'RecommendationTargetDateChangeApproved' },
  { path: '/api/recommendations/{rec05}/target-date-changes', body: { from: '2025-09-30', to: '2025-12-31', reason: 'Training capacity' }, as: ACTION_OWNER, status: 200, event: 'RecommendationTargetDateChangeRequested' },
  { path: '/api/recommendations/{rec05}/target-date-changes/refuse', body: { reason: 'Capacity was planned for' }, status: 200, event: 'RecommendationTargetDateChangeRefused' },
  { path: '/api/recommendations/{rec05}/actions', body: { description: 'Brief RASSO teams on the definition', owner: 'DCI RASSO', dueDate: '2025-08-31' }, status: 201, event: 'RecommendationActionAdded' },
  { path: '/api/recommendations/{rec05}/actions/{actionId}/complete', body: {}, status: 200, event: 'RecommendationActionCompleted' },
  { path: '/api/recommendations/{rec05}/dependencies', body: { dependsOn: 'Soteria Joint Unit', description: 'The national definition and guidance' }, status: 201, event: 'RecommendationDependencyFlagged' },
  { path: '/api/recommendations/{rec05}/dependencies/{dependencyId}/clear', body: { note: 'Guidance published' }, status: 200, event: 'RecommendationDependencyCleared' },
  { path: '/api/recommendations/{rec05}/progress', body: { narrative: 'Definition adopted', percentComplete: 100, rag: 'green' }, as: ACTION_OWNER, status: 200, event: 'RecommendationProgressRecorded' },
  { path: '/api/recommendations/{rec05}/evidence', body: evidence('Repeat suspect policy'), as: ACTION_OWNER, status: 201, event: 'RecommendationEvidenceSubmitted' },
  { path: '/api/recommendations/{rec05}/mark-complete', body: { summary: 'Definition in use', evidenceIds: ['{evidenceId}'] }, as: ACTION_OWNER, status: 200, event: 'RecommendationMarkedComplete' },
  { path: '/api/recommendations/{rec05}/return-for-further-work', body: { reason: 'No evidence it is used to manage suspects' }, as: VERIFIER, status: 200, event: 'RecommendationReturnedForFurtherWork' },
  { path: '/api/recommendations/{rec05}/inspectorate-status', body: { statusText: 'In progress', statusDate: '2025-06-01', source: 'HMICFRS monitoring portal', mappedStatus: 'in-progress' }, as: LIAISON, status: 200, event: 'RecommendationInspectorateStatusRecorded' },
  { path: '/api/recommendations/{rec05}/supersede', body: { supersededBy: 'REC 2 of the 2025 RASSO revisit', reason: 'Replaced by the revisit' }, status: 200, event: 'RecommendationSuperseded' },
  { path: '/api/recommendations/{rec05}/reopen', body: { reason: 'The revisit was withdrawn' }, status: 200, event: 'RecommendationReopened' },
  { path: '/api/recommendations/{rec05}/no-longer-relevant', body: { reason: 'The national model changed' }, status: 200, event: 'RecommendationMarkedNoLongerRelevant' },
  { path: '/api/recommendations/{rec05}/corrections', body: { correctsEventId: '{firstRec05Event}', whatWasWrong: 'The reference was typed as REC 5', reason: 'Typing error' }, status: 200, event: 'RecommendationEntryCorrected' },

  { path: '/api/recommendations/{rec03}/assign-owner', body: { owner: 'Head of Crime', organisation: 'Cumbria Constabulary' }, status: 200, event: 'RecommendationOwnerAssigned' },
  { path: '/api/recommendations/{rec03}/progress', body: { narrative: 'All trained', rag: 'green' }, as: ACTION_OWNER, status: 200, event: 'RecommendationProgressRecorded' },
  { path: '/api/recommendations/{rec03}/mark-complete', body: { summary: 'All trained', evidenceIds: [] }, as: ACTION_OWNER, status: 422, rule: 'EvidenceRequired' },
  { path: '/api/recommendations/{rec03}/evidence', body: evidence('RSDPIP register'), as: ACTION_OWNER, status: 201, event: 'RecommendationEvidenceSubmitted' },
  { path: '/api/recommendations/{rec03}/mark-complete', body: { summary: 'All trained', evidenceIds: ['{evidenceId}'] }, as: ACTION_OWNER, status: 200, event: 'RecommendationMarkedComplete' },
  { path: '/api/recommendations/{rec03}/verify', body: { comment: null }, as: VERIFIER, status: 200, event: 'RecommendationCompletionVerified' },
  { path: '/api/recommendations/{rec03}/close', body: {}, as: COMMISSIONER, status: 200, event: 'RecommendationClosed' },
  { path: '/api/recommendations/{rec03}/inspectorate-closure', body: { outcome: 'closed', closedOn: '2025-05-01', source: 'HMICFRS letter' }, as: LIAISON, status: 200, event: 'RecommendationInspectorateClosureRecorded' },

  { path: '/api/statutory-responses/{inspectionId}/action-plan', body: { publishedOn: '2024-10-10', url: 'https://cumbria-pcc.gov.uk/plan' }, as: COMMISSIONER, status: 422, rule: 'WrongService' },
  { path: '/api/recommendations/{fireRec}/accept', body: { commitment: 'Review the protection risk-based inspection programme' }, status: 200, event: 'RecommendationAccepted' },
  { path: '/api/statutory-responses/{fireInspectionId}/action-plan', body: { publishedOn: '2025-03-01', url: 'https://cumbria-pcc.gov.uk/fire-plan' }, as: COMMISSIONER, status: 200, event: 'ActionPlanPublished' },
  { path: '/api/challenges', body: { forum: 'Police and Crime Panel', meetingDate: '2025-02-04', question: 'Why was REC 09 rejected?', answerDueBy: '2025-03-04', inspectionId: '{inspectionId}', recommendationId: '{rec09}' }, status: 201, event: 'ChallengeRaised' },
  { path: '/api/challenges/{challengeId}/answer', body: { answer: 'The process was reviewed in 2023.', answeredOn: '2025-02-20' }, status: 200, event: 'ChallengeAnswered' },
  { path: '/api/challenges/{challengeId}/close', body: { outcome: 'Satisfied', closedOn: '2025-03-04' }, status: 200, event: 'ChallengeClosed' },
];

const FIRE_INSPECTION = {
  title: 'Cumbria Fire and Rescue Service: effectiveness, efficiency and people',
  inspectionType: 'fire-and-rescue-assessment',
  scope: 'force-specific',
  service: 'fire',
  publishedOn: '2025-01-15',
  findings: [
    { reference: 'REC 1', number: 1, findingType: 'recommendation', text: 'The service should review its risk-based inspection programme.' },
    { reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: 'The service should make sure staff understand how to raise concerns.' },
  ],
};

function fill(value: unknown, ids: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `{${name}}`);
  if (Array.isArray(value)) return value.map((item) => fill(item, ids));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, ids)]));
  return value;
}

describe('every command over HTTP', () => {
  let ledger: LedgerUnderTest;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ledger = await startLedger();
    const registered = await post(ledger, '/api/inspections', registration(readSamplePage())).expect(201);
    ids.inspectionId = registered.body.inspectionId;
    [ids.rec03, ids.rec05, ids.rec07, ids.rec09, ids.rec11] = registered.body.findingIds as string[];
    for (const rec of registered.body.findingIds as string[]) expect((await waitForHistory(ledger, `/api/recommendations/${rec}/history`)).status).toBe(200);
    expect((await waitForHistory(ledger, `/api/statutory-responses/${ids.inspectionId}/history`)).status).toBe(200);
    const fire = await post(ledger, '/api/inspections', FIRE_INSPECTION).expect(201);
    ids.fireInspectionId = fire.body.inspectionId;
    ids.fireRec = fire.body.findingIds[0];
    expect((await waitForHistory(ledger, `/api/recommendations/${ids.fireRec}/history`)).status).toBe(200);
    expect((await waitForHistory(ledger, `/api/statutory-responses/${ids.fireInspectionId}/history`)).status).toBe(200);
    const rec05 = await ledger.http().get(`/api/recommendations/${ids.rec05}/history`).expect(200);
    ids.firstRec05Event = (rec05.body.events as HistoryEvent[])[0].id;
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it.each(steps.map((step, index) => ({ ...step, name: `${index + 1}. ${step.path.replace(/\{\w+\}\//g, '').replace('/api/', '')}`, outcome: step.rule ?? step.event })))('$name → $status $outcome', async (step) => {
    const path = fill(step.path, ids) as string;
    const answer = await post(ledger, path, fill(step.body ?? {}, ids) as object, { as: step.as });
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status: step.status });
    if (step.rule) {
      expect(answer.body.rule).toBe(step.rule);
      return;
    }

    if (step.remember) ids[step.remember] = (answer.body.eventIds as string[])[0];
    for (const created of ['actionId', 'dependencyId', 'evidenceId', 'challengeId', 'findingId']) {
      if (typeof answer.body[created] === 'string') ids[created] = answer.body[created];
    }
    const history = await ledger.http().get(`/api/${(answer.body.streamId as string).replace(/^(inspection|recommendation|statutory-response|challenge)-/, (_, kind: string) => `${kind}s/`)}/history`).expect(200);
    const events = history.body.events as HistoryEvent[];
    const written = events.filter((event) => (answer.body.eventIds as string[]).includes(event.id));
    expect(written.map((event) => event.id)).toEqual(answer.body.eventIds);
    expect(written.at(-1)!.revision).toBe(answer.body.revision);
    expect(written.map((event) => event.type)).toContain(step.event);
  });
});
