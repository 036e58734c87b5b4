import { actionOwner, issueFinding, officeStaff, performanceLead, REC_03 } from '@ledger/domain/recommendation/sample-recommendations.fixture';
import type { Actor, RecommendationCommand } from '@ledger/domain';
import { ScratchReadModels } from '../shared/scratch-read-models';
import { DecidedLog } from '../testing/decided-log.fixture';
import { registerProjection } from './register.projection';
import { findRegisterEntry, type RegisterEntry } from './register.queries';

const id = REC_03.findingId;
type Step = [string, Actor, RecommendationCommand];

const progress = (day: string, percentComplete: number): Step => [day, actionOwner, { type: 'RecordProgress', recommendationId: id, narrative: `${percentComplete}% trained`, percentComplete, rag: 'amber' }];
const complete: Step[] = [
  ['2025-03-10', actionOwner, { type: 'SubmitEvidence', recommendationId: id, evidenceId: 'ev-1', title: 'Register', reference: 'DOC-1', sha256: 'b'.repeat(64), classification: 'OFFICIAL' }],
  ['2025-03-10', actionOwner, { type: 'MarkComplete', recommendationId: id, summary: 'Done', evidenceIds: ['ev-1'] }],
];
const verify: Step = ['2025-03-12', performanceLead, { type: 'VerifyCompletion', recommendationId: id }];
const close: Step = ['2025-03-14', performanceLead, { type: 'CloseRecommendation', recommendationId: id }];
const handBack: Step = ['2025-03-12', performanceLead, { type: 'ReturnForFurtherWork', recommendationId: id, reason: 'Records missing' }];

/** REC 03 accepted and under way, reported on twice (1 and 20 February 2025), then these steps; each step's first event id by its command type. */
function logOf(steps: Step[]): { log: DecidedLog; idOf: (type: RecommendationCommand['type'], nth?: number) => string } {
  const log = new DecidedLog();
  log.recommendation(issueFinding(REC_03), { by: officeStaff, at: '2024-08-27T10:00:00Z' });
  const all: Step[] = [
    ['2024-09-25', officeStaff, { type: 'AcceptRecommendation', recommendationId: id, commitment: 'Train every detective', plannedCompletionDate: '2025-03-31' }],
    ['2024-10-03', officeStaff, { type: 'AssignOwner', recommendationId: id, owner: 'Head of L&D', organisation: 'Cumbria Constabulary' }],
    progress('2025-02-01', 40),
    progress('2025-02-20', 80),
    ...steps,
  ];
  const recorded = all.map(([day, by, command]) => ({ type: command.type, id: log.recommendation(command, { by, at: `${day}T10:00:00Z` })[0].id }));
  const idOf = (type: RecommendationCommand['type'], nth = 0) => recorded.filter((step) => step.type === type)[nth].id;
  return { log, idOf };
}

const correct = (log: DecidedLog, day: string, correctsEventId: string, correctOccurredAt: string) =>
  log.recommendation({ type: 'CorrectEntryDate', recommendationId: id, correctsEventId, correctOccurredAt, reason: 'The force reported it on that day' }, { by: officeStaff, at: `${day}T10:00:00Z` });

/** The finding as the register read model gives it. */
function entryOf(log: DecidedLog): RegisterEntry {
  const scratch = ScratchReadModels.create([registerProjection]);
  try {
    log.events.forEach((event) => scratch.apply(event));
    const entry = findRegisterEntry(scratch, id, '2025-06-01');
    if (entry === null) throw new Error(`${id} is not on the register`);
    return entry;
  } finally {
    scratch.close();
  }
}

const dates = (entry: RegisterEntry) => ({ reportedOn: entry.latestProgress?.reportedOn, completedOn: entry.completedOn, verifiedOn: entry.verifiedOn, closedOn: entry.closedOn });

describe('the register after a date correction', () => {
  it('given a completion reported on 10 March re-dated to 3 March, shows it completed on 3 March; the latest progress keeps its day', () => {
    const { log, idOf } = logOf(complete);
    expect(dates(entryOf(log))).toEqual({ reportedOn: '2025-02-20', completedOn: '2025-03-10', verifiedOn: null, closedOn: null });
    correct(log, '2025-03-20', idOf('MarkComplete'), '2025-03-03');
    const entry = entryOf(log);
    expect(dates(entry)).toEqual({ reportedOn: '2025-02-20', completedOn: '2025-03-03', verifiedOn: null, closedOn: null });
    // Which event set each date is kept to move it, not shown.
    expect(entry).not.toHaveProperty('datedBy');
  });

  it('given the latest progress report re-dated, shows it reported on the corrected day; the completion keeps its day', () => {
    const { log, idOf } = logOf(complete);
    correct(log, '2025-03-20', idOf('RecordProgress', 1), '2025-02-15');
    expect(dates(entryOf(log))).toMatchObject({ reportedOn: '2025-02-15', completedOn: '2025-03-10' });
  });

  it('given an earlier progress report re-dated, keeps the latest report\'s day', () => {
    const { log, idOf } = logOf(complete);
    correct(log, '2025-03-20', idOf('RecordProgress', 0), '2025-01-25');
    const entry = entryOf(log);
    expect([entry.latestProgress?.percentComplete, entry.latestProgress?.reportedOn]).toEqual([80, '2025-02-20']);
  });

  it('given the same completion corrected twice, shows the latest correction\'s day', () => {
    const { log, idOf } = logOf(complete);
    correct(log, '2025-03-20', idOf('MarkComplete'), '2025-03-03');
    correct(log, '2025-03-21', idOf('MarkComplete'), '2025-03-06');
    expect(entryOf(log).completedOn).toBe('2025-03-06');
  });

  it('given a completion handed back for further work and then re-dated, shows no completion', () => {
    const { log, idOf } = logOf([...complete, handBack]);
    correct(log, '2025-03-20', idOf('MarkComplete'), '2025-03-03');
    const entry = entryOf(log);
    expect([entry.status, entry.completedOn]).toEqual(['InProgress', null]);
  });

  it('given its verification and closure re-dated, shows each on its corrected day and the completion on its own', () => {
    const { log, idOf } = logOf([...complete, verify, close]);
    correct(log, '2025-03-20', idOf('VerifyCompletion'), '2025-03-11');
    correct(log, '2025-03-20', idOf('CloseRecommendation'), '2025-03-13');
    expect(dates(entryOf(log))).toEqual({ reportedOn: '2025-02-20', completedOn: '2025-03-10', verifiedOn: '2025-03-11', closedOn: '2025-03-13' });
  });
});
