import * as fs from 'node:fs';
import * as path from 'node:path';
import { REC_03_STREAM, REC_05_STREAM, type TempLedger, sampleLedgerInTempDir, tempDir } from './support/sample-ledger';
import { ledger } from './support/run-ledger';

/**
 * Whoever holds a canonical export changes it; `ledger verify FILE` (which reads FILE.manifest.json
 * next to it) names the first place where it stops being what was exported.
 */
describe('tampering with a canonical export is caught by `ledger verify FILE`', () => {
  let sample: TempLedger;
  let lines: string[];
  let manifest: string;
  const scratch = tempDir();

  beforeAll(async () => {
    sample = await sampleLedgerInTempDir();
    const out = path.join(scratch.dir, 'ledger.jsonl');
    expect(await ledger(['export', '--format', 'jsonl', '--out', out, '--unsigned'], { LEDGER_DATA_DIR: sample.dataDir })).toMatchObject({ code: 0 });
    lines = fs.readFileSync(out, 'utf8').split('\n').slice(0, -1);
    manifest = fs.readFileSync(`${out}.manifest.json`, 'utf8');
  });

  afterAll(async () => {
    await sample.dispose();
    scratch.dispose();
  });

  /** 0-based index of the line holding a stream's revision. */
  function lineOf(streamId: string, revision: number): number {
    const index = lines.findIndex((line) => {
      const record = JSON.parse(line);
      return record.streamId === streamId && record.revision === revision;
    });
    expect(index).toBeGreaterThanOrEqual(0);
    return index;
  }

  let copies = 0;
  /** Writes the changed file (and the original manifest next to it) and verifies it. */
  async function verifyTampered(content: string, withManifest = true) {
    const folder = path.join(scratch.dir, `copy-${(copies += 1)}`);
    fs.mkdirSync(folder);
    const file = path.join(folder, 'ledger.jsonl');
    fs.writeFileSync(file, content);
    if (withManifest) fs.writeFileSync(`${file}.manifest.json`, manifest);
    const run = await ledger(['verify', file, '--json'], {});
    const human = await ledger(['verify', file], {});
    return { code: run.code, result: JSON.parse(run.stdout), human: human.stdout };
  }

  const joined = (changed: string[]) => `${changed.join('\n')}\n`;

  it('passes the untouched export', async () => {
    const { code, result } = await verifyTampered(joined(lines));
    expect(code).toBe(0);
    expect(result).toMatchObject({ ok: true, events: 22, streams: 9, againstManifest: true });
  });

  it('one field changed: hash-mismatch at that event, with the recorded and recomputed hashes', async () => {
    const at = lineOf(REC_03_STREAM, 1);
    const changed = [...lines];
    changed[at] = changed[at].replace('"plannedCompletionDate":"2025-01-31"', '"plannedCompletionDate":"2025-03-31"');
    expect(changed[at]).not.toBe(lines[at]);
    const { code, result, human } = await verifyTampered(joined(changed));
    expect(code).toBe(1);
    expect(result.break).toMatchObject({ problem: 'hash-mismatch', streamId: REC_03_STREAM, revision: '1', eventId: JSON.parse(lines[at]).eventId, line: at + 1 });
    expect(human).toContain(`hash-mismatch at stream ${REC_03_STREAM}, revision 1`);
  });

  it('one line deleted: missing-revision, naming the revision that is gone', async () => {
    const at = lineOf(REC_03_STREAM, 3);
    const changed = lines.filter((_line, index) => index !== at);
    const { code, result } = await verifyTampered(joined(changed));
    expect(code).toBe(1);
    expect(result.break).toMatchObject({ problem: 'missing-revision', streamId: REC_03_STREAM, revision: '3', line: at + 1 });
  });

  it('two lines swapped: reordered, at the first of the pair', async () => {
    const first = lineOf(REC_03_STREAM, 1);
    const second = lineOf(REC_05_STREAM, 1);
    const changed = [...lines];
    [changed[first], changed[second]] = [changed[second], changed[first]];
    const { code, result } = await verifyTampered(joined(changed));
    expect(code).toBe(1);
    expect(result.break).toMatchObject({ problem: 'reordered', streamId: REC_05_STREAM, revision: '1', line: first + 1 });
  });

  it('the file cut in the middle of a line: truncated at that line', async () => {
    const whole = joined(lines);
    const { code, result } = await verifyTampered(whole.slice(0, whole.length - 200));
    expect(code).toBe(1);
    expect(result.break).toMatchObject({ problem: 'truncated', line: 22, eventId: JSON.parse(lines[21]).eventId });
  });

  it('the file cut at a line boundary: truncated, after the last line left, from the manifest', async () => {
    const { code, result } = await verifyTampered(joined(lines.slice(0, 19)));
    expect(code).toBe(1);
    expect(result.break).toMatchObject({ problem: 'truncated', line: 19 });
    expect(result.break.detail).toContain('manifest records 22 events');
  });

  it('a whole stream dropped: stream-missing, naming the stream', async () => {
    const changed = lines.filter((line) => JSON.parse(line).streamId !== REC_05_STREAM);
    const { code, result, human } = await verifyTampered(joined(changed));
    expect(code).toBe(1);
    expect(result.break).toMatchObject({ problem: 'stream-missing', streamId: REC_05_STREAM, revision: '0' });
    expect(human).toContain(`stream-missing at stream ${REC_05_STREAM}`);
  });

  it('a sequence number rewritten (not part of any hash): manifest-mismatch', async () => {
    const changed = [...lines];
    changed[21] = changed[21].replace('"sequence":22', '"sequence":23');
    const { code, result } = await verifyTampered(joined(changed));
    expect(code).toBe(1);
    expect(result.break).toMatchObject({ problem: 'manifest-mismatch' });
    expect(result.break.detail).toContain('sequence 1 to 23');
  });

  it('without its manifest, the chain is still checked, and the output says completeness was not', async () => {
    const at = lineOf(REC_05_STREAM, 2);
    const changed = [...lines];
    changed[at] = changed[at].replace('"targetDate":"2025-07-31"', '"targetDate":"2026-07-31"');
    const { code, result, human } = await verifyTampered(joined(changed), false);
    expect(code).toBe(1);
    expect(result).toMatchObject({ againstManifest: false, break: { problem: 'hash-mismatch', streamId: REC_05_STREAM, revision: '2' } });
    expect(human).toContain('No manifest found');
  });
});
