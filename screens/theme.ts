// Semantic colour tokens and glyphs. Screens never name a colour or a box-drawing character directly:
// they ask the theme, so NO_COLOR / --no-color and --ascii are honoured everywhere. Status is always
// glyph + word, never colour alone.
import type { StepStatus } from '../state/model.js';

export interface Theme {
  /** ink colour names, or undefined when colours are off */
  color: {
    accent: string | undefined;
    muted: string | undefined;
    ok: string | undefined;
    warn: string | undefined;
    error: string | undefined;
    selected: string | undefined;
  };
  glyph: {
    pointer: string;
    checked: string;
    unchecked: string;
    status: Record<StepStatus, string>;
    warn: string;
    error: string;
    /** ink Box borderStyle name */
    border: 'round' | 'single' | 'classic';
  };
  colorsEnabled: boolean;
  ascii: boolean;
}

export function makeTheme(opts: { color: boolean; ascii: boolean }): Theme {
  const c = (name: string) => (opts.color ? name : undefined);
  return {
    color: {
      accent: c('cyan'),
      muted: c('gray'),
      ok: c('green'),
      warn: c('yellow'),
      error: c('red'),
      selected: c('cyan'),
    },
    glyph: opts.ascii
      ? {
          pointer: '>',
          checked: '[x]',
          unchecked: '[ ]',
          status: { pending: '( )', 'in-progress': '(~)', done: '(v)', skipped: '(-)', blocked: '(!)' },
          warn: '!',
          error: 'x',
          border: 'classic',
        }
      : {
          pointer: '›',
          checked: '☑',
          unchecked: '☐',
          status: { pending: '○', 'in-progress': '◐', done: '●', skipped: '⊘', blocked: '✖' },
          warn: '⚠',
          error: '✖',
          border: 'round',
        },
    colorsEnabled: opts.color,
    ascii: opts.ascii,
  };
}
