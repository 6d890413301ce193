// Step 5 verification: does each member's live Entra data show their MFA Server methods? Live
// methods through $batch (20 users per request; the batch helper honours each inner Retry-After),
// decided by state/verification.ts, appended to verification.jsonl after every batch. A crash loses
// at most the batches in flight: the next run continues the same pass and skips users already in it.
// A later pass re-checks only what can have changed: users not yet migrated, and users the directory
// audit log shows "Azure MFA Management" touched since the previous pass started.

import { appendJsonl, readJsonl } from '../../state/data-files.js';
import type { ExpectedLanding, VerifyOutcome } from '../../state/verification.js';
import { type Coverage, coverage, verifyUser } from '../../state/verification.js';
import type { GraphClient } from '../graph/client.js';
import { GraphError } from '../graph/errors.js';
import { methodsForUsers } from '../graph/operations/auth-methods.js';
import { MAX_BATCH } from '../graph/operations/batch.js';
import { migrationUtilityAudits, targetUserIds } from '../graph/operations/reports.js';
import type { UserPreview } from '../sync-preview/types.js';
import { readMembers, readMembersCheckpoint } from './enumerate-members.js';
import { toLiveMethod } from './live-methods.js';
import { type LongOperationOptions, OperationAborted, progressMeter } from './progress.js';
import {
  type MemberRecord,
  type PassInfo,
  readPasses,
  type VerificationRecord,
  type WaveFiles,
  writeJsonFile,
} from './wave-files.js';

export const PHONES_MASKED_REASON =
  'Phone numbers came back masked: the signed-in admin is not a Privileged Authentication Administrator, so only the presence of each phone was checked, not its number.';

export interface VerifyOptions extends LongOperationOptions {
  now?: () => Date;
  /** $batch requests in flight at once (each carries 20 users); default 4 */
  concurrency?: number;
  /** read hardware OATH tokens (beta, delegated only); default: when the preview expects one */
  hardwareOath?: boolean;
  /** re-check every member, not only what can have changed */
  full?: boolean;
  /** for tests: the batch helper's wait for an inner Retry-After */
  sleep?: (ms: number) => Promise<void>;
}

export interface VerifyResult {
  pass: number;
  /** true when this run continued a pass an earlier run did not finish */
  resumed: boolean;
  /** users checked in this run */
  checkedNow: number;
  /** users this pass set out to check (including those done before a crash) */
  planned: number;
  /** why these users, one line */
  scope: string;
  /** over every member of the wave, latest result per user */
  coverage: Coverage;
  complete: boolean;
  phonesMasked: boolean;
  /** set when phonesMasked: why, in the admin's words */
  maskedReason?: string;
  /** for set-wave-counts */
  counts: { members: number; migrated: number; verified: number };
  /** a note when the audit log could not be read (then every unmigrated user was re-checked anyway) */
  auditNote?: string;
  startedAt: string;
  finishedAt: string;
}

/** Latest outcome per user over the passes before `beforePass` (all passes when undefined). */
async function latestOutcomes(files: WaveFiles, beforePass?: number): Promise<Map<string, VerifyOutcome>> {
  const latest = new Map<string, VerifyOutcome>();
  for await (const raw of readJsonl(files.verification)) {
    const r = raw as VerificationRecord;
    if (beforePass !== undefined && r.pass >= beforePass) continue;
    latest.set(r.id, r.outcome);
  }
  return latest;
}

async function doneInPass(files: WaveFiles, pass: number): Promise<{ ids: Set<string>; masked: boolean }> {
  const ids = new Set<string>();
  let masked = false;
  for await (const raw of readJsonl(files.verification)) {
    const r = raw as VerificationRecord;
    if (r.pass !== pass) continue;
    ids.add(r.id);
    masked ||= r.phonesMasked;
  }
  return { ids, masked };
}

/** Expected landings per UPN (lower case) from preview.jsonl; empty when no preview was accepted. */
async function expectedByUpn(files: WaveFiles): Promise<Map<string, ExpectedLanding[]>> {
  const map = new Map<string, ExpectedLanding[]>();
  for await (const raw of readJsonl(files.preview)) {
    const p = raw as UserPreview;
    map.set(
      p.user.toLowerCase(),
      p.lands.map((l) => ({ target: l.target, value: l.value })),
    );
  }
  return map;
}

async function touchedSince(
  graph: GraphClient,
  since: Date,
  signal: AbortSignal | undefined,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const page of migrationUtilityAudits(graph, { since, ...(signal ? { signal } : {}) })) {
    for (const id of targetUserIds(page)) ids.add(id);
  }
  return ids;
}

