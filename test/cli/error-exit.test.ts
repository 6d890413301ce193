import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { exitForError } from '../../src/cli/error-exit.js';
import { RuntimeError, UsageError } from '../../src/cli/exit-codes.js';
import { StoreError } from '../../state/store-errors.js';

function run(error: unknown, debug = false): { code: number; err: string } {
  let err = '';
  const code = exitForError(error, debug, (t) => {
    err += t;
  });
  return { code, err };
}

describe('exitForError', () => {
  it('usage errors exit 2 with their message', () => {
    expect(run(new UsageError('Unknown phase "x".'))).toEqual({ code: 2, err: 'Unknown phase "x".\n' });
  });

  it('commander errors exit 2 (already printed), help and version exit 0', () => {
    expect(run(new CommanderError(1, 'commander.unknownOption', 'x'))).toEqual({ code: 2, err: '' });
    expect(run(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({
      code: 0,
      err: '',
    });
  });

  it('store and runtime errors exit 1 with their message only', () => {
    const store = new StoreError(
      'corrupt',
      '/x/state.json',
      'The state file /x/state.json is not valid JSON.',
    );
    expect(run(store)).toEqual({ code: 1, err: 'The state file /x/state.json is not valid JSON.\n' });
    expect(run(new RuntimeError('Cannot write /a/b.md.'))).toEqual({
      code: 1,
      err: 'Cannot write /a/b.md.\n',
    });
  });

  it('an unexpected error is one line and a pointer to --debug; --debug adds the stack', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')\nmore");
    const plain = run(bug);
    expect(plain.code).toBe(1);
    expect(plain.err).toBe(
      "mfa-migrate failed unexpectedly: Cannot read properties of undefined (reading 'x')\nRun with --debug for details.\n",
    );
    const debug = run(bug, true);
    expect(debug.err).toContain('TypeError');
    expect(debug.err).toMatch(/\n\s+at /);
  });
});
