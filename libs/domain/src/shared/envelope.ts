/** Who did something, always taken from the authenticated principal. */
export interface Actor {
  id: string;
  name: string;
  role: string;
  organisation: string;
}

/** The person on whose behalf a statement was recorded (the Chief Constable's commitment typed in by staff). */
export interface OnBehalfOf {
  name: string;
  role: string;
  organisation: string;
}

export type EventSource = 'api' | 'ui' | 'import' | 'cli';

/** Metadata carried by every event. Hash-chain fields are added by the store layer. */
export interface EventMetadata {
  actor: Actor;
  onBehalfOf?: OnBehalfOf;
  /** Business time (UTC ISO-8601): may be earlier than recordedAt, e.g. the meeting where it was decided. */
  occurredAt: string;
  /** Server time (UTC ISO-8601). */
  recordedAt: string;
  $correlationId: string;
  $causationId: string;
  commandId: string;
  schemaVersion: number;
  source: EventSource;
  hash?: string;
  prevHash?: string | null;
}
