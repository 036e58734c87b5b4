import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import { type ProjectionFault, StaleGenerationError } from '../registry/generation-registry';
import type { GenerationWriter, TargetOutcome } from './generation-writer';

/** Some targets were moved on by another writer: nothing was committed. */
export class StaleTargets extends Error {
  constructor(readonly writers: GenerationWriter[]) {
    super(`stale generations: ${writers.map((writer) => `${writer.projectionName} ${writer.generation}`).join(', ')}`);
    this.name = 'StaleTargets';
  }
}

/** A projection threw in a fast batch: nothing was committed; apply the batch again carefully. */
export class ApplyFailed extends Error {}

const savepointsByDb = new WeakMap<Database.Database, { open: Database.Statement; release: Database.Statement; rollback: Database.Statement }>();

/**
 * One batch as one transaction over several generations of the same database: checks each is
 * still where its writer left it (else StaleTargets), applies every event to each target that
 * has not had it, and stores each checkpoint (moved to `advanceTo` when that is further) with
 * the rows. Returns what it did to each target; the caller tells the writers once it returns.
 *
 * Fast (`careful` false), the events run without savepoints, and a projection that throws rolls
 * the whole transaction back (ApplyFailed). Careful, each event of each target runs in a
 * savepoint: a target that throws stops just before that event, which is recorded as its
 * fault, and the other targets commit everything.
 */
export function commitBatch(
  db: Database.Database,
  targets: readonly GenerationWriter[],
  batch: readonly RecordedEvent[],
  advanceTo: bigint | null,
  careful: boolean,
): Map<GenerationWriter, TargetOutcome> {
  if (careful) for (const target of targets) target.carefulJournal(true);
  try {
    return transaction(db, targets, batch, advanceTo, careful);
  } catch (error) {
    // Rolled back: rows a projection kept in memory for this batch were never written.
    for (const target of targets) target.projection.discard?.(target.context);
    throw error;
  } finally {
    if (careful) for (const target of targets) target.carefulJournal(false);
  }
}

function transaction(
  db: Database.Database,
  targets: readonly GenerationWriter[],
  batch: readonly RecordedEvent[],
  advanceTo: bigint | null,
  careful: boolean,
): Map<GenerationWriter, TargetOutcome> {
  return db
    .transaction(() => {
      const stale = targets.filter((target) => {
        try {
          target.assertWritable();
          return false;
        } catch (error) {
          if (error instanceof StaleGenerationError) return true;
          throw error;
        }
      });
      if (stale.length > 0) throw new StaleTargets(stale);
      const outcomes = careful ? applyCarefully(db, targets, batch) : applyAll(db, targets, batch);
      for (const [target, outcome] of outcomes) {
        if (outcome.fault === null && advanceTo !== null && (outcome.checkpoint === null || advanceTo > outcome.checkpoint)) outcome.checkpoint = advanceTo;
        target.advance(outcome);
      }
      return outcomes;
    })
    .immediate();
}

/**
 * Events after which the rows projections keep in memory for a batch are flushed, inside the
 * batch's transaction: what a batch holds then grows with these events, not with the findings a
 * long log spreads a large batch over (at 10^6 events a 20,000-event batch touches most findings).
 */
export const FLUSH_EVERY_EVENTS = 4096;

function flushAll(db: Database.Database, targets: readonly GenerationWriter[]): void {
  for (const target of targets) {
    try {
      target.projection.flush?.(target.context);
    } catch (error) {
      if (!db.inTransaction) throw error;
      throw new ApplyFailed();
    }
  }
}

function applyAll(db: Database.Database, targets: readonly GenerationWriter[], batch: readonly RecordedEvent[]): Map<GenerationWriter, TargetOutcome> {
  const outcomes = targets.map((target): TargetOutcome => ({ checkpoint: target.checkpoint, applied: 0, fault: null }));
  let sinceFlush = 0;
  for (const event of batch) {
    if (sinceFlush === FLUSH_EVERY_EVENTS) {
      flushAll(db, targets);
      sinceFlush = 0;
    }
    sinceFlush += 1;
    for (let i = 0; i < targets.length; i += 1) {
      const outcome = outcomes[i];
      if (outcome.checkpoint !== null && event.position <= outcome.checkpoint) continue;
      const target = targets[i];
      try {
        target.projection.apply(event, target.context);
      } catch (error) {
        // An error that made SQLite abort the whole transaction is a storage failure, not this event's fault.
        if (!db.inTransaction) throw error;
        throw new ApplyFailed();
      }
      outcome.checkpoint = event.position;
      outcome.applied += 1;
    }
  }
  flushAll(db, targets);
  return new Map(targets.map((target, i) => [target, outcomes[i]]));
}

function applyCarefully(db: Database.Database, targets: readonly GenerationWriter[], batch: readonly RecordedEvent[]): Map<GenerationWriter, TargetOutcome> {
  let savepoints = savepointsByDb.get(db);
  if (!savepoints) {
    savepoints = { open: db.prepare('SAVEPOINT projection_event'), release: db.prepare('RELEASE projection_event'), rollback: db.prepare('ROLLBACK TO projection_event') };
    savepointsByDb.set(db, savepoints);
  }
  const { open, release, rollback } = savepoints;
  const outcomes = new Map<GenerationWriter, TargetOutcome>();
  for (const target of targets) {
    const outcome: TargetOutcome = { checkpoint: target.checkpoint, applied: 0, fault: null };
    outcomes.set(target, outcome);
    for (const event of batch) {
      if (outcome.checkpoint !== null && event.position <= outcome.checkpoint) continue;
      open.run();
      try {
        target.projection.apply(event, target.context);
        target.projection.flush?.(target.context);
      } catch (error) {
        if (!db.inTransaction) throw error;
        target.projection.discard?.(target.context);
        rollback.run();
        release.run();
        outcome.fault = faultOf(event, error);
        break;
      }
      release.run();
      outcome.checkpoint = event.position;
      outcome.applied += 1;
    }
  }
  return outcomes;
}

function faultOf(event: RecordedEvent, error: unknown): ProjectionFault {
  return {
    eventId: event.id,
    eventType: event.type,
    position: event.position,
    error: error instanceof Error ? error.message : String(error),
    at: new Date().toISOString(),
  };
}
