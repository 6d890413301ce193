// Issue 5's crash tests in a real terminal (tmux, 80x24, the built JS) against a standalone emulator
// process, whose request log outlives the wizard: kill -9 in the middle of verifying a few thousand
// users, then resume without fetching finished users again; and kill -9 right after confirming a
// staged rollout apply, then re-plan and apply with no duplicate write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectWithEnvToken,
  createMigration,
  type EmulatorLogEntry,
  EmulatorProcess,
  openSection,
  selectLine,
  TmuxSession,
} from '../helpers/tmux.js';

let dir: string;
let session: TmuxSession | undefined;
let emulator: EmulatorProcess | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-e2e-crash-'));
});
afterEach(() => {
  session?.close();
  session = undefined;
  emulator?.close();
  emulator = undefined;
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10 }); // the killed wizard may still be writing
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** the wave's verification results file (one JSON line per checked user) */
function verificationFile(): string | undefined {
  const migrations = path.join(dir, 'migrations');
  if (!fs.existsSync(migrations)) return undefined;
  for (const m of fs.readdirSync(migrations)) {
    const waves = path.join(migrations, m, 'waves');
    if (!fs.existsSync(waves)) continue;
    for (const w of fs.readdirSync(waves)) {
      const f = path.join(waves, w, 'verification.jsonl');
      if (fs.existsSync(f)) return f;
    }
  }
  return undefined;
}

/** ids of the users recorded as checked (a torn last line, if any, is not a finished user) */
function checkedIds(): string[] {
  const f = verificationFile();
  if (!f) return [];
  const ids: string[] = [];
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    try {
      ids.push((JSON.parse(line) as { id: string }).id);
    } catch {
      // empty or torn line
    }
  }
  return ids;
}

/** user id -> how many times its authentication methods were read (inside $batch) */
function methodReads(log: EmulatorLogEntry[]): Map<string, number> {
  const reads = new Map<string, number>();
  for (const r of log) {
    const id = /^\/v1\.0\/users\/([^/]+)\/authentication\/methods$/.exec(r.path.split('?')[0] ?? '')?.[1];
    if (r.method === 'GET' && id) reads.set(id, (reads.get(id) ?? 0) + 1);
  }
  return reads;
}

const policyCreates = (log: EmulatorLogEntry[]) =>
  log.filter((r) => r.method === 'POST' && /\/policies\/featureRolloutPolicies$/.test(r.path));
const refAdds = (log: EmulatorLogEntry[]) =>
  log.filter((r) => r.method === 'POST' && /\/featureRolloutPolicies\/[^/]+\/appliesTo\/\$ref$/.test(r.path));

/** Back out of steps and waves to the step list (Esc there would not go further). */
async function toStepList(tmux: TmuxSession): Promise<void> {
  for (let i = 0; i < 4; i++) {
    if (/Migrations\s+\d+\/\d+ done/.test(tmux.screen())) return;
    const before = tmux.screen();
    await tmux.press('Escape', (s) => s !== before);
  }
  await tmux.waitFor(/Migrations\s+\d+\/\d+ done/);
}

/** From the step list, open wave "Wave A" under step `step` (5 or 6). */
async function openWave(
  tmux: TmuxSession,
  step: '5 Migrate user data' | '6 Validate and test',
): Promise<void> {
  // from the first row: after a restart the selection may sit below the step
  await tmux.press('g', /›\s+1 Identify/);
  await selectLine(tmux, new RegExp(step));
  await tmux.press('Down', /›\s+Wave A/);
  await tmux.press('Enter', `Step ${step.replace(' ', ' · ')} · wave Wave A`);
}

