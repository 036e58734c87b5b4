import type { Service } from '../parsed-page';
import { fold } from '../text/fold';

const FIRE = /\bfire\b|\bfrs\b|\bfire and rescue\b/gi;
const POLICE = /\bpolice\b|\bpolicing\b|\bconstabulary\b|\bforces?\b|\bchief constables?\b|\bpeel\b|\bcustody\b/gi;
const FIRE_WORDING = /\bthe service should\b|\bfire and rescue (?:services?|authorit(?:y|ies))\b|\bchief fire officers?\b/gi;

/** Names that mention both services whatever the inspection is about. */
const BOTH_SERVICES = /inspectorate of constabulary and fire (?:&|and) rescue services|police,? fire (?:&|and) crime (?:commissioner|panel)s?/gi;

function lean(text: string, fire: RegExp, police: RegExp): Service | null {
  const folded = fold(text).replace(BOTH_SERVICES, ' ');
  const fireCount = folded.match(fire)?.length ?? 0;
  const policeCount = folded.match(police)?.length ?? 0;
  if (fireCount === policeCount) return null;
  return fireCount > policeCount ? 'fire' : 'police';
}

/**
 * Police or fire, from the strongest evidence first: a "Service" field, then the inspection's
 * type and title, then who the findings address and who answers. The preamble is never read:
 * a Police, Fire & Crime Commissioner's site names both services on every page.
 */
export function readService(
  evidence: { serviceField?: string; typeAndTitle: string; findings: string; response: string },
  warnings: string[],
): Service {
  const decided = (evidence.serviceField && lean(evidence.serviceField, FIRE, POLICE))
    || lean(evidence.typeAndTitle, FIRE, POLICE)
    || lean(evidence.findings, FIRE_WORDING, POLICE)
    || lean(evidence.response, FIRE_WORDING, /\bchief constables?\b|\bconstabulary\b/gi);
  if (decided) return decided;
  warnings.push('The page does not say whether the inspection is of police or fire; police was assumed.');
  return 'police';
}
