// TCP through wasock over the host provider vs raw node:net, in one process over loopback:
// throughput (64 KiB sends) and 1-byte round-trip latency (ping-pong, TCP_NODELAY).
//
// Why raw node:net alone swings (2.2-3.8 GB/s between runs last session), and what this does about it:
// - Loopback TCP costs the kernel two copies per byte plus per-syscall work; how many bytes each
//   write()/read() moves depends on the socket buffers, which TCP autotuning grows over a
//   connection's first megabytes. Both connections are set up once and warmed up (excluded) before
//   anything is measured, so both run with grown buffers.
// - Part of the loopback work runs in softirq context, sometimes in ksoftirqd: on this shared
//   2-core machine other processes then decide when our packets move (CPU placement). That hits
//   whichever side runs at that moment, so the sides alternate in short blocks (A B B A A B ...),
//   each figure is the median over many blocks (min-max shown), and the ratio is also taken per
//   adjacent pair (median of the pairs' ratios), which cancels slow drifts in load.
// - The receiver's allocations: for every 'data' event Node mallocs a fresh 64 KiB buffer, and
//   whether that costs page faults depends on glibc's heap state (its dynamic trim and mmap
//   thresholds, the other allocations around it): measured here at 4-9 minor faults per read, and
//   the main reason the ordinary reference moves between runs. Faults per MiB are printed per side.
// - GC: no collection is forced. A minor GC before each block doubled the reference's page faults
//   (its read buffers were freed in bulk, so malloc trimmed the heap and faulted it back in), and a
//   full GC slowed the blocks after it by up to 50% (sweeping, recompiling). Both sides share one
//   heap and collect where they naturally would; alternation and medians spread the rest.
// - Same conditions: one process, the same 64 KiB payload Buffer, TCP_NODELAY on all four sockets,
//   64 KiB per read on every receiver (Node reads 64 KiB for 'data'; wasock's host provider reads
//   into one 64 KiB buffer), the sender honouring backpressure (raw: write() false -> 'drain';
//   wasock: the blocking send completes when the kernel has the bytes).
// The reference is the ordinary way to use node:net: write() + 'drain', 'data' events. A second
// reference reads with net.Socket's `onread` into one reused buffer (no Buffer allocated per read),
// the fastest receive node:net offers; it is printed too, with its ratio, so neither flatters wasock.
// CPU time per block (user + system of this process) is printed as well: it is less sensitive to
// other processes taking the CPU than wall time, but misses work done in ksoftirqd.
import net from "node:net";
import { PerformanceObserver } from "node:perf_hooks";
import { Winsock } from "../host/node/winsock.ts";
import { AF_INET, IPPROTO_TCP, SOCK_STREAM, TCP_NODELAY } from "../host/node/constants.ts";

const CHUNK = 64 * 1024;
const BLOCK_BYTES = 8 * 1024 * 1024;
const WARM_BLOCKS = 8;           // per side, not counted (TCP autotuning grows the buffers meanwhile)
const BLOCKS = 48;               // per side: 48 x 8 MiB = 384 MiB
const RT_BLOCK = 1000;
const RT_WARM = 2;
const RT_BLOCKS = 16;            // 16000 round trips per side
const addr = (port: number) => ({ family: AF_INET, address: "127.0.0.1", port });
const now = () => Number(process.hrtime.bigint()) / 1e3; // µs


/** One measurement of a side: its figure (MB/s or µs), the CPU µs, minor page faults and GC ms it took. */
interface Sample { value: number; cpu: number; faults: number; gc: number }

/** Milliseconds spent in GC pauses so far (the main thread's, as perf_hooks reports them). */
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
interface Side { name: string; block(): Promise<number>; close(): void }

async function rawPair(opts: net.NetConnectOpts | object = {}): Promise<{ a: net.Socket; b: net.Socket; close: () => void }> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const accepted = new Promise<net.Socket>((r) => srv.once("connection", r));
  const a = net.connect({ port: (srv.address() as net.AddressInfo).port, host: "127.0.0.1", ...opts });
  await new Promise((r) => a.once("connect", r));
  const b = await accepted;
  a.setNoDelay(true);
  b.setNoDelay(true);
  return { a, b, close: () => { a.destroy(); b.destroy(); srv.close(); } };
}