/** A migration connected to the emulator, with wave "Wave A" (its groups set) and its members listed. */
async function waveWithMembers(tmux: TmuxSession, members: number): Promise<void> {
  await createMigration(tmux, 'Crash e2e');
  await connectWithEnvToken(tmux);
  await selectLine(tmux, /5 Migrate user data/);
  await tmux.press('Enter', 'No waves yet');
  await tmux.press('a', 'New wave name');
  await tmux.press({ text: 'Wave A' }, 'Wave A');
  await tmux.press('Enter', 'Wave "Wave A" added');
  await tmux.press('Enter', 'Step 5 · Migrate user data · wave Wave A');
  await openSection(tmux, 'Wave');
  await tmux.press('Enter', 'Migration group: names or object ids');
  await tmux.press({ text: 'MFA Migration - Wave 1' }, 'MFA Migration - Wave 1');
  await tmux.press('Enter', /› Migration group:\s+MFA Migration - Wave 1/);
  await tmux.press('Down', /› Rollout group\(s\):/);
  await tmux.press('Enter', 'typing:');
  await tmux.press({ text: 'MFA Rollout - Wave 1' }, 'MFA Rollout - Wave 1');
  await tmux.press('Enter', /› Rollout group\(s\):\s+MFA Rollout - Wave 1/);
  await openSection(tmux, 'Entra users');
  await tmux.press('1', '[1 Members]');
  // 3000 or 3,000: whichever way the screen groups digits
  const total = new RegExp(`${String(members).replace(/(\d)(?=(\d{3})+$)/g, '$1,?')} users, [\\d,]+ enabled`);
  await tmux.press('l', (s) => /Listed [\d,]+ users/.test(s) && total.test(s), {
    timeoutMs: 30_000,
  });
}

