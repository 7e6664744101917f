// Audit of the core against Windows: each case is a behaviour Microsoft Learn documents, which the
// core once did differently. Real peers (node:dgram) where data crosses the host.
import { afterEach, describe, expect, it } from "vitest";
import { expectWsa, loopbackPeers, started, until, v4 } from "./helpers.ts";
import { WSA } from "../../host/node/errors.ts";
import * as K from "../../host/node/constants.ts";

const peers = loopbackPeers();
afterEach(() => peers.cleanup());

describe("WSAPoll (learn.microsoft.com/windows/win32/api/winsock2/nf-winsock2-wsapoll, ns-winsock2-wsapollfd)", () => {
  // WSAPOLLFD.fd: "This parameter is ignored if set to a negative value." Its revents is 0 on return
  // and it is not counted.
  it("an entry with a negative fd is ignored: revents 0, not counted", async () => {
    const ws = await started();
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    const fds = [{ fd: -1, events: K.POLLIN, revents: 0x7777 }, { fd: u, events: K.POLLOUT, revents: 0 }];
    expect(ws.WSAPoll(fds)).toBe(1);
    expect(fds[0].revents).toBe(0);
    expect(fds[1].revents).toBe(K.POLLWRNORM);
  });

  // "If the POLLPRI flag is set on a socket for the Microsoft Winsock provider, the WSAPoll function
  // will fail." (WSAEINVAL: only flags the provider supports are allowed.)
  it("POLLPRI in events fails with WSAEINVAL", async () => {
    const ws = await started();
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    expectWsa(ws, () => ws.WSAPoll([{ fd: u, events: K.POLLPRI | K.POLLOUT, revents: 0 }]), "WSAEINVAL");
    expect(ws.WSAPoll([{ fd: u, events: K.POLLRDBAND | K.POLLOUT, revents: 0 }])).toBe(1);
  });

  // WSAEINVAL "is also returned if none of the sockets specified in the fd member of any of the
  // WSAPOLLFD structures pointed to by the fdarray parameter were valid." One valid socket among
  // invalid ones: the invalid ones read POLLNVAL.
  it("no valid socket at all is WSAEINVAL; one valid socket makes the others POLLNVAL", async () => {
    const ws = await started();
    const dead = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    ws.closesocket(dead);
    expectWsa(ws, () => ws.WSAPoll([{ fd: dead, events: K.POLLIN, revents: 0 }]), "WSAEINVAL");
    expectWsa(ws, () => ws.WSAPoll([{ fd: -1, events: K.POLLIN, revents: 0 }, { fd: dead, events: K.POLLIN, revents: 0 }]), "WSAEINVAL");
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    const fds = [{ fd: dead, events: K.POLLIN, revents: 0 }, { fd: u, events: K.POLLIN, revents: 0 }];
    expect(ws.WSAPoll(fds)).toBe(1);
    expect(fds[0].revents).toBe(K.POLLNVAL);
    expect(fds[1].revents).toBe(0);
  });
});

describe("accept (learn.microsoft.com/windows/win32/api/winsock2/nf-winsock2-accept)", () => {
  // WSAEOPNOTSUPP: "The referenced socket is not a type that supports connection-oriented service."
  it("accept on a datagram socket is WSAEOPNOTSUPP, not WSAEINVAL", async () => {
    const ws = await started();
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    ws.bind(u, v4());
    expectWsa(ws, () => ws.accept(u), "WSAEOPNOTSUPP");
  });
});

describe("select (learn.microsoft.com/windows/win32/api/winsock2/nf-winsock2-select)", () => {
  // "The default value of FD_SETSIZE is 64, which can be modified by defining FD_SETSIZE to another
  // value before including Winsock2.h": select reads fd_count entries, whatever FD_SETSIZE the
  // program was compiled with; nfds is ignored.
  it("an fd_set with more than 64 sockets (a program's own FD_SETSIZE) is honoured", async () => {
    const ws = await started();
    const socks: number[] = [];
    for (let i = 0; i < 100; i++) socks.push(ws.socket(K.AF_INET, K.SOCK_DGRAM, 0));
    const w = socks.slice();
    expect(ws.select(12345, null, w, null, { tv_sec: 0, tv_usec: 0 })).toBe(100);
    expect(w).toEqual(socks);
    // Through the raw ABI: fd_count 100 followed by 100 SOCKETs, nothing is ready to read.
    const c = ws.core;
    const p = c.wasock_alloc(4 + 4 * 100) >>> 0;
    const dv = new DataView(c.memory.buffer);
    dv.setUint32(p, 100, true);
    socks.forEach((h, i) => dv.setUint32(p + 4 + 4 * i, h, true));
    expect(c.select(0, p, 0, 0, 0)).toBe(0);
    expect(new DataView(c.memory.buffer).getUint32(p, true)).toBe(0);
    c.wasock_free(p);
    // A closed socket among them is still WSAENOTSOCK.
    ws.closesocket(socks[80]);
    expectWsa(ws, () => ws.select(0, socks.slice(), null, null), "WSAENOTSOCK");
  });
});

