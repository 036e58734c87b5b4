import {
  EVIDENCE_CLASSIFICATIONS,
  INSPECTORATE_MAPPED_STATUSES,
  RECOMMENDATION_ALLOWED_FROM,
  SELF_ASSESSED_RAGS,
  type InspectorateClosureOutcome,
  type InspectorateMappedStatus,
  type RecommendationCommandType,
} from '@ledger/domain';
import type { RegisterEntry, TimelineEntry } from '@ledger/projections/read-models';
import { StatementDto } from '../../../commands/statement.dto';
import {
  AcceptRecommendationDto,
  AddActionDto,
  AssessApplicabilityDto,
  AssignOwnerDto,
  ClearDependencyDto,
  CommentDto,
  CorrectEntryDateDto,
  CorrectEntryDto,
  FlagDependencyDto,
  MarkCompleteDto,
  PartiallyAcceptRecommendationDto,
  ReasonDto,
  RecordInspectorateClosureDto,
  RecordInspectorateStatusDto,
  RecordProgressDto,
  RequestTargetDateChangeDto,
  SetTargetDateDto,
  SubmitEvidenceDto,
  SupersedeDto,
} from '../../../recommendations/recommendation.dto';
import { join, para, smallPara, type Prose } from '../../components/inline';
import { day, dayText, instantText } from '../../reading/format';
import type { FieldSpec } from '../forms/field-spec';
import type { RecordingForm } from '../forms/recording-flow';
import { CHIEF_CONSTABLE_PREFILL, OCCURRED_AT, onBehalfOf } from '../forms/statement-fields';

/** What a recommendation's forms are filled in against: the finding as it stands and its timeline. */
export interface RecommendationFormContext {
  finding: RegisterEntry;
  timeline: readonly TimelineEntry[];
}

export type RecommendationFormCommand = Exclude<RecommendationCommandType, 'IssueFinding'>;

export const RECOMMENDATION_FORM_GROUPS = ['Decision', 'Delivery', 'Completion and sign-off', 'The inspectorate', 'No longer needed', 'Putting the record right'] as const;
export type RecommendationFormGroup = (typeof RECOMMENDATION_FORM_GROUPS)[number];

/** One recording form of a recommendation, described once: the page, the link to it, the command it sends. Its address: /recommendations/{id}/record/{key}. */
export interface RecommendationForm extends RecordingForm<RecommendationFormContext> {
  command: RecommendationFormCommand;
  group: RecommendationFormGroup;
  link: string;
  /**
   * Whether the page offers it now, beyond the statuses the domain allows it from (a change to
   * approve must be pending). The domain decides in the end: this only spares a pointless form.
   */
  offered?(finding: RegisterEntry): boolean;
  /** An id the command carries that the server assigns, as the API does. */
  assigns?: 'evidenceId' | 'actionId' | 'dependencyId';
  /** The part of the recommendation it acts on, chosen on the page (the API has it in its address). */
  inAddress?: readonly ('actionId' | 'dependencyId')[];
}

const REASON: FieldSpec = { path: 'reason', kind: 'textarea', label: 'Reason' };
const COMMENT: FieldSpec = { path: 'comment', kind: 'textarea', label: 'Comment (optional)' };
const PLANNED: FieldSpec = {
  path: 'plannedCompletionDate',
  kind: 'date',
  label: 'Planned completion date (optional)',
  hint: 'Becomes the first target date. For example, 31 1 2025',
};

const RAG_WORDS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

const INSPECTORATE_STATUS_WORDS: Record<InspectorateMappedStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  completed: 'Completed',
  closed: 'Closed',
  discharged: 'Discharged',
  superseded: 'Superseded',
  unknown: 'None of these',
};

const CLOSURE_CHOICES: readonly { value: InspectorateClosureOutcome; text: string; hint: string }[] = [
  { value: 'closed', text: 'Closed', hint: 'A recommendation or an area for improvement.' },
  { value: 'discharged', text: 'Discharged', hint: 'A cause of concern only.' },
];

