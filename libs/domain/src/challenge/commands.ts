/** A question a scrutiny forum puts to the office or the force, optionally about one inspection or recommendation. */
export interface RaiseChallenge {
  type: 'RaiseChallenge';
  challengeId: string;
  /** "Police and Crime Panel", "Public Accountability Conference" ... */
  forum: string;
  meetingDate: string;
  question: string;
  answerDueBy: string;
  inspectionId?: string | null;
  /** The finding's id (its stream is `recommendation-{id}`). */
  recommendationId?: string | null;
}

/** May be recorded more than once while the challenge is open: a follow-up answer adds to the first. */
export interface AnswerChallenge {
  type: 'AnswerChallenge';
  challengeId: string;
  answer: string;
  answeredOn: string;
}

export interface CloseChallenge {
  type: 'CloseChallenge';
  challengeId: string;
  /** In the forum's words: satisfied, withdrawn, referred on ... */
  outcome: string;
  closedOn: string;
}

export type ChallengeCommand = RaiseChallenge | AnswerChallenge | CloseChallenge;
