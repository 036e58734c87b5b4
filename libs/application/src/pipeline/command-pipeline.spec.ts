import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { violation, type Actor, type Decider, type DecisionContext } from '@ledger/domain';
import { EventStoreDecorator, SqliteEventStore, type EventStore, type EventToAppend, type ExpectedRevision, type RecordedEvent } from '@ledger/event-store';
import type { CommandMeta } from '../command-meta';
import { AggregateNotFoundError, CommandRefusedError, ConcurrencyConflictError } from '../errors';
import { CommandPipeline, MAX_ATTEMPTS, type AggregateDefinition } from './command-pipeline';
import { deterministicUuid } from './deterministic-id';
import { readStreamFully } from './stored-event';

/** A tiny aggregate, so that the pipeline is tested apart from the ledger's rules. */
type CounterCommand = { type: 'OpenCounter'; counterId: string } | { type: 'Increment'; counterId: string; by: number };
type CounterEvent = { type: 'CounterOpened'; counterId: string } | { type: 'Incremented'; counterId: string; by: number; total: number };
type CounterState = { open: boolean; total: number };
type CounterContext = DecisionContext & { limit: number };

const counterDecider: Decider<CounterCommand, CounterEvent, CounterState, CounterContext> = {
  initialState: { open: false, total: 0 },
  decide(command, state, context) {
    switch (command.type) {
      case 'OpenCounter':
        return state.open ? violation('CounterAlreadyOpen', 'The counter is already open') : [{ type: 'CounterOpened', counterId: command.counterId }];
      case 'Increment':
        if (!state.open) return violation('CounterNotOpened', 'No such counter');
        if (state.total + command.by > context.limit) return violation('LimitExceeded', `The total may not exceed ${context.limit}`, 'by');
        return [{ type: 'Incremented', counterId: command.counterId, by: command.by, total: state.total + command.by }];
    }
  },
  evolve(state, event) {
    return event.type === 'CounterOpened' ? { ...state, open: true } : { ...state, total: event.total };
  },
};

const decide = jest.fn(counterDecider.decide);
const counter: AggregateDefinition<CounterCommand, CounterEvent, CounterState, CounterContext> = {
  decider: { ...counterDecider, decide },
  streamId: (command) => `counter-${command.counterId}`,
  notFoundRules: new Set(['CounterNotOpened']),
  facts: async () => ({ limit: 100 }),
};

const clerk: Actor = { id: 'u-1', name: 'Office Clerk', role: 'office', organisation: 'Cumbria OPFCC' };
const NOW = new Date('2024-09-02T09:30:00.000Z');
let sequence = 0;
const meta = (overrides: Partial<CommandMeta> = {}): CommandMeta => ({ actor: clerk, source: 'api', commandId: `command-${++sequence}`, ...overrides });

/** Lets a test slip another writer's append in just before the pipeline's own. */
class InterferingStore extends EventStoreDecorator {
  interfereTimes = 0;
  appendAttempts = 0;

  constructor(inner: EventStore, private readonly intruder: () => Promise<unknown>) {
    super(inner);
  }

  override async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision) {
    this.appendAttempts++;
    if (this.interfereTimes > 0) {
      this.interfereTimes--;
      await this.intruder();
    }
    return this.inner.append(streamId, events, expected);
  }
}

