import type { PageImportOutcome, PageImportPlan, StepStatus } from '@ledger/application/import-page';
import type { Tag } from '../components/inline';
import { renderPage } from '../layout/render';
import { dayText, inSentence } from '../reading/format';
import { planWords } from './plan-words';

const STATUS_TAGS: Record<StepStatus, Tag> = {
  recorded: { text: 'Recorded', colour: 'green' },
  'already-recorded': { text: 'Already recorded', colour: 'grey' },
  refused: { text: 'Refused', colour: 'red' },
  'not-attempted': { text: 'Not attempted', colour: 'orange' },
};

/** What the import did, step by step, with links to the pages of what it recorded (each with its timeline). */
export function importConfirmationPage(plan: PageImportPlan, outcome: PageImportOutcome): string {
  const recorded = outcome.steps.filter((s) => s.status === 'recorded').length;
  const refused = outcome.steps.filter((s) => s.status === 'refused' || s.status === 'not-attempted');
  const title = outcome.recordedAnything ? 'Inspection recorded' : refused.length > 0 ? 'Nothing was recorded' : 'Already imported: nothing recorded';
  const id = outcome.inspectionId;
  return renderPage('import/import-confirmation.njk', {
    title,
    section: 'import',
    recordedAnything: outcome.recordedAnything,
    panelText: `${recorded} of ${outcome.steps.length} steps recorded`,
    lead: refused.length > 0 ? 'The ledger refused what was left to record.' : 'This page was already imported. Every step was found in the ledger, so nothing new was recorded.',
    inspection: { title: plan.parsed.inspection.title && inSentence(plan.parsed.inspection.title), publishedOn: plan.parsed.inspection.publishedOn && dayText(plan.parsed.inspection.publishedOn) },
    refused: refused.map(({ step, refusal }) => ({ text: `${planWords(step.summary)} ${refusal ? `Refused by ${refusal.rule}: ${refusal.message}` : 'Not attempted: the inspection was not registered.'}` })),
    steps: outcome.steps.map(({ step, status, differences, correction }) =>
      differences
        ? {
            tag: { text: 'Already recorded, with other dates: nothing was changed', colour: 'orange' },
            summary: planWords(step.summary),
            differences: differences.map((d) => `${d.field}: the ledger holds ${d.recorded ?? '(none)'}; this import says ${d.imported ?? '(none)'}`),
            correction: correction?.note,
          }
        : { tag: STATUS_TAGS[status], summary: planWords(step.summary) },
    ),
    pages: [
      { href: `/inspections/${encodeURIComponent(id)}`, text: 'The inspection' },
      { href: `/inspections/${encodeURIComponent(id)}#statutory-response`, text: plan.parsed.inspection.service === 'police' ? 'Its statutory response' : 'Its action plan' },
      ...plan.findings.map((f) => ({ href: `/recommendations/${encodeURIComponent(f.findingId)}`, text: f.reference })),
    ],
  });
}
