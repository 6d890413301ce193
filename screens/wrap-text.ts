// Word wrap for fixed-width terminal columns. ink can wrap, but a scrolling view needs to know how
// many rows a paragraph takes before it draws, so the wrapping is done here.
import stringWidth from 'string-width';

/** Split text into lines of at most `width` columns; long words are cut. Newlines are kept. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((x) => x.length > 0)) {
      let rest = word;
      while (stringWidth(rest) > w) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(rest.slice(0, w));
        rest = rest.slice(w);
      }
      const candidate = line ? `${line} ${rest}` : rest;
      if (stringWidth(candidate) <= w) line = candidate;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  return out;
}

/** Cut text to `width` columns, ending with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Pad (or cut) text to exactly `width` columns, for table cells. */
export function cell(text: string, width: number): string {
  const cut = truncate(text.replace(/[\r\n]+/g, ' '), width);
  return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}
