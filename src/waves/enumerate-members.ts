// Step 5: the wave's migration group, enumerated to members.jsonl. Transitive user members (nested
// groups count: the Migration Utility takes nested groups) a page at a time; after every page the
// checkpoint records the next link, so an interrupted run resumes there. Nothing is kept in memory
// beyond one page, so 50,000 members cost what 50 do.
import { open, stat, truncate } from 'node:fs/promises';
import type { User } from '@microsoft/microsoft-graph-types';
import { appendJsonl, readJsonl } from '../../state/data-files.js';
import type { GraphClient } from '../graph/client.js';
import { countTransitiveUserMembers, transitiveUserMembersPath } from '../graph/operations/members.js';
import { linkedPages } from '../graph/operations/paging.js';
import { type LongOperationOptions, progressMeter, throwIfAborted } from './progress.js';
import type { ResolvedGroup } from './resolve-group.js';
import {
  ensureWaveDir,
  type MemberRecord,
  type MembersCheckpoint,
  type MemberTotals,
  readJsonFile,
  type WaveFiles,
  writeJsonFile,
} from './wave-files.js';

export interface EnumerateResult {
  groupId: string;
  groupName: string;
  totals: MemberTotals;
  /** true when this run continued an earlier, interrupted one */
  resumed: boolean;
  /** pages fetched in this run */
  pagesFetched: number;
  finishedAt: string;
}

export interface EnumerateOptions extends LongOperationOptions {
  /** Graph's maximum is 999 */
  pageSize?: number;
  now?: () => Date;
  /** start over even when a finished enumeration of the same group exists */
  refresh?: boolean;
  /** members expected, for the progress bar's total; default: the group's $count when onProgress is given */
  expectedTotal?: number;
}

const emptyTotals = (): MemberTotals => ({ users: 0, enabled: 0, synced: 0, cloudOnly: 0 });

export function toMemberRecord(u: User): MemberRecord {
  return {
    id: u.id ?? '',
    upn: u.userPrincipalName ?? '',
    enabled: u.accountEnabled !== false,
    synced: u.onPremisesSyncEnabled === true,
  };
}

export async function readMembersCheckpoint(files: WaveFiles): Promise<MembersCheckpoint | undefined> {
  return readJsonFile<MembersCheckpoint>(files.membersCheckpoint);
}

export async function enumerateMembers(
  graph: GraphClient,
  files: WaveFiles,
  group: ResolvedGroup,
  opts: EnumerateOptions = {},
): Promise<EnumerateResult> {
  const now = opts.now ?? (() => new Date());
  await ensureWaveDir(files);
  let cp = await readMembersCheckpoint(files);
  const sameGroup = cp !== undefined && cp.groupId === group.id;
  if (cp && sameGroup && cp.done && !opts.refresh) {
    return {
      groupId: cp.groupId,
      groupName: cp.groupName ?? group.displayName,
      totals: cp.totals,
      resumed: false,
      pagesFetched: 0,
      finishedAt: cp.updatedAt,
    };
  }
  const resumed = cp !== undefined && sameGroup && !cp.done && cp.nextLink !== undefined;
  if (!resumed || !cp) {
    cp = {
      groupId: group.id,
      groupName: group.displayName,
      count: 0,
      totals: emptyTotals(),
      done: false,
      startedAt: now().toISOString(),
      updatedAt: now().toISOString(),
    };
    await truncate(files.members, 0).catch(ignoreMissing);
    await writeJsonFile(files.membersCheckpoint, cp);
  } else {
    // A crash between appending a page and saving the checkpoint leaves that page in the file while
    // the checkpoint still points at it: cut the file back to what the checkpoint vouches for, so
    // the page fetched again is not counted twice.
    await cutToRecords(files.members, cp.count);
  }
  // the total for the progress bar; best effort (an advanced query some tenants refuse)
  const total =
    opts.expectedTotal ??
    (opts.onProgress ? await countTransitiveUserMembers(graph, group.id).catch(() => undefined) : undefined);
  const meter = progressMeter(total, cp.count);
  let pagesFetched = 0;
  const first =
    resumed && cp.nextLink
      ? cp.nextLink
      : transitiveUserMembersPath(group.id, { pageSize: opts.pageSize ?? 999 });
  const seenInPage = new Set<string>();
  for await (const page of linkedPages<User>(graph, 'members.read', first, {
    ctx: { what: `group "${group.displayName}"` },
    ...(opts.signal ? { signal: opts.signal } : {}),
  })) {
    pagesFetched++;
    // Graph deduplicates transitive members itself; the check within the page is a cheap guard
    seenInPage.clear();
    const records: MemberRecord[] = [];
    for (const u of page.value) {
      const r = toMemberRecord(u);
      if (r.id === '' || seenInPage.has(r.id)) continue;
      seenInPage.add(r.id);
      records.push(r);
    }
    await appendJsonl(files.members, records);
    const totals = { ...cp.totals };
    for (const r of records) {
      totals.users++;
      if (r.enabled) totals.enabled++;
      if (r.synced) totals.synced++;
      else totals.cloudOnly++;
    }
    const next: MembersCheckpoint = {
      ...cp,
      count: cp.count + records.length,
      totals,
      done: page.nextLink === undefined,
      updatedAt: now().toISOString(),
    };
    if (page.nextLink !== undefined) next.nextLink = page.nextLink;
    else delete next.nextLink;
    cp = next;
    await writeJsonFile(files.membersCheckpoint, cp);
    opts.onProgress?.(meter(cp.count));
    if (!cp.done) throwIfAborted(opts.signal);
  }
  throwIfAborted(opts.signal);
  return {
    groupId: cp.groupId,
    groupName: cp.groupName ?? group.displayName,
    totals: cp.totals,
    resumed,
    pagesFetched,
    finishedAt: cp.updatedAt,
  };
}

function ignoreMissing(e: unknown): void {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
}

/** Truncates a JSONL file after its first `count` lines, reading it in chunks (never all at once). */
async function cutToRecords(file: string, count: number): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    ignoreMissing(e);
    return;
  }
  if (count === 0) {
    if (size > 0) await truncate(file, 0);
    return;
  }
  const handle = await open(file, 'r');
  let offset = 0;
  let lines = 0;
  let cutAt = -1;
  try {
    const buf = Buffer.alloc(64 * 1024);
    while (offset < size && cutAt < 0) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        if (buf[i] === 0x0a && ++lines === count) {
          cutAt = offset + i + 1;
          break;
        }
      }
      offset += bytesRead;
    }
  } finally {
    await handle.close();
  }
  if (cutAt >= 0 && cutAt < size) await truncate(file, cutAt);
}

/** Streams members.jsonl, one record at a time. */
export async function* readMembers(files: WaveFiles): AsyncGenerator<MemberRecord, void, undefined> {
  for await (const r of readJsonl(files.members)) yield r as MemberRecord;
}
