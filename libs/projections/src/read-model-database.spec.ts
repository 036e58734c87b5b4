import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Projection } from './projection';
import { ReadModels } from './read-model-database';
import { generationFile } from './registry/generation-registry';
import { countsByType } from './test-fixtures/test-projections';

describe('ReadModels', () => {
  let dir: string;
  let file: string;
  const opened: ReadModels[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    file = path.join(dir, 'read-models.sqlite');
  });

  afterEach(() => {
    for (const readModels of opened.splice(0)) readModels.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function open(projections: Projection[]): ReadModels {
    const readModels = ReadModels.open(file, projections);
    opened.push(readModels);
    return readModels;
  }

  it('refuses projections whose names could not be told apart or used in SQL', () => {
    const counts = countsByType();
    expect(() => open([counts, counts])).toThrow('two projections are named "counts_by_type"');
    expect(() => open([{ ...counts, name: 'Register' }])).toThrow('projection name "Register" must be lower-case snake case');
    expect(() => open([{ ...counts, name: 'a__b' }])).toThrow('must be lower-case snake case');
    expect(() => open([{ ...counts, tables: { 'by-type': counts.tables.counts } }])).toThrow('table name "by-type" must be lower-case snake case');
    expect(() => open([{ ...counts, version: 0 }])).toThrow('version must be an integer >= 1, not 0');
    expect(() => open([{ ...counts, tables: {} }])).toThrow('projection counts_by_type declares no table');
  });

  it('names the live tables of a projection, and says clearly what it cannot name', () => {
    const readModels = open([countsByType()]);

    expect(() => readModels.table('counts_by_type', 'counts')).toThrow('projection counts_by_type has no tables yet: start the projection runner first');
    readModels.registry.ensureActive(countsByType());
    expect(readModels.table('counts_by_type', 'counts')).toBe('counts_by_type__g1.counts');
    expect(() => readModels.table('register', 'findings')).toThrow('unknown projection "register"; known: counts_by_type');
    expect(() => readModels.table('counts_by_type', 'totals')).toThrow('projection counts_by_type has no table "totals"; it has: counts');
  });

  it('lets a query finish on its snapshot while another process swaps in a rebuild and drops the old tables', () => {
    const api = open([countsByType()]);
    const cli = open([countsByType()]);
    api.registry.ensureActive(countsByType());
    api.db.prepare(`INSERT INTO ${api.table('counts_by_type', 'counts')} VALUES ('FindingIssued', 5)`).run();

    const seen = api.read(() => {
      const before = api.db.prepare(`SELECT n FROM ${api.table('counts_by_type', 'counts')}`).pluck().get();
      const rebuilding = cli.registry.startBuilding(countsByType());
      cli.registry.swap('counts_by_type', rebuilding.generation, null);
      cli.registry.dropRetired('counts_by_type');
      const during = api.db.prepare(`SELECT n FROM ${api.table('counts_by_type', 'counts')}`).pluck().get();
      return { before, during };
    });

    expect(seen).toEqual({ before: 5, during: 5 });
    expect(api.table('counts_by_type', 'counts')).toBe('counts_by_type__g2.counts');
  });

  it.each([
    ['it cannot open (another process deleting it)', 'not a database'.repeat(512), 'file is not a database'],
    ['with no tables (deleted just before ATTACH, which makes an empty one)', '', 'it has no tables'],
  ])('treats a generation file %s as not attached yet, says why, and reads it once it is back', (_case, standIn, reason) => {
    const writer = open([countsByType()]);
    writer.registry.ensureActive(countsByType());
    writer.db.prepare(`INSERT INTO ${writer.table('counts_by_type', 'counts')} VALUES ('FindingIssued', 5)`).run();
    writer.db.pragma('counts_by_type__g1.wal_checkpoint(TRUNCATE)');
    const generationOne = generationFile(file, 'counts_by_type', 1);
    fs.renameSync(generationOne, `${generationOne}.aside`);
    fs.writeFileSync(generationOne, standIn);

    const reader = open([countsByType()]);
    const count = () => reader.read(() => reader.db.prepare(`SELECT n FROM ${reader.table('counts_by_type', 'counts')}`).pluck().get());

    expect(count).toThrow(`the read-model file of counts_by_type__g1 is not attached to this connection yet (it could not be opened: ${reason})`);
    fs.renameSync(`${generationOne}.aside`, generationOne);
    expect(count()).toBe(5);
  });
});
