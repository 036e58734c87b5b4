import { RECOMMENDATION_STATUSES, RECOMMENDATION_STATUS_WORDS, type FindingType, type InspectionScope, type InspectionType, type RecommendationDecision, type RecommendationStatus, type Service } from '@ledger/domain';
import type { Basis, CommitmentKind, CommitmentOutcome, DerivedRag, StatutoryState } from '@ledger/projections/read-models';
import type { Person, Represented } from '@ledger/projections/read-models/shared/envelope';
import type { RevisionOutcome } from '@ledger/projections/read-models/slippage/slippage.queries';
import { hint, join, lines, small, tag, type Colour, type Inline } from '../components/inline';
import { instant } from './format';

/** The ledger's stable codes in the words a scrutiny panel reads, and the tag colour that goes with them (never colour alone). */


const STATUS_COLOUR: Record<RecommendationStatus, Colour> = {
  Issued: 'grey',
  Accepted: 'blue',
  PartiallyAccepted: 'light-blue',
  NotAccepted: 'pink',
  NotApplicable: 'grey',
  InProgress: 'yellow',
  AwaitingVerification: 'purple',
  Verified: 'turquoise',
  Closed: 'green',
  ClosedByInspectorate: 'green',
  Superseded: 'grey',
  NoLongerRelevant: 'grey',
};

export const STATUS = Object.fromEntries(
  RECOMMENDATION_STATUSES.map((status) => [status, { text: RECOMMENDATION_STATUS_WORDS[status], colour: STATUS_COLOUR[status] }]),
) as Record<RecommendationStatus, { text: string; colour: Colour }>;

export function statusTag(status: RecommendationStatus | null, none = 'Not yet issued'): Inline {
  return status === null ? none : tag(STATUS[status].text, STATUS[status].colour);
}

const RAG: Record<DerivedRag, { text: string; colour: Colour }> = {
  red: { text: 'Red', colour: 'red' },
  amber: { text: 'Amber', colour: 'orange' },
  green: { text: 'Green', colour: 'green' },
};

export function ragTag(rag: DerivedRag | null): Inline {
  return rag === null ? hint('Not rated') : tag(RAG[rag].text, RAG[rag].colour);
}

export function ragWord(rag: DerivedRag | null): string {
  return rag === null ? 'not rated' : RAG[rag].text;
}

/** Lateness against one date (the inspectorate's due date or the force's target date): days past it, else how long is left. */
export function againstDateText(daysPast: number | null, daysUntil: number | null): Inline {
  if (daysPast !== null) return tag(`${daysPast} ${daysPast === 1 ? 'day' : 'days'} overdue`, 'red');
  if (daysUntil === 0) return 'Due today';
  if (daysUntil !== null) return `Due in ${daysUntil} ${daysUntil === 1 ? 'day' : 'days'}`;
  return 'Not overdue';
}

const OUTCOME: Record<CommitmentOutcome, { text: string; colour: Colour }> = {
  kept: { text: 'Kept', colour: 'green' },
  missed: { text: 'Missed', colour: 'red' },
  open: { text: 'Open', colour: 'blue' },
  revised: { text: 'Date revised', colour: 'yellow' },
  withdrawn: { text: 'Withdrawn', colour: 'grey' },
};

export function outcomeTag(outcome: CommitmentOutcome): Inline {
  return tag(OUTCOME[outcome].text, OUTCOME[outcome].colour);
}

export const OUTCOME_TEXT = Object.fromEntries(Object.entries(OUTCOME).map(([key, value]) => [key, value.text])) as Record<CommitmentOutcome, string>;

export const COMMITMENT_KIND: Record<CommitmentKind, string> = {
  decision: 'Decision',
  'revised-date': 'Approved new target date',
  action: 'Action',
};

const STATUTORY: Record<StatutoryState, { text: string; colour: Colour }> = {
  due: { text: 'Due', colour: 'blue' },
  overdue: { text: 'Overdue', colour: 'red' },
  'published-on-time': { text: 'Published on time', colour: 'green' },
  'published-late': { text: 'Published late', colour: 'orange' },
};

export function statutoryTag(state: StatutoryState): Inline {
  return tag(STATUTORY[state].text, STATUTORY[state].colour);
}

export const STATUTORY_TEXT = Object.fromEntries(Object.entries(STATUTORY).map(([key, value]) => [key, value.text])) as Record<StatutoryState, string>;

