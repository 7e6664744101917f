// WSAIoctl with an overlapped in the TypeScript API (Microsoft Learn, WSAIoctl): the codes wasock
// knows complete at once, so the call returns and the completion is indicated at once -- Internal
// and InternalHigh filled and hEvent set, or, with a completion routine, the routine called from the
// event loop with hEvent left alone. A socket created without WSA_FLAG_OVERLAPPED ignores both.
import { afterEach, describe, expect, it } from "vitest";
import { expectWsa, loopbackPeers, started, until } from "./helpers.ts";
import { WSAOVERLAPPED } from "../../host/node/winsock.ts";
import * as K from "../../host/node/constants.ts";

const peers = loopbackPeers();
afterEach(() => peers.cleanup());

const u32 = (v: number) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, v, true); return b; };
const tick = () => new Promise<void>((r) => setImmediate(r));

describe("overlapped WSAIoctl (TypeScript API)", () => {
  it("completes at once: Internal, InternalHigh and WSAGetOverlappedResult give the bytes returned, and hEvent is set", async () => {
    const ws = await started();
    const { s, peer } = await peers.connected(ws);
    peer.write("12345");
    await until(() => ws.ioctlsocket(s, K.FIONREAD) === 5);
    const ev = ws.WSACreateEvent();
    const ov = new WSAOVERLAPPED(ev);
    ov.Internal = 0xdead;
    const r = ws.WSAIoctl(s, K.FIONREAD, null, 4, false, ov);
    expect(new DataView(r.out.buffer).getUint32(0, true)).toBe(5);
    expect(ov.Internal).toBe(K.STATUS_SUCCESS);
    expect(ov.InternalHigh).toBe(4);
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.WSAGetOverlappedResult(s, ov)).toEqual({ bytes: 4, flags: 0 });
    ws.WSAResetEvent(ev);
    expect(ws.WSAIoctl(s, K.FIONBIO, u32(1), 0, true, ov).bytesReturned).toBe(0);
    expect(ov.InternalHigh).toBe(0);
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(K.WSA_WAIT_EVENT_0);
    expect(ws.recv(s, new Uint8Array(8))).toBe(5);
    expectWsa(ws, () => ws.recv(s, new Uint8Array(8)), "WSAEWOULDBLOCK"); // FIONBIO took effect
  });

  it("with a completion routine: called from the event loop with (0, bytes, overlapped, 0); hEvent left alone; a failing call calls nothing", async () => {
    const ws = await started();
    const { s } = await peers.connected(ws);
    const ev = ws.WSACreateEvent();
    const ov = new WSAOVERLAPPED(ev);
    const calls: unknown[][] = [];
    const fn = (...a: unknown[]) => { calls.push(a); };
    ws.WSAIoctl(s, K.SIOCATMARK, null, 4, true, ov, fn);
    expect(calls).toHaveLength(0);
    await tick();
    expect(calls).toEqual([[0, 4, ov, 0]]);
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(K.WSA_WAIT_TIMEOUT);
    expectWsa(ws, () => ws.WSAIoctl(s, 0x12345678, null, 4, true, ov, fn), "WSAEINVAL");
    await tick();
    expect(calls).toHaveLength(1);
  });

  it("a socket created without WSA_FLAG_OVERLAPPED ignores the overlapped and the routine", async () => {
    const ws = await started();
    const plain = ws.WSASocket(K.AF_INET, K.SOCK_STREAM, K.IPPROTO_TCP, null, 0, 0);
    const ev = ws.WSACreateEvent();
    const ov = new WSAOVERLAPPED(ev);
    ov.Internal = 0xdead;
    const calls: unknown[] = [];
    expect(ws.WSAIoctl(plain, K.FIONBIO, u32(1), 0, true, ov, () => calls.push(1)).bytesReturned).toBe(0);
    await tick();
    expect(ov.Internal).toBe(0xdead);
    expect(calls).toHaveLength(0);
    expect(ws.WSAWaitForMultipleEvents([ev], false, 0)).toBe(K.WSA_WAIT_TIMEOUT);
  });
});
