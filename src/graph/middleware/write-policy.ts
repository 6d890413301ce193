// Per-request instructions for the dropped-connection policy, attached with
// `request.middlewareOptions([new WritePolicy({...})])`. A write that is not idempotent (POST) is
// re-sent after a lost connection only when `verify` proves the first one did not happen.
import type { MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export type VerifyResult =
  | { happened: false }
  /** the first attempt took effect: `body` (if any) becomes the result, `status` defaults to 200 */
  | { happened: true; status?: number; body?: unknown };

export interface WritePolicyInit {
  /** re-sending cannot do harm (e.g. a $batch of GETs) */
  idempotent?: boolean;
  /** asks Graph whether the first attempt took effect */
  verify?: () => Promise<VerifyResult>;
}

export class WritePolicy implements MiddlewareOptions {
  readonly idempotent: boolean;
  readonly verify: (() => Promise<VerifyResult>) | undefined;

  constructor(init: WritePolicyInit) {
    this.idempotent = init.idempotent ?? false;
    this.verify = init.verify;
  }
}
