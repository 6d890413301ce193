// What the tenant sections (waves step 5/6, coverage, federation, rollback) ask of the outside world,
// built on the wave, federation and rollback engines. Screens get this object through
// screens/use-tenant-services.ts and never touch files or the network themselves.

import type { FederationChange, FederationGates } from '../../state/federation-plan.js';
import type { GroupRef, Migration, Wave } from '../../state/model.js';
import { type Coverage, coverage, type VerifyOutcome } from '../../state/verification.js';
import { auditFileFor, readAuditLog } from '../audit/audit-log.js';
import type { RestoreRecord } from '../backup/restore.js';
import {
  type AppliedFederationChange,
  applyFederationChange,
  conditionalAccessRequiringMfa,
  type FederatedDomain,
  type FederationApplyResult,
  type FederationPlanResult,
  listFederation,
  type MfaPolicyCheck,
  planFederation,
} from '../federation/federation.js';
import type { GraphClient } from '../graph/client.js';
import type { ServerHost } from '../platform/server-host.js';
import { maskPhoneNumbers } from '../report/mask-phones.js';
import {
  applyFederationRollback,
  applyRestoreDataFile,
  planFederationRollbackNow,
} from '../rollback/rollback-apply.js';
import { buildRollbackPlan, type RollbackItem, type RollbackPlan } from '../rollback/rollback-plan.js';
import type { UserPreview } from '../sync-preview/types.js';
import { type EnumerateResult, enumerateMembers, readMembersCheckpoint } from '../waves/enumerate-members.js';
import {
  acceptPreview,
  exportPreviewCsv,
  importPreviewFile,
  type PreviewImport,
  readPreview,
} from '../waves/preview-wave.js';
import type { Progress } from '../waves/progress.js';
import { type GroupResolution, type ResolvedGroup, resolveGroupRef } from '../waves/resolve-group.js';
import {
  applyRolloutPlan,
  type PlanWaveRolloutOptions,
  planWaveRollout,
  type RolloutApplyResult,
  removeGroups,
  rolloutOff,
  type WaveRolloutPlan,
} from '../waves/rollout.js';
import { latestResults, type VerifyResult, verifyWave } from '../waves/verify-wave.js';
import { type MembersCheckpoint, type VerificationRecord, waveFiles } from '../waves/wave-files.js';

import { OfflineError } from './tenant-errors.js';

export { failureMessage, OFFLINE_MESSAGE, OfflineError } from './tenant-errors.js';

export interface TenantServicesDeps {
  /** the signed-in Graph client for the open migration, undefined when offline */
  graph: () => GraphClient | undefined;
  /** the folder of a migration's own files (waves/, audit.jsonl) */
  migrationDir: (migrationId: string) => string;
  /** the machine the wizard runs on (rollback's restore checks the MultiFactorAuth service there) */
  host?: ServerHost;
  now: () => Date;
  /** "osuser@host", for what is recorded */
  actor: string;
  /** members listed per Graph page (default 999, Graph's maximum); smaller in tests */
  pageSize?: number;
}

