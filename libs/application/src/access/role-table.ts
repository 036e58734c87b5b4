import { ROLES, type Role } from './roles';

/**
 * The single source of who may do what. Every command, every read, every export and every page
 * is one capability here; API routes and pages name their capability (see the API's `Allow`
 * decorator), the application refuses a command whose sender's role is not listed, the OpenAPI
 * description and the README's table are written from it, and the access tests are generated
 * from it.
 */
const OFFICE: readonly Role[] = ['office'];
const DELIVERY: readonly Role[] = ['office', 'force-lead'];
const EVERYONE: readonly Role[] = ROLES;

export const COMMAND_ROLES = {
  RegisterInspection: OFFICE,
  AmendInspectionDetails: OFFICE,
  AddFinding: OFFICE,
  AssessApplicability: OFFICE,
  AcceptRecommendation: OFFICE,
  PartiallyAcceptRecommendation: OFFICE,
  RejectRecommendation: OFFICE,
  AssignOwner: DELIVERY,
  SetTargetDate: DELIVERY,
  RequestTargetDateChange: DELIVERY,
  ApproveTargetDateChange: ['office', 'commissioner'],
  RefuseTargetDateChange: ['office', 'commissioner'],
  AddAction: DELIVERY,
  CompleteAction: DELIVERY,
  RecordProgress: DELIVERY,
  FlagDependency: DELIVERY,
  ClearDependency: DELIVERY,
  SubmitEvidence: DELIVERY,
  MarkComplete: DELIVERY,
  VerifyCompletion: ['verifier'],
  ReturnForFurtherWork: ['verifier'],
  CloseRecommendation: ['commissioner'],
  RecordInspectorateStatus: ['hmicfrs-liaison'],
  RecordInspectorateClosure: ['hmicfrs-liaison'],
  Supersede: OFFICE,
  MarkNoLongerRelevant: OFFICE,
  Reopen: OFFICE,
  // Anyone who records delivery may correct an entry (their own mistakes included); the original stays.
  CorrectEntry: DELIVERY,
  // The office keeps the record, and puts its dates right.
  CorrectEntryDate: OFFICE,
  InviteChiefOfficerComments: OFFICE,
  RecordChiefOfficerComments: OFFICE,
  RecordCommissionerComments: ['office', 'commissioner'],
  RecordReplyToChiefOfficer: ['office', 'commissioner'],
  // The commissioner publishes; the office records a publication already made (an imported page), for the commissioner.
  PublishStatutoryResponse: ['commissioner', 'office'],
  RecordCopySent: OFFICE,
  PublishActionPlan: ['commissioner', 'office'],
  // The office keeps the record of the response, and puts its dates right.
  CorrectStatutoryDate: OFFICE,
  RaiseChallenge: ['scrutiny', 'office'],
  // The panel holds the commissioner to account: the commissioner answers, or the office for them.
  AnswerChallenge: ['office', 'commissioner'],
  CloseChallenge: ['scrutiny', 'office'],
  // The public register shows only what the office has published; switching it on is the office's (or the commissioner's) act, attributed.
  SetPublicRegister: ['office', 'commissioner'],
} as const satisfies Record<string, readonly Role[]>;

export type CommandName = keyof typeof COMMAND_ROLES;

/** What is not one command: reading, exporting, importing a page, administering people. */
export const OTHER_ROLES = {
  /** The read models, histories and every reading page: the ledger is open to everyone signed in. */
  read: EVERYONE,
  /** Exports of the ledger, signed or not, and its digest. */
  export: ['office', 'commissioner', 'hmicfrs-liaison', 'admin'],
  /** Recomputing every hash of the live store. */
  'verify-ledger': ['hmicfrs-liaison', 'admin'],
  /** The office's public key, which anyone given an export needs. */
  'public-key': EVERYONE,
  /** Previewing and confirming a published page's import (each command it records is checked too). */
  'import-page': OFFICE,
  /** The home page: what each person can go to. */
  home: EVERYONE,
  /** People, sign-in links and API tokens. */
  'manage-people': ['admin'],
  /** The page the office publishes for an inspection (statutory response or fire action plan): preview and download. */
  'publish-response': ['office', 'commissioner'],
  /** Subscribing to one's own calendar of deadlines, and revoking its address. */
  'calendar-feed': EVERYONE,
  /** The read models' state, checkpoint and lag; asking for one or all to be rebuilt from the log. */
  'administer-projections': ['admin'],
  /** The office's export signing keys (current and retired) with their fingerprints; creating or rotating the key. */
  'administer-signing-keys': ['admin'],
  /** The Prometheus metrics (a scraper signs in with an administrator's API token). */
  metrics: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type OtherCapability = keyof typeof OTHER_ROLES;
export type Capability = CommandName | OtherCapability;

export const ROLE_TABLE: Readonly<Record<Capability, readonly Role[]>> = { ...COMMAND_ROLES, ...OTHER_ROLES };

/** May record a statement made by someone else ("on behalf of"). */
export const RECORDS_FOR_OTHERS: readonly Role[] = OFFICE;

/** Roles that act only for recommendations owned by their own organisation. */
export const OWN_ORGANISATION_ONLY: readonly Role[] = ['force-lead'];

export function isCapability(value: string): value is Capability {
  return Object.hasOwn(ROLE_TABLE, value);
}

export function rolesFor(capability: Capability): readonly Role[] {
  return ROLE_TABLE[capability];
}

export function mayDo(role: string, capability: Capability): boolean {
  return (ROLE_TABLE[capability] as readonly string[]).includes(role);
}
