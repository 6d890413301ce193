// The permissions screen: what the step at hand needs from Graph, and why. A read-only step lists no
// write permission at all; a step that changes the tenant names its writes as such.
import { afterEach, describe, expect, it } from 'vitest';
import { PermissionsScreen, permissionRows } from '../../screens/permissions-screen.js';
import { makeTheme } from '../../screens/theme.js';
import { UiContext, type UiContextValue } from '../../screens/ui-context.js';
import { OPERATIONS } from '../../src/graph/permissions.js';
import { stepWrites } from '../../src/wizard/connection.js';
import { emptyRootState } from '../../state/model.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { frameLines, settled } from '../wizard/app-harness.js';

const WRITE_SCOPES = ['Policy.ReadWrite.HybridAuthentication', 'Domain-InternalFederation.ReadWrite.All'];

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

function show(step: Parameters<typeof PermissionsScreen>[0]['step'], height = 18) {
  const events: string[] = [];
  const value: UiContextValue = {
    theme: makeTheme({ color: false, ascii: false }),
    state: emptyRootState('t'),
    dispatch: () => null,
    setCapturingInput: () => {},
    width: 78,
    height,
  };
  ui = renderUi(
    <UiContext.Provider value={value}>
      <PermissionsScreen
        step={step}
        write={stepWrites(step)}
        height={height}
        onContinue={() => events.push('continue')}
        onCancel={() => events.push('cancel')}
      />
    </UiContext.Provider>,
    { columns: 78, rows: 24 },
  );
  return { ui: settled(ui), events };
}

describe('permissions screen', () => {
  it('a read-only step (migrate user data) lists only read permissions, and says so', async () => {
    expect(stepWrites('migrate-users')).toBe(false);
    const ops = permissionRows('migrate-users', stepWrites('migrate-users'));
    expect(ops.every((op) => !OPERATIONS[op].write)).toBe(true);
    const { ui } = show('migrate-users', 40);
    const frame = await ui.waitFor('Read-only');
    expect(frame).toContain('UserAuthenticationMethod.Read.All');
    expect(frame).toContain('GroupMember.Read.All');
    expect(frame).not.toContain('WRITE');
    for (const w of WRITE_SCOPES) expect(frame).not.toContain(w);
    expect(frame).not.toMatch(/ReadWrite/);
  });

  it('the inventory step asks only to read the methods policy (and the tenant)', async () => {
    const { ui } = show('inventory');
    const frame = await ui.waitFor('Graph permissions for step 1');
    expect(frame).toContain('Policy.Read.All');
    expect(frame).toContain('read the tenant');
    expect(frame).not.toMatch(/ReadWrite|WRITE/);
  });

  it('a step that changes the tenant (staged rollout) names its write permission as a write', async () => {
    const { ui } = show('validate', 40);
    const frame = await ui.waitFor('changes the tenant');
    expect(frame).toMatch(/WRITE change staged rollout policies/);
    expect(frame).toContain('Policy.ReadWrite.HybridAuthentication');
    // staged rollout has no application permission: the screen says so
    expect(frame).toContain('none (needs a delegated sign-in)');
  });

  it('fits 80x24: scrolls inside, Enter continues, Esc cancels', async () => {
    const { ui, events } = show('migrate-users', 18);
    const first = await ui.waitFor('Read-only');
    expect(frameLines(first).length).toBeLessThanOrEqual(18);
    expect(first).toContain('read the tenant');
    for (let i = 0; i < 30; i++) ui.press(KEYS.down);
    const scrolled = await ui.waitFor((f) => !f.includes('read the tenant'));
    expect(frameLines(scrolled).length).toBeLessThanOrEqual(18);
    expect(scrolled).toContain('registration report');
    ui.press(KEYS.enter);
    ui.press(KEYS.escape);
    await ui.waitFor(() => events.length === 2);
    expect(events).toEqual(['continue', 'cancel']);
  });
});
