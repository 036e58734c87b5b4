import { actionOwner, issueFinding, officeStaff, performanceLead, REC_03, REC_05, REC_07, REC_09 } from '@ledger/domain/recommendation/sample-recommendations.fixture';
import type { RecommendationCommand } from '@ledger/domain';
import { DecidedLog } from '../testing/decided-log.fixture';
import { summaryAgreement } from '../testing/summary-agreement.fixture';
import { evolveFindingSummary } from './finding-summary';

/** Commands the office's performance lead gives; the force's action owner gives the rest. */
const OFFICE_COMMANDS: ReadonlySet<RecommendationCommand['type']> = new Set([
  'VerifyCompletion',
  'ApproveTargetDateChange',
  'RefuseTargetDateChange',
  'ReturnForFurtherWork',
  'CloseRecommendation',
  'Reopen',
  'Supersede',
  'RejectRecommendation',
  'AssessApplicability',
]);

/** A command without the finding it is for: each `run` gives that. */
type CommandFor<C = RecommendationCommand> = C extends RecommendationCommand ? Omit<C, 'recommendationId'> : never;

/** Four findings through what the ledger records of them, decided by the domain's deciders. */
function decidedLog(): DecidedLog {
  const log = new DecidedLog();
  let day = 0;
  const at = () => `2024-${String(9 + Math.floor(day / 28)).padStart(2, '0')}-${String((day++ % 28) + 1).padStart(2, '0')}T09:00:00Z`;
  const run = (recommendationId: string, commands: CommandFor[]) => {
    for (const command of commands) {
      const full = { ...command, recommendationId } as RecommendationCommand;
      log.recommendation(full, { by: OFFICE_COMMANDS.has(full.type) ? performanceLead : actionOwner, at: at() });
    }
  };
  for (const finding of [REC_03, REC_05, REC_07, REC_09]) log.recommendation(issueFinding(finding), { by: officeStaff, at: at() });
  run(REC_03.findingId, [
    { type: 'AcceptRecommendation', commitment: 'Train every detective', plannedCompletionDate: '2025-01-31' },
    { type: 'AssignOwner', owner: 'Head of L&D', organisation: 'Cumbria Constabulary' },
    { type: 'AddAction', actionId: 'book', description: 'Book the course', owner: 'L&D', dueDate: '2024-12-01' },
    { type: 'AddAction', actionId: 'attend', description: 'Attend it', owner: 'L&D', dueDate: '2025-01-15' },
    { type: 'FlagDependency', dependencyId: 'college', dependsOn: 'College of Policing', description: 'Course places' },
    { type: 'RequestTargetDateChange', from: '2025-01-31', to: '2025-04-30', reason: 'Places' },
    { type: 'ApproveTargetDateChange' },
    { type: 'RequestTargetDateChange', from: '2025-04-30', to: '2025-09-30', reason: 'More places' },
    { type: 'RefuseTargetDateChange', reason: 'Keep to April' },
    { type: 'CompleteAction', actionId: 'book' },
    { type: 'ClearDependency', dependencyId: 'college' },
    { type: 'RecordProgress', narrative: 'Half trained', percentComplete: 50, rag: 'amber' },
    { type: 'CompleteAction', actionId: 'attend' },
    { type: 'SubmitEvidence', evidenceId: 'register', title: 'Training register', reference: 'DOC-1', sha256: 'a'.repeat(64), classification: 'OFFICIAL' },
    { type: 'MarkComplete', summary: 'Done', evidenceIds: ['register'] },
    { type: 'ReturnForFurtherWork', reason: 'Records missing' },
    { type: 'MarkComplete', summary: 'Done, with records', evidenceIds: ['register'] },
    { type: 'VerifyCompletion' },
    { type: 'CloseRecommendation' },
    { type: 'Reopen', reason: 'Inspectorate not satisfied' },
  ]);
  run(REC_05.findingId, [
    { type: 'PartiallyAcceptRecommendation', acceptedScope: 'The definition', notAcceptedScope: 'The unit', reason: 'No budget', plannedCompletionDate: null },
    { type: 'SetTargetDate', targetDate: '2025-07-31' },
    { type: 'AssignOwner', owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' },
    { type: 'AssignOwner', owner: 'Detective Superintendent', organisation: 'Cumbria Constabulary' },
  ]);
  run(REC_07.findingId, [{ type: 'RejectRecommendation', reason: 'Not for this force' }]);
  run(REC_09.findingId, [{ type: 'AssessApplicability', applicable: false, reason: 'No such unit' }]);
  return log;
}

describe('the register\'s finding, folded from the domain\'s facts alone', () => {
  it('given a decided log of accepted, partly accepted, rejected and not applicable findings, after every event, holds every field the domain\'s whole state gives', () => {
    const agreement = summaryAgreement(decidedLog().events);
    expect(agreement.disagreements).toEqual([]);
    expect(agreement).toMatchObject({ findings: 4 });
    expect(agreement.findingEvents).toBeGreaterThan(25);
  });

  it('is caught when a field differs from the domain\'s whole state', () => {
    const events = decidedLog().events;
    const staleOwner = summaryAgreement(events, (summary, event) => ({ ...evolveFindingSummary(summary, event), owner: summary?.owner ?? null }));
    expect(new Set(staleOwner.disagreements.map((d) => d.field))).toEqual(new Set(['owner']));
    expect(staleOwner.disagreements[0]).toMatchObject({ streamId: `recommendation-${REC_03.findingId}`, summary: null, state: 'Head of L&D' });
    const lostAction = summaryAgreement(events, (summary, event) => {
      const next = evolveFindingSummary(summary, event);
      return { ...next, openActionIds: next.openActionIds.slice(1) };
    });
    expect(new Set(lostAction.disagreements.map((d) => d.field))).toEqual(new Set(['openActionIds', 'openActions']));
  });
});
