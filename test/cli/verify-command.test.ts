// `mfa-migrate verify` as a scheduled task would run it: the built CLI as a child process against an
// emulator in this process, signed in with MFA_MIGRATE_ACCESS_TOKEN. Exit codes, recorded counts and
// evidence, and a kill -9 mid-run followed by a run that does not fetch finished users again.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import type { GeneratedTenant } from '../../src/emulator/tenant-types.js';
import { mintToken } from '../../src/emulator/tokens.js';
import { openStore } from '../../state/store.js';
import { ALL_DELEGATED } from '../graph/graph-harness.js';
import { setupWave } from '../waves/wave-harness.js';
import { assertBuilt, MAIN } from './run-cli.js';

let emu: RunningEmulator | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await emu?.close();
  emu = undefined;
});
beforeAll(() => assertBuilt());

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startCli(args: string[], env: Record<string, string>): Run {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('MFA_MIGRATE_') && k !== 'NO_COLOR') base[k] = v;
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

async function setup(tenant: GeneratedTenant, migrationGroup?: { name?: string; id?: string }) {
  emu = await startEmulator({ tenant });
  const w = setupWave(tenant, migrationGroup ? { migrationGroup } : {});
  const env = {
    MFA_MIGRATE_HOME: w.store.dir,
    MFA_MIGRATE_GRAPH_URL: emu.url,
    MFA_MIGRATE_ACCESS_TOKEN: mintToken({
      tid: tenant.tenantId,
      scp: ALL_DELEGATED,
      oid: tenant.adminUserId,
    }),
  };
  return { w, env, emu };
}

const lines = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.endsWith('}'))
    : [];

