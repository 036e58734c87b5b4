import path from 'node:path';
import nunjucks from 'nunjucks';
import { NAVIGATION, SERVICE_NAME, type Section } from './navigation';
import { actingAsView, actingCapabilities, developmentIdentitiesOn } from './who-is-acting';

/**
 * Where templates are looked up, first match wins: this folder's tree (`register/register.njk`,
 * `layout/page.njk`), found beside the code whether it runs from the sources or from the build
 * (which copies the .njk files), then GOV.UK Frontend's own `govuk/template.njk` and
 * `govuk/components/*\/macro.njk`, as the installed package ships them.
 */
export const TEMPLATE_PATHS = [path.resolve(__dirname, '..'), path.resolve(path.dirname(require.resolve('govuk-frontend')), '..')];

let environment: nunjucks.Environment | undefined;

/** The one Nunjucks environment: autoescaping on, templates cached once read. */
function templates(): nunjucks.Environment {
  environment ??= new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATE_PATHS), { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  return environment;
}

/** What every page's layout reads besides the page's own view model. */
export interface PageFrame {
  /** What the page is for, as its h1 says it; the layout adds the service name. */
  title: string;
  /** The navigation item to mark as current. */
  section?: Section;
  /** Shown in the error summary, first in main, each linking to its field; the title then starts "Error:". */
  errors?: readonly { field: string; message: string }[];
  /** The page shows a problem of its own (not about a field): its title starts "Error:" too. */
  hasErrors?: boolean;
}

/** Renders `template` (a path under the web folder) with its view model and what the layout needs. */
export function renderPage<M extends PageFrame>(template: string, model: M): string {
  const errors = model.errors ?? [];
  // The forms, buttons and links a page shows are those the role table allows whoever acts (`may.RaiseChallenge`).
  const may = actingCapabilities();
  return templates().render(template, {
    ...model,
    serviceName: SERVICE_NAME,
    themeColor: '#0b0c0c',
    navigation: NAVIGATION.filter((item) => !('capability' in item) || may[item.capability]).map((item) => ({ href: item.href, text: item.text, current: item.section === model.section })),
    actingAs: actingAsView(),
    may,
    developmentIdentities: developmentIdentitiesOn(),
    errorList: errors.map((error) => ({ text: error.message, href: `#${error.field}` })),
  });
}

/** For a component template rendered alone (tests). */
export function renderString(source: string, context: object): string {
  return templates().renderString(source, context);
}
