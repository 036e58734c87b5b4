import { HtmlPage } from './html-reading';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parsePublishedPage } from '@ledger/page-import';
import { logSnapshot, readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';

const repoRoot = path.resolve(__dirname, '..', '..');
const crlfPage = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'pages', 'crlf-headings.txt'), 'utf8');

/** One browser without script: its cookie jar, and the forms it is given. */
class FormClient {
  private cookie = '';

  constructor(private readonly url: string) {}

  async get(pathname: string) {
    const response = await request(this.url).get(pathname).set('Cookie', this.cookie);
    this.keepCookie(response.headers['set-cookie']);
    return response;
  }

  async postMultipart(pathname: string, fields: Record<string, string>, origin = this.url) {
    let test = request(this.url).post(pathname).set('Cookie', this.cookie).set('Origin', origin);
    for (const [name, value] of Object.entries(fields)) test = test.field(name, value);
    const response = await test;
    this.keepCookie(response.headers['set-cookie']);
    return response;
  }

  async postForm(pathname: string, fields: Record<string, string>) {
    return request(this.url).post(pathname).set('Cookie', this.cookie).set('Origin', this.url).type('form').send(new URLSearchParams(fields).toString());
  }

  private keepCookie(setCookie: string[] | string | undefined): void {
    const first = ([] as string[]).concat(setCookie ?? [])[0];
    if (first) this.cookie = first.split(';')[0];
  }
}