async function wasockPair(ws: Winsock): Promise<{ a: number; b: number; close: () => void }> {
  const l = ws.socket(AF_INET, SOCK_STREAM, 0);
  ws.bind(l, addr(0));
  ws.listen(l, 1);
  const a = ws.socket(AF_INET, SOCK_STREAM, 0);
  const conn = ws.connectAsync(a, ws.getsockname(l));
  const b = await ws.acceptAsync(l);
  await conn;
  ws.setsockopt(a, IPPROTO_TCP, TCP_NODELAY, 1);
  ws.setsockopt(b, IPPROTO_TCP, TCP_NODELAY, 1);
  return { a, b, close: () => { ws.closesocket(a); ws.closesocket(b); ws.closesocket(l); } };
}

const payload = Buffer.alloc(CHUNK, 0x5a);

/** Writes one block from `w` with write()/'drain' and resolves when `received` says it arrived. */
function rawWriter(w: net.Socket, onBytes: (count: (n: number) => void) => void): () => Promise<number> {
  let got = 0;
  let want = 0;
  let done: (() => void) | null = null;
  onBytes((n) => { got += n; if (got >= want && done) { const f = done; done = null; f(); } });
  return async () => {
    const t0 = now();
    want += BLOCK_BYTES;
    const received = new Promise<void>((r) => (done = r));
    for (let sent = 0; sent < BLOCK_BYTES; sent += CHUNK) {
      if (!w.write(payload)) await new Promise((r) => w.once("drain", r));
    }
    await received;
    return BLOCK_BYTES / (now() - t0);
  };
}

/** Raw throughput, ordinary node:net: the receiver takes 'data' events. */
async function rawThroughput(): Promise<Side> {
  const { a, b, close } = await rawPair();
  return { name: "raw node:net", block: rawWriter(a, (count) => b.on("data", (d: Buffer) => count(d.length))), close };
}

/** Raw throughput, receiver reading with `onread` into one reused 64 KiB buffer (only clients take onread). */
async function rawOnreadThroughput(): Promise<Side> {
  let count: (n: number) => void = () => {};
  const { a, b, close } = await rawPair({ onread: { buffer: Buffer.allocUnsafe(CHUNK), callback: (n: number) => { count(n); } } });
  return { name: "raw, onread", block: rawWriter(b, (c) => (count = c)), close };
}

/** wasock throughput: blocking send of 64 KiB chunks, blocking recv into a 64 KiB buffer. */
async function wasockThroughput(ws: Winsock): Promise<Side> {
  const { a, b, close } = await wasockPair(ws);
  const buf = new Uint8Array(CHUNK);
  return {
    name: "wasock",
    async block() {
      const t0 = now();
      const receiver = (async () => {
        let got = 0;
        while (got < BLOCK_BYTES) got += await ws.recvAsync(b, buf);
      })();
      for (let sent = 0; sent < BLOCK_BYTES; sent += CHUNK) await ws.sendAsync(a, payload);
      await receiver;
      return BLOCK_BYTES / (now() - t0);
    },
    close,
  };
}

/** Raw round trip: 1 byte out, echoed from the data event; µs per round trip of one block. */
async function rawLatency(): Promise<Side> {
  const { a, b, close } = await rawPair();
  b.on("data", (d) => b.write(d));
  const one = Buffer.from([1]);
  let next: (() => void) | null = null;
  a.on("data", () => { const n = next; next = null; n?.(); });
  return {
    name: "raw node:net",
    async block() {
      const t0 = now();
      for (let i = 0; i < RT_BLOCK; i++) {
        const p = new Promise<void>((r) => (next = r));
        a.write(one);
        await p;
      }
      return (now() - t0) / RT_BLOCK;
    },
    close,
  };
}

