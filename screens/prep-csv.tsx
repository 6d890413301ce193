// Step 1 "CSV": import one inventory table from a CSV file or export it to one. A file with bad rows
// shows each with its line number and applies nothing until the admin accepts skipping them (y).
import { type ReactNode, useState } from 'react';
import type { InventoryRowError } from '../src/inventory/inventory-csv.js';
import { INVENTORY_TABLES, type InventoryRow, type InventoryTable } from '../state/model.js';
import { currentMigration } from '../state/selectors.js';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { errorText, line, NotAvailable, type PanelLine, PrepPanel } from './prep-parts.js';
import type { SectionProps } from './section-props.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { usePrepServices } from './use-prep-services.js';

export const TABLE_NAMES: Record<InventoryTable, string> = {
  methods: 'MFA methods',
  portal: 'User portal',
  services: 'Authentication services',
  servers: 'MFA Servers',
  loadBalancers: 'Load balancers',
};

type Pending = {
  table: InventoryTable;
  path: string;
  rows: InventoryRow<InventoryTable>[];
  errors: InventoryRowError[];
};
type Mode =
  | { kind: 'idle' }
  | { kind: 'import' }
  | { kind: 'export' }
  | { kind: 'working' }
  | { kind: 'skip?'; pending: Pending };

export function PrepCsv(props: SectionProps) {
  const services = usePrepServices();
  const { state, dispatch } = useUi();
  const [tableIdx, setTableIdx] = useState(0);
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [message, setMessage] = useState<PanelLine[]>([]);
  const m = currentMigration(state);
  if (!services) return <NotAvailable what="CSV import and export" />;
  if (!m) return null;
  const table = INVENTORY_TABLES[tableIdx] ?? 'methods';

  const apply = (p: Pending) => {
    const existing = new Set((m.inventory[p.table] as { id: string }[]).map((r) => r.id));
    let replaced = 0;
    let applied = 0;
    for (const row of p.rows) {
      const refused = dispatch({ type: 'upsert-inventory-row', table: p.table, row });
      if (refused) {
        setMessage([
          line(
            `Row ${row.id} was refused (${refused.message}); ${applied} rows before it were imported.`,
            'error',
          ),
        ]);
        return;
      }
      applied++;
      if (existing.has(row.id)) replaced++;
    }
    setMessage([
      line(
        `Imported ${applied} ${TABLE_NAMES[p.table]} row${applied === 1 ? '' : 's'} from ${p.path} (${applied - replaced} new, ${replaced} replaced by id)${p.errors.length > 0 ? `; skipped ${p.errors.length} bad row(s)` : ''}.`,
        'ok',
      ),
    ]);
  };

  const importFrom = async (path: string) => {
    setMode({ kind: 'working' });
    try {
      const r = await services.readInventoryCsv(table, path);
      if (!r.ok) {
        setMessage([line(`${path}: ${r.message} Nothing was imported.`, 'error')]);
        setMode({ kind: 'idle' });
        return;
      }
      const pending: Pending = {
        table,
        path,
        rows: r.rows as InventoryRow<InventoryTable>[],
        errors: r.errors,
      };
      if (r.errors.length === 0) {
        apply(pending);
        setMode({ kind: 'idle' });
        return;
      }
      setMessage([
        line(
          `${path}: ${r.errors.length} bad row${r.errors.length === 1 ? '' : 's'}, ${r.rows.length} good. Nothing imported yet.`,
          'warn',
        ),
        ...r.errors.map((e) => line(`  line ${e.line}: ${e.message}`, 'error')),
      ]);
      setMode({ kind: 'skip?', pending });
    } catch (e) {
      setMessage([line(errorText(e), 'error')]);
      setMode({ kind: 'idle' });
    }
  };

  const exportTo = async (path: string) => {
    setMode({ kind: 'working' });
    try {
      const rows = m.inventory[table] as InventoryRow<InventoryTable>[];
      const full = await services.writeInventoryCsv(table, rows, path);
      setMessage([
        line(
          `Exported ${rows.length} ${TABLE_NAMES[table]} row${rows.length === 1 ? '' : 's'} to ${full}.`,
          'ok',
        ),
      ]);
    } catch (e) {
      setMessage([line(errorText(e), 'error')]);
    }
    setMode({ kind: 'idle' });
  };

  const lines: PanelLine[] = [
    line(`Table (←→ ${tableIdx + 1} of ${INVENTORY_TABLES.length}): [${TABLE_NAMES[table]}]`, 'bold'),
    line(
      `${(m.inventory[table] as unknown[]).length} rows now. UTF-8 (BOM or not); exports are Excel-safe.`,
      'muted',
    ),
    ...(mode.kind === 'working' ? [line('Working…', 'muted')] : []),
    ...message,
  ];

  let footer: ReactNode;
  if (mode.kind === 'import') {
    footer = (
      <TextPrompt
        label={`Import ${TABLE_NAMES[table]} from:`}
        placeholder={`./inventory-${table}.csv`}
        validate={(v) => (v.trim() === '' ? 'Type the CSV file path.' : null)}
        onCancel={() => setMode({ kind: 'idle' })}
        onSubmit={(v) => void importFrom(v)}
      />
    );
  } else if (mode.kind === 'export') {
    footer = (
      <TextPrompt
        label={`Export ${TABLE_NAMES[table]} to:`}
        initial={`./inventory-${table}.csv`}
        validate={(v) => (v.trim() === '' ? 'Type the CSV file path.' : null)}
        onCancel={() => setMode({ kind: 'idle' })}
        onSubmit={(v) => void exportTo(v)}
      />
    );
  } else if (mode.kind === 'skip?') {
    const p = mode.pending;
    footer = (
      <ConfirmYesNo
        question={`Skip the ${p.errors.length} bad row(s) and import the ${p.rows.length} good one(s)?`}
        onYes={() => {
          setMode({ kind: 'idle' });
          apply(p);
        }}
        onNo={() => {
          setMode({ kind: 'idle' });
          setMessage([line('Nothing was imported. Fix the lines above and import again.', 'warn')]);
        }}
      />
    );
  }

  return (
    <PrepPanel
      section={props}
      lines={lines}
      footer={footer}
      hints={[
        ['←→', 'table'],
        ['l', 'load (import)'],
        ['e', 'export'],
        ['↑↓', 'scroll'],
      ]}
      onKey={(input, key) => {
        if (mode.kind !== 'idle') return;
        const n = INVENTORY_TABLES.length;
        if (key.leftArrow) setTableIdx((i) => (i + n - 1) % n);
        else if (key.rightArrow) setTableIdx((i) => (i + 1) % n);
        else if (input === 'l') setMode({ kind: 'import' });
        else if (input === 'e') setMode({ kind: 'export' });
      }}
    />
  );
}
