// Opening a Graph session for a migration: client with the tenant gate and the audit log, then the
// tenant check before anything else. Callers get either a ready client (plus the pin event to
// dispatch on first sign-in) or the refusal to show.
import type { TokenCredential } from '@azure/identity';
import type { Refusal } from '../../state/events.js';
import type { Migration } from '../../state/model.js';
import { openAuditLog } from '../audit/audit-log.js';
import { type CreateGraphClientOptions, createGraphClient, type GraphClient } from '../graph/client.js';
import { TenantGate } from '../graph/tenant-gate.js';
import { signIn } from './credentials.js';
import { type ActualTenant, type PinTenantEvent, verifyTenant } from './tenant-pin.js';
import { audienceProblem } from './token-audience.js';

export interface OpenSessionOptions extends Omit<CreateGraphClientOptions, 'tenantGate' | 'auditLog'> {
  credential: TokenCredential;
  migration: Pick<Migration, 'name' | 'tenantId' | 'tenant'>;
  /** <migration dir>/audit.jsonl */
  auditFile: string;
}

export type OpenSessionResult =
  | { ok: true; graph: GraphClient; tenant: ActualTenant; pinEvent?: PinTenantEvent }
  | { ok: false; refusal: Refusal };

export async function openGraphSession(opts: OpenSessionOptions): Promise<OpenSessionResult> {
  const { migration, auditFile, ...clientOpts } = opts;
  const gate = new TenantGate();
  const graph = createGraphClient({ ...clientOpts, tenantGate: gate, auditLog: openAuditLog(auditFile) });
  // the token itself, to compare its tid claim with /organization
  const token = await signIn(opts.credential, opts.scopes, opts.signal);
  const wrongCloud = token && opts.baseUrl === undefined ? audienceProblem(token, opts.cloud) : undefined;
  if (wrongCloud) return { ok: false, refusal: { code: 'invalid', message: wrongCloud, overridable: false } };
  const check = await verifyTenant(graph, migration, token);
  if (check.result === 'refused') return { ok: false, refusal: check.refusal };
  const tenant = check.actual ?? { tenantId: check.tenantId };
  return check.result === 'pin'
    ? { ok: true, graph, tenant, pinEvent: check.event }
    : { ok: true, graph, tenant };
}
