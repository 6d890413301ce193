// The CLI must set FORCE_COLOR / NODE_ENV before ink is first loaded, so nothing it loads for parsing,
// `status` or `report` may pull in ink or React. A resolve hook records every import the process makes.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { rootWith, sampleMigration } from '../report/fixtures.js';
import { assertBuilt, MAIN, tempDir, writeState } from './run-cli.js';

function importsOf(args: string[]): { code: number | null; specifiers: string[] } {
  const dir = tempDir('mfa-hooks-');
  const hooks = path.join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    'export async function resolve(specifier, context, next) { process.stderr.write("IMPORT " + specifier + "\\n"); return next(specifier, context); }\n',
  );
  const register = path.join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, MAIN, ...args], {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const specifiers = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('IMPORT '))
    .map((l) => l.slice('IMPORT '.length));
  return { code: r.status, specifiers };
}

const heavy = (s: string): boolean => /^(ink|react)(\/|$)|\/wizard\/|\/screens\//.test(s);

beforeAll(() => {
  assertBuilt();
});

describe('light entry', () => {
  it('status and report load neither ink, React, the wizard nor the screens', () => {
    const dir = tempDir();
    writeState(dir, rootWith([sampleMigration()], 'contoso-prod-a1b2'));
    for (const args of [['status'], ['report', '--format', 'json'], ['--help']]) {
      const r = importsOf([...args, '--state-dir', dir]);
      expect(r.code).toBe(0);
      expect(r.specifiers.length).toBeGreaterThan(3); // the hook really saw the imports
      expect(r.specifiers.filter(heavy)).toEqual([]);
    }
  });

  it('the wizard without a terminal is refused before ink is loaded', () => {
    const r = importsOf(['--state-dir', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.specifiers.filter(heavy)).toEqual([]);
  });
});
