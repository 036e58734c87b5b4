/** The read-model database (`ReadModels` from @ledger/projections). */
export const READ_MODELS = Symbol('READ_MODELS');

/** The projection runner feeding the read models in this process. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

/** The log as the read side sees it (through the upcasters): the "as at" view replays it. */
export const READ_LOG = Symbol('READ_LOG');

/** {@link ReadSettings}. */
export const READ_SETTINGS = Symbol('READ_SETTINGS');

export interface ReadSettings {
  /** Today, for the values that depend on it (overdue, RAG, day numbers). */
  clock: () => Date;
  /** The longest a query with `?atLeast=` waits for the read models. */
  waitTimeoutMs: number;
}
