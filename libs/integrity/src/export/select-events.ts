import { londonDate } from '@ledger/domain';
import type { EventStore, JsonValue, RecordedEvent } from '@ledger/event-store';
import { EMPTY_LEDGER_DIGEST, nextLedgerDigest } from '../hash-chain/event-hash';
import type { LedgerDigest } from '../hash-chain/ledger-digest';
import { readLog } from '../log/read-log';
import type { ManifestStream } from '../verify/verify-events';
import { type ExportFilter, isWholeLedger } from './export-filter';

/** What one export holds, fixed before any of it is written. */
export interface ExportPlan {
  filter: ExportFilter;
  /** The head of the log when the export began: what is appended later is not part of it. */
  asAt: bigint | null;
  /** The streams it holds; null: every stream. */
  streams: ReadonlySet<string> | null;
}

export interface SelectedEvent {
  event: RecordedEvent;
  /** 1-based place in the whole ledger's order. */
  sequence: number;
}

/**
 * Decides which streams an export holds. A filtered export reads the log once to learn which
 * inspection each stream belongs to, each inspection's service, and who recorded what when;
 * memory grows with the number of streams only. The inspection streams of the chosen streams come
 * along, so that every row can name its inspection.
 */
export async function planExport(store: EventStore, filter: ExportFilter): Promise<ExportPlan> {
  const asAt = await store.headPosition();
  if (isWholeLedger(filter)) return { filter, asAt, streams: null };

  const streamInspection = new Map<string, string>();
  const inspectionStreams = new Map<string, string>();
  const inspectionService = new Map<string, string>();
  const findingInspection = new Map<string, string>();
  const byOrganisation = new Set<string>();
  const inRange = new Set<string>();
  const organisation = filter.organisation?.toLowerCase();

  for await (const event of readLog(store, asAt)) {
    const { data, metadata } = event;
    const inspectionId = text(data.inspectionId) ?? findingInspection.get(text(data.recommendationId) ?? '');
    if (inspectionId !== undefined && !streamInspection.has(event.streamId)) streamInspection.set(event.streamId, inspectionId);
    if (inspectionId !== undefined) {
      if (event.type === 'InspectionRegistered') inspectionStreams.set(inspectionId, event.streamId);
      const service = text(data.service) ?? text(field(data.changes, 'service'));
      if (service !== undefined && (event.type === 'InspectionRegistered' || event.type === 'InspectionDetailsAmended')) inspectionService.set(inspectionId, service);
      for (const findingId of findingIds(data)) findingInspection.set(findingId, inspectionId);
      const recommendationId = text(data.recommendationId);
      if (recommendationId !== undefined) findingInspection.set(recommendationId, inspectionId);
    }
    if (organisation !== undefined && organisationsOf(metadata).includes(organisation)) byOrganisation.add(event.streamId);
    const date = recordedDate(event);
    if (date !== null && (filter.from === null || date >= filter.from) && (filter.to === null || date <= filter.to)) inRange.add(event.streamId);
  }

  const chosen = new Set<string>();
  for (const streamId of new Set([...streamInspection.keys(), ...byOrganisation, ...inRange])) {
    const inspectionId = streamInspection.get(streamId);
    const matches =
      (filter.inspection === null || inspectionId === filter.inspection) &&
      (filter.service === null || (inspectionId !== undefined && inspectionService.get(inspectionId) === filter.service)) &&
      (filter.organisation === null || byOrganisation.has(streamId)) &&
      ((filter.from === null && filter.to === null) || inRange.has(streamId));
    if (matches) chosen.add(streamId);
  }
  for (const streamId of [...chosen]) {
    const inspectionStream = inspectionStreams.get(streamInspection.get(streamId) ?? '');
    if (inspectionStream !== undefined) chosen.add(inspectionStream);
  }
  return { filter, asAt, streams: chosen };
}

/** Running figures over the events an export selected, for its manifest. */
export class ExportTally {
  events = 0;
  digest = EMPTY_LEDGER_DIGEST;
  firstSequence: number | null = null;
  lastSequence: number | null = null;
  firstPosition: bigint | null = null;
  lastPosition: bigint | null = null;
  /** The whole ledger's digest up to the last exported event. */
  ledgerDigest: LedgerDigest = { digest: EMPTY_LEDGER_DIGEST, events: 0, position: null };
  private readonly streams = new Map<string, ManifestStream>();
  private streamsCounted = 0;

  /**
   * `storedStreams`: where the stream list is read from when it is not kept here (an export of
   * the whole embedded log, whose index gives each stream's head): memory then stays flat.
   */
  constructor(private readonly storedStreams?: () => Iterable<ManifestStream>) {}

  /** One event of a whole-ledger export, whose digest is the ledger's own: computed once. */
  addWhole(position: bigint, revision: bigint, sequence: number, ledgerRoot: string): void {
    this.events += 1;
    this.digest = ledgerRoot;
    this.firstSequence ??= sequence;
    this.lastSequence = sequence;
    this.firstPosition ??= position;
    this.lastPosition = position;
    this.ledgerDigest = { digest: ledgerRoot, events: sequence, position };
    if (revision === 0n) this.streamsCounted += 1;
  }

