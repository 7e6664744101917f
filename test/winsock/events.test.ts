// reference/winsock-behaviour.md "select and events" (the WSAEventSelect half), Microsoft Learn
// WSAEventSelect / WSAEnumNetworkEvents / WSAWaitForMultipleEvents / closesocket, against real
// node:net and node:dgram peers.
import net from "node:net";
import dgram from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { expectWsa, expectWsaAsync, started, until, v4, Winsock, freePort } from "./helpers.ts";
import * as K from "../../host/node/constants.ts";
import { WSA } from "../../host/node/errors.ts";

const { AF_INET, SOCK_STREAM, SOCK_DGRAM, SOL_SOCKET, FD_READ, FD_WRITE, FD_ACCEPT, FD_CONNECT, FD_CLOSE } = K;
const ALL = FD_READ | FD_WRITE | K.FD_OOB | FD_ACCEPT | FD_CONNECT | FD_CLOSE;

let cleanups: Array<() => void> = [];
afterEach(() => { for (const f of cleanups) f(); cleanups = []; });

async function server(onConn: (c: net.Socket) => void): Promise<number> {
  const srv = net.createServer((c) => { c.on("error", () => {}); onConn(c); });
  cleanups.push(() => srv.close());
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return (srv.address() as net.AddressInfo).port;
}

/** A wasock client connected to a node:net peer, and that peer. */
async function connected(ws: Winsock): Promise<{ s: number; peer: net.Socket }> {
  let peer: net.Socket | null = null;
  const port = await server((c) => { peer = c; });
  const s = ws.socket(AF_INET, SOCK_STREAM, 0);
  await ws.connectAsync(s, v4(port));
  await until(() => peer !== null);
  cleanups.push(() => peer!.destroy());
  return { s, peer: peer! };
}

const signalled = (ws: Winsock, ev: number) => ws.WSAWaitForMultipleEvents([ev], false, 0) === K.WSA_WAIT_EVENT_0;
const flags = (ws: Winsock, s: number) => ws.sockInfo(s)!.flags;
const settle = () => new Promise((r) => setTimeout(r, 30));

