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

/** The steps of a response whose recorded date can be corrected, and the date field each holds. */
export const CORRECTABLE_STATUTORY_DATES = {
  invitation: 'invitedOn',
  chiefOfficerComments: 'receivedOn',
  commissionerComments: 'madeOn',
  replyToChiefOfficer: 'madeOn',
  publication: 'publishedOn',
} as const;
export type CorrectableStatutoryStep = keyof typeof CORRECTABLE_STATUTORY_DATES;

/**
 * Puts right the date recorded for one step (a page imported with the wrong response date, a
 * slip of the keyboard). The step's event stays as recorded; the correction is a new event that
 * dates the step from then on, checked against the other dates like the step itself was.
 */
export interface CorrectStatutoryDate {
  type: 'CorrectStatutoryDate';
  inspectionId: string;
  step: CorrectableStatutoryStep;
  correctDate: string;
  reason: string;
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
  | PublishActionPlan
  | CorrectStatutoryDate;
