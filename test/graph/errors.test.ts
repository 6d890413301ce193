import { GraphError as SdkGraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { GraphError, toGraphError } from '../../src/graph/errors.js';

function sdk(status: number, code: string, message = 'x'): SdkGraphError {
  const e = new SdkGraphError(status, message);
  e.code = code;
  return e;
}

describe('Graph errors for people', () => {
  it('403 names the missing permission of the operation', () => {
    const e = toGraphError(sdk(403, 'Authorization_RequestDenied'), {
      op: 'rollout.write',
      signIn: 'delegated',
    });
    expect(e.kind).toBe('denied');
    expect(e.message).toContain('Policy.ReadWrite.HybridAuthentication');
    expect(e.message).toContain('Hybrid Identity Administrator');
  });

  it('403 for app-only on a delegated-only API says so', () => {
    const e = toGraphError(sdk(403, 'Authorization_RequestDenied'), {
      op: 'rollout.write',
      signIn: 'application',
    });
    expect(e.message).toMatch(/delegated \(user\) sign-in/);
  });

  it('401 says sign in again', () => {
    expect(toGraphError(sdk(401, 'InvalidAuthenticationToken')).message).toMatch(/Sign in again/);
  });

  it('404 names what was not found', () => {
    const e = toGraphError(sdk(404, 'Request_ResourceNotFound'), { what: 'group "Wave 1"' });
    expect(e.message).toBe('Group "Wave 1" was not found in the tenant. Check the name or id.');
  });

  it('429 after retries is a throttling message, network errors name the host', () => {
    expect(toGraphError(sdk(429, 'TooManyRequests')).kind).toBe('throttled');
    const net = toGraphError(new TypeError('fetch failed'), { host: 'graph.microsoft.us' });
    expect(net.kind).toBe('network');
    expect(net.message).toContain('Could not reach graph.microsoft.us');
  });

  it('keeps an existing GraphError as is, and every message is one line', () => {
    const g = new GraphError('tenant', 'x');
    expect(toGraphError(g)).toBe(g);
    for (const s of [400, 401, 403, 404, 409, 429, 500, 503]) {
      expect(toGraphError(sdk(s, 'Code', 'line one\nline two')).message).not.toContain('\n');
    }
  });
});
