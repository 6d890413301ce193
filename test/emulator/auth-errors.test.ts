import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { mintToken } from '../../src/emulator/tokens.js';
import { adminToken, call } from './emulator-client.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

function expectGraphError(body: unknown, code: string): void {
  expect(body).toEqual({
    error: {
      code,
      message: expect.any(String),
      innerError: {
        date: expect.any(String),
        'request-id': expect.any(String),
        'client-request-id': expect.any(String),
      },
    },
  });
}

describe('authentication', () => {
  it('answers 401 InvalidAuthenticationToken without a bearer token', async () => {
    const r = await call(emu, 'GET', '/v1.0/organization', { token: null });
    expect(r.status).toBe(401);
    expectGraphError(r.body, 'InvalidAuthenticationToken');
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('answers 401 for a malformed token and for an expired one', async () => {
    expect((await call(emu, 'GET', '/v1.0/organization', { token: 'garbage' })).status).toBe(401);
    const expired = mintToken({ tid: emu.tenant.tenantId, scp: 'Organization.Read.All', expSeconds: -60 });
    const r = await call(emu, 'GET', '/v1.0/organization', { token: expired });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/expired/);
  });

  it('answers 401 for a token of another tenant', async () => {
    const other = mintToken({ tid: '11111111-2222-3333-4444-555555555555', scp: 'Organization.Read.All' });
    const r = await call(emu, 'GET', '/v1.0/organization', { token: other });
    expect(r.status).toBe(401);
    expectGraphError(r.body, 'InvalidAuthenticationToken');
  });

  it('puts request-id on every response and echoes client-request-id in the error body', async () => {
    const r = await call(emu, 'GET', '/v1.0/organization', {
      token: null,
      headers: { 'client-request-id': 'abc-123' },
    });
    expect(r.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.body.error.innerError['client-request-id']).toBe('abc-123');
    expect(r.body.error.innerError['request-id']).toBe(r.headers.get('request-id'));
    const ok = await call(emu, 'GET', '/v1.0/organization');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('request-id')).toBeTruthy();
  });
});

describe('authorization', () => {
  it('answers 403 Authorization_RequestDenied when the scopes lack the route permission', async () => {
    const token = adminToken(emu, { scp: 'User.Read' });
    const r = await call(emu, 'GET', `/v1.0/users/${emu.tenant.adminUserId}/authentication/methods`, {
      token,
    });
    expect(r.status).toBe(403);
    expectGraphError(r.body, 'Authorization_RequestDenied');
  });

  it('accepts a higher-privileged permission in place of the least-privileged one', async () => {
    const token = adminToken(emu, { scp: 'Directory.ReadWrite.All' });
    expect((await call(emu, 'GET', '/v1.0/groups', { token })).status).toBe(200);
  });

  it('lets Policy.Read.HybridAuthentication list rollout policies but not change them', async () => {
    const token = adminToken(emu, { scp: 'Policy.Read.HybridAuthentication' });
    expect((await call(emu, 'GET', '/v1.0/policies/featureRolloutPolicies', { token })).status).toBe(200);
    const post = await call(emu, 'POST', '/v1.0/policies/featureRolloutPolicies', {
      token,
      body: { displayName: 'x', feature: 'multiFactorAuthentication', isEnabled: true },
    });
    expect(post.status).toBe(403);
  });

  it('refuses app-only tokens for staged rollout (no application permission exists)', async () => {
    const app = mintToken({
      tid: emu.tenant.tenantId,
      roles: ['Directory.ReadWrite.All', 'Policy.ReadWrite.HybridAuthentication'],
    });
    const r = await call(emu, 'GET', '/v1.0/policies/featureRolloutPolicies', { token: app });
    expect(r.status).toBe(403);
    const me = await call(emu, 'GET', '/v1.0/me', { token: app });
    expect(me.status).toBe(400);
  });
});

describe('not found', () => {
  it('answers 404 Request_ResourceNotFound for a missing user and group', async () => {
    const r = await call(emu, 'GET', '/v1.0/users/nobody@contoso.com');
    expect(r.status).toBe(404);
    expectGraphError(r.body, 'Request_ResourceNotFound');
    expect((await call(emu, 'GET', '/v1.0/groups/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('answers 400 for an unknown segment and for an unknown version', async () => {
    const r = await call(emu, 'GET', '/v1.0/nonsense');
    expect(r.status).toBe(400);
    expectGraphError(r.body, 'BadRequest');
    expect((await call(emu, 'GET', '/v2.0/users')).status).toBe(400);
  });
});

describe('custom token decoding', () => {
  it('lets a test plug in its own token -> claims mapping', async () => {
    const custom = await startEmulator({
      decodeToken: (raw) =>
        raw === 'let-me-in'
          ? {
              tid: custom.tenant.tenantId,
              scp: ['Organization.Read.All'],
              roles: [],
              wids: [],
              exp: Date.now() / 1000 + 60,
              aud: 'x',
            }
          : undefined,
    });
    try {
      expect((await call(custom, 'GET', '/v1.0/organization', { token: 'let-me-in' })).status).toBe(200);
      expect((await call(custom, 'GET', '/v1.0/organization', { token: 'a.b.c' })).status).toBe(401);
    } finally {
      await custom.close();
    }
  });
});
