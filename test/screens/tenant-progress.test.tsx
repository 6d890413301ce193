// The progress line of long tenant operations: count, rate and time left, fitting the width.
import { Text } from 'ink';
import { describe, expect, it } from 'vitest';
import { formatDuration, ProgressBar, progressText } from '../../screens/progress-bar.js';
import { renderUi } from '../helpers/render.js';
import { frameFits, Harness, newProbe, seededRoot } from './step-harness.js';

describe('progress line', () => {
  it('says count, total, rate and time left', () => {
    expect(progressText({ done: 1200, total: 50000, ratePerSec: 412.4, etaSeconds: 118 })).toBe(
      '1200 of 50000 (412/s, 1 min 58 s left)',
    );
    expect(progressText({ done: 3, ratePerSec: 2.5 })).toBe('3 (2.5/s)');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3 h 5 min');
  });

  it('draws a bar that fits a narrow terminal, in ASCII when asked', async () => {
    const ui = renderUi(
      <Harness probe={newProbe(seededRoot())} ascii>
        <ProgressBar
          label="Verifying"
          progress={{ done: 25, total: 100, ratePerSec: 5, etaSeconds: 15 }}
          width={60}
        />
        <Text>end</Text>
      </Harness>,
      { columns: 60, rows: 10 },
    );
    const frame = await ui.waitFor('end');
    expect(frame).toContain('25 of 100 (5.0/s, 15 s left)');
    expect(frame).not.toMatch(/[█░]/);
    // a quarter done: a quarter of the bar filled
    const bar = /(#+)(\.+) 25 of/.exec(frame);
    expect(bar?.[1]?.length).toBe(Math.round(((bar?.[1]?.length ?? 0) + (bar?.[2]?.length ?? 0)) / 4));
    expect(frameFits(frame, 60, 10)).toBeNull();
    ui.unmount();
  });
});
