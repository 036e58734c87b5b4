import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { StreamHistoryQuery } from '@ledger/application';
import type { RecordedEvent } from '@ledger/event-store';
import { etag } from '../commands/command-context';
import type { HistoryDto, RecordedEventDto } from '../openapi/api-docs.dto';

/** Reads one aggregate's stream as the raw audit trail, with its revision as the ETag. */
@Injectable()
export class HistoryReader {
  constructor(private readonly queryBus: QueryBus) {}

  async read(streamId: string, response: Response): Promise<HistoryDto> {
    const events = await this.queryBus.execute(new StreamHistoryQuery(streamId));
    const revision = events[events.length - 1].revision;
    response.setHeader('ETag', etag(revision));
    return { streamId, revision: String(revision), events: events.map(toJson) };
  }
}

function toJson(event: RecordedEvent): RecordedEventDto {
  return {
    id: event.id,
    type: event.type,
    revision: String(event.revision),
    position: String(event.position),
    data: event.data,
    metadata: event.metadata,
    created: event.created.toISOString(),
  };
}
