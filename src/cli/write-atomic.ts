// Write a report file all at once: a temp file in the same folder, then rename. A crash or a full disk
// leaves either the old file or none, never half a report a change board might read as complete.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeWriteFailure, errnoCode } from '../../state/store-errors.js';
import { RuntimeError } from './exit-codes.js';

export function writeFileAtomic(file: string, data: string): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (!isDirectory(dir)) {
    throw new RuntimeError(
      `Cannot write ${target}: the folder ${dir} does not exist. Create it first or choose another --out.`,
    );
  }
  const tmp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx', mode: 0o600 });
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    const why = errnoCode(error) === 'EISDIR' ? 'a folder has that name' : describeWriteFailure(error);
    throw new RuntimeError(`Cannot write ${target}: ${why}. Nothing was written.`);
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
