// The reducer's core: migrations, navigation, step status, reopen, step edits, inventory, exceptions,
// tenant pinning, federation changes — and purity (every input state is deep-frozen).
import { describe, expect, it } from 'vitest';
import { METHOD_MAPPINGS, PORTAL_MAPPINGS } from '../../state/catalogue/index.js';
import type { MigrationEvent, ReduceResult } from '../../state/events.js';
import {
  emptyRootState,
  type Migration,
  type RootState,
  rootStateSchema,
  STEP_IDS,
} from '../../state/model.js';
import { newMigration } from '../../state/new-migration.js';
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

/** Reduce on a frozen copy-free input: any mutation throws in strict mode. */
function attempt(state: RootState, event: MigrationEvent, at = T0, by = BY): ReduceResult<RootState> {
  const before = JSON.stringify(state);
  const r = reduce(deepFreeze(state), { ...event, at, by } as Parameters<typeof reduce>[1]);
  expect(JSON.stringify(state)).toBe(before);
  if (r.ok) rootStateSchema.parse(r.state); // every accepted state must load again from disk
  return r;
}

function apply(state: RootState, event: MigrationEvent, at = T0, by = BY): RootState {
  const r = attempt(state, event, at, by);
  if (!r.ok) throw new Error(`refused: ${r.refusal.code}: ${r.refusal.message}`);
  return r.state;
}

function refusal(state: RootState, event: MigrationEvent, at = T0) {
  const r = attempt(state, event, at);
  if (r.ok) throw new Error(`expected a refusal for ${event.type}`);
  return r.refusal;
}

function seeded(): RootState {
  return apply(emptyRootState('test'), {
    type: 'create-migration',
    id: 'm1',
    name: 'Contoso production',
    tenant: 'contoso.onmicrosoft.com',
    cloud: 'global',
  });
}

const mig = (s: RootState): Migration => s.migrations[s.lastMigrationId!]!;

describe('newMigration', () => {
  it('has every step pending, starts at the inventory and pre-fills the mapping tables', () => {
    const m = newMigration({ id: 'x', name: ' Test ', cloud: 'gcchigh', at: T0, by: BY });
    expect(Object.keys(m.steps).sort()).toEqual([...STEP_IDS].sort());
    for (const id of STEP_IDS)
      expect(m.steps[id]).toEqual({ status: 'pending', checklist: {}, notes: '', evidence: [], history: [] });
    expect(m.current).toEqual({ step: 'inventory' });
    expect(m.name).toBe('Test');
    expect(m.demo).toBe(false);
    expect(m.tenant).toBeUndefined();
    expect(m.inventory.methods.map((r) => r.id)).toEqual(METHOD_MAPPINGS.map((d) => d.id));
    expect(m.inventory.portal.map((r) => r.id)).toEqual(PORTAL_MAPPINGS.map((d) => d.id));
    for (const [rows, defs] of [
      [m.inventory.methods, METHOD_MAPPINGS],
      [m.inventory.portal, PORTAL_MAPPINGS],
    ] as const) {
      rows.forEach((r, i) => {
        const d = defs[i]!;
        expect(r).toEqual({
          id: d.id,
          feature: d.feature,
          area: d.area,
          inUse: 'unknown',
          entraAction: d.entraAction,
          actionNeeded: d.actionNeeded,
          notes: '',
        });
      });
    }
    expect(m.inventory.services).toEqual([]);
    expect(m.inventory.servers).toEqual([]);
    expect(m.inventory.loadBalancers).toEqual([]);
    expect(m.waves).toEqual([]);
    expect(m.overrides).toEqual([]);
  });
});

