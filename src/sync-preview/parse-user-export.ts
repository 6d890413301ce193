// Validates the sync-preview CSV (columns in the README) into MfaServerUser records. A bad row is
// reported with its line number and reason and is left out; the caller decides whether to go on
// without the bad rows (nothing is used until the admin accepts).
import { readCsv } from '../csv/read-csv.js';
import { DEFAULT_METHODS, type DefaultMethod, type MfaServerUser, type MobileAppDevice } from './types.js';

export const USER_EXPORT_COLUMNS = [
  'user',
  'phone',
  'phone_extension',
  'backup_phone',
  'backup_phone_extension',
  'default_method',
  'mobile_app_devices',
  'oath_tokens',
  'existing_entra_devices',
] as const;

export interface RowError {
  line: number;
  message: string;
}

export type UserExportResult =
  | { ok: true; users: MfaServerUser[]; errors: RowError[] }
  | { ok: false; message: string };

const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{4,30}$/;
const DIGITS = /^[0-9]{1,10}$/;
const DATE = /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+Z?)?$/;

const METHOD_ALIASES: Record<string, DefaultMethod> = {
  'phone call': 'phone-call',
  'text message': 'text-message',
  'mobile app': 'mobile-app',
  'oath token': 'oath-token',
};

export function parseUserExport(text: string): UserExportResult {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  if (!csv.headers.includes('user')) {
    return {
      ok: false,
      message: `The CSV has no "user" column. Expected columns: ${USER_EXPORT_COLUMNS.join(', ')}.`,
    };
  }
  const unknown = csv.headers.filter(
    (h) => h !== '' && !(USER_EXPORT_COLUMNS as readonly string[]).includes(h),
  );
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `Unknown column(s): ${unknown.join(', ')}. Expected: ${USER_EXPORT_COLUMNS.join(', ')}.`,
    };
  }
  const users: MfaServerUser[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of csv.records) {
    const problem = (message: string) => errors.push({ line, message });
    const get = (k: string) => (cells[k] ?? '').trim();
    const user = get('user');
    if (!UPN.test(user)) {
      problem(user ? `"${user}" is not a user principal name (name@domain)` : 'the user column is empty');
      continue;
    }
    const prev = seen.get(user.toLowerCase());
    if (prev !== undefined) {
      problem(`${user} appears again (first on line ${prev})`);
      continue;
    }
    const row: MfaServerUser = { user, mobileAppDevices: [], oathTokens: [], existingEntraDevices: 0 };
    let bad = false;
    for (const [col, key] of [
      ['phone', 'phone'],
      ['backup_phone', 'backupPhone'],
    ] as const) {
      const v = get(col);
      if (v && !PHONE.test(v)) {
        problem(`${col} "${v}" is not a phone number`);
        bad = true;
      } else if (v) row[key] = v;
    }
    for (const [col, key] of [
      ['phone_extension', 'phoneExtension'],
      ['backup_phone_extension', 'backupPhoneExtension'],
    ] as const) {
      const v = get(col);
      if (v && !DIGITS.test(v)) {
        problem(`${col} "${v}" must be digits`);
        bad = true;
      } else if (v) row[key] = v;
    }
    const dm = get('default_method').toLowerCase();
    if (dm) {
      const m = (DEFAULT_METHODS as readonly string[]).includes(dm)
        ? (dm as DefaultMethod)
        : METHOD_ALIASES[dm];
      if (!m) {
        problem(`default_method "${dm}" is not one of ${DEFAULT_METHODS.join(', ')}`);
        bad = true;
      } else row.defaultMethod = m;
    }
    const devices = parseDevices(get('mobile_app_devices'));
    if (typeof devices === 'string') {
      problem(devices);
      bad = true;
    } else row.mobileAppDevices = devices;
    row.oathTokens = get('oath_tokens')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    const existing = get('existing_entra_devices');
    if (existing) {
      if (!/^[0-9]$/.test(existing)) {
        problem(`existing_entra_devices "${existing}" must be a number from 0 to 9`);
        bad = true;
      } else row.existingEntraDevices = Number(existing);
    }
    if (bad) continue;
    seen.set(user.toLowerCase(), line);
    users.push(row);
  }
  return { ok: true, users, errors };
}

/** "iPhone|2024-05-01;Pixel|2023-01-10" -> devices, or a message saying what is wrong. */
function parseDevices(cell: string): MobileAppDevice[] | string {
  if (!cell) return [];
  const out: MobileAppDevice[] = [];
  for (const part of cell.split(';')) {
    if (!part.trim()) continue;
    const bar = part.lastIndexOf('|');
    const name = (bar < 0 ? part : part.slice(0, bar)).trim();
    const date = bar < 0 ? '' : part.slice(bar + 1).trim();
    if (!name) return `mobile_app_devices "${part}" has no device name`;
    if (!DATE.test(date)) return `mobile_app_devices "${part}" needs name|YYYY-MM-DD`;
    out.push({ name, date });
  }
  return out;
}
