// Errors the store, the lock and the data files raise for the user to read. The message is the whole
// story in one or two lines (what happened, why, what to do); callers print `message` and exit or
// offer the choices the code implies, never a stack trace.

export const STORE_ERROR_CODES = [
  /** the state file is not JSON; it was moved aside */
  'corrupt',
  /** the state file is JSON but not a valid state; it was moved aside */
  'invalid',
  /** the state file was written by a newer program; left untouched */
  'newer-version',
  /** the state file exists but cannot be read (permissions, a directory in its place, ...) */
  'unreadable',
  /** the state folder cannot be written, or a write failed (read-only, no permission, disk full) */
  'read-only',
  /** the state folder's parent does not exist, so the folder was not created */
  'missing-dir',
  /** another instance holds the lock */
  'locked',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  /** the file or folder the message is about */
  readonly path: string;
  /** where a bad state file was moved to, for `corrupt` and `invalid` */
  readonly movedTo?: string;

  constructor(
    code: StoreErrorCode,
    path: string,
    message: string,
    options?: { cause?: unknown; movedTo?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = path;
    if (options?.movedTo !== undefined) this.movedTo = options.movedTo;
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}

/** The errno code of a Node fs error, or undefined. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Why a write failed, in words an admin acts on. */
export function describeWriteFailure(error: unknown): string {
  switch (errnoCode(error)) {
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk (or your quota) is full';
    case 'EISDIR':
      return 'a folder is in the way of the file';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'the folder is gone or is not a folder';
    default: {
      const code = errnoCode(error);
      return code === undefined ? 'the system refused it' : `the system refused it (${code})`;
    }
  }
}

/** File-name-safe timestamp: ISO-8601 to the second, colons replaced (Windows forbids them). */
export function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}
