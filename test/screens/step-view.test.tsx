import { afterEach, describe, expect, it, vi } from 'vitest';
import { REASON_REQUIRED } from '../../screens/reason-prompt.js';
import { StepView } from '../../screens/step-view.js';
import { stepDef } from '../../state/catalogue/index.js';
import type { StepRef } from '../../state/model.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import {
  frameFits,
  Harness,
  newProbe,
  type Probe,
  see,
  seededRoot,
  settle,
  toSection,
} from './step-harness.js';

const CTRL_D = '\u0004';
const SHIFT_TAB = '\u001B[Z';
let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

function open(stepRef: StepRef, probe = newProbe(seededRoot()), onBack = () => {}) {
  ui = renderUi(
    <Harness probe={probe}>
      <StepView stepRef={stepRef} onBack={onBack} />
    </Harness>,
    { columns: 80, rows: 24 },
  );
  return { ui, probe };
}

const step = (p: Probe, id: 'backup' | 'update') => p.migration().steps[id]!;

describe('StepView: a plain step', () => {
  it('shows the catalogue summary first, and the tabs', async () => {
    const { ui } = open({ step: 'backup' });
    const frame = await see(ui, '[What & why]');
    expect(frame).toContain(`Step 2 · ${stepDef('backup').title}`);
    expect(frame).toContain('○ pending');
    expect(frame).toContain('Checklist');
  });

  it('ticks a checklist item with space and shows why', async () => {
    const { ui, probe } = open({ step: 'backup' });
    await toSection(ui, 'Checklist');
    const first = stepDef('backup').checklist[0]!;
    await see(ui, first.text.slice(0, 30));
    if (first.why) await see(ui, `Why: ${first.why.slice(0, 20)}`);
    ui.press(' ');
    await see(ui, '☑');
    expect(step(probe, 'backup').checklist[first.id]?.checked).toBe(true);
    // ticking moves a pending step to in progress
    expect(step(probe, 'backup').status).toBe('in-progress');
    ui.press(' ');
    await vi.waitFor(() => expect(step(probe, 'backup').checklist[first.id]?.checked).toBe(false));
  });

  it('adds a note to a checklist item with n', async () => {
    const { ui, probe } = open({ step: 'backup' });
    await toSection(ui, 'Checklist');
    ui.press(KEYS.down);
    ui.press('n');
    await see(ui, 'Note:');
    await ui.type('found on D: drive');
    ui.press(KEYS.enter);
    const second = stepDef('backup').checklist[1]!;
    await see(ui, 'Note: found on D: drive');
    expect(step(probe, 'backup').checklist[second.id]).toMatchObject({
      checked: false,
      note: 'found on D: drive',
    });
  });

  it('types multi-line notes and saves them with Ctrl+D', async () => {
    const { ui, probe } = open({ step: 'backup' });
    await toSection(ui, 'Notes');
    await see(ui, 'No notes yet');
    ui.press(KEYS.enter);
    await see(ui, 'Editing notes');
    await ui.type('Copied to \\\\nas01\\mfa');
    ui.press(KEYS.enter);
    await ui.type('q and d are text here');
    ui.press(KEYS.backspace);
    await ui.type('e');
    await see(ui, 'line 2 of 2');
    await vi.waitFor(() => expect(probe.capturing).toBe(true));
    ui.press(CTRL_D);
    await see(ui, 'Enter edit notes');
    expect(step(probe, 'backup').notes).toBe('Copied to \\\\nas01\\mfa\nq and d are text here');
    expect(step(probe, 'backup').status).toBe(
      'pending' === step(probe, 'backup').status ? 'x' : 'in-progress',
    );
    expect(ui.lastFrame()).toContain('q and d are text here');
  });

  it('asks before discarding edited notes on Esc', async () => {
    const onBack = vi.fn();
    const { ui, probe } = open({ step: 'backup' }, undefined, onBack);
    await toSection(ui, 'Notes');
    ui.press(KEYS.enter);
    await see(ui, 'Editing notes');
    await ui.type('draft');
    ui.press(KEYS.escape);
    await see(ui, 'Discard your changes');
    ui.press('y');
    await see(ui, 'No notes yet');
    expect(step(probe, 'backup').notes).toBe('');
    expect(onBack).not.toHaveBeenCalled();
  });

  it('adds evidence with kind, label and a validated value, and removes it after y', async () => {
    const { ui, probe } = open({ step: 'backup' });
    await toSection(ui, 'Evidence');
    await see(ui, 'No evidence yet');
    ui.press('a');
    await see(ui, '[note]');
    ui.press(KEYS.right);
    await see(ui, '[count]');
    ui.press(KEYS.enter);
    await see(ui, 'count label:');
    await ui.type('Users on MFA Server');
    ui.press(KEYS.enter);
    await see(ui, 'Users on MFA Server:');
    await ui.type('lots');
    ui.press(KEYS.enter);
    await see(ui, 'A count is a whole number');
    for (let i = 0; i < 4; i++) ui.press(KEYS.backspace);
    await ui.type('1250');
    ui.press(KEYS.enter);
    await see(ui, /count\s+Users on MFA Server\s+1250/);
    const ev = step(probe, 'backup').evidence;
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({
      kind: 'count',
      label: 'Users on MFA Server',
      value: '1250',
      by: 'admin@mfa01',
    });

    ui.press('x');
    await see(ui, 'Remove evidence "Users on MFA Server"?');
    ui.press('n');
    await see(ui, 'a add evidence');
    expect(step(probe, 'backup').evidence).toHaveLength(1);
    ui.press('x');
    await see(ui, 'Remove evidence');
    ui.press('y');
    await see(ui, 'No evidence yet');
    expect(step(probe, 'backup').evidence).toHaveLength(0);
  });

  it('marks done with d and reopens with r, keeping the history', async () => {
    const { ui, probe } = open({ step: 'backup' });
    await see(ui, '[What & why]');
    ui.press('d');
    await see(ui, '● done');
    expect(step(probe, 'backup').status).toBe('done');
    await see(ui, 'r reopen');
    ui.press('r');
    await see(ui, 'Why reopen? (optional)');
    await ui.type('Hash was taken of the wrong file');
    ui.press(KEYS.enter);
    await see(ui, '◐ in progress');
    expect(step(probe, 'backup').history.at(-1)).toMatchObject({
      what: 'reopened',
      reason: 'Hash was taken of the wrong file',
    });
    expect(step(probe, 'backup').status).toBe('in-progress');
    await toSection(ui, 'History');
    const frame = await see(ui, 'reopened');
    expect(frame).toContain('admin@mfa01');
    expect(
      step(probe, 'backup')
        .history.map((h) => h.what)
        .join('|'),
    ).toMatch(/done.*reopened/);
  });

  it('skip needs a reason: empty is refused, a reason is recorded', async () => {
    const { ui, probe } = open({ step: 'backup' });
    await see(ui, '[What & why]');
    ui.press('s');
    await see(ui, 'Why skip this step?');
    await vi.waitFor(() => expect(probe.capturing).toBe(true));
    ui.press(KEYS.enter);
    await see(ui, REASON_REQUIRED);
    expect(step(probe, 'backup').status).toBe('pending');
    await ui.type('Backup taken by the storage team');
    ui.press(KEYS.enter);
    await see(ui, '⊘ skipped');
    expect(step(probe, 'backup')).toMatchObject({
      status: 'skipped',
      reason: 'Backup taken by the storage team',
    });
    await see(ui, 'Marked skipped: Backup taken by the storage team');
    ui.press(KEYS.tab);
    await see(ui, '⊘ skipped: Backup taken by the storage team');
  });

  it('block asks for a reason and Esc cancels it', async () => {
    const { ui, probe } = open({ step: 'backup' });
    await see(ui, '[What & why]');
    ui.press('b');
    await see(ui, 'What blocks this step?');
    ui.press(KEYS.escape);
    await see(ui, (f) => !f.includes('What blocks'));
    expect(step(probe, 'backup').status).toBe('pending');
    ui.press('b');
    await see(ui, 'What blocks this step?');
    await ui.type('No change window');
    ui.press(KEYS.enter);
    await see(ui, '✖ blocked');
    expect(step(probe, 'backup').reason).toBe('No change window');
  });

  it('Esc goes back when nothing is edited, and not while a prompt is open', async () => {
    const onBack = vi.fn();
    const { ui } = open({ step: 'backup' }, undefined, onBack);
    await see(ui, '[What & why]');
    ui.press('s');
    await see(ui, 'Why skip');
    ui.press(KEYS.escape);
    await see(ui, (f) => !f.includes('Why skip'));
    expect(onBack).not.toHaveBeenCalled();
    ui.press(KEYS.escape);
    await vi.waitFor(() => expect(onBack).toHaveBeenCalledTimes(1));
  });

  it('Shift+Tab and [ ] move between sections', async () => {
    const { ui } = open({ step: 'backup' });
    await see(ui, '[What & why]');
    ui.press(SHIFT_TAB);
    await see(ui, '[History]');
    ui.press(']');
    await see(ui, '[What & why]');
    ui.press('[');
    await see(ui, '[History]');
  });
});

