import { EVIDENCE_CLASSIFICATIONS, RECOMMENDATION_ALLOWED_FROM, SELF_ASSESSED_RAGS, type RecommendationCommandType } from '@ledger/domain';
import type { RegisterEntry, TimelineEntry } from '@ledger/projections/read-models';
import type { StatementDto } from '../../../commands/statement.dto';
import {
  AcceptRecommendationDto,
  AssessApplicabilityDto,
  AssignOwnerDto,
  CommentDto,
  CorrectEntryDto,
  MarkCompleteDto,
  PartiallyAcceptRecommendationDto,
  ReasonDto,
  RecordProgressDto,
  RequestTargetDateChangeDto,
  SetTargetDateDto,
  SubmitEvidenceDto,
} from '../../../recommendations/recommendation.dto';
import { html, type SafeHtml } from '../../layout/html';
import { day, instantText } from '../../reading/format';
import type { FieldSpec, FormItem, FormValues } from '../forms/field-spec';
import { CHIEF_CONSTABLE_PREFILL, OCCURRED_AT, onBehalfOf } from '../forms/statement-fields';

/** What a recommendation's forms are filled in against: the finding as it stands and its timeline. */
export interface RecommendationFormContext {
  finding: RegisterEntry;
  timeline: readonly TimelineEntry[];
}

export type RecommendationFormCommand = Exclude<RecommendationCommandType, 'IssueFinding'>;

export type RecommendationFormGroup = 'Decision' | 'Delivery' | 'Completion and sign-off' | 'Putting the record right';

/** One recording form of a recommendation, described once: the page, the link to it, the command it sends. */
export interface RecommendationForm {
  /** Its address: /recommendations/{id}/record/{key}. */
  key: string;
  command: RecommendationFormCommand;
  /** The JSON API's body class for this command: the page validates with it. */
  dto: new () => StatementDto;
  group: RecommendationFormGroup;
  link: string;
  title: string;
  submit: string;
  /** The success banner's heading. */
  recorded: string;
  items(context: RecommendationFormContext): FormItem[];
  prefill?(context: RecommendationFormContext): FormValues;
  /** What to see before answering. */
  context?(context: RecommendationFormContext): SafeHtml | false;
  /**
   * Whether the page offers it now, beyond the statuses the domain allows it from (a change to
   * approve must be pending). The domain decides in the end: this only spares a pointless form.
   */
  offered?(finding: RegisterEntry): boolean;
  /** An id the command carries that the server assigns, as the API does. */
  assigns?: 'evidenceId';
}

const REASON: FieldSpec = { path: 'reason', kind: 'textarea', label: 'Reason' };
const COMMENT: FieldSpec = { path: 'comment', kind: 'textarea', label: 'Comment (optional)' };
const PLANNED: FieldSpec = {
  path: 'plannedCompletionDate',
  kind: 'date',
  label: 'Planned completion date (optional)',
  hint: 'Becomes the first target date. For example, 2025-01-31 (year-month-day)',
};

const RAG_WORDS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

/** Evidence submitted so far, from the timeline, newest last. */
function evidenceOf(timeline: readonly TimelineEntry[]): { evidenceId: string; title: string; reference: string; submittedAt: string }[] {
  return timeline
    .filter((entry) => entry.eventType === 'RecommendationEvidenceSubmitted')
    .map((entry) => ({ evidenceId: String(entry.changes.evidenceId), title: String(entry.changes.title), reference: String(entry.changes.reference), submittedAt: entry.recordedAt }));
}

function pendingChange(finding: RegisterEntry): SafeHtml | false {
  const pending = finding.pendingTargetDateChange;
  return (
    pending !== null &&
    html`<div class="govuk-inset-text" id="pending-change">
  <p class="govuk-body">A change of the target date from ${day(pending.from)} to <strong>${day(pending.to)}</strong> awaits a decision.</p>
  <p class="govuk-body">Reason given: ${pending.reason}</p>
</div>`
  );
}

function findingText({ finding }: RecommendationFormContext): SafeHtml {
  return html`<div class="govuk-inset-text"><p class="govuk-body">${finding.text}</p></div>`;
}

