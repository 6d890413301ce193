// Issue 2's acceptance in a real terminal (tmux, 80x24, the built JS): create a migration, finish two
// steps with ticks and notes, kill -9 the wizard in the middle of step 3, start again and find the same
// step with every answer; then a guard refusal and its override, and the Markdown report and
// `status --json` that show all of it. Also the 60x20 enlarge message and NO_COLOR.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentActor } from '../../src/cli/actor.js';
import { CLI, TmuxSession } from '../helpers/tmux.js';

let dir: string;
let session: TmuxSession | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-e2e-resume-'));
});
afterEach(() => {
  session?.close();
  session = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args, '--state-dir', dir], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** the navigator row of a step with the selection marker on it */
const selected = (label: string) => new RegExp(`›\\s+${label} `);

/** From the step list, move the selection down to `label` one arrow at a time (fast arrows get dropped). */
async function selectStep(tmux: TmuxSession, labels: string[]): Promise<void> {
  for (const label of labels) await tmux.press('Down', selected(label));
}

/** the open section of a step: the bracketed name on the line under "Step N · title" */
function sectionOf(screen: string): string | undefined {
  const lines = screen.split('\n');
  const title = lines.findIndex((l) => /Step \w+ · /.test(l));
  return title < 0 ? undefined : lines[title + 1]?.match(/\[([^\]]+)\]/)?.[1];
}

/** Tab through the step's sections until `name` is the open one (steps have different sections). */
async function openSection(tmux: TmuxSession, name: string): Promise<string> {
  for (let i = 0; i < 12; i++) {
    const screen = tmux.screen();
    const now = sectionOf(screen);
    if (now === name) return screen;
    await tmux.press('Tab', (s) => sectionOf(s) !== now);
  }
  throw new Error(`no section ${name}; screen:\n${tmux.screen()}`);
}

/** A fresh state shows the new-migration form, or first a welcome that offers it (n) beside the demo. */
async function newMigrationForm(tmux: TmuxSession): Promise<void> {
  const screen = await tmux.waitFor(/New migration|There is no migration yet/);
  if (!screen.includes('Name:')) await tmux.press('n', 'Name:');
}

async function writeNote(tmux: TmuxSession, text: string): Promise<void> {
  await openSection(tmux, 'Notes');
  await tmux.press('Enter', 'Editing notes');
  await tmux.press({ text }, text);
  await tmux.press('C-d', 'Enter edit notes'); // saved: back to reading the notes
}

