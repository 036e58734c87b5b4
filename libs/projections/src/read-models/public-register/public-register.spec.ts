import { randomUUID } from 'node:crypto';
import { actionOwner, issueFinding, officeStaff, performanceLead, REC_03, REC_05 } from '@ledger/domain/recommendation/sample-recommendations.fixture';
import { SAMPLE_INSPECTION_ID, sampleInspectionRegistered } from '@ledger/domain/inspection/sample-inspection.fixture';
import { PUBLIC_METADATA_FIELDS, PUBLIC_REGISTER_STREAM, publicDataOf, type RecommendationCommand } from '@ledger/domain';
import type { EventStore, JsonObject, RecordedEvent } from '@ledger/event-store';
import { ledgerDigest } from '@ledger/integrity';
import { ScratchReadModels } from '../shared/scratch-read-models';
import { DecidedLog } from '../testing/decided-log.fixture';
import { publicRegisterProjection } from './public-register.projection';
import {
  allPublicRegisterInspections,
  findPublicInspection,
  publicChanges,
  publicFindingsOf,
  publicLedgerState,
  publishedInspections,
  publicTargetDateRevisions,
} from './public-register.queries';

/**
 * The sample inspection, its statutory response and two findings, written as the ledger would:
 * the recommendations by the domain's deciders, the rest as stored events. Each event carries a
 * hash (made up: the digest only chains them), and an idempotency record sits in the log as the
 * API leaves them.
 */
class PublicLog {
  private readonly decided = new DecidedLog();
  readonly events: RecordedEvent[] = [];

  stored(streamId: string, type: string, data: object, at: string): void {
    this.push({ streamId, revision: 0n, position: 0n, id: randomUUID(), type, data: data as JsonObject, metadata: envelope(at), created: new Date(at) });
  }

  /** The events the command recorded, ids as in the log. */
  recommendation(day: string, by: typeof officeStaff, command: RecommendationCommand): RecordedEvent[] {
    const decided = this.decided.recommendation(command, { by, at: `${day}T10:00:00Z` });
    decided.forEach((event) => this.push(event));
    return decided;
  }

  private push(event: RecordedEvent): void {
    const position = BigInt(this.events.length + 1);
    this.events.push({ ...event, position, metadata: { ...event.metadata, hash: `hash-${position}` } });
  }
}

function envelope(at: string): JsonObject {
  return { actor: { id: officeStaff.id, name: officeStaff.name, role: officeStaff.role, organisation: officeStaff.organisation }, occurredAt: at, recordedAt: at, schemaVersion: 1, source: 'api' };
}

const statutory = `statutory-response-${SAMPLE_INSPECTION_ID}`;
const rec03 = REC_03.findingId;

function sampleLog(): PublicLog {
  const log = new PublicLog();
  const { type: _type, ...registered } = sampleInspectionRegistered;
  log.stored(`inspection-${SAMPLE_INSPECTION_ID}`, 'InspectionRegistered', registered, '2024-08-27T09:00:00Z');
  log.stored(statutory, 'StatutoryResponseOpened', { inspectionId: SAMPLE_INSPECTION_ID, service: 'police', reportPublishedOn: '2024-08-22', responsePeriodDays: 56, deadline: '2024-10-16' }, '2024-08-27T09:01:00Z');
  log.stored(statutory, 'StatutoryTimetableRevised', { inspectionId: SAMPLE_INSPECTION_ID, service: 'police', reportPublishedOn: '2024-08-22', responsePeriodDays: 70, deadline: '2024-10-30', reason: 'Agreed extension' }, '2024-09-01T09:00:00Z');
  log.recommendation('2024-08-27', officeStaff, issueFinding(REC_03));
  log.recommendation('2024-08-27', officeStaff, issueFinding(REC_05));
  log.stored('idempotency-some-command', 'CommandRecorded', { commandId: 'x' }, '2024-08-27T10:00:00Z');
  log.recommendation('2024-09-25', officeStaff, { type: 'AcceptRecommendation', recommendationId: rec03, commitment: 'Train every detective', plannedCompletionDate: '2025-01-31' });
  log.recommendation('2024-10-03', officeStaff, { type: 'AssignOwner', recommendationId: rec03, owner: 'Head of L&D', organisation: 'Cumbria Constabulary' });
  log.recommendation('2025-01-06', officeStaff, { type: 'RequestTargetDateChange', recommendationId: rec03, from: '2025-01-31', to: '2025-04-30', reason: 'Course places' });
  log.recommendation('2025-01-08', performanceLead, { type: 'ApproveTargetDateChange', recommendationId: rec03 });
  return log;
}

