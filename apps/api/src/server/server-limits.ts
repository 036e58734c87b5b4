import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerLimits } from '../config/api-config';

/**
 * Set deliberately, not left to Node's defaults: without them 20,000 slow connections exhausted
 * the file descriptors. Each client address may hold a bounded number of connections (one
 * client cannot take them all; behind a reverse proxy every client shares the proxy's address,
 * so raise the figure there), the server a bounded total, and a client that sends its headers or
 * its request too slowly is cut off.
 */
export function applyServerLimits(server: Server, limits: ServerLimits): void {
  server.maxConnections = limits.maxConnections;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? 'unknown';
    const count = (open.get(client) ?? 0) + 1;
    if (count > limits.maxConnectionsPerClient) {
      socket.destroy();
      return;
    }
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left === 0) open.delete(client);
      else open.set(client, left);
    });
  });
}
