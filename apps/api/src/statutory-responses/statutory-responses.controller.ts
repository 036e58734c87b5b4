import { Body, Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StatutoryResponseCommandMessage } from '@ledger/application';
import { statutoryResponseStream, type StatutoryResponseCommand } from '@ledger/domain';
import { Cmd, CommandContext } from '../commands/command-context';
import { CommandAnswer, CommandGateway } from '../commands/command-gateway';
import { IdParam } from '../commands/id-param';
import { commandFields, StatementDto } from '../commands/statement.dto';
import { HistoryReader } from '../history/history-reader';
import type { HistoryDto } from '../openapi/api-docs.dto';
import { CommandRoute, HistoryRoute } from '../openapi/endpoint-docs';
import {
  CorrectStatutoryDateDto,
  InviteChiefOfficerCommentsDto,
  PublishDto,
  RecordChiefOfficerCommentsDto,
  RecordCommissionerCommentsDto,
  RecordCopySentDto,
  RecordReplyToChiefOfficerDto,
} from './statutory-response.dto';

/**
 * The response to one inspection, addressed by the inspection's id. Its clock is started by
 * registering the inspection, so there is no POST that creates one here.
 */
@ApiTags('statutory responses')
@Controller('api/statutory-responses')
export class StatutoryResponsesController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly history: HistoryReader,
  ) {}

  @CommandRoute('InviteChiefOfficerComments', ':id/invite-chief-officer-comments', "Invite the chief officer's comments by a date")
  invite(@IdParam() id: string, @Body() body: InviteChiefOfficerCommentsDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'InviteChiefOfficerComments', inspectionId: id, ...commandFields(body) });
  }

  @CommandRoute('RecordChiefOfficerComments', ':id/chief-officer-comments', "Record the chief officer's comments")
  chiefOfficerComments(@IdParam() id: string, @Body() body: RecordChiefOfficerCommentsDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RecordChiefOfficerComments', inspectionId: id, ...commandFields(body) });
  }

  @CommandRoute('RecordCommissionerComments', ':id/commissioner-comments', "Record the commissioner's own comments")
  commissionerComments(@IdParam() id: string, @Body() body: RecordCommissionerCommentsDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RecordCommissionerComments', inspectionId: id, ...commandFields(body) });
  }

  @CommandRoute('RecordReplyToChiefOfficer', ':id/reply-to-chief-officer', "Record the commissioner's reply to the chief officer's comments")
  replyToChiefOfficer(@IdParam() id: string, @Body() body: RecordReplyToChiefOfficerDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RecordReplyToChiefOfficer', inspectionId: id, ...commandFields(body) });
  }

  @CommandRoute('PublishStatutoryResponse', ':id/publish', 'Publish the response (refused until every applicable recommendation has a decision); lateness is recorded, not blocked')
  publish(@IdParam() id: string, @Body() body: PublishDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'PublishStatutoryResponse', inspectionId: id, ...commandFields(body) });
  }

  @CommandRoute('RecordCopySent', ':id/copies', 'Record a copy sent to HMICFRS or the Home Secretary')
  recordCopySent(@IdParam() id: string, @Body() body: RecordCopySentDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RecordCopySent', inspectionId: id, ...commandFields(body) });
  }

  @CommandRoute('PublishActionPlan', ':id/action-plan', 'Publish the action plan answering a fire report')
  publishActionPlan(@IdParam() id: string, @Body() body: PublishDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'PublishActionPlan', inspectionId: id, ...commandFields(body) });
  }

  @CommandRoute('CorrectStatutoryDate', ':id/date-corrections', 'Correct the date recorded for a step of the response; the step stays as recorded and the correction dates it from then on')
  correctDate(@IdParam() id: string, @Body() body: CorrectStatutoryDateDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'CorrectStatutoryDate', inspectionId: id, ...commandFields(body) });
  }

  @HistoryRoute("an inspection's statutory response")
  read(@IdParam() id: string, @Res({ passthrough: true }) response: Response): Promise<HistoryDto> {
    return this.history.read(statutoryResponseStream(id), response);
  }

  private send(cmd: CommandContext, body: StatementDto, command: StatutoryResponseCommand): Promise<CommandAnswer> {
    return this.gateway.send(cmd, new StatutoryResponseCommandMessage(command, cmd.meta(body)));
  }
}