describe('StepView: guard refusal and override', () => {
  it('shows the refusal, refuses an empty reason, records the override with its reason', async () => {
    const { ui, probe } = open({ step: 'update' });
    await see(ui, '[What & why]');
    ui.press('d');
    const refusal = await see(ui, 'o override (write a reason)');
    expect(probe.refusals[0]?.code).toBe('backup-required');
    expect(refusal).toContain(probe.refusals[0]!.message.slice(0, 40));
    expect(step(probe, 'update').status).toBe('pending');
    // the step's own keys are quiet while the refusal is shown
    ui.press('s');
    await settle();
    expect(ui.lastFrame()).not.toContain('Why skip');
    ui.press('o');
    await see(ui, 'Override reason:');
    ui.press(KEYS.enter);
    await see(ui, REASON_REQUIRED);
    expect(step(probe, 'update').status).toBe('pending');
    await ui.type('Backup made by the hosting provider, ticket 4711');
    ui.press(KEYS.enter);
    await see(ui, '● done');
    await see(ui, 'Override of backup-required recorded');
    const m = probe.migration();
    expect(m.overrides).toHaveLength(1);
    expect(m.overrides[0]).toMatchObject({
      guard: 'backup-required',
      step: 'update',
      reason: 'Backup made by the hosting provider, ticket 4711',
      by: 'admin@mfa01',
    });
    const last = probe.events.at(-1);
    expect(last).toMatchObject({ type: 'set-step-status', override: [{ guard: 'backup-required' }] });
    await toSection(ui, 'History');
    const frame = await see(ui, 'Overrides (1)');
    expect(frame).toContain('backup-required: Backup made by the hosting');
  });

  it('warns before d what would refuse it', async () => {
    const { ui } = open({ step: 'update' });
    const frame = await see(ui, '[What & why]');
    expect(frame).toMatch(/⚠ .*backup/i);
  });

  it('Esc dismisses a refusal without changing anything', async () => {
    const onBack = vi.fn();
    const { ui, probe } = open({ step: 'update' }, undefined, onBack);
    await see(ui, '[What & why]');
    ui.press('d');
    await see(ui, 'o override');
    ui.press(KEYS.escape);
    await see(ui, (f) => !f.includes('o override'));
    expect(onBack).not.toHaveBeenCalled();
    expect(step(probe, 'update').status).toBe('pending');
    expect(probe.migration().overrides).toHaveLength(0);
  });
});

