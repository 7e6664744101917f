// build/wasock.wasm — the wasock core for JavaScript hosts (host/node).
//
// ABI (pointer/length based, all values i32 or usize into this module's memory):
// - Winsock calls keep Windows' names and argument order with pointers into core memory, using the
//   32-bit Windows layouts: sockaddr_in (16) / sockaddr_in6 (28), fd_set (u32 fd_count + fd_count
//   SOCKETs: select reads as many as fd_count says, a program's own FD_SETSIZE may exceed 64),
//   WSAPOLLFD (8), WSADATA (400), WSAPROTOCOL_INFOW (628), linger (2 x u16), timeval (2 x i32).
//   SOCKET_ERROR / INVALID_SOCKET are -1; WSAGetLastError gives the code. WSAStartup returns its error.
//   Pointer 0 is NULL; a pointer outside memory is WSAEFAULT, never a trap.
// - Data buffers of send/recv/sendto/recvfrom may be HOST_BUFFER (0xFFFFFFFF): the caller's own
//   buffer, which the host holds (a TypeScript Uint8Array, or a C guest's memory marshalled by the
//   ws2_32 ABI module), so data crosses once, straight between the caller and the provider's host side.
// - WSAPoll: entries with a negative fd are ignored (revents 0); POLLPRI or another flag outside
//   POLLRDNORM|POLLRDBAND|POLLWRNORM|POLLWRBAND in events, or no entry with a live socket: WSAEINVAL.
// - A datagram socket naming 255.255.255.255 without SO_BROADCAST: bind, connect and sendto fail with
//   WSAEACCES. recvfrom / WSARecvFrom ignore from/fromlen on a stream (no check, nothing written).
// - wasock_scratch() is a 64 KiB area the host may use to pass arguments (sockaddrs, fd_sets, options).
// - The core never blocks. A call that would block on Windows fails with WSAEWOULDBLOCK; hosts wait for
//   events (below) and retry, which is how their awaitable forms implement blocking sockets.
// - Imports: module "wasock_host" (assembly/bindings/js-host.ts) carries the host provider's
//   commands; the host answers each at once and never re-enters the core from inside one.
// - Events: the host reports I/O completions with the wasock_on_* exports below; wasock_ready(h) then
//   gives the socket's select readiness (1 readable, 2 writable, 4 except; -1 not a socket).
// - Event objects (WSAEVENT, a 32-bit handle; WSA_INVALID_EVENT is 0). These need no WSAStartup and
//   outlive WSACleanup, as kernel events do on Windows; they set the last error like CreateEvent/
//   SetEvent/CloseHandle/WaitForMultipleObjectsEx do:
//     WSACreateEvent(): WSAEVENT — manual-reset, non-signalled; 0 + WSA_NOT_ENOUGH_MEMORY (8) when
//       all 1024 are in use. Event handles end in binary 10, so they never equal a SOCKET.
//     WSACloseEvent(h) / WSASetEvent(h) / WSAResetEvent(h): BOOL — 1, or 0 + WSA_INVALID_HANDLE (6)
//       for a handle that is not a live event (0, closed, a socket, garbage).
//     WSAWaitForMultipleEvents(cEvents, lphEvents, fWaitAll, dwTimeout, fAlertable): DWORD (u32) —
//       NEVER waits, whatever dwTimeout: WSA_WAIT_EVENT_0 (0) + the lowest signalled index (wait-any)
//       or 0 when all are signalled (wait-all), else WSA_WAIT_TIMEOUT (258). WSA_WAIT_FAILED
//       (0xFFFFFFFF) with: WSA_INVALID_PARAMETER (87) for cEvents 0 or > 64 or a handle repeated in a
//       wait-all; WSAEFAULT for lphEvents (cEvents x 4-byte handles) outside memory;
//       WSA_INVALID_HANDLE (6) when any entry is not a live event. Events are not changed.
//       fAlertable is ignored (no WSA_WAIT_IO_COMPLETION). To wait, a host watches
//       wasock_event_changes() (it moves whenever an event becomes signalled or is closed, which
//       happens inside WSASetEvent, the Winsock calls and the wasock_on_* exports) and asks again.
// - WSAEventSelect(s, hEvent, lNetworkEvents): int — needs WSAStartup (WSANOTINITIALISED), s a live
//   socket (WSAENOTSOCK). Bits above FD_ALL_EVENTS (0x3FF) are ignored; mask 0 cancels (hEvent
//   ignored); otherwise hEvent must be a live event (WSAEINVAL). Clears the record; makes s
//   non-blocking (FIONBIO 0 then fails with WSAEINVAL until cancelled); records at once what holds:
//   FD_READ data waiting, FD_WRITE writable (connected stream / any datagram), FD_ACCEPT connection
//   waiting, FD_CONNECT stream connected by connect, FD_CLOSE peer closed (data read) or reset.
//   Recording sets the record bit and error, signals hEvent, and disarms the event until its
//   re-enabling call: recv/recvfrom (FD_READ, FD_OOB; any call), accept (FD_ACCEPT; any call), a
//   send/sendto failing with WSAEWOULDBLOCK (FD_WRITE), connect (FD_CONNECT, per attempt; a datagram
//   connect records it at once); FD_CLOSE once. Errors: FD_CONNECT carries the connect error
//   (WSAECONNREFUSED ...), FD_CLOSE 0 (graceful, recorded once the data before the FIN is read) or
//   WSAECONNRESET/WSAECONNABORTED. accept gives the new socket the listener's event and mask.
//   closesocket ends the association. FD_OOB is never recorded (the host has no urgent data).
// - WSAEnumNetworkEvents(s, hEvent, lpNetworkEvents): int — writes the 32-bit WSANETWORKEVENTS
//   (i32 lNetworkEvents; i32 iErrorCode[10]; 44 bytes; iErrorCode[FD_x_BIT]), clears the record and
//   resets hEvent when it is not 0. WSANOTINITIALISED / WSAENOTSOCK / WSAEFAULT (pointer outside
//   memory or NULL) / WSAEINVAL (hEvent not 0 and not a live event), checked in that order.
// - closesocket on a NON-blocking stream with SO_LINGER {1, n>0} while sent data is still queued
//   (sock info field 3 > 0): SOCKET_ERROR + WSAEWOULDBLOCK, and the socket stays open.
// - WSASend(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpOverlapped, lpCompletionRoutine)
//   WSASendTo(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpTo, iToLen, lpOverlapped,
//     lpCompletionRoutine)
//   WSARecv(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, lpOverlapped, lpCompletionRoutine)
//   WSARecvFrom(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, lpFrom, lpFromlen,
//     lpOverlapped, lpCompletionRoutine): int — 0, or SOCKET_ERROR + last error.
//   lpBuffers: dwBufferCount 32-bit WSABUFs {u32 len; u32 buf}, each buf in core memory (HOST_BUFFER is
//   not accepted here). Checks, in order: WSANOTINITIALISED, WSAENOTSOCK; WSAEFAULT when the array
//   (NULL included, even with count 0) or any buffer with len > 0 is outside memory; WSAEINVAL when
//   the lengths add up past 2^31-1; with lpOverlapped: WSAEFAULT (20 bytes outside memory),
//   WSAEOPNOTSUPP (lpCompletionRoutine not NULL: no APCs, as on Windows CE), WSAEINVAL (socket made
//   by WSASocket without WSA_FLAG_OVERLAPPED; socket() sockets are overlapped), WSAEFAULT
//   (lpNumberOf* not NULL and outside memory); without: lpNumberOf* must be in memory (WSAEFAULT).
//   WSARecv*: lpFlags must be in memory (WSAEFAULT); lpFrom/lpFromlen as recvfrom checks them. Then
//   the call is send/sendto/recv/recvfrom with the same errors (WSAEWOULDBLOCK, WSAENOTCONN, ...) and
//   WSAEventSelect re-enabling. Sends gather all buffers into one send: ONE datagram (over 64 KiB in
//   all: WSAEMSGSIZE); on a stream, once the send is allowed every byte is taken (small buffers are
//   copied together in 64 KiB chunks, big ones handed over as they are). Stream
//   receives fill the buffers in order; datagram receives scatter one datagram; a datagram larger
//   than the buffers fills them, writes *lpNumberOfBytesRecvd = the bytes kept and *lpFlags =
//   MSG_PARTIAL (0x8000), and fails with WSAEMSGSIZE (the rest is lost). On success *lpFlags = 0.
//   MSG_PARTIAL in the input flags is ignored; other unknown flags: WSAEOPNOTSUPP.
// - Overlapped (lpOverlapped, 32-bit WSAOVERLAPPED: u32 Internal, InternalHigh, Offset, OffsetHigh;
//   i32 hEvent): a call that completes at once returns 0 (or WSAEMSGSIZE as above) AND completes the
//   overlapped: Internal = NTSTATUS, InternalHigh = bytes, hEvent set (low bit ignored; 0: no
//   event). A call that would block returns SOCKET_ERROR + WSA_IO_PENDING (997), Internal =
//   STATUS_PENDING (0x103), and is queued in the core (WSABUF array and lpTo copied; the buffers,
//   lpFrom, lpFromlen and the WSAOVERLAPPED must stay valid); a call made while others of its
//   direction are queued is queued behind them. At most 1024 calls are queued per socket, each with
//   at most 1024 WSABUFs: beyond that WSAENOBUFS. The core runs queued calls, per direction in order,
//   from the wasock_on_* events and shutdown; closesocket and WSACleanup complete them with
//   STATUS_CANCELLED. Non-blocking mode does not apply to overlapped calls. Internal values:
//   0 success, 0x80000005 truncated datagram (WSAEMSGSIZE, MSG_PARTIAL), 0xC0000120 cancelled
//   (WSA_OPERATION_ABORTED 995), 0xC000020D WSAECONNRESET, 0xC0000241 WSAECONNABORTED; any other
//   failure stores its WSA code itself.
// - WSAGetOverlappedResult(s, lpOverlapped, lpcbTransfer, fWait, lpdwFlags): BOOL — WSANOTINITIALISED;
//   WSAEFAULT when any of the three pointers is outside memory; while Internal is STATUS_PENDING:
//   0 + WSAENOTSOCK (s not live) or WSA_IO_INCOMPLETE (996) whatever fWait (the core never waits: a
//   host waits for hEvent -- or, when hEvent is 0, for the next wasock_on_* event on s -- and asks
//   again; Internal leaves STATUS_PENDING exactly when the call completes). Otherwise *lpcbTransfer = InternalHigh, *lpdwFlags =
//   MSG_PARTIAL for 0x80000005 else 0, and 1 for success or 0 + the error decoded from Internal (s is
//   not checked then, so a call cancelled by closesocket still reads WSA_OPERATION_ABORTED).
// - wasock_alloc(n) / wasock_free(p): core memory that outlives a call (WSAOVERLAPPEDs and buffers of
//   overlapped calls), n in 1..64 MiB (else 0); wasock_overlapped_pending(h): calls queued on h, -1 not a socket.
// - wasock_overlapped_result(ovl, lpcbTransfer, lpdwFlags): a completed call's dwError for its
//   completion routine (0 or the WSA error WSAGetOverlappedResult would set, the last error left
//   alone), without checking s or WSAStartup; -1 for a bad pointer or a call still pending.
// - wasock_accept_verdict(h, n, verdict): what WSAAccept's condition function (run by the host)
//   decided of n, just accepted from listener h: CF_ACCEPT returns n; CF_REJECT resets n
//   (WSAECONNREFUSED); CF_DEFER puts n back at the head of h's backlog (WSATRY_AGAIN), another
//   value too (WSAEINVAL); a listener that is gone resets n and gives its error.
// - wasock_event_changes(): u32 counter described above; wasock_event_state(h): 1 signalled,
//   0 not, -1 not a live event (sets no last error).

