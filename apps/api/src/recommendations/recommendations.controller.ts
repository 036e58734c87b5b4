import { Body, Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RecommendationCommandMessage } from '@ledger/application';
import { recommendationStream, type RecommendationCommand } from '@ledger/domain';
import { Cmd, CommandContext } from '../commands/command-context';
import { CommandAnswer, CommandGateway } from '../commands/command-gateway';
import { IdParam } from '../commands/id-param';
import { commandFields, StatementDto } from '../commands/statement.dto';
import { HistoryReader } from '../history/history-reader';
import type { HistoryDto } from '../openapi/api-docs.dto';
import { CommandRoute, HistoryRoute } from '../openapi/endpoint-docs';
import {
  AcceptRecommendationDto,
  AddActionDto,
  AssessApplicabilityDto,
  AssignOwnerDto,
  ClearDependencyDto,
  CommentDto,
  CorrectEntryDateDto,
  CorrectEntryDto,
  FlagDependencyDto,
  MarkCompleteDto,
  PartiallyAcceptRecommendationDto,
  ReasonDto,
  RecordInspectorateClosureDto,
  RecordInspectorateStatusDto,
  RecordProgressDto,
  RequestTargetDateChangeDto,
  SetTargetDateDto,
  SubmitEvidenceDto,
  SupersedeDto,
} from './recommendation.dto';

/**
 * Commands on one finding's stream. Findings are issued when their inspection is registered, so
 * there is no POST that creates one here.
 */
