import type { RegisterEntry } from '@ledger/projections/read-models';
import type { Link } from '../../components/inline';
import type { Capabilities } from '../../layout/who-is-acting';
import { challengeRecorded, challengeRecording, type ChallengeRecording } from '../challenge/challenge-recording';
import type { RecordedBanner } from '../forms/form-page';
import { isOffered, RECOMMENDATION_FORM_GROUPS, RECOMMENDATION_FORMS, recommendationForm } from './recommendation-forms';

/** What the recommendation page shows of the recording forms: the banner after one was used, the links to those whoever acts may use now, and its challenges'. */
export interface RecommendationRecording {
  banner: RecordedBanner | null;
  /** Whether whoever acts may record any of a recommendation's forms at all: if not, the page has no recording section. */
  mayRecord: boolean;
  /** The forms that whoever acts may use and that can be used now, by group; empty when none can. */
  groups: { heading: string; links: Link[] }[];
  challenges: ChallengeRecording;
}

export function recommendationRecording(finding: RegisterEntry, recorded: unknown, may: Capabilities): RecommendationRecording {
  const done = typeof recorded === 'string' ? (recommendationForm(recorded)?.recorded ?? challengeRecorded(recorded)) : undefined;
  const here = `/recommendations/${encodeURIComponent(finding.recommendationId)}`;
  const allowed = RECOMMENDATION_FORMS.filter((form) => may[form.command]);
  const offered = allowed.filter((form) => isOffered(form, finding));
  return {
    banner: done === undefined ? null : { heading: done, body: `${finding.reference} now shows it, and it is the latest entry of the timeline.` },
    mayRecord: allowed.length > 0,
    groups: RECOMMENDATION_FORM_GROUPS.map((heading) => ({ heading, links: offered.filter((form) => form.group === heading).map((form) => ({ href: `${here}/record/${form.key}`, text: form.link })) })).filter(
      (group) => group.links.length > 0,
    ),
    challenges: challengeRecording({ recommendationId: finding.recommendationId }, `Raise a scrutiny challenge about ${finding.reference}`, may),
  };
}