describe('create and select', () => {
  it('creates a migration, trims the name, records who and when, and selects it', () => {
    const s = apply(emptyRootState('t'), {
      type: 'create-migration',
      id: 'a',
      name: '  Fabrikam  ',
      cloud: 'dod',
      demo: true,
    });
    expect(s.lastMigrationId).toBe('a');
    const m = s.migrations.a!;
    expect(m).toMatchObject({ name: 'Fabrikam', cloud: 'dod', demo: true, createdAt: T0, createdBy: BY });
  });

  it('refuses a duplicate id and a duplicate name (ignoring case)', () => {
    const s = seeded();
    expect(refusal(s, { type: 'create-migration', id: 'm1', name: 'Other', cloud: 'global' }).code).toBe(
      'invalid',
    );
    const r = refusal(s, {
      type: 'create-migration',
      id: 'm2',
      name: 'CONTOSO PRODUCTION ',
      cloud: 'global',
    });
    expect(r).toMatchObject({ code: 'invalid', overridable: false });
    expect(r.message).toMatch(/already exists/);
  });

  it('refuses an empty or 300-character name and a bad tenant; accepts GUID and domains', () => {
    const s = emptyRootState('t');
    expect(refusal(s, { type: 'create-migration', id: 'a', name: '   ', cloud: 'global' }).code).toBe(
      'invalid',
    );
    expect(
      refusal(s, { type: 'create-migration', id: 'a', name: 'x'.repeat(300), cloud: 'global' }).message,
    ).toMatch(/300/);
    expect(
      refusal(s, { type: 'create-migration', id: 'a', name: 'ok', tenant: 'not a tenant', cloud: 'global' })
        .code,
    ).toBe('invalid');
    for (const tenant of [
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
      'contoso.com',
      'contoso.onmicrosoft.com',
      '',
    ]) {
      expect(attempt(s, { type: 'create-migration', id: 'a', name: 'ok', tenant, cloud: 'global' }).ok).toBe(
        true,
      );
    }
    expect(attempt(s, { type: 'create-migration', id: 'a', name: 'x'.repeat(80), cloud: 'global' }).ok).toBe(
      true,
    );
    expect(refusal(s, { type: 'create-migration', id: 'a', name: 'ok', cloud: 'mars' as never }).code).toBe(
      'invalid',
    );
  });

  it('selects an existing migration and refuses an unknown one', () => {
    let s = seeded();
    s = apply(s, { type: 'create-migration', id: 'm2', name: 'Test tenant', cloud: 'global' });
    expect(s.lastMigrationId).toBe('m2');
    s = apply(s, { type: 'select-migration', id: 'm1' });
    expect(s.lastMigrationId).toBe('m1');
    expect(refusal(s, { type: 'select-migration', id: 'nope' }).code).toBe('not-found');
  });

  it('refuses migration events when no migration is open', () => {
    const r = refusal(emptyRootState('t'), { type: 'set-notes', ref: { step: 'inventory' }, text: 'x' });
    expect(r.code).toBe('not-found');
  });

  it('refuses an unknown event type without changing anything', () => {
    const r = refusal(seeded(), { type: 'launch-rockets' } as never);
    expect(r.code).toBe('invalid');
    expect(r.message).toMatch(/launch-rockets/);
  });

  it('refuses events without a valid time or author', () => {
    const s = seeded();
    expect(refusal(s, { type: 'go-to-step', ref: { step: 'backup' } }, 'yesterday').code).toBe('invalid');
    const r = attempt(s, { type: 'go-to-step', ref: { step: 'backup' } }, T0, ' ');
    expect(r.ok).toBe(false);
  });
});

describe('go-to-step', () => {
  it('moves current, accepts a per-wave step without wave (overview) and with an existing wave', () => {
    let s = seeded();
    s = apply(s, { type: 'go-to-step', ref: { step: 'backup' } });
    expect(mig(s).current).toEqual({ step: 'backup' });
    s = apply(s, { type: 'go-to-step', ref: { step: 'migrate-users' } });
    expect(mig(s).current).toEqual({ step: 'migrate-users' });
    s = apply(s, { type: 'add-wave', id: 'w1', name: 'Pilot' });
    s = apply(s, { type: 'go-to-step', ref: { step: 'validate', wave: 'w1' } });
    expect(mig(s).current).toEqual({ step: 'validate', wave: 'w1' });
  });

  it('refuses an unknown wave, a wave on a normal step and an unknown step', () => {
    const s = seeded();
    expect(refusal(s, { type: 'go-to-step', ref: { step: 'validate', wave: 'zz' } }).code).toBe('not-found');
    expect(refusal(s, { type: 'go-to-step', ref: { step: 'backup', wave: 'w1' } }).code).toBe('invalid');
    expect(refusal(s, { type: 'go-to-step', ref: { step: 'nope' as never } }).code).toBe('invalid');
  });

  it('returns the same state object when nothing changes', () => {
    const s = seeded();
    const r = attempt(s, { type: 'go-to-step', ref: { step: 'inventory' } });
    expect(r.ok && r.state).toBe(s);
  });
});

