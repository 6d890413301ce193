// A demo migration connects by itself: the demo tenant is started in-process on first use, signed in
// with a minted token, and pinned like any tenant — so the flow the admin tries is the real one.
import type { MigrationEvent, Refusal } from '../../state/events.js';
import type { Migration } from '../../state/model.js';
import type { Connection } from './connection.js';

/** Connects a demo migration and records the pin; returns a one-line problem, or null when connected. */
export async function connectDemo(
  connection: Connection,
  migration: Migration,
  dispatch: (event: MigrationEvent) => Refusal | null,
  signal: AbortSignal = new AbortController().signal,
): Promise<string | null> {
  if (!migration.demo) return 'Only a demo migration connects to the demo tenant.';
  const result = await connection.connect(
    'access-token',
    // the demo token carries every demo scope; the steps only decide what a real sign-in asks for
    { migration, steps: [migration.current.step], write: false },
    {},
    signal,
  );
  if (!result.ok) return result.cancelled ? null : result.message;
  if (result.pinEvent) {
    const refusal = dispatch(result.pinEvent);
    if (refusal) {
      connection.disconnect();
      return refusal.message;
    }
  }
  return null;
}
