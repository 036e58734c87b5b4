import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../../projection';
import { aggregateOf } from '../shared/envelope';
import { BatchRows, PerBatch } from '../shared/batch-rows';
import { getRow, putRow, upsertRow } from '../shared/rows';
import { evolveFindingSummary, type FindingSummary } from './finding-summary';
import { evolveInspectionSummary, type InspectionSummary } from './inspection-summary';

export const REGISTER = 'register';

/**
 * The register of inspections and their findings. Each row keeps the folded summary as JSON (the
 * same fold the "as at" view replays) and, beside it, the columns the register is filtered and
 * sorted by.
 */
export const registerProjection: Projection = {
  name: REGISTER,
  version: 5,
  tables: {
    inspections: {
      columns: `inspection_id TEXT PRIMARY KEY, title TEXT NOT NULL, inspection_type TEXT NOT NULL, service TEXT NOT NULL,
        published_on TEXT NOT NULL, summary TEXT NOT NULL`,
      queryIndexes: ['published_on', 'service', 'inspection_type'],
    },
    findings: {
      columns: `recommendation_id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, reference TEXT NOT NULL, number INTEGER NOT NULL,
        finding_type TEXT NOT NULL, status TEXT NOT NULL, owner TEXT, target_date TEXT, due_date TEXT, open_dependencies INTEGER NOT NULL,
        summary TEXT NOT NULL`,
      queryIndexes: ['inspection_id, number', 'status', 'owner', 'target_date', 'due_date'],
    },
  },
  apply(event: RecordedEvent, context: ProjectionContext): void {
    const kind = aggregateOf(event.streamId);
    if (kind === 'inspection') applyToInspection(event, context);
    else if (kind === 'recommendation') applyToFinding(event, context);
  },
  flush: (context) => batches.flush(context),
  discard: (context) => batches.discard(context),
};

function applyToInspection(event: RecordedEvent, context: ProjectionContext): void {
  const inspectionId = event.data['inspectionId'];
  const row = getRow<{ summary: string }>(context, 'inspections', 'inspection_id', String(inspectionId));
  const summary = evolveInspectionSummary(row ? (JSON.parse(row.summary) as InspectionSummary) : undefined, event);
  putRow(context, 'inspections', {
    inspection_id: summary.inspectionId,
    title: summary.title,
    inspection_type: summary.inspectionType,
    service: summary.service,
    published_on: summary.publishedOn,
    summary: JSON.stringify(summary),
  });
}

function applyToFinding(event: RecordedEvent, context: ProjectionContext): void {
  const findings = batches.of(context);
  const recommendationId = String(event.data['recommendationId']);
  findings.set(recommendationId, evolveFindingSummary(findings.get(recommendationId), event));
}

/** The findings a batch touches, each folded in memory and written once per batch. */
const batches = new PerBatch(
  (context) =>
    new BatchRows<FindingSummary>(
      (recommendationId) => {
        const row = getRow<{ summary: string }>(context, 'findings', 'recommendation_id', recommendationId);
        return row ? (JSON.parse(row.summary) as FindingSummary) : undefined;
      },
      (summary) =>
        upsertRow(context, 'findings', ['recommendation_id'], {
          recommendation_id: summary.recommendationId,
          inspection_id: summary.inspectionId,
          reference: summary.reference,
          number: summary.number,
          finding_type: summary.findingType,
          status: summary.status,
          owner: summary.owner,
          target_date: summary.targetDate,
          due_date: summary.dueDate,
          open_dependencies: summary.openDependencies.length,
          summary: JSON.stringify(summary),
        }),
    ),
);