/** Raw round trip with `onread` on the client end (the echoing end is an accepted socket: 'data'). */
async function rawOnreadLatency(): Promise<Side> {
  let next: (() => void) | null = null;
  const { a, b, close } = await rawPair({ onread: { buffer: Buffer.allocUnsafe(CHUNK), callback: () => { const n = next; next = null; n?.(); } } });
  b.on("data", (d) => b.write(d));
  const one = Buffer.from([1]);
  return {
    name: "raw, onread",
    async block() {
      const t0 = now();
      for (let i = 0; i < RT_BLOCK; i++) {
        const p = new Promise<void>((r) => (next = r));
        a.write(one);
        await p;
      }
      return (now() - t0) / RT_BLOCK;
    },
    close,
  };
}

/** wasock round trip: blocking send / recv on both ends. */
async function wasockLatency(ws: Winsock): Promise<Side> {
  const { a, b, close } = await wasockPair(ws);
  const one = new Uint8Array([1]);
  const bufA = new Uint8Array(16);
  const bufB = new Uint8Array(16);
  return {
    name: "wasock",
    async block() {
      const echo = (async () => {
        for (let i = 0; i < RT_BLOCK; i++) {
          const n = await ws.recvAsync(b, bufB);
          await ws.sendAsync(b, bufB.subarray(0, n));
        }
      })();
      const t0 = now();
      for (let i = 0; i < RT_BLOCK; i++) {
        await ws.sendAsync(a, one);
        await ws.recvAsync(a, bufA);
      }
      const us = (now() - t0) / RT_BLOCK;
      await echo;
      return us;
    },
    close,
  };
}

async function sample(side: Side): Promise<Sample> {
  const f0 = process.resourceUsage().minorPageFault;
  const g0 = gcMs;
  const c0 = process.cpuUsage();
  const value = await side.block();
  const c = process.cpuUsage(c0);
  await new Promise((r) => setImmediate(r)); // GC entries arrive asynchronously
  return { value, cpu: c.user + c.system, faults: process.resourceUsage().minorPageFault - f0, gc: gcMs - g0 };
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
      const s = await sample(sides[i]);
      if (r >= warm) out[i].push(s);
    }
  }
  for (const s of sides) s.close();
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
  gcObserver.observe({ entryTypes: ["gc"] });
  const ws = await Winsock.create();
  ws.WSAStartup(0x0202, {});
  const tSides = [await rawThroughput(), await rawOnreadThroughput(), await wasockThroughput(ws)];
  const t = await rounds(tSides, WARM_BLOCKS, BLOCKS);
  const lSides = [await rawLatency(), await rawOnreadLatency(), await wasockLatency(ws)];
  const l = await rounds(lSides, RT_WARM, RT_BLOCKS);
  console.log(`TCP over loopback, one process; sides in rotating order, warm-up excluded.`);
  report(`throughput: ${BLOCKS} blocks of ${BLOCK_BYTES >> 20} MiB per side (${(BLOCKS * BLOCK_BYTES) >> 20} MiB) in ${CHUNK >> 10} KiB sends`,
    "MB/s", tSides, t, "MB per CPU-second", (s) => BLOCK_BYTES / s.cpu, ["MiB", BLOCK_BYTES / 2 ** 20], "(goal >= 0.90x)");
  report(`round trip: ${RT_BLOCKS} blocks of ${RT_BLOCK} 1-byte round trips per side`,
    "us", lSides, l, "CPU us per round trip", (s) => s.cpu / RT_BLOCK, ["1000 round trips", RT_BLOCK / 1000], "(goal <= 1.15x)");
  if (process.env.TCP_BENCH_JSON) {
    // One line for bench/tcp-spread.ts: each side's median.
    const medians = (sides: Side[], xs: Sample[][]) => Object.fromEntries(sides.map((d, i) => [d.name, median(xs[i].map((x) => x.value))]));
    const perRound = (sides: Side[], xs: Sample[][]) => Object.fromEntries(sides.slice(0, -1).map((d, i) =>
      [d.name, median(xs[sides.length - 1].map((x, k) => x.value / xs[i][k].value))]));
    console.log(`TCP_BENCH_JSON ${JSON.stringify({ throughput: medians(tSides, t), roundTrip: medians(lSides, l),
      throughputPerRound: perRound(tSides, t), roundTripPerRound: perRound(lSides, l) })}`);
  }
  gcObserver.disconnect();
  ws.WSACleanup();
}
