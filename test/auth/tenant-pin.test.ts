import { describe, expect, it } from 'vitest';
import { decodeJwtClaims, tokenKind } from '../../src/auth/jwt.js';
import { describeSignIn } from '../../src/auth/sign-in-kinds.js';
import { checkTenant } from '../../src/auth/tenant-pin.js';
import { audienceProblem } from '../../src/auth/token-audience.js';

const A = '11111111-1111-1111-1111-111111111111';
const B = '22222222-2222-2222-2222-222222222222';

function jwt(claims: object): string {
  return `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
}

describe('tenant pin', () => {
  it('first sign-in returns the pin-tenant event', () => {
    expect(checkTenant({ name: 'Prod' }, A)).toEqual({
      result: 'pin',
      tenantId: A,
      event: { type: 'pin-tenant', tenantId: A },
    });
  });

  it('same tenant is ok (case-insensitive)', () => {
    expect(checkTenant({ name: 'Prod', tenantId: A.toUpperCase() }, A).result).toBe('ok');
  });

  it('another tenant is refused naming both', () => {
    const r = checkTenant({ name: 'Prod', tenantId: A }, { tenantId: B, displayName: 'Contoso Test' });
    expect(r.result).toBe('refused');
    if (r.result === 'refused') {
      expect(r.refusal.message).toContain(A);
      expect(r.refusal.message).toContain(B);
      expect(r.refusal.overridable).toBe(false);
    }
  });

  it('first sign-in checks what was typed at creation', () => {
    expect(checkTenant({ name: 'P', tenant: B }, A).result).toBe('refused');
    expect(
      checkTenant({ name: 'P', tenant: 'contoso.com' }, { tenantId: A, verifiedDomains: ['fabrikam.com'] })
        .result,
    ).toBe('refused');
    expect(
      checkTenant({ name: 'P', tenant: 'Contoso.com' }, { tenantId: A, verifiedDomains: ['contoso.com'] })
        .result,
    ).toBe('pin');
  });

  it('a token whose tid disagrees with /organization is refused', () => {
    expect(checkTenant({ name: 'P', tenantId: A }, { tenantId: A, tokenTenantId: B }).result).toBe('refused');
  });
});

describe('tokens and sign-in kinds', () => {
  it('reads claims without verifying and tells delegated from app-only', () => {
    expect(decodeJwtClaims(jwt({ tid: A, scp: 'User.Read' }))?.tid).toBe(A);
    expect(tokenKind(decodeJwtClaims(jwt({ roles: ['x'] })))).toBe('application');
    expect(decodeJwtClaims('opaque')).toBeUndefined();
  });

  it('refuses a token of another cloud', () => {
    expect(audienceProblem(jwt({ aud: 'https://graph.microsoft.com' }), 'gcchigh')).toMatch(/GCC High/);
    expect(audienceProblem(jwt({ aud: 'https://graph.microsoft.us/' }), 'gcchigh')).toBeUndefined();
    expect(audienceProblem(jwt({ aud: '00000003-0000-0000-c000-000000000000' }), 'china')).toBeUndefined();
  });

  it('describes which sign-ins can do staged rollout', () => {
    expect(describeSignIn('device-code').permissionKind).toBe('delegated');
    expect(describeSignIn('client-secret').stagedRollout).toBe(false);
    expect(describeSignIn('access-token').stagedRollout).toBe('depends');
  });
});
