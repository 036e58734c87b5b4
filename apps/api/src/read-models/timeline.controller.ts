import { Controller, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DEFAULT_BASIS, HISTORY, queryTimeline, TIMELINE } from '@ledger/projections/read-models';
import { invalidInput } from '../problem/problem';
import { parseQuery } from './query-params';
import { ReadContext } from './read-context';
import { pageOf, READ_PARAMS } from './read-params';
import { READ_TIMES } from './read-times';
import { ReadRoute } from './read-route';

/** Every event as a readable timeline entry, and what changed between two dates. */
@ApiTags('read: timeline')
@Controller('api/read')
export class TimelineController {
  constructor(private readonly read: ReadContext) {}

  @ReadRoute('timeline', 'Timeline entries in the order things happened (occurredAt, then recordedAt): who (actor, role, organisation, on behalf of), when (occurred, a day or an instant, and recorded; flagged when recorded long after) and what changed', READ_PARAMS.timeline)
  async timeline(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const params = parseQuery(query, READ_PARAMS.timeline);
    const answer = await this.read.begin(params.atLeast, [TIMELINE], response);
    return { ...answer, ...READ_TIMES.timeline, ...queryTimeline(this.read.readModels, params, pageOf(params)) };
  }

  @ReadRoute(
    'changes',
    'What changed between two dates (inclusive): the entries of the period, and each finding with its status at the start and the end; by the date things happened (basis=occurred, the default) or by the date they were recorded (basis=recorded). The answer states its basis',
    READ_PARAMS.changes,
  )
  async changes(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const params = parseQuery(query, READ_PARAMS.changes);
    if (params.to < params.from) throw invalidInput([{ field: 'to', message: `to (${params.to}) must not be before from (${params.from})` }]);
    const answer = await this.read.begin(params.atLeast, [TIMELINE, HISTORY], response);
    return { ...answer, ...READ_TIMES.changes, ...(await this.read.history.changes({ ...params, basis: params.basis ?? DEFAULT_BASIS }, pageOf(params))) };
  }
}
