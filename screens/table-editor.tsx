// A generic editable table. Columns are data (key, header, width, kind), so the inventory tables are
// declarations, not code. Arrows move; Enter edits the cell (a text prompt for text and numbers, the
// next value for enums and booleans); `a` adds a row (asking for its first required value), `x`
// deletes after a y/n. Columns shrink to fit the width; rows scroll inside the height.
import { Box, Text } from 'ink';
import { type ReactNode, useRef, useState } from 'react';
import { ConfirmYesNo } from './confirm-yes-no.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { clampIndex, listMove } from './list-keys.js';
import { useLiveState } from './live-state.js';
import { ScrollBox } from './scroll-box.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { cell, truncate } from './wrap-text.js';

export type ColumnKind = 'text' | 'enum' | 'boolean' | 'number';

export interface ColumnDef {
  key: string;
  header: string;
  /** preferred width in columns; shrunk when the table does not fit */
  width: number;
  kind: ColumnKind;
  /** enum values, in cycling order */
  options?: readonly string[];
  /** how enum values are shown */
  labels?: Record<string, string>;
  /** false for columns that come from the guide and are not edited here */
  editable?: boolean;
  /** text that may not be empty */
  required?: boolean;
  /** number that may be left empty (stored as null) */
  nullable?: boolean;
  min?: number;
  max?: number;
}

type Row = { id: string } & Record<string, unknown>;

export interface TableEditorProps<R extends Row> {
  columns: ColumnDef[];
  rows: R[];
  height: number;
  width: number;
  active: boolean;
  /** a fresh row with defaults; the `addKey` column is asked for before it is saved */
  newRow: () => R;
  addKey: string;
  /** save a new or changed row (dispatch) */
  onChange: (row: R) => void;
  onDelete: (row: R) => void;
  /** what to call the row in the delete question */
  rowName: (row: R) => string;
  empty?: string;
  /** extra hint pairs, e.g. table switching */
  hints?: [string, string][];
  /** lines shown under the table for the selected row (e.g. a checklist that applies to it) */
  extraLines?: (row: R | undefined) => string[];
}

export function displayValue(col: ColumnDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return col.kind === 'number' ? '-' : '';
  if (col.kind === 'boolean') return value ? 'yes' : 'no';
  if (col.kind === 'enum') return col.labels?.[String(value)] ?? String(value);
  return String(value);
}