/** Actions added and not yet completed, from the timeline, oldest first. */
function openActionsOf(timeline: readonly TimelineEntry[]): { actionId: string; description: string; owner: string; dueDate: string }[] {
  const completed = new Set(timeline.filter((entry) => entry.eventType === 'RecommendationActionCompleted').map((entry) => String(entry.changes.actionId)));
  return timeline
    .filter((entry) => entry.eventType === 'RecommendationActionAdded' && !completed.has(String(entry.changes.actionId)))
    .map((entry) => ({ actionId: String(entry.changes.actionId), description: String(entry.changes.description), owner: String(entry.changes.owner), dueDate: String(entry.changes.dueDate) }));
}

/** Evidence submitted so far, from the timeline, newest last. */
function evidenceOf(timeline: readonly TimelineEntry[]): { evidenceId: string; title: string; reference: string; submittedAt: string }[] {
  return timeline
    .filter((entry) => entry.eventType === 'RecommendationEvidenceSubmitted')
    .map((entry) => ({ evidenceId: String(entry.changes.evidenceId), title: String(entry.changes.title), reference: String(entry.changes.reference), submittedAt: entry.recordedAt }));
}

function pendingChange(finding: RegisterEntry): Prose | false {
  const pending = finding.pendingTargetDateChange;
  return (
    pending !== null && [
      {
        inset: [para('A change of the target date from ', day(pending.from), ' to ', { strong: day(pending.to) }, ' awaits a decision.'), para(`Reason given: ${pending.reason}`)],
        id: 'pending-change',
      },
    ]
  );
}

