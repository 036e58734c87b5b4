import {
  EVIDENCE_CLASSIFICATIONS,
  INSPECTORATE_CLOSURE_OUTCOMES,
  INSPECTORATE_MAPPED_STATUSES,
  SELF_ASSESSED_RAGS,
  type EvidenceClassification,
  type InspectorateClosureOutcome,
  type InspectorateMappedStatus,
  type SelfAssessedRag,
} from '@ledger/domain';
import { StatementDto } from '../commands/statement.dto';
import { BooleanField, DateField, EnumField, IntField, Sha256Field, TextField, TextListField } from '../validation/fields';
import { TEXT_LIMITS } from '../validation/text-limits';

/** Bodies of the commands on one finding (recommendation, area for improvement or cause of concern). */

export class AssessApplicabilityDto extends StatementDto {
  @BooleanField() applicable!: boolean;
  @TextField(TEXT_LIMITS.text, { optional: true, nullable: true, description: 'Required when not applicable: the explained "no action"' }) reason?: string | null;
}

export class AcceptRecommendationDto extends StatementDto {
  @TextField(TEXT_LIMITS.text, { description: 'What was committed to, in the words of whoever committed' }) commitment!: string;
  @DateField({ optional: true, nullable: true, description: 'Becomes the first target date' }) plannedCompletionDate?: string | null;
}

export class PartiallyAcceptRecommendationDto extends StatementDto {
  @TextField(TEXT_LIMITS.text) acceptedScope!: string;
  @TextField(TEXT_LIMITS.text) notAcceptedScope!: string;
  @TextField(TEXT_LIMITS.text) reason!: string;
  @DateField({ optional: true, nullable: true }) plannedCompletionDate?: string | null;
}

export class ReasonDto extends StatementDto {
  @TextField(TEXT_LIMITS.text) reason!: string;
}

export class CommentDto extends StatementDto {
  @TextField(TEXT_LIMITS.text, { optional: true, nullable: true }) comment?: string | null;
}

export class AssignOwnerDto extends StatementDto {
  @TextField(TEXT_LIMITS.name, { description: 'The person or team answerable for delivery' }) owner!: string;
  @TextField(TEXT_LIMITS.name) organisation!: string;
}

export class SetTargetDateDto extends StatementDto {
  @DateField() targetDate!: string;
}

export class RequestTargetDateChangeDto extends StatementDto {
  @DateField({ description: 'The target date believed current' }) from!: string;
  @DateField() to!: string;
  @TextField(TEXT_LIMITS.text) reason!: string;
}

export class AddActionDto extends StatementDto {
  @TextField(TEXT_LIMITS.text) description!: string;
  @TextField(TEXT_LIMITS.name) owner!: string;
  @DateField() dueDate!: string;
}

export class RecordProgressDto extends StatementDto {
  @TextField(TEXT_LIMITS.text) narrative!: string;
  @IntField({ min: 0, max: 100 }, { optional: true, nullable: true }) percentComplete?: number | null;
  @EnumField(SELF_ASSESSED_RAGS, { description: "The owner's own assessment" }) rag!: SelfAssessedRag;
}

export class FlagDependencyDto extends StatementDto {
  @TextField(TEXT_LIMITS.name, { example: 'Soteria Joint Unit' }) dependsOn!: string;
  @TextField(TEXT_LIMITS.text) description!: string;
}

export class ClearDependencyDto extends StatementDto {
  @TextField(TEXT_LIMITS.text, { optional: true, nullable: true }) note?: string | null;
}

export class SubmitEvidenceDto extends StatementDto {
  @TextField(TEXT_LIMITS.title) title!: string;
  @TextField(TEXT_LIMITS.url, { description: 'A document reference or a URI; the ledger never holds the document' }) reference!: string;
  @Sha256Field() sha256!: string;
  @EnumField(EVIDENCE_CLASSIFICATIONS) classification!: EvidenceClassification;
}

export class MarkCompleteDto extends StatementDto {
  @TextField(TEXT_LIMITS.text) summary!: string;
  @TextListField(TEXT_LIMITS.id, {}, { description: 'Ids of evidence submitted earlier' }) evidenceIds!: string[];
}

export class RecordInspectorateStatusDto extends StatementDto {
  @TextField(TEXT_LIMITS.text, { description: "The inspectorate's own words, verbatim" }) statusText!: string;
  @DateField() statusDate!: string;
  @TextField(TEXT_LIMITS.title, { description: 'Where the status was read' }) source!: string;
  @EnumField(INSPECTORATE_MAPPED_STATUSES) mappedStatus!: InspectorateMappedStatus;
}

export class RecordInspectorateClosureDto extends StatementDto {
  @EnumField(INSPECTORATE_CLOSURE_OUTCOMES) outcome!: InspectorateClosureOutcome;
  @DateField() closedOn!: string;
  @TextField(TEXT_LIMITS.title) source!: string;
}

export class SupersedeDto extends StatementDto {
  @TextField(TEXT_LIMITS.title, { description: 'What replaces it, in words' }) supersededBy!: string;
  @TextField(TEXT_LIMITS.text) reason!: string;
}

export class CorrectEntryDateDto extends StatementDto {
  @TextField(TEXT_LIMITS.id, { description: 'The id of the earlier event of this stream whose date was wrong' }) correctsEventId!: string;
  @DateField({ description: 'The day it actually happened (Europe/London)' }) correctOccurredAt!: string;
  @TextField(TEXT_LIMITS.text, { description: 'Why the recorded date was wrong' }) reason!: string;
}

export class CorrectEntryDto extends StatementDto {
  @TextField(TEXT_LIMITS.id, { description: 'The id of the earlier event of this stream that was wrong' }) correctsEventId!: string;
  @TextField(TEXT_LIMITS.text) whatWasWrong!: string;
  @TextField(TEXT_LIMITS.text) reason!: string;
}
