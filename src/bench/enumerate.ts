// Enumerating the 50,000-member nested group through the wave engine (pages of 999 streamed to
// members.jsonl): wall time, HTTP requests from the emulator's log, peak RSS, and RSS at 10k and at
// the end to show whether memory grows with the member count.

import { enumerateMembers } from '../waves/enumerate-members.js';
import type { WaveFiles } from '../waves/wave-files.js';
import type { BenchEmulator } from './bench-emulator.js';
import { settledHeap, settledRss, withPeakRss } from './stats.js';

export interface EnumerationFigures {
  users: number;
  pages: number;
  requests: number;
  wallMs: number;
  rssBefore: number;
  /** RSS and heap after a full GC, when 10,000 were done and at the end (GC time is in the wall time) */
  rssAt10k: number | undefined;
  heapAt10k: number | undefined;
  heapAtEnd: number;
  rssAtEnd: number;
  peakRss: number;
}

export async function measureEnumeration(emu: BenchEmulator, files: WaveFiles): Promise<EnumerationFigures> {
  await emu.setFaults({}); // Graph's default budget, a fresh window
  const logBefore = (await emu.requestLog()).length;
  const rssBefore = settledRss();
  let rssAt10k: number | undefined;
  let heapAt10k: number | undefined;
  const t0 = performance.now();
  const { value: result, peakRss } = await withPeakRss(() =>
    enumerateMembers(
      emu.graph,
      files,
      { id: emu.nestedGroupId, displayName: 'Bench - All waves', dynamic: false },
      {
        refresh: true,
        onProgress: (p) => {
          if (rssAt10k === undefined && p.done >= 10_000) {
            rssAt10k = settledRss();
            heapAt10k = settledHeap();
          }
        },
      },
    ),
  );
  const wallMs = performance.now() - t0;
  const rssAtEnd = settledRss();
  const heapAtEnd = settledHeap();
  const log = (await emu.requestLog()).slice(logBefore);
  return {
    users: result.totals.users,
    pages: result.pagesFetched,
    requests: log.filter((e) => !e.inner).length,
    wallMs,
    rssBefore,
    rssAt10k,
    heapAt10k,
    rssAtEnd,
    heapAtEnd,
    peakRss,
  };
}
