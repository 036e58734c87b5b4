import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type JsonObject, type RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { AuditTrailSummaries } from './audit-trail-summaries';

const REC_05 = 'recommendation-finding-rec-05';
const REC_09 = 'recommendation-finding-rec-09';
const lead = { id: 'opfcc-performance-lead', name: 'Performance Lead', role: 'office', organisation: 'Cumbria OPFCC' };
const owner = { id: 'cc-ppu-lead', name: 'Head of Public Protection', role: 'action-owner', organisation: 'Cumbria Constabulary' };

interface Step {
  stream: string;
  type: string;
  data: JsonObject;
  actor: typeof lead;
  /** Left out of the export: given to `pass`, not to `summarise`. */
  leftOut?: boolean;
  schemaVersion?: number;
  id?: string;
}

describe('the audit trail summaries, learnt while the log streams', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Records the steps, then gives each to the summaries in log order; the summaries of the exported ones, by step. */
  async function exportSummaries(steps: Step[]): Promise<(string | undefined)[]> {
    for (const step of steps) {
      const metadata = { actor: step.actor, schemaVersion: step.schemaVersion ?? 1 };
      await store.append(step.stream, [{ id: step.id ?? randomUUID(), type: step.type, data: step.data, metadata }], 'any');
    }
    const summaries = await AuditTrailSummaries.forLog(store, await store.headPosition());
    const recorded: RecordedEvent[] = [];
    for await (const event of store.readAll()) recorded.push(event);
    return recorded.map((event, i) => {
      if (!steps[i].leftOut) return summaries.summarise(event);
      summaries.pass(event);
      return undefined;
    });
  }

  it('names a person learnt from an event the export leaves out, as the timeline would', async () => {
    const summaries = await exportSummaries([
      { stream: REC_09, type: 'RecommendationWorkStarted', data: { recommendationId: 'finding-rec-09' }, actor: lead, leftOut: true },
      {
        stream: REC_05,
        type: 'RecommendationTargetDateChangeRefused',
        data: { recommendationId: 'finding-rec-05', from: '2025-07-31', to: '2025-10-31', requestedBy: owner.id, refusedBy: lead.id, reason: 'The date stands' },
        actor: owner,
      },
    ]);
    expect(summaries[1]).toBe(
      'Change of target date from 2025-07-31 to 2025-10-31, requested by Head of Public Protection (action-owner), refused by Performance Lead (office): the target date stays 2025-07-31; reason: The date stands',
    );
  });

  it('quotes the entry a correction corrects, even one the export leaves out', async () => {
    const progress = { recommendationId: 'finding-rec-09', narrative: 'Process drafted', percentComplete: 60, rag: 'red' };
    const progressId = randomUUID();
    const summaries = await exportSummaries([
      { stream: REC_09, type: 'RecommendationProgressRecorded', data: progress, actor: owner, leftOut: true, id: progressId },
      { stream: REC_05, type: 'RecommendationWorkStarted', data: { recommendationId: 'finding-rec-05' }, actor: owner },
      { stream: REC_09, type: 'RecommendationEntryCorrected', data: { recommendationId: 'finding-rec-09', correctsEventId: progressId, whatWasWrong: 'It was 40', reason: 'Typing error' }, actor: owner },
    ]);
    expect(summaries[2]).toBe('Correction of an earlier entry ("Progress reported (60% complete), self-assessed RED: Process drafted"): It was 40; reason: Typing error');
  });

  it('quotes the entry a date correction re-dates, even one the export leaves out', async () => {
    const progressId = randomUUID();
    const summaries = await exportSummaries([
      { stream: REC_09, type: 'RecommendationProgressRecorded', data: { recommendationId: 'finding-rec-09', narrative: 'Process drafted', percentComplete: 60, rag: 'red' }, actor: owner, leftOut: true, id: progressId },
      {
        stream: REC_09,
        type: 'RecommendationEntryDateCorrected',
        data: { recommendationId: 'finding-rec-09', correctsEventId: progressId, redatedEventIds: [progressId], recordedOccurredAt: '2025-03-02T10:00:00.000Z', correctOccurredAt: '2025-02-28', reason: 'Reported at the February board' },
        actor: owner,
      },
    ]);
    expect(summaries[1]).toBe(
      'Date of an earlier entry ("Progress reported (60% complete), self-assessed RED: Process drafted") corrected from 2025-03-02 to 2025-02-28; reason: Reported at the February board',
    );
  });

  it('reads an event stored in an older shape as the timeline does, upcast to the current one', async () => {
    const [accepted] = await exportSummaries([
      { stream: REC_05, type: 'RecommendationAccepted', data: { recommendationId: 'finding-rec-05', commitment: 'Adopt the definition', targetDate: '2025-07-31' }, actor: owner, schemaVersion: 1 },
    ]);
    expect(accepted).toBe('Accepted; commitment: "Adopt the definition"; planned completion 2025-07-31');
  });

  it('gives the generic line to an event type it does not know, and to data the summary cannot read', async () => {
    const summaries = await exportSummaries([
      { stream: REC_05, type: 'RecommendationTeleported', data: { recommendationId: 'finding-rec-05', to: 'Elsewhere' }, actor: owner },
      { stream: REC_05, type: 'RecommendationProgressRecorded', data: { recommendationId: 'finding-rec-05', narrative: 'No RAG given' }, actor: owner },
      { stream: REC_05, type: 'RecommendationAccepted', data: { commitment: 'From a later version' }, actor: owner, schemaVersion: 9 },
    ]);
    expect(summaries).toEqual([
      'Recommendation teleported: to: Elsewhere',
      'Recommendation progress recorded: narrative: No RAG given',
      'Recommendation accepted: commitment: From a later version',
    ]);
  });
});
