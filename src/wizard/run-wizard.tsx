// The interactive wizard's whole life: check the terminal, open the store, take the lock, switch to the
// alternate screen, run the app until it exits, and give everything back on the way out. The CLI
// imports this module dynamically, after it has set FORCE_COLOR / NODE_ENV for ink.

import { hostname } from 'node:os';
import { type Instance, render } from 'ink';
import { App } from '../../screens/app.js';
import { makeTheme } from '../../screens/theme.js';
import { acquireLock, type Lock, releaseOnExit } from '../../state/lock.js';
import { openStore, type Store } from '../../state/store.js';
import { isStoreError } from '../../state/store-errors.js';
import { auditFileFor, osActor } from '../audit/audit-log.js';
import type { GraphClient } from '../graph/client.js';
import { localServerHost } from '../platform/server-host.js';
import { createPrepServices } from '../services/prep-services.js';
import { createTenantServices } from '../services/tenant-services.js';
import { enterAltScreen, type ProcessLike } from '../terminal/alt-screen.js';
import { quietConsole } from '../terminal/quiet-console.js';
import { createConnection } from './connection.js';
import { demoMigrationEvents } from './demo-migration.js';
import type { DemoTenant } from './demo-tenant.js';

export interface RunWizardOptions {
  stateDir: string;
  programVersion: string;
  color: boolean;
  ascii: boolean;
  demo: boolean;
  /** validated --graph-url / MFA_MIGRATE_GRAPH_URL; real migrations only (demo ones use the emulator) */
  graphBaseUrl?: string;
  /** where MFA_MIGRATE_ACCESS_TOKEN is read; default process.env */
  env?: NodeJS.ProcessEnv;
  /** users in the demo tenant (default 2000; tests use fewer) */
  demoUsers?: number;
}

/** What runWizard touches of the process; tests pass fakes. */
export interface WizardIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  proc?: ProcessLike;
}

const EXIT_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM'] as const;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
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

  // The demo tenant starts only when a demo migration connects, and stops when the wizard ends.
  let demoTenant: Promise<DemoTenant> | undefined;
  const connection = createConnection({
    ...(opts.graphBaseUrl !== undefined ? { baseUrl: opts.graphBaseUrl } : {}),
    env: opts.env ?? process.env,
    auditFile: (id) => auditFileFor(store.migrationDir(id)),
    launchDemo: async () => {
      // the emulator loads only for a demo migration
      demoTenant ??= import('./demo-tenant.js').then((d) =>
        d.startDemoTenant({ users: opts.demoUsers ?? 2000 }),
      );
      const t = await demoTenant;
      return { baseUrl: t.url, token: t.token };
    },
  });

  // Registered before the alternate screen's own signal handlers (which exit at once): ink draws its
  // last frame now, on the alternate screen, instead of from its exit hook onto the normal screen.
  const proc: ProcessLike = io.proc ?? (process as unknown as ProcessLike);
  let instance: Instance | undefined;
  const unmountFirst = () => instance?.unmount();
  for (const signal of EXIT_SIGNALS) proc.on(signal, unmountFirst);

  // The steps' services reach Graph only through the connection, and only for the migration it was
  // opened for: switching migrations never lends one tenant's session to another.
  const graph = (): GraphClient | undefined => {
    const c = connection.get();
    return c.status === 'connected' && c.migrationId === store.get().lastMigrationId ? c.graph : undefined;
  };
  const now = () => new Date();
  const host = localServerHost();
  const tenantServices = createTenantServices({
    graph,
    migrationDir: (id) => store.migrationDir(id),
    host,
    now,
    actor: osActor(),
  });
  const prepServices = createPrepServices({
    graph,
    host,
    now,
    cwd: process.cwd(),
    platform: process.platform,
    ...(process.env.ProgramFiles ? { programFiles: process.env.ProgramFiles } : {}),
    machine: hostname(),
  });

  const screen = enterAltScreen({ out: stdout, err: stderr, proc });
  const quiet = quietConsole();
  try {
    instance = render(
      <App
        store={store}
        theme={makeTheme({ color: opts.color, ascii: opts.ascii })}
        connection={connection}
        tenantServices={tenantServices}
        prepServices={prepServices}
      />,
      { stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: false },
    );
    await instance.waitUntilExit();
    return 0;
  } finally {
    // A sign-in still in flight finishes against a live demo tenant (a closed one would make the
    // client retry for a while and keep the process alive), then the demo tenant stops. Until then
    // the alternate screen's handlers stay: a second Ctrl+C meanwhile still leaves cleanly (130).
    connection.disconnect();
    await Promise.race([connection.settle(), delay(5000)]);
    if (demoTenant) await demoTenant.then((t) => t.close()).catch(() => undefined);
    screen.leave();
    for (const signal of EXIT_SIGNALS) proc.off(signal, unmountFirst);
    const held = quiet.restore();
    if (held) stderr.write(`${held}\n`);
    lock.release();
    unhookLock();
  }
}
