import { renderPage } from './render';
import { answerActingAs, type WhoIsActing } from './who-is-acting';

describe('the page layout (GOV.UK Frontend template.njk, rendered by Nunjucks)', () => {
  const page = renderPage('layout/error.njk', { title: 'Import <a published> page', section: 'import', detail: '<script>alert(1)</script>' });

  it('gives every page a skip link, a header with the service name and navigation, one main and a footer', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en" class="govuk-template">/);
    expect(page).toContain('<title>Import &lt;a published&gt; page – PFCC accountability ledger</title>');
    expect(page).toContain('<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>');
    expect(page).toMatch(/<a href="\/" class="govuk-service-navigation__link">\s*PFCC accountability ledger\s*<\/a>/);
    expect(page.match(/<header /g)).toHaveLength(1);
    expect(page.match(/<main /g)).toHaveLength(1);
    expect(page).toContain('<main class="govuk-main-wrapper" id="main-content">');
    expect(page.match(/<footer /g)).toHaveLength(1);
    expect(page).toContain('<nav aria-label="Menu"');
  });

  it('escapes everything a view model gives it', () => {
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
  });

  it('marks the current section in the navigation, and only that one', () => {
    expect(page).toMatch(/<a class="govuk-service-navigation__link" href="\/import" aria-current="page">\s*<strong class="govuk-service-navigation__active-fallback">Import a page<\/strong>/);
    expect(page.match(/aria-current="page"/g)).toHaveLength(1);
  });

  it('says first in the title when a page shows errors, and lists them in the error summary linked to their fields', () => {
    const withErrors = renderPage('layout/error.njk', { title: 'Import a published page', errors: [{ field: 'page-file', message: 'Select a file' }] });
    expect(withErrors).toContain('<title>Error: Import a published page – PFCC accountability ledger</title>');
    expect(withErrors).toMatch(/class="govuk-error-summary"[\s\S]*<a href="#page-file">Select a file<\/a>/);
  });

  it("runs no inline script but GOV.UK Frontend's own template script", () => {
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script>', '<script type="module" src="/ledger/init.js">']);
    expect(page).toContain("<script>document.body.className += ' js-enabled'");
  });

  describe('who is acting, in the header', () => {
    const person = { id: 'force-action-owner', name: 'Force Action Owner', role: 'Force action owner', organisation: 'Cumbria <Constabulary>' };
    const rendered = (who: WhoIsActing) => {
      let html = '';
      answerActingAs(who, () => (html = renderPage('layout/error.njk', { title: 'Register' })));
      return html.slice(html.indexOf('<header '), html.indexOf('</header>')).replace(/\s+/g, ' ');
    };

    it('names the person and, in development mode, links to the switcher', () => {
      const header = rendered({ principal: () => person, development: true, changeHref: '/acting-as?returnTo=%2Fregister' });
      expect(header).toMatch(/<strong class="govuk-tag govuk-phase-banner__content__tag"> Development <\/strong>/);
      expect(header).toContain(
        'Acting as <strong>Force Action Owner (Force action owner, Cumbria &lt;Constabulary&gt;)</strong> · <a class="govuk-link" href="/acting-as?returnTo=%2Fregister">Change<span class="govuk-visually-hidden"> who you are acting as</span></a>',
      );
    });

    it('names the person without a switcher in production', () => {
      const header = rendered({ principal: () => person, development: false, changeHref: null });
      expect(header).toContain('Acting as <strong>Force Action Owner (Force action owner, Cumbria &lt;Constabulary&gt;)</strong> </span>');
      expect(header).not.toContain('Development');
    });

    it('names nobody outside a request, or when no one was let act', () => {
      expect(page).not.toContain('id="acting-as"');
      expect(rendered({ principal: () => undefined, development: true, changeHref: '/acting-as' })).not.toContain('id="acting-as"');
    });
  });
});
