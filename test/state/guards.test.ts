// Every guard of design §2 through the reducer: refused, overridden with a reason (recorded in
// migration.overrides and the step history), override with an empty reason refused, override naming
// another guard refused. Plus the guard functions' own edges (times, retire rows, standing overrides).
import { describe, expect, it } from 'vitest';
import type { MigrationEvent, OverrideRequest, ReduceResult } from '../../state/events.js';
import { hasStandingOverride, hoursBetween, stepGuardRefusals } from '../../state/guards.js';
import {
  emptyRootState,
  GUARD_IDS,
  type GuardId,
  type Migration,
  type RootState,
  rootStateSchema,
  type StepRef,
} from '../../state/model.js';
import { reduce } from '../../state/reducer.js';

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

const mig = (s: RootState): Migration => s.migrations[s.lastMigrationId!]!;
const done = (ref: StepRef): MigrationEvent => ({ type: 'set-step-status', ref, status: 'done' });

function seeded(cloud: 'global' | 'china' = 'global'): RootState {
  let s = apply(emptyRootState('t'), { type: 'create-migration', id: 'm1', name: 'Contoso', cloud });
  s = apply(s, { type: 'add-wave', id: 'w1', name: 'Pilot' });
  return s;
}

interface GuardCase {
  guard: GuardId;
  /** state in which this guard is the first (and only) refusing one */
  setup: () => RootState;
  event: (override?: OverrideRequest) => MigrationEvent;
  /** time of the attempt */
  at: string;
  /** where the override lands */
  ref: StepRef;
  message: RegExp;
}

const statusEvent =
  (ref: StepRef, status: 'in-progress' | 'done' = 'in-progress') =>
  (override?: OverrideRequest): MigrationEvent => ({
    type: 'set-step-status',
    ref,
    status,
    ...(override ? { override } : {}),
  });

const CASES: GuardCase[] = [
  {
    guard: 'backup-required',
    setup: () => seeded(),
    event: statusEvent({ step: 'update' }),
    at: T0,
    ref: { step: 'update' },
    message: /backup: step 2 is not done/,
  },
  {
    guard: 'backup-stale',
    setup: () => apply(seeded(), done({ step: 'backup' })),
    event: statusEvent({ step: 'update' }),
    at: hoursAfter(25),
    ref: { step: 'update' },
    message: /25 hours old/,
  },
  {
    guard: 'utility-required',
    setup: () => seeded(),
    event: statusEvent({ step: 'migrate-users', wave: 'w1' }),
    at: T0,
    ref: { step: 'migrate-users', wave: 'w1' },
    message: /step 4/,
  },
  {
    guard: 'rollout-needs-migrated',
    setup: () => seeded(),
    event: statusEvent({ step: 'validate', wave: 'w1' }),
    at: T0,
    ref: { step: 'validate', wave: 'w1' },
    message: /Wave "Pilot": finish step 5/,
  },
  {
    guard: 'rollout-same-group',
    setup: () => seeded(),
    event: (override) => ({
      type: 'set-wave-groups',
      waveId: 'w1',
      migrationGroups: [{ name: 'MFA-Pilot' }],
      rolloutGroups: [{ name: 'mfa-pilot ' }],
      ...(override ? { override } : {}),
    }),
    at: T0,
    ref: { step: 'validate', wave: 'w1' },
    message: /"mfa-pilot" is both a migration and a rollout group/,
  },
  {
    guard: 'federation-needs-users',
    setup: () => seeded(),
    event: statusEvent({ step: 'federation' }),
    at: T0,
    ref: { step: 'federation' },
    message: /step 8/,
  },
  {
    guard: 'federation-needs-dependencies',
    setup: () => {
      let s = apply(seeded(), done({ step: 'complete' }));
      s = apply(s, {
        type: 'upsert-inventory-row',
        table: 'services',
        row: {
          id: 's1',
          kind: 'radius',
          name: 'VPN',
          host: '',
          disposition: 'nps-extension',
          status: 'in-progress',
          notes: '',
        },
      });
      return s;
    },
    event: statusEvent({ step: 'federation' }),
    at: T0,
    ref: { step: 'federation' },
    message: /VPN still open/,
  },
  {
    guard: 'decommission-needs-24h',
    setup: () => seeded(),
    event: statusEvent({ step: 'decommission' }),
    at: T0,
    ref: { step: 'decommission' },
    message: /step 10 is done/,
  },
  {
    guard: 'rollback-needs-update',
    setup: () => seeded(),
    event: statusEvent({ step: 'rb-restore' }),
    at: T0,
    ref: { step: 'rb-restore' },
    message: /nothing to roll back/,
  },
];

