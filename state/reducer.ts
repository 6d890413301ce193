// The pure state machine of design §2: (state, event) -> state | refusal. No clock, no disk, no
// randomness: time, actor and new ids arrive in the event. Input is never mutated; unchanged parts of
// the tree are shared, so a no-op returns the very same state object.
import type { MigrationEventWithMeta, OverrideRequest, ReduceResult, Refusal } from './events.js';
import { isGuardedTarget, overrideHistoryWhat, pendingStepRefusals, rolloutSameGroup } from './guards.js';
import { isStepId, isWaveStep, stepLabel, stepStateAt, waveById } from './ids.js';
import {
  CHECK_RESULTS,
  CLOUDS,
  END_USER_CHECK_IDS,
  EVIDENCE_KINDS,
  type GroupRef,
  type GuardId,
  type HistoryEntry,
  INVENTORY_TABLES,
  type Inventory,
  type InventoryTable,
  inventoryLoadBalancerRowSchema,
  inventoryMethodRowSchema,
  inventoryServerRowSchema,
  inventoryServiceRowSchema,
  type Migration,
  type Override,
  type RootState,
  STEP_STATUSES,
  type StepRef,
  type StepState,
  type StepStatus,
  type Wave,
} from './model.js';
import { newMigration } from './new-migration.js';
import {
  ROLLOUT_GROUPS_MAX,
  sameGroup,
  validateCount,
  validateDomain,
  validateGroupRef,
  validateMigrationName,
  validateReason,
  validateTenant,
  validateTenantId,
  validateUpn,
  validateWaveName,
} from './validation.js';

type Result<S> = ReduceResult<S>;
type MigrationEventOf<T extends MigrationEventWithMeta['type']> = Extract<
  MigrationEventWithMeta,
  { type: T }
>;
type MigrationScopedEvent = Exclude<
  MigrationEventWithMeta,
  { type: 'create-migration' } | { type: 'select-migration' }
>;

function ok<S>(state: S): Result<S> {
  return { ok: true, state };
}
function refused<S>(refusal: Refusal): Result<S> {
  return { ok: false, refusal };
}
function invalid<S>(message: string): Result<S> {
  return refused({ code: 'invalid', message, overridable: false });
}
function notFound<S>(message: string): Result<S> {
  return refused({ code: 'not-found', message, overridable: false });
}

export function reduce(state: RootState, event: MigrationEventWithMeta): ReduceResult<RootState> {
  // at/by end up in the state file, whose schema requires both: refuse rather than write a bad file.
  if (typeof event.by !== 'string' || event.by.trim() === '') {
    return invalid('The change has no author (user@host); it was not recorded.');
  }
  if (typeof event.at !== 'string' || Number.isNaN(Date.parse(event.at))) {
    return invalid('The change has no valid time; it was not recorded.');
  }
  switch (event.type) {
    case 'create-migration':
      return createMigration(state, event);
    case 'select-migration': {
      if (!state.migrations[event.id]) return notFound(`There is no migration with id "${event.id}".`);
      if (state.lastMigrationId === event.id) return ok(state);
      return ok({ ...state, lastMigrationId: event.id });
    }
    default: {
      const id = state.lastMigrationId;
      const m = id === undefined ? undefined : state.migrations[id];
      if (!m) return notFound('No migration is open: create one or choose one first.');
      const r = reduceMigration(m, event);
      if (!r.ok) return r;
      if (r.state === m) return ok(state);
      return ok({ ...state, migrations: { ...state.migrations, [m.id]: r.state } });
    }
  }
}

