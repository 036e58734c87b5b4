import type { StatutoryEntry } from '@ledger/projections/read-models';
import type { Link } from '../../components/inline';
import type { Capabilities } from '../../layout/who-is-acting';
import { challengeRecorded, challengeRecording, type ChallengeRecording } from '../challenge/challenge-recording';
import type { RecordedBanner } from '../forms/form-page';
import { INSPECTION_FORMS, inspectionForm } from './inspection-forms';
import { REGISTRATION_PATH } from './registration.controller';
import { STATUTORY_FORMS, statutoryForm } from './statutory-forms';

/**
 * What the inspection page shows of the recording forms, each only to the roles that may use it:
 * the banner after one was used, changes to the inspection, the response's next steps, its
 * challenges', and registering another.
 */
export interface InspectionRecording {
  banner: RecordedBanner | null;
  details: Link[];
  /** Whether whoever acts may record any step of a statutory response: if not, the page offers none. */
  mayRecordSteps: boolean;
  statutorySteps: Link[];
  /** Correcting a date already recorded: not a step still to take, so offered apart from them. */
  statutoryCorrection: Link | null;
  challenges: ChallengeRecording;
  registrationPath: string;
}

export function inspectionRecording(inspectionId: string, response: StatutoryEntry | null, recorded: unknown, may: Capabilities): InspectionRecording {
  const here = `/inspections/${encodeURIComponent(inspectionId)}`;
  const steps = STATUTORY_FORMS.filter((form) => may[form.command]);
  const offered = response === null ? [] : steps.filter((form) => form.offered(response));
  const link = (form: (typeof STATUTORY_FORMS)[number]): Link => ({ href: `${here}/record/${form.key}`, text: form.link });
  const correction = offered.find((form) => form.command === 'CorrectStatutoryDate');
  return {
    banner: bannerOf(recorded),
    details: INSPECTION_FORMS.filter((form) => may[form.command]).map((form) => ({ href: `${here}/record/${form.key}`, text: form.link })),
    mayRecordSteps: steps.length > 0,
    statutorySteps: offered.filter((form) => form !== correction).map(link),
    statutoryCorrection: correction === undefined ? null : link(correction),
    challenges: challengeRecording({ inspectionId }, 'Raise a scrutiny challenge about this inspection', may),
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
