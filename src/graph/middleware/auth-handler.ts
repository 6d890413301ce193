// Attaches the bearer token — for the configured Graph origin only (the client's default handler
// would skip an http://127.0.0.1 emulator, and a token must never leak to another host) — and holds
// every request but the tenant read until the tenant gate is open.
import type { TokenCredential } from '@azure/identity';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphError } from '../errors.js';
import type { TenantGate } from '../tenant-gate.js';
import { requestMethod, requestUrl, setHeader } from './headers.js';

export interface BearerOptions {
  credential: TokenCredential;
  scopes: string[];
  /** origin + optional path prefix, no version */
  baseUrl: string;
  gate?: TenantGate;
  signal?: AbortSignal;
}

export class BearerHandler implements Middleware {
  private next: Middleware | undefined;
  private readonly base: URL;

  constructor(private readonly options: BearerOptions) {
    this.base = new URL(options.baseUrl);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  /** "/organization?..." for ".../v1.0/organization?..." */
  private pathAfterVersion(url: URL): string {
    const prefix = this.base.pathname.replace(/\/$/, '');
    const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    return rest.replace(/^\/(v1\.0|beta)(?=\/|$)/, '') + url.search;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('BearerHandler has no next middleware');
    const url = new URL(requestUrl(context.request));
    if (url.origin !== this.base.origin) {
      throw new GraphError(
        'refused',
        `Refusing to send the sign-in token to ${url.host}: only ${this.base.host} is configured as Graph.`,
      );
    }
    const method = requestMethod(context.options);
    const gate = this.options.gate;
    if (gate && !gate.allows(method, this.pathAfterVersion(url))) {
      throw new GraphError(
        'tenant',
        'The signed-in tenant has not been checked against this migration yet; nothing else is sent until it is.',
      );
    }
    let token: string;
    try {
      const result = await this.options.credential.getToken(this.options.scopes, {
        abortSignal: this.options.signal,
      });
      if (!result?.token) throw new Error('no token was returned');
      token = result.token;
    } catch (err) {
      if (err instanceof GraphError) throw err;
      const why = (err instanceof Error ? err.message : String(err)).split(/\r?\n/)[0]?.slice(0, 160);
      throw new GraphError('auth', `Sign-in failed: ${why}. Sign in again.`);
    }
    context.options = context.options ?? {};
    setHeader(context.options, 'Authorization', `Bearer ${token}`);
    await this.next.execute(context);
  }
}