const REVISION: Record<RevisionOutcome, { text: string; colour: Colour }> = {
  pending: { text: 'Awaiting decision', colour: 'yellow' },
  approved: { text: 'Approved', colour: 'green' },
  refused: { text: 'Refused', colour: 'red' },
};

export function revisionTag(outcome: RevisionOutcome): Inline {
  return tag(REVISION[outcome].text, REVISION[outcome].colour);
}

export function challengeTag(challenge: { status: 'open' | 'closed'; answerOverdue: boolean; daysOverdue: number | null; answers: readonly unknown[] }): Inline {
  if (challenge.status === 'closed') return tag('Closed', 'green');
  if (challenge.answerOverdue) return tag(`Answer ${challenge.daysOverdue ?? 0} ${challenge.daysOverdue === 1 ? 'day' : 'days'} overdue`, 'red');
  return challenge.answers.length > 0 ? tag('Answered', 'blue') : tag('Awaiting answer', 'yellow');
}

export const FINDING_TYPE: Record<FindingType, string> = {
  recommendation: 'Recommendation',
  'area-for-improvement': 'Area for improvement',
  'cause-of-concern': 'Cause of concern',
};

export const INSPECTION_TYPE: Record<InspectionType, string> = {
  peel: 'PEEL',
  'national-thematic': 'National thematic',
  'joint-criminal-justice': 'Joint criminal justice',
  custody: 'Custody',
  'child-protection': 'Child protection',
  'super-complaint': 'Super-complaint',
  commissioned: 'Commissioned',
  'fire-and-rescue-assessment': 'Fire and rescue assessment',
  'fire-thematic': 'Fire thematic',
  'state-of-policing': 'State of Policing',
  'state-of-fire': 'State of Fire and Rescue',
  other: 'Other',
};

export const SCOPE: Record<InspectionScope, string> = {
  'force-specific': 'This force or service only',
  'several-forces': 'Several forces or services',
  'all-forces': 'All forces or services',
  national: 'National',
};

export const SERVICE: Record<Service, string> = { police: 'Police', fire: 'Fire and rescue' };

export const DECISION: Record<RecommendationDecision, string> = {
  accepted: 'Accepted',
  'partially-accepted': 'Partially accepted',
  rejected: 'Not accepted',
};

/** "Name, role, organisation". */
export function personText(person: Person | Represented): string {
  return [person.name, person.role, person.organisation].filter((part) => part.length > 0).join(', ');
}

/** "Name, role, organisation on behalf of Name, role, organisation" (or names only, where space is short): who recorded it, and for whom, in a line of text. */
export function byText(actor: Person, onBehalfOf: Represented | null, named: (person: Person | Represented) => string = personText): string {
  return onBehalfOf === null ? named(actor) : `${named(actor)} on behalf of ${named(onBehalfOf)}`;
}

export const nameOf = (person: Person | Represented): string => person.name;

/** Who recorded it and, when they typed in someone else's statement, for whom. */
export function whoText(actor: Person, onBehalfOf: Represented | null): Inline {
  return lines(personText(actor), onBehalfOf && small(`on behalf of ${personText(onBehalfOf)}`));
}

/** The two views of history, as the pages name them. */
export const BASIS_TEXT: Record<Basis, string> = {
  occurred: 'As it stood: by the date things happened, using everything recorded to date',
  recorded: 'As the ledger showed it: by the date entries were recorded',
};

/** What a page says of the view it shows: which one, and that it is the default. */
export function basisStatement(basis: Basis, isDefault: boolean): string {
  return `Shown ${BASIS_TEXT[basis].charAt(0).toLowerCase()}${BASIS_TEXT[basis].slice(1)}${isDefault ? ' (the default)' : ''}.`;
}

/** When an entry was recorded (beside when it happened), flagged when long after it. */
export function recordedText(entry: { recordedAt: string; recordedLate: boolean; recordedAfterDays: number }): Inline {
  return lines(small(join('Recorded ', instant(entry.recordedAt))), recordedLateText(entry));
}

/** Flags an entry recorded long after it happened. */
export function recordedLateText(entry: { recordedLate: boolean; recordedAfterDays: number }): Inline {
  return entry.recordedLate && tag(`Recorded ${entry.recordedAfterDays} days after it happened`, 'yellow');
}
