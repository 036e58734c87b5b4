export { type AnyLedgerEvent, type SummaryLookups, personLabel, summariseEvent } from './event-summary';
export { type EventData, genericSummary, typeInWords } from './generic-summary';
