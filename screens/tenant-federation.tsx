// Step 10 "Federation": federated domains with their federatedIdpMfaBehavior; an attestation where it
// was never set (Graph cannot read the legacy SupportsMfa flag); Conditional Access policies that
// require MFA; the plan to rejectMfaByFederatedIdp per chosen domain; each change applied only after
// the admin typed that domain's name, read back, recorded, with the 24-hour window's end shown.
import { Text } from 'ink';
import { type ReactNode, useState } from 'react';
import type { FederatedDomain, FederationPlanResult, MfaPolicyCheck } from '../src/federation/federation.js';
import { type FederationChange, federationWriteGate } from '../state/federation-plan.js';
import type { Migration } from '../state/model.js';
import { currentMigration, stepStatus } from '../state/selectors.js';
import { ConfirmByTyping } from './confirm-by-typing.js';
import { useKeys } from './key-router.js';
import { listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ReasonPrompt } from './reason-prompt.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { shortTime } from './step-data.js';
import { bodyRowsOf, TenantLayout } from './tenant-layout.js';
import { NotAvailable, type TenantTask, useTenantTask } from './tenant-task.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { useTenantServices } from './use-tenant-services.js';
import { wrapText } from './wrap-text.js';

export const ATTESTATION_LABEL = 'How MFA was enforced before the change: ';
export const CA_OVERRIDE_LABEL = 'Override: no Conditional Access policy requires MFA';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Attestations recorded on step 10 (evidence notes), per domain; the latest wins. */
export function attestationsOf(m: Migration): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of m.steps.federation?.evidence ?? [])
    if (e.label.startsWith(ATTESTATION_LABEL)) out[e.label.slice(ATTESTATION_LABEL.length)] = e.value;
  return out;
}

/** When the 24-hour propagation of the last federation change ends, or null when none was made. */
export function windowEnd(m: Migration): string | null {
  const last = m.federationChanges.at(-1);
  return last ? new Date(Date.parse(last.at) + DAY_MS).toISOString() : null;
}

type Mode =
  | { kind: 'view' }
  | { kind: 'attest'; domain: string }
  | { kind: 'override' }
  | { kind: 'confirm'; change: FederationChange };

