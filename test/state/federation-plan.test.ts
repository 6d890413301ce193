import { describe, expect, it } from 'vitest';
import {
  type DomainFederationFacts,
  federationWriteGate,
  planFederationChange,
  planFederationRollback,
} from '../../state/federation-plan.js';

const domains: DomainFederationFacts[] = [
  { domain: 'contoso.com', federationId: 'f1', behavior: 'acceptIfMfaDoneByFederatedIdp' },
  { domain: 'fabrikam.com', federationId: 'f2', behavior: null },
  { domain: 'done.com', federationId: 'f3', behavior: 'rejectMfaByFederatedIdp' },
  { domain: 'cloud.onmicrosoft.com', federationId: null, behavior: null },
];
const gates = {
  caPoliciesRequiringMfa: 2,
  caGateOverridden: false,
  attestations: {} as Record<string, string>,
};

describe('planFederationChange', () => {
  it('changes a federated domain to reject and says the 24-hour window', () => {
    const p = planFederationChange(domains, ['Contoso.com'], gates);
    expect(p.changes).toEqual([
      {
        domain: 'contoso.com',
        federationId: 'f1',
        from: 'acceptIfMfaDoneByFederatedIdp',
        to: 'rejectMfaByFederatedIdp',
      },
    ]);
    expect(p.warnings.join()).toMatch(/24 hours/);
  });
  it('is idempotent for a domain already at reject', () => {
    const p = planFederationChange(domains, ['done.com'], gates);
    expect(p.changes).toEqual([]);
    expect(p.unchanged).toEqual(['done.com']);
  });
  it('needs an attestation for a never-set domain and warns the first write is one-way', () => {
    expect(planFederationChange(domains, ['fabrikam.com'], gates).refusals[0]?.message).toMatch(
      /SupportsMfa/,
    );
    const ok = planFederationChange(domains, ['fabrikam.com'], {
      ...gates,
      attestations: { 'fabrikam.com': 'AD FS claim rule on all RPs' },
    });
    expect(ok.changes).toHaveLength(1);
    expect(ok.warnings[0]).toMatch(/can never be undone/);
  });
  it('refuses unknown and managed domains, and the missing CA gate unless overridden', () => {
    const p = planFederationChange(domains, ['nope.com', 'cloud.onmicrosoft.com'], {
      ...gates,
      caPoliciesRequiringMfa: 0,
    });
    expect(p.refusals.map((r) => r.overridable)).toEqual([true, false, false]);
    expect(p.refusals[0]?.message).toMatch(/Conditional Access/);
    const o = planFederationChange(domains, ['contoso.com'], {
      ...gates,
      caPoliciesRequiringMfa: 0,
      caGateOverridden: true,
    });
    expect(o.refusals).toEqual([]);
  });
});

describe('planFederationRollback', () => {
  it('touches exactly the domains the wizard changed, and only if still as set', () => {
    const now: DomainFederationFacts[] = [
      { domain: 'contoso.com', federationId: 'f1', behavior: 'rejectMfaByFederatedIdp' },
      { domain: 'fabrikam.com', federationId: 'f2', behavior: 'acceptIfMfaDoneByFederatedIdp' },
      { domain: 'other.com', federationId: 'f9', behavior: 'rejectMfaByFederatedIdp' },
    ];
    const p = planFederationRollback(
      [
        { domain: 'contoso.com', to: 'rejectMfaByFederatedIdp' },
        { domain: 'fabrikam.com', to: 'rejectMfaByFederatedIdp' },
      ],
      now,
    );
    expect(p.changes).toEqual([
      {
        domain: 'contoso.com',
        federationId: 'f1',
        from: 'rejectMfaByFederatedIdp',
        to: 'enforceMfaByFederatedIdp',
      },
    ]);
    expect(p.warnings[0]).toMatch(/fabrikam.com is now acceptIfMfaDoneByFederatedIdp/);
  });
});

describe('federationWriteGate', () => {
  it('lets the tenant change happen only in a started step 10', () => {
    expect(federationWriteGate('in-progress')).toBeNull();
    expect(federationWriteGate('pending')).toMatch(/Start step 10 first/);
    expect(federationWriteGate('blocked')).toMatch(/Start step 10 first/);
    expect(federationWriteGate('done')).toMatch(/reopen it/);
  });
});
