import type { Finding } from './finding';
import type { InspectionDetails } from './inspection-details';
import type { InspectionEvent } from './events';

export type InspectionState =
  | { readonly registered: false }
  | { readonly registered: true; readonly inspectionId: string; readonly details: InspectionDetails; readonly findings: readonly Finding[] };

export const initialInspectionState: InspectionState = { registered: false };

export function evolveInspection(state: InspectionState, event: InspectionEvent): InspectionState {
  switch (event.type) {
    case 'InspectionRegistered': {
      const { type: _type, inspectionId, findings, ...details } = event;
      return { registered: true, inspectionId, details, findings };
    }
    case 'InspectionDetailsAmended':
      return state.registered ? { ...state, details: { ...state.details, ...event.changes } } : state;
    case 'FindingAdded':
      return state.registered ? { ...state, findings: [...state.findings, event.finding] } : state;
  }
}
