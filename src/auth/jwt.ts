// Reads (never verifies) the claims of a JWT access token: enough to learn its tenant (tid), audience
// and kind (scp = delegated, roles = app-only). Graph does the verifying.
export interface TokenClaims {
  tid?: string;
  aud?: string;
  exp?: number;
  scp?: string;
  roles?: string[];
  oid?: string;
  upn?: string;
}

export function decodeJwtClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const json = Buffer.from(parts[1], 'base64url').toString('utf8');
    const claims = JSON.parse(json) as unknown;
    return claims !== null && typeof claims === 'object' ? (claims as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}

export function tokenKind(claims: TokenClaims | undefined): 'delegated' | 'application' | undefined {
  if (!claims) return undefined;
  if (typeof claims.scp === 'string' && claims.scp.length > 0) return 'delegated';
  if (Array.isArray(claims.roles)) return 'application';
  return undefined;
}