describe("event objects", () => {
  it("are manual-reset: set stays set across waits until reset; wait-any gives the lowest signalled index", async () => {
    const ws = await started();
    const e = [ws.WSACreateEvent(), ws.WSACreateEvent(), ws.WSACreateEvent()];
    expect(new Set(e).size).toBe(3);
    for (const h of e) expect(h).not.toBe(K.WSA_INVALID_EVENT);
    expect(ws.WSAWaitForMultipleEvents(e, false, 0)).toBe(K.WSA_WAIT_TIMEOUT);
    expect(ws.WSASetEvent(e[2])).toBe(true);
    expect(ws.WSAWaitForMultipleEvents(e, false, 0)).toBe(K.WSA_WAIT_EVENT_0 + 2);
    expect(ws.WSAWaitForMultipleEvents(e, false, 0)).toBe(K.WSA_WAIT_EVENT_0 + 2); // still set
    ws.WSASetEvent(e[1]);
    expect(ws.WSAWaitForMultipleEvents(e, false, 0)).toBe(K.WSA_WAIT_EVENT_0 + 1);
    expect(ws.WSAResetEvent(e[1])).toBe(true);
    expect(ws.WSAWaitForMultipleEvents(e, false, 0)).toBe(K.WSA_WAIT_EVENT_0 + 2);
    ws.WSAResetEvent(e[2]);
    expect(ws.WSAWaitForMultipleEvents(e, false, 0)).toBe(K.WSA_WAIT_TIMEOUT);
  });

  it("wait-all: WSA_WAIT_EVENT_0 only when every event is set; a repeated handle is WSA_INVALID_PARAMETER (wait-any allows it)", async () => {
    const ws = await started();
    const a = ws.WSACreateEvent(), b = ws.WSACreateEvent();
    ws.WSASetEvent(a);
    expect(ws.WSAWaitForMultipleEvents([a, b], true, 0)).toBe(K.WSA_WAIT_TIMEOUT);
    ws.WSASetEvent(b);
    expect(ws.WSAWaitForMultipleEvents([a, b], true, 0)).toBe(K.WSA_WAIT_EVENT_0);
    expectWsa(ws, () => ws.WSAWaitForMultipleEvents([a, b, a], true, 0), "WSA_INVALID_PARAMETER");
    expect(ws.WSAWaitForMultipleEvents([b, b], false, 0)).toBe(K.WSA_WAIT_EVENT_0);
  });

  it("a closed, never-created or socket handle is WSA_INVALID_HANDLE; an event is not a socket", async () => {
    const ws = await started();
    const e = ws.WSACreateEvent();
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    expect(e).not.toBe(s);
    expect(e % 4).not.toBe(0); // SOCKETs are multiples of 4, events never are
    expect(ws.WSACloseEvent(e)).toBe(true);
    expectWsa(ws, () => ws.WSASetEvent(e), "WSA_INVALID_HANDLE");
    expectWsa(ws, () => ws.WSAResetEvent(e), "WSA_INVALID_HANDLE");
    expectWsa(ws, () => ws.WSACloseEvent(e), "WSA_INVALID_HANDLE");
    expectWsa(ws, () => ws.WSACloseEvent(K.WSA_INVALID_EVENT), "WSA_INVALID_HANDLE");
    expectWsa(ws, () => ws.WSAWaitForMultipleEvents([e], false, 0), "WSA_INVALID_HANDLE");
    const live = ws.WSACreateEvent();
    ws.WSASetEvent(live);
    // One bad handle fails the whole wait, even when another is signalled.
    expectWsa(ws, () => ws.WSAWaitForMultipleEvents([live, e], false, 0), "WSA_INVALID_HANDLE");
    expectWsa(ws, () => ws.WSAWaitForMultipleEvents([live, s], false, 0), "WSA_INVALID_HANDLE");
    expectWsa(ws, () => ws.WSASetEvent(s), "WSA_INVALID_HANDLE");
    expectWsa(ws, () => ws.closesocket(live), "WSAENOTSOCK");
    expectWsa(ws, () => ws.recv(live, new Uint8Array(1)), "WSAENOTSOCK");
    // The slot is reused with a new generation: the old handle stays invalid.
    const again = ws.WSACreateEvent();
    expect(again).not.toBe(e);
    expectWsa(ws, () => ws.WSASetEvent(e), "WSA_INVALID_HANDLE");
  });

  it("0 or 65 events is WSA_INVALID_PARAMETER; 64 (WSA_MAXIMUM_WAIT_EVENTS) is fine", async () => {
    const ws = await started();
    const e = Array.from({ length: 65 }, () => ws.WSACreateEvent());
    expectWsa(ws, () => ws.WSAWaitForMultipleEvents([], false, 0), "WSA_INVALID_PARAMETER");
    expectWsa(ws, () => ws.WSAWaitForMultipleEvents(e, false, 0), "WSA_INVALID_PARAMETER");
    expectWsa(ws, () => ws.WSAWaitForMultipleEvents(e, true, 0), "WSA_INVALID_PARAMETER");
    const e64 = e.slice(0, 64);
    expect(ws.WSAWaitForMultipleEvents(e64, false, 0)).toBe(K.WSA_WAIT_TIMEOUT);
    ws.WSASetEvent(e64[63]);
    expect(ws.WSAWaitForMultipleEvents(e64, false, 0)).toBe(K.WSA_WAIT_EVENT_0 + 63);
    for (const h of e64) ws.WSASetEvent(h);
    expect(ws.WSAWaitForMultipleEvents(e64, true, 0)).toBe(K.WSA_WAIT_EVENT_0);
  });

  it("need no WSAStartup, survive WSACleanup, and run out with WSA_NOT_ENOUGH_MEMORY", async () => {
    const ws = await Winsock.create();
    const e = ws.WSACreateEvent();
    ws.WSASetEvent(e);
    expect(ws.WSAWaitForMultipleEvents([e], false, 0)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAStartup(0x0202, {})).toBe(0);
    ws.WSACleanup();
    expect(ws.WSAWaitForMultipleEvents([e], false, 0)).toBe(K.WSA_WAIT_EVENT_0);
    const made = [e];
    let err: unknown;
    for (let i = 0; i < 2000 && err === undefined; i++) {
      try { made.push(ws.WSACreateEvent()); } catch (x) { err = x; }
    }
    expect((err as { code?: string }).code).toBe("WSA_NOT_ENOUGH_MEMORY");
    expect(made.length).toBe(1024);
    ws.WSACloseEvent(made[500]);
    expect(ws.WSACreateEvent()).toBeGreaterThan(0); // a freed slot is usable again
  });

  it("WSAWaitForMultipleEventsAsync waits for WSASetEvent, times out with WSA_WAIT_TIMEOUT, waits for all with fWaitAll", async () => {
    const ws = await started();
    const a = ws.WSACreateEvent(), b = ws.WSACreateEvent();
    const t0 = Date.now();
    expect(await ws.WSAWaitForMultipleEventsAsync([a, b], false, 60)).toBe(K.WSA_WAIT_TIMEOUT);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
    setTimeout(() => ws.WSASetEvent(b), 10);
    expect(await ws.WSAWaitForMultipleEventsAsync([a, b], false, K.WSA_INFINITE)).toBe(K.WSA_WAIT_EVENT_0 + 1);
    let all = -1;
    const p = ws.WSAWaitForMultipleEventsAsync([a, b], true, 2000).then((r) => (all = r));
    await settle();
    expect(all).toBe(-1); // b alone does not complete a wait-all
    ws.WSASetEvent(a);
    await p;
    expect(all).toBe(K.WSA_WAIT_EVENT_0);
    // Already signalled: at once, even with a zero timeout.
    expect(await ws.WSAWaitForMultipleEventsAsync([a], false, 0)).toBe(K.WSA_WAIT_EVENT_0);
    const c = ws.WSACreateEvent();
    const q = ws.WSAWaitForMultipleEventsAsync([c], false, K.WSA_INFINITE);
    ws.WSACloseEvent(c);
    await expectWsaAsync(q, "WSA_INVALID_HANDLE");
    await expectWsaAsync(ws.WSAWaitForMultipleEventsAsync([c], false, 10), "WSA_INVALID_HANDLE");
  });
});

