import { afterEach, describe, expect, it, vi } from 'vitest';
import { REASON_REQUIRED } from '../../screens/reason-prompt.js';
import { StepView } from '../../screens/step-view.js';
import type { MigrationEvent } from '../../state/events.js';
import type { StepRef } from '../../state/model.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { frameFits, Harness, newProbe, see, seededRoot, settle, toSection } from './step-harness.js';

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

const PILOT: MigrationEvent = { type: 'add-wave', id: 'w1', name: 'Pilot' };

function open(stepRef: StepRef, seed: MigrationEvent[] = [], onBack = () => {}) {
  const probe = newProbe(seededRoot(seed));
  ui = renderUi(
    <Harness probe={probe}>
      <StepView stepRef={stepRef} onBack={onBack} />
    </Harness>,
    { columns: 80, rows: 24 },
  );
  return { ui, probe };
}

describe('Waves overview (steps 5 and 6 without a wave)', () => {
  it('adds a wave, refuses a duplicate name, renames it', async () => {
    const { ui, probe } = open({ step: 'migrate-users' });
    await see(ui, 'No waves yet');
    ui.press('a');
    await see(ui, 'New wave name:');
    await ui.type('Pilot');
    ui.press(KEYS.enter);
    await see(ui, /[›>] Pilot/);
    expect(probe.migration().waves.map((w) => w.name)).toEqual(['Pilot']);
    ui.press('a');
    await see(ui, 'New wave name:');
    await ui.type('pilot');
    ui.press(KEYS.enter);
    await see(ui, 'already exists');
    ui.press(KEYS.escape);
    await see(ui, (f) => !f.includes('New wave name:'));
    expect(probe.migration().waves).toHaveLength(1);
    ui.press('R');
    await see(ui, 'Rename wave to: Pilot');
    await ui.type(' - IT');
    ui.press(KEYS.enter);
    await see(ui, 'Pilot - IT');
    expect(probe.migration().waves[0]?.name).toBe('Pilot - IT');
    ui.press('x');
    await see(ui, 'Remove wave "Pilot - IT"');
    ui.press('n');
    await see(ui, 'x remove');
    expect(probe.migration().waves).toHaveLength(1);
    ui.press('x');
    await see(ui, 'Remove wave "Pilot - IT"');
    ui.press('y');
    await see(ui, 'No waves yet');
    expect(probe.migration().waves).toHaveLength(0);
  });

  it('two space presses in one burst cycle a test check twice', async () => {
    const { ui, probe } = open({ step: 'validate', wave: 'w1' }, [
      PILOT,
      { type: 'add-test-user', waveId: 'w1', upn: 'adele@contoso.com' },
    ]);
    await see(ui, 'wave Pilot');
    await toSection(ui, 'Test users');
    ui.press(KEYS.down);
    await see(ui, /[›>]\s+\[ \] pending/);
    ui.press('  ');
    await see(ui, '[x] fail');
    expect(probe.migration().waves[0]?.testUsers[0]?.checks['methods-visible']?.result).toBe('fail');
  });

  it('opens a wave with Enter (recording where the admin is) and Esc returns to the overview', async () => {
    const onBack = vi.fn();
    const { ui, probe } = open({ step: 'validate' }, [PILOT], onBack);
    await see(ui, /[›>] Pilot/);
    ui.press(KEYS.enter);
    const frame = await see(ui, 'wave Pilot');
    expect(frame).toContain('Test users');
    expect(probe.migration().current).toEqual({ step: 'validate', wave: 'w1' });
    ui.press(KEYS.escape);
    await see(ui, 'Enter open wave');
    expect(onBack).not.toHaveBeenCalled();
    ui.press(KEYS.escape);
    await vi.waitFor(() => expect(onBack).toHaveBeenCalledTimes(1));
  });

  it('shows counts and the status of both per-wave steps, within 80x24', async () => {
    const waves: MigrationEvent[] = Array.from({ length: 25 }, (_, i) => ({
      type: 'add-wave' as const,
      id: `w${i}`,
      name: `Wave ${i} ${'x'.repeat(40)}`,
    }));
    const { ui } = open({ step: 'migrate-users' }, [
      ...waves,
      { type: 'set-wave-counts', waveId: 'w0', members: 120, migrated: 100 },
      { type: 'set-step-status', ref: { step: 'utility' }, status: 'done' },
      { type: 'set-step-status', ref: { step: 'migrate-users', wave: 'w0' }, status: 'in-progress' },
    ]);
    const frame = await see(ui, 'Wave 0');
    expect(frame).toMatch(/120\s+100\s+-\s+◐ in progress\s+○ pending/);
    expect(frameFits(frame, 80, 24)).toBeNull();
    for (let i = 0; i < 24; i++) ui.press(KEYS.down);
    const bottom = await see(ui, /[›>] Wave 24/);
    expect(frameFits(bottom, 80, 24)).toBeNull();
  });
});

