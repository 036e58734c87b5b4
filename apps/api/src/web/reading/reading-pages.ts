import { DashboardPageController } from '../dashboard/dashboard-page.controller';
import { CommitmentsPageController } from '../delivery/commitments-page.controller';
import { SlippagePageController } from '../delivery/slippage-page.controller';
import { InspectionPageController } from '../inspection/inspection-page.controller';
import { PackPageController } from '../print/pack-page.controller';
import { RecommendationPageController } from '../recommendation/recommendation-page.controller';
import { RegisterPageController } from '../register/register-page.controller';
import { AsAtPageController } from '../scrutiny/as-at-page.controller';
import { ChallengesPageController } from '../scrutiny/challenges-page.controller';
import { ChangesPageController } from '../scrutiny/changes-page.controller';
import { StatutoryResponsesPageController } from '../scrutiny/statutory-responses-page.controller';
import { LedgerReads } from './ledger-reads';
import { ReadingAssetsController } from './reading-assets.controller';

/** The pages a scrutiny panel member and the office read the ledger with (each needs `read`). */
export const READING_PAGES = [
  RegisterPageController,
  InspectionPageController,
  RecommendationPageController,
  ChangesPageController,
  AsAtPageController,
  CommitmentsPageController,
  SlippagePageController,
  StatutoryResponsesPageController,
  ChallengesPageController,
  DashboardPageController,
  PackPageController,
];

/** What WebModule serves for reading: the pages and their stylesheets. */
export const READING_CONTROLLERS = [...READING_PAGES, ReadingAssetsController];

export const READING_PROVIDERS = [LedgerReads];