export {
  WSAStartup, WSACleanup, WSAGetLastError, WSASetLastError, WSASetBlockingHook, WSAUnhookBlockingHook,
  WSACancelBlockingCall, WSAIsBlocking, socket, WSASocketW, closesocket, bind, listen, accept, connect,
  send, sendto, recv, recvfrom, shutdown, getsockname, getpeername, getsockopt, setsockopt, ioctlsocket,
  WSAIoctl, select, WSAPoll, WSAEnumProtocolsW, WSACreateEvent, WSACloseEvent, WSASetEvent, WSAResetEvent,
  WSAWaitForMultipleEvents, WSAEventSelect, WSAEnumNetworkEvents,
} from "../api/winsock";
export { WSASend, WSASendTo, WSARecv, WSARecvFrom, WSAGetOverlappedResult } from "../api/overlapped";
import { completedResult, pendingOverlapped } from "../api/overlapped";
export * from "../api/names-exports";

import { acceptVerdict, negotiatedVersion, readiness } from "../api/winsock";
import { SockErr, toWsa } from "../api/errors";
import { onConnected, onData, onEof, onIncoming, onReset, onSent, sockOf } from "../api/events";
import { liveSockets } from "../api/sock";
import { eventChanges, eventState } from "../api/event-objects";

const SCRATCH_LEN: i32 = 65536;
const scratch = memory.data(SCRATCH_LEN, 16);

