export { PageImportModule } from './page-import.module';
export {
  PageImportRecorder,
  PageNotRecordableError,
  type CorrectionAdvice,
  type DateDifference,
  type PageImportOutcome,
  type StepOutcome,
  type StepStatus,
} from './page-import-recorder';
export {
  planPageImport,
  responseDateProblem,
  type PageImportPlan,
  type PlannedFinding,
  type PlannedResponse,
  type PlannedStep,
  type PlanOptions,
  type ResponseDate,
} from './page-import-plan';
