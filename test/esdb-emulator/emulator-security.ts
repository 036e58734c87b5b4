/**
 * Users and access rules as a secure EventStoreDB node applies them to gRPC calls: credentials
 * arrive as HTTP Basic in the `authorization` header (the client sends them only over TLS);
 * wrong credentials are refused before the call runs, and a user without a right gets
 * PERMISSION_DENIED. Off (no users configured), every call is allowed, as on an insecure node.
 */
import type { Metadata, ServiceError } from '@grpc/grpc-js';
import { accessDenied, unauthenticated } from './wire';

export interface EmulatorAccessRules {
  /** login -> password. */
  users: Record<string, string>;
  /** Users who may not read `$all` (reads and subscriptions). */
  readAllDenied?: string[];
  /** Users who may not append to any stream. */
  writeDenied?: string[];
}

export type Access = { kind: 'read-all' } | { kind: 'read-stream'; stream: string } | { kind: 'write'; stream: string };

export class EmulatorSecurity {
  constructor(private rules: EmulatorAccessRules | null) {}

  setRules(rules: EmulatorAccessRules | null): void {
    this.rules = rules;
  }

  /** The user the call authenticates as (null: anonymous), or the error that refuses it. */
  authenticate(metadata: Metadata): { user: string | null } | { error: ServiceError } {
    if (!this.rules) return { user: null };
    const header = metadata.get('authorization')[0];
    if (header === undefined) return { user: null };
    const match = /^Basic (.+)$/.exec(String(header));
    if (!match) return { error: unauthenticated() };
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [login, password] = colon < 0 ? [decoded, ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
    if (this.rules.users[login] === undefined || this.rules.users[login] !== password) return { error: unauthenticated() };
    return { user: login };
  }

  /** Null when `user` may do it; otherwise the server's access-denied error. Anonymous may do nothing. */
  authorize(user: string | null, access: Access): ServiceError | null {
    const rules = this.rules;
    if (!rules) return null;
    if (user === null) return accessDenied();
    if (access.kind === 'read-all' && rules.readAllDenied?.includes(user)) return accessDenied();
    if (access.kind === 'write' && rules.writeDenied?.includes(user)) return accessDenied();
    return null;
  }
}
