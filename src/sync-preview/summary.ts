// Counts over a whole preview, and its Excel-safe export (one row per landed or skipped value).
import { toExcelCsv } from '../csv/excel-safe.js';
import type { SkipReason, UserPreview } from './types.js';

export interface PreviewSummary {
  users: number;
  usersWithSkips: number;
  usersWithNothing: number;
  landed: number;
  skipped: Record<SkipReason, number>;
  extensionsDropped: number;
}

export function summarisePreview(previews: Iterable<UserPreview>): PreviewSummary {
  const s: PreviewSummary = {
    users: 0,
    usersWithSkips: 0,
    usersWithNothing: 0,
    landed: 0,
    skipped: { 'device-limit': 0, 'both-extensions': 0, 'duplicate-device-name': 0 },
    extensionsDropped: 0,
  };
  for (const p of previews) {
    s.users++;
    s.landed += p.lands.length;
    if (p.skipped.length > 0) s.usersWithSkips++;
    if (p.lands.length === 0) s.usersWithNothing++;
    for (const k of p.skipped) s.skipped[k.reason]++;
    s.extensionsDropped += p.lands.filter((l) => l.note?.startsWith('extension dropped')).length;
  }
  return s;
}

export function previewToCsv(previews: Iterable<UserPreview>, maskPhone: (value: string) => string): string {
  const rows: string[][] = [];
  for (const p of previews) {
    for (const l of p.lands) {
      const v = l.from === 'phone' || l.from === 'backup-phone' ? maskPhone(l.value) : l.value;
      rows.push([p.user, l.from, v, 'lands', l.target, l.note ?? '']);
    }
    for (const k of p.skipped) {
      const v = k.from === 'backup-phone' ? maskPhone(k.value) : k.value;
      rows.push([p.user, k.from, v, 'skipped', k.reason, k.message]);
    }
    if (p.lands.length === 0 && p.skipped.length === 0)
      rows.push([p.user, '', '', 'nothing to migrate', '', '']);
  }
  return toExcelCsv(['user', 'source', 'value', 'outcome', 'target or reason', 'detail'], rows);
}
