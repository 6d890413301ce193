import type { Key } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { splitRepeats } from '../../screens/key-router.js';
import { listMove } from '../../screens/list-keys.js';
import { StepView } from '../../screens/step-view.js';
import { stepDef } from '../../state/catalogue/index.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { Harness, newProbe, see, seededRoot } from './step-harness.js';

const NONE = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
} as Key;

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

describe('keys inside a step', () => {
  it('splits a run of one repeated key, and keeps mixed chunks whole', () => {
    expect(splitRepeats('jjj', NONE)).toEqual([
      ['j', NONE],
      ['j', NONE],
      ['j', NONE],
    ]);
    const tabs = splitRepeats('\t\t', NONE);
    expect(tabs).toHaveLength(2);
    expect(tabs[0]?.[0]).toBe('');
    expect(tabs[0]?.[1].tab).toBe(true);
    expect(splitRepeats('ad', NONE)).toEqual([['ad', NONE]]);
    expect(splitRepeats('j', NONE)).toEqual([['j', NONE]]);
  });

  it('list moves clamp at both ends', () => {
    expect(listMove('j', NONE, 4, 5)).toBe(4);
    expect(listMove('k', NONE, 0, 5)).toBe(0);
    expect(listMove('', { ...NONE, end: true }, 0, 5)).toBe(4);
    expect(listMove('x', NONE, 0, 5)).toBeNull();
    expect(listMove('j', NONE, 0, 0)).toBeNull();
  });

  it('keys that arrive together (a held key over SSH) each count', async () => {
    const probe = newProbe(seededRoot());
    ui = renderUi(
      <Harness probe={probe}>
        <StepView stepRef={{ step: 'decommission' }} onBack={() => {}} />
      </Harness>,
      { columns: 80, rows: 24 },
    );
    await see(ui, '[What & why]');
    ui.press('\t');
    await see(ui, '[Checklist]');
    ui.press('jj');
    const third = stepDef('decommission').checklist[2]!;
    await see(ui, new RegExp(`› ☐ ${third.text.slice(0, 20)}`));
    ui.press('\t\t');
    await see(ui, '[Evidence]');
    ui.press(KEYS.tab);
    await see(ui, '[History]');
  });
});
