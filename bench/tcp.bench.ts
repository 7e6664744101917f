// TCP through wasock over the host provider vs raw node:net, over loopback:
// throughput (64 KiB sends) and 1-byte round-trip latency (ping-pong, TCP_NODELAY).
//
// Why raw node:net alone swings (2.2-3.8 GB/s between runs last session), and what this does about it:
// - Loopback TCP costs the kernel two copies per byte plus per-syscall work; how many bytes each
//   write()/read() moves depends on the socket buffers, which TCP autotuning grows over a
//   connection's first megabytes. Every connection is set up once and warmed up (excluded) before
//   anything is measured, but where autotuning settles is the connection's own: with sender and
//   receiver in one thread it fed back to 1.3 MB for some connections (the sender then waited for
//   the window half the time) and 33.6 MB for most. The bench prints both, per side (ss).
// - Part of the loopback work runs in softirq context, sometimes in ksoftirqd: on this shared
//   2-core machine other processes then decide when our packets move, and on which CPU (CPU
//   placement). Each side's process is pinned to the same CPU, so that all get the same one
//   (taskset; TCP_BENCH_CPU=n picks it, =none leaves placement to the scheduler). Measured on the
//   shared machine, pinned or not, the same side's CPU cost per byte still moved up to 1.7x from one
//   process to the next (wasock / onread 0.42-1.74 over ~40 runs, most near 0.8).
//   Load hits whichever side runs at that moment, so the sides take turns in short blocks
//   (A B C, B C A, ...), each figure is the median over many blocks (min-max shown), and the ratio
//   is also taken per round (the median of each round's wasock / reference), which cancels slow
//   drifts in load.
// - The receiver's allocations: for every 'data' event Node mallocs a fresh 64 KiB buffer, and
//   whether that costs page faults depends on glibc's heap state (its dynamic trim and mmap
//   thresholds, the other allocations around it): measured here at 0 to 14 minor faults per read
//   (up to 230 per MiB), the main reason the ordinary reference moves between runs (900 to 3800
//   MB/s). Faults per MiB are printed per side.
// - GC and malloc: each side runs in its own process (bench/tcp-side.ts), so it has its own
//   V8 heap and its own malloc heap; this process only alternates their blocks. In one shared
//   heap the reference's discarded 64 KiB read buffers were collected during whichever block came
//   next (wasock's, mostly: it allocates a little per chunk, onread allocates nothing), costing it
//   GC pauses it did not cause. No collection is forced: a minor GC before each block doubled the
//   reference's page faults (its read buffers freed in bulk, malloc trimmed and faulted back in),
//   a full GC slowed the blocks after it by up to 50% (sweeping, recompiling).
//   TCP_BENCH_ONE_PROCESS=1 runs all sides in this one process instead, for comparison.
// - Same conditions: one node binary and flags, the same 64 KiB payload, TCP_NODELAY on all sockets,
//   64 KiB per read on every receiver (Node reads 64 KiB for 'data'; wasock's host provider reads
//   into one 64 KiB buffer), the sender honouring backpressure (raw: write() false -> 'drain';
//   wasock: the blocking send completes when the kernel has the bytes).
// The reference is the ordinary way to use node:net: write() + 'drain', 'data' events. A second
// reference reads with net.Socket's `onread` into one reused buffer (no Buffer allocated per read),
// the fastest receive node:net offers; it is printed too, with its ratio, so neither flatters wasock.
// CPU time per block (user + system of the side's process) is printed as well: it is less sensitive to
// other processes taking the CPU than wall time, but misses work done in ksoftirqd. So are each
// side's page faults and GC pauses per block. `npx tsx bench/tcp-spread.ts 5` runs all of this
// five times in fresh processes and prints the run-to-run spread.
//
// The hops measured (host/node/host-provider.ts, winsock.ts), per 1-byte round trip on each wasock
// end: peer's bytes -> libuv reads into the shared buffer -> onread callback -> wasock_on_data
// (into the core) -> wake: wasock_ready, then the parked recv's core.recv -> host recv import copies
// into the caller's buffer -> its promise resolves -> (microtask) the caller's sendAsync: one
// SO_SNDTIMEO lookup, core.send -> host send import -> net.Socket.write (the kernel takes it at
// once: the send completes inside the call) -> (microtask) recvAsync: core.recv says WSAEWOULDBLOCK,
// WSAGetLastError and two option lookups, then it parks. That is 9 calls into the core (~15 ns
// each), 3 out of it, 1 copy and 2 awaits (~0.15 µs each) per end and round trip, where the raw
// client has 1 await per round trip and its echo none: about 0.3 µs of JavaScript and wasm beyond
// raw's per end, measured by feeding the receive path directly (a 64 KiB chunk adds a 0.6 µs copy).
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { BLOCK_BYTES, CHUNK, RT_BLOCK, Sample, SideKind, TcpState, Test, open } from "./tcp-side.ts";

