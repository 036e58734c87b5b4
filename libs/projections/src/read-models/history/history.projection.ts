import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import type { InspectionEvent, RecommendationEvent } from '@ledger/domain';
import type { JsonObject, RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../../projection';
import { evolveFindingSummary, type FindingSummary } from '../register/finding-summary';
import { aggregateOf, dataJsonOf, domainEventOf, envelopeOf } from '../shared/envelope';
import { BatchRows, PerBatch } from '../shared/batch-rows';
import { cached, getRow, putRow, upsertSql } from '../shared/rows';
import { BASES, basisKey, type Basis, type StoredEvent } from './history-keys';
import { positionOf, type StoredStanding } from './finding-then';

export const HISTORY = 'history';

interface TipRow {
  basis: Basis;
  recommendation_id: string;
  summary: string;
  last_key: string;
  last_recorded_at: string;
  last_position: number | bigint;
  seq: number | bigint;
  last_state: string;
}

/** A finding's tip in one basis as apply works on it: the tips row, parsed, kept for the batch. */
interface Tip {
  basis: Basis;
  recommendationId: string;
  summary: FindingSummary;
  lastKey: string;
  lastRecordedAt: string;
  lastPosition: bigint;
  seq: number;
  standing: StoredStanding;
}

/** The tips of the findings a batch touches: read once, written once when the batch is flushed. */
class BatchTips {
  private readonly rows: BatchRows<Tip>;
  /** The summary text each loaded tip was parsed from, so that both bases share one parse (and one fold) when they agree. */
  private readonly parsed = new Map<string, FindingSummary>();

  private readonly findings = new Map<string, SpanFinding>();
  private readonly selectFinding: Database.Statement;

  constructor(context: ProjectionContext) {
    this.selectFinding = context.statement(`SELECT due_date, inspection_id, published_on, number, reference FROM ${context.table('findings')} WHERE recommendation_id = ?`);
    const select = context.statement(`SELECT * FROM ${context.table('tips')} WHERE basis = ? AND recommendation_id = ?`);
    const write = context.statement(
      upsertSql(context.table('tips'), ['basis', 'recommendation_id'], ['basis', 'recommendation_id', 'summary', 'last_key', 'last_recorded_at', 'last_position', 'seq', 'last_state']),
    );
    const texts = new WeakMap<FindingSummary, string>();
    const textOf = (summary: FindingSummary) => {
      let text = texts.get(summary);
      if (text === undefined) texts.set(summary, (text = JSON.stringify(summary)));
      return text;
    };
    this.rows = new BatchRows<Tip>(
      (key) => {
        const [basis, recommendationId] = splitKey(key);
        const row = select.get(basis, recommendationId) as TipRow | undefined;
        if (row === undefined) return undefined;
        let summary = this.parsed.get(row.summary);
        if (summary === undefined) this.parsed.set(row.summary, (summary = JSON.parse(row.summary) as FindingSummary));
        return {
          basis,
          recommendationId,
          summary,
          lastKey: row.last_key,
          lastRecordedAt: row.last_recorded_at,
          lastPosition: BigInt(row.last_position),
          seq: Number(row.seq),
          standing: JSON.parse(row.last_state) as StoredStanding,
        };
      },
      (tip) => write.run(tip.basis, tip.recommendationId, textOf(tip.summary), tip.lastKey, tip.lastRecordedAt, tip.lastPosition, tip.seq, JSON.stringify(tip.standing)),
    );
  }

  /** What a span repeats of its finding, read once per batch (an inspection's amendment forgets them: it changes published_on). */
  finding(recommendationId: string): SpanFinding | undefined {
    let finding = this.findings.get(recommendationId);
    if (finding === undefined) {
      finding = this.selectFinding.get(recommendationId) as SpanFinding | undefined;
      if (finding !== undefined) this.findings.set(recommendationId, finding);
    }
    return finding;
  }

  forgetFindings(): void {
    this.findings.clear();
  }

  get(basis: Basis, recommendationId: string): Tip | undefined {
    return this.rows.get(`${basis}|${recommendationId}`);
  }

  set(tip: Tip): void {
    this.rows.set(`${tip.basis}|${tip.recommendationId}`, tip);
  }

  flush(): void {
    this.rows.flush();
    this.parsed.clear();
    this.findings.clear();
  }

  discard(): void {
    this.rows.discard();
    this.parsed.clear();
    this.findings.clear();
  }
}

interface SpanFinding {
  due_date: string | null;
  inspection_id: string;
  published_on: string | null;
  number: number;
  reference: string;
}

function splitKey(key: string): [Basis, string] {
  const bar = key.indexOf('|');
  return [key.slice(0, bar) as Basis, key.slice(bar + 1)];
}

const batches = new PerBatch((context) => new BatchTips(context));

interface EventRow {
  position: number | bigint;
  recommendation_id: string;
  type: string;
  data: string;
  occurred_at: string;
  recorded_at: string;
  occurred_key: string;
  recorded_key: string;
}

/**
 * Each finding's history as compact rows, twice: in the order things happened (basis `occurred`:
 * occurredAt, then recordedAt) and in the order the ledger recorded them (basis `recorded`). A
 * row holds where the finding stood after an event (status, owner, dates, counts) and the key
 * from which it held; "as at D" is then, per finding, the last row whose key falls on or before
 * D: one index seek, never a replay of the log. The latest progress is not in it (it would make
 * a row of nearly every event): the queries read it from the finding's latest report by D.
 *
 * Events usually arrive in both orders at once and append a row. An event back-dated before
 * others of its finding refolds that finding's rows for the `occurred` basis from its own copy of
 * the finding's events (a few dozen at most). The finding's issue always folds first, and its row
 * holds from the earliest key of the finding, so a finding back-filled after its history shows in
 * that history.
 *
 * What the as-at filters ask of a standing (status, owner, target date, open dependencies) changes
 * far less often than the standing (every progress report), so it is kept a third time as spans:
 * one row per stretch in which those fields held, from one key up to the next span's. A filtered
 * "as at D" is then a range read of the spans that cover D, indexed by status, without parsing a
 * standing; only the page's findings are read in full.
 */
export const historyProjection: Projection = {
  name: HISTORY,
  version: 7,
  tables: {
    inspections: {
      columns: 'inspection_id TEXT PRIMARY KEY, title TEXT NOT NULL, inspection_type TEXT NOT NULL, service TEXT NOT NULL, published_on TEXT NOT NULL',
    },
    findings: {
      columns: `recommendation_id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, reference TEXT NOT NULL, number INTEGER NOT NULL,
        finding_type TEXT NOT NULL, text TEXT NOT NULL, due_date TEXT, published_on TEXT, inspection_type TEXT, service TEXT,
        first_occurred_key TEXT NOT NULL, first_recorded_key TEXT NOT NULL`,
      // apply finds an inspection's findings; the rest only the queries use.
      indexes: ['inspection_id, number'],
      queryIndexes: ['published_on DESC, inspection_id, number, reference', 'first_occurred_key', 'first_recorded_key'],
    },
    events: {
      columns: `position INTEGER PRIMARY KEY, recommendation_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, occurred_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL, occurred_key TEXT NOT NULL, recorded_key TEXT NOT NULL, event_id TEXT NOT NULL,
        first_occurred_at TEXT, redated_recorded_key TEXT`,
      indexes: ['recommendation_id, type'],
    },
    states: {
      columns: `basis TEXT NOT NULL, recommendation_id TEXT NOT NULL, from_key TEXT NOT NULL, seq INTEGER NOT NULL, standing TEXT NOT NULL, PRIMARY KEY (basis, recommendation_id, from_key, seq)`,
    },
    spans: {
      columns: `basis TEXT NOT NULL, recommendation_id TEXT NOT NULL, from_key TEXT NOT NULL, to_key TEXT NOT NULL, status TEXT NOT NULL, owner TEXT,
        target_date TEXT, due_date TEXT, open_dependencies INTEGER NOT NULL, inspection_id TEXT NOT NULL, published_on TEXT, number INTEGER NOT NULL,
        reference TEXT NOT NULL, PRIMARY KEY (basis, recommendation_id, from_key)`,
      // apply finds an inspection's spans.
      indexes: ['inspection_id'],
      // Covering the filters and the register's order, so that counting and sorting the matches read an index alone.
      queryIndexes: [
        'basis, status, to_key, from_key, target_date, due_date, open_dependencies, published_on, inspection_id, number, reference, recommendation_id, owner',
        'basis, to_key, from_key, owner, published_on, inspection_id, number, reference, recommendation_id',
      ],
    },
    tips: {
      columns: `basis TEXT NOT NULL, recommendation_id TEXT NOT NULL, summary TEXT NOT NULL, last_key TEXT NOT NULL, last_recorded_at TEXT NOT NULL,
        last_position INTEGER NOT NULL, seq INTEGER NOT NULL, last_state TEXT NOT NULL, PRIMARY KEY (basis, recommendation_id)`,
    },
  },
  apply(recorded: RecordedEvent, context: ProjectionContext): void {
    const aggregate = aggregateOf(recorded.streamId);
    if (aggregate === 'inspection') applyInspection(domainEventOf<InspectionEvent>(recorded), context);
    else if (aggregate === 'recommendation') applyFinding(recorded, context);
  },
  flush: (context) => batches.flush(context),
  discard: (context) => batches.discard(context),
};

function applyInspection(event: InspectionEvent, context: ProjectionContext): void {
  if (event.type === 'FindingAdded') return;
  batches.of(context).forgetFindings();
  const before = getRow<{ title: string; inspection_type: string; service: string; published_on: string }>(context, 'inspections', 'inspection_id', event.inspectionId);
  const details = event.type === 'InspectionRegistered' ? event : { ...before, ...event.changes };
  const row = {
    inspection_id: event.inspectionId,
    title: String(details.title ?? before?.title),
    inspection_type: String('inspectionType' in details ? details.inspectionType : before?.inspection_type),
    service: String(details.service ?? before?.service),
    published_on: String(details.publishedOn ?? before?.published_on),
  };
  putRow(context, 'inspections', row);
  context
    .statement(`UPDATE ${context.table('findings')} SET published_on = @published_on, inspection_type = @inspection_type, service = @service WHERE inspection_id = @inspection_id`)
    .run({ inspection_id: row.inspection_id, published_on: row.published_on, inspection_type: row.inspection_type, service: row.service });
  context.statement(`UPDATE ${context.table('spans')} SET published_on = ? WHERE inspection_id = ?`).run(row.published_on, row.inspection_id);
}

function applyFinding(recorded: RecordedEvent, context: ProjectionContext): void {
  const event = domainEventOf<RecommendationEvent>(recorded);
  const envelope = envelopeOf(recorded);
  const stored: StoredEvent = { position: recorded.position, type: recorded.type, data: recorded.data, occurredAt: envelope.occurredAt, recordedAt: envelope.recordedAt };
  const keys: Record<Basis, string> = { occurred: basisKey('occurred', stored), recorded: basisKey('recorded', stored) };
  cached(
    context,
    'history events',
    () =>
      `INSERT OR REPLACE INTO ${context.table('events')} (position, recommendation_id, type, data, occurred_at, recorded_at, occurred_key, recorded_key, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(recorded.position, event.recommendationId, recorded.type, dataJsonOf(recorded), envelope.occurredAt, envelope.recordedAt, keys.occurred, keys.recorded, recorded.id);
  if (event.type === 'FindingIssued') {
    const inspection = getRow<{ inspection_type: string; service: string; published_on: string }>(context, 'inspections', 'inspection_id', event.inspectionId);
    putRow(context, 'findings', {
      recommendation_id: event.recommendationId,
      inspection_id: event.inspectionId,
      reference: event.reference,
      number: event.number,
      finding_type: event.findingType,
      text: event.text,
      due_date: event.dueDate,
      published_on: inspection?.published_on ?? null,
      inspection_type: inspection?.inspection_type ?? null,
      service: inspection?.service ?? null,
      first_occurred_key: keys.occurred,
      first_recorded_key: keys.recorded,
    });
  }
  const tips = batches.of(context);
  // Both orders usually hold the same summary and append the same event: fold it once for both.
  let folded: { from: FindingSummary | undefined; summary: FindingSummary; standing: StoredStanding } | undefined;
  let folds = 0;
  for (const basis of BASES) {
    const tip = tips.get(basis, event.recommendationId);
    if (tip === undefined && event.type !== 'FindingIssued') throw new Error(`${event.type} in ${recorded.streamId} before the finding was issued`);
    const key = keys[basis];
    if (tip !== undefined && !after(key, stored, tip)) {
      refold(context, tips, basis, event.recommendationId);
      continue;
    }
    if (folded === undefined || folded.from !== tip?.summary) {
      // The event as read from the log: the fold of the same recorded event shares its parse (domainEventOf).
      const summary = evolveFindingSummary(tip?.summary, recorded);
      folded = { from: tip?.summary, summary, standing: positionOf(summary) };
      folds += 1;
    }
    appendState(context, tips, basis, event.recommendationId, tip, stored, key, folded);
  }
  if (folds === 2) shareEqualSummaries(tips, event.recommendationId);
  if (event.type === 'RecommendationEntryDateCorrected') redate(context, tips, event.recommendationId, event.redatedEventIds, event.correctOccurredAt, keys.recorded);
}

/**
 * A date correction moves its entries to the day they happened: the finding's history as it stood
 * is folded again with the corrected dates. As the ledger showed it is ordered by recording, and
 * shows the date first recorded until the correction's own recording (an SQL SET reads the row as it was).
 */
function redate(context: ProjectionContext, tips: BatchTips, recommendationId: string, eventIds: readonly string[], occurredAt: string, correctedKey: string): void {
  const key = basisKey('occurred', { occurredAt, recordedAt: occurredAt });
  const update = context.statement(
    `UPDATE ${context.table('events')} SET first_occurred_at = coalesce(first_occurred_at, occurred_at), redated_recorded_key = ?, occurred_at = ?, occurred_key = ?
     WHERE recommendation_id = ? AND event_id = ?`,
  );
  for (const eventId of eventIds) update.run(correctedKey, occurredAt, key, recommendationId, eventId);
  refold(context, tips, 'occurred', recommendationId);
}

/**
 * Once the two orders have folded apart (an event back-dated in one of them), each event is folded
 * twice until they agree again, which is usually the next event: then both tips take one summary.
 */
function shareEqualSummaries(tips: BatchTips, recommendationId: string): void {
  const occurred = tips.get('occurred', recommendationId);
  const recorded = tips.get('recorded', recommendationId);
  if (occurred !== undefined && recorded !== undefined && isDeepStrictEqual(occurred.summary, recorded.summary)) occurred.summary = recorded.summary;
}

/** The fold order: the basis key, then the time of recording, then the log position. */
function after(key: string, event: StoredEvent, tip: Tip): boolean {
  if (key !== tip.lastKey) return key > tip.lastKey;
  if (event.recordedAt !== tip.lastRecordedAt) return event.recordedAt > tip.lastRecordedAt;
  return event.position > tip.lastPosition;
}

function appendState(
  context: ProjectionContext,
  tips: BatchTips,
  basis: Basis,
  recommendationId: string,
  tip: Tip | undefined,
  event: StoredEvent,
  key: string,
  folded: { summary: FindingSummary; standing: StoredStanding },
): void {
  let seq = tip === undefined ? 0 : tip.seq;
  if (tip === undefined || !sameStanding(folded.standing, tip.standing)) {
    seq += 1;
    insertState(context, basis, recommendationId, key, seq, JSON.stringify(folded.standing));
    if (tip === undefined || !sameSpan(tip.standing, folded.standing)) {
      context
        .statement(`UPDATE ${context.table('spans')} SET to_key = ? WHERE basis = ? AND recommendation_id = ? AND to_key = '${OPEN}'`)
        .run(key, basis, recommendationId);
      putRow(context, 'spans', spanRow(context, basis, recommendationId, key, OPEN, folded.standing));
    }
  }
  tips.set({
    basis,
    recommendationId,
    summary: folded.summary,
    lastKey: key,
    lastRecordedAt: event.recordedAt,
    lastPosition: event.position,
    seq,
    standing: folded.standing,
  });
}

/** Folds the finding's events again in the basis order and rewrites its rows: after a back-dated event. */
function refold(context: ProjectionContext, tips: BatchTips, basis: Basis, recommendationId: string): void {
  const rows = context.statement(`SELECT * FROM ${context.table('events')} WHERE recommendation_id = ?`).all(recommendationId) as EventRow[];
  const events = rows.map((row): StoredEvent & { key: string } => {
    const event: StoredEvent = { position: BigInt(row.position), type: row.type, data: JSON.parse(row.data) as JsonObject, occurredAt: row.occurred_at, recordedAt: row.recorded_at };
    return { ...event, key: basis === 'occurred' ? row.occurred_key : row.recorded_key };
  });
  // The issue folds first: nothing can be said of a finding before it exists.
  events.sort((a, b) => {
    if (a.type === 'FindingIssued' || b.type === 'FindingIssued') return a.type === 'FindingIssued' ? -1 : 1;
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
    return a.position < b.position ? -1 : 1;
  });
  context.statement(`DELETE FROM ${context.table('states')} WHERE basis = ? AND recommendation_id = ?`).run(basis, recommendationId);
  const earliest = events.reduce((min, event) => (event.key < min ? event.key : min), events[0].key);
  let summary: FindingSummary | undefined;
  let last = '';
  let seq = 0;
  const spans: { from: string; standing: StoredStanding }[] = [];
  events.forEach((event, index) => {
    summary = evolveFindingSummary(summary, asRecorded(recommendationId, event));
    const standing = positionOf(summary);
    const json = JSON.stringify(standing);
    if (index > 0 && json === last) return;
    seq += 1;
    last = json;
    const from = index === 0 ? earliest : event.key;
    insertState(context, basis, recommendationId, from, seq, json);
    const previous = spans[spans.length - 1];
    if (previous === undefined || !sameSpan(previous.standing, standing)) spans.push({ from, standing });
  });
  context.statement(`DELETE FROM ${context.table('spans')} WHERE basis = ? AND recommendation_id = ?`).run(basis, recommendationId);
  // A span superseded on its own key is replaced by the later one, as in the append path.
  spans.forEach((span, index) => putRow(context, 'spans', spanRow(context, basis, recommendationId, span.from, spans[index + 1]?.from ?? OPEN, span.standing)));
  const tip = events[events.length - 1];
  tips.set({
    basis,
    recommendationId,
    summary: summary as FindingSummary,
    lastKey: tip.key,
    lastRecordedAt: tip.recordedAt,
    lastPosition: tip.position,
    seq,
    standing: JSON.parse(last) as StoredStanding,
  });
  context.statement(`UPDATE ${context.table('findings')} SET first_${basis}_key = ? WHERE recommendation_id = ?`).run(earliest, recommendationId);
}

/** The `to_key` of a finding's current span: above every key. */
const OPEN = '~~';

/**
 * Whether two standings would be written as the same JSON (a row is written only when they would
 * not): most events change none of it, and comparing is cheaper than writing it out for each.
 */
function sameStanding(a: StoredStanding, b: StoredStanding): boolean {
  for (const field of STANDING_FIELDS) {
    const x = a[field];
    const y = b[field];
    if (x !== y && (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y))) return false;
  }
  return true;
}

/** Every field of a standing: the compiler refuses this list when one is missing. */
const STANDING_FIELDS = Object.keys({
  status: true,
  decision: true,
  owner: true,
  originalTargetDate: true,
  targetDate: true,
  targetDateRevisions: true,
  pendingTargetDateChange: true,
  openDependencies: true,
  openActions: true,
  completedOn: true,
  verifiedOn: true,
  closedOn: true,
} satisfies Record<keyof StoredStanding, true>) as (keyof StoredStanding)[];

/** Whether two standings agree on everything a span holds: what the as-at filters judge by. */
function sameSpan(a: StoredStanding, b: StoredStanding): boolean {
  return a.status === b.status && a.owner === b.owner && a.targetDate === b.targetDate && a.openDependencies === b.openDependencies;
}

function spanRow(context: ProjectionContext, basis: Basis, recommendationId: string, from: string, to: string, standing: StoredStanding) {
  const finding = batches.of(context).finding(recommendationId);
  if (finding === undefined) throw new Error(`A span of ${recommendationId} before its issue`);
  return {
    basis,
    recommendation_id: recommendationId,
    from_key: from,
    to_key: to,
    status: standing.status,
    owner: standing.owner,
    target_date: standing.targetDate,
    due_date: finding.due_date,
    open_dependencies: standing.openDependencies,
    // How the register orders findings, so that a page of matches is sorted without reading the findings.
    inspection_id: finding.inspection_id,
    published_on: finding.published_on,
    number: finding.number,
    reference: finding.reference,
  };
}

function insertState(context: ProjectionContext, basis: Basis, recommendationId: string, key: string, seq: number, json: string): void {
  putRow(context, 'states', { basis, recommendation_id: recommendationId, from_key: key, seq, standing: json });
}

/** A stored copy of an event, in the shape the register's fold reads. */
function asRecorded(recommendationId: string, event: StoredEvent): RecordedEvent {
  return {
    streamId: `recommendation-${recommendationId}`,
    revision: 0n,
    position: event.position,
    id: '',
    type: event.type,
    data: event.data,
    metadata: { actor: {}, occurredAt: event.occurredAt, recordedAt: event.recordedAt },
    created: new Date(event.recordedAt),
  };
}