@ApiTags('recommendations')
@Controller('api/recommendations')
export class RecommendationsController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly history: HistoryReader,
  ) {}

  @CommandRoute('AssessApplicability', ':id/assess-applicability', 'Assess whether the finding applies here (a reason is required when it does not)')
  assessApplicability(@IdParam() id: string, @Body() body: AssessApplicabilityDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'AssessApplicability', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('AcceptRecommendation', ':id/accept', 'Accept, with the commitment made and its planned completion date')
  accept(@IdParam() id: string, @Body() body: AcceptRecommendationDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'AcceptRecommendation', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('PartiallyAcceptRecommendation', ':id/partially-accept', 'Accept in part: the scope accepted and not accepted, and why')
  partiallyAccept(@IdParam() id: string, @Body() body: PartiallyAcceptRecommendationDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'PartiallyAcceptRecommendation', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('RejectRecommendation', ':id/reject', 'Reject (reason required)')
  reject(@IdParam() id: string, @Body() body: ReasonDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RejectRecommendation', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('AssignOwner', ':id/assign-owner', 'Name who is answerable for delivery')
  assignOwner(@IdParam() id: string, @Body() body: AssignOwnerDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'AssignOwner', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('SetTargetDate', ':id/set-target-date', 'Set the first target date (later changes go through a request and approval)')
  setTargetDate(@IdParam() id: string, @Body() body: SetTargetDateDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'SetTargetDate', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('RequestTargetDateChange', ':id/target-date-changes', 'Request a change of target date (reason required)')
  requestTargetDateChange(@IdParam() id: string, @Body() body: RequestTargetDateChangeDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RequestTargetDateChange', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('ApproveTargetDateChange', ':id/target-date-changes/approve', 'Approve the pending target date change (not by its requester)')
  approveTargetDateChange(@IdParam() id: string, @Body() body: CommentDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'ApproveTargetDateChange', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('RefuseTargetDateChange', ':id/target-date-changes/refuse', 'Refuse the pending target date change (reason required)')
  refuseTargetDateChange(@IdParam() id: string, @Body() body: ReasonDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RefuseTargetDateChange', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('AddAction', ':id/actions', 'Add a sub-action with its owner and due date', { creates: 'actionId' })
  addAction(@IdParam() id: string, @Body() body: AddActionDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    const actionId = cmd.newId('action');
    return this.send(cmd, body, { type: 'AddAction', recommendationId: id, actionId, ...commandFields(body) }, { actionId });
  }

  @CommandRoute('CompleteAction', ':id/actions/:actionId/complete', 'Complete a sub-action')
  completeAction(@IdParam() id: string, @IdParam('actionId') actionId: string, @Body() body: StatementDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'CompleteAction', recommendationId: id, actionId });
  }

  @CommandRoute('RecordProgress', ':id/progress', 'Record progress: narrative, optional percent, self-assessed RAG')
  recordProgress(@IdParam() id: string, @Body() body: RecordProgressDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RecordProgress', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('FlagDependency', ':id/dependencies', 'Flag that delivery waits on someone outside the force', { creates: 'dependencyId' })
  flagDependency(@IdParam() id: string, @Body() body: FlagDependencyDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    const dependencyId = cmd.newId('dependency');
    return this.send(cmd, body, { type: 'FlagDependency', recommendationId: id, dependencyId, ...commandFields(body) }, { dependencyId });
  }

  @CommandRoute('ClearDependency', ':id/dependencies/:dependencyId/clear', 'Clear a dependency')
  clearDependency(@IdParam() id: string, @IdParam('dependencyId') dependencyId: string, @Body() body: ClearDependencyDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'ClearDependency', recommendationId: id, dependencyId, ...commandFields(body) });
  }

  @CommandRoute('SubmitEvidence', ':id/evidence', 'Submit evidence: a reference and its SHA-256, never the document', { creates: 'evidenceId' })
  submitEvidence(@IdParam() id: string, @Body() body: SubmitEvidenceDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    const evidenceId = cmd.newId('evidence');
    return this.send(cmd, body, { type: 'SubmitEvidence', recommendationId: id, evidenceId, ...commandFields(body) }, { evidenceId });
  }

  @CommandRoute('MarkComplete', ':id/mark-complete', 'Mark complete, with a summary and the evidence relied on')
  markComplete(@IdParam() id: string, @Body() body: MarkCompleteDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'MarkComplete', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('VerifyCompletion', ':id/verify', 'Verify completion (not by the person who marked it complete)')
  verify(@IdParam() id: string, @Body() body: CommentDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'VerifyCompletion', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('ReturnForFurtherWork', ':id/return-for-further-work', 'Return for further work (reason required)')
  returnForFurtherWork(@IdParam() id: string, @Body() body: ReasonDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'ReturnForFurtherWork', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('CloseRecommendation', ':id/close', "Close a verified recommendation (the PFCC's sign-off)")
  close(@IdParam() id: string, @Body() body: CommentDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'CloseRecommendation', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('RecordInspectorateStatus', ':id/inspectorate-status', "Record the inspectorate's own status, in its words")
  recordInspectorateStatus(@IdParam() id: string, @Body() body: RecordInspectorateStatusDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RecordInspectorateStatus', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('RecordInspectorateClosure', ':id/inspectorate-closure', 'Record that the inspectorate closed it (or discharged a cause of concern)')
  recordInspectorateClosure(@IdParam() id: string, @Body() body: RecordInspectorateClosureDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'RecordInspectorateClosure', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('Supersede', ':id/supersede', 'Supersede it (by what, and why)')
  supersede(@IdParam() id: string, @Body() body: SupersedeDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'Supersede', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('MarkNoLongerRelevant', ':id/no-longer-relevant', 'Mark no longer relevant (reason required)')
  markNoLongerRelevant(@IdParam() id: string, @Body() body: ReasonDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'MarkNoLongerRelevant', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('Reopen', ':id/reopen', 'Reopen a finished recommendation (reason required)')
  reopen(@IdParam() id: string, @Body() body: ReasonDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'Reopen', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('CorrectEntry', ':id/corrections', 'Correct an earlier entry: which event, what was wrong, and why (the original stays)')
  correctEntry(@IdParam() id: string, @Body() body: CorrectEntryDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'CorrectEntry', recommendationId: id, ...commandFields(body) });
  }

  @CommandRoute('CorrectEntryDate', ':id/date-corrections', 'Correct the date an earlier entry happened: the entry stays as recorded, the correction dates it (and what its command recorded with it) from then on')
  correctEntryDate(@IdParam() id: string, @Body() body: CorrectEntryDateDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.send(cmd, body, { type: 'CorrectEntryDate', recommendationId: id, ...commandFields(body) });
  }

  @HistoryRoute('a recommendation')
  read(@IdParam() id: string, @Res({ passthrough: true }) response: Response): Promise<HistoryDto> {
    return this.history.read(recommendationStream(id), response);
  }

  private send(cmd: CommandContext, body: StatementDto, command: RecommendationCommand, created?: Record<string, string>): Promise<CommandAnswer> {
    return this.gateway.send(cmd, new RecommendationCommandMessage(command, cmd.meta(body)), created);
  }
}
