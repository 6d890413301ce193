// Step 1's inventory as editable tables: MFA methods and User portal settings (pre-filled from the
// guide's mapping), authentication services, MFA Server topology (servers, load balancers).
// Every edit is sent at once as upsert-inventory-row / delete-inventory-row.
import { Box, Text } from 'ink';
import { probeFactsFromEvidence } from '../src/probe/probe-evidence.js';
import {
  DEPENDENCY_STATUS_LABELS,
  DISPOSITION_LABELS,
  NPS_CHECKLIST,
  SERVER_MEMBERSHIP_LABELS,
  SERVER_ROLE_LABELS,
  SERVICE_KIND_LABELS,
} from '../state/catalogue/index.js';
import { haWarnings } from '../state/ha-warnings.js';
import {
  DEPENDENCY_STATUSES,
  DISPOSITIONS,
  type Evidence,
  type Inventory,
  type InventoryRow,
  type InventoryTable,
  LB_FRONTS,
  SERVER_MEMBERSHIPS,
  SERVER_ROLES,
  SERVICE_KINDS,
} from '../state/model.js';
import { currentMigration } from '../state/selectors.js';
import { useKeys } from './key-router.js';
import { useLiveState } from './live-state.js';
import type { SectionProps } from './section-props.js';
import { newId } from './step-data.js';
import { type ColumnDef, TableEditor } from './table-editor.js';
import { useUi } from './ui-context.js';
import { wrapText } from './wrap-text.js';

interface TableDef {
  id: InventoryTable;
  title: string;
  columns: ColumnDef[];
  addKey: string;
  newRow: () => Record<string, unknown> & { id: string };
  rowName: (row: Record<string, unknown>) => string;
  empty: string;
}

const IN_USE = ['unknown', 'yes', 'no'] as const;

const mappingColumns: ColumnDef[] = [
  { key: 'feature', header: 'MFA Server setting', width: 22, kind: 'text', required: true },
  { key: 'inUse', header: 'In use', width: 8, kind: 'enum', options: IN_USE },
  { key: 'entraAction', header: 'Entra action', width: 24, kind: 'text' },
  { key: 'actionNeeded', header: 'Act', width: 4, kind: 'boolean' },
  { key: 'notes', header: 'Notes', width: 20, kind: 'text' },
];
const newMappingRow = (prefix: string) => () => ({
  id: newId(prefix),
  feature: '',
  area: '',
  inUse: 'unknown',
  entraAction: '',
  actionNeeded: true,
  notes: '',
});

export const INVENTORY_TABLE_DEFS: TableDef[] = [
  {
    id: 'methods',
    title: 'MFA methods',
    columns: mappingColumns,
    addKey: 'feature',
    newRow: newMappingRow('method'),
    rowName: (r) => String(r.feature),
    empty: 'No MFA method rows. Press a to add one.',
  },
  {
    id: 'portal',
    title: 'User portal',
    columns: mappingColumns,
    addKey: 'feature',
    newRow: newMappingRow('portal'),
    rowName: (r) => String(r.feature),
    empty: 'No User portal rows. Press a to add one.',
  },
  {
    id: 'services',
    title: 'Auth services',
    columns: [
      {
        key: 'kind',
        header: 'Kind',
        width: 7,
        kind: 'enum',
        options: SERVICE_KINDS,
        labels: SERVICE_KIND_LABELS,
      },
      { key: 'name', header: 'Name', width: 16, kind: 'text', required: true },
      { key: 'host', header: 'Host', width: 14, kind: 'text' },
      {
        key: 'disposition',
        header: 'Disposition',
        width: 16,
        kind: 'enum',
        options: DISPOSITIONS,
        labels: DISPOSITION_LABELS,
      },
      {
        key: 'status',
        header: 'Status',
        width: 11,
        kind: 'enum',
        options: DEPENDENCY_STATUSES,
        labels: DEPENDENCY_STATUS_LABELS,
      },
      { key: 'notes', header: 'Notes', width: 14, kind: 'text' },
    ],
    addKey: 'name',
    newRow: () => ({
      id: newId('svc'),
      kind: 'radius',
      name: '',
      host: '',
      disposition: 'undecided',
      status: 'pending',
      notes: '',
    }),
    rowName: (r) => String(r.name),
    empty: 'No RADIUS / LDAP / AD FS clients yet. Press a to add one.',
  },
  {
    id: 'servers',
    title: 'Servers',
    columns: [
      { key: 'name', header: 'Server', width: 14, kind: 'text', required: true },
      {
        key: 'role',
        header: 'Role',
        width: 11,
        kind: 'enum',
        options: SERVER_ROLES,
        labels: SERVER_ROLE_LABELS,
      },
      {
        key: 'membership',
        header: 'Membership',
        width: 13,
        kind: 'enum',
        options: SERVER_MEMBERSHIPS,
        labels: SERVER_MEMBERSHIP_LABELS,
      },
      {
        key: 'replicationPort',
        header: 'Repl port',
        width: 11,
        kind: 'number',
        nullable: true,
        min: 1,
        max: 65535,
      },
      { key: 'hosts', header: 'Also hosts', width: 12, kind: 'text' },
      { key: 'notes', header: 'Notes', width: 10, kind: 'text' },
    ],
    addKey: 'name',
    newRow: () => ({
      id: newId('srv'),
      name: '',
      role: 'subordinate',
      membership: 'domain-joined',
      replicationPort: null,
      hosts: '',
      notes: '',
    }),
    rowName: (r) => String(r.name),
    empty: 'No MFA Servers yet. Press a to add the primary and each subordinate.',
  },
  {
    id: 'loadBalancers',
    title: 'Load balancers',
    columns: [
      { key: 'name', header: 'Load balancer', width: 18, kind: 'text', required: true },
      { key: 'fronts', header: 'Fronts', width: 14, kind: 'enum', options: LB_FRONTS },
      { key: 'sticky', header: 'Sticky', width: 8, kind: 'boolean' },
      { key: 'notes', header: 'Notes', width: 30, kind: 'text' },
    ],
    addKey: 'name',
    newRow: () => ({ id: newId('lb'), name: '', fronts: 'user-portal', sticky: true, notes: '' }),
    rowName: (r) => String(r.name),
    empty: 'No load balancers yet. Press a to add one (SMS OTP, User portal, Mobile App WS need sticky).',
  },
];

