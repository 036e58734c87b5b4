import {
  compareDates,
  inspectionTypeFromText,
  isCalendarDate,
  type FindingInput,
  type InspectionScope,
  type InspectionType,
  type OnBehalfOf,
  type PublishActionPlan,
  type PublishStatutoryResponse,
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
  | { aggregate: 'statutory-response'; command: RecordCommissionerComments | RecordChiefOfficerComments | PublishStatutoryResponse | PublishActionPlan }
  | { aggregate: 'recommendation'; command: RecommendationCommandOf<'AcceptRecommendation'> };

export type PlannedStep = PlannedCommand & {
  commandId: string;
  onBehalfOf?: OnBehalfOf;
  /**
   * When it happened, as a London day: the report's publication for the registration, the
   * response date for everything the response says. Never the day of the import.
   */
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
  /** given: by the person importing; page: the page dates its response; the others are stand-ins, warned about. */
  basis: 'given' | 'page' | 'statutory-deadline' | 'publication-date' | 'today';
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
  /**
   * Planned completion dates the office corrected before recording, by the response's place in
   * `responses` (0-based): they replace a date derived from a vague phrase, or give one the
   * response left ambiguous.
   */
  plannedCompletionDates?: Readonly<Record<number, string>>;
  /** Where the page itself is published, when known: recorded with the response's publication. */
  pageUrl?: string;
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
  const pageDate = parsed.page.responseDate;
  const given = dateProblem === undefined ? options.responseDate : undefined;
  const blockers = [
    ...(dateProblem === undefined ? [] : [dateProblem]),
    ...(title === null ? ['The page gives no inspection title: an inspection cannot be registered without one.'] : []),
    ...(publishedOn === null ? ['The page gives no readable publication date: an inspection cannot be registered without one.'] : []),
    ...(given !== undefined && publishedOn !== null && compareDates(given, publishedOn) < 0
      ? [`The response date ${given} is before the report was published (${publishedOn}).`]
      : []),
    ...(given !== undefined && pageDate !== null && given !== pageDate
      ? [`The response date given (${given}) contradicts the one the page states (${pageDate}): give the page's date, or none.`]
      : []),
    ...(given === undefined && pageDate !== null && publishedOn !== null && compareDates(pageDate, publishedOn) < 0
      ? [`The page dates its response ${pageDate}, before the report was published (${publishedOn}).`]
      : []),
    ...(given === undefined && pageDate !== null && compareDates(pageDate, options.today) > 0 ? [`The page dates its response ${pageDate}, later than today (${options.today}).`] : []),
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
  const responses = responsesOf(parsed, findings);

  const steps: PlannedStep[] = [registration(parsed, inspectionId, title, publishedOn, findingInputs, options.today)];
  const hasStatements = parsed.page.commissionerComments !== null || parsed.page.chiefOfficerStatement !== null;
  const hasResponse = hasStatements || responses.length > 0;
  if (hasResponse) warnings.push(responseDateNote(responseDate));
  if (hasResponse && parsed.inspection.service === 'fire') {
    warnings.push(
      'A fire report is answered with an action plan under the Fire and Rescue National Framework, not with the police response under the Police Act 1996 s.55: the statements are recorded with the action plan, and there is no statutory 56-day clock.',
    );
  }
  if (hasResponse && lateResponse(parsed, responseDate)) {
    warnings.push(`The response is dated ${responseDate.date}, after the statutory deadline (${parsed.inspection.statutoryDeadline}): it is recorded as late.`);
  }
  steps.push(...comments(parsed, inspectionId, responseDate.date, chiefOfficer.onBehalfOf));
  if (responses.length > 0 && !chiefOfficer.organisationFound) {
    warnings.push(`The response does not name the ${chiefOfficer.onBehalfOf.role}'s organisation: the commitments are attributed to "${chiefOfficer.onBehalfOf.organisation}".`);
  }
  steps.push(...acceptances(inspectionId, responses, chiefOfficer.onBehalfOf, responseDate.date, options.plannedCompletionDates ?? {}, warnings));
  if (hasStatements) steps.push(...publication(parsed, findings, inspectionId, responseDate, options.pageUrl, warnings));
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

/** The report was issued, with its findings, on the day it was published (unless that is still to come). */
function registration(parsed: ParsedPage, inspectionId: string, title: string, publishedOn: string, findings: FindingInput[], today: string): PlannedStep {
  const inspectionType = inspectionTypeFromText(parsed.inspection.type ?? '');
  const references = findings.map((f) => f.reference).join(', ');
  return {
    aggregate: 'inspection',
    commandId: importCommandId(inspectionId, 'RegisterInspection'),
    ...(compareDates(publishedOn, today) <= 0 ? { occurredAt: publishedOn } : {}),
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
  if (parsed.page.responseDate !== null) return { date: parsed.page.responseDate, basis: 'page' };
  const anchor = parsed.page.relativeDateAnchor;
  if (anchor === null || anchor.basis === 'response-date' || compareDates(anchor.date, options.today) > 0) return { date: options.today, basis: 'today' };
  return { date: anchor.date, basis: anchor.basis };
}

function responseDateNote(responseDate: ResponseDate): string {
  const basis = {
    given: 'as given',
    page: 'as the page states',
    'statutory-deadline': 'the statutory deadline, since the page does not date its response',
    'publication-date': 'the publication date, since the page does not date its response',
    today: 'today, since the page does not date its response',
  }[responseDate.basis];
  const advice = isKnown(responseDate) ? '' : ' Give the response date to record the actual one.';
  return `The response is recorded as made on ${responseDate.date} (${basis}).${advice}`;
}

function isKnown(responseDate: ResponseDate): boolean {
  return responseDate.basis === 'given' || responseDate.basis === 'page';
}

function lateResponse(parsed: ParsedPage, responseDate: ResponseDate): boolean {
  const deadline = parsed.inspection.statutoryDeadline;
  return isKnown(responseDate) && deadline !== null && compareDates(responseDate.date, deadline) > 0;
}

/** Police statements answer the report under s.55; fire statements go with the action plan. */
function comments(parsed: ParsedPage, inspectionId: string, date: string, chiefOfficer: OnBehalfOf): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const { commissionerComments, chiefOfficerStatement } = parsed.page;
  const regime = parsed.inspection.service === 'fire' ? ', with the action plan' : '';
  if (commissionerComments !== null) {
    steps.push({
      aggregate: 'statutory-response',
      commandId: importCommandId(inspectionId, 'RecordCommissionerComments'),
      command: { type: 'RecordCommissionerComments', inspectionId, madeOn: date, comments: commissionerComments },
      occurredAt: date,
      summary: `Record the commissioner's comments (${paragraphs(commissionerComments)})${regime}, made on ${date}.`,
    });
  }
  if (chiefOfficerStatement !== null) {
    steps.push({
      aggregate: 'statutory-response',
      commandId: importCommandId(inspectionId, 'RecordChiefOfficerComments'),
      command: { type: 'RecordChiefOfficerComments', inspectionId, receivedOn: date, comments: chiefOfficerStatement },
      onBehalfOf: chiefOfficer,
      occurredAt: date,
      summary: `Record the ${chiefOfficer.role}'s ${regime ? 'statement' : 'comments'} (${paragraphs(chiefOfficerStatement)})${regime}, received on ${date}, on behalf of the ${chiefOfficer.role}, ${chiefOfficer.organisation}.`,
    });
  }
  return steps;
}

/**
 * The page is the published response (police) or action plan (fire): it was published on the
 * response date, when that is known. Publication needs a decision on every finding that must be
 * answered, so a page that leaves one unanswered is not recorded as published.
 */
function publication(parsed: ParsedPage, findings: PlannedFinding[], inspectionId: string, responseDate: ResponseDate, pageUrl: string | undefined, warnings: string[]): PlannedStep[] {
  const fire = parsed.inspection.service === 'fire';
  const what = fire ? 'action plan' : 'statutory response';
  if (!isKnown(responseDate)) {
    warnings.push(`The page is the published ${what}, but it does not say when it was published: give the response date to record its publication${fire ? '' : ' (and whether it was on time)'}.`);
    return [];
  }
  const unanswered = findings.filter((f) => f.parsed.findingType !== 'area-for-improvement' && parsed.unaddressed.includes(f.parsed.number)).map((f) => f.reference);
  if (unanswered.length > 0) {
    warnings.push(`The ${what} is not recorded as published: it does not answer ${unanswered.join(', ')}, and each needs a decision first. Record them, then its publication on ${responseDate.date}.`);
    return [];
  }
  const date = responseDate.date;
  const url = pageUrl ?? null;
  if (url === null) warnings.push(`The ${what}'s web address was not given: its publication is recorded without one.`);
  const deadline = parsed.inspection.statutoryDeadline;
  const timing = deadline === null ? '' : compareDates(date, deadline) <= 0 ? `, on time (due by ${deadline})` : `, late (due by ${deadline})`;
  const command: PublishStatutoryResponse | PublishActionPlan = fire
    ? { type: 'PublishActionPlan', inspectionId, publishedOn: date, url }
    : { type: 'PublishStatutoryResponse', inspectionId, publishedOn: date, url };
  return [
    {
      aggregate: 'statutory-response',
      commandId: importCommandId(inspectionId, command.type),
      command,
      occurredAt: date,
      summary: `Record the ${what} as published on ${date}${timing}${url === null ? '' : ` at ${url}`}: this page.`,
    },
  ];
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
function acceptances(
  inspectionId: string,
  responses: PlannedResponse[],
  chiefOfficer: OnBehalfOf,
  occurredAt: string,
  corrected: Readonly<Record<number, string>>,
  warnings: string[],
): PlannedStep[] {
  const accepted = new Set<string>();
  const steps: PlannedStep[] = [];
  for (const [index, { parsed, answers }] of responses.entries()) {
    const correctedDate = corrected[index];
    const commitment = parsed.commitment ?? parsed.text;
    for (const { findingId, reference } of answers) {
      if (accepted.has(findingId)) {
        warnings.push(`${reference} is answered by more than one paragraph: only the first paragraph's commitment is recorded.`);
        continue;
      }
      accepted.add(findingId);
      if (parsed.commitment === null) warnings.push(`${reference}: no sentence of its paragraph states a commitment, so the whole paragraph is recorded as the commitment.`);
      const plannedCompletionDate = correctedDate ?? (parsed.ambiguousDate ? null : parsed.commitmentDate);
      steps.push({
        aggregate: 'recommendation',
        commandId: importCommandId(inspectionId, 'AcceptRecommendation', findingId),
        command: { type: 'AcceptRecommendation', recommendationId: findingId, commitment, plannedCompletionDate },
        onBehalfOf: chiefOfficer,
        occurredAt,
        summary: `Accept ${reference} on behalf of the ${chiefOfficer.role} on ${occurredAt}, ${correctedDate === undefined ? plannedDateWords(parsed) : `planned completion ${correctedDate} (corrected before recording)`}.`,
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
