// `mfa-migrate verify --wave NAME`: step 5's verification without the full-screen UI, for a scheduled
// task. Signs in with MFA_MIGRATE_ACCESS_TOKEN (no terminal to show a device code), lists the wave's
// migration group when that is not done yet, runs (or resumes) a verification pass, and records the
// counts and the evidence in the state. Exit 0 when every member is migrated, 3 when not, 1 on errors.

import type { MigrationEvent } from '../../state/events.js';
import type { Migration, Wave } from '../../state/model.js';
import { openLockedStore } from '../../state/store.js';
import { auditFileFor } from '../audit/audit-log.js';
import { decodeJwtClaims, tokenKind } from '../auth/jwt.js';
import { openGraphSession } from '../auth/session.js';
import { ACCESS_TOKEN_ENV, StaticTokenCredential, tokenFromEnv } from '../auth/static-token.js';
import { resolveGraphBaseUrl } from '../graph/base-url.js';
import { defaultScope } from '../graph/clouds.js';
import { GraphError } from '../graph/errors.js';
import { enumerateMembers } from '../waves/enumerate-members.js';
import { OperationAborted, type Progress } from '../waves/progress.js';
import { resolveGroupRef } from '../waves/resolve-group.js';
import { type VerifyResult, verifyWave } from '../waves/verify-wave.js';
import { waveFiles } from '../waves/wave-files.js';
import { EXIT, RuntimeError, UsageError } from './exit-codes.js';
import { selectOneMigration } from './select-migration.js';

export interface VerifyCommandOptions {
  stateDir: string;
  programVersion: string;
  wave: string;
  migration?: string;
  json: boolean;
  graphUrl?: string;
  /** list the group's members again even when an earlier run finished listing them */
  refreshMembers?: boolean;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
  /** cancels the run (Ctrl+C); what is done so far stays on disk */
  signal?: AbortSignal;
}

export const VERIFY_JSON_VERSION = 1;

function findWave(m: Migration, nameOrId: string): Wave {
  const wanted = nameOrId.trim().toLowerCase();
  const w =
    m.waves.find((x) => x.id === nameOrId) ?? m.waves.find((x) => x.name.trim().toLowerCase() === wanted);
  if (!w) {
    const known = m.waves.map((x) => `"${x.name}"`).join(', ') || 'none yet';
    throw new UsageError(`Migration "${m.name}" has no wave named "${nameOrId}". Waves: ${known}.`);
  }
  return w;
}

/** One line every second at most, so a log file stays readable. */
function progressPrinter(stderr: (t: string) => void, label: string): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const t = Date.now();
    if (t - last < 1000 && p.done !== p.total) return;
    last = t;
    const of = p.total !== undefined ? ` of ${p.total}` : '';
    const eta = p.etaSeconds !== undefined ? `, about ${p.etaSeconds} s left` : '';
    stderr(`${label}: ${p.done}${of} (${p.ratePerSec.toFixed(0)}/s${eta})\n`);
  };
}

function summaryLine(r: VerifyResult): string {
  const c = r.coverage;
  const pct = c.total === 0 ? 0 : Math.floor((c.migrated / c.total) * 1000) / 10;
  return `${c.migrated} of ${c.total} migrated (${pct}%); partial ${c.partial}, not migrated ${c.notMigrated}, not found ${c.notFound}, unchecked ${c.unchecked}`;
}

export async function runVerify(opts: VerifyCommandOptions): Promise<number> {
  const token = tokenFromEnv(opts.env);
  if (!token) {
    throw new UsageError(
      `verify signs in without a terminal: set ${ACCESS_TOKEN_ENV} to a Microsoft Graph access token (e.g. from az account get-access-token --resource-type ms-graph).`,
    );
  }
  const base = resolveGraphBaseUrl(opts.graphUrl, opts.env);
  if (base && !base.ok) throw new UsageError(base.message);

  const { store, lock } = openLockedStore({
    dir: opts.stateDir,
    programVersion: opts.programVersion,
    now: opts.now,
  });
  try {
    const root = store.get();
    const m = selectOneMigration(root, opts.migration);
    if (!m) throw new RuntimeError('There is no migration yet. Create one in the wizard first.');
    const wave = findWave(m, opts.wave);
    const previousLast = root.lastMigrationId;
    const dispatch = (event: MigrationEvent): void => {
      if (store.get().lastMigrationId !== m.id)
        store.dispatch(store.stamp({ type: 'select-migration', id: m.id }));
      const r = store.dispatch(store.stamp(event));
      if (!r.ok) throw new RuntimeError(`Could not record the result: ${r.refusal.message}`);
    };
    try {
      return await verifyInSession(
        opts,
        m,
        wave,
        token,
        base?.ok ? base.baseUrl : undefined,
        store.migrationDir(m.id),
        dispatch,
      );
    } finally {
      // the scheduled task must not change which migration the wizard opens next
      if (previousLast !== undefined && store.get().lastMigrationId !== previousLast) {
        store.dispatch(store.stamp({ type: 'select-migration', id: previousLast }));
      }
    }
  } finally {
    lock.release();
  }
}

