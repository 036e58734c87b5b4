/**
 * The gRPC runtime, protobuf runtime and generated service code, all loaded from where
 * @eventstore/db-client resolves them. The generated serializers check `instanceof` against the
 * classes of the copy they were generated with, so the emulator must build its messages from
 * exactly those modules, never from another copy that happens to be installed.
 */
import { createRequire } from 'node:module';

const loadFromClient = createRequire(require.resolve('@eventstore/db-client'));

export const grpc = loadFromClient('@grpc/grpc-js') as typeof import('@grpc/grpc-js');

export const anyPb = loadFromClient(
  'google-protobuf/google/protobuf/any_pb',
) as typeof import('google-protobuf/google/protobuf/any_pb');

export const emptyPb = loadFromClient(
  'google-protobuf/google/protobuf/empty_pb',
) as typeof import('google-protobuf/google/protobuf/empty_pb');

export const sharedPb = loadFromClient(
  '@eventstore/db-client/generated/shared_pb',
) as typeof import('@eventstore/db-client/generated/shared_pb');

export const streamsPb = loadFromClient(
  '@eventstore/db-client/generated/streams_pb',
) as typeof import('@eventstore/db-client/generated/streams_pb');

export const statusPb = loadFromClient(
  '@eventstore/db-client/generated/status_pb',
) as typeof import('@eventstore/db-client/generated/status_pb');

export const streamsGrpc = loadFromClient(
  '@eventstore/db-client/generated/streams_grpc_pb',
) as typeof import('@eventstore/db-client/generated/streams_grpc_pb');

export const serverFeaturesPb = loadFromClient(
  '@eventstore/db-client/generated/serverfeatures_pb',
) as typeof import('@eventstore/db-client/generated/serverfeatures_pb');

export const serverFeaturesGrpc = loadFromClient(
  '@eventstore/db-client/generated/serverfeatures_grpc_pb',
) as typeof import('@eventstore/db-client/generated/serverfeatures_grpc_pb');

export const gossipPb = loadFromClient(
  '@eventstore/db-client/generated/gossip_pb',
) as typeof import('@eventstore/db-client/generated/gossip_pb');

export const gossipGrpc = loadFromClient(
  '@eventstore/db-client/generated/gossip_grpc_pb',
) as typeof import('@eventstore/db-client/generated/gossip_grpc_pb');
