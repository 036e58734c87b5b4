/**
 * The read-model database's own bookkeeping. Each projection has generations: sets of physical
 * tables (`<projection>__g<n>__<table>`) with their own checkpoint. One generation is `active`
 * (queries read it), at most one is `building` (a rebuild from the start of the log) and
 * `retired` ones wait for their tables to be dropped. A rebuild ends with one transaction that
 * retires the active generation and activates the built one.
 *
 * `checkpoint` is the log position of the last event applied (NULL: none yet); it is written in
 * the same transaction as the rows, so rows and checkpoint never disagree.
 */
export const REGISTRY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS projection_registry (
  projection        TEXT    PRIMARY KEY,
  active_generation INTEGER NOT NULL,
  last_generation   INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS projection_generations (
  projection       TEXT    NOT NULL,
  generation       INTEGER NOT NULL CHECK (generation > 0),
  version          INTEGER NOT NULL,
  table_spec       TEXT    NOT NULL,
  status           TEXT    NOT NULL CHECK (status IN ('active', 'building', 'retired')),
  checkpoint       INTEGER,
  events_applied   INTEGER NOT NULL DEFAULT 0,
  fault_event_id   TEXT,
  fault_event_type TEXT,
  fault_position   INTEGER,
  fault_error      TEXT,
  faulted_at       TEXT,
  created_at       TEXT    NOT NULL,
  PRIMARY KEY (projection, generation)
) STRICT;

CREATE UNIQUE INDEX IF NOT EXISTS one_active_generation ON projection_generations (projection) WHERE status = 'active';
CREATE UNIQUE INDEX IF NOT EXISTS one_building_generation ON projection_generations (projection) WHERE status = 'building';
`;
