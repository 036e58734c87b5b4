/**
 * Run as a child process by finding-issuer.crash.spec.ts:
 *   node -r ./test/support/register-ts.js register-then-crash.fixture.ts EVENTS_FILE
 * Registers the sample inspection through the real handler and pipeline on the embedded store,
 * and kills itself with SIGKILL the moment the second finding has been issued: the inspection is
 * recorded, its findings half issued, and nothing gets to clean up.
 */
import { sampleRegisterInspection } from '@ledger/domain/inspection/sample-inspection.fixture';
import { EventStoreDecorator, SqliteEventStore, type EventToAppend, type ExpectedRevision } from '@ledger/event-store';
import { InspectionCommandHandler } from '../inspection/inspection-command.handler';
import { InspectionCommandMessage } from '../inspection/inspection-command.message';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { FindingIssuance } from './finding-issuance';

export const CRASH_AFTER_FINDINGS = 2;
export const CRASH_COMMAND_ID = 'register-sample-then-crash';

class DiesAfterIssuing extends EventStoreDecorator {
  private issued = 0;

  override async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision) {
    const result = await this.inner.append(streamId, events, expected);
    if (streamId.startsWith('recommendation-') && ++this.issued === CRASH_AFTER_FINDINGS) process.kill(process.pid, 'SIGKILL');
    return result;
  }
}

async function main(file: string): Promise<void> {
  const store = new DiesAfterIssuing(SqliteEventStore.open(file));
  const pipeline = new CommandPipeline(store, () => new Date());
  const handler = new InspectionCommandHandler(pipeline, new FindingIssuance(pipeline, store, { statutory: { fireResponseDays: 56 } }), store, () => new Date());
  await handler.execute(
    new InspectionCommandMessage(sampleRegisterInspection, {
      actor: { id: 'u-office', name: 'Office Clerk', role: 'office', organisation: 'Cumbria OPFCC' },
      source: 'import',
      commandId: CRASH_COMMAND_ID,
    }),
  );
  throw new Error(`Still alive after registering: the crash after ${CRASH_AFTER_FINDINGS} findings never happened`);
}

if (require.main === module) {
  main(process.argv[2] ?? '').catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
