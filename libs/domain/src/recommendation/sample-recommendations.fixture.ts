import { SAMPLE_FINDINGS, SAMPLE_INSPECTION_ID } from '../inspection/sample-inspection.fixture';
import type { Finding } from '../inspection/finding';
import type { Actor } from '../shared/envelope';
import type { RecommendationCommandOf } from './recommendation-commands';
import type { RecommendationEventOf } from './recommendation-events';

/**
 * The sample inspection's findings (REC 03, 05, 07, 09, 11, verbatim from the shared sample page)
 * as issued into their own streams, and the people who act on them in the tests.
 */

export const officeStaff: Actor = { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
export const performanceLead: Actor = { id: 'opfcc-performance-lead', name: 'Performance Lead', role: 'office', organisation: 'Cumbria OPFCC' };
export const actionOwner: Actor = { id: 'cc-ppu-lead', name: 'Head of Public Protection', role: 'action-owner', organisation: 'Cumbria Constabulary' };
export const liaison: Actor = { id: 'hmicfrs-liaison', name: 'Force Liaison Lead', role: 'liaison', organisation: 'HMICFRS' };

function sampleFinding(reference: string): Finding {
  const finding = SAMPLE_FINDINGS.find((f) => f.reference === reference);
  if (finding === undefined) throw new Error(`The sample has no ${reference}`);
  return finding;
}

export const REC_03 = sampleFinding('REC 03');
export const REC_05 = sampleFinding('REC 05');
export const REC_07 = sampleFinding('REC 07');
export const REC_09 = sampleFinding('REC 09');
export const REC_11 = sampleFinding('REC 11');

export function issueFinding(finding: Finding): RecommendationCommandOf<'IssueFinding'> {
  return {
    type: 'IssueFinding',
    recommendationId: finding.findingId,
    inspectionId: SAMPLE_INSPECTION_ID,
    reference: finding.reference,
    number: finding.number,
    findingType: finding.findingType,
    text: finding.text,
    subItems: finding.subItems,
    addressees: finding.addressees,
    dueDate: finding.dueDate,
    immediate: finding.immediate,
  };
}

export function issued(finding: Finding): RecommendationEventOf<'FindingIssued'> {
  const { type: _command, ...data } = issueFinding(finding);
  return { type: 'FindingIssued', ...data };
}

/** The Chief Constable's answer to recommendation three, from the sample's response. */
export const REC_03_COMMITMENT =
  "Cumbria Constabulary will have all detectives performing investigation roles trained in 'RASSO Investigative Skills Development Programme' (RSDPIP) by the end of January 2025.";

/** From the sample: REC 05 waits on the national Soteria Joint Unit's definition. */
export const REC_05_DEPENDENCY = 'HMICFRS have set the national Soteria Joint Unit a deadline of the end of January 2025 to create a definition and produce the associated guidance for forces to adopt.';

