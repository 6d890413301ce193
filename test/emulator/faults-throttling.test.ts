import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { adminToken, call } from './emulator-client.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
beforeEach(() => emu.setFaults({}));
afterAll(() => emu.close());

/** A raw request that reports whether the socket was cut before any response arrived. */
function rawPatch(path: string, body: unknown, token: string): Promise<'dropped' | number> {
  return new Promise((resolve) => {
    const data = JSON.stringify(body);
    const req = request(
      `${emu.url}${path}`,
      {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve('dropped'));
    req.end(data);
  });
}

describe('429 throttling', () => {
  it('injects TooManyRequests with Retry-After every Nth request', async () => {
    emu.setFaults({ throttleEvery: 3, retryAfterSeconds: 7 });
    const statuses: number[] = [];
    let throttled: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 6; i++) {
      const r = await call(emu, 'GET', '/v1.0/organization');
      statuses.push(r.status);
      if (r.status === 429) throttled = r;
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    expect(throttled?.headers.get('retry-after')).toBe('7');
    expect(throttled?.body.error.code).toBe('TooManyRequests');
  });

  it('spends a resource-unit budget: transitiveMembers costs 5, $select takes 1 off', async () => {
    emu.setFaults({ resourceUnitsPer10s: 9 });
    const g = emu.tenant.wellKnown.pilotGroupId;
    expect((await call(emu, 'GET', `/v1.0/groups/${g}/transitiveMembers`)).status).toBe(200); // 5
    expect((await call(emu, 'GET', `/v1.0/groups/${g}/transitiveMembers?$select=id`)).status).toBe(200); // 4 -> 9
    const r = await call(emu, 'GET', '/v1.0/organization');
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('limits reports to 5 requests per 10 seconds', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await call(emu, 'GET', '/v1.0/auditLogs/directoryAudits')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('gateway failures', () => {
  it('answers a burst of 503s then recovers', async () => {
    emu.setFaults({ fail503Burst: 2 });
    const a = await call(emu, 'GET', '/v1.0/organization');
    const b = await call(emu, 'GET', '/v1.0/organization');
    const c = await call(emu, 'GET', '/v1.0/organization');
    expect([a.status, b.status, c.status]).toEqual([503, 503, 200]);
    expect(a.body.error.code).toBe('ServiceUnavailable');
    expect(a.headers.get('request-id')).toBeTruthy();
  });

  it('answers 504 bursts too', async () => {
    emu.setFaults({ fail504Burst: 1 });
    expect((await call(emu, 'GET', '/v1.0/organization')).status).toBe(504);
  });
});

describe('latency', () => {
  it('still answers correctly when every response is delayed', async () => {
    emu.setFaults({ latencyMs: 50 });
    const r = await call(emu, 'GET', '/v1.0/organization');
    expect(r.status).toBe(200);
    expect(r.body.value[0].id).toBe(emu.tenant.tenantId);
  });
});

describe('dropped connections', () => {
  const domain = 'fabrikam.com';
  const fedPath = () =>
    `/v1.0/domains/${domain}/federationConfiguration/${emu.tenant.domains.find((d) => d.id === domain)!.federation!.id}`;

  it('drops before applying: the tenant is unchanged', async () => {
    emu.setFaults({ dropConnectionOn: (r) => r.method === 'PATCH' });
    const result = await rawPatch(
      fedPath(),
      { federatedIdpMfaBehavior: 'acceptIfMfaDoneByFederatedIdp' },
      adminToken(emu),
    );
    expect(result).toBe('dropped');
    expect(emu.tenant.domains.find((d) => d.id === domain)!.federation!.federatedIdpMfaBehavior).toBe(
      'enforceMfaByFederatedIdp',
    );
  });

  it('drops after applying: the write happened although the client saw no answer', async () => {
    emu.setFaults({ dropConnectionOn: (r) => (r.method === 'PATCH' ? 'after' : false) });
    const result = await rawPatch(
      fedPath(),
      { federatedIdpMfaBehavior: 'rejectMfaByFederatedIdp' },
      adminToken(emu),
    );
    expect(result).toBe('dropped');
    expect(emu.tenant.domains.find((d) => d.id === domain)!.federation!.federatedIdpMfaBehavior).toBe(
      'rejectMfaByFederatedIdp',
    );
    emu.setFaults({});
    const readBack = await call(emu, 'GET', `/v1.0/domains/${domain}/federationConfiguration`);
    expect(readBack.body.value[0].federatedIdpMfaBehavior).toBe('rejectMfaByFederatedIdp');
  });

  it('logs requests with method, path and status', async () => {
    const before = emu.requestLog.length;
    await call(emu, 'GET', '/v1.0/organization?$select=id');
    const entry = emu.requestLog[before];
    expect(entry).toMatchObject({
      method: 'GET',
      path: '/v1.0/organization?$select=id',
      status: 200,
      inner: false,
    });
  });
});
