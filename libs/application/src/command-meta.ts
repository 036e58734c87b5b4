import type { Actor, EventSource, OnBehalfOf } from '@ledger/domain';

/** Who sends a command and how; everything the envelope needs that is not in the command itself. */
export interface CommandMeta {
  /** From the authenticated principal, never from the request body. */
  actor: Actor;
  onBehalfOf?: OnBehalfOf;
  /** Business time: a London day YYYY-MM-DD or an ISO-8601 instant; defaults to the time the events are recorded. */
  occurredAt?: string;
  source: EventSource;
  /** Unique per command: a retried command with the same id appends its events once. */
  commandId: string;
  correlationId?: string;
  causationId?: string;
  /** The stream revision the caller last saw (HTTP If-Match): no retry on conflict when given. */
  expectedRevision?: bigint;
}

export interface CommandResult {
  streamId: string;
  /** Revision of the stream's last event after the command. */
  revision: bigint;
  /** Log position of the last event the command wrote. */
  position: bigint;
  eventIds: string[];
}
