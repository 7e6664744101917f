// WSAAccept with a condition function in the TypeScript API (Microsoft Learn, WSAAccept): the
// function sees the caller's (the connecting peer's) and the callee's addresses and decides:
// CF_ACCEPT hands the socket out, CF_REJECT resets the connection (WSAECONNREFUSED), CF_DEFER
// leaves it at the head of the backlog (WSATRY_AGAIN). Callers are node:net clients on loopback.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { expectWsa, expectWsaAsync, started, until, v4, v6, Winsock } from "./helpers.ts";
import type { ConditionProc } from "../../host/node/winsock.ts";
import type { SockAddr } from "../../host/node/sockaddr.ts";
import * as K from "../../host/node/constants.ts";

const { AF_INET, AF_INET6, SOCK_STREAM } = K;

let cleanups: Array<() => void> = [];
afterEach(() => { for (const c of cleanups.splice(0)) c(); });

async function listening(ws: Winsock, af = AF_INET): Promise<{ l: number; port: number }> {
  const l = ws.socket(af, SOCK_STREAM, 0);
  ws.bind(l, af === AF_INET ? v4() : v6());
  ws.listen(l, 5);
  return { l, port: ws.getsockname(l).port };
}

/** A node:net client connected to the listener, with what it received and how it ended. */
async function caller(port: number, host = "127.0.0.1") {
  const c = net.connect(port, host);
  const got: Buffer[] = [];
  const end = { error: "", closed: false };
  c.on("data", (d) => got.push(d));
  c.on("error", (e: NodeJS.ErrnoException) => { end.error = e.code ?? String(e); });
  c.on("close", () => { end.closed = true; });
  await new Promise<void>((r) => c.once("connect", () => r()));
  cleanups.push(() => c.destroy());
  return { c, got, end };
}

interface Seen { callerId: SockAddr | null; calleeId: SockAddr | null; nulls: boolean; g: number; data: unknown }

/** A condition function returning `verdict`, recording each call. */
function condition(verdict: number | (() => number)) {
  const calls: Seen[] = [];
  const fn: ConditionProc = (callerId, callerData, sqos, gqos, calleeId, calleeData, g, data) => {
    calls.push({ callerId, calleeId, nulls: callerData === null && sqos === null && gqos === null && calleeData === null, g: g.value, data });
    return typeof verdict === "function" ? verdict() : verdict;
  };
  return { fn, calls };
}

const readable = (ws: Winsock, l: number) => ws.WSAPoll([{ fd: l, events: K.POLLRDNORM, revents: 0 }], 0);

