import { describe, expect, it } from 'vitest';
import { checkUtilityEndpoints } from '../../state/utility-endpoints.js';

describe('checkUtilityEndpoints', () => {
  it('accepts matching hosts with or without a path', () => {
    expect(
      checkUtilityEndpoints('global', 'https://login.microsoftonline.com/', 'https://graph.microsoft.com'),
    ).toEqual({
      ok: true,
      findings: [],
    });
    expect(
      checkUtilityEndpoints('gcchigh', 'https://login.microsoftonline.us', 'graph.microsoft.us').ok,
    ).toBe(true);
    expect(
      checkUtilityEndpoints('dod', 'https://login.microsoftonline.us', 'https://dod-graph.microsoft.us').ok,
    ).toBe(true);
  });
  it('names a value left at .com for a government cloud, and unset values', () => {
    const r = checkUtilityEndpoints('gcchigh', 'https://login.microsoftonline.com', null);
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatch(
      /StsUrl is https:\/\/login.microsoftonline.com .* expects login.microsoftonline.us/,
    );
    expect(r.findings[1]).toMatch(/GraphUrl is not set/);
  });
  it('says the guide does not cover China even when values look right', () => {
    const r = checkUtilityEndpoints(
      'china',
      'https://login.chinacloudapi.cn',
      'https://microsoftgraph.chinacloudapi.cn',
    );
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([expect.stringMatching(/does not cover the China cloud/)]);
  });
});
