// Reads a CSV file made by a person or by Excel: UTF-8 with or without BOM, a header row, quoted
// fields. Structural errors (an unclosed quote) stop the read with the line number; each record keeps
// its line number so a validator can report bad rows precisely.
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line in the file where the record starts */
  line: number;
  /** header (lower-cased, trimmed) -> raw cell */
  cells: Record<string, string>;
}

export type CsvReadResult =
  | { ok: true; headers: string[]; records: CsvRecord[] }
  | { ok: false; message: string };

export function readCsv(text: string): CsvReadResult {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      return {
        ok: false,
        message: `The CSV cannot be read${line ? ` at line ${line}` : ''}: ${e.message.split('\n')[0]}`,
      };
    }
    throw e;
  }
  const [head, ...body] = rows;
  if (!head) return { ok: false, message: 'The CSV is empty: it needs a header row.' };
  const headers = head.record.map((h) => h.trim().toLowerCase());
  const records: CsvRecord[] = body.map(({ record, info }) => {
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      cells[h] = record[i] ?? '';
    });
    // info.lines is the line where the record ends; a record spanning lines starts earlier
    const span = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - span, cells };
  });
  return { ok: true, headers, records };
}
