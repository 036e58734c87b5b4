import type { EventCount, EventStore } from '@ledger/event-store';
import type { ReadModels } from '../read-model-database';
import { type Generation, type ProjectionFault, isCurrent } from '../registry/generation-registry';

/**
 * - `catching-up`: behind the head of the log; `live`: at the head;
 * - `rebuilding`: a new generation is being built while the current one serves;
 * - `faulted`: stopped at an event it could not apply (see `fault`);
 * - `not-started`: the runner has never run it on this database.
 */
export type ProjectionState = 'catching-up' | 'live' | 'rebuilding' | 'faulted' | 'not-started';

export interface ProjectionStatus {
  name: string;
  /** The code's version. */
  version: number;
  /** The version that built the generation now serving; differs from `version` until a rebuild swaps. */
  activeVersion: number | null;
  generation: number | null;
  /** Position of the last event applied by the serving generation. */
  checkpoint: bigint | null;
  /** Events in the log after the checkpoint. */
  lag: EventCount | null;
  state: ProjectionState;
  fault: (ProjectionFault & { generation: number }) | null;
  rebuild: { generation: number; version: number; checkpoint: bigint | null; eventsDone: number; lag: EventCount } | null;
  /** A failure of the store or the database the runner is retrying (runner status only). */
  error: string | null;
}

function faultOf(generation: Generation | null): ProjectionStatus['fault'] {
  return generation?.fault ? { ...generation.fault, generation: generation.generation } : null;
}

/** Each projection's state, read from the read-model database and the log: works from any process. */
export async function readProjectionStatus(
  store: EventStore,
  readModels: ReadModels,
  options: { streamPrefixes?: readonly string[] } = {},
): Promise<ProjectionStatus[]> {
  const statuses: ProjectionStatus[] = [];
  for (const projection of readModels.projections) {
    const { active, building } = readModels.read(() => ({
      active: readModels.registry.active(projection.name),
      building: readModels.registry.building(projection.name),
    }));
    const lag = active ? await store.countAfter(active.checkpoint, options) : null;
    const fault = faultOf(active) ?? faultOf(building);
    const rebuilding = building !== null || (active !== null && !isCurrent(active, projection));
    const state: ProjectionState =
      active === null ? 'not-started' : fault ? 'faulted' : rebuilding ? 'rebuilding' : lag?.events === 0 ? 'live' : 'catching-up';
    statuses.push({
      name: projection.name,
      version: projection.version,
      activeVersion: active?.version ?? null,
      generation: active?.generation ?? null,
      checkpoint: active?.checkpoint ?? null,
      lag,
      state,
      fault,
      rebuild: building && {
        generation: building.generation,
        version: building.version,
        checkpoint: building.checkpoint,
        eventsDone: building.eventsApplied,
        lag: await store.countAfter(building.checkpoint, options),
      },
      error: null,
    });
  }
  return statuses;
}
