import * as fs from 'node:fs';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '@ledger/domain/recommendation';

/** The ledger's own statuses in the inspectorate's words, as exports show them. */
export type StatusCrosswalk = Readonly<Record<RecommendationStatus, string>>;

/**
 * The default wording: the inspectorate sees a recommendation as open until it closes it, so
 * every local step short of that is a kind of "open". An office with other wording from its
 * HMICFRS liaison sets it in a JSON file (LEDGER_STATUS_CROSSWALK or `--crosswalk`).
 */
export const DEFAULT_STATUS_CROSSWALK: StatusCrosswalk = {
  Issued: 'Open – awaiting response',
  Accepted: 'Open – accepted',
  PartiallyAccepted: 'Open – partially accepted',
  NotAccepted: 'Not accepted',
  NotApplicable: 'Not applicable',
  InProgress: 'Open – in progress',
  AwaitingVerification: 'Open – reported complete',
  Verified: 'Open – completion verified locally',
  Closed: 'Completed – awaiting inspectorate closure',
  ClosedByInspectorate: 'Closed',
  Superseded: 'Superseded',
  NoLongerRelevant: 'Administratively closed',
};

/**
 * A crosswalk from a JSON object of { ledger status: inspectorate wording }; statuses it leaves
 * out keep the default wording. An unknown status or an empty wording is refused by name.
 */
export function statusCrosswalk(overrides: unknown, source = 'the status crosswalk'): StatusCrosswalk {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new RangeError(`${source} must be a JSON object of { "LedgerStatus": "inspectorate wording" }`);
  }
  const crosswalk: Record<string, string> = { ...DEFAULT_STATUS_CROSSWALK };
  for (const [status, wording] of Object.entries(overrides)) {
    if (!(RECOMMENDATION_STATUSES as readonly string[]).includes(status)) {
      throw new RangeError(`${source}: "${status}" is not a ledger status (known: ${RECOMMENDATION_STATUSES.join(', ')})`);
    }
    if (typeof wording !== 'string' || wording.trim().length === 0) throw new RangeError(`${source}: the wording for ${status} must be a non-empty text`);
    crosswalk[status] = wording.trim();
  }
  return crosswalk as StatusCrosswalk;
}

export function loadStatusCrosswalk(file: string): StatusCrosswalk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RangeError(`cannot read the status crosswalk ${file}: ${(error as Error).message}`, { cause: error });
  }
  return statusCrosswalk(parsed, file);
}

export function inspectorateWording(crosswalk: StatusCrosswalk, status: string | null): string {
  return status !== null && status in crosswalk ? crosswalk[status as RecommendationStatus] : '';
}
