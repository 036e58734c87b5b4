import request from 'supertest';
import { readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { HtmlPage } from './html-reading';
import { FormBrowser, hiddenFields, readModelsCaughtUp, registerSample } from './recording-support';

/** Who the pages act as: one of the configured development people, chosen in development mode, never typed in. */
describe('acting as a development person on the pages', () => {
  let ledger: LedgerUnderTest;

  afterEach(async () => {
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  async function progressAs(browser: FormBrowser): Promise<{ actor: unknown; location: string }> {
    const { findingIds } = await registerSample(ledger);
    await request(ledger.url).post(`/api/recommendations/${findingIds[0]}/accept`).send({ commitment: 'Train' }).expect(200);
    await request(ledger.url).post(`/api/recommendations/${findingIds[0]}/assign-owner`).send({ owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' }).expect(200);
    await readModelsCaughtUp(ledger);
    const before = (await readLog(ledger.store)).length;
    const sent = await browser.fill(`/recommendations/${findingIds[0]}/record/record-progress`, { narrative: 'Half the detectives trained', rag: 'green' });
    expect(sent.status).toBe(303);
    const [event] = (await readLog(ledger.store)).slice(before);
    return { actor: event.metadata.actor, location: sent.headers.location };
  }

  it('switches to a person chosen from the directory, shows who in the header, and attributes what is recorded to them', async () => {
    ledger = await startLedger();
    const browser = new FormBrowser(ledger.url);
    const switcher = await browser.get('/acting-as?returnTo=/register');
    expect(switcher.status).toBe(200);
    const choices = new HtmlPage(switcher.text).all((element) => element.name === 'input' && element.attribs.type === 'radio').map((radio) => radio.attribs.value);
    expect(choices).toEqual(['office-staff', 'commissioner', 'force-action-owner', 'performance-lead', 'scrutiny-member', 'hmicfrs-liaison', 'ledger-admin']);

    const chosen = await browser.post('/acting-as', { ...hiddenFields(switcher.text, '/acting-as'), person: 'force-action-owner' });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.location).toBe('/register');
    expect(chosen.headers['set-cookie']).toEqual([expect.stringMatching(/^ledger_acting_as=force-action-owner; Path=\/; HttpOnly; SameSite=Strict$/)]);

    const { actor, location } = await progressAs(browser);
    expect(actor).toEqual({ id: 'force-action-owner', name: 'Force Action Owner (development)', role: 'force-lead', organisation: 'Cumbria Constabulary' });
    const page = await browser.get(location);
    expect(HtmlPage.text(new HtmlPage(page.text).byId('acting-as'))).toBe('Development Acting as Force Action Owner (development) (force-lead, Cumbria Constabulary) · Change who you are acting as');
    const form = new HtmlPage((await browser.get(`${location.split('?')[0]}/record/record-progress`)).text);
    expect(HtmlPage.text(form.byId('acting-as'))).toBe('Development Acting as Force Action Owner (development) (force-lead, Cumbria Constabulary) · Change who you are acting as');
    expect(form.all((element) => element.attribs.id === 'acting-as')).toHaveLength(1);
  });

  it('says who is acting in the header of every page, reading pages too, with a way back from the switcher to the page', async () => {
    ledger = await startLedger();
    const { inspectionId, findingIds } = await registerSample(ledger);
    await readModelsCaughtUp(ledger);
    const browser = new FormBrowser(ledger.url);
    await browser.actAs('performance-lead');
    const pages = ['/', '/dashboard', '/register?status=Issued', '/challenges', `/inspections/${inspectionId}`, `/recommendations/${findingIds[0]}`, '/import', '/register-an-inspection'];
    for (const path of pages) {
      const page = new HtmlPage((await browser.get(path)).text);
      const header = page.one((element) => element.name === 'header');
      const banner = page.byId('acting-as');
      expect({ path, inHeader: page.all((element) => element === banner, [header]).length }).toEqual({ path, inHeader: 1 });
      expect(HtmlPage.text(banner)).toBe('Development Acting as Performance Lead (development) (verifier, Office of the Police, Fire and Crime Commissioner) · Change who you are acting as');
      const change = page.all((element) => element.name === 'a', [banner])[0];
      expect(change.attribs.href).toBe(`/acting-as?returnTo=${encodeURIComponent(path)}`);
    }

    const switcher = new HtmlPage((await browser.get('/acting-as?returnTo=/register')).text);
    expect(HtmlPage.text(switcher.byId('acting-as'))).toBe('Development Acting as Performance Lead (development) (verifier, Office of the Police, Fire and Crime Commissioner)');
  });

  it('sends the switcher back to the page a form was sent from when the form comes back with errors', async () => {
    ledger = await startLedger();
    const browser = new FormBrowser(ledger.url);
    const form = '/register-an-inspection';
    const refused = await browser.fill(form, { title: '' });
    expect(refused.status).toBe(400);
    const change = new HtmlPage(refused.text).all((element) => element.name === 'a' && element.attribs.href?.startsWith('/acting-as') === true);
    // A browser says which page it posted from; supertest does not, so the switcher returns home.
    expect(change.map((link) => link.attribs.href)).toEqual(['/acting-as?returnTo=%2F']);
    const fromForm = await request(ledger.url).post(form).set('Referer', `${ledger.url}${form}`).set('Origin', ledger.url).type('form').send('title=x');
    expect(new HtmlPage(fromForm.text).all((element) => element.attribs.href?.startsWith('/acting-as') === true).map((link) => link.attribs.href)).toEqual([`/acting-as?returnTo=${encodeURIComponent(form)}`]);
  });

  it('names nobody on a page answering a request the identity guard refused', async () => {
    ledger = await startLedger();
    const refused = await request(ledger.url).get('/register').set('X-Ledger-Dev-User', 'nobody-known');
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('X-Ledger-Dev-User names no development person');
    expect(refused.text).not.toContain('id="acting-as"');
  });

  it('refuses a person who is not in the directory, and a choice made from another site; sends the browser back only to a page of this site', async () => {
    ledger = await startLedger();
    const browser = new FormBrowser(ledger.url);
    const switcher = await browser.get('/acting-as?returnTo=//evil.example/path');
    const hidden = hiddenFields(switcher.text, '/acting-as');
    expect(hidden.returnTo).toBe('/');

    const unknown = await browser.post('/acting-as', { ...hidden, person: 'chief-constable' });
    expect(unknown.status).toBe(400);
    expect(new HtmlPage(unknown.text).errorSummary()).toEqual([{ href: '#person', text: 'Select one of the development people listed' }]);
    expect(unknown.headers['set-cookie']).toBeUndefined();
    const none = await browser.post('/acting-as', hidden);
    expect(new HtmlPage(none.text).errorSummary()).toEqual([{ href: '#person', text: 'Select who you are acting as' }]);

    const { _csrf: _token, ...withoutToken } = hidden;
    expect((await browser.post('/acting-as', { ...withoutToken, person: 'ledger-admin' })).status).toBe(403);
    const returned = await browser.post('/acting-as', { ...hidden, returnTo: 'https://evil.example/', person: 'ledger-admin' });
    expect(returned.headers.location).toBe('/');
  });

  it('acts as the chosen person on the routes of the pages only: the publishing API route is one, an API command is not', async () => {
    ledger = await startLedger();
    const { findingIds } = await registerSample(ledger);
    await request(ledger.url).post(`/api/recommendations/${findingIds[0]}/accept`).send({ commitment: 'Train' }).expect(200);
    const before = (await readLog(ledger.store)).length;
    const cookie = (person: string) => `ledger_acting_as=${person}`;
    await request(ledger.url).post(`/api/recommendations/${findingIds[0]}/assign-owner`).set('Cookie', cookie('force-action-owner')).send({ owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' }).expect(200);
    await request(ledger.url).post('/api/public-register').set('Cookie', cookie('commissioner')).send({ enabled: true }).expect(200);
    const actors = (await readLog(ledger.store)).slice(before).map((event) => ({ type: event.type, actor: (event.metadata.actor as { id: string }).id }));
    expect(actors).toEqual([
      { type: 'RecommendationOwnerAssigned', actor: 'office-staff' },
      { type: 'RecommendationWorkStarted', actor: 'office-staff' },
      { type: 'PublicRegisterEnabled', actor: 'commissioner' },
    ]);
  });

  it('ignores a cookie naming nobody in the directory: the configured user acts', async () => {
    ledger = await startLedger();
    const forged = new FormBrowser(ledger.url);
    forged.setCookie('ledger_acting_as', 'someone-made-up');
    const { actor } = await progressAs(forged);
    expect(actor).toMatchObject({ id: 'office-staff' });
  });

  it.each([
    ['in production', { NODE_ENV: 'production', LEDGER_DEV_IDENTITIES: '0' }],
    ['without LEDGER_DEV_IDENTITIES', { LEDGER_DEV_IDENTITIES: '0' }],
  ])('has no switcher and no development people %s: a cookie left over acts as nobody, and the page asks to sign in', async (_when, env) => {
    ledger = await startLedger(undefined, env);
    const browser = new FormBrowser(ledger.url);
    expect((await browser.get('/acting-as')).status).toBe(404);
    browser.setCookie('ledger_acting_as', 'performance-lead');
    const page = await browser.get('/register');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fregister');
    const signIn = await browser.get('/sign-in');
    expect(signIn.text).not.toContain('/acting-as');
    expect(signIn.text).not.toContain('Development');
  });
});
