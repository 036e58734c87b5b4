import type { JsonObject, RecordedEvent } from '../event-store.port';

/**
 * Turns the data of one event type from schema version `fromVersion` into `fromVersion + 1`.
 * Stored events are never rewritten: older versions are brought up to date as they are read.
 */
export interface Upcaster {
  readonly eventType: string;
  readonly fromVersion: number;
  upcast(data: JsonObject, metadata: JsonObject): JsonObject;
}

/** An event that this program cannot bring to its current shape. */
export class UpcastingError extends Error {
  constructor(event: RecordedEvent, reason: string) {
    super(`event ${event.id} (${event.type}, ${event.streamId}@${event.revision}, position ${event.position}): ${reason}`);
    this.name = 'UpcastingError';
  }
}

/**
 * The upcasters of every event type, chained per type: version 1 → 2 → ... → current. An event
 * type without upcasters is at version 1. Events stored without a schemaVersion are version 1.
 */
export class UpcasterRegistry {
  private readonly chains = new Map<string, Upcaster[]>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const upcaster of upcasters) {
      if (!Number.isInteger(upcaster.fromVersion) || upcaster.fromVersion < 1) {
        throw new Error(`upcaster for ${upcaster.eventType}: fromVersion must be an integer >= 1, not ${upcaster.fromVersion}`);
      }
      const chain = this.chains.get(upcaster.eventType) ?? [];
      if (chain[upcaster.fromVersion - 1]) throw new Error(`two upcasters for ${upcaster.eventType} from version ${upcaster.fromVersion}`);
      chain[upcaster.fromVersion - 1] = upcaster;
      this.chains.set(upcaster.eventType, chain);
    }
    for (const [eventType, chain] of this.chains) {
      // A sparse array: a missing version would leave events of that version stuck.
      const missing = Array.from(chain.keys()).find((index) => chain[index] === undefined);
      if (missing !== undefined) throw new Error(`no upcaster for ${eventType} from version ${missing + 1}, yet there is one from a later version`);
    }
  }

  /** The version writers stamp on new events of this type (metadata.schemaVersion). */
  currentSchemaVersion(eventType: string): number {
    return (this.chains.get(eventType)?.length ?? 0) + 1;
  }

  /** The event in its type's current shape, with metadata.schemaVersion saying so. Current events are returned as they are. */
  upcast(event: RecordedEvent): RecordedEvent {
    const current = this.currentSchemaVersion(event.type);
    const stored = event.metadata.schemaVersion ?? 1;
    if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) {
      throw new UpcastingError(event, `metadata.schemaVersion must be an integer >= 1, not ${JSON.stringify(stored)}`);
    }
    if (stored === current) return event;
    if (stored > current) {
      throw new UpcastingError(event, `schema version ${stored} is newer than this program knows (${current}): upgrade the program`);
    }
    const chain = this.chains.get(event.type) as Upcaster[];
    let data = event.data;
    for (let version = stored; version < current; version += 1) data = chain[version - 1].upcast(data, event.metadata);
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: current } };
  }
}