describe("zero-length datagrams (learn.microsoft.com/windows/win32/api/winsock2/nf-winsock2-sendto, nf-winsock2-recvfrom)", () => {
  // sendto: "A zero-length datagram is valid" (the Remarks on message-oriented sockets); recvfrom of
  // a zero-length datagram returns 0 with the sender's address.
  it("send of 0 bytes on UDP sends an empty datagram, and an empty datagram is received as 0", async () => {
    const ws = await started();
    const peer = await peers.udp();
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    ws.bind(u, v4(0));
    expect(ws.sendto(u, new Uint8Array(0), 0, v4(peer.port))).toBe(0);
    await until(() => peer.got.length === 1);
    expect(peer.got[0].length).toBe(0);
    const port = ws.getsockname(u).port;
    peer.sock.send(Buffer.alloc(0), port, "127.0.0.1");
    const from: Record<string, unknown> = {};
    await until(() => (ws.core.wasock_ready(u) & 1) !== 0);
    expect(ws.recvfrom(u, new Uint8Array(16), 0, from)).toBe(0);
    expect(from.port).toBe(peer.port);
    expectWsa(ws, () => ws.recv(u, new Uint8Array(16)), "WSAEWOULDBLOCK");
  });
});

describe("broadcast without SO_BROADCAST (nf-winsock2-sendto, nf-winsock2-connect, nf-winsock2-bind)", () => {
  // sendto, WSAEACCES: "The requested address is a broadcast address, but the appropriate flag was
  // not set." connect, WSAEACCES: "An attempt to connect a datagram socket to broadcast address
  // failed because setsockopt option SO_BROADCAST is not enabled." Nothing leaves the host here.
  it("sendto, connect and bind to 255.255.255.255 fail with WSAEACCES without SO_BROADCAST", async () => {
    const ws = await started();
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    expectWsa(ws, () => ws.sendto(u, new Uint8Array(1), 0, v4(9, "255.255.255.255")), "WSAEACCES");
    expectWsa(ws, () => ws.connect(u, v4(9, "255.255.255.255")), "WSAEACCES");
    // bind, WSAEACCES: "An attempt to bind a datagram socket to the broadcast address failed because
    // the setsockopt option SO_BROADCAST is not enabled."
    const b = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    expectWsa(ws, () => ws.bind(b, v4(0, "255.255.255.255")), "WSAEACCES");
    expect(ws.bind(b, v4())).toBe(0); // the failed bind left it unbound
    // The check looks at the flag, not at the address alone: a loopback peer is still fine.
    const peer = await peers.udp();
    expect(ws.sendto(u, new Uint8Array([7]), 0, v4(peer.port))).toBe(1);
    await until(() => peer.got.length === 1);
  });
});

describe("datagram FIONREAD and a receive buffer too small (nf-winsock2-wsaioctl, nf-winsock2-recvfrom)", () => {
  // WSAIoctl FIONREAD: on a message-oriented socket it reports "the total number of bytes available
  // to read, not the size of the first datagram". recvfrom: a datagram larger than the buffer fills
  // it, fails with WSAEMSGSIZE, and the excess is lost (so is the datagram, even for len 0).
  it("FIONREAD counts every queued datagram; a 0-byte recv of a datagram is WSAEMSGSIZE and consumes it", async () => {
    const ws = await started();
    const peer = await peers.udp();
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    ws.bind(u, v4(0));
    const port = ws.getsockname(u).port;
    peer.sock.send(Buffer.from("abc"), port, "127.0.0.1");
    peer.sock.send(Buffer.from("defgh"), port, "127.0.0.1");
    await until(() => ws.ioctlsocket(u, K.FIONREAD) === 8);
    expectWsa(ws, () => ws.recv(u, new Uint8Array(0)), "WSAEMSGSIZE");
    expect(ws.ioctlsocket(u, K.FIONREAD)).toBe(5);
    const b = new Uint8Array(2);
    expectWsa(ws, () => ws.recv(u, b), "WSAEMSGSIZE");
    expect(Buffer.from(b).toString()).toBe("de");
    expect(ws.ioctlsocket(u, K.FIONREAD)).toBe(0);
    expectWsa(ws, () => ws.recv(u, b), "WSAEWOULDBLOCK");
  });
});