export const RECOMMENDATION_FORMS: readonly RecommendationForm[] = [
  {
    key: 'accept',
    command: 'AcceptRecommendation',
    dto: AcceptRecommendationDto,
    group: 'Decision',
    link: 'Record that it is accepted',
    title: 'Record that the recommendation is accepted',
    submit: 'Record the acceptance',
    recorded: 'Acceptance recorded',
    context: findingText,
    items: () => [
      { path: 'commitment', kind: 'textarea', label: 'Commitment', hint: 'What was committed to, in the words of whoever committed to it.' },
      PLANNED,
      onBehalfOf('chief-constable'),
      OCCURRED_AT,
    ],
    prefill: () => ({ ...CHIEF_CONSTABLE_PREFILL }),
  },
  {
    key: 'partially-accept',
    command: 'PartiallyAcceptRecommendation',
    dto: PartiallyAcceptRecommendationDto,
    group: 'Decision',
    link: 'Record that it is partially accepted',
    title: 'Record that the recommendation is partially accepted',
    submit: 'Record the partial acceptance',
    recorded: 'Partial acceptance recorded',
    context: findingText,
    items: () => [
      { path: 'acceptedScope', kind: 'textarea', label: 'What is accepted' },
      { path: 'notAcceptedScope', kind: 'textarea', label: 'What is not accepted' },
      { ...REASON, hint: 'Why the rest is not accepted.' },
      PLANNED,
      onBehalfOf('chief-constable'),
      OCCURRED_AT,
    ],
    prefill: () => ({ ...CHIEF_CONSTABLE_PREFILL }),
  },
  {
    key: 'reject',
    command: 'RejectRecommendation',
    dto: ReasonDto,
    group: 'Decision',
    link: 'Record that it is not accepted',
    title: 'Record that the recommendation is not accepted',
    submit: 'Record the rejection',
    recorded: 'Rejection recorded',
    context: findingText,
    items: () => [{ ...REASON, hint: 'Why it will not be acted on. This is published with the response.' }, onBehalfOf('chief-constable'), OCCURRED_AT],
    prefill: () => ({ ...CHIEF_CONSTABLE_PREFILL }),
  },
  {
    key: 'assess-applicability',
    command: 'AssessApplicability',
    dto: AssessApplicabilityDto,
    group: 'Decision',
    link: 'Record whether it applies here',
    title: 'Record whether the recommendation applies here',
    submit: 'Record the assessment',
    recorded: 'Assessment of applicability recorded',
    context: findingText,
    items: () => [
      { path: 'applicable', kind: 'yes-no', label: 'Does it apply to this force or service?', name: 'Whether it applies' },
      { ...REASON, label: 'Reason', hint: 'Required if it does not apply: this is the explained "no action". A finding that does not apply is monitored only.' },
      onBehalfOf('none'),
      OCCURRED_AT,
    ],
  },
  {
    key: 'assign-owner',
    command: 'AssignOwner',
    dto: AssignOwnerDto,
    group: 'Delivery',
    link: 'Assign an owner',
    title: 'Assign an owner',
    submit: 'Assign the owner',
    recorded: 'Owner assigned',
    context: ({ finding }) => finding.owner !== null && html`<p class="govuk-body">The owner now is ${finding.owner}${finding.ownerOrganisation && `, ${finding.ownerOrganisation}`}.</p>`,
    items: () => [
      { path: 'owner', kind: 'text', label: 'Owner', hint: 'The person or team answerable for delivery, for example Head of Public Protection.', width: 'two-thirds' },
      { path: 'organisation', kind: 'text', label: 'Organisation', hint: 'For example, Cumbria Constabulary', width: 'two-thirds' },
      OCCURRED_AT,
    ],
  },
  {
    key: 'set-target-date',
    command: 'SetTargetDate',
    dto: SetTargetDateDto,
    group: 'Delivery',
    link: 'Set the target date',
    title: 'Set the target date',
    submit: 'Set the target date',
    recorded: 'Target date set',
    offered: (finding) => finding.targetDate === null,
    context: ({ finding }) => html`<p class="govuk-body">This is the first target date. Any later change is requested with a reason and decided by someone else.${finding.dueDate && html` The inspectorate's due date is ${day(finding.dueDate)}.`}</p>`,
    items: () => [{ path: 'targetDate', kind: 'date', label: 'Target date' }, OCCURRED_AT],
  },
  {
    key: 'request-target-date-change',
    command: 'RequestTargetDateChange',
    dto: RequestTargetDateChangeDto,
    group: 'Delivery',
    link: 'Ask to change the target date',
    title: 'Ask to change the target date',
    submit: 'Send the request',
    recorded: 'Change of target date requested',
    offered: (finding) => finding.targetDate !== null && finding.pendingTargetDateChange === null,
    context: () => html`<p class="govuk-body">Someone other than you decides whether the date changes. Every request stays on the record with its reason and its decision.</p>`,
    items: () => [
      { path: 'from', kind: 'date', label: 'Current target date', hint: 'As the ledger has it now. The request is refused if it has changed meanwhile.' },
      { path: 'to', kind: 'date', label: 'New target date' },
      { ...REASON, hint: 'Why the date needs to change.' },
      onBehalfOf('none'),
      OCCURRED_AT,
    ],
    prefill: ({ finding }) => ({ from: finding.targetDate ?? '' }),
  },
  {
    key: 'approve-target-date-change',
    command: 'ApproveTargetDateChange',
    dto: CommentDto,
    group: 'Delivery',
    link: 'Approve the change of target date',
    title: 'Approve the change of target date',
    submit: 'Approve the change',
    recorded: 'Change of target date approved',
    offered: (finding) => finding.pendingTargetDateChange !== null,
    context: ({ finding }) => pendingChange(finding),
    items: () => [COMMENT, OCCURRED_AT],
  },
  {
    key: 'refuse-target-date-change',
    command: 'RefuseTargetDateChange',
    dto: ReasonDto,
    group: 'Delivery',
    link: 'Refuse the change of target date',
    title: 'Refuse the change of target date',
    submit: 'Refuse the change',
    recorded: 'Change of target date refused',
    offered: (finding) => finding.pendingTargetDateChange !== null,
    context: ({ finding }) => pendingChange(finding),
    items: () => [{ ...REASON, hint: 'Why the target date stays as it is.' }, OCCURRED_AT],
  },
  {
    key: 'record-progress',
    command: 'RecordProgress',
    dto: RecordProgressDto,
    group: 'Delivery',
    link: 'Record progress',
    title: 'Record progress',
    submit: 'Record the progress',
    recorded: 'Progress recorded',
    items: () => [
      { path: 'narrative', kind: 'textarea', label: 'Progress', hint: 'What has been done since the last report, and what is next.' },
      { path: 'percentComplete', kind: 'percent', label: 'Percent complete (optional)', hint: 'How much of the work is done: a whole number from 0 to 100.' },
      { path: 'rag', kind: 'radios', label: 'Your own assessment', hint: 'Red: it will not be delivered on time. Amber: at risk. Green: on track.', choices: SELF_ASSESSED_RAGS.map((rag) => ({ value: rag, text: RAG_WORDS[rag] })) },
      onBehalfOf('none'),
      OCCURRED_AT,
    ],
  },
  {
    key: 'submit-evidence',
    command: 'SubmitEvidence',
    dto: SubmitEvidenceDto,
    group: 'Delivery',
    link: 'Submit evidence',
    title: 'Submit evidence',
    submit: 'Submit the evidence',
    recorded: 'Evidence submitted',
    assigns: 'evidenceId',
    context: () => html`<p class="govuk-body">The ledger records where the document is and its fingerprint (its SHA-256), never the document itself. Anyone holding the document can check it is the one recorded.</p>`,
    items: () => [
      { path: 'title', kind: 'text', label: 'Title', hint: 'For example, Training completion report, January 2025' },
      { path: 'reference', kind: 'text', label: 'Document reference or web address', hint: 'Where the document is kept: a records reference or a link.' },
      { path: 'sha256', kind: 'text', label: 'SHA-256 of the document', hint: '64 characters, 0 to 9 and a to f. On Windows: certutil -hashfile FILE SHA256; on a Mac or Linux: shasum -a 256 FILE.' },
      { path: 'classification', kind: 'radios', label: 'Security classification of the document', choices: EVIDENCE_CLASSIFICATIONS.map((classification) => ({ value: classification, text: classification })) },
      onBehalfOf('none'),
      OCCURRED_AT,
    ],
  },
  {
    key: 'mark-complete',
    command: 'MarkComplete',
    dto: MarkCompleteDto,
    group: 'Completion and sign-off',
    link: 'Mark it complete',
    title: 'Mark the recommendation complete',
    submit: 'Mark complete',
    recorded: 'Marked complete',
    context: ({ timeline }) =>
      evidenceOf(timeline).length === 0
        ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> No evidence has been submitted yet. Submit the evidence it was done first.</strong></div>`
        : html`<p class="govuk-body">Someone other than you will check the evidence and verify that it is done.</p>`,
    items: ({ timeline }) => [
      { path: 'summary', kind: 'textarea', label: 'Summary', hint: 'What was done to meet the recommendation.' },
      {
        path: 'evidenceIds',
        kind: 'checkboxes',
        label: 'Evidence it was done',
        hint: 'Select all that apply.',
        choices: evidenceOf(timeline).map((evidence) => ({ value: evidence.evidenceId, text: evidence.title, hint: `${evidence.reference}, submitted ${instantText(evidence.submittedAt)}` })),
      },
      onBehalfOf('none'),
      OCCURRED_AT,
    ],
  },
  {
    key: 'verify',
    command: 'VerifyCompletion',
    dto: CommentDto,
    group: 'Completion and sign-off',
    link: 'Verify the completion',
    title: 'Verify that it is complete',
    submit: 'Verify the completion',
    recorded: 'Completion verified',
    context: ({ timeline }) => {
      const marked = timeline.filter((entry) => entry.eventType === 'RecommendationMarkedComplete').at(-1);
      return marked !== undefined && html`<div class="govuk-inset-text"><p class="govuk-body">${marked.summary}</p><p class="govuk-body-s">Marked complete by ${marked.actor.name} (${marked.actor.role}, ${marked.actor.organisation}). Someone else must verify it.</p></div>`;
    },
    items: () => [COMMENT, OCCURRED_AT],
  },
  {
    key: 'return-for-further-work',
    command: 'ReturnForFurtherWork',
    dto: ReasonDto,
    group: 'Completion and sign-off',
    link: 'Return it for further work',
    title: 'Return it for further work',
    submit: 'Return for further work',
    recorded: 'Returned for further work',
    items: () => [{ ...REASON, hint: 'What still needs to be done.' }, OCCURRED_AT],
  },
  {
    key: 'close',
    command: 'CloseRecommendation',
    dto: CommentDto,
    group: 'Completion and sign-off',
    link: 'Close it (PFCC sign-off)',
    title: "Close the recommendation with the PFCC's sign-off",
    submit: 'Close the recommendation',
    recorded: 'Recommendation closed',
    items: () => [COMMENT, onBehalfOf('none'), OCCURRED_AT],
  },
  {
    key: 'reopen',
    command: 'Reopen',
    dto: ReasonDto,
    group: 'Putting the record right',
    link: 'Reopen it',
    title: 'Reopen the recommendation',
    submit: 'Reopen',
    recorded: 'Recommendation reopened',
    items: () => [{ ...REASON, hint: 'Why the work must start again.' }, OCCURRED_AT],
  },
  {
    key: 'correct-entry',
    command: 'CorrectEntry',
    dto: CorrectEntryDto,
    group: 'Putting the record right',
    link: 'Correct an entry of the timeline',
    title: 'Correct an entry of the timeline',
    submit: 'Record the correction',
    recorded: 'Correction recorded',
    context: () => html`<p class="govuk-body">The entry stays as it was recorded. The correction is shown beside it, with who made it and why.</p>`,
    items: ({ timeline }) => [
      {
        path: 'correctsEventId',
        kind: 'radios',
        label: 'Which entry was wrong?',
        name: 'The entry to correct',
        choices: timeline.map((entry) => ({ value: entry.eventId, text: entry.summary, hint: `Recorded ${instantText(entry.recordedAt)} by ${entry.actor.name}` })),
      },
      { path: 'whatWasWrong', kind: 'textarea', label: 'What was wrong', hint: 'What the entry should have said.' },
      { ...REASON, hint: 'How the mistake came about.' },
    ],
  },
];

export function recommendationForm(key: string): RecommendationForm | undefined {
  return RECOMMENDATION_FORMS.find((form) => form.key === key);
}

/** Whether the page offers a form now: the status allows its command (as the domain says), and there is something to do it to. */
export function isOffered(form: RecommendationForm, finding: RegisterEntry): boolean {
  return RECOMMENDATION_ALLOWED_FROM[form.command].includes(finding.status) && (form.offered?.(finding) ?? true);
}
