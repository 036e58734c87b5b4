import { actionOwner, issueFinding, officeStaff, performanceLead, REC_03 } from '@ledger/domain/recommendation/sample-recommendations.fixture';
import type { RecommendationCommand } from '@ledger/domain';
import { DecidedLog } from '../testing/decided-log.fixture';
import { evolveFindingSummary, type FindingSummary } from './finding-summary';
import { findingToday } from './finding-today';

const id = REC_03.findingId;

/** REC 03 after these commands, folded as the register folds it. */
function rec03After(...commands: RecommendationCommand[]): FindingSummary {
  const log = new DecidedLog();
  log.recommendation(issueFinding(REC_03), { by: officeStaff, at: '2024-08-27T09:00:00Z' });
  commands.forEach((command, index) => {
    const by = command.type === 'VerifyCompletion' || command.type === 'ApproveTargetDateChange' ? performanceLead : actionOwner;
    log.recommendation(command, { by, at: `2024-10-${String(index + 1).padStart(2, '0')}T09:00:00Z` });
  });
  return log.events.reduce<FindingSummary | undefined>(evolveFindingSummary, undefined) as FindingSummary;
}

const accepted: RecommendationCommand = { type: 'AcceptRecommendation', recommendationId: id, commitment: 'Train every detective', plannedCompletionDate: '2025-01-31' };
const started: RecommendationCommand = { type: 'AssignOwner', recommendationId: id, owner: 'Head of L&D', organisation: 'Cumbria Constabulary' };

describe('where a finding stands on a given day', () => {
  it('is overdue from the day after its current target date, counting whole days', () => {
    const summary = rec03After(accepted, started);
    expect(findingToday(summary, '2025-01-31')).toMatchObject({ overdue: false, daysOverdue: null, daysUntilTarget: 0 });
    expect(findingToday(summary, '2025-02-01')).toMatchObject({ overdue: true, daysOverdue: 1, daysUntilTarget: null, rag: 'red' });
    expect(findingToday(summary, '2026-01-31')).toMatchObject({ overdue: true, daysOverdue: 365 });
  });

  it('stops the overdue clock once completion is handed in, and restarts it when the work is returned', () => {
    const evidence: RecommendationCommand = { type: 'SubmitEvidence', recommendationId: id, evidenceId: 'ev-1', title: 'Register', reference: 'DOC-1', sha256: 'a'.repeat(64), classification: 'OFFICIAL' };
    const complete: RecommendationCommand = { type: 'MarkComplete', recommendationId: id, summary: 'Done', evidenceIds: ['ev-1'] };
    const handedIn = rec03After(accepted, started, evidence, complete);
    expect(findingToday(handedIn, '2025-03-01')).toMatchObject({ overdue: false, daysOverdue: null, rag: 'green' });
    const returned = rec03After(accepted, started, evidence, complete, { type: 'ReturnForFurtherWork', recommendationId: id, reason: 'Records missing' });
    expect(findingToday(returned, '2025-03-01')).toMatchObject({ overdue: true, daysOverdue: 29, rag: 'red' });
  });

  it('derives the RAG from the schedule, dependencies, pending changes and the owner’s own assessment', () => {
    const rag = (commands: RecommendationCommand[], today = '2024-11-01') => findingToday(rec03After(...commands), today).rag;
    expect(rag([])).toBeNull();
    expect(rag([accepted, started])).toBe('green');
    expect(rag([accepted, started], '2025-01-03')).toBe('amber');
    expect(rag([accepted, started], '2025-01-02')).toBe('green');
    expect(rag([{ ...accepted, plannedCompletionDate: null }])).toBe('amber');
    expect(rag([accepted, started, { type: 'FlagDependency', recommendationId: id, dependencyId: 'd', dependsOn: 'College of Policing', description: 'Course places' }])).toBe('amber');
    expect(rag([accepted, started, { type: 'RequestTargetDateChange', recommendationId: id, from: '2025-01-31', to: '2025-04-30', reason: 'Places' }])).toBe('amber');
    expect(rag([accepted, started, { type: 'RecordProgress', recommendationId: id, narrative: 'Behind', rag: 'red' }])).toBe('red');
    expect(rag([{ type: 'RejectRecommendation', recommendationId: id, reason: 'Not for this force' }])).toBeNull();
  });

  it('is blocked while a dependency is uncleared, and counts how far the target date slipped', () => {
    const flag: RecommendationCommand = { type: 'FlagDependency', recommendationId: id, dependencyId: 'd', dependsOn: 'College of Policing', description: 'Course places' };
    expect(findingToday(rec03After(accepted, started, flag), '2024-11-01').blocked).toBe(true);
    expect(findingToday(rec03After(accepted, started, flag, { type: 'ClearDependency', recommendationId: id, dependencyId: 'd' }), '2024-11-01').blocked).toBe(false);
    const moved = rec03After(
      accepted,
      started,
      { type: 'RequestTargetDateChange', recommendationId: id, from: '2025-01-31', to: '2025-04-30', reason: 'Places' },
      { type: 'ApproveTargetDateChange', recommendationId: id },
    );
    expect(moved).toMatchObject({ originalTargetDate: '2025-01-31', targetDate: '2025-04-30', targetDateRevisions: 1 });
    expect(findingToday(moved, '2024-11-01').slippageDays).toBe(89);
  });
});
