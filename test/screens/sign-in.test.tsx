// Sign-in from the wizard, against a real emulator over HTTP with a fake TokenCredential (the only
// stand-in): the device code shows inside the frame, Esc cancels through the AbortSignal, the first
// sign-in pins the tenant, and a migration pinned to another tenant is refused naming both, before
// any call other than /organization.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../screens/app.js';
import { makeTheme } from '../../screens/theme.js';
import type { SignInOptions } from '../../src/auth/credentials.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { type Connection, createConnection } from '../../src/wizard/connection.js';
import { adminToken } from '../emulator/emulator-client.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import {
  FakeStep,
  frameLines,
  type MemoryStore,
  memoryStore,
  rootWith,
  settled,
} from '../wizard/app-harness.js';

const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';

/** A device-code credential as @azure/identity's behaves: show the code, then wait for the user. */
class FakeDeviceCode implements TokenCredential {
  private signedIn = false;
  constructor(
    private readonly options: SignInOptions,
    private readonly token: string,
    private readonly userDone: Promise<void>,
  ) {}
  async getToken(scopes: string | string[], o?: GetTokenOptions): Promise<AccessToken> {
    scopesAsked.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    if (!this.signedIn) {
      if (this.options.kind === 'device-code') {
        this.options.onDeviceCode({
          message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin',
          userCode: 'FAKE-C0DE',
          verificationUri: 'https://microsoft.com/devicelogin',
        });
      }
      await new Promise<void>((resolve, reject) => {
        o?.abortSignal?.addEventListener('abort', () => reject(new Error('AbortError')), { once: true });
        void this.userDone.then(resolve);
      });
      this.signedIn = true;
    }
    return { token: this.token, expiresOnTimestamp: Date.now() + 3600_000 };
  }
}

let emu: RunningEmulator;
let dir: string;
let ui: RenderedUi | undefined;
let finishSignIn: () => void;
let kindsAsked: string[];
let scopesAsked: string[];

