import { OccurredAtField, NestedField, TextField } from '../validation/fields';
import { TEXT_LIMITS } from '../validation/text-limits';

export class OnBehalfOfDto {
  @TextField(TEXT_LIMITS.name, { example: 'Chief Constable' }) name!: string;
  @TextField(TEXT_LIMITS.name, { example: 'Chief Constable' }) role!: string;
  @TextField(TEXT_LIMITS.name, { example: 'Cumbria Constabulary' }) organisation!: string;
}

/**
 * What every command body may say about the business event itself: on whose behalf it is
 * recorded and when it happened. Who records it is never in the body: it is the principal.
 */
export class StatementDto {
  @NestedField(() => OnBehalfOfDto, { optional: true, description: 'The person whose statement or decision this records, when staff record it for them' })
  onBehalfOf?: OnBehalfOfDto;

  @OccurredAtField({ optional: true, description: 'When it happened: a day (YYYY-MM-DD) when only the day is known, or an instant; not later than now, nor before the report was published (defaults to the time of recording)' })
  occurredAt?: string;
}

type StatementKeys = keyof StatementDto;

/** The body without its statement fields, as plain JSON: what goes into the domain command. */
export function commandFields<B extends StatementDto>(body: B): Omit<B, StatementKeys> {
  const { onBehalfOf: _onBehalfOf, occurredAt: _occurredAt, ...fields } = body;
  return JSON.parse(JSON.stringify(fields)) as Omit<B, StatementKeys>;
}
