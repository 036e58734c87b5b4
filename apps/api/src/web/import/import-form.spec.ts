import { decodePage, encodePage, readImportForm, type UploadedPage } from './import-form';

const TODAY = '2025-06-01';
const upload = (content: string | Buffer, originalname = 'page.html'): UploadedPage => {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { buffer, originalname, size: buffer.length };
};
const noDate = { 'responseDate-day': '', 'responseDate-month': '', 'responseDate-year': '' };

describe('reading the import form', () => {
  it('takes an uploaded file, without a byte-order mark', () => {
    const form = readImportForm({ pageText: '', ...noDate }, upload('\uFEFF<p>page</p>'), TODAY);
    expect(form.errors).toEqual([]);
    expect(form.toImport).toEqual({ page: '<p>page</p>', source: 'page.html' });
  });

  it('takes pasted text as sent, with the response date written YYYY-MM-DD', () => {
    const form = readImportForm({ pageText: 'Inspection title:\r\nX', 'responseDate-day': '1', 'responseDate-month': '10', 'responseDate-year': '2024' }, undefined, TODAY);
    expect(form.toImport).toEqual({ page: 'Inspection title:\r\nX', source: 'the pasted text', responseDate: '2024-10-01' });
  });

  it.each([
    [{ pageText: '' }, undefined, 'page-file', 'Select a file of the published page, or paste its text'],
    [{ pageText: 'text' }, upload('page'), 'page-file', 'Upload a file or paste the page, not both'],
    [{ pageText: '' }, upload(''), 'page-file', 'The selected file is empty'],
    [{ pageText: '' }, upload(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00])), 'page-file', 'The selected file must be a web page (HTML) or a text file'],
    [{ pageText: 'text', 'responseDate-day': '1' }, undefined, 'response-date-month', 'The response date must include a month and year'],
    [{ pageText: 'text', 'responseDate-day': '30', 'responseDate-month': '2', 'responseDate-year': '2025' }, undefined, 'response-date-day', 'The response date must be a real date'],
    [{ pageText: 'text', 'responseDate-day': 'first', 'responseDate-month': '2', 'responseDate-year': '2025' }, undefined, 'response-date-day', 'The response date must be a real date'],
    [{ pageText: 'text', 'responseDate-day': '2', 'responseDate-month': '6', 'responseDate-year': '2025' }, undefined, 'response-date-day', 'The response date must be today or in the past'],
  ])('refuses %j with the file %#, naming the field', (fields, file, field, message) => {
    const form = readImportForm({ ...noDate, ...fields }, file, TODAY);
    expect(form.errors).toEqual([{ field, message }]);
    expect(form.toImport).toBeUndefined();
  });

  it('carries the page to the confirmation unchanged, carriage returns and all', () => {
    const page = 'Title:\r\n“Quoted” – dash\n';
    expect(decodePage(encodePage(page))).toBe(page);
  });
});
