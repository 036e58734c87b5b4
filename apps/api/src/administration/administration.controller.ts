import { Controller, Get, HttpCode, HttpStatus, Param, PipeTransform, Post, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../identity/access/allow.decorator';
import { principalOf } from '../identity/principal';
import { ProblemDto } from '../openapi/api-docs.dto';
import { OfficeKey } from '../exports/office-key';
import { PROBLEM_CONTENT_TYPE, ProblemError, invalidInput } from '../problem/problem';
import { ProjectionAdminDto, RebuildsStartedDto, SigningKeyCreatedDto, SigningKeyDto, projectionAdminJson } from './administration.dto';
import { ProjectionAdministration } from './projection-administration';

const KEY_ID = /^[0-9a-f]{64}$/;

class KeyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (KEY_ID.test(value)) return value;
    throw invalidInput([{ field: 'keyId', message: 'keyId in the path must be a key fingerprint: 64 lower-case hex digits' }]);
  }
}

function problem(status: number, description: string): MethodDecorator {
  return ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
}

/**
 * The administrator's API: the read models (state, checkpoint, lag; rebuilds) and the office's
 * export signing keys. It records no ledger entries.
 */
@ApiTags('administration')
@ApiExtraModels(ProblemDto)
@Controller('api/admin')
export class AdministrationController {
  constructor(
    private readonly projections: ProjectionAdministration,
    private readonly officeKey: OfficeKey,
  ) {}

  @Get('projections')
  @Allow('administer-projections')
  @ApiOperation({ summary: "Every read model's version, generation, checkpoint, lag in events, state, fault and rebuild under way (as `ledger projections status`)" })
  @ApiResponse({ status: 200, type: [ProjectionAdminDto] })
  async status(): Promise<ProjectionAdminDto[]> {
    return (await this.projections.overview()).map(projectionAdminJson);
  }

  @Post('projections/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @Allow('administer-projections')
  @ApiOperation({ summary: 'Rebuild every read model from the start of the log into a new generation, swapped in once caught up; the current one serves meanwhile' })
  @ApiResponse({ status: 202, type: RebuildsStartedDto, description: 'Started; GET /api/admin/projections shows the progress' })
  rebuildAll(@Req() request: Request): RebuildsStartedDto {
    return { rebuilding: this.projections.rebuild(this.projections.names(), principalOf(request)) };
  }

  @Post('projections/:projection/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @Allow('administer-projections')
  @ApiOperation({ summary: 'Rebuild one read model from the start of the log into a new generation, swapped in once caught up (as `ledger projections rebuild NAME`)' })
  @ApiParam({ name: 'projection', description: 'The read model, as GET /api/admin/projections names it', example: 'register' })
  @ApiResponse({ status: 202, type: RebuildsStartedDto, description: 'Started; GET /api/admin/projections shows the progress' })
  @problem(404, 'There is no read model of this name (the detail lists those there are)')
  rebuildOne(@Param('projection') projection: string, @Req() request: Request): RebuildsStartedDto {
    return { rebuilding: this.projections.rebuild([projection], principalOf(request)) };
  }

  @Get('signing-keys')
  @Allow('administer-signing-keys')
  @ApiOperation({ summary: "The office's export signing keys: the current one, and those retired (kept so that exports they signed still verify)" })
  @ApiResponse({ status: 200, type: [SigningKeyDto] })
  signingKeys(): SigningKeyDto[] {
    return this.officeKey.allPublicKeys().map((key) => ({ keyId: key.keyId, current: key.current, since: key.since.toISOString(), publicKey: `/api/admin/signing-keys/${key.keyId}/public-key` }));
  }

  @Post('signing-keys')
  @HttpCode(HttpStatus.CREATED)
  @Allow('administer-signing-keys')
  @ApiOperation({ summary: 'Create the signing key, or rotate it: new exports are signed with a new key, the old one is retired and kept (as `ledger keys create --rotate`)' })
  @ApiResponse({ status: 201, type: SigningKeyCreatedDto })
  rotate(): SigningKeyCreatedDto {
    return this.officeKey.rotate();
  }

  @Get('signing-keys/:keyId/public-key')
  @Allow('administer-signing-keys')
  @ApiOperation({ summary: 'One public key (PEM), current or retired: what `ledger verify-export MANIFEST --public-key FILE` takes' })
  @ApiParam({ name: 'keyId', description: 'Its fingerprint' })
  @ApiProduces('application/x-pem-file')
  @ApiResponse({ status: 200, description: 'SPKI PEM' })
  @problem(400, 'The keyId is not a fingerprint')
  @problem(404, 'The office has no key with this fingerprint')
  publicKey(@Param('keyId', new KeyIdPipe()) keyId: string, @Res() response: Response): void {
    const key = this.officeKey.allPublicKeys().find((candidate) => candidate.keyId === keyId);
    if (!key) throw new ProblemError('not-found', `The office has no signing key ${keyId}.`, { field: 'keyId' });
    response.status(200).setHeader('Content-Type', 'application/x-pem-file');
    response.setHeader('Content-Disposition', `attachment; filename="office-ed25519-${keyId.slice(0, 16)}.pub.pem"`);
    response.send(key.pem);
  }
}
