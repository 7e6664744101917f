// C guest ABI (host/abi): the cost of a non-blocking Winsock call from a C guest (recv answering
// WSAEWOULDBLOCK, getsockopt, getsockname, WSAEnumNetworkEvents; goal <= 2 us a call) and of a
// recvfrom on a datagram already arrived, beside the same calls through the TypeScript API (best of
// five blocks each, on both sides), and a C echo client/server's throughput (two guests,
// `wasock run`, 64 KiB sends, up to 256 KiB in flight) beside the same echo written against the
// TypeScript API (host/node/winsock.ts), in one run. Then 1-byte TCP round trips (TCP_NODELAY),
// median and 10th percentile of PP_TRIPS: between two sockets of one C guest beside the same
// through the TypeScript API and raw node:net, and a C guest against a node:net echo peer beside a
// node:net client of the same peer. WASOCK_HOPS=1 makes the C guests print where a round trip goes.
import { spawn } from "node:child_process";
import { createServer, connect, Socket } from "node:net";
import { compileC, WASOCK } from "../test/c/guest.ts";
import { Winsock } from "../host/node/winsock.ts";

const CALLS = 200_000;
const PP_TRIPS = 4000;
const ECHO_BYTES = 64 << 20;
const AF_INET = 2, SOCK_STREAM = 1, SOCK_DGRAM = 2, IPPROTO_TCP = 6, IPPROTO_UDP = 17, SOL_SOCKET = 0xffff;
const TCP_NODELAY = 1;
const SO_RCVBUF = 0x1002, FIONBIO = 0x8004667e, FD_READ = 1, FD_CLOSE = 32;

function run(wasm: string, args: string[], onLine?: (l: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WASOCK, "run", wasm, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (b) => { out += b; if (onLine) for (const l of String(b).split("\n")) if (l) onLine(l); });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (code) => { clearTimeout(timer); code === 0 ? resolve(out) : reject(new Error(`${args[0]} exited ${code}: ${out}`)); });
  });
}

function figure(out: string, key: string): number {
  const m = out.match(new RegExp(`^${key} ([\\d.]+)$`, "m"));
  if (!m) throw new Error(`no ${key} in ${out}`);
  return Number(m[1]);
}

async function cEcho(wasm: string): Promise<number> {
  let port = "";
  let ready!: () => void;
  const listening = new Promise<void>((r) => { ready = r; });
  const server = run(wasm, ["server"], (l) => { const m = l.match(/^port (\d+)/); if (m) { port = m[1]; ready(); } });
  await listening;
  const out = await run(wasm, ["client", port, String(ECHO_BYTES)]);
  await server;
  return figure(out, "echo_ns");
}

async function tsPair(): Promise<{ ws: Winsock; c: number; s: number; l: number }> {
  const ws = await Winsock.create();
  ws.WSAStartup(0x0202, {});
  const l = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  ws.bind(l, { family: AF_INET, address: "127.0.0.1", port: 0 });
  ws.listen(l, 5);
  const port = ws.getsockname(l).port;
  const c = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  const [s] = await Promise.all([ws.acceptAsync(l), ws.connectAsync(c, { family: AF_INET, address: "127.0.0.1", port })]);
  return { ws, c, s, l };
}

async function tsEcho(): Promise<number> {
  const { ws, c, s, l } = await tsPair();
  const serve = (async () => {
    const buf = new Uint8Array(65536);
    for (;;) {
      const n = await ws.recvAsync(s, buf);
      if (n <= 0) break;
      for (let off = 0; off < n;) off += await ws.sendAsync(s, buf.subarray(off, n));
    }
    ws.shutdown(s, 1);
  })();
  const out = new Uint8Array(65536).map((_, i) => i * 7), inp = new Uint8Array(65536);
  let sent = 0, got = 0;
  const t0 = process.hrtime.bigint();
  while (got < ECHO_BYTES) {
    while (sent < ECHO_BYTES && sent - got < 262144) sent += await ws.sendAsync(c, out.subarray(0, Math.min(65536, ECHO_BYTES - sent)));
    const n = await ws.recvAsync(c, inp);
    if (n <= 0) throw new Error("echo ended early");
    got += n;
  }
  const ns = Number(process.hrtime.bigint() - t0);
  ws.shutdown(c, 1);
  await serve;
  for (const h of [c, s, l]) ws.closesocket(h);
  ws.WSACleanup();
  return ns;
}

