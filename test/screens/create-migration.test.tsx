import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CreateMigration } from '../../screens/create-migration.js';
import { makeTheme } from '../../screens/theme.js';
import { UiContext } from '../../screens/ui-context.js';
import type { MigrationEvent } from '../../state/events.js';
import { emptyRootState, type RootState } from '../../state/model.js';
import { reduce } from '../../state/reducer.js';
import { KEYS, renderUi } from '../helpers/render.js';
import { appTree, META, memoryStore, settled } from '../wizard/app-harness.js';

/** Holds the root state in React state and runs the real reducer, like the shell does. */
function Harness(props: {
  onCreated: (id: string, root: RootState) => void;
  onCancel: () => void;
  demo?: boolean;
}) {
  const [root, setRoot] = useState(() => emptyRootState('t'));
  const dispatch = (event: MigrationEvent) => {
    const r = reduce(root, { ...event, ...META });
    if (!r.ok) return r.refusal;
    setRoot(r.state);
    props.onCreated(event.type === 'create-migration' ? event.id : '', r.state);
    return null;
  };
  return (
    <UiContext.Provider
      value={{
        theme: makeTheme({ color: false, ascii: true }),
        state: root,
        dispatch,
        setCapturingInput: () => {},
        width: 78,
        height: 18,
      }}
    >
      <CreateMigration
        newId={(name) => `${name.toLowerCase()}-abc123`}
        onCreated={() => {}}
        onCancel={props.onCancel}
        cancelLabel="back"
        {...(props.demo ? { demo: true } : {})}
      />
    </UiContext.Provider>
  );
}

describe('CreateMigration', () => {
  it('accepts a tenant id (GUID), goes back from the cloud list with Esc, and creates a China migration', async () => {
    const onCreated = vi.fn();
    const ui = settled(renderUi(<Harness onCreated={onCreated} onCancel={() => {}} />));
    await ui.waitFor('Name:');
    await ui.type('Fabrikam');
    ui.press(KEYS.enter);
    await ui.waitFor('Tenant (optional):');
    await ui.type('72f988bf-86f1-41af-91ab-2d7cd011db47');
    ui.press(KEYS.enter);
    await ui.waitFor('Cloud:');
    ui.press(KEYS.escape);
    await ui.waitFor((f) => f.includes('Tenant (optional): 72f988bf') && !f.includes('Cloud:'));
    ui.press(KEYS.enter);
    await ui.waitFor('Cloud:');
    // ink-select-input reads its selection from the last render: wait for each move to show
    for (const next of ['> US Gov GCC', '> US Gov GCC High', '> US Gov DoD', '> China (21Vianet)']) {
      ui.press(KEYS.down);
      await ui.waitFor(next);
    }
    await ui.waitFor('no staged rollout');
    ui.press(KEYS.enter);
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled());
    const [id, root] = onCreated.mock.calls[0] as [string, RootState];
    expect(id).toBe('fabrikam-abc123');
    expect(root.migrations[id]).toMatchObject({
      name: 'Fabrikam',
      tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      cloud: 'china',
      demo: false,
    });
    ui.unmount();
  });

  it('marks the migration demo when asked, and trims the name; Esc on the name cancels', async () => {
    const onCreated = vi.fn();
    const onCancel = vi.fn();
    const ui = settled(renderUi(<Harness onCreated={onCreated} onCancel={onCancel} demo />));
    await ui.waitFor('Name:');
    await ui.type('  Demo  ');
    ui.press(KEYS.enter);
    await ui.waitFor('Tenant (optional):');
    ui.press(KEYS.enter);
    await ui.waitFor('Cloud:');
    ui.press(KEYS.enter);
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled());
    const [id, root] = onCreated.mock.calls[0] as [string, RootState];
    expect(root.migrations[id]).toMatchObject({ name: 'Demo', demo: true, cloud: 'global' });
    expect(root.migrations[id]?.tenant).toBeUndefined();
    ui.unmount();

    const again = settled(renderUi(<Harness onCreated={() => {}} onCancel={onCancel} />));
    await again.waitFor('Name:');
    again.press(KEYS.escape);
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalled());
    again.unmount();
  });

  it('in the app, Esc on the first question quits when there is no migration to go back to', async () => {
    const onQuit = vi.fn();
    const ui = settled(renderUi(appTree(memoryStore(emptyRootState('t')), { onQuit })));
    const frame = await ui.waitFor('New migration');
    expect(frame).toContain('Esc quit');
    ui.press(KEYS.escape);
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalled());
    ui.unmount();
  });
});