describe("recvfrom on a stream (nf-winsock2-recvfrom)", () => {
  // Remarks: "The from and fromlen parameters are ignored for connection-oriented sockets." A
  // fromlen too small for any address (or a from outside memory) is therefore no WSAEFAULT there,
  // and the buffer is left untouched. On a datagram socket the same call is WSAEFAULT.
  it("a stream ignores from/fromlen; a datagram socket checks them", async () => {
    const ws = await started();
    const { s, peer } = await peers.connected(ws);
    peer.write("hi");
    await until(() => ws.ioctlsocket(s, K.FIONREAD) === 2);
    const c = ws.core;
    const S = c.wasock_scratch() >>> 0;
    const buf = c.wasock_alloc(16) >>> 0;
    const dv = () => new DataView(c.memory.buffer);
    dv().setInt32(S + 64, 4, true);          // fromlen 4: too small for a sockaddr_in
    dv().setUint32(S, 0xaaaaaaaa, true);
    expect(c.recvfrom(s, buf, 16, 0, S, S + 64)).toBe(2);
    expect(dv().getUint32(S, true)).toBe(0xaaaaaaaa);
    expect(dv().getInt32(S + 64, true)).toBe(4);
    c.wasock_free(buf);
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    ws.bind(u, v4());
    dv().setInt32(S + 64, 4, true);
    expect(c.recvfrom(u, S + 128, 16, 0, S, S + 64)).toBe(-1);
    expect(ws.WSAGetLastError()).toBe(WSA.WSAEFAULT);
  });
});

describe("SO_DONTROUTE and SO_DEBUG (learn.microsoft.com/windows/win32/winsock/sol-socket-socket-options)", () => {
  // Both are get/set DWORD (boolean) SOL_SOCKET options for TCP and UDP sockets ("not supported on
  // ATM sockets" only): setsockopt succeeds and getsockopt reads back what was set.
  it("are accepted on TCP and UDP and read back", async () => {
    const ws = await started();
    for (const type of [K.SOCK_STREAM, K.SOCK_DGRAM]) {
      const s = ws.socket(K.AF_INET, type, 0);
      for (const opt of [K.SO_DONTROUTE, K.SO_DEBUG]) {
        expect(ws.getsockopt(s, K.SOL_SOCKET, opt)).toBe(0);
        expect(ws.setsockopt(s, K.SOL_SOCKET, opt, true)).toBe(0);
        expect(ws.getsockopt(s, K.SOL_SOCKET, opt)).toBe(1);
        expect(ws.setsockopt(s, K.SOL_SOCKET, opt, 0)).toBe(0);
        expect(ws.getsockopt(s, K.SOL_SOCKET, opt)).toBe(0);
        expectWsa(ws, () => ws.setsockopt(s, K.SOL_SOCKET, opt, new Uint8Array(4), 2), "WSAEFAULT");
      }
    }
  });
});

describe("SO_CONDITIONAL_ACCEPT (learn.microsoft.com/windows/win32/winsock/so-conditional-accept)", () => {
  // A BOOL for stream sockets: kept and read back. The host's TCP completes the handshake before
  // WSAAccept's condition function runs either way (wsaaccept.test.ts).
  it("is accepted on TCP and read back, and is not an option of UDP", async () => {
    const ws = await started();
    const t = ws.socket(K.AF_INET, K.SOCK_STREAM, 0);
    expect(ws.getsockopt(t, K.SOL_SOCKET, K.SO_CONDITIONAL_ACCEPT)).toBe(0);
    expect(ws.setsockopt(t, K.SOL_SOCKET, K.SO_CONDITIONAL_ACCEPT, true)).toBe(0);
    expect(ws.getsockopt(t, K.SOL_SOCKET, K.SO_CONDITIONAL_ACCEPT)).toBe(1);
    expectWsa(ws, () => ws.setsockopt(t, K.SOL_SOCKET, K.SO_CONDITIONAL_ACCEPT, new Uint8Array(4), 2), "WSAEFAULT");
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    expectWsa(ws, () => ws.setsockopt(u, K.SOL_SOCKET, K.SO_CONDITIONAL_ACCEPT, true), "WSAENOPROTOOPT");
    expectWsa(ws, () => ws.getsockopt(u, K.SOL_SOCKET, K.SO_CONDITIONAL_ACCEPT), "WSAENOPROTOOPT");
  });
});
