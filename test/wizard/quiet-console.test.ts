import { describe, expect, it } from 'vitest';
import { quietConsole } from '../../src/terminal/quiet-console.js';

function fakeConsole() {
  const out: string[] = [];
  const c = {
    log: (...a: unknown[]) => out.push(`log ${a.join(' ')}`),
    info: (...a: unknown[]) => out.push(`info ${a.join(' ')}`),
    warn: (...a: unknown[]) => out.push(`warn ${a.join(' ')}`),
    error: (...a: unknown[]) => out.push(`error ${a.join(' ')}`),
    debug: (...a: unknown[]) => out.push(`debug ${a.join(' ')}`),
  };
  return { c, out };
}

describe('quiet console', () => {
  it('holds everything back while the frame is up and summarises the first error in one line', () => {
    const { c, out } = fakeConsole();
    const q = quietConsole(c);
    c.log('hello');
    c.warn('careful');
    c.error(new Error('The above error occurred in <StepView>\n    at StepView (x.js:1:1)'));
    c.error('second');
    expect(out).toEqual([]);
    expect(q.restore()).toBe(
      'mfa-migrate: a screen reported an internal error (and 1 more): The above error occurred in <StepView>',
    );
    c.log('after');
    expect(out).toEqual(['log after']);
  });

  it('says nothing when nothing went wrong', () => {
    const { c } = fakeConsole();
    const q = quietConsole(c);
    c.log('fine');
    expect(q.restore()).toBeNull();
  });
});
