/**
 * The emulated EventStoreDB node: a gRPC server on 127.0.0.1, insecure, serving the client
 * package's own service definitions over one in-memory log that outlives restarts.
 */
import type { Server } from '@grpc/grpc-js';
import { grpc, serverFeaturesGrpc, streamsGrpc } from './client-modules';
import { EmulatorLog } from './emulator-log';
import { serverFeaturesService } from './server-features-service';
import { streamsService } from './streams-service';

export interface EmulatorServerOptions {
  /** Advertise and serve BatchAppend (default true). Off: only the unary Append, as before 21.10. */
  batchAppend?: boolean;
  /** Position of the log's first record, as a decimal string (bigint does not cross IPC). */
  initialPosition?: string;
  /** Answer an idempotent retry with the original position (default true), or with none. */
  positionOnIdempotentRetry?: boolean;
}

const HOST = '127.0.0.1';

export class EmulatorServer {
  private readonly log: EmulatorLog;
  private batchAppend: boolean;
  private server: Server | null = null;
  private port = 0;
  private readonly calls = new Map<string, number>();

  constructor(options: EmulatorServerOptions = {}) {
    this.batchAppend = options.batchAppend ?? true;
    this.log = new EmulatorLog({
      initialPosition: options.initialPosition === undefined ? undefined : BigInt(options.initialPosition),
      positionOnIdempotentRetry: options.positionOnIdempotentRetry,
    });
  }

  /** Binds the given port, or a free one the first time. */
  async start(): Promise<number> {
    const server = new grpc.Server();
    server.addService(serverFeaturesGrpc.ServerFeaturesService, serverFeaturesService(() => this.batchAppend));
    server.addService(
      streamsGrpc.StreamsService,
      streamsService(this.log, {
        batchAppendEnabled: () => this.batchAppend,
        countCall: (method) => this.calls.set(method, (this.calls.get(method) ?? 0) + 1),
      }),
    );
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${HOST}:${this.port}`, grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
    return this.port;
  }

  /** Stops listening and cuts every connection; the log is kept for the next start. */
  stop(): void {
    this.server?.forceShutdown();
    this.server = null;
  }

  /** Cuts every open connection (every call in flight fails) but keeps listening. */
  dropConnections(): void {
    this.server?.drain(`${HOST}:${this.port}`, 0);
  }

  /** Stops, stays down for `downtimeMs`, and starts again on the same port with the same data. */
  async restart(downtimeMs = 0): Promise<void> {
    this.stop();
    if (downtimeMs > 0) await new Promise((resolve) => setTimeout(resolve, downtimeMs));
    await this.start();
  }

  setBatchAppend(enabled: boolean): void {
    this.batchAppend = enabled;
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }
}
