/**
 * The finding issuer's thread: follows the inspection streams and completes their follow-ups with
 * its own connection to the log, so that neither its subscription nor its re-reads of the
 * findings' streams run on the event loop that answers requests.
 */
import { Logger, type LoggerService } from '@nestjs/common';
import { parentPort, workerData } from 'node:worker_threads';
import { createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { FindingIssuance } from './finding-issuance';
import { FindingIssuer } from './finding-issuer';
import type { FindingIssuerThreadData, FromIssuerThread, ToIssuerThread } from './finding-issuer-thread-messages';
import { FileCheckpoint } from './reactor-checkpoint';

if (!parentPort) throw new Error('finding-issuer.worker runs as a worker thread');
const port = parentPort;
const post = (message: FromIssuerThread) => port.postMessage(message);

/** Nest's loggers in this thread write through the API's own log, in its thread. */
const toParent = (level: 'log' | 'warn' | 'error') => (message: unknown, ...rest: unknown[]) => {
  const context = rest.length > 0 ? `[${String(rest[rest.length - 1])}] ` : '';
  post({ type: 'log', level, message: `${context}${String(message)}` });
};
const parentLogger: LoggerService = { log: toParent('log'), warn: toParent('warn'), error: toParent('error'), debug: () => undefined, verbose: () => undefined };

async function main(data: FindingIssuerThreadData): Promise<void> {
  Logger.overrideLogger(parentLogger);
  const raw = await createEventStore(eventStoreConfigFromEnv(data.env), { onGroupCommit: () => post({ type: 'appended' }) });
  const store = ledgerEventStore(raw);
  const issuance = new FindingIssuance(new CommandPipeline(store, () => new Date()), store, data.policies);
  const issuer = new FindingIssuer(store, issuance, new FileCheckpoint(data.checkpointFile));
  port.on('message', (message: ToIssuerThread) => {
    if (message.type !== 'stop') return;
    void (async () => {
      await issuer.stop();
      await store.close();
      post({ type: 'stopped' });
      port.close();
    })();
  });
  issuer.start();
  post({ type: 'started' });
  void issuer.whenCaughtUp().then(() => post({ type: 'caught-up' }));
}

main(workerData as FindingIssuerThreadData).catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
});
