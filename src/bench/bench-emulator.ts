// Parent side of emulator-child.ts: start it, talk to its control routes (request log, faults,
// "the Migration Utility ran"), and a real Graph client signed in with an emulator token.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { AccessToken, TokenCredential } from '@azure/identity';
import type { RequestLogEntry } from '../emulator/core.js';
import type { FaultOptions } from '../emulator/faults.js';
import { DEMO_SCOPES, mintToken, PRIVILEGED_AUTH_ADMIN_ROLE } from '../emulator/tokens.js';
import { createGraphClient, type GraphClient } from '../graph/client.js';
import type { BenchEmulatorInfo } from './emulator-child.js';

export interface BenchEmulator extends BenchEmulatorInfo {
  graph: GraphClient;
  requestLog(): Promise<RequestLogEntry[]>;
  setFaults(f: FaultOptions): Promise<void>;
  migrateGroup(groupId: string): Promise<number>;
  close(): Promise<void>;
}

/** hands out one emulator token; a TokenCredential object, not a stand-in for @azure/identity */
class EmulatorCredential implements TokenCredential {
  constructor(private readonly token: string) {}
  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: Date.now() + 3600_000 };
  }
}

export async function startBenchEmulator(users: number): Promise<BenchEmulator> {
  const child: ChildProcess = spawn(
    process.execPath,
    [new URL('./emulator-child.js', import.meta.url).pathname, String(users)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const info = await new Promise<BenchEmulatorInfo>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The benchmark emulator exited (${code}).`)));
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(JSON.parse(line) as BenchEmulatorInfo));
  });
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${info.url}/_emulator${path}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
        : {}),
    });
    if (!res.ok) throw new Error(`emulator control ${path}: HTTP ${res.status}`);
    return res.json();
  };
  const token = mintToken({
    tid: info.tenantId,
    oid: info.adminUserId,
    scp: DEMO_SCOPES.join(' '),
    wids: [PRIVILEGED_AUTH_ADMIN_ROLE],
    expSeconds: 3600,
  });
  const graph = createGraphClient({
    credential: new EmulatorCredential(token),
    cloud: 'global',
    baseUrl: info.url,
    scopes: ['https://graph.microsoft.com/.default'],
    signInKind: 'delegated',
  });
  return {
    ...info,
    graph,
    requestLog: async () => ((await control('GET', '/requests')) as { value: RequestLogEntry[] }).value,
    setFaults: async (f) => {
      await control('POST', '/faults', f);
    },
    migrateGroup: async (groupId) =>
      ((await control('POST', '/migrate', { groupId })) as { migrated: number }).migrated,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