export interface LongRun {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface WaveCoverage {
  waveId: string;
  waveName: string;
  /** members listed (undefined when the members were never listed) */
  members: number | undefined;
  coverage: Coverage;
}

export interface TenantServices {
  /** a Graph client is there (signed in for this migration) */
  online(): boolean;
  resolveGroup(ref: GroupRef): Promise<GroupResolution>;
  membersCheckpoint(migrationId: string, waveId: string): Promise<MembersCheckpoint | undefined>;
  enumerateMembers(
    migrationId: string,
    waveId: string,
    group: ResolvedGroup,
    run: LongRun & { refresh?: boolean },
  ): Promise<EnumerateResult>;
  importPreview(file: string): Promise<PreviewImport>;
  acceptPreview(migrationId: string, waveId: string, previews: readonly UserPreview[]): Promise<void>;
  /** the wave's accepted preview (all users, or only those with skips) */
  readPreview(migrationId: string, waveId: string, onlySkips: boolean): Promise<UserPreview[]>;
  /** Excel-safe CSV; phone numbers masked */
  exportPreview(migrationId: string, waveId: string, file: string, onlySkips: boolean): Promise<number>;
  verify(migrationId: string, waveId: string, run: LongRun & { full?: boolean }): Promise<VerifyResult>;
  /** latest result per member that is not migrated (at most `limit`) */
  notMigrated(migrationId: string, waveId: string, limit?: number): Promise<VerificationRecord[]>;
  planRollout(migration: Migration, wave: Wave, opts?: PlanWaveRolloutOptions): Promise<WaveRolloutPlan>;
  /** Esc (the signal) stops between writes; applying again later skips what is already in place */
  applyRollout(plan: WaveRolloutPlan, run?: LongRun): Promise<RolloutApplyResult>;
  /** coverage per wave from the wave files, and over all waves */
  overallCoverage(migration: Migration): Promise<{ waves: WaveCoverage[]; total: Coverage }>;
  /** users not migrated in any wave's latest results and without a recorded exception (at most `limit`) */
  remainingUsers(
    migration: Migration,
    limit?: number,
  ): Promise<{ upn: string; waveName: string; outcome: VerifyOutcome; missing: string[] }[]>;
  listFederation(): Promise<FederatedDomain[]>;
  conditionalAccess(): Promise<MfaPolicyCheck>;
  planFederation(
    chosen: string[],
    gates: Omit<FederationGates, 'caPoliciesRequiringMfa'>,
  ): Promise<FederationPlanResult>;
  applyFederation(change: FederationChange, typed: string): Promise<FederationApplyResult>;
  rollbackPlan(migration: Migration): Promise<RollbackPlan>;
  /** full rollback: PhoneFactor.pfdata back from the recorded backup (hash checked, current kept aside) */
  restoreDataFile(item: RollbackItem, adminConfirmedServiceStopped: boolean): Promise<RestoreRecord>;
  removeRolloutGroups(groups: { id: string; displayName: string }[]): Promise<RolloutApplyResult>;
  rolloutOff(): Promise<RolloutApplyResult>;
  planFederationRollback(
    migration: Migration,
  ): Promise<Awaited<ReturnType<typeof planFederationRollbackNow>>>;
  applyFederationRollback(
    migration: Migration,
    confirmations: Readonly<Record<string, string>>,
  ): Promise<{ applied: AppliedFederationChange[]; skipped: { domain: string; message: string }[] }>;
}

export function createTenantServices(deps: TenantServicesDeps): TenantServices {
  const graph = (): GraphClient => {
    const g = deps.graph();
    if (!g) throw new OfflineError();
    return g;
  };
  const files = (migrationId: string, waveId: string) => waveFiles(deps.migrationDir(migrationId), waveId);
  const now = deps.now;

  return {
    online: () => deps.graph() !== undefined,
    resolveGroup: (ref) => resolveGroupRef(graph(), ref),
    membersCheckpoint: (mid, wid) => readMembersCheckpoint(files(mid, wid)),
    enumerateMembers: (mid, wid, group, run) =>
      enumerateMembers(graph(), files(mid, wid), group, {
        now,
        ...(deps.pageSize ? { pageSize: deps.pageSize } : {}),
        ...(run.refresh ? { refresh: true } : {}),
        ...(run.signal ? { signal: run.signal } : {}),
        ...(run.onProgress ? { onProgress: run.onProgress } : {}),
      }),
    importPreview: (file) => importPreviewFile(file),
    acceptPreview: (mid, wid, previews) => acceptPreview(files(mid, wid), previews),
    readPreview: async (mid, wid, onlySkips) => {
      const out: UserPreview[] = [];
      for await (const p of readPreview(files(mid, wid), { onlySkips })) out.push(p);
      return out;
    },
    exportPreview: async (mid, wid, file, onlySkips) =>
      (await exportPreviewCsv(files(mid, wid), file, maskPhoneNumbers, { onlySkips })).rows,
    verify: (mid, wid, run) =>
      verifyWave(graph(), files(mid, wid), {
        now,
        ...(run.full ? { full: true } : {}),
        ...(run.signal ? { signal: run.signal } : {}),
        ...(run.onProgress ? { onProgress: run.onProgress } : {}),
      }),
    notMigrated: async (mid, wid, limit = 5000) => {
      const out: VerificationRecord[] = [];
      for await (const r of latestResults(files(mid, wid), { onlyProblems: true })) {
        out.push(r);
        if (out.length >= limit) break;
      }
      return out;
    },
    planRollout: (m, w, opts) => planWaveRollout(graph(), m, w, opts),
    applyRollout: (p, run) =>
      applyRolloutPlan(graph(), p.plan, { now, ...(run?.signal ? { signal: run.signal } : {}) }),
    overallCoverage: async (m) => {
      const waves: WaveCoverage[] = [];
      const all: VerifyOutcome[] = [];
      let total = 0;
      for (const w of m.waves) {
        const f = files(m.id, w.id);
        const cp = await readMembersCheckpoint(f);
        const outcomes: VerifyOutcome[] = [];
        for await (const r of latestResults(f)) outcomes.push(r.outcome);
        const members = cp?.totals.users;
        const n = members ?? outcomes.length;
        waves.push({ waveId: w.id, waveName: w.name, members, coverage: coverage(n, outcomes) });
        total += n;
        all.push(...outcomes);
      }
      return { waves, total: coverage(total, all) };
    },
    remainingUsers: async (m, limit = 5000) => {
      const excepted = new Set(m.exceptions.map((e) => e.upn.toLowerCase()));
      const out: { upn: string; waveName: string; outcome: VerifyOutcome; missing: string[] }[] = [];
      for (const w of m.waves) {
        for await (const r of latestResults(files(m.id, w.id), { onlyProblems: true })) {
          if (excepted.has(r.upn.toLowerCase())) continue;
          out.push({ upn: r.upn, waveName: w.name, outcome: r.outcome, missing: r.missing });
          if (out.length >= limit) return out;
        }
      }
      return out;
    },
    listFederation: () => listFederation(graph()),
    conditionalAccess: () => conditionalAccessRequiringMfa(graph()),
    planFederation: (chosen, gates) => planFederation(graph(), chosen, gates),
    applyFederation: (change, typed) => applyFederationChange(graph(), change, typed, { now }),
    rollbackPlan: async (m) => {
      const audit = await readAuditLog(auditFileFor(deps.migrationDir(m.id)));
      const names = new Map<string, string>();
      for (const w of m.waves)
        for (const g of [...w.rolloutGroups, ...w.migrationGroups])
          if (g.id && g.name) names.set(g.id, g.name);
      // the audit log knows group ids only: name them from the waves, else ask Graph when signed in
      const g = deps.graph();
      if (g) {
        for (const added of buildRollbackPlan(m, audit, names).derivedFrom.groupsAdded) {
          if (names.has(added.groupId)) continue;
          const r = await resolveGroupRef(g, { id: added.groupId }).catch(() => undefined);
          if (r?.kind === 'found') names.set(added.groupId, r.group.displayName);
        }
      }
      return buildRollbackPlan(m, audit, names);
    },
    restoreDataFile: async (item, adminConfirmedServiceStopped) => {
      if (item.kind !== 'restore-data-file' || !item.backup)
        throw new Error('No backup is recorded on step 2, so there is nothing to restore from.');
      if (!deps.host || item.backup.origin === 'remote')
        throw new Error(
          `Restore on the MFA Server${item.backup.server ? ` (${item.backup.server})` : ''}: stop MultiFactorAuth, copy PhoneFactor.pfdata from ${item.backup.destination} into ${item.backup.source}, start it.`,
        );
      return applyRestoreDataFile(item, {
        dataFolder: item.backup.source,
        host: deps.host,
        adminConfirmedServiceStopped,
        now: now(),
      });
    },
    removeRolloutGroups: (groups) => removeGroups(graph(), groups, { now }),
    rolloutOff: () => rolloutOff(graph(), { now }),
    planFederationRollback: (m) => planFederationRollbackNow(graph(), m),
    applyFederationRollback: (m, confirmations) => applyFederationRollback(graph(), m, confirmations),
  };
}
