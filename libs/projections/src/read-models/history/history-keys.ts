import { occurredTimes } from '@ledger/domain';
import type { JsonObject } from '@ledger/event-store';

/**
 * The two times a history can be read by:
 * - `occurred`: as it stood on a day, by when things happened (occurredAt), using everything
 *   recorded to date, back-filled history included;
 * - `recorded`: as the ledger showed it on a day, by when each entry was recorded (recordedAt):
 *   what a panel member could have seen that day.
 */
export const BASES = ['occurred', 'recorded'] as const;
export type Basis = (typeof BASES)[number];

/** The basis a history view uses when none is asked for, stated in every answer. */
export const DEFAULT_BASIS: Basis = 'occurred';

/** What each basis means, in the words an answer states it with. */
export const BASIS_MEANING: Record<Basis, string> = {
  occurred: 'as it stood: by the date each thing happened (occurredAt), using everything recorded to date',
  recorded: 'as the ledger showed it: by the date each entry was recorded (recordedAt)',
};

/** The copy of an event a history keeps to fold it again. */
export interface StoredEvent {
  position: bigint;
  type: string;
  data: JsonObject;
  occurredAt: string;
  recordedAt: string;
}

/**
 * The text key an event sorts by in a basis. Both kinds start with the Europe/London day, so the
 * keys of the events on or before day D are exactly those below `endOfDayKey(D)`.
 */
export function basisKey(basis: Basis, event: Pick<StoredEvent, 'occurredAt' | 'recordedAt'>): string {
  return occurredTimes(basis === 'occurred' ? event.occurredAt : event.recordedAt).sortKey;
}

/** Every key of day D and earlier sorts below this; every later day's key sorts above it. */
export function endOfDayKey(day: string): string {
  return `${day}~`;
}

/** Every key before day D sorts below this. */
export function startOfDayKey(day: string): string {
  return day;
}

/** A day and the basis to stand a read model's rows as at: the end of that day, in that basis. */
export interface AsAt {
  date: string;
  basis: Basis;
}

/** The keys a read-model row keeps for the two times of the event behind it, so that as-at reads filter them in SQL. */
export function timeKeys(event: Pick<StoredEvent, 'occurredAt' | 'recordedAt'>): { occurred: string; recorded: string } {
  return { occurred: basisKey('occurred', event), recorded: basisKey('recorded', event) };
}
