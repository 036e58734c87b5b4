import * as path from 'node:path';
import { createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import { writeResponseFiles } from '../../../api/src/publishing/response-files';
import { CliUsageError, type CliCommand } from '../cli-command';

export const publishResponseCommand: CliCommand = {
  name: 'publish response',
  summary: 'Write the page the office publishes for an inspection (statutory response or fire action plan) as HTML and plain text',
  usage: [
    'INSPECTION --out DIR',
    '',
    '  INSPECTION  the inspection id',
    '  --out DIR   where to write statutory-response-INSPECTION.html (stylesheet inside, printable) and .txt',
    'Both read back with `ledger import-page` as the same findings, responses and dates. Exits 1 if the',
    'inspection is not in the ledger.',
  ].join('\n'),
  options: { out: { type: 'string' } },
  async run({ values, positionals, env, stdout, stderr }) {
    if (positionals.length !== 1) throw new CliUsageError('give exactly one INSPECTION id');
    if (typeof values.out !== 'string') throw new CliUsageError('--out DIR is required');
    const [inspectionId] = positionals;
    const raw = await createEventStore(eventStoreConfigFromEnv(env));
    try {
      const written = await writeResponseFiles(raw, inspectionId, path.resolve(values.out));
      if (written === null) {
        stderr.write(`No inspection ${inspectionId} in the ledger; nothing was written.\n`);
        return 1;
      }
      const { document } = written;
      stdout.write(
        [
          `Wrote the ${document.inspection.service === 'fire' ? 'action plan' : 'statutory response'} for "${document.inspection.title}":`,
          `  ${written.html}`,
          `  ${written.text}`,
          document.publishedOn === null ? '  Not yet recorded as published: the page says so.' : `  Recorded as published on ${document.publishedOn}.`,
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      await raw.close();
    }
  },
};