describe('mfa-migrate verify', () => {
  it('exits 3 while coverage is incomplete and records counts and evidence', async () => {
    const tenant = generateTenant({ users: 300, seed: 4 });
    const { w, env } = await setup(tenant);
    const r = await startCli(['verify', '--wave', 'wave 1', '--json'], env).done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as {
      version: number;
      wave: { id: string };
      members: { users: number };
      verification: { pass: number; complete: boolean; counts: { members: number; migrated: number } };
    };
    expect(out.version).toBe(1);
    expect(out.wave.id).toBe('w1');
    expect(out.verification.complete).toBe(false);
    const state = openStore({ dir: w.store.dir, programVersion: '0.0.0-test', readOnly: true }).get();
    const wave = state.migrations.m1?.waves[0];
    expect(wave?.counts).toEqual({
      members: out.members.users,
      migrated: out.verification.counts.migrated,
      verified: out.members.users,
    });
    expect(wave?.steps['migrate-users'].evidence.map((e) => e.label)).toEqual([
      'Verification pass 1 (live authentication methods)',
    ]);
    // the tenant was pinned on first sign-in
    expect(state.migrations.m1?.tenantId).toBe(tenant.tenantId);
  }, 30_000);

  it('exits 0 when every member is migrated, printing progress to stderr', async () => {
    const tenant = generateTenant({ users: 300, seed: 4 });
    // a group of members that all have MFA Server data, all migrated by the utility
    const withProfile: number[] = [];
    for (let i = 1; i < 300 && withProfile.length < 30; i++)
      if (tenant.userAt(i)?.mfaServer) withProfile.push(i);
    const id = '00000000-0000-4000-8000-0000000000d1';
    tenant.groups.set(id, {
      id,
      displayName: 'Wave all migrated',
      description: null,
      groupTypes: [],
      membershipRule: null,
      membershipRuleProcessingState: null,
      securityEnabled: true,
      mailEnabled: false,
      mailNickname: 'waveallmigrated',
      onPremisesSyncEnabled: true,
      createdDateTime: '2024-01-01T00:00:00Z',
      members: {
        userRanges: withProfile.map((i) => [i, i + 1] as [number, number]),
        groups: [],
        contacts: [],
      },
    });
    tenant.migrateUsers(withProfile);
    const { env } = await setup(tenant, { id });
    const r = await startCli(['verify', '--wave', 'Wave 1'], env).done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('30 of 30 migrated');
    expect(r.stdout).toContain('Coverage complete.');
    expect(r.stdout).toMatch(/masked: the signed-in admin is not a Privileged Authentication Administrator/);
    expect(r.stderr).toMatch(/Members: 30 users/);

    // a plain run keeps the finished member list, --refresh-members lists the group again
    const listings = () =>
      emu?.requestLog.filter((e) => e.path.includes('/transitiveMembers/') && !e.path.includes('$count'))
        .length;
    expect(listings()).toBe(1);
    const cached = await startCli(['verify', '--wave', 'Wave 1'], env).done;
    expect(cached.code).toBe(0);
    expect(listings()).toBe(1);
    const refreshed = await startCli(['verify', '--wave', 'Wave 1', '--refresh-members'], env).done;
    expect(refreshed.code).toBe(0);
    expect(listings()).toBe(2);
    expect(refreshed.stderr).toMatch(/Members: 30 users/);
  }, 30_000);

  it('says what is wrong without a token or with an unknown wave', async () => {
    const tenant = generateTenant({ users: 50, seed: 4 });
    const { env } = await setup(tenant);
    const noToken = await startCli(['verify', '--wave', 'Wave 1'], { ...env, MFA_MIGRATE_ACCESS_TOKEN: '' })
      .done;
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/MFA_MIGRATE_ACCESS_TOKEN/);
    const badWave = await startCli(['verify', '--wave', 'Wave 9'], env).done;
    expect(badWave.code).toBe(2);
    expect(badWave.stderr).toMatch(/no wave named "Wave 9". Waves: "Wave 1"/);
    expect(badWave.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  }, 30_000);

  it('after kill -9 mid-run, the next run does not fetch finished users again', async () => {
    const tenant = generateTenant({ users: 5000, seed: 9 });
    const { w, env, emu: e } = await setup(tenant);
    e.setFaults({ latencyMs: 150 });
    const verification = w.files.verification;
    const first = startCli(['verify', '--wave', 'Wave 1'], env);
    // kill it once some users are verified, while more are in flight
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (lines(verification).length >= 40) {
          clearInterval(timer);
          first.child.kill('SIGKILL');
          resolve();
        } else if (first.child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error('verify finished before it could be killed'));
        }
      }, 10);
    });
    const killed = await first.done;
    expect(killed.code).toBe(null);
    const finished = lines(verification).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(finished.length).toBeGreaterThanOrEqual(40);
    const members = lines(w.files.members).length;
    expect(finished.length).toBeLessThan(members);

    e.setFaults({});
    const second = await startCli(['verify', '--wave', 'Wave 1', '--json'], env).done;
    expect(second.code).toBe(3);
    const out = JSON.parse(second.stdout) as {
      verification: { resumed: boolean; pass: number; counts: { verified: number } };
    };
    expect(out.verification.resumed).toBe(true);
    expect(out.verification.pass).toBe(1);
    expect(out.verification.counts.verified).toBe(members);

    const fetches = new Map<string, number>();
    for (const entry of e.requestLog) {
      const m = /^\/v1\.0\/users\/([^/]+)\/authentication\/methods$/.exec(entry.path);
      if (entry.inner && m?.[1]) fetches.set(m[1], (fetches.get(m[1]) ?? 0) + 1);
    }
    for (const id of finished) expect(fetches.get(id)).toBe(1);
    expect(fetches.size).toBe(members);
    // the members were listed once: the second run used the finished enumeration
    expect(
      e.requestLog.filter((x) => x.path.includes('/transitiveMembers/') && !x.path.includes('$count')),
    ).toHaveLength(Math.ceil(members / 999));
    expect(path.basename(verification)).toBe('verification.jsonl');
  }, 30_000);
});
