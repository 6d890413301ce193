// Interrupted work resumes where it stopped: enumeration from the last saved nextLink (no member
// twice, even when a crash left a page in the file after its checkpoint), verification without
// fetching finished users again (checked in the emulator's request log).
import { appendFile, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { enumerateMembers, readMembers } from '../../src/waves/enumerate-members.js';
import { OperationAborted } from '../../src/waves/progress.js';
import type { ResolvedGroup } from '../../src/waves/resolve-group.js';
import { verifyWave } from '../../src/waves/verify-wave.js';
import { readPasses } from '../../src/waves/wave-files.js';
import { type Harness, startHarness } from '../graph/graph-harness.js';
import { memberIds, setupWave } from './wave-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const memberPages = (harness: Harness) =>
  harness.emu.requestLog.filter((e) => e.path.includes('/transitiveMembers/') && !e.path.includes('$count'));

describe('resuming an interrupted enumeration', () => {
  it('continues from the saved nextLink and never lists a member twice', async () => {
    const tenant = generateTenant({ users: 600, seed: 3, nestedGroups: true });
    h = await startHarness({ tenant });
    const w = setupWave(tenant);
    const group: ResolvedGroup = {
      id: tenant.wellKnown.migrationGroupId,
      displayName: 'MFA Migration - Wave 1',
      dynamic: false,
    };
    const expected = memberIds(tenant, group.id);
    const pageSize = 6;
    const totalPages = Math.ceil(expected.length / pageSize);
    expect(totalPages).toBeGreaterThan(4);

    const abort = new AbortController();
    await expect(
      enumerateMembers(h.graph, w.files, group, {
        pageSize,
        signal: abort.signal,
        onProgress: (p) => {
          if (p.done >= 2 * pageSize) abort.abort();
        },
      }),
    ).rejects.toBeInstanceOf(OperationAborted);
    expect(memberPages(h)).toHaveLength(2);

    // a crash after appending the next page but before its checkpoint, plus a torn last line
    const text = await readFile(w.files.members, 'utf8');
    const firstLines = text.split('\n').slice(0, 3).join('\n');
    await appendFile(w.files.members, `${firstLines}\n{"id":"torn`);

    const resumed = await enumerateMembers(h.graph, w.files, group, { pageSize });
    expect(resumed.resumed).toBe(true);
    expect(resumed.pagesFetched).toBe(totalPages - 2);
    // the first page was not fetched again: every member page request after the first two is a nextLink
    const pages = memberPages(h);
    expect(pages).toHaveLength(totalPages);
    expect(pages.slice(2).every((p) => p.path.includes('skiptoken'))).toBe(true);

    const ids: string[] = [];
    for await (const m of readMembers(w.files)) ids.push(m.id);
    expect(ids).toHaveLength(expected.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(resumed.totals.users).toBe(expected.length);

    // a finished enumeration is not repeated
    const again = await enumerateMembers(h.graph, w.files, group, { pageSize });
    expect(again.pagesFetched).toBe(0);
    expect(memberPages(h)).toHaveLength(totalPages);
  });
});

describe('resuming an interrupted verification', () => {
  it('skips users already verified in the pass, then later passes re-check only what can have changed', async () => {
    const tenant = generateTenant({ users: 800, seed: 5, nestedGroups: true });
    h = await startHarness({ tenant });
    const w = setupWave(tenant);
    const group: ResolvedGroup = { id: tenant.wellKnown.migrationGroupId, displayName: 'g', dynamic: false };
    await enumerateMembers(h.graph, w.files, group);
    const ids = memberIds(tenant, group.id);
    expect(ids.length).toBeGreaterThan(60);

    const abort = new AbortController();
    await expect(
      verifyWave(h.graph, w.files, {
        concurrency: 1,
        signal: abort.signal,
        onProgress: (p) => {
          if (p.done >= 40) abort.abort();
        },
      }),
    ).rejects.toBeInstanceOf(OperationAborted);
    const fetched = () =>
      h?.emu.requestLog.filter((e) => e.inner && /\/authentication\/methods$/.test(e.path)) ?? [];
    const firstRun = fetched().map((e) => e.path);
    expect(firstRun).toHaveLength(40);

    const r = await verifyWave(h.graph, w.files, { concurrency: 3 });
    expect(r.resumed).toBe(true);
    expect(r.pass).toBe(1);
    expect(r.checkedNow).toBe(ids.length - 40);
    const perUser = new Map<string, number>();
    for (const e of fetched()) perUser.set(e.path, (perUser.get(e.path) ?? 0) + 1);
    expect(perUser.size).toBe(ids.length);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    expect(r.counts).toEqual({ members: ids.length, migrated: r.coverage.migrated, verified: ids.length });

    // pass 2: the utility migrated five users; migrated users from pass 1 are not re-fetched
    const migratedBefore = new Set<string>();
    for await (const raw of (await import('../../state/data-files.js')).readJsonl(w.files.verification)) {
      const v = raw as { id: string; outcome: string };
      if (v.outcome === 'migrated') migratedBefore.add(v.id);
    }
    const changed = ids.filter((id) => !migratedBefore.has(id) && tenant.findUser(id)?.mfaServer).slice(0, 5);
    tenant.migrateUsers(changed);
    const before2 = fetched().length;
    const r2 = await verifyWave(h.graph, w.files);
    expect(r2.pass).toBe(2);
    expect(r2.planned).toBe(ids.length - migratedBefore.size);
    expect(fetched().length - before2).toBe(r2.planned);
    const pass2Paths = new Set(
      fetched()
        .slice(before2)
        .map((e) => e.path),
    );
    for (const id of migratedBefore)
      expect(pass2Paths.has(`/v1.0/users/${id}/authentication/methods`)).toBe(false);
    expect(r2.coverage.migrated).toBe(r.coverage.migrated + changed.length);

    // pass 3: a migrated user the utility touched again (e.g. a changed phone) is re-checked too
    const touched = [...migratedBefore].find((id) => tenant.findUser(id)?.mfaServer) ?? '';
    expect(tenant.migrateUsers([touched])).toBe(1);
    const before3 = fetched().length;
    const r3 = await verifyWave(h.graph, w.files);
    const pass3Paths = fetched()
      .slice(before3)
      .map((e) => e.path);
    expect(pass3Paths).toContain(`/v1.0/users/${touched}/authentication/methods`);
    // the not-migrated, the touched user, and (the audit filter has whole seconds) maybe pass 2's five
    expect(r3.planned).toBeGreaterThanOrEqual(ids.length - r2.coverage.migrated + 1);
    expect(r3.planned).toBeLessThanOrEqual(ids.length - r2.coverage.migrated + 1 + changed.length);
    const passes = await readPasses(w.files);
    expect(passes.passes.map((p) => [p.pass, p.finishedAt !== undefined])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
  });
});
