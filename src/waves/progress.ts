// Progress of a long operation, in the shape every screen shows: count, rate, time left.

export interface Progress {
  done: number;
  total?: number;
  ratePerSec: number;
  etaSeconds?: number;
}

export interface LongOperationOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** Rate measured from the start of this run (work resumed from an earlier run is not counted in it). */
export function progressMeter(
  total: number | undefined,
  startDone = 0,
  now: () => number = Date.now,
): (done: number) => Progress {
  const started = now();
  return (done) => {
    const seconds = Math.max(0.001, (now() - started) / 1000);
    const ratePerSec = Math.max(0, done - startDone) / seconds;
    const p: Progress = { done, ratePerSec };
    if (total !== undefined) {
      p.total = total;
      if (ratePerSec > 0) p.etaSeconds = Math.max(0, Math.round((total - done) / ratePerSec));
    }
    return p;
  };
}

/** Thrown when the caller aborted; the work done so far is on disk. */
export class OperationAborted extends Error {
  override readonly name = 'OperationAborted';
  constructor() {
    super('Stopped. What was done so far is kept; run it again to continue.');
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new OperationAborted();
}
