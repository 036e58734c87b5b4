import {
  compareDates,
  inspectionTypeFromText,
  isCalendarDate,
  type FindingInput,
  type InspectionScope,
  type InspectionType,
  type OnBehalfOf,
  type RecommendationCommandOf,
  type RecordChiefOfficerComments,
  type RecordCommissionerComments,
  type RegisterInspection,
} from '@ledger/domain';
import { parsePublishedPage, type FindingType, type ParsedFinding, type ParsedPage, type ParsedResponse } from '@ledger/page-import';
import { chiefOfficerOf } from './chief-officer';
import { findingIdFor, importCommandId, inspectionIdFor } from './page-import-ids';

/** One command the import will send, with what the envelope needs beyond the actor and source. */
export type PlannedCommand =
  | { aggregate: 'inspection'; command: RegisterInspection }
  | { aggregate: 'statutory-response'; command: RecordCommissionerComments | RecordChiefOfficerComments }
  | { aggregate: 'recommendation'; command: RecommendationCommandOf<'AcceptRecommendation'> };

export type PlannedStep = PlannedCommand & {
  commandId: string;
  onBehalfOf?: OnBehalfOf;
  /** Business time, when the page's response date is known; otherwise the time of recording. */
  occurredAt?: string;
  /** What the step records, in a sentence, for the people checking the import. */
  summary: string;
};

export interface PlannedFinding {
  findingId: string;
  reference: string;
  parsed: ParsedFinding;
}

export interface PlannedResponse {
  parsed: ParsedResponse;
  /** The findings this paragraph answers, as they will be recorded. */
  answers: { findingId: string; reference: string }[];
}

/** The date the response was made, as used for the comments, and where it came from. */
export interface ResponseDate {
  date: string;
  basis: 'given' | 'statutory-deadline' | 'publication-date' | 'today';
}

export interface PageImportPlan {
  /** Null only when the page cannot be recorded (see `blockers`). */
  inspectionId: string | null;
  parsed: ParsedPage;
  findings: PlannedFinding[];
  responses: PlannedResponse[];
  responseDate: ResponseDate | null;
  /** In the order they are sent: the inspection first, so that its findings exist when answered. */
  steps: PlannedStep[];
  /** Why the page cannot be recorded at all; when there are any, `steps` is empty. */
  blockers: string[];
  /** The parser's warnings, then the choices the import made that a person should check. */
  warnings: string[];
}

export interface PlanOptions {
  /** Auto-detected when absent. */
  format?: 'html' | 'text';
  /** YYYY-MM-DD the response was made, when the person importing knows it: relative commitments count from it too. */
  responseDate?: string;
  /** Today in Europe/London: a date taken for the response is never later. */
  today: string;
}

const REFERENCE_PREFIX: Record<FindingType, string> = {
  recommendation: 'REC',
  'area-for-improvement': 'AFI',
  'cause-of-concern': 'Cause of concern',
};

/**
 * Reads a published page and works out the commands that record it, without sending any: the
 * same plan is shown as a preview and then carried out. Every text is the page's own, verbatim.
 */
export function planPageImport(input: string, options: PlanOptions): PageImportPlan {
  const dateProblem = responseDateProblem(options.responseDate, options.today);
  const parsed = parsePublishedPage(input, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.responseDate !== undefined && dateProblem === undefined ? { responseDate: options.responseDate } : {}),
  });
  const { title, publishedOn } = parsed.inspection;
  const blockers = [
    ...(dateProblem === undefined ? [] : [dateProblem]),
    ...(title === null ? ['The page gives no inspection title: an inspection cannot be registered without one.'] : []),
    ...(publishedOn === null ? ['The page gives no readable publication date: an inspection cannot be registered without one.'] : []),
    ...(options.responseDate !== undefined && dateProblem === undefined && publishedOn !== null && compareDates(options.responseDate, publishedOn) < 0
      ? [`The response date ${options.responseDate} is before the report was published (${publishedOn}).`]
      : []),
  ];
  if (title === null || publishedOn === null || blockers.length > 0) {
    return { inspectionId: null, parsed, findings: [], responses: [], responseDate: null, steps: [], blockers, warnings: [...parsed.warnings] };
  }

  const inspectionId = inspectionIdFor(title, publishedOn);
  const warnings = [...parsed.warnings];
  const findings = parsed.findings.map((finding) => planFinding(inspectionId, finding, warnings));
  const findingInputs = findingInputsOf(findings, warnings, blockers);
  if (blockers.length > 0) {
    return { inspectionId: null, parsed, findings, responses: [], responseDate: null, steps: [], blockers, warnings };
  }

  const chiefOfficer = chiefOfficerOf(parsed);
  const responseDate = responseDateOf(parsed, options);
  const occurredAt = responseDate.basis === 'given' ? businessTime(responseDate.date, options.today) : undefined;
  const responses = responsesOf(parsed, findings);

  const steps: PlannedStep[] = [registration(parsed, inspectionId, title, publishedOn, findingInputs)];
  const hasResponse = parsed.page.commissionerComments !== null || parsed.page.chiefOfficerStatement !== null || responses.length > 0;
  if (hasResponse) warnings.push(responseDateNote(responseDate));
  if (parsed.inspection.service === 'police') {
    steps.push(...comments(parsed, inspectionId, responseDate.date, chiefOfficer.onBehalfOf, occurredAt));
  } else if (parsed.page.commissionerComments !== null || parsed.page.chiefOfficerStatement !== null) {
    warnings.push(
      "A fire report is answered with a published action plan, not with statutory comments: the commissioner's and the chief fire officer's statements are not recorded as comments; the commitments are recorded with each recommendation.",
    );
  }
  if (responses.length > 0 && !chiefOfficer.organisationFound) {
    warnings.push(`The response does not name the ${chiefOfficer.onBehalfOf.role}'s organisation: the commitments are attributed to "${chiefOfficer.onBehalfOf.organisation}".`);
  }
  steps.push(...acceptances(inspectionId, responses, chiefOfficer.onBehalfOf, occurredAt, warnings));
  return { inspectionId, parsed, findings, responses, responseDate, steps, blockers, warnings };
}

