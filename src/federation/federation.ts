// Step 10 (and the federation part of rollback) against the tenant: read each federated domain's
// internalDomainFederation and its federatedIdpMfaBehavior, check that Conditional Access requires
// MFA, plan with state/federation-plan.ts, and write one domain at a time only after the admin typed
// that domain's name. Every write is read back; the result is what `record-federation-change` needs.
import type { ConditionalAccessPolicy, InternalDomainFederation } from '@microsoft/microsoft-graph-types';
import {
  type DomainFederationFacts,
  FEDERATED_IDP_MFA_BEHAVIORS,
  type FederatedIdpMfaBehavior,
  type FederationChange,
  type FederationGates,
  type FederationPlan,
  planFederationChange,
  planFederationRollback,
} from '../../state/federation-plan.js';
import type { Migration } from '../../state/model.js';
import type { GraphClient } from '../graph/client.js';
import { GraphError } from '../graph/errors.js';
import {
  getFederationConfiguration,
  listFederatedDomains,
  setFederatedIdpMfaBehavior,
} from '../graph/operations/domains.js';
import { listConditionalAccessPolicies, policiesRequiringMfa } from '../graph/operations/policies.js';

export interface FederatedDomain extends DomainFederationFacts {
  /** the configuration as Graph returned it (issuer, sign-in URIs, ...), null when none */
  configuration: InternalDomainFederation | null;
}

function toBehavior(v: unknown): FederatedIdpMfaBehavior | null {
  return (FEDERATED_IDP_MFA_BEHAVIORS as readonly unknown[]).includes(v)
    ? (v as FederatedIdpMfaBehavior)
    : null;
}

export async function listFederation(graph: GraphClient): Promise<FederatedDomain[]> {
  const out: FederatedDomain[] = [];
  for (const d of await listFederatedDomains(graph)) {
    if (!d.id) continue;
    const configuration = await getFederationConfiguration(graph, d.id);
    out.push({
      domain: d.id,
      federationId: configuration?.id ?? null,
      behavior: toBehavior(configuration?.federatedIdpMfaBehavior),
      configuration,
    });
  }
  return out;
}

export interface CaPolicyBrief {
  id: string;
  displayName: string;
  /** whom it covers, in words ("all users, 2 excluded"), or what could not be determined */
  covers: string;
}

export interface MfaPolicyCheck {
  /** enabled policies requiring MFA (or an authentication strength) */
  enabled: CaPolicyBrief[];
  /** report-only ones: they enforce nothing */
  reportOnly: CaPolicyBrief[];
}

/** Whom a policy's user conditions cover. Group and role members are not expanded (say so). */
export function describeCoverage(p: ConditionalAccessPolicy): string {
  const u = p.conditions?.users;
  if (!u) return 'could not be determined (no user conditions returned)';
  const n = (a: readonly unknown[] | null | undefined) => a?.length ?? 0;
  const excluded = n(u.excludeUsers) + n(u.excludeGroups) + n(u.excludeRoles);
  const except = excluded > 0 ? `, except ${excluded} user(s)/group(s)/role(s)` : '';
  if ((u.includeUsers ?? []).includes('All')) return `all users${except}`;
  const parts = [
    n(u.includeUsers) > 0 ? `${n(u.includeUsers)} user(s)` : '',
    n(u.includeGroups) > 0 ? `${n(u.includeGroups)} group(s), members not expanded` : '',
    n(u.includeRoles) > 0 ? `${n(u.includeRoles)} directory role(s)` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(', ')}${except}` : 'nobody (no users included)';
}

export async function conditionalAccessRequiringMfa(graph: GraphClient): Promise<MfaPolicyCheck> {
  const { enabled, reportOnly } = policiesRequiringMfa(await listConditionalAccessPolicies(graph));
  const brief = (p: ConditionalAccessPolicy): CaPolicyBrief => ({
    id: p.id ?? '',
    displayName: p.displayName ?? p.id ?? '',
    covers: describeCoverage(p),
  });
  return { enabled: enabled.map(brief), reportOnly: reportOnly.map(brief) };
}

export interface FederationPlanResult {
  plan: FederationPlan;
  domains: FederatedDomain[];
  conditionalAccess: MfaPolicyCheck;
}

/** Reads domains and Conditional Access, then plans `rejectMfaByFederatedIdp` for the chosen domains. */
export async function planFederation(
  graph: GraphClient,
  chosen: string[],
  gates: Omit<FederationGates, 'caPoliciesRequiringMfa'>,
): Promise<FederationPlanResult> {
  const domains = await listFederation(graph);
  const conditionalAccess = await conditionalAccessRequiringMfa(graph);
  const plan = planFederationChange(domains, chosen, {
    ...gates,
    caPoliciesRequiringMfa: conditionalAccess.enabled.length,
  });
  return { plan, domains, conditionalAccess };
}

/** Rollback: enforceMfaByFederatedIdp on exactly the domains the migration's record says were changed. */
export async function planFederationRollbackFromState(
  graph: GraphClient,
  migration: Pick<Migration, 'federationChanges'>,
): Promise<{ plan: FederationPlan; domains: FederatedDomain[] }> {
  const domains = await listFederation(graph);
  return { plan: planFederationRollback(migration.federationChanges, domains), domains };
}

/** What `record-federation-change` records. */
export interface AppliedFederationChange {
  domain: string;
  from: FederatedIdpMfaBehavior | null;
  to: FederatedIdpMfaBehavior;
  at: string;
}

export type FederationApplyResult =
  | { ok: true; change: AppliedFederationChange; readBack: FederatedIdpMfaBehavior | null }
  | { ok: false; message: string };

export const FEDERATION_PERMISSION_MESSAGE =
  'Graph refused to change the federation settings (403). The sign-in needs Domain-InternalFederation.ReadWrite.All and, for a delegated sign-in, also Directory.AccessAsUser.All (a known Graph requirement); grant both (admin consent) and sign in again.';

/**
 * Writes one planned change. Refused unless `typedConfirmation` is exactly the domain's name (the
 * admin read what this does to that domain). Reads the value back and reports a mismatch.
 */
export async function applyFederationChange(
  graph: GraphClient,
  change: FederationChange,
  typedConfirmation: string,
  opts: { now?: () => Date } = {},
): Promise<FederationApplyResult> {
  if (typedConfirmation !== change.domain) {
    return {
      ok: false,
      message: `Not changed: type the domain name exactly ("${change.domain}") to confirm the change on that domain.`,
    };
  }
  const now = opts.now ?? (() => new Date());
  try {
    await setFederatedIdpMfaBehavior(graph, change.domain, change.federationId, change.to);
  } catch (e) {
    if (e instanceof GraphError && e.kind === 'denied')
      return { ok: false, message: FEDERATION_PERMISSION_MESSAGE };
    throw e;
  }
  const at = now().toISOString();
  const after = await getFederationConfiguration(graph, change.domain);
  const readBack = toBehavior(after?.federatedIdpMfaBehavior);
  if (readBack !== change.to) {
    return {
      ok: false,
      message: `Graph accepted the change on ${change.domain}, but reading it back shows ${readBack ?? 'no value'} instead of ${change.to}. Check the domain in the portal before going on.`,
    };
  }
  return { ok: true, change: { domain: change.domain, from: change.from, to: change.to, at }, readBack };
}
