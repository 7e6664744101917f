// WSASend / WSASendTo / WSARecv / WSARecvFrom without overlapped (Microsoft Learn: WSASend, WSARecv,
// WSARecvFrom, WSASendTo): gather/scatter against node:net and node:dgram peers, one datagram per
// call, truncated datagrams (MSG_PARTIAL + WSAEMSGSIZE), the awaitable forms, and bad WSABUF
// arrays passed as raw pointers to the core exports.
import dgram from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { expectWsa, expectWsaAsync, loopbackPeers, started, until, v4, v6, Winsock, WinsockError } from "./helpers.ts";
import * as K from "../../host/node/constants.ts";
import { WSA } from "../../host/node/errors.ts";

const { AF_INET, SOCK_STREAM, SOCK_DGRAM, IPPROTO_UDP } = K;
const enc = new TextEncoder();
const dec = new TextDecoder();

const peers = loopbackPeers();
afterEach(() => peers.cleanup());
const connected = peers.connected;
const udpPeer = peers.udp;

function boundUdp(ws: Winsock): { s: number; port: number } {
  const s = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  ws.bind(s, v4(0));
  return { s, port: ws.getsockname(s).port };
}

describe("WSASend / WSARecv on streams", () => {
  it("gathers several buffers into the stream, in order", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const chunks: Buffer[] = [];
    peer.on("data", (d) => chunks.push(d));
    const n = ws.WSASend(s, [enc.encode("GET "), new Uint8Array(0), enc.encode("/index"), enc.encode(".html\r\n")]);
    expect(n).toBe(17);
    await until(() => Buffer.concat(chunks).length === 17);
    expect(Buffer.concat(chunks).toString()).toBe("GET /index.html\r\n");
  });

  it("scatters what arrived across the buffers and reports the total", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    peer.write("0123456789abcdef");
    await until(() => ws.sockInfo(s)!.rxAvail === 16);
    const a = new Uint8Array(4), b = new Uint8Array(0), c = new Uint8Array(5), d = new Uint8Array(100);
    const r = ws.WSARecv(s, [a, b, c, d]);
    expect(r).toEqual({ bytes: 16, flags: 0 });
    expect(dec.decode(a)).toBe("0123");
    expect(dec.decode(c)).toBe("45678");
    expect(dec.decode(d.subarray(0, 7))).toBe("9abcdef");
    expect(ws.sockInfo(s)!.rxAvail).toBe(0);
  });

  it("fills only as much as the buffers hold and leaves the rest queued", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    peer.write("abcdefghij");
    await until(() => ws.sockInfo(s)!.rxAvail === 10);
    const a = new Uint8Array(3), b = new Uint8Array(3);
    expect(ws.WSARecv(s, [a, b]).bytes).toBe(6);
    expect(dec.decode(a) + dec.decode(b)).toBe("abcdef");
    expect(ws.ioctlsocket(s, K.FIONREAD)).toBe(4);
  });

  it("MSG_PEEK scatters without consuming", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    peer.write("peekaboo");
    await until(() => ws.sockInfo(s)!.rxAvail === 8);
    const a = new Uint8Array(4), b = new Uint8Array(4);
    expect(ws.WSARecv(s, [a, b], K.MSG_PEEK).bytes).toBe(8);
    expect(dec.decode(a) + dec.decode(b)).toBe("peekaboo");
    expect(ws.ioctlsocket(s, K.FIONREAD)).toBe(8);
    const c = new Uint8Array(8);
    expect(ws.WSARecv(s, [c]).bytes).toBe(8);
    expect(dec.decode(c)).toBe("peekaboo");
  });

  it("returns 0 bytes after the peer's FIN, and the plain errors of recv", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    ws.ioctlsocket(s, K.FIONBIO, 1);
    expectWsa(ws, () => ws.WSARecv(s, [new Uint8Array(8)]), "WSAEWOULDBLOCK");
    peer.end();
    await until(() => (ws.sockInfo(s)!.flags & 16) !== 0);
    expect(ws.WSARecv(s, [new Uint8Array(8), new Uint8Array(8)])).toEqual({ bytes: 0, flags: 0 });
    const u = ws.socket(AF_INET, SOCK_STREAM, 0);
    expectWsa(ws, () => ws.WSARecv(u, [new Uint8Array(8)]), "WSAENOTCONN");
    expectWsa(ws, () => ws.WSASend(u, [new Uint8Array(8)]), "WSAENOTCONN");
    expectWsa(ws, () => ws.WSARecv(s, [new Uint8Array(8)], 0x8 /* MSG_WAITALL */), "WSAEOPNOTSUPP");
  });

  it("awaitable forms wait on a blocking socket and honour SO_RCVTIMEO", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const a = new Uint8Array(2), b = new Uint8Array(10);
    const p = ws.WSARecvAsync(s, [a, b]);
    setTimeout(() => peer.write("hello world"), 20);
    const r = await p;
    expect(r.bytes).toBeGreaterThan(0);
    let got = dec.decode(a) + dec.decode(b.subarray(0, r.bytes - 2));
    while (got.length < 11) {
      const c = new Uint8Array(16);
      const k = (await ws.WSARecvAsync(s, [c])).bytes;
      got += dec.decode(c.subarray(0, k));
    }
    expect(got).toBe("hello world");
    ws.setsockopt(s, K.SOL_SOCKET, K.SO_RCVTIMEO, 50);
    const t0 = Date.now();
    await expectWsaAsync(ws.WSARecvAsync(s, [new Uint8Array(4)]), "WSAETIMEDOUT");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40);
    const echo: Buffer[] = [];
    peer.on("data", (d) => echo.push(d));
    expect(await ws.WSASendAsync(s, [enc.encode("x"), enc.encode("yz")])).toBe(3);
    await until(() => Buffer.concat(echo).toString() === "xyz");
  });

  it("a large gathered send arrives whole (blocking form waits out backpressure)", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    let total = 0;
    const hash = { sum: 0 };
    peer.on("data", (d) => { for (const x of d) hash.sum = (hash.sum * 31 + x) >>> 0; total += d.length; });
    const parts: Uint8Array[] = [];
    let expectSum = 0;
    for (let i = 0; i < 8; i++) {
      const p = new Uint8Array(256 * 1024 + i);
      for (let k = 0; k < p.length; k++) p[k] = (k * 7 + i) & 0xff;
      parts.push(p);
    }
    for (const p of parts) for (const x of p) expectSum = (expectSum * 31 + x) >>> 0;
    const want = parts.reduce((n, p) => n + p.length, 0);
    expect(await ws.WSASendAsync(s, parts)).toBe(want); // a blocking send takes it all
    await until(() => total === want, 10000);
    expect(hash.sum).toBe(expectSum);
  });
});

