import { addDays, plusMonths } from '@ledger/domain/shared/calendar-date';
import { type DatePhrase, datePhrases } from '../dates/date-phrases';
import type { RelativeDateAnchor } from '../parsed-page';
import { fold } from '../text/fold';
import { sentences } from '../text/sentences';

export interface Commitment {
  commitment: string | null;
  commitmentDate: string | null;
  dateIsDerived: boolean;
  ambiguousDate: boolean;
}

/** Words that say something will be done. */
const UNDERTAKING = /\b(?:will|shall|going to|plan(?:s|ned)? to|intend(?:s|ed)? to|commit(?:s|ted)? to|aim(?:s)? to|ensure|undertake(?:s)? to)\b/i;
/** Weaker: work under way that the paragraph offers in place of an undertaking. */
const WORK_UNDER_WAY =
  /\b(?:in development|ongoing|under way|underway|being (?:built|developed|implemented|reviewed|introduced)|currently (?:building|developing|reviewing)|(?:are|is) (?:adding|developing|building|introducing|implementing))\b/i;
type CommitmentDatePhrase = Exclude<DatePhrase, { kind: 'immediate' }>;

/** "With immediate effect" dates a finding, not a commitment. */
function commitmentDates(sentence: string): CommitmentDatePhrase[] {
  return datePhrases(fold(sentence)).filter((phrase): phrase is CommitmentDatePhrase => phrase.kind !== 'immediate');
}

/** The sentence that states what will be done: an undertaking, best one with a date; else work under way. */
function commitmentSentence(paragraph: string): string | null {
  let best: { sentence: string; score: number } | null = null;
  for (const sentence of sentences(paragraph)) {
    const folded = fold(sentence);
    const score = (UNDERTAKING.test(folded) ? 2 : 0) + (commitmentDates(sentence).length > 0 ? 1 : 0)
      + (WORK_UNDER_WAY.test(folded) ? 1 : 0);
    if (score > 0 && (!best || score > best.score)) best = { sentence, score };
  }
  return best?.sentence ?? null;
}

function counted(anchor: string, phrase: Extract<DatePhrase, { kind: 'relative' }>): string {
  switch (phrase.unit) {
    case 'day': return addDays(anchor, phrase.amount);
    case 'week': return addDays(anchor, phrase.amount * 7);
    case 'month': return plusMonths(anchor, phrase.amount);
    case 'year': return plusMonths(anchor, phrase.amount * 12);
  }
}

export interface CommitmentContext {
  /** Who is answering, for warnings ("REC 07"). */
  subject: string;
  /** Due dates of the findings the paragraph answers, for "within the required timescales". */
  dueDates: Array<string | null>;
  anchor: RelativeDateAnchor | null;
  warnings: string[];
}

const ANCHOR_NAMES: Record<RelativeDateAnchor['basis'], string> = {
  'response-date': 'the response date',
  'statutory-deadline': 'the statutory deadline',
  'publication-date': 'the publication date',
};

/**
 * The date phrase that dates the commitment: one in the commitment sentence itself, else the first
 * in a later sentence of the paragraph ("The Force expects to complete this work by Spring 2023."),
 * else the first in an earlier one. Every other phrase that does not name a day is returned too,
 * so that a person is asked to check it.
 */
function datePhrasesOf(paragraph: string, commitment: string): { chosen: CommitmentDatePhrase | undefined; fromOtherSentence: boolean; unclear: CommitmentDatePhrase[] } {
  const all = sentences(paragraph).map((sentence) => ({ sentence, phrases: commitmentDates(sentence) }));
  const at = all.findIndex(({ sentence }) => sentence === commitment);
  const ordered = at < 0 ? all : [all[at], ...all.slice(at + 1), ...all.slice(0, at)];
  const chosen = ordered.flatMap(({ phrases }) => phrases)[0];
  const fromOtherSentence = chosen !== undefined && at >= 0 && !all[at].phrases.includes(chosen);
  const unclear = all.flatMap(({ phrases }) => phrases).filter((phrase) => phrase !== chosen && (phrase.kind === 'vague' || phrase.kind === 'impossible'));
  return { chosen, fromOtherSentence, unclear };
}

/**
 * The commitment in a response paragraph and its date. A date is read from the commitment
 * sentence, or failing that from another sentence of the paragraph, and only when it names a
 * day; a relative or deferred date is computed and marked derived; a period ("by Spring 2025")
 * is flagged ambiguous and never turned into a day. Every other vague date in the paragraph is
 * flagged for a person to check.
 */
export function readCommitment(paragraph: string, context: CommitmentContext): Commitment {
  const { subject, warnings } = context;
  const commitment = commitmentSentence(paragraph);
  const none: Commitment = { commitment, commitmentDate: null, dateIsDerived: false, ambiguousDate: false };
  if (commitment === null) {
    warnings.push(`${subject}: no sentence in the response says what will be done.`);
    return none;
  }
  const { chosen, fromOtherSentence, unclear } = datePhrasesOf(paragraph, commitment);
  const dated = chosen === undefined ? none : datedCommitment(chosen, none, context);
  if (chosen !== undefined && fromOtherSentence && dated.commitmentDate !== null) {
    warnings.push(`${subject}: the commitment date "${chosen.phrase.trim()}" was read from another sentence of the paragraph than the commitment; check it.`);
  }
  for (const phrase of unclear) {
    warnings.push(`${subject}: the paragraph also gives "${phrase.phrase.trim()}", which does not name a day; check the commitment date (${dated.commitmentDate ?? 'none recorded'}).`);
  }
  return dated;
}

function datedCommitment(phrase: CommitmentDatePhrase, none: Commitment, context: CommitmentContext): Commitment {
  const { subject, warnings } = context;
  const quoted = `"${phrase.phrase.trim()}"`;
  switch (phrase.kind) {
    case 'exact':
      return { ...none, commitmentDate: phrase.date };
    case 'impossible':
      warnings.push(`${subject}: the commitment date ${quoted} is not a real date; it needs to be set by hand.`);
      return { ...none, ambiguousDate: true };
    case 'vague':
      warnings.push(`${subject}: the commitment date ${quoted} does not name a day; it needs to be set by hand.`);
      return { ...none, ambiguousDate: true };
    case 'relative': {
      if (!context.anchor) {
        warnings.push(`${subject}: ${quoted} cannot be counted: the page gives no date to count it from.`);
        return { ...none, ambiguousDate: true };
      }
      const date = counted(context.anchor.date, phrase);
      warnings.push(`${subject}: ${quoted} was counted from ${ANCHOR_NAMES[context.anchor.basis]} ` +
        `(${context.anchor.date}), giving ${date}; check it against the actual response date.`);
      return { ...none, commitmentDate: date, dateIsDerived: true };
    }
    case 'timescale': {
      const dueDates = [...new Set(context.dueDates)];
      if (dueDates.length === 1 && dueDates[0] !== null) {
        warnings.push(`${subject}: ${quoted} was taken as the inspectorate's due date, ${dueDates[0]}.`);
        return { ...none, commitmentDate: dueDates[0], dateIsDerived: true };
      }
      warnings.push(`${subject}: ${quoted} refers to the inspectorate's timescale, but the findings answered ` +
        `${dueDates.length > 1 ? 'have different due dates' : 'have no due date'}; it needs to be set by hand.`);
      return { ...none, ambiguousDate: true };
    }
  }
}
