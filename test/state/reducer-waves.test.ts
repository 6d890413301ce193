// Waves through the reducer: add / rename / remove (with duplicate names), groups, counts, test users
// and their five end-user checks. Every input state is deep-frozen.
import { describe, expect, it } from 'vitest';
import type { MigrationEvent, ReduceResult } from '../../state/events.js';
import {
  END_USER_CHECK_IDS,
  emptyRootState,
  type Migration,
  type RootState,
  rootStateSchema,
} from '../../state/model.js';
import { reduce } from '../../state/reducer.js';

const T0 = '2026-03-02T08:00:00.000Z';
const BY = 'alex@mfa01';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function attempt(state: RootState, event: MigrationEvent, at = T0): ReduceResult<RootState> {
  const r = reduce(deepFreeze(state), { ...event, at, by: BY } as Parameters<typeof reduce>[1]);
  if (r.ok) rootStateSchema.parse(r.state);
  return r;
}

function apply(state: RootState, event: MigrationEvent, at = T0): RootState {
  const r = attempt(state, event, at);
  if (!r.ok) throw new Error(`refused: ${r.refusal.code}: ${r.refusal.message}`);
  return r.state;
}

function refusal(state: RootState, event: MigrationEvent) {
  const r = attempt(state, event);
  if (r.ok) throw new Error(`expected a refusal for ${event.type}`);
  return r.refusal;
}

const mig = (s: RootState): Migration => s.migrations[s.lastMigrationId!]!;

function seeded(cloud: 'global' | 'china' = 'global'): RootState {
  let s = apply(emptyRootState('t'), { type: 'create-migration', id: 'm1', name: 'Contoso', cloud });
  s = apply(s, { type: 'add-wave', id: 'w1', name: 'Pilot' });
  return s;
}

describe('add-wave', () => {
  it('adds a wave with empty groups, counts, test users and both per-wave steps pending', () => {
    const w = mig(seeded()).waves[0]!;
    expect(w).toEqual({
      id: 'w1',
      name: 'Pilot',
      createdAt: T0,
      migrationGroups: [],
      rolloutGroups: [],
      counts: {},
      testUsers: [],
      steps: {
        'migrate-users': { status: 'pending', checklist: {}, notes: '', evidence: [], history: [] },
        validate: { status: 'pending', checklist: {}, notes: '', evidence: [], history: [] },
      },
    });
  });

  it('keeps waves in the order added and trims names', () => {
    const s = apply(seeded(), { type: 'add-wave', id: 'w2', name: '  Wave 2 - IT  ' });
    expect(mig(s).waves.map((w) => [w.id, w.name])).toEqual([
      ['w1', 'Pilot'],
      ['w2', 'Wave 2 - IT'],
    ]);
  });

  it('refuses a duplicate name (ignoring case), a duplicate id, an empty or too long name', () => {
    const s = seeded();
    const dup = refusal(s, { type: 'add-wave', id: 'w2', name: ' PILOT' });
    expect(dup.code).toBe('invalid');
    expect(dup.message).toMatch(/already exists/);
    expect(refusal(s, { type: 'add-wave', id: 'w1', name: 'Other' }).code).toBe('invalid');
    expect(refusal(s, { type: 'add-wave', id: ' ', name: 'Other' }).code).toBe('invalid');
    expect(refusal(s, { type: 'add-wave', id: 'w2', name: '' }).code).toBe('invalid');
    expect(refusal(s, { type: 'add-wave', id: 'w2', name: 'x'.repeat(61) }).code).toBe('invalid');
    expect(attempt(s, { type: 'add-wave', id: 'w2', name: 'x'.repeat(60) }).ok).toBe(true);
  });
});

describe('rename-wave', () => {
  it('renames; the same name (even with other case) of the wave itself is fine', () => {
    let s = apply(seeded(), { type: 'rename-wave', waveId: 'w1', name: 'Pilot (IT)' });
    expect(mig(s).waves[0]!.name).toBe('Pilot (IT)');
    s = apply(s, { type: 'rename-wave', waveId: 'w1', name: 'PILOT (it)' });
    expect(mig(s).waves[0]!.name).toBe('PILOT (it)');
    const same = attempt(s, { type: 'rename-wave', waveId: 'w1', name: 'PILOT (it)' });
    expect(same.ok && same.state).toBe(s);
  });

  it("refuses another wave's name, an empty name and an unknown wave", () => {
    const s = apply(seeded(), { type: 'add-wave', id: 'w2', name: 'Wave 2' });
    expect(refusal(s, { type: 'rename-wave', waveId: 'w2', name: 'pilot' }).code).toBe('invalid');
    expect(refusal(s, { type: 'rename-wave', waveId: 'w2', name: '  ' }).code).toBe('invalid');
    expect(refusal(s, { type: 'rename-wave', waveId: 'w9', name: 'x' }).code).toBe('not-found');
  });
});

