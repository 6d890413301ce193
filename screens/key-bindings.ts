// Every key the shell and the common screens answer to, as data: the help overlay renders from this
// list, so what it says and what the keys do cannot drift apart silently.

export type KeyContext = 'global' | 'navigator' | 'picker' | 'step' | 'text';

export interface KeyBinding {
  /** stable name, used by code that wants to look a binding up */
  name: string;
  /** how the keys are written in hints and help, e.g. "j / down" */
  keys: string;
  description: string;
  context: KeyContext;
}

export const KEY_CONTEXT_TITLES: Record<KeyContext, string> = {
  global: 'Everywhere (except while typing)',
  navigator: 'Step list',
  picker: 'Migrations list',
  step: 'Inside a step',
  text: 'While typing',
};

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { name: 'help', keys: '?', description: 'show or hide this help', context: 'global' },
  { name: 'quit', keys: 'q', description: 'quit (everything is already saved)', context: 'global' },
  { name: 'force-quit', keys: 'Ctrl+C', description: 'quit, also while typing', context: 'global' },
  { name: 'back', keys: 'Esc', description: 'back to the step list / close help', context: 'global' },
  {
    name: 'connect',
    keys: 'e',
    description: 'sign in to the tenant (lists the permissions first)',
    context: 'global',
  },
  { name: 'move', keys: 'up/down, j/k', description: 'move the selection', context: 'navigator' },
  { name: 'page', keys: 'PgUp/PgDn', description: 'move a page', context: 'navigator' },
  { name: 'ends', keys: 'Home/End, g/G', description: 'first / last row', context: 'navigator' },
  { name: 'open', keys: 'Enter', description: 'open the selected step or wave', context: 'navigator' },
  { name: 'switch', keys: 'm', description: 'switch to another migration', context: 'navigator' },
  { name: 'resume', keys: 'c', description: 'continue at the step where you stopped', context: 'navigator' },
  { name: 'select', keys: 'Enter', description: 'open the selected migration', context: 'picker' },
  { name: 'new', keys: 'n', description: 'create a new migration', context: 'picker' },
  {
    name: 'section',
    keys: 'Tab/Shift+Tab',
    description: 'next / previous section of the step',
    context: 'step',
  },
  { name: 'start', keys: 'i', description: 'mark the step in progress', context: 'step' },
  { name: 'done', keys: 'd', description: 'mark the step done', context: 'step' },
  { name: 'skip', keys: 's', description: 'skip the step (asks for a reason)', context: 'step' },
  { name: 'block', keys: 'b', description: 'mark the step blocked (asks for a reason)', context: 'step' },
  { name: 'reopen', keys: 'r', description: 'reopen a done step (the history stays)', context: 'step' },
  { name: 'override', keys: 'o', description: 'override a guard, with a written reason', context: 'step' },
  { name: 'sign-in', keys: 'g', description: 'sign in for what this step checks in Graph', context: 'step' },
  { name: 'tick', keys: 'space', description: 'tick a checklist item', context: 'step' },
  { name: 'add', keys: 'a', description: 'add (evidence, a row, a wave, a test user)', context: 'step' },
  { name: 'remove', keys: 'x', description: 'remove the selected item (asks first)', context: 'step' },
  {
    name: 'step-keys',
    keys: 'bottom line',
    description: 'each section lists the keys that work there',
    context: 'step',
  },
  { name: 'submit', keys: 'Enter', description: 'accept what you typed', context: 'text' },
  { name: 'cancel', keys: 'Esc', description: 'cancel typing', context: 'text' },
  { name: 'erase', keys: 'Backspace', description: 'delete the last character', context: 'text' },
];

export function bindingsFor(context: KeyContext): KeyBinding[] {
  return KEY_BINDINGS.filter((b) => b.context === context);
}
