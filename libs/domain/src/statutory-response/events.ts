import type { Service } from '../inspection/vocabulary';
import type { CopyRecipient, CorrectableStatutoryStep } from './commands';

/** The period and its last day are kept as facts: a later change of the fire policy does not move an old deadline. */
export interface StatutoryResponseOpened {
  type: 'StatutoryResponseOpened';
  inspectionId: string;
  service: Service;
  reportPublishedOn: string;
  responsePeriodDays: number;
  deadline: string;
}

export interface StatutoryTimetableRevised {
  type: 'StatutoryTimetableRevised';
  inspectionId: string;
  service: Service;
  reportPublishedOn: string;
  responsePeriodDays: number;
  deadline: string;
  reason: string;
}

export interface ChiefOfficerCommentsInvited {
  type: 'ChiefOfficerCommentsInvited';
  inspectionId: string;
  invitedOn: string;
  commentsDueBy: string;
}

export interface ChiefOfficerCommentsRecorded {
  type: 'ChiefOfficerCommentsRecorded';
  inspectionId: string;
  receivedOn: string;
  comments: string;
}

export interface CommissionerCommentsRecorded {
  type: 'CommissionerCommentsRecorded';
  inspectionId: string;
  madeOn: string;
  comments: string;
}

export interface ReplyToChiefOfficerRecorded {
  type: 'ReplyToChiefOfficerRecorded';
  inspectionId: string;
  madeOn: string;
  reply: string;
}

/** Day number and on-time are derived from publishedOn when read, never stored. */
export interface StatutoryResponsePublished {
  type: 'StatutoryResponsePublished';
  inspectionId: string;
  publishedOn: string;
  /** Null when where it was published is not known. */
  url: string | null;
}

export interface StatutoryResponseCopySent {
  type: 'StatutoryResponseCopySent';
  inspectionId: string;
  recipient: CopyRecipient;
  sentOn: string;
}

export interface ActionPlanPublished {
  type: 'ActionPlanPublished';
  inspectionId: string;
  publishedOn: string;
  /** Null when where it was published is not known. */
  url: string | null;
}

/** The date recorded for a step was wrong: from this event on the step is dated `correctDate`. */
export interface StatutoryDateCorrected {
  type: 'StatutoryDateCorrected';
  inspectionId: string;
  step: CorrectableStatutoryStep;
  /** The command field whose date is corrected (invitedOn, receivedOn, madeOn, publishedOn). */
  field: string;
  recordedDate: string;
  correctDate: string;
  reason: string;
}

export type StatutoryResponseEvent =
  | StatutoryResponseOpened
  | StatutoryTimetableRevised
  | ChiefOfficerCommentsInvited
  | ChiefOfficerCommentsRecorded
  | CommissionerCommentsRecorded
  | ReplyToChiefOfficerRecorded
  | StatutoryResponsePublished
  | StatutoryResponseCopySent
  | ActionPlanPublished
  | StatutoryDateCorrected;

const EVENT_TYPES: Record<StatutoryResponseEvent['type'], true> = {
  StatutoryResponseOpened: true,
  StatutoryTimetableRevised: true,
  ChiefOfficerCommentsInvited: true,
  ChiefOfficerCommentsRecorded: true,
  CommissionerCommentsRecorded: true,
  ReplyToChiefOfficerRecorded: true,
  StatutoryResponsePublished: true,
  StatutoryResponseCopySent: true,
  ActionPlanPublished: true,
  StatutoryDateCorrected: true,
};
export const STATUTORY_RESPONSE_EVENT_TYPES = Object.keys(EVENT_TYPES) as StatutoryResponseEvent['type'][];