describe('every guard', () => {
  it('covers every guard id', () => {
    expect(CASES.map((c) => c.guard).sort()).toEqual([...GUARD_IDS].sort());
  });

  for (const c of CASES) {
    describe(c.guard, () => {
      it('refuses with a one-line, overridable message that says why', () => {
        const r = attempt(c.setup(), c.event(), c.at);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.refusal).toMatchObject({ code: c.guard, overridable: true });
        expect(r.refusal.message).toMatch(c.message);
        expect(r.refusal.message).not.toMatch(/\n/);
      });

      it('applies with an override and a reason, recording it for the report and in the step history', () => {
        const s = c.setup();
        const refused = attempt(s, c.event(), c.at);
        const n = apply(s, c.event({ guard: c.guard, reason: '  CAB-1234 approved  ' }), c.at);
        const m = mig(n);
        expect(m.overrides).toEqual([
          {
            guard: c.guard,
            step: c.ref.step,
            ...(c.ref.wave ? { wave: c.ref.wave } : {}),
            reason: 'CAB-1234 approved',
            refusal: refused.ok ? '' : refused.refusal.message,
            at: c.at,
            by: BY,
          },
        ]);
        const step = c.ref.wave ? m.waves[0]!.steps[c.ref.step as 'validate'] : m.steps[c.ref.step]!;
        expect(step.history).toContainEqual({
          at: c.at,
          by: BY,
          what: `override ${c.guard}`,
          reason: 'CAB-1234 approved',
        });
      });

      it('refuses an override with an empty reason', () => {
        const r = attempt(c.setup(), c.event({ guard: c.guard, reason: '   ' }), c.at);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.refusal).toMatchObject({ code: 'invalid', overridable: false });
      });

      it('refuses an override that names another guard', () => {
        const other = GUARD_IDS.find((g) => g !== c.guard)!;
        const r = attempt(c.setup(), c.event({ guard: other, reason: 'we know' }), c.at);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.refusal.code).toBe(c.guard);
      });
    });
  }
});

