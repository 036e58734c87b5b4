import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { STATUTORY_RESPONSE_PERIOD_DAYS } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { ChallengeCommandHandler } from './challenge/challenge-command.handler';
import { PublicRegisterCommandHandler } from './public-register/public-register-command.handler';
import { FindingIssuance } from './finding-issuance/finding-issuance';
import { FindingIssuer } from './finding-issuance/finding-issuer';
import { StreamHistoryHandler } from './history/stream-history.handler';
import { InspectionCommandHandler } from './inspection/inspection-command.handler';
import { CommandPipeline } from './pipeline/command-pipeline';
import { RecommendationCommandHandler } from './recommendation/recommendation-command.handler';
import { StatutoryResponseCommandHandler } from './statutory-response/statutory-response-command.handler';
import { MemoryCheckpoint, type ReactorCheckpoint } from './finding-issuance/reactor-checkpoint';
import { FindingIssuerThread, type FindingIssuerThreadOptions } from './finding-issuance/finding-issuer-thread';
import { CLOCK, EVENT_STORE, FINDING_ISSUER_CHECKPOINT, POLICIES, type Clock, type LedgerPolicies } from './tokens';

export interface LedgerApplicationOptions {
  eventStore: EventStore;
  /** Stamps recordedAt; the system clock unless a test fixes it. */
  clock?: Clock;
  /**
   * The office's policy for answering a fire report, counted like the police period (publication
   * day is day 1). Until the office sets one, a fire report gets the police period.
   */
  statutory?: { fireResponseDays: number };
  /** Where the FindingIssuer resumes from at boot; without one, from the beginning of the log. */
  findingIssuerCheckpoint?: ReactorCheckpoint;
  /**
   * Runs the FindingIssuer in a worker thread, off this thread's event loop, with its own
   * connection to the store `env` names (the same as `eventStore`) and its checkpoint in
   * `checkpointFile` (findingIssuerCheckpoint is then unused).
   */
  findingIssuerThread?: Pick<FindingIssuerThreadOptions, 'env' | 'checkpointFile' | 'onAppended'>;
}

@Module({})
export class LedgerApplicationModule {
  static forRoot(options: LedgerApplicationOptions): DynamicModule {
    const fireResponseDays = options.statutory?.fireResponseDays ?? STATUTORY_RESPONSE_PERIOD_DAYS;
    if (!Number.isInteger(fireResponseDays) || fireResponseDays < 1) {
      throw new RangeError(`statutory.fireResponseDays must be a positive whole number of days (got ${String(fireResponseDays)})`);
    }
    const policies: LedgerPolicies = { statutory: { fireResponseDays } };
    const thread = options.findingIssuerThread;
    const issuer = thread ? { provide: FindingIssuerThread, useFactory: () => new FindingIssuerThread({ ...thread, policies }) } : FindingIssuer;
    return {
      module: LedgerApplicationModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: EVENT_STORE, useValue: options.eventStore },
        { provide: CLOCK, useValue: options.clock ?? (() => new Date()) },
        { provide: POLICIES, useValue: policies },
        { provide: FINDING_ISSUER_CHECKPOINT, useValue: options.findingIssuerCheckpoint ?? new MemoryCheckpoint() },
        CommandPipeline,
        FindingIssuance,
        issuer,
        InspectionCommandHandler,
        RecommendationCommandHandler,
        StatutoryResponseCommandHandler,
        ChallengeCommandHandler,
        PublicRegisterCommandHandler,
        StreamHistoryHandler,
      ],
      exports: [EVENT_STORE, CLOCK, thread ? FindingIssuerThread : FindingIssuer],
    };
  }
}
