import { describe, expect, it, vi } from 'vitest';
import { App } from '../../screens/app.js';
import { makeTheme } from '../../screens/theme.js';
import { emptyRootState } from '../../state/model.js';
import { KEYS, renderUi } from '../helpers/render.js';
import { appTree, columnsOf, frameLines, memoryStore, rootWith, settled } from '../wizard/app-harness.js';

function Broken(): never {
  throw new Error('cannot read the inventory\n    at Broken (step.tsx:1:1)');
}

function expectFits(frame: string, columns = 80, rows = 24) {
  const lines = frameLines(frame);
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(columnsOf(line), line).toBeLessThanOrEqual(columns);
}

describe('App: creating a migration', () => {
  it('refuses an empty name and a bad tenant, then creates the migration and shows the step list', async () => {
    const store = memoryStore(emptyRootState('test'));
    const ui = settled(renderUi(appTree(store)));
    await ui.waitFor('New migration');
    expectFits(ui.lastFrame());
    ui.press(KEYS.enter);
    await ui.waitFor('Give the migration a name');
    await ui.type('Contoso prod');
    await ui.waitFor('Name: Contoso prod');
    ui.press(KEYS.enter);
    await ui.waitFor('Tenant (optional):');
    await ui.type('not a tenant');
    ui.press(KEYS.enter);
    await ui.waitFor('The tenant must be a tenant id (GUID) or a domain');
    ui.press(KEYS.escape); // back to the name (kept), then forward to an empty tenant
    await ui.waitFor('Name: Contoso prod');
    ui.press(KEYS.enter);
    await ui.waitFor((f) => f.includes('Tenant (optional):') && !f.includes('not a tenant'));
    await ui.type('contoso.onmicrosoft.com');
    ui.press(KEYS.enter);
    await ui.waitFor('Cloud:');
    ui.press(KEYS.down);
    await ui.waitFor('US Gov GCC');
    ui.press(KEYS.down);
    await ui.waitFor('login.microsoftonline.us, graph.microsoft.us');
    expectFits(ui.lastFrame());
    ui.press(KEYS.enter);
    const frame = await ui.waitFor('you stopped here');
    expect(frame).toContain('Contoso prod');
    expect(frame).toContain('tenant contoso.onmicrosoft.com');
    expect(frame).toContain('US Gov GCC High');
    expectFits(frame);
    const m = store.get().migrations['contoso-prod-test'];
    expect(m).toMatchObject({
      name: 'Contoso prod',
      tenant: 'contoso.onmicrosoft.com',
      cloud: 'gcchigh',
      demo: false,
    });
    expect(store.get().lastMigrationId).toBe('contoso-prod-test');
    ui.unmount();
  });

  it('refuses a 300-character name with the reason', async () => {
    const store = memoryStore(emptyRootState('test'));
    const ui = settled(renderUi(appTree(store)));
    await ui.waitFor('New migration');
    ui.press('x'.repeat(300)); // a paste
    await ui.waitFor('xxxxxxxxxx');
    ui.press(KEYS.enter);
    const frame = await ui.waitFor('The name is 300 characters long; keep it to 80 or fewer.');
    expectFits(frame);
    expect(Object.keys(store.get().migrations)).toHaveLength(0);
    ui.unmount();
  });

  it('refuses a name that another migration has', async () => {
    const store = memoryStore(rootWith([{ id: 'a', name: 'Prod' }], 'a'));
    const ui = settled(renderUi(appTree(store)));
    await ui.waitFor('STEP inventory');
    ui.press(KEYS.escape);
    await ui.waitFor('you stopped here');
    ui.press('m');
    await ui.waitFor('Migrations (1)');
    ui.press('n');
    await ui.waitFor('New migration');
    await ui.type('prod');
    ui.press(KEYS.enter);
    await ui.waitFor('A migration named "Prod" already exists');
    ui.press(KEYS.escape); // back, not quit, because there is a migration to go back to
    await ui.waitFor('you stopped here');
    ui.unmount();
  });
});