/** The NPS extension's limits apply to every RADIUS client moved to it (design §8). */
export function npsLines(row: Record<string, unknown> | undefined): string[] {
  if (row?.kind !== 'radius' || row.disposition !== 'nps-extension') return [];
  return [`NPS extension checklist for ${String(row.name)}:`, ...NPS_CHECKLIST.map((i) => `- ${i.text}`)];
}

/** High-availability findings on the recorded topology (HA seed rules), at most three lines. */
export function topologyLines(inv: Inventory, evidence: readonly Evidence[] = []): string[] {
  // probes imported on step 1 say what the servers really have: they take part in the warnings
  const found = haWarnings(inv, probeFactsFromEvidence(evidence));
  if (found.length === 0) return [];
  const more = found.length > 2 ? ` (${found.length - 2} more in the report)` : '';
  return [`Topology: ${found.length} warning(s)${more}`, ...found.slice(0, 2).map((w) => `! ${w.message}`)];
}

/** The guide's mapping for the selected row in full: the table cells are too narrow for it. */
export function mappingLines(row: Record<string, unknown> | undefined, width: number): string[] {
  if (!row) return [];
  const where = row.area ? `${String(row.feature)} - ${String(row.area)}` : String(row.feature);
  return [where, ...wrapText(`Entra: ${String(row.entraAction || '(not set)')}`, width).slice(0, 2)];
}

/** One inventory table, editable; step 1 shows all five, step 9 the authentication services. */
export function InventoryTableEditor(
  props: SectionProps & { table: InventoryTable; hints?: [string, string][] },
) {
  const { state, dispatch } = useUi();
  const m = currentMigration(state);
  const def = INVENTORY_TABLE_DEFS.find((t) => t.id === props.table) ?? INVENTORY_TABLE_DEFS[0]!;
  const rows = (m?.inventory[def.id] ?? []) as (Record<string, unknown> & { id: string })[];
  return (
    <TableEditor
      key={def.id}
      columns={def.columns}
      rows={rows}
      height={props.height}
      width={props.width}
      active={props.active}
      newRow={def.newRow}
      addKey={def.addKey}
      rowName={def.rowName}
      empty={def.empty}
      {...(props.hints ? { hints: props.hints } : {})}
      extraLines={
        def.id === 'services'
          ? npsLines
          : def.id === 'methods' || def.id === 'portal'
            ? (row) => mappingLines(row, props.width)
            : () => (m ? topologyLines(m.inventory, m.steps.inventory?.evidence) : [])
      }
      onChange={(row) =>
        dispatch({ type: 'upsert-inventory-row', table: def.id, row: row as InventoryRow<InventoryTable> })
      }
      onDelete={(row) => dispatch({ type: 'delete-inventory-row', table: def.id, rowId: row.id })}
    />
  );
}

export function InventoryTables(props: SectionProps) {
  const { theme } = useUi();
  const [tableIndex, setTableIndex, tableLive] = useLiveState(0);
  const def = INVENTORY_TABLE_DEFS[tableIndex] ?? INVENTORY_TABLE_DEFS[0]!;

  useKeys(
    (input) => {
      const n = INVENTORY_TABLE_DEFS.length;
      if (input === 't') setTableIndex((tableLive.current + 1) % n);
      else if (input === 'T') setTableIndex((tableLive.current + n - 1) % n);
    },
    { isActive: props.active },
  );

  return (
    <Box flexDirection="column" height={props.height}>
      <Text wrap="truncate-end">
        {INVENTORY_TABLE_DEFS.map((t, i) =>
          i === tableIndex ? (
            <Text key={t.id} bold color={theme.color.selected}>
              {`[${t.title}] `}
            </Text>
          ) : (
            <Text key={t.id} color={theme.color.muted}>{` ${t.title}  `}</Text>
          ),
        )}
      </Text>
      <InventoryTableEditor
        key={def.id}
        {...props}
        table={def.id}
        height={props.height - 1}
        hints={[['t', 'next table']]}
      />
    </Box>
  );
}
