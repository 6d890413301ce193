// Small statistics and formatting for the benchmark's table.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** nearest-rank percentile, p in 0..100 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank] as number;
}

export const ms = (x: number): string =>
  x >= 120_000
    ? `${(x / 60_000).toFixed(1)} min`
    : x >= 1000
      ? `${(x / 1000).toFixed(2)} s`
      : `${x.toFixed(1)} ms`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const int = (n: number): string => n.toLocaleString('en-US');

/** Peak RSS of this process while `work` runs, sampled every 10 ms (plus before and after). */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRss: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakRss: peak };
  } finally {
    clearInterval(timer);
  }
}

// `npm run bench` starts node without --expose-gc; turning the flag on at run time gives a context
// created afterwards a gc() to call, so RSS can be read after a collection, not with garbage in it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** RSS right after a full garbage collection: what the work really keeps */
export function settledRss(): number {
  gc();
  return process.memoryUsage.rss();
}

/** heap in use right after a full garbage collection */
export function settledHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}