function createMigration(state: RootState, e: MigrationEventOf<'create-migration'>): Result<RootState> {
  const id = typeof e.id === 'string' ? e.id.trim() : '';
  if (id === '') return invalid('A new migration needs an id.');
  if (state.migrations[id]) return invalid(`A migration with id "${id}" already exists.`);
  const problem =
    validateMigrationName(e.name ?? '', state) ??
    validateTenant(e.tenant) ??
    ((CLOUDS as readonly string[]).includes(e.cloud) ? null : `"${e.cloud}" is not a known cloud.`);
  if (problem) return invalid(problem);
  const m = newMigration({
    id,
    name: e.name,
    ...(e.tenant !== undefined ? { tenant: e.tenant } : {}),
    cloud: e.cloud,
    demo: e.demo ?? false,
    at: e.at,
    by: e.by,
  });
  return ok({ ...state, migrations: { ...state.migrations, [id]: m }, lastMigrationId: id });
}

function reduceMigration(m: Migration, e: MigrationScopedEvent): Result<Migration> {
  switch (e.type) {
    case 'go-to-step':
      return goToStep(m, e);
    case 'set-step-status':
      return setStepStatus(m, e);
    case 'reopen-step':
      return reopenStep(m, e);
    case 'set-checklist-item': {
      const itemId = typeof e.itemId === 'string' ? e.itemId.trim() : '';
      if (itemId === '') return invalid('The checklist item has no id.');
      return editStep(m, e.ref, e, (s) => ({
        ...s,
        checklist: {
          ...s.checklist,
          [itemId]: {
            checked: e.checked,
            ...(e.note !== undefined && e.note.trim() !== '' ? { note: e.note } : {}),
            at: e.at,
            by: e.by,
          },
        },
      }));
    }
    case 'set-notes':
      return editStep(m, e.ref, e, (s) => (s.notes === e.text ? s : { ...s, notes: e.text }));
    case 'add-evidence':
      return addEvidence(m, e);
    case 'remove-evidence': {
      const s = stepStateAt(m, e.ref);
      if (s && !s.evidence.some((x) => x.id === e.evidenceId)) {
        return notFound('That evidence is no longer recorded on this step.');
      }
      return editStep(m, e.ref, e, (st) => ({
        ...st,
        evidence: st.evidence.filter((x) => x.id !== e.evidenceId),
      }));
    }
    case 'upsert-inventory-row':
      return upsertInventoryRow(m, e);
    case 'delete-inventory-row': {
      if (!isInventoryTable(e.table)) return invalid(`"${e.table}" is not an inventory table.`);
      const rows = m.inventory[e.table] as { id: string }[];
      if (!rows.some((r) => r.id === e.rowId)) return notFound('That inventory row no longer exists.');
      const inventory = { ...m.inventory, [e.table]: rows.filter((r) => r.id !== e.rowId) } as Inventory;
      return ok(startInventory({ ...m, inventory }, e));
    }
    case 'add-wave':
      return addWave(m, e);
    case 'rename-wave': {
      const w = waveById(m, e.waveId);
      if (!w) return notFound(noWave(e.waveId));
      const problem = validateWaveName(e.name ?? '', m, w.id);
      if (problem) return invalid(problem);
      const name = e.name.trim();
      if (name === w.name) return ok(m);
      return ok(replaceWave(m, { ...w, name }));
    }
    case 'remove-wave':
      return removeWave(m, e);
    case 'set-wave-groups':
      return setWaveGroups(m, e);
    case 'set-wave-counts': {
      const w = waveById(m, e.waveId);
      if (!w) return notFound(noWave(e.waveId));
      const problem =
        validateCount(e.members, 'members') ??
        validateCount(e.migrated, 'migrated') ??
        validateCount(e.verified, 'verified');
      if (problem) return invalid(problem);
      const counts = {
        ...w.counts,
        ...(e.members !== undefined ? { members: e.members } : {}),
        ...(e.migrated !== undefined ? { migrated: e.migrated } : {}),
        ...(e.verified !== undefined ? { verified: e.verified } : {}),
      };
      return ok(replaceWave(m, { ...w, counts }));
    }
    case 'add-test-user': {
      const w = waveById(m, e.waveId);
      if (!w) return notFound(noWave(e.waveId));
      const problem = validateUpn(e.upn ?? '');
      if (problem) return invalid(problem);
      const upn = e.upn.trim();
      if (w.testUsers.some((u) => sameUpn(u.upn, upn))) {
        return invalid(`${upn} is already a test user of wave "${w.name}".`);
      }
      return ok(replaceWave(m, { ...w, testUsers: [...w.testUsers, { upn, checks: {} }] }));
    }
    case 'remove-test-user': {
      const w = waveById(m, e.waveId);
      if (!w) return notFound(noWave(e.waveId));
      if (!w.testUsers.some((u) => sameUpn(u.upn, e.upn))) {
        return notFound(`${e.upn} is not a test user of wave "${w.name}".`);
      }
      return ok(replaceWave(m, { ...w, testUsers: w.testUsers.filter((u) => !sameUpn(u.upn, e.upn)) }));
    }
    case 'set-test-check':
      return setTestCheck(m, e);
    case 'add-exception': {
      const problem = validateUpn(e.upn ?? '') ?? validateReason(e.reason, 'An exception');
      if (problem) return invalid(problem);
      const entry = { upn: e.upn.trim(), reason: e.reason.trim(), at: e.at, by: e.by };
      const i = m.exceptions.findIndex((x) => sameUpn(x.upn, entry.upn));
      const exceptions = i < 0 ? [...m.exceptions, entry] : m.exceptions.map((x, j) => (j === i ? entry : x));
      return ok({ ...m, exceptions });
    }
    case 'remove-exception': {
      if (!m.exceptions.some((x) => sameUpn(x.upn, e.upn))) {
        return notFound(`No exception is recorded for ${e.upn}.`);
      }
      return ok({ ...m, exceptions: m.exceptions.filter((x) => !sameUpn(x.upn, e.upn)) });
    }
    case 'pin-tenant': {
      const problem = validateTenantId(e.tenantId ?? '');
      if (problem) return invalid(problem);
      const tenantId = e.tenantId.trim().toLowerCase();
      if (m.tenantId === tenantId) return ok(m);
      if (m.tenantId !== undefined) {
        return invalid(
          `This migration belongs to tenant ${m.tenantId}, not ${tenantId}: sign in to that tenant, or create a new migration for the other one.`,
        );
      }
      return ok({ ...m, tenantId });
    }
    case 'record-federation-change': {
      const problem =
        validateDomain(e.domain ?? '') ??
        ((e.to ?? '').trim() === '' ? 'Say what the federation setting was changed to.' : null);
      if (problem) return invalid(problem);
      const change = { domain: e.domain.trim(), from: e.from, to: e.to, at: e.at, by: e.by };
      return ok({ ...m, federationChanges: [...m.federationChanges, change] });
    }
    default: {
      const unknown: never = e;
      return invalid(`Unknown change "${(unknown as { type: string }).type}"; it was not recorded.`);
    }
  }
}

