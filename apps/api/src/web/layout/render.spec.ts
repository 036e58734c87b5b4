import { mayDo, ROLE_TABLE, ROLES, type Capability } from '@ledger/application';
import { renderPage } from './render';
import { answerActingAs, capabilitiesOf, type WhoIsActing } from './who-is-acting';

const OFFICE = { id: 'office-staff', name: 'Office Staff', role: 'office', organisation: 'OPFCC' };

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
    let page = '';
    answerActingAs({ principal: () => OFFICE, development: false, changeHref: null }, () => (page = renderPage('layout/error.njk', { title: 'Import a page', section: 'import' })));
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

  describe('what whoever acts may use, from the role table', () => {
    const navigationOf = (role: string | undefined) => {
      let html = '';
      answerActingAs({ principal: () => (role === undefined ? undefined : { ...OFFICE, role }), development: false, changeHref: null }, () => (html = renderPage('layout/error.njk', { title: 'Register' })));
      return [...html.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map((match) => match[1]);
    };

    it.each(ROLES)('links %s to the import page in the navigation only if the role table lets it import', (role) => {
      expect(navigationOf(role).includes('/import')).toBe(mayDo(role, 'import-page'));
      expect(navigationOf(role)).toEqual(expect.arrayContaining(['/dashboard', '/register', '/api/docs']));
    });

    it('gives nobody the import page outside a request, or when no one was let act', () => {
      expect(navigationOf(undefined)).not.toContain('/import');
      expect(page).not.toContain('href="/import"');
    });

    it('gives templates each capability of the role table as true or false for the role', () => {
      for (const role of ROLES) {
        const may = capabilitiesOf(role);
        expect(Object.keys(may).sort()).toEqual(Object.keys(ROLE_TABLE).sort());
        for (const capability of Object.keys(ROLE_TABLE) as Capability[]) expect({ role, capability, may: may[capability] }).toEqual({ role, capability, may: ROLE_TABLE[capability].includes(role) });
      }
      expect(Object.values(capabilitiesOf(undefined)).some(Boolean)).toBe(false);
    });
  });

  describe('the development banner', () => {
    const banner = (development: boolean, principal?: typeof OFFICE) => {
      let html = '';
      answerActingAs({ principal: () => principal, development, changeHref: null }, () => (html = renderPage('layout/error.njk', { title: 'Register', errors: [{ field: 'x', message: 'Enter x' }] })));
      const main = html.slice(html.indexOf('<main '), html.indexOf('</main>'));
      return { html, main, at: main.indexOf('id="development-identities"') };
    };

    it('says on every page, first in main after any error summary, that anyone can act as anyone and that it is not for real records', () => {
      for (const principal of [OFFICE, undefined]) {
        const { main, at } = banner(true, principal);
        expect(at).toBeGreaterThan(main.indexOf('govuk-error-summary'));
        const text = main.slice(at).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
        expect(text).toContain('Development only');
        expect(text).toContain('anyone can act as anyone');
        expect(text).toContain('Do not use this ledger for real records.');
        expect(main.slice(0, at)).toMatch(/<div class="govuk-notification-banner" role="region" aria-labelledby="development-identities-title" data-module="govuk-notification-banner"\s*$/);
      }
    });

    it('is never shown without development identities, nor outside a request', () => {
      expect(banner(false, OFFICE).html).not.toContain('development-identities');
      expect(banner(false, undefined).html).not.toContain('development-identities');
      expect(page).not.toContain('development-identities');
    });
  });
});
