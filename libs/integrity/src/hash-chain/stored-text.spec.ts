import canonicalize from 'canonicalize';
import fc from 'fast-check';
import type { JsonObject } from '@ledger/event-store';
import { toExportLine } from '../export/canonical-jsonl';
import { canonicalHashText } from './event-hash';
import { exportLineOfStored, hashTextOfStored, withMembers } from './stored-text';

const json = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonObject[string]>;
const key = fc.oneof(fc.string(), fc.constantFrom('hash', 'prevHash', 'hasg', 'hasi', 'prevHasg', 'prevHasi', '$x', 'a\\"b', 'ü', '😀'));
const object = fc.dictionary(key, json, { maxKeys: 8 }) as fc.Arbitrary<JsonObject>;
const hex = fc.stringMatching(/^[0-9a-f]{64}$/);

const stored = fc.record({
  streamId: fc.string({ minLength: 1 }),
  revision: fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }),
  eventId: fc.uuid(),
  type: fc.string({ minLength: 1 }),
  data: object,
  metadata: object.map(({ hash: _hash, prevHash: _prevHash, ...rest }) => rest as JsonObject),
  hash: hex,
  prevHash: fc.option(hex),
});

describe('texts made from the stored canonical parts', () => {
  it('the text a hash covers is canonicalHashText of the same event, for any JSON', () => {
    fc.assert(
      fc.property(stored, (event) => {
        const parts = { ...event, data: canonicalize(event.data) as string, metadata: canonicalize(event.metadata) as string };
        expect(hashTextOfStored(parts, event.prevHash)).toBe(canonicalHashText({ ...event, prevHash: event.prevHash }));
      }),
      { numRuns: 500 },
    );
  });

  it('the export line is toExportLine of the same event with its hashes in the metadata, for any JSON', () => {
    fc.assert(
      fc.property(stored, fc.integer({ min: 1, max: 2 ** 40 }), (event, sequence) => {
        const parts = { ...event, data: canonicalize(event.data) as string, metadata: canonicalize(event.metadata) as string };
        const metadata = { ...event.metadata, hash: event.hash, prevHash: event.prevHash };
        expect(exportLineOfStored(parts, event.hash, event.prevHash, sequence)).toBe(
          toExportLine({ streamId: event.streamId, revision: event.revision, id: event.eventId, type: event.type, data: event.data, metadata }, sequence),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('adds members at their place in key order, into an empty object too', () => {
    expect(withMembers('{}', [['hash', '"h"']])).toBe('{"hash":"h"}');
    expect(withMembers('{"a":{"hash":1},"z":[1,{"b":"}"}]}', [['hash', '1'], ['prevHash', 'null']])).toBe('{"a":{"hash":1},"hash":1,"prevHash":null,"z":[1,{"b":"}"}]}');
  });
});
