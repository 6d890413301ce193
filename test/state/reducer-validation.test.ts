// The input checks the reducer and the screens share (state/validation.ts) and the ids helpers.
import { describe, expect, it } from 'vitest';
import { phaseOf, refKey, sameRef, stepLabel, stepStateAt, stepsOfPhase } from '../../state/ids.js';
import { emptyRootState, PHASES, type RootState, STEP_IDS } from '../../state/model.js';
import { newMigration } from '../../state/new-migration.js';
import {
  isDomainName,
  isGuid,
  sameGroup,
  sharedGroups,
  validateCount,
  validateDomain,
  validateGroupRef,
  validateMigrationName,
  validateReason,
  validateTenant,
  validateTenantId,
  validateUpn,
  validateWaveName,
} from '../../state/validation.js';

const T0 = '2026-03-02T08:00:00.000Z';

function rootWith(...names: string[]): RootState {
  const root = emptyRootState('t');
  names.forEach((name, i) => {
    root.migrations[`m${i}`] = newMigration({ id: `m${i}`, name, cloud: 'global', at: T0, by: 'a@b' });
  });
  return root;
}

describe('validateMigrationName', () => {
  it('accepts 1..80 trimmed characters', () => {
    expect(validateMigrationName('a')).toBeNull();
    expect(validateMigrationName(`  ${'x'.repeat(80)}  `)).toBeNull();
  });
  it('refuses empty, blank and 300 characters with one line', () => {
    for (const bad of ['', '   ', 'x'.repeat(81), 'x'.repeat(300)]) {
      const msg = validateMigrationName(bad);
      expect(msg).toEqual(expect.any(String));
      expect(msg).not.toMatch(/\n/);
    }
    expect(validateMigrationName('x'.repeat(300))).toMatch(/300 characters.*80/);
  });
  it('refuses a name already used, ignoring case and spaces, except by the migration itself', () => {
    const root = rootWith('Contoso production');
    expect(validateMigrationName(' contoso PRODUCTION', root)).toMatch(/already exists/);
    expect(validateMigrationName('Contoso production', root, 'm0')).toBeNull();
    expect(validateMigrationName('Contoso test', root)).toBeNull();
  });
});

describe('validateTenant', () => {
  it('accepts empty, a GUID and domains', () => {
    for (const ok of [
      undefined,
      '',
      '  ',
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
      'contoso.com',
      'contoso.onmicrosoft.com',
      'contoso.partner.onmschina.cn',
      'CONTOSO.COM',
    ]) {
      expect(validateTenant(ok)).toBeNull();
    }
  });
  it('refuses things that are neither', () => {
    for (const bad of [
      'not a tenant',
      'contoso',
      '72f988bf-86f1-41af-91ab',
      'contoso..com',
      '-contoso.com',
      'contoso.c0m',
      'https://contoso.com',
    ]) {
      expect(validateTenant(bad)).toMatch(/GUID|domain/);
    }
  });
  it('tenant ids are GUIDs only', () => {
    expect(validateTenantId('72f988bf-86f1-41af-91ab-2d7cd011db47')).toBeNull();
    expect(validateTenantId('contoso.com')).toMatch(/GUID/);
  });
});

describe('validateUpn', () => {
  it('accepts user@domain', () => {
    expect(validateUpn('adele.vance@contoso.onmicrosoft.com')).toBeNull();
    expect(validateUpn(' a_b-c+d@sub.contoso.com ')).toBeNull();
  });
  it('refuses other shapes', () => {
    for (const bad of [
      '',
      'adele',
      'adele@',
      '@contoso.com',
      'a@b@contoso.com',
      'adele vance@contoso.com',
      'adele@contoso',
    ]) {
      expect(validateUpn(bad)).toEqual(expect.any(String));
    }
  });
});

describe('validateWaveName', () => {
  const m = newMigration({ id: 'm', name: 'M', cloud: 'global', at: T0, by: 'a@b' });
  const withWave = {
    ...m,
    waves: [
      {
        id: 'w1',
        name: 'Pilot',
        createdAt: T0,
        migrationGroups: [],
        rolloutGroups: [],
        counts: {},
        testUsers: [],
        steps: { 'migrate-users': m.steps.inventory!, validate: m.steps.inventory! },
      },
    ],
  };
  it('accepts 1..60 characters, unique per migration ignoring case', () => {
    expect(validateWaveName('x'.repeat(60), withWave)).toBeNull();
    expect(validateWaveName('x'.repeat(61), withWave)).toMatch(/60/);
    expect(validateWaveName(' ', withWave)).toEqual(expect.any(String));
    expect(validateWaveName('pilot', withWave)).toMatch(/already exists/);
    expect(validateWaveName('pilot', withWave, 'w1')).toBeNull();
    expect(validateWaveName('pilot', m)).toBeNull();
  });
});