describe('set-step-status', () => {
  it('records history with who and when, and doneAt on done', () => {
    let s = seeded();
    s = apply(
      s,
      { type: 'set-step-status', ref: { step: 'inventory' }, status: 'in-progress' },
      T0,
      'sam@jump',
    );
    s = apply(s, { type: 'set-step-status', ref: { step: 'inventory' }, status: 'done' }, hoursAfter(1));
    const st = mig(s).steps.inventory!;
    expect(st.status).toBe('done');
    expect(st.doneAt).toBe(hoursAfter(1));
    expect(st.history).toEqual([
      { at: T0, by: 'sam@jump', what: 'status: pending -> in-progress' },
      { at: hoursAfter(1), by: BY, what: 'status: in-progress -> done' },
    ]);
  });

  it('needs a non-empty reason for skipped and blocked, and keeps it', () => {
    const s = seeded();
    for (const status of ['skipped', 'blocked'] as const) {
      expect(refusal(s, { type: 'set-step-status', ref: { step: 'disable-portal' }, status }).code).toBe(
        'invalid',
      );
      expect(
        refusal(s, { type: 'set-step-status', ref: { step: 'disable-portal' }, status, reason: '  ' }).code,
      ).toBe('invalid');
      const n = apply(s, {
        type: 'set-step-status',
        ref: { step: 'disable-portal' },
        status,
        reason: ' No portal in use ',
      });
      const st = mig(n).steps['disable-portal']!;
      expect(st.status).toBe(status);
      expect(st.reason).toBe('No portal in use');
      expect(st.history.at(-1)).toMatchObject({
        what: `status: pending -> ${status}`,
        reason: 'No portal in use',
      });
    }
  });

  it('clears the reason when leaving blocked, and records a changed reason', () => {
    let s = seeded();
    s = apply(s, {
      type: 'set-step-status',
      ref: { step: 'inventory' },
      status: 'blocked',
      reason: 'waiting for RDP',
    });
    s = apply(s, {
      type: 'set-step-status',
      ref: { step: 'inventory' },
      status: 'blocked',
      reason: 'waiting for CAB',
    });
    expect(mig(s).steps.inventory!.reason).toBe('waiting for CAB');
    expect(mig(s).steps.inventory!.history.at(-1)).toMatchObject({
      what: 'reason changed',
      reason: 'waiting for CAB',
    });
    s = apply(s, { type: 'set-step-status', ref: { step: 'inventory' }, status: 'in-progress' });
    expect(mig(s).steps.inventory!.reason).toBeUndefined();
    expect('reason' in mig(s).steps.inventory!).toBe(false);
  });

  it('same status is a no-op that returns the same state', () => {
    const s = apply(seeded(), { type: 'set-step-status', ref: { step: 'inventory' }, status: 'in-progress' });
    const r = attempt(s, { type: 'set-step-status', ref: { step: 'inventory' }, status: 'in-progress' });
    expect(r.ok && r.state).toBe(s);
  });

  it('refuses changing a done step without reopening it', () => {
    const s = apply(seeded(), { type: 'set-step-status', ref: { step: 'inventory' }, status: 'done' });
    const r = refusal(s, {
      type: 'set-step-status',
      ref: { step: 'inventory' },
      status: 'blocked',
      reason: 'x',
    });
    expect(r.code).toBe('invalid');
    expect(r.message).toMatch(/reopen/);
  });

  it('refuses an unknown status', () => {
    expect(
      refusal(seeded(), { type: 'set-step-status', ref: { step: 'inventory' }, status: 'nearly' as never })
        .code,
    ).toBe('invalid');
  });

  it('needs a wave for per-wave steps and refuses one on other steps; placeholders stay untouched', () => {
    let s = seeded();
    const r = refusal(s, {
      type: 'set-step-status',
      ref: { step: 'migrate-users' },
      status: 'skipped',
      reason: 'x',
    });
    expect(r.code).toBe('invalid');
    expect(r.message).toMatch(/per wave/);
    expect(
      refusal(s, { type: 'set-step-status', ref: { step: 'backup', wave: 'w1' }, status: 'done' }).code,
    ).toBe('invalid');
    expect(
      refusal(s, {
        type: 'set-step-status',
        ref: { step: 'validate', wave: 'w9' },
        status: 'skipped',
        reason: 'x',
      }).code,
    ).toBe('not-found');
    s = apply(s, { type: 'add-wave', id: 'w1', name: 'Pilot' });
    s = apply(s, {
      type: 'set-step-status',
      ref: { step: 'validate', wave: 'w1' },
      status: 'blocked',
      reason: 'no test users',
    });
    expect(mig(s).waves[0]!.steps.validate.status).toBe('blocked');
    expect(mig(s).steps.validate!.status).toBe('pending');
  });

  it('ignores an override nobody needed and records nothing', () => {
    const s = apply(seeded(), {
      type: 'set-step-status',
      ref: { step: 'inventory' },
      status: 'done',
      override: { guard: 'backup-required', reason: 'because' },
    });
    expect(mig(s).overrides).toEqual([]);
    expect(mig(s).steps.inventory!.history.map((h) => h.what)).toEqual(['status: pending -> done']);
  });
});

