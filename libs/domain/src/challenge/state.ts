import type { ChallengeEvent } from './events';

export type ChallengeState =
  | { readonly status: 'none' }
  | { readonly status: 'open' | 'closed'; readonly challengeId: string; readonly meetingDate: string; readonly answerDueBy: string; readonly answeredOn: readonly string[] };

export const initialChallengeState: ChallengeState = { status: 'none' };

export function evolveChallenge(state: ChallengeState, event: ChallengeEvent): ChallengeState {
  switch (event.type) {
    case 'ChallengeRaised':
      return { status: 'open', challengeId: event.challengeId, meetingDate: event.meetingDate, answerDueBy: event.answerDueBy, answeredOn: [] };
    case 'ChallengeAnswered':
      return state.status === 'none' ? state : { ...state, answeredOn: [...state.answeredOn, event.answeredOn] };
    case 'ChallengeClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
  }
}
