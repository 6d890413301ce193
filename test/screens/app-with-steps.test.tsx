// The shell with the real StepView (steps room): the contract between the two holds.
import { describe, expect, it } from 'vitest';
import { App } from '../../screens/app.js';
import { makeTheme } from '../../screens/theme.js';
import { KEYS, renderUi } from '../helpers/render.js';
import { columnsOf, frameLines, memoryStore, rootWith, settled } from '../wizard/app-harness.js';

describe('App with the real StepView', () => {
  it('opens the step where the admin stopped, Esc returns to the list, Enter opens another', async () => {
    const root = rootWith([{ id: 'a', name: 'Prod' }], 'a');
    root.migrations.a!.current = { step: 'backup' };
    const store = memoryStore(root);
    const ui = settled(
      renderUi(<App store={store} theme={makeTheme({ color: false, ascii: false })} newId={() => 'x'} />),
    );
    let frame = await ui.waitFor('Back up the MFA Server data file');
    expect(frame).not.toContain('you stopped here');
    for (const l of frameLines(frame)) expect(columnsOf(l), l).toBeLessThanOrEqual(80);
    expect(frameLines(frame).length).toBeLessThanOrEqual(23);
    ui.press(KEYS.escape);
    frame = await ui.waitFor('you stopped here');
    ui.press(KEYS.down);
    await ui.waitFor((f) => (f.split('\n').find((l) => l.includes('›')) ?? '').includes(' 3 '));
    ui.press(KEYS.enter);
    frame = await ui.waitFor(
      (f) => !f.includes('you stopped here') && f.includes('Install the MFA Server update'),
    );
    expect(store.get().migrations.a?.current).toEqual({ step: 'update' });
    expect(frameLines(frame).length).toBeLessThanOrEqual(23);
    ui.unmount();
  });
});
