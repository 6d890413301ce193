// A parsed probe becomes evidence for the inventory, backup, update and utility steps.
import { describe, expect, it } from 'vitest';
import {
  probeEvidence,
  probeFacts,
  probeFactsFromEvidence,
  utilityValuesFromEvidence,
} from '../../src/probe/probe-evidence.js';
import { type ProbeResult, parseProbe } from '../../src/probe/probe-schema.js';
import { haWarnings } from '../../state/ha-warnings.js';
import type { Evidence } from '../../state/model.js';
import { sampleProbe } from '../helpers/sample-probe.js';

function probe(patch: (p: typeof sampleProbe) => object = (p) => p): ProbeResult {
  const r = parseProbe(JSON.stringify(patch(structuredClone(sampleProbe))));
  if (!r.ok) throw new Error(r.message);
  return r.probe;
}

function recorded(items: ReturnType<typeof probeEvidence>): Evidence[] {
  return items.map((i) => ({ ...i.evidence, at: '2026-11-25T10:05:00Z', by: 'a@b' }));
}

describe('probeEvidence', () => {
  it('serves the four preparation steps, once each', () => {
    const items = probeEvidence(probe());
    expect(items.map((i) => i.step)).toEqual(['inventory', 'backup', 'update', 'utility']);
    expect(new Set(items.map((i) => i.evidence.id)).size).toBe(4);
  });

  it('inventory: topology facts for the HA warnings', () => {
    const [inv] = probeEvidence(probe());
    expect(inv?.evidence).toMatchObject({ kind: 'probe', label: 'MFA Server probe of MFA1' });
    expect(inv?.evidence.value).toBe(
      'domain-joined (corp.contoso.com), replication port 4443, service Running, version 8.1.0.1, logs 2048 bytes',
    );
    expect(probeFacts(probe())).toEqual({ server: 'MFA1', domainJoined: true, replicationPort: 4443 });
  });

  it('backup: size, time and hash of the data file; a missing file says where it looked', () => {
    const backup = probeEvidence(probe())[1]?.evidence;
    expect(backup?.kind).toBe('file-hash');
    expect(backup?.value).toBe(`1.0 MiB, modified 2026-11-25T09:00:00.0000000Z, SHA-256 ${'a'.repeat(64)}`);
    expect(backup?.data).toMatchObject({
      type: 'probe-data-file',
      sha256: 'a'.repeat(64),
      version: '8.1.0.1',
    });
    const none = probeEvidence(probe((p) => ({ ...p, dataFile: null })))[1]?.evidence;
    expect(none?.kind).toBe('probe');
    expect(none?.value).toMatch(/^not found in C:\\Program Files\\Multi-Factor Authentication Server\\Data/);
  });

  it('a hash the probe could not compute keeps its reason', () => {
    const p = probe((x) => ({ ...x, dataFile: { ...x.dataFile, sha256: null, hashError: 'file in use' } }));
    expect(probeEvidence(p)[1]?.evidence.value).toMatch(/SHA-256 not computed \(file in use\)$/);
  });

  it('update: the installed version, or that none was found', () => {
    expect(probeEvidence(probe())[2]?.evidence).toMatchObject({ kind: 'version', value: '8.1.0.1' });
    expect(probeEvidence(probe((p) => ({ ...p, version: null })))[2]?.evidence.value).toMatch(/not found/);
  });

  it('utility: StsUrl and GraphUrl, compared with the cloud when given', () => {
    const plain = probeEvidence(probe())[3]?.evidence;
    expect(plain?.value).toBe(
      'StsUrl https://login.microsoftonline.com, GraphUrl https://graph.microsoft.com',
    );
    expect(probeEvidence(probe(), { cloud: 'global' })[3]?.evidence.value).toMatch(/\(match the cloud\)$/);
    expect(probeEvidence(probe(), { cloud: 'gcchigh' })[3]?.evidence.value).toMatch(/\(2 finding\(s\)\)$/);
  });

  it('recorded probes feed haWarnings, newest per server', () => {
    const older = probe((p) => ({
      ...p,
      collectedAt: '2026-11-20T10:00:00.0000000Z',
      registry: { ...p.registry, Pfsvc_ncan_ip_tcp_port: null },
    }));
    const other = probe((p) => ({ ...p, server: { name: 'MFA2', domainJoined: false, domain: null } }));
    const evidence = recorded([...probeEvidence(older), ...probeEvidence(probe()), ...probeEvidence(other)]);
    const facts = probeFactsFromEvidence(evidence);
    expect(facts).toEqual([
      { server: 'MFA1', domainJoined: true, replicationPort: 4443 },
      { server: 'MFA2', domainJoined: false, replicationPort: 4443 },
    ]);
    const inv = { methods: [], portal: [], services: [], servers: [], loadBalancers: [] };
    expect(haWarnings(inv, facts).map((w) => w.id)).toContain('mixed-membership');
  });

  it('recorded utility values feed the utility check, newest per server', () => {
    const older = probe((p) => ({
      ...p,
      collectedAt: '2026-11-20T10:00:00.0000000Z',
      registry: { ...p.registry, GraphUrl: null },
    }));
    const evidence = recorded([...probeEvidence(probe()), ...probeEvidence(older)]);
    expect(utilityValuesFromEvidence(evidence)).toEqual([
      {
        server: 'MFA1',
        stsUrl: 'https://login.microsoftonline.com',
        graphUrl: 'https://graph.microsoft.com',
      },
    ]);
  });
});