describe("WSASend gathering on streams", () => {
  it("thousands of small buffers and big ones mixed arrive whole and in order", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const chunks: Buffer[] = [];
    peer.on("data", (d) => chunks.push(d));
    const parts: Uint8Array[] = [];
    for (let i = 0; i < 3000; i++) {
      const n = i % 500 === 499 ? 70000 + i : (i * 37) % 200; // some empty, some over 64 KiB
      parts.push(new Uint8Array(n).fill(i & 0xff));
    }
    const want = Buffer.concat(parts);
    expect(await ws.WSASendAsync(s, parts)).toBe(want.length);
    await until(() => Buffer.concat(chunks).length === want.length, 10000);
    expect(Buffer.concat(chunks).equals(want)).toBe(true);
  });
});

describe("WSASendTo / WSARecvFrom on datagrams", () => {
  it("a gathered WSASendTo is ONE datagram", async () => {
    const ws = await started();
    const peer = await udpPeer();
    const s = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    expect(ws.WSASendTo(s, [enc.encode("one "), enc.encode("two "), enc.encode("three")], 0, v4(peer.port))).toBe(13);
    await until(() => peer.got.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(peer.got.map((b) => b.toString())).toEqual(["one two three"]);
    // connected: WSASend
    ws.connect(s, v4(peer.port));
    expect(ws.WSASend(s, [enc.encode("a"), enc.encode("b")])).toBe(2);
    await until(() => peer.got.length === 2);
    expect(peer.got[1].toString()).toBe("ab");
  });

  it("WSARecvFrom scatters one datagram and gives its sender", async () => {
    const ws = await started();
    const peer = await udpPeer();
    const { s, port } = boundUdp(ws);
    peer.sock.send("abcdefgh", port, "127.0.0.1");
    peer.sock.send("second", port, "127.0.0.1");
    await until(() => ws.sockInfo(s)!.rxAvail === 14);
    const a = new Uint8Array(3), b = new Uint8Array(10);
    const from: Record<string, unknown> = {};
    expect(ws.WSARecvFrom(s, [a, b], 0, from)).toEqual({ bytes: 8, flags: 0 });
    expect(dec.decode(a) + dec.decode(b.subarray(0, 5))).toBe("abcdefgh");
    expect(from).toMatchObject({ family: AF_INET, address: "127.0.0.1", port: peer.port });
    const c = new Uint8Array(64);
    expect(ws.WSARecv(s, [c]).bytes).toBe(6); // the next call gets the next datagram, not leftovers
    expect(dec.decode(c.subarray(0, 6))).toBe("second");
  });

  it("a datagram larger than the buffers: buffers filled, MSG_PARTIAL, WSAEMSGSIZE, rest lost", async () => {
    const ws = await started();
    const peer = await udpPeer();
    const { s, port } = boundUdp(ws);
    peer.sock.send("0123456789", port, "127.0.0.1");
    peer.sock.send("next", port, "127.0.0.1");
    await until(() => ws.sockInfo(s)!.rxAvail === 14);
    const a = new Uint8Array(3), b = new Uint8Array(4);
    let err: (WinsockError & { bytes?: number; flags?: number }) | null = null;
    try { ws.WSARecvFrom(s, [a, b], 0, {}); } catch (e) { err = e as WinsockError; }
    expect(err?.code).toBe("WSAEMSGSIZE");
    expect(err?.bytes).toBe(7);
    expect(err?.flags).toBe(K.MSG_PARTIAL);
    expect(dec.decode(a) + dec.decode(b)).toBe("0123456");
    const c = new Uint8Array(16);
    expect(ws.WSARecv(s, [c])).toEqual({ bytes: 4, flags: 0 });
    expect(dec.decode(c.subarray(0, 4))).toBe("next");
  });

  it("IPv6: a gathered datagram to a node:dgram udp6 peer and back, with the sender's address", async () => {
    const ws = await started();
    const peer = dgram.createSocket({ type: "udp6", ipv6Only: true });
    peers.defer(() => peer.close());
    await new Promise<void>((r) => peer.bind(0, "::1", r));
    const got: Array<{ m: string; port: number }> = [];
    peer.on("message", (m, ri) => { got.push({ m: m.toString(), port: ri.port }); peer.send(m.subarray().reverse(), ri.port, ri.address); });
    const s = ws.socket(K.AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
    ws.bind(s, v6(0));
    expect(ws.WSASendTo(s, [enc.encode("ab"), enc.encode("cd")], 0, v6(peer.address().port))).toBe(4);
    const a = new Uint8Array(1), b = new Uint8Array(3);
    const from: Record<string, unknown> = {};
    expect(await ws.WSARecvFromAsync(s, [a, b], 0, from)).toEqual({ bytes: 4, flags: 0 });
    expect(dec.decode(a) + dec.decode(b)).toBe("dcba");
    expect(from).toMatchObject({ family: K.AF_INET6, address: "::1", port: peer.address().port });
    expect(got).toEqual([{ m: "abcd", port: ws.getsockname(s).port }]);
  });

  it("awaitable WSARecvFrom waits for a datagram; MSG_PARTIAL on input is ignored", async () => {
    const ws = await started();
    const peer = await udpPeer();
    const { s, port } = boundUdp(ws);
    const a = new Uint8Array(2), b = new Uint8Array(8);
    const from: Record<string, unknown> = {};
    const p = ws.WSARecvFromAsync(s, [a, b], K.MSG_PARTIAL, from);
    setTimeout(() => peer.sock.send("hi there", port, "127.0.0.1"), 10);
    expect(await p).toEqual({ bytes: 8, flags: 0 });
    expect(dec.decode(a) + dec.decode(b.subarray(0, 6))).toBe("hi there");
    expect(from).toMatchObject({ port: peer.port });
  });

  it("WSASendTo over the datagram limit is WSAEMSGSIZE; unbound WSARecvFrom is WSAEINVAL", async () => {
    const ws = await started();
    const s = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    expectWsa(ws, () => ws.WSARecvFrom(s, [new Uint8Array(4)], 0, null), "WSAEINVAL");
    const big = [new Uint8Array(40000), new Uint8Array(40000)];
    expectWsa(ws, () => ws.WSASendTo(s, big, 0, v4(9)), "WSAEMSGSIZE");
    expectWsa(ws, () => ws.WSASend(s, [new Uint8Array(1)]), "WSAENOTCONN");
  });
});

describe("bad WSABUF arrays and pointers (raw core exports)", () => {
  it("gives WSAEFAULT / WSAEINVAL / WSAENOTSOCK as Windows does, never a trap", async () => {
    const ws = await started();
    const core = ws.core;
    const { s } = await connected(ws);
    const end = () => core.memory.buffer.byteLength; // read at each use: calls may grow memory
    const p = core.wasock_alloc(256) >>> 0;
    const dv = () => new DataView(core.memory.buffer);
    const call = (fn: () => number) => { const r = fn(); return r === 0 ? 0 : core.WSAGetLastError(); };
    const wsabuf = (at: number, len: number, buf: number) => { dv().setUint32(at, len, true); dv().setUint32(at + 4, buf, true); };
    wsabuf(p, 8, p + 128);
    const bytes = p + 64, flags = p + 68;
    dv().setUint32(flags, 0, true);
    // NULL / outside lpBuffers
    expect(call(() => core.WSASend(s, 0, 1, bytes, 0, 0, 0))).toBe(WSA.WSAEFAULT);
    expect(call(() => core.WSARecv(s, 0, 0, bytes, flags, 0, 0))).toBe(WSA.WSAEFAULT);
    expect(call(() => core.WSASend(s, end() - 4, 1, bytes, 0, 0, 0))).toBe(WSA.WSAEFAULT);
    expect(call(() => core.WSASend(s, p, 0x20000000, bytes, 0, 0, 0))).toBe(WSA.WSAEFAULT);
    // a buffer outside memory, or straddling its end
    wsabuf(p + 8, 16, end() - 8);
    expect(call(() => core.WSASend(s, p, 2, bytes, 0, 0, 0))).toBe(WSA.WSAEFAULT);
    expect(call(() => core.WSARecv(s, p, 2, bytes, flags, 0, 0))).toBe(WSA.WSAEFAULT);
    // a zero-length buffer's pointer is not looked at
    wsabuf(p + 8, 0, 0xfffffff0);
    expect(call(() => core.WSASend(s, p, 2, bytes, 0, 0, 0))).toBe(0);
    expect(dv().getUint32(bytes, true)).toBe(8);
    // lengths adding up past 2 GiB
    wsabuf(p + 8, 0x7ffffffc, p + 128);
    wsabuf(p + 16, 0x7ffffffc, p + 128);
    expect(call(() => core.WSASend(s, p + 8, 2, bytes, 0, 0, 0))).toBe(WSA.WSAEFAULT); // p+128 + 2 GiB is outside memory
    // lpNumberOfBytes / lpFlags required without overlapped
    expect(call(() => core.WSASend(s, p, 1, 0, 0, 0, 0))).toBe(WSA.WSAEFAULT);
    expect(call(() => core.WSARecv(s, p, 1, 0, flags, 0, 0))).toBe(WSA.WSAEFAULT);
    expect(call(() => core.WSARecv(s, p, 1, bytes, 0, 0, 0))).toBe(WSA.WSAEFAULT);
    expect(call(() => core.WSARecv(s, p, 1, bytes, end() - 2, 0, 0))).toBe(WSA.WSAEFAULT);
    // overlapped outside memory; completion routine refused
    expect(call(() => core.WSARecv(s, p, 1, bytes, flags, end() - 10, 0))).toBe(WSA.WSAEFAULT);
    expect(call(() => core.WSARecv(s, p, 1, bytes, flags, p + 200, 0x1234))).toBe(WSA.WSAEOPNOTSUPP);
    // WSARecvFrom's lpFrom / lpFromlen as recvfrom checks them: on a datagram socket (a stream
    // ignores them, test/winsock/audit.test.ts)
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    ws.bind(u, v4());
    dv().setInt32(p + 72, 8, true);
    expect(call(() => core.WSARecvFrom(u, p, 1, bytes, flags, p + 80, p + 72, 0, 0))).toBe(WSA.WSAEFAULT);
    expect(call(() => core.WSARecvFrom(u, p, 1, bytes, flags, p + 80, 0, 0, 0))).toBe(WSA.WSAEFAULT);
    // handles
    const dead = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    ws.closesocket(dead);
    expect(call(() => core.WSASend(dead, p, 1, bytes, 0, 0, 0))).toBe(WSA.WSAENOTSOCK);
    expect(call(() => core.WSARecv(0, p, 1, bytes, flags, 0, 0))).toBe(WSA.WSAENOTSOCK);
    expect(call(() => core.WSASend(ws.WSACreateEvent(), p, 1, bytes, 0, 0, 0))).toBe(WSA.WSAENOTSOCK);
    core.wasock_free(p);
    ws.WSACleanup();
    expect(call(() => core.WSASend(s, 0, 0, 0, 0, 0, 0))).toBe(WSA.WSANOTINITIALISED);
  });

  it("a call carrying more than the core's 64 MiB allocation limit is WSAENOBUFS", async () => {
    const ws = await started();
    const s = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    const big = new Uint8Array(33 << 20);
    expectWsa(null, () => ws.WSASend(s, [big, big]), "WSAENOBUFS");
    expect(ws.core.wasock_alloc(0)).toBe(0);
    expect(ws.core.wasock_alloc(-5)).toBe(0);
    expect(ws.core.wasock_alloc((64 << 20) + 1)).toBe(0);
  });

  it("the TypeScript methods reject wrong JS types with a TypeError", async () => {
    const ws = await started();
    const s = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    expect(() => ws.WSASend(s, "abc" as unknown as Uint8Array[])).toThrow(TypeError);
    expect(() => ws.WSARecv(s, [new Uint8Array(2), [1, 2] as unknown as Uint8Array])).toThrow(TypeError);
  });
});