/** Shrink the widest columns until the row fits `width` (pointer + one space between columns). */
export function fitWidths(columns: ColumnDef[], width: number): number[] {
  const widths = columns.map((c) => c.width);
  const total = () => 2 + widths.reduce((a, b) => a + b, 0) + Math.max(0, widths.length - 1);
  while (total() > width) {
    let widest = 0;
    for (let i = 1; i < widths.length; i++) if ((widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
    if ((widths[widest] ?? 0) <= 3) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

export function numberProblem(col: ColumnDef, text: string): string | null {
  const t = text.trim();
  if (t === '') return col.nullable ? null : `${col.header} needs a number.`;
  if (!/^\d+$/.test(t)) return `${col.header} must be a whole number.`;
  const n = Number(t);
  if (col.min !== undefined && n < col.min) return `${col.header} must be at least ${col.min}.`;
  if (col.max !== undefined && n > col.max) return `${col.header} must be at most ${col.max}.`;
  return null;
}

export function nextOption(col: ColumnDef, value: unknown): unknown {
  if (col.kind === 'boolean') return !value;
  const opts = col.options ?? [];
  const i = opts.indexOf(String(value));
  return opts[(i + 1) % Math.max(1, opts.length)];
}

type Mode = { kind: 'browse' } | { kind: 'edit' } | { kind: 'add' } | { kind: 'delete' };

export function TableEditor<R extends Row>(props: TableEditorProps<R>) {
  const { theme } = useUi();
  const [rowIndex, setRowIndex, rowLive] = useLiveState(0);
  const [colIndex, setColIndex, colLive] = useLiveState(0);
  const [mode, setMode] = useState<Mode>({ kind: 'browse' });
  // Rows sent since the last render: a second Enter before the re-render cycles from the value
  // just sent, not from the one on screen. Each render brings the props up to date again.
  const sent = useRef(new Map<string, R>());
  sent.current.clear();
  const change = (next: R) => {
    sent.current.set(next.id, next);
    props.onChange(next);
  };
  const { columns, rows } = props;
  const r = Math.min(rowIndex, Math.max(0, rows.length - 1));
  const c = Math.min(colIndex, columns.length - 1);
  const row = rows[r];
  const col = columns[c];
  const widths = fitWidths(columns, props.width);
  const addCol = columns.find((x) => x.key === props.addKey);

  const extra = (props.extraLines?.(row) ?? []).slice(0, Math.max(0, props.height - 6));

  useKeys(
    (input, key) => {
      const moved = listMove(input, key, rowLive.current, rows.length);
      if (moved !== null) {
        setRowIndex(moved);
        return;
      }
      const c = clampIndex(colLive.current, columns.length);
      const shown = rows[clampIndex(rowLive.current, rows.length)];
      const row = shown ? (sent.current.get(shown.id) ?? shown) : undefined;
      const col = columns[c];
      if (key.rightArrow || input === 'l') setColIndex(Math.min(columns.length - 1, c + 1));
      else if (key.leftArrow || input === 'h') setColIndex(Math.max(0, c - 1));
      else if (input === 'a') setMode({ kind: 'add' });
      else if (input === 'x' && row) setMode({ kind: 'delete' });
      else if ((key.return || input === ' ') && row && col && col.editable !== false) {
        if (col.kind === 'enum' || col.kind === 'boolean') {
          change({ ...row, [col.key]: nextOption(col, row[col.key]) });
        } else if (key.return) setMode({ kind: 'edit' });
      }
    },
    { isActive: props.active && mode.kind === 'browse' },
  );

  const header = (
    <Text bold wrap="truncate-end">
      {'  '}
      {columns.map((x, i) => (
        <Text key={x.key} color={i === c ? theme.color.selected : theme.color.muted}>
          {i > 0 ? ' ' : ''}
          {cell(i === c ? `[${truncate(x.header, (widths[i] ?? 3) - 2)}]` : x.header, widths[i] ?? 3)}
        </Text>
      ))}
    </Text>
  );
  const lines = rows.map((x, i) => {
    const on = i === r;
    return (
      <Text key={x.id} wrap="truncate-end" color={on ? theme.color.selected : undefined} bold={on}>
        {on ? theme.glyph.pointer : ' '}{' '}
        {columns.map((col2, j) => (
          <Text key={col2.key} underline={on && j === c}>
            {j > 0 ? ' ' : ''}
            {cell(displayValue(col2, x[col2.key]), widths[j] ?? 3)}
          </Text>
        ))}
      </Text>
    );
  });

  let bottom: ReactNode;
  if (mode.kind === 'edit' && row && col) {
    bottom = (
      <TextPrompt
        key={`edit-${row.id}-${col.key}`}
        label={`${col.header}:`}
        initial={displayValue(col, row[col.key]).replace(/^-$/, '')}
        maxLength={col.kind === 'number' ? 10 : 300}
        validate={(v) =>
          col.kind === 'number'
            ? numberProblem(col, v)
            : col.required && !v.trim()
              ? `${col.header} may not be empty.`
              : null
        }
        onCancel={() => setMode({ kind: 'browse' })}
        onSubmit={(v) => {
          setMode({ kind: 'browse' });
          const t = v.trim();
          const value = col.kind === 'number' ? (t === '' ? null : Number(t)) : t;
          props.onChange({ ...row, [col.key]: value });
        }}
      />
    );
  } else if (mode.kind === 'add' && addCol) {
    bottom = (
      <TextPrompt
        key="add"
        label={`New row, ${addCol.header}:`}
        maxLength={300}
        validate={(v) => (v.trim() ? null : `${addCol.header} may not be empty.`)}
        onCancel={() => setMode({ kind: 'browse' })}
        onSubmit={(v) => {
          setMode({ kind: 'browse' });
          props.onChange({ ...props.newRow(), [addCol.key]: v.trim() });
          setRowIndex(rows.length);
        }}
      />
    );
  } else if (mode.kind === 'delete' && row) {
    bottom = (
      <ConfirmYesNo
        question={`Delete "${props.rowName(row)}"?`}
        onNo={() => setMode({ kind: 'browse' })}
        onYes={() => {
          setMode({ kind: 'browse' });
          props.onDelete(row);
        }}
      />
    );
  } else {
    const editHint: [string, string] =
      col?.editable === false
        ? ['', '(from the guide)']
        : col?.kind === 'enum' || col?.kind === 'boolean'
          ? ['Enter', 'next value']
          : ['Enter', 'edit'];
    bottom = (
      <>
        <Text wrap="truncate-end" color={theme.color.muted}>
          {row && col ? `${col.header}: ${displayValue(col, row[col.key]) || '(empty)'}` : ' '}
        </Text>
        <KeyHints
          hints={(
            [['←↑↓→', 'cell'], editHint, ['a', 'add'], ['x', 'delete'], ...(props.hints ?? [])] as [
              string,
              string,
            ][]
          ).filter(([k]) => k !== '')}
        />
      </>
    );
  }

  return (
    <Box flexDirection="column" height={props.height}>
      {header}
      <ScrollBox
        height={Math.max(1, props.height - 3 - extra.length)}
        selected={r}
        rows={lines}
        empty={props.empty ?? 'No rows yet. Press a to add one.'}
      />
      {extra.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: positional lines
        <Text key={i} color={i === 0 ? theme.color.accent : theme.color.muted} wrap="truncate-end">
          {l}
        </Text>
      ))}
      <Box flexDirection="column" height={2}>
        {bottom}
      </Box>
    </Box>
  );
}
