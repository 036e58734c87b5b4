/**
 * Gossip.Read: the cluster as one node sees it, which the client asks (for `esdb+discover://`
 * or several hosts) to find the node it prefers, the leader by default.
 */
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { gossipPb } from './client-modules';
import { uuidMessage } from './wire';

export interface ClusterMember {
  instanceId: string;
  host: string;
  port: number;
  leader: boolean;
  alive: boolean;
}

export function gossipService(members: () => ClusterMember[]): UntypedServiceImplementation {
  const State = gossipPb.MemberInfo.VNodeState;
  return {
    read(_call: unknown, callback: (error: null, response: unknown) => void) {
      const now = (BigInt(Date.now()) * 10_000n).toString();
      callback(
        null,
        new gossipPb.ClusterInfo().setMembersList(
          members().map((member) =>
            new gossipPb.MemberInfo()
              .setInstanceId(uuidMessage(member.instanceId, 'string'))
              .setTimeStamp(now)
              .setState(member.leader ? State.LEADER : State.FOLLOWER)
              .setIsAlive(member.alive)
              .setHttpEndPoint(new gossipPb.EndPoint().setAddress(member.host).setPort(member.port)),
          ),
        ),
      );
    },
  };
}
