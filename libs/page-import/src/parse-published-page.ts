import { addDays, isCalendarDate } from '@ledger/domain/shared/calendar-date';
import { readWrittenDate } from './dates/written-dates';
import type { Block } from './input/block';
import { detectFormat } from './input/detect-format';
import { htmlToBlocks } from './input/html-to-blocks';
import { textToBlocks } from './input/text-to-blocks';
import { describeFinding, readFindings } from './page/findings';
import { keyFindingsHtml } from './page/key-findings-html';
import { splitPageSections } from './page/page-sections';
import { readResponse, type ResponseParts } from './page/response';
import { readService } from './page/service';
import type { ParsedFinding, ParsedInspection, ParsedPage, ParseOptions, RelativeDateAnchor, Service } from './parsed-page';
import { clean } from './text/fold';

/** Police Act 1996 s.55: 56 days beginning with the day of publication, so the last is day 1 + 55. */
const STATUTORY_DAYS_AFTER_PUBLICATION = 55;

function readPublishedOn(written: string | undefined, warnings: string[]): string | null {
  if (written === undefined) {
    warnings.push('No publication date was found on the page.');
    return null;
  }
  const read = readWrittenDate(clean(written));
  if ('date' in read) return read.date;
  warnings.push(read.problem === 'does-not-exist'
    ? `The publication date "${clean(written)}" is not a real date.`
    : `The publication date "${clean(written)}" could not be read as a date.`);
  return null;
}

function readResponseDate(written: string | undefined, warnings: string[]): string | null {
  if (written === undefined) return null;
  const read = readWrittenDate(clean(written));
  if ('date' in read) return read.date;
  warnings.push(`The response date "${clean(written)}" on the page could not be read as a date; it was not used.`);
  return null;
}

/**
 * The page rarely says when the response was made. Relative commitments ("within one month") are
 * counted from the date the caller gives; failing that, for police from the statutory deadline,
 * the day by which the response must be published, and for fire (no statutory clock) from the
 * publication date. Every derived date is marked and warned about so the office can check it.
 */
function relativeDateAnchor(
  inspection: ParsedInspection,
  responseDate: string | undefined,
  warnings: string[],
): RelativeDateAnchor | null {
  if (responseDate !== undefined) {
    if (isCalendarDate(responseDate)) return { date: responseDate, basis: 'response-date' };
    warnings.push(`The response date "${responseDate}" given with the page is not a YYYY-MM-DD calendar date; it was not used.`);
  }
  if (inspection.statutoryDeadline) return { date: inspection.statutoryDeadline, basis: 'statutory-deadline' };
  if (inspection.publishedOn) return { date: inspection.publishedOn, basis: 'publication-date' };
  return null;
}

function emptyResult(format: 'html' | 'text', warning: string): ParsedPage {
  return {
    inspection: { title: null, publishedOn: null, type: null, service: 'police', statutoryDeadline: null },
    findings: [],
    responses: [],
    unaddressed: [],
    warnings: [warning],
    page: { format, keyFindingsHtml: null, commissionerComments: null, chiefOfficerStatement: null, relativeDateAnchor: null, responseDate: null, answeredFindings: [] },
  };
}

function blocksOf(input: string, format: 'html' | 'text'): Block[] {
  return format === 'html' ? htmlToBlocks(input) : textToBlocks(input);
}

/**
 * Reads a published inspection and response page (HTML or plain text) into what the ledger
 * would record. It never throws on the page's content: whatever is missing or unreadable is
 * reported in `warnings`.
 */
export function parsePublishedPage(input: string, options: ParseOptions = {}): ParsedPage {
  if (typeof input !== 'string') throw new TypeError('parsePublishedPage: input must be the page as a string.');
  if (options.format !== undefined && options.format !== 'html' && options.format !== 'text') {
    throw new TypeError(`parsePublishedPage: format must be 'html' or 'text', not ${JSON.stringify(options.format)}.`);
  }
  const normalised = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = options.format ?? detectFormat(normalised);
  if (normalised.trim() === '') return emptyResult(format, 'The page is empty: there is nothing to import.');

  const warnings: string[] = [];
  const blocks = blocksOf(normalised, format);
  if (blocks.length === 0) return emptyResult(format, 'The page has no text: there is nothing to import.');
  const sections = splitPageSections(blocks, warnings);

  if (sections.header.title === undefined) warnings.push('No inspection title was found on the page.');
  const publishedOn = readPublishedOn(sections.header.publishedOn, warnings);
  if (sections.header.type === undefined) warnings.push('No inspection type was found on the page.');
  const keyFindings = sections.keyFindings ? keyFindingsHtml(sections.keyFindings) : null;
  if (keyFindings === null) warnings.push('No key findings were found on the page.');

  let findings: ParsedFinding[] = [];
  if (sections.findings === null) warnings.push('No findings section (recommendations, areas for improvement or causes of concern) was found on the page.');
  else findings = readFindings(sections.findings, warnings);
  if (sections.findings !== null && findings.length === 0) warnings.push('The findings section lists no findings.');

  const service: Service = readService({
    serviceField: sections.header.service,
    typeAndTitle: `${sections.header.type ?? ''} ${sections.header.title ?? ''}`,
    findings: findings.map((finding) => [finding.text, ...finding.subItems].join(' ')).join(' '),
    response: (sections.response ?? []).map((block) => block.text).join(' '),
  }, warnings);
  const statutoryDeadline = service === 'police' && publishedOn ? addDays(publishedOn, STATUTORY_DAYS_AFTER_PUBLICATION) : null;
  const inspection: ParsedInspection = {
    title: sections.header.title === undefined ? null : clean(sections.header.title),
    publishedOn,
    type: sections.header.type === undefined ? null : clean(sections.header.type),
    service,
    statutoryDeadline,
  };

  const pageResponseDate = readResponseDate(sections.header.responseDate, warnings);
  const anchor = relativeDateAnchor(inspection, options.responseDate ?? pageResponseDate ?? undefined, warnings);
  let response: ResponseParts = { commissionerComments: null, chiefOfficerStatement: null, responses: [], answeredFindings: [] };
  if (sections.response === null) {
    warnings.push('No response section was found on the page: no comments or commitments were read.');
  } else {
    response = readResponse(sections.response, findings, anchor, warnings);
    if (response.responses.length === 0) warnings.push('No paragraph of the response names a recommendation.');
  }

  const answered = response.answeredFindings.flat();
  // Areas for improvement need no statutory answer; recommendations and causes of concern do.
  const unanswered = findings
    .filter((finding) => finding.findingType !== 'area-for-improvement')
    .filter((finding) => !answered.some((key) => key.findingType === finding.findingType && key.number === finding.number));
  if (sections.response !== null && unanswered.length > 0) {
    warnings.push(`The response does not answer ${unanswered.map(describeFinding).join(', ')}.`);
  }

  return {
    inspection,
    findings,
    responses: response.responses,
    unaddressed: unanswered.map((finding) => finding.number),
    warnings,
    page: {
      format,
      keyFindingsHtml: keyFindings,
      commissionerComments: response.commissionerComments,
      chiefOfficerStatement: response.chiefOfficerStatement,
      relativeDateAnchor: anchor,
      responseDate: pageResponseDate,
      answeredFindings: response.answeredFindings,
    },
  };
}