// ---- step refs ----

/**
 * Per-wave steps (5, 6) live in their waves, so a ref to them must name a wave — except when merely
 * showing the step, where no wave means the waves overview. Other steps never carry a wave.
 */
function checkRef(m: Migration, ref: StepRef, allowOverview = false): Refusal | null {
  if (!ref || typeof ref.step !== 'string' || !isStepId(ref.step)) {
    return { code: 'invalid', message: `"${ref?.step}" is not a step of the migration.`, overridable: false };
  }
  if (isWaveStep(ref.step)) {
    if (ref.wave === undefined) {
      if (allowOverview) return null;
      return {
        code: 'invalid',
        message: `Step ${stepLabel(ref.step)} is done per wave: choose a wave first.`,
        overridable: false,
      };
    }
    if (!waveById(m, ref.wave)) return { code: 'not-found', message: noWave(ref.wave), overridable: false };
    return null;
  }
  if (ref.wave !== undefined) {
    return {
      code: 'invalid',
      message: `Step ${stepLabel(ref.step)} is not done per wave; open it without a wave.`,
      overridable: false,
    };
  }
  return null;
}

function noWave(waveId: string): string {
  return `There is no wave "${waveId}" in this migration; it may have been removed.`;
}

function replaceWave(m: Migration, wave: Wave): Migration {
  return { ...m, waves: m.waves.map((w) => (w.id === wave.id ? wave : w)) };
}

