import type { StatutoryEntry } from '@ledger/projections/read-models';
import type { Link } from '../../components/inline';
import { challengeRecorded, challengeRecording, type ChallengeRecording } from '../challenge/challenge-recording';
import type { RecordedBanner } from '../forms/form-page';
import { INSPECTION_FORMS, inspectionForm } from './inspection-forms';
import { REGISTRATION_PATH } from './registration.controller';
import { STATUTORY_FORMS, statutoryForm } from './statutory-forms';

/** What the inspection page shows of the recording forms: the banner after one was used, changes to the inspection, the response's next steps, its challenges', and registering another. */
export interface InspectionRecording {
  banner: RecordedBanner | null;
  details: Link[];
  statutorySteps: Link[];
  /** Correcting a date already recorded: not a step still to take, so offered apart from them. */
  statutoryCorrection: Link | null;
  challenges: ChallengeRecording;
  registrationPath: string;
}

export function inspectionRecording(inspectionId: string, response: StatutoryEntry | null, recorded: unknown): InspectionRecording {
  const here = `/inspections/${encodeURIComponent(inspectionId)}`;
  const offered = response === null ? [] : STATUTORY_FORMS.filter((form) => form.offered(response));
  const link = (form: (typeof STATUTORY_FORMS)[number]): Link => ({ href: `${here}/record/${form.key}`, text: form.link });
  const correction = offered.find((form) => form.command === 'CorrectStatutoryDate');
  return {
    banner: bannerOf(recorded),
    details: INSPECTION_FORMS.map((form) => ({ href: `${here}/record/${form.key}`, text: form.link })),
    statutorySteps: offered.filter((form) => form !== correction).map(link),
    statutoryCorrection: correction === undefined ? null : link(correction),
    challenges: challengeRecording({ inspectionId }, 'Raise a scrutiny challenge about this inspection'),
    registrationPath: REGISTRATION_PATH,
  };
}

function bannerOf(recorded: unknown): RecordedBanner | null {
  if (recorded === 'registered') return { heading: 'Inspection registered', body: 'Its findings are issued, each with a page of its own, and its statutory clock has started.' };
  if (typeof recorded !== 'string') return null;
  const step = statutoryForm(recorded)?.recorded;
  if (step !== undefined) return { heading: step, body: 'The statutory response below shows it.' };
  const change = inspectionForm(recorded)?.recorded ?? challengeRecorded(recorded);
  return change === undefined ? null : { heading: change, body: 'The page below shows it.' };
}
