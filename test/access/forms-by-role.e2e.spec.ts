import { mayDo, OWN_ORGANISATION_ONLY, RECORDS_FOR_OTHERS, ROLES, type Capability, type Role } from '@ledger/application';
import { findRegisterEntry, queryChallenges, queryRegister, queryStatutory, recommendationTimeline, type ChallengeEntry } from '@ledger/projections/read-models';
import { DomUtils, parseDocument } from 'htmlparser2';
import { MAX_LIMIT } from '../../apps/api/src/read-models/query-params';
import { ReadContext } from '../../apps/api/src/read-models/read-context';
import { RAISE_CHALLENGE } from '../../apps/api/src/web/record/challenge/challenge-forms';
import { fieldsOf, type FormItem } from '../../apps/api/src/web/record/forms/field-spec';
import { INSPECTION_FORMS, inspectionForm } from '../../apps/api/src/web/record/inspection/inspection-forms';
import { REGISTRATION_PATH } from '../../apps/api/src/web/record/inspection/registration.controller';
import { STATUTORY_FORMS, statutoryForm } from '../../apps/api/src/web/record/inspection/statutory-forms';
import { isOffered, RECOMMENDATION_FORMS, recommendationForm } from '../../apps/api/src/web/record/recommendation/recommendation-forms';
import { startReadingLedger, type ReadingLedger } from '../browser/reading-ledger';
import { DEVELOPMENT_PERSON } from './support/development-person';

/**
 * The forms, buttons and links each page shows, generated from the role table: for every role,
 * every page links to exactly the forms whose command (or page capability) the role table lets
 * that role use, among those the page offers now. Whoever may not use a form never sees it; the
 * guard's 403 (test/access/role-table.e2e.spec.ts) stays behind it.
 */
const EVERYTHING = { limit: MAX_LIMIT, offset: 0 };

/** The role table's rule for a recommendation owned by `ownerOrganisation`: a force lead acts only on their own organisation's. */
function mayOn(role: Role, command: Capability, ownerOrganisation: string | null): boolean {
  return mayDo(role, command) && (!OWN_ORGANISATION_ONLY.includes(role) || ownerOrganisation === DEVELOPMENT_PERSON[role].organisation);
}