describe('reopen-step', () => {
  it('moves a done step back to in-progress, clears doneAt and keeps the history', () => {
    let s = seeded();
    s = apply(s, { type: 'set-step-status', ref: { step: 'backup' }, status: 'done' });
    s = apply(
      s,
      { type: 'reopen-step', ref: { step: 'backup' }, reason: 'backup went to the wrong share' },
      hoursAfter(2),
    );
    const st = mig(s).steps.backup!;
    expect(st.status).toBe('in-progress');
    expect(st.doneAt).toBeUndefined();
    expect(st.history).toEqual([
      { at: T0, by: BY, what: 'status: pending -> done' },
      { at: hoursAfter(2), by: BY, what: 'reopened', reason: 'backup went to the wrong share' },
    ]);
    s = apply(s, { type: 'set-step-status', ref: { step: 'backup' }, status: 'done' }, hoursAfter(3));
    expect(mig(s).steps.backup!.doneAt).toBe(hoursAfter(3));
    expect(mig(s).steps.backup!.history).toHaveLength(3);
  });

  it('reopens a skipped step (reason cleared) and refuses a step that is not done', () => {
    let s = seeded();
    expect(refusal(s, { type: 'reopen-step', ref: { step: 'backup' } }).code).toBe('invalid');
    s = apply(s, {
      type: 'set-step-status',
      ref: { step: 'disable-portal' },
      status: 'skipped',
      reason: 'no portal',
    });
    s = apply(s, { type: 'reopen-step', ref: { step: 'disable-portal' } });
    expect(mig(s).steps['disable-portal']).toMatchObject({ status: 'in-progress' });
    expect(mig(s).steps['disable-portal']!.reason).toBeUndefined();
    expect(mig(s).steps['disable-portal']!.history.at(-1)).toEqual({ at: T0, by: BY, what: 'reopened' });
  });

  it('reopens a wave step in its wave', () => {
    let s = seeded();
    s = apply(s, { type: 'add-wave', id: 'w1', name: 'Pilot' });
    s = apply(s, { type: 'set-step-status', ref: { step: 'utility' }, status: 'done' });
    s = apply(s, { type: 'set-step-status', ref: { step: 'migrate-users', wave: 'w1' }, status: 'done' });
    s = apply(s, { type: 'reopen-step', ref: { step: 'migrate-users', wave: 'w1' } });
    expect(mig(s).waves[0]!.steps['migrate-users'].status).toBe('in-progress');
    expect(refusal(s, { type: 'reopen-step', ref: { step: 'migrate-users' } }).code).toBe('invalid');
  });
});