describe('small checks', () => {
  it('reasons must say something', () => {
    expect(validateReason('because')).toBeNull();
    expect(validateReason(undefined)).toMatch(/reason/);
    expect(validateReason(' \t ', 'An override')).toMatch(/^An override needs a written reason/);
  });
  it('counts are whole numbers from 0', () => {
    expect(validateCount(undefined, 'x')).toBeNull();
    expect(validateCount(0, 'x')).toBeNull();
    expect(validateCount(-1, 'members')).toMatch(/members/);
    expect(validateCount(Number.NaN, 'x')).toEqual(expect.any(String));
  });
  it('domains and GUIDs', () => {
    expect(isGuid('72F988BF-86F1-41AF-91AB-2D7CD011DB47')).toBe(true);
    expect(isGuid('72F988BF86F141AF91AB2D7CD011DB47')).toBe(false);
    expect(isDomainName('a.io')).toBe(true);
    expect(isDomainName('localhost')).toBe(false);
    expect(isDomainName('contoso.xn--p1ai')).toBe(true);
    expect(isDomainName('contoso.123')).toBe(false);
    expect(validateDomain('contoso.com')).toBeNull();
    expect(validateDomain('contoso')).toEqual(expect.any(String));
  });
  it('groups: name or GUID id; same by id or by name ignoring case', () => {
    expect(validateGroupRef({ name: 'G' })).toBeNull();
    expect(validateGroupRef({ id: '11111111-1111-1111-1111-111111111111' })).toBeNull();
    expect(validateGroupRef({})).toEqual(expect.any(String));
    expect(validateGroupRef({ name: 'G', id: 'nope' })).toMatch(/GUID/);
    expect(sameGroup({ name: 'Pilot' }, { name: ' pilot ' })).toBe(true);
    expect(sameGroup({ id: 'AA' }, { id: 'aa' })).toBe(true);
    expect(sameGroup({ name: 'A', id: '1' }, { name: 'B', id: '2' })).toBe(false);
    expect(sameGroup({ name: '' }, { name: '' })).toBe(false);
    expect(
      sharedGroups({
        migrationGroups: [{ name: 'A' }, { name: 'B' }],
        rolloutGroups: [{ name: 'b' }, { name: 'C' }],
      }),
    ).toEqual([{ name: 'b' }]);
  });
});

describe('ids', () => {
  it('labels steps 1..12 then R1..', () => {
    expect(stepLabel('inventory')).toBe('1');
    expect(stepLabel('decommission')).toBe('12');
    expect(stepLabel('rb-assess')).toBe('R1');
    expect(STEP_IDS.map(stepLabel)).toHaveLength(new Set(STEP_IDS.map(stepLabel)).size);
  });
  it('puts 4 steps in each guide phase and the rest in rollback', () => {
    expect(stepsOfPhase('preparations')).toEqual(['inventory', 'backup', 'update', 'utility']);
    expect(stepsOfPhase('migrations')).toEqual(['migrate-users', 'validate', 'educate', 'complete']);
    expect(stepsOfPhase('finalize')).toEqual([
      'dependencies',
      'federation',
      'disable-portal',
      'decommission',
    ]);
    expect(PHASES.flatMap(stepsOfPhase)).toEqual([...STEP_IDS]);
    expect(phaseOf('rb-restore')).toBe('rollback');
  });
  it('ref keys and equality', () => {
    expect(refKey({ step: 'validate', wave: 'w1' })).toBe('validate@w1');
    expect(refKey({ step: 'backup' })).toBe('backup');
    expect(sameRef({ step: 'backup' }, { step: 'backup' })).toBe(true);
    expect(sameRef({ step: 'validate', wave: 'a' }, { step: 'validate' })).toBe(false);
  });
  it('stepStateAt finds the wave state, and nothing for unknown waves or waves on normal steps', () => {
    const m = newMigration({ id: 'm', name: 'M', cloud: 'global', at: T0, by: 'a@b' });
    expect(stepStateAt(m, { step: 'backup' })).toBe(m.steps.backup);
    expect(stepStateAt(m, { step: 'validate', wave: 'w1' })).toBeUndefined();
    expect(stepStateAt(m, { step: 'backup', wave: 'w1' })).toBeUndefined();
  });
});
