import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { deterministicUuid, InspectionCommandMessage } from '@ledger/application';
import type { InspectionCommand } from '@ledger/domain';
import { commandFields } from '../../../commands/statement.dto';
import { RegisterInspectionDto } from '../../../inspections/inspection.dto';
import { sanitiseKeyFindings } from '../../../inspections/sanitise-key-findings';
import { principalOf } from '../../../identity/principal';
import { CsrfProtection } from '../../layout/csrf';
import type { FormError } from '../../layout/error-summary';
import { readFormPost } from '../../layout/form-body';
import { link, para } from '../../components/inline';
import { sendPage } from '../../layout/send-page';
import { WebErrorFilter } from '../../layout/web-error.filter';
import { readDates } from '../forms/date-parts';
import { checkWithDto } from '../forms/dto-check';
import { fieldsOf, type FormValues } from '../forms/field-spec';
import { recordingPage } from '../forms/form-page';
import { CONTROL_FIELDS, requireOwnForm } from '../forms/form-round';
import { bodyOf, unknownFields } from '../forms/form-values';
import { PageCommands } from '../forms/page-commands';
import { commandIdOf, submissionOf } from '../forms/submission';
import {
  ACTION_FIELD,
  ADD_FINDING,
  completeBody,
  COUNT_FIELD,
  EMPTY_FINDING,
  isBlankFinding,
  postedFieldNames,
  postedFindings,
  registrationItems,
  registrationValues,
  REMOVE_FINDING,
  type FindingValues,
} from './registration-form';

export const REGISTRATION_PATH = '/register-an-inspection';
const MAX_FORM_BYTES = 2_000_000;

/**
 * Registering an inspection by hand, with its findings, as RegisterInspection over the JSON API
 * does it (same DTO, same sanitising of key findings, ids assigned here). On success, to the
 * inspection's page, which says it was registered.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller(REGISTRATION_PATH.slice(1))
export class RegistrationController {
  constructor(
    private readonly csrf: CsrfProtection,
    private readonly commands: PageCommands,
  ) {}

  @Get()
  show(@Req() request: Request, @Res() response: Response): void {
    this.render(response, 200, request, [{ ...EMPTY_FINDING }], registrationValues(new URLSearchParams(), [EMPTY_FINDING]), [], submissionOf(undefined));
  }

  @Post()
  async register(@Req() request: Request, @Res() response: Response): Promise<void> {
    const posted = await readFormPost(request, MAX_FORM_BYTES);
    requireOwnForm(request, this.csrf, posted);
    const submission = submissionOf(posted);
    const action = posted.get(ACTION_FIELD) ?? '';
    const shown = postedFindings(posted);
    if (action === ADD_FINDING || action.startsWith(REMOVE_FINDING)) {
      const removed = action === ADD_FINDING ? -1 : Number(action.slice(REMOVE_FINDING.length));
      const kept = shown.filter((finding, index) => index !== removed && !isBlankFinding(finding));
      const findings = action === ADD_FINDING || kept.length === 0 ? [...kept, { ...EMPTY_FINDING }] : kept;
      return this.render(response, 200, request, findings, registrationValues(posted, findings), [], submission);
    }

    const findings = shown.filter((finding) => !isBlankFinding(finding));
    const items = registrationItems(findings.length);
    const values = registrationValues(posted, findings);
    const fields = fieldsOf(items);
    const dateErrors = readDates(values, fields);
    const body = bodyOf(values, fields, unknownFields(posted, [], [...CONTROL_FIELDS, ...postedFieldNames(shown.length)]));
    completeBody(body);
    const checked = await checkWithDto(RegisterInspectionDto, body, items);
    const again = findings.length > 0 ? findings : [{ ...EMPTY_FINDING }];
    if (!checked.ok || dateErrors.length > 0) {
      // A date that could not be read is said once, in the page's words.
      const unread = new Set(dateErrors.map((error) => error.field.replace(/-(day|month|year)$/, '')));
      return this.render(response, 400, request, again, values, [...dateErrors, ...(checked.ok ? [] : checked.errors.filter((error) => !unread.has(error.field)))], submission);
    }

    const principal = principalOf(request);
    const commandId = commandIdOf(principal.id, submission, 'register-inspection', body);
    const assigned = (label: string) => deterministicUuid('web-assigned-id', commandId, label);
    const inspectionId = assigned('inspection');
    const { findings: given, keyFindingsHtml, ...details } = commandFields(checked.dto);
    const command: InspectionCommand = {
      type: 'RegisterInspection',
      inspectionId,
      ...details,
      ...(keyFindingsHtml === undefined ? {} : { keyFindingsHtml: sanitiseKeyFindings(keyFindingsHtml) }),
      findings: given.map((finding, index) => ({ findingId: assigned(`finding-${index}`), ...finding })),
    };
    // Registered by hand, an inspection happened when its report was published, not when it is typed in; its findings follow.
    const meta = { ...this.commands.meta(principal, commandId, checked.dto), occurredAt: command.publishedOn };
    const recorded = await this.commands.record(new InspectionCommandMessage(command, meta), items, { occurredAt: 'publishedOn' });
    if (!recorded.ok) return this.render(response, recorded.status, request, again, values, recorded.errors, submission);
    response.redirect(303, `/inspections/${encodeURIComponent(inspectionId)}?atLeast=${recorded.result.position}&recorded=registered`);
  }

  private render(response: Response, status: number, request: Request, findings: readonly FindingValues[], values: FormValues, errors: FormError[], submission: string): void {
    const page = recordingPage({
      title: 'Register an inspection by hand',
      caption: 'Register',
      context: [
        para('For a report that cannot be imported from its published page. Give its findings one by one, exactly as published; each is issued as a recommendation, area for improvement or cause of concern of its own.'),
        para('To read a published page instead, ', link('/import', 'import it'), '.'),
      ],
      action: REGISTRATION_PATH,
      items: registrationItems(findings.length),
      values,
      errors,
      submit: 'Register the inspection',
      back: '/register',
      csrfToken: this.csrf.tokenFor(request, response),
      submission,
      principal: principalOf(request),
      hidden: { [COUNT_FIELD]: String(findings.length) },
      secondary: [{ macro: 'button', params: { text: 'Add another finding', name: ACTION_FIELD, value: ADD_FINDING, classes: 'govuk-button--secondary' } }],
    });
    sendPage(response, status, page);
  }
}
