// build/wasock.wasm — the wasock core for JavaScript hosts (host/node).
//
// ABI (pointer/length based, all values i32 or usize into this module's memory):
// - Winsock calls keep Windows' names and argument order with pointers into core memory, using the
//   32-bit Windows layouts: sockaddr_in (16) / sockaddr_in6 (28), fd_set (u32 count + 64 SOCKETs),
//   WSAPOLLFD (8), WSADATA (400), WSAPROTOCOL_INFOW (628), linger (2 x u16), timeval (2 x i32).
//   SOCKET_ERROR / INVALID_SOCKET are -1; WSAGetLastError gives the code. WSAStartup returns its error.
//   Pointer 0 is NULL; a pointer outside memory is WSAEFAULT, never a trap.
// - Data buffers of send/recv/sendto/recvfrom may be HOST_BUFFER (0xFFFFFFFF): the caller's own
//   buffer, which the host holds (a TypeScript Uint8Array, or a C guest's memory marshalled by the
//   ws2_32 ABI module), so data crosses once, straight between the caller and the provider's host side.
// - wasock_scratch() is a 64 KiB area the host may use to pass arguments (sockaddrs, fd_sets, options).
// - The core never blocks. A call that would block on Windows fails with WSAEWOULDBLOCK; hosts wait for
//   events (below) and retry, which is how their awaitable forms implement blocking sockets.
// - Imports: module "wasock_host" (assembly/bindings/js-host.ts) carries the host provider's
//   commands; the host answers each at once and never re-enters the core from inside one.
// - Events: the host reports I/O completions with the wasock_on_* exports below; wasock_ready(h) then
//   gives the socket's select readiness (1 readable, 2 writable, 4 except; -1 not a socket).

export {
  WSAStartup, WSACleanup, WSAGetLastError, WSASetLastError, WSASetBlockingHook, WSAUnhookBlockingHook,
  WSACancelBlockingCall, WSAIsBlocking, socket, WSASocketW, closesocket, bind, listen, accept, connect,
  send, sendto, recv, recvfrom, shutdown, getsockname, getpeername, getsockopt, setsockopt, ioctlsocket,
  WSAIoctl, select, WSAPoll, WSAEnumProtocolsW,
} from "../api/winsock";
export * from "../api/names-exports";

import { negotiatedVersion, readiness } from "../api/winsock";
import { SockErr, toWsa } from "../api/errors";
import { onConnected, onData, onEof, onIncoming, onReset, onSent, sockOf } from "../api/events";
import { liveSockets } from "../api/sock";

const SCRATCH_LEN: i32 = 65536;
const scratch = memory.data(SCRATCH_LEN, 16);

export function wasock_scratch(): usize { return scratch; }
export function wasock_scratch_len(): i32 { return SCRATCH_LEN; }
export function wasock_version(): i32 { return negotiatedVersion(); }
export function wasock_live(): i32 { return liveSockets(); }

export function wasock_on_connected(h: i32, e: i32): void { onConnected(h, <SockErr>e); }
export function wasock_on_incoming(h: i32, n: i32): void { onIncoming(h, n); }
export function wasock_on_data(h: i32, n: i32): void { onData(h, n); }
export function wasock_on_eof(h: i32): void { onEof(h); }
export function wasock_on_reset(h: i32, e: i32): void { onReset(h, <SockErr>e); }
export function wasock_on_sent(h: i32, n: i32): void { onSent(h, n); }

export function wasock_ready(h: i32): i32 {
  const s = sockOf(h);
  return s === null ? -1 : readiness(s);
}

/** State and counters of a socket for hosts and tests: [state, flags, rxAvail, sndQueued, pendingAccepts, soError]. */
export function wasock_sock_info(h: i32, field: i32): i32 {
  const s = sockOf(h);
  if (s === null) return -1;
  switch (field) {
    case 0: return <i32>s.state;
    case 1: return (s.nonBlocking ? 1 : 0) | (s.bound ? 2 : 0) | (s.shutSend ? 4 : 0) | (s.shutRecv ? 8 : 0) |
      (s.peerEof ? 16 : 0) | (s.udpConnected ? 32 : 0) | (s.connectFailed ? 64 : 0) | (s.resetErr != 0 ? 128 : 0);
    case 2: return s.rxAvail;
    case 3: return s.sndQueued;
    case 4: return s.pendingAccepts;
    case 5: return s.type;
    case 6: return s.af;
    case 7: return <i32>s.rcvTimeo;
    case 8: return <i32>s.sndTimeo;
    case 9: return s.lingerOn ? <i32>s.lingerSecs : -1;
    case 10: return s.rcvBuf;
    case 11: return s.resetErr;
    default: return -1;
  }
}

export function wasock_sockerr_count(): i32 { return <i32>SockErr.Count; }
export function wasock_sockerr_to_wsa(e: i32): i32 { return toWsa(<SockErr>e); }
