import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePublishedPage, toDryRunJson, type ParsedPage } from './index';

const SAMPLE = path.join(__dirname, '../../../../shared/samples/cumbria-rasso-national-operating-model-2024.txt');
const FIXTURES = path.join(__dirname, '../../../test/fixtures/pages');

function readSample(): string {
  if (!fs.existsSync(SAMPLE)) {
    throw new Error(`The real sample page is missing: expected it at ${SAMPLE} (the shared folder beside the repository).`);
  }
  return fs.readFileSync(SAMPLE, 'utf8');
}

function parseFixture(name: string): ParsedPage {
  return parsePublishedPage(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

describe('the real sample page (Cumbria, RASSO national operating model, 2024)', () => {
  let parsed: ParsedPage;
  beforeAll(() => {
    parsed = parsePublishedPage(readSample());
  });

  it('reads the inspection: published 2024-08-22, police, statutory deadline 2024-10-16 (day 56)', () => {
    expect(parsed.inspection).toEqual({
      title: 'Progress to introduce a national operating model for rape and other serious sexual offences investigations.',
      publishedOn: '2024-08-22',
      type: 'National Thematic',
      service: 'police',
      statutoryDeadline: '2024-10-16',
    });
  });

  it('finds exactly REC 03, 05, 07, 09 and 11 with their due dates and sub-item counts', () => {
    expect(parsed.findings.map((f) => [f.reference, f.number, f.findingType, f.dueDate, f.subItems.length, f.immediate])).toEqual([
      ['REC 03', 3, 'recommendation', '2025-01-31', 0, false],
      ['REC 05', 5, 'recommendation', '2025-07-31', 0, false],
      ['REC 07', 7, 'recommendation', '2025-01-31', 2, false],
      ['REC 09', 9, 'recommendation', '2025-01-31', 0, false],
      ['REC 11', 11, 'recommendation', '2025-03-31', 3, false],
    ]);
  });

  it('keeps each finding text and sub-item as published', () => {
    const rec07 = parsed.findings[2];
    expect(rec07.text).toBe('By 31 January 2025, all chief constables should make sure their forces prioritise identifying and '
      + 'disrupting rape and other serious sexual offences (RASSO) suspects. This includes making sure that:');
    expect(rec07.subItems[0]).toBe('forces track, manage, and respond effectively to breaches of bail and protection orders in RASSO cases; and');
    expect(parsed.findings[4].subItems[2]).toBe('adopt any key performance indicators that are agreed and published by the Soteria Joint Unit.');
  });

  it('links its five response paragraphs to recommendations 3, 5, 7, 9 and 11 and leaves none unaddressed', () => {
    expect(parsed.responses.map((r) => r.numbers)).toEqual([[3], [5], [7], [9], [11]]);
    expect(parsed.responses[0].text.startsWith('In relation to the recommendation three, Cumbria Constabulary will have')).toBe(true);
    expect(parsed.responses[3].text.startsWith('Recommendation nine states')).toBe(true);
    expect(parsed.responses[4].text.startsWith('Lastly, in relation to recommendation eleven')).toBe(true);
    expect(parsed.unaddressed).toEqual([]);
  });

  it('reads the REC 03 commitment, dated 2025-01-31 from "by the end of January 2025"', () => {
    expect(parsed.responses[0]).toMatchObject({
      commitment: expect.stringContaining('will have all detectives performing investigation roles trained'),
      commitmentDate: '2025-01-31',
      dateIsDerived: false,
      ambiguousDate: false,
    });
  });

  it('derives the REC 07 "within one month" from the statutory deadline and says so', () => {
    expect(parsed.responses[2]).toMatchObject({
      commitment: expect.stringContaining('so it can be implemented within one month.'),
      commitmentDate: '2024-11-16',
      dateIsDerived: true,
      ambiguousDate: false,
    });
    expect(parsed.page.relativeDateAnchor).toEqual({ date: '2024-10-16', basis: 'statutory-deadline' });
    expect(parsed.warnings).toContainEqual(expect.stringContaining('REC 07: "within one month" was counted from the statutory deadline'));
  });

  it('takes REC 09 "within the required timescales" as its own due date, derived', () => {
    expect(parsed.responses[3]).toMatchObject({
      commitment: 'I will ensure that we conclude this within the required timescales.',
      commitmentDate: '2025-01-31',
      dateIsDerived: true,
    });
  });

  it('leaves undated commitments undated rather than guessing (REC 05, REC 11)', () => {
    expect(parsed.responses[1]).toMatchObject({
      commitment: 'Once this has been received, the Constabulary will then implement the appropriate processes.',
      commitmentDate: null,
      ambiguousDate: false,
    });
    expect(parsed.responses[4]).toMatchObject({ commitment: expect.stringContaining('this is in development'), commitmentDate: null });
  });

  it('a relative commitment counts from the response date when the caller knows it', () => {
    const withDate = parsePublishedPage(readSample(), { responseDate: '2024-10-10' });
    expect(withDate.responses[2]).toMatchObject({ commitmentDate: '2024-11-10', dateIsDerived: true });
    expect(withDate.page.relativeDateAnchor).toEqual({ date: '2024-10-10', basis: 'response-date' });
  });

  it("splits the response into the commissioner's comments and the chief constable's statement", () => {
    const { commissionerComments, chiefOfficerStatement } = parsed.page;
    expect(commissionerComments?.split('\n\n')).toHaveLength(4);
    expect(commissionerComments?.startsWith('As Police, Fire & Crime Commissioner (PFCC) for Cumbria, I welcome')).toBe(true);
    expect(chiefOfficerStatement?.startsWith('The Chief Constable stated, I welcome this recent HMICFRS inspection report.')).toBe(true);
    expect(chiefOfficerStatement?.split('\n\n')).toHaveLength(6);
  });

  it('keeps the key findings as sanitised HTML', () => {
    expect(parsed.page.keyFindingsHtml?.startsWith('<p>Operation Soteria is an unprecedented programme')).toBe(true);
    expect(parsed.page.keyFindingsHtml?.match(/<p>/g)).toHaveLength(5);
  });

  it('the dry-run JSON has exactly the documented fields', () => {
    const json = toDryRunJson(parsed);
    expect(Object.keys(json)).toEqual(['inspection', 'findings', 'responses', 'unaddressed', 'warnings']);
    expect(Object.keys(json.inspection)).toEqual(['title', 'publishedOn', 'type', 'service', 'statutoryDeadline']);
    expect(Object.keys(json.findings[0])).toEqual(['reference', 'number', 'findingType', 'text', 'subItems', 'dueDate', 'immediate']);
    expect(Object.keys(json.responses[0])).toEqual(['numbers', 'text', 'commitment', 'commitmentDate', 'dateIsDerived', 'ambiguousDate']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('reads the same page whether its lines end in LF or CRLF', () => {
    expect(toDryRunJson(parsePublishedPage(readSample().replace(/\n/g, '\r\n')))).toEqual(toDryRunJson(parsed));
  });
});

describe('variant pages', () => {
  it('an HTML page: entities, table labels, <li> bullets, curly quotes, site furniture ignored', () => {
    const parsed = parseFixture('html-police-entities.html');
    expect(parsed.page.format).toBe('html');
    expect(parsed.inspection).toEqual({
      title: 'An inspection of how well the police tackle serious & organised crime',
      publishedOn: '2025-03-05',
      type: 'PEEL \u2013 Thematic',
      service: 'police',
      statutoryDeadline: '2025-04-29',
    });
    expect(parsed.findings).toEqual([
      {
        reference: 'REC 1',
        number: 1,
        findingType: 'recommendation',
        text: 'By 30 September 2025, chief constables should make sure their forces\u2019 \u201Clocal profiles\u201D are:',
        subItems: ['reviewed every year; and', 'shared with community safety partners.'],
        dueDate: '2025-09-30',
        immediate: false,
      },
      {
        reference: 'REC 2',
        number: 2,
        findingType: 'recommendation',
        text: 'With immediate effect, chief constables should stop using the \u2018legacy\u2019 disruption codes.',
        subItems: [],
        dueDate: null,
        immediate: true,
      },
    ]);
    expect(parsed.responses.map((r) => [r.numbers, r.commitmentDate, r.dateIsDerived])).toEqual([
      [[1], '2025-08-31', false],
      [[2], '2025-05-13', true],
    ]);
    expect(parsed.page.commissionerComments).toBe('As the Police, Fire & Crime Commissioner, I welcome this report and will hold the Chief Constable to account for it.');
    expect(parsed.page.chiefOfficerStatement?.startsWith('The Chief Constable said: \u201CI accept both recommendations.\u201D')).toBe(true);
  });

  it('an HTML page: key findings keep only safe markup', () => {
    const html = parseFixture('html-police-entities.html').page.keyFindingsHtml;
    expect(html).toBe([
      '<p>The force\u2019s <strong>understanding</strong> of serious and organised crime is <em>improving</em>.</p>',
      '<p>See the <a href="https://www.example.org/report">full report</a> and <a>this</a>.</p>',
      '<ul>',
      '<li>Intelligence is shared well.</li>',
      '<li>Disruption is not recorded consistently.</li>',
      '</ul>',
    ].join('\n'));
  });

  it('a fire inspection: a cause of concern with sub-items, areas for improvement, no statutory deadline', () => {
    const parsed = parseFixture('fire-cause-of-concern.txt');
    expect(parsed.inspection).toMatchObject({ service: 'fire', statutoryDeadline: null, publishedOn: '2024-11-14' });
    expect(parsed.findings.map((f) => [f.reference, f.findingType, f.number, f.dueDate, f.subItems.length])).toEqual([
      ['Cause of concern 1', 'cause-of-concern', 1, null, 2],
      ['REC 1', 'recommendation', 1, '2025-02-28', 0],
      ['AFI 1', 'area-for-improvement', 1, null, 0],
      ['AFI 2', 'area-for-improvement', 2, null, 0],
    ]);
    expect(parsed.findings[0].text).toBe('The service hasn\u2019t done enough to make sure all staff understand and follow its values. '
      + 'In order to address this, it should:');
    expect(parsed.page.answeredFindings).toEqual([[
      { findingType: 'cause-of-concern', number: 1 },
      { findingType: 'recommendation', number: 1 },
    ]]);
    expect(parsed.responses[0]).toMatchObject({ numbers: [1], commitmentDate: '2025-01-31' });
    expect(parsed.unaddressed).toEqual([]);
    expect(parsed.page.chiefOfficerStatement?.startsWith('The Chief Fire Officer stated')).toBe(true);
  });

  it('a response that skips one recommendation and answers two in one paragraph', () => {
    const parsed = parseFixture('skip-one-two-in-one.txt');
    expect(parsed.findings.map((f) => [f.reference, f.subItems.length])).toEqual([['REC 01', 0], ['REC 02', 0], ['REC 03', 3], ['REC 04', 2]]);
    expect(parsed.responses.map((r) => r.numbers)).toEqual([[1, 2], [4]]);
    expect(parsed.responses[0]).toMatchObject({ commitmentDate: '2024-12-31', dateIsDerived: false });
    expect(parsed.unaddressed).toEqual([3]);
    expect(parsed.warnings).toContain('The response does not answer REC 03.');
  });

  it('CRLF, other heading wording, "Recommendation 3:" numbering, a written-out date, dash bullets', () => {
    const raw = fs.readFileSync(path.join(FIXTURES, 'crlf-headings.txt'), 'utf8');
    expect(raw).toContain('\r\n');
    const parsed = parsePublishedPage(raw);
    expect(parsed.inspection).toEqual({
      title: 'Example PEEL inspection 2025',
      publishedOn: '2024-10-03',
      type: 'PEEL',
      service: 'police',
      statutoryDeadline: '2024-11-27',
    });
    expect(parsed.findings.map((f) => [f.reference, f.number, f.findingType, f.dueDate, f.immediate, f.subItems])).toEqual([
      ['Recommendation 3', 3, 'recommendation', '2025-01-31', false, []],
      ['Recommendation 4', 4, 'recommendation', null, true, ['every call is logged; and', 'every caller is told what will happen next.']],
      ['Area for improvement 1', 1, 'area-for-improvement', null, false, []],
    ]);
    expect(parsed.responses.map((r) => [r.numbers, r.commitmentDate, r.dateIsDerived])).toEqual([
      [[3], '2025-01-31', false],
      [[4], '2024-12-27', true],
    ]);
    expect(parsed.page.keyFindingsHtml).toBe('<p>The force is good at investigating crime.</p>');
  });

  it('a vague date is flagged ambiguous and never guessed; a date that does not exist is flagged too', () => {
    const parsed = parseFixture('vague-date.txt');
    expect(parsed.responses.map((r) => [r.numbers, r.commitmentDate, r.ambiguousDate, r.dateIsDerived])).toEqual([
      [[1], null, true, false],
      [[2], null, true, false],
    ]);
    expect(parsed.warnings).toContain('REC 1: the commitment date "by Spring 2025" does not name a day; it needs to be set by hand.');
    expect(parsed.warnings).toContain('REC 2: the commitment date "by 30 February 2025" is not a real date; it needs to be set by hand.');
  });

  it('a page without a response: a warning, every recommendation unaddressed, no crash', () => {
    const parsed = parseFixture('no-response.txt');
    expect(parsed.findings.map((f) => f.reference)).toEqual(['REC 2', 'REC 4']);
    expect(parsed.responses).toEqual([]);
    expect(parsed.unaddressed).toEqual([2, 4]);
    expect(parsed.warnings).toContain('No response section was found on the page: no comments or commitments were read.');
    expect(parsed.page.commissionerComments).toBeNull();
  });
});

describe('pages with parts missing or unreadable', () => {
  it.each([
    ['an empty string', ''],
    ['only whitespace and line breaks', ' \r\n\t\r\n'],
  ])('empty input (%s) gives an empty result with one clear warning', (_name, input) => {
    expect(toDryRunJson(parsePublishedPage(input))).toEqual({
      inspection: { title: null, publishedOn: null, type: null, service: 'police', statutoryDeadline: null },
      findings: [],
      responses: [],
      unaddressed: [],
      warnings: ['The page is empty: there is nothing to import.'],
    });
  });

  it('an HTML page with no visible text is treated as empty', () => {
    expect(parsePublishedPage('<html><head><title>x</title></head><body></body></html>').warnings)
      .toEqual(['The page has no text: there is nothing to import.']);
  });

  it('a page with no findings section says so', () => {
    const parsed = parsePublishedPage('Inspection Title: A\nDate Published: 01/02/2024\nType of Inspection: PEEL\n\nResponse:\n\nAs PCC I welcome it.');
    expect(parsed.findings).toEqual([]);
    expect(parsed.warnings).toContain('No findings section (recommendations, areas for improvement or causes of concern) was found on the page.');
  });

  it('an unreadable publication date is reported and no deadline is invented', () => {
    const parsed = parsePublishedPage('Inspection Title: A\nDate Published: 31/02/2024\n\nRecommendations:\n\nREC 1 - By 31 May 2024, do it.');
    expect(parsed.inspection).toMatchObject({ publishedOn: null, statutoryDeadline: null });
    expect(parsed.warnings).toContain('The publication date "31/02/2024" is not a real date.');
  });

  it('a finding due date that does not exist is reported and left empty', () => {
    const parsed = parsePublishedPage('Date Published: 01/02/2024\n\nRecommendations:\n\nREC 1 - By 30 February 2025, do it.');
    expect(parsed.findings[0].dueDate).toBeNull();
    expect(parsed.warnings).toContain('REC 1: the due date "By 30 February 2025" is not a real date; it was left empty.');
  });

  it('areas for improvement listed without references are numbered by position, with a warning', () => {
    const parsed = parsePublishedPage('Service: Fire\nDate Published: 01/02/2024\n\nAreas for improvement\n\n'
      + '\u2022 The service should improve A.\n\u2022 The service should improve B.');
    expect(parsed.findings.map((f) => [f.reference, f.number, f.findingType, f.text])).toEqual([
      [null, 1, 'area-for-improvement', 'The service should improve A.'],
      [null, 2, 'area-for-improvement', 'The service should improve B.'],
    ]);
    expect(parsed.warnings).toContain('Some areas for improvement have no reference on the page; they were numbered by their order on the page.');
  });

  it('reads labels whose value is in the next block (<dt>/<dd>), and a response heading that names the recommendation', () => {
    const parsed = parsePublishedPage('<dl><dt>Inspection Title</dt><dd>Custody &amp; welfare</dd><dt>Date published</dt>'
      + '<dd>1 May 2024</dd></dl><h2>Recommendations</h2><ol><li>REC 1: By 31 October 2024, forces should act.</li></ol>'
      + '<h2>Chief Constable\u2019s response</h2><h3>Recommendation 1</h3><p>We will act by 30 September 2024.</p>');
    expect(parsed.inspection).toMatchObject({ title: 'Custody & welfare', publishedOn: '2024-05-01' });
    expect(parsed.findings.map((f) => [f.reference, f.dueDate])).toEqual([['REC 1', '2024-10-31']]);
    expect(parsed.responses).toEqual([{
      numbers: [1],
      text: 'We will act by 30 September 2024.',
      commitment: 'We will act by 30 September 2024.',
      commitmentDate: '2024-09-30',
      dateIsDerived: false,
      ambiguousDate: false,
    }]);
    expect(parsed.page.chiefOfficerStatement).toBe('We will act by 30 September 2024.');
  });

  it('never throws on a page cut off anywhere', () => {
    const pages = [readSample(), fs.readFileSync(path.join(FIXTURES, 'html-police-entities.html'), 'utf8')];
    for (const page of pages) {
      for (let end = 0; end < page.length; end += 97) {
        expect(() => parsePublishedPage(page.slice(0, end))).not.toThrow();
      }
    }
  });

  it('refuses input that is not a string, naming it', () => {
    expect(() => parsePublishedPage(undefined as unknown as string)).toThrow('input must be the page as a string');
    expect(() => parsePublishedPage('x', { format: 'pdf' as 'html' })).toThrow("format must be 'html' or 'text'");
  });
});
