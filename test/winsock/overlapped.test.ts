// Overlapped WSASend / WSARecv / WSARecvFrom with event completion (Microsoft Learn: WSARecv,
// WSASend, WSAGetOverlappedResult, WSAOVERLAPPED; Windows keeps an NTSTATUS in Internal:
// STATUS_PENDING 0x103 while queued) against node:net and node:dgram peers: pending -> completion ->
// hEvent set -> WSAGetOverlappedResult, several receives queued in order, truncated datagrams,
// cancellation by closesocket / WSACleanup, resets, and the raw WSAOVERLAPPED the core writes.
import { afterEach, describe, expect, it } from "vitest";
import { expectWsa, expectWsaAsync, loopbackPeers, started, until, v4, Winsock, WinsockError } from "./helpers.ts";
import { WSAOVERLAPPED } from "../../host/node/winsock.ts";
import * as K from "../../host/node/constants.ts";
import { WSA } from "../../host/node/errors.ts";

const { AF_INET, SOCK_STREAM, SOCK_DGRAM, IPPROTO_UDP, IPPROTO_TCP } = K;
const enc = new TextEncoder();
const dec = new TextDecoder();

const peers = loopbackPeers();
afterEach(() => peers.cleanup());
const connected = peers.connected;
const udpPeer = async () => (await peers.udp()).sock;

/** Calls fn, expecting WSA_IO_PENDING. */
function pending(ws: Winsock, fn: () => unknown): void {
  expectWsa(ws, fn, "WSA_IO_PENDING");
}

function errOf(fn: () => unknown): WinsockError & { bytes?: number; flags?: number } {
  try { fn(); } catch (e) { return e as WinsockError; }
  throw new Error("no error");
}

