// WSASend / WSASendTo / WSARecv / WSARecvFrom over arrays of 32-bit WSABUFs, and overlapped I/O
// completed through event objects (WSAOVERLAPPED.hEvent + WSAGetOverlappedResult). Microsoft Learn,
// WSASend, WSARecv, WSARecvFrom, WSAGetOverlappedResult.
//
// Without lpOverlapped a call is send/recv with gather/scatter: the same checks, errors and
// WSAEventSelect re-enabling (it goes through sendto/recvfrom). A datagram send gathers the buffers
// into ONE datagram; a datagram receive scatters one datagram and, when it did not fit, fills the
// buffers, sets MSG_PARTIAL in *lpFlags and fails with WSAEMSGSIZE (UDP is unreliable and has no
// partial messages: the rest is lost).
//
// With lpOverlapped (the socket must be overlapped: WSAEINVAL otherwise; lpCompletionRoutine must be
// NULL here: WSAEOPNOTSUPP, as the core cannot call the host's or guest's code -- the hosts keep the
// routine, pass NULL, and queue it at completion, reading dwError/dwFlags with completedResult) a call that cannot finish at once is
// queued here (SOCKET_ERROR + WSA_IO_PENDING) with a copy of its WSABUF array, and runs when the
// host's events make it possible, in submission order per direction. The buffers, lpFrom/lpFromlen
// and the WSAOVERLAPPED must stay valid until then, as on Windows. Completion (at once or later)
// writes Internal (an NTSTATUS) and InternalHigh (bytes) and sets hEvent (its low bit ignored).
// Non-blocking mode does not apply to overlapped calls. closesocket/WSACleanup complete every queued
// call with STATUS_CANCELLED (WSA_OPERATION_ABORTED).

import { SockErr, toWsa } from "./errors";
import { getLastError, setLastError } from "./last-error";
import { Sock, SockState, lookup } from "./sock";
import { inMem } from "./memory";
import { setEvent } from "./event-objects";
import { fail, negotiatedVersion, readiness, recvfrom, sendto, sockFor, streamSendMore, READABLE, WRITABLE } from "./winsock";
import * as C from "./constants";

// ---- WSABUF arrays ---------------------------------------------------------------------------

/** Total length of a WSABUF array, or -1 (WSAEFAULT: array or a buffer outside memory) / -2 (WSAEINVAL: over 2 GiB). */
function bufTotal(bufs: usize, count: u32): i32 {
  if (count > 0x0fffffff || !inMem(bufs, max(<i32>count << 3, 1))) return -1;
  let total: u64 = 0;
  for (let i: u32 = 0; i < count; i++) {
    const len = load<u32>(bufs + (i << 3));
    if (len != 0 && !inMem(<usize>load<u32>(bufs + (i << 3) + 4), <i32>len)) return -1;
    total += len;
  }
  return total > 0x7fffffff ? -2 : <i32>total;
}

let tmp: usize = 0;
let tmpCap: i32 = 0;

/** A core-side buffer of n bytes for gathering and scattering (reused). */
function temp(n: i32): usize {
  if (n > tmpCap) {
    if (tmp != 0) heap.free(tmp);
    tmpCap = max(n, 2048);
    tmp = heap.alloc(<usize>tmpCap);
  }
  return tmp;
}

function gather(bufs: usize, count: u32, dst: usize): void {
  let at: usize = 0;
  for (let i: u32 = 0; i < count; i++) {
    const len = load<u32>(bufs + (i << 3));
    if (len != 0) memory.copy(dst + at, <usize>load<u32>(bufs + (i << 3) + 4), len);
    at += len;
  }
}

function scatter(src: usize, n: i32, bufs: usize, count: u32): void {
  let left = n;
  let at: usize = 0;
  for (let i: u32 = 0; i < count && left > 0; i++) {
    const k = min(<i32>load<u32>(bufs + (i << 3)), left);
    if (k > 0) memory.copy(<usize>load<u32>(bufs + (i << 3) + 4), src + at, k);
    at += k;
    left -= k;
  }
}

// The outcome of the last sendFrom/recvInto: bytes, WSA error (0 ok) and the flags for *lpFlags.
let outBytes: i32 = 0;
let outErr: i32 = 0;
let outFlags: i32 = 0;

function result(r: i32, bytes: i32): void {
  outBytes = bytes;
  outErr = r < 0 ? getLastError() : 0;
}

