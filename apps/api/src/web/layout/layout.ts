import { html, type SafeHtml } from './html';
import { actingAsBanner } from './who-is-acting';

export const SERVICE_NAME = 'PFCC accountability ledger';

/** The service navigation, in one place so that each new page adds itself here. */
export const NAVIGATION = [
  { section: 'dashboard', text: 'Dashboard', href: '/dashboard' },
  { section: 'register', text: 'Register', href: '/register' },
  { section: 'import', text: 'Import a page', href: '/import' },
  { section: 'api', text: 'API documentation', href: '/api/docs' },
] as const;

export type Section = (typeof NAVIGATION)[number]['section'];

export interface PageOptions {
  /** What the page is for, as its h1 says it; the service name is added. */
  title: string;
  content: SafeHtml;
  /** The navigation item to mark as current. */
  section?: Section;
  /** A page showing errors says so first in its title, so screen reader users hear it at once. */
  hasErrors?: boolean;
  /** Above main: a back link, typically. */
  beforeContent?: SafeHtml;
}

/**
 * The page template every page shares (GOV.UK Frontend's, written out): skip link, header with
 * the service name, navigation and who is acting, one main landmark, footer. The GOV.UK crown and logo are left
 * out: this service is not on GOV.UK. No inline script, so the CSP can forbid them.
 */
export function layout({ title, content, section, hasErrors = false, beforeContent }: PageOptions): string {
  const page = html`<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="theme-color" content="#0b0c0c">
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/govuk/govuk-frontend.min.css">
</head>
<body class="govuk-template__body">
  <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
  <header class="govuk-template__header">
    ${serviceNavigation(section)}
    ${actingAsBanner()}
  </header>
  <div class="govuk-width-container">
    ${beforeContent}
    <main class="govuk-main-wrapper" id="main-content">
      ${content}
    </main>
  </div>
  <footer class="govuk-footer">
    <div class="govuk-width-container">
      <div class="govuk-footer__meta">
        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
          <h2 class="govuk-visually-hidden">Support links</h2>
          <ul class="govuk-footer__inline-list">
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/api/docs">API documentation</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/api/openapi.json">OpenAPI description</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/health">Service health</a></li>
          </ul>
          <p class="govuk-body-s">${SERVICE_NAME}: an append-only record of what happens to every HMICFRS recommendation. Nothing recorded is ever edited or deleted.</p>
        </div>
      </div>
    </div>
  </footer>
  <script type="module" src="/ledger/init.js"></script>
</body>
</html>
`;
  return page.value;
}

function serviceNavigation(current: Section | undefined): SafeHtml {
  return html`<section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <a href="/" class="govuk-service-navigation__link">${SERVICE_NAME}</a>
          </span>
          <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
            <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">Menu</button>
            <ul class="govuk-service-navigation__list" id="navigation">
              ${NAVIGATION.map((item) =>
                item.section === current
                  ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active">
                <a class="govuk-service-navigation__link" href="${item.href}" aria-current="page"><strong class="govuk-service-navigation__active-fallback">${item.text}</strong></a>
              </li>`
                  : html`<li class="govuk-service-navigation__item">
                <a class="govuk-service-navigation__link" href="${item.href}">${item.text}</a>
              </li>`,
              )}
            </ul>
          </nav>
        </div>
      </div>
    </section>`;
}