describe("overlapped receive", () => {
  it("pends, completes when data arrives, sets hEvent, and WSAGetOverlappedResult gives the bytes", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const ev = ws.WSACreateEvent();
    const ov = new WSAOVERLAPPED(ev);
    const a = new Uint8Array(3), b = new Uint8Array(8);
    pending(ws, () => ws.WSARecv(s, [a, b], 0, ov));
    expect(ov.Internal).toBe(K.STATUS_PENDING);
    expect(ws.overlappedPending(s)).toBe(1);
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(K.WSA_WAIT_TIMEOUT);
    expectWsa(ws, () => ws.WSAGetOverlappedResult(s, ov, false), "WSA_IO_INCOMPLETE");
    expectWsa(ws, () => ws.WSAGetOverlappedResult(s, ov, true), "WSA_IO_INCOMPLETE"); // the core never waits
    peer.write("overlapped!");
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ov.Internal).toBe(K.STATUS_SUCCESS);
    expect(ws.WSAGetOverlappedResult(s, ov, false)).toEqual({ bytes: ov.InternalHigh, flags: 0 });
    const n = ov.InternalHigh;
    expect(n).toBeGreaterThan(0);
    expect((dec.decode(a) + dec.decode(b)).slice(0, n)).toBe("overlapped!".slice(0, n));
    expect(ws.overlappedPending(s)).toBe(0);
  });

  it("ignores the low bit of hEvent (it only keeps completion ports from being told)", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const ev = ws.WSACreateEvent();
    const ov = new WSAOVERLAPPED(ev | 1);
    pending(ws, () => ws.WSARecv(s, [new Uint8Array(4)], 0, ov));
    peer.write("bit0");
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(0);
    expect(ws.WSAGetOverlappedResult(s, ov).bytes).toBe(4);
  });

  it("with WSAEventSelect: data taken by a queued receive records no FD_READ; data left over does", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const sel = ws.WSACreateEvent();
    ws.WSAEventSelect(s, sel, K.FD_READ);
    const ov = new WSAOVERLAPPED(ws.WSACreateEvent());
    const buf = new Uint8Array(4);
    pending(ws, () => ws.WSARecv(s, [buf], 0, ov));
    peer.write("four");
    expect(await ws.WSAGetOverlappedResultAsync(s, ov)).toEqual({ bytes: 4, flags: 0 });
    expect(ws.WSAEnumNetworkEvents(s, sel).lNetworkEvents & K.FD_READ).toBe(0);
    const ov2 = new WSAOVERLAPPED(ws.WSACreateEvent());
    pending(ws, () => ws.WSARecv(s, [buf], 0, ov2));
    peer.write("fourmore");
    await ws.WSAGetOverlappedResultAsync(s, ov2);
    await until(() => ws.sockInfo(s)!.rxAvail === 4);
    expect(ws.WSAEnumNetworkEvents(s, sel).lNetworkEvents & K.FD_READ).toBe(K.FD_READ);
  });

  it("completes at once when data is there: returns the bytes, fills the WSAOVERLAPPED, sets hEvent", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    peer.write("ready");
    await until(() => ws.sockInfo(s)!.rxAvail === 5);
    const ev = ws.WSACreateEvent();
    const ov = new WSAOVERLAPPED(ev);
    const buf = new Uint8Array(16);
    expect(ws.WSARecv(s, [buf], 0, ov)).toEqual({ bytes: 5, flags: 0 });
    expect(ov.Internal).toBe(0);
    expect(ov.InternalHigh).toBe(5);
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(0);
    expect(ws.WSAGetOverlappedResult(s, ov)).toEqual({ bytes: 5, flags: 0 });
    expect(dec.decode(buf.subarray(0, 5))).toBe("ready");
  });

  it("several queued receives complete in the order they were made", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const evs = [ws.WSACreateEvent(), ws.WSACreateEvent(), ws.WSACreateEvent()];
    const ovs = evs.map((e) => new WSAOVERLAPPED(e));
    const bufs = evs.map(() => new Uint8Array(4));
    for (let i = 0; i < 3; i++) pending(ws, () => ws.WSARecv(s, [bufs[i]], 0, ovs[i]));
    expect(ws.overlappedPending(s)).toBe(3);
    peer.write("aaaabbbbcccc");
    expect(await ws.WSAWaitForMultipleEventsAsync(evs, true, 3000)).toBe(0);
    // A stream may deliver the 12 bytes in pieces; every receive gets the next bytes, in order.
    let got = "";
    for (let i = 0; i < 3; i++) {
      const r = ws.WSAGetOverlappedResult(s, ovs[i]);
      got += dec.decode(bufs[i].subarray(0, r.bytes));
    }
    while (got.length < 12) {
      const c = new Uint8Array(12);
      got += dec.decode(c.subarray(0, (await ws.WSARecvAsync(s, [c])).bytes));
    }
    expect(got).toBe("aaaabbbbcccc");
    expect(dec.decode(bufs[0])).toBe("aaaa");
  });

  it("a receive made while others are queued waits behind them even if data is there", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const ov1 = new WSAOVERLAPPED(ws.WSACreateEvent()), ov2 = new WSAOVERLAPPED(ws.WSACreateEvent());
    const b1 = new Uint8Array(2), b2 = new Uint8Array(2);
    pending(ws, () => ws.WSARecv(s, [b1], 0, ov1));
    pending(ws, () => ws.WSARecv(s, [b2], 0, ov2));
    peer.write("xy");
    await ws.WSAGetOverlappedResultAsync(s, ov1);
    expect(dec.decode(b1)).toBe("xy");
    expectWsa(ws, () => ws.WSAGetOverlappedResult(s, ov2), "WSA_IO_INCOMPLETE");
    peer.write("zw");
    expect(await ws.WSAGetOverlappedResultAsync(s, ov2)).toEqual({ bytes: 2, flags: 0 });
    expect(dec.decode(b2)).toBe("zw");
  });

  it("non-blocking mode does not apply: an overlapped receive still pends", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    ws.ioctlsocket(s, K.FIONBIO, 1);
    expectWsa(ws, () => ws.WSARecv(s, [new Uint8Array(4)]), "WSAEWOULDBLOCK");
    const ov = new WSAOVERLAPPED(ws.WSACreateEvent());
    const buf = new Uint8Array(4);
    pending(ws, () => ws.WSARecv(s, [buf], 0, ov));
    peer.write("nbio");
    expect((await ws.WSAGetOverlappedResultAsync(s, ov)).bytes).toBe(4);
    expect(dec.decode(buf)).toBe("nbio");
  });

  it("FIN completes queued receives with 0 bytes; a reset with WSAECONNRESET", async () => {
    const ws = await started();
    const a = await connected(ws);
    const ov = new WSAOVERLAPPED(ws.WSACreateEvent());
    pending(ws, () => ws.WSARecv(a.s, [new Uint8Array(4)], 0, ov));
    a.peer.end();
    expect(await ws.WSAGetOverlappedResultAsync(a.s, ov)).toEqual({ bytes: 0, flags: 0 });
    const b = await connected(ws);
    const ov2 = new WSAOVERLAPPED(ws.WSACreateEvent());
    pending(ws, () => ws.WSARecv(b.s, [new Uint8Array(4)], 0, ov2));
    b.peer.resetAndDestroy();
    await expectWsaAsync(ws.WSAGetOverlappedResultAsync(b.s, ov2), "WSAECONNRESET");
    expect(ov2.Internal).toBe(0xc000020d); // STATUS_CONNECTION_RESET
  });

  it("datagrams: one per queued WSARecvFrom, with its sender; a truncated one gives MSG_PARTIAL", async () => {
    const ws = await started();
    const peer = await udpPeer();
    const s = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ws.bind(s, v4(0));
    const port = ws.getsockname(s).port;
    const ovs = [new WSAOVERLAPPED(ws.WSACreateEvent()), new WSAOVERLAPPED(ws.WSACreateEvent())];
    const froms: Array<Record<string, unknown>> = [{}, {}];
    const bufs = [[new Uint8Array(2), new Uint8Array(10)], [new Uint8Array(3)]];
    for (let i = 0; i < 2; i++) pending(ws, () => ws.WSARecvFrom(s, bufs[i], 0, froms[i], ovs[i]));
    peer.send("first one", port, "127.0.0.1");
    expect(await ws.WSAGetOverlappedResultAsync(s, ovs[0])).toEqual({ bytes: 9, flags: 0 });
    expect(dec.decode(bufs[0][0]) + dec.decode(bufs[0][1].subarray(0, 7))).toBe("first one");
    expect(froms[0]).toMatchObject({ address: "127.0.0.1", port: peer.address().port });
    peer.send("second", port, "127.0.0.1");
    await expectWsaAsync(ws.WSAGetOverlappedResultAsync(s, ovs[1]), "WSAEMSGSIZE");
    const e = errOf(() => ws.WSAGetOverlappedResult(s, ovs[1]));
    expect(e.code).toBe("WSAEMSGSIZE");
    expect(e.bytes).toBe(3);
    expect(e.flags).toBe(K.MSG_PARTIAL);
    expect(ovs[1].Internal).toBe(K.STATUS_BUFFER_OVERFLOW);
    expect(dec.decode(bufs[1][0])).toBe("sec");
    expect(froms[1]).toMatchObject({ port: peer.address().port });
  });
});

