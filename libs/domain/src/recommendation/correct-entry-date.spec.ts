import type { RecommendationStreamEntry } from './correct-entry-date';
import type { RecommendationCommandOf } from './recommendation-commands';
import type { RecommendationEvent } from './recommendation-events';
import { given } from './recommendation.given-when-then';
import { issued, officeStaff, REC_03, REC_03_COMMITMENT } from './sample-recommendations.fixture';

const id = REC_03.findingId;
const TODAY = '2026-12-05';
const ISSUED_ON = '2024-08-22';

/** REC 03 as a page imported with the assumed response date of 16 October 2024, then delivered. */
const history: [string, string, string, RecommendationEvent][] = [
  ['e-issued', 'c-register', ISSUED_ON, issued(REC_03)],
  ['e-accepted', 'c-accept', '2024-10-16', { type: 'RecommendationAccepted', recommendationId: id, commitment: REC_03_COMMITMENT, plannedCompletionDate: '2025-01-31' }],
  ['e-target', 'c-accept', '2024-10-16', { type: 'RecommendationTargetDateSet', recommendationId: id, targetDate: '2025-01-31' }],
  ['e-owner', 'c-owner', '2024-11-10T10:00:00.000Z', { type: 'RecommendationOwnerAssigned', recommendationId: id, owner: 'DCI RASSO', organisation: 'Cumbria Constabulary', previousOwner: null }],
  ['e-started', 'c-owner', '2024-11-10T10:00:00.000Z', { type: 'RecommendationWorkStarted', recommendationId: id }],
  ['e-progress', 'c-progress', '2024-12-01', { type: 'RecommendationProgressRecorded', recommendationId: id, narrative: 'Half trained', percentComplete: 50, rag: 'green' }],
  ['e-evidence', 'c-evidence', '2025-01-20', { type: 'RecommendationEvidenceSubmitted', recommendationId: id, evidenceId: 'ev-1', title: 'Register', reference: 'DOC-1', sha256: 'a'.repeat(64), classification: 'OFFICIAL' }],
  ['e-complete', 'c-complete', '2025-01-28', { type: 'RecommendationMarkedComplete', recommendationId: id, summary: 'All trained', evidenceIds: ['ev-1'], markedCompleteBy: 'cc-lead' }],
];
const entries: RecommendationStreamEntry[] = history.map(([eventId, commandId, occurredAt, event]) => ({ eventId, commandId, occurredAt, event }));
const events = entries.map((entry) => entry.event);
const context = (more: RecommendationStreamEntry[] = []) => ({ actor: officeStaff, entries: [...entries, ...more], today: TODAY, issuedOn: ISSUED_ON });

const correct = (correctsEventId: string, correctOccurredAt: string, reason = 'The response is dated 10 October 2024'): RecommendationCommandOf<'CorrectEntryDate'> => ({
  type: 'CorrectEntryDate',
  recommendationId: id,
  correctsEventId,
  correctOccurredAt,
  reason,
});

const redatedAcceptance: RecommendationEvent = {
  type: 'RecommendationEntryDateCorrected',
  recommendationId: id,
  correctsEventId: 'e-accepted',
  redatedEventIds: ['e-accepted', 'e-target'],
  recordedOccurredAt: '2024-10-16',
  correctOccurredAt: '2024-10-10',
  reason: 'The response is dated 10 October 2024',
};

describe('CorrectEntryDate', () => {
  it('given REC 03 accepted on the assumed 16 October, when the office corrects the acceptance to 10 October, then the acceptance and the target date its command set are dated 10 October', () => {
    given(...events).when(correct('e-accepted', '2024-10-10'), context()).then(redatedAcceptance).andStatusIs('AwaitingVerification');
  });

  it('given the acceptance already corrected to 10 October, when it is corrected again, then the date replaced is the corrected one', () => {
    const earlier: RecommendationStreamEntry = { eventId: 'e-correction', commandId: 'c-correction', occurredAt: '2026-12-05T09:00:00.000Z', event: redatedAcceptance };
    given(...events, redatedAcceptance)
      .when(correct('e-accepted', '2024-10-12', 'Signed on the 12th'), context([earlier]))
      .then({ ...redatedAcceptance, recordedOccurredAt: '2024-10-10', correctOccurredAt: '2024-10-12', reason: 'Signed on the 12th' });
    given(...events, redatedAcceptance).when(correct('e-target', '2024-10-10'), context([earlier])).thenRefused('DateUnchanged', 'correctOccurredAt');
  });

  it('given an entry recorded with a time, when it is corrected to another day, then the time recorded is the date replaced', () => {
    given(...events)
      .when(correct('e-owner', '2024-11-05'), context())
      .then({ ...redatedAcceptance, correctsEventId: 'e-owner', redatedEventIds: ['e-owner', 'e-started'], recordedOccurredAt: '2024-11-10T10:00:00.000Z', correctOccurredAt: '2024-11-05' });
  });

  describe('is refused, and records nothing,', () => {
    it.each([
      ['for an event not in this stream', correct('e-elsewhere', '2024-10-10'), 'CorrectedEventNotInStream', 'correctsEventId'],
      ['for the issue, which is dated by its report', correct('e-issued', '2024-08-21'), 'EntryNotDated', 'correctsEventId'],
      ['for a day that does not exist', correct('e-accepted', '2024-02-30'), 'InvalidDate', 'correctOccurredAt'],
      ['without a reason', correct('e-accepted', '2024-10-10', ' '), 'ReasonRequired', 'reason'],
      ['for the date already recorded', correct('e-accepted', '2024-10-16'), 'DateUnchanged', 'correctOccurredAt'],
      ['for a day of an instant already recorded', correct('e-owner', '2024-11-10'), 'DateUnchanged', 'correctOccurredAt'],
      ['for a day later than today', correct('e-progress', '2026-12-06'), 'DateInFuture', 'correctOccurredAt'],
      ['for a day before the finding was issued with its report', correct('e-accepted', '2024-08-21'), 'DateOutOfOrder', 'correctOccurredAt'],
      ['for an acceptance after the work it led to', correct('e-accepted', '2024-11-11'), 'DateOutOfOrder', 'correctOccurredAt'],
      ['for a completion before the work started', correct('e-complete', '2024-11-09'), 'DateOutOfOrder', 'correctOccurredAt'],
      ['for a progress report before the work started', correct('e-progress', '2024-11-09'), 'DateOutOfOrder', 'correctOccurredAt'],
      ['for a progress report after the completion that ended the work', correct('e-progress', '2025-01-29'), 'DateOutOfOrder', 'correctOccurredAt'],
    ])('%s', (_case, command, rule, field) => {
      given(...events).when(command, context()).thenRefused(rule as never, field);
    });

    it('for a correction, which is dated by its own recording', () => {
      const earlier: RecommendationStreamEntry = { eventId: 'e-correction', commandId: 'c-correction', occurredAt: '2026-12-05T09:00:00.000Z', event: redatedAcceptance };
      given(...events, redatedAcceptance).when(correct('e-correction', '2024-10-10'), context([earlier])).thenRefused('EntryNotDated', 'correctsEventId');
    });

    it('names the entry it would fall out of order with', () => {
      const refusal = given(...events).when(correct('e-accepted', '2024-11-11'), context()).thenRefused('DateOutOfOrder', 'correctOccurredAt');
      expect(refusal.message).toBe('correctOccurredAt (2024-11-11) may not be after the entry owner assigned (2024-11-10) recorded after it');
    });
  });
});
