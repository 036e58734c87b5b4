import { type FieldCheck, firstViolation, requireDate, requireOneOf, requireText } from '../shared/field-rules';
import type { RuleViolation } from '../shared/decider';
import { FINDING_TYPES, type FindingType } from './vocabulary';
import { refuseInspection } from './rules';

/** A finding as a command gives it; the optional parts default to none. */
export interface FindingInput {
  /** Assigned by the application; the finding's own stream is `recommendation-{findingId}`. */
  findingId: string;
  /** As written on the page: "REC 03", "AFI 2". */
  reference: string;
  number: number;
  findingType: FindingType;
  text: string;
  subItems?: string[];
  addressees?: string[];
  /** The inspectorate's due date ("By 31 January 2025"), if it gives one. */
  dueDate?: string | null;
  /** "With immediate effect". */
  immediate?: boolean;
  /** For a cause of concern: the references of the recommendations that come with it. */
  relatedRecommendations?: string[];
}

/** A finding as recorded: every part present. */
export interface Finding {
  findingId: string;
  reference: string;
  number: number;
  findingType: FindingType;
  text: string;
  subItems: string[];
  addressees: string[];
  dueDate: string | null;
  immediate: boolean;
  relatedRecommendations: string[];
}

/** "REC 03", "rec 3" and "REC3" are the same reference. */
export function referenceKey(reference: string): string {
  return reference.toUpperCase().replace(/\s+/g, '').replace(/\d+/g, (digits) => String(Number(digits)));
}

export function toFinding(input: FindingInput): Finding {
  return {
    findingId: input.findingId,
    reference: input.reference,
    number: input.number,
    findingType: input.findingType,
    text: input.text,
    subItems: [...(input.subItems ?? [])],
    addressees: [...(input.addressees ?? [])],
    dueDate: input.dueDate ?? null,
    immediate: input.immediate ?? false,
    relatedRecommendations: input.findingType === 'cause-of-concern' ? [...(input.relatedRecommendations ?? [])] : [],
  };
}

/** Checks one finding on its own; `at` is the field path of the finding in the command. */
export function checkFinding(input: FindingInput, at: string): FieldCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuseInspection('InvalidValue', `${at} must be a finding`, at);
  return firstViolation(
    requireText(input.findingId, `${at}.findingId`),
    requireText(input.reference, `${at}.reference`),
    Number.isInteger(input.number) && input.number > 0 ? undefined : refuseInspection('InvalidValue', `${at}.number must be a positive whole number (got ${JSON.stringify(input.number)})`, `${at}.number`),
    requireOneOf(input.findingType, FINDING_TYPES, `${at}.findingType`),
    requireText(input.text, `${at}.text`),
    checkTextList(input.subItems, `${at}.subItems`),
    checkTextList(input.addressees, `${at}.addressees`),
    input.dueDate === undefined || input.dueDate === null ? undefined : requireDate(input.dueDate, `${at}.dueDate`),
    input.immediate === undefined || typeof input.immediate === 'boolean' ? undefined : refuseInspection('InvalidValue', `${at}.immediate must be true or false`, `${at}.immediate`),
    checkTextList(input.relatedRecommendations, `${at}.relatedRecommendations`),
    input.findingType !== 'cause-of-concern' && (input.relatedRecommendations ?? []).length > 0
      ? refuseInspection('InvalidValue', `${at}.relatedRecommendations is only for a cause of concern`, `${at}.relatedRecommendations`)
      : undefined,
  );
}

function checkTextList(value: unknown, field: string): FieldCheck {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return refuseInspection('InvalidValue', `${field} must be a list of texts`, field);
  const blank = value.findIndex((item) => typeof item !== 'string' || item.trim().length === 0);
  return blank === -1 ? undefined : requireText(value[blank], `${field}[${blank}]`);
}

/**
 * Checks findings arriving together against each other and against those already recorded:
 * ids and references are unique, and every cause of concern names at least one recommendation of
 * the inspection (the design: a cause of concern always comes with recommendations).
 */
export function checkFindingSet(incoming: readonly { finding: FindingInput; at: string }[], recorded: readonly Finding[]): RuleViolation | undefined {
  const ids = new Set(recorded.map((f) => f.findingId));
  const references = new Set(recorded.map((f) => referenceKey(f.reference)));
  for (const { finding, at } of incoming) {
    if (ids.has(finding.findingId)) return refuseInspection('DuplicateFindingId', `${at}.findingId ${finding.findingId} is already used by another finding`, `${at}.findingId`);
    if (references.has(referenceKey(finding.reference))) return refuseInspection('DuplicateFindingReference', `${at}.reference ${finding.reference} is already used by another finding of this inspection`, `${at}.reference`);
    ids.add(finding.findingId);
    references.add(referenceKey(finding.reference));
  }
  const recommendations = new Set(
    [...recorded, ...incoming.map((i) => i.finding)].filter((f) => f.findingType === 'recommendation').map((f) => referenceKey(f.reference)),
  );
  for (const { finding, at } of incoming) {
    if (finding.findingType !== 'cause-of-concern') continue;
    const related = finding.relatedRecommendations ?? [];
    if (related.length === 0) {
      return refuseInspection('CauseOfConcernWithoutRecommendation', `${at} is a cause of concern: name the recommendations that come with it in relatedRecommendations`, `${at}.relatedRecommendations`);
    }
    const unknown = related.filter((reference) => !recommendations.has(referenceKey(reference)));
    if (unknown.length > 0) {
      return refuseInspection('UnknownRelatedRecommendation', `${at}.relatedRecommendations names ${unknown.join(', ')}, which is not a recommendation of this inspection`, `${at}.relatedRecommendations`);
    }
  }
  return undefined;
}
