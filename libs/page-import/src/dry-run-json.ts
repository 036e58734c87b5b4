import type { DryRunJson, ParsedPage } from './parsed-page';

/** Exactly the fields `ledger import-page --dry-run --json` prints, in that order, and nothing else. */
export function toDryRunJson(parsed: ParsedPage): DryRunJson {
  const { title, publishedOn, type, service, statutoryDeadline } = parsed.inspection;
  return {
    inspection: { title, publishedOn, type, service, statutoryDeadline },
    findings: parsed.findings.map(({ reference, number, findingType, text, subItems, dueDate, immediate }) => (
      { reference, number, findingType, text, subItems: [...subItems], dueDate, immediate })),
    responses: parsed.responses.map(({ numbers, text, commitment, commitmentDate, dateIsDerived, ambiguousDate }) => (
      { numbers: [...numbers], text, commitment, commitmentDate, dateIsDerived, ambiguousDate })),
    unaddressed: [...parsed.unaddressed],
    warnings: [...parsed.warnings],
  };
}
