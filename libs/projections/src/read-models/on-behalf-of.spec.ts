import type { Actor, OnBehalfOf, RecommendationCommand } from '@ledger/domain';
import { actionOwner, issueFinding, officeStaff, performanceLead, REC_03 } from '@ledger/domain/recommendation/sample-recommendations.fixture';
import { challengesProjection } from './challenges/challenges.projection';
import { queryChallenges } from './challenges/challenges.queries';
import { commitmentsProjection } from './commitments/commitments.projection';
import { queryCommitments } from './commitments/commitments.queries';
import { ScratchReadModels } from './shared/scratch-read-models';
import { slippageProjection } from './slippage/slippage.projection';
import { querySlippage } from './slippage/slippage.queries';
import { DecidedLog } from './testing/decided-log.fixture';
import { timelineProjection } from './timeline/timeline.projection';
import { recommendationTimeline } from './timeline/timeline.queries';

/**
 * The office types in what others said and decided. Every read model that names who did something
 * names both: the office person who recorded it, and the person it was recorded for.
 */
const COMMISSIONER: OnBehalfOf = { name: 'Peter McCall', role: 'Police, Fire and Crime Commissioner', organisation: 'Cumbria OPFCC' };
const CHIEF_CONSTABLE: OnBehalfOf = { name: 'Rob Carden', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };
const PANEL_CHAIR: OnBehalfOf = { name: 'Cllr Jane Smith', role: 'Chair of the Police, Fire and Crime Panel', organisation: 'Cumbria Police, Fire and Crime Panel' };
const recorder = (actor: Actor) => ({ id: actor.id, name: actor.name, role: actor.role, organisation: actor.organisation });

const id = REC_03.findingId;
const ALL = { limit: 100, offset: 0 };
const TODAY = '2025-03-31';

