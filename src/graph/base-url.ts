// Validation of the Graph base URL override (--graph-url / MFA_MIGRATE_GRAPH_URL). A bearer token is
// sent to whatever this names, so plain http is allowed only where the traffic cannot leave the machine.
import { isIP } from 'node:net';

export const GRAPH_URL_ENV = 'MFA_MIGRATE_GRAPH_URL';

export type BaseUrlResult = { ok: true; baseUrl: string } | { ok: false; message: string };

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  // IPv4-mapped IPv6 loopback, e.g. ::ffff:127.0.0.1 (URL normalises it to ::ffff:7f00:1)
  const mapped = /^::ffff:(?:127\.\d+\.\d+\.\d+|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.exec(host);
  return mapped !== null;
}

/**
 * Parse and check an override. Accepts "https://host", "https://host/" or "https://host/v1.0" and
 * returns the origin plus any path prefix, without the version segment (the client adds it).
 */
export function validateGraphBaseUrl(raw: string): BaseUrlResult {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: `The Graph URL "${text}" is not a valid URL. Use e.g. https://graph.microsoft.com or http://127.0.0.1:8080 for a local emulator.`,
    };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'The Graph URL must not contain a user name or password.' };
  }
  if (url.search || url.hash) {
    return { ok: false, message: `The Graph URL "${text}" must not contain a query or fragment.` };
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      return {
        ok: false,
        message: `Refusing plain http to ${url.hostname}: tokens would travel unencrypted. Use https, or http only on this machine (127.0.0.1, ::1, localhost).`,
      };
    }
  } else if (url.protocol !== 'https:') {
    return {
      ok: false,
      message: `The Graph URL must start with https:// (or http:// for a local emulator), not ${url.protocol}//.`,
    };
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(v1\.0|beta)$/i, '');
  return { ok: true, baseUrl: `${url.origin}${path}` };
}

/** The override from the flag, else the environment, else none. */
export function resolveGraphBaseUrl(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): BaseUrlResult | undefined {
  const raw = flag ?? env[GRAPH_URL_ENV];
  if (raw === undefined || raw.trim() === '') return undefined;
  return validateGraphBaseUrl(raw);
}

export { isLoopbackHost };
