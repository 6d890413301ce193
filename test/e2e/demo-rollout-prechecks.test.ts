// Issue 5's staged-rollout pre-checks in a real terminal (tmux, 80x24, the built JS) against the
// built-in demo tenant (--demo): a rollout group that is also the migration group is refused when it is
// set (override with a reason), and planning refuses nested, dynamic and contact-holding groups
// outright, offering nothing to apply.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSection, selectLine, TmuxSession } from '../helpers/tmux.js';

let dir: string;
let session: TmuxSession | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-e2e-demo-'));
});
afterEach(() => {
  session?.close();
  session = undefined;
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10 });
});

describe('staged rollout pre-checks in the demo tenant (issue 5, tmux)', () => {
  it('refuses the migration group as rollout group, and nested, dynamic and contact groups at planning', async () => {
    const tmux = new TmuxSession('demo-prechecks');
    session = tmux;
    tmux.start(['--state-dir', dir, '--demo']);
    await tmux.waitFor(/DEMO[\s\S]*● connected · Contoso \(demo tenant\)/, 30_000);
    if (!/Migrations\s+\d+\/\d+ done/.test(tmux.screen()))
      await tmux.press('Escape', /Migrations\s+\d+\/\d+ done/);

    await selectLine(tmux, /5 Migrate user data/);
    await tmux.press('Enter', 'Step 5 · Migrate user data · waves');
    await tmux.press('a', 'New wave name');
    await tmux.press({ text: 'Demo wave' }, 'Demo wave');
    await tmux.press('Enter', 'Wave "Demo wave" added');
    await selectLine(tmux, /Demo wave/);
    await tmux.press('Enter', 'Step 5 · Migrate user data · wave Demo wave');
    await openSection(tmux, 'Wave');
    await tmux.press('Enter', 'Migration group: names or object ids');
    await tmux.press({ text: 'MFA Migration - Wave 1' }, 'MFA Migration - Wave 1');
    await tmux.press('Enter', /› Migration group:\s+MFA Migration - Wave 1/, { timeoutMs: 30_000 });

    // the same group for rollout is refused where it is set
    await tmux.press('Down', /› Rollout group\(s\):/);
    await tmux.press('Enter', 'typing:');
    const groups = 'MFA Migration - Wave 1, All Enabled Users (dynamic), Helpdesk & Partners';
    await tmux.press({ text: groups }, 'Helpdesk & Partners');
    let screen = await tmux.press('Enter', /is both a migration and a\s+(?:│\s*│)?rollout group/, {
      timeoutMs: 30_000,
    });
    expect(screen).toMatch(/› Rollout group\(s\):\s+\(none\)/); // not saved yet
    await tmux.press('o', 'Override reason');
    await tmux.press({ text: 'showing the pre-checks' }, 'showing the pre-checks');
    screen = await tmux.press('Enter', 'Override of rollout-same-group recorded');
    expect(screen).toMatch(/› Rollout group\(s\):\s+MFA Migration - Wave 1, All Enabled/);

    // planning step 6: three hard refusals, nothing offered to apply
    await tmux.press('Escape', /Demo wave/);
    await tmux.press('Escape', /Migrations\s+\d+\/\d+ done/);
    await selectLine(tmux, /6 Validate and test/);
    await tmux.press('Down', /›\s+Demo wave/);
    await tmux.press('Enter', 'Step 6 · Validate and test · wave Demo wave');
    await openSection(tmux, 'SR');
    screen = await tmux.press('p', /No staged rollout policy|Policy /, { timeoutMs: 30_000 });
    screen = await tmux.waitFor((s) => (s.match(/✖/g) ?? []).length >= 3);
    expect(screen).toMatch(/✖ MFA Migration - Wave 1 contains \d+ nested group/);
    expect(screen).toMatch(/✖ All Enabled Users \(dynamic\) is a dynamic group/);
    expect(screen).toMatch(/✖ Helpdesk & Partners contains \d+ contact/);
    expect(screen).not.toContain('Will change');
    expect(screen).not.toMatch(/a apply/);
    expect(screen).not.toMatch(/o override/); // these cannot be overridden
  }, 90_000);
});
