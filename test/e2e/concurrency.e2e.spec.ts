import { readSamplePage } from './support/sample-page';
import { registration } from './support/sample-requests';
import { post, waitForHistory, type HistoryEvent } from './support/http';
import { readLog, removeDataDir, startLedger, type LedgerUnderTest } from './support/ledger-under-test';

const WRITERS = 50;

describe('50 concurrent commands against one recommendation over HTTP', () => {
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it('loses no update, keeps revisions contiguous, and each 2xx matches exactly its events in the log', async () => {
    const registered = await post(ledger, '/api/inspections', registration(readSamplePage())).expect(201);
    const rec = registered.body.findingIds[0] as string;
    const path = `/api/recommendations/${rec}`;
    expect((await waitForHistory(ledger, `${path}/history`)).status).toBe(200);
    await post(ledger, `${path}/accept`, { commitment: 'Train every investigating detective' }).expect(200);
    await post(ledger, `${path}/assign-owner`, { owner: 'Head of Crime', organisation: 'Cumbria Constabulary' }).expect(200);

    const narratives = Array.from({ length: WRITERS }, (_, i) => `Progress report ${i + 1}`);
    const answers = await Promise.all(
      narratives.map((narrative, i) => post(ledger, `${path}/progress`, { narrative, percentComplete: i * 2, rag: 'amber' }, { as: i % 2 ? 'force-action-owner' : 'office-staff' })),
    );

    // A 409 (retries exhausted) is an honest answer; a lost update or any other status is not.
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    const succeeded = answers.map((answer, i) => ({ answer, narrative: narratives[i] })).filter(({ answer }) => answer.status === 200);
    expect(succeeded.length).toBeGreaterThan(0);

    const history = await ledger.http().get(`${path}/history`).expect(200);
    const events = history.body.events as HistoryEvent[];
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => String(i)));

    const recorded = events.filter((e) => e.type === 'RecommendationProgressRecorded');
    expect(recorded).toHaveLength(succeeded.length);
    expect(recorded.map((e) => e.data.narrative).sort()).toEqual(succeeded.map((s) => s.narrative).sort());

    const byId = new Map(events.map((e) => [e.id, e]));
    const claimed = new Set<string>();
    for (const { answer, narrative } of succeeded) {
      const eventIds = answer.body.eventIds as string[];
      const written = eventIds.map((id) => byId.get(id));
      expect(written.every((e) => e !== undefined)).toBe(true);
      const progress = written.filter((e) => e!.type === 'RecommendationProgressRecorded');
      expect(progress).toHaveLength(1);
      expect(progress[0]!.data.narrative).toBe(narrative);
      const last = written[written.length - 1]!;
      expect(answer.body.revision).toBe(last.revision);
      expect(answer.body.position).toBe(last.position);
      expect(answer.headers.etag).toBe(`"${last.revision}"`);
      for (const id of eventIds) {
        expect(claimed.has(id)).toBe(false);
        claimed.add(id);
      }
    }
    // Every event after the acceptance and the owner's assignment belongs to exactly one successful answer.
    const afterAcceptance = events.filter((e) => !['FindingIssued', 'RecommendationAccepted', 'RecommendationOwnerAssigned', 'RecommendationWorkStarted'].includes(e.type));
    expect(new Set(afterAcceptance.map((e) => e.id))).toEqual(claimed);

    // The global log agrees: this stream's events, in the same order, at increasing positions.
    const inLog = (await readLog(ledger.store)).filter((e) => e.streamId === `recommendation-${rec}`);
    expect(inLog.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(inLog.map((e) => String(e.position))).toEqual(events.map((e) => e.position));
  });
});
