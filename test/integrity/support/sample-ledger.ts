import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type EventStore, type JsonObject, SqliteEventStore } from '@ledger/event-store';
import { HashChainedEventStore } from '@ledger/integrity';

/**
 * A small ledger recorded the way the application records it (through the hash chain): the
 * sample inspection (Cumbria, RASSO national operating model, 2024) with its five recommendations,
 * REC 03 taken from acceptance to closure, REC 05 with an approved target-date change, and a fire
 * inspection recorded by the fire service, so that every export filter has something to choose.
 */
export const SAMPLE_INSPECTION_ID = 'rasso-nom-2024';
export const FIRE_INSPECTION_ID = 'fire-effectiveness-2025';

const office = { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
const performanceLead = { id: 'opfcc-performance-lead', name: 'Performance Lead', role: 'office', organisation: 'Cumbria OPFCC' };
const actionOwner = { id: 'cc-ppu-lead', name: 'Head of Public Protection', role: 'action-owner', organisation: 'Cumbria Constabulary' };
const fireOfficer = { id: 'cfrs-planning', name: 'Planning Manager', role: 'action-owner', organisation: 'Cumbria Fire and Rescue Service' };
const chiefConstable = { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };

const FINDINGS = [
  { number: 3, dueDate: '2025-01-31', text: 'By 31 January 2025, all forces should make sure personnel working on rape and other serious sexual offences receive College of Policing approved training on the investigation of word-on-word cases.' },
  { number: 5, dueDate: '2025-07-31', text: 'By 31 July 2025, chief constables should make sure their forces use the new definition of repeat rape and other serious sexual offences suspects to identify and manage them.' },
  { number: 7, dueDate: '2025-01-31', text: 'By 31 January 2025, all chief constables should make sure their forces prioritise identifying and disrupting RASSO suspects.' },
  { number: 9, dueDate: '2025-01-31', text: 'By 31 January 2025, chief constables should make sure their forces have good processes in place for applying to retain DNA and fingerprints.' },
  { number: 11, dueDate: '2025-03-31', text: 'By 31 March 2025, all chief constables should make sure that, as part of adopting the National Operating Model, their forces develop a RASSO problem profile.' },
].map((finding) => ({
  findingId: `finding-rec-${String(finding.number).padStart(2, '0')}`,
  reference: `REC ${String(finding.number).padStart(2, '0')}`,
  number: finding.number,
  findingType: 'recommendation',
  text: finding.text,
  subItems: [],
  addressees: ['all forces'],
  dueDate: finding.dueDate,
  immediate: false,
  relatedRecommendations: [],
}));

export const REC_03_STREAM = 'recommendation-finding-rec-03';
export const REC_05_STREAM = 'recommendation-finding-rec-05';

interface Step {
  stream: string;
  type: string;
  data: JsonObject;
  actor: typeof office;
  at: string;
  onBehalfOf?: typeof chiefConstable;
}

function metadata(step: Step): JsonObject {
  const commandId = randomUUID();
  return {
    actor: step.actor,
    ...(step.onBehalfOf ? { onBehalfOf: step.onBehalfOf } : {}),
    occurredAt: step.at,
    recordedAt: step.at,
    $correlationId: commandId,
    $causationId: commandId,
    commandId,
    schemaVersion: 1,
    source: 'api',
  };
}

function steps(): Step[] {
  const rec = (number: number) => `recommendation-finding-rec-${String(number).padStart(2, '0')}`;
  const recommendationId = (number: number) => `finding-rec-${String(number).padStart(2, '0')}`;
  const list: Step[] = [
    {
      stream: `inspection-${SAMPLE_INSPECTION_ID}`,
      type: 'InspectionRegistered',
      actor: office,
      at: '2024-08-23T09:00:00.000Z',
      data: {
        inspectionId: SAMPLE_INSPECTION_ID,
        title: 'Progress to introduce a national operating model for rape and other serious sexual offences investigations.',
        hmicfrsReference: null,
        inspectionType: 'national-thematic',
        typeAsWritten: 'National Thematic',
        scope: 'national',
        service: 'police',
        publishedOn: '2024-08-22',
        reportUrl: null,
        keyFindingsHtml: '<p>Operation Soteria is an unprecedented programme.</p>',
        findings: FINDINGS,
      },
    },
    ...FINDINGS.map((finding) => ({
      stream: rec(finding.number),
      type: 'FindingIssued',
      actor: office,
      at: '2024-08-23T09:00:01.000Z',
      data: {
        recommendationId: finding.findingId,
        inspectionId: SAMPLE_INSPECTION_ID,
        reference: finding.reference,
        number: finding.number,
        findingType: finding.findingType,
        text: finding.text,
        subItems: finding.subItems,
        addressees: finding.addressees,
        dueDate: finding.dueDate,
        immediate: false,
      },
    })),
    {
      stream: `statutory-response-${SAMPLE_INSPECTION_ID}`,
      type: 'StatutoryResponseOpened',
      actor: office,
      at: '2024-08-23T09:00:02.000Z',
      data: { inspectionId: SAMPLE_INSPECTION_ID, service: 'police', reportPublishedOn: '2024-08-22', responsePeriodDays: 56, deadline: '2024-10-16' },
    },
    {
      stream: rec(3),
      type: 'RecommendationAccepted',
      actor: office,
      onBehalfOf: chiefConstable,
      at: '2024-10-01T10:00:00.000Z',
      data: {
        recommendationId: recommendationId(3),
        commitment: "Cumbria Constabulary will have all detectives performing investigation roles trained in 'RASSO Investigative Skills Development Programme' (RSDPIP) by the end of January 2025.",
        plannedCompletionDate: '2025-01-31',
      },
    },
    { stream: rec(3), type: 'RecommendationTargetDateSet', actor: office, at: '2024-10-01T10:00:01.000Z', data: { recommendationId: recommendationId(3), targetDate: '2025-01-31' } },
    { stream: rec(5), type: 'RecommendationAccepted', actor: office, onBehalfOf: chiefConstable, at: '2024-10-01T10:05:00.000Z', data: { recommendationId: recommendationId(5), commitment: 'Adopt the national definition once the Soteria Joint Unit publishes it.', plannedCompletionDate: '2025-07-31' } },
    { stream: rec(5), type: 'RecommendationTargetDateSet', actor: office, at: '2024-10-01T10:05:01.000Z', data: { recommendationId: recommendationId(5), targetDate: '2025-07-31' } },
    { stream: rec(3), type: 'RecommendationOwnerAssigned', actor: office, at: '2024-10-02T09:00:00.000Z', data: { recommendationId: recommendationId(3), owner: 'Head of Public Protection Unit', organisation: 'Cumbria Constabulary', previousOwner: null } },
    { stream: rec(3), type: 'RecommendationWorkStarted', actor: office, at: '2024-10-02T09:00:01.000Z', data: { recommendationId: recommendationId(3) } },
    { stream: rec(3), type: 'RecommendationProgressRecorded', actor: actionOwner, at: '2024-12-02T15:30:00.000Z', data: { recommendationId: recommendationId(3), narrative: '180 of 210 detectives trained, "on track".', percentComplete: 85, rag: 'green' } },
    { stream: rec(5), type: 'RecommendationTargetDateChangeRequested', actor: actionOwner, at: '2025-03-03T11:00:00.000Z', data: { recommendationId: recommendationId(5), from: '2025-07-31', to: '2025-10-31', reason: 'The national definition was published late, in March 2025.', requestedBy: actionOwner.id } },
    { stream: rec(5), type: 'RecommendationTargetDateChangeApproved', actor: performanceLead, at: '2025-03-05T14:00:00.000Z', data: { recommendationId: recommendationId(5), from: '2025-07-31', to: '2025-10-31', reason: 'The national definition was published late, in March 2025.', requestedBy: actionOwner.id, approvedBy: performanceLead.id, comment: null } },
    { stream: rec(3), type: 'RecommendationMarkedComplete', actor: actionOwner, at: '2025-02-03T09:00:00.000Z', data: { recommendationId: recommendationId(3), summary: 'Every detective in an investigation role completed RSDPIP by 31 January 2025.', evidenceIds: [], markedCompleteBy: actionOwner.id } },
    { stream: rec(3), type: 'RecommendationCompletionVerified', actor: performanceLead, at: '2025-02-10T09:00:00.000Z', data: { recommendationId: recommendationId(3), verifiedBy: performanceLead.id, markedCompleteBy: actionOwner.id, comment: null } },
    { stream: rec(3), type: 'RecommendationClosed', actor: office, at: '2025-02-11T09:00:00.000Z', data: { recommendationId: recommendationId(3), comment: '=SUM(A1) stays text in the CSV' } },
    {
      stream: `inspection-${FIRE_INSPECTION_ID}`,
      type: 'InspectionRegistered',
      actor: office,
      at: '2025-04-01T09:00:00.000Z',
      data: {
        inspectionId: FIRE_INSPECTION_ID,
        title: 'Cumbria Fire and Rescue Service: effectiveness, efficiency and people 2025',
        hmicfrsReference: null,
        inspectionType: 'fire-and-rescue-assessment',
        typeAsWritten: 'Fire and rescue inspection',
        scope: 'force-specific',
        service: 'fire',
        publishedOn: '2025-03-28',
        reportUrl: null,
        keyFindingsHtml: '<p>Prevention work needs to improve.</p>',
        findings: [{ findingId: 'finding-afi-1', reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: 'The service should make sure it targets its prevention work at people most at risk.', subItems: [], addressees: ['Cumbria Fire and Rescue Service'], dueDate: null, immediate: false, relatedRecommendations: [] }],
      },
    },
    {
      stream: 'recommendation-finding-afi-1',
      type: 'FindingIssued',
      actor: office,
      at: '2025-04-01T09:00:01.000Z',
      data: { recommendationId: 'finding-afi-1', inspectionId: FIRE_INSPECTION_ID, reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: 'The service should make sure it targets its prevention work at people most at risk.', subItems: [], addressees: ['Cumbria Fire and Rescue Service'], dueDate: null, immediate: false },
    },
    { stream: 'recommendation-finding-afi-1', type: 'RecommendationAccepted', actor: fireOfficer, at: '2025-04-15T09:00:00.000Z', data: { recommendationId: 'finding-afi-1', commitment: 'Risk-based prevention plan, with partners, by September 2025.', plannedCompletionDate: '2025-09-30' } },
  ];
  return list.sort((a, b) => a.at.localeCompare(b.at));
}

/** Records the sample through a HashChainedEventStore. */
export async function recordSampleLedger(store: EventStore): Promise<void> {
  const chained = new HashChainedEventStore(store);
  for (const step of steps()) {
    await chained.append(step.stream, [{ id: randomUUID(), type: step.type, data: step.data, metadata: metadata(step) }], 'any');
  }
}

export interface TempLedger {
  dataDir: string;
  file: string;
  store: SqliteEventStore;
  dispose(): Promise<void>;
}

/** A fresh data folder holding the sample ledger in its embedded store (events.sqlite), left open. */
export async function sampleLedgerInTempDir(): Promise<TempLedger> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  const file = path.join(dataDir, 'events.sqlite');
  const store = SqliteEventStore.open(file);
  await recordSampleLedger(store);
  return {
    dataDir,
    file,
    store,
    async dispose() {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function tempDir(): { dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
