// `npm start` with no migration yet: the first screen offers the demo tenant. `d` creates the DEMO
// migration, starts the demo tenant (a real emulator here) and connects without any sign-in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../screens/app.js';
import { makeTheme } from '../../screens/theme.js';
import { createConnection } from '../../src/wizard/connection.js';
import { type DemoTenant, startDemoTenant } from '../../src/wizard/demo-tenant.js';
import { emptyRootState } from '../../state/model.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { FakeStep, frameLines, memoryStore, settled } from './app-harness.js';

let dir: string;
let ui: RenderedUi | undefined;
let demo: DemoTenant | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-welcome-'));
});
afterEach(async () => {
  ui?.unmount();
  ui = undefined;
  await demo?.close();
  demo = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function open() {
  const store = memoryStore(emptyRootState('t'));
  let launches = 0;
  const connection = createConnection({
    env: {},
    auditFile: (id) => path.join(dir, `${id}.jsonl`),
    launchDemo: async () => {
      launches++;
      demo = await startDemoTenant({ users: 30 });
      return { baseUrl: demo.url, token: demo.token };
    },
  });
  ui = renderUi(
    <App
      store={store}
      theme={makeTheme({ color: false, ascii: false })}
      connection={connection}
      newId={() => 'demo-1'}
      renderStep={(p) => <FakeStep {...p} />}
    />,
    { columns: 80, rows: 24 },
  );
  return { store, ui: settled(ui), launches: () => launches };
}

describe('first start with no migration', () => {
  it('offers the demo tenant; d opens the DEMO migration and connects it, pinned', async () => {
    const { store, ui: u, launches } = open();
    const first = await u.waitFor('try the built-in demo tenant');
    expect(frameLines(first).length).toBeLessThanOrEqual(24);
    expect(launches()).toBe(0); // nothing starts until asked
    u.press('d');
    const frame = await u.waitFor(/connected · Contoso \(demo tenant\) · delegated/);
    expect(frame).toContain('DEMO');
    expect(frame).toContain('STEP inventory');
    const m = store.get().migrations['demo-1'];
    expect(m?.demo).toBe(true);
    expect(m?.tenantId).toBe(demo?.tenantId);
    expect(launches()).toBe(1);
  });

  it('n (or Enter) goes to the create screen, and Esc there comes back to the offer', async () => {
    const { ui: u, launches } = open();
    await u.waitFor('try the built-in demo tenant');
    u.press('n');
    await u.waitFor((f) => !f.includes('try the built-in demo tenant'));
    u.press(KEYS.escape);
    await u.waitFor('try the built-in demo tenant');
    expect(launches()).toBe(0);
  });
});
