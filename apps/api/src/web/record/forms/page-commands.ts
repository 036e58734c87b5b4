import { Injectable, NotFoundException } from '@nestjs/common';
import { Command, CommandBus } from '@nestjs/cqrs';
import { AggregateNotFoundError, CommandRefusedError, ConcurrencyConflictError, type CommandMeta, type CommandResult } from '@ledger/application';
import type { StatementDto } from '../../../commands/statement.dto';
import type { Principal } from '../../../identity/principal';
import type { FormError } from '../../layout/error-summary';
import { fieldsOf, idOf, type FieldSpec, type FormItem } from './field-spec';
import { fieldFor, fieldName } from './dto-check';
import { RECORDING_FORM_ID } from './form-page';

export type Recorded = { ok: true; result: CommandResult } | { ok: false; status: number; errors: FormError[] };

/**
 * Sends a page's command down the same path as the JSON API's (the command bus, its handlers, the
 * one pipeline), with source `ui` and the acting principal as the author. A rule's refusal comes
 * back as an error on the page, at the field it names; nothing was appended.
 */
@Injectable()
export class PageCommands {
  constructor(private readonly commandBus: CommandBus) {}

  meta(principal: Principal, commandId: string, statement: StatementDto): CommandMeta {
    const meta: CommandMeta = { actor: principal, source: 'ui', commandId };
    if (statement.onBehalfOf) {
      const { name, role, organisation } = statement.onBehalfOf;
      meta.onBehalfOf = { name, role, organisation };
    }
    if (statement.occurredAt !== undefined) meta.occurredAt = statement.occurredAt;
    return meta;
  }

  /** `aliases`: a refused body path the form asks for under another field (occurredAt taken from the date published). */
  async record(message: Command<CommandResult>, items: readonly FormItem[], aliases: Readonly<Record<string, string>> = {}): Promise<Recorded> {
    try {
      return { ok: true, result: await this.commandBus.execute(message) };
    } catch (error) {
      if (error instanceof CommandRefusedError) return { ok: false, status: 422, errors: [refusalOf(error, fieldsOf(items), aliases)] };
      if (error instanceof ConcurrencyConflictError) {
        return { ok: false, status: 409, errors: [{ field: RECORDING_FORM_ID, message: 'Someone else recorded something here at the same moment, so nothing was recorded. Check the page and send the form again.' }] };
      }
      if (error instanceof AggregateNotFoundError) throw new NotFoundException(`Nothing has been recorded under ${error.streamId}`);
      throw error;
    }
  }
}

/**
 * A rule's refusal at the field it names, and in the page's words for it where the rule names it
 * by its body path ("answerDueBy (2025-03-01) may not be before ..."); a refusal about no one field
 * of the form (a rule about the whole thing, or a group of fields) at the form itself.
 */
function refusalOf(error: CommandRefusedError, fields: readonly FieldSpec[], aliases: Readonly<Record<string, string>>): FormError {
  const refused = error.field;
  const path = refused === undefined ? undefined : (aliases[refused] ?? refused);
  const field = path === undefined ? undefined : fieldFor(path, fields);
  if (refused === undefined || path === undefined || field === undefined || field.path.startsWith(`${path}.`)) return { field: RECORDING_FORM_ID, message: error.message };
  const message = field.path === path && error.message.startsWith(`${refused} `) ? `${fieldName(field)}${error.message.slice(refused.length)}` : error.message;
  return { field: idOf(field.path), message };
}
