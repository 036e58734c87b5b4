import { createHash } from 'node:crypto';
import type { SamplePage } from './sample-page';

/** Request bodies and people for recording the sample page over HTTP. */

export const CHIEF_CONSTABLE = { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };

/** Development users (apps/api/src/identity/dev-users.ts), chosen with X-Ledger-Dev-User. */
export const OFFICE_STAFF = 'office-staff';
export const ACTION_OWNER = 'force-action-owner';
export const VERIFIER = 'performance-lead';
export const COMMISSIONER = 'commissioner';
export const LIAISON = 'hmicfrs-liaison';
export const SCRUTINY = 'scrutiny-member';
export const ADMIN = 'ledger-admin';

export function registration(page: SamplePage): Record<string, unknown> {
  return {
    title: page.title,
    inspectionType: 'national-thematic',
    typeAsWritten: page.typeAsWritten,
    scope: 'national',
    service: 'police',
    publishedOn: page.publishedOn,
    keyFindingsHtml: page.keyFindingsHtml,
    findings: page.findings,
  };
}

/** The first sentence of the response to REC 03: the Chief Constable's commitment. */
export function rec03Commitment(page: SamplePage): string {
  const paragraph = page.responseTo(3);
  return paragraph.slice(paragraph.indexOf('Cumbria Constabulary will'), paragraph.indexOf('2025.') + '2025.'.length);
}

export function evidence(title: string): Record<string, unknown> {
  return { title, reference: `DOC-${title.length}`, sha256: createHash('sha256').update(title).digest('hex'), classification: 'OFFICIAL' };
}
