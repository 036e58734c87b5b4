import { StatementDto } from '../commands/statement.dto';
import { DateField, TextField } from '../validation/fields';
import { TEXT_LIMITS } from '../validation/text-limits';

/** Bodies of the scrutiny challenge commands. */

export class RaiseChallengeDto extends StatementDto {
  @TextField(TEXT_LIMITS.name, { example: 'Police and Crime Panel' }) forum!: string;
  @DateField() meetingDate!: string;
  @TextField(TEXT_LIMITS.text) question!: string;
  @DateField() answerDueBy!: string;
  @TextField(TEXT_LIMITS.id, { optional: true, nullable: true, description: 'The inspection it is about, if one' }) inspectionId?: string | null;
  @TextField(TEXT_LIMITS.id, { optional: true, nullable: true, description: 'The finding it is about, if one' }) recommendationId?: string | null;
}

export class AnswerChallengeDto extends StatementDto {
  @TextField(TEXT_LIMITS.text) answer!: string;
  @DateField() answeredOn!: string;
}

export class CloseChallengeDto extends StatementDto {
  @TextField(TEXT_LIMITS.title, { description: "In the forum's words: satisfied, withdrawn, referred on…" }) outcome!: string;
  @DateField() closedOn!: string;
}
