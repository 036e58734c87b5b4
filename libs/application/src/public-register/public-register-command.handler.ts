import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { authoriseCommand } from '../access/authorise-command';
import type { CommandResult } from '../command-meta';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { publicRegisterAggregate } from './public-register.aggregate';
import { PublicRegisterCommandMessage } from './public-register-command.message';

@CommandHandler(PublicRegisterCommandMessage)
export class PublicRegisterCommandHandler implements ICommandHandler<PublicRegisterCommandMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ command, meta }: PublicRegisterCommandMessage): Promise<CommandResult> {
    authoriseCommand(command, meta);
    return (await this.pipeline.execute(publicRegisterAggregate, command, meta)).result;
  }
}
