// Markdown escaping done by hand (markdown-table and friends do not): a `|` in a note would split a
// table row, a newline would end it, and raw HTML in a note would render as HTML.

/** One table cell: escape backslash, pipe and `<`; newlines become <br>; empty becomes a dash. */
export function mdCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Text on one line outside a table (headings, list items): no newlines, no raw HTML. */
export function mdInline(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, ' ')
    .trim();
}

/** Free text shown as a quote, one `>` line per input line, so nothing in it becomes a heading. */
export function mdQuote(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${mdInline(line)}`.trimEnd())
    .join('\n');
}

export function mdTable(headers: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  const head = `| ${headers.map(mdCell).join(' | ')} |`;
  const rule = `|${headers.map(() => ' --- ').join('|')}|`;
  const body = rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}
