import { daysBetween, parseOccurredAt } from '@ledger/domain';

/**
 * An entry recorded more than this many days after it happened is flagged: the panel could not
 * have seen it at the time, and a back-filled history should say so wherever it is shown.
 */
export const LATE_RECORDING_DAYS = 7;

/** How an entry's two times relate: what kind of occurredAt it has, and how long after it was recorded. */
export interface RecordingLag {
  /** `day` when only the London day it happened is known (no clock time is shown), `instant` otherwise. */
  occurredKind: 'day' | 'instant';
  /** Whole London days from the day it happened to the day it was recorded. */
  recordedAfterDays: number;
  /** Recorded more than LATE_RECORDING_DAYS after it happened. */
  recordedLate: boolean;
}

export function recordingLag(occurredAt: string, occurredOn: string, recordedOn: string): RecordingLag {
  const recordedAfterDays = daysBetween(occurredOn, recordedOn);
  return { occurredKind: parseOccurredAt(occurredAt)?.kind ?? 'instant', recordedAfterDays, recordedLate: recordedAfterDays > LATE_RECORDING_DAYS };
}
