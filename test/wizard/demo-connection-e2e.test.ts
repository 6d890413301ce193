// The connected wizard in a real terminal (tmux, 80x24, the built JS): `--demo` starts the demo tenant
// in-process and shows DEMO and "connected"; `--graph-url` points a real migration at an emulator
// and an access-token sign-in connects to it; a bad --graph-url is a usage error (exit 2).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { openStore } from '../../state/store.js';
import { runCli } from '../cli/run-cli.js';
import { adminToken } from '../emulator/emulator-client.js';
import { TmuxSession, tmuxAvailable } from '../helpers/tmux.js';

let dir: string;
let tmux: TmuxSession | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-connect-e2e-'));
});
afterEach(() => {
  tmux?.close();
  tmux = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the connected wizard in a real terminal', () => {
  it('--demo shows DEMO and connected to the demo tenant, pins it, and stops cleanly on q', async () => {
    expect(tmuxAvailable()).toBe(true);
    tmux = new TmuxSession('demo');
    tmux.start(['--state-dir', dir, '--demo']);
    await tmux.waitFor(/connected · Contoso \(demo tenant\)/, 30_000);
    // the header names the pinned tenant id once the pin is recorded
    const screen = await tmux.waitFor(/tenant [0-9a-f]{8}-/);
    expect(screen).toMatch(/connected · Contoso/);
    expect(screen).toContain('DEMO');
    expect(screen).toContain('delegated');
    for (const line of screen.replace(/\n+$/, '').split('\n'))
      expect(Array.from(line).length).toBeLessThanOrEqual(80);
    const saved = openStore({ dir, programVersion: 'test' }).get();
    const demo = Object.values(saved.migrations)[0];
    expect(demo?.demo).toBe(true);
    expect(demo?.tenantId).toMatch(/^[0-9a-f-]{36}$/);
    for (let i = 0; i < 20 && !tmux.paneDead(); i++) {
      tmux.keys('q');
      await new Promise((r) => setTimeout(r, 250));
    }
    await tmux.waitForExit();
    expect(fs.existsSync(path.join(dir, 'wizard.lock'))).toBe(false);
  });

  it('--graph-url sends a real migration to that endpoint: access-token sign-in connects', async () => {
    const emu = await startEmulator({ tenant: generateTenant({ users: 20, seed: 3 }) });
    try {
      const store = openStore({ dir, programVersion: 'test' });
      const r = store.dispatch(
        store.stamp({ type: 'create-migration', id: 'lab', name: 'Lab tenant', cloud: 'global' }),
      );
      expect(r.ok).toBe(true);
      tmux = new TmuxSession('graphurl');
      tmux.start(['--state-dir', dir, '--graph-url', emu.url], { MFA_MIGRATE_ACCESS_TOKEN: adminToken(emu) });
      await tmux.waitFor('e connect');
      tmux.keys('e');
      await tmux.waitFor('Graph permissions for step');
      tmux.keys('Enter');
      await tmux.waitFor('Access token from MFA_MIGRATE_ACCESS_TOKEN');
      for (let i = 0; i < 5; i++) tmux.keys('Down');
      await tmux.waitFor(/[›❯>] Access token/);
      tmux.keys('Enter');
      const screen = await tmux.waitFor('pinned to that tenant');
      expect(screen).toContain('connected');
      expect(emu.requestLog.some((l) => l.path.startsWith('/v1.0/organization'))).toBe(true);
      expect(openStore({ dir, programVersion: 'test' }).get().migrations.lab?.tenantId).toBe(
        emu.tenant.tenantId,
      );
      tmux.keys('q');
      await tmux.waitForExit();
    } finally {
      await emu.close();
    }
  });

  it('a bad --graph-url (or MFA_MIGRATE_GRAPH_URL) is a usage error in one line, exit 2', () => {
    const plain = runCli(['--state-dir', dir, '--graph-url', 'http://graph.example.com']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('Refusing plain http to graph.example.com');
    expect(plain.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    const env = runCli(['--state-dir', dir], { MFA_MIGRATE_GRAPH_URL: 'ftp://127.0.0.1/' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('must start with https://');
    // a loopback emulator URL is accepted (this run then stops only because there is no terminal)
    const ok = runCli(['--state-dir', dir, '--graph-url', 'http://127.0.0.1:9']);
    expect(ok.stderr).toContain('interactive terminal');
  });
});
