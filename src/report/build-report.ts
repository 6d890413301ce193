// Migration -> Report. Pure: the clock, the author and the program version come in as options, so the
// same input always gives the same report (and tests can pin it).
import {
  CLOUD_LABELS,
  END_USER_CHECKS,
  GUARD_LABELS,
  phaseDef,
  stepDef,
} from '../../state/catalogue/index.js';
import {
  END_USER_CHECK_IDS,
  type GroupRef,
  type Migration,
  PHASES,
  type PhaseId,
  type StepId,
  type StepState,
} from '../../state/model.js';
import type { AuditEntry } from '../audit/audit-log.js';
import {
  derivedStepStatus,
  openItems,
  phaseProgress,
  stepInstances,
  stepsOfPhase,
  warnings,
} from './derive.js';
import { maskPhoneNumbers } from './mask-phones.js';
import { REPORT_VERSION, type Report, type ReportChecklistItem, type ReportStep } from './report-model.js';

export interface BuildReportOptions {
  /** one phase, or the whole migration when absent */
  phase?: PhaseId;
  now: Date;
  maskPhones: boolean;
  programVersion: string;
  /** "osuser@host" of whoever generates the report */
  generatedBy?: string;
  /** the migration's audit log of tenant writes (read by the caller: this function is pure) */
  audit?: readonly AuditEntry[];
}

/** Which of the migration-wide sections belong to a one-phase report. */
const SECTION_PHASES = {
  inventory: ['preparations'],
  waves: ['migrations'],
  exceptions: ['migrations'],
  federationChanges: ['finalize', 'rollback'],
  tenantWrites: ['migrations', 'finalize', 'rollback'],
} as const satisfies Record<string, readonly PhaseId[]>;

function groupName(g: GroupRef): string {
  if (g.name && g.id) return `${g.name} (${g.id})`;
  return g.name ?? g.id ?? '(unnamed group)';
}