/** A response date must be a real calendar date, and not one still to come. */
export function responseDateProblem(date: string | undefined, today: string): string | undefined {
  if (date === undefined) return undefined;
  if (!isCalendarDate(date)) return `The response date "${date}" is not a real date written YYYY-MM-DD.`;
  if (compareDates(date, today) > 0) return `The response date ${date} is later than today (${today}).`;
  return undefined;
}

function planFinding(inspectionId: string, finding: ParsedFinding, warnings: string[]): PlannedFinding {
  const reference = finding.reference ?? `${REFERENCE_PREFIX[finding.findingType]} ${finding.number}`;
  if (finding.reference === null) warnings.push(`Finding ${finding.number} (${finding.findingType}) has no reference on the page: it is recorded as "${reference}".`);
  return { findingId: findingIdFor(inspectionId, finding.findingType, finding.number), reference, parsed: finding };
}

function findingInputsOf(findings: PlannedFinding[], warnings: string[], blockers: string[]): FindingInput[] {
  const recommendations = findings.filter((f) => f.parsed.findingType === 'recommendation');
  return findings.map(({ findingId, reference, parsed }) => {
    const input: FindingInput = {
      findingId,
      reference,
      number: parsed.number,
      findingType: parsed.findingType,
      text: parsed.text,
      subItems: [...parsed.subItems],
      dueDate: parsed.dueDate,
      immediate: parsed.immediate,
    };
    if (parsed.findingType !== 'cause-of-concern') return input;
    const related = recommendationsOfConcern(parsed, recommendations);
    if (related.length === 0) {
      blockers.push(`${reference} is a cause of concern, but the page has no recommendation to go with it.`);
      return input;
    }
    warnings.push(`${reference} is recorded as coming with ${related.map((r) => r.reference).join(', ')}; the page does not say so explicitly, so check it.`);
    return { ...input, relatedRecommendations: related.map((r) => r.reference) };
  });
}

/** The recommendations that refer to this cause of concern by number, else to a cause of concern at all, else all of them. */
function recommendationsOfConcern(concern: ParsedFinding, recommendations: PlannedFinding[]): PlannedFinding[] {
  const byNumber = recommendations.filter((r) => new RegExp(`cause of concern\\s+${concern.number}\\b`, 'i').test(r.parsed.text));
  if (byNumber.length > 0) return byNumber;
  const mentioning = recommendations.filter((r) => /cause of concern/i.test(r.parsed.text));
  return mentioning.length > 0 ? mentioning : recommendations;
}

function registration(parsed: ParsedPage, inspectionId: string, title: string, publishedOn: string, findings: FindingInput[]): PlannedStep {
  const inspectionType = inspectionTypeFromText(parsed.inspection.type ?? '');
  const references = findings.map((f) => f.reference).join(', ');
  return {
    aggregate: 'inspection',
    commandId: importCommandId(inspectionId, 'RegisterInspection'),
    command: {
      type: 'RegisterInspection',
      inspectionId,
      title,
      hmicfrsReference: null,
      inspectionType,
      typeAsWritten: parsed.inspection.type,
      scope: scopeOf(inspectionType),
      service: parsed.inspection.service,
      publishedOn,
      reportUrl: null,
      // The parser keeps only text structure (p, lists, emphasis, links): it is sanitised already.
      keyFindingsHtml: parsed.page.keyFindingsHtml ?? '',
      findings,
    },
    summary: `Register the ${parsed.inspection.service} inspection "${title}", published ${publishedOn}, type ${inspectionType}${parsed.inspection.type ? ` ("${parsed.inspection.type}" as written)` : ''}, with ${findings.length} finding${findings.length === 1 ? '' : 's'}${references ? `: ${references}` : ''}.`,
  };
}

/** National and thematic reports are about every force; the others about the force inspected. */
function scopeOf(type: InspectionType): InspectionScope {
  switch (type) {
    case 'national-thematic':
    case 'fire-thematic':
    case 'state-of-policing':
    case 'state-of-fire':
    case 'super-complaint':
    case 'joint-criminal-justice':
      return 'national';
    default:
      return 'force-specific';
  }
}

