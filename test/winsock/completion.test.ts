// Completion routines in the TypeScript API (Microsoft Learn: WSARecv, WSASend,
// LPWSAOVERLAPPED_COMPLETION_ROUTINE): a function as completionRoutine is called from the event loop
// (the TS program's alertable state) once the call has completed -- never inside the call, even when
// it completed at once -- with (dwError, cbTransferred, overlapped, dwFlags); hEvent is left alone; a
// call that fails at once calls nothing; closesocket's cancellation reaches it as
// WSA_OPERATION_ABORTED. Peers are node:net and node:dgram on loopback.
import { afterEach, describe, expect, it } from "vitest";
import { expectWsa, loopbackPeers, started, until, v4 } from "./helpers.ts";
import { WSAOVERLAPPED } from "../../host/node/winsock.ts";
import * as K from "../../host/node/constants.ts";
import { WSA } from "../../host/node/errors.ts";

const { AF_INET, SOCK_STREAM, SOCK_DGRAM, IPPROTO_UDP, IPPROTO_TCP } = K;
const dec = new TextDecoder();

const peers = loopbackPeers();
afterEach(() => peers.cleanup());

interface Call { error: number; bytes: number; ov: WSAOVERLAPPED; flags: number; sync: boolean }

/** A routine that records its calls, and whether one came while `inside` was set (inside a Winsock call). */
function recorder() {
  const calls: Call[] = [];
  let inside = false;
  const fn = (error: number, bytes: number, ov: WSAOVERLAPPED, flags: number) => { calls.push({ error, bytes, ov, flags, sync: inside }); };
  const during = <T>(f: () => T): T => { inside = true; try { return f(); } finally { inside = false; } };
  return { calls, fn, during };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe("completion routines (TypeScript API)", () => {
  it("a pending receive: the routine runs from the event loop after the data came, with bytes and data in place; hEvent is not set", async () => {
    const ws = await started();
    const { s, peer } = await peers.connected(ws);
    const ev = ws.WSACreateEvent();
    const ov = new WSAOVERLAPPED(ev);
    const buf = new Uint8Array(32);
    const r = recorder();
    let seen = "";
    const fn = (e: number, n: number, o: WSAOVERLAPPED, f: number) => { seen = dec.decode(buf.subarray(0, n)); r.fn(e, n, o, f); };
    expectWsa(ws, () => ws.WSARecv(s, [buf], 0, ov, fn), "WSA_IO_PENDING");
    await tick();
    expect(r.calls).toHaveLength(0);
    peer.write("hello-A");
    await until(() => r.calls.length > 0);
    expect(r.calls).toEqual([{ error: 0, bytes: 7, ov, flags: 0, sync: false }]);
    expect(seen).toBe("hello-A");
    expect(ov.Internal).toBe(K.STATUS_SUCCESS);
    expect(ov.InternalHigh).toBe(7);
    expect(ov.hEvent).toBe(ev);
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(K.WSA_WAIT_TIMEOUT); // hEvent is the caller's
    expect(ws.WSAGetOverlappedResult(s, ov)).toEqual({ bytes: 7, flags: 0 });
    await tick();
    expect(r.calls).toHaveLength(1); // once
  });

  it("a send and a receive that complete at once still call their routines only later, from the event loop", async () => {
    const ws = await started();
    const got: Buffer[] = [];
    const { s, peer } = await peers.connected(ws);
    peer.on("data", (b) => got.push(b));
    const r = recorder();
    const ov = new WSAOVERLAPPED();
    expect(r.during(() => ws.WSASend(s, [new TextEncoder().encode("B-"), new TextEncoder().encode("data")], 0, ov, r.fn))).toBe(6);
    expect(r.calls).toHaveLength(0);
    await until(() => r.calls.length > 0);
    expect(r.calls).toEqual([{ error: 0, bytes: 6, ov, flags: 0, sync: false }]);
    await until(() => Buffer.concat(got).toString() === "B-data");

    peer.write("now");
    await ws.selectAsync(0, [s], [], [], { tv_sec: 3, tv_usec: 0 });
    const buf = new Uint8Array(16);
    const ov2 = new WSAOVERLAPPED();
    const r2 = recorder();
    expect(r2.during(() => ws.WSARecv(s, [buf], 0, ov2, r2.fn))).toEqual({ bytes: 3, flags: 0 });
    expect(r2.calls).toHaveLength(0);
    await until(() => r2.calls.length > 0);
    expect(r2.calls).toEqual([{ error: 0, bytes: 3, ov: ov2, flags: 0, sync: false }]);
    expect(dec.decode(buf.subarray(0, 3))).toBe("now");
  });

  it("a call that fails at once calls nothing; closesocket's cancellation calls with WSA_OPERATION_ABORTED", async () => {
    const ws = await started();
    const r = recorder();
    const o = ws.WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, null, 0, K.WSA_FLAG_OVERLAPPED);
    expectWsa(ws, () => ws.WSARecv(o, [new Uint8Array(4)], 0, new WSAOVERLAPPED(), r.fn), "WSAENOTCONN");
    const plain = ws.WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, null, 0, 0); // not overlapped
    ws.bind(plain, v4(0));
    expectWsa(ws, () => ws.WSARecv(plain, [new Uint8Array(4)], 0, new WSAOVERLAPPED(), r.fn), "WSAEINVAL");
    const { s } = await peers.connected(ws);
    const ov = new WSAOVERLAPPED();
    expectWsa(ws, () => ws.WSARecv(s, [new Uint8Array(4)], 0, ov, r.fn), "WSA_IO_PENDING");
    ws.closesocket(s);
    await until(() => r.calls.length > 0);
    await tick();
    expect(r.calls).toEqual([{ error: WSA.WSA_OPERATION_ABORTED, bytes: 0, ov, flags: 0, sync: false }]);
    expect(ov.Internal).toBe(K.STATUS_CANCELLED);
  });

  it("a truncated datagram completing later: dwError WSAEMSGSIZE and dwFlags MSG_PARTIAL", async () => {
    const ws = await started();
    const u = ws.WSASocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, null, 0, K.WSA_FLAG_OVERLAPPED);
    ws.bind(u, v4(0));
    const port = ws.getsockname(u).port;
    const { sock } = await peers.udp();
    const r = recorder();
    const buf = new Uint8Array(4);
    const ov = new WSAOVERLAPPED();
    expectWsa(ws, () => ws.WSARecv(u, [buf], 0, ov, r.fn), "WSA_IO_PENDING");
    sock.send(Buffer.from("truncated"), port, "127.0.0.1");
    await until(() => r.calls.length > 0);
    expect(r.calls).toEqual([{ error: WSA.WSAEMSGSIZE, bytes: 4, ov, flags: K.MSG_PARTIAL, sync: false }]);
    expect(dec.decode(buf)).toBe("trun");
  });

  it("without an overlapped the routine is ignored; a number other than 0 is still WSAEOPNOTSUPP; anything else a TypeError", async () => {
    const ws = await started();
    const { s, peer } = await peers.connected(ws);
    const r = recorder();
    expect(ws.WSASend(s, [new Uint8Array([1, 2])], 0, null, r.fn)).toBe(2);
    peer.write("x");
    await ws.selectAsync(0, [s], [], [], { tv_sec: 3, tv_usec: 0 });
    expect(ws.WSARecv(s, [new Uint8Array(4)], 0, null, r.fn).bytes).toBe(1);
    await tick();
    await tick();
    expect(r.calls).toHaveLength(0);
    expectWsa(ws, () => ws.WSASend(s, [new Uint8Array(1)], 0, new WSAOVERLAPPED(), 0x1000), "WSAEOPNOTSUPP");
    expect(() => ws.WSASend(s, [new Uint8Array(1)], 0, new WSAOVERLAPPED(), "f" as any)).toThrow(TypeError);
  });
});
