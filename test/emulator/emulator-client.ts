// A tiny fetch wrapper for the emulator tests: plain HTTP, as any Graph client would send it.

import type { RunningEmulator } from '../../src/emulator/server.js';
import { DEMO_SCOPES, mintToken, PRIVILEGED_AUTH_ADMIN_ROLE } from '../../src/emulator/tokens.js';

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary Graph JSON
  body: any;
}

export function adminToken(emu: RunningEmulator, extra: { scp?: string; wids?: string[] } = {}): string {
  return mintToken({
    tid: emu.tenant.tenantId,
    oid: emu.tenant.adminUserId,
    scp: extra.scp ?? DEMO_SCOPES.join(' '),
    wids: extra.wids ?? [PRIVILEGED_AUTH_ADMIN_ROLE],
  });
}

export async function call(
  emu: RunningEmulator,
  method: string,
  pathOrUrl: string,
  opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${emu.url}${pathOrUrl}`;
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? adminToken(emu) : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
