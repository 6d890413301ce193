// Types shared by the emulator's router, handlers and $batch.
import type { GeneratedTenant } from './tenant-types.js';
import type { DecodedToken } from './tokens.js';

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** ms to wait before sending (per-request latency) */
}

export interface EmulatorRequest {
  method: string;
  /** 'v1.0' | 'beta' */
  version: string;
  /** path after the version, decoded, without query: "/users/abc/authentication/methods" */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  /** absolute base of the version, e.g. http://127.0.0.1:1234/v1.0, for nextLink and @odata.context */
  base: string;
  requestId: string;
  clientRequestId: string;
  /** true for a request inside $batch */
  inner: boolean;
}

export interface HandlerContext {
  req: EmulatorRequest;
  tenant: GeneratedTenant;
  token: DecodedToken;
  params: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => EmulatorResponse;
