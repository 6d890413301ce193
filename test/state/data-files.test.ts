import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendJsonl, readJsonl, writeFileAtomic } from '../../state/data-files.js';
import { StoreError } from '../../state/store-errors.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-data-'));
  file = path.join(dir, 'members.jsonl');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function readAll(target: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const record of readJsonl(target)) out.push(record);
  return out;
}

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('JSONL', () => {
  it('appends records and reads them back in order; the file is 0600', async () => {
    await appendJsonl(file, [{ upn: 'a@contoso.com' }, { upn: 'b@contoso.com' }]);
    await appendJsonl(file, [{ upn: 'c@contoso.com' }]);
    await appendJsonl(file, []);
    expect(await readAll(file)).toEqual([
      { upn: 'a@contoso.com' },
      { upn: 'b@contoso.com' },
      { upn: 'c@contoso.com' },
    ]);
    expect(mode(file)).toBe(0o600);
  });

  it('tightens an existing looser file to 0600 on append', async () => {
    fs.writeFileSync(file, '{"a":1}\n', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    await appendJsonl(file, [{ a: 2 }]);
    expect(mode(file)).toBe(0o600);
  });

  it('yields nothing for a missing file', async () => {
    expect(await readAll(path.join(dir, 'none.jsonl'))).toEqual([]);
  });

  it('ignores a torn last line, and the next append cuts it off instead of gluing onto it', async () => {
    await appendJsonl(file, [{ n: 1 }, { n: 2 }]);
    fs.appendFileSync(file, '{"n": 3, "na'); // crash mid-write
    expect(await readAll(file)).toEqual([{ n: 1 }, { n: 2 }]);

    await appendJsonl(file, [{ n: 4 }]);
    expect(await readAll(file)).toEqual([{ n: 1 }, { n: 2 }, { n: 4 }]);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":4}\n');
  });

  it('does not count a last line without its newline, even when it parses', async () => {
    await appendJsonl(file, [{ n: 1 }]);
    fs.appendFileSync(file, '{"n":2}');
    expect(await readAll(file)).toEqual([{ n: 1 }]);
  });

  it('a file holding only a torn line reads as empty and is cut on append', async () => {
    fs.writeFileSync(file, '{"half');
    expect(await readAll(file)).toEqual([]);
    await appendJsonl(file, [{ n: 1 }]);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"n":1}\n');
  });

  it('throws a StoreError naming the line when a line before the end is damaged', async () => {
    fs.writeFileSync(file, '{"n":1}\n{oops}\n{"n":3}\n');
    const seen: unknown[] = [];
    let caught: unknown;
    try {
      for await (const record of readJsonl(file)) seen.push(record);
    } catch (error) {
      caught = error;
    }
    expect(seen).toEqual([{ n: 1 }]);
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe('corrupt');
    expect((caught as StoreError).message).toContain(`Line 2 of ${file}`);
  });

  it('reads records across read-chunk boundaries, multi-byte text included', async () => {
    const records = Array.from({ length: 6000 }, (_, i) => ({ i, name: `Jürgen Öztürk 名前 ${i}` }));
    await appendJsonl(file, records);
    expect(fs.statSync(file).size).toBeGreaterThan(3 * 64 * 1024);
    expect(await readAll(file)).toEqual(records);
    fs.appendFileSync(file, '{"i": 6000, "name": "Jü');
    await appendJsonl(file, [{ i: 6001 }]);
    const after = await readAll(file);
    expect(after).toHaveLength(6001);
    expect(after.at(-1)).toEqual({ i: 6001 });
  });

  it('keeps every record when appends overlap', async () => {
    const big = 'y'.repeat(1536 * 1024); // above Node's 512 KiB write chunk, so one append takes several writes
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        appendJsonl(file, [
          { i, big },
          { i, end: true },
        ]),
      ),
    );
    const records = (await readAll(file)) as { i: number }[];
    expect(records).toHaveLength(16);
    expect(new Set(records.map((r) => r.i)).size).toBe(8);
  });

  it('cuts a torn tail longer than one read chunk', async () => {
    await appendJsonl(file, [{ n: 1 }]);
    fs.appendFileSync(file, `{"blob":"${'x'.repeat(200 * 1024)}`);
    await appendJsonl(file, [{ n: 2 }]);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });
});

describe('writeFileAtomic', () => {
  it('writes and replaces a whole file with mode 0600, leaving no temp files', async () => {
    const target = path.join(dir, 'preview.json');
    await writeFileAtomic(target, '{"v":1}');
    expect(fs.readFileSync(target, 'utf8')).toBe('{"v":1}');
    expect(mode(target)).toBe(0o600);
    fs.chmodSync(target, 0o644);
    await writeFileAtomic(target, new TextEncoder().encode('{"v":2}'));
    expect(fs.readFileSync(target, 'utf8')).toBe('{"v":2}');
    expect(mode(target)).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['preview.json']);
  });

  it('leaves the old file and no temp file when the rename fails', async () => {
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });

  it('fails plainly when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'no', 'x.json'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
