import type { Service } from '../inspection/vocabulary';
import type { CopyRecipient, CorrectableStatutoryStep } from './commands';
import type { StatutoryResponseEvent } from './events';

export interface OpenedStatutoryResponse {
  readonly opened: true;
  readonly inspectionId: string;
  readonly service: Service;
  readonly reportPublishedOn: string;
  readonly responsePeriodDays: number;
  readonly deadline: string;
  readonly invitation: { readonly invitedOn: string; readonly commentsDueBy: string } | null;
  readonly chiefOfficerCommentsReceivedOn: string | null;
  readonly commissionerCommentsMadeOn: string | null;
  readonly replyMadeOn: string | null;
  /** When the response (police) or the action plan (fire) was published. */
  readonly publishedOn: string | null;
  readonly copiesSent: readonly CopyRecipient[];
}

export type StatutoryResponseState = { readonly opened: false } | OpenedStatutoryResponse;

export const initialStatutoryResponseState: StatutoryResponseState = { opened: false };

/** Where each correctable step's date is kept. */
export function recordedDateOf(state: OpenedStatutoryResponse, step: CorrectableStatutoryStep): string | null {
  switch (step) {
    case 'invitation':
      return state.invitation?.invitedOn ?? null;
    case 'chiefOfficerComments':
      return state.chiefOfficerCommentsReceivedOn;
    case 'commissionerComments':
      return state.commissionerCommentsMadeOn;
    case 'replyToChiefOfficer':
      return state.replyMadeOn;
    case 'publication':
      return state.publishedOn;
  }
}

function correctedDate(state: OpenedStatutoryResponse, step: CorrectableStatutoryStep, date: string): OpenedStatutoryResponse {
  switch (step) {
    case 'invitation':
      return state.invitation === null ? state : { ...state, invitation: { ...state.invitation, invitedOn: date } };
    case 'chiefOfficerComments':
      return { ...state, chiefOfficerCommentsReceivedOn: date };
    case 'commissionerComments':
      return { ...state, commissionerCommentsMadeOn: date };
    case 'replyToChiefOfficer':
      return { ...state, replyMadeOn: date };
    case 'publication':
      return { ...state, publishedOn: date };
  }
}

export function evolveStatutoryResponse(state: StatutoryResponseState, event: StatutoryResponseEvent): StatutoryResponseState {
  if (event.type === 'StatutoryResponseOpened') {
    const { inspectionId, service, reportPublishedOn, responsePeriodDays, deadline } = event;
    return {
      opened: true,
      inspectionId,
      service,
      reportPublishedOn,
      responsePeriodDays,
      deadline,
      invitation: null,
      chiefOfficerCommentsReceivedOn: null,
      commissionerCommentsMadeOn: null,
      replyMadeOn: null,
      publishedOn: null,
      copiesSent: [],
    };
  }
  if (!state.opened) return state;
  switch (event.type) {
    case 'StatutoryTimetableRevised': {
      const { service, reportPublishedOn, responsePeriodDays, deadline } = event;
      return { ...state, service, reportPublishedOn, responsePeriodDays, deadline };
    }
    case 'ChiefOfficerCommentsInvited':
      return { ...state, invitation: { invitedOn: event.invitedOn, commentsDueBy: event.commentsDueBy } };
    case 'ChiefOfficerCommentsRecorded':
      return { ...state, chiefOfficerCommentsReceivedOn: event.receivedOn };
    case 'CommissionerCommentsRecorded':
      return { ...state, commissionerCommentsMadeOn: event.madeOn };
    case 'ReplyToChiefOfficerRecorded':
      return { ...state, replyMadeOn: event.madeOn };
    case 'StatutoryResponsePublished':
    case 'ActionPlanPublished':
      return { ...state, publishedOn: event.publishedOn };
    case 'StatutoryResponseCopySent':
      return { ...state, copiesSent: [...state.copiesSent, event.recipient] };
    case 'StatutoryDateCorrected':
      return correctedDate(state, event.step, event.correctDate);
  }
}
