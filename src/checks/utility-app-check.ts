// Step 4's Graph check: the "MFA Server Migration Utility" app registration and its service principal
// exist, every permission it requires has admin consent, and its certificates (one per server that
// runs the utility) are not about to expire. With a probe, the StsUrl / GraphUrl registry values are
// compared with the migration's cloud too. The consent comparison itself is the Graph layer's.
import type { Application } from '@microsoft/microsoft-graph-types';
import { CLOUD_ENDPOINTS } from '../../state/catalogue/clouds.js';
import type { Cloud, Evidence } from '../../state/model.js';
import { checkUtilityEndpoints, type EndpointCheck } from '../../state/utility-endpoints.js';
import type { GraphClient } from '../graph/client.js';
import {
  type ConsentGap,
  type ConsentReport,
  checkAppConsent,
  findApplicationsByName,
  MIGRATION_UTILITY_APP_NAME,
} from '../graph/operations/applications.js';

const DAY_MS = 24 * 3600 * 1000;
/** warn this many days before a certificate expires */
export const CERTIFICATE_WARNING_DAYS = 30;

export interface PermissionStatus {
  /** "User.ReadWrite.All" when the resource publishes it, else the permission id */
  name: string;
  resource: string;
  /** application (app role) or delegated (scope) */
  type: 'application' | 'delegated';
  granted: boolean;
}

export interface CertificateStatus {
  displayName: string;
  endDateTime: string | null;
  /** whole days left, negative when expired; null when the end date is unknown */
  daysLeft: number | null;
  status: 'ok' | 'expiring' | 'expired' | 'unknown';
}

export interface UtilityEndpointStatus extends EndpointCheck {
  server: string;
  stsUrl: string | null;
  graphUrl: string | null;
}

export interface UtilityAppCheck {
  ok: boolean;
  appFound: boolean;
  appId: string | null;
  appObjectId: string | null;
  servicePrincipalFound: boolean;
  permissions: PermissionStatus[];
  /** one line each: "consent missing: X (application permission on Microsoft Graph)" */
  consentMissing: string[];
  /** where a Global Administrator grants admin consent for this app in this cloud; null without app */
  consentUrl: string | null;
  certificates: CertificateStatus[];
  /** one per probe given */
  endpoints: UtilityEndpointStatus[];
  /** everything to tell the admin, one line each, worst first */
  findings: string[];
}

/** The registry values a probe read on one server (ProbeResult.registry + server name). */
export interface UtilityProbeValues {
  server: string;
  stsUrl: string | null;
  graphUrl: string | null;
}

export interface UtilityAppCheckOptions {
  cloud: Cloud;
  /** the tenant id (pinned) or domain for the consent URL; "organizations" when unknown */
  tenant?: string;
  /** servers that run the utility (inventory or probes): each should have a certificate */
  utilityServers?: string[];
  probes?: UtilityProbeValues[];
  now?: Date;
}

export function adminConsentUrl(cloud: Cloud, tenant: string | undefined, appId: string): string {
  const t = tenant && tenant.trim() !== '' ? tenant.trim() : 'organizations';
  return `https://${CLOUD_ENDPOINTS[cloud].login}/${encodeURIComponent(t)}/adminconsent?client_id=${encodeURIComponent(appId)}`;
}

function gapName(g: ConsentGap): string {
  return g.value ?? g.permissionId;
}

export function certificateStatuses(app: Application, now: Date): CertificateStatus[] {
  return (app.keyCredentials ?? []).map((k) => {
    const end = k.endDateTime ? Date.parse(k.endDateTime) : Number.NaN;
    const daysLeft = Number.isNaN(end) ? null : Math.floor((end - now.getTime()) / DAY_MS);
    const status =
      daysLeft === null
        ? 'unknown'
        : end <= now.getTime()
          ? 'expired'
          : daysLeft < CERTIFICATE_WARNING_DAYS
            ? 'expiring'
            : 'ok';
    return {
      displayName: k.displayName ?? k.keyId ?? 'certificate',
      endDateTime: k.endDateTime ?? null,
      daysLeft,
      status,
    };
  });
}

