import { describe, expect, it } from 'vitest';
import { HelpOverlay, helpLines } from '../../screens/help-overlay.js';
import { KEY_BINDINGS } from '../../screens/key-bindings.js';
import { makeTheme } from '../../screens/theme.js';
import { UiContext, type UiContextValue } from '../../screens/ui-context.js';
import { STEP_STATUSES } from '../../state/model.js';
import { renderUi } from '../helpers/render.js';
import { columnsOf, frameLines, settled } from '../wizard/app-harness.js';

const theme = makeTheme({ color: false, ascii: true });

function ctx(height: number): UiContextValue {
  return {
    theme,
    state: { schemaVersion: 1, writtenBy: 'test', migrations: {} },
    dispatch: () => null,
    setCapturingInput: () => {},
    width: 78,
    height,
  };
}

describe('help overlay', () => {
  it('is rendered from the key binding list, with statuses as glyph and word, and guards', () => {
    const text = helpLines(theme)
      .map((l) => l.text)
      .join('\n');
    for (const b of KEY_BINDINGS) {
      expect(text).toContain(b.keys);
      expect(text).toContain(b.description);
    }
    for (const s of STEP_STATUSES) expect(text).toContain(`${theme.glyph.status[s]} ${s}`);
    expect(text).toMatch(/override/i);
  });

  it('scrolls inside its height so every line can be read at 80x24', async () => {
    const height = 18;
    const ui = settled(
      renderUi(
        <UiContext.Provider value={ctx(height)}>
          <HelpOverlay height={height} />
        </UiContext.Provider>,
      ),
    );
    const seen = new Set<string>();
    let frame = await ui.waitFor('Help');
    expect(frame).toContain('PgDn more');
    for (let i = 0; i < 60 && !frame.includes('resume where you stopped'); i++) {
      expect(frameLines(frame).length).toBeLessThanOrEqual(height);
      for (const l of frameLines(frame)) {
        expect(columnsOf(l)).toBeLessThanOrEqual(78);
        seen.add(l.trim());
      }
      const before = frame;
      ui.press('j');
      frame = await ui.waitFor((f) => f !== before);
    }
    for (const l of frameLines(frame)) seen.add(l.trim());
    expect(frame).not.toContain('PgDn more'); // at the end
    const all = [...seen].join('\n');
    for (const b of KEY_BINDINGS) expect(all).toContain(b.description);
    ui.press('g');
    await ui.waitFor('Everywhere (except while typing)');
    ui.unmount();
  });
});