describe('CommandPipeline', () => {
  let dir: string;
  let store: EventStore;
  let pipeline: CommandPipeline;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = await SqliteEventStore.open(path.join(dir, 'events.db'));
    pipeline = new CommandPipeline(store, () => NOW);
    decide.mockClear();
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const history = (streamId: string): Promise<RecordedEvent[]> => readStreamFully(store.readStream(streamId));
  const open = (counterId: string) => pipeline.execute(counter, { type: 'OpenCounter', counterId }, meta());

  it('appends the decided events with the revision that was read and reports where they landed', async () => {
    await open('a');
    const { result } = await pipeline.execute(counter, { type: 'Increment', counterId: 'a', by: 3 }, meta());

    const events = await history('counter-a');
    expect(events.map((e) => [e.revision, e.type, e.data])).toEqual([
      [0n, 'CounterOpened', { counterId: 'a' }],
      [1n, 'Incremented', { counterId: 'a', by: 3, total: 3 }],
    ]);
    expect(result).toEqual({ streamId: 'counter-a', revision: 1n, position: events[1]!.position, eventIds: [events[1]!.id] });
  });

  it('gives every event the full envelope, defaulting business time, correlation and causation', async () => {
    const command = meta({ commandId: 'cmd-envelope' });
    await pipeline.execute(counter, { type: 'OpenCounter', counterId: 'env' }, command);

    const [event] = await history('counter-env');
    expect(event!.metadata).toEqual({
      actor: clerk,
      occurredAt: NOW.toISOString(),
      recordedAt: NOW.toISOString(),
      $correlationId: 'cmd-envelope',
      $causationId: 'cmd-envelope',
      commandId: 'cmd-envelope',
      schemaVersion: 1,
      source: 'api',
    });
  });

  it('records on whose behalf, when it happened and what caused it, as the caller states them', async () => {
    const onBehalfOf = { name: 'Rob Carden', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };
    await pipeline.execute(
      counter,
      { type: 'OpenCounter', counterId: 'obo' },
      meta({ commandId: 'cmd-obo', onBehalfOf, occurredAt: '2024-08-30T14:00:00+01:00', correlationId: 'corr-1', causationId: 'cause-1', source: 'ui' }),
    );

    const [event] = await history('counter-obo');
    expect(event!.metadata).toMatchObject({
      actor: clerk,
      onBehalfOf,
      occurredAt: '2024-08-30T13:00:00.000Z',
      recordedAt: NOW.toISOString(),
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
      commandId: 'cmd-obo',
      source: 'ui',
    });
  });

  it.each([
    ['not an instant', 'yesterday', 'OccurredAtInvalid'],
    ['a day that does not exist', '2025-02-30T10:00:00Z', 'OccurredAtInvalid'],
    ['in the future', '2024-09-03T09:30:00Z', 'OccurredAtInFuture'],
    ['a day still to come in London', '2024-09-03', 'OccurredAtInFuture'],
    ['a day that does not exist', '2024-02-30', 'OccurredAtInvalid'],
  ])('refuses a business time %s and appends nothing', async (_case, occurredAt, rule) => {
    await open('when');
    const head = await store.headPosition();

    const attempt = pipeline.execute(counter, { type: 'Increment', counterId: 'when', by: 1 }, meta({ occurredAt }));

    await expect(attempt).rejects.toMatchObject({ name: 'CommandRefusedError', rule, field: 'occurredAt' });
    expect(await store.headPosition()).toBe(head);
  });

  it('keeps a day as a day, with no invented clock time, and tells the decider when the command says it happened', async () => {
    await open('day');
    decide.mockClear();
    await pipeline.execute(counter, { type: 'Increment', counterId: 'day', by: 1 }, meta({ occurredAt: '2024-08-30' }));

    const [, event] = await history('counter-day');
    expect(event!.metadata).toMatchObject({ occurredAt: '2024-08-30', recordedAt: NOW.toISOString() });
    expect(decide.mock.calls[0]![2]).toMatchObject({ occurredAt: '2024-08-30' });
  });

  it('refuses a command that breaks a rule with the rule and field, and appends nothing', async () => {
    await open('b');
    const head = await store.headPosition();

    const attempt = pipeline.execute(counter, { type: 'Increment', counterId: 'b', by: 101 }, meta());

    await expect(attempt).rejects.toBeInstanceOf(CommandRefusedError);
    await expect(attempt).rejects.toMatchObject({ rule: 'LimitExceeded', field: 'by', message: 'The total may not exceed 100' });
    expect(await store.headPosition()).toBe(head);
  });

  it('answers not found when the domain says the aggregate was never recorded', async () => {
    const attempt = pipeline.execute(counter, { type: 'Increment', counterId: 'nowhere', by: 1 }, meta());

    await expect(attempt).rejects.toBeInstanceOf(AggregateNotFoundError);
    await expect(attempt).rejects.toMatchObject({ streamId: 'counter-nowhere' });
    expect(await store.headPosition()).toBeNull();
  });

  it('derives event ids from the stream, the command id and the index', async () => {
    const { result } = await pipeline.execute(counter, { type: 'OpenCounter', counterId: 'ids' }, meta({ commandId: 'cmd-ids' }));

    expect(result.eventIds).toEqual([deterministicUuid('counter-ids', 'cmd-ids', '0')]);
    expect(result.eventIds[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('appends a repeated command (same command id) once and answers as it did the first time', async () => {
    await open('c');
    const command = meta({ commandId: 'cmd-repeat' });
    const first = await pipeline.execute(counter, { type: 'Increment', counterId: 'c', by: 5 }, command);
    await pipeline.execute(counter, { type: 'Increment', counterId: 'c', by: 1 }, meta());

    const again = await pipeline.execute(counter, { type: 'Increment', counterId: 'c', by: 5 }, command);

    expect(again.result).toEqual(first.result);
    expect((await history('counter-c')).map((e) => e.type)).toEqual(['CounterOpened', 'Incremented', 'Incremented']);
  });

  it('appends once when two processes run the same command at the same moment', async () => {
    await open('twin');
    const other = new CommandPipeline(store, () => NOW);
    const command = meta({ commandId: 'cmd-twin' });

    const [one, two] = await Promise.all([
      pipeline.execute(counter, { type: 'Increment', counterId: 'twin', by: 2 }, command),
      other.execute(counter, { type: 'Increment', counterId: 'twin', by: 2 }, command),
    ]);

    expect(one.result).toEqual(two.result);
    expect((await history('counter-twin')).map((e) => e.data['total'])).toEqual([undefined, 2]);
  });

  describe('when another writer appends between the read and the append', () => {
    let racing: InterferingStore;

    beforeEach(async () => {
      await open('race');
      const intruder = new CommandPipeline(store, () => NOW);
      racing = new InterferingStore(store, () => intruder.execute(counter, { type: 'Increment', counterId: 'race', by: 10 }, meta()));
      pipeline = new CommandPipeline(racing, () => NOW);
      decide.mockClear();
    });

    it('decides again on the fresh state and appends after the other writer', async () => {
      racing.interfereTimes = 2;

      const { result } = await pipeline.execute(counter, { type: 'Increment', counterId: 'race', by: 1 }, meta());

      const events = await history('counter-race');
      expect(events.map((e) => [e.revision, e.data['by'], e.data['total']])).toEqual([
        [0n, undefined, undefined],
        [1n, 10, 10],
        [2n, 10, 20],
        [3n, 1, 21],
      ]);
      expect(result.revision).toBe(3n);
      // Three decisions here (two lost the race) and one for each intruding write.
      expect(decide).toHaveBeenCalledTimes(3 + 2);
    });

    it(`gives up with a concurrency conflict after ${MAX_ATTEMPTS} attempts`, async () => {
      racing.interfereTimes = Number.POSITIVE_INFINITY;

      const attempt = pipeline.execute(counter, { type: 'Increment', counterId: 'race', by: 1 }, meta());

      await expect(attempt).rejects.toBeInstanceOf(ConcurrencyConflictError);
      expect(racing.appendAttempts).toBe(MAX_ATTEMPTS);
      expect((await history('counter-race')).every((e) => e.data['by'] !== 1)).toBe(true);
    });

    it('does not retry when the caller named the revision it expects (If-Match)', async () => {
      racing.interfereTimes = 1;

      const attempt = pipeline.execute(counter, { type: 'Increment', counterId: 'race', by: 1 }, meta({ expectedRevision: 0n }));

      await expect(attempt).rejects.toMatchObject({ name: 'ConcurrencyConflictError', streamId: 'counter-race', expected: 0n, actual: 1n });
      expect(racing.appendAttempts).toBe(1);
      expect((await history('counter-race')).map((e) => e.data['by'])).toEqual([undefined, 10]);
    });
  });

  it('refuses a stale If-Match revision without deciding', async () => {
    await open('stale');
    await pipeline.execute(counter, { type: 'Increment', counterId: 'stale', by: 1 }, meta());
    decide.mockClear();

    const attempt = pipeline.execute(counter, { type: 'Increment', counterId: 'stale', by: 1 }, meta({ expectedRevision: 0n }));

    await expect(attempt).rejects.toMatchObject({ name: 'ConcurrencyConflictError', expected: 0n, actual: 1n });
    expect(decide).not.toHaveBeenCalled();
  });

  it('accepts an If-Match revision that is current', async () => {
    await open('fresh');

    const { result } = await pipeline.execute(counter, { type: 'Increment', counterId: 'fresh', by: 1 }, meta({ expectedRevision: 0n }));

    expect(result.revision).toBe(1n);
  });

  it('loses no update when two processes send many commands to one stream at once', async () => {
    await open('busy');
    const other = new CommandPipeline(store, () => NOW);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? pipeline : other).execute(counter, { type: 'Increment', counterId: 'busy', by: 1 }, meta())),
    );

    const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
    const failed = outcomes.filter((o) => o.status === 'rejected');
    for (const failure of failed) expect(failure.reason).toBeInstanceOf(ConcurrencyConflictError);
    const events = await history('counter-busy');
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
    expect(events.slice(1).map((e) => e.data['total'])).toEqual(succeeded.map((_, i) => i + 1));
    const written = succeeded.flatMap((o) => o.value.result.eventIds);
    expect(new Set(written)).toEqual(new Set(events.slice(1).map((e) => e.id)));
  });
});
