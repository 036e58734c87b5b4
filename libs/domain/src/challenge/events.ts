export interface ChallengeRaised {
  type: 'ChallengeRaised';
  challengeId: string;
  forum: string;
  meetingDate: string;
  question: string;
  answerDueBy: string;
  inspectionId: string | null;
  recommendationId: string | null;
}

/** Whether it was answered late is derived from answerDueBy when read. */
export interface ChallengeAnswered {
  type: 'ChallengeAnswered';
  challengeId: string;
  answer: string;
  answeredOn: string;
}

export interface ChallengeClosed {
  type: 'ChallengeClosed';
  challengeId: string;
  outcome: string;
  closedOn: string;
}

export type ChallengeEvent = ChallengeRaised | ChallengeAnswered | ChallengeClosed;

const EVENT_TYPES: Record<ChallengeEvent['type'], true> = { ChallengeRaised: true, ChallengeAnswered: true, ChallengeClosed: true };
export const CHALLENGE_EVENT_TYPES = Object.keys(EVENT_TYPES) as ChallengeEvent['type'][];
