// Every Preparations section is registered on its step, fits 80x24 and a smaller 70x18 terminal, and
// without services says what is not available instead of crashing.
import { afterEach, describe, expect, it } from 'vitest';
import { PREP_SECTIONS } from '../../screens/prep-sections.js';
import { StepView } from '../../screens/step-view.js';
import { PrepServicesContext } from '../../screens/use-prep-services.js';
import type { StepId } from '../../state/model.js';
import { type RenderedUi, renderUi } from '../helpers/render.js';
import { realServices, tempDir } from './prep-helpers.js';
import { frameFits, Harness, newProbe, see, seededRoot, toSection } from './step-harness.js';

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

const EXPECTED: [StepId, string][] = [
  ['inventory', 'Probe'],
  ['inventory', 'CSV'],
  ['inventory', 'Graph check'],
  ['backup', 'Run backup'],
  ['update', 'Versions'],
  ['utility', 'Utility check'],
  ['rb-restore', 'Restore'],
];

describe('Preparations sections', () => {
  it('are registered on their steps', () => {
    const got = Object.entries(PREP_SECTIONS).flatMap(([step, defs]) =>
      (defs ?? []).map((d) => [step, d.label]),
    );
    expect(got).toEqual(EXPECTED);
  });

  for (const [step, label] of EXPECTED) {
    it(`${step} / ${label}: without services it says so; with them it fits 80x24 and 70x18`, async () => {
      const probe = newProbe(seededRoot());
      ui = renderUi(
        <Harness probe={probe} followTerminal>
          <StepView stepRef={{ step }} onBack={() => {}} />
        </Harness>,
        { columns: 80, rows: 24 },
      );
      await see(ui, '[What & why]');
      await toSection(ui, label);
      if (step !== 'utility') await see(ui, 'Not available here:');
      ui.unmount();

      const services = realServices(await tempDir());
      for (const [columns, rows] of [
        [80, 24],
        [70, 18],
      ] as const) {
        ui = renderUi(
          <Harness probe={newProbe(seededRoot())} followTerminal>
            <PrepServicesContext.Provider value={services}>
              <StepView stepRef={{ step }} onBack={() => {}} />
            </PrepServicesContext.Provider>
          </Harness>,
          { columns, rows },
        );
        await see(ui, '[What & why]');
        await toSection(ui, label);
        const frame = await see(ui, (f) => !f.includes('Not available here'));
        expect(frameFits(frame, columns, rows)).toBeNull();
        ui.unmount();
      }
      ui = undefined;
    });
  }
});

describe('--ascii', () => {
  it('the CSV section names the arrow keys in words', async () => {
    const services = realServices(await tempDir());
    ui = renderUi(
      <Harness probe={newProbe(seededRoot())} ascii>
        <PrepServicesContext.Provider value={services}>
          <StepView stepRef={{ step: 'inventory' }} onBack={() => {}} />
        </PrepServicesContext.Provider>
      </Harness>,
      { columns: 80, rows: 24 },
    );
    await see(ui, '[What & why]');
    await toSection(ui, 'CSV');
    const frame = await see(ui, 'Table (left/right 1 of 5): [MFA methods]');
    // below the status bar and the tab row (which ink truncates with its own ellipsis)
    expect(frame.split('\n').slice(2).join('\n')).not.toMatch(/[←→↑↓…]/);
  });
});
