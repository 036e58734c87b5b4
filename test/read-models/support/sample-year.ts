import { SAMPLE_INSPECTION_ID, sampleRegisterInspection } from '@ledger/domain/inspection/sample-inspection.fixture';
import {
  actionOwner as fixtureActionOwner,
  liaison as fixtureLiaison,
  officeStaff,
  performanceLead,
  REC_03,
  REC_03_COMMITMENT,
  REC_05,
  REC_05_DEPENDENCY,
  REC_07,
  REC_09,
  REC_11,
} from '@ledger/domain/recommendation/sample-recommendations.fixture';
import type { Actor, OnBehalfOf } from '@ledger/domain';
import { createHash } from 'node:crypto';
import type { LedgerDriver } from './ledger-driver';

/**
 * The sample inspection (Cumbria, RASSO national operating model, published 2024-08-22) through
 * its first year, as the office would record it: decisions taken at a meeting and typed in the
 * next day on the Chief Constable's behalf, owners, a dependency on a national body, a late
 * statutory response, sub-actions, a completion returned for further work, target-date changes
 * approved and refused by someone other than the requester, one commitment missed (REC 09 done
 * six weeks late), verification by someone other than the completer, scrutiny challenges,
 * an inspectorate status, a correction, and a panel question still unanswered on QUERY_DAY.
 *
 * Where each finding stands on 2025-08-22 (QUERY_DAY):
 *   REC 03 Closed      target 2025-01-31 -> 2025-04-30 (approved), completed 2025-04-15
 *   REC 05 InProgress  target 2025-07-31 (a move to 2025-10-31 refused): 22 days overdue
 *   REC 07 Closed      completed 2025-01-29 after being returned once; inspectorate: completed
 *   REC 09 Verified    target 2025-01-31, completed 2025-03-14: the missed commitment
 *   REC 11 InProgress  partially accepted; target 2025-03-31 -> 2025-09-30 (approved)
 */
export const INSPECTION = SAMPLE_INSPECTION_ID;
export const QUERY_DAY = '2025-08-22';
export const ID = {
  rec03: REC_03.findingId,
  rec05: REC_05.findingId,
  rec07: REC_07.findingId,
  rec09: REC_09.findingId,
  rec11: REC_11.findingId,
} as const;

export const CHIEF_CONSTABLE: OnBehalfOf = { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };
/**
 * The sample's people with the roles of the role table: the force's action owner is a force
 * lead; the performance lead is office staff, who approves and refuses new dates; completions
 * are verified by the assurance lead, whose role is to verify, and closed by the commissioner;
 * the liaison is HMICFRS's.
 */
const actionOwner: Actor = { ...fixtureActionOwner, role: 'force-lead' };
const liaison: Actor = { ...fixtureLiaison, role: 'hmicfrs-liaison' };
const commissioner: Actor = { id: 'cumbria-pfcc', name: 'Police, Fire and Crime Commissioner', role: 'commissioner', organisation: 'Cumbria OPFCC' };
const assuranceLead: Actor = { id: 'opfcc-assurance-lead', name: 'Assurance Lead', role: 'verifier', organisation: 'Cumbria OPFCC' };
export const PEOPLE = { officeStaff, performanceLead, actionOwner, liaison, assuranceLead, commissioner };
export const OWNERS = {
  rec03: 'Head of Learning and Development',
  rec05: 'Head of Public Protection',
  rec07: 'Detective Superintendent, RASSO',
  rec09: 'Head of Forensic Services',
  rec11: 'Head of Performance and Analysis',
};
export const PANEL_CHALLENGE = 'pcp-2025-02';
export const CONFERENCE_CHALLENGE = 'pac-2024-11';
/** Raised in July and still unanswered on QUERY_DAY, nine days after its answer date. */
export const FOLLOW_UP_CHALLENGE = 'pcp-2025-07';

export interface SampleYear {
  /** Position of the last event written. */
  lastPosition: bigint;
  /** The progress report that a later correction points at. */
  correctedProgressEventId: string;
  correctionEventId: string;
}

const office = { as: officeStaff };
const owner = { as: actionOwner };
const lead = { as: performanceLead };
const verifier = { as: assuranceLead };
const signOff = { as: commissioner };
const forChiefConstable = { as: officeStaff, onBehalfOf: CHIEF_CONSTABLE };

function evidence(recommendationId: string, evidenceId: string, title: string) {
  const sha256 = createHash('sha256').update(title).digest('hex');
  return { type: 'SubmitEvidence' as const, recommendationId, evidenceId, title, reference: `CUMBRIA-DOC-${evidenceId}`, sha256, classification: 'OFFICIAL' as const };
}

