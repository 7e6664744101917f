// Timing comparison for the constant-time guards (ct-timing.test.ts, rsa-bigint.test.ts).

/** The largest ratio of costs the guards accept between secrets. */
export const LIMIT = 1.12;

/**
 * How far apart the inputs' costs are: for each pair of inputs, the median over rounds of the ratio
 * of their times; the largest of these (or its inverse). The inputs run in interleaved rounds
 * (`reps` calls each, in a fresh random order each round), so whatever slows a whole round — the
 * rest of the suite on the other core, a busy SMT sibling — cancels in the ratio, and the median
 * drops the rounds where one of the two was preempted. V8 runs wasm from its baseline compiler first
 * and tiers hot functions up in the background, so ~200 ms of warm-up rounds come first and are
 * dropped. Then at least 61 rounds, and more (up to ~budget ms, bounded in rounds) while the result
 * is not yet on the side the test expects.
 */
export function spread(inputs: unknown[], f: (x: any) => unknown, reps: number, want: "same" | "differ" = "same", budget = 3000): number {
  const times: number[][] = [];
  const order = inputs.map((_, i) => i);
  const round = () => {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    const t = new Array<number>(inputs.length);
    for (const i of order) {
      const s = performance.now();
      for (let j = 0; j < reps; j++) f(inputs[i]);
      t[i] = performance.now() - s;
    }
    times.push(t);
  };
  const median = (xs: number[]) => { const s = xs.sort((a, b) => a - b); return s[s.length >> 1]; };
  const ratio = () => {
    let worst = 1;
    for (let i = 0; i < inputs.length; i++) {
      for (let j = i + 1; j < inputs.length; j++) {
        const r = median(times.map((t) => t[i] / t[j]));
        worst = Math.max(worst, r, 1 / r);
      }
    }
    return worst;
  };
  const warm = performance.now();
  for (let r = 0; r < 500 && performance.now() - warm < 200; r++) round();
  times.length = 0;
  const settled = () => (want === "same" ? ratio() < LIMIT : ratio() > LIMIT);
  const t0 = performance.now();
  for (let r = 0; r < 2000 && (r < 61 || (!settled() && performance.now() - t0 < budget)); r++) round();
  if (process.env.CT_DEBUG) console.log(`spread ${ratio().toFixed(3)} after ${times.length} rounds, ${(performance.now() - t0).toFixed(0)} ms`);
  return ratio();
}
