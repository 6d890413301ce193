// Step 10 and its rollback: which federated domains change federatedIdpMfaBehavior, decided from what
// Graph reads. Pure. A domain already at the target needs no write (idempotent); a null value means the
// legacy SupportsMfa flag governs, which Graph cannot read, so the admin attests how MFA was enforced;
// and once written the value can never go back to null.

import type { StepStatus } from './model.js';

export const FEDERATED_IDP_MFA_BEHAVIORS = [
  'acceptIfMfaDoneByFederatedIdp',
  'enforceMfaByFederatedIdp',
  'rejectMfaByFederatedIdp',
] as const;
export type FederatedIdpMfaBehavior = (typeof FEDERATED_IDP_MFA_BEHAVIORS)[number];

export interface DomainFederationFacts {
  domain: string;
  /** internalDomainFederation id: what the PATCH needs; null when the domain has none (managed) */
  federationId: string | null;
  behavior: FederatedIdpMfaBehavior | null;
}

export interface FederationChange {
  domain: string;
  federationId: string;
  from: FederatedIdpMfaBehavior | null;
  to: FederatedIdpMfaBehavior;
}

export interface FederationPlan {
  changes: FederationChange[];
  /** domains already at the target */
  unchanged: string[];
  refusals: { domain?: string; message: string; overridable: boolean }[];
  warnings: string[];
}

export interface FederationGates {
  /** Conditional Access policies that require MFA and are enabled */
  caPoliciesRequiringMfa: number;
  /** the admin overrode the missing-CA gate with a reason */
  caGateOverridden: boolean;
  /** admin's attestation per domain whose behavior is null (how MFA was enforced) */
  attestations: Record<string, string>;
}

export function planFederationChange(
  domains: DomainFederationFacts[],
  chosen: string[],
  gates: FederationGates,
): FederationPlan {
  const plan: FederationPlan = { changes: [], unchanged: [], refusals: [], warnings: [] };
  if (gates.caPoliciesRequiringMfa === 0 && !gates.caGateOverridden) {
    plan.refusals.push({
      overridable: true,
      message:
        'No enabled Conditional Access policy requires MFA: after this change MFA that AD FS enforced would silently stop. Create one first.',
    });
  }
  for (const name of chosen) {
    const d = domains.find((x) => x.domain.toLowerCase() === name.toLowerCase());
    if (!d) {
      plan.refusals.push({
        domain: name,
        overridable: false,
        message: `${name} is not a domain of this tenant.`,
      });
      continue;
    }
    if (!d.federationId) {
      plan.refusals.push({
        domain: d.domain,
        overridable: false,
        message: `${d.domain} is not federated: nothing to change.`,
      });
      continue;
    }
    if (d.behavior === 'rejectMfaByFederatedIdp') {
      plan.unchanged.push(d.domain);
      continue;
    }
    if (d.behavior === null) {
      if (!gates.attestations[d.domain]?.trim()) {
        plan.refusals.push({
          domain: d.domain,
          overridable: false,
          message: `${d.domain} has never had federatedIdpMfaBehavior set, so the legacy SupportsMfa flag governs and Graph cannot read it. Record how MFA was enforced first.`,
        });
        continue;
      }
      plan.warnings.push(
        `${d.domain}: this first write can never be undone back to the legacy SupportsMfa setting; rollback can only set enforceMfaByFederatedIdp.`,
      );
    }
    plan.changes.push({
      domain: d.domain,
      federationId: d.federationId,
      from: d.behavior,
      to: 'rejectMfaByFederatedIdp',
    });
  }
  if (plan.changes.length > 0) {
    plan.warnings.push(
      'The change takes up to 24 hours to reach every sign-in; decommissioning waits until then.',
    );
  }
  return plan;
}

/**
 * Rollback of the federation change: enforceMfaByFederatedIdp on exactly the domains the wizard
 * changed, and only where the value is still what the wizard set (someone may have changed it since).
 */
export function planFederationRollback(
  recorded: { domain: string; to: string }[],
  domains: DomainFederationFacts[],
): FederationPlan {
  const plan: FederationPlan = { changes: [], unchanged: [], refusals: [], warnings: [] };
  const changedByUs = new Map<string, string>();
  for (const r of recorded) changedByUs.set(r.domain.toLowerCase(), r.to); // the last change wins
  for (const [name, to] of changedByUs) {
    const d = domains.find((x) => x.domain.toLowerCase() === name);
    if (!d?.federationId) {
      plan.refusals.push({
        domain: name,
        overridable: false,
        message: `${name} is no longer federated; nothing to roll back.`,
      });
    } else if (d.behavior === 'enforceMfaByFederatedIdp') plan.unchanged.push(d.domain);
    else if (d.behavior !== to) {
      plan.warnings.push(
        `${d.domain} is now ${d.behavior ?? 'unset'}, not what the wizard set (${to}); left alone.`,
      );
    } else
      plan.changes.push({
        domain: d.domain,
        federationId: d.federationId,
        from: d.behavior,
        to: 'enforceMfaByFederatedIdp',
      });
  }
  return plan;
}

/**
 * The tenant-wide change is made only inside a started step 10: starting it is where design §2's
 * guards (every user migrated or excepted, every dependency migrated) refuse, or are overridden with
 * a recorded reason. Planning and applying outside that would step around them.
 */
export function federationWriteGate(step10: StepStatus): string | null {
  if (step10 === 'in-progress') return null;
  if (step10 === 'done') return 'Step 10 is done: reopen it (r) before changing federation again.';
  return 'Start step 10 first (i): every user migrated or excepted and every dependency migrated, or an override with a written reason.';
}
