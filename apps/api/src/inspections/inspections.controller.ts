import { Body, Controller, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CLOCK, InspectionCommandMessage, type Clock } from '@ledger/application';
import { inspectionStream, londonDate, type FindingInput, type InspectionCommand } from '@ledger/domain';
import { Cmd, CommandContext } from '../commands/command-context';
import { CommandAnswer, CommandGateway } from '../commands/command-gateway';
import { IdParam } from '../commands/id-param';
import { commandFields, StatementDto } from '../commands/statement.dto';
import { HistoryReader } from '../history/history-reader';
import { CommandRoute, HistoryRoute } from '../openapi/endpoint-docs';
import type { HistoryDto } from '../openapi/api-docs.dto';
import { AddFindingDto, AmendInspectionDetailsDto, FindingDto, RegisterInspectionDto } from './inspection.dto';
import { sanitiseKeyFindings } from './sanitise-key-findings';

@ApiTags('inspections')
@Controller('api/inspections')
export class InspectionsController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly history: HistoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @CommandRoute('RegisterInspection', '', 'Register an inspection report with its findings', { creates: 'inspectionId and findingIds' })
  register(@Body() body: RegisterInspectionDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    const inspectionId = cmd.newId('inspection');
    const { findings, keyFindingsHtml, ...details } = commandFields(body);
    const withIds = findings.map((finding, index) => withId(finding, cmd.newId(`finding-${index}`)));
    const command: InspectionCommand = {
      type: 'RegisterInspection',
      inspectionId,
      ...details,
      ...(keyFindingsHtml === undefined ? {} : { keyFindingsHtml: sanitiseKeyFindings(keyFindingsHtml) }),
      findings: withIds,
    };
    // Unless told otherwise, an inspection registered by hand happened when its report was published, not
    // when it is typed in, as on the web form; its findings are issued with it. A report dated later than
    // today is left to the rules (and dated now), so that the refusal, if any, names its own field.
    const dated = body.occurredAt === undefined && body.publishedOn <= londonDate(this.clock()) ? { ...body, occurredAt: body.publishedOn } : body;
    return this.send(cmd, dated, command, { inspectionId, findingIds: withIds.map((finding) => finding.findingId) });
  }

  @CommandRoute('AmendInspectionDetails', ':id/amend', 'Amend the details of an inspection (reason required)')
  amend(@IdParam() id: string, @Body() body: AmendInspectionDetailsDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    const { changes, reason } = commandFields(body);
    const sanitised = changes.keyFindingsHtml === undefined ? changes : { ...changes, keyFindingsHtml: sanitiseKeyFindings(changes.keyFindingsHtml) };
    return this.send(cmd, body, { type: 'AmendInspectionDetails', inspectionId: id, changes: sanitised, reason });
  }

  @CommandRoute('AddFinding', ':id/findings', 'Add a finding to a registered inspection', { creates: 'findingId' })
  addFinding(@IdParam() id: string, @Body() body: AddFindingDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    const findingId = cmd.newId('finding');
    const { finding, ...rest } = commandFields(body);
    return this.send(cmd, body, { type: 'AddFinding', inspectionId: id, finding: withId(finding, findingId), ...rest }, { findingId });
  }

  @HistoryRoute('an inspection')
  read(@IdParam() id: string, @Res({ passthrough: true }) response: Response): Promise<HistoryDto> {
    return this.history.read(inspectionStream(id), response);
  }

  private send(cmd: CommandContext, body: StatementDto, command: InspectionCommand, created?: Record<string, string | string[]>): Promise<CommandAnswer> {
    return this.gateway.send(cmd, new InspectionCommandMessage(command, cmd.meta(body)), created);
  }
}

function withId(finding: FindingDto, findingId: string): FindingInput {
  return { findingId, ...finding };
}