describe('App: quitting', () => {
  it('typing q in a text prompt does not quit; q in the step list does', async () => {
    const onQuit = vi.fn();
    const store = memoryStore(emptyRootState('test'));
    const ui = settled(renderUi(appTree(store, { onQuit })));
    await ui.waitFor('New migration');
    await ui.type('q');
    await ui.waitFor('Name: q');
    await ui.type('?');
    await ui.waitFor('Name: q?');
    expect(onQuit).not.toHaveBeenCalled();
    expect(ui.lastFrame()).not.toContain('Help');
    ui.press(KEYS.enter);
    await ui.waitFor('Tenant (optional):');
    ui.press(KEYS.enter);
    await ui.waitFor('Cloud:');
    ui.press(KEYS.enter);
    await ui.waitFor('you stopped here');
    expect(onQuit).not.toHaveBeenCalled();
    ui.press('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
    ui.unmount();
  });

  it('Ctrl+C quits even while typing', async () => {
    const onQuit = vi.fn();
    const ui = settled(renderUi(appTree(memoryStore(emptyRootState('test')), { onQuit })));
    await ui.waitFor('New migration');
    await ui.type('ab');
    ui.press(KEYS.ctrlC);
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
    ui.unmount();
  });
});

describe('App: navigation', () => {
  it('resumes in the step where the admin stopped; Esc shows the list; Enter opens another step', async () => {
    const root = rootWith([{ id: 'a', name: 'Prod' }], 'a');
    root.migrations.a!.current = { step: 'backup' };
    const store = memoryStore(root);
    const ui = settled(renderUi(appTree(store)));
    let frame = await ui.waitFor('STEP backup');
    expect(frame).toContain('Esc back');
    expectFits(frame);
    ui.press(KEYS.escape);
    frame = await ui.waitFor('you stopped here');
    expect(frame.split('\n').find((l) => l.includes('›'))).toContain('Back up');
    expectFits(frame);
    ui.press(KEYS.down);
    await ui.waitFor((f) => (f.split('\n').find((l) => l.includes('›')) ?? '').includes(' 3 '));
    ui.press(KEYS.enter);
    await ui.waitFor('STEP update');
    expect(store.get().migrations.a?.current).toEqual({ step: 'update' });
    ui.press(KEYS.escape);
    await ui.waitFor('Steps');
    ui.press('c'); // continue where I stopped
    await ui.waitFor('STEP update');
    ui.unmount();
  });

  it('lists waves under steps 5 and 6 and opens a wave', async () => {
    const store = memoryStore(rootWith([{ id: 'a', name: 'Prod' }], 'a'));
    store.dispatch(store.stamp({ type: 'add-wave', id: 'w1', name: 'Pilot' }));
    const ui = settled(renderUi(appTree(store)));
    await ui.waitFor('STEP inventory');
    ui.press(KEYS.escape);
    await ui.waitFor('you stopped here');
    for (let i = 0; i < 5; i++) {
      ui.press('j');
      await new Promise((r) => setImmediate(r));
    }
    const frame = await ui.waitFor((f) =>
      (f.split('\n').find((l) => l.includes('›')) ?? '').includes('Pilot'),
    );
    expect(frame.match(/Pilot/g)).toHaveLength(2); // under step 5 and under step 6
    expectFits(frame);
    ui.press(KEYS.enter);
    await ui.waitFor('STEP migrate-users wave w1');
    ui.unmount();
  });

  it('with several migrations and none open, shows the picker; Enter opens one; m switches', async () => {
    const store = memoryStore(
      rootWith([
        { id: 'a', name: 'Alpha test', tenant: 'alpha.onmicrosoft.com' },
        { id: 'b', name: 'Bravo prod', demo: true },
      ]),
    );
    const ui = settled(renderUi(appTree(store)));
    let frame = await ui.waitFor('Migrations (2)');
    expect(frame).toContain('alpha.onmicrosoft.com');
    expect(frame).toContain('[DEMO]');
    expect(frame).toContain('0/12 done');
    expectFits(frame);
    ui.press(KEYS.down);
    ui.press(KEYS.enter);
    frame = await ui.waitFor('STEP inventory');
    expect(store.get().lastMigrationId).toBe('b');
    expect(frame).toContain('Bravo prod');
    expect(frame).toContain('DEMO');
    expect(frame).toContain('no tenant');
    ui.press(KEYS.escape);
    await ui.waitFor('you stopped here');
    ui.press('m');
    await ui.waitFor('Migrations (2)');
    ui.press(KEYS.up);
    ui.press(KEYS.enter);
    frame = await ui.waitFor((f) => f.includes('STEP inventory') && f.includes('Alpha test'));
    expect(store.get().lastMigrationId).toBe('a');
    ui.unmount();
  });

  it('with one migration and none open, opens it without asking', async () => {
    const store = memoryStore(rootWith([{ id: 'a', name: 'Only one' }]));
    const ui = settled(renderUi(appTree(store)));
    await ui.waitFor((f) => f.includes('STEP inventory') && f.includes('Only one'));
    expect(store.get().lastMigrationId).toBe('a');
    ui.unmount();
  });
});

describe('App: help', () => {
  it('? opens the help overlay over any screen and Esc closes it', async () => {
    const store = memoryStore(rootWith([{ id: 'a', name: 'Prod' }], 'a'));
    const ui = settled(renderUi(appTree(store)));
    await ui.waitFor('STEP inventory');
    ui.press('?');
    let frame = await ui.waitFor('Esc or ? close');
    expect(frame).toContain('show or hide this help');
    expectFits(frame);
    ui.press(KEYS.escape);
    frame = await ui.waitFor('STEP inventory');
    expect(frame).not.toContain('Esc or ? close');
    ui.press(KEYS.escape);
    await ui.waitFor('you stopped here');
    ui.press('?');
    await ui.waitFor('Esc or ? close');
    ui.press('?');
    await ui.waitFor('you stopped here');
    ui.unmount();

    const onQuit = vi.fn(); // q quits from the help too, as the hint line says
    const again = settled(
      renderUi(appTree(memoryStore(rootWith([{ id: 'a', name: 'Prod' }], 'a')), { onQuit })),
    );
    await again.waitFor('STEP inventory');
    again.press('?');
    expect(await again.waitFor('Esc or ? close')).toContain('q quit');
    again.press('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
    again.unmount();
  });
});

describe('App: a failed save', () => {
  it('shows a one-line error bar, keeps the screen, and recovers on the next save', async () => {
    const store = memoryStore(rootWith([{ id: 'a', name: 'Prod' }], 'a'));
    const ui = settled(renderUi(appTree(store)));
    await ui.waitFor('STEP inventory');
    ui.press(KEYS.escape);
    await ui.waitFor('you stopped here');
    store.failWhen = (e) => e.type === 'go-to-step';
    ui.press(KEYS.down);
    ui.press(KEYS.enter);
    let frame = await ui.waitFor('Not saved (go-to-step)');
    expect(frame).toContain('Not saved (go-to-step): Could not save to /state/state.json');
    expect(frame).toContain('you stopped here'); // still on the list, nothing pretended
    expect(store.get().migrations.a?.current).toEqual({ step: 'inventory' });
    expectFits(frame);
    const bar = frameLines(frame).filter((l) => l.includes('Not saved'));
    expect(bar).toHaveLength(1);
    store.failWhen = null;
    ui.press(KEYS.enter);
    frame = await ui.waitFor('STEP backup');
    expect(frame).not.toContain('Not saved');
    ui.unmount();
  });

  it('a step whose save fails gets the failure back, so what the admin did is not silently lost', async () => {
    const store = memoryStore(rootWith([{ id: 'a', name: 'Prod' }], 'a'));
    const ui = settled(renderUi(appTree(store)));
    await ui.waitFor('STEP inventory (78x18)'); // the body size the frame gives a step at 80x24
    store.failWhen = (e) => e.type === 'set-notes';
    ui.press('w');
    const frame = await ui.waitFor('refused: Not saved: Could not save to /state/state.json');
    expect(frame).toContain('Not saved (set-notes)');
    expect(store.get().migrations.a?.steps.inventory?.notes).toBe('');
    store.failWhen = null;
    ui.press('w');
    await ui.waitFor((f) => f.includes('saved') && !f.includes('Not saved'));
    expect(store.get().migrations.a?.steps.inventory?.notes).toBe('checked the data folder');
    ui.unmount();
  });

  it('a screen that throws shows one line in the frame, not a crash; Esc goes back to the list', async () => {
    const store = memoryStore(rootWith([{ id: 'a', name: 'Prod' }], 'a'));
    const onQuit = vi.fn();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports caught errors
    const ui = settled(
      renderUi(
        <App
          store={store}
          theme={makeTheme({ color: false, ascii: false })}
          newId={() => 'x'}
          renderStep={() => <Broken />}
          onQuit={onQuit}
        />,
      ),
    );
    let frame = await ui.waitFor('This screen failed: cannot read the inventory');
    expect(frame).not.toContain('step.tsx');
    expect(frame).toContain('Prod'); // the header and the frame are still there
    expectFits(frame);
    ui.press(KEYS.escape);
    frame = await ui.waitFor('you stopped here');
    expect(onQuit).not.toHaveBeenCalled();
    errors.mockRestore();
    ui.unmount();
  });
});
