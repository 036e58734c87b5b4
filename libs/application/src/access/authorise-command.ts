import type { Actor } from '@ledger/domain';
import type { CommandMeta } from '../command-meta';
import type { StreamSummary } from '../pipeline/stream-state';
import { AccessDeniedError } from './access-denied.error';
import { isCapability, mayDo, OWN_ORGANISATION_ONLY, RECORDS_FOR_OTHERS, rolesFor } from './role-table';

/**
 * The role rules every command sent by a person passes before it is decided, whichever door it
 * came in by (API, page, import, command line): the sender's role must be listed for the command
 * in the role table, and only roles that record for others may say "on behalf of".
 */
export function authoriseCommand(command: { type: string }, meta: CommandMeta): void {
  const { actor } = meta;
  if (!isCapability(command.type)) throw new AccessDeniedError('UnknownCommand', `${command.type} is not a command anyone may send`);
  if (!mayDo(actor.role, command.type)) {
    throw new AccessDeniedError('RoleMayNotRecord', `${who(actor)} may not record ${command.type}: it needs the role ${rolesFor(command.type).join(' or ')}`);
  }
  if (meta.onBehalfOf !== undefined && !(RECORDS_FOR_OTHERS as readonly string[]).includes(actor.role)) {
    throw new AccessDeniedError('OnBehalfOfNotAllowed', `${who(actor)} may not record on behalf of someone else: only the role ${RECORDS_FOR_OTHERS.join(' or ')} may`);
  }
}

/**
 * A force lead acts only on recommendations owned by their own organisation: the organisation of
 * the latest owner assignment in the recommendation's stream. Reassigning keeps it there too.
 */
export function authoriseOwnOrganisation(command: { type: string; organisation?: unknown }, actor: Actor, stream: StreamSummary): void {
  if (!(OWN_ORGANISATION_ONLY as readonly string[]).includes(actor.role)) return;
  const owner = ownerOrganisationOf(stream);
  if (owner !== actor.organisation) {
    const whose = owner === null ? 'no organisation yet (the office assigns the first owner)' : owner;
    throw new AccessDeniedError('NotOwnOrganisation', `${who(actor)} acts only on recommendations owned by ${actor.organisation}; this one is owned by ${whose}`);
  }
  if (command.type === 'AssignOwner' && command.organisation !== actor.organisation) {
    throw new AccessDeniedError('NotOwnOrganisation', `${who(actor)} may assign owners only within ${actor.organisation}`);
  }
}

function ownerOrganisationOf(stream: StreamSummary): string | null {
  const organisation = stream.latest('RecommendationOwnerAssigned')?.data['organisation'];
  return typeof organisation === 'string' ? organisation : null;
}

function who(actor: Actor): string {
  return `${actor.name} (${actor.id}, role ${actor.role}${actor.organisation ? `, ${actor.organisation}` : ''})`;
}
