import type { ChallengeEntry } from '@ledger/projections/read-models';
import { link, small, join, type Inline, type Link } from '../../components/inline';
import type { Capabilities } from '../../layout/who-is-acting';
import type { RecordedBanner } from '../forms/form-page';
import { CHALLENGE_FORMS } from './challenge-forms';

export const RAISE_PATH = '/challenges/raise';

/** What a new challenge is about, as the raise page's address says it. */
export interface ChallengeAboutIds {
  recommendationId?: string;
  inspectionId?: string;
}

export function raisePath(about: ChallengeAboutIds): string {
  if (about.recommendationId !== undefined) return `${RAISE_PATH}?recommendationId=${encodeURIComponent(about.recommendationId)}`;
  if (about.inspectionId !== undefined) return `${RAISE_PATH}?inspectionId=${encodeURIComponent(about.inspectionId)}`;
  return RAISE_PATH;
}

export function challengePath(challengeId: string, form: 'answer' | 'close'): string {
  return `/challenges/${encodeURIComponent(challengeId)}/${form}`;
}

/** The page a challenge is shown on in context, and where its forms return: its finding's, its inspection's, or the list of challenges. */
export function challengeHome(challenge: Pick<ChallengeEntry, 'recommendationId' | 'inspectionId'>): string {
  if (challenge.recommendationId !== null) return `/recommendations/${encodeURIComponent(challenge.recommendationId)}`;
  if (challenge.inspectionId !== null) return `/inspections/${encodeURIComponent(challenge.inspectionId)}`;
  return '/challenges?status=all';
}

/** What the pages that list challenges show of their forms: raising one, and answering or closing each open one, each only to the roles that may. */
export interface ChallengeRecording {
  /** Null when whoever acts may not raise a challenge. */
  raise: Link | null;
  linksOf(challenge: ChallengeEntry): Inline;
}

export function challengeRecording(about: ChallengeAboutIds, raiseText: string, may: Capabilities): ChallengeRecording {
  return {
    raise: may.RaiseChallenge ? { href: raisePath(about), text: raiseText } : null,
    linksOf: (challenge) => {
      if (challenge.status !== 'open' || !(may.AnswerChallenge || may.CloseChallenge)) return false;
      const which = `the ${challenge.forum}'s question of ${challenge.meetingDate}`;
      const answer = may.AnswerChallenge && link(challengePath(challenge.challengeId, 'answer'), 'Record an answer', { hidden: `to ${which}` });
      const close = may.CloseChallenge && link(challengePath(challenge.challengeId, 'close'), 'Close', { hidden: which });
      return { block: small(join(answer, answer && close && ' · ', close)), classes: 'ledger-no-print' };
    },
  };
}

/** The success banner's heading, when a challenge form sent the browser back here. */
export function challengeRecorded(recorded: unknown): string | undefined {
  return CHALLENGE_FORMS.find((form) => form.key === recorded)?.recorded;
}

/** The success banner of the list of challenges, when a challenge form sent the browser back to it. */
export function challengeListBanner(recorded: unknown): RecordedBanner | null {
  const done = challengeRecorded(recorded);
  return done === undefined ? null : { heading: done, body: 'The list below shows it.' };
}
