import { Logger } from '@nestjs/common';
import { createApp } from './create-app';
import { loadApiConfig } from './config/api-config';

async function main(): Promise<void> {
  const config = loadApiConfig(process.env);
  const app = await createApp({ config });
  app.enableShutdownHooks();
  await app.listen(config.port);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  Logger.log(`Ledger API listening on ${url} (data in ${config.dataDir}); OpenAPI UI at ${url}/api/docs`, 'Main');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