describe("WSAEventSelect", () => {
  it("makes the socket non-blocking; FIONBIO 0 fails with WSAEINVAL until WSAEventSelect(s, 0, 0) cancels", async () => {
    const ws = await started();
    const { s } = await connected(ws);
    const ev = ws.WSACreateEvent();
    expect(flags(ws, s) & 1).toBe(0);
    expect(ws.WSAEventSelect(s, ev, FD_READ)).toBe(0);
    expect(flags(ws, s) & 1).toBe(1);
    expectWsa(ws, () => ws.ioctlsocket(s, K.FIONBIO, 0), "WSAEINVAL");
    const zero = new Uint8Array(4);
    expectWsa(ws, () => ws.WSAIoctl(s, K.FIONBIO, zero, 0), "WSAEINVAL");
    expect(ws.ioctlsocket(s, K.FIONBIO, 1)).toBe(0);
    // A "blocking" recv on it now fails at once.
    await expectWsaAsync(ws.recvAsync(s, new Uint8Array(4)), "WSAEWOULDBLOCK");
    expect(ws.WSAEventSelect(s, 0, 0)).toBe(0);
    expect(flags(ws, s) & 1).toBe(1); // still non-blocking after the cancel
    expect(ws.ioctlsocket(s, K.FIONBIO, 0)).toBe(0);
    expect(flags(ws, s) & 1).toBe(0);
  });

  it("bad arguments: WSANOTINITIALISED, WSAENOTSOCK, WSAEINVAL for a dead event, WSAEFAULT for the record pointer", async () => {
    const fresh = await Winsock.create();
    const ev0 = fresh.WSACreateEvent();
    expectWsa(fresh, () => fresh.WSAEventSelect(4096, ev0, FD_READ), "WSANOTINITIALISED");
    const ws = await started();
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    const ev = ws.WSACreateEvent();
    const dead = ws.WSACreateEvent();
    ws.WSACloseEvent(dead);
    expectWsa(ws, () => ws.WSAEventSelect(s + 4000, ev, FD_READ), "WSAENOTSOCK");
    expectWsa(ws, () => ws.WSAEventSelect(ev, ev, FD_READ), "WSAENOTSOCK");
    expectWsa(ws, () => ws.WSAEventSelect(s, dead, FD_READ), "WSAEINVAL");
    expectWsa(ws, () => ws.WSAEventSelect(s, 0, FD_READ), "WSAEINVAL");
    expect(ws.WSAEventSelect(s, dead, 0)).toBe(0); // a cancel ignores the event
    expectWsa(ws, () => ws.WSAEnumNetworkEvents(s, dead), "WSAEINVAL");
    expectWsa(ws, () => ws.WSAEnumNetworkEvents(s + 4000, ev), "WSAENOTSOCK");
    const c = ws.core;
    expect(c.WSAEnumNetworkEvents(s, ev, 0)).toBe(-1);
    expect(c.WSAGetLastError()).toBe(WSA.WSAEFAULT);
    expect(c.WSAEnumNetworkEvents(s, ev, 0xfffffff0)).toBe(-1);
    expect(c.WSAGetLastError()).toBe(WSA.WSAEFAULT);
    // Nothing associated: an empty record.
    expect(ws.WSAEnumNetworkEvents(s, ev)).toEqual({ lNetworkEvents: 0, iErrorCode: new Array(10).fill(0) });
  });

  it("FD_CONNECT with 0 (and FD_WRITE) when a non-blocking connect succeeds", async () => {
    const ws = await started();
    const port = await server(() => {});
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev, ALL);
    expectWsa(ws, () => ws.connect(s, v4(port)), "WSAEWOULDBLOCK");
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    const ne = ws.WSAEnumNetworkEvents(s, ev);
    expect(ne.lNetworkEvents).toBe(FD_CONNECT | FD_WRITE);
    expect(ne.iErrorCode[K.FD_CONNECT_BIT]).toBe(0);
    expect(signalled(ws, ev)).toBe(false); // WSAEnumNetworkEvents reset it
    await settle();
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(0); // once only
  });

  it("FD_CONNECT carries WSAECONNREFUSED when nothing listens", async () => {
    const ws = await started();
    const port = await freePort();
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev, FD_CONNECT | FD_WRITE | FD_CLOSE);
    expectWsa(ws, () => ws.connect(s, v4(port)), "WSAEWOULDBLOCK");
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    const ne = ws.WSAEnumNetworkEvents(s, ev);
    expect(ne.lNetworkEvents).toBe(FD_CONNECT);
    expect(ne.iErrorCode[K.FD_CONNECT_BIT]).toBe(WSA.WSAECONNREFUSED);
  });

  it("FD_READ is re-armed by recv: recorded again at once while data remains, never without a recv", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev, FD_READ | FD_CLOSE);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(0);
    peer.write(Buffer.alloc(100, 1));
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_READ);
    // More data without a recv in between: not recorded again.
    peer.write(Buffer.alloc(50, 2));
    await until(() => ws.sockInfo(s)!.rxAvail === 150);
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 50)).toBe(K.WSA_WAIT_TIMEOUT);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(0);
    // recv of part of it re-enables, and data remains: recorded at once.
    expect(ws.recv(s, new Uint8Array(10))).toBe(10);
    expect(signalled(ws, ev)).toBe(true);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_READ);
    // MSG_PEEK re-enables too (the data is still there).
    expect(ws.recv(s, new Uint8Array(10), K.MSG_PEEK)).toBe(10);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_READ);
    // Reading everything re-enables without recording; the next data records it.
    expect(ws.recv(s, new Uint8Array(1000))).toBe(140);
    expect(signalled(ws, ev)).toBe(false);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(0);
    const waiting = ws.WSAWaitForMultipleEventsAsync([ev], false, 3000);
    peer.write("x");
    expect(await waiting).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_READ);
    // A failing recv re-enables as well: nothing left, so nothing is recorded.
    expect(ws.recv(s, new Uint8Array(8))).toBe(1);
    expectWsa(ws, () => ws.recv(s, new Uint8Array(8)), "WSAEWOULDBLOCK");
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(0);
  });

  it("FD_WRITE once when connected, and again only after a send failed with WSAEWOULDBLOCK", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    peer.pause(); // fill the pipe: the peer does not read
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev, FD_WRITE);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_WRITE); // writable now: recorded at once
    const chunk = Buffer.alloc(1 << 20, 7);
    let sent = 0;
    let blocked = false;
    for (let i = 0; i < 200 && !blocked; i++) {
      try { sent += ws.send(s, chunk); } catch (e) { expect((e as { code: string }).code).toBe("WSAEWOULDBLOCK"); blocked = true; }
      if (i === 0) {
        // A send that succeeds does not re-enable FD_WRITE.
        await settle();
        expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(0);
      }
    }
    expect(blocked).toBe(true);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(0); // not writable yet
    let got = 0;
    peer.on("data", (d: Buffer) => (got += d.length));
    peer.resume();
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 5000)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_WRITE);
    expect(ws.send(s, chunk)).toBe(chunk.length); // FD_WRITE meant a send succeeds now
    sent += chunk.length;
    await until(() => got === sent, 10000);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(0); // drained, but no WSAEWOULDBLOCK since
  });

  it("FD_ACCEPT is re-armed by accept: two queued connections, recorded once, again after the first accept", async () => {
    const ws = await started();
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.bind(l, v4());
    ws.listen(l, 5);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(l, ev, FD_ACCEPT);
    const port = ws.getsockname(l).port;
    const clients = [net.connect(port, "127.0.0.1"), net.connect(port, "127.0.0.1")];
    for (const c of clients) { c.on("error", () => {}); cleanups.push(() => c.destroy()); }
    await until(() => ws.sockInfo(l)!.pendingAccepts === 2);
    expect(signalled(ws, ev)).toBe(true);
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents).toBe(FD_ACCEPT);
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents).toBe(0); // the second arrival did not record it again
    const a1 = ws.accept(l);
    expect(signalled(ws, ev)).toBe(true); // one still waits
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents).toBe(FD_ACCEPT);
    const a2 = ws.accept(l);
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents).toBe(0);
    expect(a1).not.toBe(a2);
    expectWsa(ws, () => ws.accept(l), "WSAEWOULDBLOCK");
    const third = net.connect(port, "127.0.0.1");
    third.on("error", () => {});
    cleanups.push(() => third.destroy());
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents).toBe(FD_ACCEPT);
  });

  it("an accepted socket inherits the listener's event object and mask (and is non-blocking)", async () => {
    const ws = await started();
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.bind(l, v4());
    ws.listen(l, 5);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(l, ev, FD_ACCEPT | FD_READ | FD_WRITE | FD_CLOSE);
    const c = net.connect(ws.getsockname(l).port, "127.0.0.1");
    c.on("error", () => {});
    cleanups.push(() => c.destroy());
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents).toBe(FD_ACCEPT);
    const a = ws.accept(l);
    expect(ws.core.wasock_sock_info(a, 12)).toBe(FD_ACCEPT | FD_READ | FD_WRITE | FD_CLOSE);
    expect(flags(ws, a) & 1).toBe(1);
    expectWsa(ws, () => ws.ioctlsocket(a, K.FIONBIO, 0), "WSAEINVAL");
    expect(signalled(ws, ev)).toBe(true); // the same event object: FD_WRITE of the new socket
    expect(ws.WSAEnumNetworkEvents(a, ev).lNetworkEvents).toBe(FD_WRITE);
    c.write("hi");
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(a, ev).lNetworkEvents).toBe(FD_READ);
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents).toBe(0);
  });

  it("FD_CLOSE with 0 on a graceful close, once the data before the FIN has been read", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev, FD_READ | FD_CLOSE);
    peer.end("bye");
    await until(() => (flags(ws, s) & 16) !== 0); // FIN arrived
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_READ);
    expect(ws.recv(s, new Uint8Array(16))).toBe(3);
    const ne = ws.WSAEnumNetworkEvents(s, ev);
    expect(ne.lNetworkEvents).toBe(FD_CLOSE);
    expect(ne.iErrorCode[K.FD_CLOSE_BIT]).toBe(0);
    expect(ws.recv(s, new Uint8Array(16))).toBe(0);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(0); // once
  });

  it("FD_CLOSE with WSAECONNRESET when the peer resets", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev, FD_READ | FD_WRITE | FD_CLOSE);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_WRITE);
    peer.resetAndDestroy();
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    const ne = ws.WSAEnumNetworkEvents(s, ev);
    expect(ne.lNetworkEvents).toBe(FD_CLOSE);
    expect(ne.iErrorCode[K.FD_CLOSE_BIT]).toBe(WSA.WSAECONNRESET);
    expectWsa(ws, () => ws.recv(s, new Uint8Array(4)), "WSAECONNRESET");
  });

  it("conditions that already hold are recorded by WSAEventSelect itself", async () => {
    const ws = await started();
    // Data waiting, connected and writable (and connected by connect: FD_CONNECT).
    const { s, peer } = await connected(ws);
    peer.write("data");
    await until(() => ws.sockInfo(s)!.rxAvail === 4);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev, ALL);
    expect(signalled(ws, ev)).toBe(true);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_READ | FD_WRITE | FD_CONNECT);
    // A new WSAEventSelect clears the record and records again what holds.
    ws.WSAEventSelect(s, ev, FD_READ);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents).toBe(FD_READ);
    // Peer closed (and the data read).
    ws.recv(s, new Uint8Array(8));
    peer.end();
    await until(() => (flags(ws, s) & 16) !== 0);
    const ev2 = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev2, FD_CLOSE);
    const ne = ws.WSAEnumNetworkEvents(s, ev2);
    expect(ne.lNetworkEvents).toBe(FD_CLOSE);
    expect(ne.iErrorCode[K.FD_CLOSE_BIT]).toBe(0);
    // A pending connection.
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.bind(l, v4());
    ws.listen(l, 5);
    const c = net.connect(ws.getsockname(l).port, "127.0.0.1");
    c.on("error", () => {});
    cleanups.push(() => c.destroy());
    await until(() => ws.sockInfo(l)!.pendingAccepts === 1);
    const ev3 = ws.WSACreateEvent();
    ws.WSAEventSelect(l, ev3, ALL);
    expect(ws.WSAEnumNetworkEvents(l, ev3).lNetworkEvents).toBe(FD_ACCEPT);
    // An accepted socket (not connected by connect) records FD_WRITE but no FD_CONNECT.
    const a = ws.accept(l);
    const ev4 = ws.WSACreateEvent();
    ws.WSAEventSelect(a, ev4, ALL);
    expect(ws.WSAEnumNetworkEvents(a, ev4).lNetworkEvents).toBe(FD_WRITE);
  });

  it("UDP: FD_WRITE at once, FD_READ per datagram re-armed by recvfrom, FD_CONNECT at a datagram connect", async () => {
    const ws = await started();
    const u = ws.socket(AF_INET, SOCK_DGRAM, 0);
    ws.bind(u, v4());
    const port = ws.getsockname(u).port;
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(u, ev, FD_READ | FD_WRITE | FD_CONNECT);
    expect(ws.WSAEnumNetworkEvents(u, ev).lNetworkEvents).toBe(FD_WRITE);
    const peer = dgram.createSocket("udp4");
    cleanups.push(() => peer.close());
    await new Promise<void>((r) => peer.bind(0, "127.0.0.1", r));
    const send = (m: string) => new Promise<void>((r) => peer.send(m, port, "127.0.0.1", () => r()));
    await send("one");
    await send("two");
    await until(() => ws.sockInfo(u)!.rxAvail === 6);
    expect(ws.WSAEnumNetworkEvents(u, ev).lNetworkEvents).toBe(FD_READ); // recorded once for both
    const b = new Uint8Array(16);
    const from: any = {};
    expect(ws.recvfrom(u, b, 0, from)).toBe(3);
    expect(from.port).toBe(peer.address().port);
    expect(ws.WSAEnumNetworkEvents(u, ev).lNetworkEvents).toBe(FD_READ); // the second datagram waits
    expect(ws.recvfrom(u, b, 0, null)).toBe(3);
    expect(ws.WSAEnumNetworkEvents(u, ev).lNetworkEvents).toBe(0);
    const waiting = ws.WSAWaitForMultipleEventsAsync([ev], false, 3000);
    await send("three");
    expect(await waiting).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(u, ev).lNetworkEvents).toBe(FD_READ);
    expect(ws.recvfrom(u, b, 0, null)).toBe(5);
    ws.connect(u, v4(peer.address().port));
    const ne = ws.WSAEnumNetworkEvents(u, ev);
    expect(ne.lNetworkEvents).toBe(FD_CONNECT);
    expect(ne.iErrorCode[K.FD_CONNECT_BIT]).toBe(0);
  });

  it("closesocket ends the association; events shared with other sockets keep working", async () => {
    const ws = await started();
    const one = await connected(ws);
    const two = await connected(ws);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(one.s, ev, FD_READ);
    ws.WSAEventSelect(two.s, ev, FD_READ);
    ws.closesocket(one.s);
    expectWsa(ws, () => ws.WSAEnumNetworkEvents(one.s, ev), "WSAENOTSOCK");
    one.peer.write("lost");
    await settle();
    expect(signalled(ws, ev)).toBe(false);
    two.peer.write("kept");
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(two.s, ev).lNetworkEvents).toBe(FD_READ);
  });
});

