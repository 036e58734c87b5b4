import { decodeHTML } from 'entities';
import { DomUtils, parseDocument } from 'htmlparser2';
import request from 'supertest';
import type { RecordedEvent } from '@ledger/event-store';
import { post } from '../e2e/support/http';
import { readLog, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { readSamplePage } from '../e2e/support/sample-page';
import { registration } from '../e2e/support/sample-requests';

export { readModelsCaughtUp } from '../e2e/support/ledger-under-test';

/** A browser without script: a cookie jar, and the forms it is given, sent back as the page has them. */
export class FormBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly url: string) {}

  async get(pathname: string) {
    const response = await request(this.url).get(pathname).set('Cookie', this.cookieHeader());
    this.keep(response.headers['set-cookie']);
    return response;
  }

  /** Posts a form as an HTML form is posted, from this site (Origin), with this browser's cookies. */
  async post(pathname: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const one of ([] as string[]).concat(value)) body.append(name, one);
    const response = await request(this.url).post(pathname).set('Cookie', this.cookieHeader()).set('Origin', this.url).type('form').send(body.toString());
    this.keep(response.headers['set-cookie']);
    return response;
  }

  /** Gets the form page, then posts what it holds (token, submission, prefilled answers) with these answers instead. */
  async fill(pathname: string, answers: Record<string, string | string[]>) {
    const page = await this.get(pathname);
    if (page.status !== 200) throw new Error(`GET ${pathname} answered ${page.status}`);
    return this.post(pathname, { ...formFields(page.text, pathname), ...typedIn(page.text, answers) });
  }

  async actAs(personId: string): Promise<void> {
    const page = await this.get('/acting-as?returnTo=/');
    const chosen = await this.post('/acting-as', { ...hiddenFields(page.text, '/acting-as'), person: personId });
    if (chosen.status !== 303) throw new Error(`Switching to ${personId} answered ${chosen.status}: ${chosen.text}`);
  }

  /** A cookie as if some earlier page (or someone else) had set it. */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(setCookie: string[] | string | undefined): void {
    for (const cookie of ([] as string[]).concat(setCookie ?? [])) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
}

/**
 * Answers as a person types them: a date given as YYYY-MM-DD for a field the page asks as GOV.UK's
 * date input goes into its day, month and year boxes.
 */
export function typedIn(page: string, answers: Record<string, string | string[]>): Record<string, string | string[]> {
  const typed: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(answers)) {
    const date = typeof value === 'string' ? (/^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value) ?? (value === '' ? ['', '', '', ''] : null)) : null;
    if (date && page.includes(`name="${name}-day"`)) Object.assign(typed, { [`${name}-day`]: date[3], [`${name}-month`]: date[2], [`${name}-year`]: date[1] });
    else typed[name] = value;
  }
  return typed;
}

/** What a browser would send of the form that posts to `action`, before anything is typed: every field that has a value, no button. */
export function formFields(page: string, action: string): Record<string, string | string[]> {
  const form = DomUtils.findOne((element) => element.name === 'form' && element.attribs.action === action, parseDocument(page).children);
  if (!form) throw new Error(`No form posts to ${action}`);
  const fields: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const held = fields[name];
    fields[name] = held === undefined ? value : ([] as string[]).concat(held, value);
  };
  for (const element of DomUtils.findAll((candidate) => candidate.name === 'input' || candidate.name === 'textarea', form.children)) {
    const { name, type, value, checked } = element.attribs;
    if (name === undefined) continue;
    // htmlparser2 leaves a textarea's text encoded, as it leaves a title's; a browser decodes it.
    if (element.name === 'textarea') add(name, decodeHTML(DomUtils.textContent(element)).replace(/^\n/, ''));
    else if (type === 'radio' || type === 'checkbox') {
      if (checked !== undefined) add(name, value ?? 'on');
    } else if ((value ?? '') !== '') add(name, value);
  }
  return fields;
}

/** The hidden fields of the page's form that posts to `action`. */
export function hiddenFields(page: string, action: string): Record<string, string> {
  const start = page.indexOf(`action="${action}"`);
  if (start === -1) throw new Error(`No form posts to ${action}`);
  const form = page.slice(start, page.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return fields;
}

export interface RegisteredSample {
  inspectionId: string;
  /** REC 03, 05, 07, 09 and 11, in that order. */
  findingIds: string[];
}

const registeredCopies = new WeakMap<LedgerUnderTest, number>();

/**
 * The sample inspection registered over the JSON API, as the office's starting point. An
 * inspection is registered once: a test that needs a fresh one in the same ledger gets a copy
 * under a numbered title.
 */
export async function registerSample(ledger: LedgerUnderTest): Promise<RegisteredSample> {
  const copy = registeredCopies.get(ledger) ?? 0;
  registeredCopies.set(ledger, copy + 1);
  const page = readSamplePage();
  const body = copy === 0 ? registration(page) : { ...registration(page), title: `${page.title} (copy ${copy})` };
  const registered = await post(ledger, '/api/inspections', body).expect(201);
  return registered.body as RegisteredSample;
}

/** A command over the JSON API, as a development person, to bring a recommendation to a status. */
export async function apiCommand(ledger: LedgerUnderTest, path: string, body: object, as = 'office-staff'): Promise<Record<string, string>> {
  const response = await post(ledger, path, body, { as });
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Record<string, string>;
}

export async function eventsSince(ledger: LedgerUnderTest, count: number): Promise<RecordedEvent[]> {
  return (await readLog(ledger.store)).slice(count);
}