/** Replace the stored step state a (checked) ref points at. */
function withStepState(m: Migration, ref: StepRef, next: StepState): Migration {
  if (ref.wave !== undefined && isWaveStep(ref.step)) {
    const w = waveById(m, ref.wave)!;
    return replaceWave(m, { ...w, steps: { ...w.steps, [ref.step]: next } });
  }
  return { ...m, steps: { ...m.steps, [ref.step]: next } };
}

function historyEntry(meta: { at: string; by: string }, what: string, reason?: string): HistoryEntry {
  const r = reason?.trim();
  return { at: meta.at, by: meta.by, what, ...(r ? { reason: r } : {}) };
}

function statusWhat(from: StepStatus, to: StepStatus): string {
  return `status: ${from} -> ${to}`;
}

function withoutKeys<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...obj };
  for (const k of keys) delete copy[k];
  return copy;
}

// ---- step events ----

function goToStep(m: Migration, e: MigrationEventOf<'go-to-step'>): Result<Migration> {
  const problem = checkRef(m, e.ref, true);
  if (problem) return refused(problem);
  const current: StepRef =
    e.ref.wave === undefined ? { step: e.ref.step } : { step: e.ref.step, wave: e.ref.wave };
  if (m.current.step === current.step && m.current.wave === current.wave) return ok(m);
  return ok({ ...m, current });
}

/**
 * Decide whether guards let a step move to `target`. Returns the override to record (if one was
 * needed and given), or the refusal. An override covers only the guard it names, and only with a
 * reason; when nothing refuses, an override is not needed and is not recorded.
 */
function passGuards(
  refusals: Refusal[],
  request: OverrideRequest | OverrideRequest[] | undefined,
):
  | { ok: true; overridden: { request: OverrideRequest; refusal: Refusal }[] }
  | { ok: false; refusal: Refusal } {
  const first = refusals[0];
  if (!first) return { ok: true, overridden: [] };
  const requests = request === undefined ? [] : Array.isArray(request) ? request : [request];
  const overridden: { request: OverrideRequest; refusal: Refusal }[] = [];
  for (const refusal of refusals) {
    const req = requests.find((r) => r.guard === refusal.code);
    if (!req) return { ok: false, refusal };
    const reasonProblem = validateReason(req.reason, 'An override');
    if (reasonProblem)
      return { ok: false, refusal: { code: 'invalid', message: reasonProblem, overridable: false } };
    overridden.push({ request: req, refusal });
  }
  return { ok: true, overridden };
}

function overrideRecord(
  guard: GuardId,
  ref: StepRef,
  reason: string,
  refusal: Refusal,
  meta: { at: string; by: string },
): Override {
  return {
    guard,
    step: ref.step,
    ...(ref.wave !== undefined ? { wave: ref.wave } : {}),
    reason: reason.trim(),
    refusal: refusal.message,
    at: meta.at,
    by: meta.by,
  };
}

