// probe-script and import-probe, run as the built CLI in a child process with a temp --state-dir.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeScript } from '../../src/probe/probe-script.js';
import { freshMigration, readState, stateDirWith } from '../checks/state-fixture.js';
import { sampleProbe } from '../helpers/sample-probe.js';
import { assertBuilt, MAIN, runCli, tempDir } from './run-cli.js';

beforeAll(() => {
  assertBuilt();
});

function probeFile(doc: object = sampleProbe, encoding: 'utf8' | 'utf16le' = 'utf8'): string {
  const file = path.join(tempDir('mfa-probe-'), 'probe-MFA1.json');
  const text = JSON.stringify(doc, null, 2);
  writeFileSync(
    file,
    encoding === 'utf8' ? text : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  );
  return file;
}

describe('probe-script', () => {
  it('prints the probe', () => {
    const r = runCli(['probe-script']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(probeScript());
  });

  it('--out saves it and says how to run it', () => {
    const out = path.join(tempDir(), 'mfa-migrate-probe.ps1');
    const r = runCli(['probe-script', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(probeScript());
    expect(r.stderr).toMatch(/-ExecutionPolicy Bypass -File .*mfa-migrate import-probe/s);
  });

  it('--out into a folder that does not exist fails in one line, exit 1', () => {
    const r = runCli(['probe-script', '--out', path.join(tempDir(), 'no', 'such', 'p.ps1')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not exist/);
  });
});

describe('import-probe', () => {
  it('records the probe on the four preparation steps', () => {
    const dir = stateDirWith(freshMigration('prod-1', 'Production'));
    const r = runCli(['--state-dir', dir, 'import-probe', probeFile()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Probe of MFA1 .* for migration "Production":/);
    expect(r.stdout).toMatch(/recorded on backup: PhoneFactor\.pfdata on MFA1 \(probe\)/);
    // one server only: the HA rule says so
    expect(r.stdout).toMatch(/warning: Only one MFA Server/);
    const m = readState(dir).migrations['prod-1']!;
    for (const step of ['inventory', 'backup', 'update', 'utility'] as const) {
      expect(m.steps[step].evidence).toHaveLength(1);
      expect(m.steps[step].evidence[0]?.by).toMatch(/@/);
    }
    expect(m.steps.update.evidence[0]).toMatchObject({ kind: 'version', value: '8.1.0.1' });
    expect(existsSync(path.join(dir, 'wizard.lock'))).toBe(false);
  });

  it('reads PowerShell 5 output (UTF-16LE with BOM); a second import is recognised, not doubled', () => {
    const dir = stateDirWith(freshMigration('prod-1', 'Production'));
    const file = probeFile(sampleProbe, 'utf16le');
    expect(runCli(['--state-dir', dir, 'import-probe', file]).code).toBe(0);
    const again = runCli(['--state-dir', dir, 'import-probe', file, '--json']);
    expect(again.code).toBe(0);
    const out = JSON.parse(again.stdout) as { recorded: unknown[]; alreadyRecorded: unknown[] };
    expect(out.recorded).toEqual([]);
    expect(out.alreadyRecorded).toHaveLength(4);
    expect(readState(dir).migrations['prod-1']!.steps.inventory.evidence).toHaveLength(1);
  });

  it('reads the probe output from stdin with -', () => {
    const dir = stateDirWith(freshMigration('prod-1', 'Production'));
    const r = spawnSync(process.execPath, [MAIN, '--state-dir', dir, 'import-probe', '-', '--json'], {
      input: JSON.stringify(sampleProbe),
      encoding: 'utf8',
      env: { ...process.env, HOME: tempDir('mfa-home-') },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { recorded: unknown[] }).recorded).toHaveLength(4);
  });

  it('--migration records into another migration and leaves the one the wizard opens next', () => {
    const dir = stateDirWith(
      freshMigration('prod-1', 'Production'),
      freshMigration('test-1', 'Test', 'gcchigh'),
    );
    const r = runCli(['--state-dir', dir, 'import-probe', probeFile(), '--migration', 'test']);
    expect(r.code).toBe(0);
    const root = readState(dir);
    expect(root.lastMigrationId).toBe('prod-1');
    expect(root.migrations['test-1']!.steps.utility.evidence[0]?.value).toMatch(/finding/);
    expect(root.migrations['prod-1']!.steps.utility.evidence).toEqual([]);
  });

  it('an older probe is refused with what to do; nothing recorded, exit 1', () => {
    const dir = stateDirWith(freshMigration('prod-1', 'Production'));
    const before = readFileSync(path.join(dir, 'state.json'), 'utf8');
    const r = runCli(['--state-dir', dir, 'import-probe', probeFile({ ...sampleProbe, probeVersion: 0 })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/version 0; this wizard reads version 1\. Save the current script/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'state.json'), 'utf8')).toBe(before);
  });

  it('not JSON, a missing file, no migration yet: one line each, exit 1', () => {
    const dir = stateDirWith(freshMigration('prod-1', 'Production'));
    const junk = path.join(tempDir(), 'junk.json');
    writeFileSync(junk, 'PS C:\\> oops');
    expect(runCli(['--state-dir', dir, 'import-probe', junk]).stderr).toMatch(/not JSON/);
    const missing = runCli(['--state-dir', dir, 'import-probe', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read the probe output .*nope\.json \(ENOENT\)/);
    const empty = tempDir();
    const none = runCli(['--state-dir', empty, 'import-probe', probeFile()]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No migration yet/);
    expect(existsSync(path.join(empty, 'state.json'))).toBe(false);
  });

  it('refuses while the wizard holds the lock', () => {
    const dir = stateDirWith(freshMigration('prod-1', 'Production'));
    // a live process on this host owns it: the test runner itself
    writeFileSync(
      path.join(dir, 'wizard.lock'),
      JSON.stringify({
        pid: process.pid,
        host: os.hostname(),
        user: 'alice',
        startedAt: new Date().toISOString(),
      }),
    );
    const r = runCli(['--state-dir', dir, 'import-probe', probeFile()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has this state open\. Close it first/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readState(dir).migrations['prod-1']!.steps.inventory.evidence).toEqual([]);
  });
});
