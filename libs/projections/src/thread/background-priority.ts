import * as fs from 'node:fs';
import * as os from 'node:os';

/** How much less CPU priority the projection thread takes than the requests' thread (nice steps). */
export const BACKGROUND_NICENESS = 10;

/**
 * Lowers the CPU priority of the calling thread only. On a machine whose cores are all busy, the
 * scheduler then serves the thread that answers requests first, and projections catch up in
 * larger batches once it is idle, instead of taking half the cores from command handling. Linux
 * keeps a niceness per thread (its id is in /proc/thread-self); elsewhere this does nothing and
 * says so. Lowering a priority needs no privilege.
 */
export function lowerThisThreadsPriority(steps = BACKGROUND_NICENESS): boolean {
  if (os.platform() !== 'linux') return false;
  try {
    const threadId = Number(lastSegment(fs.readlinkSync('/proc/thread-self')));
    if (!Number.isSafeInteger(threadId)) return false;
    os.setPriority(threadId, Math.min(19, os.getPriority(threadId) + steps));
    return true;
  } catch {
    return false;
  }
}

/** "<pid>/task/<tid>" -> "<tid>". */
function lastSegment(link: string): string {
  return link.slice(link.lastIndexOf('/') + 1);
}
