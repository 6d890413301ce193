import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { call } from './emulator-client.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
beforeEach(() => emu.setFaults({}));
afterAll(() => emu.close());

const methodsRequests = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    method: 'GET',
    url: `/users/${emu.tenant.userAt(i + 1)!.id}/authentication/methods`,
  }));

describe('$batch', () => {
  it('answers each of 20 requests with its own id and status', async () => {
    const r = await call(emu, 'POST', '/v1.0/$batch', { body: { requests: methodsRequests(20) } });
    expect(r.status).toBe(200);
    const ids = r.body.responses.map((x: { id: string }) => x.id);
    expect(new Set(ids)).toEqual(new Set(methodsRequests(20).map((x) => x.id)));
    for (const x of r.body.responses) {
      expect(x.status).toBe(200);
      expect(Array.isArray(x.body.value)).toBe(true);
    }
  });

  it('returns responses in a shuffled order (clients must match by id)', async () => {
    let shuffled = false;
    for (let i = 0; i < 5 && !shuffled; i++) {
      const r = await call(emu, 'POST', '/v1.0/$batch', { body: { requests: methodsRequests(10) } });
      shuffled =
        r.body.responses.map((x: { id: string }) => x.id).join() !==
        methodsRequests(10)
          .map((x) => x.id)
          .join();
    }
    expect(shuffled).toBe(true);
  });

  it('refuses more than 20 requests and duplicate ids with 400', async () => {
    const tooMany = await call(emu, 'POST', '/v1.0/$batch', { body: { requests: methodsRequests(21) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('BadRequest');
    const dup = await call(emu, 'POST', '/v1.0/$batch', {
      body: { requests: [...methodsRequests(2), methodsRequests(1)[0]] },
    });
    expect(dup.status).toBe(400);
  });

  it('throttles inner requests individually with Retry-After in the inner headers', async () => {
    emu.setFaults({ throttleEvery: 4, retryAfterSeconds: 3 });
    const r = await call(emu, 'POST', '/v1.0/$batch', { body: { requests: methodsRequests(8) } });
    expect(r.status).toBe(200);
    const throttled = r.body.responses.filter((x: { status: number }) => x.status === 429);
    expect(throttled.map((x: { id: string }) => x.id).sort()).toEqual(['4', '8']);
    expect(throttled[0].headers['Retry-After']).toBe('3');
    expect(throttled[0].body.error.code).toBe('TooManyRequests');
  });

  it('answers 424 to a request whose dependency failed, and routes inner errors', async () => {
    const r = await call(emu, 'POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: 'a', method: 'GET', url: '/users/nobody@contoso.com' },
          { id: 'b', method: 'GET', url: '/organization', dependsOn: ['a'] },
          { id: 'c', method: 'GET', url: '/organization' },
        ],
      },
    });
    const byId = Object.fromEntries(
      r.body.responses.map((x: { id: string; status: number }) => [x.id, x.status]),
    );
    expect(byId).toEqual({ a: 404, b: 424, c: 200 });
  });

  it('needs a valid token on the batch itself', async () => {
    const r = await call(emu, 'POST', '/v1.0/$batch', {
      token: null,
      body: { requests: methodsRequests(1) },
    });
    expect(r.status).toBe(401);
  });
});
