// Step 1 "Graph check": read the authentication methods policy and compare it with the methods the
// inventory says MFA Server users rely on; say what to enable; record the read as evidence.
import { useState } from 'react';
import { type MethodsPolicyCheck, methodsPolicyEvidence } from '../src/checks/methods-policy-check.js';
import { currentMigration } from '../state/selectors.js';
import { errorText, line, NotAvailable, type PanelLine, PrepPanel } from './prep-parts.js';
import type { SectionProps } from './section-props.js';
import { useUi } from './ui-context.js';
import { usePrepServices } from './use-prep-services.js';

export const OFFLINE_LINE = 'offline: sign in (g) or record the result by hand (Evidence section, a)';

export function methodsCheckLines(check: MethodsPolicyCheck): PanelLine[] {
  const out: PanelLine[] = [];
  out.push(
    check.ok
      ? line('Every method in use is enabled and targets users.', 'ok')
      : line(`${check.toEnable.length} method(s) need action in Entra.`, 'warn'),
  );
  for (const m of check.methods) {
    const mark = m.ok ? 'ok  ' : 'FIX ';
    out.push(
      line(
        `${mark} ${m.label}: ${m.found ? (m.enabled ? 'enabled' : 'disabled') : 'not in the policy'}, targets ${m.targets} (for ${m.neededBy.join(', ')})`,
        m.ok ? undefined : 'warn',
      ),
    );
  }
  if (check.toEnable.length > 0) {
    out.push(line('To enable:', 'bold'));
    for (const t of check.toEnable) out.push(line(`  - ${t}`));
  }
  for (const f of check.findings) out.push(line(`! ${f}`, 'warn'));
  return out;
}

export function PrepMethodsCheck(props: SectionProps) {
  const services = usePrepServices();
  const { state, dispatch } = useUi();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<PanelLine[]>([]);
  // voice must allow office phones when MFA Server users have extensions; only the admin knows here
  const [extensions, setExtensions] = useState<'unknown' | 'yes' | 'no'>('unknown');
  const m = currentMigration(state);
  if (!services) return <NotAvailable what="the methods policy check" />;
  if (!m) return null;

  const run = async () => {
    const pending = services.checkMethodsPolicy(m.inventory, {
      usersHaveExtensions: extensions === 'unknown' ? 'unknown' : extensions === 'yes',
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
        ref: { step: 'inventory' },
        evidence: methodsPolicyEvidence(check, readAt),
      });
      setResult([
        ...methodsCheckLines(check),
        refused
          ? line(`Not recorded: ${refused.message}`, 'error')
          : line(`Recorded the read of ${readAt}.`, 'muted'),
      ]);
    } catch (e) {
      setResult([line(errorText(e), 'error')]);
    }
    setRunning(false);
  };

  const lines: PanelLine[] = [
    line(
      'Authentication methods policy: is every method MFA Server users rely on enabled in Entra?',
      'muted',
    ),
    line(`Users with phone extensions: ${extensions} (x changes)`),
    ...(running ? [line('Reading the methods policy…', 'muted')] : []),
    ...result,
  ];
  return (
    <PrepPanel
      section={props}
      lines={lines}
      hints={[
        ['c', 'check now'],
        ['x', 'extensions'],
        ['↑↓', 'scroll'],
      ]}
      onKey={(input) => {
        if (input === 'c' && !running) void run();
        else if (input === 'x')
          setExtensions((e) => (e === 'unknown' ? 'yes' : e === 'yes' ? 'no' : 'unknown'));
      }}
    />
  );
}
