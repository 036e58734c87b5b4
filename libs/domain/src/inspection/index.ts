export * from './vocabulary';
export { type Finding, type FindingInput, referenceKey } from './finding';
export * from './inspection-details';
export * from './commands';
export * from './events';
export * from './state';
export * from './decide';
export * from './stream';
export * from './rules';
