import type { Actor } from '../shared/envelope';
import { deciderSpec } from '../shared/given-when-then';
import { SAMPLE_FINDINGS, SAMPLE_INSPECTION_ID } from '../inspection/sample-inspection.fixture';
import type { FindingDecisionFact } from './context';
import { statutoryResponseDecider } from './decide';
import { STATUTORY_RESPONSE_EVENT_TYPES, type StatutoryResponseEvent } from './events';
import { isOnTime, statutoryDayNumber } from './statutory-clock';
import { statutoryResponseStream } from './stream';

const officeStaff: Actor = { id: 'u-office-1', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
const allDecided: FindingDecisionFact[] = SAMPLE_FINDINGS.map(({ findingId, reference }) => ({ findingId, reference, applicable: true, decided: true }));
const spec = deciderSpec(statutoryResponseDecider, { actor: officeStaff, findings: allDecided });
const id = SAMPLE_INSPECTION_ID;
const RESPONSE_URL = 'https://cumbria-pcc.gov.uk/hmicfrs-responses/rasso-national-operating-model-2024/';

const opened: StatutoryResponseEvent = { type: 'StatutoryResponseOpened', inspectionId: id, service: 'police', reportPublishedOn: '2024-08-22', responsePeriodDays: 56, deadline: '2024-10-16' };
const fireOpened: StatutoryResponseEvent = { type: 'StatutoryResponseOpened', inspectionId: id, service: 'fire', reportPublishedOn: '2024-08-22', responsePeriodDays: 90, deadline: '2024-11-19' };
const invited: StatutoryResponseEvent = { type: 'ChiefOfficerCommentsInvited', inspectionId: id, invitedOn: '2024-08-23', commentsDueBy: '2024-09-20' };
const chiefComments = 'I welcome this recent HMICFRS inspection report. I have reviewed our current position against each of these recommendations and have developed a plan which will help the Constabulary to achieve the standards outlined by HMICFRS within the timeframes that they have specified.';
const chiefCommented: StatutoryResponseEvent = { type: 'ChiefOfficerCommentsRecorded', inspectionId: id, receivedOn: '2024-09-18', comments: chiefComments };
const commissionerComments = 'As Police, Fire & Crime Commissioner (PFCC) for Cumbria, I welcome the publication from His Majesty\'s Inspectorate of Constabulary and Fire and Rescue Services';
const commissionerCommented: StatutoryResponseEvent = { type: 'CommissionerCommentsRecorded', inspectionId: id, madeOn: '2024-10-01', comments: commissionerComments };
const published: StatutoryResponseEvent = { type: 'StatutoryResponsePublished', inspectionId: id, publishedOn: '2024-10-14', url: RESPONSE_URL };
const readyToPublish = [opened, invited, chiefCommented, commissionerCommented];
const afterPublication = [...readyToPublish, published];

describe('OpenStatutoryResponse', () => {
  const open = (changes: Record<string, unknown> = {}) => ({ type: 'OpenStatutoryResponse' as const, inspectionId: id, service: 'police' as const, reportPublishedOn: '2024-08-22', ...changes });

  it('starts the s.55 clock of a police report: published 2024-08-22, last day 2024-10-16', () => {
    spec.given().when(open()).thenEvents([opened]);
  });

  it('starts a fire report on the period the office policy sets', () => {
    spec.given().when(open({ service: 'fire', responsePeriodDays: 90 })).thenEvents([fireOpened]);
  });

  it('refuses to open the response twice', () => {
    spec.given([opened]).when(open()).thenRefused('AlreadyRegistered', 'inspectionId');
  });

  it.each([
    ['without an inspection', { inspectionId: '' }, 'FieldRequired', 'inspectionId'],
    ['for an unknown service', { service: 'ambulance' }, 'InvalidValue', 'service'],
    ['on a publication date that does not exist', { reportPublishedOn: '2025-02-30' }, 'InvalidDate', 'reportPublishedOn'],
    ['with a period of its own for a police report', { responsePeriodDays: 60 }, 'PeriodFixedByLaw', 'responsePeriodDays'],
    ['for a fire report without the policy period', { service: 'fire' }, 'FieldRequired', 'responsePeriodDays'],
    ['for a fire report with a period of no days', { service: 'fire', responsePeriodDays: 0 }, 'InvalidValue', 'responsePeriodDays'],
    ['for a fire report with a period in part days', { service: 'fire', responsePeriodDays: 28.5 }, 'InvalidValue', 'responsePeriodDays'],
  ])('refuses to open %s', (_case, changes, rule, field) => {
    spec.given().when(open(changes)).thenRefused(rule, field);
  });
});

describe('ReviseStatutoryTimetable', () => {
  const revise = (changes: Record<string, unknown> = {}) => ({
    type: 'ReviseStatutoryTimetable' as const,
    inspectionId: id,
    service: 'police' as const,
    reportPublishedOn: '2024-08-23',
    reason: 'The inspection publication date was corrected',
    ...changes,
  });

  it('moves the deadline with a corrected publication date', () => {
    const state = spec
      .given([opened, invited])
      .when(revise())
      .thenEvents([{ type: 'StatutoryTimetableRevised', inspectionId: id, service: 'police', reportPublishedOn: '2024-08-23', responsePeriodDays: 56, deadline: '2024-10-17', reason: 'The inspection publication date was corrected' }]);
    expect(state).toMatchObject({ deadline: '2024-10-17', invitation: { commentsDueBy: '2024-09-20' } });
  });

  it('puts a report corrected to fire on the policy period', () => {
    spec
      .given([opened])
      .when(revise({ service: 'fire', reportPublishedOn: '2024-08-22', responsePeriodDays: 90, reason: 'Registered as police by mistake' }))
      .thenEvents([{ type: 'StatutoryTimetableRevised', inspectionId: id, service: 'fire', reportPublishedOn: '2024-08-22', responsePeriodDays: 90, deadline: '2024-11-19', reason: 'Registered as police by mistake' }]);
  });

  it('refuses a response that was never opened', () => {
    spec.given().when(revise()).thenRefused('NotRegistered', 'inspectionId');
  });

  it.each([
    ['without a reason', { reason: '' }, 'ReasonRequired', 'reason'],
    ['that changes nothing', { reportPublishedOn: '2024-08-22' }, 'NothingToAmend', 'reportPublishedOn'],
    ['to a date that does not exist', { reportPublishedOn: '2025-02-30' }, 'InvalidDate', 'reportPublishedOn'],
    ['to a period of its own for a police report', { responsePeriodDays: 90 }, 'PeriodFixedByLaw', 'responsePeriodDays'],
  ])('refuses a revision %s', (_case, changes, rule, field) => {
    spec.given([opened]).when(revise(changes)).thenRefused(rule, field);
  });
});

describe('InviteChiefOfficerComments', () => {
  const invite = (changes: Record<string, unknown> = {}) => ({ type: 'InviteChiefOfficerComments' as const, inspectionId: id, invitedOn: '2024-08-23', commentsDueBy: '2024-09-20', ...changes });

  it('records the invitation and the date the local policing body sets', () => {
    spec.given([opened]).when(invite()).thenEvents([invited]);
  });

  it('records a later invitation that extends the date, even beyond the statutory deadline', () => {
    const state = spec
      .given([opened, invited])
      .when(invite({ invitedOn: '2024-09-19', commentsDueBy: '2024-10-20' }))
      .thenEvents([{ type: 'ChiefOfficerCommentsInvited', inspectionId: id, invitedOn: '2024-09-19', commentsDueBy: '2024-10-20' }]);
    expect(state).toMatchObject({ invitation: { invitedOn: '2024-09-19', commentsDueBy: '2024-10-20' } });
  });

  it.each([
    ['for a response never opened', [], invite(), 'NotRegistered', 'inspectionId'],
    ['for a fire report', [fireOpened], invite(), 'WrongService', undefined],
    ['once the comments are in', [opened, invited, chiefCommented], invite(), 'IllegalTransition', undefined],
    ['after publication', afterPublication, invite(), 'IllegalTransition', undefined],
    ['on a date that does not exist', [opened], invite({ invitedOn: '2024-02-30' }), 'InvalidDate', 'invitedOn'],
    ['with comments due on a date that does not exist', [opened], invite({ commentsDueBy: '2025-02-30' }), 'InvalidDate', 'commentsDueBy'],
    ['with comments due before the invitation', [opened], invite({ commentsDueBy: '2024-08-20' }), 'DateOutOfOrder', 'commentsDueBy'],
  ])('refuses an invitation %s', (_case, given, command, rule, field) => {
    spec.given(given).when(command).thenRefused(rule, field);
  });
});

describe('RecordChiefOfficerComments', () => {
  const record = (changes: Record<string, unknown> = {}) => ({ type: 'RecordChiefOfficerComments' as const, inspectionId: id, receivedOn: '2024-09-18', comments: chiefComments, ...changes });

  it('records the chief officer’s comments as given', () => {
    spec.given([opened, invited]).when(record()).thenEvents([chiefCommented]);
  });

  it('records comments for which no invitation was recorded, as an imported page gives them', () => {
    spec.given([opened]).when(record()).thenEvents([chiefCommented]);
  });

  it.each([
    ['for a response never opened', [], record(), 'NotRegistered', 'inspectionId'],
    ['after publication', afterPublication, record(), 'IllegalTransition', undefined],
    ['a second time', [opened, chiefCommented], record(), 'AlreadyRecorded', undefined],
    ['received on a date that does not exist', [opened], record({ receivedOn: '2024-09-31' }), 'InvalidDate', 'receivedOn'],
    ['without any comments', [opened], record({ comments: ' ' }), 'FieldRequired', 'comments'],
  ])('refuses the comments %s', (_case, given, command, rule, field) => {
    spec.given(given).when(command).thenRefused(rule, field);
  });
});

describe('RecordCommissionerComments', () => {
  const record = (changes: Record<string, unknown> = {}) => ({ type: 'RecordCommissionerComments' as const, inspectionId: id, madeOn: '2024-10-01', comments: commissionerComments, ...changes });

  it('records the commissioner’s comments as given', () => {
    spec.given([opened, invited, chiefCommented]).when(record()).thenEvents([commissionerCommented]);
  });

  it.each([
    ['for a response never opened', [], record(), 'NotRegistered', 'inspectionId'],
    ['after publication', afterPublication, record(), 'IllegalTransition', undefined],
    ['a second time', readyToPublish, record(), 'AlreadyRecorded', undefined],
    ['made on a date that does not exist', [opened], record({ madeOn: '2024-10-32' }), 'InvalidDate', 'madeOn'],
    ['without any comments', [opened], record({ comments: '' }), 'FieldRequired', 'comments'],
  ])('refuses the comments %s', (_case, given, command, rule, field) => {
    spec.given(given).when(command).thenRefused(rule, field);
  });
});

describe('RecordReplyToChiefOfficer', () => {
  const reply = 'I thank the Chief Constable for his comments and will review progress through my accountability framework.';
  const record = (changes: Record<string, unknown> = {}) => ({ type: 'RecordReplyToChiefOfficer' as const, inspectionId: id, madeOn: '2024-10-01', reply, ...changes });

  it('records the reply to the chief officer’s comments', () => {
    spec.given([opened, invited, chiefCommented]).when(record()).thenEvents([{ type: 'ReplyToChiefOfficerRecorded', inspectionId: id, madeOn: '2024-10-01', reply }]);
  });

  it.each([
    ['for a response never opened', [], record(), 'NotRegistered', 'inspectionId'],
    ['for a fire report', [fireOpened], record(), 'WrongService', undefined],
    ['before the chief officer has commented', [opened, invited], record(), 'IllegalTransition', undefined],
    ['after publication', afterPublication, record(), 'IllegalTransition', undefined],
    ['a second time', [opened, chiefCommented, { type: 'ReplyToChiefOfficerRecorded', inspectionId: id, madeOn: '2024-10-01', reply }], record(), 'AlreadyRecorded', undefined],
    ['made on a date that does not exist', [opened, chiefCommented], record({ madeOn: '2025-02-30' }), 'InvalidDate', 'madeOn'],
    ['made before the comments it answers', [opened, chiefCommented], record({ madeOn: '2024-09-17' }), 'DateOutOfOrder', 'madeOn'],
    ['without a reply', [opened, chiefCommented], record({ reply: '' }), 'FieldRequired', 'reply'],
  ])('refuses the reply %s', (_case, given, command, rule, field) => {
    spec.given(given as StatutoryResponseEvent[]).when(command).thenRefused(rule, field);
  });
});

describe('PublishStatutoryResponse', () => {
  const publish = (changes: Record<string, unknown> = {}) => ({ type: 'PublishStatutoryResponse' as const, inspectionId: id, publishedOn: '2024-10-14', url: RESPONSE_URL, ...changes });

  it('publishes on day 54 once every applicable recommendation has a decision', () => {
    const state = spec.given(readyToPublish).when(publish()).thenEvents([published]);
    expect(state).toMatchObject({ publishedOn: '2024-10-14' });
    expect(statutoryDayNumber('2024-08-22', '2024-10-14')).toBe(54);
  });

  it('records a late publication as a fact, without refusing it: day 57', () => {
    spec
      .given(readyToPublish)
      .when(publish({ publishedOn: '2024-10-17' }))
      .thenEvents([{ type: 'StatutoryResponsePublished', inspectionId: id, publishedOn: '2024-10-17', url: RESPONSE_URL }]);
    expect(statutoryDayNumber('2024-08-22', '2024-10-17')).toBe(57);
    expect(isOnTime('2024-08-22', '2024-10-17')).toBe(false);
  });

  it('does not wait for areas for improvement, nor for recommendations that do not apply', () => {
    const findings: FindingDecisionFact[] = [
      ...allDecided,
      { findingId: 'finding-afi-1', reference: 'AFI 1', applicable: false, decided: false },
      { findingId: 'finding-rec-12', reference: 'REC 12', applicable: false, decided: false },
    ];
    spec.given(readyToPublish).when(publish(), { findings }).thenEvents([published]);
  });

  it('refuses to publish while recommendations have no decision, and names them', () => {
    const findings = allDecided.map((fact) => (fact.reference === 'REC 05' || fact.reference === 'REC 11' ? { ...fact, decided: false } : fact));
    const refusal = spec.given(readyToPublish).when(publish(), { findings }).thenRefused('UndecidedRecommendations');
    expect(refusal.message).toContain('REC 05, REC 11');
    expect(refusal.message).not.toContain('REC 03');
  });

  it('cannot decide without the facts about the findings', () => {
    expect(() => statutoryResponseDecider.decide(publish(), spec.given(readyToPublish).state, { actor: officeStaff })).toThrow(/decision facts/);
  });

  it.each([
    ['for a response never opened', [], publish(), 'NotRegistered', 'inspectionId'],
    ['for a fire report', [fireOpened], publish(), 'WrongService', undefined],
    ['a second time', afterPublication, publish(), 'AlreadyRecorded', undefined],
    ['before the commissioner’s comments are recorded', [opened, invited, chiefCommented], publish(), 'CommissionerCommentsRequired', undefined],
    ['on a date that does not exist', readyToPublish, publish({ publishedOn: '2024-09-31' }), 'InvalidDate', 'publishedOn'],
    ['before the report itself', readyToPublish, publish({ publishedOn: '2024-08-21' }), 'DateOutOfOrder', 'publishedOn'],
    ['without a web address', readyToPublish, publish({ url: 'response.docx' }), 'InvalidUrl', 'url'],
  ])('refuses to publish %s', (_case, given, command, rule, field) => {
    spec.given(given).when(command).thenRefused(rule, field);
  });
});

describe('RecordCopySent', () => {
  const copy = (changes: Record<string, unknown> = {}) => ({ type: 'RecordCopySent' as const, inspectionId: id, recipient: 'HMICFRS' as const, sentOn: '2024-10-14', ...changes });

  it('records the copies sent to HMICFRS and to the Home Secretary', () => {
    const hmicfrs: StatutoryResponseEvent = { type: 'StatutoryResponseCopySent', inspectionId: id, recipient: 'HMICFRS', sentOn: '2024-10-14' };
    spec.given(afterPublication).when(copy()).thenEvents([hmicfrs]);
    spec
      .given([...afterPublication, hmicfrs])
      .when(copy({ recipient: 'HomeSecretary', sentOn: '2024-10-15' }))
      .thenEvents([{ type: 'StatutoryResponseCopySent', inspectionId: id, recipient: 'HomeSecretary', sentOn: '2024-10-15' }]);
  });

  it('records the copy of a published fire action plan', () => {
    spec
      .given([fireOpened, { type: 'ActionPlanPublished', inspectionId: id, publishedOn: '2024-11-01', url: RESPONSE_URL }])
      .when(copy({ sentOn: '2024-11-01' }))
      .thenEvents([{ type: 'StatutoryResponseCopySent', inspectionId: id, recipient: 'HMICFRS', sentOn: '2024-11-01' }]);
  });

  it.each([
    ['for a response never opened', [], copy(), 'NotRegistered', 'inspectionId'],
    ['to someone else', afterPublication, copy({ recipient: 'CollegeOfPolicing' }), 'InvalidValue', 'recipient'],
    ['before the response is published', readyToPublish, copy(), 'IllegalTransition', undefined],
    ['twice to the same recipient', [...afterPublication, { type: 'StatutoryResponseCopySent', inspectionId: id, recipient: 'HMICFRS', sentOn: '2024-10-14' }], copy(), 'AlreadyRecorded', 'recipient'],
    ['on a date that does not exist', afterPublication, copy({ sentOn: '2024-10-32' }), 'InvalidDate', 'sentOn'],
  ])('refuses a copy %s', (_case, given, command, rule, field) => {
    spec.given(given as StatutoryResponseEvent[]).when(command).thenRefused(rule, field);
  });
});

describe('PublishActionPlan', () => {
  const publish = (changes: Record<string, unknown> = {}) => ({ type: 'PublishActionPlan' as const, inspectionId: id, publishedOn: '2024-11-01', url: RESPONSE_URL, ...changes });

  it('publishes the action plan of a fire report', () => {
    const state = spec.given([fireOpened]).when(publish()).thenEvents([{ type: 'ActionPlanPublished', inspectionId: id, publishedOn: '2024-11-01', url: RESPONSE_URL }]);
    expect(state).toMatchObject({ publishedOn: '2024-11-01', deadline: '2024-11-19' });
  });

  it('refuses to publish while recommendations have no decision, and names them', () => {
    const refusal = spec
      .given([fireOpened])
      .when(publish(), { findings: [{ findingId: 'finding-fire-rec-1', reference: 'Recommendation 1', applicable: true, decided: false }] })
      .thenRefused('UndecidedRecommendations');
    expect(refusal.message).toContain('Recommendation 1');
  });

  it.each([
    ['for a response never opened', [], publish(), 'NotRegistered', 'inspectionId'],
    ['for a police report', [opened], publish(), 'WrongService', undefined],
    ['a second time', [fireOpened, { type: 'ActionPlanPublished', inspectionId: id, publishedOn: '2024-11-01', url: RESPONSE_URL }], publish(), 'AlreadyRecorded', undefined],
    ['on a date that does not exist', [fireOpened], publish({ publishedOn: '2025-02-30' }), 'InvalidDate', 'publishedOn'],
    ['before the report itself', [fireOpened], publish({ publishedOn: '2024-08-01' }), 'DateOutOfOrder', 'publishedOn'],
    ['without a web address', [fireOpened], publish({ url: '' }), 'InvalidUrl', 'url'],
  ])('refuses to publish %s', (_case, given, command, rule, field) => {
    spec.given(given as StatutoryResponseEvent[]).when(command).thenRefused(rule, field);
  });
});

describe('the statutory response stream', () => {
  it('is named after the inspection and holds these event types', () => {
    expect(statutoryResponseStream(id)).toBe('statutory-response-rasso-nom-2024');
    expect(STATUTORY_RESPONSE_EVENT_TYPES).toEqual([
      'StatutoryResponseOpened',
      'StatutoryTimetableRevised',
      'ChiefOfficerCommentsInvited',
      'ChiefOfficerCommentsRecorded',
      'CommissionerCommentsRecorded',
      'ReplyToChiefOfficerRecorded',
      'StatutoryResponsePublished',
      'StatutoryResponseCopySent',
      'ActionPlanPublished',
      'StatutoryDateCorrected',
    ]);
  });
});

describe('when a statutory response step says it happened', () => {
  const record = { type: 'RecordCommissionerComments' as const, inspectionId: id, madeOn: '2024-10-01', comments: commissionerComments };

  it('given the response opened, when the comments are dated on or after the publication of the report, then they are recorded', () => {
    spec.given([opened]).when(record, { occurredAt: '2024-10-01' }).thenEvents([commissionerCommented]);
  });

  it('given the response opened, when the comments say they were made before the report was published, then OccurredBeforePublication', () => {
    spec.given([opened]).when(record, { occurredAt: '2024-08-21' }).thenRefused('OccurredBeforePublication', 'occurredAt');
  });
});

describe('a fire report, answered with an action plan', () => {
  const fireCommissioner: StatutoryResponseEvent = { type: 'CommissionerCommentsRecorded', inspectionId: id, madeOn: '2024-10-01', comments: commissionerComments };
  const fireChief: StatutoryResponseEvent = { type: 'ChiefOfficerCommentsRecorded', inspectionId: id, receivedOn: '2024-10-01', comments: 'The service accepts the recommendations.' };

  it("given a fire report, when the commissioner's comments are recorded, then they are kept with the action plan", () => {
    spec.given([fireOpened]).when({ type: 'RecordCommissionerComments', inspectionId: id, madeOn: '2024-10-01', comments: commissionerComments }).thenEvents([fireCommissioner]);
  });

  it("given a fire report, when the chief fire officer's statement is recorded, then it is kept with the action plan", () => {
    spec.given([fireOpened]).when({ type: 'RecordChiefOfficerComments', inspectionId: id, receivedOn: '2024-10-01', comments: 'The service accepts the recommendations.' }).thenEvents([fireChief]);
  });

  it('given the statements, when the action plan is published on their day without a known address, then it is published with no address', () => {
    spec
      .given([fireOpened, fireCommissioner, fireChief])
      .when({ type: 'PublishActionPlan', inspectionId: id, publishedOn: '2024-10-01', url: null })
      .thenEvents([{ type: 'ActionPlanPublished', inspectionId: id, publishedOn: '2024-10-01', url: null }]);
  });

  it('given the statements, when the action plan is dated before them, then DateOutOfOrder', () => {
    spec.given([fireOpened, fireCommissioner]).when({ type: 'PublishActionPlan', inspectionId: id, publishedOn: '2024-09-30', url: null }).thenRefused('DateOutOfOrder', 'publishedOn');
  });

  it('given a fire report, when the chief fire officer is invited to comment under s.55, then WrongService: that is the police regime', () => {
    spec.given([fireOpened]).when({ type: 'InviteChiefOfficerComments', inspectionId: id, invitedOn: '2024-08-23', commentsDueBy: '2024-09-20' }).thenRefused('WrongService');
  });
});

describe('a response is not published before the comments it publishes', () => {
  const publish = (publishedOn: string) => ({ type: 'PublishStatutoryResponse' as const, inspectionId: id, publishedOn, url: RESPONSE_URL });

  it("given the commissioner's comments made on 2024-10-16, when the response is said to be published on 2024-10-14, then DateOutOfOrder", () => {
    const late: StatutoryResponseEvent = { type: 'CommissionerCommentsRecorded', inspectionId: id, madeOn: '2024-10-16', comments: commissionerComments };
    const refusal = spec.given([opened, late]).when(publish('2024-10-14')).thenRefused('DateOutOfOrder', 'publishedOn');
    expect(refusal.message).toBe("publishedOn (2024-10-14) may not be before the commissioner's comments it publishes (2024-10-16)");
  });

  it("given the chief officer's comments received on 2024-09-18, when the response is published that day with no known address, then it is published", () => {
    spec
      .given([opened, chiefCommented, { ...commissionerCommented, madeOn: '2024-09-18' }])
      .when({ type: 'PublishStatutoryResponse', inspectionId: id, publishedOn: '2024-09-18', url: null })
      .thenEvents([{ type: 'StatutoryResponsePublished', inspectionId: id, publishedOn: '2024-09-18', url: null }]);
  });
});
