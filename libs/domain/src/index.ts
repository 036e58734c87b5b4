export * from './shared/decider';
export * from './shared/envelope';
export * from './shared/calendar-date';
export * from './shared/field-rules';
export * from './inspection';
export * from './recommendation';
export * from './statutory-response';
export * from './challenge';