/** Streams gather small buffers into chunks of at most this many bytes; bigger buffers go as they are. */
const CHUNK: i32 = 65536;
/** No datagram is larger than this (the host's UDP takes 65507): a bigger gathered send is WSAEMSGSIZE. */
const DGRAM_MAX: i32 = 65536;

/** One send of the gathered buffers: one datagram, or every byte on a stream once the send is allowed. */
function sendFrom(h: i32, s: Sock, bufs: usize, count: u32, total: i32, flags: i32, to: usize, tolen: i32): void {
  outFlags = 0;
  if (count == 1 || total == 0) {
    const r = sendto(h, count == 0 ? 0 : <usize>load<u32>(bufs + 4), total, flags, to, tolen);
    result(r, max(r, 0));
    return;
  }
  if (s.type != C.SOCK_STREAM) {
    if (total > DGRAM_MAX) { result(fail(SockErr.MsgSize), 0); return; }
    const p = temp(total);
    gather(bufs, count, p);
    const r = sendto(h, p, total, flags, to, tolen);
    result(r, max(r, 0));
    return;
  }
  // Stream: the first piece goes through sendto (every check, WSAEWOULDBLOCK); the rest follows it.
  let sent = 0;
  let i: u32 = 0;
  while (i < count) {
    let p: usize;
    let n: i32;
    const len0 = <i32>load<u32>(bufs + (i << 3));
    if (len0 == 0) { i++; continue; }
    if (len0 >= CHUNK) {
      p = <usize>load<u32>(bufs + (i << 3) + 4);
      n = len0;
      i++;
    } else {
      p = temp(CHUNK);
      n = 0;
      while (i < count) {
        const len = <i32>load<u32>(bufs + (i << 3));
        if (len >= CHUNK || n + len > CHUNK) break;
        if (len != 0) memory.copy(p + n, <usize>load<u32>(bufs + (i << 3) + 4), len);
        n += len;
        i++;
      }
    }
    const r = sent == 0 ? sendto(h, p, n, flags, to, tolen) : streamSendMore(s, p, n, flags);
    if (r < 0) {
      if (sent == 0) { result(r, 0); return; }
      break; // the bytes already handed over count; the error shows on the next call
    }
    sent += r;
  }
  result(0, sent);
}

/** One receive scattered across the buffers. */
function recvInto(h: i32, s: Sock, bufs: usize, count: u32, total: i32, flags: i32, from: usize, fromlen: usize): void {
  outFlags = 0;
  if (s.type == C.SOCK_STREAM && (flags & C.MSG_PEEK) == 0) {
    // A stream fills the buffers in order straight from the provider, while data is there.
    let got = 0;
    for (let i: u32 = 0; i < count; i++) {
      const len = <i32>load<u32>(bufs + (i << 3));
      if (len == 0) continue;
      if (got > 0 && s.rxAvail == 0) break;
      const r = recvfrom(h, <usize>load<u32>(bufs + (i << 3) + 4), len, flags, from, fromlen);
      if (r < 0) { if (got > 0) break; result(r, 0); return; }
      got += r;
      if (r < len) break;
    }
    if (got == 0 && total == 0) { const r = recvfrom(h, 0, 0, flags, from, fromlen); result(r, 0); return; }
    result(0, got);
    return;
  }
  const one = count == 1;
  // A peeking stream sees at most what is queued; no datagram is larger than DGRAM_MAX.
  const room = one ? total : s.type == C.SOCK_STREAM ? min(total, s.rxAvail) : min(total, DGRAM_MAX);
  const p = one ? (count == 0 ? 0 : <usize>load<u32>(bufs + 4)) : temp(room);
  const r = recvfrom(h, p, room, flags, from, fromlen);
  if (r >= 0) {
    if (!one) scatter(p, r, bufs, count);
    result(r, r);
    return;
  }
  if (getLastError() == toWsa(SockErr.MsgSize)) {
    // The datagram filled the buffers; the rest is gone.
    if (!one) scatter(p, room, bufs, count);
    outFlags = C.MSG_PARTIAL;
    result(r, room);
    return;
  }
  result(r, 0);
}

// ---- overlapped operations -------------------------------------------------------------------

class Op {
  constructor(
    public recv: bool,
    public ovl: usize,
    public bufs: StaticArray<u32>,   // the caller's WSABUF array, captured at the call
    public count: u32,
    public total: i32,
    public flags: i32,
    public from: usize,
    public fromlen: usize,
    public to: StaticArray<u8> | null, // WSASendTo's address, captured at the call
    public tolen: i32,
  ) {}
}