async function verifyInSession(
  opts: VerifyCommandOptions,
  m: Migration,
  wave: Wave,
  token: string,
  baseUrl: string | undefined,
  migrationDir: string,
  dispatch: (e: MigrationEvent) => void,
): Promise<number> {
  const say = opts.json ? () => undefined : opts.stderr;
  const kind = tokenKind(decodeJwtClaims(token));
  const session = await openGraphSession({
    credential: new StaticTokenCredential(token),
    cloud: m.cloud,
    ...(baseUrl ? { baseUrl } : {}),
    scopes: [defaultScope(m.cloud)],
    ...(kind ? { signInKind: kind } : {}),
    migration: m,
    auditFile: auditFileFor(migrationDir),
  }).catch((e: unknown) => {
    throw new RuntimeError(e instanceof Error ? e.message : String(e));
  });
  if (!session.ok) throw new RuntimeError(session.refusal.message);
  if (session.pinEvent) dispatch(session.pinEvent);
  const graph = session.graph;

  const ref = wave.migrationGroups[0];
  if (!ref)
    throw new RuntimeError(`Wave "${wave.name}" has no migration group yet. Set it in the wizard first.`);
  const files = waveFiles(migrationDir, wave.id);
  try {
    const resolved = await resolveGroupRef(graph, ref);
    if (resolved.kind !== 'found') throw new RuntimeError(resolved.message);
    say(`Wave "${wave.name}": group "${resolved.group.displayName}" (${resolved.group.id})\n`);
    const members = await enumerateMembers(graph, files, resolved.group, {
      now: opts.now,
      ...(opts.refreshMembers ? { refresh: true } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.json ? {} : { onProgress: progressPrinter(opts.stderr, 'Listing members') }),
    });
    const t = members.totals;
    say(
      `Members: ${t.users} users, ${t.enabled} enabled, ${t.synced} synced from on-premises, ${t.cloudOnly} cloud-only\n`,
    );
    const result = await verifyWave(graph, files, {
      now: opts.now,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.json ? {} : { onProgress: progressPrinter(opts.stderr, 'Verifying') }),
    });
    dispatch({ type: 'set-wave-counts', waveId: wave.id, ...result.counts });
    dispatch({
      type: 'add-evidence',
      ref: { step: 'migrate-users', wave: wave.id },
      evidence: {
        id: `verify:${wave.id}:pass-${result.pass}:${result.finishedAt}`,
        kind: 'count',
        label: `Verification pass ${result.pass} (live authentication methods)`,
        value: summaryLine(result),
        data: {
          pass: result.pass,
          scope: result.scope,
          coverage: result.coverage,
          phonesMasked: result.phonesMasked,
          members: members.totals,
          startedAt: result.startedAt,
          finishedAt: result.finishedAt,
        },
      },
    });
    if (opts.json) {
      opts.stdout(
        `${JSON.stringify(
          {
            version: VERIFY_JSON_VERSION,
            migration: { id: m.id, name: m.name },
            wave: { id: wave.id, name: wave.name },
            group: { id: members.groupId, name: members.groupName },
            members: members.totals,
            verification: result,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      opts.stdout(`Pass ${result.pass} (${result.scope}): ${summaryLine(result)}\n`);
      if (result.maskedReason) opts.stdout(`${result.maskedReason}\n`);
      if (result.auditNote) opts.stdout(`${result.auditNote}\n`);
      opts.stdout(
        result.complete
          ? 'Coverage complete.\n'
          : 'Coverage incomplete: run verify again after the next utility sync.\n',
      );
    }
    return result.complete ? EXIT.ok : EXIT.verificationIncomplete;
  } catch (e) {
    if (e instanceof OperationAborted) throw new RuntimeError(e.message);
    if (e instanceof GraphError) throw new RuntimeError(e.message);
    throw e;
  }
}
