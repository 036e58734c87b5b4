import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { COMMANDS } from '../../../apps/cli/src/commands';
import { runCli } from '../../../apps/cli/src/run-cli';

export interface LedgerRun {
  code: number;
  stdout: string;
  stderr: string;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

/** `ledger <args>` in this process, with its own environment. */
export async function ledger(args: string[], env: NodeJS.ProcessEnv): Promise<LedgerRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await runCli(args, { env, stdout, stderr }, COMMANDS);
  return { code, stdout: out(), stderr: err() };
}

/** `ledger <args>` as a real child process running the CLI from source. */
export function ledgerProcess(args: string[], env: NodeJS.ProcessEnv): LedgerRun {
  const result = spawnSync(process.execPath, ['-r', './test/support/register-ts.js', 'apps/cli/src/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