/** Queued operations per socket handle, in submission order (receives and sends interleaved). */
const queued = new Map<i32, Array<Op>>();

function statusOf(err: i32): u32 {
  if (err == 0) return C.STATUS_SUCCESS;
  if (err == toWsa(SockErr.MsgSize)) return C.STATUS_BUFFER_OVERFLOW;
  if (err == C.WSA_OPERATION_ABORTED) return C.STATUS_CANCELLED;
  if (err == toWsa(SockErr.ConnReset)) return C.STATUS_CONNECTION_RESET;
  if (err == toWsa(SockErr.ConnAborted)) return C.STATUS_CONNECTION_ABORTED;
  return <u32>err; // other failures keep their WSA code (10000..11999 is no NTSTATUS)
}

function errorOf(st: u32): i32 {
  if (st == C.STATUS_BUFFER_OVERFLOW) return toWsa(SockErr.MsgSize);
  if (st == C.STATUS_CANCELLED) return C.WSA_OPERATION_ABORTED;
  if (st == C.STATUS_CONNECTION_RESET) return toWsa(SockErr.ConnReset);
  if (st == C.STATUS_CONNECTION_ABORTED) return toWsa(SockErr.ConnAborted);
  return <i32>st;
}

/** Writes the result into the WSAOVERLAPPED and signals its event. */
export function completeAt(ovl: usize, err: i32, bytes: i32): void {
  store<u32>(ovl, statusOf(err));
  store<u32>(ovl + 4, <u32>bytes);
  const ev = load<i32>(ovl + 16) & ~1;
  if (ev != 0) setEvent(ev);
}

function runOp(h: i32, s: Sock, op: Op): bool {
  const bufs = changetype<usize>(op.bufs);
  if (op.recv) {
    if ((readiness(s) & READABLE) == 0 && !s.shutRecv) return false;
    recvInto(h, s, bufs, op.count, op.total, op.flags, op.from, op.fromlen);
  } else {
    if ((readiness(s) & WRITABLE) == 0 && s.resetErr == 0 && !s.shutSend) return false;
    const to = op.to;
    sendFrom(h, s, bufs, op.count, op.total, op.flags, to === null ? 0 : changetype<usize>(to), op.tolen);
  }
  if (outErr == toWsa(SockErr.WouldBlock)) return false;
  completeAt(op.ovl, outErr, outBytes);
  if (op.recv) s.ovRecv--; else s.ovSend--;
  return true;
}

/** After a host event on s: runs the queued operations that can run now (the last error is kept). */
export function pumpOverlapped(s: Sock): void {
  const h = s.handle;
  if (!queued.has(h)) return;
  const list = queued.get(h);
  const saved = getLastError();
  let recvBlocked = false;
  let sendBlocked = false;
  let i = 0;
  while (i < list.length) {
    const op = unchecked(list[i]);
    if (op.recv ? recvBlocked : sendBlocked) { i++; continue; }
    if (runOp(h, s, op)) list.splice(i, 1);
    else {
      if (op.recv) recvBlocked = true; else sendBlocked = true;
      i++;
    }
  }
  if (list.length == 0) queued.delete(h);
  setLastError(saved);
}

/** closesocket / WSACleanup: every queued operation completes with WSA_OPERATION_ABORTED. */
export function abortOverlapped(s: Sock): void {
  const h = s.handle;
  if (!queued.has(h)) return;
  const list = queued.get(h);
  for (let i = 0; i < list.length; i++) completeAt(unchecked(list[i]).ovl, C.WSA_OPERATION_ABORTED, 0);
  queued.delete(h);
  s.ovRecv = 0;
  s.ovSend = 0;
}

/** Limits of what the core keeps for queued calls: more is WSAENOBUFS. */
const MAX_QUEUED: i32 = 1024;     // queued calls per socket
const MAX_QUEUED_BUFS: u32 = 1024; // WSABUFs of one queued call

function queueFull(s: Sock, count: u32): bool {
  return count > MAX_QUEUED_BUFS || s.ovRecv + s.ovSend >= MAX_QUEUED;
}

function enqueue(h: i32, s: Sock, op: Op): i32 {
  store<u32>(op.ovl, C.STATUS_PENDING);
  store<u32>(op.ovl + 4, 0);
  if (!queued.has(h)) queued.set(h, new Array<Op>());
  queued.get(h).push(op);
  if (op.recv) s.ovRecv++; else s.ovSend++;
  setLastError(C.WSA_IO_PENDING);
  return -1;
}