function project(events: readonly RecordedEvent[]): ScratchReadModels {
  const scratch = ScratchReadModels.create([publicRegisterProjection]);
  events.forEach((event) => scratch.apply(event));
  return scratch;
}

function withScratch<T>(events: readonly RecordedEvent[], read: (scratch: ScratchReadModels) => T): T {
  const scratch = project(events);
  try {
    return read(scratch);
  } finally {
    scratch.close();
  }
}

describe('public register read model', () => {
  it('keeps each finding of the inspection in its order, with its current status (by the domain: an owner starts the work), owner organisation and target date', () => {
    const findings = withScratch(sampleLog().events, (scratch) => publicFindingsOf(scratch, SAMPLE_INSPECTION_ID));
    expect(findings.map((f) => [f.reference, f.status, f.targetDate, f.targetDateRevisions, f.ownerOrganisation])).toEqual([
      ['REC 03', 'InProgress', '2025-04-30', 2, 'Cumbria Constabulary'],
      ['REC 05', 'Issued', null, 0, null],
    ]);
  });

  it('keeps every target date set or approved, in order, with the day and the reason; a request not yet approved is not one', () => {
    const log = sampleLog();
    log.recommendation('2025-02-01', officeStaff, { type: 'RequestTargetDateChange', recommendationId: rec03, from: '2025-04-30', to: '2025-06-30', reason: 'Still waiting' });
    const revisions = withScratch(log.events, (scratch) => publicTargetDateRevisions(scratch, SAMPLE_INSPECTION_ID).get(rec03));
    expect(revisions).toEqual([
      { on: '2024-09-25', from: null, to: '2025-01-31', reason: null },
      { on: '2025-01-08', from: '2025-01-31', to: '2025-04-30', reason: 'Course places' },
    ]);
  });

  it('dates a completion handed in by the day it happened', () => {
    const log = sampleLog();
    log.recommendation('2025-03-01', actionOwner, { type: 'SubmitEvidence', recommendationId: rec03, evidenceId: 'ev-1', title: 'Register', reference: 'DOC-1', sha256: 'b'.repeat(64), classification: 'OFFICIAL' });
    log.recommendation('2025-03-01', actionOwner, { type: 'MarkComplete', recommendationId: rec03, summary: 'Done', evidenceIds: ['ev-1'] });
    const completed = withScratch(log.events, (scratch) => publicFindingsOf(scratch, SAMPLE_INSPECTION_ID)[0]);
    expect([completed.status, completed.completedOn]).toEqual(['AwaitingVerification', '2025-03-01']);
  });

  it('makes an inspection public only once its response is published, and then lists its changes, latest first', () => {
    const log = sampleLog();
    withScratch(log.events, (scratch) => {
      expect(publishedInspections(scratch)).toEqual([]);
      expect(publicChanges(scratch, 10)).toEqual([]);
      expect(allPublicRegisterInspections(scratch).map((i) => [i.inspectionId, i.responseDeadline, i.deadlineRevisions])).toEqual([[SAMPLE_INSPECTION_ID, '2024-10-30', 1]]);
    });
    log.stored(statutory, 'StatutoryResponsePublished', { inspectionId: SAMPLE_INSPECTION_ID, publishedOn: '2024-10-10', url: 'https://example.org/response' }, '2024-10-10T12:00:00Z');
    withScratch(log.events, (scratch) => {
      expect(publishedInspections(scratch).map((i) => [i.inspectionId, i.responsePublishedOn, i.responseUrl])).toEqual([[SAMPLE_INSPECTION_ID, '2024-10-10', 'https://example.org/response']]);
      expect(publicChanges(scratch, 10).map((c) => c.title)).toEqual([
        `Statutory response published: ${sampleInspectionRegistered.title}`,
        'REC 03: target date changed from 2025-01-31 to 2025-04-30',
        'REC 03: in progress',
        'REC 03: target date set to 2025-01-31',
        'REC 03: accepted',
      ]);
      expect(findPublicInspection(scratch, 'no-such-inspection')).toBeUndefined();
    });
  });

  it('names no person: owners appear as their organisation only', () => {
    const rows = withScratch(sampleLog().events, (scratch) => JSON.stringify([publicFindingsOf(scratch, SAMPLE_INSPECTION_ID), allPublicRegisterInspections(scratch), publicChanges(scratch, 100)]));
    for (const name of ['Head of L&D', officeStaff.name, performanceLead.name]) expect(rows).not.toContain(name);
  });

  it('follows the office switching the register on and off', () => {
    const log = sampleLog();
    expect(withScratch(log.events, (scratch) => publicLedgerState(scratch).registerEnabled)).toBe(false);
    log.stored(PUBLIC_REGISTER_STREAM, 'PublicRegisterEnabled', {}, '2024-10-11T09:00:00Z');
    expect(withScratch(log.events, (scratch) => publicLedgerState(scratch).registerEnabled)).toBe(true);
    log.stored(PUBLIC_REGISTER_STREAM, 'PublicRegisterDisabled', {}, '2024-10-12T09:00:00Z');
    expect(withScratch(log.events, (scratch) => publicLedgerState(scratch).registerEnabled)).toBe(false);
  });

  it('shows nothing but the fields the public export discloses (PUBLIC_EVENT_FIELDS): the same register from events cut down to them', () => {
    const log = sampleLog();
    log.recommendation('2025-03-01', actionOwner, { type: 'SubmitEvidence', recommendationId: rec03, evidenceId: 'ev-1', title: 'Register', reference: 'DOC-1', sha256: 'b'.repeat(64), classification: 'OFFICIAL' });
    log.recommendation('2025-03-01', actionOwner, { type: 'MarkComplete', recommendationId: rec03, summary: 'Done', evidenceIds: ['ev-1'] });
    log.stored(statutory, 'StatutoryResponsePublished', { inspectionId: SAMPLE_INSPECTION_ID, publishedOn: '2024-10-10', url: 'https://example.org/response' }, '2024-10-10T12:00:00Z');
    // What the public export keeps of each event: its disclosed data, its dates and its hashes; the recorder is a stand-in, as the projection wants one.
    const cut = log.events.map((event) => ({
      ...event,
      data: publicDataOf(event.type, event.data) as JsonObject,
      metadata: { ...Object.fromEntries(['hash', 'prevHash', ...PUBLIC_METADATA_FIELDS].map((field) => [field, event.metadata[field] ?? null])), actor: { id: '', name: '', role: '', organisation: '' } } as JsonObject,
    }));
    // The owner's organisation is kept for the signed-in calendars only: no public page shows it.
    const shown = (scratch: ScratchReadModels) => ({
      published: publishedInspections(scratch),
      inspections: allPublicRegisterInspections(scratch),
      findings: publicFindingsOf(scratch, SAMPLE_INSPECTION_ID).map(({ ownerOrganisation: _owner, ...finding }) => finding),
      revisions: [...publicTargetDateRevisions(scratch, SAMPLE_INSPECTION_ID).entries()],
      changes: publicChanges(scratch, 100),
      ledger: publicLedgerState(scratch),
    });
    const full = withScratch(log.events, shown);
    expect(full.findings.map((f) => f.status)).toEqual(['AwaitingVerification', 'Issued']);
    expect(full.changes.length).toBeGreaterThan(4);
    expect(withScratch(cut, shown)).toEqual(full);
  });

  it('keeps the same ledger digest and count as the integrity library over the same log, leaving out bookkeeping', async () => {
    const { events } = sampleLog();
    const store = { readAll: async function* () { yield* events; } } as unknown as EventStore;
    const expected = await ledgerDigest(store);
    const state = withScratch(events, (scratch) => publicLedgerState(scratch));
    expect({ digest: state.digest, events: state.events }).toEqual({ digest: expected.digest, events: expected.events });
    expect(state.events).toBe(events.length - 1);
    expect(state.position).toBe(events[events.length - 1].position);
  });
});

