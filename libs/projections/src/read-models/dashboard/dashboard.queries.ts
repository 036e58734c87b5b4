import { OPEN_RECOMMENDATION_STATUSES, RECOMMENDATION_STATUSES, type FindingType, type RecommendationStatus, type Service } from '@ledger/domain';
import { CHALLENGES } from '../challenges/challenges.projection';
import type { FindingSummary } from '../register/finding-summary';
import { findingToday, type DerivedRag } from '../register/finding-today';
import { REGISTER } from '../register/register.projection';
import { registerConditions } from '../register/register.queries';
import type { ReadModelReader } from '../shared/reader';
import { countStatutory, type StatutoryState } from '../statutory/statutory.queries';

export interface DashboardFilter {
  inspectionId?: string;
  service?: Service;
  findingType?: FindingType;
}

export interface Dashboard {
  findings: {
    total: number;
    byStatus: Record<RecommendationStatus, number>;
    open: number;
    overdue: number;
    blocked: number;
    pendingTargetDateChanges: number;
    rag: Record<DerivedRag | 'none', number>;
  };
  challenges: { open: number; answerOverdue: number };
  statutoryResponses: Record<StatutoryState, number>;
}

/** Counts for a dashboard, on a given day; the same rules as the register, so the numbers agree with it. */
export function queryDashboard(reader: ReadModelReader, filter: DashboardFilter, today: string): Dashboard {
  return reader.read(() => {
    const where = registerConditions(filter, today);
    const summaries = (
      reader.db
        .prepare(
          `SELECT f.summary FROM ${reader.table(REGISTER, 'findings')} f LEFT JOIN ${reader.table(REGISTER, 'inspections')} i ON i.inspection_id = f.inspection_id ${where.toSql()}`,
        )
        .pluck()
        .all(where.params) as string[]
    ).map((json) => JSON.parse(json) as FindingSummary);

    const byStatus = Object.fromEntries(RECOMMENDATION_STATUSES.map((status) => [status, 0])) as Record<RecommendationStatus, number>;
    const rag: Record<DerivedRag | 'none', number> = { red: 0, amber: 0, green: 0, none: 0 };
    let overdue = 0;
    let blocked = 0;
    let pending = 0;
    for (const summary of summaries) {
      const now = findingToday(summary, today);
      byStatus[summary.status]++;
      rag[now.rag ?? 'none']++;
      if (now.overdue) overdue++;
      if (now.blocked) blocked++;
      if (summary.pendingTargetDateChange !== null) pending++;
    }

    return {
      findings: {
        total: summaries.length,
        byStatus,
        open: OPEN_RECOMMENDATION_STATUSES.reduce((sum, status) => sum + byStatus[status], 0),
        overdue,
        blocked,
        pendingTargetDateChanges: pending,
        rag,
      },
      challenges: challengeCounts(reader, filter, today),
      statutoryResponses: countStatutory(reader, { inspectionId: filter.inspectionId, service: filter.service }, today),
    };
  });
}

function challengeCounts(reader: ReadModelReader, filter: DashboardFilter, today: string): Dashboard['challenges'] {
  const byInspection = filter.inspectionId === undefined ? '' : 'AND inspection_id = @inspectionId';
  const row = reader.db
    .prepare(
      `SELECT count(*) AS open, coalesce(sum(first_answered_on IS NULL AND answer_due_by < @today), 0) AS answerOverdue
       FROM ${reader.table(CHALLENGES, 'challenges')} WHERE closed_on IS NULL ${byInspection}`,
    )
    .get({ today, inspectionId: filter.inspectionId ?? null }) as { open: number; answerOverdue: number };
  return { open: Number(row.open), answerOverdue: Number(row.answerOverdue) };
}