/** Best of five blocks of CALLS / 5 calls, in ns per call (as abi-bench.c measures the C side). */
function timed(body: () => void): number {
  const m = CALLS / 5;
  let best = Infinity;
  for (let b = 0; b < 5; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < m; i++) body();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / m);
  }
  return best;
}

async function tsCalls(): Promise<Record<string, number>> {
  const { ws, c, s, l } = await tsPair();
  ws.ioctlsocket(s, FIONBIO, 1);
  const buf = new Uint8Array(65536);
  let would = 0;
  const out: Record<string, number> = {};
  out.recv_wouldblock_ns = timed(() => { try { ws.recv(s, buf); } catch { would++; } });
  if (would !== CALLS) throw new Error("recv did not answer WSAEWOULDBLOCK");
  out.getsockopt_ns = timed(() => ws.getsockopt(s, SOL_SOCKET, SO_RCVBUF));
  out.getsockname_ns = timed(() => ws.getsockname(c));
  const ev = ws.WSACreateEvent();
  ws.WSAEventSelect(c, ev, FD_READ | FD_CLOSE);
  out.wsaenumnetworkevents_ns = timed(() => ws.WSAEnumNetworkEvents(c, ev));
  ws.WSAEventSelect(c, 0, 0);
  ws.WSACloseEvent(ev);
  // datagrams to itself, all arrived before the timed recvfroms (best of five rounds of 200)
  const u = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  ws.setsockopt(u, SOL_SOCKET, SO_RCVBUF, 1 << 20);
  ws.bind(u, { family: AF_INET, address: "127.0.0.1", port: 0 });
  const ua = ws.getsockname(u);
  const d = new Uint8Array(4), r = new Uint8Array(16);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < 200; i++) ws.sendto(u, d, 0, ua);
    await new Promise((res) => setTimeout(res, 50));
    // (the host's UDP may have dropped some: what arrived is timed, until WSAEWOULDBLOCK)
    ws.ioctlsocket(u, FIONBIO, 1);
    let got = 0;
    const t0 = process.hrtime.bigint();
    try { for (; got < 200; got++) ws.recvfrom(u, r, 0, {}); } catch { /* drained */ }
    if (got >= 100) best = Math.min(best, Number(process.hrtime.bigint() - t0) / got);
  }
  out.udp_recvfrom_ns = best;
  for (const h of [u, c, s, l]) ws.closesocket(h);
  ws.WSACleanup();
  return out;
}

/** Median and 10th percentile of the samples, in ns. */
function stats(t: number[]): { median: number; p10: number } {
  t.sort((a, b) => a - b);
  return { median: t[t.length >> 1], p10: t[Math.floor(t.length / 10)] };
}

/** 1-byte round trips out -> (peer echoes) -> in, timed one by one. */
async function trips(once: (b: Uint8Array) => Promise<void>): Promise<{ median: number; p10: number }> {
  const t: number[] = [];
  const b = new Uint8Array(1);
  for (let i = 0; i < PP_TRIPS; i++) {
    b[0] = i;
    const t0 = process.hrtime.bigint();
    await once(b);
    t.push(Number(process.hrtime.bigint() - t0));
  }
  return stats(t);
}

async function tsPingPong(): Promise<{ median: number; p10: number }> {
  const { ws, c, s, l } = await tsPair();
  for (const h of [c, s]) ws.setsockopt(h, IPPROTO_TCP, TCP_NODELAY, 1);
  const r = new Uint8Array(1);
  const out = await trips(async (b) => {
    await ws.sendAsync(c, b);
    if (await ws.recvAsync(s, r) !== 1) throw new Error("ping-pong: short recv");
    await ws.sendAsync(s, r);
    if (await ws.recvAsync(c, r) !== 1 || r[0] !== b[0]) throw new Error("ping-pong: wrong byte");
  });
  for (const h of [c, s, l]) ws.closesocket(h);
  ws.WSACleanup();
  return out;
}

/** Reads exactly one chunk from a node:net socket (each round trip's byte). */
function nextData(sock: Socket): () => Promise<Buffer> {
  const queue: Buffer[] = [];
  let waiter: ((b: Buffer) => void) | null = null;
  sock.on("data", (d) => { if (waiter) { const w = waiter; waiter = null; w(d); } else queue.push(d); });
  return () => queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise((r) => { waiter = r; });
}

/** A node:net echo peer on 127.0.0.1 (TCP_NODELAY). */
async function echoPeer(): Promise<{ port: number; close: () => void }> {
  const srv = createServer((s) => { s.setNoDelay(true); s.on("data", (d) => s.write(d)); });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return { port: (srv.address() as { port: number }).port, close: () => srv.close() };
}