export function wasock_scratch(): usize { return scratch; }
export function wasock_scratch_len(): i32 { return SCRATCH_LEN; }
export function wasock_version(): i32 { return negotiatedVersion(); }
export function wasock_live(): i32 { return liveSockets(); }
export function wasock_event_changes(): u32 { return eventChanges(); }
export function wasock_event_state(h: i32): i32 { return eventState(h); }

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

/**
 * State and counters of a socket for hosts and tests: 0 state, 1 flags, 2 rxAvail, 3 sndQueued,
 * 4 pendingAccepts, 5 type, 6 af, 7 SO_RCVTIMEO, 8 SO_SNDTIMEO, 9 linger secs (-1 off), 10 SO_RCVBUF,
 * 11 reset error, 12 WSAEventSelect mask, 13 network event record, 14 armed events; -1 otherwise.
 */
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
    case 12: return s.evMask;
    case 13: return s.evRecord;
    case 14: return s.evArmed;
    default: return -1;
  }
}

/** WSAAccept's condition function said `verdict` of n, just accepted from listener h (winsock.ts acceptVerdict). */
export function wasock_accept_verdict(h: i32, n: i32, verdict: i32): i32 { return acceptVerdict(h, n, verdict); }

/** Overlapped calls queued on socket h; -1 when h is not a socket. */
export function wasock_overlapped_pending(h: i32): i32 { return pendingOverlapped(h); }

/** A completed WSAOVERLAPPED's dwError and dwFlags for a completion routine (overlapped.ts completedResult). */
export function wasock_overlapped_result(ovl: usize, transfer: usize, flagsOut: usize): i32 { return completedResult(ovl, transfer, flagsOut); }

/** The largest wasock_alloc: a bigger request could fail to grow memory, which traps. */
const ALLOC_MAX: i32 = 64 << 20;

/**
 * n bytes of core memory (not moved or collected) for what must outlive one call: WSAOVERLAPPEDs,
 * the buffers of overlapped calls. 0 when n is not in 1..64 MiB. Freed by wasock_free.
 */
export function wasock_alloc(n: i32): usize {
  if (n <= 0 || n > ALLOC_MAX) return 0;
  return heap.alloc(<usize>n);
}
export function wasock_free(p: usize): void { if (p != 0) heap.free(p); }

export function wasock_sockerr_count(): i32 { return <i32>SockErr.Count; }
export function wasock_sockerr_to_wsa(e: i32): i32 { return toWsa(<SockErr>e); }
