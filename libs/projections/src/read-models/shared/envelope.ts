import { londonDate, type Actor, type EventMetadata, type OnBehalfOf } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';

/** The envelope every ledger event carries, read back from the stored metadata. */
export function envelopeOf(event: Pick<RecordedEvent, 'id' | 'metadata'>): EventMetadata {
  const metadata = event.metadata as unknown as Partial<EventMetadata>;
  if (typeof metadata.recordedAt !== 'string' || typeof metadata.occurredAt !== 'string' || typeof metadata.actor !== 'object') {
    // A read model that guessed who or when would misinform the panel: stop and report instead.
    throw new Error(`Event ${event.id} has no ledger envelope (actor, occurredAt, recordedAt)`);
  }
  return metadata as EventMetadata;
}

/** The Europe/London calendar date of a UTC instant such as an envelope's recordedAt (occurredAt may be a day: use occurredDay). */
export function londonDayOf(instant: string): string {
  return londonDate(new Date(instant));
}

/** A person as the read models show them. */
export interface Person {
  id: string | null;
  name: string;
  role: string;
  organisation: string;
}

export function personOf(actor: Actor): Person {
  return { id: actor.id, name: actor.name, role: actor.role, organisation: actor.organisation };
}

/** The person a statement was recorded for: named by the office, so with no id of their own. */
export type Represented = Omit<Person, 'id'>;

export function onBehalfOfPerson(onBehalfOf: OnBehalfOf | undefined): Represented | null {
  return onBehalfOf ? { name: onBehalfOf.name, role: onBehalfOf.role, organisation: onBehalfOf.organisation } : null;
}

/**
 * The event as the domain sees it: its type plus its data. Made once per recorded event, however
 * many read models ask for it (none of them may change it).
 */
export function domainEventOf<Event extends { type: string }>(event: Pick<RecordedEvent, 'type' | 'data'>): Event {
  let domainEvent = domainEvents.get(event);
  if (domainEvent === undefined) domainEvents.set(event, (domainEvent = Object.freeze({ ...event.data, type: event.type })));
  return domainEvent as unknown as Event;
}

const domainEvents = new WeakMap<object, object>();

/** Which aggregate a stream belongs to, from its name (DESIGN.md, "Streams, events and the envelope"). */
export type AggregateKind = 'inspection' | 'recommendation' | 'statutory-response' | 'challenge';

const PREFIXES: readonly [string, AggregateKind][] = [
  ['inspection-', 'inspection'],
  ['recommendation-', 'recommendation'],
  ['statutory-response-', 'statutory-response'],
  ['challenge-', 'challenge'],
];

export function aggregateOf(streamId: string): AggregateKind | null {
  for (const [prefix, kind] of PREFIXES) if (streamId.startsWith(prefix)) return kind;
  return null;
}

/** The event's data as JSON text, written once per recorded event however many read models store it. */
export function dataJsonOf(event: Pick<RecordedEvent, 'data'>): string {
  let json = dataJson.get(event);
  if (json === undefined) dataJson.set(event, (json = JSON.stringify(event.data)));
  return json;
}

const dataJson = new WeakMap<object, string>();
