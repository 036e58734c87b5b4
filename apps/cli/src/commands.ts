import type { CliCommand } from './cli-command';

/** Every `ledger` sub-command; each lives in its own file under ./commands. */
export const COMMANDS: CliCommand[] = [];