describe('A wave step', () => {
  it('sets the migration group, refuses the same group for rollout, and records the override', async () => {
    const { ui, probe } = open({ step: 'validate', wave: 'w1' }, [PILOT]);
    await see(ui, 'wave Pilot');
    await toSection(ui, 'Wave');
    await see(ui, 'Migration group:');
    ui.press(KEYS.enter);
    await see(ui, 'names or object ids');
    await ui.type('Pilot Users');
    ui.press(KEYS.enter);
    await see(ui, /Migration group:\s+Pilot Users/);
    expect(probe.migration().waves[0]?.migrationGroups).toEqual([{ name: 'Pilot Users' }]);

    ui.press(KEYS.down);
    ui.press(KEYS.enter);
    await see(ui, 'Rollout group(s):');
    await settle();
    await ui.type('pilot users');
    ui.press(KEYS.enter);
    await see(ui, 'o override (write a reason)');
    expect(probe.refusals.at(-1)?.code).toBe('rollout-same-group');
    expect(probe.migration().waves[0]?.rolloutGroups).toEqual([]);
    ui.press('o');
    await see(ui, 'Override reason:');
    ui.press(KEYS.enter);
    await see(ui, REASON_REQUIRED);
    await ui.type('Pilot of 5 IT users, one group is simpler');
    ui.press(KEYS.enter);
    await see(ui, 'Override of rollout-same-group recorded');
    const m = probe.migration();
    expect(m.waves[0]?.rolloutGroups).toEqual([{ name: 'pilot users' }]);
    expect(m.overrides[0]).toMatchObject({ guard: 'rollout-same-group', wave: 'w1' });
    await see(ui, 'keep them separate');
    await toSection(ui, 'History');
    await see(ui, 'Overrides (1)');
  });

  it('records counts, refusing text and a migrated count above the members', async () => {
    const { ui, probe } = open({ step: 'migrate-users', wave: 'w1' }, [PILOT]);
    await see(ui, 'wave Pilot');
    await toSection(ui, 'Wave');
    ui.press(KEYS.down);
    ui.press(KEYS.down);
    ui.press(KEYS.enter);
    await see(ui, 'Members:');
    await settle();
    await ui.type('120');
    ui.press(KEYS.enter);
    await see(ui, /Members:\s+120/);
    ui.press(KEYS.down);
    ui.press(KEYS.enter);
    await see(ui, 'a number');
    await ui.type('lots');
    ui.press(KEYS.enter);
    await see(ui, 'Type a whole number');
    for (let i = 0; i < 4; i++) ui.press(KEYS.backspace);
    await ui.type('200');
    ui.press(KEYS.enter);
    await see(ui, 'more than the 120 members');
    for (let i = 0; i < 3; i++) ui.press(KEYS.backspace);
    await ui.type('100');
    ui.press(KEYS.enter);
    await see(ui, /Migrated:\s+100/);
    expect(probe.migration().waves[0]?.counts).toEqual({ members: 120, migrated: 100 });
  });

  it('refuses validate before the wave is migrated (guard), like any step', async () => {
    const { ui, probe } = open({ step: 'validate', wave: 'w1' }, [PILOT]);
    await see(ui, 'wave Pilot');
    ui.press('d');
    await see(ui, 'o override');
    expect(probe.refusals.at(-1)?.code).toBe('rollout-needs-migrated');
    ui.press(KEYS.escape);
    await see(ui, (f) => !f.includes('o override'));
    expect(probe.migration().waves[0]?.steps.validate.status).toBe('pending');
  });

  it('adds a test user (UPN validated) and records the end-user checks with a note', async () => {
    const { ui, probe } = open({ step: 'validate', wave: 'w1' }, [PILOT]);
    await see(ui, 'wave Pilot');
    await toSection(ui, 'Test users');
    await see(ui, 'No test users yet');
    ui.press('a');
    await see(ui, 'Test user UPN:');
    await ui.type('adele');
    ui.press(KEYS.enter);
    await see(ui, 'is not a user principal name');
    await ui.type('@contoso.com');
    ui.press(KEYS.enter);
    await see(ui, 'adele@contoso.com  0 pass, 0 fail, 5 open');
    expect(probe.migration().waves[0]?.testUsers.map((u) => u.upn)).toEqual(['adele@contoso.com']);

    ui.press(KEYS.down);
    await see(ui, /[›>]\s+\[ \] pending/);
    ui.press(' ');
    await see(ui, '[v] pass');
    ui.press(KEYS.down);
    ui.press(' ');
    await see(ui, '1 pass, 0 fail');
    ui.press(' ');
    await see(ui, '[x] fail');
    ui.press('n');
    await see(ui, 'Note (');
    await ui.type('no call received on the office phone');
    ui.press(KEYS.enter);
    await see(ui, '1 pass, 1 fail, 3 open');
    const checks = probe.migration().waves[0]?.testUsers[0]?.checks ?? {};
    expect(checks['methods-visible']?.result).toBe('pass');
    expect(checks['calls-texts-received']).toMatchObject({
      result: 'fail',
      note: 'no call received on the office phone',
      by: 'admin@mfa01',
    });
    expect(frameFits(ui.lastFrame(), 80, 24)).toBeNull();
  });
});