  add(selected: SelectedEvent, hash: string, ledgerRoot: string): void {
    const { event, sequence } = selected;
    this.events += 1;
    this.digest = nextLedgerDigest(this.digest, hash);
    this.firstSequence ??= sequence;
    this.lastSequence = sequence;
    this.firstPosition ??= event.position;
    this.lastPosition = event.position;
    this.ledgerDigest = { digest: ledgerRoot, events: sequence, position: event.position };
    const stream = this.streams.get(event.streamId);
    if (stream) {
      stream.lastRevision = Number(event.revision);
      stream.lastHash = hash;
      stream.lastSequence = sequence;
    } else {
      this.streams.set(event.streamId, { streamId: event.streamId, lastRevision: Number(event.revision), lastHash: hash, firstSequence: sequence, lastSequence: sequence });
    }
  }

  /** In order of each stream's first exported event. */
  streamList(): ManifestStream[] {
    return [...this.streamsInOrder()];
  }

  /** The stream list one stream at a time, for a manifest streamed to its file. */
  streamsInOrder(): Iterable<ManifestStream> {
    return this.storedStreams ? this.storedStreams() : this.streams.values();
  }

  streamCount(): number {
    return this.storedStreams ? this.streamsCounted : this.streams.size;
  }

  /** True when the stream list is read from the store rather than kept. */
  get streamsStored(): boolean {
    return this.storedStreams !== undefined;
  }
}

/**
 * The planned events in log order with their sequence numbers, reading the log once, page by
 * page. With a tally it also keeps the figures the manifest needs, including the whole ledger's
 * digest, which is why every event is read, not only the chosen ones. `passed` is given each event
 * left out, in its place in the log order, for what an exported row may name from it.
 */
export async function* selectEvents(store: EventStore, plan: ExportPlan, tally?: ExportTally, passed?: (event: RecordedEvent) => void): AsyncGenerator<SelectedEvent> {
  const cut = new Set<string>();
  let sequence = 0;
  let ledgerRoot = EMPTY_LEDGER_DIGEST;
  for await (const event of readLog(store, plan.asAt)) {
    sequence += 1;
    const hash = event.metadata.hash;
    if (typeof hash !== 'string') {
      throw new Error(`${event.streamId} revision ${event.revision} (position ${event.position}) carries no hash: run \`ledger verify\``);
    }
    ledgerRoot = nextLedgerDigest(ledgerRoot, hash);
    if ((plan.streams !== null && !plan.streams.has(event.streamId)) || cut.has(event.streamId)) {
      passed?.(event);
      continue;
    }
    if (recordedAfterPlan(event, plan)) {
      // Later events of the stream are left out too: a stream is exported from revision 0 without gaps.
      cut.add(event.streamId);
      passed?.(event);
      continue;
    }
    const selected = { event, sequence };
    tally?.add(selected, hash, ledgerRoot);
    yield selected;
  }
}

/**
 * The events of one stream that the export holds, in order: as selectEvents gives them, for a
 * stream the plan holds, read through the (stream, revision) index instead of the whole log.
 */
export async function* selectStreamEvents(store: EventStore, plan: ExportPlan, streamId: string): AsyncGenerator<RecordedEvent> {
  if (plan.asAt === null || (plan.streams !== null && !plan.streams.has(streamId))) return;
  for await (const event of store.readStream(streamId)) {
    if (event.position > plan.asAt || recordedAfterPlan(event, plan)) return;
    yield event;
  }
}

/** Recorded after the plan's last day: this event and the rest of its stream are left out. */
function recordedAfterPlan(event: RecordedEvent, plan: ExportPlan): boolean {
  const date = plan.filter.to === null ? null : recordedDate(event);
  return date !== null && plan.filter.to !== null && date > plan.filter.to;
}

/** The Europe/London date on which the event was recorded. */
export function recordedDate(event: RecordedEvent): string | null {
  const recordedAt = event.metadata.recordedAt;
  const instant = typeof recordedAt === 'string' ? new Date(recordedAt) : event.created;
  return Number.isNaN(instant.getTime()) ? null : londonDate(instant);
}

function organisationsOf(metadata: Record<string, JsonValue>): string[] {
  return [text(field(metadata.actor, 'organisation')), text(field(metadata.onBehalfOf, 'organisation'))]
    .filter((value): value is string => value !== undefined)
    .map((value) => value.trim().toLowerCase());
}

function findingIds(data: Record<string, JsonValue>): string[] {
  const findings = Array.isArray(data.findings) ? data.findings : data.finding !== undefined ? [data.finding] : [];
  return findings.map((finding) => text(field(finding, 'findingId'))).filter((id): id is string => id !== undefined);
}

function field(value: JsonValue | undefined, name: string): JsonValue | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value[name] : undefined;
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
