import { html, raw, sanitised } from './html';
import { layout } from './layout';
import { answerActingAs, type WhoIsActing } from './who-is-acting';

describe('the html template helper', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const title = `<script>alert("x")</script> & 'quotes'`;
    expect(html`<p title="${title}">${title}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>',
    );
  });

  it('nests templates without escaping them twice, joins lists, and renders false, null and undefined as nothing', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${false}${null}${undefined}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('passes markup through only when it is explicitly trusted', () => {
    expect(html`${raw('<br>')}`.value).toBe('<br>');
    expect(html`${'<br>'}`.value).toBe('&lt;br&gt;');
  });

  it('cuts outside HTML down to text structure and styles it', () => {
    const page = '<p onclick="steal()">Key <strong>finding</strong><script>steal()</script></p><img src="x"><a href="javascript:steal()">bad</a><a href="https://example.org" rel="opener">good</a><ul><li>one</li></ul>';
    expect(sanitised(page).value).toBe(
      '<p class="govuk-body">Key <strong>finding</strong></p><a class="govuk-link" rel="noreferrer">bad</a><a href="https://example.org" rel="noreferrer" class="govuk-link">good</a><ul class="govuk-list govuk-list--bullet"><li>one</li></ul>',
    );
  });
});

describe('the page layout', () => {
  const page = layout({ title: 'Import a published page', content: html`<h1>Import</h1>`, section: 'import' });

  it('gives every page a skip link, a header with the service name and navigation, one main and a footer', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en" class="govuk-template">/);
    expect(page).toContain('<title>Import a published page – PFCC accountability ledger</title>');
    expect(page).toContain('<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>');
    expect(page).toContain('<a href="/" class="govuk-service-navigation__link">PFCC accountability ledger</a>');
    expect(page.match(/<header /g)).toHaveLength(1);
    expect(page.match(/<main /g)).toHaveLength(1);
    expect(page).toContain('<main class="govuk-main-wrapper" id="main-content">');
    expect(page.match(/<footer /g)).toHaveLength(1);
    expect(page).toContain('<nav aria-label="Menu"');
  });

  it('marks the current section in the navigation', () => {
    expect(page).toContain('<a class="govuk-service-navigation__link" href="/import" aria-current="page"><strong class="govuk-service-navigation__active-fallback">Import a page</strong></a>');
    expect(page).toContain('<a class="govuk-service-navigation__link" href="/register">Register</a>');
  });

  it('says first in the title when a page shows errors', () => {
    expect(layout({ title: 'Import a published page', content: html``, hasErrors: true })).toContain('<title>Error: Import a published page – PFCC accountability ledger</title>');
  });

  it('runs no inline script', () => {
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/ledger/init.js">']);
  });

  describe('who is acting, in the header', () => {
    const person = { id: 'force-action-owner', name: 'Force Action Owner', role: 'Force action owner', organisation: 'Cumbria Constabulary' };
    const rendered = (who: WhoIsActing) => {
      let page = '';
      answerActingAs(who, () => (page = layout({ title: 'Register', content: html`<h1>Register</h1>` })));
      return page.slice(page.indexOf('<header '), page.indexOf('</header>'));
    };

    it('names the person and, in development mode, links to the switcher', () => {
      const header = rendered({ principal: () => person, development: true, changeHref: '/acting-as?returnTo=%2Fregister' });
      expect(header).toContain('<strong class="govuk-tag govuk-phase-banner__content__tag">Development</strong>');
      expect(header).toContain('Acting as <strong>Force Action Owner (Force action owner, Cumbria Constabulary)</strong> · <a class="govuk-link" href="/acting-as?returnTo=%2Fregister">Change<span class="govuk-visually-hidden"> who you are acting as</span></a>');
    });

    it('names the person without a switcher in production', () => {
      const header = rendered({ principal: () => person, development: false, changeHref: null });
      expect(header).toContain('Acting as <strong>Force Action Owner (Force action owner, Cumbria Constabulary)</strong></span>');
      expect(header).not.toContain('Development');
    });

    it('names nobody outside a request, or when no one was let act', () => {
      expect(page).not.toContain('id="acting-as"');
      expect(rendered({ principal: () => undefined, development: true, changeHref: '/acting-as' })).not.toContain('id="acting-as"');
    });
  });
});
