import { violation } from '@ledger/domain';
import { CommandRefusedError } from './errors';

/**
 * Commands the ledger sends itself as the follow-up of an inspection event. Accepted from a
 * caller, they would create findings and responses that no inspection lists.
 */
const APPLICATION_ONLY: ReadonlySet<string> = new Set(['IssueFinding', 'OpenStatutoryResponse', 'ReviseStatutoryTimetable']);

export function refuseApplicationOnly(command: { type: string }): void {
  if (APPLICATION_ONLY.has(command.type)) {
    throw new CommandRefusedError(
      violation('ApplicationOnlyCommand', `${command.type} is sent by the ledger itself when an inspection is registered or amended`, 'type'),
    );
  }
}
