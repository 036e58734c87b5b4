import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ledger } from './support/run-ledger';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, createKeyPair, keyId, listPublicKeys, readPrivateKey, readPublicKey, rotateKeyPair, signManifest, signatureProblem } from '@ledger/integrity';

describe("rotating the office's signing key", () => {
  let folder: string;
  beforeEach(() => {
    folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-keys-')), 'keys');
  });
  afterEach(() => fs.rmSync(path.dirname(folder), { recursive: true, force: true }));

  it('given no key, creates the first one and lists it as current', () => {
    const created = rotateKeyPair(folder);
    expect(created.retired).toBeNull();
    expect(listPublicKeys(folder)).toEqual([expect.objectContaining({ keyId: created.keyId, current: true })]);
  });

  it('given a key that signed a manifest, a new key signs from then on and the old public key still checks what it signed', () => {
    const first = createKeyPair(folder);
    const signedBefore = signManifest({ events: 1 } as never, readPrivateKey(first.privateKeyFile));

    const second = rotateKeyPair(folder);

    expect(second.retired).toBe(first.keyId);
    expect(second.keyId).not.toBe(first.keyId);
    expect(keyId(readPrivateKey(path.join(folder, PRIVATE_KEY_FILE)))).toBe(second.keyId);
    expect(keyId(readPublicKey(path.join(folder, PUBLIC_KEY_FILE)))).toBe(second.keyId);
    const keys = listPublicKeys(folder);
    expect(keys.map((key) => [key.keyId, key.current])).toEqual([
      [second.keyId, true],
      [first.keyId, false],
    ]);
    const retiredPublicKey = path.join(folder, 'retired', `${first.keyId}.pub.pem`);
    expect(signatureProblem(signedBefore, readPublicKey(retiredPublicKey))).toBeNull();
    expect(keys[1].pem).toBe(fs.readFileSync(retiredPublicKey, 'utf8'));
    expect(signatureProblem(signedBefore, readPublicKey(path.join(folder, PUBLIC_KEY_FILE)))).toMatch(/signed by key/);
    // The retired private key is kept, readable by its owner only; it signs nothing any more.
    expect(fs.statSync(path.join(folder, 'retired', `${first.keyId}.key.pem`)).mode & 0o777).toBe(0o600);
  });

  it('`ledger keys create --rotate` does the same from the command line, naming the key it retired', async () => {
    const first = createKeyPair(folder);
    const run = await ledger(['keys', 'create', '--out', folder, '--rotate'], {});
    expect(run.code).toBe(0);
    const [current, retired] = listPublicKeys(folder);
    expect(retired).toMatchObject({ keyId: first.keyId, current: false });
    expect(run.stdout).toContain(`Retired key ${first.keyId}`);
    expect(run.stdout).toContain(`Key id:      ${current.keyId}`);
  });
});
