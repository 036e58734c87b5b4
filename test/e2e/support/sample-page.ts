import fs from 'node:fs';
import path from 'node:path';

/**
 * The reference page (shared/samples, beside the repository), read the simple way a test can:
 * the page-import library is the real parser; this only lifts what the e2e flow records.
 */
const SAMPLE = path.resolve(__dirname, '../../../../shared/samples/cumbria-rasso-national-operating-model-2024.txt');

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface SampleFinding {
  reference: string;
  number: number;
  findingType: 'recommendation';
  text: string;
  subItems: string[];
  dueDate: string;
}

export interface SamplePage {
  title: string;
  publishedOn: string;
  typeAsWritten: string;
  keyFindingsHtml: string;
  findings: SampleFinding[];
  /** The paragraph answering each recommendation, by number. */
  responseTo(number: number): string;
}

export function readSamplePage(): SamplePage {
  const lines = fs.readFileSync(SAMPLE, 'utf8').replace(/\r\n/g, '\n').split('\n').map((line) => line.trim());
  const field = (label: string) => {
    const line = lines.find((l) => l.startsWith(`${label}:`));
    if (!line) throw new Error(`The sample page has no "${label}"`);
    return line.slice(label.length + 1).trim();
  };
  const [day, month, year] = field('Date Published').split('/');
  const keyFindingsHtml = lines[lines.indexOf('Key Findings') + 1];

  const findings: SampleFinding[] = [];
  const responseStart = lines.findIndex((l) => l.startsWith('PFCC & Constabulary Response'));
  for (const line of lines.slice(0, responseStart)) {
    const rec = /^REC (\d+) - (.*)$/.exec(line);
    if (rec) {
      findings.push({ reference: `REC ${rec[1]}`, number: Number(rec[1]), findingType: 'recommendation', text: rec[2], subItems: [], dueDate: dueDateOf(rec[2]) });
    } else if (line.startsWith('- ') && findings.length > 0) {
      findings[findings.length - 1].subItems.push(line.slice(2));
    }
  }
  const paragraphs = lines.slice(responseStart + 1).filter((l) => l.length > 0);
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
  return {
    title: field('Inspection Title'),
    publishedOn: `${year}-${month}-${day}`,
    typeAsWritten: field('Type of Inspection'),
    keyFindingsHtml,
    findings,
    responseTo(number) {
      const paragraph = paragraphs.find((p) => new RegExp(`recommendation ${words[number]}\\b`, 'i').test(p));
      if (!paragraph) throw new Error(`The sample page answers no recommendation ${number}`);
      return paragraph;
    },
  };
}

/** "By 31 January 2025, ..." gives 2025-01-31. */
function dueDateOf(text: string): string {
  const match = /^By (\d{1,2}) (\w+) (\d{4})/.exec(text);
  if (!match) throw new Error(`No due date in "${text}"`);
  const month = MONTHS.indexOf(match[2].toLowerCase()) + 1;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}