describe("WSAEventSelect, more cases", () => {
  it("associating while a connect is under way still records its FD_CONNECT", async () => {
    const ws = await started();
    const port = await server(() => {});
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.ioctlsocket(s, K.FIONBIO, 1);
    expectWsa(ws, () => ws.connect(s, v4(port)), "WSAEWOULDBLOCK");
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev, FD_CONNECT);
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    const ne = ws.WSAEnumNetworkEvents(s, ev);
    expect(ne.lNetworkEvents).toBe(FD_CONNECT);
    expect(ne.iErrorCode[K.FD_CONNECT_BIT]).toBe(0);
  });

  it("IPv6: FD_ACCEPT on a listener, FD_READ on the accepted socket, the 64th event of a wait", async () => {
    const ws = await started();
    const l = ws.socket(K.AF_INET6, SOCK_STREAM, 0);
    ws.bind(l, { family: K.AF_INET6, address: "::1", port: 0 });
    ws.listen(l, 5);
    const idle = Array.from({ length: 63 }, () => ws.WSACreateEvent());
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(l, ev, FD_ACCEPT | FD_READ);
    const waiting = ws.WSAWaitForMultipleEventsAsync([...idle, ev], false, 3000);
    const c = net.connect(ws.getsockname(l).port, "::1");
    c.on("error", () => {});
    cleanups.push(() => c.destroy());
    expect(await waiting).toBe(K.WSA_WAIT_EVENT_0 + 63);
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents).toBe(FD_ACCEPT);
    const a = ws.accept(l);
    c.write("six");
    expect(await ws.WSAWaitForMultipleEventsAsync([...idle, ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0 + 63);
    expect(ws.WSAEnumNetworkEvents(a, ev).lNetworkEvents).toBe(FD_READ);
    expect(ws.recv(a, new Uint8Array(8))).toBe(3);
  });
});

