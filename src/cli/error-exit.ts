// How a failure ends: which exit code and which one or two lines. Known failures carry a message
// written for the admin; anything else is a bug, reported in one line with a pointer to --debug.
import { CommanderError } from 'commander';
import { isStoreError } from '../../state/store-errors.js';
import { EXIT, RuntimeError, UsageError } from './exit-codes.js';

export function exitForError(error: unknown, debug: boolean, stderr: (text: string) => void): number {
  // commander has already printed its message (or the help / version).
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof UsageError) {
    stderr(`${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof RuntimeError || isStoreError(error)) {
    stderr(`${(error as Error).message}\n`);
    return EXIT.runtime;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr(`mfa-migrate failed unexpectedly: ${message.split('\n')[0]}\n`);
  if (debug && error instanceof Error && error.stack) stderr(`${error.stack}\n`);
  else stderr('Run with --debug for details.\n');
  return EXIT.runtime;
}
