import escapeHtml from 'escape-html';
import sanitizeHtml from 'sanitize-html';
import type { FindingType } from '@ledger/domain';
import { PUBLISHED_LEDGER_SUMMARY_HEADING } from '@ledger/page-import';
import { dayText } from '../web/reading/format';
import { type PublishedDecision, type PublishedFinding, type ResponseDocument, isFire } from './response-document';

/** A row of GOV.UK's summary list or table: text cells, a link where there is one. */
type Cell = { text: string } | { html: string };

export interface ResponseView {
  caption: string;
  title: string;
  law: string;
  /** The labelled details, worded as the importer reads them ("Inspection Title", "Date Published"). */
  details: { key: { text: string }; value: Cell }[];
  keyFindingsHtml: string | null;
  findingGroups: { heading: string; findings: { reference: string; paragraphs: string[]; subItems: string[] }[] }[];
  responseHeading: string;
  voices: { heading: string; paragraphs: string[] }[];
  summaryHeading: string;
  commitmentRows: Cell[][];
  provenance: string;
}

const GROUP_HEADINGS: Record<FindingType, string> = {
  'cause-of-concern': 'Causes of concern',
  recommendation: 'Recommendations',
  'area-for-improvement': 'Areas for improvement',
};

const CANONICAL_PREFIX: Record<FindingType, string> = { recommendation: 'REC', 'area-for-improvement': 'AFI', 'cause-of-concern': 'Cause of concern' };

/** A reference the importer reads back as this finding's type and number; the recorded one when it is such. */
export function printedReference(finding: Pick<PublishedFinding, 'reference' | 'findingType' | 'number'>): string {
  const pattern: Record<FindingType, RegExp> = {
    recommendation: /^(?:rec(?:ommendation)?)\s*0*(\d{1,3})$/i,
    'area-for-improvement': /^(?:afi|area for improvement)\s*0*(\d{1,3})$/i,
    'cause-of-concern': /^(?:cause of concern|coc)\s*0*(\d{1,3})$/i,
  };
  const match = pattern[finding.findingType].exec(finding.reference.trim());
  return match && Number(match[1]) === finding.number ? finding.reference.trim() : `${CANONICAL_PREFIX[finding.findingType]} ${finding.number}`;
}

export function paragraphsOf(text: string | null): string[] {
  return (text ?? '').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}