describe('StepView layout at 80x24', () => {
  it('uses words instead of arrow glyphs with the ascii theme', async () => {
    const probe = newProbe(seededRoot());
    ui = renderUi(
      <Harness probe={probe} ascii>
        <StepView stepRef={{ step: 'backup' }} onBack={() => {}} />
      </Harness>,
      { columns: 80, rows: 24 },
    );
    await see(ui, '[What & why]');
    await toSection(ui, 'Checklist');
    const frame = await see(ui, 'up/down move');
    expect(frame).not.toMatch(/[↑↓←→·☐☑]/);
  });

  it('never draws a line wider than 80 or more lines than the terminal, in any section', async () => {
    const probe = newProbe(
      seededRoot([
        { type: 'set-notes', ref: { step: 'backup' }, text: `${'long words '.repeat(40)}\n`.repeat(30) },
        ...Array.from({ length: 30 }, (_, i) => ({
          type: 'add-evidence' as const,
          ref: { step: 'backup' as const },
          evidence: {
            id: `e${i}`,
            kind: 'note' as const,
            label: `label ${i} `.repeat(5),
            value: 'v'.repeat(200),
          },
        })),
      ]),
    );
    ui = renderUi(
      <Harness probe={probe} width={80} height={23}>
        <StepView stepRef={{ step: 'backup' }} onBack={() => {}} />
      </Harness>,
      { columns: 80, rows: 24 },
    );
    for (const label of ['What & why', 'Checklist', 'Notes', 'Evidence', 'History']) {
      await toSection(ui, label);
      for (let i = 0; i < 40; i++) ui.press(KEYS.down);
      const frame = await see(ui, `[${label}]`);
      expect(frameFits(frame, 80, 24), label).toBeNull();
    }
    await toSection(ui, 'Evidence');
    await see(ui, /of 30/);
  });
});

describe('StepView follows the terminal size', () => {
  it('redraws to fit after growing and shrinking back to 80x24', async () => {
    const probe = newProbe(
      seededRoot(
        Array.from({ length: 20 }, (_, i) => ({
          type: 'add-evidence' as const,
          ref: { step: 'backup' as const },
          evidence: { id: `e${i}`, kind: 'note' as const, label: `label ${i}`, value: `value ${i}` },
        })),
      ),
    );
    ui = renderUi(
      <Harness probe={probe} followTerminal>
        <StepView stepRef={{ step: 'backup' }} onBack={() => {}} />
      </Harness>,
      { columns: 80, rows: 24 },
    );
    await see(ui, '[What & why]');
    await toSection(ui, 'Evidence');
    for (let i = 0; i < 19; i++) ui.press(KEYS.down);
    let frame = await see(ui, /[›>] note\s+label 19/);
    expect(frameFits(frame, 80, 18)).toBeNull();
    ui.resize(120, 40);
    frame = await see(ui, (f) => f.split('\n').length > 30);
    expect(frameFits(frame, 120, 34)).toBeNull();
    expect(frame).toMatch(/[›>] note\s+label 19/);
    ui.resize(80, 24);
    frame = await see(ui, (f) => f.split('\n').length <= 18);
    expect(frameFits(frame, 80, 18)).toBeNull();
    expect(frame).toMatch(/[›>] note\s+label 19/);
  });
});
