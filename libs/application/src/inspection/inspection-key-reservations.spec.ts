import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INSPECTION_KEY_STREAM_PREFIX, type Actor, type RegisterInspection } from '@ledger/domain';
import { sampleRegisterInspection } from '@ledger/domain/inspection/sample-inspection.fixture';
import { EventStoreFullError, SqliteEventStore, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { FindingIssuance } from '../finding-issuance/finding-issuance';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { deterministicUuid } from '../pipeline/deterministic-id';
import { InspectionCommandHandler } from './inspection-command.handler';
import { InspectionCommandMessage } from './inspection-command.message';
import { DuplicateInspectionError } from './inspection-key-reservations';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const officeStaff: Actor = { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
const REPORT_URL = 'https://hmicfrs.justiceinspectorates.gov.uk/publications/rasso-national-operating-model/';

/** The sample registered by hand under a new inspection id and finding ids, as a second person would. */
function byHand(inspectionId: string, changes: Partial<RegisterInspection> = {}): RegisterInspection {
  return {
    ...sampleRegisterInspection,
    inspectionId,
    findings: sampleRegisterInspection.findings.map((finding) => ({ ...finding, findingId: `${inspectionId}-${finding.findingId}` })),
    ...changes,
  };
}

describe('an inspection cannot be registered twice', () => {
  let dir: string;
  let store: EventStore;
  let clock: Date;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dir, 'events.db'));
    clock = NOW;
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A process of the ledger: its own pipeline (and so its own stream locks) on the shared store, or on `on`. */
  function ledgerProcess(on: EventStore = store) {
    const pipeline = new CommandPipeline(on, () => clock);
    const issuance = new FindingIssuance(pipeline, on, { statutory: { fireResponseDays: 90 } });
    const handler = new InspectionCommandHandler(pipeline, issuance, on, () => clock);
    return (command: RegisterInspection, commandId: string = command.inspectionId) =>
      handler.execute(new InspectionCommandMessage(command, { actor: officeStaff, source: 'api', commandId }));
  }

  async function log(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  }

  it('refuses the same title and publication date under another id, names the inspection that has it, and records nothing', async () => {
    const register = ledgerProcess();
    await register(byHand('imported', { title: 'Progress to introduce a national operating model for rape and other serious sexual offences investigations.' }));
    const head = await store.headPosition();

    // Typed by hand: other quotes, spacing and case, no closing full stop.
    const attempt = register(byHand('typed', { title: '  progress to introduce a National Operating Model for rape and other serious sexual offences investigations' }));

    await expect(attempt).rejects.toBeInstanceOf(DuplicateInspectionError);
    await expect(attempt).rejects.toMatchObject({ rule: 'DuplicateInspection', field: 'title', existingInspectionId: 'imported' });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses the same report address under another title, naming the field', async () => {
    const register = ledgerProcess();
    await register(byHand('first', { reportUrl: REPORT_URL }));
    const head = await store.headPosition();

    const attempt = register(byHand('second', { title: 'RASSO operating model', reportUrl: 'HTTPS://hmicfrs.justiceinspectorates.gov.uk/publications/rasso-national-operating-model#summary' }));

    await expect(attempt).rejects.toMatchObject({ rule: 'DuplicateInspection', field: 'reportUrl', existingInspectionId: 'first' });
    expect(await store.headPosition()).toBe(head);
    // Its title stays free for its own report.
    await register(byHand('third', { title: 'RASSO operating model' }));
  });

  it('registers the same title published on another day: a new report', async () => {
    const register = ledgerProcess();
    await register(byHand('2024'));
    await register(byHand('2025', { publishedOn: '2025-08-22' }));
    expect((await log()).filter((e) => e.type === 'InspectionRegistered').map((e) => e.data['publishedOn'])).toEqual(['2024-08-22', '2025-08-22']);
  });

  it('answers a repeated registration of the same inspection as before, reserving nothing more', async () => {
    const register = ledgerProcess();
    const first = await register(byHand('once'));
    const head = await store.headPosition();
    expect(await register(byHand('once'))).toEqual(first);
    expect(await store.headPosition()).toBe(head);
  });

  it('reserves nothing for a registration the domain refuses', async () => {
    const register = ledgerProcess();
    await expect(register(byHand('bad', { publishedOn: '2025-02-30' }))).rejects.toMatchObject({ rule: 'InvalidDate' });
    expect(await store.headPosition()).toBeNull();
  });

  it('of two processes racing to register the same inspection, registers it exactly once and refuses the other with its id', async () => {
    for (let round = 0; round < 10; round++) {
      const title = `Race report ${round}`;
      const [a, b] = [ledgerProcess(), ledgerProcess()];
      const outcomes = await Promise.allSettled([a(byHand(`a-${round}`, { title })), b(byHand(`b-${round}`, { title }))]);

      const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i === 0 ? `a-${round}` : `b-${round}`] : []));
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as DuplicateInspectionError] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(DuplicateInspectionError);
      expect(lost[0]!.existingInspectionId).toBe(won[0]);
      const registered = (await log()).filter((e) => e.type === 'InspectionRegistered' && e.data['title'] === title);
      expect(registered.map((e) => e.data['inspectionId'])).toEqual(won);
    }
  });

  /** The store as SQLite answers on a full disk (SQLITE_FULL: nothing of the append written), for the streams `full` picks. */
  function diskFillingUp(full: (streamId: string) => boolean): EventStore {
    return new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'append') {
          return (streamId: string, ...rest: Parameters<EventStore['append']> extends [string, ...infer R] ? R : never) => {
            if (full(streamId)) return Promise.reject(new EventStoreFullError('events.sqlite: the disk is full; nothing of this append was written'));
            return target.append(streamId, ...rest);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  it('releases the reservation of a registration the full disk refused, so that registering it again succeeds at once', async () => {
    // The reservation fitted; the registration itself did not.
    const register = ledgerProcess(diskFillingUp((streamId) => streamId.startsWith('inspection-')));
    await expect(register(byHand('refused-by-the-disk'))).rejects.toBeInstanceOf(EventStoreFullError);
    expect((await log()).map((e) => e.type)).toEqual(['InspectionKeyReserved', 'InspectionKeyReleased']);

    await ledgerProcess()(byHand('once-space-is-freed'));
    expect((await log()).filter((e) => e.type === 'InspectionRegistered').map((e) => e.data['inspectionId'])).toEqual(['once-space-is-freed']);
  });

  it('frees at once, in the same process, a reservation whose release the still-full disk refused too', async () => {
    let diskFull = true;
    const onFullDisk = diskFillingUp((streamId) => diskFull && (streamId.startsWith('inspection-') || (streamId.startsWith(INSPECTION_KEY_STREAM_PREFIX) && reserved >= 1)));
    let reserved = 0;
    const counting = new Proxy(onFullDisk, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'append') return value;
        return async (...args: Parameters<EventStore['append']>) => {
          const appended = await (value as EventStore['append'])(...args);
          if (args[0].startsWith(INSPECTION_KEY_STREAM_PREFIX)) reserved += 1;
          return appended;
        };
      },
    });
    const register = ledgerProcess(counting);
    await expect(register(byHand('refused-by-the-disk'))).rejects.toBeInstanceOf(EventStoreFullError);
    expect((await log()).map((e) => e.type)).toEqual(['InspectionKeyReserved']);

    // Space freed, well within the minute after which another process would take the reservation over.
    diskFull = false;
    await register(byHand('retried'));
    expect((await log()).filter((e) => e.type === 'InspectionRegistered').map((e) => e.data['inspectionId'])).toEqual(['retried']);
  });

  it('takes over a reservation whose inspection was never registered (its process died) once it is a minute old', async () => {
    const register = ledgerProcess();
    const key = `progress to introduce a national operating model for rape and other serious sexual offences investigations|2024-08-22`;
    const streamId = `${INSPECTION_KEY_STREAM_PREFIX}${deterministicUuid('inspection-key', 'title-and-publication-date', key)}`;
    await store.append(
      streamId,
      [
        {
          id: deterministicUuid('died'),
          type: 'InspectionKeyReserved',
          data: { kind: 'title-and-publication-date', key, inspectionId: 'never-registered' },
          metadata: { actor: { ...officeStaff }, occurredAt: NOW.toISOString(), recordedAt: NOW.toISOString(), $correlationId: 'c', $causationId: 'c', commandId: 'c', schemaVersion: 1, source: 'api' },
        },
      ],
      'no_stream',
    );

    await expect(register(byHand('too-soon'))).rejects.toMatchObject({ existingInspectionId: 'never-registered' });
    clock = new Date(NOW.getTime() + 61_000);
    await register(byHand('after-a-minute'));
    expect((await log()).filter((e) => e.type === 'InspectionRegistered').map((e) => e.data['inspectionId'])).toEqual(['after-a-minute']);
  });
});
