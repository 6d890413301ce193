// Input checks shared by the reducer and the screens, so a screen can show the same one-line message
// the reducer would refuse with before the admin presses Enter. Each returns null (fine) or a message.
import type { GroupRef, Migration, RootState, Wave } from './model.js';
import { MAX_ROLLOUT_GROUPS } from './rollout-plan.js';

export const MIGRATION_NAME_MAX = 80;
export const WAVE_NAME_MAX = 60;
/** Entra's limit of groups per staged-rollout feature (one source: rollout-plan.ts). */
export const ROLLOUT_GROUPS_MAX = MAX_ROLLOUT_GROUPS;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A DNS name with at least two labels and an alphabetic top-level label (contoso.com,
// contoso.onmicrosoft.com, contoso.partner.onmschina.cn).
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i; // letters, or an IDN top-level label in punycode

export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

export function isDomainName(value: string): boolean {
  const v = value.trim();
  if (v.length === 0 || v.length > 253) return false;
  const labels = v.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => DNS_LABEL.test(l)) && TLD.test(labels[labels.length - 1] ?? '');
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Migration name: trimmed, 1..80 characters, unique (ignoring case) among the migrations. */
export function validateMigrationName(name: string, root?: RootState, exceptId?: string): string | null {
  const n = name.trim();
  if (n.length === 0) return 'Give the migration a name, e.g. "Contoso production".';
  if (n.length > MIGRATION_NAME_MAX) {
    return `The name is ${n.length} characters long; keep it to ${MIGRATION_NAME_MAX} or fewer.`;
  }
  if (root) {
    const clash = Object.values(root.migrations).find((m) => m.id !== exceptId && sameName(m.name, n));
    if (clash) return `A migration named "${clash.name}" already exists; choose another name.`;
  }
  return null;
}

/** Tenant as typed: empty (decided at sign-in), a GUID, or a domain such as contoso.onmicrosoft.com. */
export function validateTenant(tenant: string | undefined): string | null {
  const t = (tenant ?? '').trim();
  if (t.length === 0 || isGuid(t) || isDomainName(t)) return null;
  return 'The tenant must be a tenant id (GUID) or a domain such as contoso.onmicrosoft.com, or left empty.';
}

/** Tenant id pinned at sign-in: always a GUID (from /organization). */
export function validateTenantId(tenantId: string): string | null {
  return isGuid(tenantId) ? null : `"${tenantId}" is not a tenant id; a tenant id is a GUID.`;
}

/** user@domain: one @, no spaces, a domain name after it. */
export function validateUpn(upn: string): string | null {
  const u = upn.trim();
  if (u.length === 0) return 'Type the user principal name, e.g. adele@contoso.com.';
  const at = u.indexOf('@');
  if (at <= 0 || at !== u.lastIndexOf('@') || /\s/.test(u) || !isDomainName(u.slice(at + 1))) {
    return `"${u}" is not a user principal name; it looks like adele@contoso.com.`;
  }
  return null;
}

/** Wave name: trimmed, 1..60 characters, unique (ignoring case) within the migration. */
export function validateWaveName(name: string, migration?: Migration, exceptWaveId?: string): string | null {
  const n = name.trim();
  if (n.length === 0) return 'Give the wave a name, e.g. "Pilot" or "Wave 1 - IT".';
  if (n.length > WAVE_NAME_MAX) {
    return `The wave name is ${n.length} characters long; keep it to ${WAVE_NAME_MAX} or fewer.`;
  }
  if (migration) {
    const clash = migration.waves.find((w) => w.id !== exceptWaveId && sameName(w.name, n));
    if (clash) return `A wave named "${clash.name}" already exists in this migration; choose another name.`;
  }
  return null;
}

/** Reasons go into the report for the change board, so they must say something. */
export function validateReason(reason: string | undefined, what = 'This'): string | null {
  if ((reason ?? '').trim().length === 0) return `${what} needs a written reason; it goes into the report.`;
  return null;
}

export function validateDomain(domain: string): string | null {
  return isDomainName(domain) ? null : `"${domain}" is not a domain name such as contoso.com.`;
}

export function validateCount(value: number | undefined, what: string): string | null {
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) return `The ${what} count must be a whole number, 0 or more.`;
  return null;
}

/** A group is known by its name, its object id, or both; an id must be a GUID. */
export function validateGroupRef(group: GroupRef): string | null {
  const name = group.name?.trim() ?? '';
  const id = group.id?.trim() ?? '';
  if (name.length === 0 && id.length === 0) return 'Each group needs a name or an object id.';
  if (id.length > 0 && !isGuid(id)) return `"${id}" is not a group object id; an object id is a GUID.`;
  return null;
}

/** Same group: same object id, or the same name ignoring case (names are what admins compare). */
export function sameGroup(a: GroupRef, b: GroupRef): boolean {
  const aid = a.id?.trim().toLowerCase();
  const bid = b.id?.trim().toLowerCase();
  if (aid && bid && aid === bid) return true;
  const an = a.name?.trim().toLowerCase();
  const bn = b.name?.trim().toLowerCase();
  return !!an && !!bn && an === bn;
}

/** The groups of a wave that are both migration and rollout groups. */
export function sharedGroups(wave: Pick<Wave, 'migrationGroups' | 'rolloutGroups'>): GroupRef[] {
  return wave.rolloutGroups.filter((r) => wave.migrationGroups.some((g) => sameGroup(g, r)));
}

export function groupLabel(group: GroupRef): string {
  return group.name?.trim() || group.id?.trim() || '(unnamed group)';
}