async function netClient(port: number): Promise<{ median: number; p10: number }> {
  const sock = connect({ port, host: "127.0.0.1", noDelay: true });
  await new Promise<void>((r) => sock.once("connect", () => r()));
  const next = nextData(sock);
  const out = await trips(async (b) => { sock.write(b); if ((await next())[0] !== b[0]) throw new Error("wrong byte"); });
  sock.destroy();
  return out;
}

async function netPingPong(): Promise<{ median: number; p10: number }> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const accepted = new Promise<Socket>((r) => srv.once("connection", r));
  const c = connect({ port: (srv.address() as { port: number }).port, host: "127.0.0.1", noDelay: true });
  const s = await accepted;
  s.setNoDelay(true);
  const fromC = nextData(s), fromS = nextData(c);
  const out = await trips(async (b) => {
    c.write(b);
    const d = await fromC();
    s.write(d);
    if ((await fromS())[0] !== b[0]) throw new Error("wrong byte");
  });
  c.destroy(); s.destroy(); srv.close();
  return out;
}

async function pingPongs(wasm: string): Promise<void> {
  const us = (ns: number) => `${(ns / 1e3).toFixed(1).padStart(7)} us`;
  const line = (name: string, c: { median: number; p10: number }, refName: string, r: { median: number; p10: number }) =>
    console.log(`${name.padEnd(30)} ${us(c.median)} ${us(c.p10)}   ${refName.padEnd(22)} ${us(r.median)} ${us(r.p10)}   ${(c.median / r.median).toFixed(2)}x`);
  console.log(`1-byte TCP round trips (${PP_TRIPS})      median       p10   reference                 median       p10   C/ref (median)`);
  const cc = await run(wasm, ["pingpong", String(PP_TRIPS)]);
  const ccs = { median: figure(cc, "pp_cc_median_ns"), p10: figure(cc, "pp_cc_p10_ns") };
  line("C guest, socket <-> socket", ccs, "TypeScript API", await tsPingPong());
  line("", ccs, "raw node:net", await netPingPong());
  const peer = await echoPeer();
  try {
    const cn = await run(wasm, ["ppclient", String(peer.port), String(PP_TRIPS)]);
    line("C guest <-> node:net echo", { median: figure(cn, "pp_cnode_median_ns"), p10: figure(cn, "pp_cnode_p10_ns") },
      "node:net client", await netClient(peer.port));
  } finally {
    peer.close();
  }
}

export default async function (): Promise<void> {
  const wasm = compileC("test/c/abi-bench.c");
  await pingPongs(wasm);
  const out = await run(wasm, ["calls", String(CALLS)]);
  const t = await tsCalls();
  const row = (name: string, key: string) => {
    const a = figure(out, key), b = t[key];
    console.log(`${name.padEnd(34)} ${a.toFixed(0).padStart(8)} ns ${b.toFixed(0).padStart(10)} ns   ${(a / b).toFixed(2)}x`);
  };
  console.log(`calls (best of 5 x ${CALLS / 5})               C guest   TypeScript API   C/TS   (goal: C <= 2000 ns)`);
  row("recv -> WSAEWOULDBLOCK", "recv_wouldblock_ns");
  row("getsockopt(SO_RCVBUF)", "getsockopt_ns");
  row("getsockname (connected)", "getsockname_ns");
  row("WSAEnumNetworkEvents (idle)", "wsaenumnetworkevents_ns");
  row("recvfrom, datagram already arrived", "udp_recvfrom_ns");
  console.log(`${"WSAWaitForMultipleEvents(0 ms)".padEnd(34)} ${figure(out, "wsawait_0_timeout_ns").toFixed(0).padStart(8)} ns`);
  const cNs = await cEcho(wasm);
  const tNs = await tsEcho();
  const mbps = (ns: number) => (ECHO_BYTES / (1 << 20)) / (ns / 1e9);
  console.log(`echo ${ECHO_BYTES >> 20} MiB over loopback        C guests (2 processes)   TypeScript API (1 process)   C/TS`);
  console.log(`${"throughput".padEnd(34)} ${mbps(cNs).toFixed(0).padStart(8)} MiB/s ${mbps(tNs).toFixed(0).padStart(10)} MiB/s   ${(mbps(cNs) / mbps(tNs)).toFixed(2)}x`);
}
