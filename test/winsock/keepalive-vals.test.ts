// SIO_KEEPALIVE_VALS (WSAIoctl with struct tcp_keepalive { onoff, keepalivetime, keepaliveinterval },
// times in ms): argument errors as Windows gives them, and the keep-alive time reaching the kernel,
// which ss(8) shows as the socket's "timer:(keepalive,<time left>,…)" (as host-options.test.ts
// does for SO_KEEPALIVE). Peers are node:net; the C guest (keepalive-vals.c, through the ws2_32
// ABI and include/mstcpip.h) does the same from C.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { expectWsa, started, until, v4, Winsock } from "./helpers.ts";
import * as K from "../../host/node/constants.ts";
import { ROOT } from "../../host/node/wasm.ts";
import { CLANG, haveClang, runGuest } from "../c/guest.ts";

const { AF_INET, SOCK_STREAM, SOCK_DGRAM, SOL_SOCKET } = K;
const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

/** struct tcp_keepalive, 12 bytes little-endian (or `len` of them). */
function kaVals(onoff: number, time: number, interval: number, len = 12): Uint8Array {
  const b = new Uint8Array(12);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, onoff, true);
  dv.setUint32(4, time, true);
  dv.setUint32(8, interval, true);
  return b.subarray(0, len);
}

/** ss -tnoi's lines for the established socket on local port `port`. */
function ssLine(port: number): string {
  return execFileSync("ss", ["-t", "-n", "-o", "-i", "-H", "state", "established", `sport = :${port}`], { encoding: "utf8" });
}

/** Seconds left on the keepalive timer of the established socket on local port `port` (null: no timer). */
function keepaliveLeft(port: number): number | null {
  const out = ssLine(port);
  const m = /timer:\(keepalive,([^,]*),/.exec(out);
  if (!m) return null;
  // ss prints e.g. "119min", "1min30sec", "12sec", "8.940ms" (8 s 940 ms), "950ms".
  const t = m[1];
  const part = (re: RegExp) => Number(re.exec(t)?.[1] ?? 0);
  return part(/(\d+)min/) * 60 + part(/(\d+)(?:sec|\.)/) + part(/(\d+)ms/) / 1000;
}

async function server(): Promise<number> {
  const peers: net.Socket[] = [];
  const srv = net.createServer((c) => { c.on("error", () => {}); peers.push(c); });
  cleanups.push(() => { for (const p of peers) p.destroy(); srv.close(); });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return (srv.address() as net.AddressInfo).port;
}

async function connected(ws: Winsock, port: number, before?: (s: number) => void): Promise<{ s: number; local: number }> {
  const s = ws.socket(AF_INET, SOCK_STREAM, 0);
  cleanups.push(() => { try { ws.closesocket(s); } catch { /* closed by the test */ } });
  before?.(s);
  await ws.connectAsync(s, v4(port));
  return { s, local: ws.getsockname(s).port };
}

describe("SIO_KEEPALIVE_VALS: arguments", () => {
  it("NULL or short input WSAEFAULT, a datagram socket WSAEINVAL, NULL bytes-returned WSAEFAULT, not a socket WSAENOTSOCK", async () => {
    const ws = await started();
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    const u = ws.socket(AF_INET, SOCK_DGRAM, 0);
    expectWsa(ws, () => ws.WSAIoctl(s, K.SIO_KEEPALIVE_VALS, null, 0), "WSAEFAULT");
    expectWsa(ws, () => ws.WSAIoctl(s, K.SIO_KEEPALIVE_VALS, kaVals(1, 5000, 1000, 11), 0), "WSAEFAULT");
    expectWsa(ws, () => ws.WSAIoctl(s, K.SIO_KEEPALIVE_VALS, kaVals(1, 5000, 1000, 4), 0), "WSAEFAULT");
    expectWsa(ws, () => ws.WSAIoctl(s, K.SIO_KEEPALIVE_VALS, kaVals(1, 5000, 1000), 0, false), "WSAEFAULT");
    expectWsa(ws, () => ws.WSAIoctl(u, K.SIO_KEEPALIVE_VALS, kaVals(1, 5000, 1000), 0), "WSAEINVAL");
    expectWsa(ws, () => ws.WSAIoctl(u + 4096, K.SIO_KEEPALIVE_VALS, kaVals(1, 5000, 1000), 0), "WSAENOTSOCK");
    // None of the failures changed the socket.
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_KEEPALIVE)).toBe(0);
    // A longer input buffer is fine (only the structure is read); nothing is returned.
    const big = new Uint8Array(16);
    big.set(kaVals(1, 5000, 1000));
    expect(ws.WSAIoctl(s, K.SIO_KEEPALIVE_VALS, big, 0).bytesReturned).toBe(0);
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_KEEPALIVE)).toBe(1);
  });
});

