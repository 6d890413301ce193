// How screens reach the Graph connection: its own context (the UI context stays as it is), and a hook
// that re-renders when the connection changes. The connection itself lives in src/wizard/connection.ts
// and is created by run-wizard; screens never open sockets themselves.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Connection, ConnectionSnapshot } from '../src/wizard/connection.js';

const OFFLINE: ConnectionSnapshot = { status: 'offline', demo: false };

/** Used where no connection was given (component tests of other screens): always offline. */
export const OFFLINE_CONNECTION: Connection = {
  get: () => OFFLINE,
  subscribe: () => () => {},
  availableKinds: () => [],
  canDemo: () => false,
  connect: async () => ({
    ok: false,
    message: 'Signing in is not available here.',
    cancelled: false,
  }),
  disconnect: () => {},
  settle: async () => {},
};

export const ConnectionContext = createContext<Connection>(OFFLINE_CONNECTION);

export interface UseConnection {
  connection: Connection;
  snapshot: ConnectionSnapshot;
}

export function useConnection(): UseConnection {
  const connection = useContext(ConnectionContext);
  const snapshot = useSyncExternalStore(connection.subscribe, connection.get, connection.get);
  return { connection, snapshot };
}

/** The snapshot as it applies to this migration: a session opened for another one counts as offline. */
export function connectionFor(
  snapshot: ConnectionSnapshot,
  migrationId: string | undefined,
): ConnectionSnapshot {
  if (snapshot.migrationId === undefined || snapshot.migrationId === migrationId) return snapshot;
  return OFFLINE;
}
