// `mfa-migrate inventory export|import` as the built CLI in a child process.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshMigration, readState, stateDirWith } from '../checks/state-fixture.js';
import { assertBuilt, runCli, tempDir } from './run-cli.js';

beforeAll(() => {
  assertBuilt();
});

function csvFile(text: string): string {
  const file = path.join(tempDir('mfa-csv-'), 'in.csv');
  writeFileSync(file, text);
  return file;
}

const SERVERS = [
  'name,role,membership,replication_port,hosts,notes',
  'MFA1,primary,domain-joined,4443,User portal,',
  'MFA2,subordinate,domain-joined,,,"no port yet, see ticket"',
  'MFA3,boss,domain-joined,4443,,',
  'MFA4,subordinate,standalone,http,,',
].join('\r\n');

describe('inventory import', () => {
  it('a bad row: reports each with its line, imports nothing, exit 1', () => {
    const state = stateDirWith(freshMigration('prod-1', 'Production'));
    const r = runCli(['--state-dir', state, 'inventory', 'import', 'servers', csvFile(SERVERS)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has 2 bad rows; nothing was imported/);
    expect(r.stderr).toMatch(/line 4: role/);
    expect(r.stderr).toMatch(/line 5: replication_port "http" must be a number/);
    expect(r.stderr).toMatch(/--skip-bad-rows/);
    expect(readState(state).migrations['prod-1']!.inventory.servers).toEqual([]);
  });

  it('--skip-bad-rows imports the good rows (UTF-8 BOM accepted)', () => {
    const state = stateDirWith(freshMigration('prod-1', 'Production'));
    const r = runCli([
      '--state-dir',
      state,
      'inventory',
      'import',
      'servers',
      csvFile(`\uFEFF${SERVERS}`),
      '--skip-bad-rows',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Imported 2 servers rows into "Production" \(2 new, 0 replaced by id\); skipped 2 bad row/,
    );
    const servers = readState(state).migrations['prod-1']!.inventory.servers;
    expect(servers.map((s) => [s.name, s.replicationPort, s.notes])).toEqual([
      ['MFA1', 4443, ''],
      ['MFA2', null, 'no port yet, see ticket'],
    ]);
  });

  it('export then import of the methods table replaces rows by id', () => {
    const state = stateDirWith(freshMigration('prod-1', 'Production'));
    const file = path.join(tempDir(), 'methods.csv');
    const ex = runCli(['--state-dir', state, 'inventory', 'export', 'methods', file]);
    expect(ex.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF"id","feature","area","in_use"')).toBe(true);
    const edited = text.replace(
      '"method.text-otp","Text message (OTP)","Company Settings > General > User Defaults","unknown"',
      '"method.text-otp","Text message (OTP)","Company Settings > General > User Defaults","yes"',
    );
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const im = runCli(['--state-dir', state, 'inventory', 'import', 'methods', file]);
    expect(im.code).toBe(0);
    expect(im.stdout).toMatch(/\(0 new, 12 replaced by id\)/);
    const row = readState(state).migrations['prod-1']!.inventory.methods.find(
      (m) => m.id === 'method.text-otp',
    );
    expect(row?.inUse).toBe('yes');
  });

  it('export to stdout neutralises formula cells', () => {
    const state = stateDirWith(freshMigration('prod-1', 'Production'));
    const r0 = runCli([
      '--state-dir',
      state,
      'inventory',
      'import',
      'load-balancers',
      csvFile('name,fronts,sticky,notes\n=cmd|calc,sms-otp,no,@evil'),
    ]);
    expect(r0.code).toBe(0);
    const r = runCli(['--state-dir', state, 'inventory', 'export', 'load-balancers', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"'=cmd|calc","sms-otp","no","'@evil"`);
  });

  it('an unknown table is a usage error; missing columns a runtime error', () => {
    const state = stateDirWith(freshMigration('prod-1', 'Production'));
    const bad = runCli(['--state-dir', state, 'inventory', 'export', 'gateways', '-']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"gateways" is not an inventory table/);
    const cols = runCli(['--state-dir', state, 'inventory', 'import', 'servers', csvFile('name\nMFA1')]);
    expect(cols.code).toBe(1);
    expect(cols.stderr).toMatch(/Missing column\(s\) role, membership/);
  });
});
