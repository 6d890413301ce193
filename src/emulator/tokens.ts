// Demo access tokens: JWT-shaped (header.payload.signature) so a client can read `tid` for tenant
// pinning exactly as with a real Entra token. Unsigned on purpose — the emulator only ever listens on
// loopback and these tokens mean nothing anywhere else.

export interface TokenClaims {
  tid: string;
  /** delegated scopes, space-separated (delegated token) */
  scp?: string;
  /** application permissions (app-only token) */
  roles?: string[];
  /** directory role template ids of the signed-in user (Entra's `wids` claim) */
  wids?: string[];
  oid?: string;
  upn?: string;
  /** lifetime from now; negative makes an already expired token */
  expSeconds?: number;
}

export interface DecodedToken {
  tid: string;
  scp: string[];
  roles: string[];
  wids: string[];
  oid?: string;
  upn?: string;
  exp: number;
  aud: string;
}

/** Role template id of Privileged Authentication Administrator: unmasks phone numbers. */
export const PRIVILEGED_AUTH_ADMIN_ROLE = '7be44c8a-adaf-4e2a-84d6-ab2649e08a13';
/** Role template id of Global Administrator. */
export const GLOBAL_ADMIN_ROLE = '62e90394-69f5-4237-9190-012177145e10';

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

export function mintToken(claims: TokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'none', kid: 'mfa-migrate-emulator' };
  const payload: Record<string, unknown> = {
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${claims.tid}/`,
    iat: now,
    nbf: now,
    exp: now + (claims.expSeconds ?? 3600),
    tid: claims.tid,
    ver: '1.0',
  };
  if (claims.scp !== undefined) payload.scp = claims.scp;
  if (claims.roles !== undefined) payload.roles = claims.roles;
  if (claims.wids !== undefined) payload.wids = claims.wids;
  if (claims.oid !== undefined) payload.oid = claims.oid;
  if (claims.upn !== undefined) payload.upn = claims.upn;
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url('emulator')}`;
}

/** Decode a token; undefined when it is not JWT-shaped or lacks a tenant. Never verifies a signature. */
export function decodeToken(token: string): DecodedToken | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof payload.tid !== 'string' || typeof payload.exp !== 'number') return undefined;
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const decoded: DecodedToken = {
    tid: payload.tid,
    scp: typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [],
    roles: strings(payload.roles),
    wids: strings(payload.wids),
    exp: payload.exp,
    aud: typeof payload.aud === 'string' ? payload.aud : '',
  };
  if (typeof payload.oid === 'string') decoded.oid = payload.oid;
  if (typeof payload.upn === 'string') decoded.upn = payload.upn;
  return decoded;
}

/** Every scope the emulator knows, for a demo token that can do the whole flow. */
export const DEMO_SCOPES = [
  'User.Read',
  'User.Read.All',
  'GroupMember.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
  'UserAuthenticationMethod.Read.All',
  'AuditLog.Read.All',
  'Policy.Read.All',
  'Policy.ReadWrite.HybridAuthentication',
  'Domain.Read.All',
  'Domain-InternalFederation.ReadWrite.All',
  'Application.Read.All',
  'Organization.Read.All',
];
