import { Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InspectionCommandMessage, StatutoryResponseCommandMessage } from '@ledger/application';
import type { InspectionCommand, StatutoryResponseCommand } from '@ledger/domain';
import { findInspection, queryRegister, queryStatutory } from '@ledger/projections/read-models';
import type { InspectionSummary } from '@ledger/projections/read-models/register/inspection-summary';
import { commandFields } from '../../../commands/statement.dto';
import { MAX_LIMIT } from '../../../read-models/query-params';
import type { AddFindingDto, AmendInspectionDetailsDto } from '../../../inspections/inspection.dto';
import { WebErrorFilter } from '../../layout/web-error.filter';
import { isId } from '../../reading/ids';
import { LedgerReads } from '../../reading/ledger-reads';
import { sendNotFound } from '../../reading/reading-page';
import { RecordingFlow, type FormPlace, type SentForm } from '../forms/recording-flow';
import { inspectionForm, type InspectionForm, type InspectionFormContext } from './inspection-forms';
import { statutoryForm, type StatutoryForm, type StatutoryFormContext } from './statutory-forms';

/**
 * The forms of one inspection: /inspections/{id}/record/{form}. The steps of its statutory
 * response (or fire action plan), and changes to the inspection itself: its details amended, a
 * finding added. Post/Redirect/Get back to the inspection's page, which says what was recorded.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('inspections/:inspectionId/record')
export class InspectionRecordController {
  constructor(
    private readonly reads: LedgerReads,
    private readonly flow: RecordingFlow,
  ) {}

  @Get(':form')
  show(@Param('inspectionId') inspectionId: string, @Param('form') key: string, @Req() request: Request, @Res() response: Response): void {
    const inspection = this.inspectionOf(inspectionId);
    if (!inspection) return sendNotFound(response, 'inspection', inspectionId);
    const step = statutoryForm(key);
    if (!step) return this.flow.show(request, response, this.detailsPlace(inspection, detailsFormOf(key)));
    const place = this.statutoryPlace(inspection, step);
    if (!place) return sendNotFound(response, 'statutory response of the inspection', inspectionId);
    if (!step.offered(place.context.response)) {
      return this.flow.notNow(response, place, 'This step is already on record, or it is not a step of this kind of response: it cannot be recorded now.');
    }
    this.flow.show(request, response, place);
  }

  @Post(':form')
  async record(@Param('inspectionId') inspectionId: string, @Param('form') key: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const inspection = this.inspectionOf(inspectionId);
    if (!inspection) return sendNotFound(response, 'inspection', inspectionId);
    const step = statutoryForm(key);
    if (!step) {
      const form = detailsFormOf(key);
      return this.flow.record(request, response, this.detailsPlace(inspection, form), (sent) => new InspectionCommandMessage(detailsCommand(form, inspectionId, sent), sent.meta));
    }
    const place = this.statutoryPlace(inspection, step);
    if (!place) return sendNotFound(response, 'statutory response of the inspection', inspectionId);
    await this.flow.record(request, response, place, ({ dto, meta }) => {
      const command = { type: step.command, inspectionId, ...commandFields(dto) } as StatutoryResponseCommand;
      return new StatutoryResponseCommandMessage(command, meta);
    });
  }

  private inspectionOf(inspectionId: string): InspectionSummary | null {
    return isId(inspectionId) ? findInspection(this.reads.readModels, inspectionId) : null;
  }

  private statutoryPlace(inspection: InspectionSummary, form: StatutoryForm): FormPlace<StatutoryFormContext> | null {
    const { inspectionId } = inspection;
    const response = queryStatutory(this.reads.readModels, { inspectionId }, { limit: 1, offset: 0 }, this.reads.context.today()).items[0];
    return response ? { form, context: { inspection, response }, caption: inspection.title, action: `${backOf(inspectionId)}/record/${form.key}`, back: backOf(inspectionId) } : null;
  }

  private detailsPlace(inspection: InspectionSummary, form: InspectionForm): FormPlace<InspectionFormContext> {
    const { inspectionId } = inspection;
    const findings = queryRegister(this.reads.readModels, { inspectionId }, { limit: MAX_LIMIT, offset: 0 }, this.reads.context.today()).items;
    return { form, context: { inspection, findings }, caption: inspection.title, action: `${backOf(inspectionId)}/record/${form.key}`, back: backOf(inspectionId) };
  }
}

/** As the JSON API makes them: a new finding's id assigned here. */
function detailsCommand(form: InspectionForm, inspectionId: string, { dto, assign }: SentForm): InspectionCommand {
  if (form.command === 'AmendInspectionDetails') return { type: 'AmendInspectionDetails', inspectionId, ...commandFields(dto as AmendInspectionDetailsDto) };
  const { finding, reason } = commandFields(dto as AddFindingDto);
  return { type: 'AddFinding', inspectionId, finding: { findingId: assign('finding'), ...finding }, reason };
}

function detailsFormOf(key: string): InspectionForm {
  const form = inspectionForm(key);
  if (!form) throw new NotFoundException('There is no such form for an inspection.');
  return form;
}

function backOf(inspectionId: string): string {
  return `/inspections/${encodeURIComponent(inspectionId)}`;
}