describe("WSAAccept's condition function (TypeScript API)", () => {
  it("CF_DEFER: WSATRY_AGAIN, the connection stays pending with its data; CF_ACCEPT then hands out the same one", async () => {
    const ws = await started();
    const { l, port } = await listening(ws);
    const peer = await caller(port);
    peer.c.write("early");
    const tag = { mine: true };
    const defer = condition(K.CF_DEFER);
    await expectWsaAsync(ws.WSAAcceptAsync(l, null, defer.fn, tag), "WSATRY_AGAIN");
    expect(ws.WSAGetLastError()).toBe(11002);
    expect(defer.calls).toHaveLength(1);
    const seen = defer.calls[0];
    expect(seen.callerId).toEqual({ family: AF_INET, address: "127.0.0.1", port: peer.c.localPort });
    expect(seen.calleeId).toMatchObject({ family: AF_INET, address: "127.0.0.1", port });
    expect(seen.nulls).toBe(true);
    expect(seen.g).toBe(0);
    expect(seen.data).toBe(tag);
    expect(readable(ws, l)).toBe(1);

    const accept = condition(K.CF_ACCEPT);
    const addr: Partial<SockAddr> = {};
    const s = ws.WSAAccept(l, addr, undefined, accept.fn, tag);
    expect(ws.WSAGetLastError()).toBe(0);
    expect(accept.calls[0].callerId?.port).toBe(peer.c.localPort);
    expect(addr.port).toBe(peer.c.localPort);
    expect(ws.getpeername(s).port).toBe(peer.c.localPort);
    const buf = new Uint8Array(16);
    await until(() => ws.ioctlsocket(s, K.FIONREAD) >= 5);
    expect(Buffer.from(buf.subarray(0, ws.recv(s, buf))).toString()).toBe("early");
    ws.send(s, Buffer.from("reply"));
    await until(() => peer.got.length > 0);
    expect(Buffer.concat(peer.got).toString()).toBe("reply");
    expect(readable(ws, l)).toBe(0);
    ws.closesocket(s);
    ws.closesocket(l);
  });

  it("CF_REJECT: WSAECONNREFUSED, and the caller's connection is reset", async () => {
    const ws = await started();
    const { l, port } = await listening(ws);
    const peer = await caller(port);
    const reject = condition(K.CF_REJECT);
    await expectWsaAsync(ws.WSAAcceptAsync(l, null, reject.fn), "WSAECONNREFUSED");
    expect(ws.WSAGetLastError()).toBe(10061);
    await until(() => peer.end.closed);
    expect(peer.end.error).toBe("ECONNRESET");
    expect(readable(ws, l)).toBe(0);
    ws.closesocket(l);
  });

  it("another value is WSAEINVAL and an exception is rethrown; either way the connection waits for the next accept", async () => {
    const ws = await started();
    const { l, port } = await listening(ws);
    const peer = await caller(port);
    await expectWsaAsync(ws.WSAAcceptAsync(l, null, condition(7).fn), "WSAEINVAL");
    const boom = new Error("condition failed");
    await expect(ws.WSAAcceptAsync(l, null, condition(() => { throw boom; }).fn)).rejects.toBe(boom);
    expect(readable(ws, l)).toBe(1);
    const addr: Partial<SockAddr> = {};
    const s = ws.accept(l, addr);
    expect(addr.port).toBe(peer.c.localPort);
    ws.closesocket(s);
    ws.closesocket(l);
  });

  it("a non-blocking listener with nothing pending: WSAEWOULDBLOCK, and the function is not called", async () => {
    const ws = await started();
    const { l } = await listening(ws);
    ws.ioctlsocket(l, K.FIONBIO, 1);
    const c = condition(K.CF_ACCEPT);
    expectWsa(ws, () => ws.WSAAccept(l, null, undefined, c.fn), "WSAEWOULDBLOCK");
    expect(c.calls).toHaveLength(0);
    ws.closesocket(l);
  });

  it("a deferral records FD_ACCEPT again, and closing the listener resets the deferred connection", async () => {
    const ws = await started();
    const { l, port } = await listening(ws);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(l, ev, K.FD_ACCEPT);
    const peer = await caller(port);
    expect(await ws.WSAWaitForMultipleEventsAsync([ev], false, 3000)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents & K.FD_ACCEPT).toBe(K.FD_ACCEPT);
    expectWsa(ws, () => ws.WSAAccept(l, null, undefined, condition(K.CF_DEFER).fn), "WSATRY_AGAIN");
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAEnumNetworkEvents(l, ev).lNetworkEvents & K.FD_ACCEPT).toBe(K.FD_ACCEPT);
    ws.closesocket(l);
    await until(() => peer.end.closed);
    expect(peer.end.error).toBe("ECONNRESET");
    ws.WSACloseEvent(ev);
  });

  it("a function that closes the listener and defers: WSAENOTSOCK, and the connection is reset rather than orphaned", async () => {
    const ws = await started();
    const { l, port } = await listening(ws);
    const peer = await caller(port);
    await expectWsaAsync(ws.WSAAcceptAsync(l, null, condition(() => { ws.closesocket(l); return K.CF_DEFER; }).fn), "WSAENOTSOCK");
    expect(ws.core.wasock_live()).toBe(0); // neither the listener nor the connection is left
    await until(() => peer.end.closed);
    expect(peer.end.error).toBe("ECONNRESET");
  });

  it("over IPv6 the caller's and callee's addresses are sockaddr_in6", async () => {
    const ws = await started();
    const { l, port } = await listening(ws, AF_INET6);
    const peer = await caller(port, "::1");
    const c = condition(K.CF_ACCEPT);
    const s = await ws.WSAAcceptAsync(l, null, c.fn);
    expect(c.calls[0].callerId).toMatchObject({ family: AF_INET6, address: "::1", port: peer.c.localPort });
    expect(c.calls[0].calleeId).toMatchObject({ family: AF_INET6, address: "::1", port });
    ws.closesocket(s);
    ws.closesocket(l);
  });
});
