import * as fs from 'node:fs';
import * as path from 'node:path';
import { planPageImport, type PlannedStep } from './page-import-plan';
import { inspectionIdFor } from './page-import-ids';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const samplePage = fs.readFileSync(path.join(repoRoot, '..', 'shared', 'samples', 'cumbria-rasso-national-operating-model-2024.txt'), 'utf8');
const fixture = (name: string) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'pages', name), 'utf8');
const TODAY = '2025-06-01';

function accepts(steps: PlannedStep[]) {
  return steps.flatMap((s) => (s.aggregate === 'recommendation' ? [{ id: s.command.recommendationId, date: s.command.plannedCompletionDate, onBehalfOf: s.onBehalfOf }] : []));
}

describe('planning the import of a published page', () => {
  it('registers the sample inspection with its five recommendations, verbatim', () => {
    const plan = planPageImport(samplePage, { today: TODAY });
    expect(plan.blockers).toEqual([]);
    const [register] = plan.steps;
    if (register.aggregate !== 'inspection') throw new Error('the inspection is registered first');
    expect(register.command).toMatchObject({
      type: 'RegisterInspection',
      inspectionId: plan.inspectionId,
      title: 'Progress to introduce a national operating model for rape and other serious sexual offences investigations.',
      inspectionType: 'national-thematic',
      typeAsWritten: 'National Thematic',
      scope: 'national',
      service: 'police',
      publishedOn: '2024-08-22',
    });
    expect(register.command.keyFindingsHtml).toContain('<p>Operation Soteria is an unprecedented programme');
    expect(register.command.findings.map((f) => [f.reference, f.number, f.findingType, f.dueDate, f.subItems?.length])).toEqual([
      ['REC 03', 3, 'recommendation', '2025-01-31', 0],
      ['REC 05', 5, 'recommendation', '2025-07-31', 0],
      ['REC 07', 7, 'recommendation', '2025-01-31', 2],
      ['REC 09', 9, 'recommendation', '2025-01-31', 0],
      ['REC 11', 11, 'recommendation', '2025-03-31', 3],
    ]);
    expect(register.command.findings[0].text).toBe(plan.parsed.findings[0].text);
  });

  it('records both statements and accepts each answered recommendation on behalf of the Chief Constable', () => {
    const plan = planPageImport(samplePage, { today: TODAY });
    expect(plan.steps.map((s) => s.command.type)).toEqual([
      'RegisterInspection',
      'RecordCommissionerComments',
      'RecordChiefOfficerComments',
      ...Array(5).fill('AcceptRecommendation'),
    ]);
    const chiefConstable = { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };
    const [, commissioner, chief] = plan.steps;
    expect(commissioner.onBehalfOf).toBeUndefined();
    expect(commissioner.command).toMatchObject({ madeOn: '2024-10-16', comments: plan.parsed.page.commissionerComments });
    expect(chief.onBehalfOf).toEqual(chiefConstable);
    expect(chief.command).toMatchObject({ receivedOn: '2024-10-16', comments: plan.parsed.page.chiefOfficerStatement });
    const findingIds = plan.findings.map((f) => f.findingId);
    expect(accepts(plan.steps)).toEqual([
      { id: findingIds[0], date: '2025-01-31', onBehalfOf: chiefConstable },
      { id: findingIds[1], date: null, onBehalfOf: chiefConstable },
      { id: findingIds[2], date: '2024-11-16', onBehalfOf: chiefConstable },
      { id: findingIds[3], date: '2025-01-31', onBehalfOf: chiefConstable },
      { id: findingIds[4], date: null, onBehalfOf: chiefConstable },
    ]);
    const rec03 = plan.steps[3];
    if (rec03.aggregate !== 'recommendation') throw new Error('expected an acceptance');
    expect(rec03.command.commitment).toBe(plan.parsed.responses[0].commitment);
    expect(plan.warnings).toContain('The response is recorded as made on 2024-10-16 (the statutory deadline, since the page does not date its response). Give the response date to record the actual one.');
  });

  it('derives the same ids from the same page, whatever its typography', () => {
    const first = planPageImport(samplePage, { today: TODAY });
    const again = planPageImport(samplePage.replace(/\n/g, '\r\n'), { today: TODAY });
    expect(again.inspectionId).toBe(first.inspectionId);
    expect(again.steps.map((s) => s.commandId)).toEqual(first.steps.map((s) => s.commandId));
    expect(inspectionIdFor('Progress to “introduce”  a model – 2024.', '2024-08-22')).toBe(inspectionIdFor('progress to "introduce" a model - 2024', '2024-08-22'));
    expect(inspectionIdFor('A report', '2024-08-22')).not.toBe(inspectionIdFor('A report', '2024-08-23'));
  });

  it('uses a given response date for the statements, the relative commitments and the business time', () => {
    const plan = planPageImport(samplePage, { today: TODAY, responseDate: '2024-10-10' });
    const [, commissioner, chief] = plan.steps;
    expect(commissioner.command).toMatchObject({ madeOn: '2024-10-10' });
    expect(chief.command).toMatchObject({ receivedOn: '2024-10-10' });
    expect(chief.occurredAt).toBe('2024-10-10');
    expect(accepts(plan.steps)[2].date).toBe('2024-11-10');
    expect(plan.warnings).toContain('The response is recorded as made on 2024-10-10 (as given).');
  });

  it('refuses a response date that is not a date, is still to come, or is before publication', () => {
    expect(planPageImport(samplePage, { today: TODAY, responseDate: '2024-02-30' }).blockers).toEqual(['The response date "2024-02-30" is not a real date written YYYY-MM-DD.']);
    expect(planPageImport(samplePage, { today: TODAY, responseDate: '2025-06-02' }).blockers).toEqual(['The response date 2025-06-02 is later than today (2025-06-01).']);
    const early = planPageImport(samplePage, { today: TODAY, responseDate: '2024-08-01' });
    expect(early.blockers).toEqual(['The response date 2024-08-01 is before the report was published (2024-08-22).']);
    expect(early.steps).toEqual([]);
  });

  it('never dates the response after today', () => {
    const plan = planPageImport(samplePage, { today: '2024-09-01' });
    expect(plan.steps[1].command).toMatchObject({ madeOn: '2024-09-01' });
  });

  it('leaves an ambiguous commitment without a planned date, and says so', () => {
    const plan = planPageImport(fixture('vague-date.txt'), { today: TODAY });
    expect(accepts(plan.steps).map((a) => a.date)).toEqual([null, null]);
    expect(plan.steps.filter((s) => s.aggregate === 'recommendation').map((s) => s.summary)).toEqual([
      'Accept REC 1 on behalf of the Chief Constable on 2025-03-06, with no planned completion date: the date the response gives does not name a day, so it must be set by hand.',
      'Accept REC 2 on behalf of the Chief Constable on 2025-03-06, with no planned completion date: the date the response gives does not name a day, so it must be set by hand.',
    ]);
  });

  it('records the planned completion dates the office corrected, by response, in place of the derived or missing ones', () => {
    const derived = planPageImport(samplePage, { today: TODAY, responseDate: '2024-10-10' });
    const index = derived.responses.findIndex((response) => response.parsed.dateIsDerived);
    const corrected = planPageImport(samplePage, { today: TODAY, responseDate: '2024-10-10', plannedCompletionDates: { [index]: '2024-12-31' } });
    const dates = accepts(corrected.steps).map((a) => a.date);
    expect(dates).toEqual(accepts(derived.steps).map((a) => a.date).map((date, i) => (i === 2 ? '2024-12-31' : date)));
    expect(corrected.steps.filter((s) => s.aggregate === 'recommendation')[2].summary).toMatch(/planned completion 2024-12-31 \(corrected before recording\)\.$/);

    const vague = planPageImport(fixture('vague-date.txt'), { today: TODAY, plannedCompletionDates: { 0: '2025-09-30' } });
    expect(accepts(vague.steps).map((a) => a.date)).toEqual(['2025-09-30', null]);
  });

  it('accepts both recommendations a paragraph answers together, and leaves the unanswered one issued', () => {
    const plan = planPageImport(fixture('skip-one-two-in-one.txt'), { today: TODAY });
    const ids = new Map(plan.findings.map((f) => [f.reference, f.findingId]));
    const accepted = accepts(plan.steps);
    expect(accepted.map((a) => a.id)).toEqual([ids.get('REC 01'), ids.get('REC 02'), ids.get('REC 04')]);
    expect(accepted[0].date).toBe('2024-12-31');
    expect(plan.warnings).toContain('The response does not answer REC 03.');
  });

  it("links a fire cause of concern to its recommendation, records the commissioner's and the chief fire officer's statements with the action plan, and accepts on behalf of the Chief Fire Officer", () => {
    const plan = planPageImport(fixture('fire-cause-of-concern.txt'), { today: TODAY });
    expect(plan.blockers).toEqual([]);
    const [register] = plan.steps;
    if (register.aggregate !== 'inspection') throw new Error('the inspection is registered first');
    expect(register.command.service).toBe('fire');
    expect(register.command.findings.find((f) => f.findingType === 'cause-of-concern')?.relatedRecommendations).toEqual(['REC 1']);
    expect(plan.steps.map((s) => s.command.type)).toEqual(['RegisterInspection', 'RecordCommissionerComments', 'RecordChiefOfficerComments', 'AcceptRecommendation', 'AcceptRecommendation']);
    expect(plan.steps[1].summary).toMatch(/^Record the commissioner's comments \(\d paragraphs?\), with the action plan, made on /);
    expect(plan.steps[2].command).toMatchObject({ comments: plan.parsed.page.chiefOfficerStatement });
    expect(plan.steps[2].summary).toContain("Record the Chief Fire Officer's statement");
    expect(plan.steps[3].onBehalfOf).toEqual({ name: 'Chief Fire Officer', role: 'Chief Fire Officer', organisation: 'Example Fire and Rescue Service' });
    expect(plan.warnings.some((w) => w.startsWith('A fire report is answered with an action plan under the Fire and Rescue National Framework'))).toBe(true);
    expect(plan.warnings.some((w) => w.includes('not recorded as comments'))).toBe(false);
    expect(plan.warnings).toContain('Cause of concern 1 is recorded as coming with REC 1; the page does not say so explicitly, so check it.');
  });

  it('records a fire page given its response date as the published action plan, not as a s.55 response', () => {
    const plan = planPageImport(fixture('fire-cause-of-concern.txt'), { today: TODAY, responseDate: '2024-12-01' });
    const last = plan.steps[plan.steps.length - 1];
    expect(last.command).toMatchObject({ type: 'PublishActionPlan', publishedOn: '2024-12-01', url: null });
    expect(plan.steps.some((s) => s.command.type === 'PublishStatutoryResponse')).toBe(false);
  });

  it('cannot record a page without a title or a publication date, and says why', () => {
    const plan = planPageImport('Just some text that is not an inspection page.', { today: TODAY });
    expect(plan.inspectionId).toBeNull();
    expect(plan.steps).toEqual([]);
    expect(plan.blockers).toEqual([
      'The page gives no inspection title: an inspection cannot be registered without one.',
      'The page gives no readable publication date: an inspection cannot be registered without one.',
    ]);
  });
});

describe('importing the history as it happened', () => {
  it('dates the registration on the day of publication and everything the response says on the response date, as days', () => {
    const plan = planPageImport(samplePage, { today: '2026-12-05', responseDate: '2024-10-10' });
    expect(plan.steps.map((s) => [s.command.type, s.occurredAt])).toEqual([
      ['RegisterInspection', '2024-08-22'],
      ['RecordCommissionerComments', '2024-10-10'],
      ['RecordChiefOfficerComments', '2024-10-10'],
      ...Array(5).fill(['AcceptRecommendation', '2024-10-10']),
      ['PublishStatutoryResponse', '2024-10-10'],
    ]);
    expect(plan.steps[3].summary).toBe('Accept REC 03 on behalf of the Chief Constable on 2024-10-10, planned completion 2025-01-31.');
  });

  it('never takes the day of the import as the date of the history, even without a response date', () => {
    const plan = planPageImport(samplePage, { today: '2026-12-05' });
    expect(plan.steps.every((s) => s.occurredAt !== undefined && s.occurredAt < '2026-12-05')).toBe(true);
    expect(plan.steps.filter((s) => s.aggregate !== 'inspection').map((s) => s.occurredAt)).toEqual(Array(7).fill('2024-10-16'));
  });

  it('records the page as the statutory response published on the response date, on time', () => {
    const plan = planPageImport(samplePage, { today: '2026-12-05', responseDate: '2024-10-10' });
    const published = plan.steps[plan.steps.length - 1];
    expect(published.command).toEqual({ type: 'PublishStatutoryResponse', inspectionId: plan.inspectionId, publishedOn: '2024-10-10', url: null });
    expect(published.summary).toBe('Record the statutory response as published on 2024-10-10, on time (due by 2024-10-16): this page.');
    expect(plan.warnings).toContain("The statutory response's web address was not given: its publication is recorded without one.");
  });

  it('records where the page is published when its address is given', () => {
    const url = 'https://www.cumbria-pcc.gov.uk/hmicfrs/rasso-2024/';
    const plan = planPageImport(samplePage, { today: '2026-12-05', responseDate: '2024-10-10', pageUrl: url });
    expect(plan.steps[plan.steps.length - 1].command).toMatchObject({ publishedOn: '2024-10-10', url });
  });

  it('does not record a publication it cannot date, and says how to', () => {
    const plan = planPageImport(samplePage, { today: '2026-12-05' });
    expect(plan.steps.some((s) => s.command.type === 'PublishStatutoryResponse')).toBe(false);
    expect(plan.warnings).toContain(
      'The page is the published statutory response, but it does not say when it was published: give the response date to record its publication (and whether it was on time).',
    );
  });

  it('warns that a response dated after the statutory deadline is late', () => {
    const plan = planPageImport(samplePage, { today: '2026-12-05', responseDate: '2024-10-20' });
    expect(plan.warnings).toContain('The response is dated 2024-10-20, after the statutory deadline (2024-10-16): it is recorded as late.');
    expect(plan.steps[plan.steps.length - 1].summary).toContain('late (due by 2024-10-16)');
  });

  it('does not record as published a response that leaves a recommendation unanswered', () => {
    const plan = planPageImport(fixture('skip-one-two-in-one.txt'), { today: TODAY, responseDate: '2024-12-01' });
    expect(plan.steps.some((s) => s.command.type === 'PublishStatutoryResponse')).toBe(false);
    expect(plan.warnings.some((w) => w.startsWith('The statutory response is not recorded as published: it does not answer REC 03'))).toBe(true);
  });

  it('reads the response date the page states, and refuses a given one that contradicts it', () => {
    const dated = samplePage.replace('Type of Inspection:', 'Date of Response:\t10/10/2024\nType of Inspection:');
    const plan = planPageImport(dated, { today: '2026-12-05' });
    expect(plan.responseDate).toEqual({ date: '2024-10-10', basis: 'page' });
    expect(plan.steps[plan.steps.length - 1].command).toMatchObject({ type: 'PublishStatutoryResponse', publishedOn: '2024-10-10' });

    const contradicted = planPageImport(dated, { today: '2026-12-05', responseDate: '2024-10-12' });
    expect(contradicted.steps).toEqual([]);
    expect(contradicted.blockers).toEqual(["The response date given (2024-10-12) contradicts the one the page states (2024-10-10): give the page's date, or none."]);
  });

  it('refuses a page that dates its response before the report was published', () => {
    const early = samplePage.replace('Type of Inspection:', 'Date of Response:\t01/08/2024\nType of Inspection:');
    expect(planPageImport(early, { today: '2026-12-05' }).blockers).toEqual(['The page dates its response 2024-08-01, before the report was published (2024-08-22).']);
  });
});
