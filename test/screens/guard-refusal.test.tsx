import { afterEach, describe, expect, it, vi } from 'vitest';
import { canOverride, GuardRefusal, withOverride } from '../../screens/guard-refusal.js';
import type { MigrationEvent, Refusal } from '../../state/events.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { Harness, newProbe, see, seededRoot } from './step-harness.js';

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

const STATUS: MigrationEvent = { type: 'set-step-status', ref: { step: 'update' }, status: 'done' };
const GUARD: Refusal = {
  code: 'backup-required',
  message: 'Back up first: step 2 is not done.',
  overridable: true,
};
const INVALID: Refusal = {
  code: 'invalid',
  message: 'A wave named "Pilot" already exists.',
  overridable: false,
};

describe('GuardRefusal', () => {
  it('offers no override for input that is simply wrong', async () => {
    const onDone = vi.fn();
    const probe = newProbe(seededRoot());
    ui = renderUi(
      <Harness probe={probe}>
        <GuardRefusal
          refusal={INVALID}
          event={{ type: 'add-wave', id: 'w2', name: 'Pilot' }}
          width={78}
          onDone={onDone}
        />
      </Harness>,
    );
    const frame = await see(ui, 'already exists');
    expect(frame).not.toContain('override');
    ui.press('o');
    await see(ui, 'Esc dismiss');
    expect(ui.lastFrame()).not.toContain('Override reason');
    ui.press(KEYS.escape);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(null));
    expect(probe.events).toHaveLength(0);
  });

  it('re-sends the refused event with the override and a trimmed reason', async () => {
    const onDone = vi.fn();
    const probe = newProbe(seededRoot());
    ui = renderUi(
      <Harness probe={probe}>
        <GuardRefusal refusal={GUARD} event={STATUS} width={78} onDone={onDone} />
      </Harness>,
    );
    await see(ui, 'o override (write a reason)');
    ui.press('o');
    await see(ui, 'Override reason:');
    await ui.type('   ');
    ui.press(KEYS.enter);
    await see(ui, 'Write a reason');
    expect(probe.events).toHaveLength(0);
    await ui.type('snapshot of the VM taken ');
    ui.press(KEYS.enter);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(probe.events[0]).toEqual({
      ...STATUS,
      override: [{ guard: 'backup-required', reason: 'snapshot of the VM taken' }],
    });
    expect(probe.migration().overrides[0]?.reason).toBe('snapshot of the VM taken');
  });

  it('only events that carry an override can be overridden', () => {
    expect(canOverride(GUARD, STATUS)).toBe(true);
    expect(canOverride(GUARD, { type: 'set-notes', ref: { step: 'update' }, text: 'x' })).toBe(false);
    expect(canOverride(INVALID, STATUS)).toBe(false);
    expect(withOverride(STATUS, 'backup-stale', 'r')).toMatchObject({
      override: [{ guard: 'backup-stale' }],
    });
    // a second guard refusing after the first was overridden keeps both reasons
    const twice = withOverride(
      withOverride(STATUS, 'federation-needs-users', 'a'),
      'federation-needs-dependencies',
      'b',
    );
    expect(twice).toMatchObject({
      override: [
        { guard: 'federation-needs-users', reason: 'a' },
        { guard: 'federation-needs-dependencies', reason: 'b' },
      ],
    });
  });
});
