import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExportLineError, parseExportLine, readExportFile, toExportLine } from './canonical-jsonl';

const event = {
  streamId: 'recommendation-finding-rec-03',
  revision: 2n,
  id: '5a59c657-cc0a-4fe8-b27b-a270bb1c24a6',
  type: 'RecommendationTargetDateSet',
  data: { targetDate: '2025-01-31', recommendationId: 'finding-rec-03' },
  metadata: { source: 'api', prevHash: null, hash: 'a'.repeat(64) },
};

describe('the canonical export line', () => {
  it('is the RFC 8785 canonical JSON of the record, ending in a newline', () => {
    expect(toExportLine(event, 9)).toBe(
      `{"data":{"recommendationId":"finding-rec-03","targetDate":"2025-01-31"},"eventId":"${event.id}","metadata":{"hash":"${'a'.repeat(64)}","prevHash":null,"source":"api"},"revision":2,"sequence":9,"streamId":"recommendation-finding-rec-03","type":"RecommendationTargetDateSet"}\n`,
    );
  });

  it('reads back as the same event', () => {
    expect(parseExportLine(toExportLine(event, 9).trimEnd(), 4)).toEqual({
      streamId: event.streamId,
      revision: 2n,
      eventId: event.id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      sequence: 9,
      line: 4,
    });
  });

  it.each([
    ['a line that is not JSON', '{"data":', /not JSON/],
    ['an unknown field', toExportLine(event, 9).trimEnd().replace('{"data"', '{"created":"x","data"'), /unexpected field created/],
    ['a negative revision', toExportLine({ ...event, revision: -1n }, 9).trimEnd(), /revision/],
    ['a line rewritten out of canonical form', JSON.stringify(JSON.parse(toExportLine(event, 9)), null, 1).replace(/\n/g, ''), /canonical form/],
  ])('refuses %s as malformed, naming the line', (_case, text, message) => {
    let error: unknown;
    try {
      parseExportLine(text, 7);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExportLineError);
    expect(error).toMatchObject({ problem: 'malformed', line: 7 });
    expect((error as Error).message).toMatch(message);
  });

  it('reports a file that ends without its last newline as truncated, with what the partial line still shows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const file = path.join(dir, 'cut.jsonl');
    const whole = toExportLine(event, 1) + toExportLine({ ...event, revision: 3n, id: '6d8971e5-ddea-4ed3-86c9-e39b33373a75' }, 2);
    fs.writeFileSync(file, whole.slice(0, whole.length - 40));
    const read: unknown[] = [];
    await expect(
      (async () => {
        for await (const e of readExportFile(file)) read.push(e);
      })(),
    ).rejects.toMatchObject({ problem: 'truncated', line: 2, eventId: '6d8971e5-ddea-4ed3-86c9-e39b33373a75' });
    expect(read).toHaveLength(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
