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
const rows: Array<{ throughput: Medians; roundTrip: Medians; throughputPerRound: Medians; roundTripPerRound: Medians; load: string }> = [];
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
const refs = sides.slice(0, -1);
const w = sides[sides.length - 1];
const f0 = (x: number) => x.toFixed(0), f2 = (x: number) => x.toFixed(2);
const span = (xs: number[], f: (x: number) => string) => `${f(Math.min(...xs))}-${f(Math.max(...xs))}`;
console.log(`tcp benchmark, ${runs} runs: each run's medians; load = 1-minute load average before the run`);
console.log(`ratios: wasock / reference, as the ratio of the run's medians and (in brackets) the median of its per-round ratios`);
const head = ["run", "load", ...sides.map((s) => `${s} MB/s`), ...sides.map((s) => `${s} us`),
  ...refs.flatMap((s) => [`tput / ${s}`, `rtt / ${s}`])];
const widths = head.map((h) => Math.max(h.length, 11) + 2);
const line = (cells: string[]) => console.log(cells.map((c, i) => c.padStart(widths[i])).join(""));
line(head);
const ratio = (m: number, p: number) => `${f2(m)} [${f2(p)}]`;
rows.forEach((r, i) => line([String(i + 1), r.load, ...sides.map((s) => f0(r.throughput[s])), ...sides.map((s) => f2(r.roundTrip[s])),
  ...refs.flatMap((s) => [ratio(r.throughput[w] / r.throughput[s], r.throughputPerRound[s]), ratio(r.roundTrip[w] / r.roundTrip[s], r.roundTripPerRound[s])])]));
line(["spread", "", ...sides.map((s) => span(rows.map((r) => r.throughput[s]), f0)), ...sides.map((s) => span(rows.map((r) => r.roundTrip[s]), f2)),
  ...refs.flatMap((s) => [span(rows.map((r) => r.throughput[w] / r.throughput[s]), f2), span(rows.map((r) => r.roundTrip[w] / r.roundTrip[s]), f2)])]);
line(["[per round]", "", ...sides.map(() => ""), ...sides.map(() => ""),
  ...refs.flatMap((s) => [span(rows.map((r) => r.throughputPerRound[s]), f2), span(rows.map((r) => r.roundTripPerRound[s]), f2)])]);