describe('remove-wave', () => {
  it('removes a wave and moves "current" off it to the overview of that step', () => {
    let s = apply(seeded(), { type: 'add-wave', id: 'w2', name: 'Wave 2' });
    s = apply(s, { type: 'go-to-step', ref: { step: 'validate', wave: 'w1' } });
    s = apply(s, { type: 'remove-wave', waveId: 'w1' });
    expect(mig(s).waves.map((w) => w.id)).toEqual(['w2']);
    expect(mig(s).current).toEqual({ step: 'validate' });
    expect(refusal(s, { type: 'remove-wave', waveId: 'w1' }).code).toBe('not-found');
  });

  it('keeps "current" when it points elsewhere; the freed name can be reused', () => {
    let s = apply(seeded(), { type: 'go-to-step', ref: { step: 'backup' } });
    s = apply(s, { type: 'remove-wave', waveId: 'w1' });
    expect(mig(s).current).toEqual({ step: 'backup' });
    s = apply(s, { type: 'add-wave', id: 'w3', name: 'Pilot' });
    expect(mig(s).waves.map((w) => w.id)).toEqual(['w3']);
  });

  it('refuses to remove a wave with a done step until it is reopened', () => {
    let s = apply(seeded(), { type: 'set-step-status', ref: { step: 'utility' }, status: 'done' });
    s = apply(s, { type: 'set-step-status', ref: { step: 'migrate-users', wave: 'w1' }, status: 'done' });
    const r = refusal(s, { type: 'remove-wave', waveId: 'w1' });
    expect(r.code).toBe('invalid');
    expect(r.message).toMatch(/step 5 done; reopen it/);
    s = apply(s, { type: 'reopen-step', ref: { step: 'migrate-users', wave: 'w1' } });
    expect(attempt(s, { type: 'remove-wave', waveId: 'w1' }).ok).toBe(true);
  });
});

describe('set-wave-groups', () => {
  const g = (name: string, id?: string) => ({ name, ...(id ? { id } : {}) });

  it('sets both group lists, replacing the previous ones', () => {
    let s = apply(seeded(), {
      type: 'set-wave-groups',
      waveId: 'w1',
      migrationGroups: [g('Sync-A'), g('Sync-B')],
      rolloutGroups: [],
    });
    s = apply(s, {
      type: 'set-wave-groups',
      waveId: 'w1',
      migrationGroups: [g('Sync-C')],
      rolloutGroups: [g('Roll-C')],
    });
    expect(mig(s).waves[0]).toMatchObject({ migrationGroups: [g('Sync-C')], rolloutGroups: [g('Roll-C')] });
  });

  it('refuses a group with neither name nor id, a non-GUID id, duplicates within a list', () => {
    const s = seeded();
    const base = { type: 'set-wave-groups' as const, waveId: 'w1' };
    expect(refusal(s, { ...base, migrationGroups: [{ name: ' ' }], rolloutGroups: [] }).code).toBe('invalid');
    expect(refusal(s, { ...base, migrationGroups: [{ id: 'abc' }], rolloutGroups: [] }).message).toMatch(
      /GUID/,
    );
    expect(refusal(s, { ...base, migrationGroups: [], rolloutGroups: [g('R'), g('r')] }).message).toMatch(
      /twice/,
    );
    expect(refusal(s, { ...base, waveId: 'w9', migrationGroups: [], rolloutGroups: [] }).code).toBe(
      'not-found',
    );
  });

  it('refuses more than 10 rollout groups', () => {
    const groups = Array.from({ length: 11 }, (_, i) => g(`Roll-${i}`));
    const r = refusal(seeded(), {
      type: 'set-wave-groups',
      waveId: 'w1',
      migrationGroups: [],
      rolloutGroups: groups,
    });
    expect(r.message).toMatch(/at most 10/);
    expect(
      attempt(seeded(), {
        type: 'set-wave-groups',
        waveId: 'w1',
        migrationGroups: [],
        rolloutGroups: groups.slice(0, 10),
      }).ok,
    ).toBe(true);
  });

  it('refuses rollout groups in the China cloud (no staged rollout there)', () => {
    const s = seeded('china');
    const r = refusal(s, {
      type: 'set-wave-groups',
      waveId: 'w1',
      migrationGroups: [g('Sync')],
      rolloutGroups: [g('Roll')],
    });
    expect(r.message).toMatch(/China/);
    expect(
      attempt(s, { type: 'set-wave-groups', waveId: 'w1', migrationGroups: [g('Sync')], rolloutGroups: [] })
        .ok,
    ).toBe(true);
  });
});

describe('set-wave-counts', () => {
  it('sets the given counts and keeps the others', () => {
    let s = apply(seeded(), { type: 'set-wave-counts', waveId: 'w1', members: 120 });
    s = apply(s, { type: 'set-wave-counts', waveId: 'w1', migrated: 118, verified: 0 });
    expect(mig(s).waves[0]!.counts).toEqual({ members: 120, migrated: 118, verified: 0 });
  });

  it('refuses negative or fractional counts and an unknown wave', () => {
    const s = seeded();
    expect(refusal(s, { type: 'set-wave-counts', waveId: 'w1', members: -1 }).code).toBe('invalid');
    expect(refusal(s, { type: 'set-wave-counts', waveId: 'w1', verified: 1.5 }).code).toBe('invalid');
    expect(refusal(s, { type: 'set-wave-counts', waveId: 'w9', members: 1 }).code).toBe('not-found');
  });
});

