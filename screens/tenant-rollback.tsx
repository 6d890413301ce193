// Rollback (rb-assess, rb-staged-rollout, rb-federation): the plan derived from the audit log and the
// state, and only that. The warning comes first (MFA Server no longer performs MFA), then the partial
// items that stay safe and the full ones. Each tenant write: plan (shown) -> confirm (y/n for staged
// rollout, the typed domain for federation) -> apply -> read back -> record.
import { Text } from 'ink';
import { type ReactNode, useEffect, useState } from 'react';
import type { RollbackItem, RollbackPlan } from '../src/rollback/rollback-plan.js';
import type { FederationChange } from '../state/federation-plan.js';
import { currentMigration } from '../state/selectors.js';
import { ConfirmByTyping } from './confirm-by-typing.js';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { useKeys } from './key-router.js';
import { listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { bodyRowsOf, TenantLayout } from './tenant-layout.js';
import { NotAvailable, useTenantTask } from './tenant-task.js';
import { useUi } from './ui-context.js';
import { useTenantServices } from './use-tenant-services.js';
import { wrapText } from './wrap-text.js';

export type RollbackScope = 'assess' | 'staged-rollout' | 'federation';

/** Which items a rollback step shows: the whole plan, the staged-rollout part, or the federation part. */
export function itemsFor(plan: RollbackPlan, scope: RollbackScope): RollbackItem[] {
  if (scope === 'staged-rollout')
    return plan.partial.filter((i) => i.kind === 'remove-group' || i.kind === 'rollout-off');
  if (scope === 'federation') return plan.full.filter((i) => i.kind === 'federation-enforce');
  return [...plan.partial, ...plan.full];
}

type Mode =
  | { kind: 'view' }
  | { kind: 'service-stopped'; item: RollbackItem }
  | { kind: 'confirm'; item: RollbackItem }
  | { kind: 'type-domain'; change: FederationChange };

export function TenantRollback(props: SectionProps & { scope: RollbackScope }) {
  const { theme, state, dispatch } = useUi();
  const services = useTenantServices();
  const task = useTenantTask();
  const m = currentMigration(state);
  const [plan, setPlan] = useState<RollbackPlan | null>(null);
  const [fedPlan, setFedPlan] = useState<{ changes: FederationChange[]; notes: string[] } | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [selected, setSelected, selectedLive] = useLiveState(0);

  const load = () => {
    if (!services || !m) return;
    services
      .rollbackPlan(m)
      .then(setPlan)
      .catch((e: unknown) =>
        task.setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) }),
      );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: derived once when shown, and after each write
  useEffect(load, [services]);

  const record = (label: string, value: string, data: unknown) =>
    dispatch({
      type: 'add-evidence',
      ref: props.stepRef,
      evidence: {
        id: `rollback:${label}:${new Date().toISOString()}`,
        kind: 'graph-read',
        label,
        value,
        data,
      },
    });

  const applyItem = (item: RollbackItem) => {
    if (!services || !m) return;
    if (item.kind === 'remove-group' || item.kind === 'rollout-off') {
      task.start(
        item.kind === 'rollout-off' ? 'Turning staged rollout off' : 'Removing the group',
        () =>
          item.kind === 'remove-group'
            ? services.removeRolloutGroups([{ id: item.groupId, displayName: item.title }])
            : services.rolloutOff(),
        (r) => {
          const nothing = r.actions.length === 0;
          record(
            item.kind === 'rollout-off' ? 'Rollback: staged rollout for MFA off' : `Rollback: ${item.title}`,
            nothing
              ? 'nothing to do (already so)'
              : `${r.allConfirmed ? 'confirmed by read-back' : 'NOT confirmed'}: policy ${r.policyId ?? 'none'} ${r.readBack?.isEnabled ? 'on' : 'off'}, ${r.readBack?.groupIds.length ?? 0} group(s)`,
            r,
          );
          task.setMessage({
            kind: nothing || r.allConfirmed ? 'ok' : 'warn',
            text: nothing
              ? 'Nothing to do: the tenant is already so. Recorded.'
              : r.allConfirmed
                ? 'Applied and read back; recorded.'
                : 'Applied, but the read-back does not show it yet; try again shortly.',
          });
          load();
        },
      );
    } else if (item.kind === 'restore-data-file') {
      setMode({ kind: 'service-stopped', item });
    } else if (item.kind === 'federation-enforce') {
      task.start(
        'Reading the changed domains',
        () => services.planFederationRollback(m),
        (p) => {
          setFedPlan({
            changes: p.changes,
            notes: [
              ...p.refusals,
              ...p.warnings,
              ...p.unchanged.map((d) => `${d} is already enforceMfaByFederatedIdp.`),
            ],
          });
          const first = p.changes[0];
          if (first) setMode({ kind: 'type-domain', change: first });
          else task.setMessage({ kind: 'ok', text: 'Nothing to change on the domains the wizard changed.' });
        },
      );
    }
  };

  const applyDomain = (change: FederationChange, typed: string) => {
    if (!services || !m) return;
    task.start(
      `Setting ${change.domain} back`,
      () => services.applyFederationRollback(m, { [change.domain]: typed }),
      (r) => {
        for (const c of r.applied) {
          dispatch({ type: 'record-federation-change', domain: c.domain, from: c.from, to: c.to });
          record(
            `Rollback: federatedIdpMfaBehavior of ${c.domain}`,
            `${c.from ?? 'not set'} -> ${c.to} (read back)`,
            c,
          );
        }
        const done = r.applied.find((c) => c.domain === change.domain);
        const why = r.skipped.find((s) => s.domain === change.domain)?.message;
        task.setMessage(
          done
            ? {
                kind: 'ok',
                text: `${change.domain} is ${done.to} again (read back); recorded. It takes up to 24 hours.`,
              }
            : { kind: 'error', text: why ?? `${change.domain} was not changed.` },
        );
        setFedPlan(null);
        load();
      },
    );
  };

  const items = plan ? itemsFor(plan, props.scope) : [];
  const current = items[selected];
  const actionable = (i: RollbackItem | undefined) =>
    i !== undefined &&
    (i.kind === 'remove-group' ||
      i.kind === 'rollout-off' ||
      i.kind === 'federation-enforce' ||
      (i.kind === 'restore-data-file' && i.backup !== null));
  useKeys(
    (input, key) => {
      const moved = listMove(input, key, selectedLive.current, items.length);
      if (moved !== null) setSelected(moved);
      else if (key.return) {
        const it = items[selectedLive.current];
        if (it && actionable(it)) setMode({ kind: 'confirm', item: it });
      } else if (input === 'l') load();
    },
    { isActive: props.active && task.running === null && mode.kind === 'view' },
  );

  if (!services) return <NotAvailable what="the rollback plan" />;
  if (!m) return null;

  let bottom: ReactNode;
  let bottomRows = 2;
  if (mode.kind === 'confirm') {
    const it = mode.item;
    bottom = (
      <ConfirmYesNo
        question={
          it.kind === 'federation-enforce'
            ? 'Read the domains to set back (each is typed to confirm)?'
            : it.kind === 'restore-data-file'
              ? `Restore PhoneFactor.pfdata from the backup of ${it.backup?.takenAt.slice(0, 16) ?? '?'}?`
              : `${it.title}?`
        }
        onNo={() => setMode({ kind: 'view' })}
        onYes={() => {
          setMode({ kind: 'view' });
          applyItem(it);
        }}
      />
    );
  } else if (mode.kind === 'service-stopped') {
    const it = mode.item;
    const answer = (stopped: boolean) => {
      setMode({ kind: 'view' });
      task.start(
        'Restoring PhoneFactor.pfdata',
        () => services.restoreDataFile(it, stopped),
        (r) => {
          dispatch({
            type: 'add-evidence',
            ref: props.stepRef,
            evidence: {
              id: `rollback:restore:${r.restoredAt}`,
              kind: 'file-hash',
              label: 'Rollback: PhoneFactor.pfdata restored',
              value: `${r.to} sha256 ${r.sha256}${r.keptAsideAt ? `; the previous file kept at ${r.keptAsideAt}` : ''}`,
              data: r,
            },
          });
          task.setMessage({
            kind: 'ok',
            text: `Restored ${r.to} (hash checked); start MultiFactorAuth again.`,
          });
        },
      );
    };
    bottom = (
      <ConfirmYesNo
        question="Is the MultiFactorAuth service stopped on the MFA Server?"
        onNo={() => {
          setMode({ kind: 'view' });
          task.setMessage({ kind: 'warn', text: 'Stop the MultiFactorAuth service first, then restore.' });
        }}
        onYes={() => answer(true)}
      />
    );
  } else if (mode.kind === 'type-domain') {
    const c = mode.change;
    bottomRows = 4;
    bottom = (
      <ConfirmByTyping
        message={`Set ${c.domain} back to ${c.to} (now ${c.from ?? 'not set'}): users of it go back to MFA Server.`}
        expected={c.domain}
        onCancel={() => {
          setMode({ kind: 'view' });
          setFedPlan(null);
        }}
        onConfirm={() => {
          setMode({ kind: 'view' });
          applyDomain(c, c.domain);
        }}
      />
    );
  }

  const width = Math.max(10, props.width - 1);
  const head: ReactNode[] = [];
  const warning = plan?.warning ?? '';
  for (const [i, part] of wrapText(`${theme.glyph.warn} ${warning}`, width).entries())
    head.push(
      <Text key={`w${i}`} color={theme.color.warn} bold wrap="truncate-end">
        {part}
      </Text>,
    );
  if (plan && plan.derivedFrom.auditBadLines > 0)
    head.push(
      <Text key="bad" color={theme.color.warn} wrap="truncate-end">
        {theme.glyph.warn} {plan.derivedFrom.auditBadLines} line(s) of the audit log could not be read; the
        plan may miss a write.
      </Text>,
    );
  if (!services.online())
    head.push(
      <Text key="o" color={theme.color.warn} wrap="truncate-end">
        {theme.glyph.warn} offline: sign in (g) or record the result by hand
      </Text>,
    );
  const rows = items.map((it, i) => {
    const on = i === selected;
    const tag = it.safe ? 'safe' : 'full';
    return (
      <Text key={it.id} wrap="truncate-end" color={on ? theme.color.selected : undefined}>
        {on ? theme.glyph.pointer : ' '} [{tag}] {it.title}
      </Text>
    );
  });
  const detail: string[] = [];
  if (fedPlan) {
    for (const c of fedPlan.changes) detail.push(`Will set ${c.domain}: ${c.from ?? 'not set'} -> ${c.to}`);
    detail.push(...fedPlan.notes);
  } else if (current?.kind === 'reinstall-checklist') detail.push(...current.checklist.map((c) => `- ${c}`));
  else if (current?.kind === 'restore-data-file')
    detail.push(
      current.backup
        ? `Backup ${current.backup.destination} (${current.backup.takenAt}): hash checked, the current file kept aside, then copied back. Run this on the MFA Server.`
        : 'No backup is recorded on step 2.',
    );
  else if (current?.kind === 'remove-group')
    detail.push(
      `Added ${current.addedAt}${current.uncertain ? ' (no answer came back; it may not be there)' : ''}. Users stay on Entra MFA.`,
    );
  else if (current?.kind === 'rollout-off')
    detail.push('Users in staged rollout go back to federated MFA. Safe: nothing else changes.');
  const detailRows = detail.flatMap((d) => wrapText(d, width));
  const body = bodyRowsOf(props.height, bottom ? bottomRows : 1, task, props.width);
  const listRows = Math.max(1, body - head.length - Math.min(detailRows.length, 4));
  const hints: [string, string][] = [['↑↓', 'choose']];
  if (actionable(current)) hints.push(['Enter', 'plan and apply']);
  hints.push(['l', 'derive again']);
  return (
    <TenantLayout
      height={props.height}
      width={props.width}
      task={task}
      hints={hints}
      bottom={bottom}
      bottomRows={bottomRows}
    >
      {head}
      <ScrollBox
        height={listRows}
        rows={rows}
        selected={selected}
        empty={
          plan
            ? props.scope === 'federation'
              ? 'The wizard changed no federated domain: nothing to undo.'
              : 'Nothing the wizard did needs undoing here.'
            : 'Reading the audit log…'
        }
      />
      {detailRows.slice(0, 4).map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: positional detail lines
        <Text key={i} wrap="truncate-end" color={theme.color.muted}>
          {d}
        </Text>
      ))}
    </TenantLayout>
  );
}
