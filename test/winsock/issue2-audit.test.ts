// Behaviours of issue 2 and reference/winsock-behaviour.md that no other test showed on its own:
// closesocket returning at once with data still queued, SO_LINGER {1,0} discarding queued data,
// SO_EXCLUSIVEADDRUSE against a second bind, WinsockError's errno and code, and the WSADATA fields
// that depend on the negotiated version, the startup error that is returned and not set, MSG_PEEK
// on a datagram socket, and the `npm start` demo. Peers are node:net / node:dgram, over loopback.
import { execFile } from "node:child_process";
import dgram from "node:dgram";
import net from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Winsock, WinsockError, expectWsa, started, until, v4 } from "./helpers.ts";
import * as K from "../../host/node/constants.ts";
import { WSA } from "../../host/node/errors.ts";
import { ROOT } from "../../host/node/wasm.ts";

const { AF_INET, SOCK_STREAM, SOCK_DGRAM, SOL_SOCKET } = K;
const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

/** A node:net server whose connection starts paused; reports bytes read and how it ended. */
async function pausedPeer(): Promise<{ port: number; peer: () => net.Socket | null; got: () => number; ended: () => string }> {
  let peer: net.Socket | null = null;
  let got = 0;
  let ended = "";
  const srv = net.createServer((c) => {
    peer = c;
    c.pause();
    c.on("data", (d: Buffer) => { got += d.length; });
    c.on("end", () => { ended = ended || "end"; });
    c.on("error", (e: NodeJS.ErrnoException) => { ended = ended || e.code!; });
  });
  cleanups.push(() => { peer?.destroy(); srv.close(); });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return { port: (srv.address() as net.AddressInfo).port, peer: () => peer, got: () => got, ended: () => ended };
}

/** Sends until the connection is full (non-blocking), bounded; returns the bytes taken. */
async function fill(ws: Winsock, s: number): Promise<number> {
  ws.ioctlsocket(s, K.FIONBIO, 1);
  const chunk = new Uint8Array(65536).fill(9);
  let total = 0;
  for (let i = 0; i < 4000; i++) {
    try { total += ws.send(s, chunk); } catch (e) {
      if ((e as WinsockError).code !== "WSAEWOULDBLOCK") throw e;
      return total;
    }
    if (i % 16 === 15) await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error("the connection never filled");
}

describe("Shutdown and close: what happens to queued data", () => {
  /** A wasock socket connected to a peer that does not read, with `total` bytes sent to it. */
  async function queued() {
    const ws = await started();
    const p = await pausedPeer();
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    await ws.connectAsync(s, v4(p.port));
    await until(() => p.peer() !== null);
    return { ws, p, s, total: await fill(ws, s) };
  }

  it("closesocket with the default linger returns at once while data is still queued; all of it then arrives, then FIN", async () => {
    const { ws, p, s, total } = await queued();
    expect(ws.sockInfo(s)!.sndQueued).toBeGreaterThan(0); // not all on the wire yet
    const t0 = Date.now();
    expect(ws.closesocket(s)).toBe(0);
    expect(Date.now() - t0).toBeLessThan(500); // no wait for the data (a GC pause or a loaded machine aside)
    expectWsa(ws, () => ws.getsockopt(s, SOL_SOCKET, K.SO_TYPE), "WSAENOTSOCK");
    expect(p.got()).toBeLessThan(total);
    p.peer()!.resume();
    await until(() => p.ended() !== "", 10000);
    expect(p.ended()).toBe("end");
    expect(p.got()).toBe(total);
  });

  it("SO_LINGER {1,0}: closesocket resets and the queued data is discarded", async () => {
    const { ws, p, s, total } = await queued();
    ws.setsockopt(s, SOL_SOCKET, K.SO_LINGER, { l_onoff: 1, l_linger: 0 });
    expect(ws.closesocket(s)).toBe(0);
    p.peer()!.resume();
    await until(() => p.ended() !== "", 10000);
    // Linux reports an RST that finds unread data as end of stream or as a reset; either way only
    // what was already in the peer's buffer arrives.
    expect(["ECONNRESET", "end"]).toContain(p.ended());
    expect(p.got()).toBeLessThan(total);
  });
});

describe("SO_EXCLUSIVEADDRUSE (learn.microsoft.com/windows/win32/winsock/using-so-reuseaddr-and-so-exclusiveaddruse)", () => {
  it.each([["TCP", SOCK_STREAM], ["UDP", SOCK_DGRAM]] as const)("%s: a second bind on the port is WSAEADDRINUSE, and WSAEACCES with SO_REUSEADDR", async (_n, type) => {
    const ws = await started();
    const a = ws.socket(AF_INET, type, 0);
    ws.setsockopt(a, SOL_SOCKET, K.SO_EXCLUSIVEADDRUSE, 1);
    ws.bind(a, v4());
    const port = ws.getsockname(a).port;
    const b = ws.socket(AF_INET, type, 0);
    expectWsa(ws, () => ws.bind(b, v4(port)), "WSAEADDRINUSE");
    const c = ws.socket(AF_INET, type, 0);
    ws.setsockopt(c, SOL_SOCKET, K.SO_REUSEADDR, 1);
    expectWsa(ws, () => ws.bind(c, v4(port)), "WSAEACCES");
    // Once the exclusive socket is closed the port is free again.
    ws.closesocket(a);
    expect(ws.bind(c, v4(port))).toBe(0);
  });

  it("takes effect only before bind: set on a bound socket it is WSAEINVAL", async () => {
    const ws = await started();
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.bind(s, v4());
    expectWsa(ws, () => ws.setsockopt(s, SOL_SOCKET, K.SO_EXCLUSIVEADDRUSE, 1), "WSAEINVAL");
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_EXCLUSIVEADDRUSE)).toBe(0);
  });
});

