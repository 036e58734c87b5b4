import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonObject, RecordedEvent, SubscriptionMessage } from '../event-store.port';
import { SqliteEventStore } from '../embedded/sqlite-event-store';
import { currentSchemaVersion, DEFAULT_UPCASTERS } from './default-upcasters';
import { type Upcaster, UpcasterRegistry, UpcastingError } from './upcaster-registry';
import { UpcastingEventStore } from './upcasting-event-store';

const actor = { id: 'u-1', name: 'Sam Office', role: 'office', organisation: 'Cumbria PFCC' };

function stored(type: string, data: JsonObject, schemaVersion?: number) {
  const metadata: JsonObject = { actor, occurredAt: '2024-09-10T10:00:00.000Z', recordedAt: '2024-09-10T10:00:00.000Z' };
  if (schemaVersion !== undefined) metadata.schemaVersion = schemaVersion;
  return { id: randomUUID(), type, data, metadata };
}

describe('upcasting', () => {
  let dir: string;
  let raw: SqliteEventStore;
  let store: UpcastingEventStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    raw = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    store = new UpcastingEventStore(raw, DEFAULT_UPCASTERS);
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('RecommendationAccepted v1 (targetDate) read as v2 (plannedCompletionDate)', () => {
    const v1 = { recommendationId: 'rec-03', commitment: 'Deliver the Soteria training plan', targetDate: '2025-01-31' };
    const v2 = { recommendationId: 'rec-03', commitment: 'Deliver the Soteria training plan', plannedCompletionDate: '2025-01-31' };

    beforeEach(async () => {
      await raw.append('recommendation-rec-03', [stored('FindingIssued', { recommendationId: 'rec-03', reference: 'REC 03' }, 1), stored('RecommendationAccepted', v1, 1)], 'no_stream');
    });

    it('writers stamp RecommendationAccepted with version 2 and types without a change with version 1', () => {
      expect(currentSchemaVersion('RecommendationAccepted')).toBe(2);
      expect(currentSchemaVersion('FindingIssued')).toBe(1);
    });

    it('reads a stored v1 event in the v2 shape, from the stream, from $all and from a subscription', async () => {
      const fromStream: RecordedEvent[] = [];
      for await (const event of store.readStream('recommendation-rec-03')) fromStream.push(event);
      const fromAll: RecordedEvent[] = [];
      for await (const event of store.readAll()) fromAll.push(event);
      const subscription = store.subscribeToAll();
      const subscribed: SubscriptionMessage[] = [];
      for await (const message of subscription) {
        subscribed.push(message);
        if (message.kind === 'caught-up') break;
      }

      for (const events of [fromStream, fromAll, subscribed.flatMap((message) => (message.kind === 'event' ? [message.event] : []))]) {
        expect(events.map((event) => [event.type, event.data, event.metadata.schemaVersion])).toEqual([
          ['FindingIssued', { recommendationId: 'rec-03', reference: 'REC 03' }, 1],
          ['RecommendationAccepted', v2, 2],
        ]);
      }
      expect(fromAll[1].metadata.actor).toEqual(actor);
    });

    it('leaves the stored event as it was written', async () => {
      const events: RecordedEvent[] = [];
      for await (const event of raw.readStream('recommendation-rec-03')) events.push(event);

      expect(events[1]).toMatchObject({ data: v1, metadata: { schemaVersion: 1 } });
    });

    it('passes a v2 event through unchanged, and treats an event without schemaVersion as v1', async () => {
      await raw.append('recommendation-rec-05', [stored('RecommendationAccepted', { ...v2, recommendationId: 'rec-05' }, 2)], 'no_stream');
      await raw.append('recommendation-rec-07', [stored('RecommendationAccepted', { ...v1, recommendationId: 'rec-07' })], 'no_stream');

      const read: RecordedEvent[] = [];
      for await (const event of store.readAll({ after: 2n })) read.push(event);

      expect(read.map((event) => [event.data, event.metadata.schemaVersion])).toEqual([
        [{ ...v2, recommendationId: 'rec-05' }, 2],
        [{ ...v2, recommendationId: 'rec-07' }, 2],
      ]);
    });

    it('keeps the v2 name on an event that was stamped 1 by a writer that did not yet version per type', async () => {
      await raw.append('recommendation-rec-09', [stored('RecommendationAccepted', { ...v2, recommendationId: 'rec-09', plannedCompletionDate: null }, 1)], 'no_stream');

      const read: RecordedEvent[] = [];
      for await (const event of store.readStream('recommendation-rec-09')) read.push(event);

      expect(read[0].data).toEqual({ ...v2, recommendationId: 'rec-09', plannedCompletionDate: null });
    });

    it('refuses an event from a newer schema than the program knows, naming the event', async () => {
      const newer = stored('RecommendationAccepted', v2, 3);
      await raw.append('recommendation-rec-11', [newer], 'no_stream');

      const reading = (async () => {
        for await (const event of store.readStream('recommendation-rec-11')) return event;
      })();

      await expect(reading).rejects.toThrow(UpcastingError);
      await expect(reading).rejects.toThrow(`event ${newer.id} (RecommendationAccepted, recommendation-rec-11@0, position 3): schema version 3 is newer`);
    });
  });

  describe('UpcasterRegistry', () => {
    const step = (fromVersion: number, field: string): Upcaster => ({
      eventType: 'ProgressRecorded',
      fromVersion,
      upcast: (data) => ({ ...data, [field]: true }),
    });

    it('chains upcasters from the stored version to the current one, in order', () => {
      const registry = new UpcasterRegistry([step(2, 'second'), step(1, 'first')]);
      const event: RecordedEvent = {
        streamId: 'recommendation-1',
        revision: 0n,
        position: 1n,
        id: 'e-1',
        type: 'ProgressRecorded',
        data: {},
        metadata: { schemaVersion: 1 },
        created: new Date(),
      };

      expect(registry.currentSchemaVersion('ProgressRecorded')).toBe(3);
      expect(registry.upcast(event)).toMatchObject({ data: { first: true, second: true }, metadata: { schemaVersion: 3 } });
      expect(registry.upcast({ ...event, metadata: { schemaVersion: 2 } }).data).toEqual({ second: true });
    });

    it('refuses a chain with a missing step or two upcasters for the same step', () => {
      expect(() => new UpcasterRegistry([step(2, 'second')])).toThrow('no upcaster for ProgressRecorded from version 1');
      expect(() => new UpcasterRegistry([step(1, 'a'), step(1, 'b')])).toThrow('two upcasters for ProgressRecorded from version 1');
      expect(() => new UpcasterRegistry([step(0, 'a')])).toThrow('fromVersion must be an integer >= 1');
    });
  });
});
