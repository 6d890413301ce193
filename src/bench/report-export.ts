// Report export with the 50,000-user wave: `mfa-migrate report --format md|json --out FILE` as a user
// runs it (wall time includes the node start).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLI } from './pty-wizard.js';
import { median } from './stats.js';

const run = promisify(execFile);

export async function measureReportExport(
  stateDir: string,
  format: 'md' | 'json',
  runs: number,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run(process.execPath, [
      CLI,
      'report',
      '--state-dir',
      stateDir,
      '--format',
      format,
      '--out',
      path.join(stateDir, `report.${format}`),
    ]);
    times.push(performance.now() - t0);
  }
  return median(times);
}
