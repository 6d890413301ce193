import { describe, expect, it } from 'vitest';
import { editBuffer } from '../../screens/notes-editor.js';
import { windowStart } from '../../screens/scroll-box.js';
import { cell, truncate, wrapText } from '../../screens/wrap-text.js';

const at = (lines: string[], row: number, col: number) => ({ lines, row, col });

describe('notes editor buffer', () => {
  it('splits the line at the cursor on Enter and joins on Backspace at column 0', () => {
    const split = editBuffer(at(['hello world'], 0, 5), '', { return: true });
    expect(split).toEqual(at(['hello', ' world'], 1, 0));
    expect(editBuffer(split, '', { backspace: true })).toEqual(at(['hello world'], 0, 5));
    expect(editBuffer(split, '', { delete: true })).toEqual(at(['hello world'], 0, 5));
  });

  it('inserts typed and pasted text at the cursor, pasted lines becoming lines', () => {
    expect(editBuffer(at(['ac'], 0, 1), 'b', {})).toEqual(at(['abc'], 0, 2));
    expect(editBuffer(at(['<>'], 0, 1), 'one\r\ntwo\nthree', {})).toEqual(
      at(['<one', 'two', 'three>'], 2, 5),
    );
  });

  it('moves with arrows, clamping the column to the line and the row to the text', () => {
    const b = at(['a long line', 'short'], 0, 9);
    expect(editBuffer(b, '', { downArrow: true })).toEqual(at(b.lines, 1, 5));
    expect(editBuffer(b, '', { upArrow: true })).toEqual(b);
    expect(editBuffer(at(b.lines, 1, 0), '', { leftArrow: true })).toEqual(at(b.lines, 0, 11));
    expect(editBuffer(at(b.lines, 0, 11), '', { rightArrow: true })).toEqual(at(b.lines, 1, 0));
    expect(editBuffer(at(['x'], 0, 0), '', { backspace: true })).toEqual(at(['x'], 0, 0));
  });
});

describe('text fitting', () => {
  it('wraps at word boundaries, cuts words longer than the width, keeps paragraphs', () => {
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('a\n\nb', 10)).toEqual(['a', '', 'b']);
  });

  it('truncates with an ellipsis and pads cells to an exact width', () => {
    expect(truncate('contoso.com', 8)).toBe('contoso…');
    expect(truncate('short', 8)).toBe('short');
    expect(cell('ab', 4)).toBe('ab  ');
    expect(cell('line\nbreak', 6)).toBe('line …');
  });

  it('moves a scroll window as little as possible to keep the selection visible', () => {
    expect(windowStart(100, 10, 5, 0)).toBe(0);
    expect(windowStart(100, 10, 12, 0)).toBe(3);
    expect(windowStart(100, 10, 8, 3)).toBe(3);
    expect(windowStart(100, 10, 1, 3)).toBe(1);
    expect(windowStart(5, 10, 4, 3)).toBe(0);
  });
});
