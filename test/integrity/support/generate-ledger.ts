import { createHash } from 'node:crypto';
import type { EventStore, EventToAppend, JsonObject } from '@ledger/event-store';
import { HashChainedEventStore } from '@ledger/integrity';

/** Events per finding stream: issue, decide, plan, a slipped date, an action, progress with a correction, and completion. */
export const EVENTS_PER_FINDING = 20;
const FINDINGS_PER_INSPECTION = 10;

const actors = [
  { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' },
  { id: 'cc-ppu-lead', name: 'Head of Public Protection', role: 'action-owner', organisation: 'Cumbria Constabulary' },
  { id: 'opfcc-performance-lead', name: 'Performance Lead', role: 'office', organisation: 'Cumbria OPFCC' },
];

/** Deterministic UUIDs, so that two generated ledgers of the same size are the same ledger. */
function uuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function at(day: number): string {
  return new Date(Date.UTC(2024, 7, 23) + day * 86_400_000).toISOString();
}

/** `eventId(i)`: the id the i-th event of the stream gets, for the correction to point at. */
function findingEvents(inspectionId: string, n: number, eventId: (i: number) => string): { type: string; data: JsonObject }[] {
  const recommendationId = `${inspectionId}-rec-${n}`;
  const reference = `REC ${String(n).padStart(2, '0')}`;
  const narrative = 'Training delivered to investigating officers across the force area; attendance and assessment results reviewed at the monthly performance board.';
  const events: { type: string; data: JsonObject }[] = [
    { type: 'FindingIssued', data: { recommendationId, inspectionId, reference, number: n, findingType: 'recommendation', text: `By 31 January 2025, all forces should make sure personnel working on rape and other serious sexual offences receive approved training (${reference}).`, subItems: [], addressees: ['all forces'], dueDate: '2025-01-31', immediate: false } },
    { type: 'RecommendationAccepted', data: { recommendationId, commitment: 'All detectives performing investigation roles will be trained by the end of January 2025.', plannedCompletionDate: '2025-01-31' } },
    { type: 'RecommendationTargetDateSet', data: { recommendationId, targetDate: '2025-01-31' } },
    { type: 'RecommendationOwnerAssigned', data: { recommendationId, owner: 'Head of Public Protection Unit', organisation: 'Cumbria Constabulary', previousOwner: null } },
    { type: 'RecommendationWorkStarted', data: { recommendationId } },
    { type: 'RecommendationTargetDateChangeRequested', data: { recommendationId, from: '2025-01-31', to: '2025-04-30', reason: 'National course places were not available until March.', requestedBy: 'cc-ppu-lead' } },
    { type: 'RecommendationTargetDateChangeApproved', data: { recommendationId, from: '2025-01-31', to: '2025-04-30', reason: 'National course places were not available until March.', requestedBy: 'cc-ppu-lead', approvedBy: 'opfcc-performance-lead', comment: null } },
    { type: 'RecommendationActionAdded', data: { recommendationId, actionId: `${recommendationId}-training`, description: 'Book every investigating detective on the national course', owner: 'Learning and Development', dueDate: '2025-03-31' } },
  ];
  const firstProgress = events.length;
  for (let i = events.length; i < EVENTS_PER_FINDING - 5; i += 1) {
    events.push({ type: 'RecommendationProgressRecorded', data: { recommendationId, narrative: `${narrative} Update ${i}.`, percentComplete: Math.min(95, i * 7), rag: 'amber' } });
  }
  events.push(
    { type: 'RecommendationActionCompleted', data: { recommendationId, actionId: `${recommendationId}-training` } },
    { type: 'RecommendationEntryCorrected', data: { recommendationId, correctsEventId: eventId(firstProgress), whatWasWrong: 'The RAG was green, not amber', reason: 'Misread at the board' } },
  );
  events.push(
    { type: 'RecommendationMarkedComplete', data: { recommendationId, summary: 'Every detective in an investigation role completed the programme.', evidenceIds: [], markedCompleteBy: 'cc-ppu-lead' } },
    { type: 'RecommendationCompletionVerified', data: { recommendationId, verifiedBy: 'opfcc-performance-lead', markedCompleteBy: 'cc-ppu-lead', comment: null } },
    { type: 'RecommendationClosed', data: { recommendationId, comment: null } },
  );
  return events;
}

/**
 * Records a ledger of about `events` events through the hash chain: inspections of ten findings,
 * each finding's stream of EVENTS_PER_FINDING events written in one append. `concurrency`
 * appends are in flight at once: a bulk load, which the store may commit together.
 */
export async function generateLedger(store: EventStore, events: number, concurrency = 1): Promise<number> {
  const chained = new HashChainedEventStore(store);
  const findings = Math.max(1, Math.round(events / EVENTS_PER_FINDING));
  let written = 0;
  let inFlight: Promise<unknown>[] = [];
  for (let f = 0; f < findings; f += 1) {
    const inspectionId = `inspection-${Math.floor(f / FINDINGS_PER_INSPECTION)}`;
    const n = (f % FINDINGS_PER_INSPECTION) + 1;
    const eventId = (i: number) => uuid(`${inspectionId}/${n}/${i}`);
    const toAppend: EventToAppend[] = findingEvents(inspectionId, n, eventId).map((event, i) => {
      const actor = actors[i % actors.length];
      const commandId = uuid(`${inspectionId}/${n}/${i}/command`);
      const time = at(f % 300 + i);
      return {
        id: eventId(i),
        type: event.type,
        data: event.data,
        metadata: { actor, occurredAt: time, recordedAt: time, $correlationId: commandId, $causationId: commandId, commandId, schemaVersion: 1, source: 'import' },
      };
    });
    inFlight.push(chained.append(`recommendation-${inspectionId}-rec-${n}`, toAppend, 'no_stream'));
    written += toAppend.length;
    if (inFlight.length >= concurrency) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  return written;
}
