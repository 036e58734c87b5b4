import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePublishedPage, type ParsedPage } from './index';

/** Pages in shapes real offices publish, each written for a misreading found on a page outside the tests. */
const FIXTURES = path.join(__dirname, '../../../test/fixtures/pages');

function parseFixture(name: string): ParsedPage {
  return parsePublishedPage(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

describe('pages of kinds the importer had not seen', () => {
  it('a heading between two findings ends the finding before it, and is part of no finding', () => {
    const parsed = parseFixture('heading-between-findings.html');
    expect(parsed.findings.map((f) => [f.reference, f.text])).toEqual([
      ['AFI 1', 'The force should make sure it answers emergency calls within the national standard.'],
      ['AFI 2', 'The force should reduce the number of non-emergency calls that are abandoned.'],
      ['AFI 3', 'The force should make sure investigations are supervised effectively.'],
      ['AFI 4', 'The force should improve how it shares information about children at risk with partner agencies.'],
    ]);
    expect(parsed.warnings.join(' ')).not.toMatch(/Responding to the public|Investigating crime|Protecting vulnerable people/);
  });

  it('a heading between two findings on a plain-text page ends the finding too', () => {
    const page = [
      'Inspection Title: PEEL 2023–25: an inspection of Example Police',
      'Date Published: 12 March 2024',
      'Type of Inspection: PEEL',
      '',
      'Areas for improvement',
      '',
      'AFI 1 - The force should make sure it answers emergency calls within the national standard.',
      '',
      'Investigating crime',
      '',
      'AFI 2 - The force should make sure investigations are supervised effectively.',
      '',
      'Response',
      '',
      'The Chief Constable stated, "We accept both."',
      'On AFI 1, the force will act by 31 October 2024.',
    ].join('\n');
    expect(parsePublishedPage(page).findings.map((f) => f.text)).toEqual([
      'The force should make sure it answers emergency calls within the national standard.',
      'The force should make sure investigations are supervised effectively.',
    ]);
  });

  it('prose about the recommendations in general is not a finding of its own', () => {
    const parsed = parseFixture('general-recommendations-prose.txt');
    expect(parsed.inspection.service).toBe('fire');
    expect(parsed.findings.map((f) => [f.reference, f.number, f.dueDate])).toEqual([
      ['Recommendation 1', 1, '2023-10-01'],
      ['Recommendation 2', 2, '2023-12-01'],
    ]);
    expect(parsed.findings.some((f) => /directed at chief fire officers/.test(f.text))).toBe(false);
    expect(parsed.warnings.join(' ')).not.toContain('numbered by their order');
    expect(parsed.warnings).toContain('Text in the findings about the findings in general was not imported as a finding: "The report makes 15 recommendations; the recommendations dir".');
  });

  it('every date phrase of the answering paragraph is considered: a vague date in a later sentence is flagged, not missed', () => {
    const parsed = parseFixture('date-in-later-sentence.txt');
    const [rec1, rec2] = parsed.responses;
    expect(rec1).toMatchObject({
      numbers: [1],
      commitment: 'In relation to recommendation one, the Force will review its approach to identifying children at risk of exploitation.',
      commitmentDate: null,
      ambiguousDate: true,
    });
    expect(parsed.warnings).toContain('REC 1: the commitment date "by Spring 2023" does not name a day; it needs to be set by hand.');
    expect(rec2).toMatchObject({ numbers: [2], commitmentDate: '2023-04-30', dateIsDerived: false, ambiguousDate: false });
  });

  it('a vague date beside an exact one in the same paragraph is flagged for a person to check', () => {
    const page = fs
      .readFileSync(path.join(FIXTURES, 'general-recommendations-prose.txt'), 'utf8')
      .replace('the Service will train every investigating manager. The Service expects to complete this work by Spring 2023.', 'the Service will train every investigating manager by 1 December 2023. Refresher training follows in early 2024.');
    const parsed = parsePublishedPage(page);
    expect(parsed.responses[1]).toMatchObject({ commitmentDate: '2023-12-01', ambiguousDate: false });
    expect(parsed.warnings).toContain('Recommendation 2: the paragraph also gives "in early 2024", which does not name a day; check the commitment date (2023-12-01).');
  });
});