describe('guards pass when their condition holds', () => {
  it('update after a fresh backup (exactly 24 h is still fresh)', () => {
    const s = apply(seeded(), done({ step: 'backup' }));
    expect(attempt(s, statusEvent({ step: 'update' })(), hoursAfter(24)).ok).toBe(true);
    expect(attempt(s, statusEvent({ step: 'update' })(), hoursAfter(24.01)).ok).toBe(false);
  });

  it('an update started with a fresh backup can be finished the next day', () => {
    let s = apply(seeded(), done({ step: 'backup' }));
    s = apply(s, statusEvent({ step: 'update' })(), hoursAfter(2));
    expect(attempt(s, done({ step: 'update' }), hoursAfter(40)).ok).toBe(true);
    // but a blocked update that restarts later meets the guard again
    s = apply(
      s,
      { type: 'set-step-status', ref: { step: 'update' }, status: 'blocked', reason: 'window closed' },
      hoursAfter(3),
    );
    const r = attempt(s, statusEvent({ step: 'update' })(), hoursAfter(40));
    expect(!r.ok && r.refusal.code).toBe('backup-stale');
  });

  it('a skipped backup does not count as a backup', () => {
    const s = apply(seeded(), {
      type: 'set-step-status',
      ref: { step: 'backup' },
      status: 'skipped',
      reason: 'x',
    });
    const r = attempt(s, statusEvent({ step: 'update' })());
    expect(!r.ok && r.refusal.code).toBe('backup-required');
  });

  it('migrate users after the utility; validate after that wave migrated (not another wave)', () => {
    let s = apply(seeded(), done({ step: 'utility' }));
    s = apply(s, { type: 'add-wave', id: 'w2', name: 'Wave 2' });
    s = apply(s, done({ step: 'migrate-users', wave: 'w1' }));
    expect(attempt(s, statusEvent({ step: 'validate', wave: 'w1' }, 'done')()).ok).toBe(true);
    const r = attempt(s, statusEvent({ step: 'validate', wave: 'w2' })());
    expect(!r.ok && r.refusal.code).toBe('rollout-needs-migrated');
  });

  it('federation after step 8 and all services done; retire rows do not count; step 9 done covers them', () => {
    let s = apply(seeded(), done({ step: 'complete' }));
    const row = { kind: 'ldap' as const, host: '', notes: '', status: 'pending' as const };
    s = apply(s, {
      type: 'upsert-inventory-row',
      table: 'services',
      row: { ...row, id: 'a', name: 'Old app', disposition: 'retire' },
    });
    expect(attempt(s, statusEvent({ step: 'federation' })()).ok).toBe(true);
    s = apply(s, {
      type: 'upsert-inventory-row',
      table: 'services',
      row: { ...row, id: 'b', name: 'Wiki', disposition: 'sspr' },
    });
    expect(attempt(s, statusEvent({ step: 'federation' })()).ok).toBe(false);
    const viaStep9 = apply(s, done({ step: 'dependencies' }));
    expect(attempt(viaStep9, statusEvent({ step: 'federation' })()).ok).toBe(true);
    s = apply(s, {
      type: 'upsert-inventory-row',
      table: 'services',
      row: { ...row, id: 'b', name: 'Wiki', disposition: 'sspr', status: 'done' },
    });
    expect(attempt(s, statusEvent({ step: 'federation' })()).ok).toBe(true);
  });

  it('decommission only 24 h after federation was done', () => {
    let s = apply(seeded(), done({ step: 'complete' }));
    s = apply(s, done({ step: 'federation' }), hoursAfter(1));
    const early = attempt(s, statusEvent({ step: 'decommission' })(), hoursAfter(13));
    expect(!early.ok && early.refusal.message).toMatch(/12 hours ago.*wait 24 hours/);
    expect(attempt(s, statusEvent({ step: 'decommission' })(), hoursAfter(25)).ok).toBe(true);
  });

  it('rollback once the update is in progress or done', () => {
    let s = apply(seeded(), done({ step: 'backup' }));
    s = apply(s, statusEvent({ step: 'update' })());
    expect(attempt(s, statusEvent({ step: 'rb-assess' })()).ok).toBe(true);
    s = apply(s, done({ step: 'update' }));
    expect(attempt(s, statusEvent({ step: 'rb-uninstall' }, 'done')()).ok).toBe(true);
  });

  it('skipping or blocking a guarded step is always allowed', () => {
    const s = seeded();
    expect(
      attempt(s, { type: 'set-step-status', ref: { step: 'update' }, status: 'blocked', reason: 'no window' })
        .ok,
    ).toBe(true);
    expect(
      attempt(s, {
        type: 'set-step-status',
        ref: { step: 'decommission' },
        status: 'skipped',
        reason: 'VM kept',
      }).ok,
    ).toBe(true);
  });

  it('different rollout and migration groups pass; groups are stored trimmed', () => {
    const s = apply(seeded(), {
      type: 'set-wave-groups',
      waveId: 'w1',
      migrationGroups: [{ name: ' MFA-Sync-Pilot ', id: '11111111-1111-1111-1111-111111111111' }],
      rolloutGroups: [{ name: 'MFA-Rollout-Pilot' }],
    });
    expect(mig(s).waves[0]).toMatchObject({
      migrationGroups: [{ name: 'MFA-Sync-Pilot', id: '11111111-1111-1111-1111-111111111111' }],
      rolloutGroups: [{ name: 'MFA-Rollout-Pilot' }],
    });
  });

  it('the same group id under different names is the same group', () => {
    const id = '22222222-2222-2222-2222-222222222222';
    const r = attempt(seeded(), {
      type: 'set-wave-groups',
      waveId: 'w1',
      migrationGroups: [{ name: 'A', id }],
      rolloutGroups: [{ name: 'B', id: id.toUpperCase() }],
    });
    expect(!r.ok && r.refusal.code).toBe('rollout-same-group');
  });
});

