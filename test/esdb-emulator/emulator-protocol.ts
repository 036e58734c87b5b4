/** Messages between the test process and the emulator's child process. */
import type { EmulatorAccessRules } from './emulator-security';
import type { EmulatorDelay, EmulatorServerOptions } from './emulator-server';

export type EmulatorCommand =
  | { command: 'dropConnections' }
  | { command: 'restart'; downtimeMs: number }
  | { command: 'setBatchAppend'; enabled: boolean }
  | { command: 'setAccess'; rules: EmulatorAccessRules | null }
  | { command: 'setDelay'; delay: EmulatorDelay | null }
  | { command: 'electLeader'; index: number }
  | { command: 'callCounts' }
  | { command: 'stop' };

export type EmulatorRequest = EmulatorCommand & { requestId: number };

export type EmulatorMessage =
  | { kind: 'ready'; ports: number[] }
  | { kind: 'failed'; error: string }
  | { kind: 'reply'; requestId: number; result?: unknown; error?: string };

export type { EmulatorServerOptions };