describe("closesocket with SO_LINGER {1, n} on a non-blocking socket", () => {
  it("fails with WSAEWOULDBLOCK while sent data is queued and leaves the socket open; closes once it is sent", async () => {
    const ws = await started();
    const { s, peer } = await connected(ws);
    peer.pause();
    let got = 0;
    ws.ioctlsocket(s, K.FIONBIO, 1);
    ws.setsockopt(s, SOL_SOCKET, K.SO_LINGER, { l_onoff: 1, l_linger: 5 });
    const total = 16 << 20; // more than loopback buffers take while the peer does not read
    ws.send(s, Buffer.alloc(total, 3));
    expect(ws.sockInfo(s)!.sndQueued).toBeGreaterThan(0);
    expectWsa(ws, () => ws.closesocket(s), "WSAEWOULDBLOCK");
    expect(ws.sockInfo(s)).not.toBeNull(); // still open
    expect(ws.getsockopt(s, SOL_SOCKET, K.SO_TYPE)).toBe(SOCK_STREAM);
    let ended = false;
    peer.on("data", (d: Buffer) => (got += d.length));
    peer.on("end", () => (ended = true));
    peer.resume();
    await until(() => ws.sockInfo(s)!.sndQueued === 0, 10000);
    expect(ws.closesocket(s)).toBe(0);
    expect(ws.sockInfo(s)).toBeNull();
    await until(() => ended, 5000);
    expect(got).toBe(total); // graceful: every byte, then FIN
  });

  it("closes at once when nothing is queued; a blocking socket's closesocketAsync still lingers", async () => {
    const ws = await started();
    const { s } = await connected(ws);
    ws.ioctlsocket(s, K.FIONBIO, 1);
    ws.setsockopt(s, SOL_SOCKET, K.SO_LINGER, { l_onoff: 1, l_linger: 5 });
    ws.send(s, Buffer.from("small"));
    await until(() => ws.sockInfo(s)!.sndQueued === 0);
    expect(ws.closesocket(s)).toBe(0);
    const b = await connected(ws);
    b.peer.pause();
    ws.setsockopt(b.s, SOL_SOCKET, K.SO_LINGER, { l_onoff: 1, l_linger: 1 });
    ws.send(b.s, Buffer.alloc(16 << 20));
    const t0 = Date.now();
    expect(await ws.closesocketAsync(b.s)).toBe(0); // blocking: waits out the linger, then resets
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });
});

