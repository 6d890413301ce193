// Derivations for screens and reports: derived wave-step status, progress, navigator rows, open
// items, warnings, guardsFor and nextStep. States are built through the reducer.
import { describe, expect, it } from 'vitest';
import { stepDef } from '../../state/catalogue/index.js';
import type { MigrationEvent } from '../../state/events.js';
import { END_USER_CHECK_IDS, emptyRootState, type Migration, type RootState } from '../../state/model.js';
import { reduce } from '../../state/reducer.js';
import {
  currentMigration,
  describeRef,
  guardsFor,
  navigatorRows,
  nextStep,
  openItems,
  phaseProgress,
  stepRefs,
  stepStatus,
  warnings,
  waveById,
  waveStepStatus,
} from '../../state/selectors.js';

const T0 = '2026-03-02T08:00:00.000Z';
const BY = 'alex@mfa01';
const hoursAfter = (h: number) => new Date(Date.parse(T0) + h * 3_600_000).toISOString();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function apply(state: RootState, event: MigrationEvent, at = T0): RootState {
  const r = reduce(state, { ...event, at, by: BY } as Parameters<typeof reduce>[1]);
  if (!r.ok) throw new Error(`refused: ${r.refusal.code}: ${r.refusal.message}`);
  return r.state;
}

function build(...events: MigrationEvent[]): Migration {
  let s = apply(emptyRootState('t'), {
    type: 'create-migration',
    id: 'm1',
    name: 'Contoso',
    cloud: 'global',
  });
  for (const e of events) s = apply(s, e);
  // selectors must not mutate either
  return deepFreeze(s.migrations.m1!);
}

const status = (ref: MigrationEvent & { type: 'set-step-status' }) => ref;
const done = (
  step:
    | 'inventory'
    | 'backup'
    | 'update'
    | 'utility'
    | 'educate'
    | 'complete'
    | 'dependencies'
    | 'federation'
    | 'disable-portal'
    | 'decommission',
): MigrationEvent => ({
  type: 'set-step-status',
  ref: { step },
  status: 'done',
});
const waveDone = (step: 'migrate-users' | 'validate', wave: string): MigrationEvent => ({
  type: 'set-step-status',
  ref: { step, wave },
  status: 'done',
});
const wave = (id: string, name = id): MigrationEvent => ({ type: 'add-wave', id, name });

describe('currentMigration and waveById', () => {
  it('returns the last selected migration or undefined', () => {
    expect(currentMigration(emptyRootState('t'))).toBeUndefined();
    const s = apply(emptyRootState('t'), { type: 'create-migration', id: 'm1', name: 'A', cloud: 'global' });
    expect(currentMigration(s)?.id).toBe('m1');
    const m = build(wave('w1', 'Pilot'));
    expect(waveById(m, 'w1')?.name).toBe('Pilot');
    expect(waveById(m, 'nope')).toBeUndefined();
  });
});

describe('derived status of per-wave steps', () => {
  it('no waves -> pending', () => {
    expect(waveStepStatus(build(), 'migrate-users')).toBe('pending');
  });
  it('all waves pending -> pending; any started -> in-progress', () => {
    expect(waveStepStatus(build(wave('a'), wave('b')), 'migrate-users')).toBe('pending');
    const m = build(wave('a'), wave('b'), done('utility'), {
      type: 'set-step-status',
      ref: { step: 'migrate-users', wave: 'a' },
      status: 'in-progress',
    });
    expect(waveStepStatus(m, 'migrate-users')).toBe('in-progress');
    const oneDone = build(wave('a'), wave('b'), done('utility'), waveDone('migrate-users', 'a'));
    expect(waveStepStatus(oneDone, 'migrate-users')).toBe('in-progress');
  });
  it('all waves done -> done (skipped waves count as finished)', () => {
    const m = build(wave('a'), wave('b'), done('utility'), waveDone('migrate-users', 'a'), {
      type: 'set-step-status',
      ref: { step: 'migrate-users', wave: 'b' },
      status: 'skipped',
      reason: 'merged into a',
    });
    expect(waveStepStatus(m, 'migrate-users')).toBe('done');
    expect(stepStatus(m, { step: 'migrate-users' })).toBe('done');
    expect(stepStatus(m, { step: 'migrate-users', wave: 'b' })).toBe('skipped');
  });
  it('any blocked -> blocked, even when others are done', () => {
    const m = build(wave('a'), wave('b'), done('utility'), waveDone('migrate-users', 'a'), {
      type: 'set-step-status',
      ref: { step: 'migrate-users', wave: 'b' },
      status: 'blocked',
      reason: 'utility fails on MFA02',
    });
    expect(waveStepStatus(m, 'migrate-users')).toBe('blocked');
  });
  it('stepStatus of normal steps reads the step', () => {
    expect(stepStatus(build(done('backup')), { step: 'backup' })).toBe('done');
    expect(stepStatus(build(), { step: 'validate', wave: 'gone' })).toBe('pending');
  });
});

