import type { CommandName, Role } from '@ledger/application';
import { readSamplePage } from '../../e2e/support/sample-page';
import { evidence, registration } from '../../e2e/support/sample-requests';
import { waitForHistory } from '../../e2e/support/http';
import { bearer, FORCE, type SignedInLedger } from './signed-in-ledger';

/** A command ready to send: everything it needs has been recorded by the people whose roles may. */
export interface Prepared {
  path: string;
  body: Record<string, unknown>;
}

const page = readSamplePage();

const FIRE_INSPECTION = {
  title: 'Cumbria Fire and Rescue Service: effectiveness, efficiency and people',
  inspectionType: 'fire-and-rescue-assessment',
  scope: 'force-specific',
  service: 'fire',
  publishedOn: '2025-01-15',
  findings: [{ reference: 'REC 1', number: 1, findingType: 'recommendation', text: 'The service should review its risk-based inspection programme.' }],
};

let registered = 0;

/** Each registration a title of its own: the same inspection may not be registered twice. */
function fresh(body: Record<string, unknown>): Record<string, unknown> {
  registered += 1;
  return { ...body, title: `${String(body.title)} (${registered})` };
}

class Preparation {
  constructor(private readonly ledger: SignedInLedger) {}

  async send(role: Role, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.ledger.http().post(path).set(bearer(this.ledger.people[role])).send(body);
    if (answer.status >= 300) throw new Error(`preparing: ${role} POST ${path} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown>;
  }

  async inspection(body: Record<string, unknown> = registration(page)): Promise<{ inspectionId: string; findingIds: string[] }> {
    const answer = await this.send('office', '/api/inspections', fresh(body));
    const findingIds = answer.findingIds as string[];
    for (const id of findingIds) await waitForHistory(this.ledger, `/api/recommendations/${id}/history`).then((r) => r.status);
    await this.readable(`/api/statutory-responses/${String(answer.inspectionId)}/history`);
    return { inspectionId: answer.inspectionId as string, findingIds };
  }

  /** A recommendation of a fresh inspection, issued: nothing decided. */
  async issued(): Promise<string> {
    return `/api/recommendations/${(await this.inspection()).findingIds[0]}`;
  }

  /** Accepted, owned by the force lead's own force, with a target date when asked. */
  async owned(options: { targetDate?: boolean } = {}): Promise<string> {
    const rec = await this.issued();
    await this.send('office', `${rec}/accept`, { commitment: 'Train every investigating detective', ...(options.targetDate ? { plannedCompletionDate: '2025-07-31' } : {}) });
    await this.send('office', `${rec}/assign-owner`, { owner: 'Head of Crime', organisation: FORCE });
    return rec;
  }

  async awaitingVerification(): Promise<string> {
    const rec = await this.owned();
    const submitted = await this.send('force-lead', `${rec}/evidence`, evidence('Training register'));
    await this.send('force-lead', `${rec}/mark-complete`, { summary: 'All trained', evidenceIds: [submitted.evidenceId] });
    return rec;
  }

  async verified(): Promise<string> {
    const rec = await this.awaitingVerification();
    await this.send('verifier', `${rec}/verify`, { comment: null });
    return rec;
  }

  private async readable(path: string): Promise<void> {
    const deadline = Date.now() + 5000;
    while ((await this.ledger.http().get(path).set(bearer(this.ledger.people.office))).status === 404 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  }

  async firstEventOf(rec: string, type?: string): Promise<string> {
    const history = await this.ledger.http().get(`${rec}/history`).set(bearer(this.ledger.people.office)).expect(200);
    const events = history.body.events as { id: string; type: string }[];
    return (type === undefined ? events[0] : (events.find((event) => event.type === type) as { id: string })).id;
  }
}

/**
 * For every command of the role table, how to get a fresh aggregate to where the command is
 * accepted, and the command to send: so that each role the table allows gets a 2xx.
 */
export const COMMAND_SCENARIOS: Record<CommandName, (ledger: SignedInLedger) => Promise<Prepared>> = {
  RegisterInspection: async () => ({ path: '/api/inspections', body: fresh(registration(page)) }),
  AmendInspectionDetails: async (l) => ({ path: `/api/inspections/${(await new Preparation(l).inspection()).inspectionId}/amend`, body: { changes: { reportUrl: 'https://example.org/report' }, reason: 'The link was missing' } }),
  AddFinding: async (l) => ({
    path: `/api/inspections/${(await new Preparation(l).inspection()).inspectionId}/findings`,
    body: { finding: { reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: 'Forces should improve victim updates.', dueDate: null }, reason: null },
  }),
  AssessApplicability: async (l) => ({ path: `${await new Preparation(l).issued()}/assess-applicability`, body: { applicable: true } }),
  AcceptRecommendation: async (l) => ({ path: `${await new Preparation(l).issued()}/accept`, body: { commitment: 'Train every investigating detective' } }),
  PartiallyAcceptRecommendation: async (l) => ({
    path: `${await new Preparation(l).issued()}/partially-accept`,
    body: { acceptedScope: 'Adopt the definition', notAcceptedScope: 'A local definition', reason: 'Not yet published', plannedCompletionDate: '2025-07-31' },
  }),
  RejectRecommendation: async (l) => ({ path: `${await new Preparation(l).issued()}/reject`, body: { reason: 'Already in place' } }),
  AssignOwner: async (l) => ({ path: `${await new Preparation(l).owned()}/assign-owner`, body: { owner: 'Detective Superintendent', organisation: FORCE } }),
  SetTargetDate: async (l) => ({ path: `${await new Preparation(l).owned()}/set-target-date`, body: { targetDate: '2025-01-31' } }),
  RequestTargetDateChange: async (l) => ({ path: `${await new Preparation(l).owned({ targetDate: true })}/target-date-changes`, body: { from: '2025-07-31', to: '2025-09-30', reason: 'Training capacity' } }),
  ApproveTargetDateChange: async (l) => ({ path: `${await requested(l)}/target-date-changes/approve`, body: { comment: null } }),
  RefuseTargetDateChange: async (l) => ({ path: `${await requested(l)}/target-date-changes/refuse`, body: { reason: 'Capacity was planned for' } }),
  AddAction: async (l) => ({ path: `${await new Preparation(l).owned()}/actions`, body: { description: 'Brief the teams', owner: 'DCI RASSO', dueDate: '2025-08-31' } }),
  CompleteAction: async (l) => {
    const p = new Preparation(l);
    const rec = await p.owned();
    const added = await p.send('office', `${rec}/actions`, { description: 'Brief the teams', owner: 'DCI RASSO', dueDate: '2025-08-31' });
    return { path: `${rec}/actions/${String(added.actionId)}/complete`, body: {} };
  },
  RecordProgress: async (l) => ({ path: `${await new Preparation(l).owned()}/progress`, body: { narrative: 'Half trained', percentComplete: 50, rag: 'green' } }),
  FlagDependency: async (l) => ({ path: `${await new Preparation(l).owned()}/dependencies`, body: { dependsOn: 'Soteria Joint Unit', description: 'The national guidance' } }),
  ClearDependency: async (l) => {
    const p = new Preparation(l);
    const rec = await p.owned();
    const flagged = await p.send('office', `${rec}/dependencies`, { dependsOn: 'Soteria Joint Unit', description: 'The national guidance' });
    return { path: `${rec}/dependencies/${String(flagged.dependencyId)}/clear`, body: { note: 'Guidance published' } };
  },
  SubmitEvidence: async (l) => ({ path: `${await new Preparation(l).owned()}/evidence`, body: evidence('Training register') }),
  MarkComplete: async (l) => {
    const p = new Preparation(l);
    const rec = await p.owned();
    const submitted = await p.send('office', `${rec}/evidence`, evidence('Training register'));
    return { path: `${rec}/mark-complete`, body: { summary: 'All trained', evidenceIds: [submitted.evidenceId] } };
  },
  VerifyCompletion: async (l) => ({ path: `${await new Preparation(l).awaitingVerification()}/verify`, body: { comment: 'Checked' } }),
  ReturnForFurtherWork: async (l) => ({ path: `${await new Preparation(l).awaitingVerification()}/return-for-further-work`, body: { reason: 'No evidence of use' } }),
  CloseRecommendation: async (l) => ({ path: `${await new Preparation(l).verified()}/close`, body: { comment: 'Signed off' } }),
  RecordInspectorateStatus: async (l) => ({
    path: `${await new Preparation(l).owned()}/inspectorate-status`,
    body: { statusText: 'In progress', statusDate: '2025-06-01', source: 'HMICFRS monitoring portal', mappedStatus: 'in-progress' },
  }),
  RecordInspectorateClosure: async (l) => {
    const p = new Preparation(l);
    const rec = await p.verified();
    await p.send('commissioner', `${rec}/close`, {});
    return { path: `${rec}/inspectorate-closure`, body: { outcome: 'closed', closedOn: '2025-05-01', source: 'HMICFRS letter' } };
  },
  Supersede: async (l) => ({ path: `${await new Preparation(l).owned()}/supersede`, body: { supersededBy: 'The 2025 revisit', reason: 'Replaced' } }),
  MarkNoLongerRelevant: async (l) => ({ path: `${await new Preparation(l).owned()}/no-longer-relevant`, body: { reason: 'The national model changed' } }),
  Reopen: async (l) => {
    const p = new Preparation(l);
    const rec = await p.owned();
    await p.send('office', `${rec}/no-longer-relevant`, { reason: 'The national model changed' });
    return { path: `${rec}/reopen`, body: { reason: 'It changed back' } };
  },
  CorrectEntry: async (l) => {
    const p = new Preparation(l);
    const rec = await p.owned();
    return { path: `${rec}/corrections`, body: { correctsEventId: await p.firstEventOf(rec), whatWasWrong: 'The reference was typed wrongly', reason: 'Typing error' } };
  },
  CorrectEntryDate: async (l) => {
    const p = new Preparation(l);
    const rec = await p.owned();
    return { path: `${rec}/date-corrections`, body: { correctsEventId: await p.firstEventOf(rec, 'RecommendationAccepted'), correctOccurredAt: '2024-10-10', reason: 'The response is dated 10 October 2024' } };
  },
  InviteChiefOfficerComments: async (l) => ({ path: `${await statutory(l)}/invite-chief-officer-comments`, body: { invitedOn: '2024-08-23', commentsDueBy: '2024-09-20' } }),
  RecordChiefOfficerComments: async (l) => ({ path: `${await statutory(l, ['invite'])}/chief-officer-comments`, body: { receivedOn: '2024-09-18', comments: 'I welcome the report.' } }),
  RecordCommissionerComments: async (l) => ({ path: `${await statutory(l)}/commissioner-comments`, body: { madeOn: '2024-09-25', comments: 'I welcome the publication.' } }),
  RecordReplyToChiefOfficer: async (l) => ({ path: `${await statutory(l, ['invite', 'chief'])}/reply-to-chief-officer`, body: { madeOn: '2024-09-26', reply: 'I will review it.' } }),
  PublishStatutoryResponse: async (l) => ({ path: `${await statutory(l, ['decide'])}/publish`, body: { publishedOn: '2024-10-10', url: 'https://example.org/response' } }),
  RecordCopySent: async (l) => ({ path: `${await statutory(l, ['decide', 'publish'])}/copies`, body: { recipient: 'HMICFRS', sentOn: '2024-10-10' } }),
  PublishActionPlan: async (l) => {
    const p = new Preparation(l);
    const fire = await p.inspection(FIRE_INSPECTION);
    await p.send('office', `/api/recommendations/${fire.findingIds[0]}/accept`, { commitment: 'Review the programme' });
    return { path: `/api/statutory-responses/${fire.inspectionId}/action-plan`, body: { publishedOn: '2025-03-01', url: 'https://example.org/plan' } };
  },
  CorrectStatutoryDate: async (l) => ({
    path: `${await statutory(l, ['invite'])}/date-corrections`,
    body: { step: 'invitation', correctDate: '2024-08-24', reason: 'The letter went a day later' },
  }),
  RaiseChallenge: async () => ({ path: '/api/challenges', body: CHALLENGE }),
  AnswerChallenge: async (l) => ({ path: `/api/challenges/${await raised(l)}/answer`, body: { answer: 'It was reviewed.', answeredOn: '2025-02-20' } }),
  CloseChallenge: async (l) => ({ path: `/api/challenges/${await raised(l)}/close`, body: { outcome: 'Satisfied', closedOn: '2025-03-04' } }),
  // Each allowed role switches it the other way from where the one before left it.
  SetPublicRegister: async () => ({ path: '/api/public-register', body: { enabled: (publicRegisterSwitches++ % 2) === 0 } }),
};

let publicRegisterSwitches = 0;

const CHALLENGE = { forum: 'Police and Crime Panel', meetingDate: '2025-02-04', question: 'Is the training on track?', answerDueBy: '2025-03-04' };

async function requested(ledger: SignedInLedger): Promise<string> {
  const p = new Preparation(ledger);
  const rec = await p.owned({ targetDate: true });
  await p.send('force-lead', `${rec}/target-date-changes`, { from: '2025-07-31', to: '2025-09-30', reason: 'Training capacity' });
  return rec;
}

async function raised(ledger: SignedInLedger): Promise<string> {
  return String((await new Preparation(ledger).send('scrutiny', '/api/challenges', CHALLENGE)).challengeId);
}

async function statutory(ledger: SignedInLedger, steps: ('invite' | 'chief' | 'decide' | 'publish')[] = []): Promise<string> {
  const p = new Preparation(ledger);
  const { inspectionId, findingIds } = await p.inspection();
  const response = `/api/statutory-responses/${inspectionId}`;
  if (steps.includes('invite') || steps.includes('chief')) await p.send('office', `${response}/invite-chief-officer-comments`, { invitedOn: '2024-08-23', commentsDueBy: '2024-09-20' });
  if (steps.includes('chief')) await p.send('office', `${response}/chief-officer-comments`, { receivedOn: '2024-09-18', comments: 'I welcome the report.' });
  if (steps.includes('decide')) {
    for (const id of findingIds) await p.send('office', `/api/recommendations/${id}/accept`, { commitment: 'We will do it' });
    await p.send('commissioner', `${response}/commissioner-comments`, { madeOn: '2024-09-25', comments: 'I welcome the publication.' });
  }
  if (steps.includes('publish')) await p.send('commissioner', `${response}/publish`, { publishedOn: '2024-10-10', url: 'https://example.org/response' });
  return response;
}