/** Pure: turns the Graph layer's consent report (or "no app") into what the screen shows. */
export function evaluateUtilityApp(
  found: { apps: Application[]; report: ConsentReport | null },
  options: UtilityAppCheckOptions,
): UtilityAppCheck {
  const now = options.now ?? new Date();
  const findings: string[] = [];
  const endpoints: UtilityEndpointStatus[] = (options.probes ?? []).map((p) => ({
    server: p.server,
    stsUrl: p.stsUrl,
    graphUrl: p.graphUrl,
    ...checkUtilityEndpoints(options.cloud, p.stsUrl, p.graphUrl),
  }));
  const endpointFindings = endpoints.flatMap((e) => e.findings.map((f) => `${e.server}: ${f}`));

  const report = found.report;
  if (!report) {
    findings.push(
      `No application named "${MIGRATION_UTILITY_APP_NAME}" in this tenant: run Configure-MultiFactorAuthMigrationUtility.ps1 on the primary MFA Server, then check again.`,
      ...endpointFindings,
    );
    return {
      ok: false,
      appFound: false,
      appId: null,
      appObjectId: null,
      servicePrincipalFound: false,
      permissions: [],
      consentMissing: [],
      consentUrl: null,
      certificates: [],
      endpoints,
      findings,
    };
  }
  const app = report.app;
  const appId = app.appId ?? null;
  const consentUrl = appId ? adminConsentUrl(options.cloud, options.tenant, appId) : null;
  if (found.apps.length > 1) {
    findings.push(
      `${found.apps.length} applications are named "${MIGRATION_UTILITY_APP_NAME}"; checked ${appId ?? app.id}. Delete the ones the utility does not use.`,
    );
  }
  const servicePrincipalFound = report.servicePrincipal !== undefined;
  if (!servicePrincipalFound) {
    findings.push(
      `The application has no service principal (enterprise application): grant admin consent${consentUrl ? ` at ${consentUrl}` : ''}, which creates it.`,
    );
  }

  const missingKeys = new Set(report.missing.map((g) => `${g.resourceAppId}|${g.permissionId}`));
  const permissions: PermissionStatus[] = [];
  for (const rra of app.requiredResourceAccess ?? []) {
    for (const access of rra.resourceAccess ?? []) {
      const gap = report.missing.find(
        (g) => g.resourceAppId === (rra.resourceAppId ?? '') && g.permissionId === (access.id ?? ''),
      );
      permissions.push({
        name: gap ? gapName(gap) : (access.id ?? ''),
        resource: gap?.resourceName ?? rra.resourceAppId ?? '',
        type: access.type === 'Role' ? 'application' : 'delegated',
        granted: !missingKeys.has(`${rra.resourceAppId ?? ''}|${access.id ?? ''}`),
      });
    }
  }
  const consentMissing = report.missing.map(
    (g) =>
      `consent missing: ${gapName(g)} (${g.type === 'Role' ? 'application' : 'delegated'} permission on ${g.resourceName ?? g.resourceAppId})`,
  );
  if (consentMissing.length > 0) {
    findings.push(...consentMissing);
    if (consentUrl) findings.push(`A Global Administrator grants it at ${consentUrl}`);
  }
  if ((app.requiredResourceAccess ?? []).length === 0) {
    findings.push('The application requires no permissions at all: the script did not finish. Run it again.');
  }

  const certificates = certificateStatuses(app, now);
  for (const c of certificates) {
    if (c.status === 'expired') {
      findings.push(`Certificate ${c.displayName} expired on ${c.endDateTime}: renew it on its server.`);
    } else if (c.status === 'expiring') {
      findings.push(
        `Certificate ${c.displayName} expires in ${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'} (${c.endDateTime}): renew it before the migration needs it.`,
      );
    }
  }
  const live = certificates.filter((c) => c.status !== 'expired');
  if (live.length === 0) {
    findings.push(
      'The application has no valid certificate: run the configuration script on each server that runs the utility.',
    );
  }
  const servers = options.utilityServers ?? [];
  if (servers.length > live.length) {
    // certificates carry the server's name (CN=server...) when the script made them
    const without = servers.filter((server) => {
      const short = (server.split('.')[0] ?? server).toLowerCase();
      return !live.some((c) => c.displayName.toLowerCase().includes(short));
    });
    findings.push(
      `${servers.length} servers run the utility but the app has ${live.length} valid certificate${live.length === 1 ? '' : 's'}${without.length > 0 ? ` (none names ${without.join(', ')})` : ''}: run the script on each of them.`,
    );
  }
  findings.push(...endpointFindings);

  const certificatesOk =
    live.length > 0 && certificates.every((c) => c.status === 'ok' || c.status === 'unknown');
  const ok =
    servicePrincipalFound &&
    consentMissing.length === 0 &&
    (app.requiredResourceAccess ?? []).length > 0 &&
    certificatesOk &&
    endpoints.every((e) => e.ok) &&
    findings.length === 0;
  return {
    ok,
    appFound: true,
    appId,
    appObjectId: app.id ?? null,
    servicePrincipalFound,
    permissions,
    consentMissing,
    consentUrl,
    certificates,
    endpoints,
    findings,
  };
}

/** Reads the app, its service principal, assignments and grants, then evaluates. */
export async function checkUtilityApp(
  graph: GraphClient,
  options: UtilityAppCheckOptions,
): Promise<UtilityAppCheck> {
  const apps = await findApplicationsByName(graph, MIGRATION_UTILITY_APP_NAME);
  const app = apps[0];
  const report = app ? await checkAppConsent(graph, app) : null;
  return evaluateUtilityApp({ apps, report }, options);
}

/** The check as evidence for step 4 (`add-evidence` on { step: 'utility' }). */
export function utilityAppEvidence(check: UtilityAppCheck, readAt: string): Omit<Evidence, 'at' | 'by'> {
  const granted = check.permissions.filter((p) => p.granted).length;
  const value = !check.appFound
    ? 'application not found'
    : [
        `consent ${granted}/${check.permissions.length}`,
        `${check.certificates.filter((c) => c.status === 'ok').length}/${check.certificates.length} certificates valid beyond ${CERTIFICATE_WARNING_DAYS} days`,
        check.ok ? 'ready' : `${check.findings.length} finding${check.findings.length === 1 ? '' : 's'}`,
      ].join(', ');
  return {
    id: `utility-app:${readAt}`,
    kind: 'graph-read',
    label: `${MIGRATION_UTILITY_APP_NAME} app registration and consent`,
    value,
    data: { readAt, ...check },
  };
}