export async function recordSampleYear(ledger: LedgerDriver): Promise<SampleYear> {
  await ledger.at('2024-08-27T09:00:00Z').inspection(sampleRegisterInspection, office);
  await ledger.at('2024-08-28T09:00:00Z').statutory({ type: 'InviteChiefOfficerComments', inspectionId: INSPECTION, invitedOn: '2024-08-28', commentsDueBy: '2024-09-30' }, office);

  // Decided at the meeting of 24 September, typed in the next morning.
  const meeting = { ...forChiefConstable, occurredAt: '2024-09-24T14:00:00Z' };
  await ledger.at('2024-09-25T10:00:00Z').recommendation({ type: 'AcceptRecommendation', recommendationId: ID.rec03, commitment: REC_03_COMMITMENT, plannedCompletionDate: '2025-01-31' }, meeting);
  await ledger.recommendation(
    { type: 'AcceptRecommendation', recommendationId: ID.rec05, commitment: 'Once the national definition has been received, the Constabulary will implement the appropriate processes.', plannedCompletionDate: '2025-07-31' },
    meeting,
  );
  await ledger.recommendation(
    { type: 'AcceptRecommendation', recommendationId: ID.rec07, commitment: 'Continue to prioritise the disruption of RASSO offenders, with bail and order breaches tracked and all relevant staff trained.', plannedCompletionDate: '2025-01-31' },
    meeting,
  );
  await ledger.recommendation({ type: 'AcceptRecommendation', recommendationId: ID.rec09, commitment: 'I will ensure that we conclude this within the required timescales.', plannedCompletionDate: '2025-01-31' }, meeting);
  await ledger.recommendation(
    {
      type: 'PartiallyAcceptRecommendation',
      recommendationId: ID.rec11,
      acceptedScope: 'Develop a RASSO problem profile and include the National Operating Model flight deck in strategic performance monitoring',
      notAcceptedScope: 'Adopting key performance indicators before the Soteria Joint Unit has agreed and published them',
      reason: 'The indicators do not exist yet; the Constabulary will adopt them once they are published',
      plannedCompletionDate: '2025-03-31',
    },
    meeting,
  );

  await ledger.at('2024-10-01T11:00:00Z').statutory(
    { type: 'RecordChiefOfficerComments', inspectionId: INSPECTION, receivedOn: '2024-10-01', comments: 'I welcome this recent HMICFRS inspection report and have developed a plan against each recommendation.' },
    forChiefConstable,
  );
  await ledger.at('2024-10-03T09:00:00Z');
  for (const key of ['rec03', 'rec05', 'rec07', 'rec09', 'rec11'] as const) {
    await ledger.recommendation({ type: 'AssignOwner', recommendationId: ID[key], owner: OWNERS[key], organisation: 'Cumbria Constabulary' }, office);
  }
  await ledger.at('2024-10-04T09:00:00Z').recommendation(
    { type: 'FlagDependency', recommendationId: ID.rec05, dependencyId: 'soteria-definition', dependsOn: 'Soteria Joint Unit', description: REC_05_DEPENDENCY },
    owner,
  );

  // The statutory response: the last day was 2024-10-16; it went out a week late.
  await ledger.at('2024-10-18T15:00:00Z').statutory({ type: 'RecordCommissionerComments', inspectionId: INSPECTION, madeOn: '2024-10-18', comments: 'I welcome the publication of the report.' }, office);
  await ledger.at('2024-10-23T10:00:00Z').statutory(
    { type: 'PublishStatutoryResponse', inspectionId: INSPECTION, publishedOn: '2024-10-23', url: 'https://www.cumbria-pfcc.gov.uk/hmicfrs/rasso-nom-2024' },
    office,
  );
  await ledger.at('2024-10-24T10:00:00Z').statutory({ type: 'RecordCopySent', inspectionId: INSPECTION, recipient: 'HMICFRS', sentOn: '2024-10-24' }, office);
  await ledger.at('2024-10-25T10:00:00Z').statutory({ type: 'RecordCopySent', inspectionId: INSPECTION, recipient: 'HomeSecretary', sentOn: '2024-10-25' }, office);

  await ledger.at('2024-10-28T10:00:00Z').recommendation(
    { type: 'AddAction', recommendationId: ID.rec07, actionId: 'bail-breaches', description: 'Track bail and protection order breaches in RASSO cases on the force dashboard', owner: 'DCI RASSO', dueDate: '2024-12-13' },
    owner,
  );
  await ledger.recommendation(
    { type: 'AddAction', recommendationId: ID.rec07, actionId: 'orders-training', description: 'All relevant personnel complete National Operating Model training on criminal and civil orders', owner: 'Learning and Development', dueDate: '2025-01-24' },
    owner,
  );

  await ledger.at('2024-11-14T19:00:00Z').challenge(
    {
      type: 'RaiseChallenge',
      challengeId: CONFERENCE_CHALLENGE,
      forum: 'Public Accountability Conference',
      meetingDate: '2024-11-14',
      question: 'Why was the response to the RASSO inspection published after the 56 days?',
      answerDueBy: '2024-11-28',
      inspectionId: INSPECTION,
    },
    office,
  );
  await ledger.at('2024-11-20T10:00:00Z').challenge(
    { type: 'AnswerChallenge', challengeId: CONFERENCE_CHALLENGE, answer: "The Chief Constable's comments arrived on day 41; the commissioner's own comments took two more weeks.", answeredOn: '2024-11-20' },
    office,
  );
  await ledger.at('2024-12-05T10:00:00Z').challenge({ type: 'CloseChallenge', challengeId: CONFERENCE_CHALLENGE, outcome: 'Satisfied; future responses planned from publication day', closedOn: '2024-12-05' }, office);

  const progress = await ledger.at('2024-12-05T11:00:00Z').recommendation(
    { type: 'RecordProgress', recommendationId: ID.rec09, narrative: 'Retention application process drafted; awaiting legal review', percentComplete: 60, rag: 'red' },
    owner,
  );
  const correction = await ledger.at('2024-12-06T09:00:00Z').recommendation(
    { type: 'CorrectEntry', recommendationId: ID.rec09, correctsEventId: progress.eventIds[0], whatWasWrong: 'Percent complete was 40, not 60', reason: 'Typing error in the progress report' },
    owner,
  );
  await ledger.at('2024-12-11T10:00:00Z').recommendation({ type: 'CompleteAction', recommendationId: ID.rec07, actionId: 'bail-breaches' }, owner);

  // REC 03: the course places slip; a new date asked for by the owner, approved by the performance lead.
  await ledger.at('2025-01-06T10:00:00Z').recommendation(
    { type: 'RequestTargetDateChange', recommendationId: ID.rec03, from: '2025-01-31', to: '2025-04-30', reason: 'College of Policing RSDPIP course places for 14 detectives are not available until March 2025' },
    owner,
  );
  await ledger.at('2025-01-08T10:00:00Z').recommendation({ type: 'ApproveTargetDateChange', recommendationId: ID.rec03, comment: 'Agreed; report progress monthly' }, lead);

  // REC 07: both actions done, completion returned once for missing records, then verified and closed.
  await ledger.at('2025-01-22T10:00:00Z').recommendation({ type: 'CompleteAction', recommendationId: ID.rec07, actionId: 'orders-training' }, owner);
  await ledger.at('2025-01-23T10:00:00Z').recommendation(evidence(ID.rec07, 'ev-07-dashboard', 'RASSO breaches dashboard'), owner);
  await ledger.recommendation({ type: 'MarkComplete', recommendationId: ID.rec07, summary: 'Breaches tracked on the dashboard; training delivered', evidenceIds: ['ev-07-dashboard'] }, owner);
  await ledger.at('2025-01-24T10:00:00Z').recommendation({ type: 'ReturnForFurtherWork', recommendationId: ID.rec07, reason: 'Training completion records are missing for 12 staff' }, verifier);
  await ledger.at('2025-01-29T10:00:00Z').recommendation(evidence(ID.rec07, 'ev-07-training', 'Training completion register'), owner);
  await ledger.recommendation(
    { type: 'MarkComplete', recommendationId: ID.rec07, summary: 'Breaches tracked; training register complete', evidenceIds: ['ev-07-dashboard', 'ev-07-training'] },
    owner,
  );
  await ledger.at('2025-02-04T10:00:00Z').recommendation({ type: 'VerifyCompletion', recommendationId: ID.rec07, comment: 'Training records checked' }, verifier);
  await ledger.at('2025-02-10T10:00:00Z').recommendation({ type: 'CloseRecommendation', recommendationId: ID.rec07, comment: 'Signed off at the accountability board' }, signOff);

  await ledger.at('2025-02-12T19:00:00Z').challenge(
    {
      type: 'RaiseChallenge',
      challengeId: PANEL_CHALLENGE,
      forum: 'Police, Fire and Crime Panel',
      meetingDate: '2025-02-12',
      question: 'What is the Constabulary doing about repeat RASSO suspects while the national definition is awaited?',
      answerDueBy: '2025-03-12',
      recommendationId: ID.rec05,
    },
    office,
  );
  await ledger.at('2025-02-14T10:00:00Z').recommendation(
    { type: 'RecordProgress', recommendationId: ID.rec11, narrative: 'Problem profile drafted; flight deck reviewed at the monthly performance board', percentComplete: 50, rag: 'amber' },
    owner,
  );
  await ledger.at('2025-03-03T10:00:00Z').recommendation(
    { type: 'ClearDependency', recommendationId: ID.rec05, dependencyId: 'soteria-definition', note: 'Definition and guidance published by the Soteria Joint Unit' },
    owner,
  );

  // REC 09: done six weeks after the date committed to.
  await ledger.at('2025-03-14T10:00:00Z').recommendation(evidence(ID.rec09, 'ev-09-process', 'DNA and fingerprint retention procedure'), owner);
  await ledger.recommendation({ type: 'MarkComplete', recommendationId: ID.rec09, summary: 'Retention application process in force', evidenceIds: ['ev-09-process'] }, owner);
  await ledger.at('2025-03-19T10:00:00Z').challenge(
    { type: 'AnswerChallenge', challengeId: PANEL_CHALLENGE, answer: 'Repeat suspects are flagged by the RASSO team pending the national definition.', answeredOn: '2025-03-19' },
    office,
  );
  await ledger.at('2025-03-20T10:00:00Z').recommendation(
    { type: 'RequestTargetDateChange', recommendationId: ID.rec11, from: '2025-03-31', to: '2025-09-30', reason: 'Key performance indicators not yet published by the Soteria Joint Unit' },
    owner,
  );
  await ledger.at('2025-03-21T10:00:00Z').recommendation({ type: 'VerifyCompletion', recommendationId: ID.rec09 }, verifier);
  await ledger.at('2025-03-25T10:00:00Z').recommendation({ type: 'ApproveTargetDateChange', recommendationId: ID.rec11 }, lead);
  await ledger.at('2025-03-28T10:00:00Z').recommendation(
    {
      type: 'RecordInspectorateStatus',
      recommendationId: ID.rec07,
      statusText: 'Complete - evidence reviewed at the force liaison meeting',
      statusDate: '2025-03-27',
      source: 'HMICFRS monitoring portal',
      mappedStatus: 'completed',
    },
    { as: liaison },
  );

  await ledger.at('2025-04-15T09:00:00Z').recommendation(evidence(ID.rec03, 'ev-03-training', 'RSDPIP training completion for investigators'), owner);
  await ledger.recommendation({ type: 'MarkComplete', recommendationId: ID.rec03, summary: 'All detectives in investigation roles trained', evidenceIds: ['ev-03-training'] }, owner);
  await ledger.at('2025-04-22T09:00:00Z').recommendation({ type: 'VerifyCompletion', recommendationId: ID.rec03 }, verifier);
  await ledger.at('2025-05-06T09:00:00Z').recommendation({ type: 'CloseRecommendation', recommendationId: ID.rec03 }, signOff);

  await ledger.at('2025-06-20T09:00:00Z').recommendation(
    { type: 'RequestTargetDateChange', recommendationId: ID.rec05, from: '2025-07-31', to: '2025-10-31', reason: 'The new processes need a further quarter to embed' },
    owner,
  );
  await ledger.at('2025-06-25T09:00:00Z').recommendation({ type: 'RefuseTargetDateChange', recommendationId: ID.rec05, reason: "The inspectorate's date stands; escalate resourcing instead" }, lead);
  await ledger.at('2025-07-10T09:00:00Z').recommendation(
    { type: 'RecordProgress', recommendationId: ID.rec05, narrative: 'Repeat suspect flag live in the records system; training under way', percentComplete: 70, rag: 'amber' },
    owner,
  );
  const last = await ledger.at('2025-07-16T19:30:00Z').challenge(
    {
      type: 'RaiseChallenge',
      challengeId: FOLLOW_UP_CHALLENGE,
      forum: 'Police, Fire and Crime Panel',
      meetingDate: '2025-07-16',
      question: 'Will the repeat suspect processes be in place by the inspectorate date of 31 July?',
      answerDueBy: '2025-08-13',
      recommendationId: ID.rec05,
    },
    office,
  );

  return { lastPosition: last.position, correctedProgressEventId: progress.eventIds[0], correctionEventId: correction.eventIds[0] };
}
