import type { ProjectionOverview } from '../../administration/projection-administration';
import { projectionsPage } from './administration.pages';

const LIVE: ProjectionOverview = {
  name: 'timeline',
  version: 4,
  activeVersion: 4,
  generation: 2,
  checkpoint: 4000n,
  lag: { events: 0, atLeast: false },
  state: 'live',
  fault: null,
  rebuild: null,
  error: null,
  asked: null,
};

describe('the read models page', () => {
  it('shows a rebuild under way as events done of the head of the log minus its checkpoint', () => {
    const rebuilding: ProjectionOverview = {
      ...LIVE,
      name: 'register',
      state: 'rebuilding',
      rebuild: { generation: 3, version: 4, checkpoint: 1500n, eventsDone: 1500, lag: { events: 2500, atLeast: false } },
      asked: { state: 'running', askedAt: new Date('2025-01-01T00:00:00Z'), askedBy: 'Ada Admin', outcome: null },
    };
    const page = projectionsPage([rebuilding, LIVE], []);
    expect(page).toContain('Generation 3: 1,500 of 4,000 events (37%)');
    expect(page).toMatch(/>register<\/td>\s*<td class="govuk-table__cell">Rebuilding<\/td>/);
    expect(page).toMatch(/>timeline<\/td>\s*<td class="govuk-table__cell">Live<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">4000<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">0<\/td>/);
    expect(page).toContain('href="/admin/projections/register/rebuild"');
    expect(page).toContain('href="/admin/projections/rebuild"');
  });

  it('says how the last rebuild asked for ended, and names a fault', () => {
    const failed: ProjectionOverview = { ...LIVE, asked: { state: 'failed', askedAt: new Date(), askedBy: 'Ada Admin', outcome: 'the projection thread exited (code 1) before the rebuild was swapped in' } };
    const faulted: ProjectionOverview = {
      ...LIVE,
      name: 'slippage',
      state: 'faulted',
      fault: { generation: 2, eventId: 'e-1', eventType: 'TargetDateSet', position: 12n, error: 'no such recommendation', at: '2025-01-01T00:00:00Z' },
    };
    const page = projectionsPage([failed, faulted], ['timeline']);
    expect(page).toContain('Rebuild failed: the projection thread exited (code 1) before the rebuild was swapped in');
    expect(page).toContain('Faulted: event e-1 (TargetDateSet): no such recommendation');
    expect(page).toContain('Rebuild started: timeline.');
  });
});