export async function verifyWave(
  graph: GraphClient,
  files: WaveFiles,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const now = opts.now ?? (() => new Date());
  const cp = await readMembersCheckpoint(files);
  if (!cp?.done) {
    throw new Error(
      "The wave's members have not been fully listed yet. List the migration group's members first, then verify.",
    );
  }
  const passesFile = await readPasses(files);
  const last = passesFile.passes.at(-1);
  const resumed = last !== undefined && last.finishedAt === undefined;
  const passNo = resumed && last ? last.pass : (last?.pass ?? 0) + 1;
  const previous = passesFile.passes.filter((p) => p.pass < passNo).at(-1);
  const startedAt = resumed && last ? last.startedAt : now().toISOString();

  // whom this pass checks
  let scope: string;
  let auditNote: string | undefined;
  let wanted: (m: MemberRecord) => boolean;
  if (opts.full || previous === undefined) {
    scope = previous === undefined ? 'first pass: every member' : 'full re-check: every member';
    wanted = () => true;
  } else {
    const prior = await latestOutcomes(files, passNo);
    let touched = new Set<string>();
    try {
      touched = await touchedSince(graph, new Date(previous.startedAt), opts.signal);
      scope = `members not yet migrated, and ${touched.size} user(s) the Migration Utility changed since pass ${previous.pass} started`;
    } catch (e) {
      if (e instanceof GraphError && e.kind === 'aborted') throw new OperationAborted();
      auditNote = `The directory audit log could not be read (${e instanceof Error ? e.message : String(e)}); members already migrated were not re-checked.`;
      scope = 'members not yet migrated (audit log unavailable)';
    }
    wanted = (m) => prior.get(m.id) !== 'migrated' || touched.has(m.id);
  }

  // count the plan first (streaming), so the progress bar has a total
  const already = await doneInPass(files, passNo);
  let planned = 0;
  for await (const m of readMembers(files)) if (wanted(m)) planned++;
  const pass: PassInfo = { pass: passNo, startedAt, planned, scope };
  passesFile.passes = [...passesFile.passes.filter((p) => p.pass !== passNo), pass];
  await writeJsonFile(files.passes, passesFile);

  const expected = await expectedByUpn(files);
  // hardware OATH tokens are listed by beta only, for delegated sign-ins: ask only when the preview
  // expects one in this batch, so the usual cost stays one request per 20 users
  const wantsHardwareOath = (users: MemberRecord[]): boolean =>
    opts.hardwareOath ??
    (graph.signInKind !== 'application' &&
      users.some((u) => expected.get(u.upn.toLowerCase())?.some((e) => e.target === 'hardwareOath')));
  const meter = progressMeter(planned, already.ids.size);
  let done = already.ids.size;
  let checkedNow = 0;
  let masked = already.masked;
  let failure: unknown;

  // members to check now, in chunks of 20; the generator is shared by the workers (next() queues)
  async function* chunks(): AsyncGenerator<MemberRecord[], void, undefined> {
    let chunk: MemberRecord[] = [];
    for await (const m of readMembers(files)) {
      if (!wanted(m) || already.ids.has(m.id)) continue;
      chunk.push(m);
      if (chunk.length === MAX_BATCH) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  const source = chunks();

  const worker = async (): Promise<void> => {
    while (failure === undefined && !opts.signal?.aborted) {
      const next = await source.next();
      if (next.done) return;
      const users = next.value;
      let results: Awaited<ReturnType<typeof methodsForUsers>>;
      try {
        results = await methodsForUsers(
          graph,
          users.map((u) => u.id),
          {
            ...(opts.signal ? { signal: opts.signal } : {}),
            ...(opts.sleep ? { sleep: opts.sleep } : {}),
            ...(wantsHardwareOath(users) ? { hardwareOath: true } : {}),
          },
        );
      } catch (e) {
        failure ??= e;
        return;
      }
      const at = now().toISOString();
      const records: VerificationRecord[] = [];
      for (const u of users) {
        const r = results.get(u.id);
        if (!r) continue;
        let live: ReturnType<typeof toLiveMethod>[] | null;
        if ('error' in r) {
          if (r.error.kind !== 'not-found') {
            failure ??= r.error;
            continue;
          }
          live = null;
        } else live = r.methods.map(toLiveMethod);
        const v = verifyUser(live, expected.get(u.upn.toLowerCase()));
        masked ||= v.phonesMasked;
        records.push({ id: u.id, upn: u.upn, ...v, at, pass: passNo });
      }
      await appendJsonl(files.verification, records);
      done += records.length;
      checkedNow += records.length;
      opts.onProgress?.(meter(done));
    }
  };
  const n = Math.max(1, Math.min(16, opts.concurrency ?? 4));
  await Promise.all(Array.from({ length: n }, worker));
  await source.return(undefined);
  if (failure !== undefined) {
    if (failure instanceof GraphError && failure.kind === 'aborted') throw new OperationAborted();
    throw failure;
  }
  if (opts.signal?.aborted) throw new OperationAborted();

  const finishedAt = now().toISOString();
  pass.finishedAt = finishedAt;
  await writeJsonFile(files.passes, passesFile);

  const latest = await latestOutcomes(files);
  let members = 0;
  const outcomes: VerifyOutcome[] = [];
  for await (const m of readMembers(files)) {
    members++;
    const o = latest.get(m.id);
    if (o !== undefined) outcomes.push(o);
  }
  const cov = coverage(members, outcomes);
  const result: VerifyResult = {
    pass: passNo,
    resumed,
    checkedNow,
    planned,
    scope,
    coverage: cov,
    complete: members > 0 && cov.migrated === members,
    phonesMasked: masked,
    counts: { members, migrated: cov.migrated, verified: members - cov.unchecked },
    startedAt,
    finishedAt,
  };
  if (masked) result.maskedReason = PHONES_MASKED_REASON;
  if (auditNote) result.auditNote = auditNote;
  return result;
}

/** Latest result per member, for a screen's table (filtered to what is not migrated by default). */
export async function* latestResults(
  files: WaveFiles,
  opts: { onlyProblems?: boolean } = {},
): AsyncGenerator<VerificationRecord, void, undefined> {
  const latest = new Map<string, VerificationRecord>();
  for await (const raw of readJsonl(files.verification)) {
    const r = raw as VerificationRecord;
    latest.set(r.id, r);
  }
  for (const r of latest.values()) {
    if (opts.onlyProblems && r.outcome === 'migrated') continue;
    yield r;
  }
}
