export * from './commands';
export * from './events';
export * from './context';
export * from './state';
export * from './decide';
export * from './stream';
export * from './statutory-clock';
export * from './rules';
