// `mfa-migrate emulator` as an admin runs it: the built CLI in a child process prints a URL and a demo
// token; that URL answers /v1.0/organization with that token (and 401 without); SIGTERM stops it
// cleanly with exit 0. Bad flags are usage errors (exit 2).
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, MAIN, runCli } from './run-cli.js';

let child: ChildProcess | undefined;
beforeAll(() => assertBuilt());
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function start(args: string[]): { out: () => string; exited: Promise<number | null> } {
  let out = '';
  const c = spawn(process.execPath, [MAIN, 'emulator', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = c;
  c.stdout?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  c.stderr?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => c.on('exit', (code) => resolve(code)));
  return { out: () => out, exited };
}

async function until<T>(get: () => T | undefined, what: string, context: () => string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${context()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('mfa-migrate emulator', () => {
  it('prints a URL that answers /v1.0/organization with the printed token, and stops on SIGTERM', async () => {
    const run = start(['--port', '0', '--users', '50', '--seed', '7']);
    const url = await until(
      () => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())?.[1],
      'the URL',
      run.out,
    );
    const token = await until(
      () => /^\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/m.exec(run.out())?.[1],
      'the token',
      run.out,
    );
    const ok = await fetch(`${url}/v1.0/organization`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { value: { id: string; displayName: string }[] };
    expect(body.value[0]?.displayName).toBe('Contoso (demo tenant)');
    expect(run.out()).toContain(body.value[0]?.id);
    const denied = await fetch(`${url}/v1.0/organization`);
    expect(denied.status).toBe(401);
    child?.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.out()).toContain('Demo tenant stopped.');
  });

  it('bad flags are usage errors with one line, exit 2', () => {
    const r = runCli(['emulator', '--users', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--users must be between 10 and 500000');
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    const f = runCli(['emulator', '--faults', 'nonsense=1']);
    expect(f.code).toBe(2);
  });
});
