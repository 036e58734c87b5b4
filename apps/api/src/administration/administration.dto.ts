import { ApiProperty } from '@nestjs/swagger';
import type { ProjectionOverview } from './projection-administration';

/** OpenAPI shapes of the administration answers; documentation only, never validated. */

export class EventCountDto {
  @ApiProperty({ description: 'Events in the log after the checkpoint' }) events!: number;
  @ApiProperty({ description: 'True when counting stopped early: at least `events`' }) atLeast!: boolean;
}

export class RebuildUnderWayDto {
  @ApiProperty() generation!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true }) checkpoint!: string | null;
  @ApiProperty({ description: 'Events the new generation has been given' }) eventsDone!: number;
  @ApiProperty({ type: EventCountDto, description: 'Events still to go: the head of the log minus its checkpoint' }) lag!: EventCountDto;
}

export class AskedRebuildDto {
  @ApiProperty({ enum: ['running', 'swapped-in', 'failed'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) askedAt!: string;
  @ApiProperty() askedBy!: string;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
}

export class ProjectionAdminDto {
  @ApiProperty({ example: 'register' }) name!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: Number, nullable: true }) activeVersion!: number | null;
  @ApiProperty({ type: Number, nullable: true }) generation!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Log position of the last event the serving generation applied' }) checkpoint!: string | null;
  @ApiProperty({ type: EventCountDto, nullable: true }) lag!: EventCountDto | null;
  @ApiProperty({ enum: ['catching-up', 'live', 'rebuilding', 'faulted', 'not-started'] }) state!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The event it stopped at, and why' }) fault!: string | null;
  @ApiProperty({ type: RebuildUnderWayDto, nullable: true }) rebuild!: RebuildUnderWayDto | null;
  @ApiProperty({ type: AskedRebuildDto, nullable: true, description: 'The last rebuild asked for over HTTP since the server started' }) asked!: AskedRebuildDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'A failure the engine is retrying' }) error!: string | null;
}

export class RebuildsStartedDto {
  @ApiProperty({ type: [String], description: 'The read models now being rebuilt' }) rebuilding!: string[];
}

export class SigningKeyDto {
  @ApiProperty({ description: "Fingerprint: SHA-256 (hex) of the key's DER SPKI, the keyId in the manifests it signed" }) keyId!: string;
  @ApiProperty({ description: 'Signs new exports (one key does); a retired key still checks what it signed' }) current!: boolean;
  @ApiProperty({ format: 'date-time', description: 'Created (the current key) or retired' }) since!: string;
  @ApiProperty({ description: 'Its public key (PEM)' }) publicKey!: string;
}

export class SigningKeyCreatedDto {
  @ApiProperty() keyId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The key it replaced, kept to check earlier exports' }) retired!: string | null;
}

export function projectionAdminJson(overview: ProjectionOverview): ProjectionAdminDto {
  const fault = overview.fault;
  return {
    name: overview.name,
    version: overview.version,
    activeVersion: overview.activeVersion,
    generation: overview.generation,
    checkpoint: overview.checkpoint === null ? null : String(overview.checkpoint),
    lag: overview.lag,
    state: overview.state,
    fault: fault ? `generation ${fault.generation}: event ${fault.eventId} (${fault.eventType}) at ${fault.position}: ${fault.error}` : null,
    rebuild: overview.rebuild ? { ...overview.rebuild, checkpoint: overview.rebuild.checkpoint === null ? null : String(overview.rebuild.checkpoint) } : null,
    asked: overview.asked ? { ...overview.asked, askedAt: overview.asked.askedAt.toISOString() } : null,
    error: overview.error,
  };
}
