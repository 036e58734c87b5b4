import type { RecommendationEvent, RecommendationEventOf } from './recommendation-events';
import { actionOwner, issued, performanceLead, REC_03, REC_03_COMMITMENT } from './sample-recommendations.fixture';

/**
 * REC 03 at each point of its life, as the Chief Constable's commitment is delivered: accepted with
 * training by the end of January 2025, owned by the Public Protection Unit, evidenced, marked
 * complete by the force, verified by the office's performance lead and signed off.
 */
const recommendationId = REC_03.findingId;

export const rec03 = {
  issued: issued(REC_03),
  accepted: {
    type: 'RecommendationAccepted',
    recommendationId,
    commitment: REC_03_COMMITMENT,
    plannedCompletionDate: '2025-01-31',
  } satisfies RecommendationEventOf<'RecommendationAccepted'>,
  targetDateSet: { type: 'RecommendationTargetDateSet', recommendationId, targetDate: '2025-01-31' } satisfies RecommendationEventOf<'RecommendationTargetDateSet'>,
  ownerAssigned: {
    type: 'RecommendationOwnerAssigned',
    recommendationId,
    owner: 'Head of Public Protection Unit',
    organisation: 'Cumbria Constabulary',
    previousOwner: null,
  } satisfies RecommendationEventOf<'RecommendationOwnerAssigned'>,
  workStarted: { type: 'RecommendationWorkStarted', recommendationId } satisfies RecommendationEventOf<'RecommendationWorkStarted'>,
  evidenceSubmitted: {
    type: 'RecommendationEvidenceSubmitted',
    recommendationId,
    evidenceId: 'evidence-rsdpip-completion',
    title: 'RSDPIP completion report, January 2025',
    reference: 'https://intranet.cumbria.police.uk/learning/rsdpip-completion-2025-01.pdf',
    sha256: 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c',
    classification: 'OFFICIAL-SENSITIVE',
  } satisfies RecommendationEventOf<'RecommendationEvidenceSubmitted'>,
  markedComplete: {
    type: 'RecommendationMarkedComplete',
    recommendationId,
    summary: 'Every detective in an investigation role completed RSDPIP by 31 January 2025.',
    evidenceIds: ['evidence-rsdpip-completion'],
    markedCompleteBy: actionOwner.id,
  } satisfies RecommendationEventOf<'RecommendationMarkedComplete'>,
  verified: {
    type: 'RecommendationCompletionVerified',
    recommendationId,
    verifiedBy: performanceLead.id,
    markedCompleteBy: actionOwner.id,
    comment: null,
  } satisfies RecommendationEventOf<'RecommendationCompletionVerified'>,
  closed: { type: 'RecommendationClosed', recommendationId, comment: null } satisfies RecommendationEventOf<'RecommendationClosed'>,
};

export const REC_03_ISSUED: readonly RecommendationEvent[] = [rec03.issued];
export const REC_03_ACCEPTED: readonly RecommendationEvent[] = [...REC_03_ISSUED, rec03.accepted, rec03.targetDateSet];
export const REC_03_IN_PROGRESS: readonly RecommendationEvent[] = [...REC_03_ACCEPTED, rec03.ownerAssigned, rec03.workStarted];
export const REC_03_EVIDENCED: readonly RecommendationEvent[] = [...REC_03_IN_PROGRESS, rec03.evidenceSubmitted];
export const REC_03_AWAITING_VERIFICATION: readonly RecommendationEvent[] = [...REC_03_EVIDENCED, rec03.markedComplete];
export const REC_03_VERIFIED: readonly RecommendationEvent[] = [...REC_03_AWAITING_VERIFICATION, rec03.verified];
export const REC_03_CLOSED: readonly RecommendationEvent[] = [...REC_03_VERIFIED, rec03.closed];
