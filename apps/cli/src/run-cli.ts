import { parseArgs } from 'node:util';
import { CliUsageError, type CliCommand, type CliIO } from './cli-command';

function helpText(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  return [
    'ledger: operator tool for the PFCC accountability ledger',
    '',
    'Usage: ledger <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `ledger <command> --help` for a command\'s options.',
    'Environment: LEDGER_DATA_DIR (default ./data), LEDGER_EVENT_STORE (embedded|esdb), ESDB_CONNECTION_STRING.',
    '',
  ].join('\n');
}

/** Runs one invocation and resolves to its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIO, commands: CliCommand[]): Promise<number> {
  const [name] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText(commands));
    return name === undefined ? 2 : 0;
  }
  // Sub-commands may have spaces in their names ("projections rebuild"): take the longest match.
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
  if (!command) {
    io.stderr.write(`ledger: unknown command '${name}'\n\n${helpText(commands)}`);
    return 2;
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`Usage: ledger ${command.name} ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
    return await command.run({ ...io, values, positionals });
  } catch (error) {
    if (error instanceof CliUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`ledger ${command.name}: ${(error as Error).message}\nUsage: ledger ${command.name} ${command.usage}\n`);
      return 2;
    }
    io.stderr.write(`ledger ${command.name}: ${(error as Error).message}\n`);
    return 1;
  }
}
