// One probe run on one MFA Server serves several steps: the inventory (topology, and the facts the HA
// warnings need), the backup (the data file's size, time and hash), the update (installed version) and
// the utility (StsUrl / GraphUrl). Pure: the CLI and the screens dispatch what this returns.
import type { ProbeFacts } from '../../state/ha-warnings.js';
import type { Cloud, Evidence, StepId } from '../../state/model.js';
import { checkUtilityEndpoints } from '../../state/utility-endpoints.js';
import type { ProbeResult } from './probe-schema.js';

export interface ProbeEvidenceItem {
  step: StepId;
  evidence: Omit<Evidence, 'at' | 'by'>;
}

/** What the inventory evidence's `data` holds, so that haWarnings can be fed from recorded probes. */
export interface ProbeInventoryData {
  type: 'probe-inventory';
  facts: ProbeFacts;
  probe: ProbeResult;
}

/** What the backup step's probe evidence holds: the source file as the probe saw it. */
export interface ProbeDataFileData {
  type: 'probe-data-file';
  server: string;
  collectedAt: string;
  path: string;
  size: number;
  lastWriteTimeUtc: string;
  sha256: string | null;
  version: string | null;
}

export function probeFacts(probe: ProbeResult): ProbeFacts {
  return {
    server: probe.server.name,
    domainJoined: probe.server.domainJoined,
    replicationPort: probe.registry.Pfsvc_ncan_ip_tcp_port,
  };
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

/**
 * Evidence ids are derived from the server and the probe's own time, so importing the same output
 * twice is refused by the reducer as "already recorded" instead of doubling the evidence.
 */
export function probeEvidence(probe: ProbeResult, options: { cloud?: Cloud } = {}): ProbeEvidenceItem[] {
  const server = probe.server.name;
  const key = `probe:${server}:${probe.collectedAt}`;
  const membership = probe.server.domainJoined
    ? `domain-joined${probe.server.domain ? ` (${probe.server.domain})` : ''}`
    : 'standalone';
  const port = probe.registry.Pfsvc_ncan_ip_tcp_port;
  const logBytes = probe.logs.reduce((n, l) => n + l.size, 0);
  const items: ProbeEvidenceItem[] = [];

  const inventoryData: ProbeInventoryData = { type: 'probe-inventory', facts: probeFacts(probe), probe };
  items.push({
    step: 'inventory',
    evidence: {
      id: `${key}:inventory`,
      kind: 'probe',
      label: `MFA Server probe of ${server}`,
      value: [
        membership,
        port === null ? 'no static replication port' : `replication port ${port}`,
        `service ${probe.service?.status ?? 'not installed'}`,
        `version ${probe.version ?? 'unknown'}`,
        `logs ${mib(logBytes)}`,
      ].join(', '),
      data: inventoryData,
    },
  });

  const f = probe.dataFile;
  if (f) {
    const data: ProbeDataFileData = {
      type: 'probe-data-file',
      server,
      collectedAt: probe.collectedAt,
      path: f.path,
      size: f.size,
      lastWriteTimeUtc: f.lastWriteTimeUtc,
      sha256: f.sha256,
      version: probe.version,
    };
    items.push({
      step: 'backup',
      evidence: {
        id: `${key}:backup`,
        kind: 'file-hash',
        label: `PhoneFactor.pfdata on ${server} (probe)`,
        value: `${mib(f.size)}, modified ${f.lastWriteTimeUtc}, SHA-256 ${
          f.sha256 ?? `not computed (${f.hashError ?? 'no reason given'})`
        }`,
        data,
      },
    });
  } else {
    items.push({
      step: 'backup',
      evidence: {
        id: `${key}:backup`,
        kind: 'probe',
        label: `PhoneFactor.pfdata on ${server} (probe)`,
        value: `not found in ${probe.dataFolder}: run the probe with -DataFolder <path> if the data lives elsewhere`,
        data: { type: 'probe-no-data-file', server, dataFolder: probe.dataFolder },
      },
    });
  }

  items.push({
    step: 'update',
    evidence: {
      id: `${key}:update`,
      kind: 'version',
      label: `MFA Server version on ${server} (probe)`,
      value: probe.version ?? 'not found in the Uninstall registry entries',
      data: { type: 'probe-version', server, collectedAt: probe.collectedAt, version: probe.version },
    },
  });

  const { StsUrl, GraphUrl } = probe.registry;
  const endpoint = options.cloud ? checkUtilityEndpoints(options.cloud, StsUrl, GraphUrl) : null;
  items.push({
    step: 'utility',
    evidence: {
      id: `${key}:utility`,
      kind: 'probe',
      label: `Migration Utility registry values on ${server} (probe)`,
      value:
        `StsUrl ${StsUrl ?? 'not set'}, GraphUrl ${GraphUrl ?? 'not set'}` +
        (endpoint ? (endpoint.ok ? ' (match the cloud)' : ` (${endpoint.findings.length} finding(s))`) : ''),
      data: {
        type: 'probe-utility',
        server,
        collectedAt: probe.collectedAt,
        StsUrl,
        GraphUrl,
        ...(endpoint ? { endpoint } : {}),
      },
    },
  });
  return items;
}

/** The ProbeFacts of every probe recorded on the inventory step (newest per server), for haWarnings. */
export function probeFactsFromEvidence(evidence: readonly Evidence[]): ProbeFacts[] {
  const byServer = new Map<string, { at: string; facts: ProbeFacts }>();
  for (const e of evidence) {
    const d = e.data as Partial<ProbeInventoryData> | undefined;
    if (e.kind !== 'probe' || d?.type !== 'probe-inventory' || !d.facts || !d.probe) continue;
    const k = d.facts.server.toLowerCase();
    const prev = byServer.get(k);
    if (!prev || prev.at < d.probe.collectedAt) byServer.set(k, { at: d.probe.collectedAt, facts: d.facts });
  }
  return [...byServer.values()].map((v) => v.facts);
}

/** The StsUrl / GraphUrl each server's newest probe read, from the utility step's evidence (for checkUtilityApp). */
export function utilityValuesFromEvidence(
  evidence: readonly Evidence[],
): { server: string; stsUrl: string | null; graphUrl: string | null }[] {
  const byServer = new Map<
    string,
    { at: string; server: string; stsUrl: string | null; graphUrl: string | null }
  >();
  for (const e of evidence) {
    const d = e.data as
      | {
          type?: string;
          server?: string;
          collectedAt?: string;
          StsUrl?: string | null;
          GraphUrl?: string | null;
        }
      | undefined;
    if (d?.type !== 'probe-utility' || !d.server) continue;
    const k = d.server.toLowerCase();
    const prev = byServer.get(k);
    const at = d.collectedAt ?? e.at;
    if (!prev || prev.at < at) {
      byServer.set(k, { at, server: d.server, stsUrl: d.StsUrl ?? null, graphUrl: d.GraphUrl ?? null });
    }
  }
  return [...byServer.values()].map(({ server, stsUrl, graphUrl }) => ({ server, stsUrl, graphUrl }));
}