describe('checklist, notes and evidence', () => {
  it('records a checklist answer with who/when and starts a pending step', () => {
    let s = seeded();
    s = apply(s, {
      type: 'set-checklist-item',
      ref: { step: 'inventory' },
      itemId: 'radius',
      checked: true,
      note: 'two NPS',
    });
    const st = mig(s).steps.inventory!;
    expect(st.checklist.radius).toEqual({ checked: true, note: 'two NPS', at: T0, by: BY });
    expect(st.status).toBe('in-progress');
    expect(st.history).toEqual([{ at: T0, by: BY, what: 'status: pending -> in-progress' }]);
    s = apply(
      s,
      { type: 'set-checklist-item', ref: { step: 'inventory' }, itemId: 'radius', checked: false },
      hoursAfter(1),
    );
    expect(mig(s).steps.inventory!.checklist.radius).toEqual({ checked: false, at: hoursAfter(1), by: BY });
    expect(mig(s).steps.inventory!.history).toHaveLength(1);
    expect(
      refusal(s, { type: 'set-checklist-item', ref: { step: 'inventory' }, itemId: ' ', checked: true }).code,
    ).toBe('invalid');
  });

  it('does not start a step whose guard would refuse; the edit is still kept', () => {
    const s = apply(seeded(), {
      type: 'set-checklist-item',
      ref: { step: 'update' },
      itemId: 'lb',
      checked: true,
    });
    const st = mig(s).steps.update!;
    expect(st.status).toBe('pending');
    expect(st.checklist.lb?.checked).toBe(true);
  });

  it('does not touch a done step status on edit', () => {
    let s = apply(seeded(), { type: 'set-step-status', ref: { step: 'inventory' }, status: 'done' });
    s = apply(s, { type: 'set-notes', ref: { step: 'inventory' }, text: 'later note' });
    expect(mig(s).steps.inventory).toMatchObject({ status: 'done', notes: 'later note' });
  });

  it('sets notes; the same text is a no-op', () => {
    let s = apply(seeded(), { type: 'set-notes', ref: { step: 'backup' }, text: 'D:\\backup' });
    expect(mig(s).steps.backup).toMatchObject({ notes: 'D:\\backup', status: 'in-progress' });
    const r = attempt(s, { type: 'set-notes', ref: { step: 'backup' }, text: 'D:\\backup' });
    expect(r.ok && r.state).toBe(s);
    s = apply(s, { type: 'set-notes', ref: { step: 'backup' }, text: '' });
    expect(mig(s).steps.backup!.notes).toBe('');
  });

  it('adds and removes evidence; refuses duplicates, empty labels and unknown ids', () => {
    let s = seeded();
    const evidence = {
      id: 'e1',
      kind: 'file-hash' as const,
      label: 'PhoneFactor.pfdata',
      value: 'sha256:ab12',
      data: { size: 42 },
    };
    s = apply(s, { type: 'add-evidence', ref: { step: 'backup' }, evidence });
    expect(mig(s).steps.backup!.evidence).toEqual([{ ...evidence, at: T0, by: BY }]);
    expect(mig(s).steps.backup!.status).toBe('in-progress');
    expect(refusal(s, { type: 'add-evidence', ref: { step: 'backup' }, evidence }).code).toBe('invalid');
    expect(
      refusal(s, {
        type: 'add-evidence',
        ref: { step: 'backup' },
        evidence: { ...evidence, id: 'e2', label: ' ' },
      }).code,
    ).toBe('invalid');
    expect(
      refusal(s, {
        type: 'add-evidence',
        ref: { step: 'backup' },
        evidence: { ...evidence, id: 'e3', kind: 'gossip' as never },
      }).code,
    ).toBe('invalid');
    expect(refusal(s, { type: 'remove-evidence', ref: { step: 'backup' }, evidenceId: 'zz' }).code).toBe(
      'not-found',
    );
    s = apply(s, { type: 'remove-evidence', ref: { step: 'backup' }, evidenceId: 'e1' });
    expect(mig(s).steps.backup!.evidence).toEqual([]);
  });

  it('edits on a wave step need the wave', () => {
    let s = apply(seeded(), { type: 'add-wave', id: 'w1', name: 'Pilot' });
    expect(refusal(s, { type: 'set-notes', ref: { step: 'validate' }, text: 'x' }).code).toBe('invalid');
    s = apply(s, { type: 'set-notes', ref: { step: 'validate', wave: 'w1' }, text: 'x' });
    expect(mig(s).waves[0]!.steps.validate.notes).toBe('x');
    // step 6 of this wave is guarded by step 5, so the note does not start it
    expect(mig(s).waves[0]!.steps.validate.status).toBe('pending');
  });
});

