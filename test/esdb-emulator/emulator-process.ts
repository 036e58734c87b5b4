/**
 * Entry point of the emulator's child process. Its options arrive as JSON in argv[2]; it answers
 * `ready` with its port, then obeys commands from the parent, and exits when the parent goes.
 */
import type { EmulatorMessage, EmulatorRequest, EmulatorServerOptions } from './emulator-protocol';
import { EmulatorServer } from './emulator-server';

function send(message: EmulatorMessage): void {
  process.send?.(message);
}

async function obey(server: EmulatorServer, request: EmulatorRequest): Promise<unknown> {
  switch (request.command) {
    case 'dropConnections':
      return server.dropConnections();
    case 'restart':
      return server.restart(request.downtimeMs);
    case 'setBatchAppend':
      return server.setBatchAppend(request.enabled);
    case 'setAccess':
      return server.setAccess(request.rules);
    case 'setDelay':
      return server.setDelay(request.delay);
    case 'electLeader':
      return server.electLeader(request.index);
    case 'callCounts':
      return server.callCounts();
    case 'stop':
      return server.stop();
  }
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorServerOptions;
  const server = new EmulatorServer(options);
  const ports = await server.start();
  process.on('message', (request: EmulatorRequest) => {
    obey(server, request).then(
      (result) => send({ kind: 'reply', requestId: request.requestId, result }),
      (error: Error) => send({ kind: 'reply', requestId: request.requestId, error: error.message }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  send({ kind: 'ready', ports });
}

main().catch((error: Error) => {
  send({ kind: 'failed', error: error.stack ?? error.message });
  process.exit(1);
});
