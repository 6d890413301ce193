// Step 4: the registry values the Configure-MultiFactorAuthMigrationUtility.ps1 script leaves
// (HKLM\SOFTWARE\WOW6432Node\Positive Networks\PhoneFactor StsUrl and GraphUrl) must point at the
// migration's cloud. Compared by host, since a trailing slash or path is harmless.
import type { Cloud } from './model.js';

export interface ExpectedEndpoints {
  stsHost: string;
  graphHost: string;
  /** what to tell the admin about the script for this cloud */
  scriptNote: string;
  covered: boolean;
}

export const UTILITY_ENDPOINTS: Record<Cloud, ExpectedEndpoints> = {
  global: {
    stsHost: 'login.microsoftonline.com',
    graphHost: 'graph.microsoft.com',
    scriptNote: 'Run the script as shipped (.com endpoints).',
    covered: true,
  },
  gcc: {
    stsHost: 'login.microsoftonline.com',
    graphHost: 'graph.microsoft.com',
    scriptNote: 'US Gov GCC uses the commercial (.com) endpoints: run the script as shipped.',
    covered: true,
  },
  gcchigh: {
    stsHost: 'login.microsoftonline.us',
    graphHost: 'graph.microsoft.us',
    scriptNote: 'Edit the script first: replace every ".com" endpoint with ".us".',
    covered: true,
  },
  dod: {
    stsHost: 'login.microsoftonline.us',
    graphHost: 'dod-graph.microsoft.us',
    scriptNote: 'Edit the script first: login.microsoftonline.us and dod-graph.microsoft.us.',
    covered: true,
  },
  china: {
    stsHost: 'login.chinacloudapi.cn',
    graphHost: 'microsoftgraph.chinacloudapi.cn',
    scriptNote:
      "Microsoft's guide does not cover the China cloud: confirm the endpoints with Microsoft support.",
    covered: false,
  },
};

export interface EndpointCheck {
  ok: boolean;
  /** one line per finding */
  findings: string[];
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url.includes('://') ? url : `https://${url}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function checkUtilityEndpoints(
  cloud: Cloud,
  stsUrl: string | null,
  graphUrl: string | null,
): EndpointCheck {
  const want = UTILITY_ENDPOINTS[cloud];
  const findings: string[] = [];
  for (const [name, value, host] of [
    ['StsUrl', stsUrl, want.stsHost],
    ['GraphUrl', graphUrl, want.graphHost],
  ] as const) {
    const got = hostOf(value);
    if (!value)
      findings.push(`${name} is not set: run Configure-MultiFactorAuthMigrationUtility.ps1 on the primary.`);
    else if (got !== host)
      findings.push(`${name} is ${value} but this migration's cloud expects ${host}. ${want.scriptNote}`);
  }
  if (!want.covered) findings.push(want.scriptNote);
  return { ok: findings.length === 0, findings };
}
