import type { Projection } from '../projection';
import { challengesProjection } from './challenges/challenges.projection';
import { commitmentsProjection } from './commitments/commitments.projection';
import { historyProjection } from './history/history.projection';
import { publicRegisterProjection } from './public-register/public-register.projection';
import { registerProjection } from './register/register.projection';
import { slippageProjection } from './slippage/slippage.projection';
import { statutoryProjection } from './statutory/statutory.projection';
import { timelineProjection } from './timeline/timeline.projection';

/** Every read model the ledger keeps; the runner feeds each of them the whole log. */
export const ALL_PROJECTIONS: Projection[] = [
  registerProjection,
  timelineProjection,
  commitmentsProjection,
  slippageProjection,
  statutoryProjection,
  challengesProjection,
  historyProjection,
  publicRegisterProjection,
];

export { CHALLENGES, challengesProjection, type ChallengeAnswer } from './challenges/challenges.projection';
export { CHALLENGE_STATUSES, findChallenge, queryChallenges, type ChallengeEntry, type ChallengeFilter, type ChallengeStatusFilter } from './challenges/challenges.queries';
export { COMMITMENTS, commitmentsProjection } from './commitments/commitments.projection';
export {
  COMMITMENT_KINDS,
  COMMITMENT_OUTCOMES,
  queryCommitments,
  type Commitment,
  type CommitmentFilter,
  type CommitmentKind,
  type CommitmentOutcome,
} from './commitments/commitments.queries';
export { type FindingPositionThen } from './history/finding-then';
export { BASES, BASIS_MEANING, DEFAULT_BASIS, type Basis } from './history/history-keys';
export { HISTORY, historyProjection } from './history/history.projection';
export { queryAsAt, type AsAtEntry, type AsAtRegister, type CommitmentThen } from './history/history.queries';
export { readModelsThen } from './history/read-models-then';
export { HistoryReader, type HistoryReaderOptions } from './history-reader/history-reader';
export { queryDashboard, type Dashboard, type DashboardFilter } from './dashboard/dashboard.queries';
export { PUBLIC_REGISTER, publicRegisterProjection } from './public-register/public-register.projection';
export {
  allPublicRegisterInspections,
  findPublicInspection,
  publicChanges,
  publicFindingsOf,
  publicLedgerState,
  publishedInspections,
  publicTargetDateRevisions,
  type PublicChange,
  type PublicFinding,
  type PublicInspection,
  type PublicLedgerState,
  type PublicTargetDateRevision,
} from './public-register/public-register.queries';
export { evolveFindingSummary, type FindingSummary } from './register/finding-summary';
export { DUE_SOON_DAYS, findingToday, OVERDUE_STATUSES, type DerivedRag, type FindingToday } from './register/finding-today';
export { evolveInspectionSummary, type InspectionSummary } from './register/inspection-summary';
export { REGISTER, registerProjection } from './register/register.projection';
export {
  findInspection,
  findRegisterEntry,
  queryInspections,
  queryRegister,
  type InspectionEntry,
  type InspectionFilter,
  type RegisterEntry,
  type RegisterFilter,
} from './register/register.queries';
export type { Page, PageRequest, ReadModelReader } from './shared/reader';
export { SLIPPAGE, slippageProjection } from './slippage/slippage.projection';
export { querySlippage, type SlippageEntry, type SlippageFilter, type TargetDateRevision } from './slippage/slippage.queries';
export { STATUTORY, statutoryProjection } from './statutory/statutory.projection';
export { countStatutory, queryStatutory, STATUTORY_STATES, type StatutoryEntry, type StatutoryFilter, type StatutoryState } from './statutory/statutory.queries';
export { TIMELINE, timelineProjection } from './timeline/timeline.projection';
export {
  queryChanges,
  queryTimeline,
  recommendationTimeline,
  type ChangeBasis,
  type Changes,
  type ChangesFilter,
  type FindingChange,
  type TimelineEntry,
  type TimelineFilter,
} from './timeline/timeline.queries';
