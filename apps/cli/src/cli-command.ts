import type { ParseArgsConfig } from 'node:util';

export interface CliIO {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

export interface CliInvocation extends CliIO {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** One `ledger <name>` sub-command. Its options are parsed with node:util parseArgs. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options?: ParseArgsConfig['options'];
  /** Resolves to the process exit code. */
  run(invocation: CliInvocation): Promise<number>;
}

/** A refusal the user can act on: printed without a stack trace. */
export class CliUsageError extends Error {}
