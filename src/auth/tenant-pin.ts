// Tenant pinning: a migration belongs to one tenant, pinned at first sign-in from /organization. Every
// later session must sign in to that tenant; anything else is refused before any other Graph call
// (the client's tenant gate holds everything but GET /organization until this check opens it).
import type { Organization } from '@microsoft/microsoft-graph-types';
import type { MigrationEvent, Refusal } from '../../state/events.js';
import type { Migration } from '../../state/model.js';
import type { GraphClient } from '../graph/client.js';
import { isGuid } from '../graph/operations/groups.js';
import { getOrganization } from '../graph/operations/organization.js';
import { decodeJwtClaims } from './jwt.js';

export type PinTenantEvent = Extract<MigrationEvent, { type: 'pin-tenant' }>;

export type TenantCheck =
  | { result: 'ok'; tenantId: string }
  | { result: 'pin'; tenantId: string; event: PinTenantEvent }
  | { result: 'refused'; refusal: Refusal };

export interface ActualTenant {
  /** from /organization */
  tenantId: string;
  displayName?: string | null;
  verifiedDomains?: string[];
  /** the token's tid claim when the token is a JWT */
  tokenTenantId?: string;
}

function refuse(message: string): TenantCheck {
  return { result: 'refused', refusal: { code: 'invalid', message, overridable: false } };
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Pure decision. `actual` may be a bare tenant id. */
export function checkTenant(
  migration: Pick<Migration, 'name' | 'tenantId' | 'tenant'>,
  actual: string | ActualTenant,
): TenantCheck {
  const t: ActualTenant = typeof actual === 'string' ? { tenantId: actual } : actual;
  const shown = t.displayName ? `${t.displayName} (${t.tenantId})` : t.tenantId;
  if (t.tokenTenantId && !same(t.tokenTenantId, t.tenantId)) {
    return refuse(
      `The token is for tenant ${t.tokenTenantId} but Graph answered for ${shown}; refusing to continue. Sign in again.`,
    );
  }
  if (migration.tenantId) {
    if (same(migration.tenantId, t.tenantId)) return { result: 'ok', tenantId: t.tenantId };
    return refuse(
      `Migration "${migration.name}" belongs to tenant ${migration.tenantId}, but you signed in to ${shown}. Sign in to ${migration.tenantId}, or create a new migration for this tenant.`,
    );
  }
  // first sign-in: what the admin typed at creation must agree
  const typed = migration.tenant?.trim();
  if (typed) {
    const matches = isGuid(typed)
      ? same(typed, t.tenantId)
      : t.verifiedDomains === undefined || t.verifiedDomains.some((d) => same(d, typed));
    if (!matches) {
      return refuse(
        `Migration "${migration.name}" was created for tenant ${typed}, but you signed in to ${shown}. Sign in to ${typed}, or create a new migration.`,
      );
    }
  }
  return { result: 'pin', tenantId: t.tenantId, event: { type: 'pin-tenant', tenantId: t.tenantId } };
}

/** Reads /organization (and the token's tid when it is a JWT). */
export async function readTenant(graph: GraphClient, token?: string): Promise<ActualTenant> {
  const org: Organization & { id: string } = await getOrganization(graph);
  const tid = token ? decodeJwtClaims(token)?.tid : undefined;
  return {
    tenantId: org.id,
    displayName: org.displayName ?? null,
    verifiedDomains: (org.verifiedDomains ?? []).map((d) => d.name ?? '').filter((n) => n !== ''),
    ...(tid ? { tokenTenantId: tid } : {}),
  };
}

/**
 * The first thing a session does: read the tenant, decide, and open the client's gate only when the
 * tenant is the migration's (or is being pinned now).
 */
export async function verifyTenant(
  graph: GraphClient,
  migration: Pick<Migration, 'name' | 'tenantId' | 'tenant'>,
  token?: string,
): Promise<TenantCheck & { actual?: ActualTenant }> {
  const actual = await readTenant(graph, token);
  const check = checkTenant(migration, actual);
  if (check.result !== 'refused') graph.tenantGate?.open(check.tenantId);
  return { ...check, actual };
}