describe('inventory', () => {
  const service = {
    id: 's1',
    kind: 'radius' as const,
    name: 'VPN',
    host: 'nps01',
    disposition: 'nps-extension' as const,
    status: 'pending' as const,
    notes: '',
  };

  it('inserts and replaces rows by id, and the first edit starts step 1', () => {
    let s = apply(seeded(), { type: 'upsert-inventory-row', table: 'services', row: service });
    expect(mig(s).inventory.services).toEqual([service]);
    expect(mig(s).steps.inventory!.status).toBe('in-progress');
    s = apply(s, { type: 'upsert-inventory-row', table: 'services', row: { ...service, status: 'done' } });
    expect(mig(s).inventory.services).toEqual([{ ...service, status: 'done' }]);
    const server = {
      id: 'srv1',
      name: 'MFA01',
      role: 'primary' as const,
      membership: 'domain-joined' as const,
      replicationPort: 4443,
      hosts: '',
      notes: '',
    };
    s = apply(s, { type: 'upsert-inventory-row', table: 'servers', row: server });
    expect(mig(s).inventory.servers).toEqual([server]);
    const lb = { id: 'lb1', name: 'F5', fronts: 'user-portal' as const, sticky: true, notes: '' };
    s = apply(s, { type: 'upsert-inventory-row', table: 'loadBalancers', row: lb });
    expect(mig(s).inventory.loadBalancers).toEqual([lb]);
  });

  it('refuses invalid rows with a message naming the field, and unknown tables', () => {
    const s = seeded();
    const r = refusal(s, { type: 'upsert-inventory-row', table: 'services', row: { ...service, name: '' } });
    expect(r.code).toBe('invalid');
    expect(r.message).toMatch(/name/);
    const port = refusal(s, {
      type: 'upsert-inventory-row',
      table: 'servers',
      row: {
        id: 'x',
        name: 'MFA02',
        role: 'primary',
        membership: 'standalone',
        replicationPort: 70000,
        hosts: '',
        notes: '',
      },
    });
    expect(port.message).toMatch(/replicationPort/);
    expect(refusal(s, { type: 'upsert-inventory-row', table: 'kittens' as never, row: service }).code).toBe(
      'invalid',
    );
  });

  it('deletes rows and refuses unknown ones', () => {
    let s = apply(seeded(), { type: 'upsert-inventory-row', table: 'services', row: service });
    expect(refusal(s, { type: 'delete-inventory-row', table: 'services', rowId: 'nope' }).code).toBe(
      'not-found',
    );
    s = apply(s, { type: 'delete-inventory-row', table: 'services', rowId: 's1' });
    expect(mig(s).inventory.services).toEqual([]);
  });
});