function findingText({ finding }: RecommendationFormContext): Prose {
  return [{ inset: [para(finding.text)] }];
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
    context: ({ finding }) => finding.owner !== null && [para(`The owner now is ${finding.owner}${finding.ownerOrganisation ? `, ${finding.ownerOrganisation}` : ''}.`)],
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
    context: ({ finding }) => [para('This is the first target date. Any later change is requested with a reason and decided by someone else.', finding.dueDate && join(" The inspectorate's due date is ", day(finding.dueDate), '.'))],
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
    context: () => [para(`Someone other than you decides whether the date changes. Every request stays on the record with its reason and its decision.`)],
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
    context: () => [para(`The ledger records where the document is and its fingerprint (its SHA-256), never the document itself. Anyone holding the document can check it is the one recorded.`)],
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
    key: 'add-action',
    command: 'AddAction',
    dto: AddActionDto,
    group: 'Delivery',
    link: 'Add an action',
    title: 'Add an action',
    submit: 'Add the action',
    recorded: 'Action added',
    assigns: 'actionId',
    context: () => [para(`A step of the work with its own owner and due date. The recommendation cannot be marked complete while one of its actions is open.`)],
    items: () => [
      { path: 'description', kind: 'textarea', label: 'What is to be done' },
      { path: 'owner', kind: 'text', label: 'Who will do it', name: 'Who will do it', hint: 'A person or team, for example Detective Superintendent, Public Protection.', width: 'two-thirds' },
      { path: 'dueDate', kind: 'date', label: 'Due date' },
      OCCURRED_AT,
    ],
  },
  {
    key: 'complete-action',
    command: 'CompleteAction',
    dto: StatementDto,
    group: 'Delivery',
    link: 'Record that an action is complete',
    title: 'Record that an action is complete',
    submit: 'Record the action complete',
    recorded: 'Action completed',
    offered: (finding) => finding.openActions > 0,
    inAddress: ['actionId'],
    items: ({ timeline }) => [
      {
        path: 'actionId',
        kind: 'radios',
        label: 'Which action is complete?',
        name: 'The action that is complete',
        choices: openActionsOf(timeline).map((action) => ({ value: action.actionId, text: action.description, hint: `${action.owner}; due ${dayText(action.dueDate)}` })),
      },
      OCCURRED_AT,
    ],
  },
  {
    key: 'flag-dependency',
    command: 'FlagDependency',
    dto: FlagDependencyDto,
    group: 'Delivery',
    link: 'Record that it waits on someone outside the force',
    title: 'Record that delivery waits on someone outside the force',
    submit: 'Record the dependency',
    recorded: 'Dependency recorded',
    assigns: 'dependencyId',
    context: ({ finding }) => [para(`${finding.reference} shows as blocked until the dependency is cleared.`)],
    items: () => [
      { path: 'dependsOn', kind: 'text', label: 'Who it waits on', hint: 'A national body, usually: for example, the College of Policing or the Soteria Joint Unit.', width: 'two-thirds' },
      { path: 'description', kind: 'textarea', label: 'What it waits for' },
      OCCURRED_AT,
    ],
  },
  {
    key: 'clear-dependency',
    command: 'ClearDependency',
    dto: ClearDependencyDto,
    group: 'Delivery',
    link: 'Record that a dependency is cleared',
    title: 'Record that a dependency is cleared',
    submit: 'Clear the dependency',
    recorded: 'Dependency cleared',
    offered: (finding) => finding.openDependencies.length > 0,
    inAddress: ['dependencyId'],
    items: ({ finding }) => [
      {
        path: 'dependencyId',
        kind: 'radios',
        label: 'Which dependency is cleared?',
        name: 'The dependency that is cleared',
        choices: finding.openDependencies.map((dependency) => ({ value: dependency.dependencyId, text: `Waiting on ${dependency.dependsOn}`, hint: dependency.description })),
      },
      { path: 'note', kind: 'textarea', label: 'Note (optional)', hint: 'What was delivered, and where it can be seen.' },
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
        ? [{ warning: 'No evidence has been submitted yet. Submit the evidence it was done first.' }]
        : [para(`Someone other than you will check the evidence and verify that it is done.`)],
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
      return marked !== undefined && [{ inset: [para(marked.summary), smallPara(`Marked complete by ${marked.actor.name} (${marked.actor.role}, ${marked.actor.organisation}). Someone else must verify it.`)] }];
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
    key: 'record-inspectorate-status',
    command: 'RecordInspectorateStatus',
    dto: RecordInspectorateStatusDto,
    group: 'The inspectorate',
    link: "Record the inspectorate's status",
    title: "Record the inspectorate's own status",
    submit: 'Record the status',
    recorded: "Inspectorate's status recorded",
    context: ({ finding }) =>
      [para("The inspectorate's view is recorded beside the office's, whatever the status here", finding.inspectorate !== null && join(`. The latest recorded: “${finding.inspectorate.statusText}” (`, day(finding.inspectorate.statusDate), ')'), '.')],
    items: () => [
      { path: 'statusText', kind: 'textarea', label: "The inspectorate's status, in its own words", name: "The inspectorate's status", hint: 'Exactly as the inspectorate gives it.' },
      { path: 'statusDate', kind: 'date', label: 'Date of the status' },
      { path: 'source', kind: 'text', label: 'Where it was read', hint: 'For example, the HMICFRS monitoring portal, a letter of 3 March 2025, a revisit report.' },
      {
        path: 'mappedStatus',
        kind: 'radios',
        label: 'Which of these is closest?',
        name: 'The closest status',
        hint: 'So that statuses can be counted and compared; the words above are what is kept.',
        choices: INSPECTORATE_MAPPED_STATUSES.map((status) => ({ value: status, text: INSPECTORATE_STATUS_WORDS[status] })),
      },
      OCCURRED_AT,
    ],
  },
  {
    key: 'record-inspectorate-closure',
    command: 'RecordInspectorateClosure',
    dto: RecordInspectorateClosureDto,
    group: 'The inspectorate',
    link: 'Record that the inspectorate closed it',
    title: 'Record that the inspectorate closed it',
    submit: 'Record the closure',
    recorded: "Inspectorate's closure recorded",
    items: () => [
      { path: 'outcome', kind: 'radios', label: 'How did the inspectorate end it?', name: 'How the inspectorate ended it', choices: CLOSURE_CHOICES },
      { path: 'closedOn', kind: 'date', label: 'Date closed' },
      { path: 'source', kind: 'text', label: 'Where it was read', hint: 'For example, the HMICFRS monitoring portal, or a letter of 3 March 2025.' },
      OCCURRED_AT,
    ],
  },
  {
    key: 'supersede',
    command: 'Supersede',
    dto: SupersedeDto,
    group: 'No longer needed',
    link: 'Record that it is superseded',
    title: 'Record that the recommendation is superseded',
    submit: 'Record that it is superseded',
    recorded: 'Recorded as superseded',
    context: () => [para(`Nothing more is recorded about it unless it is reopened.`)],
    items: () => [
      { path: 'supersededBy', kind: 'text', label: 'What replaces it', hint: 'For example, REC 2 of the 2025 PEEL report.' },
      { ...REASON, hint: 'Why the new finding replaces this one.' },
      onBehalfOf('none'),
      OCCURRED_AT,
    ],
  },
  {
    key: 'mark-no-longer-relevant',
    command: 'MarkNoLongerRelevant',
    dto: ReasonDto,
    group: 'No longer needed',
    link: 'Record that it is no longer relevant',
    title: 'Record that the recommendation is no longer relevant',
    submit: 'Record that it is no longer relevant',
    recorded: 'Recorded as no longer relevant',
    context: () => [para(`Nothing more is recorded about it unless it is reopened.`)],
    items: () => [{ ...REASON, hint: 'What changed, so that it no longer applies.' }, onBehalfOf('none'), OCCURRED_AT],
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
    context: () => [para(`The entry stays as it was recorded. The correction is shown beside it, with who made it and why.`)],
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
  {
    key: 'correct-date',
    command: 'CorrectEntryDate',
    dto: CorrectEntryDateDto,
    group: 'Putting the record right',
    link: 'Correct the date of an entry',
    title: 'Correct the date an entry happened',
    submit: 'Record the date correction',
    recorded: 'Date correction recorded',
    context: () => [
      para('The entry stays as it was recorded. The correction is recorded beside it, with who made it and why, and dates the entry, and what was recorded with it, from then on.'),
    ],
    items: ({ timeline }) => [
      {
        path: 'correctsEventId',
        kind: 'radios',
        label: 'Which entry has the wrong date?',
        name: 'The entry to re-date',
        choices: timeline
          .filter((entry) => entry.aggregate === 'recommendation' && !UNDATED_ENTRIES.has(entry.eventType))
          .map((entry) => ({ value: entry.eventId, text: entry.summary, hint: `Happened ${instantText(entry.occurredAt)}; recorded ${instantText(entry.recordedAt)} by ${entry.actor.name}` })),
      },
      { path: 'correctOccurredAt', kind: 'date', label: 'The date it actually happened', hint: 'For example, 10 10 2024' },
      { ...REASON, label: 'Why the recorded date was wrong', hint: 'For example, the page was imported before its response date was known.' },
    ],
  },
];

/** Entries dated by something else (the issue by its report, a correction by its own recording): the domain refuses to re-date them. */
const UNDATED_ENTRIES: ReadonlySet<string> = new Set(['FindingIssued', 'RecommendationEntryCorrected', 'RecommendationEntryDateCorrected']);

export function recommendationForm(key: string): RecommendationForm | undefined {
  return RECOMMENDATION_FORMS.find((form) => form.key === key);
}

/** Whether the page offers a form now: the status allows its command (as the domain says), and there is something to do it to. */
export function isOffered(form: RecommendationForm, finding: RegisterEntry): boolean {
  return RECOMMENDATION_ALLOWED_FROM[form.command].includes(finding.status) && (form.offered?.(finding) ?? true);
}
