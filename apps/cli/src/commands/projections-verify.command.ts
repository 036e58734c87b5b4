import { describeRowDifference, openProjectionHost, type Projection, type ProjectionVerification, verifyProjections } from '@ledger/projections';
import { ALL_PROJECTIONS } from '@ledger/projections/read-models';
import { type CliCommand, CliUsageError } from '../cli-command';

function report(verification: ProjectionVerification): string {
  const upTo = verification.checkpoint === null ? 'on an empty log' : `up to position ${verification.checkpoint}`;
  switch (verification.outcome) {
    case 'identical': {
      const rows = verification.tables.reduce((sum, table) => sum + table.liveRows, 0);
      const tables = verification.tables.length;
      return `${verification.projection}: identical to a rebuild from the log (${upTo}; ${tables} table${tables === 1 ? '' : 's'}, ${rows} rows)\n`;
    }
    case 'not-comparable':
      return `${verification.projection}: cannot verify: ${verification.reason}\n`;
    case 'different': {
      const lines = [`${verification.projection}: DIFFERS from a rebuild from the log (${upTo})`];
      for (const table of verification.tables) {
        if (table.columns) lines.push(`  ${table.table}: columns differ: live (${table.columns.live.join(', ')}), rebuilt (${table.columns.rebuilt.join(', ')})`);
        for (const difference of table.differences) lines.push(`  ${table.table}: ${describeRowDifference(difference)}`);
        if (table.truncated) lines.push(`  ${table.table}: ... and more rows (${table.liveRows} live rows, ${table.rebuiltRows} rebuilt)`);
      }
      return `${lines.join('\n')}\n`;
    }
  }
}

export function projectionsVerifyCommandFor(projections: readonly Projection[]): CliCommand {
  return {
    name: 'projections verify',
    summary: 'Rebuild every read model into scratch tables and compare them row by row with the live ones',
    usage: [
      '[NAME ...]',
      '',
      '  NAME   the projections to check (default: all)',
      'Exits 1 and names the differing rows when a live table differs from its rebuild.',
    ].join('\n'),
    async run({ positionals, env, stdout }) {
      const known = projections.map((projection) => projection.name);
      const unknown = positionals.filter((name) => !known.includes(name));
      if (unknown.length > 0) throw new CliUsageError(`unknown projection ${unknown.join(', ')}; known: ${known.join(', ') || 'none'}`);
      const host = await openProjectionHost(env, projections);
      try {
        const result = await verifyProjections(host.store, host.readModels, { streamPrefixes: host.streamPrefixes, ...(positionals.length > 0 ? { names: positionals } : {}) });
        for (const verification of result.projections) stdout.write(report(verification));
        stdout.write(result.ok ? 'All read models match a rebuild from the log.\n' : 'Read models differ from a rebuild from the log.\n');
        return result.ok ? 0 : 1;
      } finally {
        await host.close();
      }
    },
  };
}

export const projectionsVerifyCommand = projectionsVerifyCommandFor(ALL_PROJECTIONS);
