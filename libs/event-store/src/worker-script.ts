import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';

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

/**
 * Asks a worker thread to stop (`stop`, the thread's own message) and waits for it to exit: a
 * thread that has not exited within `timeoutMs` is terminated.
 */
export function stopWorker(worker: Worker, stop: unknown, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolve()), timeoutMs);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage(stop);
  });
}
