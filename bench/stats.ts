/** Timing and summary statistics. Times are milliseconds from `performance.now()`. */

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Nearest-rank percentile (p in 0–100) of a non-empty sample. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

function timed(fn: () => unknown): number {
  collectGarbage?.();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Times each function in turn, round after round (A B A B …), so that the machine's load at any moment falls
 * on all of them alike; answers one list of samples per function. A first round (not counted) warms the JIT
 * up and tells how long a round takes: quick work gets more warm-up and up to 40 timed rounds, work of more
 * than two seconds a round gets 3. A full garbage collection (when node runs with `--expose-gc`) precedes
 * every run and is not timed.
 */
export function interleaved(fns: readonly (() => unknown)[], smoke = false): number[][] {
  const round = fns.reduce((sum, fn) => sum + timed(fn), 0);
  const slow = smoke || round > 2000;
  const warmup = slow ? 0 : 2;
  const [minRuns, maxRuns, minTimeMs] = slow ? [3, 3, 0] : [7, 40, 3000];
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const samples: number[][] = fns.map(() => []);
  let total = 0;
  for (let run = 0; run < maxRuns && (run < minRuns || total < minTimeMs); run++) {
    fns.forEach((fn, i) => {
      const elapsed = timed(fn);
      samples[i].push(elapsed);
      total += elapsed;
    });
  }
  return samples;
}
