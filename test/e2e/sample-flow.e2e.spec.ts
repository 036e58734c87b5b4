import { readSamplePage } from './support/sample-page';
import { ACTION_OWNER, CHIEF_CONSTABLE, COMMISSIONER, evidence, OFFICE_STAFF, rec03Commitment, registration, VERIFIER } from './support/sample-requests';
import { post, waitForHistory, type HistoryEvent } from './support/http';
import { removeDataDir, startLedger, type LedgerUnderTest } from './support/ledger-under-test';
import { STORES_UNDER_TEST, type RawStoreUnderTest } from '../esdb/support/emulated-store';

describe.each(STORES_UNDER_TEST)('recording the sample over HTTP, on the $store', ({ open }) => {
  let store: RawStoreUnderTest;
  let ledger: LedgerUnderTest;
  const page = readSamplePage();

  beforeAll(async () => {
    store = await open();
    ledger = await startLedger(undefined, {}, { eventStore: store.eventStore });
  });
  afterAll(async () => {
    await ledger?.stop();
    await store?.dispose();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  it('registers the inspection with its five recommendations, verbatim from the page', async () => {
    const registered = await post(ledger, '/api/inspections', registration(page)).expect(201);
    expect(registered.headers['content-type']).toMatch(/^application\/json/);
    expect(registered.body).toEqual({
      inspectionId: expect.any(String),
      findingIds: [expect.any(String), expect.any(String), expect.any(String), expect.any(String), expect.any(String)],
      streamId: `inspection-${registered.body.inspectionId}`,
      revision: '0',
      position: expect.stringMatching(/^\d+$/),
      eventIds: [expect.any(String)],
    });
    expect(registered.headers.etag).toBe('"0"');

    const history = await ledger.http().get(`/api/inspections/${registered.body.inspectionId}/history`).expect(200);
    const [event] = history.body.events as HistoryEvent[];
    expect(event.type).toBe('InspectionRegistered');
    expect(event.data).toMatchObject({ title: page.title, publishedOn: '2024-08-22', typeAsWritten: 'National Thematic', keyFindingsHtml: page.keyFindingsHtml });
    const findings = event.data.findings as { findingId: string; reference: string; text: string; subItems: string[]; dueDate: string }[];
    expect(findings.map((f) => [f.reference, f.dueDate, f.subItems.length])).toEqual([
      ['REC 03', '2025-01-31', 0],
      ['REC 05', '2025-07-31', 0],
      ['REC 07', '2025-01-31', 2],
      ['REC 09', '2025-01-31', 0],
      ['REC 11', '2025-03-31', 3],
    ]);
    expect(findings.map((f) => f.text)).toEqual(page.findings.map((f) => f.text));
    expect(findings.map((f) => f.findingId)).toEqual(registered.body.findingIds);

    for (const findingId of registered.body.findingIds as string[]) {
      const issued = await waitForHistory(ledger, `/api/recommendations/${findingId}/history`);
      expect(issued.status).toBe(200);
      expect((issued.body.events as HistoryEvent[])[0].type).toBe('FindingIssued');
    }
  });

  it('keeps only the text structure of key findings HTML', async () => {
    const keyFindingsHtml = '<p onclick="steal()">Soteria is <strong>unprecedented</strong>.</p><script>alert(1)</script><iframe src="https://example.org"></iframe>';
    // Another report: the sample itself is registered once.
    const registered = await post(ledger, '/api/inspections', { ...registration(page), title: `${page.title} (key findings)`, keyFindingsHtml }).expect(201);
    const history = await ledger.http().get(`/api/inspections/${registered.body.inspectionId}/history`).expect(200);
    expect(history.body.events[0].data.keyFindingsHtml).toBe('<p>Soteria is <strong>unprecedented</strong>.</p>');
  });

  it('takes REC 03 from acceptance to closure, and its history says who did each step, on whose behalf, and when', async () => {
    const registered = await post(ledger, '/api/inspections', { ...registration(page), title: `${page.title} (lifecycle)` }).expect(201);
    const rec03 = registered.body.findingIds[0] as string;
    const path = `/api/recommendations/${rec03}`;
    expect((await waitForHistory(ledger, `${path}/history`)).status).toBe(200);

    const commitment = rec03Commitment(page);
    expect(commitment).toBe(
      "Cumbria Constabulary will have all detectives performing investigation roles trained in 'RASSO Investigative Skills Development Programme' (RSDPIP) by the end of January 2025.",
    );
    const decidedAt = '2024-10-10T09:30:00.000Z';
    const accepted = await post(ledger, `${path}/accept`, { commitment, plannedCompletionDate: '2025-01-31', onBehalfOf: CHIEF_CONSTABLE, occurredAt: decidedAt }).expect(200);
    const owned = await post(ledger, `${path}/assign-owner`, { owner: 'Head of Crime', organisation: 'Cumbria Constabulary' }).expect(200);
    const progress = await post(ledger, `${path}/progress`, { narrative: '212 of 240 investigating detectives trained in RSDPIP', percentComplete: 88, rag: 'green' }, { as: ACTION_OWNER }).expect(200);
    const submitted = await post(ledger, `${path}/evidence`, evidence('RSDPIP training completion register'), { as: ACTION_OWNER }).expect(201);
    const completed = await post(ledger, `${path}/mark-complete`, { summary: 'Every investigating detective has completed RSDPIP', evidenceIds: [submitted.body.evidenceId] }, { as: ACTION_OWNER }).expect(200);

    // The force lead who marked it complete may not verify it: verifying is the verifier's alone.
    const selfVerified = await post(ledger, `${path}/verify`, {}, { as: ACTION_OWNER }).expect(403);
    expect(selfVerified.body.rule).toBe('RoleNotAllowed');

    const verified = await post(ledger, `${path}/verify`, { comment: 'Checked the register against the duty roster' }, { as: VERIFIER }).expect(200);
    const closed = await post(ledger, `${path}/close`, { comment: 'Signed off by the PFCC' }, { as: COMMISSIONER }).expect(200);

    const history = await ledger.http().get(`${path}/history`).expect(200);
    const events = history.body.events as HistoryEvent[];
    expect(history.headers.etag).toBe(`"${events.length - 1}"`);
    expect(history.body.revision).toBe(String(events.length - 1));
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => String(i)));

    const steps = [
      { answer: accepted, who: OFFICE_STAFF },
      { answer: owned, who: OFFICE_STAFF },
      { answer: progress, who: ACTION_OWNER },
      { answer: submitted, who: ACTION_OWNER },
      { answer: completed, who: ACTION_OWNER },
      { answer: verified, who: VERIFIER },
      { answer: closed, who: COMMISSIONER },
    ];
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const { answer, who } of steps) {
      const written = (answer.body.eventIds as string[]).map((id) => byId.get(id)!);
      expect(written.length).toBeGreaterThan(0);
      expect(written.every((e) => e.metadata.actor.id === who)).toBe(true);
      expect(answer.body.revision).toBe(written[written.length - 1].revision);
      expect(answer.body.position).toBe(written[written.length - 1].position);
      expect(answer.headers.etag).toBe(`"${answer.body.revision}"`);
    }

    const timeline = events.map((e) => ({
      type: e.type,
      who: e.metadata.actor.id,
      role: e.metadata.actor.role,
      onBehalfOf: e.metadata.onBehalfOf?.name ?? null,
      source: e.metadata.source,
    }));
    expect(timeline).toEqual([
      { type: 'FindingIssued', who: OFFICE_STAFF, role: 'office', onBehalfOf: null, source: 'api' },
      { type: 'RecommendationAccepted', who: OFFICE_STAFF, role: 'office', onBehalfOf: 'Chief Constable', source: 'api' },
      { type: 'RecommendationTargetDateSet', who: OFFICE_STAFF, role: 'office', onBehalfOf: 'Chief Constable', source: 'api' },
      { type: 'RecommendationOwnerAssigned', who: OFFICE_STAFF, role: 'office', onBehalfOf: null, source: 'api' },
      { type: 'RecommendationWorkStarted', who: OFFICE_STAFF, role: 'office', onBehalfOf: null, source: 'api' },
      { type: 'RecommendationProgressRecorded', who: ACTION_OWNER, role: 'force-lead', onBehalfOf: null, source: 'api' },
      { type: 'RecommendationEvidenceSubmitted', who: ACTION_OWNER, role: 'force-lead', onBehalfOf: null, source: 'api' },
      { type: 'RecommendationMarkedComplete', who: ACTION_OWNER, role: 'force-lead', onBehalfOf: null, source: 'api' },
      { type: 'RecommendationCompletionVerified', who: VERIFIER, role: 'verifier', onBehalfOf: null, source: 'api' },
      { type: 'RecommendationClosed', who: COMMISSIONER, role: 'commissioner', onBehalfOf: null, source: 'api' },
    ]);

    const acceptance = events.find((e) => e.type === 'RecommendationAccepted')!;
    expect(acceptance.data).toMatchObject({ recommendationId: rec03, commitment });
    expect(acceptance.metadata.onBehalfOf).toEqual(CHIEF_CONSTABLE);
    expect(acceptance.metadata.occurredAt).toBe(decidedAt);
    for (const event of events) {
      expect(Date.parse(event.metadata.recordedAt)).not.toBeNaN();
      expect(Date.parse(event.metadata.occurredAt)).toBeLessThanOrEqual(Date.parse(event.metadata.recordedAt));
    }
    expect(Number(events[events.length - 1].position)).toBeGreaterThan(Number(events[0].position));
  });
});
