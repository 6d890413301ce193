// Read-only policy checks: the authentication methods policy (is every method MFA Server used enabled
// in Entra?) and Conditional Access (does something require MFA before federation stops doing it?).
import type { AuthenticationMethodsPolicy, ConditionalAccessPolicy } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client.js';
import { all } from './paging.js';

export async function getAuthenticationMethodsPolicy(
  graph: GraphClient,
): Promise<AuthenticationMethodsPolicy> {
  return graph.run(
    'authMethodsPolicy.read',
    () => graph.api('/policies/authenticationMethodsPolicy').get() as Promise<AuthenticationMethodsPolicy>,
    { what: 'the authentication methods policy' },
  );
}

/** Method configuration ids ("Sms", "Voice", "MicrosoftAuthenticator", ...) that are enabled. */
export function enabledMethodIds(policy: AuthenticationMethodsPolicy): string[] {
  return (policy.authenticationMethodConfigurations ?? [])
    .filter((c) => c.state === 'enabled' && typeof c.id === 'string')
    .map((c) => c.id as string);
}

export async function listConditionalAccessPolicies(graph: GraphClient): Promise<ConditionalAccessPolicy[]> {
  return all<ConditionalAccessPolicy>(
    graph,
    'conditionalAccess.read',
    '/identity/conditionalAccess/policies',
  );
}

/** Enabled (or report-only, flagged) policies whose grant requires MFA or an authentication strength. */
export function policiesRequiringMfa(policies: readonly ConditionalAccessPolicy[]): {
  enabled: ConditionalAccessPolicy[];
  reportOnly: ConditionalAccessPolicy[];
} {
  const requiresMfa = (p: ConditionalAccessPolicy) =>
    (p.grantControls?.builtInControls ?? []).includes('mfa') ||
    Boolean(p.grantControls?.authenticationStrength);
  return {
    enabled: policies.filter((p) => p.state === 'enabled' && requiresMfa(p)),
    reportOnly: policies.filter((p) => p.state === 'enabledForReportingButNotEnforced' && requiresMfa(p)),
  };
}
