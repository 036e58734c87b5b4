/**
 * Starts the EventStoreDB emulator in its own child process, so that the client under test talks
 * to it over a real socket and the emulator's own work never shares the test's event loop.
 */
import { type ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import type { EmulatorCommand, EmulatorMessage } from './emulator-protocol';

export interface StartEmulatorOptions {
  /** Advertise and serve BatchAppend, as servers since 21.10 do (default true). */
  batchAppend?: boolean;
  /** Position of the log's first record; large values exercise bigint handling end to end. */
  initialPosition?: bigint;
  /** Answer an idempotent retry with the original write's position (default true), or, as some servers do, with none. */
  positionOnIdempotentRetry?: boolean;
}

export interface EsdbEmulator {
  /** `esdb://127.0.0.1:PORT?tls=false` */
  connectionString: string;
  port: number;
  /** Cuts every open connection; calls in flight fail, new ones are accepted. */
  dropConnections(): Promise<void>;
  /** Stops listening, stays down for `downtimeMs` (default 0), then listens again on the same port with the same data. */
  restart(options?: { downtimeMs?: number }): Promise<void>;
  /** Advertises (and serves) BatchAppend or not, from the next GetSupportedMethods on. */
  setBatchAppend(enabled: boolean): Promise<void>;
  /** How many calls of each Streams method the emulator has served. */
  callCounts(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

const CHILD_ENTRY = path.join(__dirname, 'emulator-process.ts');
const TYPESCRIPT_HOOK = path.resolve(__dirname, '..', 'support', 'register-ts.js');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<EsdbEmulator> {
  const child = fork(
    CHILD_ENTRY,
    [
      JSON.stringify({
        batchAppend: options.batchAppend ?? true,
        initialPosition: options.initialPosition?.toString(),
        positionOnIdempotentRetry: options.positionOnIdempotentRetry,
      }),
    ],
    { execArgv: ['-r', TYPESCRIPT_HOOK], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const port = await waitUntilReady(child);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextRequestId = 1;

  child.on('message', (message: EmulatorMessage) => {
    if (message.kind !== 'reply') return;
    const request = pending.get(message.requestId);
    pending.delete(message.requestId);
    if (message.error === undefined) request?.resolve(message.result);
    else request?.reject(new Error(`Emulator: ${message.error}`));
  });
  child.on('exit', () => {
    for (const request of pending.values()) request.reject(new Error('The emulator process has exited.'));
    pending.clear();
  });

  function command<Result>(message: EmulatorCommand): Promise<Result> {
    if (!child.connected) return Promise.reject(new Error('The emulator process has exited.'));
    const requestId = nextRequestId++;
    return new Promise<Result>((resolve, reject) => {
      pending.set(requestId, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...message, requestId });
    });
  }

  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    dropConnections: () => command({ command: 'dropConnections' }),
    restart: ({ downtimeMs = 0 } = {}) => command({ command: 'restart', downtimeMs }),
    setBatchAppend: (enabled) => command({ command: 'setBatchAppend', enabled }),
    callCounts: () => command({ command: 'callCounts' }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await command({ command: 'stop' }).catch(() => undefined);
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitUntilReady(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The emulator did not start within ${START_TIMEOUT_MS} ms.`));
    }, START_TIMEOUT_MS);
    const onMessage = (message: EmulatorMessage) => {
      if (message.kind === 'ready') settle(() => resolve(message.port));
      if (message.kind === 'failed') settle(() => reject(new Error(`The emulator failed to start: ${message.error}`)));
    };
    const onExit = (code: number | null) => settle(() => reject(new Error(`The emulator exited (code ${code}) before it was ready.`)));
    const settle = (action: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      action();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
