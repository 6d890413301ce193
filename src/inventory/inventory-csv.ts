// Import and export of each inventory table as CSV (columns documented in the README). Import checks
// every row and reports bad ones by line number; the caller applies nothing until the file is clean or
// the admin accepts skipping the bad rows. Export is Excel-safe.
import type { z } from 'zod';
import {
  type InventoryRow,
  type InventoryTable,
  inventoryLoadBalancerRowSchema,
  inventoryMethodRowSchema,
  inventoryServerRowSchema,
  inventoryServiceRowSchema,
} from '../../state/model.js';
import { toExcelCsv } from '../csv/excel-safe.js';
import { readCsv } from '../csv/read-csv.js';

interface Column {
  /** CSV header */
  header: string;
  /** row property */
  key: string;
  kind: 'text' | 'bool' | 'int-or-empty';
  required?: boolean;
}

const methodColumns: Column[] = [
  { header: 'id', key: 'id', kind: 'text', required: true },
  { header: 'feature', key: 'feature', kind: 'text', required: true },
  { header: 'area', key: 'area', kind: 'text' },
  { header: 'in_use', key: 'inUse', kind: 'text', required: true },
  { header: 'entra_action', key: 'entraAction', kind: 'text' },
  { header: 'action_needed', key: 'actionNeeded', kind: 'bool' },
  { header: 'notes', key: 'notes', kind: 'text' },
];

export const INVENTORY_COLUMNS: Record<InventoryTable, Column[]> = {
  methods: methodColumns,
  portal: methodColumns,
  services: [
    { header: 'id', key: 'id', kind: 'text' },
    { header: 'kind', key: 'kind', kind: 'text', required: true },
    { header: 'name', key: 'name', kind: 'text', required: true },
    { header: 'host', key: 'host', kind: 'text' },
    { header: 'disposition', key: 'disposition', kind: 'text' },
    { header: 'status', key: 'status', kind: 'text' },
    { header: 'notes', key: 'notes', kind: 'text' },
  ],
  servers: [
    { header: 'id', key: 'id', kind: 'text' },
    { header: 'name', key: 'name', kind: 'text', required: true },
    { header: 'role', key: 'role', kind: 'text', required: true },
    { header: 'membership', key: 'membership', kind: 'text', required: true },
    { header: 'replication_port', key: 'replicationPort', kind: 'int-or-empty' },
    { header: 'hosts', key: 'hosts', kind: 'text' },
    { header: 'notes', key: 'notes', kind: 'text' },
  ],
  loadBalancers: [
    { header: 'id', key: 'id', kind: 'text' },
    { header: 'name', key: 'name', kind: 'text', required: true },
    { header: 'fronts', key: 'fronts', kind: 'text', required: true },
    { header: 'sticky', key: 'sticky', kind: 'bool', required: true },
    { header: 'notes', key: 'notes', kind: 'text' },
  ],
};

const SCHEMAS: Record<InventoryTable, z.ZodType> = {
  methods: inventoryMethodRowSchema,
  portal: inventoryMethodRowSchema,
  services: inventoryServiceRowSchema,
  servers: inventoryServerRowSchema,
  loadBalancers: inventoryLoadBalancerRowSchema,
};

/** Values that are defaults when a column is left empty. */
const DEFAULTS: Partial<Record<string, unknown>> = {
  area: '',
  entraAction: '',
  actionNeeded: false,
  notes: '',
  host: '',
  hosts: '',
  disposition: 'undecided',
  status: 'pending',
};

export interface InventoryRowError {
  line: number;
  message: string;
}

export type InventoryImport<T extends InventoryTable> =
  | { ok: true; rows: InventoryRow<T>[]; errors: InventoryRowError[] }
  | { ok: false; message: string };

const TRUE = ['yes', 'y', 'true', '1'];
const FALSE = ['no', 'n', 'false', '0'];

export function importInventoryCsv<T extends InventoryTable>(
  table: T,
  text: string,
  newId: (line: number) => string,
): InventoryImport<T> {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  const cols = INVENTORY_COLUMNS[table];
  const missing = cols.filter((c) => c.required && !csv.headers.includes(c.header)).map((c) => c.header);
  if (missing.length > 0) {
    return {
      ok: false,
      message: `Missing column(s) ${missing.join(', ')}. Columns for ${table}: ${cols.map((c) => c.header).join(', ')}.`,
    };
  }
  const rows: InventoryRow<T>[] = [];
  const errors: InventoryRowError[] = [];
  const ids = new Set<string>();
  for (const { line, cells } of csv.records) {
    const row: Record<string, unknown> = {};
    let problem: string | null = null;
    for (const c of cols) {
      // Excel-safe exports prefix formula-like cells with ': take it off on the way back in
      const raw = (cells[c.header] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
      if (raw === '') {
        if (c.required) problem ??= `${c.header} is empty`;
        else if (c.kind === 'int-or-empty') row[c.key] = null;
        else if (c.key in DEFAULTS) row[c.key] = DEFAULTS[c.key];
        continue;
      }
      if (c.kind === 'bool') {
        const v = raw.toLowerCase();
        if (TRUE.includes(v)) row[c.key] = true;
        else if (FALSE.includes(v)) row[c.key] = false;
        else problem ??= `${c.header} "${raw}" must be yes or no`;
      } else if (c.kind === 'int-or-empty') {
        if (/^\d+$/.test(raw)) row[c.key] = Number(raw);
        else problem ??= `${c.header} "${raw}" must be a number`;
      } else {
        row[c.key] = c.key === 'inUse' ? raw.toLowerCase() : raw;
      }
    }
    row.id ??= newId(line);
    if (!problem && ids.has(String(row.id))) problem = `id "${String(row.id)}" appears twice`;
    if (!problem) {
      const parsed = SCHEMAS[table].safeParse(row);
      if (parsed.success) {
        ids.add(String(row.id));
        rows.push(parsed.data as InventoryRow<T>);
        continue;
      }
      const issue = parsed.error.issues[0]!;
      const col = cols.find((c) => c.key === issue.path[0])?.header ?? String(issue.path[0]);
      problem = `${col}: ${issue.message}`;
    }
    errors.push({ line, message: problem });
  }
  return { ok: true, rows, errors };
}

export function exportInventoryCsv<T extends InventoryTable>(table: T, rows: InventoryRow<T>[]): string {
  const cols = INVENTORY_COLUMNS[table];
  return toExcelCsv(
    cols.map((c) => c.header),
    rows.map((r) =>
      cols.map((c) => {
        const v = (r as Record<string, unknown>)[c.key];
        if (typeof v === 'boolean') return v ? 'yes' : 'no';
        return v === null || v === undefined ? '' : String(v);
      }),
    ),
  );
}
