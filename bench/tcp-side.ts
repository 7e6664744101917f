// One side of the tcp benchmark (bench/tcp.bench.ts), alone in its own process: its own V8 heap
// and its own malloc heap, so that no side's garbage is collected, and no side's freed memory
// faulted back in, during another side's block. The parent asks for one block at a time ("block");
// the answer carries the block's figure and what it cost this process (CPU time, minor page
// faults, GC pauses). The parent runs one side at a time; the others wait in a read.
import { execFileSync } from "node:child_process";
import net from "node:net";
import { PerformanceObserver } from "node:perf_hooks";
import { Winsock } from "../host/node/winsock.ts";
import { AF_INET, IPPROTO_TCP, SOCK_STREAM, TCP_NODELAY } from "../host/node/constants.ts";

export const CHUNK = 64 * 1024;
export const BLOCK_BYTES = 8 * 1024 * 1024;
export const RT_BLOCK = 1000;
export type SideKind = "raw" | "onread" | "wasock";
export type Test = "throughput" | "roundTrip";
/** One measurement of a side: its figure (MB/s or µs), the CPU µs, minor page faults and GC ms it took. */
export interface Sample { value: number; cpu: number; faults: number; gc: number }

const addr = (port: number) => ({ family: AF_INET, address: "127.0.0.1", port });
const now = () => Number(process.hrtime.bigint()) / 1e3; // µs

/** rx: the receiving socket's [local port, remote port] (throughput only), for tcpState(). */
interface Side { name: string; block(): Promise<number>; close(): void; rx?: [number, number] }

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
  return { name: "raw node:net", block: rawWriter(a, (count) => b.on("data", (d: Buffer) => count(d.length))), close, rx: [b.localPort!, b.remotePort!] };
}

/** Raw throughput, receiver reading with `onread` into one reused 64 KiB buffer (only clients take onread). */
async function rawOnreadThroughput(): Promise<Side> {
  let count: (n: number) => void = () => {};
  const { a, b, close } = await rawPair({ onread: { buffer: Buffer.allocUnsafe(CHUNK), callback: (n: number) => { count(n); } } });
  return { name: "raw, onread", block: rawWriter(b, (c) => (count = c)), close, rx: [a.localPort!, a.remotePort!] };
}

/** wasock throughput: blocking send of 64 KiB chunks, blocking recv into a 64 KiB buffer. */
async function wasockThroughput(ws: Winsock): Promise<Side> {
  const { a, b, close } = await wasockPair(ws);
  const buf = new Uint8Array(CHUNK);
  return {
    name: "wasock",
    rx: [ws.getsockname(b).port, ws.getpeername(b).port],
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
  // Buffers, as on the raw side (a Uint8Array would cost a Buffer view per send inside net.Socket.write).
  const one = Buffer.from([1]);
  const bufA = Buffer.alloc(16);
  const bufB = Buffer.alloc(16);
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

/** Milliseconds spent in this isolate's GC pauses so far (once observing: see open()). */
let gcMs = 0;
let observing = false;

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
 * The kernel's view of a loopback connection, from ss(8): the receiver's buffer as TCP autotuning
 * left it (rb, bytes) and the share of time the sender waited for the receiver's window. The
 * autotuned buffer settles per connection, from its first moments (a single-threaded sender and
 * receiver feed it back: bigger windows, bigger bursts, bigger measured reads): 3.5 to 33 MB here.
 */
export interface TcpState { rcvBuf: number; rwndLimited: number }

function tcpState(rx: [number, number]): TcpState | null {
  try {
    const q = (l: number, r: number) => execFileSync("ss", ["-t", "-i", "-m", "-n", "-H", `sport = :${l} and dport = :${r}`], { encoding: "utf8" });
    const rb = /rb(\d+)/.exec(q(rx[0], rx[1]));
    const lim = /rwnd_limited:\S+\(([\d.]+)%\)/.exec(q(rx[1], rx[0]));
    return rb ? { rcvBuf: Number(rb[1]), rwndLimited: lim ? Number(lim[1]) : 0 } : null;
  } catch {
    return null; // no ss: not reported
  }
}

/** A side, ready to measure: one block per sample(); tcp() after the blocks. */
export interface OpenSide { name: string; sample(): Promise<Sample>; tcp(): TcpState | null; close(): void }

/** Sets up one side in this process (its connections made, nothing measured yet). */
export async function open(kind: SideKind, test: Test): Promise<OpenSide> {
  if (!observing) {
    observing = true;
    const o = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
    o.observe({ entryTypes: ["gc"] });
    process.once("beforeExit", () => o.disconnect());
  }
  let side: Side;
  let ws: Winsock | null = null;
  if (kind === "wasock") {
    ws = await Winsock.create();
    ws.WSAStartup(0x0202, {});
    side = test === "throughput" ? await wasockThroughput(ws) : await wasockLatency(ws);
  } else if (kind === "raw") {
    side = test === "throughput" ? await rawThroughput() : await rawLatency();
  } else {
    side = test === "throughput" ? await rawOnreadThroughput() : await rawOnreadLatency();
  }
  return {
    name: side.name, sample: () => sample(side), tcp: () => (side.rx ? tcpState(side.rx) : null),
    close: () => { side.close(); ws?.WSACleanup(); },
  };
}

/** The child process's loop: one block per "block" message, until "close". */
async function main(kind: SideKind, test: Test): Promise<void> {
  const side = await open(kind, test);
  process.on("message", async (m: string) => {
    if (m === "block") { process.send!(await side.sample()); return; }
    if (m === "tcp") { process.send!({ tcp: side.tcp() }); return; }
    side.close();
    process.disconnect();
  });
  process.send!({ ready: side.name });
}

if (process.send && process.argv[2] === "--tcp-side") await main(process.argv[3] as SideKind, process.argv[4] as Test);
