import { describe, expect, it, vi } from 'vitest';
import { type NavigatorRow, StepNavigator } from '../../screens/step-navigator.js';
import { makeTheme } from '../../screens/theme.js';
import { UiContext, type UiContextValue } from '../../screens/ui-context.js';
import type { StepRef } from '../../state/model.js';
import { KEYS, renderUi } from '../helpers/render.js';
import { columnsOf } from '../wizard/app-harness.js';

function rowsWithWaves(waveCount: number): NavigatorRow[] {
  const rows: NavigatorRow[] = [
    {
      kind: 'phase',
      key: 'phase:preparations',
      label: '',
      title: 'Preparations',
      progress: { done: 1, total: 4 },
    },
    {
      kind: 'step',
      key: 'inventory',
      label: '1',
      title: 'Inventory',
      status: 'done',
      ref: { step: 'inventory' },
    },
    {
      kind: 'step',
      key: 'backup',
      label: '2',
      title: 'Backup',
      status: 'in-progress',
      ref: { step: 'backup' },
    },
    {
      kind: 'phase',
      key: 'phase:migrations',
      label: '',
      title: 'Migrations',
      progress: { done: 0, total: 4 },
    },
    {
      kind: 'step',
      key: 'migrate-users',
      label: '5',
      title: 'Migrate user data',
      status: 'pending',
      ref: { step: 'migrate-users' },
    },
  ];
  for (let i = 1; i <= waveCount; i++) {
    rows.push({
      kind: 'wave',
      key: `migrate-users@w${i}`,
      label: '',
      title: `Wave number ${i}`,
      status: i === 1 ? 'blocked' : 'pending',
      ref: { step: 'migrate-users', wave: `w${i}` },
    });
  }
  rows.push({
    kind: 'step',
    key: 'educate',
    label: '7',
    title: 'Educate users',
    status: 'skipped',
    ref: { step: 'educate' },
  });
  return rows;
}

function ctx(height: number): UiContextValue {
  return {
    theme: makeTheme({ color: false, ascii: true }),
    state: { schemaVersion: 1, writtenBy: 'test', migrations: {} },
    dispatch: () => null,
    setCapturingInput: () => {},
    width: 78,
    height,
  };
}

function renderNavigator(
  rows: NavigatorRow[],
  height: number,
  onOpen: (ref: StepRef) => void,
  initialKey?: string,
) {
  return renderUi(
    <UiContext.Provider value={ctx(height)}>
      <StepNavigator
        rows={rows}
        height={height}
        {...(initialKey ? { initialKey } : {})}
        currentKey="backup"
        onOpen={onOpen}
        onSwitchMigration={() => {}}
        onContinue={() => {}}
      />
    </UiContext.Provider>,
  );
}

function selectedLine(frame: string): string {
  return frame.split('\n').find((l) => l.startsWith('>')) ?? '';
}

describe('StepNavigator', () => {
  it('shows phases with progress and steps with glyph and word, and skips phase rows', async () => {
    const onOpen = vi.fn();
    const ui = renderNavigator(rowsWithWaves(2), 18, onOpen);
    const frame = await ui.waitFor('Preparations');
    expect(frame).toContain('1/4 done');
    expect(frame).toContain('(v) done');
    expect(frame).toContain('(~) in-progress');
    expect(frame).toContain('(!) blocked');
    expect(frame).toContain('(you stopped here)');
    expect(selectedLine(frame)).toContain('Inventory');
    ui.press(KEYS.down);
    await ui.waitFor((f) => selectedLine(f).includes('Backup'));
    ui.press('j'); // over the "Migrations" phase heading straight to step 5
    await ui.waitFor((f) => selectedLine(f).includes('Migrate user data'));
    ui.press('k');
    await ui.waitFor((f) => selectedLine(f).includes('Backup'));
    ui.press(KEYS.enter);
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledWith({ step: 'backup' }));
    ui.unmount();
  });

  it('scrolls within its height and keeps the selected row visible', async () => {
    const onOpen = vi.fn();
    const height = 10;
    const ui = renderNavigator(rowsWithWaves(30), height, onOpen);
    await ui.waitFor('Inventory');
    expect(ui.lastFrame()).not.toContain('Educate users');
    ui.press('G'); // end
    let frame = await ui.waitFor((f) => selectedLine(f).includes('Educate users'));
    expect(frame).not.toContain('Inventory');
    expect(frame).toContain('more above');
    expect(frame.split('\n').length).toBeLessThanOrEqual(height);
    ui.press(KEYS.pageUp);
    frame = await ui.waitFor((f) => !selectedLine(f).includes('Educate users') && selectedLine(f) !== '');
    expect(selectedLine(frame)).toMatch(/Wave number 2[0-9]/);
    ui.press('g'); // home
    frame = await ui.waitFor((f) => selectedLine(f).includes('Inventory'));
    expect(frame).toContain('Preparations'); // the heading of the first row scrolls back in too
    for (const line of frame.split('\n')) expect(columnsOf(line)).toBeLessThanOrEqual(78);
    ui.press(KEYS.pageDown);
    await ui.waitFor((f) => /Wave number \d/.test(selectedLine(f)));
    ui.press(KEYS.enter);
    await vi.waitFor(() =>
      expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ step: 'migrate-users' })),
    );
    expect(onOpen.mock.calls[0]?.[0]?.wave).toMatch(/^w\d+$/);
    ui.unmount();
  });

  it('starts on the given row, e.g. the step that was just closed', async () => {
    const ui = renderNavigator(rowsWithWaves(30), 10, () => {}, 'educate');
    const frame = await ui.waitFor((f) => selectedLine(f).includes('Educate users'));
    expect(frame).not.toContain('Inventory');
    ui.unmount();
  });
});