describe("overlapped datagram already queued", () => {
  it("a truncated datagram taken at once: WSAEMSGSIZE now, and the WSAOVERLAPPED completed with MSG_PARTIAL", async () => {
    const ws = await started();
    const peer = await udpPeer();
    const s = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ws.bind(s, v4(0));
    peer.send("0123456789", ws.getsockname(s).port, "127.0.0.1");
    await until(() => ws.sockInfo(s)!.rxAvail === 10);
    const ev = ws.WSACreateEvent();
    const ov = new WSAOVERLAPPED(ev);
    const a = new Uint8Array(2), b = new Uint8Array(2);
    const e = errOf(() => ws.WSARecv(s, [a, b], 0, ov));
    expect([e.code, e.bytes, e.flags]).toEqual(["WSAEMSGSIZE", 4, K.MSG_PARTIAL]);
    expect(dec.decode(a) + dec.decode(b)).toBe("0123");
    expect(ov).toMatchObject({ Internal: K.STATUS_BUFFER_OVERFLOW, InternalHigh: 4 });
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(0);
    const e2 = errOf(() => ws.WSAGetOverlappedResult(s, ov));
    expect([e2.code, e2.bytes, e2.flags]).toEqual(["WSAEMSGSIZE", 4, K.MSG_PARTIAL]);
    expect(ws.sockInfo(s)!.rxAvail).toBe(0); // the rest is gone
  });
});

