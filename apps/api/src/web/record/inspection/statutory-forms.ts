import { COPY_RECIPIENTS, type CopyRecipient, type CorrectableStatutoryStep, type StatutoryResponseCommand } from '@ledger/domain';
import type { StatutoryEntry } from '@ledger/projections/read-models';
import type { InspectionSummary } from '@ledger/projections/read-models/register/inspection-summary';
import {
  CorrectStatutoryDateDto,
  InviteChiefOfficerCommentsDto,
  PublishDto,
  RecordChiefOfficerCommentsDto,
  RecordCommissionerCommentsDto,
  RecordCopySentDto,
  RecordReplyToChiefOfficerDto,
} from '../../../statutory-responses/statutory-response.dto';
import { para, type Prose } from '../../components/inline';
import { day } from '../../reading/format';
import type { RecordingForm } from '../forms/recording-flow';

/** What a statutory response step is recorded against: the inspection and its response as they stand. */
export interface StatutoryFormContext {
  inspection: InspectionSummary;
  response: StatutoryEntry;
}

export type StatutoryFormCommand = Exclude<StatutoryResponseCommand['type'], 'OpenStatutoryResponse' | 'ReviseStatutoryTimetable'>;

/** One step of the statutory response (police, s.55) or of the fire action plan, as a form: /inspections/{id}/record/{key}. */
export interface StatutoryForm extends RecordingForm<StatutoryFormContext> {
  command: StatutoryFormCommand;
  link: string;
  /**
   * Whether the page offers the step now: the steps already taken are not offered again. The
   * domain decides in the end; this only spares a pointless form.
   */
  offered(response: StatutoryEntry): boolean;
}

const COPY_WORDS: Record<CopyRecipient, string> = { HMICFRS: 'HMICFRS', HomeSecretary: 'The Home Secretary' };

const police = (response: StatutoryEntry) => response.service === 'police';
const unpublished = (response: StatutoryEntry) => response.publishedOn === null;
const copiesToSend = (response: StatutoryEntry) => COPY_RECIPIENTS.filter((recipient) => response.copiesSent[recipient] === null);

function deadline({ response }: StatutoryFormContext): Prose {
  return [para('The report was published on ', day(response.reportPublishedOn), '; the response is due by ', day(response.dueDate), '. Lateness is recorded, never refused.')];
}

