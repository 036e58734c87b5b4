import {
  INSPECTION_STREAM_PREFIX,
  PUBLIC_REGISTER_STREAM,
  STATUTORY_RESPONSE_STREAM_PREFIX,
  occurredTimes,
  recommendationStatusAfter,
  type InspectionEvent,
  type RecommendationEvent,
  type RecommendationStatus,
  type StatutoryResponseEvent,
} from '@ledger/domain';
import { isBookkeepingStream, type RecordedEvent } from '@ledger/event-store';
import { EMPTY_LEDGER_DIGEST, nextLedgerDigest } from '@ledger/integrity';
import type { Projection, ProjectionContext } from '../../projection';
import { domainEventOf, envelopeOf } from '../shared/envelope';
import { BatchRows, PerBatch } from '../shared/batch-rows';
import { getRow, putRow, updateRows, upsertRow } from '../shared/rows';

export const PUBLIC_REGISTER = 'public_register';

/** What a change on the public record says, by the event that made it (the Atom feed's entries). */
const PUBLIC_STATUS_WORDS: Partial<Record<RecommendationEvent['type'], string>> = {
  RecommendationAccepted: 'accepted',
  RecommendationPartiallyAccepted: 'partially accepted',
  RecommendationRejected: 'not accepted',
  RecommendationWorkStarted: 'in progress',
  RecommendationMarkedComplete: 'reported complete',
  RecommendationCompletionVerified: 'completion verified',
  RecommendationReturnedForFurtherWork: 'returned for further work',
  RecommendationClosed: 'closed',
  RecommendationInspectorateClosureRecorded: 'closed by the inspectorate',
  RecommendationSuperseded: 'superseded',
  RecommendationMarkedNoLongerRelevant: 'no longer relevant',
  RecommendationReopened: 'reopened',
};

interface FindingRow {
  finding_id: string;
  inspection_id: string;
  ordinal: number;
  reference: string | null;
  number: number | null;
  finding_type: string | null;
  text: string | null;
  due_date: string | null;
  status: string | null;
  target_date: string | null;
  target_date_revisions: number;
  owner_organisation: string | null;
  completed_on: string | null;
  /** The event that set completed_on, and closed_on's: a date correction of it moves the date. */
  completed_by: string | null;
  closed_on: string | null;
  closed_by: string | null;
  closed_by_inspectorate_on: string | null;
  /** The log positions of the finding's public changes and revisions (comma-separated), to find them when their event is re-dated. */
  dated_positions: string;
}

/**
 * What the public register, its Atom feed and the calendars read: each inspection's dates and
 * publication, each finding's current status and dates, every target-date revision with its
 * reason, the public changes, whether the office has switched the register on, and the running
 * ledger digest over the log so far (the figure `ledger verify` gives as at the same event). People
 * appear only as organisations (owners), never by name. Which inspections are public is decided
 * when read (published response), so a publication shows the history before it.
 */
