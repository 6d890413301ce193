// Large per-user data (group members, verification results, previews) lives beside the state file
// in files of its own, so one change never rewrites megabytes. Two shapes: append-only JSONL for
// results that grow, and whole files replaced atomically for snapshots. All files are 0600.
import { randomBytes } from 'node:crypto';
import type fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, StoreError } from './store-errors.js';

const NEWLINE = 0x0a;

/** The pending append per file (absolute path), so appends in this process never overlap. */
const appendQueue = new Map<string, Promise<void>>();

/**
 * Appends one JSON line per record and fsyncs before returning. A record counts once its newline is
 * on disk: a torn tail left by a crash is cut off before appending, so it never glues onto the next
 * record.
 */
export async function appendJsonl(file: string, records: readonly unknown[]): Promise<void> {
  if (records.length === 0) return;
  const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
  // One append at a time per file: the torn-tail cut below would otherwise see another append's
  // half-written line and cut it.
  const key = path.resolve(file);
  const previous = appendQueue.get(key) ?? Promise.resolve();
  const current = previous.then(() => appendText(file, text));
  const settled = current.catch(() => undefined);
  appendQueue.set(key, settled);
  try {
    await current;
  } finally {
    if (appendQueue.get(key) === settled) appendQueue.delete(key);
  }
}

async function appendText(file: string, text: string): Promise<void> {
  const handle = await fsp.open(file, 'a+', 0o600);
  try {
    await handle.chmod(0o600); // an older file may have been created with looser bits
    const { size } = await handle.stat();
    if (size > 0) {
      const keep = await committedLength(handle, size);
      if (keep < size) await handle.truncate(keep);
    }
    await handle.appendFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Yields each record of a JSONL file in order. A missing file yields nothing. A last line without
 * its newline (a crash mid-write) is ignored; a damaged line before the end throws a StoreError
 * `corrupt` naming the line, since that is not something a crash leaves behind.
 */
export async function* readJsonl(file: string): AsyncGenerator<unknown, void, undefined> {
  let stream: fs.ReadStream;
  try {
    const handle = await fsp.open(file, 'r');
    stream = handle.createReadStream({ encoding: 'utf8' });
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  let pending = '';
  let lineNumber = 0;
  try {
    for await (const chunk of stream) {
      pending += chunk as string;
      let end = pending.indexOf('\n');
      while (end !== -1) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        lineNumber += 1;
        if (line.trim() !== '') yield parseLine(file, line, lineNumber);
        end = pending.indexOf('\n');
      }
    }
  } finally {
    stream.destroy();
  }
  // `pending` is now a torn last line (or empty): not committed, so not a record.
}

/** Writes a whole file through a temporary file and a rename, so readers see old or new, never half. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    const handle = await fsp.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, file);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  await syncDir(path.dirname(file));
}

function parseLine(file: string, line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new StoreError(
      'corrupt',
      file,
      `Line ${lineNumber} of ${file} is not valid JSON. The file was damaged outside mfa-migrate; ` +
        'restore it from a backup or delete it to collect the data again.',
      { cause: error },
    );
  }
}

/** Length of the file up to and including its last newline. */
async function committedLength(handle: fsp.FileHandle, size: number): Promise<number> {
  const chunkSize = 64 * 1024;
  const buffer = Buffer.alloc(chunkSize);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunkSize);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const at = buffer.subarray(0, bytesRead).lastIndexOf(NEWLINE);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return 0;
}

/** Makes a rename durable; some platforms (Windows) cannot open a folder, which is fine to skip. */
async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close();
  }
}
