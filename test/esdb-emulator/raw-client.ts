/**
 * The generated gRPC clients of @eventstore/db-client, used bare, for the emulator tests that
 * look at the wire itself: how a failure is encoded, which methods are advertised.
 */
import { randomUUID } from 'node:crypto';
import type { Metadata, ServiceError } from '@grpc/grpc-js';
import type { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { grpc, serverFeaturesGrpc, sharedPb, streamsGrpc, streamsPb } from './client-modules';
import { streamIdentifier } from './wire';

export class RawClient {
  private readonly streams: InstanceType<typeof streamsGrpc.StreamsClient>;
  private readonly features: InstanceType<typeof serverFeaturesGrpc.ServerFeaturesClient>;

  constructor(port: number) {
    const credentials = grpc.credentials.createInsecure();
    this.streams = new streamsGrpc.StreamsClient(`127.0.0.1:${port}`, credentials);
    this.features = new serverFeaturesGrpc.ServerFeaturesClient(`127.0.0.1:${port}`, credentials);
  }

  close(): void {
    this.streams.close();
    this.features.close();
  }

  supportedMethods(): Promise<SupportedMethods> {
    return new Promise((resolve, reject) =>
      this.features.getSupportedMethods(new sharedPb.Empty(), (error, response) => (error ? reject(error) : resolve(response))),
    );
  }

  /** Every response of a read, and how it ended. */
  read(request: ReadReq): Promise<{ responses: ReadResp[]; error: ServiceError | null }> {
    return new Promise((resolve) => {
      const responses: ReadResp[] = [];
      const call = this.streams.read(request);
      call.on('data', (response: ReadResp) => responses.push(response));
      call.on('error', (error: ServiceError) => resolve({ responses, error }));
      call.on('end', () => resolve({ responses, error: null }));
    });
  }

  /** Responses of a subscription until `enough` says so; then the call is cancelled. */
  subscribe(request: ReadReq, enough: (responses: ReadResp[]) => boolean, onCaughtUp: () => unknown = () => undefined): Promise<ReadResp[]> {
    return new Promise((resolve, reject) => {
      const responses: ReadResp[] = [];
      const call = this.streams.read(request);
      call.on('data', (response: ReadResp) => {
        responses.push(response);
        if (response.hasCaughtUp()) onCaughtUp();
        if (!enough(responses)) return;
        call.removeAllListeners();
        call.on('error', () => undefined);
        call.cancel();
        resolve(responses);
      });
      call.on('error', reject);
    });
  }

  append(requests: AppendReq[]): Promise<AppendResp> {
    return new Promise((resolve, reject) => {
      const call = this.streams.append((error, response) => (error ? reject(error) : resolve(response!)));
      for (const request of requests) call.write(request);
      call.end();
    });
  }

  /** One batch, answered by one response. */
  batchAppend(request: BatchAppendReq): Promise<BatchAppendResp> {
    return new Promise((resolve, reject) => {
      const call = this.streams.batchAppend();
      call.on('data', (response: BatchAppendResp) => {
        resolve(response);
        call.end();
      });
      call.on('error', reject);
      call.write(request);
    });
  }
}

/** A read of one stream, forwards from its start, ids as strings. */
export function readStreamRequest(name: string): ReadReq {
  const options = new streamsPb.ReadReq.Options()
    .setStream(new streamsPb.ReadReq.Options.StreamOptions().setStreamIdentifier(streamIdentifier(name)).setStart(new sharedPb.Empty()))
    .setReadDirection(streamsPb.ReadReq.Options.ReadDirection.FORWARDS)
    .setCount('100')
    .setNoFilter(new sharedPb.Empty())
    .setUuidOption(new streamsPb.ReadReq.Options.UUIDOption().setString(new sharedPb.Empty()));
  return new streamsPb.ReadReq().setOptions(options);
}

export interface FilterSpec {
  on: 'stream' | 'type';
  prefixes?: string[];
  regex?: string;
  /** The search window; omitted, the server's default (32). */
  max?: number;
  multiplier: number;
}

/** A subscription to $all from the start, the end, or after a position. */
export function allSubscriptionRequest(from: 'start' | 'end' | bigint, filter?: FilterSpec): ReadReq {
  const all = new streamsPb.ReadReq.Options.AllOptions();
  if (from === 'start') all.setStart(new sharedPb.Empty());
  else if (from === 'end') all.setEnd(new sharedPb.Empty());
  else all.setPosition(new streamsPb.ReadReq.Options.Position().setCommitPosition(from.toString()).setPreparePosition(from.toString()));
  const options = subscriptionOptions().setAll(all);
  if (!filter) return new streamsPb.ReadReq().setOptions(options.setNoFilter(new sharedPb.Empty()));
  const expression = new streamsPb.ReadReq.Options.FilterOptions.Expression()
    .setPrefixList(filter.prefixes ?? [])
    .setRegex(filter.regex ?? '');
  const filterOptions = new streamsPb.ReadReq.Options.FilterOptions().setCheckpointintervalmultiplier(filter.multiplier);
  if (filter.on === 'stream') filterOptions.setStreamIdentifier(expression);
  else filterOptions.setEventType(expression);
  if (filter.max === undefined) filterOptions.setCount(new sharedPb.Empty());
  else filterOptions.setMax(filter.max);
  return new streamsPb.ReadReq().setOptions(options.setFilter(filterOptions));
}

/** A subscription to one stream from its start, or after a revision. */
export function streamSubscriptionRequest(name: string, from: 'start' | bigint): ReadReq {
  const stream = new streamsPb.ReadReq.Options.StreamOptions().setStreamIdentifier(streamIdentifier(name));
  if (from === 'start') stream.setStart(new sharedPb.Empty());
  else stream.setRevision(from.toString());
  return new streamsPb.ReadReq().setOptions(subscriptionOptions().setStream(stream).setNoFilter(new sharedPb.Empty()));
}

function subscriptionOptions(): ReadReq.Options {
  return new streamsPb.ReadReq.Options()
    .setReadDirection(streamsPb.ReadReq.Options.ReadDirection.FORWARDS)
    .setSubscription(new streamsPb.ReadReq.Options.SubscriptionOptions())
    .setUuidOption(new streamsPb.ReadReq.Options.UUIDOption().setString(new sharedPb.Empty()));
}

/** What a response is, for comparing sequences: `event stream@revision`, `checkpoint position`, … */
export function describeResponse(response: ReadResp): string {
  if (response.hasConfirmation()) return 'confirmation';
  if (response.hasCaughtUp()) return 'caught-up';
  if (response.hasCheckpoint()) return `checkpoint ${response.getCheckpoint()!.getCommitPosition()}`;
  const event = response.getEvent()?.getEvent();
  if (event) return `event ${Buffer.from(event.getStreamIdentifier()!.getStreamName_asU8()).toString()}@${event.getStreamRevision()}`;
  return 'other';
}

type BatchOptions = BatchAppendReq.Options;
type AppendOptions = AppendReq.Options;

/** A whole BatchAppend request: options, events with these ids, final. */
export function batchAppendRequest(name: string, ids: string[], expect: (options: BatchOptions) => BatchOptions): BatchAppendReq {
  const request = new streamsPb.BatchAppendReq()
    .setCorrelationId(new sharedPb.UUID().setString(randomUUID()))
    .setOptions(expect(new streamsPb.BatchAppendReq.Options().setStreamIdentifier(streamIdentifier(name))))
    .setIsFinal(true);
  for (const id of ids) request.addProposedMessages(jsonMessage(new streamsPb.BatchAppendReq.ProposedMessage(), id));
  return request;
}

/** The messages of a unary Append: options first, then one per event. */
export function appendRequests(name: string, ids: string[], expect: (options: AppendOptions) => AppendOptions): AppendReq[] {
  return [
    new streamsPb.AppendReq().setOptions(expect(new streamsPb.AppendReq.Options().setStreamIdentifier(streamIdentifier(name)))),
    ...ids.map((id) => new streamsPb.AppendReq().setProposedMessage(jsonMessage(new streamsPb.AppendReq.ProposedMessage(), id))),
  ];
}

function jsonMessage<Message extends AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage>(message: Message, id: string): Message {
  message.setId(new sharedPb.UUID().setString(id));
  message.getMetadataMap().set('type', 'Raw').set('content-type', 'application/json');
  message.setData(Buffer.from('{}'));
  return message;
}

export function trailers(metadata: Metadata | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata?.getMap() ?? {}).map(([key, value]) => [key, value.toString()]));
}
