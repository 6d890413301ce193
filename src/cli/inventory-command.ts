// `mfa-migrate inventory export|import TABLE FILE`: the inventory tables as CSV (columns in the
// README). Export only reads; import checks every row first and applies nothing while a row is bad,
// unless the admin passes --skip-bad-rows.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { INVENTORY_TABLES, type InventoryTable } from '../../state/model.js';
import { exportInventoryCsv, importInventoryCsv } from '../inventory/inventory-csv.js';
import { EXIT, type ExitCode, RuntimeError, UsageError } from './exit-codes.js';
import { loadStateForReading } from './load-state.js';
import { selectOneMigration } from './select-migration.js';
import { withLockedMigration } from './with-migration.js';
import { writeFileAtomic } from './write-atomic.js';

const TABLE_ALIASES: Record<string, InventoryTable> = {
  'load-balancers': 'loadBalancers',
  loadbalancers: 'loadBalancers',
};

export function parseTable(name: string): InventoryTable {
  const t = TABLE_ALIASES[name.toLowerCase()] ?? name;
  if ((INVENTORY_TABLES as readonly string[]).includes(t)) return t as InventoryTable;
  throw new UsageError(
    `"${name}" is not an inventory table. Tables: methods, portal, services, servers, load-balancers.`,
  );
}

export interface InventoryCommandOptions {
  stateDir: string;
  programVersion: string;
  table: string;
  /** a file, or "-" for stdout (export) / stdin (import) */
  file: string;
  migration?: string;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function runInventoryExport(opts: InventoryCommandOptions): ExitCode {
  const table = parseTable(opts.table);
  const root = loadStateForReading(opts.stateDir, opts.programVersion);
  const m = root ? selectOneMigration(root, opts.migration) : undefined;
  if (!m) {
    throw new RuntimeError(
      `No migration yet in ${opts.stateDir}: create one with the wizard (mfa-migrate) first.`,
    );
  }
  const csv = exportInventoryCsv(table, m.inventory[table]);
  if (opts.file === '-') opts.stdout(csv);
  else {
    writeFileAtomic(opts.file, csv);
    opts.stderr(`Wrote ${m.inventory[table].length} ${table} rows of "${m.name}" to ${opts.file}.\n`);
  }
  return EXIT.ok;
}

export async function runInventoryImport(
  opts: InventoryCommandOptions & { skipBadRows: boolean; readStdin?: () => Buffer },
): Promise<ExitCode> {
  const table = parseTable(opts.table);
  let bytes: Buffer;
  try {
    bytes = opts.file === '-' ? (opts.readStdin ?? (() => readFileSync(0)))() : readFileSync(opts.file);
  } catch (error) {
    throw new RuntimeError(
      `Cannot read ${opts.file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}). Check the path.`,
    );
  }
  const suffix = randomBytes(3).toString('hex');
  const result = importInventoryCsv(table, bytes.toString('utf8'), (line) => `${table}-${suffix}-${line}`);
  if (!result.ok) throw new RuntimeError(`${opts.file}: ${result.message}`);
  if (result.errors.length > 0) {
    const lines = result.errors.map((e) => `  line ${e.line}: ${e.message}`);
    if (!opts.skipBadRows) {
      opts.stderr(
        `${opts.file} has ${result.errors.length} bad row${result.errors.length === 1 ? '' : 's'}; nothing was imported:\n${lines.join('\n')}\n` +
          'Fix them, or run again with --skip-bad-rows to import only the good rows.\n',
      );
      return EXIT.runtime;
    }
    opts.stderr(`Skipping ${result.errors.length} bad row(s):\n${lines.join('\n')}\n`);
  }
  return withLockedMigration(
    {
      stateDir: opts.stateDir,
      programVersion: opts.programVersion,
      now: opts.now,
      ...(opts.migration === undefined ? {} : { migration: opts.migration }),
    },
    ({ migration, dispatch }) => {
      const existing = new Set((migration().inventory[table] as { id: string }[]).map((r) => r.id));
      let replaced = 0;
      for (const row of result.rows) {
        const r = dispatch({ type: 'upsert-inventory-row', table, row });
        if (!r.ok) {
          throw new RuntimeError(
            `Row ${row.id} was refused (${r.refusal.message}); rows before it were imported.`,
          );
        }
        if (existing.has(row.id)) replaced++;
      }
      opts.stdout(
        `Imported ${result.rows.length} ${table} row${result.rows.length === 1 ? '' : 's'} into "${migration().name}" ` +
          `(${result.rows.length - replaced} new, ${replaced} replaced by id)` +
          `${result.errors.length > 0 ? `; skipped ${result.errors.length} bad row(s)` : ''}.\n`,
      );
      return EXIT.ok;
    },
  );
}
