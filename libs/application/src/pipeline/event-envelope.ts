import { violation, type EventMetadata } from '@ledger/domain';
import type { CommandMeta } from '../command-meta';
import { CommandRefusedError } from '../errors';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * A business time a few minutes ahead of the server is a clock that runs fast, not a claim about
 * the future; beyond that the command is refused.
 */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The metadata every event of one command carries (DESIGN.md, "Streams, events and the envelope").
 * schemaVersion is per event type: the pipeline stamps each event with its type's current version.
 */
export function envelopeFor(meta: CommandMeta, recordedAt: Date): Omit<EventMetadata, 'schemaVersion'> {
  const metadata: Omit<EventMetadata, 'schemaVersion'> = {
    actor: { id: meta.actor.id, name: meta.actor.name, role: meta.actor.role, organisation: meta.actor.organisation },
    occurredAt: occurredAt(meta.occurredAt, recordedAt),
    recordedAt: recordedAt.toISOString(),
    $correlationId: meta.correlationId ?? meta.commandId,
    $causationId: meta.causationId ?? meta.commandId,
    commandId: meta.commandId,
    source: meta.source,
  };
  if (meta.onBehalfOf) {
    const { name, role, organisation } = meta.onBehalfOf;
    metadata.onBehalfOf = { name, role, organisation };
  }
  return metadata;
}

function occurredAt(given: string | undefined, recordedAt: Date): string {
  if (given === undefined) return recordedAt.toISOString();
  const instant = parseInstant(given);
  if (instant === undefined) {
    throw new CommandRefusedError(
      violation('OccurredAtInvalid', `occurredAt must be an ISO-8601 instant such as 2024-09-01T10:00:00Z, got "${given}"`, 'occurredAt'),
    );
  }
  if (instant.getTime() > recordedAt.getTime() + CLOCK_SKEW_MS) {
    throw new CommandRefusedError(
      violation('OccurredAtInFuture', `occurredAt ${given} is later than the time of recording ${recordedAt.toISOString()}`, 'occurredAt'),
    );
  }
  return instant.toISOString();
}

/** Strict: Date.parse would roll 2025-02-30 over into March. */
function parseInstant(text: string): Date | undefined {
  const match = ISO_INSTANT.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}
