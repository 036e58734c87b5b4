import { normaliseTitle } from '@ledger/domain';
import { deterministicUuid } from '../pipeline/deterministic-id';

/**
 * Ids derived from the page itself, so that importing the same page again names the same
 * inspection, findings and commands: the pipeline then finds each command already applied and
 * appends nothing. The title is normalised so that typography (curly quotes, dashes, spacing,
 * a closing full stop) does not make the same report look new.
 */
export function inspectionIdFor(title: string, publishedOn: string): string {
  return deterministicUuid('page-import', 'inspection', normaliseTitle(title), publishedOn);
}

/** Findings are told apart by type and number: "REC 1" and "AFI 1" can both be on a page. */
export function findingIdFor(inspectionId: string, findingType: string, number: number): string {
  return deterministicUuid('page-import', inspectionId, 'finding', findingType, String(number));
}

export function importCommandId(inspectionId: string, ...step: string[]): string {
  return deterministicUuid('page-import', inspectionId, 'command', ...step);
}