describe("an event loop in the Windows CE style", () => {
  it("one loop over WSAWaitForMultipleEventsAsync serves a listener and its clients, echoing for several node:net clients", async () => {
    const ws = await started();
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.bind(l, v4());
    ws.listen(l, 16);
    const port = ws.getsockname(l).port;
    // Parallel arrays, as a Windows CE server keeps them for WSAWaitForMultipleEvents.
    const socks = [l];
    const evs = [ws.WSACreateEvent()];
    const queued = new Map<number, Buffer[]>();
    const peerDone = new Set<number>();
    ws.WSAEventSelect(l, evs[0], FD_ACCEPT | FD_CLOSE);
    const N = 6;
    let served = 0;
    let waits = 0;
    const buf = new Uint8Array(16384);

    const flush = (s: number): void => {
      const q = queued.get(s)!;
      while (q.length > 0) {
        let n: number;
        try { n = ws.send(s, q[0]); } catch (e) {
          if ((e as { code: string }).code === "WSAEWOULDBLOCK") return; // FD_WRITE comes when it would succeed
          throw e;
        }
        if (n === q[0].length) q.shift(); else q[0] = q[0].subarray(n);
      }
    };
    const drain = (s: number): void => {
      for (;;) {
        let n: number;
        try { n = ws.recv(s, buf); } catch (e) {
          if ((e as { code: string }).code === "WSAEWOULDBLOCK") return;
          throw e;
        }
        if (n === 0) { peerDone.add(s); return; }
        queued.get(s)!.push(Buffer.from(buf.subarray(0, n)));
      }
    };

    const loop = async (): Promise<void> => {
      while (served < N) {
        const r = await ws.WSAWaitForMultipleEventsAsync(evs, false, 5000);
        if (r === K.WSA_WAIT_TIMEOUT) throw new Error("event loop stalled");
        waits++;
        const gone: number[] = [];
        // The signalled index and every later one that is signalled too (lower ones win the wait).
        for (let i = r - K.WSA_WAIT_EVENT_0; i < socks.length; i++) {
          if (ws.WSAWaitForMultipleEvents([evs[i]], false, 0) !== K.WSA_WAIT_EVENT_0) continue;
          const s = socks[i];
          const ne = ws.WSAEnumNetworkEvents(s, evs[i]);
          if (ne.lNetworkEvents & FD_ACCEPT) {
            for (;;) {
              let a: number;
              try { a = ws.accept(l); } catch { break; }
              const ev = ws.WSACreateEvent();
              ws.WSAEventSelect(a, ev, FD_READ | FD_WRITE | FD_CLOSE);
              socks.push(a);
              evs.push(ev);
              queued.set(a, []);
            }
            continue;
          }
          if (ne.lNetworkEvents & FD_CLOSE) expect(ne.iErrorCode[K.FD_CLOSE_BIT]).toBe(0);
          if (ne.lNetworkEvents & (FD_READ | FD_CLOSE)) drain(s);
          if (ne.lNetworkEvents & FD_CLOSE) peerDone.add(s);
          flush(s);
          if (peerDone.has(s) && queued.get(s)!.length === 0) {
            ws.closesocket(s);
            ws.WSACloseEvent(evs[i]);
            gone.push(i);
            served++;
          }
        }
        for (const i of gone.reverse()) { socks.splice(i, 1); evs.splice(i, 1); }
      }
    };

    const client = (size: number, seed: number) => new Promise<boolean>((resolve, reject) => {
      const data = Buffer.alloc(size);
      for (let i = 0; i < size; i++) data[i] = (i * 31 + seed) & 0xff;
      const got: Buffer[] = [];
      const c = net.connect(port, "127.0.0.1", () => { c.end(data); });
      c.on("data", (d: Buffer) => got.push(d));
      c.on("end", () => resolve(Buffer.concat(got).equals(data)));
      c.on("error", reject);
      cleanups.push(() => c.destroy());
    });

    const sizes = [1, 100, 5000, 70000, 300000, 1 << 20];
    const [done, ...echoes] = await Promise.all([loop(), ...sizes.map((n, k) => client(n, k))]);
    void done;
    expect(echoes).toEqual(sizes.map(() => true));
    expect(served).toBe(N);
    expect(socks).toEqual([l]);
    expect(waits).toBeGreaterThan(N);
  });
});
