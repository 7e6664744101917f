// shutdown(SD_RECEIVE) as its Microsoft Learn page describes it: on a TCP socket, data still queued
// for recv, or arriving later, resets the connection because it cannot be delivered; recv keeps
// failing with WSAESHUTDOWN. On a UDP socket datagrams are still accepted and queued.
// Peers are node:net / node:dgram (and a second wasock socket), over loopback.
import dgram from "node:dgram";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { expectWsa, loopbackPeers, started, until, v4, Winsock } from "./helpers.ts";
import * as K from "../../host/node/constants.ts";
import { WSA } from "../../host/node/errors.ts";

const peers = loopbackPeers();
afterEach(() => peers.cleanup());

/** Records the peer's error code (ECONNRESET expected) and whether it saw end. */
function watch(peer: net.Socket): { err: string | null; ended: boolean; got: Buffer[] } {
  const w = { err: null as string | null, ended: false, got: [] as Buffer[] };
  peer.on("error", (e: NodeJS.ErrnoException) => { w.err = e.code ?? String(e); });
  peer.on("end", () => { w.ended = true; });
  peer.on("data", (d) => w.got.push(d));
  return w;
}

function recvFailsShutdown(ws: Winsock, s: number): void {
  expectWsa(ws, () => ws.recv(s, new Uint8Array(16)), "WSAESHUTDOWN");
  expectWsa(ws, () => ws.recv(s, new Uint8Array(16), K.MSG_PEEK), "WSAESHUTDOWN");
}