export const publicRegisterProjection: Projection = {
  name: PUBLIC_REGISTER,
  version: 3,
  tables: {
    inspections: {
      columns: `inspection_id TEXT PRIMARY KEY, title TEXT NOT NULL, service TEXT NOT NULL, report_published_on TEXT NOT NULL, report_url TEXT,
        response_deadline TEXT, deadline_revisions INTEGER NOT NULL DEFAULT 0, response_published_on TEXT, response_url TEXT, finding_count INTEGER NOT NULL DEFAULT 0,
        response_published_position INTEGER`,
      queryIndexes: ['response_published_on'],
    },
    findings: {
      // A row is made when the inspection names the finding (its place in the inspection); the rest when it is issued.
      columns: `finding_id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, ordinal INTEGER NOT NULL, reference TEXT, number INTEGER, finding_type TEXT, text TEXT,
        due_date TEXT, status TEXT, target_date TEXT, target_date_revisions INTEGER NOT NULL DEFAULT 0, owner_organisation TEXT,
        completed_on TEXT, completed_by TEXT, closed_on TEXT, closed_by TEXT, closed_by_inspectorate_on TEXT,
        dated_positions TEXT NOT NULL DEFAULT ''`,
      queryIndexes: ['inspection_id, ordinal'],
    },
    revisions: {
      columns: `position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, finding_id TEXT NOT NULL, on_day TEXT NOT NULL, from_date TEXT, to_date TEXT NOT NULL, reason TEXT`,
      queryIndexes: ['finding_id'],
    },
    changes: {
      columns: `position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, inspection_id TEXT NOT NULL, finding_id TEXT, recorded_at TEXT NOT NULL, on_day TEXT NOT NULL, title TEXT NOT NULL`,
      queryIndexes: ['inspection_id'],
    },
    ledger: {
      // One row: the switch and the running digest, with the log position it covers.
      columns: `id INTEGER PRIMARY KEY CHECK (id = 1), register_enabled INTEGER NOT NULL, digest TEXT NOT NULL, events INTEGER NOT NULL, position INTEGER`,
    },
  },
  apply(recorded: RecordedEvent, context: ProjectionContext): void {
    const { streamId } = recorded;
    if (isBookkeepingStream(streamId)) return;
    keepDigest(recorded, context);
    if (streamId === PUBLIC_REGISTER_STREAM) {
      const ledger = ledgers.of(context);
      ledger.set(LEDGER, { ...(ledger.get(LEDGER) as LedgerRow), register_enabled: recorded.type === 'PublicRegisterEnabled' ? 1 : 0 });
    } else if (streamId.startsWith(INSPECTION_STREAM_PREFIX)) {
      // An inspection names its findings in SQL: the findings folded so far are written first.
      findingBatches.flush(context);
      applyInspection(domainEventOf<InspectionEvent>(recorded), context);
    } else if (streamId.startsWith(STATUTORY_RESPONSE_STREAM_PREFIX)) {
      applyStatutory(domainEventOf<StatutoryResponseEvent>(recorded), recorded, context);
    } else if (streamId.startsWith('recommendation-')) {
      applyRecommendation(domainEventOf<RecommendationEvent>(recorded), recorded, context);
    }
  },
  flush: (context) => {
    ledgers.flush(context);
    findingBatches.flush(context);
  },
  discard: (context) => {
    ledgers.discard(context);
    findingBatches.discard(context);
  },
};

interface LedgerRow {
  id: 1;
  register_enabled: number;
  digest: string;
  events: number;
  position: bigint | number | null;
}

const LEDGER = '1';

/** The one ledger row, moved on by every event: read once and written once per batch. */
const ledgers = new PerBatch(
  (context) =>
    new BatchRows<LedgerRow>(
      () => getRow<LedgerRow>(context, 'ledger', 'id', 1) ?? { id: 1, register_enabled: 0, digest: EMPTY_LEDGER_DIGEST, events: 0, position: null },
      (row) => putRow(context, 'ledger', { ...row }),
    ),
);

/** The findings a batch touches, folded in memory and written once per batch. */
const findingBatches = new PerBatch(
  (context) =>
    new BatchRows<FindingRow>(
      (findingId) => getRow<FindingRow>(context, 'findings', 'finding_id', findingId),
      (row) => upsertRow(context, 'findings', ['finding_id'], { ...row }),
    ),
);

/** The digest chains each event's own hash in log order, as `ledger verify` does; an event without one is not counted. */
function keepDigest(recorded: RecordedEvent, context: ProjectionContext): void {
  const ledger = ledgers.of(context);
  const row = ledger.get(LEDGER) as LedgerRow;
  const hash = recorded.metadata.hash;
  const counted = typeof hash === 'string';
  ledger.set(LEDGER, {
    id: 1,
    register_enabled: row.register_enabled,
    digest: counted ? nextLedgerDigest(row.digest, hash) : row.digest,
    events: row.events + (counted ? 1 : 0),
    position: recorded.position,
  });
}

