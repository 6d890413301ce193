// Verification on a bad day: inner 429s with Retry-After (only those requests are retried) and a
// burst of 503s on the $batch itself give exactly the results of a quiet run.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultOptions } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { enumerateMembers } from '../../src/waves/enumerate-members.js';
import type { ResolvedGroup } from '../../src/waves/resolve-group.js';
import { latestResults, verifyWave } from '../../src/waves/verify-wave.js';
import { type Harness, startHarness } from '../graph/graph-harness.js';
import { memberIds, setupWave } from './wave-harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((x) => x.close()));
});

async function run(faults: FaultOptions | undefined) {
  const tenant = generateTenant({ users: 500, seed: 11, nestedGroups: true });
  const h = await startHarness({ tenant });
  harnesses.push(h);
  const w = setupWave(tenant);
  const group: ResolvedGroup = { id: tenant.wellKnown.migrationGroupId, displayName: 'g', dynamic: false };
  await enumerateMembers(h.graph, w.files, group);
  const ids = memberIds(tenant, group.id);
  tenant.migrateUsers(ids.filter((_, i) => i % 2 === 0));
  // the bad day starts with the verification
  if (faults) h.emu.setFaults(faults);
  const waits: number[] = [];
  const result = await verifyWave(h.graph, w.files, {
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  const outcomes = new Map<string, string>();
  for await (const r of latestResults(w.files)) outcomes.set(r.id, `${r.outcome}:${r.missing.join('|')}`);
  return { h, result, outcomes, waits, ids };
}

describe('verification under throttling and 503 bursts', () => {
  it('honours Retry-After per inner response and ends with the same results', async () => {
    const quiet = await run(undefined);
    const noisy = await run({ throttleEvery: 3, retryAfterSeconds: 2, fail503Burst: 3 });
    expect(noisy.outcomes).toEqual(quiet.outcomes);
    expect(noisy.result.coverage).toEqual(quiet.result.coverage);
    expect(noisy.outcomes.size).toBe(noisy.ids.length);
    // inner 429s were answered and waited for as the service asked (2 s)
    const inner429 = noisy.h.emu.requestLog.filter((e) => e.inner && e.status === 429);
    expect(inner429.length).toBeGreaterThan(0);
    expect(noisy.waits.length).toBeGreaterThan(0);
    expect(noisy.waits.every((ms) => ms === 2000)).toBe(true);
    // the 503s hit the $batch itself and were retried by the client
    const gateway503 = noisy.h.emu.requestLog.filter((e) => e.path.includes('$batch') && e.status === 503);
    expect(gateway503).toHaveLength(3);
    expect(noisy.h.sleeps.length).toBeGreaterThanOrEqual(3);
    // every user ends with exactly one successful methods read
    const ok = noisy.h.emu.requestLog.filter(
      (e) => e.inner && e.status === 200 && e.path.endsWith('/methods'),
    );
    expect(new Set(ok.map((e) => e.path)).size).toBe(ok.length);
    expect(ok).toHaveLength(noisy.ids.length);
  });
});