function captureBufs(bufs: usize, count: u32): StaticArray<u32> {
  const a = new StaticArray<u32>(<i32>count << 1);
  if (count > 0) memory.copy(changetype<usize>(a), bufs, <usize>count << 3);
  return a;
}

/** WSASendTo's address, copied for a queued call (a stream ignores it, as sendto does). */
function captureTo(s: Sock, to: usize, tolen: i32): StaticArray<u8> | null {
  if (s.type == C.SOCK_STREAM || to == 0 || tolen <= 0 || tolen > 128 || !inMem(to, tolen)) return null;
  const a = new StaticArray<u8>(tolen);
  memory.copy(changetype<usize>(a), to, tolen);
  return a;
}

/** Checks shared by the four calls; returns the socket or null with the last error set. */
function dataCall(h: i32, bufs: usize, count: u32, bytes: usize, ovl: usize, routine: usize): Sock | null {
  const s = sockFor(h);
  if (s === null) return null;
  const t = bufTotal(bufs, count);
  if (t == -1) { fail(SockErr.Fault); return null; }
  if (t == -2) { fail(SockErr.Inval); return null; }
  if (ovl != 0) {
    if (!inMem(ovl, C.WSAOVERLAPPED_LEN)) { fail(SockErr.Fault); return null; }
    if (routine != 0) { fail(SockErr.OpNotSupp); return null; }
    if (!s.overlapped) { fail(SockErr.Inval); return null; }
    if (bytes != 0 && !inMem(bytes, 4)) { fail(SockErr.Fault); return null; }
  } else if (!inMem(bytes, 4)) { fail(SockErr.Fault); return null; }
  return s;
}

function finishNow(bytes: usize, flagsOut: usize, ovl: usize): i32 {
  if (bytes != 0 && (outErr == 0 || outFlags != 0)) store<u32>(bytes, <u32>outBytes);
  if (flagsOut != 0 && (outErr == 0 || outFlags != 0)) store<u32>(flagsOut, <u32>outFlags);
  if (ovl != 0 && (outErr == 0 || outFlags != 0)) completeAt(ovl, outErr, outBytes);
  if (outErr == 0) return 0;
  setLastError(outErr);
  return -1;
}

// ---- the calls ---------------------------------------------------------------------------------

export function WSASend(h: i32, bufs: usize, count: u32, sent: usize, flags: i32, ovl: usize, routine: usize): i32 {
  return WSASendTo(h, bufs, count, sent, flags, 0, 0, ovl, routine);
}

export function WSASendTo(h: i32, bufs: usize, count: u32, sent: usize, flags: i32, to: usize, tolen: i32, ovl: usize, routine: usize): i32 {
  const s = dataCall(h, bufs, count, sent, ovl, routine);
  if (s === null) return -1;
  const total = bufTotal(bufs, count);
  if (ovl != 0 && s.ovSend > 0) {
    // Behind queued sends: queued without trying (it runs when those have run).
    if (s.type != C.SOCK_STREAM && to != 0 && (tolen <= 0 || tolen > 128 || !inMem(to, tolen))) return fail(SockErr.Fault);
    if (queueFull(s, count)) return fail(SockErr.NoBufs);
    return enqueue(h, s, new Op(false, ovl, captureBufs(bufs, count), count, total, flags, 0, 0, captureTo(s, to, tolen), tolen));
  }
  sendFrom(h, s, bufs, count, total, flags, to, tolen);
  if (ovl != 0 && outErr == toWsa(SockErr.WouldBlock)) {
    if (queueFull(s, count)) return fail(SockErr.NoBufs);
    return enqueue(h, s, new Op(false, ovl, captureBufs(bufs, count), count, total, flags, 0, 0, captureTo(s, to, tolen), tolen));
  }
  return finishNow(sent, 0, ovl);
}

export function WSARecv(h: i32, bufs: usize, count: u32, recvd: usize, flags: usize, ovl: usize, routine: usize): i32 {
  return WSARecvFrom(h, bufs, count, recvd, flags, 0, 0, ovl, routine);
}

