import { COPY_RECIPIENTS, CORRECTABLE_STATUTORY_DATES, type CopyRecipient, type CorrectableStatutoryStep } from '@ledger/domain';
import { StatementDto } from '../commands/statement.dto';
import { DateField, EnumField, TextField, UrlField } from '../validation/fields';
import { TEXT_LIMITS } from '../validation/text-limits';

/** Bodies of the statutory response's steps (Police Act 1996 s.55; for fire, the action plan). */

export class InviteChiefOfficerCommentsDto extends StatementDto {
  @DateField() invitedOn!: string;
  @DateField({ description: 'The date set for the chief officer’s comments' }) commentsDueBy!: string;
}

export class RecordChiefOfficerCommentsDto extends StatementDto {
  @DateField() receivedOn!: string;
  @TextField(TEXT_LIMITS.document, { description: 'Verbatim' }) comments!: string;
}

export class RecordCommissionerCommentsDto extends StatementDto {
  @DateField() madeOn!: string;
  @TextField(TEXT_LIMITS.document, { description: 'Verbatim' }) comments!: string;
}

export class RecordReplyToChiefOfficerDto extends StatementDto {
  @DateField() madeOn!: string;
  @TextField(TEXT_LIMITS.document, { description: 'Verbatim' }) reply!: string;
}

export class PublishDto extends StatementDto {
  @DateField() publishedOn!: string;
  @UrlField() url!: string;
}

export class CorrectStatutoryDateDto extends StatementDto {
  @EnumField(Object.keys(CORRECTABLE_STATUTORY_DATES) as CorrectableStatutoryStep[], { description: 'The step whose recorded date was wrong' }) step!: CorrectableStatutoryStep;
  @DateField({ description: 'The date the step actually happened' }) correctDate!: string;
  @TextField(TEXT_LIMITS.text, { description: 'Why the recorded date was wrong' }) reason!: string;
}

export class RecordCopySentDto extends StatementDto {
  @EnumField(COPY_RECIPIENTS) recipient!: CopyRecipient;
  @DateField() sentOn!: string;
}
