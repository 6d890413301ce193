import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { call } from './emulator-client.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

describe('/_emulator control routes', () => {
  it('simulates the Migration Utility on a group: methods appear in Graph and in the audit log', async () => {
    const group = emu.tenant.wellKnown.pilotGroupId;
    const r = await call(emu, 'POST', '/_emulator/migrate', { token: null, body: { groupId: group } });
    expect(r.status).toBe(200);
    expect(r.body.migrated).toBeGreaterThan(5);
    expect(emu.tenant.directoryAudits).toHaveLength(r.body.migrated);
    const migrated = emu.tenant.userAt(1)!.mfaServer ? emu.tenant.userAt(1)! : emu.tenant.userAt(2)!;
    expect(migrated.migrated).toBe(true);
  });

  it('sets faults and shows the request log and the tenant', async () => {
    const f = await call(emu, 'POST', '/_emulator/faults', { token: null, body: { fail503Burst: 1 } });
    expect(f.status).toBe(200);
    expect((await call(emu, 'GET', '/v1.0/organization')).status).toBe(503);
    expect((await call(emu, 'GET', '/v1.0/organization')).status).toBe(200);
    const log = await call(emu, 'GET', '/_emulator/requests', { token: null });
    expect(log.body.value.slice(-2).map((e: { status: number }) => e.status)).toEqual([503, 200]);
    const t = await call(emu, 'GET', '/_emulator/tenant', { token: null });
    expect(t.body.tenantId).toBe(emu.tenant.tenantId);
    expect(
      (await call(emu, 'POST', '/_emulator/faults', { token: null, body: { latencyMs: -1 } })).status,
    ).toBe(400);
    expect((await call(emu, 'GET', '/_emulator/nothing', { token: null })).status).toBe(404);
  });
});
