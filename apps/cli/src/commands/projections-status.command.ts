import { openProjectionHost, type Projection, type ProjectionStatus, readProjectionStatus } from '@ledger/projections';
import { ALL_PROJECTIONS } from '@ledger/projections/read-models';
import type { CliCommand } from '../cli-command';

function lag(status: ProjectionStatus): string {
  if (status.lag === null) return '-';
  return `${status.lag.atLeast ? '>=' : ''}${status.lag.events}`;
}

function fault(status: ProjectionStatus): string {
  const fault = status.fault;
  if (!fault) return '';
  return `generation ${fault.generation}: event ${fault.eventId} (${fault.eventType}) at ${fault.position}: ${fault.error}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

function toJson(status: ProjectionStatus): unknown {
  return JSON.parse(JSON.stringify(status, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));
}

export function projectionsStatusCommandFor(projections: readonly Projection[]): CliCommand {
  return {
    name: 'projections status',
    summary: "Show each read model's version, generation, checkpoint, lag in events, state and fault",
    usage: ['[--json]', '', '  --json   print the status as JSON (positions as strings)'].join('\n'),
    options: { json: { type: 'boolean' } },
    async run({ values, env, stdout }) {
      const host = await openProjectionHost(env, projections);
      let statuses: ProjectionStatus[];
      try {
        statuses = await readProjectionStatus(host.store, host.readModels, { streamPrefixes: host.streamPrefixes });
      } finally {
        await host.close();
      }
      if (values.json) {
        stdout.write(`${JSON.stringify(statuses.map(toJson))}\n`);
        return 0;
      }
      if (statuses.length === 0) {
        stdout.write('No projections are registered.\n');
        return 0;
      }
      const rows = [['PROJECTION', 'VERSION', 'GENERATION', 'CHECKPOINT', 'LAG', 'STATE', 'FAULT']];
      for (const status of statuses) {
        const version = status.activeVersion === null || status.activeVersion === status.version ? `${status.version}` : `${status.version} (live ${status.activeVersion})`;
        rows.push([status.name, version, `${status.generation ?? '-'}`, `${status.checkpoint ?? '-'}`, lag(status), status.state, fault(status)]);
      }
      const notes = statuses.flatMap((status) =>
        status.rebuild
          ? [
              `${status.name}: generation ${status.rebuild.generation} (version ${status.rebuild.version}) is being built: ` +
                `${status.rebuild.eventsDone} events done, ${status.rebuild.lag.atLeast ? 'at least ' : ''}${status.rebuild.lag.events} to go`,
            ]
          : [],
      );
      stdout.write(`${table(rows)}\n${notes.map((note) => `${note}\n`).join('')}`);
      return 0;
    },
  };
}

export const projectionsStatusCommand = projectionsStatusCommandFor(ALL_PROJECTIONS);
