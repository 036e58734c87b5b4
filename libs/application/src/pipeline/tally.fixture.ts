import type { Actor, Decider, DecisionContext } from '@ledger/domain';
import { violation } from '@ledger/domain';
import type { CommandMeta } from '../command-meta';
import type { AggregateDefinition } from './command-pipeline';

/**
 * A tiny aggregate for testing the pipeline's kept folds apart from the ledger's rules: a tally
 * whose state keeps every step, so that a fold that skipped or repeated an event shows.
 */
export type TallyCommand = { type: 'Open'; tallyId: string } | { type: 'Add'; tallyId: string; by: number; note?: string };
export type TallyEvent = { type: 'Opened'; tallyId: string } | { type: 'Added'; tallyId: string; by: number; note: string };
export type TallyState = { open: boolean; steps: readonly number[]; notes: readonly string[] };
export type TallyContext = DecisionContext & { seenIds: number; lastNote: string | null };

export const tallyDecider: Decider<TallyCommand, TallyEvent, TallyState, TallyContext> = {
  initialState: { open: false, steps: [], notes: [] },
  decide(command, state) {
    if (command.type === 'Open') return state.open ? violation('AlreadyOpen', 'The tally is already open') : [{ type: 'Opened', tallyId: command.tallyId }];
    if (!state.open) return violation('NotOpened', 'No such tally');
    if (command.by < 0) return violation('Negative', 'Only positive steps', 'by');
    return [{ type: 'Added', tallyId: command.tallyId, by: command.by, note: command.note ?? `step ${state.steps.length + 1}` }];
  },
  evolve(state, event) {
    return event.type === 'Opened' ? { ...state, open: true } : { ...state, steps: [...state.steps, event.by], notes: [...state.notes, event.note] };
  },
};

/** What each decision saw: its state and what the stream summary told the facts. */
export const seen: { state: TallyState; eventIds: number; lastNote: string | null }[] = [];
export const tally: AggregateDefinition<TallyCommand, TallyEvent, TallyState, TallyContext> = {
  decider: tallyDecider,
  streamId: (command) => `tally-${command.tallyId}`,
  notFoundRules: new Set(['NotOpened']),
  facts: async ({ state, stream }) => {
    const lastNote = (stream.latest('Added')?.data['note'] as string | undefined) ?? null;
    seen.push({ state, eventIds: stream.eventIds.size, lastNote });
    return { seenIds: stream.eventIds.size, lastNote };
  },
};

const clerk: Actor = { id: 'u-1', name: 'Office Clerk', role: 'office', organisation: 'Cumbria OPFCC' };
/** The clock every test pipeline reads. */
export const NOW = new Date('2024-09-02T09:30:00.000Z');
let sequence = 0;
export const meta = (overrides: Partial<CommandMeta> = {}): CommandMeta => ({ actor: clerk, source: 'api', commandId: `command-${++sequence}`, ...overrides });

