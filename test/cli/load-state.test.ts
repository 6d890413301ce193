import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStateForReading } from '../../src/cli/load-state.js';
import { StoreError } from '../../state/store-errors.js';
import { rootWith, sampleMigration } from '../report/fixtures.js';
import { tempDir, writeState } from './run-cli.js';

// The store refuses a folder it cannot write to; reading a report from such a folder must still work.
const readOnlyStore = (() => {
  throw new StoreError('read-only', '/x', 'The state folder /x is not writable.');
}) as unknown as typeof import('../../state/store.js').openStore;

describe('loadStateForReading', () => {
  it('returns undefined and creates nothing when there is no state file', () => {
    const dir = tempDir();
    expect(loadStateForReading(dir, '0.1.0')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads through the store', () => {
    const dir = tempDir();
    writeState(dir, rootWith([sampleMigration()], 'contoso-prod-a1b2'));
    expect(loadStateForReading(dir, '0.1.0')?.lastMigrationId).toBe('contoso-prod-a1b2');
  });

  it('falls back to a schema-checked read when the folder is read-only', () => {
    const dir = tempDir();
    writeState(dir, rootWith([sampleMigration()], 'contoso-prod-a1b2'));
    expect(loadStateForReading(dir, '0.1.0', readOnlyStore)?.migrations['contoso-prod-a1b2']?.name).toBe(
      'Contoso | production',
    );
  });

  it('in a read-only folder a bad file is reported and left in place', () => {
    const dir = tempDir();
    writeState(dir, '{"nope"');
    expect(() => loadStateForReading(dir, '0.1.0', readOnlyStore)).toThrow(/left in place/);
    writeState(dir, JSON.stringify({ schemaVersion: 1 }));
    expect(() => loadStateForReading(dir, '0.1.0', readOnlyStore)).toThrow(/not a valid mfa-migrate state/);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('other store errors pass through', () => {
    const dir = tempDir();
    writeState(dir, JSON.stringify({ schemaVersion: 99, writtenBy: '7.0.0', migrations: {} }));
    expect(() => loadStateForReading(dir, '0.1.0')).toThrow(StoreError);
  });
});
