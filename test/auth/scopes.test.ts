import { describe, expect, it } from 'vitest';
import { signInScopes } from '../../src/auth/scopes.js';

describe('sign-in scopes', () => {
  it('device code asks for the steps’ read scopes of the cloud, no write scope', () => {
    const s = signInScopes('device-code', 'gcchigh', ['validate'], false);
    expect(s.scopes).toContain('https://graph.microsoft.us/Policy.Read.HybridAuthentication');
    expect(s.scopes.some((x) => x.includes('ReadWrite'))).toBe(false);
    expect(s.unsupported).toEqual([]);
  });

  it('app-only uses .default and flags staged rollout as impossible', () => {
    const s = signInScopes('certificate', 'global', ['validate'], true);
    expect(s.scopes).toEqual(['https://graph.microsoft.com/.default']);
    expect(s.unsupported).toEqual(expect.arrayContaining(['rollout.read', 'rollout.write']));
  });
});
