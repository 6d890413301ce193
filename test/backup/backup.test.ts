import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupError, backupDataFolder } from '../../src/backup/backup.js';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-data-'));
  writeFileSync(join(dir, 'PhoneFactor.pfdata'), 'pfdata-bytes');
  writeFileSync(join(dir, 'PfSettings'), 'settings');
  return dir;
}

describe('backupDataFolder', () => {
  it('copies every file into a new time-named folder, hashes and verifies, and leaves the source alone', async () => {
    const src = dataFolder();
    await mkdir(join(src, 'Sub'));
    writeFileSync(join(src, 'Sub', 'extra'), 'x');
    const before = statSync(join(src, 'PhoneFactor.pfdata'));
    const dest = mkdtempSync(join(tmpdir(), 'mfa-bk-'));
    const r = await backupDataFolder({
      source: src,
      destinationRoot: dest,
      now: new Date('2026-11-25T14:53:07.123Z'),
    });
    expect(r.destination).toBe(join(dest, 'mfa-server-data-2026-11-25T14-53-07Z'));
    expect(r.destination.slice(dest.length)).not.toContain(':');
    expect(r.files.map((f) => f.name).sort()).toEqual([
      'PfSettings',
      'PhoneFactor.pfdata',
      join('Sub', 'extra'),
    ]);
    const pf = r.files.find((f) => f.name === 'PhoneFactor.pfdata')!;
    expect(pf.sha256).toBe(sha('pfdata-bytes'));
    expect(readFileSync(join(r.destination, 'PhoneFactor.pfdata'), 'utf8')).toBe('pfdata-bytes');
    expect(statSync(r.destination).mode & 0o777).toBe(0o700);
    const after = statSync(join(src, 'PhoneFactor.pfdata'));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(join(src, 'PhoneFactor.pfdata'), 'utf8')).toBe('pfdata-bytes');
  });

  it('refuses a folder without PhoneFactor.pfdata and a missing folder, clearly', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'mfa-empty-'));
    const dest = mkdtempSync(join(tmpdir(), 'mfa-bk-'));
    await expect(backupDataFolder({ source: empty, destinationRoot: dest, now: new Date() })).rejects.toThrow(
      /has no PhoneFactor.pfdata/,
    );
    await expect(
      backupDataFolder({ source: join(empty, 'nope'), destinationRoot: dest, now: new Date() }),
    ).rejects.toBeInstanceOf(BackupError);
  });

  it('never reuses an existing backup folder', async () => {
    const src = dataFolder();
    const dest = mkdtempSync(join(tmpdir(), 'mfa-bk-'));
    const now = new Date('2026-11-25T10:00:00Z');
    await backupDataFolder({ source: src, destinationRoot: dest, now });
    await expect(backupDataFolder({ source: src, destinationRoot: dest, now })).rejects.toThrow(
      /already exists/,
    );
    expect(await readdir(dest)).toHaveLength(1);
  });

  it('streams a large file with memory staying flat', async () => {
    const src = mkdtempSync(join(tmpdir(), 'mfa-big-'));
    const size = 256 * 1024 * 1024;
    const fh = await open(join(src, 'PhoneFactor.pfdata'), 'w');
    const chunk = Buffer.alloc(4 * 1024 * 1024, 7);
    for (let off = 0; off < size; off += chunk.length) await fh.write(chunk, 0, chunk.length, off);
    await fh.close();
    const dest = mkdtempSync(join(tmpdir(), 'mfa-bk-'));
    const base = process.memoryUsage().rss;
    let peak = base;
    let calls = 0;
    const r = await backupDataFolder({
      source: src,
      destinationRoot: dest,
      now: new Date(),
      onProgress: () => {
        if (++calls % 64 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    expect(r.totalBytes).toBe(size);
    // a read into memory would add 256 MB; streaming stays within a few buffers
    expect(peak - base).toBeLessThan(96 * 1024 * 1024);
  });
});
