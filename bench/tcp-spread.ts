// `npx tsx bench/tcp-spread.ts [runs]`: runs the tcp benchmark (bench/tcp.bench.ts) in `runs` fresh
// processes one after another and prints each run's medians and ratios, then their spread across
// runs: the run-to-run view of how steady each side and each ratio is. (Not a *.bench.ts: it would
// run the tcp benchmark again inside `npm run bench`.)
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.argv[2] ?? 5);
if (!(runs >= 1 && runs <= 20)) throw new TypeError("runs: 1 to 20");

type Medians = Record<string, number>;
const rows: Array<{ throughput: Medians; roundTrip: Medians; load: string }> = [];
for (let i = 0; i < runs; i++) {
  const load = (await import("node:os")).loadavg()[0].toFixed(1);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, "run.ts"), "tcp"], {
    env: { ...process.env, TCP_BENCH_JSON: "1" }, encoding: "utf8", timeout: 120_000,
  });
  const line = r.stdout.split("\n").find((l) => l.startsWith("TCP_BENCH_JSON "));
  if (!line) throw new Error(`run ${i + 1} failed: ${r.stderr || r.stdout}`);
  rows.push({ ...JSON.parse(line.slice(15)), load });
}

const sides = Object.keys(rows[0].throughput);
const w = sides[sides.length - 1];
const f0 = (x: number) => x.toFixed(0), f2 = (x: number) => x.toFixed(2);
console.log(`tcp benchmark, ${runs} runs (medians of each run; load = 1-minute load average before the run)`);
console.log(`run  load  ${sides.map((s) => `${s} MB/s`.padStart(20)).join("")}  ${sides.map((s) => `${s} us`.padStart(18)).join("")}  ` +
  sides.slice(0, -1).map((s) => `tput/${s}`.padStart(20) + `rtt/${s}`.padStart(20)).join(""));
rows.forEach((r, i) => {
  console.log(`${String(i + 1).padStart(3)}  ${r.load.padStart(4)}  ${sides.map((s) => f0(r.throughput[s]).padStart(20)).join("")}  ` +
    `${sides.map((s) => f2(r.roundTrip[s]).padStart(18)).join("")}  ` +
    sides.slice(0, -1).map((s) => f2(r.throughput[w] / r.throughput[s]).padStart(20) + f2(r.roundTrip[w] / r.roundTrip[s]).padStart(20)).join(""));
});
const span = (xs: number[], f: (x: number) => string) => `${f(Math.min(...xs))}-${f(Math.max(...xs))}`;
console.log(`spread  ${sides.map((s) => span(rows.map((r) => r.throughput[s]), f0).padStart(20)).join("")}  ` +
  `${sides.map((s) => span(rows.map((r) => r.roundTrip[s]), f2).padStart(18)).join("")}  ` +
  sides.slice(0, -1).map((s) => span(rows.map((r) => r.throughput[w] / r.throughput[s]), f2).padStart(20) +
    span(rows.map((r) => r.roundTrip[w] / r.roundTrip[s]), f2).padStart(20)).join(""));
