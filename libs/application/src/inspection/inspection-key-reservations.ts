import {
  INSPECTION_KEY_STREAM_PREFIX,
  duplicateInspection,
  holderOf,
  inspectionNaturalKeys,
  inspectionStream,
  type InspectionKeyEvent,
  type InspectionNaturalKey,
  type RegisterInspection,
} from '@ledger/domain';
import { EventStoreUnavailableError, WrongExpectedVersionError, currentSchemaVersion, type EventStore, type RecordedEvent } from '@ledger/event-store';
import type { CommandMeta } from '../command-meta';
import { CommandRefusedError } from '../errors';
import { deterministicUuid } from '../pipeline/deterministic-id';
import { envelopeFor } from '../pipeline/event-envelope';
import { readStreamFully, toDomainEvent, toEventToAppend } from '../pipeline/stored-event';
import type { Clock } from '../tokens';

/** The inspection is already registered under another id; nothing was recorded. */
export class DuplicateInspectionError extends CommandRefusedError {
  constructor(
    readonly key: InspectionNaturalKey,
    readonly existingInspectionId: string,
  ) {
    super(duplicateInspection(key, existingInspectionId));
    this.name = 'DuplicateInspectionError';
  }
}

/**
 * A reservation whose inspection was never registered (the process died in between) is taken
 * over after this long; before it, the holder may still be registering it.
 */
const ABANDONED_AFTER_MS = 60_000;
const MAX_ATTEMPTS = 5;

interface Held {
  streamId: string;
  /** The revision of this registration's reservation, for its release. */
  revision: bigint;
  key: InspectionNaturalKey;
}

/**
 * EventStoreDB cannot check uniqueness across streams, so each natural key of an inspection (its
 * normalised title and publication date; its report address) gets a stream of its own, named by
 * the key, and a registration first appends its reservation there with the revision it read
 * (no_stream for a new key). Of two registrations racing for one key, the store lets exactly one
 * append; the other reads the winner and is refused with its id. It holds on both stores and
 * across processes. A reservation made for a registration that is then refused, or known not to
 * have been written (a full disk), is released.
 */
export class InspectionKeyReservations {
  /**
   * Registrations of this process known not to have been written. Their reservations are free
   * at once here, even when their release could not be written either (the disk still full): a
   * retry after space is freed succeeds instead of waiting for the reservation to be abandoned.
   */
  private readonly unwritten = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** Reserves every key of the registration for its inspection; refuses with the inspection that holds one. */
  async reserve(command: RegisterInspection, meta: CommandMeta): Promise<{ release(): Promise<void> }> {
    const keys = inspectionNaturalKeys(command);
    // Every key is looked at before any is reserved, so that a refusal records nothing; only a
    // registration that lost a race between the look and the append reserves and releases.
    for (const key of keys) {
      const { history, holder } = await this.read(streamOf(key));
      if (holder !== null && holder !== command.inspectionId && !(await this.abandoned(holder, history[history.length - 1]!))) throw new DuplicateInspectionError(key, holder);
    }
    const held: Held[] = [];
    try {
      for (const key of keys) {
        const reservation = await this.reserveKey(key, command.inspectionId, meta);
        if (reservation) held.push(reservation);
      }
    } catch (error) {
      await this.release(held, command.inspectionId, meta);
      throw error;
    }
    return { release: () => this.release(held, command.inspectionId, meta) };
  }

  /** Undefined when this inspection already held the key (a retried or repeated registration). */
  private async reserveKey(key: InspectionNaturalKey, inspectionId: string, meta: CommandMeta): Promise<Held | undefined> {
    const streamId = streamOf(key);
    for (let attempt = 1; ; attempt++) {
      const { history, holder } = await this.read(streamId);
      if (holder === inspectionId) return undefined;
      if (holder !== null && !(await this.abandoned(holder, history[history.length - 1]!))) throw new DuplicateInspectionError(key, holder);
      const revision = history.length > 0 ? history[history.length - 1]!.revision : undefined;
      const event: InspectionKeyEvent = { type: 'InspectionKeyReserved', kind: key.kind, key: key.key, inspectionId };
      try {
        const appended = await this.store.append(streamId, [this.toAppend(streamId, event, meta, revision)], revision ?? 'no_stream');
        return { streamId, revision: appended.nextRevision, key };
      } catch (error) {
        // Another registration reserved it between the read and the append: read it again.
        if (!(error instanceof WrongExpectedVersionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async read(streamId: string): Promise<{ history: RecordedEvent[]; holder: string | null }> {
    const history = await readStreamFully(this.store.readStream(streamId));
    return { history, holder: holderOf(history.map((event) => toDomainEvent<InspectionKeyEvent>(event))) };
  }

  private async abandoned(holder: string, reservation: RecordedEvent): Promise<boolean> {
    for await (const _event of this.store.readStream(inspectionStream(holder), { maxCount: 1 })) return false;
    if (this.unwritten.has(holder)) return true;
    const recordedAt = Date.parse(String(reservation.metadata['recordedAt']));
    return this.clock().getTime() - recordedAt > ABANDONED_AFTER_MS;
  }

  private async release(held: Held[], inspectionId: string, meta: CommandMeta): Promise<void> {
    if (held.length > 0) this.unwritten.add(inspectionId);
    for (const { streamId, revision, key } of held) {
      const event: InspectionKeyEvent = { type: 'InspectionKeyReleased', kind: key.kind, key: key.key, inspectionId };
      try {
        await this.store.append(streamId, [this.toAppend(streamId, event, meta, revision)], revision);
      } catch (error) {
        // Taken over meanwhile: it is no longer this registration's to release. The store down or
        // full: this process knows it free (`unwritten`); other processes wait for it to be abandoned.
        if (!(error instanceof WrongExpectedVersionError) && !(error instanceof EventStoreUnavailableError)) throw error;
      }
    }
  }

  private toAppend(streamId: string, event: InspectionKeyEvent, meta: CommandMeta, after: bigint | undefined) {
    const id = deterministicUuid(streamId, meta.commandId, event.type, String(after ?? 'none'));
    return toEventToAppend(id, event, { ...envelopeFor(meta, this.clock()), schemaVersion: currentSchemaVersion(event.type) });
  }
}

function streamOf(key: InspectionNaturalKey): string {
  return `${INSPECTION_KEY_STREAM_PREFIX}${deterministicUuid('inspection-key', key.kind, key.key)}`;
}
