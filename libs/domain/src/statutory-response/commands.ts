import type { Service } from '../inspection/vocabulary';

export const COPY_RECIPIENTS = ['HMICFRS', 'HomeSecretary'] as const;
export type CopyRecipient = (typeof COPY_RECIPIENTS)[number];

/**
 * Issued by the application when an inspection is registered: it starts the response clock.
 * A police report has the s.55 period (no `responsePeriodDays`); a fire report needs the period
 * set by the office's policy, in days counted like the police period (publication day is day 1).
 */
export interface OpenStatutoryResponse {
  type: 'OpenStatutoryResponse';
  inspectionId: string;
  service: Service;
  reportPublishedOn: string;
  responsePeriodDays?: number | null;
}

/** Issued by the application when the inspection's service or publication date is amended. */
export interface ReviseStatutoryTimetable {
  type: 'ReviseStatutoryTimetable';
  inspectionId: string;
  service: Service;
  reportPublishedOn: string;
  responsePeriodDays?: number | null;
  reason: string;
}

export interface InviteChiefOfficerComments {
  type: 'InviteChiefOfficerComments';
  inspectionId: string;
  invitedOn: string;
  /** The date the local policing body sets for the chief officer's comments. */
  commentsDueBy: string;
}

export interface RecordChiefOfficerComments {
  type: 'RecordChiefOfficerComments';
  inspectionId: string;
  receivedOn: string;
  comments: string;
}

export interface RecordCommissionerComments {
  type: 'RecordCommissionerComments';
  inspectionId: string;
  madeOn: string;
  comments: string;
}

export interface RecordReplyToChiefOfficer {
  type: 'RecordReplyToChiefOfficer';
  inspectionId: string;
  madeOn: string;
  reply: string;
}

export interface PublishStatutoryResponse {
  type: 'PublishStatutoryResponse';
  inspectionId: string;
  publishedOn: string;
  /** Where it was published; null when not known (an imported page given without its address). */
  url: string | null;
}

export interface RecordCopySent {
  type: 'RecordCopySent';
  inspectionId: string;
  recipient: CopyRecipient;
  sentOn: string;
}

export interface PublishActionPlan {
  type: 'PublishActionPlan';
  inspectionId: string;
  publishedOn: string;
  /** Where it was published; null when not known. */
  url: string | null;
}

export type StatutoryResponseCommand =
  | OpenStatutoryResponse
  | ReviseStatutoryTimetable
  | InviteChiefOfficerComments
  | RecordChiefOfficerComments
  | RecordCommissionerComments
  | RecordReplyToChiefOfficer
  | PublishStatutoryResponse
  | RecordCopySent
  | PublishActionPlan;
