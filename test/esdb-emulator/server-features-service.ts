/**
 * ServerFeatures.GetSupportedMethods: what the client asks first, to decide between BatchAppend
 * (advertised by servers since 21.10) and the unary Append.
 */
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { serverFeaturesPb } from './client-modules';

/** The version a current single node reports; the client only logs it. */
export const EMULATED_SERVER_VERSION = '23.10.0';

const STREAMS = 'event_store.client.streams.streams';

export function serverFeaturesService(batchAppendEnabled: () => boolean): UntypedServiceImplementation {
  return {
    getSupportedMethods(_call: unknown, callback: (error: null, response: unknown) => void) {
      const methods: Array<[service: string, method: string, features: string[]]> = [
        ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
        [STREAMS, 'read', ['position', 'events']],
        [STREAMS, 'append', []],
        [STREAMS, 'delete', []],
        [STREAMS, 'tombstone', []],
      ];
      if (batchAppendEnabled()) methods.push([STREAMS, 'batchappend', []]);
      callback(
        null,
        new serverFeaturesPb.SupportedMethods()
          .setEventStoreServerVersion(EMULATED_SERVER_VERSION)
          .setMethodsList(
            methods.map(([service, method, features]) =>
              new serverFeaturesPb.SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList(features),
            ),
          ),
      );
    },
  };
}