describe('several guards and standing overrides', () => {
  it('reports the first refusing guard; an override of it then reports the next', () => {
    let s = seeded();
    s = apply(s, {
      type: 'upsert-inventory-row',
      table: 'services',
      row: {
        id: 's1',
        kind: 'adfs',
        name: 'AD FS',
        host: '',
        disposition: 'upgrade-adfs',
        status: 'pending',
        notes: '',
      },
    });
    const first = attempt(s, statusEvent({ step: 'federation' })());
    expect(!first.ok && first.refusal.code).toBe('federation-needs-users');
    const second = attempt(
      s,
      statusEvent({ step: 'federation' })({ guard: 'federation-needs-users', reason: 'exceptions on paper' }),
    );
    expect(!second.ok && second.refusal.code).toBe('federation-needs-dependencies');
    const third = attempt(
      s,
      statusEvent({ step: 'federation' })({ guard: 'federation-needs-dependencies', reason: 'x' }),
    );
    expect(!third.ok && third.refusal.code).toBe('federation-needs-users');
    expect(mig(s).overrides).toEqual([]);
    // both guards overridden at once, each with its own reason, are both recorded
    const both = apply(s, {
      type: 'set-step-status',
      ref: { step: 'federation' },
      status: 'in-progress',
      override: [
        { guard: 'federation-needs-users', reason: 'exceptions on paper' },
        { guard: 'federation-needs-dependencies', reason: 'AD FS retires with the farm' },
      ],
    });
    expect(mig(both).overrides.map((o) => [o.guard, o.reason])).toEqual([
      ['federation-needs-users', 'exceptions on paper'],
      ['federation-needs-dependencies', 'AD FS retires with the farm'],
    ]);
    const oneEmpty = attempt(s, {
      type: 'set-step-status',
      ref: { step: 'federation' },
      status: 'in-progress',
      override: [
        { guard: 'federation-needs-users', reason: 'exceptions on paper' },
        { guard: 'federation-needs-dependencies', reason: '  ' },
      ],
    });
    expect(!oneEmpty.ok && oneEmpty.refusal.code).toBe('invalid');
  });

  it('an override stands for the same step until it is reopened', () => {
    const ref = { step: 'rb-assess' } as const;
    let s = apply(seeded(), statusEvent(ref)({ guard: 'rollback-needs-update', reason: 'rollback drill' }));
    expect(hasStandingOverride(mig(s), ref, 'rollback-needs-update')).toBe(true);
    expect(hasStandingOverride(mig(s), { step: 'rb-restore' }, 'rollback-needs-update')).toBe(false);
    // in-progress -> done later needs no second override
    s = apply(s, done(ref), hoursAfter(1));
    expect(mig(s).overrides).toHaveLength(1);
    s = apply(s, { type: 'reopen-step', ref }, hoursAfter(2));
    expect(hasStandingOverride(mig(s), ref, 'rollback-needs-update')).toBe(false);
    const r = attempt(s, done(ref), hoursAfter(3));
    expect(!r.ok && r.refusal.code).toBe('rollback-needs-update');
  });

  it('a refused event records nothing', () => {
    const s = seeded();
    const r = attempt(s, statusEvent({ step: 'update' })({ guard: 'backup-required', reason: '' }));
    expect(r.ok).toBe(false);
    expect(mig(s).overrides).toEqual([]);
    expect(mig(s).steps.update!.history).toEqual([]);
  });
});

describe('guard helpers', () => {
  it('hoursBetween is NaN for unknown times, which guards treat as refusing', () => {
    expect(hoursBetween(undefined, T0)).toBeNaN();
    expect(hoursBetween(T0, hoursAfter(3))).toBe(3);
    const m = mig(apply(seeded(), done({ step: 'backup' })));
    const noTime = { ...m, steps: { ...m.steps, backup: { ...m.steps.backup!, doneAt: 'garbage' } } };
    const r = stepGuardRefusals({ migration: noTime, ref: { step: 'update' }, target: 'done', at: T0 });
    expect(r.map((x) => x.code)).toEqual(['backup-stale']);
    expect(r[0]!.message).toMatch(/unknown age/);
  });

  it('checks only in-progress and done targets', () => {
    const m = mig(seeded());
    for (const target of ['pending', 'skipped', 'blocked'] as const) {
      expect(stepGuardRefusals({ migration: m, ref: { step: 'update' }, target, at: T0 })).toEqual([]);
    }
  });
});
