import * as path from 'node:path';

/**
 * How to start the worker thread whose script is `<directory>/<name>.worker`: the compiled file
 * when the program runs built, or the TypeScript source through the same SWC hook as test child
 * processes when it runs from the sources (tests).
 */
export function workerScript(directory: string, name: string): { file: string; eval: boolean } {
  if (__filename.endsWith('.js')) return { file: path.join(directory, `${name}.worker.js`), eval: false };
  const hook = path.resolve(__dirname, '..', '..', '..', 'test', 'support', 'register-ts.js');
  const source = path.join(directory, `${name}.worker.ts`);
  return { file: `require(${JSON.stringify(hook)}); require(${JSON.stringify(source)});`, eval: true };
}
