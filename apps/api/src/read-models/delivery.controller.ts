import { Controller, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { COMMITMENTS, queryCommitments, querySlippage, SLIPPAGE } from '@ledger/projections/read-models';
import { parseQuery } from './query-params';
import { ReadContext } from './read-context';
import { pageOf, READ_PARAMS } from './read-params';
import { READ_TIMES } from './read-times';
import { ReadRoute } from './read-route';

/** Commitments and whether they were kept; target dates and how far they slipped. */
@ApiTags('read: delivery')
@Controller('api/read')
export class DeliveryController {
  constructor(private readonly read: ReadContext) {}

  @ReadRoute('commitments', 'Who committed to what, when, by which date, and whether it was kept, missed, revised, withdrawn or is still open (as of today)', READ_PARAMS.commitments)
  async commitments(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const { outcome, ...params } = parseQuery(query, READ_PARAMS.commitments);
    const answer = await this.read.begin(params.atLeast, [COMMITMENTS], response);
    return { ...answer, ...READ_TIMES.commitments, ...queryCommitments(this.read.readModels, { ...params, outcomes: outcome }, pageOf(params), answer.today) };
  }

  @ReadRoute('slippage', 'Original and current target dates, and every request to move one: reason, requester, and who approved or refused it', READ_PARAMS.slippage)
  async slippage(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const params = parseQuery(query, READ_PARAMS.slippage);
    const answer = await this.read.begin(params.atLeast, [SLIPPAGE], response);
    return { ...answer, ...READ_TIMES.slippage, ...querySlippage(this.read.readModels, params, pageOf(params)) };
  }
}