const WARM_BLOCKS = 8;           // per side, not counted (TCP autotuning grows the buffers meanwhile)
const BLOCKS = 48;               // per side: 48 x 8 MiB = 384 MiB
const RT_WARM = 2;
const RT_BLOCKS = 16;            // 16000 round trips per side

/** A side in its own process (or, with TCP_BENCH_ONE_PROCESS=1, in this one): one block per call. */
interface Side { name: string; block(): Promise<Sample>; tcp(): Promise<TcpState | null>; close(): Promise<void> }

const ONE_PROCESS = process.env.TCP_BENCH_ONE_PROCESS === "1";
const TASKSET = "/usr/bin/taskset";
/** The CPU every side's process is pinned to (TCP_BENCH_CPU, default the last one; "none": not pinned). */
const PIN: number | null = process.env.TCP_BENCH_CPU === "none" || !existsSync(TASKSET) ? null
  : process.env.TCP_BENCH_CPU !== undefined ? Number(process.env.TCP_BENCH_CPU) : availableParallelism() - 1;

async function side(kind: SideKind, test: Test): Promise<Side> {
  if (ONE_PROCESS) {
    const s = await open(kind, test);
    return { name: s.name, block: () => s.sample(), tcp: async () => s.tcp(), close: async () => s.close() };
  }
  const boot = fileURLToPath(new URL("./tcp-side-boot.mjs", import.meta.url));
  // Every side on the same CPU (CPU placement): `taskset -c N node ...`, the IPC channel inherited.
  const child = PIN === null
    ? fork(boot, ["--tcp-side", kind, test], { stdio: "inherit" })
    : fork(boot, ["--tcp-side", kind, test], { stdio: "inherit", execPath: TASKSET, execArgv: ["-c", String(PIN), process.execPath, ...process.execArgv] });
  let answer: ((m: any) => void) | null = null;
  let failed: Error | null = null;
  const fail = (e: Error) => { failed = e; const a = answer; answer = null; a?.(null); };
  child.on("message", (m) => { const a = answer; answer = null; a?.(m); });
  child.on("error", fail);
  child.on("exit", (code) => { if (code !== 0) fail(new Error(`tcp side ${kind} exited with ${code}`)); });
  const next = () => new Promise<any>((resolve, reject) => {
    if (failed) return reject(failed);
    answer = (x) => (failed ? reject(failed) : resolve(x));
  });
  const ready = await next();
  return {
    name: ready.ready as string,
    block: () => { const p = next(); child.send("block"); return p; },
    tcp: async () => { const p = next(); child.send("tcp"); return (await p).tcp; },
    close: async () => { const exited = new Promise((r) => child.once("exit", r)); child.send("close"); await exited; },
  };
}

/**
 * Runs the sides in rounds, rotating which goes first (A B C, B C A, C A B, ...), after `warm`
 * uncounted rounds; returns every side's samples, in round order.
 */
async function rounds(sides: Side[], warm: number, count: number): Promise<Sample[][]> {
  const out: Sample[][] = sides.map(() => []);
  for (let r = 0; r < warm + count; r++) {
    for (let k = 0; k < sides.length; k++) {
      const i = (r + k) % sides.length;
      const s = await sides[i].block();
      if (r >= warm) out[i].push(s);
    }
  }
  return out;
}

function median(xs: number[]): number {
  const y = [...xs].sort((p, q) => p - q);
  const m = y.length >> 1;
  return y.length % 2 ? y[m] : (y[m - 1] + y[m]) / 2;
}

function quartiles(xs: number[]): [number, number] {
  const y = [...xs].sort((p, q) => p - q);
  return [y[Math.floor((y.length - 1) / 4)], y[Math.ceil((3 * (y.length - 1)) / 4)]];
}

