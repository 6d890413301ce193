// The last link of the chain: sends the request with a per-attempt time limit. Graph's
// authentication-methods APIs give up after 60 s server-side, so waiting longer only hides a failure.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphError } from '../errors.js';

export const DEFAULT_TIMEOUT_MS = 60_000;

/** A failure below HTTP (no response). The retry handler decides what it means for the caller. */
export class TransportFailure extends Error {
  constructor(
    readonly reason: 'network' | 'timeout',
    readonly original: unknown,
  ) {
    super(reason === 'timeout' ? 'request timed out' : 'connection failed');
    this.name = 'TransportFailure';
  }
}

export class TransportHandler implements Middleware {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const callerSignal = context.options?.signal ?? undefined;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    try {
      context.response = await this.fetchImpl(context.request, { ...context.options, signal });
    } catch (err) {
      if (callerSignal?.aborted) throw new GraphError('aborted', 'Cancelled.');
      throw new TransportFailure(timeout.aborted ? 'timeout' : 'network', err);
    }
  }
}
