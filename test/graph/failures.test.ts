import { afterEach, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../src/audit/audit-log.js';
import { GraphError } from '../../src/graph/errors.js';
import { getOrganization } from '../../src/graph/operations/organization.js';
import { createMfaRolloutPolicy } from '../../src/graph/operations/rollout.js';
import { type Harness, startHarness } from './graph-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('lost replies and time limits', () => {
  it('a POST without a way to verify is not re-sent; the admin hears the outcome is unknown', async () => {
    h = await startHarness({
      faults: { dropConnectionOn: (r) => (r.method === 'POST' ? 'after' : false) },
    });
    const err = await h.graph
      .api('/policies/featureRolloutPolicies')
      .post({
        displayName: 'x',
        feature: 'multiFactorAuthentication',
        isEnabled: false,
        isAppliedToOrganization: false,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).kind).toBe('network');
    expect((err as GraphError).outcomeUnknown).toBe(true);
    expect((err as GraphError).message).toMatch(/may or may not/);
    expect(h.emu.requestLog.filter((r) => r.method === 'POST')).toHaveLength(1);
    const { entries } = await readAuditLog(h.auditFile);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ method: 'POST', status: 0 });
    expect(entries[0]?.error).toMatch(/may or may not/);
  });

  it('when the check after a lost POST fails too, the outcome is reported unknown', async () => {
    h = await startHarness({
      faults: { dropConnectionOn: (r) => r.path.startsWith('/v1.0/policies/featureRolloutPolicies') },
    });
    const err = await createMfaRolloutPolicy(h.graph, { displayName: 'p', isEnabled: false }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).outcomeUnknown).toBe(true);
    expect(h.emu.requestLog.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('a read that keeps timing out is retried, then reported as a timeout', async () => {
    h = await startHarness({
      faults: { latencyMs: 400 },
      client: { timeoutMs: 50, retry: { maxRetries: 2, sleep: async () => undefined } },
    });
    const err = await getOrganization(h.graph).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).kind).toBe('timeout');
    expect((err as GraphError).message).toMatch(/did not answer within/);
  });

  it('a reset connection on a read is retried transparently', async () => {
    let drops = 0;
    h = await startHarness({
      faults: { dropConnectionOn: (r) => (r.method === 'GET' && drops++ < 2 ? 'before' : false) },
    });
    const org = await getOrganization(h.graph);
    expect(org.id).toBe(h.emu.tenant.tenantId);
    expect(h.sleeps).toHaveLength(2);
  });
});

describe('gateway timeouts', () => {
  it('a 504 on a POST without a check is reported as unknown, not re-sent', async () => {
    h = await startHarness({ faults: { fail504Burst: 1 } });
    const err = await h.graph
      .api('/policies/featureRolloutPolicies')
      .post({
        displayName: 'x',
        feature: 'multiFactorAuthentication',
        isEnabled: false,
        isAppliedToOrganization: false,
      })
      .catch((e: unknown) => e);
    expect((err as GraphError).outcomeUnknown).toBe(true);
    expect((err as GraphError).message).toMatch(/504/);
    expect(h.emu.requestLog.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a 504 on a read is retried', async () => {
    h = await startHarness({ faults: { fail504Burst: 2 } });
    await getOrganization(h.graph);
    expect(h.emu.requestLog.map((r) => r.status)).toEqual([504, 504, 200]);
  });
});
