// Issue 5: verification in a real terminal (tmux, 80x24, the built JS) against a standalone emulator
// that throttles (inner 429 with Retry-After inside $batch) and fails a burst of requests with 503. The
// results must match a full re-check made without faults, and the request log must show the faults
// really happened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectWithEnvToken,
  createMigration,
  EmulatorProcess,
  openSection,
  selectLine,
  TmuxSession,
} from '../helpers/tmux.js';

let dir: string;
let session: TmuxSession | undefined;
let emulator: EmulatorProcess | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-e2e-faults-'));
});
afterEach(() => {
  session?.close();
  session = undefined;
  emulator?.close();
  emulator = undefined;
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10 });
});

/** the coverage line: "M of N migrated (P%); partial a, not migrated b, not found c, unchecked d" */
function coverage(screen: string): string | undefined {
  const flat = screen.replace(/│\n│/g, ' ').replace(/\s+/g, ' ');
  return /\d+ of \d+ migrated \([\d.]+%\); partial \d+, not migrated \d+, not found \d+, unchecked \d+/.exec(
    flat,
  )?.[0];
}

describe('verification under throttling and a 503 burst (issue 5, tmux + emulator over HTTP)', () => {
  it('gives the same results as a clean full re-check', async () => {
    const emu = await EmulatorProcess.start(500);
    emulator = emu;
    const ids = await emu.wellKnown();
    const tmux = new TmuxSession('verify-faults');
    session = tmux;
    tmux.start(['--state-dir', dir], emu.wizardEnv());
    await createMigration(tmux, 'Faults e2e');
    await connectWithEnvToken(tmux);
    await selectLine(tmux, /5 Migrate user data/);
    await tmux.press('Enter', 'No waves yet');
    await tmux.press('a', 'New wave name');
    await tmux.press({ text: 'Wave A' }, 'Wave A');
    await tmux.press('Enter', 'Wave "Wave A" added');
    await tmux.press('Enter', 'Step 5 · Migrate user data · wave Wave A');
    await openSection(tmux, 'Wave');
    await tmux.press('Enter', 'Migration group: names or object ids');
    await tmux.press({ text: ids.migrationGroupId }, ids.migrationGroupId); // by object id this time
    await tmux.press('Enter', new RegExp(`› Migration group:\\s+${ids.migrationGroupId}`), {
      timeoutMs: 30_000,
    });
    await openSection(tmux, 'Entra users');
    await tmux.press('1', '[1 Members]');
    await tmux.press('l', (s) => /Listed \d+ users/.test(s) && s.includes('50 enabled'), {
      timeoutMs: 30_000,
    });
    await emu.migrateGroup(ids.migrationGroupId);

    // every 4th request inside a $batch is throttled (Retry-After 1 s), and two requests fail with 503
    await emu.setFaults({ throttleEvery: 4, retryAfterSeconds: 1, fail503Burst: 2 });
    await tmux.press('3', '[3 Verify]');
    let screen = await tmux.press('v', /Pass 1: /, { timeoutMs: 60_000 });
    const faulted = coverage(screen);
    expect(faulted).toMatch(/of 50 migrated .*unchecked 0/);
    const log = await emu.requests();
    expect(log.filter((r) => r.inner && r.status === 429).length).toBeGreaterThan(0);
    expect(log.filter((r) => r.status === 503).length).toBe(2);

    // the same users checked again without faults: identical results
    await emu.setFaults({});
    screen = await tmux.press('F', /Pass 2: full re-check/, { timeoutMs: 60_000 });
    expect(coverage(screen)).toBe(faulted);
  }, 90_000);
});