beforeAll(async () => {
  emu = await startEmulator({ tenant: generateTenant({ users: 50, seed: 1 }) });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-signin-'));
  emu.requestLog.length = 0;
  kindsAsked = [];
  scopesAsked = [];
});
afterEach(() => {
  ui?.unmount();
  ui = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function connection(): Connection {
  const userDone = new Promise<void>((resolve) => {
    finishSignIn = resolve;
  });
  return createConnection({
    baseUrl: emu.url,
    env: {},
    auditFile: (id) => path.join(dir, `${id}-audit.jsonl`),
    makeCredential: async (options) => {
      kindsAsked.push(options.kind);
      return new FakeDeviceCode(options, adminToken(emu), userDone);
    },
  });
}

function open(tenantId?: string): { store: MemoryStore; ui: RenderedUi; conn: Connection } {
  const root = rootWith([{ id: 'prod', name: 'Production', tenant: 'contosodemo.onmicrosoft.com' }], 'prod');
  if (tenantId) root.migrations.prod = { ...root.migrations.prod!, tenantId };
  const store = memoryStore(root);
  const conn = connection();
  ui = renderUi(
    <App
      store={store}
      theme={makeTheme({ color: false, ascii: false })}
      connection={conn}
      renderStep={(p) => <FakeStep {...p} />}
    />,
    { columns: 80, rows: 24 },
  );
  return { store, ui: settled(ui), conn };
}

/** From the step, through the permissions screen and the choice (device code), to the code. */
async function toDeviceCode(u: RenderedUi): Promise<string> {
  const step = await u.waitFor('STEP inventory');
  expect(step).toContain('offline');
  expect(step).toContain('e connect');
  u.press('e');
  await u.waitFor('Graph permissions for step 1');
  u.press(KEYS.enter);
  const choose = await u.waitFor('How do you want to sign in');
  expect(choose).toMatch(/[›❯>] Device code \(default\) \(delegated\)/);
  u.press(KEYS.enter);
  return u.waitFor('FAKE-C0DE');
}

describe('sign-in from the wizard', () => {
  it('shows the device code inside the frame, then connects and pins the tenant on first sign-in', async () => {
    const { store, ui: u } = open();
    const code = await toDeviceCode(u);
    expect(code).toContain('https://microsoft.com/devicelogin');
    expect(code).toContain('signing in');
    expect(frameLines(code).length).toBeLessThanOrEqual(24);
    expect(kindsAsked).toEqual(['device-code']);
    // least privilege: the read-only inventory step asks to read the tenant and the methods policy
    expect(new Set(scopesAsked)).toEqual(
      new Set(['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com/Policy.Read.All']),
    );
    finishSignIn();
    const done = await u.waitFor('pinned to that tenant');
    expect(done).toContain('Contoso (demo tenant)');
    expect(done).toMatch(/connected · Contoso \(demo tenant\) · delegated/);
    expect(store.get().migrations.prod?.tenantId).toBe(emu.tenant.tenantId);
    expect(store.events.filter((e) => e.type === 'pin-tenant')).toHaveLength(1);
    // back to the step, still connected, no more offer to connect
    u.press(KEYS.enter);
    const back = await u.waitFor('STEP inventory');
    expect(back).toContain('connected');
    expect(back).not.toContain('e connect');
  });

  it('Esc while waiting for the device code cancels the sign-in (AbortSignal): nothing pinned', async () => {
    const { store, ui: u } = open();
    await toDeviceCode(u);
    u.press(KEYS.escape);
    const frame = await u.waitFor('Sign-in cancelled.');
    expect(frame).toContain('not connected');
    expect(frame).toMatch(/offline/);
    expect(store.get().migrations.prod?.tenantId).toBeUndefined();
    // the cancelled sign-in never reached Graph
    expect(emu.requestLog).toHaveLength(0);
    u.press(KEYS.escape);
    await u.waitFor('STEP inventory');
  });

  it('a migration pinned to another tenant is refused, naming both, before any other call', async () => {
    const { store, ui: u } = open(OTHER_TENANT);
    await toDeviceCode(u);
    finishSignIn();
    const frame = await u.waitFor('not connected');
    const text = frame.replace(/[│\s]+/g, ' ');
    expect(text).toContain(OTHER_TENANT);
    expect(text).toContain(emu.tenant.tenantId);
    expect(frame).not.toMatch(/connected ·/);
    expect(store.get().migrations.prod?.tenantId).toBe(OTHER_TENANT);
    expect(store.events.filter((e) => e.type === 'pin-tenant')).toHaveLength(0);
    expect(emu.requestLog.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /v1.0/organization',
    ]);
    // r tries again: back to the choice of sign-in
    u.press('r');
    await u.waitFor('How do you want to sign in');
  });

  it('app-only with a client secret asks for tenant, app and the secret FILE, never the secret', async () => {
    const { ui: u } = open();
    await u.waitFor('STEP inventory');
    u.press('e');
    await u.waitFor('Graph permissions');
    u.press(KEYS.enter);
    await u.waitFor('How do you want to sign in');
    // device code, browser, Azure CLI, certificate, client secret
    for (let i = 0; i < 4; i++) u.press(KEYS.down);
    await u.waitFor(/[›❯>] App-only, client secret/);
    u.press(KEYS.enter);
    const tenant = await u.waitFor('Tenant id or verified domain');
    expect(tenant).toContain('contosodemo.onmicrosoft.com'); // prefilled from the migration
    u.press(KEYS.enter);
    await u.waitFor('Application (client) id');
    await u.type('00000000-0000-4000-8000-000000000001');
    u.press(KEYS.enter);
    const file = await u.waitFor('File with the secret');
    expect(file).toContain('never stored');
    const secretFile = path.join(dir, 'secret.txt');
    fs.writeFileSync(secretFile, 'not-a-real-secret\n', { mode: 0o600 });
    await u.type(secretFile);
    u.press(KEYS.enter);
    finishSignIn();
    await u.waitFor('connected · Contoso');
    expect(kindsAsked).toEqual(['client-secret']);
  });

  it('g inside a step opens the sign-in too (the steps say so); e does on the step list', async () => {
    const { ui: u } = open();
    await u.waitFor('STEP inventory');
    u.press('g');
    await u.waitFor('Graph permissions for step 1');
    u.press(KEYS.escape);
    await u.waitFor('STEP inventory');
    u.press(KEYS.escape); // to the step list
    await u.waitFor('Preparations');
    await u.waitFor((f) => !f.includes('STEP inventory'));
    u.press('e');
    await u.waitFor('Graph permissions for step 1');
  });

  it('the client secret may be typed instead: masked on screen, never in the state', async () => {
    const { store, ui: u } = open();
    await u.waitFor('STEP inventory');
    u.press('e');
    await u.waitFor('Graph permissions');
    u.press(KEYS.enter);
    await u.waitFor('How do you want to sign in');
    for (let i = 0; i < 4; i++) u.press(KEYS.down);
    await u.waitFor(/[›❯>] App-only, client secret/);
    u.press(KEYS.enter);
    await u.waitFor('Tenant id or verified domain');
    u.press(KEYS.enter);
    await u.waitFor('Application (client) id');
    await u.type('00000000-0000-4000-8000-000000000001');
    u.press(KEYS.enter);
    await u.waitFor('File with the secret');
    u.press(KEYS.enter); // no file: type it
    await u.waitFor('Client secret (not shown, not stored)');
    await u.type('TopSecretValue42');
    const typed = await u.waitFor('****');
    expect(typed).not.toContain('TopSecretValue42');
    u.press(KEYS.enter);
    finishSignIn();
    await u.waitFor('connected · Contoso');
    expect(kindsAsked).toEqual(['client-secret']);
    expect(JSON.stringify(store.get())).not.toContain('TopSecretValue42');
    for (const f of u.frames) expect(f).not.toContain('TopSecretValue42');
  });

  it('on the staged rollout step, an app-only choice warns that app-only cannot change staged rollout', async () => {
    const root = rootWith(
      [{ id: 'prod', name: 'Production', tenant: 'contosodemo.onmicrosoft.com' }],
      'prod',
    );
    const store = memoryStore(root);
    ui = renderUi(
      <App
        store={store}
        theme={makeTheme({ color: false, ascii: false })}
        connection={connection()}
        renderStep={(p) => <FakeStep {...p} />}
      />,
      { columns: 80, rows: 24 },
    );
    const u = settled(ui);
    await u.waitFor('STEP inventory');
    u.press(KEYS.escape); // step list
    await u.waitFor((f) => !f.includes('STEP inventory'));
    // open step 6 from the list: the navigator's rows come from the real selectors
    for (let i = 0; i < 40; i++) {
      const f = ui.lastFrame();
      if (/[›❯>] *\S* *6 /.test(f) || /[›❯>].*Validate/.test(f)) break;
      u.press(KEYS.down);
      await new Promise((r) => setImmediate(r));
    }
    u.press(KEYS.enter);
    await u.waitFor('STEP validate');
    u.press('e');
    const perms = await u.waitFor('Graph permissions for step 6');
    expect(perms).toContain('changes the tenant');
    u.press(KEYS.enter);
    await u.waitFor('How do you want to sign in');
    expect(ui.lastFrame()).not.toContain('App-only cannot');
    for (let i = 0; i < 3; i++) u.press(KEYS.down);
    const frame = await u.waitFor('App-only cannot');
    expect(frame.replace(/(\s*│\s*)+/g, ' ')).toContain('change staged rollout policies');
    expect(frameLines(frame).length).toBeLessThanOrEqual(24);
  });
});
