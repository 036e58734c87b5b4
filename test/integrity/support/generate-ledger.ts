import { createHash } from 'node:crypto';
import { addDays } from '@ledger/domain';
import type { EventStore, EventToAppend, JsonObject } from '@ledger/event-store';
import { HashChainedEventStore } from '@ledger/integrity';

/** Events per finding stream by default: issue, decide, plan, a slipped date, an action, progress with a correction, and completion. */
export const EVENTS_PER_FINDING = 20;
export const FINDINGS_PER_INSPECTION = 10;
/** A finding's story needs its first eight events, a few reports and its last five. */
const FEWEST_EVENTS_PER_FINDING = 18;
/** The progress report typed in after the three that followed it, in a back-filled finding. */
const LATE_REPORT = 12;
/** Days between two events of a finding. */
const DAYS_APART = 5;

export const actors = [
  { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' },
  { id: 'cc-ppu-lead', name: 'Head of Public Protection', role: 'action-owner', organisation: 'Cumbria Constabulary' },
  { id: 'opfcc-performance-lead', name: 'Performance Lead', role: 'office', organisation: 'Cumbria OPFCC' },
];

/** Deterministic UUIDs, so that two generated ledgers of the same size are the same ledger. */
export function uuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The inspection a finding belongs to, by the finding's place in the generated ledger. */
export function inspectionIdOf(finding: number): string {
  return `inspection-${Math.floor(finding / FINDINGS_PER_INSPECTION)}`;
}

/** `eventId(i)`: the id the i-th event of the stream gets, for the correction to point at. */
function findingEvents(inspectionId: string, n: number, start: string, length: number, eventId: (i: number) => string): { type: string; data: JsonObject }[] {
  const recommendationId = `${inspectionId}-rec-${n}`;
  const reference = `REC ${String(n).padStart(2, '0')}`;
  const narrative = 'Training delivered to investigating officers across the force area; attendance and assessment results reviewed at the monthly performance board.';
  const due = addDays(start, 160);
  const moved = addDays(start, 250);
  const reason = 'National course places were not available until March.';
  const events: { type: string; data: JsonObject }[] = [
    { type: 'FindingIssued', data: { recommendationId, inspectionId, reference, number: n, findingType: 'recommendation', text: `All forces should make sure personnel working on rape and other serious sexual offences receive approved training (${reference}).`, subItems: [], addressees: ['all forces'], dueDate: due, immediate: false } },
    { type: 'RecommendationAccepted', data: { recommendationId, commitment: 'All detectives performing investigation roles will be trained.', plannedCompletionDate: due } },
    { type: 'RecommendationTargetDateSet', data: { recommendationId, targetDate: due } },
    { type: 'RecommendationOwnerAssigned', data: { recommendationId, owner: 'Head of Public Protection Unit', organisation: 'Cumbria Constabulary', previousOwner: null } },
    { type: 'RecommendationWorkStarted', data: { recommendationId } },
    { type: 'RecommendationTargetDateChangeRequested', data: { recommendationId, from: due, to: moved, reason, requestedBy: 'cc-ppu-lead' } },
    { type: 'RecommendationTargetDateChangeApproved', data: { recommendationId, from: due, to: moved, reason, requestedBy: 'cc-ppu-lead', approvedBy: 'opfcc-performance-lead', comment: null } },
    { type: 'RecommendationActionAdded', data: { recommendationId, actionId: `${recommendationId}-training`, description: 'Book every investigating detective on the national course', owner: 'Learning and Development', dueDate: addDays(start, 200) } },
  ];
  const firstProgress = events.length;
  for (let i = events.length; i < length - 5; i += 1) {
    events.push({ type: 'RecommendationProgressRecorded', data: { recommendationId, narrative: `${narrative} Update ${i}.`, percentComplete: Math.min(95, i), rag: i % 3 === 0 ? 'amber' : 'green' } });
  }
  events.push(
    { type: 'RecommendationActionCompleted', data: { recommendationId, actionId: `${recommendationId}-training` } },
    { type: 'RecommendationEntryCorrected', data: { recommendationId, correctsEventId: eventId(firstProgress), whatWasWrong: 'The RAG was green, not amber', reason: 'Misread at the board' } },
    { type: 'RecommendationMarkedComplete', data: { recommendationId, summary: 'Every detective in an investigation role completed the programme.', evidenceIds: [], markedCompleteBy: 'cc-ppu-lead' } },
    { type: 'RecommendationCompletionVerified', data: { recommendationId, verifiedBy: 'opfcc-performance-lead', markedCompleteBy: 'cc-ppu-lead', comment: null } },
    { type: 'RecommendationClosed', data: { recommendationId, comment: null } },
  );
  return events;
}

export interface GenerateOptions {
  /** Appends in flight at once: a bulk load, which the store may commit together (default 1). */
  concurrency?: number;
  /** Events in each finding's stream (default EVENTS_PER_FINDING, at least 18). */
  eventsPerFinding?: number;
}

/**
 * Records a ledger of about `events` events through the hash chain: inspections of ten findings,
 * each finding's stream written in one append, its events five days apart from a start in late
 * 2024. Every other finding is back-filled, as an office's first import is: all its events typed
 * in on one day of 2026, each dated with the day it happened, one progress report typed in after
 * the three that followed it. The others are recorded as they happen, with instants.
 */
export async function generateLedger(store: EventStore, events: number, options: GenerateOptions = {}): Promise<number> {
  const { concurrency = 1, eventsPerFinding = EVENTS_PER_FINDING } = options;
  if (!Number.isSafeInteger(eventsPerFinding) || eventsPerFinding < FEWEST_EVENTS_PER_FINDING) {
    throw new RangeError(`eventsPerFinding must be a whole number of at least ${FEWEST_EVENTS_PER_FINDING}`);
  }
  const chained = new HashChainedEventStore(store);
  const findings = Math.max(1, Math.round(events / eventsPerFinding));
  let written = 0;
  let inFlight: Promise<unknown>[] = [];
  for (let f = 0; f < findings; f += 1) {
    const inspectionId = inspectionIdOf(f);
    const n = (f % FINDINGS_PER_INSPECTION) + 1;
    const eventId = (i: number) => uuid(`${inspectionId}/${n}/${i}`);
    const start = addDays('2024-08-22', f % 60);
    const backFilled = f % 2 === 0;
    const toAppend: EventToAppend[] = findingEvents(inspectionId, n, start, eventsPerFinding, eventId).map((event, i) => {
      const commandId = uuid(`${inspectionId}/${n}/${i}/command`);
      const day = addDays(start, DAYS_APART * (backFilled && i === LATE_REPORT ? LATE_REPORT - 4 : i));
      const occurredAt = backFilled ? day : `${day}T10:00:00.000Z`;
      // Back-filled: typed in a minute apart from 08:00 on the 15th of a month of 2026.
      const recordedAt = backFilled ? new Date(Date.UTC(2026, 2 + (f % 9), 15, 8) + i * 60_000).toISOString() : occurredAt;
      return {
        id: eventId(i),
        type: event.type,
        data: event.data,
        metadata: { actor: actors[i % actors.length], occurredAt, recordedAt, $correlationId: commandId, $causationId: commandId, commandId, schemaVersion: 1, source: 'import' },
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
