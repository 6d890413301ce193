// Issue 5 in a real terminal (tmux, 80x24, the built JS) against a standalone emulator process: a whole
// wave from group to staged rollout. Create the wave, set its migration and rollout groups, list the
// members, "run the Migration Utility" through the emulator's control route, verify, plan the staged
// rollout, confirm, apply and read back; the emulator's request log shows one policy create and one
// $ref add per group, and nothing written before the confirmation.
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-e2e-wave-'));
});
afterEach(() => {
  session?.close();
  session = undefined;
  emulator?.close();
  emulator = undefined;
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10 }); // the killed wizard may still be writing
});

const writes = (log: EmulatorLogEntry[]) =>
  log.filter((r) => r.method !== 'GET' && !r.path.endsWith('/$batch'));
const policyCreates = (log: EmulatorLogEntry[]) =>
  log.filter((r) => r.method === 'POST' && /\/policies\/featureRolloutPolicies$/.test(r.path));
const refAdds = (log: EmulatorLogEntry[]) =>
  log.filter((r) => r.method === 'POST' && /\/featureRolloutPolicies\/[^/]+\/appliesTo\/\$ref$/.test(r.path));

describe('a full wave from group to staged rollout (issue 5, tmux + emulator over HTTP)', () => {
  it('creates the wave, lists, verifies, plans, applies once per group and reads back', async () => {
    const emu = await EmulatorProcess.start(500);
    emulator = emu;
    const ids = await emu.wellKnown();
    const tmux = new TmuxSession('wave-full');
    session = tmux;
    tmux.start(['--state-dir', dir], emu.wizardEnv());

    await createMigration(tmux, 'Wave e2e');
    await connectWithEnvToken(tmux);
    expect(tmux.screen()).toContain('Contoso (demo tenant)');

    // step 5: a new wave
    await selectLine(tmux, /5 Migrate user data/);
    await tmux.press('Enter', 'No waves yet');
    await tmux.press('a', 'New wave name');
    await tmux.press({ text: 'Wave A' }, 'Wave A');
    await tmux.press('Enter', 'Wave "Wave A" added');
    await tmux.press('Enter', 'Step 5 · Migrate user data · wave Wave A');

    // its migration group (nested) and two rollout groups
    await openSection(tmux, 'Wave');
    await tmux.press('Enter', 'Migration group: names or object ids');
    await tmux.press({ text: 'MFA Migration - Wave 1' }, 'MFA Migration - Wave 1');
    await tmux.press('Enter', /› Migration group:\s+MFA Migration - Wave 1/);
    await tmux.press('Down', /› Rollout group\(s\):/);
    await tmux.press('Enter', 'typing:');
    await tmux.press({ text: 'MFA Rollout - Wave 1, MFA Pilot' }, 'MFA Pilot');
    await tmux.press('Enter', /› Rollout group\(s\):\s+MFA Rollout - Wave 1, MFA Pilot/);

    // list the members (nested groups count)
    await openSection(tmux, 'Entra users');
    await tmux.press('1', '[1 Members]');
    let screen = await tmux.press('l', (s) => /Listed \d+ users/.test(s) && s.includes('50 enabled'));
    expect(screen).toMatch(/50 users, 50 enabled, \d+ synced from on-premises, \d+ cloud-only/);

    // the admin runs the Migration Utility on the group; then verify
    const migrated = await emu.migrateGroup(ids.migrationGroupId);
    expect(migrated).toBeGreaterThan(0);
    await tmux.press('3', '[3 Verify]');
    const batchesBefore = (await emu.requests()).filter((r) => r.path.endsWith('/$batch')).length;
    screen = await tmux.press('v', /Pass 1: /, { timeoutMs: 30_000 });
    expect(screen).toContain('Pass 1');
    const m = /(\d+) of 50 migrated.*not migrated (\d+), not found (\d+), unchecked 0/.exec(screen);
    expect(m).not.toBeNull();
    expect(Number(m?.[1]) + Number(m?.[2]) + Number(m?.[3])).toBe(50);
    expect(Number(m?.[1])).toBeGreaterThan(0);
    // 50 users, at most 20 per $batch
    let log = await emu.requests();
    expect(log.filter((r) => r.path.endsWith('/$batch')).length - batchesBefore).toBe(3);
    expect(writes(log)).toEqual([]);

    // step 6 for the same wave: the staged rollout section
    await tmux.press('Escape', /Wave A\s+50\s+\d+\s+50/);
    await tmux.press('Escape', /6 Validate and test/);
    await selectLine(tmux, /6 Validate and test/);
    await tmux.press('Down', /›\s+Wave A/);
    await tmux.press('Enter', 'Step 6 · Validate and test · wave Wave A');
    await openSection(tmux, 'SR');

    // plan: not every member is migrated, so the guard refuses until overridden with a reason
    const refusals = (s: string) => s.split('✖').length - 1;
    screen = await tmux.press('p', /Will change|o: override/, { timeoutMs: 30_000 });
    expect(screen).toContain('not verified as migrated');
    for (let i = 0; i < 3 && screen.includes('(o: override'); i++) {
      const before = refusals(screen);
      await tmux.press('o', 'Why go ahead anyway');
      await tmux.press({ text: 'Users without MFA Server data' }, 'Users without MFA Server data');
      screen = await tmux.press('Enter', (s) => !s.includes('typing:') && refusals(s) < before, {
        timeoutMs: 30_000,
      });
    }
    expect(screen).toContain('Will change (nothing is written until you confirm)');
    expect(screen).toContain('Create the staged rollout policy for MFA');
    expect(screen).toMatch(new RegExp(`Add group MFA Rollout - Wave 1 \\(${ids.rolloutGroupId}\\)`));
    expect(screen).toMatch(new RegExp(`Add group MFA Pilot \\(${ids.pilotGroupId}\\)`));
    expect(writes(await emu.requests())).toEqual([]); // planning wrote nothing

    // confirm, apply, read back
    await tmux.press('a', /Apply 3 change\(s\) to staged rollout in the tenant\? y yes n no/);
    screen = await tmux.press('y', 'Applied and read back', { timeoutMs: 30_000 });
    expect(screen).toContain('Membership changes take up to 24 hours');

    // planning again reads the policy back from the tenant: both groups are in, nothing to change
    screen = await tmux.press('p', /Nothing to change/, { timeoutMs: 30_000 });
    expect(screen).toMatch(/Policy [0-9a-f-]+: on, 2 group\(s\)/);

    log = await emu.requests();
    const creates = policyCreates(log);
    expect(creates.map((r) => r.status)).toEqual([201]);
    const adds = refAdds(log);
    expect(adds.map((r) => r.status)).toEqual([201, 201]); // one per group, none repeated
    expect(writes(log)).toHaveLength(3);
    // the existing policy was looked for before it was created, and read back after the adds
    const createdAt = log.indexOf(creates[0] as EmulatorLogEntry);
    const lastAdd = log.indexOf(adds[1] as EmulatorLogEntry);
    expect(
      log
        .slice(0, createdAt)
        .some((r) => r.method === 'GET' && r.path.includes('/policies/featureRolloutPolicies')),
    ).toBe(true);
    expect(
      log
        .slice(lastAdd + 1)
        .some((r) => r.method === 'GET' && /featureRolloutPolicies\/[^/?]+\?\$expand=appliesTo/.test(r.path)),
    ).toBe(true);
  }, 90_000);
});
