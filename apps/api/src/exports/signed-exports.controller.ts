import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, PipeTransform, Post, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CLOCK, type Clock } from '@ledger/application';
import { PUBLIC_KEY_FILE, keyId } from '@ledger/integrity';
import { Allow } from '../identity/access/allow.decorator';
import { ThrottleHeavy } from '../identity/sign-in/throttle';
import { ProblemDto } from '../openapi/api-docs.dto';
import { PROBLEM_CONTENT_TYPE, invalidInput } from '../problem/problem';
import { ExportArchive, type StoredExport } from './export-archive';
import { CONTENT_TYPES, attachment } from './export-formats';
import { exportFilterFrom } from './export-filter-input';
import { CreateExportDto, SignedExportDto } from './exports.dto';
import { OfficeKey } from './office-key';

const PEM_CONTENT_TYPE = 'application/x-pem-file';
const KEY_ID_HEADER = 'Ledger-Key-Id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

class ExportIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (UUID.test(value)) return value;
    throw invalidInput([{ field: 'id', message: 'id in the path must be an export id: a lower-case UUID, as POST /api/exports answered it' }]);
  }
}

function problem(status: number, description: string): MethodDecorator {
  return ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
}

const EXPORT_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The id POST /api/exports answered' });

/**
 * Signed exports: each kept under `<data dir>/exports/<id>/` with its manifest, signed with the
 * office's Ed25519 key. The public key is served to anyone, so that an export can be checked with
 * `ledger verify-export MANIFEST --public-key FILE` without trusting this server.
 */
@ApiTags('exports')
@ApiExtraModels(ProblemDto)
@Controller('api/exports')
export class SignedExportsController {
  constructor(
    private readonly archive: ExportArchive,
    private readonly officeKey: OfficeKey,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ThrottleHeavy()
  @HttpCode(HttpStatus.CREATED)
  @Allow('export')
  @ApiOperation({ summary: 'Create a signed export (file and manifest) of the ledger or of part of it' })
  @ApiBody({ type: CreateExportDto })
  @ApiResponse({ status: 201, type: SignedExportDto, headers: { Location: { description: 'The manifest', schema: { type: 'string' } } } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key gets the same export' })
  @problem(400, 'The format or a filter is not valid (named in `errors`)')
  @problem(422, 'The office has no signing key yet (rule OfficeSigningKeyRequired): an operator runs `ledger keys create`')
  @problem(503, 'The event store is unavailable')
  async create(@Body() body: CreateExportDto, @Res({ passthrough: true }) response: Response): Promise<SignedExportDto> {
    const { format, ...filterInput } = body;
    const filter = exportFilterFrom(filterInput);
    const signingKey = this.officeKey.signingKey();
    const created = await this.archive.create(format, filter, signingKey, this.clock());
    const answer = describe(created, keyId(signingKey));
    response.setHeader('Location', answer.links.manifest);
    return answer;
  }

  @Get('public-key')
  @Allow('public-key')
  @ApiOperation({ summary: "The office's public key (PEM): what checks a signed export's manifest, with `ledger verify-export MANIFEST --public-key FILE`" })
  @ApiProduces(PEM_CONTENT_TYPE)
  @ApiResponse({ status: 200, description: 'SPKI PEM', headers: { [KEY_ID_HEADER]: { description: 'SHA-256 (hex) of the key’s DER SPKI: the keyId in signed manifests', schema: { type: 'string' } } } })
  @problem(404, 'The office has no signing key yet')
  publicKey(@Res() response: Response): void {
    const key = this.officeKey.publicKey();
    response.status(200).setHeader('Content-Type', PEM_CONTENT_TYPE);
    response.setHeader('Content-Disposition', attachment(PUBLIC_KEY_FILE));
    response.setHeader(KEY_ID_HEADER, key.keyId);
    response.send(key.pem);
  }

  @Get(':id/file')
  @Allow('export')
  @ApiOperation({ summary: 'Download the file of a signed export' })
  @EXPORT_ID
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiResponse({ status: 200, description: 'The export file, as an attachment named as its manifest lists it' })
  @problem(400, 'The id is not an export id')
  @problem(404, 'There is no export with this id')
  async file(@Param('id', new ExportIdPipe()) id: string, @Res() response: Response): Promise<void> {
    const stored = this.archive.find(id);
    const listed = stored.manifest.files[0];
    await sendFile(response, stored.file, CONTENT_TYPES[listed.format], path.basename(stored.file));
  }

  @Get(':id/manifest')
  @Allow('export')
  @ApiOperation({ summary: "Download a signed export's manifest: counts, positions, digests, each stream's head, the file's SHA-256, the signature" })
  @EXPORT_ID
  @ApiProduces('application/json')
  @ApiResponse({ status: 200, description: 'The manifest, as an attachment named `<export file>.manifest.json`' })
  @problem(400, 'The id is not an export id')
  @problem(404, 'There is no export with this id')
  async manifest(@Param('id', new ExportIdPipe()) id: string, @Res() response: Response): Promise<void> {
    const stored = this.archive.find(id);
    await sendFile(response, stored.manifestFile, 'application/json; charset=utf-8', path.basename(stored.manifestFile));
  }
}

function describe(stored: StoredExport, signedWith: string): SignedExportDto {
  const { manifest } = stored;
  const base = `/api/exports/${stored.id}`;
  return {
    id: stored.id,
    created: manifest.created,
    filter: manifest.filter,
    wholeLedger: manifest.wholeLedger,
    asAtPosition: manifest.asAt.position,
    events: manifest.events,
    streams: manifest.streams,
    file: manifest.files[0],
    digest: manifest.digest,
    ledgerDigest: manifest.ledgerDigest,
    keyId: signedWith,
    links: { file: `${base}/file`, manifest: `${base}/manifest`, publicKey: '/api/exports/public-key' },
  };
}

async function sendFile(response: Response, file: string, contentType: string, name: string): Promise<void> {
  response.status(200).setHeader('Content-Type', contentType);
  response.setHeader('Content-Length', fs.statSync(file).size);
  response.setHeader('Content-Disposition', attachment(name));
  response.setHeader('Cache-Control', 'no-store');
  await pipeline(fs.createReadStream(file), response);
}
