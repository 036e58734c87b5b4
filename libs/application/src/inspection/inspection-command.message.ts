import { Command } from '@nestjs/cqrs';
import type { InspectionCommand } from '@ledger/domain';
import type { CommandMeta, CommandResult } from '../command-meta';

export class InspectionCommandMessage extends Command<CommandResult> {
  constructor(
    readonly command: InspectionCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
