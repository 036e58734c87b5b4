/**
 * The read side against its physical baseline: a raw scan of the event table with JSON.parse of
 * each row. Every job runs in its own process, so that its peak RSS is its own.
 */
import * as path from 'node:path';
import type { BenchModule, SizeContext } from './bench-module';
import { runChildJob } from './support/child-job';

/** Where the replay leaves its read models, for the start-up measure. */
export function projectedReadModels(context: SizeContext): string {
  return path.join(context.workDir, 'read-models.sqlite');
}

export function readSideBench(replayBudgetSeconds: number): BenchModule {
  return {
    name: 'read side',
    async atSize(context) {
      const { events, ledgerFile, results } = context;
      const perSecond = (figures: { events: number; ms: number }) => figures.events / (figures.ms / 1000);

      const scan = await runChildJob('scan', [ledgerFile]);
      results.set(events, 'scan+parse events/s', perSecond(scan), 'events/s');
      results.set(events, 'scan peak RSS MiB', scan.peakRssMiB, 'MiB');

      const verify = await runChildJob('verify', [ledgerFile]);
      results.set(events, 'verify events/s', perSecond(verify), 'events/s');
      results.set(events, 'verify peak RSS MiB', verify.peakRssMiB, 'MiB');

      const exported = await runChildJob('export', ['jsonl', ledgerFile, path.join(context.workDir, 'ledger.jsonl')]);
      results.set(events, 'JSONL export events/s', perSecond(exported), 'events/s');
      results.set(events, 'JSONL export peak RSS MiB', exported.peakRssMiB, 'MiB');
      results.set(events, 'JSONL manifest MiB', exported.manifestMiB, 'MiB');

      // CSV and XLSX are streamed too (issue 13): their memory is judged like JSONL's.
      for (const [format, label] of [['csv', 'CSV'], ['xlsx', 'XLSX']] as const) {
        const figures = await runChildJob('export', [format, ledgerFile, path.join(context.workDir, `ledger.${format}`)]);
        results.set(events, `${label} export events/s`, perSecond(figures), 'events/s');
        results.set(events, `${label} export peak RSS MiB`, figures.peakRssMiB, 'MiB');
      }

      const replay = await runChildJob('replay', [ledgerFile, projectedReadModels(context), String(replayBudgetSeconds)]);
      results.set(events, 'replay of every read model events/s', perSecond(replay), 'events/s');
      results.set(events, 'replay share of the log done in budget', replay.events / verify.events, '');
      results.set(events, 'replay peak RSS MiB', replay.peakRssMiB, 'MiB');
      results.set(events, 'replay bytes written MiB', replay.writtenMiB, 'MiB');
      results.set(events, 'replay read-model file MiB', replay.fileMiB, 'MiB');
      if (replay.complete !== 1) {
        results.notes.push(`replay at ${events} events stopped at its ${replayBudgetSeconds} s budget after ${replay.events} events: its figures cover that part`);
      }
    },
  };
}
