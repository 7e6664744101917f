// Options reaching the host's sockets (host/node/host-provider.ts), each checked where the kernel
// shows it — ss(8) for socket buffers and keepalive timers, a tshark capture on lo for the TTL on
// the wire, real IPv4 peers for IPV6_V6ONLY — plus the host provider's receive path (every stream
// reads into one shared buffer) against node:net peers. Linux: the kernel doubles a buffer size it
// is given and reports the double (socket(7), SO_RCVBUF), clamped to net.core.rmem_max/wmem_max.
// What Node cannot apply (SO_SNDBUF, SO_RCVBUF, IP_TTL on TCP) is listed in host-provider.ts.
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import dgram from "node:dgram";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Winsock, expectWsa, started, until, v4, v6 } from "./helpers.ts";
import * as K from "../../host/node/constants.ts";
import type { SockAddr } from "../../host/node/sockaddr.ts";
import { connect } from "../../host/node/duplex.ts";

const { AF_INET, AF_INET6, SOCK_STREAM, SOCK_DGRAM, SOL_SOCKET, IPPROTO_TCP } = K;
const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

const sysctl = (name: string) => Number(readFileSync(`/proc/sys/net/core/${name}`, "utf8"));

/** ss's view of the sockets with local port `port`: one line per socket. */
function ss(args: string[], port: number): string {
  return execFileSync("ss", [...args, "-n", "-H", `sport = :${port}`], { encoding: "utf8" });
}

/** rb / tb (the kernel's receive and send buffer sizes) of the UDP socket on `port`, once bound. */
function udpBuffers(port: number): { rb: number; tb: number } | null {
  const m = /rb(\d+),t\d+,tb(\d+)/.exec(ss(["-u", "-a", "-m"], port));
  return m ? { rb: Number(m[1]), tb: Number(m[2]) } : null;
}

async function udpBound(ws: Winsock, af = AF_INET): Promise<{ s: number; port: number }> {
  const s = ws.socket(af, SOCK_DGRAM, 0);
  cleanups.push(() => { try { ws.closesocket(s); } catch { /* closed by the test */ } });
  ws.bind(s, af === AF_INET ? v4(0) : v6(0, "::"));
  const port = ws.getsockname(s).port;
  await until(() => udpBuffers(port) !== null); // node:dgram binds on the next tick
  return { s, port };
}

/**
 * tshark on lo, printing `fields` of each packet as a line. Resolves once packets are really being
 * captured: "Capturing on" comes a little before that, so `probe` sends until one shows up.
 */
