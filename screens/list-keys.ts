// The keys every list answers to: arrows and j/k move one row, PgUp/PgDn a page, Home/End the ends.
import type { Key } from 'ink';

/** The new selected index for a move key, or null when the key is not a move. */
export function listMove(input: string, key: Key, current: number, count: number, page = 5): number | null {
  if (count <= 0) return null;
  const at = Math.max(0, Math.min(current, count - 1));
  let next: number;
  if (key.downArrow || input === 'j') next = at + 1;
  else if (key.upArrow || input === 'k') next = at - 1;
  else if (key.pageDown) next = at + page;
  else if (key.pageUp) next = at - page;
  else if (key.home) next = 0;
  else if (key.end) next = count - 1;
  else return null;
  return Math.max(0, Math.min(count - 1, next));
}

/** Clamp a remembered index to a list that may have shrunk. */
export function clampIndex(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}
