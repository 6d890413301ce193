// Verifying 50,000 users under Graph's throttle: the wave engine ($batch of 20, inner 429s waited for
// as Retry-After says) beside the naive way (one authentication-methods GET per user, one at a time).
import type { RequestLogEntry } from '../emulator/core.js';
import { resourceUnitCost } from '../emulator/throttle.js';
import { readMembers } from '../waves/enumerate-members.js';
import { type VerifyResult, verifyWave } from '../waves/verify-wave.js';
import type { WaveFiles } from '../waves/wave-files.js';
import type { BenchEmulator } from './bench-emulator.js';
import { settledHeap, settledRss, withPeakRss } from './stats.js';

/** the throttle set for both runs: Graph's identity budget, resource units per 10 s window */
export const UNITS_PER_10S = 8000;
const WINDOW_MS = 10_000;
/** every answer waits this long: a stand-in for Graph's round trip (loopback alone answers in < 1 ms) */
export const LATENCY_MS = 30;

export interface VerifyFigures {
  users: number;
  outerRequests: number;
  innerRequests: number;
  throttled: number;
  unitsSpent: number;
  wallMs: number;
  /** the least wall time the throttle allows for the units spent (fixed 10 s windows) */
  throttleFloorMs: number;
  peakRss: number;
  /** RSS and heap after a full GC, when 10,000 were done and at the end (GC time is in the wall time) */
  rssAt10k: number | undefined;
  heapAt10k: number | undefined;
  heapAtEnd: number;
  rssAtEnd: number;
  result: VerifyResult;
}

export interface NaiveFigures {
  sampled: number;
  requests: number;
  throttled: number;
  wallMs: number;
  peakRss: number;
  /** for every member: the sample's rate, but never faster than the throttle allows */
  extrapolatedMs: number;
  extrapolatedRequests: number;
}

function unitsOf(log: RequestLogEntry[]): number {
  let units = 0;
  for (const e of log) {
    if (e.status === 429 || (e.path.includes('$batch') && !e.inner)) continue;
    const [path, query = ''] = e.path.split('?');
    units += resourceUnitCost(
      e.method,
      (path ?? '').replace(/^\/(v1\.0|beta)/, ''),
      query.includes('%24select') || query.includes('$select'),
    );
  }
  return units;
}

export const throttleFloorMs = (units: number): number =>
  Math.max(0, Math.ceil(units / UNITS_PER_10S) - 1) * WINDOW_MS;

export async function measureVerification(emu: BenchEmulator, files: WaveFiles): Promise<VerifyFigures> {
  await emu.setFaults({ resourceUnitsPer10s: UNITS_PER_10S, latencyMs: LATENCY_MS }); // a fresh window
  const logBefore = (await emu.requestLog()).length;
  let rssAt10k: number | undefined;
  let heapAt10k: number | undefined;
  const t0 = performance.now();
  const { value: result, peakRss } = await withPeakRss(() =>
    verifyWave(emu.graph, files, {
      full: true,
      onProgress: (p) => {
        if (rssAt10k === undefined && p.done >= 10_000) {
          rssAt10k = settledRss();
          heapAt10k = settledHeap();
        }
      },
    }),
  );
  const wallMs = performance.now() - t0;
  const rssAtEnd = settledRss();
  const heapAtEnd = settledHeap();
  const log = (await emu.requestLog()).slice(logBefore);
  const units = unitsOf(log);
  return {
    users: result.checkedNow,
    outerRequests: log.filter((e) => !e.inner).length,
    innerRequests: log.filter((e) => e.inner).length,
    throttled: log.filter((e) => e.status === 429).length,
    unitsSpent: units,
    wallMs,
    throttleFloorMs: throttleFloorMs(units),
    peakRss,
    rssAt10k,
    heapAt10k,
    rssAtEnd,
    heapAtEnd,
    result,
  };
}

/** The naive way on the first `sample` members, then extrapolated to all `members`. */
export async function measureNaive(
  emu: BenchEmulator,
  files: WaveFiles,
  sample: number,
  members: number,
): Promise<NaiveFigures> {
  await emu.setFaults({ resourceUnitsPer10s: UNITS_PER_10S, latencyMs: LATENCY_MS });
  const logBefore = (await emu.requestLog()).length;
  const ids: string[] = [];
  for await (const m of readMembers(files)) {
    ids.push(m.id);
    if (ids.length >= sample) break;
  }
  const t0 = performance.now();
  const { peakRss } = await withPeakRss(async () => {
    for (const id of ids) {
      await emu.graph.api(`/users/${id}/authentication/methods`).get();
    }
  });
  const wallMs = performance.now() - t0;
  const log = (await emu.requestLog()).slice(logBefore);
  const perUser = wallMs / ids.length;
  return {
    sampled: ids.length,
    requests: log.length,
    throttled: log.filter((e) => e.status === 429).length,
    wallMs,
    peakRss,
    extrapolatedMs: Math.max(perUser * members, throttleFloorMs(members)),
    extrapolatedRequests: members,
  };
}
