// The interactive wizard's whole life: check the terminal, open the store, take the lock, switch to the
// alternate screen, run the app until it exits, and give everything back on the way out. The CLI
// imports this module dynamically, after it has set FORCE_COLOR / NODE_ENV for ink.
import { render } from 'ink';
import { App } from '../../screens/app.js';
import { makeTheme } from '../../screens/theme.js';
import { acquireLock, type Lock, releaseOnExit } from '../../state/lock.js';
import { openStore, type Store } from '../../state/store.js';
import { isStoreError } from '../../state/store-errors.js';
import { enterAltScreen, type ProcessLike } from '../terminal/alt-screen.js';
import { quietConsole } from '../terminal/quiet-console.js';
import { demoMigrationEvents } from './demo-migration.js';

export interface RunWizardOptions {
  stateDir: string;
  programVersion: string;
  color: boolean;
  ascii: boolean;
  demo: boolean;
}

/** What runWizard touches of the process; tests pass fakes. */
export interface WizardIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  proc?: ProcessLike;
}

export const NOT_A_TTY_MESSAGE =
  'mfa-migrate: the wizard needs an interactive terminal, but input or output is not a terminal.\n' +
  'For scripts and change tickets use `mfa-migrate status` or `mfa-migrate report` instead.\n';

export async function runWizard(
  opts: RunWizardOptions,
  io: WizardIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const { stdin, stdout, stderr } = io;
  // ink throws "Raw mode is not supported" without a TTY; refuse first, with somewhere to go.
  if (!stdin.isTTY || !stdout.isTTY) {
    stderr.write(NOT_A_TTY_MESSAGE);
    return 2;
  }

  let store: Store;
  let lock: Lock;
  try {
    store = openStore({ dir: opts.stateDir, programVersion: opts.programVersion });
    lock = acquireLock(opts.stateDir);
  } catch (error) {
    if (!isStoreError(error)) throw error;
    stderr.write(`mfa-migrate: ${error.message}\n`);
    return 1;
  }
  const unhookLock = releaseOnExit(lock);
  try {
    // Written before the alternate screen, so the admin finds these on the normal screen after quitting.
    if (store.upgradedFrom) {
      const u = store.upgradedFrom;
      stderr.write(
        `mfa-migrate: the state file was upgraded from schema version ${u.schemaVersion}; the old file is kept at ${u.backup}.\n`,
      );
    }
    if (lock.recoveredFrom) {
      const o = lock.recoveredFrom;
      stderr.write(`mfa-migrate: recovered a lock left by pid ${o.pid} (${o.user}, since ${o.startedAt}).\n`);
    }
    if (opts.demo) {
      for (const event of demoMigrationEvents(store.get())) {
        const result = store.dispatch(store.stamp(event));
        if (!result.ok) {
          stderr.write(`mfa-migrate: could not open the demo migration: ${result.refusal.message}\n`);
          lock.release();
          unhookLock();
          return 1;
        }
      }
    }
  } catch (error) {
    lock.release();
    unhookLock();
    if (!isStoreError(error)) throw error;
    stderr.write(`mfa-migrate: ${error.message}\n`);
    return 1;
  }

  const screen = enterAltScreen({ out: stdout, err: stderr, ...(io.proc ? { proc: io.proc } : {}) });
  const quiet = quietConsole();
  try {
    const instance = render(
      <App store={store} theme={makeTheme({ color: opts.color, ascii: opts.ascii })} />,
      { stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: false },
    );
    await instance.waitUntilExit();
    return 0;
  } finally {
    screen.leave();
    const held = quiet.restore();
    if (held) stderr.write(`${held}\n`);
    lock.release();
    unhookLock();
  }
}
