import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_UPCASTERS, SqliteEventStore, UpcastingEventStore } from '@ledger/event-store';
import { type Projection, ProjectionRunner, ReadModels } from '@ledger/projections';
import { SILENT_LOGGER } from '@ledger/projections/test-fixtures/test-projections';

/** Reads the v2 field only: it must never see a v1 event. */
const plannedDates: Projection = {
  name: 'planned_dates',
  version: 1,
  tables: { planned: { columns: 'recommendation_id TEXT PRIMARY KEY, planned_completion_date TEXT' } },
  apply(event, context) {
    if (event.type !== 'RecommendationAccepted') return;
    if (!Object.hasOwn(event.data, 'plannedCompletionDate')) throw new Error('RecommendationAccepted without plannedCompletionDate');
    context.statement(`INSERT INTO ${context.table('planned')} VALUES (?, ?)`).run(event.data.recommendationId, event.data.plannedCompletionDate);
  },
};

describe('projections fed through the upcasting store', () => {
  it('see events stored in an older schema in their current shape', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const raw = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    const store = new UpcastingEventStore(raw, DEFAULT_UPCASTERS);
    const readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), [plannedDates]);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT_LOGGER });
    try {
      const accepted = (recommendationId: string, data: Record<string, string>, schemaVersion: number) => ({
        id: randomUUID(),
        type: 'RecommendationAccepted',
        data: { recommendationId, commitment: 'Deliver it', ...data },
        metadata: { schemaVersion },
      });
      await raw.append('recommendation-rec-03', [accepted('rec-03', { targetDate: '2025-01-31' }, 1)], 'no_stream');
      const { position } = await raw.append('recommendation-rec-05', [accepted('rec-05', { plannedCompletionDate: '2025-07-31' }, 2)], 'no_stream');

      await runner.start();

      expect(await readModels.waitForPosition(position, 5000)).toBe(true);
      expect(readModels.activeGeneration('planned_dates')?.fault).toBeNull();
      expect(readModels.db.prepare(`SELECT * FROM ${readModels.table('planned_dates', 'planned')} ORDER BY 1`).all()).toEqual([
        { recommendation_id: 'rec-03', planned_completion_date: '2025-01-31' },
        { recommendation_id: 'rec-05', planned_completion_date: '2025-07-31' },
      ]);
    } finally {
      await runner.stop();
      readModels.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