/** The hidden fields of the page's form with this action, as a browser would send them back. */
function hiddenFields(page: string, action: string): Record<string, string> {
  const form = page.slice(page.indexOf(`action="${action}"`));
  const fields: Record<string, string> = {};
  for (const match of form.slice(0, form.indexOf('</form>')).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return fields;
}

/** The crlf page previewed as answered on 20 November 2024 (its "within one month" is then derived as 20 December 2024). */
async function previewCrlfPage(browser: FormClient) {
  const form = await browser.get('/import');
  const preview = await browser.postMultipart('/import/preview', {
    ...hiddenFields(form.text, '/import/preview'),
    pageText: crlfPage,
    'responseDate-day': '20',
    'responseDate-month': '11',
    'responseDate-year': '2024',
  });
  expect(preview.status).toBe(200);
  const planned = /name="(plannedCompletionDate\d+)-day"/.exec(preview.text)?.[1] as string;
  return { form, preview, confirm: hiddenFields(preview.text, '/import/confirm'), planned, text: preview.text };
}

describe('the import pages over plain HTTP, as a browser without script uses them', () => {
  let ledger: LedgerUnderTest;

  beforeEach(async () => {
    ledger = await startLedger();
  });

  afterEach(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it('pastes a page with a response date, previews it and records it byte for byte', async () => {
    const browser = new FormClient(ledger.url);
    const { form, preview } = await previewCrlfPage(browser);
    expect(form.headers['content-security-policy']).toContain("script-src 'self'");
    expect(form.headers['set-cookie']?.[0]).toMatch(/^ledger_csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(preview.text).toContain('Check what will be recorded');
    const before = await logSnapshot(ledger.store);
    expect(before.head).toBeNull();

    const confirmation = await browser.postForm('/import/confirm', hiddenFields(preview.text, '/import/confirm'));

    expect(confirmation.status).toBe(200);
    expect(confirmation.text).toContain('Inspection recorded');
    const events = await readLog(ledger.store);
    const parsed = parsePublishedPage(crlfPage, { responseDate: '2024-11-20' });
    const comments = events.find((e) => e.type === 'ChiefOfficerCommentsRecorded');
    expect(comments?.data).toMatchObject({ receivedOn: '2024-11-20', comments: parsed.page.chiefOfficerStatement });
    expect(comments?.metadata).toMatchObject({ source: 'ui', occurredAt: '2024-11-20' });
    const accepted = events.filter((e) => e.type === 'RecommendationAccepted').map((e) => e.data['plannedCompletionDate']);
    expect(accepted).toEqual(['2025-01-31', '2024-12-20']);
  });

  describe('correcting a date the ledger worked out, before recording', () => {
    it('offers GOV.UK date inputs for the response date and the derived planned date, and records the corrected dates', async () => {
      const browser = new FormClient(ledger.url);
      const { confirm, planned, text } = await previewCrlfPage(browser);
      const page = new HtmlPage(text);
      expect(HtmlPage.text(page.byId('correct-dates'))).toBe('Correct a date before recording');
      expect(text).toContain('Derived as 20 December 2024. Leave empty to keep it');
      expect(text).toContain('To be recorded as 20 November 2024 (given by you)');
      for (const box of ['responseDate-day', 'responseDate-month', 'responseDate-year', `${planned}-day`, `${planned}-month`, `${planned}-year`]) {
        expect(page.byId(box).attribs).toMatchObject({ name: box, inputmode: 'numeric', value: '' });
      }

      const confirmation = await browser.postForm('/import/confirm', {
        ...confirm,
        'responseDate-day': '21',
        'responseDate-month': '11',
        'responseDate-year': '2024',
        [`${planned}-day`]: '15',
        [`${planned}-month`]: '1',
        [`${planned}-year`]: '2025',
      });

      expect(confirmation.status).toBe(200);
      expect(confirmation.text).toContain('Inspection recorded');
      const events = await readLog(ledger.store);
      const comments = events.find((e) => e.type === 'ChiefOfficerCommentsRecorded');
      expect(comments?.data).toMatchObject({ receivedOn: '2024-11-21' });
      expect(comments?.metadata).toMatchObject({ occurredAt: '2024-11-21' });
      const accepted = events.filter((e) => e.type === 'RecommendationAccepted');
      expect(accepted.map((e) => e.data['plannedCompletionDate'])).toEqual(['2025-01-31', '2025-01-15']);
      expect(accepted.map((e) => e.metadata['occurredAt'])).toEqual(['2024-11-21', '2024-11-21']);
    });

    it('checks the corrected dates without recording, and shows what will be recorded', async () => {
      const browser = new FormClient(ledger.url);
      const { confirm, planned } = await previewCrlfPage(browser);

      const checked = await browser.postForm('/import/confirm', { ...confirm, action: 'check', [`${planned}-day`]: '15', [`${planned}-month`]: '1', [`${planned}-year`]: '2025' });

      expect(checked.status).toBe(200);
      expect(HtmlPage.text(new HtmlPage(checked.text).byId('steps'))).toContain('planned completion 15 January 2025 (corrected before recording)');
      expect(new HtmlPage(checked.text).byId(`${planned}-day`).attribs.value).toBe('15');
      expect(await ledger.store.headPosition()).toBeNull();
    });

    it('refuses a corrected date that is not a real date, or a response date still to come, at its field, and records nothing', async () => {
      const browser = new FormClient(ledger.url);
      const { confirm, planned } = await previewCrlfPage(browser);

      const unreal = await browser.postForm('/import/confirm', { ...confirm, [`${planned}-day`]: '31', [`${planned}-month`]: '2', [`${planned}-year`]: '2025' });
      expect(unreal.status).toBe(400);
      expect(unreal.text).toContain('<title>Error: Check what will be recorded – PFCC accountability ledger</title>');
      const reference = 'Recommendation 4';
      expect(new HtmlPage(unreal.text).errorSummary()).toEqual([{ href: `#${planned}-day`, text: `The planned completion date for ${reference} must be a real date` }]);
      expect(unreal.text).toContain(`<p id="${planned}-error" class="govuk-error-message">`);
      const marked = new HtmlPage(unreal.text);
      expect(marked.byId(`${planned}-day`).attribs.value).toBe('31');
      expect(marked.classesOf(`${planned}-day`)).toContain('govuk-input--error');

      const partial = await browser.postForm('/import/confirm', { ...confirm, 'responseDate-day': '1', 'responseDate-year': '2024' });
      expect(new HtmlPage(partial.text).errorSummary()).toEqual([{ href: '#responseDate-month', text: 'The response date must include a month' }]);

      const future = await browser.postForm('/import/confirm', { ...confirm, 'responseDate-day': '1', 'responseDate-month': '1', 'responseDate-year': '2999' });
      expect(new HtmlPage(future.text).errorSummary()).toEqual([{ href: '#responseDate-day', text: 'The response date must be today or in the past' }]);

      const beforeResponse = await browser.postForm('/import/confirm', { ...confirm, [`${planned}-day`]: '1', [`${planned}-month`]: '11', [`${planned}-year`]: '2024' });
      expect(new HtmlPage(beforeResponse.text).errorSummary()).toEqual([
        { href: `#${planned}-day`, text: `The planned completion date for ${reference} must be on or after the response date, 20 November 2024` },
      ]);

      const beforePublication = await browser.postForm('/import/confirm', { ...confirm, 'responseDate-day': '1', 'responseDate-month': '1', 'responseDate-year': '2000' });
      expect(beforePublication.status).toBe(400);
      expect(new HtmlPage(beforePublication.text).errorSummary()[0]).toMatchObject({ href: '#responseDate-day', text: expect.stringMatching(/^The response date 2000-01-01 is before the report was published/) });

      expect(await ledger.store.headPosition()).toBeNull();
    });
  });

  it('shows each problem with the form in an error summary, and keeps what was typed', async () => {
    const browser = new FormClient(ledger.url);
    const form = await browser.get('/import');

    const answer = await browser.postMultipart('/import/preview', {
      ...hiddenFields(form.text, '/import/preview'),
      pageText: 'Some <b>pasted</b> text',
      'responseDate-day': '30',
      'responseDate-month': '2',
      'responseDate-year': '2025',
    });

    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<title>Error: Import a published page – PFCC accountability ledger</title>');
    expect(new HtmlPage(answer.text).errorSummary()).toEqual([{ href: '#response-date-day', text: 'The response date must be a real date' }]);
    expect(answer.text).toContain('>Some &lt;b&gt;pasted&lt;/b&gt; text</textarea>');
    expect(answer.text).toContain('value="30"');
  });

  it('says why a page cannot be recorded, and offers no way to record it', async () => {
    const browser = new FormClient(ledger.url);
    const form = await browser.get('/import');

    const preview = await browser.postMultipart('/import/preview', { ...hiddenFields(form.text, '/import/preview'), pageText: 'Minutes of a meeting.' });

    expect(preview.status).toBe(422);
    expect(preview.text).toContain('This page cannot be recorded');
    expect(preview.text).toContain('The page gives no inspection title');
    expect(preview.text).not.toContain('action="/import/confirm"');
  });

  it('refuses a form post that did not come from its own page in the same browser, and records nothing', async () => {
    const browser = new FormClient(ledger.url);
    const preview = await browser.postMultipart('/import/preview', {
      ...hiddenFields((await browser.get('/import')).text, '/import/preview'),
      pageText: crlfPage,
    });
    const confirm = hiddenFields(preview.text, '/import/confirm');

    const noCookie = await request(ledger.url).post('/import/confirm').type('form').send(new URLSearchParams(confirm).toString());
    const otherBrowser = new FormClient(ledger.url);
    await otherBrowser.get('/import');
    const stolenToken = await otherBrowser.postForm('/import/confirm', confirm);
    const otherSite = await browser.postMultipart('/import/preview', { ...confirm, pageText: crlfPage }, 'https://attacker.example');

    for (const answer of [noCookie, stolenToken, otherSite]) {
      expect(answer.status).toBe(403);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.text).toContain('This form could not be accepted');
    }
    expect(await ledger.store.headPosition()).toBeNull();
  });

  it('serves GOV.UK Frontend from the installed package and nothing outside it', async () => {
    const css = await request(ledger.url).get('/govuk/govuk-frontend.min.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.text).toContain('.govuk-header');
    // GDS Transport is for GOV.UK services only: no @font-face, no font files; Arial instead.
    expect(css.text).not.toContain('@font-face');
    const script = await request(ledger.url).get('/govuk/govuk-frontend.min.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect((await request(ledger.url).get('/assets/fonts/bold-b542beb274-v2.woff2')).status).toBe(404);
    expect((await request(ledger.url).get('/assets/images/favicon.ico')).status).toBe(200);
    const init = await request(ledger.url).get('/ledger/init.js');
    expect(init.text).toContain("import { initAll } from '/govuk/govuk-frontend.min.js'");

    expect((await request(ledger.url).get('/govuk/package.json')).status).toBe(404);
    expect((await request(ledger.url).get('/assets/%2e%2e/%2e%2e/package.json')).status).not.toBe(200);
    expect((await request(ledger.url).get('/assets/nothing-here.png')).status).toBe(404);
  });
});
