// Step 4 "Utility": the endpoints this migration's cloud expects and the script to run, the registry
// values each probe read compared with them, and the Graph check of the Migration Utility app
// (service principal, consent, certificates), recorded as evidence.
import { useState } from 'react';
import { type UtilityAppCheck, utilityAppEvidence } from '../src/checks/utility-app-check.js';
import { utilityValuesFromEvidence } from '../src/probe/probe-evidence.js';
import type { Migration } from '../state/model.js';
import { currentMigration } from '../state/selectors.js';
import { checkUtilityEndpoints, UTILITY_ENDPOINTS } from '../state/utility-endpoints.js';
import { OFFLINE_LINE } from './prep-methods-check.js';
import { errorText, line, type PanelLine, PrepPanel } from './prep-parts.js';
import type { SectionProps } from './section-props.js';
import { useUi } from './ui-context.js';
import { usePrepServices } from './use-prep-services.js';

export const UTILITY_SCRIPT_LINE =
  'Set-Location "C:\\Program Files\\Multi-Factor Authentication Server"; .\\Configure-MultiFactorAuthMigrationUtility.ps1';

export function endpointLines(m: Migration): PanelLine[] {
  const want = UTILITY_ENDPOINTS[m.cloud];
  const out: PanelLine[] = [
    line(`Cloud ${m.cloud}: StsUrl https://${want.stsHost}, GraphUrl https://${want.graphHost}`),
    line(want.scriptNote, want.covered ? 'muted' : 'warn'),
    line('On the primary MFA Server, in an elevated PowerShell:'),
    line(`  ${UTILITY_SCRIPT_LINE}`, 'accent'),
  ];
  const probes = utilityValuesFromEvidence(m.steps.utility?.evidence ?? []);
  if (probes.length === 0)
    out.push(line('No probe recorded yet: import one on step 1 (Probe) to compare.', 'muted'));
  for (const p of probes) {
    const c = checkUtilityEndpoints(m.cloud, p.stsUrl, p.graphUrl);
    out.push(
      line(
        `${p.server}: ${c.ok ? 'registry values match the cloud' : 'registry values differ'}`,
        c.ok ? 'ok' : 'warn',
      ),
    );
    for (const f of c.findings) out.push(line(`  ! ${f}`, 'warn'));
  }
  return out;
}

export function utilityCheckLines(check: UtilityAppCheck): PanelLine[] {
  const out: PanelLine[] = [
    check.ok
      ? line('The Migration Utility app is ready.', 'ok')
      : line('The Migration Utility app needs action:', 'warn'),
  ];
  if (check.appFound) {
    out.push(
      line(
        `App ${check.appId ?? '?'}; service principal ${check.servicePrincipalFound ? 'found' : 'missing'}`,
      ),
    );
    const granted = check.permissions.filter((p) => p.granted).length;
    out.push(line(`Consent: ${granted} of ${check.permissions.length} permissions granted`));
    for (const c of check.certificates) {
      out.push(
        line(
          `Certificate ${c.displayName}: ${c.status}${c.endDateTime ? `, ends ${c.endDateTime.slice(0, 10)}` : ''}`,
          c.status === 'ok' ? undefined : 'warn',
        ),
      );
    }
  }
  for (const f of check.findings) out.push(line(`! ${f}`, 'warn'));
  return out;
}

export function PrepUtility(props: SectionProps) {
  const services = usePrepServices();
  const { state, dispatch } = useUi();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<PanelLine[]>([]);
  const m = currentMigration(state);
  if (!m) return null;

  const run = async () => {
    if (!services) return;
    const probes = utilityValuesFromEvidence(m.steps.utility?.evidence ?? []);
    const tenant = m.tenantId ?? m.tenant;
    const pending = services.checkUtilityApp({
      cloud: m.cloud,
      ...(tenant ? { tenant } : {}),
      // a server whose registry carries the utility's values runs it and needs its own certificate
      utilityServers: probes.filter((p) => p.stsUrl || p.graphUrl).map((p) => p.server),
      probes,
      now: services.now(),
    });
    if (!pending) {
      setResult([line(OFFLINE_LINE, 'warn')]);
      return;
    }
    setRunning(true);
    try {
      const check = await pending;
      const readAt = services.now().toISOString();
      const refused = dispatch({
        type: 'add-evidence',
        ref: { step: 'utility' },
        evidence: utilityAppEvidence(check, readAt),
      });
      setResult([
        refused
          ? line(`Not recorded: ${refused.message}`, 'error')
          : line(`Recorded the read of ${readAt}.`, 'muted'),
        ...utilityCheckLines(check),
        line(''),
      ]);
    } catch (e) {
      setResult([line(errorText(e), 'error')]);
    }
    setRunning(false);
  };

  // the newest result first: the endpoints below do not change while the admin fixes the app
  // On the MFA Server itself the registry is read directly and recorded like a probe's values.
  const readHere = async () => {
    const pending = services?.readUtilityRegistry();
    if (!services || !pending) return;
    try {
      const { stsUrl, graphUrl } = await pending;
      const at = services.now().toISOString();
      const endpoint = checkUtilityEndpoints(m.cloud, stsUrl, graphUrl);
      const refused = dispatch({
        type: 'add-evidence',
        ref: { step: 'utility' },
        evidence: {
          id: `registry:${services.machine}:${at}`,
          kind: 'probe',
          label: `Migration Utility registry values on ${services.machine} (read here)`,
          value: `StsUrl ${stsUrl ?? 'not set'}, GraphUrl ${graphUrl ?? 'not set'}${endpoint.ok ? ' (match the cloud)' : ` (${endpoint.findings.length} finding(s))`}`,
          data: {
            type: 'probe-utility',
            server: services.machine,
            collectedAt: at,
            StsUrl: stsUrl,
            GraphUrl: graphUrl,
            endpoint,
          },
        },
      });
      setResult([
        refused
          ? line(`Not recorded: ${refused.message}`, 'error')
          : line(`Read the registry of ${services.machine}: recorded below.`, 'ok'),
      ]);
    } catch (e) {
      setResult([line(errorText(e), 'error')]);
    }
  };

  const lines: PanelLine[] = [
    ...(services ? [] : [line('Not available here: the utility app check (run from the wizard)', 'muted')]),
    ...(running ? [line('Reading the app, its consent and certificates…', 'muted')] : []),
    ...result,
    ...endpointLines(m),
  ];
  return (
    <PrepPanel
      section={props}
      lines={lines}
      hints={
        services?.onServer
          ? [
              ['c', 'check app'],
              ['l', 'read the registry here'],
              ['↑↓', 'scroll'],
            ]
          : services
            ? [
                ['c', 'check app'],
                ['↑↓', 'scroll'],
              ]
            : [['↑↓', 'scroll']]
      }
      onKey={(input) => {
        if (input === 'c' && !running) void run();
        else if (input === 'l' && services?.onServer) void readHere();
      }}
    />
  );
}