describe('test users and their five checks', () => {
  it('adds test users (trimmed), refuses duplicates ignoring case and bad UPNs', () => {
    let s = apply(seeded(), { type: 'add-test-user', waveId: 'w1', upn: ' adele@contoso.com ' });
    expect(mig(s).waves[0]!.testUsers).toEqual([{ upn: 'adele@contoso.com', checks: {} }]);
    expect(refusal(s, { type: 'add-test-user', waveId: 'w1', upn: 'ADELE@contoso.com' }).code).toBe(
      'invalid',
    );
    for (const upn of [
      '',
      'adele',
      'adele@',
      '@contoso.com',
      'a b@contoso.com',
      'a@b@contoso.com',
      'adele@localhost',
    ]) {
      expect(refusal(s, { type: 'add-test-user', waveId: 'w1', upn }).code).toBe('invalid');
    }
    expect(refusal(s, { type: 'add-test-user', waveId: 'w9', upn: 'x@contoso.com' }).code).toBe('not-found');
    s = apply(s, { type: 'add-test-user', waveId: 'w1', upn: 'megan@contoso.onmicrosoft.com' });
    expect(mig(s).waves[0]!.testUsers.map((u) => u.upn)).toEqual([
      'adele@contoso.com',
      'megan@contoso.onmicrosoft.com',
    ]);
  });

  it('records each of the five checks with result, note, who and when', () => {
    let s = apply(seeded(), { type: 'add-test-user', waveId: 'w1', upn: 'adele@contoso.com' });
    END_USER_CHECK_IDS.forEach((check, i) => {
      s = apply(s, {
        type: 'set-test-check',
        waveId: 'w1',
        upn: 'Adele@contoso.com',
        check,
        result: i === 4 ? 'n/a' : 'pass',
        ...(i === 0 ? { note: 'saw phone and app' } : {}),
      });
    });
    const checks = mig(s).waves[0]!.testUsers[0]!.checks;
    expect(Object.keys(checks).sort()).toEqual([...END_USER_CHECK_IDS].sort());
    expect(checks['methods-visible']).toEqual({ result: 'pass', note: 'saw phone and app', at: T0, by: BY });
    expect(checks['hardware-oath-works']).toEqual({ result: 'n/a', at: T0, by: BY });
    s = apply(s, {
      type: 'set-test-check',
      waveId: 'w1',
      upn: 'adele@contoso.com',
      check: 'sign-in-works',
      result: 'fail',
      note: 'AADSTS50076',
    });
    expect(mig(s).waves[0]!.testUsers[0]!.checks['sign-in-works']).toMatchObject({
      result: 'fail',
      note: 'AADSTS50076',
    });
  });

  it('refuses unknown users, checks and results', () => {
    const s = apply(seeded(), { type: 'add-test-user', waveId: 'w1', upn: 'adele@contoso.com' });
    const base = {
      type: 'set-test-check' as const,
      waveId: 'w1',
      upn: 'adele@contoso.com',
      check: 'sign-in-works' as const,
      result: 'pass' as const,
    };
    expect(refusal(s, { ...base, upn: 'nobody@contoso.com' }).code).toBe('not-found');
    expect(refusal(s, { ...base, waveId: 'w9' }).code).toBe('not-found');
    expect(refusal(s, { ...base, check: 'vibes' as never }).code).toBe('invalid');
    expect(refusal(s, { ...base, result: 'maybe' as never }).code).toBe('invalid');
  });

  it('removes test users ignoring case and refuses unknown ones', () => {
    let s = apply(seeded(), { type: 'add-test-user', waveId: 'w1', upn: 'adele@contoso.com' });
    expect(refusal(s, { type: 'remove-test-user', waveId: 'w1', upn: 'x@contoso.com' }).code).toBe(
      'not-found',
    );
    s = apply(s, { type: 'remove-test-user', waveId: 'w1', upn: 'ADELE@contoso.com' });
    expect(mig(s).waves[0]!.testUsers).toEqual([]);
  });
});

describe('per-wave steps live in their wave', () => {
  it('wave steps move independently; the top-level entries stay placeholders', () => {
    let s = apply(seeded(), { type: 'add-wave', id: 'w2', name: 'Wave 2' });
    s = apply(s, { type: 'set-step-status', ref: { step: 'utility' }, status: 'done' });
    s = apply(s, { type: 'set-step-status', ref: { step: 'migrate-users', wave: 'w2' }, status: 'done' });
    const m = mig(s);
    expect(m.waves.map((w) => w.steps['migrate-users'].status)).toEqual(['pending', 'done']);
    expect(m.waves[1]!.steps['migrate-users'].doneAt).toBe(T0);
    expect(m.steps['migrate-users']!.status).toBe('pending');
    expect(m.steps['migrate-users']!.history).toEqual([]);
  });
});