async function capture(filter: string, fields: string[], probe: () => void, isProbe: (line: string) => boolean): Promise<{ lines: string[]; until: (n: number) => Promise<void> }> {
  const p: ChildProcess = spawn("tshark", ["-l", "-i", "lo", "-f", filter, "-T", "fields", ...fields.flatMap((f) => ["-e", f])],
    { stdio: ["ignore", "pipe", "pipe"] });
  cleanups.push(() => p.kill());
  const lines: string[] = [];
  let out = "", err = "";
  p.stdout!.on("data", (b) => {
    out += b;
    const parts = out.split("\n");
    out = parts.pop()!;
    lines.push(...parts);
  });
  p.stderr!.on("data", (b) => (err += b));
  const exited = new Promise<never>((_r, reject) => p.on("exit", () => reject(new Error(`tshark ended: ${err}`))));
  const until = (n: number) => Promise.race([exited, (async () => {
    const end = Date.now() + 10000;
    while (lines.filter((l) => !isProbe(l)).length < n) {
      if (Date.now() > end) throw new Error(`tshark captured ${lines.length} packets, not ${n}: ${err}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  })()]);
  const end = Date.now() + 10000;
  while (lines.length === 0) {
    if (Date.now() > end) throw new Error(`tshark captured nothing: ${err}`);
    probe();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
  }
  lines.length = 0;
  return { get lines() { return lines.filter((l) => !isProbe(l)); }, until };
}

describe("UDP socket buffers (ss shows the kernel's rb/tb)", () => {
  it("unset, the host keeps its default buffers (not Windows' 8 KiB)", async () => {
    const ws = await started();
    const { s, port } = await udpBound(ws);
    expect(udpBuffers(port)).toEqual({ rb: sysctl("rmem_default"), tb: sysctl("wmem_default") });
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_RCVBUF)).toBe(8192); // what Windows reports
  });

  it("SO_RCVBUF set before bind and SO_SNDBUF after it reach the host socket", async () => {
    const ws = await started();
    const s = ws.socket(AF_INET, SOCK_DGRAM, 0);
    cleanups.push(() => ws.closesocket(s));
    ws.setsockopt(s, SOL_SOCKET, K.SO_RCVBUF, 32768);
    ws.bind(s, v4(0));
    const port = ws.getsockname(s).port;
    await until(() => udpBuffers(port)?.rb === 65536);
    ws.setsockopt(s, SOL_SOCKET, K.SO_SNDBUF, 24576);
    expect(udpBuffers(port)).toEqual({ rb: 65536, tb: 49152 });
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_RCVBUF)).toBe(32768);
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_SNDBUF)).toBe(24576);
  });

  it("a size beyond the host's limit is clamped by the host, and kept as set by Windows' getsockopt", async () => {
    const ws = await started();
    const { s, port } = await udpBound(ws, AF_INET6);
    const big = 4 * sysctl("rmem_max");
    ws.setsockopt(s, SOL_SOCKET, K.SO_RCVBUF, big);
    expect(udpBuffers(port)!.rb).toBe(2 * sysctl("rmem_max"));
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_RCVBUF)).toBe(big);
  });

  it("datagrams beyond SO_RCVBUF (at least 64 KiB) that nobody receives are dropped, the rest kept in order", async () => {
    const ws = await started();
    const { s, port } = await udpBound(ws);
    const tx = dgram.createSocket("udp4");
    cleanups.push(() => tx.close());
    const dg = Buffer.alloc(1000);
    for (let i = 0; i < 100; i++) {
      dg.writeUInt32LE(i, 0);
      await new Promise<void>((r) => tx.send(dg, port, "127.0.0.1", () => r()));
    }
    await until(() => ws.ioctlsocket(s, K.FIONREAD) >= 65000, 5000); // FIONREAD: all queued bytes (MS docs)
    await new Promise((r) => setTimeout(r, 50)); // the rest, if kept, would be queued by now
    const got: number[] = [];
    const buf = new Uint8Array(2000);
    for (;;) {
      try { expect(ws.recv(s, buf)).toBe(1000); } catch { break; }
      got.push(Buffer.from(buf).readUInt32LE(0));
    }
    expect(got).toEqual(Array.from({ length: 65 }, (_, i) => i)); // 65 x 1000 bytes fit in 65536
  });
});

describe.skipIf(!existsSync("/usr/bin/tshark"))("IP_TTL on the wire (tshark on lo; .ci/run installs it)", () => {
  it("set before bind and changed after: each datagram leaves with the TTL then set", async () => {
    const rx = dgram.createSocket("udp4");
    cleanups.push(() => rx.close());
    await new Promise<void>((r) => rx.bind(0, "127.0.0.1", r));
    const rport = rx.address().port;
    const probe = dgram.createSocket("udp4");
    cleanups.push(() => probe.close());
    const cap = await capture(`udp dst port ${rport}`, ["udp.payload", "ip.ttl"], () => probe.send("P", rport, "127.0.0.1"), (l) => l.startsWith("50\t"));
    const ws = await started();
    const s = ws.socket(AF_INET, SOCK_DGRAM, 0);
    cleanups.push(() => ws.closesocket(s));
    ws.setsockopt(s, K.IPPROTO_IP, K.IP_TTL, 7);
    ws.bind(s, v4(0));
    ws.sendto(s, Buffer.from("A"), 0, v4(rport));
    await cap.until(1);
    ws.setsockopt(s, K.IPPROTO_IP, K.IP_TTL, 200);
    ws.sendto(s, Buffer.from("B"), 0, v4(rport));
    await cap.until(2);
    expect(cap.lines).toEqual(["41\t7", "42\t200"]);
    expect(ws.getsockopt(s, K.IPPROTO_IP, K.IP_TTL)).toBe(200);
  }, 30000);
});

describe("SO_KEEPALIVE on TCP (ss shows the kernel's keepalive timer)", () => {
  const keepalive = (port: number) => /timer:\(keepalive/.test(ss(["-t", "-o", "state", "established"], port));

  it("on a connected socket, on a socket connected after setting it, and inherited by accepted sockets", async () => {
    const ws = await started();
    const srv = net.createServer(() => {});
    cleanups.push(() => srv.close());
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const port = (srv.address() as net.AddressInfo).port;
    // set after connect, then cleared
    const a = ws.socket(AF_INET, SOCK_STREAM, 0);
    cleanups.push(() => ws.closesocket(a));
    await ws.connectAsync(a, v4(port));
    const aPort = ws.getsockname(a).port;
    expect(keepalive(aPort)).toBe(false);
    ws.setsockopt(a, SOL_SOCKET, K.SO_KEEPALIVE, 1);
    expect(keepalive(aPort)).toBe(true);
    ws.setsockopt(a, SOL_SOCKET, K.SO_KEEPALIVE, 0);
    expect(keepalive(aPort)).toBe(false);
    // set before connect
    const b = ws.socket(AF_INET, SOCK_STREAM, 0);
    cleanups.push(() => ws.closesocket(b));
    ws.setsockopt(b, SOL_SOCKET, K.SO_KEEPALIVE, 1);
    await ws.connectAsync(b, v4(port));
    expect(keepalive(ws.getsockname(b).port)).toBe(true);
    // on a listener: its accepted sockets have it
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    cleanups.push(() => ws.closesocket(l));
    ws.setsockopt(l, SOL_SOCKET, K.SO_KEEPALIVE, 1);
    ws.bind(l, v4(0));
    ws.listen(l, 1);
    const c = net.connect(ws.getsockname(l).port, "127.0.0.1");
    cleanups.push(() => c.destroy());
    const acc = await ws.acceptAsync(l);
    cleanups.push(() => ws.closesocket(acc));
    expect(ws.getsockopt(acc, SOL_SOCKET, K.SO_KEEPALIVE)).toBe(1);
    expect(keepalive(ws.getsockname(l).port)).toBe(true);
  });
});

describe("IPV6_V6ONLY against IPv4 peers", () => {
  it("UDP: a dual-stack socket receives from an IPv4 sender; a v6-only one (the default) does not", async () => {
    const ws = await started();
    const tx = dgram.createSocket("udp4");
    cleanups.push(() => tx.close());
    const dual = ws.socket(AF_INET6, SOCK_DGRAM, 0);
    const only = ws.socket(AF_INET6, SOCK_DGRAM, 0);
    cleanups.push(() => { ws.closesocket(dual); ws.closesocket(only); });
    ws.setsockopt(dual, K.IPPROTO_IPV6, K.IPV6_V6ONLY, 0);
    ws.bind(dual, v6(0, "::"));
    ws.bind(only, v6(0, "::"));
    const dualPort = ws.getsockname(dual).port, onlyPort = ws.getsockname(only).port;
    await until(() => udpBuffers(dualPort) !== null && udpBuffers(onlyPort) !== null);
    tx.send("to only", onlyPort, "127.0.0.1");
    tx.send("to dual", dualPort, "127.0.0.1");
    const buf = new Uint8Array(64);
    const from: Partial<SockAddr> = {};
    const n = await ws.recvfromAsync(dual, buf, 0, from);
    expect(Buffer.from(buf.subarray(0, n)).toString()).toBe("to dual");
    expect(from.family).toBe(AF_INET6);
    expect(from.address).toBe("::ffff:127.0.0.1");
    await new Promise((r) => setTimeout(r, 50)); // the earlier datagram had ample time to arrive
    expectWsa(ws, () => ws.recv(only, buf), "WSAEWOULDBLOCK");
  });

  it("TCP: a dual-stack listener accepts an IPv4 client; a v6-only one refuses it", async () => {
    const ws = await started();
    const dual = ws.socket(AF_INET6, SOCK_STREAM, 0);
    const only = ws.socket(AF_INET6, SOCK_STREAM, 0);
    cleanups.push(() => { ws.closesocket(dual); ws.closesocket(only); });
    ws.setsockopt(dual, K.IPPROTO_IPV6, K.IPV6_V6ONLY, 0);
    for (const l of [dual, only]) { ws.bind(l, v6(0, "::")); ws.listen(l, 1); }
    const c = net.connect(ws.getsockname(dual).port, "127.0.0.1");
    cleanups.push(() => c.destroy());
    const from: Partial<SockAddr> = {};
    const acc = await ws.acceptAsync(dual, from);
    cleanups.push(() => ws.closesocket(acc));
    expect(from.address).toBe("::ffff:127.0.0.1");
    const refused = await new Promise<string>((r) => net.connect(ws.getsockname(only).port, "127.0.0.1").on("error", (e: NodeJS.ErrnoException) => r(e.code!)));
    expect(refused).toBe("ECONNREFUSED");
  });
});

describe("stream receive path (one shared read buffer for every socket)", () => {
  async function pairWithNode(ws: Winsock): Promise<{ s: number; peer: net.Socket }> {
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    cleanups.push(() => ws.closesocket(l));
    ws.bind(l, v4(0));
    ws.listen(l, 4);
    const peer = net.connect(ws.getsockname(l).port, "127.0.0.1");
    cleanups.push(() => peer.destroy());
    const s = await ws.acceptAsync(l);
    cleanups.push(() => { try { ws.closesocket(s); } catch { /* closed */ } });
    return { s, peer };
  }

  async function recvAll(ws: Winsock, s: number, total: number, size: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    const buf = new Uint8Array(size);
    while (got < total) {
      const n = await ws.recvAsync(s, buf);
      if (n === 0) break;
      parts.push(Buffer.from(buf.subarray(0, n)));
      got += n;
    }
    return Buffer.concat(parts);
  }

  it("two connections receiving at once in odd sizes: each gets exactly its own bytes", async () => {
    const ws = await started();
    const [x, y] = [await pairWithNode(ws), await pairWithNode(ws)];
    const dx = randomBytes(3 << 20), dy = randomBytes(2 << 20);
    x.peer.write(dx);
    y.peer.write(dy);
    const [gx, gy] = await Promise.all([recvAll(ws, x.s, dx.length, 1000), recvAll(ws, y.s, dy.length, 3001)]);
    expect(gx.equals(dx)).toBe(true);
    expect(gy.equals(dy)).toBe(true);
  });

  it("bytes that arrive before accept, and while nobody receives (the reader pauses past 1 MiB), arrive intact", async () => {
    const ws = await started();
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    cleanups.push(() => ws.closesocket(l));
    ws.bind(l, v4(0));
    ws.listen(l, 1);
    const data = randomBytes(6 << 20);
    const peer = net.connect(ws.getsockname(l).port, "127.0.0.1", () => peer.end(data));
    cleanups.push(() => peer.destroy());
    await until(() => ws.sockInfo(l)!.pendingAccepts > 0);
    await new Promise((r) => setTimeout(r, 100)); // bytes pile up before accept
    const s = await ws.acceptAsync(l);
    cleanups.push(() => ws.closesocket(s));
    await new Promise((r) => setTimeout(r, 100)); // and after it, unread
    const queued = ws.ioctlsocket(s, K.FIONREAD);
    expect(queued).toBeGreaterThan(0);
    expect(queued).toBeLessThanOrEqual((1 << 20) + 65536); // paused at the receive queue's limit
    const got = await recvAll(ws, s, data.length + 1, 65536); // to end of stream
    expect(got.equals(data)).toBe(true);
  });

  it("SO_RCVBUF above 1 MiB raises how much the host queues before it pauses", async () => {
    const ws = await started();
    const { s, peer } = await pairWithNode(ws);
    ws.setsockopt(s, SOL_SOCKET, K.SO_RCVBUF, 4 << 20);
    const data = randomBytes(3 << 20);
    peer.write(data);
    await until(() => ws.ioctlsocket(s, K.FIONREAD) === data.length, 5000);
    expect((await recvAll(ws, s, data.length, 65536)).equals(data)).toBe(true);
  });

  it("a MSG_PEEK recv waiting for data sees it, and leaves it for the next recv", async () => {
    const ws = await started();
    const { s, peer } = await pairWithNode(ws);
    const buf = new Uint8Array(64);
    const peeked = ws.recvAsync(s, buf, K.MSG_PEEK);
    peer.write("hello, world");
    expect(await peeked).toBe(12);
    expect(Buffer.from(buf.subarray(0, 12)).toString()).toBe("hello, world");
    const small = new Uint8Array(5);
    expect(ws.recv(s, small)).toBe(5);
    expect(Buffer.from(small).toString()).toBe("hello");
    expect(ws.recv(s, buf)).toBe(7);
    expect(Buffer.from(buf.subarray(0, 7)).toString()).toBe(", world");
  });

  it("TCP_NODELAY and the options above do not disturb a 1-byte ping-pong with node:net", async () => {
    const ws = await started();
    const { s, peer } = await pairWithNode(ws);
    ws.setsockopt(s, IPPROTO_TCP, K.TCP_NODELAY, 1);
    peer.setNoDelay(true);
    peer.on("data", (d) => peer.write(d));
    const one = new Uint8Array(1);
    for (let i = 0; i < 200; i++) {
      one[0] = i;
      await ws.sendAsync(s, one);
      const b = new Uint8Array(4);
      expect(await ws.recvAsync(s, b)).toBe(1);
      expect(b[0]).toBe(i);
    }
  });
});

describe("Duplex adapter writes", () => {
  it("corked writes leave in one send when they fit in 64 KiB, chunk by chunk beyond; a node:net peer gets every byte in order", async () => {
    const ws = await started();
    const got: Buffer[] = [];
    const srv = net.createServer((c) => c.on("data", (d) => got.push(d)));
    cleanups.push(() => srv.close());
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const sock = await connect(ws, { host: "127.0.0.1", port: (srv.address() as net.AddressInfo).port });
    cleanups.push(() => sock.destroy());
    const sends: number[] = [];
    const orig = ws.sendAsync.bind(ws);
    ws.sendAsync = (s, buf, flags, to) => { sends.push(buf.length); return orig(s, buf, flags, to); };
    const head = Buffer.from("HTTP/1.1 200 OK\r\n\r\n"), body = randomBytes(3000);
    sock.cork();
    sock.write(head);
    sock.write(body);
    sock.uncork();
    const big = [randomBytes(40000), randomBytes(40000), randomBytes(40000)];
    sock.cork();
    for (const b of big) sock.write(b);
    sock.uncork();
    const all = Buffer.concat([head, body, ...big]);
    await until(() => got.reduce((t, b) => t + b.length, 0) >= all.length);
    expect(Buffer.concat(got).equals(all)).toBe(true);
    expect(sends).toEqual([head.length + body.length, 40000, 40000, 40000]);
  });
});
