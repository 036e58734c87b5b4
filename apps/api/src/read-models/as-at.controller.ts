import { Controller, Inject, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventStore } from '@ledger/event-store';
import { registerAsAt } from '@ledger/projections/read-models';
import { parseQuery } from './query-params';
import { CONSISTENT_HEADER } from './read-context';
import { pageOf, READ_PARAMS, registerFilter } from './read-params';
import { READ_LOG } from './read-models.tokens';
import { ThrottleHeavy } from '../identity/sign-in/throttle';
import { ReadRoute } from './read-route';

/** The register as it stood at the end of a day, replayed from the log. */
@ApiTags('read: register')
@Controller('api/read')
export class AsAtController {
  constructor(@Inject(READ_LOG) private readonly log: EventStore) {}

  @ThrottleHeavy()
  @ReadRoute(
    'as-at',
    'The register as it stood at the end of a day (Europe/London): every finding replayed from the events the ledger had recorded by then, with overdue and RAG as of that day',
    READ_PARAMS.asAt,
  )
  async asAt(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const { date, ...params } = parseQuery(query, READ_PARAMS.asAt);
    // Read from the log itself, so every acknowledged write is in it: always consistent.
    response.setHeader(CONSISTENT_HEADER, 'true');
    const { limit: _limit, offset: _offset, ...filter } = params;
    return { today: date, consistent: true, ...(await registerAsAt(this.log, date, registerFilter(filter), pageOf(params))) };
  }
}
