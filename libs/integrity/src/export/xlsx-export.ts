import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { AUDIT_TRAIL_CELLS, AUDIT_TRAIL_COLUMNS, auditTrailRow } from './audit-trail';
import { AuditTrailSummaries } from './audit-trail-summaries';
import { REGISTER_CELLS, REGISTER_COLUMNS, foldListedFindings, registerRow } from './finding-register';
import { LedgerContext } from './ledger-context';
import { type ExportPlan, type ExportTally, selectEvents } from './select-events';
import { SLIPPAGE_CELLS, SLIPPAGE_COLUMNS, SlippageRows } from './slippage';
import type { StatusCrosswalk } from './status-crosswalk';
import { type CellKind, type SheetCells, fillRow, instantHeader } from './workbook-cells';

/** Rows a worksheet holds at most, its header included (Excel's limit: 2^20). */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Rows written between two looks at how far behind the zip is. */
const ROWS_BETWEEN_PAUSES = 200;
/** How much XML may wait for the zip before writing pauses for it. */
const ZIP_BACKLOG_BYTES = 1024 * 1024;

/**
 * The workbook, streamed with exceljs's WorkbookWriter: sheets are written one after the other and
 * each row is committed as it is made, so no sheet is held in memory. The register needs every
 * finding's final state, so the log is read three times: to list the findings and note the
 * entries that corrections quote, for the audit trail (which also feeds the manifest's tally),
 * for slippage; and the register folds each finding from its own stream, so that memory holds one
 * finding's state at a time, not every finding's. Dates are date cells, every sheet has a frozen,
 * filterable header row. `today`: the Europe/London day the
 * register's RAG and lateness are judged on. A sheet with more rows than a worksheet holds
 * (`maxRows`, Excel's limit unless a test sets it) continues on "Audit trail (2)", "(3)" ...
 */
export async function writeXlsx(
  store: EventStore,
  plan: ExportPlan,
  tally: ExportTally,
  crosswalk: StatusCrosswalk,
  today: string,
  out: Writable,
  maxRows = EXCEL_MAX_ROWS,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'PFCC accountability ledger';

  // The first read lists the register's findings and notes which entries corrections quote, in
  // every event of the log (as AuditTrailSummaries.forLog would, in a read of its own).
  const folded = new LedgerContext('listed');
  const corrected = new Set<string>();
  const noteCorrection = (event: RecordedEvent) => AuditTrailSummaries.noteCorrection(event, corrected);
  for await (const { event } of selectEvents(store, plan, undefined, noteCorrection)) {
    noteCorrection(event);
    folded.apply(event);
  }

  const register = new Sheet(workbook, 'Register', REGISTER_COLUMNS, REGISTER_CELLS, maxRows);
  for await (const finding of foldListedFindings(store, plan, folded)) register.add(registerRow(finding, folded, crosswalk, today));
  register.commit();

  const trail = new Sheet(workbook, 'Audit trail', AUDIT_TRAIL_COLUMNS, AUDIT_TRAIL_CELLS, maxRows);
  const summaries = AuditTrailSummaries.forCorrected(corrected);
  const context = new LedgerContext('statuses');
  let rows = 0;
  for await (const { event } of selectEvents(store, plan, tally, (passed) => summaries.pass(passed))) {
    context.apply(event);
    trail.add(auditTrailRow(event, summaries.summarise(event), context, crosswalk));
    rows += 1;
    if (rows % ROWS_BETWEEN_PAUSES === 0) await pause(trail.worksheet, out);
  }
  trail.commit();

  const slippage = new Sheet(workbook, 'Slippage', SLIPPAGE_COLUMNS, SLIPPAGE_CELLS, maxRows);
  const slippageRows = new SlippageRows();
  for await (const { event } of selectEvents(store, plan)) {
    const row = slippageRows.row(event, folded);
    if (row !== null) slippage.add(row);
  }
  slippage.commit();
  await workbook.commit();
}

/**
 * One sheet, written row by row: its header frozen, and an auto-filter over all it holds. Once a
 * worksheet is full it is committed and the rows go on in the next, "Name (2)", with the same
 * header.
 */
class Sheet {
  private readonly kinds: readonly (CellKind | undefined)[];
  private current: ExcelJS.Worksheet;
  private part = 1;
  private rows = 1;

  constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly name: string,
    private readonly columns: readonly string[],
    cells: SheetCells,
    private readonly maxRows: number,
  ) {
    if (!Number.isSafeInteger(maxRows) || maxRows < 2) throw new RangeError('a worksheet must hold its header and at least one row');
    this.kinds = columns.map((header) => cells[header]);
    this.current = this.open(name);
  }

  /** The worksheet being written. */
  get worksheet(): ExcelJS.Worksheet {
    return this.current;
  }

  add(values: readonly (string | number)[]): void {
    if (this.rows === this.maxRows) {
      this.close();
      this.part += 1;
      this.current = this.open(`${this.name} (${this.part})`);
    }
    this.rows += 1;
    const row = this.current.getRow(this.rows);
    fillRow(row, values, this.kinds);
    row.commit();
  }

  commit(): void {
    this.close();
  }

  private open(name: string): ExcelJS.Worksheet {
    const worksheet = this.workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = this.columns.map((header, index) => {
      const kind = this.kinds[index];
      const shown = kind === 'instant' || kind === 'occurred' ? instantHeader(header) : header;
      return { header: shown, width: Math.min(Math.max(shown.length + 2, kind === undefined ? 14 : 20), 60) };
    });
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    this.rows = 1;
    return worksheet;
  }

  /** The filter is written with the worksheet's end, so it can cover every row. */
  private close(): void {
    this.current.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.rows, column: this.kinds.length } };
    this.current.commit();
  }
}

interface BufferedWritable {
  writableLength?: number;
  _writableState?: { length: number };
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * exceljs commits rows into the zip without waiting for it (its worksheet stream ignores
 * backpressure), so a fast reader would pile the whole sheet up in memory in front of the
 * compressor. Here writing waits whenever more than a MB is queued there, or the output is
 * full. The queue is the writable side of what the worksheet stream pipes into (archiver's
 * PassThrough, from readable-stream, which keeps its length in `_writableState`).
 */
async function pause(worksheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const pipes = (worksheet as unknown as { stream?: { pipes?: BufferedWritable[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    const queued = pipe.writableLength ?? pipe._writableState?.length ?? 0;
    if (queued > ZIP_BACKLOG_BYTES) await new Promise<void>((resolve) => pipe.once('drain', resolve));
  }
  if (out.writableNeedDrain) await once(out, 'drain');
}
