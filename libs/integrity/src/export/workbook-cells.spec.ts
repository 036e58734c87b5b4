import ExcelJS from 'exceljs';
import { DAY_FORMAT, INSTANT_FORMAT, fillRow } from './workbook-cells';

describe('workbook cells', () => {
  function cells(values: string[], kinds: ('day' | 'instant' | 'occurred' | undefined)[]): ExcelJS.Cell[] {
    const row = new ExcelJS.Workbook().addWorksheet('sheet').getRow(2);
    fillRow(row, values, kinds);
    return values.map((_, index) => row.getCell(index + 1));
  }

  it('writes a calendar day as a date cell, whether the column holds days or occurrences', () => {
    const [due, occurred] = cells(['2025-01-31', '2025-01-31'], ['day', 'occurred']);
    for (const cell of [due, occurred]) {
      expect(cell.value).toEqual(new Date('2025-01-31T00:00:00Z'));
      expect(cell.numFmt).toBe(DAY_FORMAT);
    }
  });

  it('writes an instant as the clock in the UK showed it: GMT in winter, BST in summer, and across the change', () => {
    const [winter, summer, beforeChange, afterChange] = cells(
      ['2025-01-15T09:30:00.000Z', '2025-07-15T09:30:00.000Z', '2025-03-30T00:59:59.000Z', '2025-03-30T01:00:00.000Z'],
      ['instant', 'occurred', 'instant', 'instant'],
    );
    expect(winter.value).toEqual(new Date('2025-01-15T09:30:00Z'));
    expect(summer.value).toEqual(new Date('2025-07-15T10:30:00Z'));
    expect(beforeChange.value).toEqual(new Date('2025-03-30T00:59:59Z'));
    expect(afterChange.value).toEqual(new Date('2025-03-30T02:00:00Z'));
    expect(summer.numFmt).toBe(INSTANT_FORMAT);
  });

  it('leaves an empty date cell empty, text that is not a date as text, and other columns as they are', () => {
    const [empty, notADay, instantInDayColumn, text, number] = cells(['', 'soon', '2025-01-15T09:30:00.000Z', 'In progress', '3'], ['day', 'occurred', 'day', undefined, undefined]);
    expect(empty.value).toBeNull();
    expect(notADay.value).toBe('soon');
    expect(instantInDayColumn.value).toBe('2025-01-15T09:30:00.000Z');
    expect([text.value, number.value]).toEqual(['In progress', '3']);
  });
});
