import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredential, SignInError, scopesForSignIn, signIn } from '../../src/auth/credentials.js';
import { openGraphSession } from '../../src/auth/session.js';
import { StaticTokenCredential } from '../../src/auth/static-token.js';
import { verifyTenant } from '../../src/auth/tenant-pin.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { mintToken } from '../../src/emulator/tokens.js';
import { createGraphClient } from '../../src/graph/client.js';
import { GraphError } from '../../src/graph/errors.js';
import { addRolloutGroup } from '../../src/graph/operations/rollout.js';
import { TenantGate } from '../../src/graph/tenant-gate.js';
import { ALL_DELEGATED, FakeCredential } from '../graph/graph-harness.js';

const OTHER = '99999999-9999-4999-8999-999999999999';

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function setup() {
  const tenant = generateTenant({ users: 50, seed: 3 });
  emu = await startEmulator({ tenant });
  const credential = new FakeCredential(mintToken({ tid: tenant.tenantId, scp: ALL_DELEGATED }));
  const dir = await mkdtemp(join(tmpdir(), 'session-'));
  return { tenant, emu, credential, auditFile: join(dir, 'audit.jsonl') };
}

describe('Graph session and tenant pinning', () => {
  it('pins the tenant at first sign-in and returns the event to dispatch', async () => {
    const s = await setup();
    const r = await openGraphSession({
      credential: s.credential,
      cloud: 'global',
      baseUrl: s.emu.url,
      scopes: ['https://graph.microsoft.com/.default'],
      migration: { name: 'Prod' },
      auditFile: s.auditFile,
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.pinEvent).toEqual({ type: 'pin-tenant', tenantId: s.tenant.tenantId });
      expect(r.graph.tenantGate?.verified).toBe(true);
    }
  });

  it('refuses another tenant before any write, naming both tenants', async () => {
    const s = await setup();
    const r = await openGraphSession({
      credential: s.credential,
      cloud: 'global',
      baseUrl: s.emu.url,
      scopes: ['https://graph.microsoft.com/.default'],
      migration: { name: 'Prod', tenantId: OTHER },
      auditFile: s.auditFile,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal.message).toContain(OTHER);
      expect(r.refusal.message).toContain(s.tenant.tenantId);
    }
    expect(s.emu.requestLog.map((e) => `${e.method} ${e.path.split('?')[0]}`)).toEqual([
      'GET /v1.0/organization',
    ]);
  });

  it('the tenant gate holds every other request until the tenant is checked', async () => {
    const s = await setup();
    const gate = new TenantGate();
    const graph = createGraphClient({
      credential: s.credential,
      cloud: 'global',
      baseUrl: s.emu.url,
      scopes: ['x'],
      tenantGate: gate,
    });
    const err = await addRolloutGroup(graph, 'p', s.tenant.wellKnown.rolloutGroupId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).kind).toBe('tenant');
    expect(s.emu.requestLog).toHaveLength(0);

    const mismatch = await verifyTenant(graph, { name: 'Prod', tenantId: OTHER });
    expect(mismatch.result).toBe('refused');
    expect(gate.verified).toBe(false);
    const ok = await verifyTenant(graph, { name: 'Prod', tenantId: s.tenant.tenantId });
    expect(ok.result).toBe('ok');
    expect(gate.verified).toBe(true);
  });

  it('never sends the token to another host', async () => {
    const s = await setup();
    const graph = createGraphClient({
      credential: s.credential,
      cloud: 'global',
      baseUrl: s.emu.url,
      scopes: ['x'],
    });
    expect(() => graph.api('https://evil.example/v1.0/organization')).toThrow(/another host/);
  });
});

describe('credentials', () => {
  it('reads the access token from the environment', async () => {
    const token = mintToken({ tid: OTHER, scp: 'User.Read' });
    const cred = await createCredential({
      kind: 'access-token',
      cloud: 'global',
      env: { MFA_MIGRATE_ACCESS_TOKEN: token },
    });
    expect(await signIn(cred, ['x'])).toBe(token);
    await expect(createCredential({ kind: 'access-token', cloud: 'global', env: {} })).rejects.toThrow(
      /MFA_MIGRATE_ACCESS_TOKEN/,
    );
  });

  it('reports an expired static token', async () => {
    const cred = new StaticTokenCredential(mintToken({ tid: OTHER, scp: 'x', expSeconds: -5 }));
    await expect(signIn(cred, ['x'])).rejects.toThrow(/expired/);
  });

  it('reads a client secret from a file and explains a missing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'secret-'));
    const file = join(dir, 'secret.txt');
    await writeFile(file, 's3cret\n', { mode: 0o600 });
    const cred = await createCredential({
      kind: 'client-secret',
      cloud: 'gcchigh',
      tenantId: OTHER,
      clientId: OTHER,
      secret: { file },
    });
    expect(cred.constructor.name).toBe('ClientSecretCredential');
    await expect(
      createCredential({
        kind: 'client-secret',
        cloud: 'global',
        tenantId: OTHER,
        clientId: OTHER,
        secret: { file: join(dir, 'nope') },
      }),
    ).rejects.toBeInstanceOf(SignInError);
  });

  it('asks delegated sign-ins for exact scopes of the cloud, others for .default', () => {
    expect(scopesForSignIn('device-code', 'dod', ['User.Read'])).toEqual([
      'https://dod-graph.microsoft.us/User.Read',
    ]);
    expect(scopesForSignIn('client-secret', 'china', ['User.Read'])).toEqual([
      'https://microsoftgraph.chinacloudapi.cn/.default',
    ]);
  });

  it('passes the AbortSignal to the credential and reports a cancel as such', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const waiting = {
      getToken: (_s: string | string[], o?: { abortSignal?: AbortSignal }) =>
        new Promise<null>((_resolve, reject) => {
          seen = o?.abortSignal;
          o?.abortSignal?.addEventListener('abort', () => reject(new Error('AbortError')));
        }),
    };
    const pending = signIn(waiting, ['x'], controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow(/cancelled/);
    expect(seen).toBe(controller.signal);
  });
});
