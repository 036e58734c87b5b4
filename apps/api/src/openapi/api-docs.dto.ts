import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of what every endpoint answers; documentation only, never validated. */

export class CommandAnswerDto {
  @ApiProperty({ description: 'The stream written to', example: 'recommendation-1f0c…' }) streamId!: string;
  @ApiProperty({ description: 'Revision of the stream after the command (also the ETag)', example: '3' }) revision!: string;
  @ApiProperty({ description: 'Log position of the last event written (for read-your-writes)', example: '42' }) position!: string;
  @ApiProperty({ type: [String], description: 'Ids of the events appended, in order' }) eventIds!: string[];
}

export class FieldErrorDto {
  @ApiProperty({ example: 'commitment' }) field!: string;
  @ApiProperty({ example: 'commitment is required' }) message!: string;
}

export class ProblemDto {
  @ApiProperty({ example: 'tag:pfcc-ledger,2024:problems/rule-violation' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: number;
  @ApiProperty() detail!: string;
  @ApiProperty({ description: 'The request path' }) instance!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: '400: each invalid field and why' }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ description: '422: the rule that refused the command', example: 'VerifierMustDifferFromCompleter' }) rule?: string;
  @ApiPropertyOptional({ description: 'The field a rule is about, when there is one' }) field?: string;
}

export class RecordedEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'RecommendationAccepted' }) type!: string;
  @ApiProperty({ example: '1' }) revision!: string;
  @ApiProperty({ example: '7' }) position!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'actor, onBehalfOf, occurredAt, recordedAt, $correlationId, $causationId, commandId, schemaVersion, source' })
  metadata!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time', description: 'When the store wrote it' }) created!: string;
}

export class HistoryDto {
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Revision of the last event (also the ETag)' }) revision!: string;
  @ApiProperty({ type: [RecordedEventDto] }) events!: RecordedEventDto[];
}
