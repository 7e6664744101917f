// Bad input through the core's pointer ABI (what a C guest can pass): invalid and stale handles,
// short lengths, out-of-range pointers, bad flags, families and `how` values. Each gets Windows'
// code, and none traps (a trap would throw from the core call).
import { beforeAll, describe, expect, it } from "vitest";
import { started, v4, Winsock } from "./helpers.ts";
import { WSA } from "../../host/node/errors.ts";
import * as K from "../../host/node/constants.ts";

const FAR = 0xfffff000;   // beyond any memory the core has
const HOST = 0xffffffff;  // HOST_BUFFER

describe("bad input table", () => {
  let ws: Winsock;
  let c: any;
  let S: number;          // scratch
  let tcp: number, udp: number, stale: number, listener: number;
  let ev: number, deadEv: number, selected: number;
  beforeAll(async () => {
    ws = await started();
    c = ws.core;
    S = c.wasock_scratch() >>> 0;
    tcp = ws.socket(K.AF_INET, K.SOCK_STREAM, 0);
    udp = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    stale = ws.socket(K.AF_INET, K.SOCK_STREAM, 0);
    ws.closesocket(stale);
    listener = ws.socket(K.AF_INET, K.SOCK_STREAM, 0);
    ws.bind(listener, v4());
    ws.listen(listener, 1);
    ev = ws.WSACreateEvent();
    deadEv = ws.WSACreateEvent();
    ws.WSACloseEvent(deadEv);
    selected = ws.socket(K.AF_INET, K.SOCK_STREAM, 0);
    ws.WSAEventSelect(selected, ev, K.FD_READ);
  });
  const dv = () => new DataView(c.memory.buffer);
  const addr = () => { dv().setUint16(S, K.AF_INET, true); dv().setUint16(S + 2, 0x5000, false); dv().setUint32(S + 4, 0x0100007f, true); return S; };
  const len = (n: number) => { dv().setInt32(S + 64, n, true); return S + 64; };

  const rows: Array<[string, () => number, keyof typeof WSA]> = [
    ["closesocket(0)", () => c.closesocket(0), "WSAENOTSOCK"],
    ["closesocket(-1)", () => c.closesocket(-1), "WSAENOTSOCK"],
    ["closesocket(stale)", () => c.closesocket(stale), "WSAENOTSOCK"],
    ["closesocket(odd)", () => c.closesocket(tcp + 1), "WSAENOTSOCK"],
    ["send(stale)", () => c.send(stale, HOST, 0, 0), "WSAENOTSOCK"],
    ["bind(far name)", () => c.bind(tcp, FAR, 16), "WSAEFAULT"],
    ["bind(namelen -1)", () => c.bind(tcp, addr(), -1), "WSAEFAULT"],
    ["bind(AF_INET6 name on v4)", () => { addr(); dv().setUint16(S, K.AF_INET6, true); return c.bind(tcp, S, 28); }, "WSAEAFNOSUPPORT"],
    ["bind(AF_IRDA name)", () => { addr(); dv().setUint16(S, 26, true); return c.bind(tcp, S, 16); }, "WSAEAFNOSUPPORT"],
    ["connect(far name)", () => c.connect(tcp, FAR, 16), "WSAEFAULT"],
    ["connect(namelen 8)", () => c.connect(tcp, addr(), 8), "WSAEFAULT"],
    ["accept(far addrlen)", () => c.accept(listener, S, FAR), "WSAEFAULT"],
    ["accept(addrlen 4)", () => c.accept(listener, S, len(4)), "WSAEFAULT"],
    ["accept(non-listening)", () => c.accept(tcp, 0, 0), "WSAEINVAL"],
    ["send(far buffer)", () => c.send(udp, FAR, 100, 0), "WSAEFAULT"],
    ["send(negative length)", () => c.send(udp, S, -5, 0), "WSAEFAULT"],
    ["send(bad flags)", () => c.send(udp, S, 1, 0x80), "WSAEOPNOTSUPP"],
    ["sendto(far to)", () => c.sendto(udp, S, 1, 0, FAR, 16), "WSAEFAULT"],
    ["sendto(tolen 3)", () => c.sendto(udp, S, 1, 0, addr(), 3), "WSAEFAULT"],
    ["sendto(70000-byte datagram)", () => c.sendto(udp, HOST, 70000, 0, addr(), 16), "WSAEMSGSIZE"],
    ["recv(far buffer)", () => c.recv(tcp, FAR, 100, 0), "WSAEFAULT"],
    ["recv(bad flags)", () => c.recv(tcp, S, 1, 0x40), "WSAEOPNOTSUPP"],
    ["recv(unconnected tcp)", () => c.recv(tcp, S, 1, 0), "WSAENOTCONN"],
    ["recvfrom(unbound udp)", () => c.recvfrom(udp, S, 1, 0, 0, 0), "WSAEINVAL"],
    ["recvfrom(fromlen 2)", () => c.recvfrom(udp, S, 1, 0, S + 128, len(2)), "WSAEFAULT"],
    ["recvfrom(far fromlen)", () => c.recvfrom(udp, S, 1, 0, S + 128, FAR), "WSAEFAULT"],
    ["shutdown(how 3)", () => c.shutdown(udp, 3), "WSAEINVAL"],
    ["shutdown(how -7)", () => c.shutdown(udp, -7), "WSAEINVAL"],
    ["getsockname(far namelen)", () => { ws.bind(udp, v4()); return c.getsockname(udp, S, FAR); }, "WSAEFAULT"],
    ["getsockname(NULL name)", () => c.getsockname(udp, 0, len(16)), "WSAEFAULT"],
    ["getpeername(stale)", () => c.getpeername(stale, S, len(16)), "WSAENOTSOCK"],
    ["getsockopt(far optlen)", () => c.getsockopt(tcp, K.SOL_SOCKET, K.SO_TYPE, S, FAR), "WSAEFAULT"],
    ["getsockopt(far optval)", () => c.getsockopt(tcp, K.SOL_SOCKET, K.SO_TYPE, FAR, len(4)), "WSAEFAULT"],
    ["setsockopt(far optval)", () => c.setsockopt(tcp, K.SOL_SOCKET, K.SO_KEEPALIVE, FAR, 4), "WSAEFAULT"],
    ["setsockopt(optlen 0)", () => c.setsockopt(tcp, K.SOL_SOCKET, K.SO_KEEPALIVE, S, 0), "WSAEFAULT"],
    ["ioctlsocket(far argp)", () => c.ioctlsocket(tcp, K.FIONREAD, FAR), "WSAEFAULT"],
    ["ioctlsocket(NULL argp)", () => c.ioctlsocket(tcp, K.FIONBIO, 0), "WSAEFAULT"],
    ["WSAIoctl(far out)", () => c.WSAIoctl(tcp, K.FIONREAD, 0, 0, FAR, 4, S), "WSAEFAULT"],
    ["select(far set)", () => c.select(0, FAR, 0, 0, 0), "WSAEFAULT"],
    ["select(count past memory)", () => { dv().setUint32(S, 0x0fffffff, true); return c.select(0, S, 0, 0, 0); }, "WSAEFAULT"],
    ["select(count 2^32-1)", () => { dv().setUint32(S, 0xffffffff, true); return c.select(0, S, 0, 0, 0); }, "WSAEFAULT"],
    ["select(stale member)", () => { dv().setUint32(S, 1, true); dv().setUint32(S + 4, stale, true); return c.select(0, S, 0, 0, 0); }, "WSAENOTSOCK"],
    ["select(far timeout)", () => { dv().setUint32(S, 1, true); dv().setUint32(S + 4, tcp, true); return c.select(0, S, 0, 0, FAR); }, "WSAEFAULT"],
    ["select(negative timeout)", () => { dv().setUint32(S, 1, true); dv().setUint32(S + 4, tcp, true); dv().setInt32(S + 300, -1, true); return c.select(0, S, 0, 0, S + 300); }, "WSAEINVAL"],
    ["WSAPoll(far fds)", () => c.WSAPoll(FAR, 1, 0), "WSAEFAULT"],
    ["WSAPoll(huge count)", () => c.WSAPoll(S, 0x10000000, 0), "WSAEFAULT"],
    ["WSAPoll(nfds 0)", () => c.WSAPoll(S, 0, 0), "WSAEINVAL"],
    ["WSAEnumProtocols(far list)", () => c.WSAEnumProtocolsW(FAR, S, len(10000)), "WSAEFAULT"],
    ["WSASocket(far info)", () => c.WSASocketW(-1, -1, -1, FAR, 0, 0), "WSAEFAULT"],
    ["socket(AF_INET, SOCK_RAW)", () => c.socket(K.AF_INET, K.SOCK_RAW, 0), "WSAESOCKTNOSUPPORT"],
    ["socket(AF_UNSPEC)", () => c.socket(0, K.SOCK_STREAM, 0), "WSAEAFNOSUPPORT"],
    ["socket(AF_IRDA) without an IrDA provider", () => c.socket(26, K.SOCK_STREAM, 0), "WSAEAFNOSUPPORT"],
    ["listen(udp)", () => c.listen(udp, 1), "WSAEOPNOTSUPP"],
    // Event objects (BOOL results: FALSE is shown as -1 here) and WSAWaitForMultipleEvents (WSA_WAIT_FAILED).
    ["WSASetEvent(0)", () => (c.WSASetEvent(0) === 0 ? -1 : 0), "WSA_INVALID_HANDLE"],
    ["WSAResetEvent(closed)", () => (c.WSAResetEvent(deadEv) === 0 ? -1 : 0), "WSA_INVALID_HANDLE"],
    ["WSACloseEvent(socket)", () => (c.WSACloseEvent(tcp) === 0 ? -1 : 0), "WSA_INVALID_HANDLE"],
    ["WSACloseEvent(-1)", () => (c.WSACloseEvent(-1) === 0 ? -1 : 0), "WSA_INVALID_HANDLE"],
    ["WSAWaitForMultipleEvents(cEvents 0)", () => c.WSAWaitForMultipleEvents(0, S, 0, 0, 0) | 0, "WSA_INVALID_PARAMETER"],
    ["WSAWaitForMultipleEvents(cEvents 65)", () => c.WSAWaitForMultipleEvents(65, S, 0, 0, 0) | 0, "WSA_INVALID_PARAMETER"],
    ["WSAWaitForMultipleEvents(cEvents 0x80000000)", () => c.WSAWaitForMultipleEvents(0x80000000 | 0, S, 0, 0, 0) | 0, "WSA_INVALID_PARAMETER"],
    ["WSAWaitForMultipleEvents(far array)", () => c.WSAWaitForMultipleEvents(4, FAR, 0, 0, 0) | 0, "WSAEFAULT"],
    ["WSAWaitForMultipleEvents(NULL array)", () => c.WSAWaitForMultipleEvents(1, 0, 0, 0, 0) | 0, "WSAEFAULT"],
    ["WSAWaitForMultipleEvents(closed event)", () => { dv().setInt32(S, deadEv, true); return c.WSAWaitForMultipleEvents(1, S, 0, 0, 0) | 0; }, "WSA_INVALID_HANDLE"],
    ["WSAWaitForMultipleEvents(wait-all, repeated)", () => { dv().setInt32(S, ev, true); dv().setInt32(S + 4, ev, true); return c.WSAWaitForMultipleEvents(2, S, 1, 0, 0) | 0; }, "WSA_INVALID_PARAMETER"],
    ["WSAEventSelect(stale)", () => c.WSAEventSelect(stale, ev, K.FD_READ), "WSAENOTSOCK"],
    ["WSAEventSelect(event as socket)", () => c.WSAEventSelect(ev, ev, K.FD_READ), "WSAENOTSOCK"],
    ["WSAEventSelect(closed event)", () => c.WSAEventSelect(tcp, deadEv, K.FD_READ), "WSAEINVAL"],
    ["WSAEventSelect(socket as event)", () => c.WSAEventSelect(tcp, udp, K.FD_READ), "WSAEINVAL"],
    ["WSAEnumNetworkEvents(far record)", () => c.WSAEnumNetworkEvents(tcp, 0, FAR), "WSAEFAULT"],
    ["WSAEnumNetworkEvents(NULL record)", () => c.WSAEnumNetworkEvents(tcp, 0, 0), "WSAEFAULT"],
    ["WSAEnumNetworkEvents(closed event)", () => c.WSAEnumNetworkEvents(tcp, deadEv, S), "WSAEINVAL"],
    ["ioctlsocket(FIONBIO 0 after WSAEventSelect)", () => { dv().setInt32(S, 0, true); return c.ioctlsocket(selected, K.FIONBIO, S); }, "WSAEINVAL"],
    ["WSAIoctl(FIONBIO 0 after WSAEventSelect)", () => { dv().setInt32(S, 0, true); return c.WSAIoctl(selected, K.FIONBIO, S, 4, 0, 0, S + 8); }, "WSAEINVAL"],
  ];

  it.each(rows)("%s -> %s", (_name, call, code) => {
    expect(call()).toBe(-1);
    expect(c.WSAGetLastError()).toBe(WSA[code]);
  });

  it("WSAStartup with a WSADATA pointer outside memory returns WSAEFAULT", async () => {
    const fresh = await Winsock.create();
    expect(fresh.core.WSAStartup(0x0202, FAR)).toBe(WSA.WSAEFAULT);
  });
});