describe('phaseProgress', () => {
  it('counts done and skipped steps against the steps of the phase', () => {
    expect(phaseProgress(build(), 'preparations')).toEqual({ done: 0, total: 4 });
    const m = build(done('inventory'), done('backup'), {
      type: 'set-step-status',
      ref: { step: 'disable-portal' },
      status: 'skipped',
      reason: 'no portal',
    });
    expect(phaseProgress(m, 'preparations')).toEqual({ done: 2, total: 4 });
    expect(phaseProgress(m, 'finalize')).toEqual({ done: 1, total: 4 });
    expect(phaseProgress(m, 'rollback').done).toBe(0);
  });
  it('per-wave steps count once, derived from their waves', () => {
    const m = build(wave('a'), done('utility'), waveDone('migrate-users', 'a'), waveDone('validate', 'a'));
    expect(phaseProgress(m, 'migrations')).toEqual({ done: 2, total: 4 });
  });
});

describe('navigatorRows', () => {
  it('lists each phase, its steps, and one row per wave under steps 5 and 6', () => {
    const m = build(wave('w1', 'Pilot'), wave('w2', 'Wave 2'), {
      type: 'set-step-status',
      ref: { step: 'backup' },
      status: 'blocked',
      reason: 'no disk space',
    });
    const rows = navigatorRows(m);
    expect(rows.filter((r) => r.kind === 'phase').map((r) => r.key)).toEqual([
      'phase:preparations',
      'phase:migrations',
      'phase:finalize',
      'phase:rollback',
    ]);
    expect(rows.filter((r) => r.kind === 'step')).toHaveLength(18);
    const keys = rows.map((r) => r.key);
    expect(keys.slice(keys.indexOf('migrate-users'), keys.indexOf('educate'))).toEqual([
      'migrate-users',
      'migrate-users@w1',
      'migrate-users@w2',
      'validate',
      'validate@w1',
      'validate@w2',
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    const backup = rows.find((r) => r.key === 'backup')!;
    expect(backup).toMatchObject({
      kind: 'step',
      label: '2',
      status: 'blocked',
      note: 'no disk space',
      ref: { step: 'backup' },
    });
    expect(backup.title).toBe(stepDef('backup').title);
    expect(rows.find((r) => r.key === 'validate@w2')).toMatchObject({
      kind: 'wave',
      title: 'Wave 2',
      status: 'pending',
      ref: { step: 'validate', wave: 'w2' },
    });
    expect(rows.find((r) => r.key === 'phase:preparations')).toMatchObject({
      progress: { done: 0, total: 4 },
    });
    expect(rows.filter((r) => r.kind === 'phase').every((r) => r.ref === undefined)).toBe(true);
  });
  it('shows per-wave steps without waves with a note and no wave rows', () => {
    const rows = navigatorRows(build());
    expect(rows.some((r) => r.kind === 'wave')).toBe(false);
    expect(rows.find((r) => r.key === 'validate')).toMatchObject({ status: 'pending', note: 'no waves yet' });
  });
});

describe('openItems', () => {
  it('lists pending steps of the guide but not untouched rollback steps', () => {
    const items = openItems(build());
    const pending = items.filter((i) => i.kind === 'step-pending').map((i) => i.step);
    expect(pending).toContain('inventory');
    expect(pending).toContain('decommission');
    expect(pending).toContain('migrate-users');
    expect(pending.some((s) => s.startsWith('rb-'))).toBe(false);
  });
  it('lists blocked steps with their reason, services not done, unverified waves and pending/failed checks', () => {
    const m = build(
      wave('w1', 'Pilot'),
      { type: 'set-step-status', ref: { step: 'inventory' }, status: 'blocked', reason: 'no RDP access' },
      {
        type: 'upsert-inventory-row',
        table: 'services',
        row: {
          id: 's1',
          kind: 'radius',
          name: 'VPN',
          host: 'nps01',
          disposition: 'nps-extension',
          status: 'in-progress',
          notes: '',
        },
      },
      {
        type: 'upsert-inventory-row',
        table: 'services',
        row: {
          id: 's2',
          kind: 'ldap',
          name: 'Old',
          host: '',
          disposition: 'retire',
          status: 'pending',
          notes: '',
        },
      },
      {
        type: 'upsert-inventory-row',
        table: 'services',
        row: {
          id: 's3',
          kind: 'adfs',
          name: 'Done one',
          host: '',
          disposition: 'upgrade-adfs',
          status: 'done',
          notes: '',
        },
      },
      { type: 'set-wave-counts', waveId: 'w1', members: 50, verified: 48 },
      { type: 'add-test-user', waveId: 'w1', upn: 'adele@contoso.com' },
      {
        type: 'set-test-check',
        waveId: 'w1',
        upn: 'adele@contoso.com',
        check: 'methods-visible',
        result: 'pass',
      },
      {
        type: 'set-test-check',
        waveId: 'w1',
        upn: 'adele@contoso.com',
        check: 'sign-in-works',
        result: 'fail',
      },
      {
        type: 'set-test-check',
        waveId: 'w1',
        upn: 'adele@contoso.com',
        check: 'hardware-oath-works',
        result: 'n/a',
      },
    );
    const items = openItems(m);
    expect(items.find((i) => i.kind === 'step-blocked')).toMatchObject({
      step: 'inventory',
      text: expect.stringContaining('no RDP access'),
    });
    const services = items.filter((i) => i.kind === 'service');
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({
      step: 'dependencies',
      ref: { step: 'dependencies' },
      text: expect.stringContaining('VPN'),
    });
    expect(items.filter((i) => i.kind === 'wave-unverified')).toEqual([
      expect.objectContaining({
        wave: 'Pilot',
        ref: { step: 'migrate-users', wave: 'w1' },
        text: expect.stringContaining('2 of 50'),
      }),
    ]);
    const checks = items.filter((i) => i.kind === 'test-check');
    expect(checks).toHaveLength(END_USER_CHECK_IDS.length - 2);
    expect(checks.some((c) => c.text.includes('sign-in-works: fail'))).toBe(true);
    expect(checks.every((c) => c.ref.step === 'validate' && c.ref.wave === 'w1')).toBe(true);
  });
  it('lists unchecked checklist items of unfinished steps only', () => {
    const items = stepDef('backup').checklist;
    const first = items[0];
    const m = build(
      ...(first
        ? [{ type: 'set-checklist-item', ref: { step: 'backup' }, itemId: first.id, checked: true } as const]
        : []),
    );
    const open = openItems(m).filter((i) => i.kind === 'checklist' && i.step === 'backup');
    expect(open).toHaveLength(Math.max(0, items.length - 1));
    const finished = build(done('backup'));
    expect(openItems(finished).filter((i) => i.step === 'backup')).toEqual([]);
  });
  it('counts a wave step per wave, and "no wave yet" when there are none', () => {
    expect(openItems(build()).find((i) => i.step === 'validate')?.text).toMatch(/no wave yet/);
    const m = build(wave('a'), wave('b'));
    expect(
      openItems(m)
        .filter((i) => i.step === 'validate' && i.kind === 'step-pending')
        .map((i) => i.wave),
    ).toEqual(['a', 'b']);
  });
});

describe('warnings', () => {
  it('warns about a backup older than 24 h until the update is done', () => {
    const m = build(done('backup'));
    expect(warnings(m, hoursAfter(23)).map((w) => w.code)).toEqual([]);
    expect(warnings(m, hoursAfter(25))).toEqual([
      expect.objectContaining({ code: 'backup-stale', ref: { step: 'backup' } }),
    ]);
    const updated = build(done('backup'), done('update'));
    expect(warnings(updated, hoursAfter(100))).toEqual([]);
    const started = build(done('backup'), {
      type: 'set-step-status',
      ref: { step: 'update' },
      status: 'in-progress',
    });
    expect(warnings(started, hoursAfter(100))).toEqual([]);
  });
  it('warns about a rollout group equal to a migration group (overridden)', () => {
    const m = build(wave('w1', 'Pilot'), {
      type: 'set-wave-groups',
      waveId: 'w1',
      migrationGroups: [{ name: 'MFA-Pilot' }],
      rolloutGroups: [{ name: 'MFA-Pilot' }],
      override: { guard: 'rollout-same-group', reason: 'tiny pilot' },
    });
    expect(warnings(m, T0)).toEqual([
      expect.objectContaining({
        code: 'rollout-same-group',
        ref: { step: 'validate', wave: 'w1' },
        text: expect.stringContaining('MFA-Pilot'),
      }),
    ]);
  });
  it('warns about a rollout started before the migration of its wave (overridden)', () => {
    const m = build(
      wave('w1', 'Pilot'),
      status({
        type: 'set-step-status',
        ref: { step: 'validate', wave: 'w1' },
        status: 'in-progress',
        override: { guard: 'rollout-needs-migrated', reason: 'IT staff only' },
      }),
    );
    expect(warnings(m, T0).map((w) => w.code)).toEqual(['rollout-without-migration']);
  });
  it('warns while a federation change propagates, and about counts that do not add up', () => {
    const m = build(done('complete'), done('federation'), wave('w1'), {
      type: 'set-wave-counts',
      waveId: 'w1',
      members: 10,
      migrated: 12,
    });
    expect(
      warnings(m, hoursAfter(2))
        .map((w) => w.code)
        .sort(),
    ).toEqual(['counts-inconsistent', 'federation-propagating']);
    expect(warnings(m, hoursAfter(30)).map((w) => w.code)).toEqual(['counts-inconsistent']);
  });
});

describe('guardsFor', () => {
  it('shows the refusals before the admin presses done, and none for allowed moves', () => {
    const m = build();
    expect(guardsFor(m, { step: 'update' }, 'done', T0).map((r) => r.code)).toEqual(['backup-required']);
    expect(guardsFor(m, { step: 'update' }, 'skipped', T0)).toEqual([]);
    expect(guardsFor(m, { step: 'inventory' }, 'done', T0)).toEqual([]);
    expect(guardsFor(m, { step: 'federation' }, 'in-progress', T0).map((r) => r.code)).toEqual([
      'federation-needs-users',
    ]);
    expect(guardsFor(m, { step: 'validate' }, 'done', T0)).toEqual([]);
  });
  it('uses the given time, and leaves out guards already overridden on the step', () => {
    const m = build(done('backup'));
    expect(guardsFor(m, { step: 'update' }, 'done', hoursAfter(1))).toEqual([]);
    expect(guardsFor(m, { step: 'update' }, 'done', hoursAfter(48)).map((r) => r.code)).toEqual([
      'backup-stale',
    ]);
    const overridden = build(
      done('backup'),
      status({
        type: 'set-step-status',
        ref: { step: 'rb-assess' },
        status: 'in-progress',
        override: { guard: 'rollback-needs-update', reason: 'drill' },
      }),
    );
    expect(guardsFor(overridden, { step: 'rb-assess' }, 'done', T0)).toEqual([]);
    expect(guardsFor(overridden, { step: 'rb-restore' }, 'done', T0).map((r) => r.code)).toEqual([
      'rollback-needs-update',
    ]);
  });
});

describe('nextStep', () => {
  it('walks the guide in order, through waves, skipping finished steps', () => {
    expect(nextStep(build())).toEqual({ step: 'inventory' });
    expect(nextStep(build(done('inventory'), done('backup')))).toEqual({ step: 'update' });
    const prep = [done('inventory'), done('backup'), done('update'), done('utility')];
    expect(nextStep(build(...prep))).toEqual({ step: 'migrate-users' });
    expect(nextStep(build(...prep, wave('a'), wave('b'), waveDone('migrate-users', 'a')))).toEqual({
      step: 'migrate-users',
      wave: 'b',
    });
    expect(nextStep(build(...prep, wave('a'), waveDone('migrate-users', 'a')))).toEqual({
      step: 'validate',
      wave: 'a',
    });
  });
  it('returns undefined when steps 1-12 are all finished (rollback is not the way forward)', () => {
    const all = build(
      done('inventory'),
      done('backup'),
      done('update'),
      done('utility'),
      wave('a'),
      waveDone('migrate-users', 'a'),
      waveDone('validate', 'a'),
      done('educate'),
      done('complete'),
      done('dependencies'),
      done('federation'),
      { type: 'set-step-status', ref: { step: 'disable-portal' }, status: 'skipped', reason: 'none' },
      {
        type: 'set-step-status',
        ref: { step: 'decommission' },
        status: 'done',
        override: { guard: 'decommission-needs-24h', reason: 'lab' },
      },
    );
    expect(nextStep(all)).toBeUndefined();
  });
});

describe('stepRefs and describeRef', () => {
  it('lists every concrete step, per-wave steps once per wave', () => {
    const m = build(wave('a', 'Pilot'), wave('b'));
    const refs = stepRefs(m);
    expect(refs).toHaveLength(16 + 4);
    expect(refs.filter((r) => r.step === 'validate')).toEqual([
      { step: 'validate', wave: 'a' },
      { step: 'validate', wave: 'b' },
    ]);
    expect(describeRef(m, { step: 'validate', wave: 'a' })).toBe(`6 ${stepDef('validate').title} (Pilot)`);
  });
});
