// Runs the built CLI (dist/, as installed) as a child process with pipes, so stdin and stdout are not a
// TTY, with a clean environment: no NO_COLOR, no MFA_MIGRATE_HOME, HOME in a temp dir.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RootState } from '../../state/model.js';

export const MAIN = path.resolve(import.meta.dirname, '../../dist/src/cli/main.js');

export function assertBuilt(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx tsc -p tsconfig.build.json)`);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'mfa-cli-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const home = tempDir('mfa-home-');
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'NO_COLOR' && k !== 'MFA_MIGRATE_HOME') base[k] = v;
  }
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...base, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function writeState(dir: string, root: RootState | string): string {
  const file = path.join(dir, 'state.json');
  writeFileSync(file, typeof root === 'string' ? root : JSON.stringify(root, null, 2), { mode: 0o600 });
  return file;
}
