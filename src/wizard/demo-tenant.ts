// The built-in demo tenant for the wizard: the Graph emulator on 127.0.0.1 (a free port) with a seeded
// tenant, and a minted token that carries every demo scope. In-process, so it ends with the wizard.
import { startEmulator } from '../emulator/server.js';
import { generateTenant } from '../emulator/tenant-generator.js';
import { DEMO_SCOPES, mintToken, PRIVILEGED_AUTH_ADMIN_ROLE } from '../emulator/tokens.js';

export interface DemoTenant {
  /** http://127.0.0.1:PORT, the Graph base URL (the client adds /v1.0 or /beta) */
  url: string;
  /** in memory only; means nothing outside this emulator */
  token: string;
  tenantId: string;
  close(): Promise<void>;
}

export async function startDemoTenant(opts: { users?: number; seed?: number } = {}): Promise<DemoTenant> {
  const tenant = generateTenant({ users: opts.users ?? 2000, seed: opts.seed ?? 1 });
  const emu = await startEmulator({ port: 0, tenant });
  const token = mintToken({
    tid: tenant.tenantId,
    oid: tenant.adminUserId,
    upn: tenant.userAt(0)?.userPrincipalName ?? 'admin',
    scp: DEMO_SCOPES.join(' '),
    wids: [PRIVILEGED_AUTH_ADMIN_ROLE],
    expSeconds: 24 * 3600,
  });
  return { url: emu.url, token, tenantId: tenant.tenantId, close: () => emu.close() };
}
