import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog, readAuditLog, redact, redactBody } from '../../src/audit/audit-log.js';

describe('audit log', () => {
  it('removes values under secret-looking keys, deeply', () => {
    expect(
      redact({
        a: 1,
        clientSecret: 's',
        nested: { passwordProfile: { password: 'p' }, keyCredentials: [{ key: 'k' }] },
        list: [{ accessToken: 't' }],
      }),
    ).toEqual({
      a: 1,
      clientSecret: '[removed]',
      nested: { passwordProfile: '[removed]', keyCredentials: '[removed]' },
      list: [{ accessToken: '[removed]' }],
    });
    expect(redactBody('{"certificate":"MII"}')).toEqual({ certificate: '[removed]' });
    expect(redactBody('not json')).toMatch(/non-JSON/);
    expect(redactBody(undefined)).toBeNull();
  });

  it('appends JSONL with mode 0600 and reads it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-'));
    const file = join(dir, 'm1', 'audit.jsonl');
    const log = openAuditLog(file, { actor: 'alice@host' });
    await Promise.all([
      log.append({
        method: 'POST',
        path: '/v1.0/a',
        body: { secret: 'x', name: 'n' },
        status: 201,
        requestId: 'r1',
      }),
      log.append({ method: 'PATCH', path: '/v1.0/b', body: null, status: 204 }),
    ]);
    const mode = (await stat(file)).mode & 0o777;
    expect(mode).toBe(0o600);
    const { entries, badLines } = await readAuditLog(file);
    expect(badLines).toEqual([]);
    expect(entries.map((e) => e.path)).toEqual(['/v1.0/a', '/v1.0/b']);
    expect(entries[0]?.body).toEqual({ secret: '[removed]', name: 'n' });
    expect(entries[0]?.by).toBe('alice@host');
    expect(await readFile(file, 'utf8')).not.toContain('"x"');
  });

  it('reports a torn line instead of failing, and a missing file is empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-'));
    const file = join(dir, 'audit.jsonl');
    expect((await readAuditLog(file)).entries).toEqual([]);
    await writeFile(file, '{"method":"POST","path":"/x","status":1}\n{"meth');
    const r = await readAuditLog(file);
    expect(r.entries).toHaveLength(1);
    expect(r.badLines).toEqual([2]);
    // the next entry after a crash starts on its own line and stays readable
    await openAuditLog(file, { actor: 'a@h' }).append({
      method: 'PATCH',
      path: '/y',
      body: null,
      status: 204,
    });
    const after = await readAuditLog(file);
    expect(after.entries.map((e) => e.path)).toEqual(['/x', '/y']);
    expect(after.badLines).toEqual([2]);
  });
});