export function buildReport(m: Migration, opts: BuildReportOptions): Report {
  // Free text goes through here: notes and evidence are where admins paste phone numbers.
  const text = (s: string): string => (opts.maskPhones ? maskPhoneNumbers(s) : s);
  const textOrNull = (s: string | undefined): string | null => (s === undefined ? null : text(s));
  const inScope = (phases: readonly PhaseId[]): boolean =>
    opts.phase === undefined || phases.includes(opts.phase);
  const waveName = (id: string | undefined): { id: string; name: string } | null => {
    if (id === undefined) return null;
    return { id, name: m.waves.find((w) => w.id === id)?.name ?? id };
  };

  const checklistOf = (id: StepId, state: StepState | undefined): ReportChecklistItem[] => {
    const def = stepDef(id);
    const answers = state?.checklist ?? {};
    const items: ReportChecklistItem[] = def.checklist.map((c) => {
      const a = answers[c.id];
      return {
        id: c.id,
        text: c.text,
        checked: a ? a.checked : null,
        note: textOrNull(a?.note),
        by: a?.by ?? null,
        at: a?.at ?? null,
      };
    });
    // Answers to items the catalogue no longer lists are still part of the record: keep them.
    for (const [itemId, a] of Object.entries(answers)) {
      if (def.checklist.some((c) => c.id === itemId)) continue;
      items.push({
        id: itemId,
        text: itemId,
        checked: a.checked,
        note: textOrNull(a.note),
        by: a.by,
        at: a.at,
      });
    }
    return items;
  };

  const stepReport = (
    id: StepId,
    wave: { id: string; name: string } | null,
    state: StepState | undefined,
  ): ReportStep => {
    const def = stepDef(id);
    return {
      id,
      label: def.label,
      title: def.title,
      wave,
      status: state?.status ?? 'pending',
      reason: textOrNull(state?.reason),
      optional: def.optional,
      doneAt: state?.doneAt ?? null,
      checklist: checklistOf(id, state),
      notes: text(state?.notes ?? ''),
      evidence: (state?.evidence ?? []).map((e) => ({
        id: e.id,
        kind: e.kind,
        label: text(e.label),
        value: text(e.value),
        by: e.by,
        at: e.at,
      })),
      history: (state?.history ?? []).map((h) => ({
        at: h.at,
        by: h.by,
        what: text(h.what),
        reason: textOrNull(h.reason),
      })),
    };
  };

  const phases = PHASES.filter((p) => inScope([p])).map((p) => {
    const steps: ReportStep[] = [];
    for (const id of stepsOfPhase(p)) {
      const instances = stepInstances(m, id);
      if (instances.length === 0) {
        // A per-wave step with no wave yet: show it once, with its derived status.
        steps.push({ ...stepReport(id, null, undefined), status: derivedStepStatus(m, id) });
      }
      for (const { wave, state } of instances) steps.push(stepReport(id, wave, state));
    }
    return { id: p, title: phaseDef(p).title, ...phaseProgress(m, p), steps };
  });

  const current = stepDef(m.current.step);
  const checkLabel = (id: string): string => END_USER_CHECKS.find((c) => c.id === id)?.label ?? id;

  return {
    reportVersion: REPORT_VERSION,
    generatedAt: opts.now.toISOString(),
    generatedBy: opts.generatedBy ?? 'unknown',
    programVersion: opts.programVersion,
    phase: opts.phase ?? null,
    phonesMasked: opts.maskPhones,
    migration: {
      id: m.id,
      name: m.name,
      tenant: m.tenant ?? null,
      tenantId: m.tenantId ?? null,
      cloud: m.cloud,
      cloudLabel: CLOUD_LABELS[m.cloud],
      demo: m.demo,
      createdAt: m.createdAt,
      createdBy: m.createdBy,
      current: {
        step: m.current.step,
        label: current.label,
        title: current.title,
        wave: waveName(m.current.wave)?.name ?? null,
      },
    },
    progress: PHASES.map((p) => ({ phase: p, title: phaseDef(p).title, ...phaseProgress(m, p) })),
    phases,
    overrides: m.overrides
      .filter((o) => inScope([stepDef(o.step).phase]))
      .map((o) => ({
        guard: o.guard,
        guardLabel: GUARD_LABELS[o.guard],
        step: o.step,
        stepLabel: stepDef(o.step).label,
        wave: waveName(o.wave),
        reason: text(o.reason),
        refusal: text(o.refusal),
        by: o.by,
        at: o.at,
      })),
    openItems: openItems(m)
      .filter((i) => inScope([i.phase]))
      .map((i) => ({ ...i, text: text(i.text) })),
    warnings: warnings(m, opts.now)
      .filter((w) => w.phase === null || inScope([w.phase]))
      .map((w) => ({ ...w, text: text(w.text) })),
    inventory: inScope(SECTION_PHASES.inventory)
      ? {
          methods: m.inventory.methods.map((r) => ({ ...stripId(r), notes: text(r.notes) })),
          portal: m.inventory.portal.map((r) => ({ ...stripId(r), notes: text(r.notes) })),
          services: m.inventory.services.map((r) => ({
            kind: r.kind,
            name: r.name,
            host: r.host,
            disposition: r.disposition,
            status: r.status,
            notes: text(r.notes),
          })),
          servers: m.inventory.servers.map((r) => ({ ...stripId(r), notes: text(r.notes) })),
          loadBalancers: m.inventory.loadBalancers.map((r) => ({ ...stripId(r), notes: text(r.notes) })),
        }
      : null,
    waves: inScope(SECTION_PHASES.waves)
      ? m.waves.map((w) => ({
          id: w.id,
          name: w.name,
          createdAt: w.createdAt,
          migrationGroups: w.migrationGroups.map(groupName),
          rolloutGroups: w.rolloutGroups.map(groupName),
          counts: {
            members: w.counts.members ?? null,
            migrated: w.counts.migrated ?? null,
            verified: w.counts.verified ?? null,
          },
          testUsers: w.testUsers.map((u) => ({
            upn: u.upn,
            checks: [...END_USER_CHECK_IDS, ...Object.keys(u.checks).filter((k) => !isKnownCheck(k))].map(
              (id) => {
                const c = u.checks[id];
                return {
                  id,
                  label: checkLabel(id),
                  result: c?.result ?? 'pending',
                  note: textOrNull(c?.note),
                  by: c?.by ?? null,
                  at: c?.at ?? null,
                };
              },
            ),
          })),
        }))
      : null,
    exceptions: inScope(SECTION_PHASES.exceptions)
      ? m.exceptions.map((e) => ({ upn: e.upn, reason: text(e.reason), by: e.by, at: e.at }))
      : null,
    federationChanges: inScope(SECTION_PHASES.federationChanges)
      ? m.federationChanges.map((f) => ({ ...f }))
      : null,
    // Every write the tool sent to the tenant, as the audit log recorded it (bodies are already free
    // of secrets; phone numbers in them are masked like the rest of the report).
    tenantWrites:
      opts.audit && inScope(SECTION_PHASES.tenantWrites)
        ? opts.audit.map((a) => ({
            at: a.at,
            by: a.by,
            method: a.method,
            path: a.path,
            status: a.status,
            requestId: a.requestId ?? null,
            body: a.body === null || a.body === undefined ? null : text(JSON.stringify(a.body)),
            error: a.error ?? null,
          }))
        : null,
  };
}

function isKnownCheck(id: string): boolean {
  return (END_USER_CHECK_IDS as readonly string[]).includes(id);
}

function stripId<T extends { id: string }>(row: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = row;
  return rest;
}
