import { checkOccurredAtNotLater, isRuleViolation, type EventMetadata } from '@ledger/domain';
import type { CommandMeta } from '../command-meta';
import { CommandRefusedError } from '../errors';

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
  const checked = checkOccurredAtNotLater(given, recordedAt, CLOCK_SKEW_MS);
  if (isRuleViolation(checked)) throw new CommandRefusedError(checked);
  return checked.occurredAt;
}