describe("WinsockError", () => {
  it("carries errno (10061) and code ('WSAECONNREFUSED'), and is an Error", async () => {
    const ws = await started();
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise((r) => srv.close(r));
    let err: unknown;
    try { await ws.connectAsync(s, v4(port)); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(WinsockError);
    expect(err).toBeInstanceOf(Error);
    expect((err as WinsockError).errno).toBe(10061);
    expect((err as WinsockError).code).toBe("WSAECONNREFUSED");
    expect(ws.WSAGetLastError()).toBe(WSA.WSAECONNREFUSED);
  });
});

describe("WSADATA", () => {
  it("iMaxSockets and iMaxUdpDg: 32767 and 65467 for a 1.x program, 0 (to be ignored) from 2.0 on", async () => {
    const one = (await Winsock.create());
    const d1: Record<string, unknown> = {};
    expect(one.WSAStartup(K.MAKEWORD(1, 1), d1)).toBe(0);
    expect(d1).toMatchObject({ wVersion: 0x0101, iMaxSockets: 32767, iMaxUdpDg: 65467 });
    const two = (await Winsock.create());
    const d2: Record<string, unknown> = {};
    expect(two.WSAStartup(K.MAKEWORD(2, 2), d2)).toBe(0);
    expect(d2).toMatchObject({ wVersion: 0x0202, iMaxSockets: 0, iMaxUdpDg: 0 });
  });
});

describe("WSAStartup's error is returned, not set", () => {
  it("a refused version leaves the last error as it was", async () => {
    const ws = await Winsock.create();
    ws.WSASetLastError(0);
    expect(ws.WSAStartup(K.MAKEWORD(0, 1), {})).toBe(WSA.WSAVERNOTSUPPORTED);
    expect(ws.WSAGetLastError()).toBe(0);
    expect(ws.WSAStartup(K.MAKEWORD(2, 2), null)).toBe(WSA.WSAEFAULT);
    expect(ws.WSAGetLastError()).toBe(0);
  });
});

describe("recvfrom with MSG_PEEK on a datagram socket", () => {
  it("returns the datagram and its sender and leaves it queued for the next recvfrom", async () => {
    const ws = await started();
    const u = ws.socket(AF_INET, SOCK_DGRAM, 0);
    ws.bind(u, v4());
    const tx = dgram.createSocket("udp4");
    cleanups.push(() => tx.close());
    await new Promise<void>((r) => tx.bind(0, "127.0.0.1", r));
    tx.send(Buffer.from("first"), ws.getsockname(u).port, "127.0.0.1");
    await until(() => ws.ioctlsocket(u, K.FIONREAD) === 5);
    tx.send(Buffer.from("second"), ws.getsockname(u).port, "127.0.0.1");
    await until(() => ws.ioctlsocket(u, K.FIONREAD) === 11);
    const b = new Uint8Array(16);
    for (let i = 0; i < 2; i++) {
      const from: Record<string, unknown> = {};
      expect(ws.recvfrom(u, b, K.MSG_PEEK, from)).toBe(5);
      expect(Buffer.from(b.subarray(0, 5)).toString()).toBe("first");
      expect(from).toMatchObject({ address: "127.0.0.1", port: tx.address().port });
      expect(ws.ioctlsocket(u, K.FIONREAD)).toBe(11);
    }
    expect(ws.recvfrom(u, b, 0, {})).toBe(5);
    expect(ws.recvfrom(u, b, 0, {})).toBe(6);
    expect(Buffer.from(b.subarray(0, 6)).toString()).toBe("second");
  });
});

describe("the demo (npm start)", () => {
  it("prints the catalog as a protocol enumerator does, then a TCP echo and a UDP exchange over loopback", async () => {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "host/node/demo.ts")], { timeout: 30000 }, (e, stdout, stderr) => {
        if (e) reject(new Error(`${e.message}\n${stderr}`));
        else resolve(stdout);
      });
    });
    expect(out.match(/^Winsock Catalog Provider Entry #\d+$/gm)?.length).toBe(4);
    for (const [name, family, type, proto] of [["TCP/IP", "2 (AF_INET)", "1 (SOCK_STREAM)", "6 (IPPROTO_TCP)"],
      ["UDP/IP", "2 (AF_INET)", "2 (SOCK_DGRAM)", "17 (IPPROTO_UDP)"], ["TCP/IPv6", "23 (AF_INET6)", "1 (SOCK_STREAM)", "6 (IPPROTO_TCP)"],
      ["UDP/IPv6", "23 (AF_INET6)", "2 (SOCK_DGRAM)", "17 (IPPROTO_UDP)"]]) {
      const entry = out.split(/\n\n/).find((b) => b.includes(`[${name}]`))!;
      expect(entry).toContain(`Address Family:        ${family}`);
      expect(entry).toContain(`Socket Type:           ${type}`);
      expect(entry).toContain(`Protocol Number:       ${proto}`);
      expect(entry).toMatch(/Byte Order: +BIGENDIAN/);
      expect(entry).toMatch(/Catalog Entry ID: +\d+/);
      expect(entry).toMatch(/Protocol Chain Length: +1 /);
      expect(entry).toMatch(name.startsWith("TCP") ? /Service Flags: +0x\w+ XP1_GUARANTEED_DELIVERY/ : /Service Flags: +0x\w+ XP1_CONNECTIONLESS/);
    }
    expect(out).toMatch(/^TCP .*sent "hello through wasock"  echoed "hello through wasock"$/m);
    expect(out).toMatch(/^UDP .*sent "ping"  got "ack ping"/m);
  }, 40000);
});
