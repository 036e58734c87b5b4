import { READ_PARAMS, REGISTER_FILTERS } from '../../read-models/read-params';
import { nothingAsked, offsetOf, PAGE_NUMBER, PAGE_SIZE, readPageQuery } from './page-query';

describe("reading a page's GET form", () => {
  const specs = { ...REGISTER_FILTERS, ...PAGE_NUMBER };
  const messages = { status: 'Select a status from the list', overdue: 'Select overdue or not' };

  it('reads the values with the JSON API parameter specs, an empty field meaning any', () => {
    const asked = readPageQuery({ status: 'InProgress', overdue: 'true', owner: '  ', service: '', page: '2' }, specs, messages);
    expect(asked).toEqual({
      ok: true,
      params: { status: ['InProgress'], overdue: true, page: 2 },
      values: { inspectionId: '', inspectionType: '', findingType: '', service: '', owner: '', status: 'InProgress', overdue: 'true', blocked: '', page: '2' },
    });
  });

  it('ignores parameters the page does not take', () => {
    expect(readPageQuery({ utm_source: 'email', status: 'Closed' }, specs, messages)).toMatchObject({ ok: true, params: { status: ['Closed'] } });
  });

  it("names each field it cannot use, once, with the page's own message or else the API's", () => {
    const asked = readPageQuery({ status: ['Finished', 'Abandoned'], overdue: 'maybe', findingType: 'rumour' }, specs, messages);
    expect(asked).toMatchObject({
      ok: false,
      errors: [
        { field: 'findingType', message: expect.stringContaining('findingType must be one of recommendation') },
        { field: 'status', message: 'Select a status from the list' },
        { field: 'overdue', message: 'Select overdue or not' },
      ],
      values: { status: 'Finished,Abandoned', overdue: 'maybe', findingType: 'rumour' },
    });
  });

  it('refuses a missing required value, as the API does', () => {
    expect(readPageQuery({ from: '2025-01-01' }, { from: READ_PARAMS.changes.from, to: READ_PARAMS.changes.to }, {})).toMatchObject({ ok: false, errors: [{ field: 'to', message: 'to is required' }] });
  });

  it('tells a page opened with nothing filled in from one asked a question', () => {
    expect(nothingAsked({ from: '', to: ' ', inspectionId: 'x' }, ['from', 'to'])).toBe(true);
    expect(nothingAsked({ from: '2025-01-01' }, ['from', 'to'])).toBe(false);
  });

  it('turns a page number into the rows to read', () => {
    expect(offsetOf(undefined)).toEqual({ limit: PAGE_SIZE, offset: 0 });
    expect(offsetOf(3)).toEqual({ limit: PAGE_SIZE, offset: 2 * PAGE_SIZE });
  });
});
