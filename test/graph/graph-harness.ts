// Test harness: the real Graph client over HTTP against the emulator, signed in with a fake
// TokenCredential that hands out emulator tokens (never a mock of the client or of @azure/identity).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { openAuditLog } from '../../src/audit/audit-log.js';
import { type FaultOptions, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import type { GeneratedTenant } from '../../src/emulator/tenant-types.js';
import { mintToken } from '../../src/emulator/tokens.js';
import {
  type CreateGraphClientOptions,
  createGraphClient,
  type GraphClient,
} from '../../src/graph/client.js';
import { OPERATIONS } from '../../src/graph/permissions.js';

/** Every delegated permission the wizard may ask for. */
export const ALL_DELEGATED = [...new Set(Object.values(OPERATIONS).flatMap((o) => [...o.delegated]))].join(
  ' ',
);

export class FakeCredential implements TokenCredential {
  calls = 0;
  constructor(public token: string) {}
  async getToken(): Promise<AccessToken> {
    this.calls++;
    return { token: this.token, expiresOnTimestamp: Date.now() + 3600_000 };
  }
}

export interface Harness {
  emu: RunningEmulator;
  graph: GraphClient;
  credential: FakeCredential;
  auditFile: string;
  /** waits the retry handler asked for (ms); nothing really sleeps */
  sleeps: number[];
  close(): Promise<void>;
}

export async function startHarness(
  opts: {
    tenant?: GeneratedTenant;
    faults?: FaultOptions;
    scp?: string;
    expSeconds?: number;
    client?: Partial<CreateGraphClientOptions>;
  } = {},
): Promise<Harness> {
  const tenant = opts.tenant ?? generateTenant({ users: 200, seed: 1, nestedGroups: true });
  const emu = await startEmulator({ tenant, ...(opts.faults ? { faults: opts.faults } : {}) });
  const token = mintToken({
    tid: tenant.tenantId,
    scp: opts.scp ?? ALL_DELEGATED,
    oid: tenant.adminUserId,
    ...(opts.expSeconds !== undefined ? { expSeconds: opts.expSeconds } : {}),
  });
  const credential = new FakeCredential(token);
  const dir = await mkdtemp(join(tmpdir(), 'graph-test-'));
  const auditFile = join(dir, 'audit.jsonl');
  const sleeps: number[] = [];
  const graph = createGraphClient({
    credential,
    cloud: 'global',
    baseUrl: emu.url,
    scopes: ['https://graph.microsoft.com/.default'],
    auditLog: openAuditLog(auditFile, { actor: 'tester@test' }),
    signInKind: 'delegated',
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    ...opts.client,
  });
  return { emu, graph, credential, auditFile, sleeps, close: () => emu.close() };
}
