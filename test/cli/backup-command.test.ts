// `mfa-migrate backup` as the built CLI in a child process: copy, verify, record on step 2.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackupEvidenceData } from '../../src/checks/backup-evidence.js';
import { freshMigration, readState, stateDirWith } from '../checks/state-fixture.js';
import { assertBuilt, MAIN, runCli, tempDir } from './run-cli.js';

beforeAll(() => {
  assertBuilt();
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function dataFolder(): { dir: string; pfdata: Buffer } {
  const dir = path.join(tempDir('mfa-data-'), 'Data');
  mkdirSync(dir);
  const pfdata = Buffer.alloc(3 * 1024 * 1024, 7);
  writeFileSync(path.join(dir, 'PhoneFactor.pfdata'), pfdata);
  writeFileSync(path.join(dir, 'Settings'), 'opaque settings');
  return { dir, pfdata };
}

describe('backup', () => {
  it('copies the Data folder into a time-named folder, verifies and records it on step 2', () => {
    const state = stateDirWith(freshMigration('prod-1', 'Production'));
    const { dir, pfdata } = dataFolder();
    const to = tempDir('mfa-backups-');
    const r = runCli([
      '--state-dir',
      state,
      'backup',
      '--source',
      dir,
      '--to',
      to,
      '--installer',
      'D:\\installers\\MfaServer-8.0.3.1.exe',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Copying: 100% \(3\.0 MiB of 3\.0 MiB\)/);
    const [folder] = readdirSync(to);
    expect(folder).toMatch(/^mfa-server-data-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    expect(readFileSync(path.join(to, folder!, 'PhoneFactor.pfdata')).equals(pfdata)).toBe(true);
    expect(readFileSync(path.join(to, folder!, 'Settings'), 'utf8')).toBe('opaque settings');
    expect(r.stdout).toContain(
      `PhoneFactor.pfdata  ${pfdata.length} bytes  SHA-256 ${sha(pfdata)}  verified`,
    );
    expect(r.stdout).toMatch(/recorded on step 2 of migration "Production"/);

    const ev = readState(state).migrations['prod-1']!.steps.backup.evidence;
    expect(ev).toHaveLength(1);
    expect(ev[0]?.kind).toBe('file-hash');
    const data = ev[0]?.data as BackupEvidenceData;
    expect(data).toMatchObject({
      type: 'mfa-backup',
      origin: 'local',
      source: dir,
      destination: path.join(to, folder!),
      dataFileSha256: sha(pfdata),
      totalBytes: pfdata.length + 'opaque settings'.length,
      installer: 'D:\\installers\\MfaServer-8.0.3.1.exe',
    });
    expect(data.files.map((f) => f.name).sort()).toEqual(['PhoneFactor.pfdata', 'Settings']);
  });

  it('--json prints the record; a fresh backup has no freshness warning', () => {
    const state = stateDirWith(freshMigration('prod-1', 'Production'));
    const r = runCli([
      '--state-dir',
      state,
      'backup',
      '--source',
      dataFolder().dir,
      '--to',
      tempDir(),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      recorded: boolean;
      warnings: unknown[];
      backup: { files: unknown[] };
    };
    expect(out.recorded).toBe(true);
    expect(out.warnings).toEqual([]);
    expect(out.backup.files).toHaveLength(2);
  });

  it('a folder without PhoneFactor.pfdata is refused before anything is copied or recorded', () => {
    const state = stateDirWith(freshMigration('prod-1', 'Production'));
    const empty = tempDir('mfa-empty-');
    writeFileSync(path.join(empty, 'readme.txt'), 'x');
    const to = tempDir();
    const r = runCli(['--state-dir', state, 'backup', '--source', empty, '--to', to]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has no PhoneFactor\.pfdata\. Point the backup at the MFA Server Data folder/);
    expect(readdirSync(to)).toEqual([]);
    expect(readState(state).migrations['prod-1']!.steps.backup.evidence).toEqual([]);
  });

  it('without a migration it refuses before copying, unless --no-record', () => {
    const empty = tempDir();
    const to = tempDir();
    const { dir } = dataFolder();
    const r = runCli(['--state-dir', empty, 'backup', '--source', dir, '--to', to]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No migration yet/);
    expect(readdirSync(to)).toEqual([]);
    const plain = runCli(['--state-dir', empty, 'backup', '--source', dir, '--to', to, '--no-record']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/not recorded \(--no-record\)/);
    expect(readdirSync(to)).toHaveLength(1);
    expect(existsSync(path.join(empty, 'state.json'))).toBe(false);
  });

  it('--source and --to are required: usage error, exit 2', () => {
    const r = runCli(['backup', '--source', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--to/);
  });

  it('Ctrl+C stops the copy, releases the lock, records nothing and says what was left', async () => {
    const state = stateDirWith(freshMigration('prod-1', 'Production'));
    const dir = path.join(tempDir('mfa-big-'), 'Data');
    mkdirSync(dir);
    // a sparse 512 MiB file: instant to make, long enough to copy that the signal lands mid-way
    const fd = openSync(path.join(dir, 'PhoneFactor.pfdata'), 'w');
    ftruncateSync(fd, 512 * 1024 * 1024);
    closeSync(fd);
    const to = tempDir('mfa-backups-');
    const child = spawn(
      process.execPath,
      [MAIN, '--state-dir', state, 'backup', '--source', dir, '--to', to],
      {
        env: { ...process.env, HOME: tempDir('mfa-home-') },
      },
    );
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        const first = stderr === '';
        stderr += b.toString();
        if (first) child.kill('SIGINT');
      });
      child.on('close', (c) => resolve(c));
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /Interrupted: the copy in .*mfa-server-data-.* is incomplete and was not recorded/,
    );
    expect(existsSync(path.join(state, 'wizard.lock'))).toBe(false);
    expect(readState(state).migrations['prod-1']!.steps.backup.evidence).toEqual([]);
    // the partial copy can be hundreds of MiB: do not leave it in the temp folder
    rmSync(to, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
});