function applyInspection(event: InspectionEvent, context: ProjectionContext): void {
  switch (event.type) {
    case 'InspectionRegistered':
      putRow(context, 'inspections', {
        inspection_id: event.inspectionId,
        title: event.title,
        service: event.service,
        report_published_on: event.publishedOn,
        report_url: event.reportUrl,
        finding_count: 0,
        deadline_revisions: 0,
      });
      event.findings.forEach((finding) => nameFinding(context, event.inspectionId, finding.findingId));
      return;
    case 'InspectionDetailsAmended': {
      const { title, service, publishedOn, reportUrl } = event.changes;
      const values = {
        ...(title !== undefined ? { title } : {}),
        ...(service !== undefined ? { service } : {}),
        ...(publishedOn !== undefined ? { report_published_on: publishedOn } : {}),
        ...(reportUrl !== undefined ? { report_url: reportUrl } : {}),
      };
      if (Object.keys(values).length > 0) updateRows(context, 'inspections', 'inspection_id', event.inspectionId, values);
      return;
    }
    case 'FindingAdded':
      nameFinding(context, event.inspectionId, event.finding.findingId);
      return;
  }
}

function nameFinding(context: ProjectionContext, inspectionId: string, findingId: string): void {
  const inspection = getRow<{ finding_count: number }>(context, 'inspections', 'inspection_id', inspectionId);
  if (!inspection) return;
  context
    .statement(`INSERT INTO ${context.table('findings')} (finding_id, inspection_id, ordinal) VALUES (?, ?, ?) ON CONFLICT (finding_id) DO NOTHING`)
    .run(findingId, inspectionId, inspection.finding_count);
  updateRows(context, 'inspections', 'inspection_id', inspectionId, { finding_count: inspection.finding_count + 1 });
}

function applyStatutory(event: StatutoryResponseEvent, recorded: RecordedEvent, context: ProjectionContext): void {
  const inspection = getRow<{ title: string }>(context, 'inspections', 'inspection_id', event.inspectionId);
  if (!inspection) return;
  const set = (values: Record<string, string | bigint | null>) => updateRows(context, 'inspections', 'inspection_id', event.inspectionId, values);
  switch (event.type) {
    case 'StatutoryResponseOpened':
      return set({ response_deadline: event.deadline });
    case 'StatutoryTimetableRevised':
      set({ response_deadline: event.deadline });
      context.statement(`UPDATE ${context.table('inspections')} SET deadline_revisions = deadline_revisions + 1 WHERE inspection_id = ?`).run(event.inspectionId);
      return;
    case 'StatutoryResponsePublished':
    case 'ActionPlanPublished':
      set({ response_published_on: event.publishedOn, response_url: event.url, response_published_position: recorded.position });
      return change(context, recorded, event.inspectionId, null, event.publishedOn, `${event.type === 'ActionPlanPublished' ? 'Action plan' : 'Statutory response'} published: ${inspection.title}`);
    case 'StatutoryDateCorrected':
      return event.step === 'publication' ? redatePublication(context, event.inspectionId, event.correctDate) : undefined;
    default:
      return;
  }
}

function applyRecommendation(event: RecommendationEvent, recorded: RecordedEvent, context: ProjectionContext): void {
  const findings = findingBatches.of(context);
  const named = findings.get(event.recommendationId);
  if (event.type === 'FindingIssued') {
    findings.set(event.recommendationId, {
      ...(named ?? { ...UNNAMED, finding_id: event.recommendationId, inspection_id: event.inspectionId }),
      reference: event.reference,
      number: event.number,
      finding_type: event.findingType,
      text: event.text,
      due_date: event.dueDate,
    });
  }
  const finding = findings.get(event.recommendationId);
  if (!finding || finding.reference === null) return;
  let next: FindingRow = { ...finding, status: recommendationStatusAfter(finding.status as RecommendationStatus | null, event) };
  const on = occurredTimes(envelopeOf(recorded).occurredAt).day;
  const reference = finding.reference;
  // A public change of the finding, kept with the row as it now stands; a revision shares the change's position.
  const changed = (row: FindingRow, title: string) => {
    change(context, recorded, finding.inspection_id, finding.finding_id, on, title);
    const position = String(recorded.position);
    findings.set(finding.finding_id, { ...row, dated_positions: row.dated_positions === '' ? position : `${row.dated_positions},${position}` });
  };
  switch (event.type) {
    case 'RecommendationTargetDateSet':
      return changed(revise(context, recorded, next, on, null, event.targetDate, null), `${reference}: target date set to ${event.targetDate}`);
    case 'RecommendationTargetDateChangeApproved':
      return changed(revise(context, recorded, next, on, event.from, event.to, event.reason), `${reference}: target date changed from ${event.from} to ${event.to}`);
    case 'RecommendationOwnerAssigned':
      return findings.set(finding.finding_id, { ...next, owner_organisation: event.organisation });
    case 'RecommendationMarkedComplete':
      next = { ...next, completed_on: on, completed_by: recorded.id };
      break;
    case 'RecommendationClosed':
      next = { ...next, closed_on: on, closed_by: recorded.id };
      break;
    case 'RecommendationInspectorateClosureRecorded':
      next = { ...next, closed_by_inspectorate_on: event.closedOn };
      break;
    // A completion handed back no longer stands, as on the register.
    case 'RecommendationReturnedForFurtherWork':
      next = { ...next, completed_on: null, completed_by: null };
      break;
    case 'RecommendationReopened':
      next = { ...next, completed_on: null, completed_by: null, closed_on: null, closed_by: null, closed_by_inspectorate_on: null };
      break;
    case 'RecommendationEntryDateCorrected':
      return findings.set(finding.finding_id, redate(context, next, event.redatedEventIds, occurredTimes(event.correctOccurredAt).day));
    default:
      break;
  }
  const words = PUBLIC_STATUS_WORDS[event.type];
  if (words) changed(next, `${reference}: ${words}`);
  else findings.set(finding.finding_id, next);
}

