/**
 * The emulated EventStoreDB: one node, or a cluster of nodes on 127.0.0.1 that share one
 * in-memory log (replication is instant), each serving the client package's own service
 * definitions: ServerFeatures, Streams and Gossip. Insecure by default; with a certificate it
 * serves TLS, and with users it checks credentials and access as a secure node does. The log
 * outlives restarts; the cache of recent writes does not.
 */
import { randomUUID } from 'node:crypto';
import type { Metadata, Server, ServerDuplexStream, ServiceError } from '@grpc/grpc-js';
import { gossipGrpc, grpc, serverFeaturesGrpc, streamsGrpc } from './client-modules';
import { EmulatorLog } from './emulator-log';
import { type EmulatorAccessRules, EmulatorSecurity } from './emulator-security';
import { gossipService } from './gossip-service';
import { serverFeaturesService } from './server-features-service';
import { streamsService } from './streams-service';
import { notLeader } from './wire';

export interface EmulatorServerOptions {
  /** Advertise and serve BatchAppend (default true). Off: only the unary Append, as before 21.10. */
  batchAppend?: boolean;
  /** Position of the log's first record, as a decimal string (bigint does not cross IPC). */
  initialPosition?: string;
  /** Answer an idempotent retry with the original position (default true), or with none. */
  positionOnIdempotentRetry?: boolean;
  /** Recent event ids remembered for the idempotency of `any` and `stream_exists` writes (default 1,000). */
  idempotencyWindow?: number;
  /** The server's MaxAppendSize in bytes (default 1,048,576, as EventStoreDB's). */
  maxAppendSize?: number;
  /** PEM certificate chain and key: serve TLS instead of plain HTTP/2. */
  tls?: { cert: string; key: string };
  /** Users and access rules; without them every call is allowed, as on an insecure node. */
  access?: EmulatorAccessRules;
  /** How many nodes (default 1). With more, node 0 starts as leader and the others follow. */
  nodes?: number;
}

export interface EmulatorDelay {
  ms: number;
  /** Stall before the write (nothing is written if the client gives up) or after it (written, answer late). */
  moment: 'before-write' | 'after-write';
}

/** EventStoreDB's default MaxAppendSize. */
export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

const HOST = '127.0.0.1';

interface EmulatedNode {
  instanceId: string;
  port: number;
  server: Server | null;
  batchCalls: Set<ServerDuplexStream<unknown, unknown>>;
}

export class EmulatorServer {
  private readonly log: EmulatorLog;
  private batchAppend: boolean;
  private readonly calls = new Map<string, number>();
  private readonly nodes: EmulatedNode[];
  private leader = 0;
  private readonly security: EmulatorSecurity;
  private delay: EmulatorDelay | null = null;

  constructor(private readonly options: EmulatorServerOptions = {}) {
    this.batchAppend = options.batchAppend ?? true;
    this.log = new EmulatorLog({
      initialPosition: options.initialPosition === undefined ? undefined : BigInt(options.initialPosition),
      positionOnIdempotentRetry: options.positionOnIdempotentRetry,
      idempotencyWindow: options.idempotencyWindow,
    });
    this.security = new EmulatorSecurity(options.access ?? null);
    this.nodes = Array.from({ length: options.nodes ?? 1 }, () => ({ instanceId: randomUUID(), port: 0, server: null, batchCalls: new Set() }));
  }

  /** Binds every node's port (free ones the first time); answers the ports, node 0 first. */
  async start(): Promise<number[]> {
    for (const node of this.nodes) await this.startNode(node);
    return this.ports();
  }

  ports(): number[] {
    return this.nodes.map((node) => node.port);
  }

  /** Stops listening and cuts every connection; the log is kept for the next start. */
  stop(): void {
    for (const node of this.nodes) {
      node.server?.forceShutdown();
      node.server = null;
    }
  }

