import { SingleBar } from 'cli-progress';
import { type Projection, type ProjectionsSource, type RebuildProgress, type RebuildResult, rebuildInThread } from '@ledger/projections';
import { ALL_PROJECTIONS } from '@ledger/projections/read-models';
import { type CliCommand, type CliIO, CliUsageError } from '../cli-command';

/** Without a terminal, a progress line this often. */
const LINE_INTERVAL_MS = 2000;

function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  const whole = Math.ceil(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}

function percent(progress: RebuildProgress): string {
  return progress.eventsTotal === 0 ? '100%' : `${Math.floor((progress.eventsDone / progress.eventsTotal) * 100)}%`;
}

/** How a rebuild's progress is shown: a bar on a terminal, a line every few seconds otherwise. */
interface ProgressDisplay {
  update(progress: RebuildProgress): void;
  finish(): void;
}

function progressBar(io: CliIO, name: string): ProgressDisplay {
  const bar = new SingleBar({
    stream: io.stdout,
    format: `${name} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_text}`,
    hideCursor: true,
  });
  let started = false;
  return {
    update(progress) {
      const payload = { rate: Math.round(progress.eventsPerSecond), eta_text: duration(progress.etaSeconds) };
      if (!started) {
        bar.start(progress.eventsTotal, progress.eventsDone, payload);
        started = true;
      }
      bar.setTotal(progress.eventsTotal);
      bar.update(progress.eventsDone, payload);
    },
    finish() {
      if (started) bar.stop();
    },
  };
}

function progressLines(io: CliIO, name: string): ProgressDisplay {
  let lastLine = 0;
  return {
    update(progress) {
      if (progress.finished || Date.now() - lastLine < LINE_INTERVAL_MS) return;
      lastLine = Date.now();
      io.stdout.write(
        `${name}: ${progress.eventsDone}/${progress.eventsTotal} events (${percent(progress)}), ` +
          `${Math.round(progress.eventsPerSecond)} events/s, ETA ${duration(progress.etaSeconds)}\n`,
      );
    },
    finish() {},
  };
}

/**
 * `source` names where the rebuild's thread loads the same projections from (default: the
 * ledger's ALL_PROJECTIONS): the rebuilds run in a thread of their own, with a bounded heap.
 */
export function projectionsRebuildCommandFor(projections: readonly Projection[], source: ProjectionsSource = {}): CliCommand {
  return {
    name: 'projections rebuild',
    summary: 'Rebuild read models from the start of the log into new tables, then swap them in',
    usage: [
      '[NAME ...]',
      '',
      '  NAME   the projections to rebuild (default: all)',
      'The current tables keep serving until the new ones have caught up. A rebuild that is',
      'interrupted resumes where it stopped when run again (or when the API starts).',
    ].join('\n'),
    async run(io) {
      const known = projections.map((projection) => projection.name);
      const unknown = io.positionals.filter((name) => !known.includes(name));
      if (unknown.length > 0) throw new CliUsageError(`unknown projection ${unknown.join(', ')}; known: ${known.join(', ') || 'none'}`);
      const names = io.positionals.length > 0 ? io.positionals : known;
      // Shown in turn, each as its progress arrives from the thread.
      const shown = new Map<string, { update(progress: RebuildProgress): void }>();
      const latest = new Map<string, RebuildProgress>();
      const { results, done } = rebuildInThread({
        ...source,
        env: io.env,
        names,
        onProgress: (progress) => {
          latest.set(progress.projection, progress);
          shown.get(progress.projection)?.update(progress);
        },
        warn: (message) => io.stderr.write(`${message}\n`),
      });
      let failures = 0;
      for (const name of names) {
        io.stdout.write(`Rebuilding ${name} from the start of the log...\n`);
        const display = io.stdout.isTTY ? progressBar(io, name) : progressLines(io, name);
        shown.set(name, display);
        const last = latest.get(name);
        if (last) display.update(last);
        try {
          const result = await (results.get(name) as Promise<RebuildResult>);
          display.finish();
          const rate = result.seconds > 0 && result.events > 0 ? `, ${Math.round(result.events / result.seconds)} events/s` : '';
          io.stdout.write(`${name}: generation ${result.generation} swapped in (${result.events} events, ${result.seconds.toFixed(1)} s${rate})\n`);
        } catch (error) {
          display.finish();
          failures += 1;
          io.stderr.write(`${name}: rebuild failed: ${(error as Error).message}\n`);
        } finally {
          shown.delete(name);
        }
      }
      await done;
      return failures === 0 ? 0 : 1;
    },
  };
}

export const projectionsRebuildCommand = projectionsRebuildCommandFor(ALL_PROJECTIONS);