describe('resume after kill -9 (issue 2 acceptance)', () => {
  it('keeps the step, ticks, notes and statuses; the report and status show them', async () => {
    const tmux = new TmuxSession('resume');
    session = tmux;
    const who = currentActor();
    tmux.start(['--state-dir', dir]);

    // create a migration
    await newMigrationForm(tmux);
    await tmux.press({ text: 'Resume test' }, 'Name: Resume test');
    await tmux.press('Enter', 'Tenant (optional)');
    await tmux.press({ text: 'contoso.com' }, 'contoso.com');
    await tmux.press('Enter', 'Cloud:');
    await tmux.press('Enter', selected('1'));
    expect(tmux.screen()).toContain('Resume test · tenant contoso.com · Global');

    // step 1: two ticks, a note, done
    await tmux.press('Enter', 'Step 1 · Identify MFA Server dependencies');
    await openSection(tmux, 'Checklist');
    await tmux.press('Space', '☑ Record every method');
    await tmux.press('Down', /› ☐ Enable each method/);
    await tmux.press('Space', '☑ Enable each method');
    await writeNote(tmux, 'RADIUS on NPS01 and NPS02');
    await tmux.press('d', /Step 1 · .*● done/);

    // step 2: a tick, a note, done
    await tmux.press('Escape', selected('1'));
    await selectStep(tmux, ['2']);
    await tmux.press('Enter', 'Step 2 · Back up the MFA Server data file');
    await openSection(tmux, 'Checklist');
    await tmux.press('Space', '☑ Locate PhoneFactor.pfdata');
    await writeNote(tmux, 'Copied to backup share, hash checked');
    await tmux.press('d', /Step 2 · .*● done/);

    // step 3: a tick and a confirmed note, then the process dies without any chance to clean up
    await tmux.press('Escape', selected('2'));
    await selectStep(tmux, ['3']);
    await tmux.press('Enter', 'Step 3 · Install the MFA Server update');
    await openSection(tmux, 'Checklist');
    await tmux.press('Space', '☑ Confirm the step 2 backup');
    await writeNote(tmux, 'Primary out of the load balancer at 14:00');
    expect(tmux.screen()).toMatch(/Step 3 · .*◐ in progress/);
    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'wizard.lock'), 'utf8')) as { pid: number };
    process.kill(lock.pid, 'SIGKILL');
    await tmux.waitForExit();
    expect(fs.existsSync(path.join(dir, 'wizard.lock'))).toBe(true); // nobody released it

    // start again: the dead process's lock is recovered and the wizard opens at step 3
    tmux.respawn(['--state-dir', dir]);
    let screen = await tmux.waitFor(/Step 3 · Install the MFA Server update\s+◐ in progress/);
    expect(screen).toContain('Resume test · tenant contoso.com');
    expect(screen).toContain('Preparations 2/4');
    screen = await openSection(tmux, 'Checklist');
    expect(screen).toContain('☑ Confirm the step 2 backup');
    expect(screen).toContain('☐ Remove the primary from load balancing');
    screen = await openSection(tmux, 'Notes');
    expect(screen).toContain('Primary out of the load balancer at 14:00');

    // the earlier steps kept their answers too
    await tmux.press('Escape', selected('3'));
    screen = tmux.screen();
    expect(screen).toMatch(/1 Identify MFA Server dependencies\s+● done/);
    expect(screen).toMatch(/2 Back up the MFA Server data file\s+● done/);
    await tmux.press('Up', selected('2'));
    await tmux.press('Up', selected('1'));
    await tmux.press('Enter', 'Step 1 · Identify MFA Server dependencies');
    await openSection(tmux, 'Checklist');
    screen = tmux.screen();
    expect(screen).toContain('☑ Record every method');
    expect(screen).toContain('☑ Enable each method');
    expect(screen).toContain('☐ Plan replacements for PIN methods');
    screen = await openSection(tmux, 'Notes');
    expect(screen).toContain('RADIUS on NPS01 and NPS02');

    // a guard refuses step 10 (step 8 not done); override it with a written reason
    await tmux.press('Escape', selected('1'));
    await selectStep(tmux, ['2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await tmux.press('Enter', 'Step 10 · Update domain federation settings');
    screen = await tmux.press('d', '✖ Change federation only after step 8 is done');
    expect(screen).toMatch(/Step 10 · .*○ pending/); // refused: nothing changed
    await tmux.press('o', 'Override reason');
    await tmux.press({ text: 'Pilot domain only, agreed with CISO' }, 'agreed with CISO');
    await tmux.press('Enter', /Step 10 · .*● done/);
    await tmux.press('q', () => tmux.paneDead());
    expect(fs.existsSync(path.join(dir, 'wizard.lock'))).toBe(false);

    // the Markdown report holds statuses, notes, who, checklist answers and the override
    const out = path.join(dir, 'report.md');
    cli('report', '--format', 'md', '--out', out);
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toContain('# MFA Server migration report: Resume test');
    expect(md).toContain('### Step 1: Identify MFA Server dependencies — done');
    expect(md).toContain('### Step 2: Back up the MFA Server data file — done');
    expect(md).toContain('### Step 3: Install the MFA Server update — in progress');
    expect(md).toContain('### Step 4: Configure the Migration Utility — pending');
    expect(md).toContain('### Step 10: Update domain federation settings — done');
    expect(md).toContain('> RADIUS on NPS01 and NPS02');
    expect(md).toContain('> Copied to backup share, hash checked');
    expect(md).toContain('> Primary out of the load balancer at 14:00');
    const row = (item: string) => md.split('\n').find((l) => l.startsWith(`| ${item}`)) ?? '';
    expect(row('Record every method under Company Settings')).toContain(`| yes | – | ${who} |`);
    expect(row('Enable each method in use')).toContain(`| yes | – | ${who} |`);
    expect(row('Plan replacements for PIN methods')).toContain('| not answered |');
    expect(row('Locate PhoneFactor.pfdata')).toContain(`| yes | – | ${who} |`);
    expect(row('Confirm the step 2 backup was taken')).toContain(`| yes | – | ${who} |`);
    expect(md).toContain(`by ${who}`);
    expect(md).toContain('## Overrides (1)');
    const override = md.split('\n').find((l) => l.startsWith('| 10 |')) ?? '';
    expect(override).toContain('Pilot domain only, agreed with CISO');
    expect(override).toContain('Change federation only after step 8 is done');
    expect(override).toContain(who);

    // status --json: where the migration stands
    const status = JSON.parse(cli('status', '--json')) as {
      migrations: {
        name: string;
        current: { step: string; label: string; status: string };
        phases: { phase: string; done: number; total: number }[];
      }[];
    };
    expect(status.migrations).toHaveLength(1);
    const m = status.migrations[0];
    expect(m?.name).toBe('Resume test');
    expect(m?.current).toMatchObject({ step: 'federation', label: '10', status: 'done' });
    expect(m?.phases.find((p) => p.phase === 'preparations')).toMatchObject({ done: 2, total: 4 });
    expect(m?.phases.find((p) => p.phase === 'finalize')).toMatchObject({ done: 1, total: 4 });
  }, 90_000);

  it('asks for a larger terminal at 60x20 and draws the wizard once resized to 80x24', async () => {
    const tmux = new TmuxSession('small');
    session = tmux;
    tmux.start(['--state-dir', dir], {}, { columns: 60, rows: 20 });
    const screen = await tmux.waitFor('Enlarge the terminal to at least 80x24');
    expect(screen).toContain('(now 60x20)');
    expect(screen).not.toMatch(/[╭│╰]/); // no broken frame
    tmux.resize(80, 24);
    await tmux.waitFor(/New migration|There is no migration yet/);
  }, 30_000);

  it('NO_COLOR and --no-color: the screen carries no colour escapes (and it does without them)', async () => {
    // control first, so the check below cannot pass just because colour never shows in tmux
    const colour = new TmuxSession('colour');
    session = colour;
    colour.start(['--state-dir', path.join(dir, 'colour'), '--demo']);
    await colour.waitFor('DEMO');
    await colour.press('?', /help/i);
    expect(colourCodes(colour.screenWithEscapes()).length).toBeGreaterThan(0);
    colour.close();

    const plain = new TmuxSession('nocolour');
    session = plain;
    plain.start(['--state-dir', path.join(dir, 'plain'), '--demo'], { NO_COLOR: '1' });
    await plain.waitFor('DEMO');
    await plain.press('?', /help/i);
    const escaped = plain.screenWithEscapes();
    expect(escaped).toContain('DEMO');
    expect(colourCodes(escaped)).toEqual([]);
    plain.close();

    const flag = new TmuxSession('nocolourflag');
    session = flag;
    flag.start(['--state-dir', path.join(dir, 'flag'), '--demo', '--no-color']);
    await flag.waitFor('DEMO');
    await flag.press('?', /help/i);
    expect(colourCodes(flag.screenWithEscapes())).toEqual([]);
  }, 45_000);
});

/** SGR parameters that set a foreground or background colour, from every CSI ... m in `s` */
function colourCodes(s: string): string[] {
  const found: string[] = [];
  for (const match of s.matchAll(/\x1b\[([0-9;:]*)m/g)) {
    const params = (match[1] ?? '').split(/[;:]/).map(Number);
    for (const p of params) {
      if ((p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107)) {
        found.push(match[0]);
        break;
      }
    }
  }
  return found;
}
