import chalk, { type ColorSupportLevel } from 'chalk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTheme, type Theme } from '../../screens/theme.js';
import { emptyRootState } from '../../state/model.js';
import { KEYS, renderUi } from '../helpers/render.js';
import { appTree, memoryStore, rootWith, settled } from '../wizard/app-harness.js';

// Any SGR colour: foreground, background, bright, 256/true colour.
const COLOUR_ESCAPE = /\u001B\[(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]/;
const BORDER_AND_UNICODE_GLYPHS = /[\u2500-\u259F›☑☐○◐●⊘✖⚠·❯]/u;

/** Walks the shell's screens and returns every frame drawn. */
async function walk(theme: Theme): Promise<string[]> {
  const store = memoryStore(
    rootWith(
      [
        { id: 'a', name: 'Prod', demo: true },
        { id: 'b', name: 'Test' },
      ],
      'a',
    ),
  );
  store.dispatch(store.stamp({ type: 'add-wave', id: 'w1', name: 'Pilot' }));
  store.dispatch(store.stamp({ type: 'set-step-status', ref: { step: 'inventory' }, status: 'done' }));
  store.dispatch(
    store.stamp({ type: 'set-step-status', ref: { step: 'backup' }, status: 'blocked', reason: 'no disk' }),
  );
  const ui = settled(renderUi(appTree(store, { theme })));
  await ui.waitFor('STEP inventory');
  ui.press(KEYS.escape);
  await ui.waitFor('you stopped here');
  store.failWhen = () => true;
  ui.press(KEYS.down);
  ui.press(KEYS.enter);
  await ui.waitFor('Not saved');
  store.failWhen = null;
  ui.press('?');
  await ui.waitFor('Esc or ? close');
  ui.press('G');
  await ui.waitFor('Saving');
  ui.press(KEYS.escape);
  await ui.waitFor('you stopped here');
  ui.press('m');
  await ui.waitFor('Migrations (2)');
  ui.press('n');
  await ui.waitFor('New migration');
  ui.press(KEYS.enter);
  await ui.waitFor('Give the migration a name');
  ui.unmount();

  const empty = settled(renderUi(appTree(memoryStore(emptyRootState('t')), { theme })));
  await empty.waitFor('New migration');
  await empty.type('Fresh');
  empty.press(KEYS.enter);
  await empty.waitFor('Tenant (optional):');
  empty.press(KEYS.enter);
  await empty.waitFor('Cloud:');
  empty.unmount();
  return [...ui.frames, ...empty.frames];
}

describe('shell: themes', () => {
  let level: ColorSupportLevel;
  beforeEach(() => {
    level = chalk.level;
  });
  afterEach(() => {
    chalk.level = level;
  });

  it('the colour theme does colour (so the checks below can fail)', async () => {
    chalk.level = 1;
    const frames = await walk(makeTheme({ color: true, ascii: false }));
    expect(frames.some((f) => COLOUR_ESCAPE.test(f))).toBe(true);
  });

  it('without colours: no colour escapes even when the terminal could colour, none at all as run', async () => {
    chalk.level = 1; // a terminal that could colour: the theme alone must keep colour out
    for (const frame of await walk(makeTheme({ color: false, ascii: false }))) {
      expect(frame).not.toMatch(COLOUR_ESCAPE);
    }
    chalk.level = 0; // what FORCE_COLOR=0 (set by the CLI for NO_COLOR / --no-color) gives ink
    for (const frame of await walk(makeTheme({ color: false, ascii: false }))) {
      expect(frame).not.toMatch(/\u001B\[[0-9;]*m/); // no styling at all (cursor show/hide is fine)
    }
  });

  it('the ASCII theme draws no box-drawing or other non-ASCII glyphs', async () => {
    const unicode = await walk(makeTheme({ color: false, ascii: false }));
    expect(unicode.some((f) => BORDER_AND_UNICODE_GLYPHS.test(f))).toBe(true);
    const frames = await walk(makeTheme({ color: false, ascii: true }));
    expect(frames.join('\n')).toContain('+---');
    for (const frame of frames) {
      const bad = [...frame].filter((c) => BORDER_AND_UNICODE_GLYPHS.test(c));
      expect(bad, frame).toEqual([]);
    }
  });
});
