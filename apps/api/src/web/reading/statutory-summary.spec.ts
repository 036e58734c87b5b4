import type { StatutoryEntry } from '@ledger/projections/read-models';
import type { SummaryRow, SummaryRows } from '../components/inline';
import { statutorySummary } from './statutory-summary';

const actionPlan: StatutoryEntry = {
  inspectionId: 'fire-1',
  title: 'Example Fire and Rescue Service: effectiveness, efficiency and people',
  service: 'fire',
  reportPublishedOn: '2024-11-14',
  responsePeriodDays: 56,
  dueDate: '2025-01-08',
  timetableRevisedBecause: null,
  invitation: null,
  chiefOfficerCommentsReceivedOn: '2024-12-01',
  commissionerCommentsMadeOn: '2024-12-01',
  replyMadeOn: null,
  publishedOn: '2024-12-01',
  publishedAs: 'action-plan',
  url: null,
  dayNumber: 18,
  onTime: true,
  state: 'published-on-time',
  daysRemaining: null,
  daysLate: null,
  copiesSent: { HMICFRS: null, HomeSecretary: null },
};

function rows(summary: SummaryRows | null): string[] {
  return (summary ?? []).filter((r): r is SummaryRow => r !== false).map((r) => `${r.key}: ${JSON.stringify(r.value)}`);
}

describe('the statutory summary of a fire report', () => {
  it("shows the regime as an action plan, with the commissioner's comments and the chief fire officer's statement it was published with", () => {
    const shown = rows(statutorySummary(actionPlan, 'fire'));
    expect(shown).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Action plan published: /),
        expect.stringMatching(/^Chief fire officer's statement: /),
        expect.stringMatching(/^Commissioner's comments with the action plan: /),
      ]),
    );
    expect(shown.some((r) => r.startsWith('Response published') || r.startsWith('Copy to HMICFRS') || r.startsWith('Reply to the chief officer'))).toBe(false);
  });
});