function setStepStatus(m: Migration, e: MigrationEventOf<'set-step-status'>): Result<Migration> {
  const problem = checkRef(m, e.ref);
  if (problem) return refused(problem);
  if (!(STEP_STATUSES as readonly string[]).includes(e.status))
    return invalid(`"${e.status}" is not a step status.`);
  const cur = stepStateAt(m, e.ref)!;
  const label = stepLabel(e.ref.step);
  const needsReason = e.status === 'skipped' || e.status === 'blocked';
  if (needsReason) {
    const reasonProblem = validateReason(
      e.reason,
      e.status === 'skipped' ? 'Skipping a step' : 'A blocked step',
    );
    if (reasonProblem) return invalid(reasonProblem);
  }
  if (cur.status === e.status) {
    // Same status: only a new reason for skipped/blocked is a change worth recording.
    const reason = e.reason?.trim();
    if (!needsReason || reason === cur.reason) return ok(m);
    const next: StepState = {
      ...cur,
      reason: reason!,
      history: [...cur.history, historyEntry(e, 'reason changed', reason)],
    };
    return ok(withStepState(m, e.ref, next));
  }
  if (cur.status === 'done') {
    return invalid(`Step ${label} is done: reopen it to change its status (its history is kept).`);
  }

  const refusals = isGuardedTarget(e.status)
    ? pendingStepRefusals({ migration: m, ref: e.ref, target: e.status, at: e.at })
    : [];
  const verdict = passGuards(refusals, e.override);
  if (!verdict.ok) return refused(verdict.refusal);

  const history = [...cur.history];
  let overrides = m.overrides;
  for (const { request, refusal } of verdict.overridden) {
    history.push(historyEntry(e, overrideHistoryWhat(request.guard), request.reason));
    overrides = [...overrides, overrideRecord(request.guard, e.ref, request.reason, refusal, e)];
  }
  history.push(historyEntry(e, statusWhat(cur.status, e.status), needsReason ? e.reason : undefined));
  const base = withoutKeys(cur, 'reason', 'doneAt');
  const next: StepState = {
    ...base,
    status: e.status,
    history,
    ...(needsReason ? { reason: e.reason!.trim() } : {}),
    ...(e.status === 'done' ? { doneAt: e.at } : {}),
  };
  return ok({ ...withStepState(m, e.ref, next), overrides });
}

function reopenStep(m: Migration, e: MigrationEventOf<'reopen-step'>): Result<Migration> {
  const problem = checkRef(m, e.ref);
  if (problem) return refused(problem);
  const cur = stepStateAt(m, e.ref)!;
  if (cur.status !== 'done' && cur.status !== 'skipped') {
    return invalid(`Step ${stepLabel(e.ref.step)} is ${cur.status}, not done: there is nothing to reopen.`);
  }
  const next: StepState = {
    ...withoutKeys(cur, 'reason', 'doneAt'),
    status: 'in-progress',
    history: [...cur.history, historyEntry(e, 'reopened', e.reason)],
  };
  return ok(withStepState(m, e.ref, next));
}

/**
 * Work recorded on a pending step (checklist, notes, evidence) means the step has started — unless a
 * guard would refuse starting it; then the work is kept and the step stays pending, so editing can
 * never slip past a guard.
 */
function editStep(
  m: Migration,
  ref: StepRef,
  meta: { at: string; by: string },
  edit: (s: StepState) => StepState,
): Result<Migration> {
  const problem = checkRef(m, ref);
  if (problem) return refused(problem);
  const cur = stepStateAt(m, ref)!;
  let next = edit(cur);
  if (next === cur) return ok(m);
  if (
    cur.status === 'pending' &&
    pendingStepRefusals({ migration: m, ref, target: 'in-progress', at: meta.at }).length === 0
  ) {
    next = {
      ...next,
      status: 'in-progress',
      history: [...next.history, historyEntry(meta, statusWhat('pending', 'in-progress'))],
    };
  }
  return ok(withStepState(m, ref, next));
}

