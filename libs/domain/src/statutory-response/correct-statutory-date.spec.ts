import type { Actor } from '../shared/envelope';
import { deciderSpec } from '../shared/given-when-then';
import { SAMPLE_INSPECTION_ID } from '../inspection/sample-inspection.fixture';
import type { CorrectStatutoryDate } from './commands';
import { statutoryResponseDecider } from './decide';
import type { StatutoryResponseEvent } from './events';
import { isOnTime } from './statutory-clock';

const officeStaff: Actor = { id: 'u-office-1', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
const TODAY = '2026-12-05';
const spec = deciderSpec(statutoryResponseDecider, { actor: officeStaff, today: TODAY });
const id = SAMPLE_INSPECTION_ID;

const opened: StatutoryResponseEvent = { type: 'StatutoryResponseOpened', inspectionId: id, service: 'police', reportPublishedOn: '2024-08-22', responsePeriodDays: 56, deadline: '2024-10-16' };
const invited: StatutoryResponseEvent = { type: 'ChiefOfficerCommentsInvited', inspectionId: id, invitedOn: '2024-08-23', commentsDueBy: '2024-09-20' };
const chiefCommented: StatutoryResponseEvent = { type: 'ChiefOfficerCommentsRecorded', inspectionId: id, receivedOn: '2024-10-16', comments: 'I welcome the report.' };
const commissionerCommented: StatutoryResponseEvent = { type: 'CommissionerCommentsRecorded', inspectionId: id, madeOn: '2024-10-16', comments: 'I welcome the publication.' };
const replied: StatutoryResponseEvent = { type: 'ReplyToChiefOfficerRecorded', inspectionId: id, madeOn: '2024-10-16', reply: 'Thank you.' };
const published: StatutoryResponseEvent = { type: 'StatutoryResponsePublished', inspectionId: id, publishedOn: '2024-10-18', url: null };
/** A page imported with the assumed response date, two days after the real one. */
const importedLate = [opened, chiefCommented, commissionerCommented, published];

const correct = (step: CorrectStatutoryDate['step'], correctDate: string, reason = 'The page is dated 10 October 2024'): CorrectStatutoryDate => ({
  type: 'CorrectStatutoryDate',
  inspectionId: id,
  step,
  correctDate,
  reason,
});

describe('CorrectStatutoryDate', () => {
  it("given comments recorded on the assumed 16 October, when the office corrects the commissioner's to 10 October, then the step is dated 10 October from then on", () => {
    const after = spec
      .given(importedLate)
      .when(correct('commissionerComments', '2024-10-10'))
      .thenEvents([
        { type: 'StatutoryDateCorrected', inspectionId: id, step: 'commissionerComments', field: 'madeOn', recordedDate: '2024-10-16', correctDate: '2024-10-10', reason: 'The page is dated 10 October 2024' },
      ]);
    expect(after).toMatchObject({ commissionerCommentsMadeOn: '2024-10-10', chiefOfficerCommentsReceivedOn: '2024-10-16' });
  });

  it('given a response published late by the record, when its publication is corrected to 10 October, then it is on time', () => {
    const events = [opened, { ...chiefCommented, receivedOn: '2024-10-10' }, { ...commissionerCommented, madeOn: '2024-10-10' }, { ...published, publishedOn: '2024-10-20' }] as StatutoryResponseEvent[];
    const after = spec.given(events).when(correct('publication', '2024-10-10')).thenEvents([
      { type: 'StatutoryDateCorrected', inspectionId: id, step: 'publication', field: 'publishedOn', recordedDate: '2024-10-20', correctDate: '2024-10-10', reason: 'The page is dated 10 October 2024' },
    ]);
    expect(after.opened && after.publishedOn).toBe('2024-10-10');
    expect(isOnTime('2024-08-22', '2024-10-10')).toBe(true);
  });

  it('corrects the invitation, the chief officer’s comments and the reply each in its own field', () => {
    const events = [opened, invited, chiefCommented, replied];
    expect(spec.given(events).when(correct('invitation', '2024-08-24')).thenEvents([expect.objectContaining({ field: 'invitedOn', recordedDate: '2024-08-23' }) as StatutoryResponseEvent])).toMatchObject({
      invitation: { invitedOn: '2024-08-24', commentsDueBy: '2024-09-20' },
    });
    expect(spec.given(events).when(correct('chiefOfficerComments', '2024-10-01')).thenEvents([expect.objectContaining({ field: 'receivedOn' }) as StatutoryResponseEvent])).toMatchObject({
      chiefOfficerCommentsReceivedOn: '2024-10-01',
    });
    expect(spec.given(events).when(correct('replyToChiefOfficer', '2024-10-17')).thenEvents([expect.objectContaining({ field: 'madeOn' }) as StatutoryResponseEvent])).toMatchObject({
      replyMadeOn: '2024-10-17',
    });
  });

  describe('is refused, and records nothing,', () => {
    it.each([
      ['for a step that is not one', correct('copies' as CorrectStatutoryDate['step'], '2024-10-10'), 'InvalidValue', 'step'],
      ['for a date that does not exist', correct('commissionerComments', '2024-02-30'), 'InvalidDate', 'correctDate'],
      ['without a reason', correct('commissionerComments', '2024-10-10', ' '), 'ReasonRequired', 'reason'],
      ['for a step not yet recorded', correct('replyToChiefOfficer', '2024-10-10'), 'NothingToCorrect', 'step'],
      ['when the date is already the one recorded', correct('commissionerComments', '2024-10-16'), 'NothingToAmend', 'correctDate'],
      ['for a date later than today', correct('publication', '2026-12-06'), 'DateInFuture', 'correctDate'],
      ['for a date before the report was published', correct('commissionerComments', '2024-08-21'), 'DateOutOfOrder', 'correctDate'],
      ['for comments dated after the publication', correct('chiefOfficerComments', '2024-10-19'), 'DateOutOfOrder', 'correctDate'],
      ['for a publication before the comments it publishes', correct('publication', '2024-10-15'), 'DateOutOfOrder', 'correctDate'],
    ])('%s', (_case, command, rule, field) => {
      spec.given(importedLate).when(command).thenRefused(rule, field);
    });

    it('for a reply before the comments it answers, or comments after the reply', () => {
      spec.given([opened, chiefCommented, replied]).when(correct('replyToChiefOfficer', '2024-10-15')).thenRefused('DateOutOfOrder', 'correctDate');
      spec.given([opened, chiefCommented, replied]).when(correct('chiefOfficerComments', '2024-10-17')).thenRefused('DateOutOfOrder', 'correctDate');
    });

    it('for an inspection whose response was never opened', () => {
      spec.given().when(correct('publication', '2024-10-10')).thenRefused('NotRegistered', 'inspectionId');
    });
  });
});
