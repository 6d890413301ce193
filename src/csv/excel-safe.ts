// CSV that Excel opens safely: a BOM so UTF-8 names survive, every field quoted, and cells starting
// with = + - @ (or tab / carriage return) prefixed with ' so Excel never evaluates them as formulas.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function toExcelCsv(
  headers: string[],
  rows: (string | number | boolean | null | undefined)[][],
): string {
  const safe = rows.map((r) =>
    r.map((c) => neutraliseFormula(c === null || c === undefined ? '' : String(c))),
  );
  return `\uFEFF${stringify([headers, ...safe], { quoted: true, record_delimiter: '\r\n' })}`;
}
