import { FINDING_TYPES, INSPECTION_SCOPES, INSPECTION_TYPES, SERVICES, type FindingType, type InspectionScope, type InspectionType, type Service } from '@ledger/domain';
import { StatementDto } from '../commands/statement.dto';
import { BooleanField, DateField, EnumField, IntField, NestedField, NestedListField, TextField, TextListField, UrlField } from '../validation/fields';
import { TEXT_LIMITS } from '../validation/text-limits';

/** A finding as the client gives it; the server assigns its id. */
export class FindingDto {
  @TextField(TEXT_LIMITS.reference, { example: 'REC 03' }) reference!: string;
  @IntField({ min: 1, max: 9999 }, { example: 3 }) number!: number;
  @EnumField(FINDING_TYPES) findingType!: FindingType;
  @TextField(TEXT_LIMITS.document, { description: 'As published, verbatim' }) text!: string;
  @TextListField(TEXT_LIMITS.text, {}, { optional: true, description: 'Bullet sub-items, verbatim' }) subItems?: string[];
  @TextListField(TEXT_LIMITS.name, {}, { optional: true, example: ['all forces'] }) addressees?: string[];
  @DateField({ optional: true, nullable: true, description: "The inspectorate's due date" }) dueDate?: string | null;
  @BooleanField({ optional: true, description: '"With immediate effect"' }) immediate?: boolean;
  @TextListField(TEXT_LIMITS.reference, {}, { optional: true, description: 'Cause of concern only: references of its recommendations' }) relatedRecommendations?: string[];
}

export class RegisterInspectionDto extends StatementDto {
  @TextField(TEXT_LIMITS.title) title!: string;
  @TextField(TEXT_LIMITS.reference, { optional: true, nullable: true }) hmicfrsReference?: string | null;
  @EnumField(INSPECTION_TYPES) inspectionType!: InspectionType;
  @TextField(TEXT_LIMITS.name, { optional: true, nullable: true, description: 'The type in the page’s own words', example: 'National Thematic' }) typeAsWritten?: string | null;
  @EnumField(INSPECTION_SCOPES) scope!: InspectionScope;
  @EnumField(SERVICES) service!: Service;
  @DateField({ example: '2024-08-22' }) publishedOn!: string;
  @UrlField({ optional: true, nullable: true }) reportUrl?: string | null;
  @TextField(TEXT_LIMITS.document, { optional: true, description: 'HTML; sanitised by the server before it is recorded' }) keyFindingsHtml?: string;
  @NestedListField(() => FindingDto) findings!: FindingDto[];
}

/** The details to change; a field left out is unchanged, null clears an optional one. */
export class InspectionDetailChangesDto {
  @TextField(TEXT_LIMITS.title, { optional: true }) title?: string;
  @TextField(TEXT_LIMITS.reference, { optional: true, nullable: true }) hmicfrsReference?: string | null;
  @EnumField(INSPECTION_TYPES, { optional: true }) inspectionType?: InspectionType;
  @TextField(TEXT_LIMITS.name, { optional: true, nullable: true }) typeAsWritten?: string | null;
  @EnumField(INSPECTION_SCOPES, { optional: true }) scope?: InspectionScope;
  @EnumField(SERVICES, { optional: true }) service?: Service;
  @DateField({ optional: true }) publishedOn?: string;
  @UrlField({ optional: true, nullable: true }) reportUrl?: string | null;
  @TextField(TEXT_LIMITS.document, { optional: true }) keyFindingsHtml?: string;
}

export class AmendInspectionDetailsDto extends StatementDto {
  @NestedField(() => InspectionDetailChangesDto) changes!: InspectionDetailChangesDto;
  @TextField(TEXT_LIMITS.text) reason!: string;
}

export class AddFindingDto extends StatementDto {
  @NestedField(() => FindingDto) finding!: FindingDto;
  @TextField(TEXT_LIMITS.text, { optional: true, nullable: true }) reason?: string | null;
}
