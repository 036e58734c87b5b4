import { type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ExportManifest, type ManifestSignature, signedBytes } from './export-manifest';

export const PRIVATE_KEY_FILE = 'office-ed25519.key.pem';
export const PUBLIC_KEY_FILE = 'office-ed25519.pub.pem';

export interface KeyPairFiles {
  privateKeyFile: string;
  publicKeyFile: string;
  keyId: string;
}

/** SHA-256 (hex) of the public key's SPKI DER encoding. */
export function keyId(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/**
 * Writes a new Ed25519 key pair into `folder`: the private key (PKCS#8 PEM, readable by its owner
 * only) and the public key (SPKI PEM) to hand to whoever checks exports. Never overwrites a key:
 * exports signed with it could no longer be checked.
 */
export function createKeyPair(folder: string): KeyPairFiles {
  const privateKeyFile = path.join(folder, PRIVATE_KEY_FILE);
  const publicKeyFile = path.join(folder, PUBLIC_KEY_FILE);
  for (const file of [privateKeyFile, publicKeyFile]) {
    if (fs.existsSync(file)) throw new Error(`${file} already exists: a key is never overwritten (move it away first if you really mean to replace it)`);
  }
  fs.mkdirSync(folder, { recursive: true });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  fs.writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  fs.chmodSync(privateKeyFile, 0o600);
  fs.writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644, flag: 'wx' });
  return { privateKeyFile, publicKeyFile, keyId: keyId(publicKey) };
}

/** Where a replaced key pair goes: `<keys>/retired/<keyId>.{key,pub}.pem`. */
export const RETIRED_KEYS_FOLDER = 'retired';

export interface OfficePublicKeyFile {
  keyId: string;
  /** SPKI PEM: what `ledger verify-export --public-key` takes. */
  pem: string;
  /** Signs new exports (only one does); a retired key still checks the exports it signed. */
  current: boolean;
  /** The current key: when it was created; a retired key: when it was retired. */
  since: Date;
}

/**
 * Replaces the key new exports are signed with. The current pair is moved, never deleted, to
 * `retired/` under its key id, so that an export signed before still verifies with its own public
 * key; then a new pair is created as `createKeyPair` does (the first key when there is none).
 */
export function rotateKeyPair(folder: string): KeyPairFiles & { retired: string | null } {
  const privateKeyFile = path.join(folder, PRIVATE_KEY_FILE);
  let retired: string | null = null;
  if (fs.existsSync(privateKeyFile)) {
    const old = readPrivateKey(privateKeyFile);
    retired = keyId(old);
    const retiredFolder = path.join(folder, RETIRED_KEYS_FOLDER);
    fs.mkdirSync(retiredFolder, { recursive: true });
    const publicKeyFile = path.join(folder, PUBLIC_KEY_FILE);
    // The public half is written from the private key: a missing or stray .pub file cannot be retired in its place.
    fs.writeFileSync(path.join(retiredFolder, `${retired}.pub.pem`), createPublicKey(old).export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
    fs.renameSync(privateKeyFile, path.join(retiredFolder, `${retired}.key.pem`));
    fs.rmSync(publicKeyFile, { force: true });
  }
  return { ...createKeyPair(folder), retired };
}

/** The office's public keys, the current one first, then those retired, newest first. */
export function listPublicKeys(folder: string): OfficePublicKeyFile[] {
  const keys: OfficePublicKeyFile[] = [];
  const privateKeyFile = path.join(folder, PRIVATE_KEY_FILE);
  if (fs.existsSync(privateKeyFile)) {
    const publicKey = createPublicKey(readPrivateKey(privateKeyFile));
    keys.push({ keyId: keyId(publicKey), pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), current: true, since: fs.statSync(privateKeyFile).mtime });
  }
  const retiredFolder = path.join(folder, RETIRED_KEYS_FOLDER);
  const retired = fs.existsSync(retiredFolder) ? fs.readdirSync(retiredFolder).filter((name) => name.endsWith('.pub.pem')) : [];
  const old = retired.map((name): OfficePublicKeyFile => {
    const file = path.join(retiredFolder, name);
    const publicKey = readPublicKey(file);
    return { keyId: keyId(publicKey), pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), current: false, since: fs.statSync(file).mtime };
  });
  return [...keys, ...old.sort((a, b) => b.since.getTime() - a.since.getTime())];
}

export function readPrivateKey(file: string): KeyObject {
  const key = createPrivateKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is a ${key.asymmetricKeyType} key; exports are signed with Ed25519`);
  return key;
}

export function readPublicKey(file: string): KeyObject {
  const key = createPublicKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is a ${key.asymmetricKeyType} key; exports are signed with Ed25519`);
  return key;
}

/** Any signed manifest: the export's, or the public export's. */
type Signable = { signature?: ManifestSignature };

export function signManifest<M extends Signable = ExportManifest>(manifest: M, privateKey: KeyObject): M {
  const { signature: _previous, ...unsigned } = manifest;
  const signature: ManifestSignature = {
    algorithm: 'Ed25519',
    keyId: keyId(privateKey),
    value: sign(null, signedBytes(unsigned), privateKey).toString('base64'),
  };
  return { ...unsigned, signature } as M;
}

/** Null when the signature holds; otherwise why not. */
export function signatureProblem(manifest: Signable, publicKey: KeyObject): string | null {
  const signature = manifest.signature;
  if (signature === undefined) return 'the manifest is not signed';
  if (signature.algorithm !== 'Ed25519') return `the manifest is signed with ${String(signature.algorithm)}, not Ed25519`;
  const given = keyId(publicKey);
  if (signature.keyId !== given) return `the manifest was signed by key ${signature.keyId}; the public key given is ${given}`;
  const valid = verify(null, signedBytes(manifest), publicKey, Buffer.from(String(signature.value), 'base64'));
  return valid ? null : 'the signature does not match the manifest: the manifest was changed after it was signed';
}
