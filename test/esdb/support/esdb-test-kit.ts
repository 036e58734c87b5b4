/** Small helpers shared by the EventStoreDB tests in this folder. */
import * as net from 'node:net';

/** A logger for the adapter and the runner that says nothing. */
export const QUIET = { log: () => undefined, warn: () => undefined };

/** Resolves as `promise` does, or rejects naming `what` if it takes longer than `ms`. */
export async function withinMs<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Tries `attempt` until it resolves, for at most `timeoutMs`; then throws its last error. */
export async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 15_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/** A loopback port nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Lines a component logs (the adapter, the runner), kept for the test to read. */
export function recordingLogger(): { lines: string[]; log(line: string): void; warn(line: string): void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line), warn: (line) => lines.push(line) };
}

/** Resolves once nothing accepts connections on the loopback `port` (a restarting emulator is down). */
export async function untilRefused(port: number, timeoutMs = 5_000): Promise<void> {
  await eventually(
    () =>
      new Promise<void>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          reject(new Error(`127.0.0.1:${port} still accepts connections`));
        });
        socket.once('error', () => resolve());
      }),
    timeoutMs,
    20,
  );
}
