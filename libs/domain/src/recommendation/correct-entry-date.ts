import type { RuleViolation } from '../shared/decider';
import { firstViolation, requireDate, requireReason, requireText } from '../shared/field-rules';
import { occurredDay } from '../shared/occurred-at';
import type { CorrectEntryDate } from './recommendation-commands';
import { recommendationStatusAfter } from './recommendation-evolve';
import type { RecommendationEvent, RecommendationEventType } from './recommendation-events';
import { refuse } from './recommendation-rules';
import type { IssuedRecommendationState } from './recommendation-state';
import type { RecommendationStatus } from './recommendation-status';

/** One event of a finding's stream with the envelope facts a date correction is judged by. */
export interface RecommendationStreamEntry {
  readonly eventId: string;
  /** The command that recorded it: events recorded together happened together. */
  readonly commandId: string | null;
  /** As recorded in its envelope; corrections recorded since are applied by the decision. */
  readonly occurredAt: string;
  readonly event: RecommendationEvent;
}

export interface EntryDateFacts {
  /** Every event of the stream, in stream order. */
  readonly entries: readonly RecommendationStreamEntry[];
  /** Today in London. */
  readonly today: string;
  /** The finding's issue with its report, when known. */
  readonly issuedOn?: string;
}

/** The issue is dated by its report, and a correction by its own recording: neither is re-dated. */
const UNDATED: ReadonlySet<RecommendationEventType> = new Set(['FindingIssued', 'RecommendationEntryCorrected', 'RecommendationEntryDateCorrected']);

interface DatedEntry extends RecommendationStreamEntry {
  readonly changedStatus: boolean;
}

/** The stream's entries with the dates they stand at: each as recorded, or as its latest date correction says. */
export function entriesAsCorrected(entries: readonly RecommendationStreamEntry[]): RecommendationStreamEntry[] {
  const corrected = new Map<string, string>();
  for (const { event } of entries) {
    if (event.type === 'RecommendationEntryDateCorrected') for (const id of event.redatedEventIds) corrected.set(id, event.correctOccurredAt);
  }
  return entries.map((entry) => (corrected.has(entry.eventId) ? { ...entry, occurredAt: corrected.get(entry.eventId) as string } : entry));
}

/**
 * Re-dates an entry and the events its command recorded with it. The new day must be a real
 * day, not later than today, not before the finding's issue, and keep the lifecycle in order:
 * within the status the entry was recorded in (not before the step into it, nor after the step
 * out of it), and, for an entry that moved the status on, not after anything recorded after it.
 */
export function correctEntryDate(command: CorrectEntryDate, state: IssuedRecommendationState, facts: EntryDateFacts): readonly RecommendationEvent[] | RuleViolation {
  const invalid = firstViolation(requireText(command.correctsEventId, 'correctsEventId'), requireDate(command.correctOccurredAt, 'correctOccurredAt'), requireReason(command.reason));
  if (invalid) return invalid;
  const entries = withStatusSteps(entriesAsCorrected(facts.entries));
  const at = entries.findIndex((entry) => entry.eventId === command.correctsEventId);
  if (at < 0) return refuse('CorrectedEventNotInStream', `Event ${command.correctsEventId} is not an earlier event of this recommendation`, 'correctsEventId');
  const entry = entries[at];
  if (UNDATED.has(entry.event.type)) {
    return refuse('EntryNotDated', `Event ${command.correctsEventId} (${entry.event.type}) has no date of its own to correct`, 'correctsEventId');
  }
  const day = command.correctOccurredAt;
  const field = 'correctOccurredAt';
  if (occurredDay(entry.occurredAt) === day) return refuse('DateUnchanged', `The entry is already dated ${day}`, field);
  if (day > facts.today) return refuse('DateInFuture', `${field} (${day}) is later than today (${facts.today})`, field);
  if (facts.issuedOn !== undefined && day < facts.issuedOn) {
    return refuse('DateOutOfOrder', `${field} (${day}) may not be before the issue of ${state.reference} with its report (${facts.issuedOn})`, field);
  }
  const together = (other: RecommendationStreamEntry) => other === entry || (entry.commandId !== null && other.commandId === entry.commandId);
  const group = entries.filter(together);
  const first = entries.indexOf(group[0]);
  const last = entries.indexOf(group[group.length - 1]);
  const dated = (other: RecommendationStreamEntry) => !UNDATED.has(other.event.type) && !together(other);
  const step = entries.slice(0, first).filter((other) => dated(other) && other.changedStatus).pop();
  if (step !== undefined && day < occurredDay(step.occurredAt)) {
    return refuse('DateOutOfOrder', `${field} (${day}) may not be before the ${describe(step)} (${occurredDay(step.occurredAt)}) it was recorded after`, field);
  }
  // Everything after a status step was decided on it; anything else still lies within the status it was recorded in.
  const following = entries.slice(last + 1).filter(dated);
  const bounding = group.some((member) => member.changedStatus) ? following : following.filter((other) => other.changedStatus).slice(0, 1);
  const earliest = bounding.reduce<RecommendationStreamEntry | undefined>((min, other) => (min === undefined || occurredDay(other.occurredAt) < occurredDay(min.occurredAt) ? other : min), undefined);
  if (earliest !== undefined && day > occurredDay(earliest.occurredAt)) {
    return refuse('DateOutOfOrder', `${field} (${day}) may not be after the ${describe(earliest)} (${occurredDay(earliest.occurredAt)}) recorded after it`, field);
  }
  return [
    {
      type: 'RecommendationEntryDateCorrected',
      recommendationId: command.recommendationId,
      correctsEventId: entry.eventId,
      redatedEventIds: group.map((member) => member.eventId),
      recordedOccurredAt: entry.occurredAt,
      correctOccurredAt: day,
      reason: command.reason,
    },
  ];
}

function withStatusSteps(entries: readonly RecommendationStreamEntry[]): DatedEntry[] {
  let status: RecommendationStatus | null = null;
  return entries.map((entry) => {
    const after = recommendationStatusAfter(status, entry.event);
    const changedStatus = after !== status;
    status = after;
    return { ...entry, changedStatus };
  });
}

/** "RecommendationMarkedComplete" as "entry marked complete". */
function describe(entry: RecommendationStreamEntry): string {
  const words = entry.event.type.replace(/^Recommendation/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `entry ${words}`;
}
