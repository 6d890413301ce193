// Issue 5, step 10 in a real terminal (tmux, 80x24, the built JS) against a standalone emulator: the
// federation change is refused until the admin types the domain name exactly. A wrong name or Esc
// writes nothing (checked in the emulator's request log); the exact name writes once and reads back.
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-e2e-fed-'));
});
afterEach(() => {
  session?.close();
  session = undefined;
  emulator?.close();
  emulator = undefined;
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10 });
});

const federationPatches = (log: EmulatorLogEntry[]) =>
  log.filter((r) => r.method === 'PATCH' && r.path.includes('/federationConfiguration/'));

describe('federation change needs the typed domain name (issue 5, tmux + emulator over HTTP)', () => {
  it('refuses a wrong name and Esc without a write; the exact name applies once and reads back', async () => {
    const emu = await EmulatorProcess.start(200);
    emulator = emu;
    const tmux = new TmuxSession('fed-typed');
    session = tmux;
    tmux.start(['--state-dir', dir], emu.wizardEnv());
    await createMigration(tmux, 'Federation e2e');
    await connectWithEnvToken(tmux);

    await selectLine(tmux, /10 Update domain federation settings/);
    await tmux.press('Enter', 'Step 10 · Update domain federation settings');
    // the tenant change is planned only in a started step 10: its guard is overridden with a reason
    await tmux.press('i', '✖ Change federation only after step 8 is done');
    await tmux.press('o', 'Override reason');
    await tmux.press({ text: 'Test tenant, exceptions on file' }, 'exceptions on file');
    await tmux.press('Enter', /Step 10 · .*in progress/);
    await openSection(tmux, 'Tenant');
    let screen = await tmux.press('l', /fabrikam\.com: enforceMfaByFederatedIdp/, { timeoutMs: 30_000 });
    expect(screen).toMatch(/Conditional Access requiring MFA/);
    await selectLine(tmux, /fabrikam\.com/);
    await tmux.press('Space', /☑ fabrikam\.com/);
    screen = await tmux.press(
      'p',
      /Will set fabrikam\.com: enforceMfaByFederatedIdp -> rejectMfaByFederatedIdp/,
    );
    expect(screen).toContain('24 hours');

    // a near miss (the name without its suffix) is refused
    await tmux.press('a', 'Type fabrikam.com to confirm');
    await tmux.press({ text: 'fabrikam' }, 'Confirm: fabrikam');
    screen = await tmux.press('Enter', 'That is not "fabrikam.com"');
    expect(federationPatches(await emu.requests())).toEqual([]);
    // Esc cancels: still nothing written, the domain still reads as before
    await tmux.press('Escape', (s) => !s.includes('Type fabrikam.com to confirm'));
    expect(federationPatches(await emu.requests())).toEqual([]);
    screen = await tmux.press(
      'l',
      (s) => /fabrikam\.com: enforceMfaByFederatedIdp/.test(s) && !s.includes('typing:'),
      {
        timeoutMs: 30_000,
      },
    );
    expect(federationPatches(await emu.requests())).toEqual([]);

    // the exact name: one PATCH, then the read-back shows the new behaviour
    await selectLine(tmux, /fabrikam\.com/);
    if (!/☑ fabrikam\.com/.test(tmux.screen())) await tmux.press('Space', /☑ fabrikam\.com/);
    await tmux.press('p', /Will set fabrikam\.com: enforceMfaByFederatedIdp -> rejectMfaByFederatedIdp/);
    await tmux.press('a', 'Type fabrikam.com to confirm');
    await tmux.press({ text: 'fabrikam.com' }, 'Confirm: fabrikam.com');
    screen = await tmux.press('Enter', /fabrikam\.com: rejectMfaByFederatedIdp/, { timeoutMs: 30_000 });
    const patches = federationPatches(await emu.requests());
    expect(patches.map((r) => r.status)).toEqual([200]);
    const log = await emu.requests();
    const at = log.indexOf(patches[0] as EmulatorLogEntry);
    expect(
      log.slice(at + 1).some((r) => r.method === 'GET' && r.path.includes('/federationConfiguration')),
    ).toBe(true);
  }, 90_000);
});
