// C guest ABI (host/abi): the cost of a non-blocking Winsock call from a C guest (recv answering
// WSAEWOULDBLOCK, getsockopt; goal <= 2 us a call) beside the same calls through the TypeScript API,
// and a C echo client/server's throughput (two guests, `wasock run`, 64 KiB sends, up to 256 KiB in
// flight) beside the same echo written against the TypeScript API (host/node/winsock.ts), in one run.
import { spawn } from "node:child_process";
import { compileC, WASOCK } from "../test/c/guest.ts";
import { Winsock } from "../host/node/winsock.ts";

const CALLS = 200_000;
const ECHO_BYTES = 64 << 20;
const AF_INET = 2, SOCK_STREAM = 1, IPPROTO_TCP = 6, SOL_SOCKET = 0xffff, SO_RCVBUF = 0x1002, FIONBIO = 0x8004667e;

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
  const { ws, c, s } = await tsPair();
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
  ws.WSACleanup();
  return ns;
}

async function tsCalls(): Promise<{ recv: number; getsockopt: number }> {
  const { ws, s } = await tsPair();
  ws.ioctlsocket(s, FIONBIO, 1);
  const buf = new Uint8Array(65536);
  let would = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) { try { ws.recv(s, buf); } catch { would++; } }
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) ws.getsockopt(s, SOL_SOCKET, SO_RCVBUF);
  const t2 = process.hrtime.bigint();
  if (would !== CALLS) throw new Error("recv did not answer WSAEWOULDBLOCK");
  ws.WSACleanup();
  return { recv: Number(t1 - t0) / CALLS, getsockopt: Number(t2 - t1) / CALLS };
}

export default async function (): Promise<void> {
  const wasm = compileC("test/c/abi-bench.c");
  const out = await run(wasm, ["calls", String(CALLS)]);
  const c = { recv: figure(out, "recv_wouldblock_ns"), getsockopt: figure(out, "getsockopt_ns") };
  const t = await tsCalls();
  const row = (name: string, a: number, b: number) =>
    console.log(`${name.padEnd(34)} ${a.toFixed(0).padStart(8)} ns ${b.toFixed(0).padStart(10)} ns   ${(a / b).toFixed(2)}x`);
  console.log(`non-blocking calls (${CALLS} each)      C guest   TypeScript API   C/TS   (goal: C <= 2000 ns)`);
  row("recv -> WSAEWOULDBLOCK", c.recv, t.recv);
  row("getsockopt(SO_RCVBUF)", c.getsockopt, t.getsockopt);
  const cNs = await cEcho(wasm);
  const tNs = await tsEcho();
  const mbps = (ns: number) => (ECHO_BYTES / (1 << 20)) / (ns / 1e9);
  console.log(`echo ${ECHO_BYTES >> 20} MiB over loopback        C guests (2 processes)   TypeScript API (1 process)   C/TS`);
  console.log(`${"throughput".padEnd(34)} ${mbps(cNs).toFixed(0).padStart(8)} MiB/s ${mbps(tNs).toFixed(0).padStart(10)} MiB/s   ${(mbps(cNs) / mbps(tNs)).toFixed(2)}x`);
}
