import type { Actor } from '../shared/envelope';
import { deciderSpec } from '../shared/given-when-then';
import type { FindingInput } from './finding';
import type { FindingAdded, InspectionDetailsAmended, InspectionEvent } from './events';
import { inspectionDecider } from './decide';
import { INSPECTION_EVENT_TYPES } from './events';
import { SAMPLE_FINDINGS, SAMPLE_INSPECTION_ID, sampleInspectionRegistered, sampleRegisterInspection } from './sample-inspection.fixture';
import { inspectionStream } from './stream';

const officeStaff: Actor = { id: 'u-office-1', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
const spec = deciderSpec(inspectionDecider, { actor: officeStaff });
const registered: InspectionEvent[] = [sampleInspectionRegistered];

const register = (changes: Record<string, unknown>) => ({ ...sampleRegisterInspection, ...changes });
const withFinding = (index: number, changes: Record<string, unknown>) =>
  register({ findings: SAMPLE_FINDINGS.map((finding, i) => (i === index ? { ...finding, ...changes } : finding)) });

const causeOfConcern: FindingInput = {
  findingId: 'finding-coc-1',
  reference: 'Cause of concern 1',
  number: 1,
  findingType: 'cause-of-concern',
  text: 'Forces are not consistently identifying repeat RASSO suspects.',
  relatedRecommendations: ['REC 05'],
};

describe('RegisterInspection', () => {
  it('records the sample inspection with its five recommendations as published', () => {
    const state = spec.given().when(sampleRegisterInspection).thenEvents([sampleInspectionRegistered]);

    expect(sampleInspectionRegistered.title).toBe('Progress to introduce a national operating model for rape and other serious sexual offences investigations.');
    expect(sampleInspectionRegistered.findings.map((f) => [f.reference, f.dueDate, f.subItems.length])).toEqual([
      ['REC 03', '2025-01-31', 0],
      ['REC 05', '2025-07-31', 0],
      ['REC 07', '2025-01-31', 2],
      ['REC 09', '2025-01-31', 0],
      ['REC 11', '2025-03-31', 3],
    ]);
    expect(state).toMatchObject({ registered: true, inspectionId: SAMPLE_INSPECTION_ID, details: { publishedOn: '2024-08-22', service: 'police' } });
  });

  it('keeps the reference, report address and key findings as given, and treats blank optional texts as none', () => {
    spec
      .given()
      .when(register({ hmicfrsReference: 'HMICFRS-2024-017', reportUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/publications/rasso-nom/', typeAsWritten: '  ', keyFindingsHtml: '<p>Kept &amp; as given</p>' }))
      .thenEvents([{ ...sampleInspectionRegistered, hmicfrsReference: 'HMICFRS-2024-017', reportUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/publications/rasso-nom/', typeAsWritten: null, keyFindingsHtml: '<p>Kept &amp; as given</p>' }]);
  });

  it('fills in the parts a finding may leave out', () => {
    const { subItems: _s, addressees: _a, dueDate: _d, immediate: _i, relatedRecommendations: _r, ...bare } = SAMPLE_FINDINGS[0]!;
    spec
      .given()
      .when(register({ findings: [bare] }))
      .thenEvents([{ ...sampleInspectionRegistered, findings: [{ ...bare, subItems: [], addressees: [], dueDate: null, immediate: false, relatedRecommendations: [] }] }]);
  });

  it('records a cause of concern that names the recommendation that comes with it', () => {
    spec
      .given()
      .when(register({ findings: [...SAMPLE_FINDINGS, causeOfConcern] }))
      .thenEvents([{ ...sampleInspectionRegistered, findings: [...SAMPLE_FINDINGS, { ...causeOfConcern, subItems: [], addressees: [], dueDate: null, immediate: false, relatedRecommendations: ['REC 05'] }] }]);
  });

  it('refuses to register the same inspection twice', () => {
    spec.given(registered).when(sampleRegisterInspection).thenRefused('AlreadyRegistered', 'inspectionId');
  });

  it.each([
    ['a blank id', { inspectionId: ' ' }, 'FieldRequired', 'inspectionId'],
    ['a blank title', { title: '   ' }, 'FieldRequired', 'title'],
    ['a publication date that does not exist', { publishedOn: '2025-02-30' }, 'InvalidDate', 'publishedOn'],
    ['a publication date as written on the page', { publishedOn: '22/08/2024' }, 'InvalidDate', 'publishedOn'],
    ['a type not in the list', { inspectionType: 'National Thematic' }, 'InvalidValue', 'inspectionType'],
    ['an unknown scope', { scope: 'regional' }, 'InvalidValue', 'scope'],
    ['an unknown service', { service: 'ambulance' }, 'InvalidValue', 'service'],
    ['a report address that is not a web address', { reportUrl: 'hmicfrs report.pdf' }, 'InvalidUrl', 'reportUrl'],
    ['a report address with another scheme', { reportUrl: 'javascript:alert(1)' }, 'InvalidUrl', 'reportUrl'],
    ['findings that are not a list', { findings: 'REC 03' }, 'InvalidValue', 'findings'],
    ['key findings that are not text', { keyFindingsHtml: 42 }, 'InvalidValue', 'keyFindingsHtml'],
    ['an HMICFRS reference that is not text', { hmicfrsReference: 2024 }, 'InvalidValue', 'hmicfrsReference'],
  ])('refuses %s', (_case, changes, rule, field) => {
    spec.given().when(register(changes)).thenRefused(rule, field);
  });

  it.each([
    ['without an id', 0, { findingId: '' }, 'FieldRequired', 'findings[0].findingId'],
    ['without a reference', 1, { reference: ' ' }, 'FieldRequired', 'findings[1].reference'],
    ['numbered 0', 1, { number: 0 }, 'InvalidValue', 'findings[1].number'],
    ['numbered 2.5', 1, { number: 2.5 }, 'InvalidValue', 'findings[1].number'],
    ['of an unknown type', 0, { findingType: 'observation' }, 'InvalidValue', 'findings[0].findingType'],
    ['without text', 0, { text: '' }, 'FieldRequired', 'findings[0].text'],
    ['with a blank sub-item', 2, { subItems: ['forces track, manage ...', ' '] }, 'FieldRequired', 'findings[2].subItems[1]'],
    ['with sub-items that are not a list', 2, { subItems: 'two bullets' }, 'InvalidValue', 'findings[2].subItems'],
    ['with a blank addressee', 3, { addressees: [''] }, 'FieldRequired', 'findings[3].addressees[0]'],
    ['due on a date that does not exist', 1, { dueDate: '2025-02-30' }, 'InvalidDate', 'findings[1].dueDate'],
    ['flagged immediate with something other than true or false', 4, { immediate: 'yes' }, 'InvalidValue', 'findings[4].immediate'],
    ['that is a recommendation naming related recommendations', 4, { relatedRecommendations: ['REC 03'] }, 'InvalidValue', 'findings[4].relatedRecommendations'],
    ['with the reference of another, written differently', 4, { reference: 'REC 3' }, 'DuplicateFindingReference', 'findings[4].reference'],
    ['with the id of another', 4, { findingId: 'finding-rec-03' }, 'DuplicateFindingId', 'findings[4].findingId'],
  ])('refuses a finding %s', (_case, index, changes, rule, field) => {
    spec.given().when(withFinding(index, changes)).thenRefused(rule, field);
  });

  it('refuses a finding that is not one', () => {
    spec.given().when(register({ findings: [...SAMPLE_FINDINGS, null] })).thenRefused('InvalidValue', 'findings[5]');
    spec.given([sampleInspectionRegistered]).when({ type: 'AddFinding', inspectionId: SAMPLE_INSPECTION_ID, finding: 'REC 13' as unknown as FindingInput }).thenRefused('InvalidValue', 'finding');
  });

  it('refuses a cause of concern that comes with no recommendation', () => {
    spec
      .given()
      .when(register({ findings: [...SAMPLE_FINDINGS, { ...causeOfConcern, relatedRecommendations: [] }] }))
      .thenRefused('CauseOfConcernWithoutRecommendation', 'findings[5].relatedRecommendations');
  });

  it('refuses a cause of concern naming a recommendation the inspection does not have', () => {
    const refusal = spec
      .given()
      .when(register({ findings: [...SAMPLE_FINDINGS, { ...causeOfConcern, relatedRecommendations: ['REC 05', 'REC 06'] }] }))
      .thenRefused('UnknownRelatedRecommendation', 'findings[5].relatedRecommendations');
    expect(refusal.message).toContain('REC 06');
  });
});

describe('AmendInspectionDetails', () => {
  const amend = (changes: Record<string, unknown>, reason = 'The title was mistyped when the report was registered') => ({
    type: 'AmendInspectionDetails' as const,
    inspectionId: SAMPLE_INSPECTION_ID,
    changes,
    reason,
  });

  it('records the fields that change with their previous values and the reason', () => {
    const amended: InspectionDetailsAmended = {
      type: 'InspectionDetailsAmended',
      inspectionId: SAMPLE_INSPECTION_ID,
      changes: { reportUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/publications/rasso-nom/', typeAsWritten: null },
      previous: { reportUrl: null, typeAsWritten: 'National Thematic' },
      reason: 'Report address added; type wording cleared',
    };
    const state = spec
      .given(registered)
      .when(amend({ reportUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/publications/rasso-nom/', typeAsWritten: null, title: sampleRegisterInspection.title }, 'Report address added; type wording cleared'))
      .thenEvents([amended]);
    expect(state).toMatchObject({ details: { reportUrl: 'https://hmicfrs.justiceinspectorates.gov.uk/publications/rasso-nom/', typeAsWritten: null, title: sampleRegisterInspection.title } });
  });

  it('corrects the publication date, which moves the statutory clock', () => {
    spec
      .given(registered)
      .when(amend({ publishedOn: '2024-08-23' }, 'The page gives the date of the press release, not of publication'))
      .thenEvents([{ type: 'InspectionDetailsAmended', inspectionId: SAMPLE_INSPECTION_ID, changes: { publishedOn: '2024-08-23' }, previous: { publishedOn: '2024-08-22' }, reason: 'The page gives the date of the press release, not of publication' }]);
  });

  it('refuses an inspection that was never registered', () => {
    spec.given().when(amend({ title: 'A title' })).thenRefused('NotRegistered', 'inspectionId');
  });

  it.each([
    ['without a reason', amend({ title: 'A title' }, ' '), 'ReasonRequired', 'reason'],
    ['that changes nothing', amend({ publishedOn: '2024-08-22', hmicfrsReference: '' }), 'NothingToAmend', 'changes'],
    ['with no changes at all', amend({}), 'NothingToAmend', 'changes'],
    ['of a field that is not a detail', amend({ findings: [] }), 'UnknownField', 'changes.findings'],
    ['with changes that are not an object', amend(['title'] as unknown as Record<string, unknown>), 'InvalidValue', 'changes'],
    ['to a blank title', amend({ title: '' }), 'FieldRequired', 'changes.title'],
    ['to a date that does not exist', amend({ publishedOn: '2025-02-30' }), 'InvalidDate', 'changes.publishedOn'],
    ['to an unknown service', amend({ service: 'ambulance' }), 'InvalidValue', 'changes.service'],
    ['to an unknown type', amend({ inspectionType: 'thematic' }), 'InvalidValue', 'changes.inspectionType'],
    ['to an unknown scope', amend({ scope: 'county' }), 'InvalidValue', 'changes.scope'],
    ['to a report address that is not one', amend({ reportUrl: 'not a url' }), 'InvalidUrl', 'changes.reportUrl'],
    ['to a reference that is not text', amend({ hmicfrsReference: 17 }), 'InvalidValue', 'changes.hmicfrsReference'],
    ['to no key findings at all', amend({ keyFindingsHtml: null }), 'InvalidValue', 'changes.keyFindingsHtml'],
  ])('refuses an amendment %s', (_case, command, rule, field) => {
    spec.given(registered).when(command).thenRefused(rule, field);
  });
});

describe('AddFinding', () => {
  const areaForImprovement: FindingInput = {
    findingId: 'finding-afi-1',
    reference: 'AFI 1',
    number: 1,
    findingType: 'area-for-improvement',
    text: 'Forces should improve how they record victim withdrawal reasons.',
  };
  const add = (finding: FindingInput, reason?: string | null) => ({ type: 'AddFinding' as const, inspectionId: SAMPLE_INSPECTION_ID, finding, ...(reason === undefined ? {} : { reason }) });

  it('records a finding added after registration, with every part present', () => {
    const added: FindingAdded = {
      type: 'FindingAdded',
      inspectionId: SAMPLE_INSPECTION_ID,
      finding: { ...areaForImprovement, subItems: [], addressees: [], dueDate: null, immediate: false, relatedRecommendations: [] },
      reason: null,
    };
    const state = spec.given(registered).when(add(areaForImprovement)).thenEvents([added]);
    expect(state).toMatchObject({ findings: [...SAMPLE_FINDINGS, added.finding] });
  });

  it('keeps a reason when one is given, and treats a blank one as none', () => {
    const finding = { ...areaForImprovement, subItems: [], addressees: [], dueDate: null, immediate: false, relatedRecommendations: [] };
    spec.given(registered).when(add(areaForImprovement, 'Missed when the page was imported')).thenEvents([{ type: 'FindingAdded', inspectionId: SAMPLE_INSPECTION_ID, finding, reason: 'Missed when the page was imported' }]);
    spec.given(registered).when(add(areaForImprovement, ' ')).thenEvents([{ type: 'FindingAdded', inspectionId: SAMPLE_INSPECTION_ID, finding, reason: null }]);
  });

  it('records an immediate cause of concern that comes with a recommendation already recorded', () => {
    const concern = { ...causeOfConcern, immediate: true, relatedRecommendations: ['rec 5'] };
    spec
      .given(registered)
      .when(add(concern))
      .thenEvents([{ type: 'FindingAdded', inspectionId: SAMPLE_INSPECTION_ID, finding: { ...concern, subItems: [], addressees: [], dueDate: null }, reason: null }]);
  });

  it('refuses an inspection that was never registered', () => {
    spec.given().when(add(areaForImprovement)).thenRefused('NotRegistered', 'inspectionId');
  });

  it('refuses a reason that is not text', () => {
    spec.given(registered).when({ ...add(areaForImprovement), reason: 42 as unknown as string }).thenRefused('InvalidValue', 'reason');
  });

  it.each([
    ['with a reference already used', { ...areaForImprovement, reference: 'REC 07' }, 'DuplicateFindingReference', 'finding.reference'],
    ['with an id already used', { ...areaForImprovement, findingId: 'finding-rec-07' }, 'DuplicateFindingId', 'finding.findingId'],
    ['due on a date that does not exist', { ...areaForImprovement, dueDate: '2025-02-30' }, 'InvalidDate', 'finding.dueDate'],
    ['without text', { ...areaForImprovement, text: ' ' }, 'FieldRequired', 'finding.text'],
    ['that is a cause of concern with no recommendation', { ...causeOfConcern, relatedRecommendations: undefined }, 'CauseOfConcernWithoutRecommendation', 'finding.relatedRecommendations'],
    ['that is a cause of concern naming a finding that is not a recommendation', { ...causeOfConcern, relatedRecommendations: ['AFI 1'] }, 'UnknownRelatedRecommendation', 'finding.relatedRecommendations'],
  ])('refuses a finding %s', (_case, finding, rule, field) => {
    spec.given([...registered, { type: 'FindingAdded', inspectionId: SAMPLE_INSPECTION_ID, finding: { ...areaForImprovement, subItems: [], addressees: [], dueDate: null, immediate: false, relatedRecommendations: [] }, reason: null }])
      .when(add({ ...finding, findingId: finding.findingId === 'finding-afi-1' ? 'finding-afi-2' : finding.findingId, reference: finding.reference === 'AFI 1' ? 'AFI 2' : finding.reference }))
      .thenRefused(rule, field);
  });
});

describe('the inspection stream', () => {
  it('is named after the inspection and holds these event types', () => {
    expect(inspectionStream(SAMPLE_INSPECTION_ID)).toBe('inspection-rasso-nom-2024');
    expect(INSPECTION_EVENT_TYPES).toEqual(['InspectionRegistered', 'InspectionDetailsAmended', 'FindingAdded']);
  });
});

describe('when an inspection command says it happened', () => {
  it('given nothing, when the registration says it happened on the day the report was published, then it is registered', () => {
    spec.given().when(sampleRegisterInspection, { occurredAt: '2024-08-22' }).thenEvents([sampleInspectionRegistered]);
  });

  it('given nothing, when the registration says it happened before the report was published, then OccurredBeforePublication', () => {
    spec.given().when(sampleRegisterInspection, { occurredAt: '2024-08-21' }).thenRefused('OccurredBeforePublication', 'occurredAt');
  });

  it('given the registered sample, when an amendment says it happened before the publication, then OccurredBeforePublication', () => {
    const amend = { type: 'AmendInspectionDetails' as const, inspectionId: SAMPLE_INSPECTION_ID, changes: { hmicfrsReference: 'RASSO-2024' }, reason: 'Reference added' };
    spec.given(registered).when(amend, { occurredAt: '2024-08-01T10:00:00.000Z' }).thenRefused('OccurredBeforePublication', 'occurredAt');
  });
});
