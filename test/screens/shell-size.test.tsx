import { describe, expect, it } from 'vitest';
import { KEYS, renderUi } from '../helpers/render.js';
import { appTree, columnsOf, frameLines, memoryStore, rootWith, settled } from '../wizard/app-harness.js';

function expectFits(frame: string, columns: number, rows: number) {
  const lines = frameLines(frame);
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(columnsOf(line), line).toBeLessThanOrEqual(columns);
}

describe('shell: terminal size', () => {
  it('below 80x24 shows only what to do, and redraws the wizard when the terminal grows', async () => {
    const store = memoryStore(rootWith([{ id: 'a', name: 'Prod' }], 'a'));
    const ui = settled(renderUi(appTree(store), { columns: 60, rows: 20 }));
    let frame = await ui.waitFor('Enlarge the terminal');
    expect(frame.trim()).toBe('Enlarge the terminal to at least 80x24 (now 60x20).');
    ui.resize(80, 24);
    frame = await ui.waitFor('STEP inventory');
    expect(frameLines(frame)).toHaveLength(23); // rows - 1: a frame exactly `rows` tall flickers
    expectFits(frame, 80, 24);
    ui.resize(79, 30);
    frame = await ui.waitFor('(now 79x30)');
    expect(frame).not.toContain('STEP inventory');
    ui.resize(120, 40);
    frame = await ui.waitFor('STEP inventory (118x34)'); // the step gets the bigger body
    expect(frameLines(frame)).toHaveLength(39);
    expectFits(frame, 120, 40);
    ui.unmount();
  });

  it('never draws more lines than the terminal or wider lines, on any screen, at 80x24', async () => {
    const store = memoryStore(
      rootWith(
        Array.from({ length: 15 }, (_, i) => ({
          id: `m${i}`,
          name: `Migration number ${i} with a rather long name that goes on and on and on and on`,
          tenant: `tenant${i}.onmicrosoft.com`,
          demo: i === 0,
        })),
        'm0',
      ),
    );
    for (let i = 0; i < 20; i++)
      store.dispatch(store.stamp({ type: 'add-wave', id: `w${i}`, name: `Wave ${i}` }));
    const ui = settled(renderUi(appTree(store)));
    const first = await ui.waitFor('STEP inventory');
    expectFits(first, 80, 24);
    // a long name gives way: the tenant and the cloud stay readable in the header
    expect(frameLines(first)[1]).toMatch(
      /Migration number 0 .*… · tenant tenant0\.onmicrosoft\.com · Global · DEMO\s*│$/,
    );
    ui.press(KEYS.escape);
    expectFits(await ui.waitFor('you stopped here'), 80, 24);
    ui.press('G');
    expectFits(await ui.waitFor('more above'), 80, 24);
    ui.press('?');
    expectFits(await ui.waitFor('Esc or ? close'), 80, 24);
    ui.press('G');
    expectFits(await ui.waitFor('Saving'), 80, 24);
    ui.press(KEYS.escape);
    await ui.waitFor('more above');
    ui.press('m');
    expectFits(await ui.waitFor('Migrations (15)'), 80, 24);
    ui.press('G');
    expectFits(await ui.waitFor('Migration number 9'), 80, 24);
    ui.press('n');
    expectFits(await ui.waitFor('New migration'), 80, 24);
    ui.unmount();
  });
});
