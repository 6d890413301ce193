import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { REPORT_VERSION } from '../../src/report/report-model.js';
import { stepDef } from '../../state/catalogue/index.js';
import { ALICE, BOB, backupItem, PHONE, PHONE_MASKED, sampleMigration } from './fixtures.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const base = { now: NOW, maskPhones: true, programVersion: '9.9.9', generatedBy: 'carol@laptop' };

describe('buildReport', () => {
  it('has a header with identity, generation data and the report version', () => {
    const r = buildReport(sampleMigration({ demo: true }), base);
    expect(r.reportVersion).toBe(REPORT_VERSION);
    expect(r.generatedAt).toBe('2026-11-25T15:00:00.000Z');
    expect(r.generatedBy).toBe('carol@laptop');
    expect(r.programVersion).toBe('9.9.9');
    expect(r.migration).toMatchObject({
      name: 'Contoso | production',
      tenant: 'contoso.onmicrosoft.com',
      tenantId: '11111111-2222-3333-4444-555555555555',
      cloud: 'global',
      cloudLabel: 'Global',
      demo: true,
    });
    expect(r.phase).toBeNull();
  });

  it('lists every phase and step in order, per-wave steps once per wave', () => {
    const r = buildReport(sampleMigration(), base);
    expect(r.phases.map((p) => p.id)).toEqual(['preparations', 'migrations', 'finalize', 'rollback']);
    const migrations = r.phases[1]!;
    expect(migrations.steps.map((s) => [s.id, s.wave?.name ?? null])).toEqual([
      ['migrate-users', 'Pilot'],
      ['validate', 'Pilot'],
      ['educate', null],
      ['complete', null],
    ]);
    expect(r.phases[0]!.steps.map((s) => s.label)).toEqual(['1', '2', '3', '4']);
  });

  it('shows a per-wave step once, pending, when there is no wave', () => {
    const r = buildReport(sampleMigration({ waves: [] }), base);
    const steps = r.phases[1]!.steps;
    expect(steps.filter((s) => s.id === 'migrate-users')).toEqual([
      expect.objectContaining({ wave: null, status: 'pending' }),
    ]);
  });

  it('carries checklist answers with the catalogue text, who and when', () => {
    const r = buildReport(sampleMigration(), base);
    const backup = r.phases[0]!.steps.find((s) => s.id === 'backup')!;
    const item = backupItem();
    const answered = backup.checklist.find((c) => c.id === item.id);
    expect(answered).toEqual({
      id: item.id,
      text: item.text,
      checked: true,
      note: 'copied to \\\\nas01\\mfa',
      by: BOB,
      at: '2026-11-03T07:55:00.000Z',
    });
    // every catalogue item is listed, answered or not
    expect(backup.checklist.length).toBeGreaterThanOrEqual(stepDef('backup').checklist.length);
    const unanswered = backup.checklist.filter((c) => c.id !== item.id);
    for (const c of unanswered) expect(c.checked).toBeNull();
  });

  it('reports status, reasons, history and overrides with the refusal they overrode', () => {
    const r = buildReport(sampleMigration(), base);
    const deps = r.phases[2]!.steps.find((s) => s.id === 'dependencies')!;
    expect(deps).toMatchObject({ status: 'blocked', reason: 'Waiting for the NPS server build' });
    const inventory = r.phases[0]!.steps[0]!;
    expect(inventory.history).toEqual([
      { at: '2026-11-02T09:00:00.000Z', by: ALICE, what: 'status: pending -> in-progress', reason: null },
      { at: '2026-11-02T10:00:00.000Z', by: ALICE, what: 'status: in-progress -> done', reason: null },
    ]);
    expect(r.overrides).toEqual([
      expect.objectContaining({
        guard: 'backup-stale',
        step: 'update',
        stepLabel: '3',
        reason: 'Backup re-verified by hash this morning',
        refusal: 'The backup is older than 24 hours: the data file may have changed since.',
        by: ALICE,
      }),
    ]);
  });

  it('counts progress and open items the way the selectors do', () => {
    const r = buildReport(sampleMigration(), base);
    expect(r.progress.find((p) => p.phase === 'preparations')).toMatchObject({ done: 2, total: 4 });
    // step 5 is done in its only wave, so it counts as done
    expect(r.progress.find((p) => p.phase === 'migrations')).toMatchObject({ done: 1, total: 4 });
    const kinds = new Set(r.openItems.map((i) => i.kind));
    expect(kinds).toContain('step-blocked');
    expect(kinds).toContain('service');
    expect(kinds).toContain('wave-unverified');
    expect(kinds).toContain('test-check');
  });

  it('masks phone numbers in free text unless asked not to', () => {
    const masked = buildReport(sampleMigration(), base);
    const inv = masked.phases[0]!.steps[0]!;
    expect(inv.notes).toContain(PHONE_MASKED);
    expect(JSON.stringify(masked)).not.toContain(PHONE);
    const check = masked.waves![0]!.testUsers[0]!.checks.find((c) => c.id === 'calls-texts-received')!;
    expect(check.note).toBe(`no call on ${PHONE_MASKED}`);

    const shown = buildReport(sampleMigration(), { ...base, maskPhones: false });
    expect(shown.phonesMasked).toBe(false);
    expect(shown.phases[0]!.steps[0]!.notes).toContain(PHONE);
  });

  it('keeps one phase and only its sections with --phase', () => {
    const r = buildReport(sampleMigration(), { ...base, phase: 'migrations' });
    expect(r.phase).toBe('migrations');
    expect(r.phases.map((p) => p.id)).toEqual(['migrations']);
    expect(r.progress).toHaveLength(4);
    expect(r.inventory).toBeNull();
    expect(r.federationChanges).toBeNull();
    expect(r.waves).toHaveLength(1);
    expect(r.exceptions).toHaveLength(1);
    expect(r.overrides).toEqual([]); // the override was on step 3 (preparations)
    expect(r.openItems.every((i) => i.phase === 'migrations')).toBe(true);
  });

  it('lists waves with groups, counts and all five test checks', () => {
    const r = buildReport(sampleMigration(), base);
    const w = r.waves![0]!;
    expect(w.migrationGroups).toEqual(['MFA-Migrate-Pilot (g-1)']);
    expect(w.rolloutGroups).toEqual(['MFA-Rollout-Pilot']);
    expect(w.counts).toEqual({ members: 40, migrated: 40, verified: 38 });
    const checks = w.testUsers[0]!.checks;
    expect(checks).toHaveLength(5);
    expect(checks.find((c) => c.id === 'sign-in-works')).toMatchObject({ result: 'pass', by: BOB });
    expect(checks.find((c) => c.id === 'methods-visible')).toMatchObject({ result: 'pending', by: null });
  });

  it('is pure: same input, same output, input untouched', () => {
    const m = sampleMigration();
    const before = JSON.stringify(m);
    expect(buildReport(m, base)).toEqual(buildReport(m, base));
    expect(JSON.stringify(m)).toBe(before);
  });
});