/** A finding issued before (or without) an inspection that names it: listed last. */
const UNNAMED: Omit<FindingRow, 'finding_id' | 'inspection_id'> = {
  ordinal: -1,
  reference: null,
  number: null,
  finding_type: null,
  text: null,
  due_date: null,
  status: null,
  target_date: null,
  target_date_revisions: 0,
  owner_organisation: null,
  completed_on: null,
  completed_by: null,
  closed_on: null,
  closed_by: null,
  closed_by_inspectorate_on: null,
  dated_positions: '',
};

/** Every day a re-dated event set, on the finding, its revisions and its public changes, moved to the corrected day. */
function redate(context: ProjectionContext, finding: FindingRow, eventIds: readonly string[], day: string): FindingRow {
  const moved = (eventId: string | null) => eventId !== null && eventIds.includes(eventId);
  // Found by their positions (the key): a rebuild loads these tables without the indexes their queries use.
  const rows = { day, positions: `[${finding.dated_positions}]`, ids: JSON.stringify(eventIds) };
  for (const table of ['revisions', 'changes']) {
    context
      .statement(`UPDATE ${context.table(table)} SET on_day = @day WHERE position IN (SELECT value FROM json_each(@positions)) AND event_id IN (SELECT value FROM json_each(@ids))`)
      .run(rows);
  }
  return {
    ...finding,
    ...(moved(finding.completed_by) ? { completed_on: day } : {}),
    ...(moved(finding.closed_by) ? { closed_on: day } : {}),
  };
}

/** A corrected publication date moves the publication and its public change (found by its position, the key) to that day. */
function redatePublication(context: ProjectionContext, inspectionId: string, day: string): void {
  const { response_published_position: position } = getRow<{ response_published_position: number | null }>(context, 'inspections', 'inspection_id', inspectionId) ?? {};
  if (position === null || position === undefined) return;
  updateRows(context, 'inspections', 'inspection_id', inspectionId, { response_published_on: day });
  updateRows(context, 'changes', 'position', position, { on_day: day });
}

function revise(context: ProjectionContext, recorded: RecordedEvent, finding: FindingRow, on: string, from: string | null, to: string, reason: string | null): FindingRow {
  putRow(context, 'revisions', { position: recorded.position, event_id: recorded.id, finding_id: finding.finding_id, on_day: on, from_date: from, to_date: to, reason });
  return { ...finding, target_date: to, target_date_revisions: Number(finding.target_date_revisions) + 1 };
}

function change(context: ProjectionContext, recorded: RecordedEvent, inspectionId: string, findingId: string | null, on: string, title: string): void {
  putRow(context, 'changes', {
    position: recorded.position,
    event_id: recorded.id,
    inspection_id: inspectionId,
    finding_id: findingId,
    recorded_at: envelopeOf(recorded).recordedAt,
    on_day: on,
    title,
  });
}
