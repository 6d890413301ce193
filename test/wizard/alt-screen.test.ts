import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  ENTER_ALT_SCREEN,
  enterAltScreen,
  LEAVE_ALT_SCREEN,
  type ProcessLike,
} from '../../src/terminal/alt-screen.js';

class FakeProcess extends EventEmitter implements ProcessLike {
  exits: number[] = [];
  exit(code?: number): void {
    this.exits.push(code ?? 0);
  }
}

function setup() {
  const out: string[] = [];
  const err: string[] = [];
  const proc = new FakeProcess();
  const screen = enterAltScreen({
    out: { write: (t: string) => out.push(t) },
    err: { write: (t: string) => err.push(t) },
    proc,
  });
  return { out, err, proc, screen };
}

describe('alternate screen', () => {
  it('enters (alternate buffer, cursor hidden) and leaves once however often it is asked', () => {
    const { out, proc, screen } = setup();
    expect(out).toEqual([ENTER_ALT_SCREEN]);
    expect(ENTER_ALT_SCREEN).toContain('\u001B[?1049h');
    expect(ENTER_ALT_SCREEN).toContain('\u001B[?25l');
    screen.leave();
    screen.leave();
    proc.emit('exit', 0);
    expect(out).toEqual([ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN]);
    expect(LEAVE_ALT_SCREEN).toContain('\u001B[?1049l');
    expect(LEAVE_ALT_SCREEN).toContain('\u001B[?25h');
    expect(screen.active).toBe(false);
    // every listener it added is gone again
    for (const event of ['exit', 'SIGTERM', 'SIGHUP', 'SIGINT', 'uncaughtException', 'unhandledRejection']) {
      expect(proc.listenerCount(event)).toBe(0);
    }
  });

  it('entering twice while active does not enter twice', () => {
    const { out, proc, screen } = setup();
    const again = enterAltScreen({ out: { write: (t: string) => out.push(t) }, proc });
    expect(again).toBe(screen);
    expect(out).toEqual([ENTER_ALT_SCREEN]);
    screen.leave();
  });

  it('leaves on a normal process exit', () => {
    const { out, proc } = setup();
    proc.emit('exit', 0);
    expect(out.at(-1)).toBe(LEAVE_ALT_SCREEN);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ])('leaves on %s and exits with %i', (signal, code) => {
    const { out, proc } = setup();
    proc.emit(signal);
    expect(out.at(-1)).toBe(LEAVE_ALT_SCREEN);
    expect(proc.exits).toEqual([code]);
  });

  it('survives a terminal that is gone (SIGHUP: writes fail)', () => {
    const proc = new FakeProcess();
    let broken = false;
    enterAltScreen({
      out: {
        write: () => {
          if (broken) throw Object.assign(new Error('write EIO'), { code: 'EIO' });
          return true;
        },
      },
      proc,
    });
    broken = true;
    expect(() => proc.emit('SIGHUP')).not.toThrow();
    expect(proc.exits).toEqual([129]);
  });

  it('on a crash leaves first, then prints one line, and exits 1', () => {
    const { out, err, proc } = setup();
    proc.emit('uncaughtException', new Error('boom\n    at somewhere (file.js:1:1)'));
    expect(out.at(-1)).toBe(LEAVE_ALT_SCREEN);
    expect(err).toEqual(['mfa-migrate stopped unexpectedly: boom\n']);
    expect(proc.exits).toEqual([1]);
  });

  it('on an unhandled rejection too', () => {
    const { out, err, proc } = setup();
    proc.emit('unhandledRejection', 'nope');
    expect(out.at(-1)).toBe(LEAVE_ALT_SCREEN);
    expect(err.join('')).toContain('nope');
    expect(proc.exits).toEqual([1]);
  });
});