export const STATUTORY_FORMS: readonly StatutoryForm[] = [
  {
    key: 'invite-chief-officer-comments',
    command: 'InviteChiefOfficerComments',
    dto: InviteChiefOfficerCommentsDto,
    link: "Invite the chief officer's comments",
    title: "Invite the chief officer's comments",
    submit: 'Record the invitation',
    recorded: "Invitation of the chief officer's comments recorded",
    offered: (response) => police(response) && unpublished(response) && response.chiefOfficerCommentsReceivedOn === null,
    context: deadline,
    items: () => [
      { path: 'invitedOn', kind: 'date', label: 'Date of the invitation' },
      { path: 'commentsDueBy', kind: 'date', label: 'Comments due by', hint: 'The date you set for the chief officer. For example, 30 9 2024' },
    ],
  },
  {
    key: 'chief-officer-comments',
    command: 'RecordChiefOfficerComments',
    dto: RecordChiefOfficerCommentsDto,
    link: "Record the chief officer's comments",
    title: "Record the chief officer's comments",
    submit: 'Record the comments',
    recorded: "Chief officer's comments recorded",
    offered: (response) => police(response) && unpublished(response) && response.chiefOfficerCommentsReceivedOn === null,
    items: () => [
      { path: 'receivedOn', kind: 'date', label: 'Date received' },
      { path: 'comments', kind: 'textarea', label: 'Comments', hint: 'Exactly as the chief officer gave them.' },
    ],
  },
  {
    key: 'commissioner-comments',
    command: 'RecordCommissionerComments',
    dto: RecordCommissionerCommentsDto,
    link: "Record the commissioner's comments",
    title: "Record the commissioner's comments",
    submit: 'Record the comments',
    recorded: "Commissioner's comments recorded",
    offered: (response) => police(response) && unpublished(response) && response.commissionerCommentsMadeOn === null,
    items: () => [
      { path: 'madeOn', kind: 'date', label: 'Date made' },
      { path: 'comments', kind: 'textarea', label: 'Comments', hint: 'Exactly as they will be published.' },
    ],
  },
  {
    key: 'reply-to-chief-officer',
    command: 'RecordReplyToChiefOfficer',
    dto: RecordReplyToChiefOfficerDto,
    link: 'Record the reply to the chief officer',
    title: "Record the commissioner's reply to the chief officer",
    submit: 'Record the reply',
    recorded: 'Reply to the chief officer recorded',
    offered: (response) => police(response) && unpublished(response) && response.chiefOfficerCommentsReceivedOn !== null && response.replyMadeOn === null,
    items: () => [
      { path: 'madeOn', kind: 'date', label: 'Date made' },
      { path: 'reply', kind: 'textarea', label: 'Reply', hint: 'Exactly as it will be published.' },
    ],
  },
  {
    key: 'publish',
    command: 'PublishStatutoryResponse',
    dto: PublishDto,
    link: 'Record that the response was published',
    title: 'Record that the response was published',
    submit: 'Record the publication',
    recorded: 'Publication of the response recorded',
    offered: (response) => police(response) && unpublished(response),
    context: (context) =>
      [...deadline(context), para(`It can be recorded once the commissioner's comments are on record and every applicable recommendation has a decision or an explained "no action".`)],
    items: () => [
      { path: 'publishedOn', kind: 'date', label: 'Date published' },
      { path: 'url', kind: 'text', label: 'Web address of the published response', hint: 'For example, https://www.cumbria-pcc.gov.uk/...' },
    ],
  },
  {
    key: 'publish-action-plan',
    command: 'PublishActionPlan',
    dto: PublishDto,
    link: 'Record that the action plan was published',
    title: 'Record that the action plan was published',
    submit: 'Record the publication',
    recorded: 'Publication of the action plan recorded',
    offered: (response) => !police(response) && unpublished(response),
    context: deadline,
    items: () => [
      { path: 'publishedOn', kind: 'date', label: 'Date published' },
      { path: 'url', kind: 'text', label: 'Web address of the published action plan' },
    ],
  },
  {
    key: 'copy-sent',
    command: 'RecordCopySent',
    dto: RecordCopySentDto,
    link: 'Record a copy sent',
    title: 'Record a copy of the response sent',
    submit: 'Record the copy',
    recorded: 'Copy sent recorded',
    offered: (response) => !unpublished(response) && copiesToSend(response).length > 0,
    items: ({ response }) => [
      { path: 'recipient', kind: 'radios', label: 'Who was it sent to?', name: 'Who it was sent to', choices: copiesToSend(response).map((recipient) => ({ value: recipient, text: COPY_WORDS[recipient] })) },
      { path: 'sentOn', kind: 'date', label: 'Date sent' },
    ],
  },
  {
    key: 'correct-date',
    command: 'CorrectStatutoryDate',
    dto: CorrectStatutoryDateDto,
    link: 'Correct a date of the response',
    title: 'Correct a date recorded for the response',
    submit: 'Record the correction',
    recorded: 'Date correction recorded',
    offered: (response) => datedSteps(response).length > 0,
    context: () => [para('The step stays as it was recorded. The correction is recorded beside it, with who made it and why, and dates the step from then on.')],
    items: ({ response }) => [
      {
        path: 'step',
        kind: 'radios',
        label: 'Which date was wrong?',
        name: 'Which date was wrong',
        choices: datedSteps(response).map(({ step, words, on }) => ({ value: step, text: `${words}: recorded as ${on}` })),
      },
      { path: 'correctDate', kind: 'date', label: 'The date it actually happened' },
      { path: 'reason', kind: 'textarea', label: 'Why the recorded date was wrong', hint: 'For example, the page was imported before its response date was known.' },
    ],
  },
];

/** The steps of a response that hold a date, with the date recorded: what a correction can put right. */
function datedSteps(response: StatutoryEntry): { step: CorrectableStatutoryStep; words: string; on: string }[] {
  const dated: [CorrectableStatutoryStep, string, string | null][] = [
    ['invitation', "Invitation of the chief officer's comments", response.invitation?.invitedOn ?? null],
    ['chiefOfficerComments', "Chief officer's comments received", response.chiefOfficerCommentsReceivedOn],
    ['commissionerComments', "Commissioner's comments made", response.commissionerCommentsMadeOn],
    ['replyToChiefOfficer', 'Reply to the chief officer made', response.replyMadeOn],
    ['publication', response.publishedAs === 'action-plan' ? 'Action plan published' : 'Response published', response.publishedOn],
  ];
  return dated.flatMap(([step, words, on]) => (on === null ? [] : [{ step, words, on }]));
}

export function statutoryForm(key: string): StatutoryForm | undefined {
  return STATUTORY_FORMS.find((form) => form.key === key);
}