export function WSARecvFrom(h: i32, bufs: usize, count: u32, recvd: usize, flags: usize, from: usize, fromlen: usize, ovl: usize, routine: usize): i32 {
  const s = dataCall(h, bufs, count, recvd, ovl, routine);
  if (s === null) return -1;
  if (!inMem(flags, 4)) return fail(SockErr.Fault);
  if (from != 0 && s.type != C.SOCK_STREAM) { // ignored on a connection-oriented socket, as recvfrom does
    const need = s.af == C.AF_INET6 ? C.SOCKADDR_IN6_LEN : C.SOCKADDR_IN_LEN;
    if (!inMem(fromlen, 4) || load<i32>(fromlen) < need || !inMem(from, need)) return fail(SockErr.Fault);
  }
  const total = bufTotal(bufs, count);
  const f = load<i32>(flags) & ~C.MSG_PARTIAL;
  if (ovl != 0 && s.ovRecv > 0) {
    if ((f & ~(C.MSG_OOB | C.MSG_PEEK)) != 0) return fail(SockErr.OpNotSupp);
    if (queueFull(s, count)) return fail(SockErr.NoBufs);
    return enqueue(h, s, new Op(true, ovl, captureBufs(bufs, count), count, total, f, from, fromlen, null, 0));
  }
  recvInto(h, s, bufs, count, total, f, from, fromlen);
  if (ovl != 0 && outErr == toWsa(SockErr.WouldBlock) && (s.type != C.SOCK_STREAM || s.state == SockState.Connected)) {
    if (queueFull(s, count)) return fail(SockErr.NoBufs);
    return enqueue(h, s, new Op(true, ovl, captureBufs(bufs, count), count, total, f, from, fromlen, null, 0));
  }
  return finishNow(recvd, flags, ovl);
}

/**
 * The result of an overlapped call: TRUE with *lpcbTransfer bytes and *lpdwFlags (MSG_PARTIAL for a
 * truncated datagram), or FALSE with the call's error. While it is pending: FALSE with
 * WSA_IO_INCOMPLETE whatever fWait says (the core never waits; hosts wait for hEvent and ask again).
 * The socket is checked only while the call is pending, so the WSA_OPERATION_ABORTED of a call that
 * closesocket cancelled can still be read.
 */
export function WSAGetOverlappedResult(h: i32, ovl: usize, transfer: usize, wait: i32, flagsOut: usize): i32 {
  if (negotiatedVersion() == 0) { fail(SockErr.NotInitialised); return 0; }
  if (!inMem(ovl, C.WSAOVERLAPPED_LEN) || !inMem(transfer, 4) || !inMem(flagsOut, 4)) { fail(SockErr.Fault); return 0; }
  const st = load<u32>(ovl);
  if (st == C.STATUS_PENDING) {
    if (lookup(h) === null) fail(SockErr.NotSock);
    else setLastError(C.WSA_IO_INCOMPLETE);
    return 0;
  }
  store<u32>(transfer, load<u32>(ovl + 4));
  store<u32>(flagsOut, st == C.STATUS_BUFFER_OVERFLOW ? <u32>C.MSG_PARTIAL : 0);
  if (st == C.STATUS_SUCCESS) return 1;
  setLastError(errorOf(st));
  return 0;
}

/**
 * A completed WSAOVERLAPPED's result as a completion routine gets it: its dwError (0, or the WSA
 * error WSAGetOverlappedResult would set), *transfer = bytes, *flagsOut = MSG_PARTIAL for a
 * truncated datagram. The last error is left alone, and there is no socket or startup check (a
 * routine of a call cancelled by the last WSACleanup still gets WSA_OPERATION_ABORTED); -1 when a
 * pointer is outside memory or the call is still pending.
 */
export function completedResult(ovl: usize, transfer: usize, flagsOut: usize): i32 {
  if (!inMem(ovl, C.WSAOVERLAPPED_LEN) || !inMem(transfer, 4) || !inMem(flagsOut, 4)) return -1;
  const st = load<u32>(ovl);
  if (st == C.STATUS_PENDING) return -1;
  store<u32>(transfer, load<u32>(ovl + 4));
  store<u32>(flagsOut, st == C.STATUS_BUFFER_OVERFLOW ? <u32>C.MSG_PARTIAL : 0);
  return st == C.STATUS_SUCCESS ? 0 : errorOf(st);
}

/** Overlapped operations queued on socket h (-1: not a socket), for hosts and tests. */
export function pendingOverlapped(h: i32): i32 {
  const s = lookup(h);
  return s === null ? -1 : s.ovRecv + s.ovSend;
}
