// `mfa-migrate status`: where each migration stands, as text for people or --json for scripts.
import { CLOUD_LABELS, phaseDef, stepDef } from '../../state/catalogue/index.js';
import { type Migration, PHASES, type PhaseId, STEP_IDS, type StepId } from '../../state/model.js';
import { stepStatus } from '../../state/selectors.js';
import { openItems, phaseProgress, stepInstances, warnings } from '../report/derive.js';
import { STATUS_WORDS } from '../report/status-words.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { loadStateForReading } from './load-state.js';
import { selectMigrations } from './select-migration.js';

export const STATUS_VERSION = 1;

export interface MigrationStatus {
  id: string;
  name: string;
  tenant: string | null;
  tenantId: string | null;
  cloud: string;
  cloudLabel: string;
  demo: boolean;
  /** the migration the wizard opens next */
  last: boolean;
  current: { step: StepId; label: string; title: string; wave: string | null; status: string };
  phases: { phase: PhaseId; title: string; done: number; total: number }[];
  openItems: number;
  blocked: { step: StepId; label: string; title: string; wave: string | null; reason: string }[];
  overrides: number;
  /** as of now: stale backup, shared groups, federation still propagating, ... */
  warnings: string[];
}

export function migrationStatus(m: Migration, last: boolean, now: Date): MigrationStatus {
  const cur = stepDef(m.current.step);
  const curWave = m.waves.find((w) => w.id === m.current.wave);
  const blocked: MigrationStatus['blocked'] = [];
  for (const id of STEP_IDS) {
    for (const { wave, state } of stepInstances(m, id)) {
      if (state?.status === 'blocked') {
        const def = stepDef(id);
        blocked.push({
          step: id,
          label: def.label,
          title: def.title,
          wave: wave?.name ?? null,
          reason: state.reason ?? '',
        });
      }
    }
  }
  return {
    id: m.id,
    name: m.name,
    tenant: m.tenant ?? null,
    tenantId: m.tenantId ?? null,
    cloud: m.cloud,
    cloudLabel: CLOUD_LABELS[m.cloud],
    demo: m.demo,
    last,
    current: {
      step: m.current.step,
      label: cur.label,
      title: cur.title,
      wave: curWave?.name ?? null,
      // a per-wave step without a wave is the waves overview: its status is derived from the waves
      status: stepStatus(m, m.current),
    },
    phases: PHASES.map((p) => ({ phase: p, title: phaseDef(p).title, ...phaseProgress(m, p) })),
    openItems: openItems(m).length,
    blocked,
    overrides: m.overrides.length,
    warnings: warnings(m, now).map((w) => w.text),
  };
}

export function formatStatusText(s: MigrationStatus): string {
  const lines: string[] = [];
  lines.push(`${s.name}${s.demo ? ' [DEMO]' : ''}${s.last ? '  (last opened)' : ''}`);
  const tenant = s.tenant ?? 'not given';
  const pinned = s.tenantId ? `tenant id ${s.tenantId}` : 'tenant id not pinned yet (no sign-in)';
  lines.push(`  id:           ${s.id}`);
  lines.push(`  tenant:       ${tenant}, ${pinned}`);
  lines.push(`  cloud:        ${s.cloudLabel}`);
  const wave = s.current.wave ? ` (${s.current.wave})` : '';
  const word = STATUS_WORDS[s.current.status as keyof typeof STATUS_WORDS] ?? s.current.status;
  lines.push(`  current step: ${s.current.label} ${s.current.title}${wave}: ${word}`);
  for (const p of s.phases) lines.push(`  ${`${p.title}:`.padEnd(14)}${p.done}/${p.total} done`);
  lines.push(`  open items:   ${s.openItems}`);
  lines.push(`  overrides:    ${s.overrides}`);
  if (s.blocked.length === 0) lines.push('  blocked:      none');
  for (const b of s.blocked) {
    lines.push(`  blocked:      step ${b.label} ${b.title}${b.wave ? ` (${b.wave})` : ''}: ${b.reason}`);
  }
  for (const w of s.warnings) lines.push(`  warning:      ${w}`);
  return lines.join('\n');
}

export interface StatusOptions {
  stateDir: string;
  programVersion: string;
  json: boolean;
  migration?: string;
  now: Date;
  out: (text: string) => void;
}

export function runStatus(opts: StatusOptions): ExitCode {
  const root = loadStateForReading(opts.stateDir, opts.programVersion);
  const migrations = root ? selectMigrations(root, opts.migration) : [];
  const statuses = migrations.map((m) => migrationStatus(m, m.id === root?.lastMigrationId, opts.now));
  if (opts.json) {
    opts.out(
      `${JSON.stringify({ statusVersion: STATUS_VERSION, stateDir: opts.stateDir, migrations: statuses }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  if (statuses.length === 0) {
    opts.out(
      `No migration yet in ${opts.stateDir}.\n` +
        'Start one with `mfa-migrate` (the wizard), or try the demo tenant with `mfa-migrate --demo`.\n',
    );
    return EXIT.ok;
  }
  opts.out(`${statuses.map(formatStatusText).join('\n\n')}\n`);
  return EXIT.ok;
}
