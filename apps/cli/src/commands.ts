import type { CliCommand } from './cli-command';
import { exportCommand } from './commands/export.command';
import { importCommand } from './commands/import.command';
import { importPageCommand } from './commands/import-page.command';
import { keysCreateCommand } from './commands/keys-create.command';
import { peopleAddCommand, peopleDisableCommand, peopleLinkCommand, peopleListCommand } from './commands/people.command';
import { tokensCreateCommand, tokensListCommand, tokensRevokeCommand } from './commands/tokens.command';
import { publishResponseCommand } from './commands/publish-response.command';
import { projectionsRebuildCommand } from './commands/projections-rebuild.command';
import { projectionsStatusCommand } from './commands/projections-status.command';
import { projectionsVerifyCommand } from './commands/projections-verify.command';
import { verifyExportCommand } from './commands/verify-export.command';
import { verifyCommand } from './commands/verify.command';

/** Every `ledger` sub-command; each lives in its own file under ./commands. */
export const COMMANDS: CliCommand[] = [
  verifyCommand,
  verifyExportCommand,
  exportCommand,
  importCommand,
  importPageCommand,
  keysCreateCommand,
  peopleAddCommand,
  peopleListCommand,
  peopleDisableCommand,
  peopleLinkCommand,
  tokensCreateCommand,
  tokensListCommand,
  tokensRevokeCommand,
  projectionsStatusCommand,
  projectionsRebuildCommand,
  projectionsVerifyCommand,
  publishResponseCommand,
];
