// Key press to frame with the 50,000-user wave loaded: the built wizard in a pseudo-terminal, opened at
// the wave's step 5; Tab through its sections, then j/k in the step list. Each figure is the time from
// writing the key to the first bytes of the new frame.

import { PtyWizard, sleep } from './pty-wizard.js';
import { percentile } from './stats.js';

export interface KeyFigures {
  presses: number;
  lost: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export async function measureKeyToFrame(stateDir: string, rounds: number): Promise<KeyFigures> {
  const wizard = new PtyWizard(['--state-dir', stateDir]);
  const times: number[] = [];
  let lost = 0;
  const record = (t: number | undefined) => {
    if (t === undefined) lost++;
    else times.push(t);
  };
  try {
    await wizard.waitFor('╭');
    await wizard.settle(500); // the first screen's key handler attaches just after it is drawn
    for (let i = 0; i < rounds; i++) record(await wizard.press('\t'));
    await wizard.press('\x1b', 1000); // back to the step list (not timed: Esc waits for a possible sequence)
    await sleep(300);
    for (let i = 0; i < rounds; i++) record(await wizard.press(i % 2 === 0 ? 'j' : 'k'));
  } finally {
    await wizard.close();
  }
  return {
    presses: times.length + lost,
    lost,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: Math.max(...times),
  };
}
