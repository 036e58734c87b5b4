import { logSnapshot, readLog, removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { evidence } from '../e2e/support/sample-requests';
import { HtmlPage } from './html-reading';
import { apiCommand, FormBrowser, formFields, hiddenFields, readModelsCaughtUp, registerSample } from './recording-support';

/**
 * The recommendation forms for sub-actions, dependencies, the inspectorate's own view and the
 * early endings, over plain HTTP as a browser without script uses them: each records through the
 * command path with source `ui` as the person acting; a form that is wrong or that a rule refuses
 * records nothing.
 */

const OFFICE = 'office-staff';
const OWNER = 'force-action-owner';
const VERIFIER = 'performance-lead';
const LIAISON = 'hmicfrs-liaison';

type Stage = 'in-progress' | 'with-action' | 'with-dependency' | 'closed';

interface Prepared {
  id: string;
  actionId?: string;
  dependencyId?: string;
}

describe('recording delivery, the inspectorate and early endings from a recommendation page', () => {
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    ledger = await startLedger();
  });

  afterAll(async () => {
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  const api = (prepared: Prepared, path: string, body: object = {}, as = OFFICE) => apiCommand(ledger, `/api/recommendations/${prepared.id}/${path}`, body, as);

  /** A fresh REC 03 of a newly registered sample, brought to `stage` over the JSON API, as the pages will read it. */
  async function rec03At(stage: Stage): Promise<Prepared> {
    const prepared: Prepared = { id: (await registerSample(ledger)).findingIds[0] };
    await api(prepared, 'accept', { commitment: 'Train every detective', plannedCompletionDate: '2025-01-31' });
    await api(prepared, 'assign-owner', { owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' });
    if (stage === 'with-action') {
      prepared.actionId = (await api(prepared, 'actions', { description: 'Book the course', owner: 'Training manager', dueDate: '2024-11-30' }, OWNER)).actionId;
    }
    if (stage === 'with-dependency') {
      prepared.dependencyId = (await api(prepared, 'dependencies', { dependsOn: 'College of Policing', description: 'The national course materials' })).dependencyId;
    }
    if (stage === 'closed') {
      const evidenceId = (await api(prepared, 'evidence', evidence('Training register'), OWNER)).evidenceId;
      await api(prepared, 'mark-complete', { summary: 'All detectives trained', evidenceIds: [evidenceId] }, OWNER);
      await api(prepared, 'verify', {}, VERIFIER);
      await api(prepared, 'close', {}, 'commissioner');
    }
    await readModelsCaughtUp(ledger);
    return prepared;
  }

  async function browserActingAs(person: string): Promise<FormBrowser> {
    const browser = new FormBrowser(ledger.url);
    if (person !== OFFICE) await browser.actAs(person);
    return browser;
  }

  interface FormCase {
    form: string;
    stage: Stage;
    as: string;
    answers(prepared: Prepared): Record<string, string>;
    event: string;
    /** What the event records of the answers and of what the page assigned. */
    data(prepared: Prepared): Record<string, unknown>;
    banner: string;
    /** A required answer left out, and what the page says about it. */
    missing: { field: string; message: string };
    /** A rule of the ledger refusing it: what happens between getting the page and sending it, what is sent, and what the page says where. */
    refused: { meanwhile?(prepared: Prepared): Promise<void>; answers?(prepared: Prepared): Record<string, string>; field: string; message: string | RegExp };
  }

  const ENDED_MEANWHILE = async (prepared: Prepared) => {
    await api(prepared, 'no-longer-relevant', { reason: 'Overtaken by the national programme' });
  };

  const FORMS: FormCase[] = [
    {
      form: 'add-action',
      stage: 'in-progress',
      as: OWNER,
      answers: () => ({ description: 'Book 35 places on the specialist course', owner: 'Training manager', dueDate: '2024-11-30' }),
      event: 'RecommendationActionAdded',
      data: () => ({ actionId: expect.stringMatching(/^[0-9a-f-]{36}$/), description: 'Book 35 places on the specialist course', owner: 'Training manager', dueDate: '2024-11-30' }),
      banner: 'Action added',
      missing: { field: 'dueDate', message: 'Due date is required' },
      refused: { meanwhile: ENDED_MEANWHILE, field: 'record-form', message: /^AddAction is not allowed while REC 03 is NoLongerRelevant/ },
    },
    {
      form: 'complete-action',
      stage: 'with-action',
      as: OWNER,
      answers: (prepared) => ({ actionId: prepared.actionId! }),
      event: 'RecommendationActionCompleted',
      data: (prepared) => ({ actionId: prepared.actionId }),
      banner: 'Action completed',
      missing: { field: 'actionId', message: 'The action that is complete is required' },
      refused: {
        meanwhile: async (prepared) => {
          await api(prepared, `actions/${prepared.actionId}/complete`, {}, OFFICE);
        },
        field: 'actionId',
        message: /^Action .* of REC 03 is already complete$/,
      },
    },
    {
      form: 'flag-dependency',
      stage: 'in-progress',
      as: OFFICE,
      answers: () => ({ dependsOn: 'College of Policing', description: 'The national course materials are not yet published' }),
      event: 'RecommendationDependencyFlagged',
      data: () => ({ dependencyId: expect.stringMatching(/^[0-9a-f-]{36}$/), dependsOn: 'College of Policing', description: 'The national course materials are not yet published' }),
      banner: 'Dependency recorded',
      missing: { field: 'dependsOn', message: 'Who it waits on is required' },
      refused: {
        meanwhile: async (prepared) => {
          await api(prepared, 'supersede', { supersededBy: 'REC 2 of the 2025 PEEL report', reason: 'Restated' });
        },
        field: 'record-form',
        message: /^FlagDependency is not allowed while REC 03 is Superseded/,
      },
    },
    {
      form: 'clear-dependency',
      stage: 'with-dependency',
      as: OFFICE,
      answers: (prepared) => ({ dependencyId: prepared.dependencyId!, note: 'Materials published on 1 November' }),
      event: 'RecommendationDependencyCleared',
      data: (prepared) => ({ dependencyId: prepared.dependencyId, note: 'Materials published on 1 November' }),
      banner: 'Dependency cleared',
      missing: { field: 'dependencyId', message: 'The dependency that is cleared is required' },
      refused: {
        meanwhile: async (prepared) => {
          await api(prepared, `dependencies/${prepared.dependencyId}/clear`, {});
        },
        answers: (prepared) => ({ dependencyId: prepared.dependencyId! }),
        field: 'dependencyId',
        message: /^Dependency .* of REC 03 is already cleared$/,
      },
    },
    {
      form: 'record-inspectorate-status',
      stage: 'in-progress',
      as: LIAISON,
      answers: () => ({ statusText: 'Work in progress: evidence awaited', statusDate: '2025-02-03', source: 'HMICFRS monitoring portal', mappedStatus: 'in-progress' }),
      event: 'RecommendationInspectorateStatusRecorded',
      data: () => ({ statusText: 'Work in progress: evidence awaited', statusDate: '2025-02-03', source: 'HMICFRS monitoring portal', mappedStatus: 'in-progress' }),
      banner: "Inspectorate's status recorded",
      missing: { field: 'mappedStatus', message: 'The closest status is required' },
      refused: {
        answers: () => ({ statusText: 'Open', statusDate: '2025-02-03', source: 'Portal', mappedStatus: 'open', occurredAt: '2999-01-01' }),
        field: 'occurredAt',
        message: /^Date it happened 2999-01-01 is later than today/,
      },
    },
    {
      form: 'record-inspectorate-closure',
      stage: 'closed',
      as: LIAISON,
      answers: () => ({ outcome: 'closed', closedOn: '2025-06-30', source: 'Letter from HMICFRS of 30 June 2025' }),
      event: 'RecommendationInspectorateClosureRecorded',
      data: () => ({ outcome: 'closed', closedOn: '2025-06-30', source: 'Letter from HMICFRS of 30 June 2025' }),
      banner: "Inspectorate's closure recorded",
      missing: { field: 'closedOn', message: 'Date closed is required' },
      refused: {
        answers: () => ({ outcome: 'discharged', closedOn: '2025-06-30', source: 'Letter' }),
        field: 'outcome',
        message: 'Only a cause of concern is discharged; REC 03 is a recommendation',
      },
    },
    {
      form: 'supersede',
      stage: 'in-progress',
      as: OFFICE,
      answers: () => ({ supersededBy: 'REC 2 of the 2025 PEEL report', reason: 'The PEEL report restates it with a later date' }),
      event: 'RecommendationSuperseded',
      data: () => ({ supersededBy: 'REC 2 of the 2025 PEEL report', reason: 'The PEEL report restates it with a later date' }),
      banner: 'Recorded as superseded',
      missing: { field: 'supersededBy', message: 'What replaces it is required' },
      refused: { meanwhile: ENDED_MEANWHILE, field: 'record-form', message: /^Supersede is not allowed while REC 03 is NoLongerRelevant/ },
    },
    {
      form: 'mark-no-longer-relevant',
      stage: 'in-progress',
      as: OFFICE,
      answers: () => ({ reason: 'The unit it concerned was merged into the regional team' }),
      event: 'RecommendationMarkedNoLongerRelevant',
      data: () => ({ reason: 'The unit it concerned was merged into the regional team' }),
      banner: 'Recorded as no longer relevant',
      missing: { field: 'reason', message: 'Reason is required' },
      refused: { meanwhile: ENDED_MEANWHILE, answers: () => ({ reason: 'Twice' }), field: 'record-form', message: /^MarkNoLongerRelevant is not allowed while REC 03 is NoLongerRelevant/ },
    },
  ];

  describe.each(FORMS)('the $form form', ({ form, stage, as, answers, event, data, banner, missing, refused }) => {
    it(`records ${event} through the command path, as the person acting, from the web pages; then shows it`, async () => {
      const prepared = await rec03At(stage);
      const browser = await browserActingAs(as);
      expect((await browser.get(`/recommendations/${prepared.id}`)).text).toContain(`href="/recommendations/${prepared.id}/record/${form}"`);
      const before = (await readLog(ledger.store)).length;

      const sent = await browser.fill(`/recommendations/${prepared.id}/record/${form}`, answers(prepared));

      expect(sent.status).toBe(303);
      expect(sent.headers.location).toMatch(new RegExp(`^/recommendations/${prepared.id}\\?atLeast=\\d+&recorded=${form}$`));
      const written = (await readLog(ledger.store)).slice(before);
      expect(written.map((recorded) => recorded.type)).toEqual([event]);
      expect(written[0].streamId).toBe(`recommendation-${prepared.id}`);
      expect(written[0].data).toEqual({ recommendationId: prepared.id, ...data(prepared) });
      expect(written[0].metadata).toMatchObject({ source: 'ui', actor: { id: as } });
      const shown = new HtmlPage((await browser.get(sent.headers.location)).text);
      expect(HtmlPage.text(shown.one((element) => element.attribs.class?.includes('govuk-notification-banner__heading') === true))).toBe(banner);
      expect(shown.table('Timeline of REC 03').rows.at(-1)?.[3]).toContain('Recorded through the web pages');
    });

    it(`refuses it without ${missing.field}: a 400 page naming the field, and nothing recorded`, async () => {
      const prepared = await rec03At(stage);
      const browser = await browserActingAs(as);
      const before = await logSnapshot(ledger.store);

      const sent = await browser.fill(`/recommendations/${prepared.id}/record/${form}`, { ...answers(prepared), [missing.field]: '' });

      expect(sent.status).toBe(400);
      const page = new HtmlPage(sent.text);
      expect(page.title()).toMatch(/^Error: /);
      expect(page.errorSummary()).toEqual([{ href: `#${page.inputOf(missing.field)}`, text: missing.message }]);
      expect(HtmlPage.text(page.byId(`${missing.field}-error`))).toBe(`Error: ${missing.message}`);
      expect(await logSnapshot(ledger.store)).toEqual(before);
    });

    it('shows a rule of the ledger refusing it in the error summary, and records nothing', async () => {
      const prepared = await rec03At(stage);
      const browser = await browserActingAs(as);
      const path = `/recommendations/${prepared.id}/record/${form}`;
      const page = await browser.get(path);
      await refused.meanwhile?.(prepared);
      const before = await logSnapshot(ledger.store);

      const sent = await browser.post(path, { ...hiddenFields(page.text, path), ...(refused.answers ?? answers)(prepared) });

      expect(sent.status).toBe(422);
      const shown = new HtmlPage(sent.text);
      expect(shown.errorSummary()).toEqual([{ href: `#${shown.inputOf(refused.field)}`, text: expect.stringMatching(refused.message) }]);
      expect(await logSnapshot(ledger.store)).toEqual(before);
    });
  });

  describe('which of these forms the pages offer', () => {
    it('offers completing an action and clearing a dependency only when one is open, listing the open ones to choose from', async () => {
      const browser = new FormBrowser(ledger.url);
      const plain = await rec03At('in-progress');
      expect((await browser.get(`/recommendations/${plain.id}/record/complete-action`)).status).toBe(409);
      expect((await browser.get(`/recommendations/${plain.id}/record/clear-dependency`)).status).toBe(409);

      const withAction = await rec03At('with-action');
      await api(withAction, 'actions', { description: 'Run the course', owner: 'Training manager', dueDate: '2024-12-20' });
      await api(withAction, `actions/${withAction.actionId}/complete`, {}, OWNER);
      await readModelsCaughtUp(ledger);
      const complete = new HtmlPage((await browser.get(`/recommendations/${withAction.id}/record/complete-action`)).text);
      const choices = complete.all((element) => element.name === 'input' && element.attribs.name === 'actionId');
      expect(choices.map((choice) => HtmlPage.text(complete.one((label) => label.name === 'label' && label.attribs.for === choice.attribs.id)))).toEqual(['Run the course']);
      expect(HtmlPage.text(complete.byId(`${choices[0].attribs.id}-item-hint`))).toBe('Training manager; due 20 December 2024');

      const withDependency = await rec03At('with-dependency');
      const clear = `/recommendations/${withDependency.id}/record/clear-dependency`;
      const page = await browser.get(clear);
      expect(page.text).toContain('Waiting on College of Policing');
      expect(formFields(page.text, clear)).not.toHaveProperty('dependencyId');
    });

    it("offers the inspectorate's closure only once the office has closed it, and the early endings only while it is open", async () => {
      const office = new FormBrowser(ledger.url);
      // The inspectorate's status and closure are the liaison's to record, and only the liaison is offered them.
      const liaison = new FormBrowser(ledger.url);
      await liaison.actAs('hmicfrs-liaison');
      const links = async (browser: FormBrowser, id: string) =>
        [...(await browser.get(`/recommendations/${id}`)).text.matchAll(new RegExp(`href="/recommendations/${id}/record/([a-z-]+)"`, 'g'))].map((match) => match[1]);
      const open = (await rec03At('in-progress')).id;
      expect(await links(office, open)).toEqual(expect.arrayContaining(['add-action', 'flag-dependency', 'supersede', 'mark-no-longer-relevant']));
      expect(await links(liaison, open)).toEqual(['record-inspectorate-status']);
      const closed = (await rec03At('closed')).id;
      expect(await links(office, closed)).toEqual(['reopen', 'correct-entry', 'correct-date']);
      expect(await links(liaison, closed)).toEqual(['record-inspectorate-status', 'record-inspectorate-closure']);
    });
  });
});