/** The page rarely dates its response: the parser's anchor for relative dates stands in, never later than today. */
function responseDateOf(parsed: ParsedPage, options: PlanOptions): ResponseDate {
  if (options.responseDate !== undefined) return { date: options.responseDate, basis: 'given' };
  const anchor = parsed.page.relativeDateAnchor;
  if (anchor === null || anchor.basis === 'response-date' || compareDates(anchor.date, options.today) > 0) return { date: options.today, basis: 'today' };
  return { date: anchor.date, basis: anchor.basis };
}

function responseDateNote(responseDate: ResponseDate): string {
  const basis = {
    given: 'as given',
    'statutory-deadline': 'the statutory deadline, since the page does not date its response',
    'publication-date': 'the publication date, since the page does not date its response',
    today: 'today, since the page does not date its response',
  }[responseDate.basis];
  const advice = responseDate.basis === 'given' ? '' : ' Give the response date to record the actual one.';
  return `The response is recorded as made on ${responseDate.date} (${basis}).${advice}`;
}

/** Noon UTC falls on the same Europe/London date all year; today's date is left to the time of recording. */
function businessTime(date: string, today: string): string | undefined {
  return date === today ? undefined : `${date}T12:00:00Z`;
}

function comments(parsed: ParsedPage, inspectionId: string, date: string, chiefOfficer: OnBehalfOf, occurredAt: string | undefined): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const { commissionerComments, chiefOfficerStatement } = parsed.page;
  if (commissionerComments !== null) {
    steps.push({
      aggregate: 'statutory-response',
      commandId: importCommandId(inspectionId, 'RecordCommissionerComments'),
      command: { type: 'RecordCommissionerComments', inspectionId, madeOn: date, comments: commissionerComments },
      ...(occurredAt ? { occurredAt } : {}),
      summary: `Record the commissioner's comments (${paragraphs(commissionerComments)}), made on ${date}.`,
    });
  }
  if (chiefOfficerStatement !== null) {
    steps.push({
      aggregate: 'statutory-response',
      commandId: importCommandId(inspectionId, 'RecordChiefOfficerComments'),
      command: { type: 'RecordChiefOfficerComments', inspectionId, receivedOn: date, comments: chiefOfficerStatement },
      onBehalfOf: chiefOfficer,
      ...(occurredAt ? { occurredAt } : {}),
      summary: `Record the ${chiefOfficer.role}'s comments (${paragraphs(chiefOfficerStatement)}), received on ${date}, on behalf of the ${chiefOfficer.role}, ${chiefOfficer.organisation}.`,
    });
  }
  return steps;
}

function paragraphs(text: string): string {
  const count = text.split(/\n\s*\n/).filter((p) => p.trim() !== '').length;
  return `${count} paragraph${count === 1 ? '' : 's'}`;
}

function responsesOf(parsed: ParsedPage, findings: PlannedFinding[]): PlannedResponse[] {
  return parsed.responses.map((response, i) => ({
    parsed: response,
    answers: (parsed.page.answeredFindings[i] ?? []).flatMap((key) => {
      const finding = findings.find((f) => f.parsed.findingType === key.findingType && f.parsed.number === key.number);
      return finding ? [{ findingId: finding.findingId, reference: finding.reference }] : [];
    }),
  }));
}

/** Each answered finding is accepted once, with the commitment of the first paragraph that answers it. */
function acceptances(inspectionId: string, responses: PlannedResponse[], chiefOfficer: OnBehalfOf, occurredAt: string | undefined, warnings: string[]): PlannedStep[] {
  const accepted = new Set<string>();
  const steps: PlannedStep[] = [];
  for (const { parsed, answers } of responses) {
    const commitment = parsed.commitment ?? parsed.text;
    for (const { findingId, reference } of answers) {
      if (accepted.has(findingId)) {
        warnings.push(`${reference} is answered by more than one paragraph: only the first paragraph's commitment is recorded.`);
        continue;
      }
      accepted.add(findingId);
      if (parsed.commitment === null) warnings.push(`${reference}: no sentence of its paragraph states a commitment, so the whole paragraph is recorded as the commitment.`);
      const plannedCompletionDate = parsed.ambiguousDate ? null : parsed.commitmentDate;
      steps.push({
        aggregate: 'recommendation',
        commandId: importCommandId(inspectionId, 'AcceptRecommendation', findingId),
        command: { type: 'AcceptRecommendation', recommendationId: findingId, commitment, plannedCompletionDate },
        onBehalfOf: chiefOfficer,
        ...(occurredAt ? { occurredAt } : {}),
        summary: `Accept ${reference} on behalf of the ${chiefOfficer.role}, ${plannedDateWords(parsed)}.`,
      });
    }
  }
  return steps;
}

function plannedDateWords(response: ParsedResponse): string {
  if (response.ambiguousDate) return 'with no planned completion date: the date the response gives does not name a day, so it must be set by hand';
  if (response.commitmentDate === null) return 'with no planned completion date (the response states none)';
  return `planned completion ${response.commitmentDate}${response.dateIsDerived ? ' (derived, not stated as a date: check it)' : ''}`;
}
