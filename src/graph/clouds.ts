// Where each national cloud's Graph and sign-in live. A token is asked for the Graph resource of the
// migration's cloud only, and sent only to that cloud's Graph host (or the configured override), so a
// token never crosses clouds.
// The values of @azure/identity's AzureAuthorityHosts, written out so that reading a cloud's endpoints
// does not load the identity library (it is most of the wizard's start-up time).
const AzureAuthorityHosts = {
  AzurePublicCloud: 'https://login.microsoftonline.com',
  AzureGovernment: 'https://login.microsoftonline.us',
  AzureChina: 'https://login.chinacloudapi.cn',
} as const;

import type { Cloud } from '../../state/model.js';

export interface CloudEndpoints {
  /** Graph origin without the version segment */
  graphBaseUrl: string;
  /** Microsoft Entra sign-in host for @azure/identity's `authorityHost` */
  authorityHost: string;
  /** resource prefix of delegated scopes, e.g. "https://graph.microsoft.us/" */
  scopePrefix: string;
  /** whether staged rollout (featureRolloutPolicies) exists in this cloud (design §8: not in China) */
  stagedRollout: boolean;
  label: string;
}

export const CLOUD_ENDPOINTS: Readonly<Record<Cloud, CloudEndpoints>> = {
  global: {
    graphBaseUrl: 'https://graph.microsoft.com',
    authorityHost: AzureAuthorityHosts.AzurePublicCloud,
    scopePrefix: 'https://graph.microsoft.com/',
    stagedRollout: true,
    label: 'Global',
  },
  // GCC (moderate) shares the commercial endpoints; only GCC High and DoD use the .us clouds.
  gcc: {
    graphBaseUrl: 'https://graph.microsoft.com',
    authorityHost: AzureAuthorityHosts.AzurePublicCloud,
    scopePrefix: 'https://graph.microsoft.com/',
    stagedRollout: true,
    label: 'US Government GCC',
  },
  gcchigh: {
    graphBaseUrl: 'https://graph.microsoft.us',
    authorityHost: AzureAuthorityHosts.AzureGovernment,
    scopePrefix: 'https://graph.microsoft.us/',
    stagedRollout: true,
    label: 'US Government GCC High',
  },
  dod: {
    graphBaseUrl: 'https://dod-graph.microsoft.us',
    authorityHost: AzureAuthorityHosts.AzureGovernment,
    scopePrefix: 'https://dod-graph.microsoft.us/',
    stagedRollout: true,
    label: 'US Government DoD',
  },
  china: {
    graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn',
    authorityHost: AzureAuthorityHosts.AzureChina,
    scopePrefix: 'https://microsoftgraph.chinacloudapi.cn/',
    stagedRollout: false,
    label: 'China (21Vianet)',
  },
};

export function cloudEndpoints(cloud: Cloud): CloudEndpoints {
  return CLOUD_ENDPOINTS[cloud];
}

/** Fully qualified scopes for a cloud: "GroupMember.Read.All" -> "https://graph.microsoft.us/GroupMember.Read.All". */
export function qualifyScopes(cloud: Cloud, permissions: readonly string[]): string[] {
  const prefix = CLOUD_ENDPOINTS[cloud].scopePrefix;
  return permissions.map((p) => (p.startsWith('https://') ? p : `${prefix}${p}`));
}

/** App-only sign-in asks for everything the app registration was granted. */
export function defaultScope(cloud: Cloud): string {
  return `${CLOUD_ENDPOINTS[cloud].scopePrefix}.default`;
}
