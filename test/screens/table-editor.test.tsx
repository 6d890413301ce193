import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { type ColumnDef, fitWidths, TableEditor } from '../../screens/table-editor.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { frameFits, see } from './step-harness.js';

interface Row extends Record<string, unknown> {
  id: string;
  name: string;
  colour: string;
  ok: boolean;
  port: number | null;
}

const COLUMNS: ColumnDef[] = [
  { key: 'name', header: 'Name', width: 20, kind: 'text', required: true },
  { key: 'colour', header: 'Colour', width: 8, kind: 'enum', options: ['red', 'green', 'blue'] },
  { key: 'ok', header: 'OK', width: 4, kind: 'boolean' },
  { key: 'port', header: 'Port', width: 6, kind: 'number', nullable: true, min: 1, max: 65535 },
];

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

interface Log {
  rows: Row[];
  n: number;
}

function Host(props: { initial: Row[]; log: Log; height: number }) {
  const { log } = props;
  const [rows, setRows] = useState(props.initial);
  const save = (next: Row[]) => {
    log.rows = next;
    setRows(next);
  };
  return (
    <TableEditor<Row>
      columns={COLUMNS}
      rows={rows}
      height={props.height}
      width={78}
      active
      addKey="name"
      newRow={() => ({ id: `new${++log.n}`, name: '', colour: 'red', ok: false, port: null })}
      rowName={(r) => r.name}
      onChange={(row) =>
        save(
          rows.some((r) => r.id === row.id) ? rows.map((r) => (r.id === row.id ? row : r)) : [...rows, row],
        )
      }
      onDelete={(row) => save(rows.filter((r) => r.id !== row.id))}
    />
  );
}

function mount(initial: Row[], height = 12) {
  const log: Log = { rows: initial, n: 0 };
  ui = renderUi(<Host initial={initial} log={log} height={height} />, { columns: 80, rows: 24 });
  return { ui, log };
}

const row = (i: number): Row => ({ id: `r${i}`, name: `server-${i}`, colour: 'red', ok: false, port: null });

describe('TableEditor', () => {
  it('edits a text cell with Enter and refuses an empty required value', async () => {
    const { ui, log } = mount([row(1), row(2)]);
    await see(ui, 'server-1');
    ui.press(KEYS.enter);
    await see(ui, 'Name: server-1');
    for (let i = 0; i < 8; i++) ui.press(KEYS.backspace);
    await see(ui, (f) => !f.includes('Name: server-1'));
    ui.press(KEYS.enter);
    await see(ui, 'Name may not be empty.');
    await ui.type('mfa01');
    ui.press(KEYS.enter);
    await see(ui, /[›>] mfa01/);
    expect(log.rows[0]?.name).toBe('mfa01');
  });

  it('cycles enums and booleans with Enter', async () => {
    const { ui, log } = mount([row(1)]);
    await see(ui, 'server-1');
    ui.press(KEYS.right);
    await see(ui, '[Colour]');
    ui.press(KEYS.enter);
    await see(ui, 'Colour: green');
    ui.press(KEYS.enter);
    await see(ui, 'Colour: blue');
    ui.press(KEYS.enter);
    await see(ui, 'Colour: red');
    expect(log.rows[0]?.colour).toBe('red');
    ui.press(KEYS.right);
    await see(ui, '[OK]');
    ui.press(' ');
    await see(ui, 'OK: yes');
    expect(log.rows[0]?.ok).toBe(true);
  });

  it('validates numbers and allows an empty nullable number', async () => {
    const { ui, log } = mount([row(1)]);
    await see(ui, 'server-1');
    for (let i = 0; i < 3; i++) ui.press(KEYS.right);
    await see(ui, '[Port]');
    ui.press(KEYS.enter);
    await see(ui, 'Port:');
    await ui.type('70000');
    ui.press(KEYS.enter);
    await see(ui, 'Port must be at most 65535.');
    for (let i = 0; i < 5; i++) ui.press(KEYS.backspace);
    await ui.type('44x');
    ui.press(KEYS.enter);
    await see(ui, 'Port must be a whole number.');
    ui.press(KEYS.backspace);
    await ui.type('43');
    ui.press(KEYS.enter);
    await see(ui, 'Port: 4443');
    expect(log.rows[0]?.port).toBe(4443);
  });

  it('adds a row asking for its name, and deletes one only after y', async () => {
    const { ui, log } = mount([row(1)]);
    await see(ui, 'server-1');
    ui.press('a');
    await see(ui, 'New row, Name:');
    await ui.type('mfa02');
    ui.press(KEYS.enter);
    await see(ui, /[›>] mfa02/);
    expect(log.rows.map((r) => r.name)).toEqual(['server-1', 'mfa02']);
    ui.press('x');
    await see(ui, 'Delete "mfa02"?');
    ui.press('n');
    await see(ui, 'a add');
    expect(log.rows).toHaveLength(2);
    ui.press('x');
    await see(ui, 'Delete "mfa02"?');
    ui.press('y');
    await see(ui, (f) => !f.includes('mfa02'));
    expect(log.rows.map((r) => r.name)).toEqual(['server-1']);
  });

  it('scrolls to keep the selected row visible within its height', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i));
    const { ui } = mount(rows, 10);
    await see(ui, 'server-0');
    for (let i = 0; i < 25; i++) ui.press(KEYS.down);
    const frame = await see(ui, /[›>] server-25/);
    expect(frame).not.toContain('server-0 ');
    expect(frame).toMatch(/of 40/);
    expect(frameFits(frame, 80, 10)).toBeNull();
  });

  it('fits columns into the width by shrinking the widest', () => {
    const wide: ColumnDef[] = [
      { key: 'a', header: 'A', width: 40, kind: 'text' },
      { key: 'b', header: 'B', width: 30, kind: 'text' },
      { key: 'c', header: 'C', width: 10, kind: 'text' },
    ];
    const widths = fitWidths(wide, 78);
    expect(2 + widths.reduce((x, y) => x + y, 0) + 2).toBeLessThanOrEqual(78);
    expect(widths[2]).toBe(10);
  });
});