describe('exceptions, tenant and federation changes', () => {
  it('adds, replaces (ignoring case) and removes exceptions', () => {
    let s = seeded();
    expect(refusal(s, { type: 'add-exception', upn: 'ceo@contoso.com', reason: '' }).code).toBe('invalid');
    expect(refusal(s, { type: 'add-exception', upn: 'not a upn', reason: 'x' }).code).toBe('invalid');
    s = apply(s, { type: 'add-exception', upn: 'ceo@contoso.com', reason: 'travels, migrate by hand' });
    s = apply(
      s,
      { type: 'add-exception', upn: 'CEO@contoso.com', reason: 'done by hand later' },
      hoursAfter(1),
    );
    expect(mig(s).exceptions).toEqual([
      { upn: 'CEO@contoso.com', reason: 'done by hand later', at: hoursAfter(1), by: BY },
    ]);
    expect(refusal(s, { type: 'remove-exception', upn: 'x@contoso.com' }).code).toBe('not-found');
    s = apply(s, { type: 'remove-exception', upn: 'ceo@CONTOSO.com' });
    expect(mig(s).exceptions).toEqual([]);
  });

  it('pins the tenant once and refuses a different one', () => {
    let s = seeded();
    expect(refusal(s, { type: 'pin-tenant', tenantId: 'contoso.com' }).code).toBe('invalid');
    s = apply(s, { type: 'pin-tenant', tenantId: '72F988BF-86F1-41AF-91AB-2D7CD011DB47' });
    expect(mig(s).tenantId).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    const same = attempt(s, { type: 'pin-tenant', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    expect(same.ok && same.state).toBe(s);
    const other = refusal(s, { type: 'pin-tenant', tenantId: '00000000-0000-0000-0000-000000000001' });
    expect(other.code).toBe('invalid');
    expect(other.message).toMatch(/72f988bf/);
  });

  it('records federation changes in order', () => {
    let s = seeded();
    s = apply(s, {
      type: 'record-federation-change',
      domain: 'contoso.com',
      from: null,
      to: 'rejectMfaByFederatedIdp',
    });
    s = apply(s, {
      type: 'record-federation-change',
      domain: 'fabrikam.com',
      from: 'acceptIfMfaDoneByFederatedIdp',
      to: 'rejectMfaByFederatedIdp',
    });
    expect(mig(s).federationChanges.map((c) => c.domain)).toEqual(['contoso.com', 'fabrikam.com']);
    expect(mig(s).federationChanges[0]).toEqual({
      domain: 'contoso.com',
      from: null,
      to: 'rejectMfaByFederatedIdp',
      at: T0,
      by: BY,
    });
    expect(
      refusal(s, { type: 'record-federation-change', domain: 'not a domain', from: null, to: 'x' }).code,
    ).toBe('invalid');
    expect(
      refusal(s, { type: 'record-federation-change', domain: 'contoso.com', from: null, to: ' ' }).code,
    ).toBe('invalid');
  });
});

describe('purity', () => {
  it('never mutates the input and shares untouched migrations', () => {
    let s = seeded();
    s = apply(s, { type: 'create-migration', id: 'm2', name: 'Second', cloud: 'global' });
    s = apply(s, { type: 'select-migration', id: 'm1' });
    const frozen = deepFreeze(s);
    const snapshot = JSON.stringify(frozen);
    const r = reduce(frozen, { type: 'set-notes', ref: { step: 'inventory' }, text: 'x', at: T0, by: BY });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(frozen)).toBe(snapshot);
    if (r.ok) {
      expect(r.state).not.toBe(frozen);
      expect(r.state.migrations.m2).toBe(frozen.migrations.m2);
      expect(r.state.migrations.m1!.steps.backup).toBe(frozen.migrations.m1!.steps.backup);
    }
  });

  it('is deterministic: the same events give the same state', () => {
    const events: MigrationEvent[] = [
      { type: 'add-wave', id: 'w1', name: 'Pilot' },
      { type: 'set-step-status', ref: { step: 'backup' }, status: 'done' },
      { type: 'set-step-status', ref: { step: 'update' }, status: 'in-progress' },
    ];
    const run = () => events.reduce((st, e) => apply(st, e, hoursAfter(1)), seeded());
    expect(run()).toEqual(run());
  });
});
