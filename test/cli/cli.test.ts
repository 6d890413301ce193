import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rootStateSchema } from '../../state/model.js';
import { openStore } from '../../state/store.js';
import {
  ALICE,
  BOB,
  backupItem,
  PHONE,
  PHONE_MASKED,
  rootWith,
  sampleMigration,
} from '../report/fixtures.js';
import { assertBuilt, runCli, tempDir, writeState } from './run-cli.js';

const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string;
};

function stateWithOne(): string {
  const dir = tempDir();
  writeState(dir, rootWith([sampleMigration()], 'contoso-prod-a1b2'));
  return dir;
}

function stateWithTwo(): string {
  const dir = tempDir();
  const test = sampleMigration({
    id: 'fabrikam-test-c3d4',
    name: 'Fabrikam test',
    cloud: 'gcchigh',
    demo: true,
  });
  writeState(dir, rootWith([sampleMigration(), test], 'fabrikam-test-c3d4'));
  return dir;
}

beforeAll(() => {
  assertBuilt();
});

describe('help, version, usage', () => {
  it('--help lists the commands and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: mfa-migrate');
    expect(r.stdout).toMatch(/status \[options\]/);
    expect(r.stdout).toMatch(/report \[options\]/);
    expect(r.stdout).toContain('--state-dir');
  });

  it('report --help shows its options', () => {
    const r = runCli(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--show-phone-numbers');
    expect(r.stdout).toMatch(/preparations,\s+migrations,\s+finalize,\s+rollback/);
  });

  it('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('an unknown flag is a usage error (2)', () => {
    const r = runCli(['status', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  it('an unknown command or a stray argument is a usage error (2); help COMMAND works', () => {
    const unknown = runCli(['stauts']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "stauts"');
    expect(runCli(['status', 'extra']).code).toBe(2);
    const help = runCli(['help', 'report']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: mfa-migrate report');
  });

  it('the wizard without a terminal exits 2 and points to status and report', () => {
    const r = runCli(['--state-dir', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mfa-migrate status');
    expect(r.stderr).toContain('mfa-migrate report');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('status', () => {
  it('with no migration says so and how to start, exit 0, and creates nothing', () => {
    const dir = path.join(tempDir(), 'not-yet');
    const r = runCli(['status', '--state-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No migration yet');
    expect(r.stdout).toContain('mfa-migrate');
    expect(existsSync(dir)).toBe(false);
  });

  it('with no migration and --json prints an empty list', () => {
    const r = runCli(['status', '--json', '--state-dir', tempDir()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ statusVersion: 1, migrations: [] });
  });

  it('shows where one migration stands', () => {
    const r = runCli(['status', '--state-dir', stateWithOne()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Contoso | production');
    expect(r.stdout).toContain('contoso.onmicrosoft.com');
    expect(r.stdout).toContain('11111111-2222-3333-4444-555555555555');
    expect(r.stdout).toContain('cloud:        Global');
    expect(r.stdout).toMatch(/current step: 3 .*: in progress/);
    expect(r.stdout).toMatch(/2\/4 done/);
    expect(r.stdout).toContain('overrides:    1');
    expect(r.stdout).toMatch(/blocked: +step 9 .*: Waiting for the NPS server build/);
    expect(r.stdout).toMatch(/open items: +\d+/);
  });

  it('shows every migration, marks the last opened and the demo one', () => {
    const r = runCli(['status', '--state-dir', stateWithTwo()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Contoso | production');
    expect(r.stdout).toContain('Fabrikam test [DEMO]  (last opened)');
    expect(r.stdout).toContain('US Gov GCC High');
  });

  it('--migration picks one by name (any case) or id; an unknown one is a usage error', () => {
    const dir = stateWithTwo();
    const byName = runCli(['status', '--state-dir', dir, '--migration', 'FABRIKAM TEST']);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain('Fabrikam test');
    expect(byName.stdout).not.toContain('Contoso');
    const byId = runCli(['status', '--state-dir', dir, '--migration', 'contoso-prod-a1b2']);
    expect(byId.stdout).toContain('Contoso');
    expect(byId.stdout).not.toContain('Fabrikam');
    const unknown = runCli(['status', '--state-dir', dir, '--migration', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No migration named "nope"');
    expect(unknown.stderr).toContain('Fabrikam test');
  });

  it('--json is data a script can use', () => {
    const r = runCli(['status', '--json', '--state-dir', stateWithTwo()]);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as { migrations: Record<string, unknown>[] };
    expect(parsed.migrations).toHaveLength(2);
    const contoso = parsed.migrations.find((m) => m.id === 'contoso-prod-a1b2');
    expect(contoso).toMatchObject({
      name: 'Contoso | production',
      tenant: 'contoso.onmicrosoft.com',
      cloud: 'global',
      demo: false,
      last: false,
      current: { step: 'update', label: '3', status: 'in-progress' },
      overrides: 1,
      blocked: [{ step: 'dependencies', reason: 'Waiting for the NPS server build' }],
    });
    expect(contoso?.phases).toContainEqual(
      expect.objectContaining({ phase: 'preparations', done: 2, total: 4 }),
    );
    expect(typeof contoso?.openItems).toBe('number');
  });

  it('reads a state written by the real store, and MFA_MIGRATE_HOME is used without --state-dir', () => {
    const dir = tempDir();
    const store = openStore({ dir, programVersion: '0.1.0' });
    const res = store.dispatch(
      store.stamp({ type: 'create-migration', id: 'woodgrove-x1', name: 'Woodgrove', cloud: 'china' }),
    );
    expect(res.ok).toBe(true);
    const r = runCli(['status'], { MFA_MIGRATE_HOME: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Woodgrove');
    expect(r.stdout).toContain('China (21Vianet)');
  });

  it('a corrupt state file: exit 1, the store message with the path, the file moved aside intact', () => {
    const dir = tempDir();
    const file = writeState(dir, '{"schemaVersion": 1, oops');
    const r = runCli(['status', '--state-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('moved aside');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(file)).toBe(false);
    const aside = readdirSync(dir).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(aside[0]).not.toContain(':');
    expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe('{"schemaVersion": 1, oops');
  });

  it('an unreadable state file (a folder in its place): exit 1 with the path, nothing moved', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'state.json'));
    const r = runCli(['report', '--state-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join(dir, 'state.json'));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('a state file from a newer version: exit 1, left untouched', () => {
    const dir = tempDir();
    const text = JSON.stringify({ schemaVersion: 99, writtenBy: '7.0.0', migrations: {} });
    const file = writeState(dir, text);
    const r = runCli(['status', '--state-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('7.0.0');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('report', () => {
  it('Markdown to stdout by default: header, checklist answers, overrides, who and when', () => {
    const r = runCli(['report', '--state-dir', stateWithOne()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# MFA Server migration report: Contoso \| production\n/);
    expect(r.stdout).toContain(`| Program version | mfa-migrate ${pkg.version} |`);
    expect(r.stdout).toMatch(/\| Generated by \| .+@.+ \|/);
    const item = backupItem();
    expect(r.stdout).toMatch(new RegExp(`\\| yes \\| .* \\| ${BOB} \\| 2026-11-03T07:55:00.000Z \\|`));
    expect(r.stdout).toContain(item.text.replace(/\|/g, '\\|'));
    expect(r.stdout).toContain('Backup re-verified by hash this morning');
    expect(r.stdout).toContain('The backup is older than 24 hours');
    expect(r.stdout).toContain(`| 2026-11-02T10:00:00.000Z | ${ALICE} | status: in-progress -> done |`);
  });

  it('JSON parses and has the documented top-level shape', () => {
    const r = runCli(['report', '--format', 'json', '--state-dir', stateWithOne()]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'reportVersion',
      'generatedAt',
      'generatedBy',
      'programVersion',
      'phase',
      'phonesMasked',
      'migration',
      'progress',
      'phases',
      'overrides',
      'openItems',
      'warnings',
      'inventory',
      'waves',
      'exceptions',
      'federationChanges',
      'tenantWrites',
    ]);
    expect(report.reportVersion).toBe(1);
    expect(report.programVersion).toBe(pkg.version);
  });

  it('HTML is one self-contained file: no scripts, a CSP, escaped values', () => {
    const r = runCli(['report', '--format', 'html', '--state-dir', stateWithOne()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('Content-Security-Policy');
    expect(r.stdout).not.toMatch(/<script|<link|src=/i);
    expect(r.stdout).toContain('Contoso | production');
    expect(r.stdout).toContain('✗ blocked');
  });

  it('--phase is case-insensitive and limits the report', () => {
    const r = runCli(['report', '--format', 'json', '--phase', 'Finalize', '--state-dir', stateWithOne()]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { phase: string; phases: { id: string }[] };
    expect(report.phase).toBe('finalize');
    expect(report.phases.map((p) => p.id)).toEqual(['finalize']);
  });

  it('an unknown --phase exits 2 and lists the valid ones', () => {
    const r = runCli(['report', '--phase', 'cleanup', '--state-dir', stateWithOne()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('preparations, migrations, finalize, rollback');
    expect(r.stdout).toBe('');
  });

  it('an unknown --format exits 2', () => {
    const r = runCli(['report', '--format', 'pdf', '--state-dir', stateWithOne()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('md, json, html');
  });

  it('with several migrations and none chosen, reports the last opened; --migration picks another', () => {
    const dir = stateWithTwo();
    expect(runCli(['report', '--state-dir', dir]).stdout).toMatch(/^# .*Fabrikam test \(DEMO\)/);
    expect(runCli(['report', '--state-dir', dir, '--migration', 'contoso | production']).stdout).toMatch(
      /^# .*Contoso/,
    );
  });

  it('with no migration exits 1 and says how to start', () => {
    const r = runCli(['report', '--state-dir', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No migration yet');
  });

  it('masks phone numbers unless --show-phone-numbers', () => {
    const dir = stateWithOne();
    const masked = runCli(['report', '--state-dir', dir]);
    expect(masked.stdout).toContain(PHONE_MASKED);
    expect(masked.stdout).not.toContain(PHONE);
    const shown = runCli(['report', '--state-dir', dir, '--show-phone-numbers']);
    expect(shown.stdout).toContain(PHONE);
    expect(shown.stdout).toContain('| Phone numbers | shown in full |');
  });

  it('--out writes the file; stdout stays empty', () => {
    const dir = stateWithOne();
    const out = path.join(tempDir(), 'report.md');
    const r = runCli(['report', '--state-dir', dir, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(out);
    expect(readFileSync(out, 'utf8')).toMatch(/^# MFA Server migration report/);
  });

  it('--out into a folder picks a file name without colons', () => {
    const outDir = tempDir();
    const r = runCli([
      'report',
      '--format',
      'json',
      '--phase',
      'preparations',
      '--state-dir',
      stateWithOne(),
      '--out',
      outDir,
    ]);
    expect(r.code).toBe(0);
    const files = readdirSync(outDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^mfa-migrate-report-contoso-production-preparations-.*\.json$/);
    expect(files[0]).not.toContain(':');
    expect(JSON.parse(readFileSync(path.join(outDir, files[0]!), 'utf8')).phase).toBe('preparations');
  });

  it('--out into a missing folder exits 1 with a clear message and writes nothing', () => {
    const parent = tempDir();
    const out = path.join(parent, 'missing', 'report.md');
    const r = runCli(['report', '--state-dir', stateWithOne(), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join(parent, 'missing'));
    expect(r.stderr).toContain('does not exist');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('reading does not change the state file', () => {
    const dir = stateWithOne();
    const before = readFileSync(path.join(dir, 'state.json'), 'utf8');
    runCli(['report', '--state-dir', dir]);
    runCli(['status', '--state-dir', dir]);
    const after = readFileSync(path.join(dir, 'state.json'), 'utf8');
    expect(after).toBe(before);
    expect(rootStateSchema.safeParse(JSON.parse(after)).success).toBe(true);
  });
});
