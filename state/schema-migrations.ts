// Pure migrations of the state file from older schema versions to SCHEMA_VERSION. conf's own
// `migrations` option is documented as buggy (and keys on the program version, not the data's), so
// the store runs these on the parsed JSON before validating it with rootStateSchema.
import { SCHEMA_VERSION } from './model.js';

type Json = Record<string, unknown>;

/** A step from version N (the key) to N + 1. Must not mutate its input. */
export type SchemaMigration = (state: Json) => Json;

/**
 * Version 0 is version 1 without `writtenBy` (nobody recorded which program wrote the file) and
 * without `federationChanges` per migration (federation changes were not recorded yet).
 */
function v0ToV1(state: Json): Json {
  const migrations = isObject(state.migrations) ? state.migrations : {};
  const upgraded: Json = {};
  for (const [id, migration] of Object.entries(migrations)) {
    upgraded[id] =
      isObject(migration) && !('federationChanges' in migration)
        ? { ...migration, federationChanges: [] }
        : migration;
  }
  return {
    ...state,
    schemaVersion: 1,
    writtenBy: typeof state.writtenBy === 'string' ? state.writtenBy : 'unknown (schema v0)',
    migrations: upgraded,
  };
}

export const SCHEMA_MIGRATIONS: Readonly<Record<number, SchemaMigration>> = {
  0: v0ToV1,
};

/** The file's schemaVersion when it is a non-negative integer, else undefined. */
export function schemaVersionOf(raw: unknown): number | undefined {
  if (!isObject(raw)) return undefined;
  const version = raw.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : undefined;
}

/**
 * Brings a parsed state file up to SCHEMA_VERSION. Input at or above the current version is returned
 * as is (the store refuses newer files before calling this). Throws when the input has no usable
 * schemaVersion or a step in the chain is missing; the store reports that as an invalid file.
 */
export function migrate(raw: unknown): unknown {
  let version = schemaVersionOf(raw);
  if (version === undefined || !isObject(raw)) {
    throw new Error('it has no schemaVersion');
  }
  let state: Json = raw;
  while (version < SCHEMA_VERSION) {
    const step = SCHEMA_MIGRATIONS[version];
    if (step === undefined) throw new Error(`there is no migration from schema version ${version}`);
    state = step(state);
    version += 1;
    state = { ...state, schemaVersion: version };
  }
  return state;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
