/**
 * The physical baseline: a raw scan of the event table with JSON.parse of each stored JSON
 * column, nothing else. Usage: scan.ts LEDGER_FILE
 */
import Database from 'better-sqlite3';
import { reportFigures } from '../support/child-job';

const db = new Database(process.argv[2], { readonly: true });
const started = performance.now();
let events = 0;
let checksum = 0;
for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate() as IterableIterator<{ data: string; metadata: string }>) {
  const data = JSON.parse(row.data) as object;
  const metadata = JSON.parse(row.metadata) as object;
  // Touch the parsed values so that the work cannot be optimised away.
  if (data !== null && metadata !== null) checksum += 1;
  events += 1;
}
const ms = performance.now() - started;
db.close();
if (checksum !== events) throw new Error('scan lost rows');
reportFigures({ events, ms });
