// The backup's progress line (bytes, rate, time left) and Esc cancelling the copy without leaving the
// step. The real backup module runs; the copy is held at half way until Esc so nothing races.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, progressText } from '../../screens/prep-parts.js';
import type { PrepServices } from '../../src/services/prep-services.js';
import { KEYS, type RenderedUi } from '../helpers/render.js';
import { openPrep, realServices, tempDir } from './prep-helpers.js';
import { see, toSection } from './step-harness.js';

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

const flat = (f: string) => f.replace(/\s+/g, ' ');

describe('progress text', () => {
  it('gives percent, bytes, rate and time left once measurable', () => {
    expect(progressText(0, 100, 0, 10)).toBe('[..........] 0%, 0 B of 100 B');
    expect(progressText(512 * 2 ** 20, 2 ** 30, 2000, 10)).toBe(
      '[#####.....] 50%, 512 MiB of 1.0 GiB, 256 MiB/s, 2 s left',
    );
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });
});

describe('Run backup: progress and cancel', () => {
  it('shows the progress, Esc cancels the copy (not the step), and nothing is recorded', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'Data'));
    await writeFile(join(dir, 'Data', 'PhoneFactor.pfdata'), 'x'.repeat(100_000));
    const real = realServices(dir);
    const held: PrepServices = {
      ...real,
      runBackup: async (source, dest, opts) => {
        opts.onProgress?.({ done: 2 ** 29, total: 2 ** 30 });
        await new Promise<void>((resolve) => opts.signal?.addEventListener('abort', () => resolve()));
        return real.runBackup(source, dest, opts);
      },
    };
    let backs = 0;
    const opened = openPrep({ step: 'backup' }, { cwd: dir, services: held, onBack: () => backs++ });
    ui = opened.ui;
    await see(ui, '[What & why]');
    await toSection(ui, 'Run backup');
    ui.press('n');
    await see(ui, 'Data folder to back up:');
    await ui.type('Data');
    ui.press(KEYS.enter);
    await see(ui, 'Back up into folder:');
    await ui.type('backups');
    ui.press(KEYS.enter);
    await see(ui, 'Installer of the current version');
    ui.press(KEYS.enter);
    const frame = await see(ui, 'Esc cancels');
    expect(frame).toContain('[##########..........] 50%, 512 MiB of 1.0 GiB, 512 MiB/s, 1 s left');
    expect(frame).toContain('Esc cancel the copy');
    ui.press(KEYS.escape);
    const after = await see(ui, (f) => flat(f).includes('Cancelled: the copy in'));
    expect(flat(after)).toMatch(/backups[\\/]mfa-server-data-.* is incomplete and was not recorded/);
    expect(backs).toBe(0);
    expect(opened.probe.migration().steps.backup?.evidence ?? []).toHaveLength(0);
    // the page's keys work again: Esc now leaves the step
    ui.press(KEYS.escape);
    await see(ui, () => backs === 1);
  });
});