describe("SIO_KEEPALIVE_VALS reaches the kernel (ss: timer:(keepalive,…))", () => {
  it("on a connected socket: the time is the keepalivetime; onoff 0 turns it off; SO_KEEPALIVE reads onoff", async () => {
    const ws = await started();
    const { s, local } = await connected(ws, await server());
    expect(keepaliveLeft(local)).toBeNull();
    const r = ws.WSAIoctl(s, K.SIO_KEEPALIVE_VALS, kaVals(1, 5000, 1000), 0);
    expect(r.bytesReturned).toBe(0);
    const left = keepaliveLeft(local)!;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(5);
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_KEEPALIVE)).toBe(1);
    ws.WSAIoctl(s, K.SIO_KEEPALIVE_VALS, kaVals(0, 5000, 1000), 0);
    expect(keepaliveLeft(local)).toBeNull();
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_KEEPALIVE)).toBe(0);
    // SO_KEEPALIVE on again keeps the time set by the ioctl.
    ws.setsockopt(s, SOL_SOCKET, K.SO_KEEPALIVE, 1);
    expect(keepaliveLeft(local)!).toBeLessThanOrEqual(5);
  });

  it("SO_KEEPALIVE alone uses Windows' 2-hour time", async () => {
    const ws = await started();
    const { s, local } = await connected(ws, await server());
    ws.setsockopt(s, SOL_SOCKET, K.SO_KEEPALIVE, 1);
    expect(keepaliveLeft(local)!).toBeGreaterThan(7100);
    expect(keepaliveLeft(local)!).toBeLessThanOrEqual(7200);
  });

  it("set before connect, it applies once connected; a listener's setting passes to accepted sockets", async () => {
    const ws = await started();
    const { local } = await connected(ws, await server(), (s) => ws.WSAIoctl(s, K.SIO_KEEPALIVE_VALS, kaVals(1, 3000, 1000), 0));
    expect(keepaliveLeft(local)!).toBeLessThanOrEqual(3);
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    cleanups.push(() => ws.closesocket(l));
    ws.WSAIoctl(l, K.SIO_KEEPALIVE_VALS, kaVals(1, 4000, 1000), 0);
    ws.bind(l, v4(0));
    ws.listen(l, 1);
    const c = net.connect(ws.getsockname(l).port, "127.0.0.1");
    cleanups.push(() => c.destroy());
    const acc = await ws.acceptAsync(l);
    cleanups.push(() => ws.closesocket(acc));
    expect(ws.getsockopt(acc, SOL_SOCKET, K.SO_KEEPALIVE)).toBe(1);
    const left = keepaliveLeft(ws.getsockname(l).port)!;
    expect(left).toBeGreaterThan(3);
    expect(left).toBeLessThanOrEqual(4);
  });

  it("times Linux cannot take are brought into its range: under 1 s becomes 1 s, past 32767 s becomes 32767 s", async () => {
    const ws = await started();
    const port = await server();
    const a = await connected(ws, port);
    ws.WSAIoctl(a.s, K.SIO_KEEPALIVE_VALS, kaVals(1, 200, 1000), 0);
    expect(keepaliveLeft(a.local)!).toBeLessThanOrEqual(1);
    const b = await connected(ws, port);
    ws.WSAIoctl(b.s, K.SIO_KEEPALIVE_VALS, kaVals(1, 0xffffffff, 1000), 0);
    const left = keepaliveLeft(b.local)!;
    expect(left).toBeGreaterThan(32700);
    expect(left).toBeLessThanOrEqual(32767);
  });

  it("the probes go out: with a 1 s keepalivetime an idle connection sends a segment about every second", async () => {
    const ws = await started();
    const { s, local } = await connected(ws, await server());
    const segsOut = () => Number(/segs_out:(\d+)/.exec(ssLine(local))![1]);
    const before = segsOut();
    await new Promise((r) => setTimeout(r, 1500));
    expect(segsOut()).toBe(before); // idle, no keep-alive: nothing is sent
    ws.WSAIoctl(s, K.SIO_KEEPALIVE_VALS, kaVals(1, 1000, 1000), 0);
    const on = segsOut();
    await new Promise((r) => setTimeout(r, 2600));
    // Each probe is answered on loopback, which restarts the idle second: two or three probes.
    expect(segsOut() - on).toBeGreaterThanOrEqual(2);
    expect(segsOut() - on).toBeLessThanOrEqual(3);
  }, 10000);
});

describe.skipIf(!haveClang)("SIO_KEEPALIVE_VALS from C (include/mstcpip.h, the ws2_32 ABI)", () => {
  it("argument errors, then the keep-alive time on the guest's connection", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wasock-ka-"));
    const wasm = join(dir, "keepalive-vals.wasm");
    execFileSync(CLANG, ["--target=wasm32-wasi", "--sysroot=/usr", "-fuse-ld=lld", `-I${join(ROOT, "include")}`,
      "-O2", "-Wall", "-Wextra", "-Werror", join(ROOT, "test/winsock/keepalive-vals.c"), "-o", wasm], { stdio: ["ignore", "pipe", "pipe"] });
    const peers: net.Socket[] = [];
    const srv = net.createServer((c) => { c.on("error", () => {}); peers.push(c); });
    cleanups.push(() => srv.close());
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const g = runGuest(wasm, [String((srv.address() as net.AddressInfo).port), "6000"]);
    cleanups.push(() => g.kill());
    const local = Number((await g.line(/^port (\d+)$/m))[1]);
    const left = keepaliveLeft(local)!;
    expect(left).toBeGreaterThan(4);
    expect(left).toBeLessThanOrEqual(6);
    await until(() => peers.length === 1);
    peers[0].end();
    const run = await g.done;
    expect(run.stdout).not.toMatch(/not ok/);
    expect(run.stdout.match(/^ok /gm)?.length).toBe(6);
    expect(run.code).toBe(0);
  }, 30000);
});
