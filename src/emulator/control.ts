// Out-of-band control of a running emulator, for the demo and for end-to-end tests that run the wizard
// in another process: POST /_emulator/migrate simulates "the admin ran the Migration Utility" on a
// group or on users, /_emulator/faults sets faults, /_emulator/requests shows the request log.
// Loopback only, like the rest of the emulator; never part of Graph's surface.
import type { EmulatorCore } from './core.js';
import type { FaultOptions } from './faults.js';
import type { EmulatorResponse } from './route-types.js';

const json = (status: number, body: unknown): EmulatorResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body,
});

const NUMERIC_FAULTS = [
  'throttleEvery',
  'retryAfterSeconds',
  'fail503Burst',
  'fail504Burst',
  'latencyMs',
  'resourceUnitsPer10s',
  'reportRequestsPer10s',
] as const;

export function handleControl(
  core: EmulatorCore,
  method: string,
  path: string,
  body: unknown,
): EmulatorResponse {
  const tenant = core.tenant;
  const b = (body ?? {}) as Record<string, unknown>;
  if (method === 'GET' && path === '/tenant') {
    return json(200, {
      tenantId: tenant.tenantId,
      userCount: tenant.userCount,
      seed: tenant.seed,
      wellKnown: tenant.wellKnown,
    });
  }
  if (method === 'GET' && path === '/requests') return json(200, { value: core.requestLog });
  if (method === 'POST' && path === '/migrate') {
    const ids: (string | number)[] = [];
    if (Array.isArray(b.userIds)) ids.push(...b.userIds.filter((x): x is string => typeof x === 'string'));
    if (typeof b.groupId === 'string') {
      if (!tenant.groups.has(b.groupId)) return json(404, { error: `No group '${b.groupId}'.` });
      ids.push(...tenant.transitiveMembers(b.groupId).filter((r): r is number => typeof r === 'number'));
    }
    const limit = typeof b.limit === 'number' ? b.limit : ids.length;
    return json(200, { migrated: tenant.migrateUsers(ids.slice(0, limit)) });
  }
  if (method === 'POST' && path === '/faults') {
    const f: FaultOptions = {};
    for (const k of NUMERIC_FAULTS) {
      const v = b[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        return json(400, { error: `${k} must be a number >= 0.` });
      f[k] = v;
    }
    if (b.federationPatchNeedsAccessAsUser === true) f.federationPatchNeedsAccessAsUser = true;
    core.setFaults(f);
    return json(200, { faults: f });
  }
  return json(404, { error: `Unknown control route ${method} /_emulator${path}.` });
}
