import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EVENT_STORE } from '@ledger/application';
import { createEventStore, eventStoreConfigFromEnv, type EventStore } from '@ledger/event-store';
import { loadApiConfig } from '../../apps/api/src/config/api-config';
import { createApp } from '../../apps/api/src/create-app';
import { readModelsCaughtUp, removeDataDir, TEST_ENV, temporaryDataDir } from '../e2e/support/ledger-under-test';
import { LedgerDriver } from '../read-models/support/ledger-driver';
import { QUERY_DAY, recordSampleYear, type SampleYear } from '../read-models/support/sample-year';

/** Every page is read, and anything posted recorded, at this instant: the sample year's query day in London. */
export const NOW = new Date(`${QUERY_DAY}T10:00:00Z`);

/** A finding whose text is markup: the pages must show it as text. */
export const SCRIPT_TEXT = '<script>alert("finding")</script> Review <b>every</b> case file';

export interface ReadingLedger {
  url: string;
  /** The ledger's data folder (LEDGER_DATA_DIR). */
  dataDir: string;
  app: INestApplication;
  year: SampleYear;
  /** An inspection registered over the JSON API with markup in its title, text and key findings. */
  hostile: { inspectionId: string; recommendationId: string };
  http(): ReturnType<typeof request>;
  stop(): Promise<void>;
}

/**
 * The real application (createApp) on a temporary data folder with a fixed clock, holding the
 * sample inspection through its first year (recorded through the application's command bus, at
 * the instants the year gives) and one more inspection registered over the JSON API. Resolves
 * once the read models have applied all of it.
 */
export async function startReadingLedger(): Promise<ReadingLedger> {
  const dataDir = temporaryDataDir();
  const store = await createEventStore(eventStoreConfigFromEnv({ LEDGER_DATA_DIR: dataDir }));
  const driver = await LedgerDriver.start(store);
  const year = await recordSampleYear(driver);
  await driver.close();
  await store.close();

  const app = await createApp({ config: loadApiConfig({ ...TEST_ENV, LEDGER_DATA_DIR: dataDir }), clock: () => NOW, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const http = () => request(url);
  const stop = async () => {
    await app.close();
    removeDataDir(dataDir);
  };
  try {
    const registered = await http()
      .post('/api/inspections')
      .send({
        title: 'Fire <em>safety</em> & "protection" inspection',
        inspectionType: 'fire-thematic',
        scope: 'force-specific',
        service: 'fire',
        publishedOn: '2025-06-02',
        reportUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/fire-protection-2025',
        keyFindingsHtml: '<p onclick="steal()">Key <strong>finding</strong><script>steal()</script></p>',
        findings: [{ reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: SCRIPT_TEXT, subItems: ['<img src=x onerror=alert(1)>'] }],
      })
      .expect(201);
    const { inspectionId, findingIds } = registered.body as { inspectionId: string; findingIds: string[] };
    const ledger = { app, store: app.get<EventStore>(EVENT_STORE) };
    // The first start loads the read models from the year's log: on a loaded machine that can take longer than one read waits.
    await readModelsCaughtUp(ledger);
    // The finding is issued from the registration by the application, just after the command answers.
    await untilRead(http, `/api/read/register?inspectionId=${inspectionId}`, (body) => body.total === 1);
    await readModelsCaughtUp(ledger);
    return { url, dataDir, app, year, hostile: { inspectionId, recommendationId: findingIds[0] }, http, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function untilRead(http: () => ReturnType<typeof request>, path: string, done: (body: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await http().get(path);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${response.text}`);
    if (done(response.body as Record<string, unknown>)) return;
    if (Date.now() > deadline) throw new Error(`${path} did not answer as expected in ${timeoutMs} ms: ${JSON.stringify(response.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
