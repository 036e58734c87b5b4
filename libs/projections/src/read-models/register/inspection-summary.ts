import { evolveInspection, initialInspectionState, type InspectionDetails, type InspectionEvent, type InspectionState } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { domainEventOf, envelopeOf } from '../shared/envelope';

/** An inspection report in the register: its details as last amended, folded by the domain's evolve. */
export interface InspectionSummary extends InspectionDetails {
  inspectionId: string;
  /** When the registration was recorded. */
  registeredAt: string;
  /** When the registration says it happened: the report's publication for an import or a registration by hand. */
  registrationOccurredAt: string;
  lastChangedAt: string;
  /** Why the details were last amended, if they were. */
  lastAmendmentReason: string | null;
}

/** Folds one event of an `inspection-` stream (undefined before InspectionRegistered). */
export function evolveInspectionSummary(summary: InspectionSummary | undefined, recorded: RecordedEvent): InspectionSummary {
  const event = domainEventOf<InspectionEvent>(recorded);
  const { recordedAt, occurredAt } = envelopeOf(recorded);
  const before: InspectionState = summary ? { registered: true, inspectionId: summary.inspectionId, details: detailsOf(summary), findings: [] } : initialInspectionState;
  const state = evolveInspection(before, event);
  if (!state.registered) throw new Error(`${event.type} in ${recorded.streamId} before the inspection was registered`);
  return {
    inspectionId: state.inspectionId,
    ...detailsOf(state.details),
    registeredAt: summary?.registeredAt ?? recordedAt,
    registrationOccurredAt: summary?.registrationOccurredAt ?? occurredAt,
    lastChangedAt: recordedAt,
    lastAmendmentReason: event.type === 'InspectionDetailsAmended' ? event.reason : (summary?.lastAmendmentReason ?? null),
  };
}

function detailsOf(details: InspectionDetails): InspectionDetails {
  return {
    title: details.title,
    hmicfrsReference: details.hmicfrsReference ?? null,
    inspectionType: details.inspectionType,
    typeAsWritten: details.typeAsWritten ?? null,
    scope: details.scope,
    service: details.service,
    publishedOn: details.publishedOn,
    reportUrl: details.reportUrl ?? null,
    keyFindingsHtml: details.keyFindingsHtml ?? '',
  };
}