describe("overlapped send", () => {
  it("a datagram WSASendTo completes at once", async () => {
    const ws = await started();
    const peer = await udpPeer();
    const got: string[] = [];
    peer.on("message", (m) => got.push(m.toString()));
    const s = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    const ev = ws.WSACreateEvent();
    const ov = new WSAOVERLAPPED(ev);
    expect(ws.WSASendTo(s, [enc.encode("ab"), enc.encode("cd")], 0, v4(peer.address().port), ov)).toBe(4);
    expect(ov).toMatchObject({ Internal: 0, InternalHigh: 4 });
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(0);
    await until(() => got.length === 1);
    expect(got).toEqual(["abcd"]);
  });

  it("pends while the peer does not read, and completes in order once it does", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    peer.pause();
    let received = 0;
    const chunk = new Uint8Array(1 << 20).fill(0x5a);
    const ovs: WSAOVERLAPPED[] = [];
    let immediate = 0;
    for (let i = 0; i < 64; i++) {
      const ov = new WSAOVERLAPPED(ws.WSACreateEvent());
      try {
        immediate += ws.WSASend(s, [chunk], 0, ov);
      } catch (e) {
        expect((e as WinsockError).code).toBe("WSA_IO_PENDING");
        ovs.push(ov);
        if (ovs.length === 3) break;
        continue;
      }
      await new Promise((r) => setImmediate(r));
    }
    expect(ovs.length).toBe(3);
    expect(ws.overlappedPending(s)).toBe(3);
    expectWsa(ws, () => ws.WSAGetOverlappedResult(s, ovs[2]), "WSA_IO_INCOMPLETE");
    peer.on("data", (d) => { received += d.length; });
    peer.resume();
    const results = [];
    for (const ov of ovs) results.push(await ws.WSAGetOverlappedResultAsync(s, ov));
    expect(results.map((r) => r.bytes)).toEqual([1 << 20, 1 << 20, 1 << 20]);
    await until(() => received === immediate + 3 * (1 << 20), 10000);
  });
});

