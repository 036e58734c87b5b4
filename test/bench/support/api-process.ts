import { type ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { REPO } from './child-job';

/** The built API (npm run build), as production runs it. */
const MAIN = path.join(REPO, 'dist', 'apps', 'api', 'src', 'main.js');

export interface ApiProcess {
  url: string;
  /** From spawn to the first answer to GET /health. */
  startMs: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** How long the API may take to answer before the start counts as failed. */
const READY_WITHIN_MS = 120_000;

/** Starts the API on `dataDir` and waits until it answers. */
export async function startApi(dataDir: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), LEDGER_DATA_DIR: dataDir, NODE_ENV: 'development', LEDGER_DEV_IDENTITIES: '1', LEDGER_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_resolve, reject) => child.once('exit', (code) => reject(new Error(`the API exited with ${code} before answering`))));
  const url = `http://127.0.0.1:${port}`;
  const answering = (async () => {
    for (;;) {
      if (performance.now() - started > READY_WITHIN_MS) {
        child.kill('SIGKILL');
        throw new Error(`the API did not answer GET /health within ${READY_WITHIN_MS / 1000} s`);
      }
      try {
        await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  })();
  // Whichever loses the race must not end the benchmark as an unhandled rejection.
  answering.catch(() => undefined);
  exited.catch(() => undefined);
  await Promise.race([answering, exited]);
  const startMs = performance.now() - started;
  return {
    url,
    startMs,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
