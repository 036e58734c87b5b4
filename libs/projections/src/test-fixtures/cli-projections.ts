import { countsByType, eventLog } from './test-projections';

/** For the CLI's tests: the projections its commands are given, also loaded by module path by the rebuild's thread. */
export const CLI_PROJECTIONS = [countsByType(), eventLog()];

export const CLI_PROJECTIONS_SOURCE = { projectionsModule: __filename, projectionsExport: 'CLI_PROJECTIONS' };
