export { PUBLISHED_LEDGER_SUMMARY_HEADING } from './page/page-sections';
export { parsePublishedPage } from './parse-published-page';
export { toDryRunJson } from './dry-run-json';
export type {
  DryRunJson,
  FindingKey,
  FindingType,
  PageDetails,
  ParsedFinding,
  ParsedInspection,
  ParsedPage,
  ParsedResponse,
  ParseOptions,
  RelativeDateAnchor,
  Service,
} from './parsed-page';
