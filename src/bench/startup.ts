// Start-up figures: a bare `node -e 0` (spawn to exit) and the wizard's cold start to its first frame
// in a pseudo-terminal, each the median of several runs.
import { spawn } from 'node:child_process';
import { PtyWizard } from './pty-wizard.js';
import { median } from './stats.js';

export interface StartupFigures {
  bareNodeMs: number;
  /** `node -e` printing one byte under the same pty: what the pty itself costs */
  ptyNodeMs: number;
  firstFrameMs: number;
  runs: number;
}

async function bareNodeOnce(): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve());
  });
  return performance.now() - t0;
}

async function ptyOnce(args: string[], marker: string, command?: string): Promise<number> {
  const wizard = new PtyWizard(args, command);
  try {
    return await wizard.waitFor(marker);
  } finally {
    await wizard.close();
  }
}

/** `stateDir` should hold a migration, so the first frame is the step the admin stopped at. */
export async function measureStartup(stateDir: string, runs: number): Promise<StartupFigures> {
  const bare: number[] = [];
  const pty: number[] = [];
  const frame: number[] = [];
  await bareNodeOnce(); // warm the file cache once, like a second start on a real machine
  await ptyOnce(['--state-dir', stateDir], '╭');
  for (let i = 0; i < runs; i++) {
    bare.push(await bareNodeOnce());
    pty.push(await ptyOnce([], 'ready', `'${process.execPath}' -e "process.stdout.write('ready')"`));
    frame.push(await ptyOnce(['--state-dir', stateDir], '╭'));
  }
  return { bareNodeMs: median(bare), ptyNodeMs: median(pty), firstFrameMs: median(frame), runs };
}
