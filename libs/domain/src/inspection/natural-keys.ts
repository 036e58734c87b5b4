import { type RuleViolation, violation } from '../shared/decider';

/**
 * What makes two registrations the same inspection, whatever ids they were given: the same title
 * published on the same day, or the same report address. The title is normalised so that
 * typography (curly quotes, dashes, spacing, case, a closing full stop) does not make the same
 * report look new; the address so that its scheme, host case, fragment and a closing slash do not.
 */
export type InspectionKeyKind = 'title-and-publication-date' | 'report-url';

export interface InspectionNaturalKey {
  kind: InspectionKeyKind;
  key: string;
  /** The command field a duplicate is reported against. */
  field: 'title' | 'reportUrl';
}

export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.]+$/, '')
    .trim();
}

export function normaliseReportUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    const text = `${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
    return text.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

export function inspectionNaturalKeys(details: { title: string; publishedOn: string; reportUrl?: string | null }): InspectionNaturalKey[] {
  const keys: InspectionNaturalKey[] = [{ kind: 'title-and-publication-date', key: `${normaliseTitle(details.title)}|${details.publishedOn}`, field: 'title' }];
  if (typeof details.reportUrl === 'string' && details.reportUrl.trim() !== '') keys.push({ kind: 'report-url', key: normaliseReportUrl(details.reportUrl), field: 'reportUrl' });
  return keys;
}

/** The events of a key's reservation stream: the key is held by the inspection of the last reservation not released since. */
export type InspectionKeyEvent =
  | { type: 'InspectionKeyReserved'; kind: InspectionKeyKind; key: string; inspectionId: string }
  | { type: 'InspectionKeyReleased'; kind: InspectionKeyKind; key: string; inspectionId: string };

export const INSPECTION_KEY_STREAM_PREFIX = 'reservation-inspection-';

export function holderOf(events: readonly InspectionKeyEvent[]): string | null {
  const last = events[events.length - 1];
  return last === undefined || last.type === 'InspectionKeyReleased' ? null : last.inspectionId;
}

export function duplicateInspection(key: InspectionNaturalKey, existingInspectionId: string): RuleViolation {
  const what = key.kind === 'report-url' ? 'with this report address' : 'with this title and publication date';
  return violation('DuplicateInspection', `An inspection ${what} is already registered: ${existingInspectionId}`, key.field);
}
