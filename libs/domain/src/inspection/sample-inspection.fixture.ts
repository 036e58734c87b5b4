import type { RegisterInspection } from './commands';
import type { InspectionRegistered } from './events';
import type { Finding } from './finding';

/**
 * The reference case: Cumbria PFCC's page for the 2024 national thematic inspection on the
 * national operating model for RASSO investigations (shared/samples), its text kept verbatim.
 * Finding ids stand in for the ones the application assigns.
 */
export const SAMPLE_INSPECTION_ID = 'rasso-nom-2024';

const SAMPLE_KEY_FINDINGS_HTML =
  "<p>Operation Soteria is an unprecedented programme to transform how the Crown Prosecution Service and police forces across England and Wales respond to rape and other serious sexual offences (RASSO).</p> <p>Soteria aims to create effective suspect-focused RASSO investigations, where the police support victims and understand their needs. It also aims to make sure intelligence, analysis and digital forensics are used effectively to support cases.</p> <p>Since 2021, 19 early adopter forces have been putting Soteria in place via the National Operating Model.</p> <p>In May 2023, the then Home Secretary commissioned HMICFRS to carry out this inspection using the powers under section 54(2B) of the Police Act 1996. The Inspectorate inspected 9 of the 19 early adopter forces to evaluate their progress so far.</p> <p>This report sets out HMICFRS' findings.</p>";

export const SAMPLE_FINDINGS: Finding[] = [
  {
    findingId: 'finding-rec-03',
    reference: 'REC 03',
    number: 3,
    findingType: 'recommendation',
    text: "By 31 January 2025, all forces should make sure personnel working on rape and other serious sexual offences receive College of Policing approved training on the investigation of word-on-word cases.",
    subItems: [],
    addressees: ['all forces'],
    dueDate: '2025-01-31',
    immediate: false,
    relatedRecommendations: [],
  },
  {
    findingId: 'finding-rec-05',
    reference: 'REC 05',
    number: 5,
    findingType: 'recommendation',
    text: "By 31 July 2025, chief constables should make sure their forces use the new definition of repeat rape and other serious sexual offences suspects to identify and manage them.",
    subItems: [],
    addressees: ['chief constables'],
    dueDate: '2025-07-31',
    immediate: false,
    relatedRecommendations: [],
  },
  {
    findingId: 'finding-rec-07',
    reference: 'REC 07',
    number: 7,
    findingType: 'recommendation',
    text: "By 31 January 2025, all chief constables should make sure their forces prioritise identifying and disrupting rape and other serious sexual offences (RASSO) suspects. This includes making sure that:",
    subItems: [
      "forces track, manage, and respond effectively to breaches of bail and protection orders in RASSO cases; and",
      "all relevant personnel complete National Operating Model training on using criminal and civil orders to tackle RASSO.",
    ],
    addressees: ['all chief constables'],
    dueDate: '2025-01-31',
    immediate: false,
    relatedRecommendations: [],
  },
  {
    findingId: 'finding-rec-09',
    reference: 'REC 09',
    number: 9,
    findingType: 'recommendation',
    text: "By 31 January 2025, chief constables should make sure their forces have good processes in place for applying to retain DNA and fingerprints to improve their use of section 63G of the Police and Criminal Evidence Act 1984.",
    subItems: [],
    addressees: ['chief constables'],
    dueDate: '2025-01-31',
    immediate: false,
    relatedRecommendations: [],
  },
  {
    findingId: 'finding-rec-11',
    reference: 'REC 11',
    number: 11,
    findingType: 'recommendation',
    text: "By 31 March 2025, all chief constables should make sure that, as part of adopting the National Operating Model, their forces:",
    subItems: [
      "develop a rape and other serious sexual offences problem profile;",
      "include the National Operating Model flight deck within their strategic performance monitoring; and",
      "adopt any key performance indicators that are agreed and published by the Soteria Joint Unit.",
    ],
    addressees: ['all chief constables'],
    dueDate: '2025-03-31',
    immediate: false,
    relatedRecommendations: [],
  },
];

export const sampleRegisterInspection: RegisterInspection = {
  type: 'RegisterInspection',
  inspectionId: SAMPLE_INSPECTION_ID,
  title: "Progress to introduce a national operating model for rape and other serious sexual offences investigations.",
  inspectionType: 'national-thematic',
  typeAsWritten: 'National Thematic',
  scope: 'national',
  service: 'police',
  publishedOn: '2024-08-22',
  keyFindingsHtml: SAMPLE_KEY_FINDINGS_HTML,
  findings: SAMPLE_FINDINGS,
};

export const sampleInspectionRegistered: InspectionRegistered = {
  type: 'InspectionRegistered',
  inspectionId: SAMPLE_INSPECTION_ID,
  title: sampleRegisterInspection.title,
  hmicfrsReference: null,
  inspectionType: 'national-thematic',
  typeAsWritten: 'National Thematic',
  scope: 'national',
  service: 'police',
  publishedOn: '2024-08-22',
  reportUrl: null,
  keyFindingsHtml: SAMPLE_KEY_FINDINGS_HTML,
  findings: SAMPLE_FINDINGS,
};
