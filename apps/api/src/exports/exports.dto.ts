import { ApiProperty } from '@nestjs/swagger';
import type { ExportFormat, breakToJson } from '@ledger/integrity';
import { EnumField, TextField } from '../validation/fields';
import { TEXT_LIMITS } from '../validation/text-limits';
import { EXPORT_FORMATS } from './export-formats';

/** A signed export to create. The filters are checked by the integrity library, as in the query of a download. */
export class CreateExportDto {
  @EnumField(EXPORT_FORMATS, { description: 'jsonl: canonical, verifiable, importable; csv: audit trail; xlsx: register, audit trail, slippage' }) format!: ExportFormat;
  @TextField(TEXT_LIMITS.id, { optional: true, description: "Only this inspection's streams" }) inspection?: string;
  @TextField(TEXT_LIMITS.reference, { optional: true, description: 'police or fire' }) service?: string;
  @TextField(TEXT_LIMITS.name, { optional: true, description: 'Only streams with an event recorded by (or on behalf of) this organisation' }) organisation?: string;
  @TextField(TEXT_LIMITS.reference, { optional: true, description: 'Only streams with an event recorded on or after this date (YYYY-MM-DD, Europe/London)', example: '2024-04-01' }) from?: string;
  @TextField(TEXT_LIMITS.reference, { optional: true, description: 'Only streams with an event recorded on or before this date; later events are left out', example: '2025-03-31' }) to?: string;
}

/** OpenAPI shapes of the answers; documentation only, never validated. */

export class ExportFilterDto {
  @ApiProperty({ type: String, nullable: true }) inspection!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['police', 'fire'] }) service!: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) to!: string | null;
}

export class ExportedFileDto {
  @ApiProperty({ example: 'pfcc-ledger-2025-03-31-1f0c2a9b.jsonl' }) name!: string;
  @ApiProperty({ enum: EXPORT_FORMATS }) format!: string;
  @ApiProperty({ description: 'SHA-256 of the file, lower-case hex' }) sha256!: string;
  @ApiProperty() bytes!: number;
}

export class LedgerDigestDto {
  @ApiProperty({ description: 'The running root over the first `events` events of the log (64 hex digits)' }) digest!: string;
  @ApiProperty({ description: 'How many events it covers' }) events!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Log position of the last event covered (this store’s own); null for an empty ledger', example: '42' }) position!: string | null;
}

export class ExportLinksDto {
  @ApiProperty({ example: '/api/exports/1f0c2a9b-…/file' }) file!: string;
  @ApiProperty({ example: '/api/exports/1f0c2a9b-…/manifest' }) manifest!: string;
  @ApiProperty({ example: '/api/exports/public-key' }) publicKey!: string;
}

export class SignedExportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) created!: string;
  @ApiProperty({ type: ExportFilterDto }) filter!: ExportFilterDto;
  @ApiProperty({ description: 'True when the export holds the whole ledger as at `asAtPosition`' }) wholeLedger!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The head of the log when the export began' }) asAtPosition!: string | null;
  @ApiProperty() events!: number;
  @ApiProperty() streams!: number;
  @ApiProperty({ type: ExportedFileDto }) file!: ExportedFileDto;
  @ApiProperty({ description: 'Running root over the exported events, in file order' }) digest!: string;
  @ApiProperty({ type: LedgerDigestDto, description: "The whole ledger's digest up to the last exported event" }) ledgerDigest!: LedgerDigestDto;
  @ApiProperty({ description: 'Which key signed the manifest: SHA-256 of its public key (DER SPKI)' }) keyId!: string;
  @ApiProperty({ type: ExportLinksDto }) links!: ExportLinksDto;
}

export class ChainBreakDto {
  @ApiProperty({ example: 'hash-mismatch', description: 'hash-mismatch, prev-hash-mismatch, missing-hash, missing-revision, duplicate-revision, reordered, ...' }) problem!: string;
  @ApiProperty({ type: String, nullable: true }) streamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) revision!: string | null;
  @ApiProperty({ type: String, nullable: true }) eventId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Log position of the event' }) position!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Line of an export file; null for the live store' }) line!: number | null;
  @ApiProperty({ description: 'What differs, with the values' }) detail!: string;
}

export class VerificationReportDto {
  @ApiProperty({ description: 'True when every revision, link and hash recomputes' }) ok!: boolean;
  @ApiProperty({ type: ChainBreakDto, nullable: true, description: 'The first break; null when ok' }) break!: ReturnType<typeof breakToJson> | null;
  @ApiProperty({ description: 'Events read (up to the break, if any)' }) events!: number;
  @ApiProperty() streams!: number;
  @ApiProperty({ description: 'The ledger digest over the events read' }) digest!: string;
  @ApiProperty({ type: String, nullable: true }) lastPosition!: string | null;
}