/** What a link or a form's address lets its user do, as the role table names it; undefined for reading. */
function capabilityOf(address: string): Capability | undefined {
  const path = address.split(/[?#]/)[0];
  let match = /^\/recommendations\/[^/]+\/record\/([^/]+)$/.exec(path);
  if (match) return recommendationForm(match[1])!.command;
  if (/^\/recommendations\/[^/]+\/evidence-file$/.test(path)) return 'SubmitEvidence';
  match = /^\/inspections\/[^/]+\/record\/([^/]+)$/.exec(path);
  if (match) return (statutoryForm(match[1]) ?? inspectionForm(match[1]))!.command;
  if (path === REGISTRATION_PATH) return 'RegisterInspection';
  if (path === '/import' || path.startsWith('/import/')) return 'import-page';
  if (path === '/challenges/raise') return 'RaiseChallenge';
  match = /^\/challenges\/[^/]+\/(answer|close)$/.exec(path);
  if (match) return match[1] === 'answer' ? 'AnswerChallenge' : 'CloseChallenge';
  if (path === '/exports' || path.startsWith('/exports/')) return 'export';
  if (path === '/people' || path.startsWith('/people/')) return 'manage-people';
  return undefined;
}

interface Shown {
  /** Every address a link or form leads to that records or administers something, with its capability. */
  actions: { address: string; capability: Capability }[];
  html: string;
}

function actionsOf(html: string): Shown {
  const document = parseDocument(html).children;
  const addresses = [
    ...DomUtils.findAll((element) => element.name === 'a' && element.attribs.href !== undefined, document).map((link) => link.attribs.href),
    ...DomUtils.findAll((element) => element.name === 'form' && element.attribs.action !== undefined, document).map((form) => form.attribs.action),
  ];
  return {
    actions: addresses.flatMap((address) => {
      const capability = capabilityOf(address);
      return capability === undefined ? [] : [{ address, capability }];
    }),
    html,
  };
}

describe('the forms each page shows, generated from the role table', () => {
  let ledger: ReadingLedger;
  let today: string;
  let context: ReadContext;

  beforeAll(async () => {
    ledger = await startReadingLedger();
    context = ledger.app.get(ReadContext, { strict: false });
    today = context.today();
  });
  afterAll(() => ledger.stop());

  async function page(role: Role, url: string): Promise<Shown> {
    const answer = await ledger.http().get(url).set('X-Ledger-Dev-User', DEVELOPMENT_PERSON[role].id);
    expect({ url, role, status: answer.status }).toEqual({ url, role, status: 200 });
    return actionsOf(answer.text);
  }

  function addresses(shown: Shown, test: (address: string) => boolean = () => true): string[] {
    return [...new Set(shown.actions.map((action) => action.address).filter(test))].sort();
  }

  const openChallenges = (filter: { recommendationId?: string; inspectionId?: string }): ChallengeEntry[] =>
    queryChallenges(context.readModels, { status: 'all', ...filter }, EVERYTHING, today).items.filter((challenge) => challenge.status === 'open');

  const challengeForms = (role: Role, challenges: readonly ChallengeEntry[]): string[] =>
    challenges.flatMap((challenge) => [
      ...(mayDo(role, 'AnswerChallenge') ? [`/challenges/${challenge.challengeId}/answer`] : []),
      ...(mayDo(role, 'CloseChallenge') ? [`/challenges/${challenge.challengeId}/close`] : []),
    ]);

  it('a page never links to a form or page its reader may not use, whichever page and whichever role', async () => {
    const findings = queryRegister(context.readModels, {}, EVERYTHING, today).items;
    const urls = ['/', '/register', '/dashboard', '/changes', '/commitments', '/slippage', '/statutory-responses', '/challenges?status=all', '/pack', '/exports', '/people'];
    urls.push(...new Set(findings.map((finding) => `/inspections/${finding.inspection!.inspectionId}`)), ...findings.map((finding) => `/recommendations/${finding.recommendationId}`));
    let seen = 0;
    for (const role of ROLES) {
      for (const url of urls) {
        const capability = capabilityOf(url);
        if (capability !== undefined && !mayDo(role, capability)) continue;
        const shown = await page(role, url);
        const forbidden = shown.actions.filter((action) => !mayDo(role, action.capability));
        expect({ role, url, forbidden }).toEqual({ role, url, forbidden: [] });
        seen += shown.actions.length;
      }
    }
    expect(seen).toBeGreaterThan(100);
  }, 120_000);

  it("each recommendation page links, for each role, to exactly the forms of the role table that can be used now (a force lead's only on its own force's)", async () => {
    const findings = queryRegister(context.readModels, {}, EVERYTHING, today).items;
    expect(findings.length).toBeGreaterThan(4);
    const offeredCommands = new Set<string>();
    // Findings the development force lead's force owns, and others it does not (or no one yet).
    const ownOrganisation = new Set<boolean>();
    for (const { recommendationId } of findings) {
      const finding = findRegisterEntry(context.readModels, recommendationId, today)!;
      const here = `/recommendations/${recommendationId}`;
      const offered = RECOMMENDATION_FORMS.filter((form) => isOffered(form, finding));
      for (const form of offered) offeredCommands.add(form.command);
      const challenges = openChallenges({ recommendationId });
      ownOrganisation.add(finding.ownerOrganisation === DEVELOPMENT_PERSON['force-lead'].organisation);
      for (const role of ROLES) {
        const shown = await page(role, here);
        const expected = [
          ...offered.filter((form) => mayOn(role, form.command, finding.ownerOrganisation)).map((form) => `${here}/record/${form.key}`),
          ...(mayOn(role, 'SubmitEvidence', finding.ownerOrganisation) && offered.some((form) => form.command === 'SubmitEvidence') ? [`${here}/evidence-file`] : []),
          ...(mayDo(role, 'RaiseChallenge') ? [`/challenges/raise?recommendationId=${recommendationId}`] : []),
          ...challengeForms(role, challenges),
        ].sort();
        expect({ role, finding: finding.reference, status: finding.status, forms: addresses(shown, (address) => !address.startsWith('/import')) }).toEqual({
          role,
          finding: finding.reference,
          status: finding.status,
          forms: [...new Set(expected)].sort(),
        });
        // A role that may record none of a recommendation's forms is not offered a section to record in.
        expect({ role, section: shown.html.includes('id="record"') }).toEqual({ role, section: RECOMMENDATION_FORMS.some((form) => mayOn(role, form.command, finding.ownerOrganisation)) });
      }
    }
    // The sample covers forms of several roles: the office's, the force lead's and more.
    expect(offeredCommands.size).toBeGreaterThan(8);
    expect([...ownOrganisation].sort()).toEqual([false, true]);
  });

  it('each inspection page links, for each role, to exactly its changes, the statutory steps to take now, challenges and registering, as the role table allows', async () => {
    const inspectionIds = [...new Set(queryRegister(context.readModels, {}, EVERYTHING, today).items.map((finding) => finding.inspection!.inspectionId))];
    expect(inspectionIds.length).toBeGreaterThan(1);
    let steps = 0;
    for (const inspectionId of inspectionIds) {
      const here = `/inspections/${inspectionId}`;
      const response = queryStatutory(context.readModels, { inspectionId }, EVERYTHING, today).items[0] ?? null;
      const offeredSteps = response === null ? [] : STATUTORY_FORMS.filter((form) => form.offered(response));
      steps += offeredSteps.length;
      const challenges = openChallenges({ inspectionId });
      for (const role of ROLES) {
        const shown = await page(role, here);
        const expected = [
          ...[...INSPECTION_FORMS, ...offeredSteps].filter((form) => mayDo(role, form.command)).map((form) => `${here}/record/${form.key}`),
          ...(mayDo(role, 'RaiseChallenge') ? [`/challenges/raise?inspectionId=${inspectionId}`] : []),
          ...challengeForms(role, challenges),
          ...(mayDo(role, 'RegisterInspection') ? [REGISTRATION_PATH] : []),
          ...(mayDo(role, 'import-page') ? ['/import'] : []),
        ].sort();
        expect({ role, inspectionId, forms: addresses(shown) }).toEqual({ role, inspectionId, forms: [...new Set(expected)].sort() });
        expect({ role, steps: shown.html.includes('id="record-statutory"') }).toEqual({ role, steps: STATUTORY_FORMS.some((form) => mayDo(role, form.command)) });
      }
    }
    expect(steps).toBeGreaterThan(0);
  });

  it('the list of challenges offers raising one, and answering and closing each open one, only to the roles that may', async () => {
    const open = openChallenges({});
    expect(open.length).toBeGreaterThan(0);
    for (const role of ROLES) {
      const shown = await page(role, '/challenges?status=all');
      const expected = [...(mayDo(role, 'RaiseChallenge') ? ['/challenges/raise'] : []), ...challengeForms(role, open), ...(mayDo(role, 'import-page') ? ['/import'] : [])].sort();
      expect({ role, forms: addresses(shown) }).toEqual({ role, forms: expected });
    }
  });

  it('the home page, the register and the navigation link to importing, registering, exports and people only for the roles that may', async () => {
    const pageLinks: Record<string, Capability[]> = {
      '/': ['import-page', 'RegisterInspection', 'export', 'manage-people'],
      '/register': ['import-page', 'RegisterInspection'],
      '/dashboard': ['import-page'],
    };
    const addressOf: Partial<Record<Capability, string>> = { 'import-page': '/import', RegisterInspection: REGISTRATION_PATH, export: '/exports', 'manage-people': '/people' };
    for (const role of ROLES) {
      for (const [url, capabilities] of Object.entries(pageLinks)) {
        const shown = await page(role, url);
        expect({ role, url, forms: addresses(shown) }).toEqual({ role, url, forms: capabilities.filter((capability) => mayDo(role, capability)).map((capability) => addressOf[capability]!).sort() });
      }
    }
  });

  it('a form asks "on whose behalf" only of the roles that may record for someone else', async () => {
    const asks = (items: readonly FormItem[]) => fieldsOf(items).some((field) => field.path === 'onBehalfOf.name');
    const seen = { asked: 0, leftOut: 0 };
    const check = async (role: Role, url: string, formAsks: boolean) => {
      const answer = await ledger.http().get(url).set('X-Ledger-Dev-User', DEVELOPMENT_PERSON[role].id);
      if (answer.status === 409) return;
      expect({ url, role, status: answer.status }).toEqual({ url, role, status: 200 });
      const expected = formAsks && RECORDS_FOR_OTHERS.includes(role);
      expect({ url, role, asked: answer.text.includes('name="onBehalfOf.name"') }).toEqual({ url, role, asked: expected });
      if (expected) seen.asked++;
      else if (formAsks) seen.leftOut++;
    };
    for (const { recommendationId } of queryRegister(context.readModels, {}, EVERYTHING, today).items) {
      const finding = findRegisterEntry(context.readModels, recommendationId, today)!;
      const formContext = { finding, timeline: recommendationTimeline(context.readModels, recommendationId) };
      for (const form of RECOMMENDATION_FORMS.filter((candidate) => isOffered(candidate, finding))) {
        for (const role of ROLES.filter((candidate) => mayDo(candidate, form.command))) await check(role, `/recommendations/${recommendationId}/record/${form.key}`, asks(form.items(formContext)));
      }
    }
    for (const role of ROLES.filter((candidate) => mayDo(candidate, 'RaiseChallenge'))) await check(role, '/challenges/raise', asks(RAISE_CHALLENGE.items({ general: true })));
    // The office is asked; a force lead, a verifier, a liaison or a scrutiny member is not.
    expect(seen.asked).toBeGreaterThan(5);
    expect(seen.leftOut).toBeGreaterThan(5);
  });
});
