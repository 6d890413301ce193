// What the tenant sections say when Graph is out of reach or a task fails. Kept apart from the
// services themselves so that screens can use it without loading the Graph layer at start-up.

/** Said wherever a Graph check cannot run; the manual fallback (tick + note, add evidence) stays. */
export const OFFLINE_MESSAGE = 'offline: sign in (g) or record the result by hand';

export class OfflineError extends Error {
  override readonly name = 'OfflineError';
  constructor() {
    super(OFFLINE_MESSAGE);
  }
}

/** A failure as one or two lines for the admin (never a stack trace). */
export function failureMessage(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n').slice(0, 2).join(' ');
  return String(e);
}