/** Prints one table: each side's median (min-max), and wasock's ratio against each reference. */
function report(title: string, unit: string, sides: Side[], samples: Sample[][], cpuLabel: string, cpuFigure: (s: Sample) => number, faultsPer: [string, number], goal: string): void {
  const w = sides.length - 1; // wasock is last
  const fmt = (x: number) => (unit === "MB/s" ? x.toFixed(0) : x.toFixed(2));
  console.log(`${title}`);
  for (let i = 0; i < sides.length; i++) {
    const v = samples[i].map((s) => s.value);
    const cpu = samples[i].map(cpuFigure);
    console.log(`  ${sides[i].name.padEnd(14)} median ${fmt(median(v)).padStart(7)} ${unit}  (min ${fmt(Math.min(...v))}, max ${fmt(Math.max(...v))})` +
      `   ${cpuLabel} ${fmt(median(cpu))}; page faults per ${faultsPer[0]} ${(samples[i].reduce((t, s) => t + s.faults, 0) / samples[i].length / faultsPer[1]).toFixed(2)}; ` +
      `GC ${(samples[i].reduce((t, s) => t + s.gc, 0) / samples[i].length).toFixed(2)} ms per block`);
  }
  const wv = samples[w].map((s) => s.value);
  for (let i = 0; i < w; i++) {
    const rv = samples[i].map((s) => s.value);
    const pairs = wv.map((x, k) => x / rv[k]);
    const [q1, q3] = quartiles(pairs);
    const cpuRatio = median(samples[w].map(cpuFigure)) / median(samples[i].map(cpuFigure));
    console.log(`  wasock / ${sides[i].name.padEnd(14)} ${(median(wv) / median(rv)).toFixed(2)}x (ratio of medians); ` +
      `per round ${median(pairs).toFixed(2)}x (quartiles ${q1.toFixed(2)}-${q3.toFixed(2)}); CPU ${cpuRatio.toFixed(2)}x   ${goal}`);
  }
}

export default async function (): Promise<void> {
  const kinds: SideKind[] = ["raw", "onread", "wasock"]; // wasock last
  const tSides = await Promise.all(kinds.map((k) => side(k, "throughput")));
  const t = await rounds(tSides, WARM_BLOCKS, BLOCKS);
  const tcp: Array<TcpState | null> = [];
  for (const s of tSides) tcp.push(await s.tcp());
  await Promise.all(tSides.map((s) => s.close()));
  const lSides = await Promise.all(kinds.map((k) => side(k, "roundTrip")));
  const l = await rounds(lSides, RT_WARM, RT_BLOCKS);
  await Promise.all(lSides.map((s) => s.close()));
  console.log(`TCP over loopback, ${ONE_PROCESS ? "all sides in this one process" : `each side in its own process${PIN === null ? "" : `, all on CPU ${PIN}`}`}; ` +
    `sides in rotating order, warm-up excluded.`);
  report(`throughput: ${BLOCKS} blocks of ${BLOCK_BYTES >> 20} MiB per side (${(BLOCKS * BLOCK_BYTES) >> 20} MiB) in ${CHUNK >> 10} KiB sends`,
    "MB/s", tSides, t, "MB per CPU-second", (s) => BLOCK_BYTES / s.cpu, ["MiB", BLOCK_BYTES / 2 ** 20], "(goal >= 0.90x)");
  if (tcp.some((x) => x !== null)) {
    console.log(`  receiver's buffer as TCP autotuning left it (ss), and the time its sender waited for the window:`);
    console.log("  " + tSides.map((s, i) => `${s.name} ${tcp[i] ? `${(tcp[i]!.rcvBuf / 1e6).toFixed(1)} MB, ${tcp[i]!.rwndLimited.toFixed(0)}%` : "?"}`).join("; "));
  }
  report(`round trip: ${RT_BLOCKS} blocks of ${RT_BLOCK} 1-byte round trips per side`,
    "us", lSides, l, "CPU us per round trip", (s) => s.cpu / RT_BLOCK, ["1000 round trips", RT_BLOCK / 1000], "(goal <= 1.15x)");
  if (process.env.TCP_BENCH_JSON) {
    // One line for bench/tcp-spread.ts: each side's median, and wasock's per-round ratios.
    const medians = (sides: Side[], xs: Sample[][]) => Object.fromEntries(sides.map((d, i) => [d.name, median(xs[i].map((x) => x.value))]));
    const perRound = (sides: Side[], xs: Sample[][]) => Object.fromEntries(sides.slice(0, -1).map((d, i) =>
      [d.name, median(xs[sides.length - 1].map((x, k) => x.value / xs[i][k].value))]));
    console.log(`TCP_BENCH_JSON ${JSON.stringify({ throughput: medians(tSides, t), roundTrip: medians(lSides, l),
      throughputPerRound: perRound(tSides, t), roundTripPerRound: perRound(lSides, l) })}`);
  }
}