describe('public register after a date correction', () => {
  /** The sample log, published, with REC 03 reported complete on 10 March 2025: the completion's id beside it. */
  function completedLog(): { log: PublicLog; completion: string } {
    const log = sampleLog();
    log.stored(statutory, 'StatutoryResponsePublished', { inspectionId: SAMPLE_INSPECTION_ID, publishedOn: '2024-10-10', url: 'https://example.org/response' }, '2024-10-10T12:00:00Z');
    log.recommendation('2025-03-10', actionOwner, { type: 'SubmitEvidence', recommendationId: rec03, evidenceId: 'ev-1', title: 'Register', reference: 'DOC-1', sha256: 'b'.repeat(64), classification: 'OFFICIAL' });
    const [completion] = log.recommendation('2025-03-10', actionOwner, { type: 'MarkComplete', recommendationId: rec03, summary: 'Done', evidenceIds: ['ev-1'] });
    return { log, completion: completion.id };
  }
  const correct = (log: PublicLog, day: string, correctsEventId: string, correctOccurredAt: string) =>
    log.recommendation(day, officeStaff, { type: 'CorrectEntryDate', recommendationId: rec03, correctsEventId, correctOccurredAt, reason: 'The force reported it on that day' });
  const changeDays = (scratch: ScratchReadModels) => Object.fromEntries(publicChanges(scratch, 100).map((c) => [c.title, c.on]));

  it('given a completion re-dated from 10 to 3 March, shows it completed, and its public change, on 3 March; the earlier changes keep their days', () => {
    const { log, completion } = completedLog();
    correct(log, '2025-03-20', completion, '2025-03-03');
    withScratch(log.events, (scratch) => {
      expect(publicFindingsOf(scratch, SAMPLE_INSPECTION_ID)[0].completedOn).toBe('2025-03-03');
      expect(changeDays(scratch)).toMatchObject({ 'REC 03: reported complete': '2025-03-03', 'REC 03: accepted': '2024-09-25', 'REC 03: target date changed from 2025-01-31 to 2025-04-30': '2025-01-08' });
    });
  });

  it('given the same completion corrected twice, shows the latest correction\'s day', () => {
    const { log, completion } = completedLog();
    correct(log, '2025-03-20', completion, '2025-03-03');
    correct(log, '2025-03-21', completion, '2025-03-05');
    withScratch(log.events, (scratch) => {
      expect(publicFindingsOf(scratch, SAMPLE_INSPECTION_ID)[0].completedOn).toBe('2025-03-05');
      expect(changeDays(scratch)['REC 03: reported complete']).toBe('2025-03-05');
    });
  });

  it('given a completion handed back for further work and then re-dated, shows no completion', () => {
    const { log, completion } = completedLog();
    log.recommendation('2025-03-12', performanceLead, { type: 'ReturnForFurtherWork', recommendationId: rec03, reason: 'Records missing' });
    expect(withScratch(log.events, (scratch) => publicFindingsOf(scratch, SAMPLE_INSPECTION_ID)[0].completedOn)).toBeNull();
    correct(log, '2025-03-20', completion, '2025-03-03');
    const finding = withScratch(log.events, (scratch) => publicFindingsOf(scratch, SAMPLE_INSPECTION_ID)[0]);
    expect([finding.status, finding.completedOn]).toEqual(['InProgress', null]);
  });

  it('given a closure re-dated, shows the finding closed on the corrected day and the completion on its own', () => {
    const { log } = completedLog();
    log.recommendation('2025-03-12', performanceLead, { type: 'VerifyCompletion', recommendationId: rec03 });
    const [closure] = log.recommendation('2025-03-14', performanceLead, { type: 'CloseRecommendation', recommendationId: rec03 });
    correct(log, '2025-03-20', closure.id, '2025-03-13');
    const finding = withScratch(log.events, (scratch) => publicFindingsOf(scratch, SAMPLE_INSPECTION_ID)[0]);
    expect([finding.completedOn, finding.closedOn]).toEqual(['2025-03-10', '2025-03-13']);
  });

  const correctStatutory = (log: PublicLog, step: string, correctDate: string) =>
    log.stored(statutory, 'StatutoryDateCorrected', { inspectionId: SAMPLE_INSPECTION_ID, step, field: step === 'publication' ? 'publishedOn' : 'invitedOn', recordedDate: '2024-10-10', correctDate, reason: 'Typed in from the web page' }, '2025-03-20T09:00:00Z');
  const publication = (scratch: ScratchReadModels) => {
    const [inspection] = publishedInspections(scratch);
    return [inspection.responsePublishedOn, changeDays(scratch)[`Statutory response published: ${sampleInspectionRegistered.title}`]];
  };

  it('given the response\'s publication date corrected from 10 to 8 October, shows the response, and its public change, published on 8 October', () => {
    const { log } = completedLog();
    expect(withScratch(log.events, publication)).toEqual(['2024-10-10', '2024-10-10']);
    correctStatutory(log, 'publication', '2024-10-08');
    withScratch(log.events, (scratch) => {
      expect(publication(scratch)).toEqual(['2024-10-08', '2024-10-08']);
      expect(changeDays(scratch)).toMatchObject({ 'REC 03: reported complete': '2025-03-10', 'REC 03: accepted': '2024-09-25' });
    });
  });

  it('given the action plan published after the response and then its date corrected, moves the action plan\'s day only', () => {
    const { log } = completedLog();
    log.stored(statutory, 'ActionPlanPublished', { inspectionId: SAMPLE_INSPECTION_ID, publishedOn: '2024-11-20', url: 'https://example.org/plan' }, '2024-11-20T12:00:00Z');
    correctStatutory(log, 'publication', '2024-11-18');
    withScratch(log.events, (scratch) => {
      expect(publishedInspections(scratch).map((i) => i.responsePublishedOn)).toEqual(['2024-11-18']);
      expect(changeDays(scratch)).toMatchObject({ [`Action plan published: ${sampleInspectionRegistered.title}`]: '2024-11-18', [`Statutory response published: ${sampleInspectionRegistered.title}`]: '2024-10-10' });
    });
  });

  it('given another statutory step\'s date corrected, changes nothing on the public record', () => {
    const { log } = completedLog();
    const before = withScratch(log.events, (scratch) => [publishedInspections(scratch), publicChanges(scratch, 100)]);
    correctStatutory(log, 'invitation', '2024-09-02');
    expect(withScratch(log.events, (scratch) => [publishedInspections(scratch), publicChanges(scratch, 100)])).toEqual(before);
  });

  it('given an approved change of target date re-dated, shows the revision and its public change on the corrected day; the first target date keeps its day', () => {
    const { log } = completedLog();
    const approval = log.events.find((event) => event.type === 'RecommendationTargetDateChangeApproved');
    correct(log, '2025-03-20', String(approval?.id), '2025-01-07');
    withScratch(log.events, (scratch) => {
      expect(publicTargetDateRevisions(scratch, SAMPLE_INSPECTION_ID).get(rec03)?.map((r) => [r.on, r.to])).toEqual([
        ['2024-09-25', '2025-01-31'],
        ['2025-01-07', '2025-04-30'],
      ]);
      expect(changeDays(scratch)).toMatchObject({ 'REC 03: target date changed from 2025-01-31 to 2025-04-30': '2025-01-07', 'REC 03: target date set to 2025-01-31': '2024-09-25' });
    });
  });
});
