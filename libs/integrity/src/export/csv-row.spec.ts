import { csvRow } from './csv-row';

describe('csvRow', () => {
  it('writes an RFC 4180 record: CRLF, quoting only where needed, quotes doubled', () => {
    expect(csvRow(['plain', 'a,b', 'say "yes"', 'two\nlines', 'carriage\rreturn', 3, null])).toBe('plain,"a,b","say ""yes""","two\nlines","carriage\rreturn",3,\r\n');
  });

  it('keeps a text that a spreadsheet would run as a formula as text', () => {
    expect(csvRow(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tcmd', '\uFF1D1+1'])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),'\tcmd,'\uFF1D1+1\r\n`);
  });

  it('writes a negative number as a number, not as text', () => {
    expect(csvRow([-3, 'a'])).toBe('-3,a\r\n');
  });
});
