// Step 6 "Staged rollout": pre-checks and the plan (read-only: exactly what would change), refusals
// with an override by written reason where Entra would not refuse, apply after y/n, read back, record.
// China (21Vianet) has no staged rollout and app-only sign-in cannot change it: the plan says why.
import { Text } from 'ink';
import { type ReactNode, useState } from 'react';
import type { RolloutApplyResult, WaveRolloutPlan } from '../src/waves/rollout.js';
import type { GuardId } from '../state/model.js';
import type { RolloutAction, RolloutRefusal } from '../state/rollout-plan.js';
import { currentMigration } from '../state/selectors.js';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { useKeys } from './key-router.js';
import { ReasonPrompt } from './reason-prompt.js';
import { ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { waveOf } from './step-data.js';
import { bodyRowsOf, TenantLayout } from './tenant-layout.js';
import { NotAvailable, useTenantTask } from './tenant-task.js';
import { useUi } from './ui-context.js';
import { useTenantServices } from './use-tenant-services.js';
import { wrapText } from './wrap-text.js';

export const MEMBERSHIP_DELAY = 'Membership changes take up to 24 hours to reach every sign-in.';

export function actionText(a: RolloutAction): string {
  switch (a.kind) {
    case 'create-policy':
      return `Create the staged rollout policy for MFA "${a.displayName}" (enabled)`;
    case 'enable-policy':
      return `Turn on the staged rollout policy for MFA (${a.policyId})`;
    case 'disable-policy':
      return `Turn off the staged rollout policy for MFA (${a.policyId})`;
    case 'add-group':
      return `Add group ${a.displayName} (${a.groupId})`;
    case 'remove-group':
      return `Remove group ${a.displayName} (${a.groupId})`;
  }
}

type Mode = { kind: 'view' } | { kind: 'override'; refusal: RolloutRefusal } | { kind: 'confirm' };
type Override = { groupId: string; guard: GuardId; reason: string };

export function WaveTenantRollout(props: SectionProps) {
  const { theme, state, dispatch } = useUi();
  const services = useTenantServices();
  const task = useTenantTask();
  const m = currentMigration(state);
  const wave = m ? waveOf(m, props.stepRef.wave) : undefined;
  const [plan, setPlan] = useState<WaveRolloutPlan | null>(null);
  const [applied, setApplied] = useState<RolloutApplyResult | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [offset, setOffset] = useState(0);

  const makePlan = (extra: Override[]) => {
    if (!services || !m || !wave) return;
    setApplied(null);
    task.start(
      'Checking groups and the rollout policy',
      () => services.planRollout(m, wave, { overrides: extra }),
      (p) => {
        setPlan(p);
        setOffset(0);
      },
    );
  };

  /** Record the override as the wave's own (the reducer keeps it with the wave); else as a note. */
  const recordOverride = (r: RolloutRefusal, reason: string) => {
    if (!wave || r.code === 'invalid') return;
    const refused =
      r.code === 'rollout-same-group'
        ? dispatch({
            type: 'set-wave-groups',
            waveId: wave.id,
            migrationGroups: wave.migrationGroups,
            rolloutGroups: wave.rolloutGroups,
            override: { guard: r.code, reason },
          })
        : wave.steps.validate.status === 'pending'
          ? dispatch({
              type: 'set-step-status',
              ref: props.stepRef,
              status: 'in-progress',
              override: { guard: r.code, reason },
            })
          : 'not-tried';
    if (refused !== null) {
      dispatch({
        type: 'add-evidence',
        ref: props.stepRef,
        evidence: {
          id: `override:${r.code}:${r.groupId ?? ''}:${new Date().toISOString()}`,
          kind: 'note',
          label: `Override ${r.code}`,
          value: reason,
          data: { refusal: r.message, groupId: r.groupId },
        },
      });
    }
  };

  const apply = () => {
    if (!services || !plan || !wave) return;
    task.start(
      'Applying and reading back',
      (run) => services.applyRollout(plan, run),
      (r) => {
        setApplied(r);
        const added = r.actions.filter((a) => a.action.kind === 'add-group').map((a) => actionText(a.action));
        dispatch({
          type: 'add-evidence',
          ref: props.stepRef,
          evidence: {
            id: `rollout:${wave.id}:${r.at}`,
            kind: 'graph-read',
            label: 'Staged rollout for MFA (read back)',
            value: `${r.allConfirmed ? 'confirmed' : 'NOT confirmed'}: policy ${r.policyId ?? 'none'}, ${r.readBack?.isEnabled ? 'on' : 'off'}, ${r.readBack?.groupIds.length ?? 0} group(s)`,
            data: { actions: r.actions, readBack: r.readBack, createdPolicy: r.createdPolicy, added },
          },
        });
        task.setMessage({
          kind: r.allConfirmed ? 'ok' : 'warn',
          text: r.allConfirmed
            ? `Applied and read back. ${MEMBERSHIP_DELAY}`
            : 'Applied, but the read-back does not show every change yet: p plans again to see what is left.',
        });
      },
    );
  };

  const refusals = plan?.plan.refusals ?? [];
  const overridable = refusals.find((r) => r.overridable);
  useKeys(
    (input, key) => {
      if (input === 'p') makePlan(overrides);
      else if (input === 'o' && overridable) setMode({ kind: 'override', refusal: overridable });
      else if (input === 'a' && plan && refusals.length === 0 && plan.plan.actions.length > 0)
        setMode({ kind: 'confirm' });
      else if (key.downArrow || input === 'j') setOffset((o) => o + 1);
      else if (key.upArrow || input === 'k') setOffset((o) => Math.max(0, o - 1));
    },
    { isActive: props.active && task.running === null && mode.kind === 'view' },
  );

  if (!services) return <NotAvailable what="staged rollout" />;
  if (!m || !wave) return <Text color={theme.color.error}>This wave is not in the migration.</Text>;

  let bottom: ReactNode;
  if (mode.kind === 'override') {
    const r = mode.refusal;
    bottom = (
      <ReasonPrompt
        label={`Why go ahead anyway (${r.code})?`}
        onCancel={() => setMode({ kind: 'view' })}
        onSubmit={(reason) => {
          setMode({ kind: 'view' });
          recordOverride(r, reason);
          const next = [...overrides, { groupId: r.groupId ?? '', guard: r.code as GuardId, reason }];
          setOverrides(next);
          makePlan(next);
        }}
      />
    );
  } else if (mode.kind === 'confirm' && plan) {
    bottom = (
      <ConfirmYesNo
        question={`Apply ${plan.plan.actions.length} change(s) to staged rollout in the tenant?`}
        onNo={() => setMode({ kind: 'view' })}
        onYes={() => {
          setMode({ kind: 'view' });
          apply();
        }}
      />
    );
  }

  const lines: ReactNode[] = [];
  // refusals and warnings are read in full: they wrap instead of being cut
  const line = (key: string, text: string, color?: string, bold?: boolean, wrap = false) => {
    const parts = wrap ? wrapText(text, Math.max(10, props.width - 1)) : [text];
    for (const [i, part] of parts.entries())
      lines.push(
        <Text key={`${key}.${i}`} wrap="truncate-end" color={color} bold={bold}>
          {part}
        </Text>,
      );
  };
  line('title', `Staged rollout (SR) for MFA: wave ${wave.name}`, undefined, true);
  if (m.cloud === 'china')
    line(
      'cn',
      `${theme.glyph.warn} Not offered: the China (21Vianet) cloud has no staged rollout; users move with the federation change.`,
      theme.color.warn,
      false,
      true,
    );
  if (!plan) {
    line(
      'g',
      `Rollout groups: ${wave.rolloutGroups.map((g) => g.name ?? g.id).join(', ') || 'none yet (set them in the Wave section)'}`,
    );
    line(
      'h',
      'p checks each group (dynamic, nested groups, contacts, size, members migrated) and plans.',
      theme.color.muted,
    );
    if (!services.online())
      line('o', `${theme.glyph.warn} offline: sign in (g) or record the result by hand`, theme.color.warn);
  } else {
    for (const f of plan.facts)
      line(
        `f${f.id}`,
        `${f.displayName}: ${f.userCount} users (${f.cloudOnlyCount} cloud-only)${f.isDynamic ? ', dynamic' : ''}${f.nestedGroupCount ? `, ${f.nestedGroupCount} nested group(s)` : ''}${f.contactCount ? `, ${f.contactCount} contact(s)` : ''}${f.membersMigrated ? ', members migrated' : ', members not verified'}`,
      );
    for (const [i, u] of plan.unresolved.entries())
      line(`u${i}`, `${theme.glyph.error} ${u}`, theme.color.error, false, true);
    line(
      'pol',
      plan.policy
        ? `Policy ${plan.policy.id}: ${plan.policy.isEnabled ? 'on' : 'off'}, ${plan.policy.groupIds.length} group(s)`
        : 'No staged rollout policy for MFA exists yet.',
      theme.color.muted,
    );
    for (const [i, n] of plan.notes.entries()) line(`n${i}`, n, theme.color.muted);
    for (const [i, r] of refusals.entries())
      line(
        `r${i}`,
        `${theme.glyph.error} ${r.message}${r.overridable ? ' (o: override with a reason)' : ''}`,
        theme.color.error,
        false,
        true,
      );
    if (plan.plan.actions.length === 0 && refusals.length === 0)
      line(
        'none',
        `Nothing to change${plan.plan.alreadyApplied.length ? `: ${plan.plan.alreadyApplied.join(', ')} already in staged rollout` : ''}.`,
        theme.color.ok,
      );
    if (plan.plan.actions.length > 0)
      line('will', 'Will change (nothing is written until you confirm):', undefined, true);
    for (const [i, a] of plan.plan.actions.entries()) {
      const done = applied?.actions.find((x) => x.action === a);
      const mark = done
        ? done.confirmed
          ? `${theme.glyph.status.done} ${done.outcome}, read back`
          : `${theme.glyph.warn} not confirmed`
        : '';
      line(`a${i}`, `  ${actionText(a)}${mark ? `  ${mark}` : ''}`);
    }
    for (const [i, w] of plan.plan.warnings.entries())
      line(`w${i}`, `${theme.glyph.warn} ${w}`, theme.color.warn, false, true);
  }
  const body = bodyRowsOf(props.height, bottom ? 2 : 1, task, props.width);
  const hints: [string, string][] = [['p', plan ? 'plan again' : 'check and plan']];
  if (overridable) hints.push(['o', 'override']);
  if (plan && refusals.length === 0 && plan.plan.actions.length > 0) hints.push(['a', 'apply']);
  hints.push(['↑↓', 'scroll']);
  return (
    <TenantLayout
      height={props.height}
      width={props.width}
      task={task}
      hints={hints}
      bottom={bottom}
      bottomRows={2}
    >
      <ScrollBox height={body} rows={lines} offset={offset} />
    </TenantLayout>
  );
}
