import { describe, expect, it } from 'vitest';
import { emptyStepState, rootStateSchema, SCHEMA_VERSION, STEP_IDS } from '../../state/model.js';
import { migrate, SCHEMA_MIGRATIONS, schemaVersionOf } from '../../state/schema-migrations.js';

/** A schema v0 file: v1 without writtenBy and without federationChanges. */
function v0File() {
  return {
    schemaVersion: 0,
    lastMigrationId: 'm1',
    migrations: {
      m1: {
        id: 'm1',
        name: 'Contoso',
        cloud: 'gcchigh',
        demo: false,
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: 'ann@host',
        current: { step: 'backup' },
        steps: Object.fromEntries(STEP_IDS.map((step) => [step, emptyStepState()])),
        waves: [],
        inventory: { methods: [], portal: [], services: [], servers: [], loadBalancers: [] },
        overrides: [],
        exceptions: [],
      },
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('migrate', () => {
  it('has a step for every version below the current one', () => {
    for (let version = 0; version < SCHEMA_VERSION; version++) {
      expect(SCHEMA_MIGRATIONS[version], `step from v${version}`).toBeTypeOf('function');
    }
  });

  it('brings a v0 file to a valid current state without touching its input', () => {
    const input = deepFreeze(v0File());
    const output = rootStateSchema.parse(migrate(input));
    expect(output.schemaVersion).toBe(SCHEMA_VERSION);
    expect(output.writtenBy).toBe('unknown (schema v0)');
    expect(output.migrations.m1?.federationChanges).toEqual([]);
    expect(output.migrations.m1?.cloud).toBe('gcchigh');
    expect(output.lastMigrationId).toBe('m1');
    expect(input).toEqual(v0File());
  });

  it('keeps federation changes a v0 file somehow already had', () => {
    const input = v0File();
    const change = { domain: 'contoso.com', from: null, to: 'x', at: 'T', by: 'a@b' };
    const withChanges = {
      ...input,
      migrations: { m1: { ...input.migrations.m1, federationChanges: [change] } },
    };
    const output = migrate(withChanges) as { migrations: { m1: { federationChanges: unknown[] } } };
    expect(output.migrations.m1.federationChanges).toEqual([change]);
  });

  it('returns a current file as it is', () => {
    const current = { schemaVersion: SCHEMA_VERSION, writtenBy: '0.1.0', migrations: {} };
    expect(migrate(current)).toBe(current);
  });

  it('throws on input without a usable schemaVersion', () => {
    expect(() => migrate({ migrations: {} })).toThrow('no schemaVersion');
    expect(() => migrate('text')).toThrow('no schemaVersion');
  });
});

describe('schemaVersionOf', () => {
  it('reads non-negative integer versions only', () => {
    expect(schemaVersionOf({ schemaVersion: 0 })).toBe(0);
    expect(schemaVersionOf({ schemaVersion: 7 })).toBe(7);
    expect(schemaVersionOf({ schemaVersion: -1 })).toBeUndefined();
    expect(schemaVersionOf({ schemaVersion: 1.5 })).toBeUndefined();
    expect(schemaVersionOf({ schemaVersion: '1' })).toBeUndefined();
    expect(schemaVersionOf([1])).toBeUndefined();
    expect(schemaVersionOf(null)).toBeUndefined();
  });
});
