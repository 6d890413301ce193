// Step 2: back up the MFA Server Data folder (PhoneFactor.pfdata and the settings files beside it)
// into a new folder named with the time, hash source and copy, and compare. The source is only read.
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { copyHashing, sha256File } from './hash-copy.js';

export const DATA_FILE = 'PhoneFactor.pfdata';

export interface BackedUpFile {
  /** path relative to the Data folder */
  name: string;
  size: number;
  /** source modification time when copied */
  modifiedAt: string;
  sha256: string;
}

export interface BackupRecord {
  source: string;
  destination: string;
  takenAt: string;
  files: BackedUpFile[];
  totalBytes: number;
}

export class BackupError extends Error {}

/** "2026-11-25T14-53-00Z": sortable and valid on Windows (no colons). */
export function timeStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export async function backupDataFolder(opts: {
  source: string;
  destinationRoot: string;
  now: Date;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}): Promise<BackupRecord> {
  const files = await listFiles(opts.source).catch((e: NodeJS.ErrnoException) => {
    throw new BackupError(
      `Cannot read the Data folder ${opts.source} (${e.code ?? e.message}). Check the path and that you run as an administrator.`,
    );
  });
  const names = files.map((f) => relative(opts.source, f));
  if (!names.includes(DATA_FILE)) {
    throw new BackupError(
      `${opts.source} has no ${DATA_FILE}. Point the backup at the MFA Server Data folder.`,
    );
  }
  const before = await Promise.all(files.map((f) => stat(f)));
  const total = before.reduce((n, s) => n + s.size, 0);
  const destination = join(opts.destinationRoot, `mfa-server-data-${timeStamp(opts.now)}`);
  try {
    // not recursive for the leaf: an existing folder of the same name is never reused
    await mkdir(opts.destinationRoot, { recursive: true });
    await mkdir(destination, { mode: 0o700 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === 'EEXIST'
        ? `${destination} already exists; wait a second and try again so no backup is overwritten.`
        : `Cannot create ${destination} (${code}). Choose a folder you can write to.`,
    );
  }
  let done = 0;
  const out: BackedUpFile[] = [];
  for (const [i, file] of files.entries()) {
    const name = names[i]!;
    const target = join(destination, name);
    await mkdir(join(target, '..'), { recursive: true, mode: 0o700 });
    const sourceHash = await copyHashing(file, target, {
      signal: opts.signal,
      onBytes: (n) => {
        done += n;
        opts.onProgress?.(done, total);
      },
    });
    // Hash the copy from disk: this verifies what was written, not what we meant to write.
    const copyHash = await sha256File(target, opts.signal);
    if (copyHash !== sourceHash) {
      throw new BackupError(
        `The copy of ${name} does not match the source (SHA-256 differs). The disk may be failing; back up elsewhere.`,
      );
    }
    const after = await stat(file);
    const was = before[i]!;
    if (after.size !== was.size || after.mtimeMs !== was.mtimeMs) {
      throw new BackupError(
        `${name} changed while it was copied. Stop the MultiFactorAuth service or retry at a quiet time.`,
      );
    }
    out.push({ name, size: was.size, modifiedAt: was.mtime.toISOString(), sha256: sourceHash });
  }
  return { source: opts.source, destination, takenAt: opts.now.toISOString(), files: out, totalBytes: total };
}
