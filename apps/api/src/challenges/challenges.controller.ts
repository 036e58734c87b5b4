import { Body, Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ChallengeCommandMessage } from '@ledger/application';
import { challengeStream, type ChallengeCommand } from '@ledger/domain';
import { Cmd, CommandContext } from '../commands/command-context';
import { CommandAnswer, CommandGateway } from '../commands/command-gateway';
import { IdParam } from '../commands/id-param';
import { commandFields, StatementDto } from '../commands/statement.dto';
import { HistoryReader } from '../history/history-reader';
import type { HistoryDto } from '../openapi/api-docs.dto';
import { CommandRoute, HistoryRoute } from '../openapi/endpoint-docs';
import { AnswerChallengeDto, CloseChallengeDto, RaiseChallengeDto } from './challenge.dto';

@ApiTags('scrutiny challenges')
@Controller('api/challenges')
export class ChallengesController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly history: HistoryReader,
  ) {}

  @CommandRoute('RaiseChallenge', '', 'Raise a scrutiny challenge', { creates: 'challengeId' })
  raise(@Body() body: RaiseChallengeDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    const challengeId = cmd.newId('challenge');
    return this.send(cmd, body, { type: 'RaiseChallenge', challengeId, ...commandFields(body) }, { challengeId });
  }

  @CommandRoute('AnswerChallenge', ':id/answer', 'Answer a challenge (a follow-up answer adds to the first)')
  answer(@IdParam() id: string, @Body() body: AnswerChallengeDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'AnswerChallenge', challengeId: id, ...commandFields(body) });
  }

  @CommandRoute('CloseChallenge', ':id/close', 'Close a challenge with its outcome')
  close(@IdParam() id: string, @Body() body: CloseChallengeDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'CloseChallenge', challengeId: id, ...commandFields(body) });
  }

  @HistoryRoute('a scrutiny challenge')
  read(@IdParam() id: string, @Res({ passthrough: true }) response: Response): Promise<HistoryDto> {
    return this.history.read(challengeStream(id), response);
  }

  private send(cmd: CommandContext, body: StatementDto, command: ChallengeCommand, created?: Record<string, string>): Promise<CommandAnswer> {
    return this.gateway.send(cmd, new ChallengeCommandMessage(command, cmd.meta(body)), created);
  }
}
