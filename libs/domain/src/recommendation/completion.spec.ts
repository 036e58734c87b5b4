import type { RecommendationCommand } from './recommendation-commands';
import type { RecommendationEvent } from './recommendation-events';
import { by, given } from './recommendation.given-when-then';
import {
  REC_03_ACCEPTED,
  REC_03_AWAITING_VERIFICATION,
  REC_03_CLOSED,
  REC_03_EVIDENCED,
  REC_03_IN_PROGRESS,
  REC_03_VERIFIED,
  rec03,
} from './sample-histories.fixture';
import { actionOwner, officeStaff, performanceLead, REC_03 } from './sample-recommendations.fixture';

const recommendationId = REC_03.findingId;

describe('SubmitEvidence', () => {
  const { type: _event, ...evidence } = rec03.evidenceSubmitted;
  const submit = { type: 'SubmitEvidence', ...evidence } as const;

  it('given REC 03 in progress, when the owner submits the RSDPIP completion report by reference and hash, then RecommendationEvidenceSubmitted', () => {
    given(...REC_03_IN_PROGRESS).when(submit, by(actionOwner)).then(rec03.evidenceSubmitted).andStateHas({ evidenceIds: ['evidence-rsdpip-completion'] });
  });

  it('given REC 03 in progress, when the hash is given in capitals, then it is recorded in one spelling, lower case', () => {
    given(...REC_03_IN_PROGRESS).when({ ...submit, sha256: evidence.sha256.toUpperCase() }).then(rec03.evidenceSubmitted);
  });

  it.each([
    { problem: 'no id', change: { evidenceId: '' }, rule: 'FieldRequired', field: 'evidenceId' },
    { problem: 'no title', change: { title: ' ' }, rule: 'FieldRequired', field: 'title' },
    { problem: 'no reference or address', change: { reference: '' }, rule: 'FieldRequired', field: 'reference' },
    { problem: 'a hash too short', change: { sha256: 'b5bb9d8014a0f9b1d61e21e796d78dcc' }, rule: 'InvalidSha256', field: 'sha256' },
    { problem: 'a hash that is not hex', change: { sha256: 'z'.repeat(64) }, rule: 'InvalidSha256', field: 'sha256' },
    { problem: 'an unknown classification', change: { classification: 'RESTRICTED' }, rule: 'InvalidValue', field: 'classification' },
  ] as const)('given REC 03 in progress, when evidence is submitted with $problem, then $rule on $field', ({ change, rule, field }) => {
    given(...REC_03_IN_PROGRESS)
      .when({ ...submit, ...change } as RecommendationCommand)
      .thenRefused(rule, field);
  });

  it('given REC 03 with the completion report, when it is submitted again under the same id, then EvidenceAlreadySubmitted', () => {
    given(...REC_03_EVIDENCED).when(submit).thenRefused('EvidenceAlreadySubmitted', 'evidenceId');
  });

  it('given REC 03 closed, when evidence is submitted, then IllegalTransition', () => {
    given(...REC_03_CLOSED).when({ ...submit, evidenceId: 'evidence-late' }).thenRefused('IllegalTransition');
  });
});

describe('MarkComplete', () => {
  const { type: _event, markedCompleteBy: _by, ...completion } = rec03.markedComplete;
  const markComplete = { type: 'MarkComplete', ...completion } as const;

  it('given REC 03 in progress with its evidence, when the owner marks it complete, then RecommendationMarkedComplete naming who did, and it awaits verification', () => {
    given(...REC_03_EVIDENCED).when(markComplete, by(actionOwner)).then(rec03.markedComplete).andStatusIs('AwaitingVerification');
  });

  it('given REC 03 in progress, when it is marked complete with no summary, then FieldRequired on summary', () => {
    given(...REC_03_EVIDENCED).when({ ...markComplete, summary: '' }).thenRefused('FieldRequired', 'summary');
  });

  it('given REC 03 in progress, when it is marked complete citing no evidence, then EvidenceRequired', () => {
    given(...REC_03_EVIDENCED).when({ ...markComplete, evidenceIds: [] }).thenRefused('EvidenceRequired', 'evidenceIds');
  });

  it('given REC 03 in progress, when it is marked complete citing evidence never submitted, then UnknownEvidence', () => {
    given(...REC_03_IN_PROGRESS).when(markComplete).thenRefused('UnknownEvidence', 'evidenceIds');
  });

  it('given REC 03 with an action still open, when it is marked complete, then OpenActionsRemain', () => {
    const actionAdded: RecommendationEvent = {
      type: 'RecommendationActionAdded',
      recommendationId,
      actionId: 'action-ssadip',
      description: 'Train investigations detective constables, including PSD, in SSADIP.',
      owner: 'Learning & Development',
      dueDate: '2025-06-30',
    };
    given(...REC_03_EVIDENCED, actionAdded).when(markComplete).thenRefused('OpenActionsRemain');
  });

  it('given REC 03 accepted but not started, when it is marked complete, then IllegalTransition', () => {
    given(...REC_03_ACCEPTED, rec03.evidenceSubmitted).when(markComplete).thenRefused('IllegalTransition');
  });
});

