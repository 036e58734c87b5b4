import { COMMANDS } from './commands';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }, COMMANDS).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ledger: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
