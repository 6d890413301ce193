import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exit-codes.js';
import { defaultReportFileName, parseFormat, parsePhase } from '../../src/cli/report-command.js';
import { selectOneMigration } from '../../src/cli/select-migration.js';
import { resolveStateDir } from '../../src/cli/state-dir.js';
import { formatStatusText, migrationStatus } from '../../src/cli/status-command.js';
import { rootWith, sampleMigration } from '../report/fixtures.js';

describe('parsePhase / parseFormat', () => {
  it('accepts phases in any case and refuses others listing the valid ones', () => {
    expect(parsePhase('ROLLBACK')).toBe('rollback');
    expect(parsePhase(undefined)).toBeUndefined();
    expect(() => parsePhase('cleanup')).toThrow(UsageError);
    expect(() => parsePhase('cleanup')).toThrow('preparations, migrations, finalize, rollback');
  });

  it('defaults to Markdown', () => {
    expect(parseFormat(undefined)).toBe('md');
    expect(parseFormat('JSON')).toBe('json');
    expect(() => parseFormat('pdf')).toThrow(UsageError);
  });
});

describe('defaultReportFileName', () => {
  it('says what and when, without colons or spaces', () => {
    const name = defaultReportFileName(
      'Contoso: Prod / EU',
      'finalize',
      new Date('2026-11-25T14:50:01.123Z'),
      'md',
    );
    expect(name).toBe('mfa-migrate-report-contoso-prod-eu-finalize-2026-11-25T14-50-01Z.md');
  });
});

describe('resolveStateDir', () => {
  it('prefers the flag, then MFA_MIGRATE_HOME, then the platform config folder', () => {
    expect(resolveStateDir('/a', { MFA_MIGRATE_HOME: '/b' })).toBe(path.resolve('/a'));
    expect(resolveStateDir(undefined, { MFA_MIGRATE_HOME: '/b' })).toBe(path.resolve('/b'));
    expect(resolveStateDir(undefined, {})).toMatch(/mfa-migrate/);
    expect(resolveStateDir(undefined, {})).not.toMatch(/nodejs/);
  });
});

describe('selectOneMigration', () => {
  const a = sampleMigration();
  const b = sampleMigration({ id: 'b-1', name: 'Second' });

  it('takes the only one, else the last opened, else asks', () => {
    expect(selectOneMigration(rootWith([a]), undefined)?.id).toBe(a.id);
    expect(selectOneMigration(rootWith([a, b], 'b-1'), undefined)?.id).toBe('b-1');
    expect(() => selectOneMigration(rootWith([a, b]), undefined)).toThrow(/choose one with --migration/);
    expect(selectOneMigration(rootWith([]), undefined)).toBeUndefined();
  });
});

const NOW = new Date('2026-11-25T15:00:00.000Z');

describe('migrationStatus', () => {
  it('derives the status of a per-wave step shown as its waves overview', () => {
    const m = sampleMigration({ current: { step: 'migrate-users' } });
    expect(migrationStatus(m, true, NOW).current).toMatchObject({
      step: 'migrate-users',
      wave: null,
      status: 'done',
    });
    const inWave = sampleMigration({ current: { step: 'validate', wave: 'w1' } });
    expect(migrationStatus(inWave, false, NOW).current).toMatchObject({
      wave: 'Pilot',
      status: 'in-progress',
    });
  });

  it('lists blocked steps with reasons, including blocked waves', () => {
    const m = sampleMigration();
    m.waves[0]!.steps.validate = {
      ...m.waves[0]!.steps.validate,
      status: 'blocked',
      reason: 'pilot group has contacts',
    };
    const s = migrationStatus(m, false, NOW);
    expect(s.blocked).toEqual([
      expect.objectContaining({ step: 'validate', wave: 'Pilot', reason: 'pilot group has contacts' }),
      expect.objectContaining({
        step: 'dependencies',
        wave: null,
        reason: 'Waiting for the NPS server build',
      }),
    ]);
    expect(formatStatusText(s)).toContain('(Pilot): pilot group has contacts');
  });
});

describe('status warnings', () => {
  it("shows the selectors' warnings as of now, e.g. a federation change still propagating", () => {
    const m = sampleMigration();
    m.steps.federation = { ...m.steps.federation, status: 'done', doneAt: '2026-11-25T10:00:00.000Z' };
    const s = migrationStatus(m, false, NOW);
    expect(s.warnings.some((w) => w.includes('24 hours'))).toBe(true);
    expect(formatStatusText(s)).toMatch(/warning: +The federation change/);
    expect(migrationStatus(m, false, new Date('2026-11-27T10:00:00.000Z')).warnings).toEqual([]);
  });
});
