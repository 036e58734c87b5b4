import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { readStreamFully } from '@ledger/application/pipeline/stored-event';
import { PUBLIC_EVENT_FIELDS, PUBLIC_METADATA_FIELDS, publicDataOf } from '@ledger/domain';
import type { JsonObject } from '@ledger/event-store';
import { HashChainedEventStore, type PublicExportManifest, exportPublicToFile, exportToFile, readPrivateKey, signManifest } from '@ledger/integrity';
import { readResponseDocument } from '../../apps/api/src/publishing/response-document';
import { FIRE_INSPECTION_ID, SAMPLE_INSPECTION_ID, type TempLedger, sampleLedgerInTempDir, tempDir } from '../integrity/support/sample-ledger';
import { ledger } from '../integrity/support/run-ledger';

/** Everyone who recorded anything in the sample, on whose behalf, and the owner: none may appear. */
const PERSONAL = [
  'Office Caseworker',
  'opfcc-caseworker',
  'Performance Lead',
  'opfcc-performance-lead',
  'Head of Public Protection',
  'cc-ppu-lead',
  'Planning Manager',
  'cfrs-planning',
  '"Chief Constable"',
];
/** What the sample recorded that the register does not publish. */
const COMMISSIONER = 'The Commissioner welcomes the report and will hold the Chief Constable to account for every recommendation.';
const CHIEF_OFFICER = 'I welcome this report; the force accepts each recommendation.';