  /** Cuts every open connection (every call in flight fails) but keeps listening. */
  dropConnections(): void {
    for (const node of this.nodes) node.server?.drain(`${HOST}:${node.port}`, 0);
  }

  /** Stops, stays down for `downtimeMs`, and starts again on the same ports with the same log, but no memory of recent writes. */
  async restart(downtimeMs = 0): Promise<void> {
    this.stop();
    this.log.forgetRecentWrites();
    if (downtimeMs > 0) await new Promise((resolve) => setTimeout(resolve, downtimeMs));
    await this.start();
  }

  setBatchAppend(enabled: boolean): void {
    this.batchAppend = enabled;
  }

  setAccess(rules: EmulatorAccessRules | null): void {
    this.security.setRules(rules);
  }

  setDelay(delay: EmulatorDelay | null): void {
    this.delay = delay;
  }

  /**
   * Node `index` becomes the leader. The old leader ends its open BatchAppend calls that require
   * the leader with a not-leader error, as a node that steps down does, and answers not-leader to
   * every later call that requires the leader.
   */
  electLeader(index: number): void {
    if (index < 0 || index >= this.nodes.length) throw new Error(`No node ${index}: the cluster has ${this.nodes.length}`);
    const old = this.nodes[this.leader];
    this.leader = index;
    if (old === this.nodes[index]) return;
    for (const call of old.batchCalls) {
      if (!requiresLeader(call.metadata)) continue;
      this.calls.set('notLeader', (this.calls.get('notLeader') ?? 0) + 1);
      call.emit('error', notLeader(HOST, this.nodes[index].port));
    }
    old.batchCalls.clear();
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  private async startNode(node: EmulatedNode): Promise<void> {
    const server = new grpc.Server();
    server.addService(serverFeaturesGrpc.ServerFeaturesService, serverFeaturesService(() => this.batchAppend));
    server.addService(gossipGrpc.GossipService, gossipService(() => this.members()));
    server.addService(
      streamsGrpc.StreamsService,
      streamsService(this.log, {
        batchAppendEnabled: () => this.batchAppend,
        countCall: (method) => this.calls.set(method, (this.calls.get(method) ?? 0) + 1),
        maxAppendSize: () => this.options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE,
        security: this.security,
        leaderCheck: (metadata) => this.leaderCheck(node, metadata),
        stall: (moment) => this.stall(moment),
        trackBatchCall: (call) => {
          const untyped = call as ServerDuplexStream<unknown, unknown>;
          node.batchCalls.add(untyped);
          const forget = () => node.batchCalls.delete(untyped);
          call.once('finish', forget);
          call.once('cancelled', forget);
          call.once('error', forget);
        },
      }),
    );
    const credentials = this.options.tls
      ? grpc.ServerCredentials.createSsl(null, [{ cert_chain: Buffer.from(this.options.tls.cert), private_key: Buffer.from(this.options.tls.key) }], false)
      : grpc.ServerCredentials.createInsecure();
    node.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${HOST}:${node.port}`, credentials, (error, port) => (error ? reject(error) : resolve(port))),
    );
    node.server = server;
  }

  private members() {
    return this.nodes.map((node, index) => ({
      instanceId: node.instanceId,
      host: HOST,
      port: node.port,
      leader: index === this.leader,
      alive: node.server !== null,
    }));
  }

  private leaderCheck(node: EmulatedNode, metadata: Metadata): ServiceError | null {
    if (node === this.nodes[this.leader] || !requiresLeader(metadata)) return null;
    this.calls.set('notLeader', (this.calls.get('notLeader') ?? 0) + 1);
    return notLeader(HOST, this.nodes[this.leader].port);
  }

  private stall(moment: EmulatorDelay['moment']): Promise<void> | null {
    const delay = this.delay;
    if (!delay || delay.moment !== moment) return null;
    return new Promise((resolve) => setTimeout(resolve, delay.ms));
  }
}

function requiresLeader(metadata: Metadata): boolean {
  return metadata.get('requires-leader')[0] === 'true';
}
