import * as path from 'node:path';
import type { Projection } from '../projection';

/** Where a worker thread finds its projections: a module and the name of its list (default: the ledger's ALL_PROJECTIONS). */
export interface ProjectionsSource {
  projectionsModule?: string;
  projectionsExport?: string;
}

/** The projections a worker thread was told of: functions cannot be sent to a thread, so it loads them itself. */
export function loadProjections(source: ProjectionsSource): Projection[] {
  const projectionsModule = source.projectionsModule ?? path.join(__dirname, '..', 'read-models');
  const projectionsExport = source.projectionsExport ?? 'ALL_PROJECTIONS';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const projections = (require(projectionsModule) as Record<string, Projection[]>)[projectionsExport];
  if (!Array.isArray(projections)) throw new Error(`${projectionsModule} exports no list "${projectionsExport}"`);
  return projections;
}
