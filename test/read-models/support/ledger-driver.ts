import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import {
  ChallengeCommandMessage,
  InspectionCommandMessage,
  LedgerApplicationModule,
  RecommendationCommandMessage,
  StatutoryResponseCommandMessage,
  type CommandResult,
} from '@ledger/application';
import type { Actor, ChallengeCommand, InspectionCommand, OnBehalfOf, RecommendationCommand, StatutoryResponseCommand } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';

export interface Attribution {
  as: Actor;
  onBehalfOf?: OnBehalfOf;
  /** Business time, when earlier than the recording. */
  occurredAt?: string;
}

/**
 * Sends commands through the real application layer (Nest CQRS handlers, the command pipeline,
 * the domain deciders) to a real store, with a clock the test moves: each command is recorded
 * at the instant last given to `at`.
 */
export class LedgerDriver {
  private sequence = 0;

  private constructor(
    private readonly app: INestApplicationContext,
    private readonly commands: CommandBus,
    private readonly clock: { now: Date },
  ) {}

  /** `store`: a raw store; commands go through it as the API sends them, hash-chained and upcast. */
  static async start(store: EventStore): Promise<LedgerDriver> {
    const clock = { now: new Date(0) };
    const app = await NestFactory.createApplicationContext(LedgerApplicationModule.forRoot({ eventStore: ledgerEventStore(store), clock: () => clock.now }), { logger: false });
    return new LedgerDriver(app, app.get(CommandBus), clock);
  }

  /** Commands from here on are recorded at this instant (UTC ISO-8601). */
  at(instant: string): this {
    this.clock.now = new Date(instant);
    return this;
  }

  inspection(command: InspectionCommand, who: Attribution): Promise<CommandResult> {
    return this.commands.execute(new InspectionCommandMessage(command, this.meta(who)));
  }

  recommendation(command: RecommendationCommand, who: Attribution): Promise<CommandResult> {
    return this.commands.execute(new RecommendationCommandMessage(command, this.meta(who)));
  }

  statutory(command: StatutoryResponseCommand, who: Attribution): Promise<CommandResult> {
    return this.commands.execute(new StatutoryResponseCommandMessage(command, this.meta(who)));
  }

  challenge(command: ChallengeCommand, who: Attribution): Promise<CommandResult> {
    return this.commands.execute(new ChallengeCommandMessage(command, this.meta(who)));
  }

  close(): Promise<void> {
    return this.app.close();
  }

  private meta(who: Attribution) {
    return {
      actor: who.as,
      ...(who.onBehalfOf ? { onBehalfOf: who.onBehalfOf } : {}),
      ...(who.occurredAt ? { occurredAt: who.occurredAt } : {}),
      source: 'api' as const,
      commandId: `sample-year-${++this.sequence}`,
    };
  }
}
