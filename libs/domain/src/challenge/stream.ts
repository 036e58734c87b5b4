export const CHALLENGE_STREAM_PREFIX = 'challenge-';

export function challengeStream(challengeId: string): string {
  return `${CHALLENGE_STREAM_PREFIX}${challengeId}`;
}
