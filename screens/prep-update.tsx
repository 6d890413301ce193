// Step 3 "Versions": the MFA Server version before and after the update, per server, from the probes
// recorded on this step or typed by the admin (recorded as version evidence).
import { useState } from 'react';
import { isUpdatedVersion } from '../src/checks/backup-freshness.js';
import type { Evidence } from '../state/model.js';
import { currentMigration } from '../state/selectors.js';
import { line, NotAvailable, type PanelLine, PrepPanel } from './prep-parts.js';
import type { SectionProps } from './section-props.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { usePrepServices } from './use-prep-services.js';

interface Seen {
  server: string;
  at: string;
  version: string;
  from: 'probe' | 'typed';
  phase?: 'before' | 'after';
}

function seenVersions(evidence: readonly Evidence[]): Seen[] {
  const out: Seen[] = [];
  for (const e of evidence) {
    const d = e.data as
      | {
          type?: string;
          server?: string;
          collectedAt?: string;
          version?: string | null;
          phase?: 'before' | 'after';
        }
      | undefined;
    if (!d?.server || !d.version) continue;
    if (d.type === 'probe-version')
      out.push({ server: d.server, at: d.collectedAt ?? e.at, version: d.version, from: 'probe' });
    else if (d.type === 'typed-version')
      out.push({
        server: d.server,
        at: e.at,
        version: d.version,
        from: 'typed',
        ...(d.phase ? { phase: d.phase } : {}),
      });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** Per server: the version before (first seen below 8.1, or typed as before) and after (8.1+ or typed as after). */
export function versionLines(evidence: readonly Evidence[]): PanelLine[] {
  const byServer = new Map<string, Seen[]>();
  for (const s of seenVersions(evidence)) {
    const k = s.server.toLowerCase();
    byServer.set(k, [...(byServer.get(k) ?? []), s]);
  }
  if (byServer.size === 0)
    return [line('No version recorded yet: import a probe (step 1) or type one (o / n).', 'muted')];
  const out: PanelLine[] = [];
  for (const list of byServer.values()) {
    const before = list.find((s) => s.phase === 'before' || (!s.phase && !isUpdatedVersion(s.version)));
    const after = [...list]
      .reverse()
      .find((s) => s.phase === 'after' || (!s.phase && isUpdatedVersion(s.version)));
    const b = before ? `${before.version} (${before.from})` : 'not recorded';
    const a = after ? `${after.version} (${after.from})` : 'not yet';
    out.push(
      line(
        `${list[0]?.server}: before ${b}  after ${a}`,
        after && isUpdatedVersion(after.version) ? 'ok' : undefined,
      ),
    );
  }
  return out;
}

type Mode =
  | { kind: 'idle' }
  | { kind: 'server'; phase: 'before' | 'after' }
  | { kind: 'version'; phase: 'before' | 'after'; server: string };

export function PrepUpdate(props: SectionProps) {
  const services = usePrepServices();
  const { state, dispatch } = useUi();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [message, setMessage] = useState<PanelLine | null>(null);
  const m = currentMigration(state);
  if (!services) return <NotAvailable what="recording the versions" />;
  if (!m) return null;
  const evidence = m.steps.update?.evidence ?? [];
  const firstServer = seenVersions(evidence)[0]?.server ?? m.inventory.servers[0]?.name ?? '';

  const record = (phase: 'before' | 'after', server: string, version: string) => {
    const at = services.now().toISOString();
    const refused = dispatch({
      type: 'add-evidence',
      ref: { step: 'update' },
      evidence: {
        id: `version:${phase}:${server}:${at}`,
        kind: 'version',
        label: `MFA Server version ${phase} the update on ${server} (typed)`,
        value: version,
        data: { type: 'typed-version', server, version, phase },
      },
    });
    setMessage(
      refused
        ? line(`Not recorded: ${refused.message}`, 'error')
        : line(`Recorded ${version} ${phase} the update on ${server}.`, 'ok'),
    );
  };

  const lines: PanelLine[] = [
    line(
      'Version before and after the update, per MFA Server (probe, or typed from Programs and Features):',
      'muted',
    ),
    ...versionLines(evidence),
    ...(message ? [message] : []),
  ];
  const footer =
    mode.kind === 'server' ? (
      <TextPrompt
        label={`Server (version ${mode.phase}):`}
        initial={firstServer}
        validate={(v) => (v.trim() === '' ? 'Type the server name.' : null)}
        onCancel={() => setMode({ kind: 'idle' })}
        onSubmit={(v) => setMode({ kind: 'version', phase: mode.phase, server: v.trim() })}
      />
    ) : mode.kind === 'version' ? (
      <TextPrompt
        key={`v-${mode.server}`}
        label={`Version ${mode.phase} the update on ${mode.server}:`}
        placeholder="8.1.0.1"
        validate={(v) => (/^\d+\.\d+(\.\d+){0,2}$/.test(v.trim()) ? null : 'A version looks like 8.0.3.2.')}
        onCancel={() => setMode({ kind: 'idle' })}
        onSubmit={(v) => {
          setMode({ kind: 'idle' });
          record(mode.phase, mode.server, v.trim());
        }}
      />
    ) : undefined;
  return (
    <PrepPanel
      section={props}
      lines={lines}
      footer={footer}
      hints={[
        ['o', 'version before'],
        ['n', 'version after'],
        ['↑↓', 'scroll'],
      ]}
      onKey={(input) => {
        if (input === 'o') setMode({ kind: 'server', phase: 'before' });
        else if (input === 'n') setMode({ kind: 'server', phase: 'after' });
      }}
    />
  );
}
