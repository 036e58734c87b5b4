import Database from 'better-sqlite3';
import type { ProjectionContext } from '../../projection';
import { getRow, upsertRow } from './rows';

describe('writing a whole row by its primary key', () => {
  let db: Database.Database;
  let context: ProjectionContext;
  const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
  const rowid = (id: string) => db.prepare('SELECT rowid FROM findings WHERE recommendation_id = ?').pluck().get(id) as number;

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE findings (recommendation_id TEXT PRIMARY KEY, owner TEXT, status TEXT NOT NULL)');
    db.exec('CREATE TABLE labels (stream_id TEXT NOT NULL, label_id TEXT NOT NULL, PRIMARY KEY (stream_id, label_id))');
    context = { db, table: (name) => name, statement: (sql) => db.prepare(sql) };
  });

  afterEach(() => db.close());

  it('inserts a new row, and replaces the values of an existing one in place', () => {
    upsertRow(context, 'findings', ['recommendation_id'], { recommendation_id: 'r1', owner: null, status: 'Open' });
    upsertRow(context, 'findings', ['recommendation_id'], { recommendation_id: 'r2', owner: 'A', status: 'Open' });
    const first = rowid('r1');

    upsertRow(context, 'findings', ['recommendation_id'], { recommendation_id: 'r1', owner: 'Head of Protection', status: 'InProgress' });

    expect(getRow(context, 'findings', 'recommendation_id', 'r1')).toEqual({ recommendation_id: 'r1', owner: 'Head of Protection', status: 'InProgress' });
    expect(rowid('r1')).toBe(first);
    expect(db.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(2);
  });

  it('writes nothing when the row holds these values already (nulls included)', () => {
    upsertRow(context, 'findings', ['recommendation_id'], { recommendation_id: 'r1', owner: null, status: 'Open' });
    const before = changes();

    upsertRow(context, 'findings', ['recommendation_id'], { recommendation_id: 'r1', owner: null, status: 'Open' });

    expect(changes()).toBe(before);
    upsertRow(context, 'findings', ['recommendation_id'], { recommendation_id: 'r1', owner: 'A', status: 'Open' });
    expect(changes()).toBe(before + 1);
  });

  it('keeps a row made only of its key once', () => {
    upsertRow(context, 'labels', ['stream_id', 'label_id'], { stream_id: 's', label_id: 'l' });
    upsertRow(context, 'labels', ['stream_id', 'label_id'], { stream_id: 's', label_id: 'l' });
    expect(db.prepare('SELECT count(*) FROM labels').pluck().get()).toBe(1);
  });
});
