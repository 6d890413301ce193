// `npm run bench`: prints the figures of issues 2, 3 and 5 as a Markdown table. It never asserts:
// targets are shown beside the figures for a person to judge. BENCH_USERS (default 50000) sizes the
// tenant and the wave; BENCH_RUNS (default 7) the start-up repetitions.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import { startBenchEmulator } from './bench-emulator.js';
import { createBenchState, measureStateSave, WAVE_ID } from './bench-state.js';
import { measureEnumeration } from './enumerate.js';
import { measureKeyToFrame } from './key-to-frame.js';
import { measureReportExport } from './report-export.js';
import { measureStartup } from './startup.js';
import { int, mb, median, ms, percentile } from './stats.js';
import { LATENCY_MS, measureNaive, measureVerification, UNITS_PER_10S } from './verify.js';

const USERS = Number(process.env.BENCH_USERS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const NAIVE_SAMPLE = Math.min(USERS, 300);

const rows: [string, string, string][] = [];
const row = (what: string, value: string, target = '') => {
  rows.push([what, value, target]);
  process.stderr.write(`  ${what}: ${value}\n`);
};
const opt = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : mb(bytes));
const say = (s: string) => process.stderr.write(`${s}\n`);

const started = performance.now();
say(`Benchmark: ${int(USERS)} users; progress on stderr, the table on stdout.`);
const t0 = performance.now();
const emu = await startBenchEmulator(USERS);
say(`emulator with ${int(USERS)} users ready in ${ms(performance.now() - t0)}`);
// the terminal figures need util-linux `script` for a pseudo-terminal
const hasPty = spawnSync('script', ['--version']).status === 0;
const bench = (() => {
  try {
    return createBenchState(emu.nestedGroupId);
  } catch (e) {
    void emu.close();
    throw e;
  }
})();
try {
  const saves = measureStateSave(bench.store, 100);
  row(
    'One state save (store.dispatch: validate + write), median / p95',
    `${ms(median(saves))} / ${ms(percentile(saves, 95))}`,
  );

  if (!hasPty)
    row('Start-up and key press to frame', 'skipped: no `script` (util-linux) for a pseudo-terminal');
  const start = hasPty ? await measureStartup(bench.dir, RUNS) : undefined;
  if (start) {
    row(`Bare \`node -e 0\` (spawn to exit), median of ${RUNS}`, ms(start.bareNodeMs));
    row(`Cold start to first frame (pty 80x24), median of ${RUNS}`, ms(start.firstFrameMs), '< 4x bare node');
    row('  ratio to bare node', `${(start.firstFrameMs / start.bareNodeMs).toFixed(1)}x`, '< 4x');
    row('  (node printing one byte under the same pty)', ms(start.ptyNodeMs));
  }

  const en = await measureEnumeration(emu, bench.files);
  row(`Enumerate ${int(en.users)}-member nested group: wall time`, ms(en.wallMs), '< 10 s');
  row('  HTTP requests (pages of 999 + $count)', `${int(en.requests)} (${en.pages} pages)`);
  row(
    '  RSS before / at 10k members / at the end (after GC); peak',
    `${mb(en.rssBefore)} / ${opt(en.rssAt10k)} / ${mb(en.rssAtEnd)}; ${mb(en.peakRss)}`,
    'flat',
  );
  row(
    '  JS heap in use at 10k members / at the end (after GC)',
    `${opt(en.heapAt10k)} / ${mb(en.heapAtEnd)}`,
    'flat',
  );

  const migrated = await emu.migrateGroup(emu.nestedGroupId);
  say(`the Migration Utility "ran" for ${int(migrated)} users`);
  const v = await measureVerification(emu, bench.files);
  row(
    `Verify ${int(v.users)} users, $batch engine, throttle ${int(UNITS_PER_10S)} units/10 s, ${LATENCY_MS} ms per answer: wall`,
    ms(v.wallMs),
  );
  row(
    '  least wall time the throttle allows / ratio',
    `${ms(v.throttleFloorMs)} / ${v.throttleFloorMs > 0 ? `${(v.wallMs / v.throttleFloorMs).toFixed(2)}x` : 'n/a (one window)'}`,
    '<= 1.2x',
  );
  row(
    '  HTTP requests (outer) / users/20 / inner requests / inner 429s',
    `${int(v.outerRequests)} / ${int(Math.ceil(v.users / 20))} / ${int(v.innerRequests)} / ${int(v.throttled)}`,
    '<= users/20 + paging',
  );
  row(
    '  RSS at 10k users / at the end (after GC); peak',
    `${opt(v.rssAt10k)} / ${mb(v.rssAtEnd)}; ${mb(v.peakRss)}`,
    'flat',
  );
  row(
    '  JS heap in use at 10k users / at the end (after GC)',
    `${opt(v.heapAt10k)} / ${mb(v.heapAtEnd)}`,
    'flat',
  );
  row('  coverage', `${int(v.result.coverage.migrated)} migrated of ${int(v.result.counts.members)}`);

  const naive = await measureNaive(emu, bench.files, NAIVE_SAMPLE, USERS);
  row(
    `Naive (GET methods per user, sequential, same throttle and latency): ${int(naive.sampled)}-user sample`,
    `${ms(naive.wallMs)}, ${int(naive.requests)} requests, ${int(naive.throttled)} 429s, peak RSS ${mb(naive.peakRss)}`,
  );
  row(
    `  extrapolated to ${int(USERS)} users (sample rate, never faster than the throttle)`,
    `${ms(naive.extrapolatedMs)}, ${int(naive.extrapolatedRequests)} requests`,
  );

  // the wave as the wizard knows it, and the wizard opened at its step 5
  const d = (e: Parameters<typeof bench.store.stamp>[0]) => {
    const r = bench.store.dispatch(bench.store.stamp(e));
    if (!r.ok) throw new Error(r.refusal.message);
  };
  d({ type: 'set-wave-counts', waveId: WAVE_ID, ...v.result.counts });
  d({ type: 'go-to-step', ref: { step: 'migrate-users', wave: WAVE_ID } });

  const keys = hasPty ? await measureKeyToFrame(bench.dir, 10) : undefined;
  if (keys)
    row(
      `Key press to frame, ${int(USERS)}-user wave loaded: median / p95 / max`,
      `${ms(keys.medianMs)} / ${ms(keys.p95Ms)} / ${ms(keys.maxMs)} (${keys.presses} keys${keys.lost ? `, ${keys.lost} without a frame` : ''})`,
      '< 50 ms',
    );

  const md = await measureReportExport(bench.dir, 'md', 3);
  const json = await measureReportExport(bench.dir, 'json', 3);
  row(
    `Report export, ${int(USERS)}-user wave, md / json (CLI, incl. node start), median of 3`,
    `${ms(md)} / ${ms(json)}`,
  );
} finally {
  await emu.close();
  rmSync(bench.dir, { recursive: true, force: true });
}

const cpus = os.cpus();
const lines = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), load average ${os.loadavg()[0]?.toFixed(1)} at the end; bench took ${ms(performance.now() - started)}.`,
  '',
  '| Figure | Value | Target |',
  '| --- | --- | --- |',
  ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