describe('VerifyCompletion', () => {
  const verify = { type: 'VerifyCompletion', recommendationId } as const;

  it('given REC 03 marked complete by the owner, when the performance lead verifies it, then RecommendationCompletionVerified naming both', () => {
    given(...REC_03_AWAITING_VERIFICATION).when(verify, by(performanceLead)).then(rec03.verified).andStatusIs('Verified');
  });

  it('given REC 03 marked complete by the owner, when the owner verifies it, then VerifierMustDifferFromCompleter', () => {
    given(...REC_03_AWAITING_VERIFICATION).when(verify, by(actionOwner)).thenRefused('VerifierMustDifferFromCompleter');
  });

  it('given REC 03 returned for further work and marked complete again by office staff, when the owner verifies it, then it is verified: the rule follows the latest completion', () => {
    const returned: RecommendationEvent = { type: 'RecommendationReturnedForFurtherWork', recommendationId, reason: 'The report omits the PSD detectives.' };
    given(...REC_03_AWAITING_VERIFICATION, returned, { ...rec03.markedComplete, markedCompleteBy: officeStaff.id })
      .when({ ...verify, comment: 'PSD list checked.' }, by(actionOwner))
      .then({ ...rec03.verified, verifiedBy: actionOwner.id, markedCompleteBy: officeStaff.id, comment: 'PSD list checked.' });
  });

  it('given REC 03 in progress, when it is verified, then IllegalTransition', () => {
    given(...REC_03_IN_PROGRESS).when(verify, by(performanceLead)).thenRefused('IllegalTransition');
  });
});

describe('ReturnForFurtherWork', () => {
  const reason = 'The completion report omits detectives in the Professional Standards Department.';
  const returnIt = { type: 'ReturnForFurtherWork', recommendationId, reason } as const;

  it('given REC 03 awaiting verification, when the performance lead returns it with the reason, then RecommendationReturnedForFurtherWork and it is in progress again', () => {
    given(...REC_03_AWAITING_VERIFICATION)
      .when(returnIt, by(performanceLead))
      .then({ type: 'RecommendationReturnedForFurtherWork', recommendationId, reason })
      .andStateHas({ status: 'InProgress', markedCompleteBy: null });
  });

  it('given REC 03 awaiting verification, when it is returned without a reason, then ReasonRequired', () => {
    given(...REC_03_AWAITING_VERIFICATION).when({ ...returnIt, reason: '' }).thenRefused('ReasonRequired', 'reason');
  });

  it('given REC 03 verified, when it is returned for further work, then IllegalTransition', () => {
    given(...REC_03_VERIFIED).when(returnIt).thenRefused('IllegalTransition');
  });
});

describe('CloseRecommendation', () => {
  it('given REC 03 verified, when the PFCC signs it off, then RecommendationClosed', () => {
    given(...REC_03_VERIFIED).when({ type: 'CloseRecommendation', recommendationId }).then(rec03.closed).andStatusIs('Closed');
  });

  it('given REC 03 verified, when it is signed off with a comment, then the comment is kept', () => {
    given(...REC_03_VERIFIED)
      .when({ type: 'CloseRecommendation', recommendationId, comment: 'Signed off at the January accountability board.' })
      .then({ ...rec03.closed, comment: 'Signed off at the January accountability board.' });
  });

  it('given REC 03 awaiting verification, when it is closed, then IllegalTransition: it must be verified first', () => {
    given(...REC_03_AWAITING_VERIFICATION).when({ type: 'CloseRecommendation', recommendationId }).thenRefused('IllegalTransition');
  });
});
