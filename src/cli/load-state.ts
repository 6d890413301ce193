// Read the state for the non-interactive commands. They never take the wizard's lock (the wizard may be
// open in another terminal) and never dispatch; the store still does the loading so a corrupt or newer
// file is handled exactly as in the wizard (moved aside / left untouched, with the same message).
import { existsSync, readFileSync } from 'node:fs';
import { type RootState, rootStateSchema } from '../../state/model.js';
import { openStore } from '../../state/store.js';
import { isStoreError, StoreError } from '../../state/store-errors.js';
import { stateFilePath } from './state-dir.js';

/** The state, or undefined when there is no state file yet (nothing is created then). */
export function loadStateForReading(
  dir: string,
  programVersion: string,
  open: typeof openStore = openStore,
): RootState | undefined {
  const file = stateFilePath(dir);
  if (!existsSync(file)) return undefined;
  try {
    return open({ dir, programVersion }).get();
  } catch (error) {
    // The store insists on a writable folder (it saves every change). Reading a report from a
    // read-only copy of the state is still legitimate: validate it with the same schema instead.
    if (isStoreError(error) && error.code === 'read-only') return readWithoutStore(file);
    throw error;
  }
}

function readWithoutStore(file: string): RootState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StoreError(
      'corrupt',
      file,
      `The state file ${file} cannot be read as JSON, and its folder is read-only so it was left in place. ` +
        'Restore it from a backup.',
      { cause: error },
    );
  }
  const parsed = rootStateSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StoreError(
      'invalid',
      file,
      `The state file ${file} is not a valid mfa-migrate state (${parsed.error.issues[0]?.message ?? 'unknown'}); ` +
        'its folder is read-only, so open it with the wizard from a writable copy.',
    );
  }
  return parsed.data;
}
