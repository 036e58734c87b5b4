/** Loading one 30-event stream the way a command does (read, upcast, fold), in the largest ledger. */
import { recommendationDecider } from '@ledger/domain';
import { readAggregate } from '@ledger/application/pipeline/read-aggregate';
import { SqliteEventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import type { BenchModule } from './bench-module';
import { THIRTY_EVENT_STREAM } from './support/bench-ledger';

const WARM_UP = 500;
const LOADS = 5000;

export const streamLoadBench: BenchModule = {
  name: 'stream load',
  async once(context) {
    const store = ledgerEventStore(SqliteEventStore.open(context.largest.ledgerFile));
    try {
      const times: number[] = [];
      for (let i = 0; i < WARM_UP + LOADS; i += 1) {
        const started = performance.now();
        const { history } = await readAggregate(store, recommendationDecider, THIRTY_EVENT_STREAM);
        const ms = performance.now() - started;
        if (history.length !== 30) throw new Error(`${THIRTY_EVENT_STREAM} holds ${history.length} events, not 30`);
        if (i >= WARM_UP) times.push(ms);
      }
      times.sort((a, b) => a - b);
      context.results.set(0, 'load 30-event stream p50 ms', times[Math.floor(LOADS * 0.5)], 'ms');
      context.results.set(0, 'load 30-event stream p99 ms', times[Math.floor(LOADS * 0.99)], 'ms');
    } finally {
      await store.close();
    }
  },
};