describe("cancellation and refusals", () => {
  it("closesocket completes queued calls with WSA_OPERATION_ABORTED and leaves the buffers alone", async () => {
    const ws = await started();
    const { s } = await connected(ws);
    const ev = ws.WSACreateEvent();
    const ovs = [new WSAOVERLAPPED(ev), new WSAOVERLAPPED(ev)];
    const buf = new Uint8Array(4).fill(7);
    for (const ov of ovs) pending(ws, () => ws.WSARecv(s, [buf], 0, ov));
    const waiting = ws.WSAGetOverlappedResultAsync(s, ovs[1]);
    ws.closesocket(s);
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(0);
    for (const ov of ovs) {
      expect(ov).toMatchObject({ Internal: K.STATUS_CANCELLED, InternalHigh: 0 });
      expectWsa(ws, () => ws.WSAGetOverlappedResult(s, ov), "WSA_OPERATION_ABORTED");
    }
    await expectWsaAsync(waiting, "WSA_OPERATION_ABORTED");
    expect([...buf]).toEqual([7, 7, 7, 7]);
  });

  it("WSACleanup cancels too; shutdown(SD_RECEIVE) fails queued receives with WSAESHUTDOWN", async () => {
    const ws = await started();
    const a = await connected(ws);
    const ov = new WSAOVERLAPPED(ws.WSACreateEvent());
    pending(ws, () => ws.WSARecv(a.s, [new Uint8Array(4)], 0, ov));
    ws.shutdown(a.s, K.SD_RECEIVE);
    expect(ov.Internal).toBe(WSA.WSAESHUTDOWN); // a failure without an NTSTATUS of its own keeps its code
    expectWsa(ws, () => ws.WSAGetOverlappedResult(a.s, ov), "WSAESHUTDOWN");
    const b = await connected(ws);
    const ov2 = new WSAOVERLAPPED(ws.WSACreateEvent());
    pending(ws, () => ws.WSARecv(b.s, [new Uint8Array(4)], 0, ov2));
    ws.WSACleanup();
    expect(ov2.Internal).toBe(K.STATUS_CANCELLED);
    expect(ws.WSAStartup(0x0202, {})).toBe(0);
    expectWsa(ws, () => ws.WSAGetOverlappedResult(b.s, ov2), "WSA_OPERATION_ABORTED");
  });

  it("refuses a socket made without WSA_FLAG_OVERLAPPED, completion routines and a WSAOVERLAPPED in flight", async () => {
    const ws = await started();
    const plain = ws.WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, null, 0, 0);
    ws.bind(plain, v4(0));
    const ov = new WSAOVERLAPPED(ws.WSACreateEvent());
    expectWsa(ws, () => ws.WSARecv(plain, [new Uint8Array(4)], 0, ov), "WSAEINVAL");
    expectWsa(ws, () => ws.WSARecv(plain, [new Uint8Array(4)]), "WSAEWOULDBLOCK"); // without: a plain recv
    const o = ws.WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, null, 0, K.WSA_FLAG_OVERLAPPED);
    expectWsa(ws, () => ws.WSASend(o, [new Uint8Array(1)], 0, ov, 0x1000), "WSAEOPNOTSUPP");
    const { s } = await connected(ws);
    pending(ws, () => ws.WSARecv(s, [new Uint8Array(4)], 0, ov));
    expect(() => ws.WSARecv(s, [new Uint8Array(4)], 0, ov)).toThrow(WinsockError);
    ws.closesocket(s);
    expect(ws.overlappedPending(s)).toBe(-1);
  });

  it("queues at most 1024 calls per socket (then WSAENOBUFS), all cancelled by closesocket", async () => {
    const ws = await started();
    const { s } = await connected(ws);
    const ovs: WSAOVERLAPPED[] = [];
    for (let i = 0; i < 1024; i++) {
      const ov = new WSAOVERLAPPED(0);
      pending(ws, () => ws.WSARecv(s, [new Uint8Array(1)], 0, ov));
      ovs.push(ov);
    }
    expectWsa(ws, () => ws.WSARecv(s, [new Uint8Array(1)], 0, new WSAOVERLAPPED(0)), "WSAENOBUFS");
    expect(ws.overlappedPending(s)).toBe(1024);
    ws.closesocket(s);
    expect(ovs.every((ov) => ov.Internal === K.STATUS_CANCELLED)).toBe(true);
  });

  it("WSAGetOverlappedResult's raw checks: pointers, pending on a dead handle, not initialised", async () => {
    const ws = await started();
    const core = ws.core;
    const { s } = await connected(ws);
    const p = core.wasock_alloc(128) >>> 0;
    const dv = () => new DataView(core.memory.buffer);
    const end = () => core.memory.buffer.byteLength; // read at each use: calls may grow memory
    const get = (h: number, ovl: number, cb: number, fl: number) => {
      const r = core.WSAGetOverlappedResult(h, ovl, cb, 0, fl);
      return r === 1 ? 0 : core.WSAGetLastError();
    };
    new Uint8Array(core.memory.buffer, p, 128).fill(0);
    expect(get(s, 0, p + 64, p + 68)).toBe(WSA.WSAEFAULT);
    expect(get(s, end() - 12, p + 64, p + 68)).toBe(WSA.WSAEFAULT);
    expect(get(s, p, 0, p + 68)).toBe(WSA.WSAEFAULT);
    expect(get(s, p, p + 64, 0)).toBe(WSA.WSAEFAULT);
    expect(get(s, p, p + 64, p + 68)).toBe(0); // Internal 0: a success of InternalHigh bytes
    dv().setUint32(p, K.STATUS_PENDING, true);
    expect(get(s, p, p + 64, p + 68)).toBe(WSA.WSA_IO_INCOMPLETE);
    expect(get(s + 4, p, p + 64, p + 68)).toBe(WSA.WSAENOTSOCK);
    dv().setUint32(p, WSA.WSAENETRESET, true); // a failure stored as its own code
    dv().setUint32(p + 4, 9, true);
    expect(get(s, p, p + 64, p + 68)).toBe(WSA.WSAENETRESET);
    expect(dv().getUint32(p + 64, true)).toBe(9);
    core.wasock_free(p);
    ws.WSACleanup();
    expect(get(s, p, p + 64, p + 68)).toBe(WSA.WSANOTINITIALISED);
  });
});