function addEvidence(m: Migration, e: MigrationEventOf<'add-evidence'>): Result<Migration> {
  const ev = e.evidence;
  const id = typeof ev?.id === 'string' ? ev.id.trim() : '';
  if (id === '') return invalid('The evidence has no id.');
  if (!(EVIDENCE_KINDS as readonly string[]).includes(ev.kind))
    return invalid(`"${ev.kind}" is not a kind of evidence.`);
  if (typeof ev.label !== 'string' || ev.label.trim() === '')
    return invalid('Say what the evidence is (a label).');
  if (typeof ev.value !== 'string') return invalid('The evidence has no value.');
  const s = stepStateAt(m, e.ref);
  if (s?.evidence.some((x) => x.id === id))
    return invalid(`Evidence "${id}" is already recorded on this step.`);
  return editStep(m, e.ref, e, (st) => ({
    ...st,
    evidence: [...st.evidence, { ...ev, id, label: ev.label.trim(), at: e.at, by: e.by }],
  }));
}

// ---- inventory ----

const ROW_SCHEMAS = {
  methods: inventoryMethodRowSchema,
  portal: inventoryMethodRowSchema,
  services: inventoryServiceRowSchema,
  servers: inventoryServerRowSchema,
  loadBalancers: inventoryLoadBalancerRowSchema,
} as const;

function isInventoryTable(t: string): t is InventoryTable {
  return (INVENTORY_TABLES as readonly string[]).includes(t);
}

/** Inventory edits are step 1's work: the first one starts the step. */
function startInventory(m: Migration, meta: { at: string; by: string }): Migration {
  const s = m.steps.inventory;
  if (s?.status !== 'pending') return m;
  const next: StepState = {
    ...s,
    status: 'in-progress',
    history: [...s.history, historyEntry(meta, statusWhat('pending', 'in-progress'))],
  };
  return { ...m, steps: { ...m.steps, inventory: next } };
}

function upsertInventoryRow(m: Migration, e: MigrationEventOf<'upsert-inventory-row'>): Result<Migration> {
  if (!isInventoryTable(e.table)) return invalid(`"${e.table}" is not an inventory table.`);
  const parsed = ROW_SCHEMAS[e.table].safeParse(e.row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return invalid(
      `That ${e.table} row is not valid (${where}${issue?.message ?? 'unknown problem'}); fix it and save again.`,
    );
  }
  const row = parsed.data as { id: string };
  const rows = m.inventory[e.table] as { id: string }[];
  const i = rows.findIndex((r) => r.id === row.id);
  const nextRows = i < 0 ? [...rows, row] : rows.map((r, j) => (j === i ? row : r));
  const inventory = { ...m.inventory, [e.table]: nextRows } as Inventory;
  return ok(startInventory({ ...m, inventory }, e));
}

// ---- waves ----

function addWave(m: Migration, e: MigrationEventOf<'add-wave'>): Result<Migration> {
  const id = typeof e.id === 'string' ? e.id.trim() : '';
  if (id === '') return invalid('A new wave needs an id.');
  if (waveById(m, id)) return invalid(`A wave with id "${id}" already exists.`);
  const problem = validateWaveName(e.name ?? '', m);
  if (problem) return invalid(problem);
  const wave: Wave = {
    id,
    name: e.name.trim(),
    createdAt: e.at,
    migrationGroups: [],
    rolloutGroups: [],
    counts: {},
    testUsers: [],
    steps: {
      'migrate-users': { status: 'pending', checklist: {}, notes: '', evidence: [], history: [] },
      validate: { status: 'pending', checklist: {}, notes: '', evidence: [], history: [] },
    },
  };
  return ok({ ...m, waves: [...m.waves, wave] });
}

function removeWave(m: Migration, e: MigrationEventOf<'remove-wave'>): Result<Migration> {
  const w = waveById(m, e.waveId);
  if (!w) return notFound(noWave(e.waveId));
  // A finished step is part of the record the change board reads; removing it must be deliberate.
  const done = (['migrate-users', 'validate'] as const).filter((s) => w.steps[s].status === 'done');
  if (done.length > 0) {
    const labels = done.map((s) => stepLabel(s)).join(' and ');
    return invalid(
      `Wave "${w.name}" has step ${labels} done; reopen ${done.length > 1 ? 'them' : 'it'} before removing the wave, so the record is not lost by accident.`,
    );
  }
  const current = m.current.wave === w.id ? { step: m.current.step } : m.current;
  return ok({ ...m, current, waves: m.waves.filter((x) => x.id !== w.id) });
}

