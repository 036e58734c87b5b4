import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_JSON_PATH = 'api/openapi.json';
export const OPENAPI_UI_PATH = 'api/docs';

/** Serves the OpenAPI document as JSON and a browsable UI over it. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('PFCC accountability ledger')
    .setDescription(
      'Commands record what happens to each HMICFRS inspection, recommendation, statutory response and scrutiny challenge; ' +
        'each answers with the stream revision (also its ETag) and the log position it wrote. Errors are RFC 9457 problem+json. ' +
        'The history endpoints return the raw audit trail: every event with who recorded it, on whose behalf, and when.',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, yamlDocumentUrl: 'api/openapi.yaml', customSiteTitle: 'PFCC ledger API' });
}
