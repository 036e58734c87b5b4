/**
 * Starts the EventStoreDB emulator in its own child process, so that the client under test talks
 * to it over a real socket and the emulator's own work never shares the test's event loop.
 */
import { type ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EmulatorCommand, EmulatorMessage } from './emulator-protocol';
import type { EmulatorAccessRules } from './emulator-security';
import type { EmulatorDelay } from './emulator-server';

export interface StartEmulatorOptions {
  /** Advertise and serve BatchAppend, as servers since 21.10 do (default true). */
  batchAppend?: boolean;
  /** Position of the log's first record; large values exercise bigint handling end to end. */
  initialPosition?: bigint;
  /** Answer an idempotent retry with the original write's position (default true), or, as some servers do, with none. */
  positionOnIdempotentRetry?: boolean;
  /** Recent event ids the node remembers for the idempotency of `any` / `stream_exists` writes (default 1,000). */
  idempotencyWindow?: number;
  /** MaxAppendSize in bytes (default 1,048,576). */
  maxAppendSize?: number;
  /** Serve TLS with this PEM certificate and key; the connection string then trusts the certificate. */
  tls?: { cert: string; key: string };
  /** Users and access rules (a secure node). The client sends credentials only over TLS. */
  access?: EmulatorAccessRules;
  /** Nodes in the cluster (default 1); with more, the connection string discovers the leader through gossip. */
  nodes?: number;
}

export interface EsdbEmulator {
  /** `esdb://127.0.0.1:PORT?tls=false`; `esdb+discover://` with several nodes; TLS trusting the test certificate with `tls`. */
  connectionString: string;
  /** The connection string with credentials, and any extra settings (`defaultDeadline=300`). */
  connectionStringFor(credentials: { user: string; password: string } | null, extra?: string): string;
  /** Node 0's port. */
  port: number;
  /** Every node's port, node 0 first. */
  ports: number[];
  /** Replaces the users and access rules (null: an insecure node, everything allowed). */
  setAccess(rules: EmulatorAccessRules | null): Promise<void>;
  /** Makes every node slow to answer, before or after it writes (null: prompt again). */
  setDelay(delay: EmulatorDelay | null): Promise<void>;
  /** Moves leadership to node `index`. */
  electLeader(index: number): Promise<void>;
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
        idempotencyWindow: options.idempotencyWindow,
        maxAppendSize: options.maxAppendSize,
        tls: options.tls,
        access: options.access,
        nodes: options.nodes,
      }),
    ],
    { execArgv: ['-r', TYPESCRIPT_HOOK], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const ports = await waitUntilReady(child);
  const port = ports[0];
  let caFile: string | undefined;
  if (options.tls) {
    caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'esdb-emulator-ca-')), 'ca.crt');
    fs.writeFileSync(caFile, options.tls.cert);
  }
  const connectionStringFor = (credentials: { user: string; password: string } | null, extra?: string) => {
    const scheme = ports.length > 1 ? 'esdb+discover' : 'esdb';
    const userInfo = credentials ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@` : '';
    const tls = caFile ? `tls=true&tlsCAFile=${encodeURIComponent(caFile)}` : 'tls=false';
    return `${scheme}://${userInfo}127.0.0.1:${port}?${tls}${extra ? `&${extra}` : ''}`;
  };
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
    connectionString: connectionStringFor(null),
    connectionStringFor,
    port,
    ports,
    setAccess: (rules) => command({ command: 'setAccess', rules }),
    setDelay: (delay) => command({ command: 'setDelay', delay }),
    electLeader: (index) => command({ command: 'electLeader', index }),
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
      if (caFile) fs.rmSync(path.dirname(caFile), { recursive: true, force: true });
    },
  };
}

function waitUntilReady(child: ChildProcess): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The emulator did not start within ${START_TIMEOUT_MS} ms.`));
    }, START_TIMEOUT_MS);
    const onMessage = (message: EmulatorMessage) => {
      if (message.kind === 'ready') settle(() => resolve(message.ports));
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