function cleanGroups(groups: GroupRef[]): GroupRef[] {
  return groups.map((g) => {
    const name = g.name?.trim();
    const id = g.id?.trim();
    return { ...(name ? { name } : {}), ...(id ? { id: id.toLowerCase() } : {}) };
  });
}

function checkGroupList(groups: GroupRef[], what: string): string | null {
  if (!Array.isArray(groups)) return `The ${what} groups are missing.`;
  for (const g of groups) {
    const problem = validateGroupRef(g);
    if (problem) return problem;
  }
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]!;
      if (sameGroup(a, groups[j]!))
        return `"${a.name?.trim() || a.id?.trim()}" is listed twice as a ${what} group.`;
    }
  }
  return null;
}

function setWaveGroups(m: Migration, e: MigrationEventOf<'set-wave-groups'>): Result<Migration> {
  const w = waveById(m, e.waveId);
  if (!w) return notFound(noWave(e.waveId));
  const problem =
    checkGroupList(e.migrationGroups, 'migration') ?? checkGroupList(e.rolloutGroups, 'rollout');
  if (problem) return invalid(problem);
  if (e.rolloutGroups.length > ROLLOUT_GROUPS_MAX) {
    return invalid(
      `Staged rollout takes at most ${ROLLOUT_GROUPS_MAX} groups; this wave lists ${e.rolloutGroups.length}.`,
    );
  }
  if (m.cloud === 'china' && e.rolloutGroups.length > 0) {
    return invalid('The China cloud (21Vianet) has no staged rollout: leave the rollout groups empty.');
  }
  const groups = {
    migrationGroups: cleanGroups(e.migrationGroups),
    rolloutGroups: cleanGroups(e.rolloutGroups),
  };
  const same = rolloutSameGroup(m, w.id, groups);
  const verdict = passGuards(same ? [same] : [], e.override);
  if (!verdict.ok) return refused(verdict.refusal);
  let next: Wave = { ...w, ...groups };
  let overrides = m.overrides;
  for (const { request, refusal } of verdict.overridden) {
    const ref: StepRef = { step: 'validate', wave: w.id };
    const v = next.steps.validate;
    const entry = historyEntry(e, overrideHistoryWhat(request.guard), request.reason);
    next = { ...next, steps: { ...next.steps, validate: { ...v, history: [...v.history, entry] } } };
    overrides = [...overrides, overrideRecord(request.guard, ref, request.reason, refusal, e)];
  }
  return ok({ ...replaceWave(m, next), overrides });
}

function sameUpn(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function setTestCheck(m: Migration, e: MigrationEventOf<'set-test-check'>): Result<Migration> {
  const w = waveById(m, e.waveId);
  if (!w) return notFound(noWave(e.waveId));
  const user = w.testUsers.find((u) => sameUpn(u.upn, e.upn));
  if (!user) return notFound(`${e.upn} is not a test user of wave "${w.name}"; add them first.`);
  if (!(END_USER_CHECK_IDS as readonly string[]).includes(e.check))
    return invalid(`"${e.check}" is not an end-user check.`);
  if (!(CHECK_RESULTS as readonly string[]).includes(e.result))
    return invalid(`"${e.result}" is not a check result.`);
  const note = e.note?.trim();
  const checks = {
    ...user.checks,
    [e.check]: { result: e.result, ...(note ? { note } : {}), at: e.at, by: e.by },
  };
  return ok(replaceWave(m, { ...w, testUsers: w.testUsers.map((u) => (u === user ? { ...u, checks } : u)) }));
}