export function TenantFederation(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const services = useTenantServices();
  const task = useTenantTask();
  const m = currentMigration(state);
  const [domains, setDomains] = useState<FederatedDomain[] | null>(null);
  const [ca, setCa] = useState<MfaPolicyCheck | null>(null);
  const [chosen, setChosen, chosenLive] = useLiveState<string[]>([]);
  const [plan, setPlan] = useState<FederationPlanResult | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [selected, setSelected, selectedLive] = useLiveState(0);
  const [offset, setOffset] = useState(0);
  const caOverridden = (m?.steps.federation?.evidence ?? []).some((e) => e.label === CA_OVERRIDE_LABEL);

  const read = () => {
    if (!services) return;
    setPlan(null);
    task.start(
      'Reading federated domains and Conditional Access',
      async () => ({ d: await services.listFederation(), c: await services.conditionalAccess() }),
      ({ d, c }) => {
        setDomains(d);
        setCa(c);
      },
    );
  };
  // the step's guards stand before any tenant-wide write: plan and apply only in a started step 10
  const gateProblem = () => (m ? federationWriteGate(stepStatus(m, props.stepRef)) : null);
  const makePlan = (overridden = caOverridden, note?: TenantTask['message']) => {
    if (!services || !m) return;
    const gate = gateProblem();
    if (gate) {
      task.setMessage({ kind: 'error', text: gate });
      return;
    }
    task.start(
      'Planning',
      () =>
        services.planFederation(chosenLive.current, {
          caGateOverridden: overridden,
          attestations: attestationsOf(m),
        }),
      (p) => {
        setPlan(p);
        setDomains(p.domains);
        setCa(p.conditionalAccess);
        setOffset(0);
        if (note) task.setMessage(note);
      },
    );
  };
  const apply = (change: FederationChange, typed: string) => {
    if (!services) return;
    const gate = gateProblem();
    if (gate) {
      task.setMessage({ kind: 'error', text: gate });
      return;
    }
    task.start(
      `Changing ${change.domain}`,
      () => services.applyFederation(change, typed),
      (r) => {
        if (!r.ok) {
          task.setMessage({ kind: 'error', text: r.message });
          return;
        }
        const c = r.change;
        dispatch({ type: 'record-federation-change', domain: c.domain, from: c.from, to: c.to });
        dispatch({
          type: 'add-evidence',
          ref: props.stepRef,
          evidence: {
            id: `federation:${c.domain}:${c.at}`,
            kind: 'graph-read',
            label: `federatedIdpMfaBehavior of ${c.domain} (read back)`,
            value: `${c.from ?? 'not set'} -> ${r.readBack}`,
            data: c,
          },
        });
        const end = new Date(Date.parse(c.at) + DAY_MS).toISOString();
        // plan again (shows what is left), keeping this result on the message line
        makePlan(caOverridden, {
          kind: 'ok',
          text: `${c.domain} is now ${r.readBack} (read back). It reaches every sign-in by ${shortTime(end)} UTC.`,
        });
      },
    );
  };

  const list = domains ?? [];
  const changes = plan?.plan.changes ?? [];
  const overridable = plan?.plan.refusals.find((r) => r.overridable);
  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, list.length);
      if (moved !== null) {
        setSelected(moved);
        return;
      }
      const d = list[selectedLive.current];
      if (input === 'l') read();
      else if (input === ' ' && d) {
        setPlan(null);
        const c = chosenLive.current;
        setChosen(c.includes(d.domain) ? c.filter((x) => x !== d.domain) : [...c, d.domain]);
      } else if (input === 't' && d) setMode({ kind: 'attest', domain: d.domain });
      else if (input === 'p' && chosenLive.current.length > 0) makePlan();
      else if (input === 'o' && overridable) setMode({ kind: 'override' });
      else if (input === 'a' && plan && plan.plan.refusals.length === 0 && changes[0])
        setMode({ kind: 'confirm', change: changes[0] });
      else if (input === 'J') setOffset((o) => o + 1);
      else if (input === 'K') setOffset((o) => Math.max(0, o - 1));
    },
    { isActive: props.active && task.running === null && mode.kind === 'view' },
  );

  if (!services) return <NotAvailable what="the federation settings" />;
  if (!m) return null;
  const attest = attestationsOf(m);

  let bottom: ReactNode;
  let bottomRows = 2;
  if (mode.kind === 'attest') {
    bottom = (
      <TextPrompt
        label={`How was MFA enforced for ${mode.domain}?`}
        placeholder="e.g. AD FS claim rule + MFA Server adapter on every relying party"
        maxLength={300}
        validate={(v) => (v.trim() ? null : 'Write what enforced MFA; it is recorded.')}
        onCancel={() => setMode({ kind: 'view' })}
        onSubmit={(text) => {
          setMode({ kind: 'view' });
          setPlan(null);
          dispatch({
            type: 'add-evidence',
            ref: props.stepRef,
            evidence: {
              id: `attest:${mode.domain}:${new Date().toISOString()}`,
              kind: 'note',
              label: `${ATTESTATION_LABEL}${mode.domain}`,
              value: text.trim(),
            },
          });
        }}
      />
    );
  } else if (mode.kind === 'override') {
    bottom = (
      <ReasonPrompt
        label="Why change federation without a CA policy requiring MFA?"
        onCancel={() => setMode({ kind: 'view' })}
        onSubmit={(reason) => {
          setMode({ kind: 'view' });
          dispatch({
            type: 'add-evidence',
            ref: props.stepRef,
            evidence: {
              id: `ca-override:${new Date().toISOString()}`,
              kind: 'note',
              label: CA_OVERRIDE_LABEL,
              value: reason,
              data: { refusal: overridable?.message },
            },
          });
          makePlan(true);
        }}
      />
    );
  } else if (mode.kind === 'confirm') {
    const c = mode.change;
    bottomRows = 4;
    bottom = (
      <ConfirmByTyping
        message={`Set ${c.domain} to ${c.to} (now ${c.from ?? 'not set'}).`}
        expected={c.domain}
        onCancel={() => setMode({ kind: 'view' })}
        onConfirm={() => {
          setMode({ kind: 'view' });
          apply(c, c.domain);
        }}
      />
    );
  }

  const lines: ReactNode[] = [];
  const line = (key: string, text: string, color?: string, wrap = false) => {
    const parts = wrap ? wrapText(text, Math.max(10, props.width - 1)) : [text];
    for (const [i, part] of parts.entries())
      lines.push(
        <Text key={`${key}.${i}`} wrap="truncate-end" color={color}>
          {part}
        </Text>,
      );
  };
  const end = windowEnd(m);
  if (end) {
    const passed = Date.parse(end) <= Date.now();
    line(
      'win',
      passed
        ? `${theme.glyph.status.done} The last federation change has had its 24 hours (${shortTime(end)} UTC).`
        : `${theme.glyph.warn} The last change reaches every sign-in by ${shortTime(end)} UTC; step 12 waits until then.`,
      passed ? theme.color.ok : theme.color.warn,
    );
  }
  // RADIUS clients move to the NPS extension (step 9) before federation changes, or they lose MFA
  const radiusOpen = m.inventory.services.filter(
    (x) => x.kind === 'radius' && x.disposition !== 'retire' && x.status !== 'done',
  );
  if (radiusOpen.length > 0)
    line(
      'nps',
      `${theme.glyph.warn} ${radiusOpen.length} RADIUS client(s) not done in step 9 (NPS extension checklist): ${radiusOpen.map((x) => x.name).join(', ')}`,
      theme.color.warn,
      true,
    );
  if (ca) {
    const names = ca.enabled.map((p) => `${p.displayName}: ${p.covers}`).join('; ');
    line(
      'ca',
      ca.enabled.length
        ? `Conditional Access requiring MFA: ${ca.enabled.length} enabled (${names})${ca.reportOnly.length ? `, ${ca.reportOnly.length} report-only` : ''}`
        : `${theme.glyph.warn} No enabled Conditional Access policy requires MFA${ca.reportOnly.length ? ` (${ca.reportOnly.length} report-only enforce nothing)` : ''}.`,
      ca.enabled.length ? undefined : theme.color.warn,
      true,
    );
  }
  if (!domains) {
    line('h', 'l reads the federated domains and their federatedIdpMfaBehavior.', theme.color.muted);
    if (!services.online())
      line('o', `${theme.glyph.warn} offline: sign in (g) or record the result by hand`, theme.color.warn);
  }
  const top = lines.length;
  const domainRows = list.map((d, i) => {
    const on = i === selected;
    const mark = chosen.includes(d.domain) ? theme.glyph.checked : theme.glyph.unchecked;
    const now =
      d.behavior ?? (attest[d.domain] ? 'not set (attested)' : 'not set: SupportsMfa governs, t attests');
    return (
      <Text key={d.domain} wrap="truncate-end" color={on ? theme.color.selected : undefined}>
        {on ? theme.glyph.pointer : ' '} {mark} {d.domain}: {d.federationId ? now : 'not federated'}
      </Text>
    );
  });
  const planLines: ReactNode[] = [];
  if (plan) {
    const push = (key: string, text: string, color?: string) => {
      for (const [i, part] of wrapText(text, Math.max(10, props.width - 1)).entries())
        planLines.push(
          <Text key={`${key}.${i}`} wrap="truncate-end" color={color}>
            {part}
          </Text>,
        );
    };
    for (const [i, r] of plan.plan.refusals.entries())
      push(
        `r${i}`,
        `${theme.glyph.error} ${r.message}${r.overridable ? ' (o: override with a reason)' : ''}`,
        theme.color.error,
      );
    for (const [i, c] of changes.entries())
      push(`c${i}`, `Will set ${c.domain}: ${c.from ?? 'not set'} -> ${c.to}`);
    for (const d of plan.plan.unchanged)
      push(`u${d}`, `${d} is already rejectMfaByFederatedIdp: nothing to do.`, theme.color.ok);
    for (const [i, w] of plan.plan.warnings.entries())
      push(`w${i}`, `${theme.glyph.warn} ${w}`, theme.color.warn);
  }
  const body = bodyRowsOf(props.height, bottom ? bottomRows : 1, task, props.width);
  const listRows = Math.max(1, Math.min(domainRows.length || 1, Math.floor((body - top) / 2)));
  const hints: [string, string][] = [['l', domains ? 'read again' : 'read domains']];
  if (list.length) hints.push(['Space', 'choose'], ['t', 'attest']);
  if (chosen.length) hints.push(['p', 'plan']);
  if (overridable) hints.push(['o', 'override']);
  if (plan && plan.plan.refusals.length === 0 && changes.length) hints.push(['a', 'apply (type the domain)']);
  if (planLines.length > body - top - listRows) hints.push(['J/K', 'scroll plan']);
  return (
    <TenantLayout
      height={props.height}
      width={props.width}
      task={task}
      hints={hints}
      bottom={bottom}
      bottomRows={bottomRows}
    >
      {lines}
      <ScrollBox
        height={listRows}
        rows={domainRows}
        selected={selected}
        empty={domains ? 'No federated domains.' : ' '}
      />
      <ScrollBox height={Math.max(1, body - top - listRows)} rows={planLines} offset={offset} />
    </TenantLayout>
  );
}
