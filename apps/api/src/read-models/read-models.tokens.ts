/** The read-model database (`ReadModels` from @ledger/projections). */
export const READ_MODELS = Symbol('READ_MODELS');

/** The projection runner feeding the read models in this process. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

/** {@link ReadSettings}. */
export const READ_SETTINGS = Symbol('READ_SETTINGS');

export interface ReadSettings {
  /** Today, for the values that depend on it (overdue, RAG, day numbers). */
  clock: () => Date;
  /** The longest a query with `?atLeast=` waits for the read models. */
  waitTimeoutMs: number;
}