describe('kill -9 during issue 5 tenant work, then resume (tmux + emulator over HTTP)', () => {
  it('verification of 3,000 users killed mid-way resumes without re-reading finished users', async () => {
    const emu = await EmulatorProcess.start(30_000);
    emulator = emu;
    const ids = await emu.wellKnown();
    const tmux = new TmuxSession('crash-verify');
    session = tmux;
    tmux.start(['--state-dir', dir], emu.wizardEnv());
    await waveWithMembers(tmux, 3000);
    await emu.migrateGroup(ids.migrationGroupId);

    // slow answers, so the kill lands mid-way: 150 batches of 20 users
    await emu.setFaults({ latencyMs: 250 });
    await tmux.press('3', '[3 Verify]');
    await tmux.press('v', () => checkedIds().length > 0, { timeoutMs: 30_000 });
    const deadline = Date.now() + 30_000;
    while (checkedIds().length < 600 && Date.now() < deadline) await sleep(50);
    tmux.killHard();
    await tmux.waitForExit();
    const finished = new Set(checkedIds());
    expect(finished.size).toBeGreaterThanOrEqual(600);
    expect(finished.size).toBeLessThan(3000); // really mid-way

    // start again (fast answers now), connect, resume the same pass
    await emu.setFaults({});
    tmux.respawn(['--state-dir', dir], emu.wizardEnv());
    await tmux.waitFor(/Crash e2e/);
    await toStepList(tmux);
    await connectWithEnvToken(tmux);
    await openWave(tmux, '5 Migrate user data');
    await openSection(tmux, 'Entra users');
    await tmux.press('3', '[3 Verify]');
    await tmux.press('v', /Pass 1 \(resumed\): /, { timeoutMs: 60_000 });
    // the list of users still to migrate is read again after the pass: it agrees with the counts
    const screen = await tmux.waitFor((s) => {
      const c =
        /of 3,?000 migrated \S+; partial (\d+), not migrated (\d+), not found (\d+),\s+(?:│\s*│)?unchecked 0/.exec(
          s,
        );
      const listed = /Not migrated yet \((\d+)\)/.exec(s);
      return (
        c !== null && listed !== null && Number(c[1]) + Number(c[2]) + Number(c[3]) === Number(listed[1])
      );
    });
    expect(screen).toMatch(/of 3,?000 migrated/);

    // the request log: users finished before the kill were read exactly once; every member was read
    const reads = methodReads(await emu.requests());
    const again = [...finished].filter((id) => (reads.get(id) ?? 0) !== 1);
    expect(again).toEqual([]);
    expect(reads.size).toBe(3000);
    expect(new Set(checkedIds()).size).toBe(3000);
  }, 90_000);

  it('a rollout apply killed right after the confirmation is finished by a re-plan with no duplicate write', async () => {
    const emu = await EmulatorProcess.start(500);
    emulator = emu;
    const ids = await emu.wellKnown();
    const tmux = new TmuxSession('crash-rollout');
    session = tmux;
    tmux.start(['--state-dir', dir], emu.wizardEnv());
    await waveWithMembers(tmux, 50);
    await emu.migrateGroup(ids.migrationGroupId);
    await tmux.press('3', '[3 Verify]');
    await tmux.press('v', /Pass 1: /, { timeoutMs: 30_000 });

    await toStepList(tmux);
    await openWave(tmux, '6 Validate and test');
    await openSection(tmux, 'SR');
    let screen = await tmux.press('p', /Will change|o: override/, { timeoutMs: 30_000 });
    if (screen.includes('(o: override')) {
      await tmux.press('o', 'Why go ahead anyway');
      await tmux.press({ text: 'Users without MFA Server data' }, 'Users without MFA Server data');
      screen = await tmux.press('Enter', (s) => !s.includes('typing:') && !s.includes('(o: override'), {
        timeoutMs: 30_000,
      });
    }
    expect(screen).toContain('Create the staged rollout policy for MFA');
    expect(screen).toContain('Add group MFA Rollout - Wave 1');

    // slow answers (3 s each), so the kill lands between the apply's writes: the apply reads the
    // policies afresh, then sends the create; kill while the create is on its way, before its answer
    await emu.setFaults({ latencyMs: 3000 });
    const listReads = (log: EmulatorLogEntry[]) =>
      log.filter((r) => r.method === 'GET' && r.path.startsWith('/v1.0/policies/featureRolloutPolicies?'))
        .length;
    const readsBefore = listReads(await emu.requests());
    await tmux.press('a', /Apply 2 change\(s\)/);
    tmux.keys('y');
    const deadline = Date.now() + 30_000;
    while (listReads(await emu.requests()) === readsBefore && Date.now() < deadline) await sleep(20);
    await sleep(800); // the wizard has sent the create; its answer is 2 s away
    tmux.killHard();
    await tmux.waitForExit();
    // the create still lands in the tenant (the emulator finishes the request); the group add never left
    const landed = Date.now() + 10_000;
    while (policyCreates(await emu.requests()).length === 0 && Date.now() < landed) await sleep(50);
    const afterKill = await emu.requests();
    const createdBeforeRestart = policyCreates(afterKill).length === 1;
    expect(policyCreates(afterKill).length).toBeLessThanOrEqual(1);

    // start again; re-plan reads the tenant: the policy made before the crash is found, not made again
    await sleep(3200); // anything else still in flight has landed
    await emu.setFaults({});
    tmux.respawn(['--state-dir', dir], emu.wizardEnv());
    await tmux.waitFor(/Crash e2e/);
    await toStepList(tmux);
    await connectWithEnvToken(tmux);
    await openWave(tmux, '6 Validate and test');
    await openSection(tmux, 'SR');
    screen = await tmux.press('p', /Will change|Nothing to change|o: override/, { timeoutMs: 30_000 });
    if (screen.includes('(o: override')) {
      await tmux.press('o', 'Why go ahead anyway');
      await tmux.press({ text: 'Users without MFA Server data' }, 'Users without MFA Server data');
      screen = await tmux.press(
        'Enter',
        (s) => !s.includes('typing:') && /Will change|Nothing to change/.test(s),
        {
          timeoutMs: 30_000,
        },
      );
    }
    if (createdBeforeRestart) {
      expect(screen).not.toContain('Create the staged rollout policy');
      expect(screen).toMatch(/Policy [0-9a-f-]+: on/);
    }
    if (screen.includes('Will change')) {
      expect(screen).toContain('Add group MFA Rollout - Wave 1');
      await tmux.press('a', /Apply \d change\(s\)/);
      await tmux.press('y', 'Applied and read back', { timeoutMs: 30_000 });
    }
    screen = await tmux.press('p', /Nothing to change/, { timeoutMs: 30_000 });
    expect(screen).toMatch(/Policy [0-9a-f-]+: on, 1 group\(s\)/);

    // one policy, one group add, no refused duplicate
    const log = await emu.requests();
    expect(policyCreates(log).map((r) => r.status)).toEqual([201]);
    expect(refAdds(log).map((r) => r.status)).toEqual([201]);
  }, 90_000);
});
