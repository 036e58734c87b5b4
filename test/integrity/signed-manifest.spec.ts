import * as fs from 'node:fs';
import * as path from 'node:path';
import { type TempLedger, sampleLedgerInTempDir, tempDir } from './support/sample-ledger';
import { ledger } from './support/run-ledger';

describe('signed export manifests: `ledger keys create`, `ledger export`, `ledger verify-export`', () => {
  let sample: TempLedger;
  let env: NodeJS.ProcessEnv;
  let publicKey: string;
  const scratch = tempDir();

  beforeAll(async () => {
    sample = await sampleLedgerInTempDir();
    env = { LEDGER_DATA_DIR: sample.dataDir };
    const created = await ledger(['keys', 'create'], env);
    expect(created.code).toBe(0);
    publicKey = path.join(sample.dataDir, 'keys', 'office-ed25519.pub.pem');
  });

  afterAll(async () => {
    await sample.dispose();
    scratch.dispose();
  });

  /** A fresh export (file and manifest) in its own folder. */
  async function exportTo(format: string, name: string, ...filters: string[]): Promise<string> {
    const folder = fs.mkdtempSync(path.join(scratch.dir, `${format}-`));
    const out = path.join(folder, name);
    const run = await ledger(['export', '--format', format, '--out', out, ...filters], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return out;
  }

  const verifyExport = (manifest: string, key = publicKey) => ledger(['verify-export', manifest, '--public-key', key], {});

  it('writes the private key readable by its owner only, and never overwrites a key', async () => {
    const keyFile = path.join(sample.dataDir, 'keys', 'office-ed25519.key.pem');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(publicKey, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const again = await ledger(['keys', 'create'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('writes keys into a folder given with --out', async () => {
    const folder = path.join(scratch.dir, 'liaison-keys');
    expect((await ledger(['keys', 'create', '--out', folder], {})).code).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual(['office-ed25519.key.pem', 'office-ed25519.pub.pem']);
  });

  it.each(['jsonl', 'csv', 'xlsx'])('a %s export verifies with the public key alone', async (format) => {
    const out = await exportTo(format, `ledger.${format}`);
    const run = await verifyExport(`${out}.manifest.json`);
    expect(run.stdout).toMatch(/^OK: .*signature valid/);
    expect(run.code).toBe(0);
  });

  it.each(['jsonl', 'csv', 'xlsx'])('a %s export fails after one byte of the file changes', async (format) => {
    const out = await exportTo(format, `ledger.${format}`);
    const bytes = fs.readFileSync(out);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    fs.writeFileSync(out, bytes);
    const run = await verifyExport(`${out}.manifest.json`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAILED: /);
  });

  it('fails after any change to the manifest: signature-invalid', async () => {
    const out = await exportTo('jsonl', 'ledger.jsonl');
    const manifestFile = `${out}.manifest.json`;
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    manifest.events -= 1;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const run = await verifyExport(manifestFile);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('signature-invalid');
  });

  it('fails for a manifest signed with another key, and against another public key', async () => {
    const out = await exportTo('jsonl', 'ledger.jsonl');
    const otherKeys = path.join(scratch.dir, 'other-keys');
    await ledger(['keys', 'create', '--out', otherKeys], {});
    const forged = await exportTo('jsonl', 'forged.jsonl', '--key', path.join(otherKeys, 'office-ed25519.key.pem'));
    expect((await verifyExport(`${forged}.manifest.json`)).stdout).toContain('signature-invalid');
    expect((await verifyExport(`${out}.manifest.json`, path.join(otherKeys, 'office-ed25519.pub.pem'))).code).toBe(1);
  });

  it('fails when a listed file is missing', async () => {
    const out = await exportTo('csv', 'trail.csv');
    fs.rmSync(out);
    const run = await verifyExport(`${out}.manifest.json`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('file-missing');
  });

  it('records the filter of a filtered export in the signed manifest, and the filtered export verifies', async () => {
    const out = await exportTo('jsonl', 'fire.jsonl', '--service', 'fire');
    const manifest = JSON.parse(fs.readFileSync(`${out}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({
      filter: { inspection: null, service: 'fire', organisation: null, from: null, to: null },
      wholeLedger: false,
      events: 3,
      streams: 2,
      ledgerDigest: { events: 22 },
      signature: { algorithm: 'Ed25519' },
    });
    expect((await verifyExport(`${out}.manifest.json`)).code).toBe(0);
  });

  it('refuses to export without a key unless told --unsigned', async () => {
    const run = await ledger(['export', '--format', 'jsonl', '--out', path.join(scratch.dir, 'x.jsonl')], { LEDGER_DATA_DIR: path.join(scratch.dir, 'no-keys-here') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no signing key');
  });
});