/** The recorded key findings (sanitised when recorded) with GOV.UK's typography classes. */
function styledKeyFindings(html: string): string | null {
  const styled = sanitizeHtml(html, {
    allowedTags: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'a'],
    allowedAttributes: { a: ['href', 'class'], p: ['class'], ul: ['class'], ol: ['class'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: {
      p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
      ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
      ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
      a: sanitizeHtml.simpleTransform('a', { class: 'govuk-link' }),
    },
  }).trim();
  return styled === '' ? null : styled;
}

const CHIEF_OFFICER_ROLE = /^(?:temporary |acting |interim )?chief (?:constable|fire officer|officer|executive)$/i;

/** The heading that tells the importer the chief officer speaks: their role as recorded when it names one. */
function chiefOfficerHeading(document: ResponseDocument): string {
  const role = document.chiefOfficer?.role.trim();
  if (role && CHIEF_OFFICER_ROLE.test(role)) return `The ${role}'s statement`;
  return isFire(document) ? "The Chief Fire Officer's statement" : "The Chief Constable's statement";
}

function decisionWords(decision: PublishedDecision | null): { decision: string; commitment: string; date: string | null } {
  if (decision === null) return { decision: 'No decision recorded', commitment: '', date: null };
  switch (decision.kind) {
    case 'accepted':
      return { decision: 'Accepted', commitment: decision.commitment, date: decision.plannedCompletionDate };
    case 'partially-accepted':
      return {
        decision: 'Partially accepted',
        commitment: `Accepted: ${decision.acceptedScope} Not accepted: ${decision.notAcceptedScope} (${decision.reason})`,
        date: decision.plannedCompletionDate,
      };
    case 'rejected':
      return { decision: 'Not accepted', commitment: decision.reason, date: null };
    case 'not-applicable':
      return { decision: 'Not applicable', commitment: decision.reason ?? '', date: null };
  }
}

export interface ProvenanceFacts {
  /** The ledger digest as at the position the document was built from. */
  digest: string;
  events: number;
}

/** The page's view model: the document's facts in the order and wording the page prints them. */
export function responseView(document: ResponseDocument, provenance: ProvenanceFacts | null): ResponseView {
  const fire = isFire(document);
  const { inspection } = document;
  const details: ResponseView['details'] = [
    { key: { text: 'Inspection Title' }, value: { text: inspection.title } },
    ...(inspection.reportUrl
      ? [{ key: { text: 'Inspection report' }, value: { html: `<a class="govuk-link" href="${escapeHtml(inspection.reportUrl)}">${escapeHtml(inspection.reportUrl)}</a>` } }]
      : []),
    ...(inspection.hmicfrsReference ? [{ key: { text: 'HMICFRS reference' }, value: { text: inspection.hmicfrsReference } }] : []),
    { key: { text: 'Type of Inspection' }, value: { text: inspection.typeAsWritten ?? inspection.inspectionType } },
    { key: { text: 'Service' }, value: { text: fire ? 'Fire and rescue' : 'Police' } },
    { key: { text: 'Date Published' }, value: { text: dayText(inspection.publishedOn) } },
    ...(document.deadline ? [{ key: { text: fire ? 'Deadline (the office\'s fire policy)' : 'Statutory deadline' }, value: { text: dayText(document.deadline) } }] : []),
    { key: { text: 'Date of response' }, value: { text: document.publishedOn ? dayText(document.publishedOn) : 'Not yet published' } },
    {
      key: { text: 'Copies sent' },
      value: { text: document.copiesSent.length === 0 ? 'None recorded' : document.copiesSent.map((c) => `${c.recipient === 'HomeSecretary' ? 'Home Secretary' : c.recipient} on ${dayText(c.sentOn)}`).join('; ') },
    },
  ];

  const groups = (['cause-of-concern', 'recommendation', 'area-for-improvement'] as const)
    .map((type) => ({
      heading: GROUP_HEADINGS[type],
      findings: document.findings
        .filter((finding) => finding.findingType === type)
        .map((finding) => ({ reference: printedReference(finding), paragraphs: paragraphsOf(finding.text), subItems: finding.subItems })),
    }))
    .filter((group) => group.findings.length > 0);

  const voices: ResponseView['voices'] = [];
  if (document.commissionerComments) voices.push({ heading: "The commissioner's comments", paragraphs: paragraphsOf(document.commissionerComments) });
  if (document.chiefOfficerComments) voices.push({ heading: chiefOfficerHeading(document), paragraphs: paragraphsOf(document.chiefOfficerComments) });
  if (document.reply) voices.push({ heading: "The commissioner's reply to the chief officer", paragraphs: paragraphsOf(document.reply) });

  const commitmentRows = document.findings.map((finding) => {
    const words = decisionWords(finding.decision);
    const date = finding.targetDate ?? words.date;
    return [{ text: printedReference(finding) }, { text: words.decision }, { text: words.commitment || 'None recorded' }, { text: date ? dayText(date) : 'No date' }];
  });

  return {
    caption: fire ? 'Action plan of the fire and rescue authority' : "Response of the Police, Fire and Crime Commissioner",
    title: inspection.title,
    law: fire
      ? 'The fire and rescue authority publishes its action plan in answer to the inspectorate\'s report under the Fire and Rescue National Framework for England.'
      : 'Section 55 of the Police Act 1996 (as amended by section 37 of the Policing and Crime Act 2017) requires the local policing body to publish its comments, and the chief officer\'s, on an inspection report within 56 days.',
    details,
    keyFindingsHtml: inspection.keyFindingsHtml ? styledKeyFindings(inspection.keyFindingsHtml) : null,
    findingGroups: groups,
    responseHeading: fire ? 'Response and action plan' : 'Response',
    voices,
    summaryHeading: PUBLISHED_LEDGER_SUMMARY_HEADING,
    commitmentRows,
    provenance: provenance
      ? `Generated from the accountability ledger as at event ${provenance.events}, ledger digest ${provenance.digest}.`
      : 'Generated from the accountability ledger.',
  };
}