describe('"on behalf of", beside the recorder, in every read model that names who did something', () => {
  const log = new DecidedLog();
  const at = (day: string) => `${day}T10:00:00Z`;
  const recommendation = (day: string, by: Actor, command: RecommendationCommand, onBehalfOf?: OnBehalfOf) => log.recommendation(command, { by, at: at(day), onBehalfOf });
  recommendation('2024-08-27', officeStaff, issueFinding(REC_03));
  recommendation('2024-09-25', officeStaff, { type: 'AcceptRecommendation', recommendationId: id, commitment: 'Train every detective', plannedCompletionDate: '2025-01-31' }, CHIEF_CONSTABLE);
  recommendation('2024-10-03', officeStaff, { type: 'AssignOwner', recommendationId: id, owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' });
  recommendation('2025-01-06', officeStaff, { type: 'RequestTargetDateChange', recommendationId: id, from: '2025-01-31', to: '2025-04-30', reason: 'Course places' }, CHIEF_CONSTABLE);
  recommendation('2025-01-08', performanceLead, { type: 'ApproveTargetDateChange', recommendationId: id }, COMMISSIONER);
  recommendation('2025-01-20', actionOwner, { type: 'RecordProgress', recommendationId: id, narrative: '30 of 43 trained', rag: 'amber', percentComplete: 70 });
  const challengeId = 'pcp-2025-02-06-q3';
  log.challenge({ type: 'RaiseChallenge', challengeId, forum: 'Police and Crime Panel', meetingDate: '2025-02-06', question: 'Were they trained?', answerDueBy: '2025-03-06', recommendationId: id }, { by: officeStaff, at: at('2025-02-07'), onBehalfOf: PANEL_CHAIR });
  log.challenge({ type: 'AnswerChallenge', challengeId, answer: '41 of 43 by the end of January', answeredOn: '2025-02-27' }, { by: officeStaff, at: at('2025-02-27'), onBehalfOf: COMMISSIONER });
  log.challenge({ type: 'AnswerChallenge', challengeId, answer: 'The other two in March', answeredOn: '2025-03-03' }, { by: performanceLead, at: at('2025-03-03') });
  log.challenge({ type: 'CloseChallenge', challengeId, outcome: 'Panel satisfied', closedOn: '2025-03-13' }, { by: officeStaff, at: at('2025-03-13'), onBehalfOf: PANEL_CHAIR });

  const scratch = ScratchReadModels.create([challengesProjection, slippageProjection, commitmentsProjection, timelineProjection]);
  beforeAll(() => log.events.forEach((event) => scratch.apply(event)));
  afterAll(() => scratch.close());

  it("challenges: who raised it and for whom, each answer's recorder and for whom, and who closed it and for whom", () => {
    const [challenge] = queryChallenges(scratch, { status: 'all' }, ALL, TODAY).items;
    expect(challenge).toMatchObject({ raisedBy: recorder(officeStaff), raisedOnBehalfOf: PANEL_CHAIR, closedBy: recorder(officeStaff), closedOnBehalfOf: PANEL_CHAIR });
    expect(challenge.answers).toEqual([
      { answer: '41 of 43 by the end of January', answeredOn: '2025-02-27', recordedBy: recorder(officeStaff), onBehalfOf: COMMISSIONER, recordedAt: at('2025-02-27') },
      { answer: 'The other two in March', answeredOn: '2025-03-03', recordedBy: recorder(performanceLead), onBehalfOf: null, recordedAt: at('2025-03-03') },
    ]);
  });

  it('slippage: who requested the change and for whom, and who approved it and for whom', () => {
    const [entry] = querySlippage(scratch, { recommendationId: id }, ALL).items;
    expect(entry.revisions).toEqual([
      expect.objectContaining({
        requestedBy: recorder(officeStaff),
        requestedOnBehalfOf: CHIEF_CONSTABLE,
        outcome: 'approved',
        decidedBy: recorder(performanceLead),
        decidedOnBehalfOf: COMMISSIONER,
      }),
    ]);
  });

  it("commitments: the decision's recorder and the chief constable it was recorded for; the revised date's requester and approver, each with for whom", () => {
    const commitments = queryCommitments(scratch, { recommendationId: id }, ALL, TODAY).items;
    expect(commitments.map((commitment) => [commitment.kind, commitment.committedBy.name, commitment.onBehalfOf, commitment.approvedBy?.name ?? null, commitment.approvedOnBehalfOf])).toEqual([
      ['decision', officeStaff.name, CHIEF_CONSTABLE, null, null],
      ['revised-date', officeStaff.name, CHIEF_CONSTABLE, performanceLead.name, COMMISSIONER],
    ]);
  });

  it('the timeline: each entry names its recorder, and for whom when the office recorded it for someone', () => {
    const timeline = recommendationTimeline(scratch, id);
    expect(timeline.map((entry) => [entry.eventType, entry.actor.name, entry.onBehalfOf?.name ?? null])).toEqual([
      ['FindingIssued', officeStaff.name, null],
      ['RecommendationAccepted', officeStaff.name, CHIEF_CONSTABLE.name],
      ['RecommendationTargetDateSet', officeStaff.name, CHIEF_CONSTABLE.name],
      ['RecommendationOwnerAssigned', officeStaff.name, null],
      ['RecommendationWorkStarted', officeStaff.name, null],
      ['RecommendationTargetDateChangeRequested', officeStaff.name, CHIEF_CONSTABLE.name],
      ['RecommendationTargetDateChangeApproved', performanceLead.name, COMMISSIONER.name],
      ['RecommendationProgressRecorded', actionOwner.name, null],
      ['ChallengeRaised', officeStaff.name, PANEL_CHAIR.name],
      ['ChallengeAnswered', officeStaff.name, COMMISSIONER.name],
      ['ChallengeAnswered', performanceLead.name, null],
      ['ChallengeClosed', officeStaff.name, PANEL_CHAIR.name],
    ]);
  });
});
