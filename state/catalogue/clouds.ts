// Sign-in and Graph hosts per cloud (design §8). Tokens never cross clouds, so every Graph call and
// every `@odata.id` in a `$ref` body uses the host of the migration's own cloud.
import type { Cloud } from '../model.js';

export interface CloudEndpoints {
  /** Entra sign-in host (authority), without scheme */
  login: string;
  /** Microsoft Graph host, without scheme */
  graph: string;
  /** whether staged rollout (featureRolloutPolicies) exists in this cloud */
  stagedRollout: boolean;
  /** what to do with Configure-MultiFactorAuthMigrationUtility.ps1 in this cloud, one or two lines */
  utilityNote: string;
}

export const CLOUD_ENDPOINTS: Record<Cloud, CloudEndpoints> = {
  global: {
    login: 'login.microsoftonline.com',
    graph: 'graph.microsoft.com',
    stagedRollout: true,
    utilityNote: 'Run the configuration script as shipped: it already targets the .com hosts.',
  },
  gcc: {
    login: 'login.microsoftonline.com',
    graph: 'graph.microsoft.com',
    stagedRollout: true,
    utilityNote:
      'GCC uses the commercial .com hosts: run the script unchanged, despite the guide’s ' +
      'government-cloud note (that is for GCC High and DoD).',
  },
  gcchigh: {
    login: 'login.microsoftonline.us',
    graph: 'graph.microsoft.us',
    stagedRollout: true,
    utilityNote:
      'Change the .com hosts in the script to .us before running it; StsUrl and GraphUrl must then ' +
      'point at login.microsoftonline.us and graph.microsoft.us.',
  },
  dod: {
    login: 'login.microsoftonline.us',
    graph: 'dod-graph.microsoft.us',
    stagedRollout: true,
    utilityNote:
      'Change the .com hosts in the script to .us, then check GraphUrl names the DoD Graph host ' +
      '(dod-graph.microsoft.us), not graph.microsoft.us.',
  },
  china: {
    login: 'login.chinacloudapi.cn',
    graph: 'microsoftgraph.chinacloudapi.cn',
    stagedRollout: false,
    utilityNote:
      'The guide gives no China hosts: point StsUrl and GraphUrl at login.chinacloudapi.cn and ' +
      'microsoftgraph.chinacloudapi.cn. Staged rollout does not exist in this cloud.',
  },
};
