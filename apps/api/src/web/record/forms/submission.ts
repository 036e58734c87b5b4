import { randomUUID } from 'node:crypto';
import { deterministicUuid } from '@ledger/application';

/** Hidden in every recording form: which filling-in of the form this is. */
export const SUBMISSION_FIELD = '_submission';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The submission a posted form carries, or a new one (a new form, or a post that lost it). */
export function submissionOf(form: URLSearchParams | undefined): string {
  const sent = form?.get(SUBMISSION_FIELD) ?? '';
  return UUID.test(sent) ? sent : randomUUID();
}

/**
 * The command id of a form as sent: the same person sending the same filled-in form twice (a
 * double click, a resent post) sends one command, which the ledger records once; the same form
 * sent back with other answers is another command.
 */
export function commandIdOf(personId: string, submission: string, what: string, body: unknown): string {
  return deterministicUuid('web-form', personId, submission, what, JSON.stringify(body));
}
