import type { OnBehalfOf } from '@ledger/domain';
import type { ParsedPage } from '@ledger/page-import';

/** Whose statement the chief officer's comments and the commitments are, and how sure we are of the organisation. */
export interface ChiefOfficer {
  onBehalfOf: OnBehalfOf;
  organisationFound: boolean;
}

const POLICE_BODY = /\b([A-Z][\w'’-]*(?: (?:and|&|of) [A-Z][\w'’-]*| [A-Z][\w'’-]*)*) (Constabulary|Police Service|Police Force|Police)\b/g;
const FIRE_BODY = /\b([A-Z][\w'’-]*(?: (?:and|&|of) [A-Z][\w'’-]*| [A-Z][\w'’-]*)*) (Fire and Rescue Service|Fire & Rescue Service|Fire and Rescue Authority)\b/g;
/** Capitalised only because they start a sentence or a phrase: never part of a force's name. */
const LEADING_WORDS = /^(?:(?:The|In|With|As|At|Our|For|By|And|Lastly|Regards|Recommendation|Chief|Constable|Officer|HMICFRS)\s)+/;

/**
 * Published pages name the office ("The Chief Constable stated") rather than the person, so the
 * statement is attributed to the office. The organisation is the first force or service the
 * response names, the chief officer's own text first.
 */
export function chiefOfficerOf(parsed: ParsedPage): ChiefOfficer {
  const police = parsed.inspection.service === 'police';
  const role = police ? 'Chief Constable' : 'Chief Fire Officer';
  const texts = [parsed.page.chiefOfficerStatement, parsed.page.commissionerComments, parsed.inspection.title];
  const organisation = texts.map((text) => (text === null ? undefined : firstBodyNamed(text, police ? POLICE_BODY : FIRE_BODY))).find((name) => name !== undefined);
  return {
    onBehalfOf: { name: role, role, organisation: organisation ?? (police ? 'The force (not named on the page)' : 'The fire and rescue service (not named on the page)') },
    organisationFound: organisation !== undefined,
  };
}

function firstBodyNamed(text: string, pattern: RegExp): string | undefined {
  for (const match of text.matchAll(pattern)) {
    const place = `${match[1]} `.replace(LEADING_WORDS, '').trim();
    if (place.length > 0) return `${place} ${match[2]}`;
  }
  return undefined;
}
