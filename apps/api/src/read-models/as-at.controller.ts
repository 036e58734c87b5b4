import { Controller, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DEFAULT_BASIS, HISTORY } from '@ledger/projections/read-models';
import { parseQuery } from './query-params';
import { ReadContext } from './read-context';
import { pageOf, READ_PARAMS, registerFilter } from './read-params';
import { ThrottleHeavy } from '../identity/sign-in/throttle';
import { READ_TIMES } from './read-times';
import { ReadRoute } from './read-route';

/** The register at the end of a day, as it stood or as the ledger showed it, from the history read model. */
@ApiTags('read: register')
@Controller('api/read')
export class AsAtController {
  constructor(private readonly read: ReadContext) {}

  @ThrottleHeavy()
  @ReadRoute(
    'as-at',
    'The register at the end of a day (Europe/London), with overdue and RAG judged on that day: as it stood (basis=occurred, the default: by the date things happened, using everything recorded to date) or as the ledger showed it (basis=recorded: by the date entries were recorded). The answer states its basis',
    READ_PARAMS.asAt,
  )
  async asAt(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const { date, basis, atLeast, limit, offset, ...filter } = parseQuery(query, READ_PARAMS.asAt);
    const answer = await this.read.begin(atLeast, [HISTORY], response);
    return { ...answer, ...READ_TIMES.asAt, ...(await this.read.history.asAt({ date, basis: basis ?? DEFAULT_BASIS }, registerFilter(filter), pageOf({ limit, offset }))) };
  }
}