describe("shutdown(SD_RECEIVE) on TCP", () => {
  it("data queued at the call: the connection is reset (node:net peer: ECONNRESET); recv WSAESHUTDOWN, send WSAECONNABORTED", async () => {
    const ws = await started();
    const { s, peer } = await peers.connected(ws);
    const w = watch(peer);
    peer.write("unread");
    await until(() => ws.ioctlsocket(s, K.FIONREAD) === 6);
    expect(ws.shutdown(s, K.SD_RECEIVE)).toBe(0);
    await until(() => w.err !== null);
    expect(w.err).toBe("ECONNRESET");
    expect(w.ended).toBe(false);
    recvFailsShutdown(ws, s);
    expect(ws.ioctlsocket(s, K.FIONREAD)).toBe(0);
    expectWsa(ws, () => ws.send(s, Buffer.from("x")), "WSAECONNABORTED");
    recvFailsShutdown(ws, s); // still, after the reset
    expect(ws.closesocket(s)).toBe(0);
  });

  it("nothing queued: the connection stays up (sending still works) until data arrives, which resets it", async () => {
    const ws = await started();
    const { s, peer } = await peers.connected(ws);
    const w = watch(peer);
    expect(ws.shutdown(s, K.SD_RECEIVE)).toBe(0);
    recvFailsShutdown(ws, s);
    await ws.sendAsync(s, Buffer.from("still sending"));
    await until(() => Buffer.concat(w.got).length === 13);
    expect(Buffer.concat(w.got).toString()).toBe("still sending");
    expect(w.err).toBeNull();
    // Data after the shutdown cannot be delivered: RST.
    peer.write("too late");
    await until(() => w.err !== null);
    expect(w.err).toBe("ECONNRESET");
    await until(() => (ws.sockInfo(s)!.flags & 128) !== 0); // the core heard of the reset
    recvFailsShutdown(ws, s);
    expectWsa(ws, () => ws.send(s, Buffer.from("x")), "WSAECONNABORTED");
    expect(ws.ioctlsocket(s, K.FIONREAD)).toBe(0);
    ws.closesocket(s);
  });

  it("after SD_SEND, data arriving still resets (the half-open peer saw end, then its next write meets the RST)", async () => {
    const ws = await started();
    let peer: net.Socket | null = null;
    const srv = net.createServer({ allowHalfOpen: true }, (c) => { peer = c; });
    peers.defer(() => { peer?.destroy(); srv.close(); });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const s = ws.socket(K.AF_INET, K.SOCK_STREAM, 0);
    await ws.connectAsync(s, v4((srv.address() as net.AddressInfo).port));
    await until(() => peer !== null);
    const w = watch(peer!);
    expect(ws.shutdown(s, K.SD_SEND)).toBe(0);
    await until(() => w.ended);
    expect(ws.shutdown(s, K.SD_RECEIVE)).toBe(0);
    peer!.write("after both");
    await until(() => (ws.sockInfo(s)!.flags & 128) !== 0);
    // The peer, having read end, no longer reads: its next write meets the RST (Linux reports a
    // reset received in CLOSE-WAIT as EPIPE).
    const second = await new Promise<string | undefined>((r) => {
      setTimeout(() => peer!.write("again", (e) => r((e as NodeJS.ErrnoException | null | undefined)?.code)), 50);
    });
    expect(second).toBe("EPIPE");
    recvFailsShutdown(ws, s);
    ws.closesocket(s);
  });

  it("SD_BOTH with data queued resets at once; a wasock peer's recv reads WSAECONNRESET", async () => {
    const ws = await started();
    const l = ws.socket(K.AF_INET, K.SOCK_STREAM, 0);
    ws.bind(l, v4());
    ws.listen(l, 1);
    const c = ws.socket(K.AF_INET, K.SOCK_STREAM, 0);
    const conn = ws.connectAsync(c, ws.getsockname(l));
    const a = await ws.acceptAsync(l);
    await conn;
    await ws.sendAsync(c, Buffer.from("queued"));
    await until(() => ws.ioctlsocket(a, K.FIONREAD) === 6);
    expect(ws.shutdown(a, K.SD_BOTH)).toBe(0);
    const b = new Uint8Array(8);
    let err = 0;
    try { await ws.recvAsync(c, b); } catch (e) { err = (e as { errno: number }).errno; }
    expect(err).toBe(WSA.WSAECONNRESET);
    recvFailsShutdown(ws, a);
    for (const h of [a, c, l]) ws.closesocket(h);
  });

  it("the reset reaches WSAEventSelect as FD_CLOSE with WSAECONNABORTED", async () => {
    const ws = await started();
    const { s, peer } = await peers.connected(ws);
    watch(peer);
    const ev = ws.WSACreateEvent();
    ws.WSAEventSelect(s, ev, K.FD_CLOSE);
    expect(ws.shutdown(s, K.SD_RECEIVE)).toBe(0);
    expect(ws.WSAEnumNetworkEvents(s, ev).lNetworkEvents & K.FD_CLOSE).toBe(0);
    peer.write("x");
    await until(() => ws.WSAWaitForMultipleEvents([ev], false, 0) === 0);
    const ne = ws.WSAEnumNetworkEvents(s, ev);
    expect(ne.lNetworkEvents & K.FD_CLOSE).toBe(K.FD_CLOSE);
    expect(ne.iErrorCode[K.FD_CLOSE_BIT]).toBe(WSA.WSAECONNABORTED);
    ws.closesocket(s);
    ws.WSACloseEvent(ev);
  });
});

describe("shutdown(SD_RECEIVE) on UDP", () => {
  it("datagrams are still accepted and queued (FIONREAD counts them); recvfrom fails WSAESHUTDOWN", async () => {
    const ws = await started();
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    ws.bind(u, v4());
    const port = ws.getsockname(u).port;
    expect(ws.shutdown(u, K.SD_RECEIVE)).toBe(0);
    const sender = dgram.createSocket("udp4");
    peers.defer(() => sender.close());
    sender.send(Buffer.from("kept"), port, "127.0.0.1");
    await until(() => ws.ioctlsocket(u, K.FIONREAD) === 4);
    expectWsa(ws, () => ws.recvfrom(u, new Uint8Array(8), 0, {}), "WSAESHUTDOWN");
    // Sending is not affected by SD_RECEIVE.
    const back = await peers.udp();
    expect(ws.sendto(u, Buffer.from("out"), 0, v4(back.port))).toBe(3);
    await until(() => back.got.length === 1);
    expect(back.got[0].toString()).toBe("out");
    ws.closesocket(u);
  });
});
