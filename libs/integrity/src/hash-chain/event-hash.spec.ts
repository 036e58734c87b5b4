import { createHash } from 'node:crypto';
import { EMPTY_LEDGER_DIGEST, canonicalHashText, eventHash, nextLedgerDigest } from './event-hash';

const content = {
  streamId: 'recommendation-finding-rec-03',
  revision: 1n,
  eventId: '9c753740-87db-4fff-8234-a1a230d6fcb5',
  type: 'RecommendationAccepted',
  data: { recommendationId: 'finding-rec-03', plannedCompletionDate: '2025-01-31', commitment: 'Train every detective — by “January”' },
  metadata: { source: 'api', actor: { name: 'Office Caseworker', id: 'opfcc-caseworker' }, hash: 'ignored', prevHash: 'ignored too' },
  prevHash: '2620be5b3800ebcee1bc4aaf4f236838f7c8993300f53ea6d17aeb9946445ee0',
};

describe('the event hash (the documented form, so that outsiders can recompute it)', () => {
  it('hashes the RFC 8785 canonical JSON of stream, revision as a decimal string, id, type, data, metadata without hash fields, and prevHash', () => {
    expect(canonicalHashText(content)).toBe(
      '{"data":{"commitment":"Train every detective — by “January”","plannedCompletionDate":"2025-01-31","recommendationId":"finding-rec-03"},' +
        '"eventId":"9c753740-87db-4fff-8234-a1a230d6fcb5",' +
        '"metadata":{"actor":{"id":"opfcc-caseworker","name":"Office Caseworker"},"source":"api"},' +
        '"prevHash":"2620be5b3800ebcee1bc4aaf4f236838f7c8993300f53ea6d17aeb9946445ee0",' +
        '"revision":"1","streamId":"recommendation-finding-rec-03","type":"RecommendationAccepted"}',
    );
    expect(eventHash(content)).toBe(createHash('sha256').update(Buffer.from(canonicalHashText(content), 'utf8')).digest('hex'));
  });

  it('does not depend on the order of keys, and changes with any field', () => {
    const reordered = { ...content, data: { commitment: content.data.commitment, recommendationId: 'finding-rec-03', plannedCompletionDate: '2025-01-31' } };
    expect(eventHash(reordered)).toBe(eventHash(content));
    expect(eventHash({ ...content, revision: 2n })).not.toBe(eventHash(content));
    expect(eventHash({ ...content, data: { ...content.data, plannedCompletionDate: '2025-02-01' } })).not.toBe(eventHash(content));
    expect(eventHash({ ...content, prevHash: null })).not.toBe(eventHash(content));
  });

  it('has revision 0 hashed with prevHash null', () => {
    expect(canonicalHashText({ ...content, revision: 0n, prevHash: null })).toContain('"prevHash":null,"revision":"0"');
  });

  it('rolls the ledger digest as SHA-256 of the previous root and the hash, both as hex text, from 64 zeros', () => {
    const hash = eventHash(content);
    expect(EMPTY_LEDGER_DIGEST).toBe('0'.repeat(64));
    expect(nextLedgerDigest(EMPTY_LEDGER_DIGEST, hash)).toBe(createHash('sha256').update(`${'0'.repeat(64)}${hash}`).digest('hex'));
  });
});
