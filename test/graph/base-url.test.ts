import { describe, expect, it } from 'vitest';
import { resolveGraphBaseUrl, validateGraphBaseUrl } from '../../src/graph/base-url.js';

describe('Graph base URL override', () => {
  it('accepts https on any host and strips the version', () => {
    expect(validateGraphBaseUrl('https://graph.microsoft.us/v1.0/')).toEqual({
      ok: true,
      baseUrl: 'https://graph.microsoft.us',
    });
    expect(validateGraphBaseUrl('https://proxy.example.com/graph/beta')).toEqual({
      ok: true,
      baseUrl: 'https://proxy.example.com/graph',
    });
  });

  it.each(['http://127.0.0.1:8080', 'http://127.8.9.10', 'http://[::1]:9000/v1.0', 'http://localhost:3000'])(
    'accepts plain http on loopback %s',
    (url) => {
      expect(validateGraphBaseUrl(url).ok).toBe(true);
    },
  );

  it.each([
    'http://10.0.0.5:8080',
    'http://graph.microsoft.com',
    'http://128.0.0.1',
    'http://localhost.evil.com',
  ])('refuses plain http to %s with a clear message', (url) => {
    const r = validateGraphBaseUrl(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Refusing plain http/);
  });

  it('refuses other schemes, credentials and garbage', () => {
    expect(validateGraphBaseUrl('ftp://x').ok).toBe(false);
    expect(validateGraphBaseUrl('https://user:pw@graph.microsoft.com').ok).toBe(false);
    expect(validateGraphBaseUrl('not a url').ok).toBe(false);
  });

  it('reads the environment when no flag is given', () => {
    expect(resolveGraphBaseUrl(undefined, { MFA_MIGRATE_GRAPH_URL: 'http://127.0.0.1:1' })).toEqual({
      ok: true,
      baseUrl: 'http://127.0.0.1:1',
    });
    expect(resolveGraphBaseUrl(undefined, {})).toBeUndefined();
    expect(resolveGraphBaseUrl('https://a.example', { MFA_MIGRATE_GRAPH_URL: 'http://127.0.0.1:1' })).toEqual(
      {
        ok: true,
        baseUrl: 'https://a.example',
      },
    );
  });
});
