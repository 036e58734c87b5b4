/**
 * The writer thread: owns the log's write connection, so each group commit's transaction and
 * its fsync run here, never on the event loop that answers requests.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { GroupWriter } from './group-writer';
import { type FromWriter, sendError, type ToWriter } from './writer-messages';

if (!parentPort) throw new Error('writer-thread.worker runs as a worker thread');
const port = parentPort;
const post = (message: FromWriter) => port.postMessage(message);

const { file } = workerData as { file: string };
const db = new Database(file);
db.defaultSafeIntegers(true);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const writer = new GroupWriter(db, file);

port.on('message', (message: ToWriter) => {
  switch (message.type) {
    case 'commit': {
      let outcomes;
      try {
        outcomes = writer.commit(message.group);
      } catch (error) {
        post({ type: 'refused', id: message.id, error: sendError(error) });
        return;
      }
      post({ type: 'committed', id: message.id, outcomes: outcomes.map((outcome) => ('ok' in outcome ? outcome : { error: sendError(outcome.error) })) });
      return;
    }
    case 'pragma':
      try {
        post({ type: 'pragma', id: message.id, value: db.pragma(message.pragma, { simple: true }) });
      } catch (error) {
        post({ type: 'pragma', id: message.id, error: sendError(error) });
      }
      return;
    case 'close':
      db.close();
      post({ type: 'closed' });
      port.close();
      return;
  }
});
