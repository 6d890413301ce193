// Step 1 "Probe": save the read-only PowerShell probe for the MFA Servers, import what it printed
// (validated; recorded as evidence on the four steps it serves), list the probes imported so far and
// the high-availability warnings they add to the inventory's.
import { useState } from 'react';
import {
  type ProbeInventoryData,
  probeEvidence,
  probeFactsFromEvidence,
} from '../src/probe/probe-evidence.js';
import { PROBE_SCRIPT_DEFAULT } from '../src/probe/probe-script.js';
import { haWarnings } from '../state/ha-warnings.js';
import type { Evidence, Migration } from '../state/model.js';
import { currentMigration } from '../state/selectors.js';
import { errorText, line, NotAvailable, type PanelLine, PrepPanel } from './prep-parts.js';
import type { SectionProps } from './section-props.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { usePrepServices } from './use-prep-services.js';

type Mode = 'list' | 'save' | 'import' | 'working';

/** Newest probe per server recorded on the inventory step. */
export function importedProbes(evidence: readonly Evidence[]): ProbeInventoryData[] {
  const byServer = new Map<string, ProbeInventoryData>();
  for (const e of evidence) {
    const d = e.data as Partial<ProbeInventoryData> | undefined;
    if (e.kind !== 'probe' || d?.type !== 'probe-inventory' || !d.probe || !d.facts) continue;
    const k = d.probe.server.name.toLowerCase();
    const prev = byServer.get(k);
    if (!prev || prev.probe.collectedAt < d.probe.collectedAt) byServer.set(k, d as ProbeInventoryData);
  }
  return [...byServer.values()].sort((a, b) => a.probe.server.name.localeCompare(b.probe.server.name));
}

export function probeRow(d: ProbeInventoryData): string {
  const p = d.probe;
  const port = p.registry.Pfsvc_ncan_ip_tcp_port;
  const hash = p.dataFile?.sha256 ? `${p.dataFile.sha256.slice(0, 12)}…` : 'no hash';
  return `${p.server.name}: version ${p.version ?? 'unknown'}, port ${port ?? 'none'}, data ${hash} (${p.collectedAt.slice(0, 16)})`;
}

export function probeLines(m: Migration): PanelLine[] {
  const evidence = m.steps.inventory?.evidence ?? [];
  const probes = importedProbes(evidence);
  const out: PanelLine[] = [line(`Imported probes (${probes.length}):`, 'bold')];
  if (probes.length === 0)
    out.push(line('  none yet: write the script (w), run it on each MFA Server, import (p)', 'muted'));
  for (const d of probes) out.push(line(`  ${probeRow(d)}`));
  const warnings = haWarnings(m.inventory, probeFactsFromEvidence(evidence));
  if (warnings.length > 0) {
    out.push(line(''), line('High availability (inventory and probes):', 'bold'));
    for (const w of warnings) out.push(line(`  ! ${w.message}`, 'warn'));
  }
  return out;
}

export function PrepProbe(props: SectionProps) {
  const services = usePrepServices();
  const { state, dispatch } = useUi();
  const [mode, setMode] = useState<Mode>('list');
  const [saved, setSaved] = useState<string | null>(null);
  const [message, setMessage] = useState<PanelLine[]>([]);
  const m = currentMigration(state);
  if (!services) return <NotAvailable what="the MFA Server probe" />;
  if (!m) return null;

  const save = async (path: string) => {
    setMode('working');
    try {
      const full = await services.saveProbeScript(path);
      setSaved(full);
      setMessage([line(`Saved the probe to ${full}.`, 'ok')]);
    } catch (e) {
      setMessage([line(errorText(e), 'error')]);
    }
    setMode('list');
  };

  const importFrom = async (path: string | null) => {
    setMode('working');
    try {
      const parsed = path === null ? await services.probeHere() : await services.readProbe(path);
      if (!parsed.ok) {
        setMessage([line(`${path ?? 'This machine'}: ${parsed.message}`, 'error')]);
      } else {
        const items = probeEvidence(parsed.probe, { cloud: m.cloud });
        const recorded: string[] = [];
        let already = 0;
        let refused: string | null = null;
        for (const item of items) {
          const have = m.steps[item.step]?.evidence.some((e) => e.id === item.evidence.id) ?? false;
          if (have) {
            already++;
            continue;
          }
          const r = dispatch({ type: 'add-evidence', ref: { step: item.step }, evidence: item.evidence });
          if (r) refused ??= r.message;
          else recorded.push(item.step);
        }
        const name = parsed.probe.server.name;
        setMessage(
          refused
            ? [line(`Probe of ${name}: not all recorded: ${refused}`, 'error')]
            : recorded.length > 0
              ? [line(`Probe of ${name} recorded on ${recorded.join(', ')}.`, 'ok')]
              : [
                  line(
                    `This probe of ${name} was already imported (${already} records); nothing added.`,
                    'warn',
                  ),
                ],
        );
      }
    } catch (e) {
      setMessage([line(errorText(e), 'error')]);
    }
    setMode('list');
  };

  const lines: PanelLine[] = [
    line(
      'A read-only PowerShell script reads each MFA Server (version, data file, registry, service).',
      'muted',
    ),
  ];
  if (saved) {
    lines.push(
      line('Copy it to each MFA Server and run it in an elevated PowerShell:'),
      line(`  ${services.probeRunLine(saved)}`, 'accent'),
      line('then import each probe-<server>.json here (p).'),
    );
  }
  if (mode === 'working') lines.push(line('Working…', 'muted'));
  lines.push(...message, line(''), ...probeLines(m));

  const footer =
    mode === 'save' ? (
      <TextPrompt
        label="Save the probe script to:"
        initial={PROBE_SCRIPT_DEFAULT}
        validate={(v) => (v.trim() === '' ? 'Type a file path.' : null)}
        onCancel={() => setMode('list')}
        onSubmit={(v) => void save(v)}
      />
    ) : mode === 'import' ? (
      <TextPrompt
        label="Probe output (JSON file):"
        placeholder="probe-MFA1.json"
        validate={(v) => (v.trim() === '' ? 'Type the path of the JSON the probe printed.' : null)}
        onCancel={() => setMode('list')}
        onSubmit={(v) => void importFrom(v)}
      />
    ) : undefined;

  return (
    <PrepPanel
      section={props}
      lines={lines}
      footer={footer}
      hints={[
        ['w', 'write script'],
        ['p', 'import probe'],
        ...(services.canProbeHere ? ([['h', 'probe this machine']] as [string, string][]) : []),
        ['↑↓', 'scroll'],
      ]}
      onKey={(input) => {
        if (mode !== 'list') return;
        if (input === 'w') setMode('save');
        else if (input === 'p') setMode('import');
        else if (input === 'h' && services.canProbeHere) void importFrom(null);
      }}
    />
  );
}
