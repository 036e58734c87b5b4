import { Injectable } from '@nestjs/common';
import type { Command } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { deterministicUuid, type CommandMeta, type CommandResult } from '@ledger/application';
import type { StatementDto } from '../../../commands/statement.dto';
import { principalOf } from '../../../identity/principal';
import { CsrfProtection } from '../../layout/csrf';
import type { FormError } from '../../layout/error-summary';
import { readFormPost } from '../../layout/form-body';
import type { Prose } from '../../components/inline';
import { sendPage } from '../../layout/send-page';
import { LedgerReads } from '../../reading/ledger-reads';
import type { FormItem, FormValues } from './field-spec';
import { notNowPage, recordingPage } from './form-page';
import { readRecordingForm, type RecordingFormShape } from './form-round';
import { PageCommands } from './page-commands';
import { itemsForRole } from './statement-fields';
import { commandIdOf, submissionOf } from './submission';

/** One recording form, described once in its list: what the page asks, and with which of the JSON API's bodies it is checked. */
export interface RecordingForm<C> extends Pick<RecordingFormShape, 'inAddress'> {
  /** Names the form: the last part of its address where that is …/record/{key}, and what the page it returns to is told was recorded. */
  key: string;
  /** The JSON API's body class for this command: the page validates with it. */
  dto: new () => StatementDto;
  title: string;
  submit: string;
  /** The success banner's heading. */
  recorded: string;
  items(context: C): FormItem[];
  prefill?(context: C): FormValues;
  /** What to see before answering. */
  context?(context: C): Prose | false;
  /** What the page derives for the API's body from what was typed, before it is checked. */
  complete?(body: Record<string, unknown>, context: C): void;
}

/** A form where it is used: about what, at which address, and the page it belongs to. */
export interface FormPlace<C> {
  form: RecordingForm<C>;
  context: C;
  /** What it is recorded about: "REC 03 · Inspection title". */
  caption: string;
  /** Where the form is got and posted. */
  action: string;
  /** The page it belongs to: the back and cancel links, and where a recorded command returns to. */
  back: string;
  given?: RecordingFormShape['given'];
}

/** A form that passed the API's DTO, ready to become a command. */
export interface SentForm {
  dto: StatementDto;
  /** The ids chosen on the page that the API takes in its address. */
  address: Readonly<Record<string, string>>;
  /** Who, with source `ui`, on whose behalf and when: the command's metadata. */
  meta: CommandMeta;
  /** An id the server assigns (a new action's, a new challenge's), derived from the command so that a resent form assigns the same. */
  assign(label: string): string;
}

const MAX_FORM_BYTES = 1_000_000;

/**
 * The round of every recording form: shown (prefilled, with a new submission id), sent back with
 * what to fix, refused by a rule with nothing appended, or recorded through the command bus and
 * answered with a redirect to the page it belongs to (Post/Redirect/Get), which waits for the
 * read models (`atLeast`) and says what was recorded (`recorded`).
 */
@Injectable()
export class RecordingFlow {
  constructor(
    private readonly reads: LedgerReads,
    private readonly csrf: CsrfProtection,
    private readonly commands: PageCommands,
  ) {}

  show<C>(request: Request, response: Response, place: FormPlace<C>): void {
    this.render(request, response, 200, place, place.form.prefill?.(place.context) ?? {}, [], submissionOf(undefined));
  }

  /** 409: a form that cannot be used now, saying why. */
  notNow<C>(response: Response, place: FormPlace<C>, reason: string): void {
    sendPage(response, 409, notNowPage({ title: place.form.title, caption: place.caption, reason, back: place.back }));
  }

  /** Reads the posted form and records the command `messageOf` makes of it. */
  async record<C>(request: Request, response: Response, place: FormPlace<C>, messageOf: (sent: SentForm) => Command<CommandResult>): Promise<void> {
    const posted = await readFormPost(request, MAX_FORM_BYTES);
    const items = itemsForRole(place.form.items(place.context), principalOf(request).role);
    const read = await readRecordingForm<StatementDto>(request, this.csrf, posted, items, place.form.dto, this.reads.context.today(), {
      inAddress: place.form.inAddress,
      given: place.given,
      complete: (body) => place.form.complete?.(body, place.context),
    });
    const submission = submissionOf(posted);
    if (!read.dto) return this.render(request, response, 400, place, read.values, read.errors, submission);

    const principal = principalOf(request);
    const commandId = commandIdOf(principal.id, submission, place.action, { ...read.body, ...read.address });
    const sent: SentForm = {
      dto: read.dto,
      address: read.address,
      meta: this.commands.meta(principal, commandId, read.dto),
      assign: (label) => deterministicUuid('web-assigned-id', commandId, label),
    };
    const recorded = await this.commands.record(messageOf(sent), items);
    if (!recorded.ok) return this.render(request, response, recorded.status, place, read.values, recorded.errors, submission);
    response.redirect(303, `${place.back}${place.back.includes('?') ? '&' : '?'}atLeast=${recorded.result.position}&recorded=${place.form.key}`);
  }

  private render<C>(request: Request, response: Response, status: number, place: FormPlace<C>, values: FormValues, errors: FormError[], submission: string): void {
    const { form, context } = place;
    const page = recordingPage({
      title: form.title,
      caption: place.caption,
      context: form.context?.(context),
      action: place.action,
      items: itemsForRole(form.items(context), principalOf(request).role),
      values,
      errors,
      submit: form.submit,
      back: place.back,
      csrfToken: this.csrf.tokenFor(request, response),
      submission,
      principal: principalOf(request),
    });
    sendPage(response, status, page);
  }
}