/** The office-holders' published statements, the publication and a copy sent, as the office records them. */
async function publishResponse(store: HashChainedEventStore): Promise<void> {
  const office = { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
  const stream = `statutory-response-${SAMPLE_INSPECTION_ID}`;
  const record = async (type: string, data: JsonObject, at: string, onBehalfOf?: JsonObject) => {
    const commandId = randomUUID();
    const metadata = { actor: office, ...(onBehalfOf ? { onBehalfOf } : {}), occurredAt: at, recordedAt: at, $correlationId: commandId, $causationId: commandId, commandId, schemaVersion: 1, source: 'api' };
    await store.append(stream, [{ id: randomUUID(), type, data: { inspectionId: SAMPLE_INSPECTION_ID, ...data }, metadata }], 'any');
  };
  await record('ChiefOfficerCommentsRecorded', { receivedOn: '2025-05-01', comments: CHIEF_OFFICER }, '2025-05-01T09:00:00.000Z', { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' });
  await record('CommissionerCommentsRecorded', { madeOn: '2025-05-02', comments: COMMISSIONER }, '2025-05-02T09:00:00.000Z');
  await record('StatutoryResponsePublished', { publishedOn: '2025-05-03', url: 'https://example.org/response' }, '2025-05-03T09:00:00.000Z');
  await record('StatutoryResponseCopySent', { recipient: 'HMICFRS', sentOn: '2025-05-03' }, '2025-05-03T09:01:00.000Z');
}

const UNPUBLISHED = ['180 of 210 detectives trained', 'Every detective in an investigation role completed RSDPIP', '=SUM(A1)', FIRE_INSPECTION_ID, 'Cumbria Fire and Rescue Service'];

describe('the public export: whole streams of a published inspection, no one named, verifiable offline', () => {
  let sample: TempLedger;
  let publicKey: string;
  let privateKey: string;
  const scratch = tempDir();
  let folder: string;
  let file: string;
  let manifestFile: string;
  let fullExport: string;

  beforeAll(async () => {
    sample = await sampleLedgerInTempDir();
    await publishResponse(new HashChainedEventStore(sample.store));
    expect((await ledger(['keys', 'create'], { LEDGER_DATA_DIR: sample.dataDir })).code).toBe(0);
    publicKey = path.join(sample.dataDir, 'keys', 'office-ed25519.pub.pem');
    privateKey = path.join(sample.dataDir, 'keys', 'office-ed25519.key.pem');
    folder = path.join(scratch.dir, 'public');
    fs.mkdirSync(folder);
    file = path.join(folder, 'public.jsonl');
    ({ manifestFile } = await exportPublicToFile(sample.store, file, { inspectionId: SAMPLE_INSPECTION_ID, signingKey: readPrivateKey(privateKey) }));
    fullExport = path.join(scratch.dir, 'full.jsonl');
    await exportToFile(sample.store, fullExport, { format: 'jsonl' });
  });

  afterAll(async () => {
    await sample.dispose();
    scratch.dispose();
  });

  const lines = (text = fs.readFileSync(file, 'utf8')) => text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  const manifestOf = (at = manifestFile) => JSON.parse(fs.readFileSync(at, 'utf8')) as PublicExportManifest;
  const verify = (manifest: string, ...more: string[]) => ledger(['verify-export', manifest, '--public-key', publicKey, ...more], {});

  /** A copy of the export in its own folder, its file changed by `edit`; re-signed with the office's key if asked. */
  function tampered(edit: (text: string) => string, options: { resign?: boolean } = {}): string {
    const dir = fs.mkdtempSync(path.join(scratch.dir, 'tampered-'));
    const text = edit(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(path.join(dir, 'public.jsonl'), text);
    let manifest = manifestOf();
    if (options.resign) {
      const bytes = Buffer.from(text);
      manifest = signManifest({ ...manifest, files: [{ ...manifest.files[0], sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }] }, readPrivateKey(privateKey));
    }
    const copy = path.join(dir, 'public.jsonl.manifest.json');
    fs.writeFileSync(copy, JSON.stringify(manifest));
    return copy;
  }

  const editLine = (text: string, index: number, edit: (record: Record<string, unknown>) => Record<string, unknown>) => {
    const all = text.trimEnd().split('\n');
    all[index] = canonicalize(edit(JSON.parse(all[index]))) as string;
    return `${all.join('\n')}\n`;
  };
  const lineIndex = (type: string, stream?: string) => lines().findIndex((line) => line.type === type && (stream === undefined || line.streamId === stream));

  it('holds the inspection, its statutory response and its findings, whole from revision 0, and nothing else', () => {
    const records = lines();
    const streams = [...new Set(records.map((line) => line.streamId))];
    expect(streams.sort()).toEqual(
      [`inspection-${SAMPLE_INSPECTION_ID}`, `statutory-response-${SAMPLE_INSPECTION_ID}`, ...['03', '05', '07', '09', '11'].map((n) => `recommendation-finding-rec-${n}`)].sort(),
    );
    for (const stream of streams) {
      expect(records.filter((line) => line.streamId === stream).map((line) => line.revision)).toEqual(records.filter((line) => line.streamId === stream).map((_, i) => i));
    }
    expect(Object.keys(records[0]).sort()).toEqual(['disclosed', 'eventId', 'hash', 'occurredAt', 'prevHash', 'recordedAt', 'revision', 'sequence', 'streamId', 'type', 'withheld']);
  });

  it('discloses only the fields the public register publishes, and names every field it withholds', () => {
    for (const line of lines()) {
      expect(Object.keys(line.disclosed as object).every((field) => (PUBLIC_EVENT_FIELDS as Record<string, readonly string[]>)[line.type as string].includes(field))).toBe(true);
      expect(line.withheld).toEqual(expect.arrayContaining(['metadata.actor', 'metadata.commandId']));
    }
    const owner = lines()[lineIndex('RecommendationOwnerAssigned')];
    expect(owner).toMatchObject({ disclosed: { recommendationId: 'finding-rec-03' }, withheld: expect.arrayContaining(['data.owner', 'data.organisation', 'data.previousOwner']) });
    const accepted = lines()[lineIndex('RecommendationAccepted', 'recommendation-finding-rec-03')];
    expect(accepted.withheld).toContain('metadata.onBehalfOf');
    expect((accepted.disclosed as { commitment: string }).commitment).toMatch(/^Cumbria Constabulary will have all detectives/);
    const approved = lines()[lineIndex('RecommendationTargetDateChangeApproved')];
    expect(approved.disclosed).toEqual({ recommendationId: 'finding-rec-05', from: '2025-07-31', to: '2025-10-31', reason: 'The national definition was published late, in March 2025.' });
  });

  it('names no one who recorded anything, no owner, and nothing unpublished, in the file or its manifest', () => {
    for (const text of [fs.readFileSync(file, 'utf8'), fs.readFileSync(manifestFile, 'utf8')]) {
      for (const name of [...PERSONAL, ...UNPUBLISHED]) expect({ name, found: text.includes(name) }).toEqual({ name, found: false });
    }
  });

  it("discloses the office-holders' published statements verbatim, and all the published response is made from", async () => {
    const statements = lines().filter((line) => String(line.type).endsWith('CommentsRecorded')).map((line) => (line.disclosed as { comments: string }).comments);
    expect(statements).toEqual([CHIEF_OFFICER, COMMISSIONER]);
    // The published response read from what the public export keeps of each event is the one read from the ledger, but for
    // whose statement it is (the chief officer's office, from the withheld envelope): the page names the office-holder, the export no one.
    const cut = (event: Awaited<ReturnType<typeof readStreamFully>>[number]) => ({
      ...event,
      data: publicDataOf(event.type, event.data) as JsonObject,
      metadata: Object.fromEntries(PUBLIC_METADATA_FIELDS.map((field) => [field, event.metadata[field]])) as JsonObject,
    });
    const read = (streamId: string) => readStreamFully(sample.store.readStream(streamId));
    const full = await readResponseDocument(read, SAMPLE_INSPECTION_ID);
    const fromPublic = await readResponseDocument(async (streamId) => (await read(streamId)).map(cut), SAMPLE_INSPECTION_ID);
    expect(full?.chiefOfficer).toEqual({ name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' });
    expect(full?.copiesSent).toHaveLength(1);
    expect(fromPublic).toEqual({ ...full, chiefOfficer: null });
  });

  it('says in its signed manifest what it withholds, why, and what can and cannot be checked', () => {
    const manifest = manifestOf();
    expect(manifest.format).toBe('pfcc-ledger-public-export/1');
    expect(manifest.withholds.metadata).toEqual(expect.arrayContaining(['metadata.actor', 'metadata.onBehalfOf']));
    expect(manifest.withholds.data.RecommendationProgressRecorded).toEqual(['data.narrative', 'data.percentComplete', 'data.rag']);
    expect(manifest.withholds.why).toContain('names no one except the office-holders');
    expect(manifest.checks.cannotCheck.join(' ')).toContain('cannot be recomputed from this file');
    expect(manifest.signature?.algorithm).toBe('Ed25519');
  });

  it('verifies offline with `ledger verify-export`, saying what it checked and what it could not', async () => {
    const run = await verify(manifestFile);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^OK: .*a public export of inspection rasso-nom-2024; signature valid/);
    expect(run.stdout).toContain('the chain links');
    expect(run.stdout).toContain("Not checked, because the public export withholds part of what each hash covers:");
    expect(run.stdout).toContain('--against FULL_EXPORT.jsonl');
  });

  it.each<[string, () => string, RegExp]>([
    ['a disclosed value changed', () => tampered((text) => text.replace('The national definition was published late', 'The national definition was published early')), /^FAILED: .*manifest-mismatch: public\.jsonl has SHA-256/],
    ['the manifest changed after signing', () => {
      const copy = tampered((text) => text);
      fs.writeFileSync(copy, JSON.stringify({ ...manifestOf(copy), events: 1 }));
      return copy;
    }, /signature-invalid: the signature does not match the manifest/],
    ['a line dropped', () => tampered((text) => text.split('\n').filter((_, i) => i !== lineIndex('RecommendationWorkStarted')).join('\n')), /missing-revision at stream recommendation-finding-rec-03, revision 4/],
    ['a chain link broken', () => tampered((text) => editLine(text, lineIndex('RecommendationWorkStarted'), (r) => ({ ...r, prevHash: 'a'.repeat(64) }))), /prev-hash-mismatch at stream recommendation-finding-rec-03, revision 4/],
    ['a hash altered', () => tampered((text) => editLine(text, lineIndex('RecommendationOwnerAssigned'), (r) => ({ ...r, hash: 'b'.repeat(64) }))), /prev-hash-mismatch at stream recommendation-finding-rec-03, revision 4.*but revision 3 has hash bbbb/],
    ['a recorder\'s name smuggled in, even re-signed', () => tampered((text) => editLine(text, 0, (r) => ({ ...r, metadata: { actor: { name: 'Office Caseworker' } } })), { resign: true }), /withheld-field at .*line 1: the line carries metadata, which the public export withholds/],
    ['an owner disclosed, even re-signed', () => tampered((text) => editLine(text, lineIndex('RecommendationOwnerAssigned'), (r) => ({ ...r, disclosed: { ...(r.disclosed as object), owner: 'Head of Public Protection Unit' } })), { resign: true }), /withheld-field .*disclosed carries owner, which the public register does not publish for RecommendationOwnerAssigned/],
    ['a line that is not JSON', () => tampered((text) => text.replace(/\n/, '\n{oops\n')), /malformed at line 2: not JSON/],
    ['a line without its withheld list, even re-signed', () => tampered((text) => editLine(text, 1, ({ withheld: _withheld, ...r }) => r), { resign: true }), /malformed at .*line 2: the line has no withheld/],
    ['a field both disclosed and withheld, even re-signed', () => tampered((text) => editLine(text, 0, (r) => ({ ...r, withheld: [...(r.withheld as string[]), 'data.title'].sort() })), { resign: true }), /malformed at .*line 1: data\.title is both disclosed and withheld/],
    ['a line rewritten out of canonical form, even re-signed', () => tampered((text) => text.replace(/^\{/, '{ '), { resign: true }), /malformed at .*line 1: the line is not in canonical form/],
    ['a hash that is not SHA-256, even re-signed', () => tampered((text) => editLine(text, 0, (r) => ({ ...r, hash: 'not-a-hash' })), { resign: true }), /malformed at .*line 1: hash must be SHA-256 hex/],
  ])('refuses %s', async (_name, make, expected) => {
    const run = await verify(make());
    expect({ code: run.code, out: run.stdout }).toEqual({ code: 1, out: expect.stringMatching(expected) });
  });

  it('refuses a manifest whose file is not next to it, and --against for an export that is not a public one', async () => {
    const alone = path.join(fs.mkdtempSync(path.join(scratch.dir, 'alone-')), 'public.jsonl.manifest.json');
    fs.copyFileSync(manifestFile, alone);
    expect(await verify(alone)).toMatchObject({ code: 1, stdout: expect.stringMatching(/file-missing: public\.jsonl is listed in the manifest but is not next to it/) });
    const full = await verify(`${fullExport}.manifest.json`, '--against', fullExport);
    expect(full).toMatchObject({ code: 2, stderr: expect.stringContaining('--against is for a public export: this manifest is not one') });
  });

  it('binds to the full export: every line is the ledger event as recorded, and none is left out (--against)', async () => {
    const run = await verify(manifestFile, '--against', fullExport);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`against the full export .*full\\.jsonl \\(\\d+ events, every hash recomputed\\): all ${manifestOf().events} public lines equal its events`));
  });

  it('finds a public line that differs from the full export, though the office re-signed it', async () => {
    const copy = tampered((text) => editLine(text, lineIndex('RecommendationTargetDateChangeApproved'), (r) => ({ ...r, disclosed: { ...(r.disclosed as object), to: '2025-08-31' } })), { resign: true });
    expect((await verify(copy)).code).toBe(0);
    const run = await verify(copy, '--against', fullExport);
    expect({ code: run.code, out: run.stdout }).toEqual({ code: 1, out: expect.stringMatching(/full-export-mismatch at stream recommendation-finding-rec-05, revision 4, .*: disclosed is .*"to":"2025-08-31".* in the public export but .*"to":"2025-10-31".* in the full export/) });
  });

  it('finds an event the public export left out, though the office re-signed it without that stream', async () => {
    const dropped = 'recommendation-finding-rec-09';
    const copy = tampered((text) => text.split('\n').filter((line) => !line.includes(`"streamId":"${dropped}"`)).join('\n'), { resign: false });
    const manifest = manifestOf(copy);
    const { streamList } = manifest;
    const kept = streamList.filter((stream) => stream.streamId !== dropped);
    const text = fs.readFileSync(path.join(path.dirname(copy), 'public.jsonl'));
    const recount = lines(text.toString());
    const resigned = signManifest<PublicExportManifest>(
      {
        ...manifest,
        streamList: kept,
        streams: kept.length,
        events: recount.length,
        digest: recount.reduce((root, line) => createHash('sha256').update(root + (line.hash as string)).digest('hex'), '0'.repeat(64)),
        files: [{ ...manifest.files[0], sha256: createHash('sha256').update(text).digest('hex'), bytes: text.length }],
      },
      readPrivateKey(privateKey),
    );
    fs.writeFileSync(copy, JSON.stringify(resigned));
    expect((await verify(copy)).code).toBe(0);
    const run = await verify(copy, '--against', fullExport);
    expect({ code: run.code, out: run.stdout }).toEqual({ code: 1, out: expect.stringMatching(/full-export-mismatch at stream recommendation-finding-rec-09, revision 0, .*the public export leaves it out/) });
  });

  it('refuses a full export that does not itself verify', async () => {
    const forged = path.join(scratch.dir, 'forged-full.jsonl');
    fs.writeFileSync(forged, fs.readFileSync(fullExport, 'utf8').replace('The national definition was published late', 'The national definition was published early'));
    const run = await verify(manifestFile, '--against', forged);
    expect({ code: run.code, out: run.stdout }).toEqual({ code: 1, out: expect.stringMatching(/hash-mismatch .*the full export forged-full\.jsonl does not verify/) });
  });
});
