/**
 * The read-model database's own bookkeeping, in the main file. Each projection has generations:
 * each its own SQLite file (see generation-files.ts) holding its tables and its checkpoint. One
 * generation is `active` (queries read it), at most one is `building` (a rebuild from the start
 * of the log, written without a journal) and `retired` ones wait for their file to be deleted. A
 * rebuild ends with one transaction here that retires the active generation and activates the
 * built one.
 *
 * `sealed` is set on a building generation whose file was made durable (fsync) when its builder
 * stopped: a later start resumes it from its checkpoint. A building generation without it was
 * being written without a journal when its process died, so its file is thrown away.
 * `builder_pid` is the process writing a building generation, `progress_checkpoint` and
 * `progress_events` how far it has got and `progress_fault` where it stopped (for status from other connections, which attach only
 * active generations' files: SQLite attaches at most 10 files to one connection).
 */
export const REGISTRY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS read_model_projections (
  projection        TEXT    PRIMARY KEY,
  active_generation INTEGER NOT NULL,
  last_generation   INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS read_model_generations (
  projection        TEXT    NOT NULL,
  generation        INTEGER NOT NULL CHECK (generation > 0),
  version           INTEGER NOT NULL,
  table_spec        TEXT    NOT NULL,
  status            TEXT    NOT NULL CHECK (status IN ('active', 'building', 'retired')),
  sealed            INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  builder_pid       INTEGER,
  progress_checkpoint INTEGER,
  progress_events   INTEGER NOT NULL DEFAULT 0,
  progress_fault    TEXT,
  created_at        TEXT    NOT NULL,
  PRIMARY KEY (projection, generation)
) STRICT;

CREATE UNIQUE INDEX IF NOT EXISTS one_active_generation ON read_model_generations (projection) WHERE status = 'active';
CREATE UNIQUE INDEX IF NOT EXISTS one_building_generation ON read_model_generations (projection) WHERE status = 'building';
`;

/** The layout before generations had files of their own: read models are disposable, so it is dropped. */
export const LEGACY_REGISTRY_TABLES = ['projection_registry', 'projection_generations'];

/**
 * Inside each generation's file: its checkpoint (the log position of the last event applied, NULL:
 * none yet), written in the same transaction as its rows, so rows and checkpoint never disagree.
 */
export function generationStateSql(schema: string): string {
  return `
CREATE TABLE IF NOT EXISTS "${schema}".generation_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  checkpoint       INTEGER,
  events_applied   INTEGER NOT NULL DEFAULT 0,
  fault_event_id   TEXT,
  fault_event_type TEXT,
  fault_position   INTEGER,
  fault_error      TEXT,
  faulted_at       TEXT
) STRICT;
INSERT OR IGNORE INTO "${schema}".generation_state (id) VALUES (1);
`;
}
