import fs from 'node:fs';
import path from 'node:path';

/**
 * GOV.UK components are drawn by GOV.UK Frontend's own Nunjucks macros, never written out by
 * hand in TypeScript: hand-written markup drifts from the design system at each release.
 */
const SOURCES = path.resolve(__dirname, '../../apps/api/src');

/** The class every component's root or part carries; layout and typography classes (govuk-body, govuk-grid-row) are not components. */
const COMPONENT_CLASSES = [
  'govuk-table',
  'govuk-summary-list',
  'govuk-tag',
  'govuk-error-summary',
  'govuk-error-message',
  'govuk-notification-banner',
  'govuk-pagination',
  'govuk-date-input',
  'govuk-file-upload',
  'govuk-breadcrumbs',
  'govuk-back-link',
  'govuk-button',
  'govuk-input',
  'govuk-textarea',
  'govuk-select',
  'govuk-radios',
  'govuk-checkboxes',
  'govuk-fieldset',
  'govuk-form-group',
  'govuk-label',
  'govuk-hint',
  'govuk-panel',
  'govuk-warning-text',
  'govuk-inset-text',
  'govuk-details',
  'govuk-phase-banner',
  'govuk-service-navigation',
  'govuk-header',
  'govuk-skip-link',
];

function typeScriptFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** `class="... govuk-table ..."` or `class="govuk-table__cell"`: a component's class in an attribute written in the code. */
const handWritten = new RegExp(`class=\\\\?["'][^"']*\\b(${COMPONENT_CLASSES.join('|')})(__[a-z-]+|--[a-z-]+)?\\b`, 'g');

describe('GOV.UK components in the pages', () => {
  const files = typeScriptFiles(SOURCES);

  it('finds the TypeScript sources to look at', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((file) => file.endsWith(path.join('web', 'reading', 'findings-table.ts')))).toBe(true);
  });

  it('recognises hand-written component markup', () => {
    expect('<table class="govuk-table">'.match(handWritten)).not.toBeNull();
    expect(`html\`<strong class="govuk-tag govuk-tag--red">\``.match(handWritten)).not.toBeNull();
    expect('<p class="govuk-body">'.match(handWritten)).toBeNull();
    expect('<span class="govuk-visually-hidden">'.match(handWritten)).toBeNull();
  });

  it('writes none of them by hand in TypeScript under apps/api/src', () => {
    const found = files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(handWritten)].map((match) => `${path.relative(SOURCES, file)}: ${match[0]}`));
    expect(found).toEqual([]);
  });
});
