// The Winsock surface: startup, sockets, options, ioctls, select/WSAPoll and the catalog query.
// Every function validates its arguments the way Windows does (reference/winsock-behaviour.md and
// the Microsoft Learn page of each function), then calls the socket's provider through the
// catalog's Provider interface. Failures return SOCKET_ERROR (-1) and set the last error.
// The core never blocks: a call that would block on Windows fails with WSAEWOULDBLOCK here, and the
// host's awaitable forms wait for the events that make it succeed.

import { SockErr, toWsa } from "./errors";
import { getLastError, setLastError } from "./last-error";
import { Sock, SockState, allocSock, allSocks, freeSock, lookup, sendAllowed } from "./sock";
import { inMem } from "./memory";
import { associate, inherit, rearm, record, takeRecord } from "./netevents";
import { closeEvent, createEvent, eventState, resetEvent, setEvent } from "./event-objects";
import * as C from "./constants";
import { HOST_BUFFER, MAX_SEND, SENT_NOW } from "../catalog/provider";
import { PROTOCOL_INFOW_LEN, ProtocolEntry, entryAt, entryById, entryCount, lastLookupError, selectEntry,
  PFL_HIDDEN } from "../catalog/catalog";
import { installHostProvider } from "../catalog/host-provider";
import { abortOverlapped, completeAt, pumpOverlapped } from "./overlapped";

const WSADATA_LEN: i32 = 400; // 32-bit WSADATA: 2 + 2 + 257 + 129 + 2 + 2 (+2 pad) + 4

let refs: i32 = 0;
let version: i32 = 0;

export function fail(e: SockErr): i32 {
  setLastError(toWsa(e));
  return -1;
}

// ---- startup ------------------------------------------------------------------------------

function writeStr(p: usize, s: string, cap: i32): void {
  memory.fill(p, 0, cap);
  const n = min(s.length, cap - 1);
  for (let i = 0; i < n; i++) store<u8>(p + i, <u8>s.charCodeAt(i));
}

function writeWsaData(p: usize, ver: i32): void {
  store<u16>(p, <u16>ver);
  store<u16>(p + 2, 0x0202);
  writeStr(p + 4, "WinSock 2.0", 257);
  writeStr(p + 261, "Running", 129);
  const v1 = (ver & 0xff) < 2;
  store<u16>(p + 390, v1 ? 32767 : 0);  // iMaxSockets: ignored from 2.0 on
  store<u16>(p + 392, v1 ? 65467 : 0);  // iMaxUdpDg: ignored from 2.0 on
  store<u16>(p + 394, 0);
  store<u32>(p + 396, 0);               // lpVendorInfo
}

/** Returns the error (it does not set the last error), as Windows does. */
export function WSAStartup(requested: i32, data: usize): i32 {
  const major = requested & 0xff;
  const minor = (requested >> 8) & 0xff;
  let ver: i32;
  let bad = false;
  if (major == 0) { ver = 0x0202; bad = true; }
  else if (major == 1) ver = minor == 0 ? 0x0001 : 0x0101;
  else if (major == 2) ver = minor <= 2 ? (requested & 0xffff) : 0x0202;
  else ver = 0x0202;
  const good = inMem(data, WSADATA_LEN);
  if (good) writeWsaData(data, ver);
  if (bad) return toWsa(SockErr.VerNotSupported);
  if (!good) return toWsa(SockErr.Fault);
  installHostProvider();
  refs++;
  version = ver;
  return 0;
}

export function WSACleanup(): i32 {
  if (refs == 0) return fail(SockErr.NotInitialised);
  refs--;
  if (refs == 0) {
    // Sockets still open are reset and released as if closesocket had been called.
    const all = allSocks();
    for (let i = 0; i < all.length; i++) {
      const s = unchecked(all[i]);
      abortOverlapped(s);
      s.provider.close(s, true);
      freeSock(s);
    }
  }
  return 0;
}

export function WSAGetLastError(): i32 {
  return getLastError();
}

export function WSASetLastError(e: i32): void {
  setLastError(e);
}

export function negotiatedVersion(): i32 {
  return refs > 0 ? version : 0;
}

// Winsock 1.1 blocking hooks: gone from 2.0 on (WSAEOPNOTSUPP); with 1.x they work, and there is
// never a blocking call in progress to cancel (the core does not block).
const DEFAULT_HOOK: i32 = 1;
let blockingHook: i32 = DEFAULT_HOOK;

function hookAllowed(): SockErr {
  if (refs == 0) return SockErr.NotInitialised;
  return (version & 0xff) >= 2 ? SockErr.OpNotSupp : SockErr.Ok;
}

export function WSASetBlockingHook(fn: i32): i32 {
  const e = hookAllowed();
  if (e != SockErr.Ok) { fail(e); return 0; }
  const prev = blockingHook;
  blockingHook = fn;
  return prev;
}

export function WSAUnhookBlockingHook(): i32 {
  const e = hookAllowed();
  if (e != SockErr.Ok) return fail(e);
  blockingHook = DEFAULT_HOOK;
  return 0;
}

export function WSACancelBlockingCall(): i32 {
  const e = hookAllowed();
  if (e != SockErr.Ok) return fail(e);
  return fail(SockErr.Inval); // no outstanding blocking call
}

export function WSAIsBlocking(): i32 {
  return 0;
}

// ---- helpers --------------------------------------------------------------------------------

function addrLen(af: i32): i32 {
  return af == C.AF_INET6 ? C.SOCKADDR_IN6_LEN : C.SOCKADDR_IN_LEN;
}

/** The socket for h, or null with the last error set (WSANOTINITIALISED / WSAENOTSOCK). */
export function sockFor(h: i32): Sock | null {
  if (refs == 0) { fail(SockErr.NotInitialised); return null; }
  const s = lookup(h);
  if (s === null) fail(SockErr.NotSock);
  return s;
}

/** Validates a sockaddr argument for socket s. */
function checkAddr(s: Sock, p: usize, len: i32): SockErr {
  const need = addrLen(s.af);
  if (p == 0 || len < need || !inMem(p, need)) return SockErr.Fault;
  if (<i32>load<u16>(p) != s.af) return SockErr.AfNoSupport;
  return SockErr.Ok;
}

/** True when the address (port and IP) is the wildcard or the port is 0 (not a connect target). */
function unroutable(s: Sock, p: usize): bool {
  if (load<u16>(p + 2) == 0) return true;
  if (s.af == C.AF_INET) return load<u32>(p + 4) == 0;
  return load<u64>(p + 8) == 0 && load<u64>(p + 16) == 0;
}

/**
 * True when a datagram socket names the limited broadcast address (255.255.255.255) without
 * SO_BROADCAST: sendto, a datagram connect and a datagram bind then fail with WSAEACCES (their
 * Microsoft Learn pages).
 */
function broadcastDenied(s: Sock, p: usize): bool {
  return s.af == C.AF_INET && !s.broadcast && load<u32>(p + 4) == 0xffffffff;
}

const wildcard = memory.data(32);

/** Binds an unbound socket to the wildcard address and port 0, as Windows does implicitly. */
function implicitBind(s: Sock): SockErr {
  if (s.bound) return SockErr.Ok;
  memory.fill(wildcard, 0, 32);
  store<u16>(wildcard, <u16>s.af);
  const e = s.provider.bind(s, wildcard, addrLen(s.af));
  if (e == SockErr.Ok) {
    s.bound = true;
    if (s.state == SockState.Open) s.setState(SockState.Bound);
  }
  return e;
}

function dataBufOk(p: usize, len: i32): bool {
  if (len < 0) return false;
  if (p == HOST_BUFFER) return true;
  if (len == 0) return true;
  return inMem(p, len);
}

// ---- sockets --------------------------------------------------------------------------------

/** socket() sockets are overlapped, as on Windows. */
export function socket(af: i32, type: i32, protocol: i32): i32 {
  return WSASocketW(af, type, protocol, 0, 0, C.WSA_FLAG_OVERLAPPED);
}

const KNOWN_FLAGS: i32 = C.WSA_FLAG_OVERLAPPED | 0x40 /* ACCESS_SYSTEM_SECURITY */ | 0x80 /* NO_HANDLE_INHERIT */;

export function WSASocketW(af: i32, type: i32, protocol: i32, info: usize, group: i32, flags: i32): i32 {
  if (refs == 0) return fail(SockErr.NotInitialised);
  let e: ProtocolEntry | null;
  if (info != 0) {
    if (!inMem(info, PROTOCOL_INFOW_LEN)) return fail(SockErr.Fault);
    if (af == C.FROM_PROTOCOL_INFO) af = load<i32>(info + 76);
    if (type == C.FROM_PROTOCOL_INFO) type = load<i32>(info + 88);
    if (protocol == C.FROM_PROTOCOL_INFO) protocol = load<i32>(info + 92);
    e = entryById(load<u32>(info + 36));
    if (e === null || e.chainLen == 0 || e.af != af || e.type != type) return fail(SockErr.Inval);
  } else {
    e = selectEntry(af, type, protocol);
    if (e === null) return fail(lastLookupError());
  }
  if (group != 0 || (flags & ~KNOWN_FLAGS) != 0) return fail(SockErr.Inval);
  const s = allocSock(e.provider);
  if (s === null) return fail(SockErr.MFile);
  s.af = e.af;
  s.type = e.type;
  s.protocol = e.protocol;
  s.catalogId = e.catalogId;
  s.overlapped = (flags & C.WSA_FLAG_OVERLAPPED) != 0;
  const r = e.provider.open(s);
  if (r != SockErr.Ok) {
    freeSock(s);
    return fail(r);
  }
  setLastError(0);
  return s.handle;
}

export function closesocket(h: i32): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  const abortive = s.lingerOn && s.lingerSecs == 0;
  // A non-blocking socket cannot wait out a linger time: with data still queued it stays open.
  if (s.nonBlocking && s.lingerOn && s.lingerSecs != 0 && s.type == C.SOCK_STREAM && s.sndQueued > 0) {
    return fail(SockErr.WouldBlock);
  }
  abortOverlapped(s);
  const on = s.deferredOn;
  if (on !== null && on.deferred === s) { on.deferred = null; on.pendingAccepts--; } // closed while deferred
  const d = takeDeferred(s);
  if (d !== null) { d.provider.close(d, true); freeSock(d); } // never accepted: reset, as the backlog is
  s.provider.close(s, abortive);
  freeSock(s);
  return 0;
}

export function bind(h: i32, name: usize, namelen: i32): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  const e = checkAddr(s, name, namelen);
  if (e != SockErr.Ok) return fail(e);
  if (s.bound) return fail(SockErr.Inval);
  if (s.type != C.SOCK_STREAM && broadcastDenied(s, name)) return fail(SockErr.Access);
  const r = s.provider.bind(s, name, addrLen(s.af));
  if (r != SockErr.Ok) return fail(r);
  s.bound = true;
  if (s.state == SockState.Open) s.setState(SockState.Bound);
  return 0;
}

export function listen(h: i32, backlog: i32): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (s.type != C.SOCK_STREAM) return fail(SockErr.OpNotSupp);
  if (s.state == SockState.Connected || s.state == SockState.Connecting) return fail(SockErr.IsConn);
  if (!s.bound) return fail(SockErr.Inval);
  if (s.state == SockState.Listening) return 0;
  const r = s.provider.listen(s, max(1, min(backlog, 0x7fffffff)));
  if (r != SockErr.Ok) return fail(r);
  s.setState(SockState.Listening);
  return 0;
}

export function accept(h: i32, addr: usize, addrlen: usize): i32 {
  const r = acceptCall(h, addr, addrlen);
  const s = lookup(h);
  if (s !== null) rearm(s, C.FD_ACCEPT); // the re-enabling call, whatever its outcome
  return r;
}

function acceptCall(h: i32, addr: usize, addrlen: usize): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (s.type != C.SOCK_STREAM) return fail(SockErr.OpNotSupp); // no connection-oriented service
  if (s.state != SockState.Listening) return fail(SockErr.Inval);
  let cap: i32 = 0;
  if (addr != 0 || addrlen != 0) {
    if (!inMem(addrlen, 4)) return fail(SockErr.Fault);
    cap = load<i32>(addrlen);
    if (addr != 0 && (cap < addrLen(s.af) || !inMem(addr, cap))) return fail(SockErr.Fault);
  }
  if (s.pendingAccepts == 0) return fail(SockErr.WouldBlock);
  const d = takeDeferred(s);
  if (d !== null) {
    s.pendingAccepts--;
    if (addr != 0) {
      const len = d.provider.name(d, true, addr, cap);
      if (len >= 0) store<i32>(addrlen, len);
    }
    return d.handle;
  }
  const n = allocSock(s.provider);
  if (n === null) return fail(SockErr.MFile);
  n.af = s.af; n.type = s.type; n.protocol = s.protocol; n.catalogId = s.catalogId;
  // The accepted socket inherits the listener's properties (mode and options).
  n.nonBlocking = s.nonBlocking;
  n.overlapped = s.overlapped;
  n.keepAlive = s.keepAlive; n.keepAliveTime = s.keepAliveTime; n.keepAliveInterval = s.keepAliveInterval; n.lingerOn = s.lingerOn; n.lingerSecs = s.lingerSecs;
  n.oobInline = s.oobInline; n.debug = s.debug; n.dontRoute = s.dontRoute; n.noDelay = s.noDelay; n.ttl = s.ttl; n.v6Only = s.v6Only;
  n.sndBuf = s.sndBuf; n.rcvBuf = s.rcvBuf; n.sndTimeo = s.sndTimeo; n.rcvTimeo = s.rcvTimeo;
  s.pendingAccepts--;
  const r = s.provider.accept(s, n);
  if (r != SockErr.Ok) {
    freeSock(n);
    return fail(r);
  }
  n.bound = true;
  n.setState(SockState.Connected);
  inherit(n, s);
  if (addr != 0) {
    const len = n.provider.name(n, true, addr, cap);
    if (len >= 0) store<i32>(addrlen, len);
  }
  return n.handle;
}

/** Takes the connection deferred on listener s, if any (closing that connection empties the slot first). */
function takeDeferred(s: Sock): Sock | null {
  const d = s.deferred;
  if (d === null) return null;
  s.deferred = null;
  d.deferredOn = null;
  return d;
}

/**
 * WSAAccept's verdict on connection n, just accepted from listener h (Microsoft Learn, WSAAccept).
 * The hosts call the condition function (the core cannot call one) and hand its result here.
 * - CF_ACCEPT: n is the result (last error 0).
 * - CF_REJECT: n is reset; WSAECONNREFUSED.
 * - CF_DEFER: n goes back to the head of h's backlog (the listener reads as readable again,
 *   FD_ACCEPT is recorded again, the next accept hands out n with its handle unchanged, closing h
 *   resets it); WSATRY_AGAIN. Any other value: the same, but WSAEINVAL.
 * - If h is no longer a listener (the function closed it), n is reset and h's error given.
 */
export function acceptVerdict(h: i32, n: i32, verdict: i32): i32 {
  const c = lookup(n);
  if (c === null || c.state != SockState.Connected || c.didConnect || c.deferredOn !== null) return fail(SockErr.Inval);
  if (verdict == C.CF_ACCEPT) { setLastError(0); return n; }
  const s = sockFor(h); // (WSAENOTSOCK when the function closed it)
  let err = 0;
  if (verdict == C.CF_REJECT) err = toWsa(SockErr.ConnRefused);
  else if (s === null) err = getLastError();
  else if (s.state != SockState.Listening || s.deferred !== null) err = toWsa(SockErr.Inval);
  if (err != 0) {
    c.lingerOn = true; // SO_LINGER {1, 0}: reset
    c.lingerSecs = 0;
    closesocket(n);
    setLastError(err);
    return -1;
  }
  const l = s!;
  l.deferred = c;
  c.deferredOn = l;
  l.pendingAccepts++;
  rearm(l, C.FD_ACCEPT);
  setLastError(verdict == C.CF_DEFER ? C.WSATRY_AGAIN : toWsa(SockErr.Inval));
  return -1;
}

export function connect(h: i32, name: usize, namelen: i32): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (s.type != C.SOCK_STREAM) {
    // Datagram: (re)associate, or dissolve with AF_UNSPEC.
    if (name != 0 && namelen >= 2 && inMem(name, 2) && load<u16>(name) == <u16>C.AF_UNSPEC) {
      const r = s.provider.connect(s, name, 0);
      if (r != SockErr.Ok) return fail(r);
      s.udpConnected = false;
      return 0;
    }
    const e = checkAddr(s, name, namelen);
    if (e != SockErr.Ok) return fail(e);
    if (unroutable(s, name)) return fail(SockErr.AddrNotAvail);
    if (broadcastDenied(s, name)) return fail(SockErr.Access);
    const b = implicitBind(s);
    if (b != SockErr.Ok) return fail(b);
    const r = s.provider.connect(s, name, addrLen(s.af));
    if (r != SockErr.Ok) return fail(r);
    s.udpConnected = true;
    s.evArmed |= C.FD_CONNECT;
    record(s, C.FD_CONNECT, 0); // a datagram connect completes at once
    return 0;
  }
  if (s.state == SockState.Listening) return fail(SockErr.Inval);
  if (s.state == SockState.Connected) return fail(SockErr.IsConn);
  if (s.state == SockState.Connecting) return fail(SockErr.Already);
  const e = checkAddr(s, name, namelen);
  if (e != SockErr.Ok) return fail(e);
  if (unroutable(s, name)) return fail(SockErr.AddrNotAvail);
  const r = s.provider.connect(s, name, addrLen(s.af));
  if (r != SockErr.Ok) return fail(r);
  s.bound = true;
  s.connectFailed = false;
  s.soError = 0;
  s.evArmed |= C.FD_CONNECT; // each attempt reports its outcome once
  s.setState(SockState.Connecting);
  return fail(SockErr.WouldBlock);
}

export function send(h: i32, buf: usize, len: i32, flags: i32): i32 {
  return sendto(h, buf, len, flags, 0, 0);
}

export function sendto(h: i32, buf: usize, len: i32, flags: i32, to: usize, tolen: i32): i32 {
  const r = sendCall(h, buf, len, flags, to, tolen);
  if (r < 0 && getLastError() == toWsa(SockErr.WouldBlock)) {
    const s = lookup(h);
    if (s !== null) rearm(s, C.FD_WRITE); // FD_WRITE comes again once the send would succeed
  }
  return r;
}

function sendCall(h: i32, buf: usize, len: i32, flags: i32, to: usize, tolen: i32): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (!dataBufOk(buf, len)) return fail(SockErr.Fault);
  if ((flags & ~(C.MSG_OOB | C.MSG_DONTROUTE)) != 0) return fail(SockErr.OpNotSupp);
  if (s.type == C.SOCK_STREAM) {
    if (s.resetErr != 0) { setLastError(s.resetErr); return -1; }
    if (s.shutSend) return fail(SockErr.Shutdown);
    if (s.state != SockState.Connected) return fail(SockErr.NotConn);
    if ((flags & C.MSG_OOB) != 0) return fail(SockErr.OpNotSupp); // the host provider has no urgent data
    if (len == 0) return 0;
    if (!sendAllowed(s)) return fail(SockErr.WouldBlock);
    return streamSendMore(s, buf, len, flags);
  }
  if ((flags & C.MSG_OOB) != 0) return fail(SockErr.OpNotSupp);
  if (s.shutSend) return fail(SockErr.Shutdown);
  let tlen: i32 = 0;
  if (to != 0) {
    const e = checkAddr(s, to, tolen);
    if (e != SockErr.Ok) return fail(e);
    if (unroutable(s, to)) return fail(SockErr.AddrNotAvail);
    if (broadcastDenied(s, to)) return fail(SockErr.Access);
    tlen = addrLen(s.af);
  } else if (!s.udpConnected) {
    return fail(SockErr.NotConn);
  }
  const e2 = entryById(s.catalogId);
  if (e2 !== null && e2.messageSize != 0 && <u32>len > e2.messageSize) return fail(SockErr.MsgSize);
  const b = implicitBind(s);
  if (b != SockErr.Ok) return fail(b);
  const n = s.provider.send(s, buf, len, flags, to, tlen);
  if (n < 0) return fail(<SockErr>(-n));
  return n;
}

/**
 * Hands `len` bytes of a stream send that was already allowed to the provider (no readiness check:
 * a send that is allowed takes all its bytes). Returns the count, or -1 with the last error set.
 */
export function streamSendMore(s: Sock, buf: usize, len: i32, flags: i32): i32 {
  const r = s.provider.send(s, buf, min(len, MAX_SEND), flags, 0, 0);
  if (r < 0) return fail(<SockErr>(-r));
  const n = r & MAX_SEND;
  // SENT_NOW: the provider put it all on the network already, so nothing is left queued.
  if (n > 0 && (r & SENT_NOW) == 0) { s.sndQueued += n; s.sndWrites++; }
  return n;
}

export function recv(h: i32, buf: usize, len: i32, flags: i32): i32 {
  return recvfrom(h, buf, len, flags, 0, 0);
}

export function recvfrom(h: i32, buf: usize, len: i32, flags: i32, from: usize, fromlen: usize): i32 {
  const r = recvCall(h, buf, len, flags, from, fromlen);
  const s = lookup(h);
  if (s !== null) rearm(s, C.FD_READ | C.FD_OOB); // the re-enabling call, whatever its outcome
  return r;
}

function recvCall(h: i32, buf: usize, len: i32, flags: i32, from: usize, fromlen: usize): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (!dataBufOk(buf, len)) return fail(SockErr.Fault);
  if ((flags & ~(C.MSG_OOB | C.MSG_PEEK)) != 0) return fail(SockErr.OpNotSupp);
  let cap: i32 = 0;
  // "The from and fromlen parameters are ignored for connection-oriented sockets" (recvfrom).
  if (from != 0 && s.type != C.SOCK_STREAM) {
    if (!inMem(fromlen, 4)) return fail(SockErr.Fault);
    cap = load<i32>(fromlen);
    if (cap < addrLen(s.af) || !inMem(from, cap)) return fail(SockErr.Fault);
  }
  const peek = (flags & C.MSG_PEEK) != 0;
  if (s.type == C.SOCK_STREAM) {
    if (s.state != SockState.Connected) return fail(SockErr.NotConn);
    if ((flags & C.MSG_OOB) != 0) {
      // No urgent data ever arrives over the host provider.
      return fail(s.oobInline ? SockErr.Inval : SockErr.WouldBlock);
    }
    if (s.shutRecv) return fail(SockErr.Shutdown);
    if (s.resetErr != 0) { setLastError(s.resetErr); return -1; }
    if (s.rxAvail == 0) return s.peerEof ? 0 : fail(SockErr.WouldBlock);
    if (len == 0) return 0;
    const n = s.provider.recv(s, buf, min(len, s.rxAvail), flags, 0, 0);
    if (n < 0) return fail(<SockErr>(-n));
    if (!peek) s.rxAvail -= n;
    return n; // a stream leaves `from` untouched, as Windows does
  }
  if ((flags & C.MSG_OOB) != 0) return fail(SockErr.OpNotSupp);
  if (!s.bound) return fail(SockErr.Inval);
  if (s.shutRecv) return fail(SockErr.Shutdown);
  if (s.dgrams == 0) return fail(SockErr.WouldBlock);
  const full = s.provider.recv(s, buf, len, flags, from, cap);
  if (full < 0) return fail(<SockErr>(-full));
  if (!peek) { s.dgrams--; s.rxAvail = max(0, s.rxAvail - full); }
  if (from != 0) store<i32>(fromlen, addrLen(s.af));
  if (full > len) return fail(SockErr.MsgSize);
  return full;
}

/**
 * SD_RECEIVE on a stream: recv fails with WSAESHUTDOWN from now on, and data queued or arriving
 * later resets the connection (the provider sends the RST and reports WSAECONNABORTED; shutdown's
 * Microsoft Learn page). On a datagram socket datagrams are still queued, unread.
 */
export function shutdown(h: i32, how: i32): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (how < C.SD_RECEIVE || how > C.SD_BOTH) return fail(SockErr.Inval);
  if (s.type == C.SOCK_STREAM && s.state != SockState.Connected) return fail(SockErr.NotConn);
  if (how != C.SD_SEND && !s.shutRecv) {
    s.shutRecv = true;
    s.provider.shutdown(s, C.SD_RECEIVE);
  }
  if (how != C.SD_RECEIVE && !s.shutSend) {
    s.shutSend = true;
    const r = s.provider.shutdown(s, C.SD_SEND);
    if (r != SockErr.Ok) return fail(r);
  }
  if (s.ovRecv + s.ovSend != 0) pumpOverlapped(s); // queued calls now fail with WSAESHUTDOWN
  return 0;
}

function nameOf(h: i32, peer: bool, name: usize, namelen: usize): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (!peer && !s.bound) return fail(SockErr.Inval);
  if (peer && (s.type == C.SOCK_STREAM ? s.state != SockState.Connected : !s.udpConnected)) {
    return fail(SockErr.NotConn);
  }
  if (name == 0 || !inMem(namelen, 4)) return fail(SockErr.Fault);
  const cap = load<i32>(namelen);
  if (cap < addrLen(s.af) || !inMem(name, addrLen(s.af))) return fail(SockErr.Fault);
  const n = s.provider.name(s, peer, name, addrLen(s.af));
  if (n < 0) return fail(<SockErr>(-n));
  store<i32>(namelen, n);
  return 0;
}

export function getsockname(h: i32, name: usize, namelen: usize): i32 {
  return nameOf(h, false, name, namelen);
}

export function getpeername(h: i32, name: usize, namelen: usize): i32 {
  return nameOf(h, true, name, namelen);
}

// ---- options --------------------------------------------------------------------------------

/** Size Windows requires for an option's value, or 0 when (level, name) is not an option here. */
function optSize(level: i32, name: i32): i32 {
  if (level == C.SOL_SOCKET) {
    if (name == C.SO_LINGER) return 4; // struct linger { u_short l_onoff, l_linger }
    if (name == C.SO_PROTOCOL_INFOW) return PROTOCOL_INFOW_LEN;
    if (name == C.SO_ACCEPTCONN || name == C.SO_REUSEADDR || name == C.SO_EXCLUSIVEADDRUSE ||
        name == C.SO_KEEPALIVE || name == C.SO_DONTLINGER || name == C.SO_SNDBUF || name == C.SO_RCVBUF ||
        name == C.SO_BROADCAST || name == C.SO_TYPE || name == C.SO_ERROR || name == C.SO_RCVTIMEO ||
        name == C.SO_SNDTIMEO || name == C.SO_OOBINLINE || name == C.SO_DEBUG || name == C.SO_DONTROUTE ||
        name == C.SO_CONDITIONAL_ACCEPT) return 4;
    return 0;
  }
  if (level == C.IPPROTO_TCP) return name == C.TCP_NODELAY ? 4 : 0;
  if (level == C.IPPROTO_IP) return name == C.IP_TTL ? 4 : 0;
  if (level == C.IPPROTO_IPV6) return name == C.IPV6_V6ONLY ? 4 : 0;
  return -1;
}

/** Errors for (level, name) on this socket, before any length check. */
function optApplies(s: Sock, level: i32, name: i32): SockErr {
  const size = optSize(level, name);
  if (size < 0) return SockErr.Inval;
  if (size == 0) return SockErr.NoProtoOpt;
  const stream = s.type == C.SOCK_STREAM;
  if (level == C.SOL_SOCKET) {
    if (!stream && (name == C.SO_LINGER || name == C.SO_DONTLINGER || name == C.SO_KEEPALIVE ||
        name == C.SO_OOBINLINE || name == C.SO_CONDITIONAL_ACCEPT)) return SockErr.NoProtoOpt;
    return SockErr.Ok;
  }
  if (level == C.IPPROTO_TCP) return stream ? SockErr.Ok : SockErr.NoProtoOpt;
  if (level == C.IPPROTO_IP) return s.af == C.AF_INET ? SockErr.Ok : SockErr.Inval;
  return s.af == C.AF_INET6 ? SockErr.Ok : SockErr.Inval;
}

export function getsockopt(h: i32, level: i32, name: i32, val: usize, vallen: usize): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  const e = optApplies(s, level, name);
  if (e != SockErr.Ok) return fail(e);
  const size = optSize(level, name);
  if (val == 0 || !inMem(vallen, 4)) return fail(SockErr.Fault);
  if (load<i32>(vallen) < size || !inMem(val, size)) return fail(SockErr.Fault);
  let v: i32 = 0;
  if (level == C.SOL_SOCKET) {
    switch (name) {
      case C.SO_ACCEPTCONN: v = s.state == SockState.Listening ? 1 : 0; break;
      case C.SO_REUSEADDR: v = s.reuseAddr ? 1 : 0; break;
      case C.SO_EXCLUSIVEADDRUSE: v = s.exclusiveAddr ? 1 : 0; break;
      case C.SO_KEEPALIVE: v = s.keepAlive ? 1 : 0; break;
      case C.SO_DONTLINGER: v = s.lingerOn ? 0 : 1; break;
      case C.SO_LINGER: v = (s.lingerOn ? 1 : 0) | (<i32>s.lingerSecs << 16); break;
      case C.SO_SNDBUF: v = s.sndBuf; break;
      case C.SO_RCVBUF: v = s.rcvBuf; break;
      case C.SO_BROADCAST: v = s.broadcast ? 1 : 0; break;
      case C.SO_TYPE: v = s.type; break;
      case C.SO_ERROR: v = s.soError; s.soError = 0; break;
      case C.SO_RCVTIMEO: v = <i32>s.rcvTimeo; break;
      case C.SO_SNDTIMEO: v = <i32>s.sndTimeo; break;
      case C.SO_OOBINLINE: v = s.oobInline ? 1 : 0; break;
      case C.SO_PROTOCOL_INFOW: {
        const ent = entryById(s.catalogId);
        if (ent === null) return fail(SockErr.NoProtoOpt);
        ent.write(val);
        store<i32>(vallen, PROTOCOL_INFOW_LEN);
        return 0;
      }
      case C.SO_DEBUG: v = s.debug ? 1 : 0; break;
      case C.SO_DONTROUTE: v = s.dontRoute ? 1 : 0; break;
      case C.SO_CONDITIONAL_ACCEPT: v = s.conditionalAccept ? 1 : 0; break;
      default: v = 0;
    }
  } else if (level == C.IPPROTO_TCP) v = s.noDelay ? 1 : 0;
  else if (level == C.IPPROTO_IP) v = s.ttl;
  else v = s.v6Only ? 1 : 0;
  store<i32>(val, v);
  store<i32>(vallen, size);
  return 0;
}

export function setsockopt(h: i32, level: i32, name: i32, val: usize, vallen: i32): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  const e = optApplies(s, level, name);
  if (e != SockErr.Ok) return fail(e);
  const size = optSize(level, name);
  if (val == 0 || vallen < size || !inMem(val, size)) return fail(SockErr.Fault);
  const v = load<i32>(val);
  const on = v != 0;
  let apply = false;
  if (level == C.SOL_SOCKET) {
    switch (name) {
      case C.SO_ACCEPTCONN: case C.SO_TYPE: case C.SO_ERROR: case C.SO_PROTOCOL_INFOW:
        return fail(SockErr.NoProtoOpt); // read-only
      case C.SO_REUSEADDR:
        if (on && s.exclusiveAddr) return fail(SockErr.Inval);
        s.reuseAddr = on; break;
      case C.SO_EXCLUSIVEADDRUSE:
        if (s.bound || (on && s.reuseAddr)) return fail(SockErr.Inval);
        s.exclusiveAddr = on; break;
      case C.SO_KEEPALIVE: s.keepAlive = on; apply = true; break;
      case C.SO_DONTLINGER: s.lingerOn = !on; break;
      case C.SO_LINGER: s.lingerOn = load<u16>(val) != 0; s.lingerSecs = load<u16>(val + 2); break;
      case C.SO_SNDBUF: s.sndBuf = max(0, v); apply = true; break;
      case C.SO_RCVBUF: s.rcvBuf = max(0, v); apply = true; break;
      case C.SO_BROADCAST: s.broadcast = on; apply = true; break;
      case C.SO_RCVTIMEO: s.rcvTimeo = <u32>v; break;
      case C.SO_SNDTIMEO: s.sndTimeo = <u32>v; break;
      case C.SO_OOBINLINE: s.oobInline = on; break;
      // Kept and read back; no effect over the host provider (MSG_DONTROUTE is accepted the same way).
      case C.SO_DEBUG: s.debug = on; break;
      case C.SO_DONTROUTE: s.dontRoute = on; break;
      // Kept and read back. The host's TCP completes every handshake before WSAAccept's condition
      // function runs, so a rejected caller is reset after connecting, as without the option.
      case C.SO_CONDITIONAL_ACCEPT: s.conditionalAccept = on; break;
      default: break;
    }
  } else if (level == C.IPPROTO_TCP) { s.noDelay = on; apply = true; }
  else if (level == C.IPPROTO_IP) {
    if (v < 1 || v > 255) return fail(SockErr.Inval);
    s.ttl = v; apply = true;
  } else {
    if (s.bound) return fail(SockErr.Inval);
    s.v6Only = on; apply = true;
  }
  if (apply) {
    const r = s.provider.setOption(s, level, name, v);
    if (r != SockErr.Ok) return fail(r);
  }
  return 0;
}

// ---- ioctls ---------------------------------------------------------------------------------

function ioctlValue(s: Sock, cmd: i32, arg: i32): i32 {
  if (cmd == C.FIONBIO) { s.nonBlocking = arg != 0; return 0; }
  if (cmd == C.FIONREAD) return s.rxAvail;
  return 1; // SIOCATMARK: TRUE, no urgent data is ever pending over the host provider
}

export function ioctlsocket(h: i32, cmd: i32, argp: usize): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (cmd != C.FIONBIO && cmd != C.FIONREAD && cmd != C.SIOCATMARK) return fail(SockErr.Inval);
  if (!inMem(argp, 4)) return fail(SockErr.Fault);
  if (cmd == C.FIONBIO && load<i32>(argp) == 0 && s.evMask != 0) return fail(SockErr.Inval);
  const v = ioctlValue(s, cmd, load<i32>(argp));
  if (cmd != C.FIONBIO) store<i32>(argp, v);
  return 0;
}

/**
 * WSAIoctl. Every code it knows completes at once, so with an overlapped (on a socket created
 * overlapped) the call returns 0 and the WSAOVERLAPPED is completed and its event set at once, as
 * Windows does for an overlapped call that completes immediately; *bytesRet may then be NULL. On
 * a socket created without WSA_FLAG_OVERLAPPED the overlapped and routine are ignored (Microsoft
 * Learn, WSAIoctl). A routine can only be called by a host (routine != 0: WSAEOPNOTSUPP here).
 */
export function WSAIoctl(h: i32, code: i32, inBuf: usize, inLen: i32, outBuf: usize, outLen: i32, bytesRet: usize,
  ovl: usize, routine: usize): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (ovl != 0 && !s.overlapped) ovl = 0;
  if (ovl != 0) {
    if (!inMem(ovl, C.WSAOVERLAPPED_LEN)) return fail(SockErr.Fault);
    if (routine != 0) return fail(SockErr.OpNotSupp);
  }
  if (code != C.FIONBIO && code != C.FIONREAD && code != C.SIOCATMARK && code != C.SIO_KEEPALIVE_VALS) {
    return fail(SockErr.Inval);
  }
  if (!(ovl != 0 && bytesRet == 0) && !inMem(bytesRet, 4)) return fail(SockErr.Fault);
  let n = 0;
  if (code == C.SIO_KEEPALIVE_VALS) {
    const r = keepAliveVals(s, inBuf, inLen);
    if (r != SockErr.Ok) return fail(r);
  } else if (code == C.FIONBIO) {
    if (inLen < 4 || !inMem(inBuf, 4)) return fail(SockErr.Fault);
    // WSAEventSelect keeps the socket non-blocking until the association is cancelled.
    if (load<i32>(inBuf) == 0 && s.evMask != 0) return fail(SockErr.Inval);
    ioctlValue(s, code, load<i32>(inBuf));
  } else {
    if (outLen < 4 || !inMem(outBuf, 4)) return fail(SockErr.Fault);
    store<i32>(outBuf, ioctlValue(s, code, 0));
    n = 4;
  }
  if (bytesRet != 0) store<i32>(bytesRet, n);
  if (ovl != 0) completeAt(ovl, 0, n);
  return 0;
}

/**
 * SIO_KEEPALIVE_VALS: struct tcp_keepalive (12 bytes) in; nothing out (the output buffer is unused).
 * A NULL or short input buffer: WSAEFAULT (WSAIoctl's "cbInBuffer too small"); a socket that is not a
 * stream: WSAEINVAL (not applicable to its type). onoff turns keep-alive on or off (SO_KEEPALIVE
 * reads it back); the times apply when it is on and stay for a later SO_KEEPALIVE.
 */
function keepAliveVals(s: Sock, inBuf: usize, inLen: i32): SockErr {
  if (inBuf == 0 || inLen < C.TCP_KEEPALIVE_LEN || !inMem(inBuf, C.TCP_KEEPALIVE_LEN)) return SockErr.Fault;
  if (s.type != C.SOCK_STREAM) return SockErr.Inval;
  const on = load<u32>(inBuf) != 0;
  if (on) {
    s.keepAliveTime = load<u32>(inBuf + 4);
    s.keepAliveInterval = load<u32>(inBuf + 8);
    let r = s.provider.setOption(s, C.IPPROTO_TCP, C.PROV_KEEPALIVE_TIME, <i32>min(s.keepAliveTime, <u32>i32.MAX_VALUE));
    if (r != SockErr.Ok) return r;
    r = s.provider.setOption(s, C.IPPROTO_TCP, C.PROV_KEEPALIVE_INTERVAL, <i32>min(s.keepAliveInterval, <u32>i32.MAX_VALUE));
    if (r != SockErr.Ok) return r;
  }
  s.keepAlive = on;
  return s.provider.setOption(s, C.SOL_SOCKET, C.SO_KEEPALIVE, on ? 1 : 0);
}

// ---- readiness, select, WSAPoll --------------------------------------------------------------

export const READABLE: i32 = 1;
export const WRITABLE: i32 = 2;
export const EXCEPT: i32 = 4;

/** The socket's readiness as select sees it. */
export function readiness(s: Sock): i32 {
  let r = 0;
  if (s.type == C.SOCK_STREAM) {
    if (s.state == SockState.Listening) {
      if (s.pendingAccepts > 0) r |= READABLE;
    } else if (s.state == SockState.Connected) {
      if (s.rxAvail > 0 || s.peerEof || s.resetErr != 0) r |= READABLE;
      if (!s.shutSend && s.resetErr == 0 && sendAllowed(s)) r |= WRITABLE;
    }
    if (s.connectFailed) r |= EXCEPT;
  } else {
    if (s.dgrams > 0) r |= READABLE;
    if (!s.shutSend) r |= WRITABLE;
  }
  return r;
}

/**
 * Checks one fd_set: fd_count, then fd_count SOCKETs. fd_count is not limited to this ABI's
 * FD_SETSIZE (64): a program may define its own FD_SETSIZE before including winsock2.h, and Windows
 * reads as many entries as fd_count says. Returns total + fd_count, or -1 (fault), -2 (not a socket).
 */
function checkSet(set: usize, total: i32): i32 {
  if (set == 0) return total;
  if (!inMem(set, 4)) return -1;
  const n = load<u32>(set);
  if (n > 0x0fffffff || !inMem(set, 4 + (<i32>n << 2))) return -1;
  for (let i: u32 = 0; i < n; i++) {
    if (lookup(load<i32>(set + 4 + (i << 2))) === null) return -2;
  }
  return total + <i32>n;
}

function setError(r: i32): SockErr {
  return r == -1 ? SockErr.Fault : SockErr.NotSock;
}

/** Keeps only the members of `set` ready for `what`; returns how many remain. */
function filterSet(set: usize, what: i32): i32 {
  if (set == 0) return 0;
  const n = load<u32>(set);
  let k: u32 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const h = load<i32>(set + 4 + (i << 2));
    const s = lookup(h);
    if (s !== null && (readiness(s) & what) != 0) {
      store<i32>(set + 4 + (k << 2), h);
      k++;
    }
  }
  store<u32>(set, k);
  return <i32>k;
}

/** Readiness without waiting; the host repeats it as events arrive until the timeout passes. */
export function select(nfds: i32, readfds: usize, writefds: usize, exceptfds: usize, timeout: usize): i32 {
  if (refs == 0) return fail(SockErr.NotInitialised);
  const t1 = checkSet(readfds, 0);
  if (t1 < 0) return fail(setError(t1));
  const t2 = checkSet(writefds, t1);
  if (t2 < 0) return fail(setError(t2));
  const t3 = checkSet(exceptfds, t2);
  if (t3 < 0) return fail(setError(t3));
  if (t3 == 0) return fail(SockErr.Inval);
  if (timeout != 0) {
    if (!inMem(timeout, 8)) return fail(SockErr.Fault);
    if (load<i32>(timeout) < 0 || load<i32>(timeout + 4) < 0) return fail(SockErr.Inval);
  }
  return filterSet(readfds, READABLE) + filterSet(writefds, WRITABLE) + filterSet(exceptfds, EXCEPT);
}

// The flags WSAPoll accepts in events: POLLPRI is not supported by the Microsoft provider (WSAEINVAL).
const POLL_EVENTS: i32 = C.POLLRDNORM | C.POLLRDBAND | C.POLLWRNORM | C.POLLWRBAND;

/**
 * WSAPoll without waiting. An entry whose fd is negative is ignored (revents 0, not counted); an
 * entry that is not a socket reads POLLNVAL, but when no entry holds a valid socket the call fails
 * with WSAEINVAL, as it does for a flag outside POLL_EVENTS.
 */
export function WSAPoll(fds: usize, nfds: i32, timeout: i32): i32 {
  if (refs == 0) return fail(SockErr.NotInitialised);
  if (nfds <= 0) return fail(SockErr.Inval);
  if (!inMem(fds, nfds << 3) || nfds > 0x0fffffff) return fail(SockErr.Fault);
  let valid = 0;
  for (let i = 0; i < nfds; i++) {
    const p = fds + (i << 3);
    const h = load<i32>(p);
    if (h < 0) continue;
    const ev = <i32>load<i16>(p + 4);
    if ((ev & ~POLL_EVENTS) != 0) return fail(SockErr.Inval);
    if (lookup(h) !== null) valid++;
  }
  if (valid == 0) return fail(SockErr.Inval);
  let count = 0;
  for (let i = 0; i < nfds; i++) {
    const p = fds + (i << 3);
    const h = load<i32>(p);
    const ev = <i32>load<i16>(p + 4);
    let rev = 0;
    if (h >= 0) {
      const s = lookup(h);
      if (s === null) {
        rev = C.POLLNVAL;
      } else {
        const r = readiness(s);
        if ((r & READABLE) != 0) rev |= ev & C.POLLRDNORM;
        if ((r & WRITABLE) != 0) rev |= ev & C.POLLWRNORM;
        if (s.type == C.SOCK_STREAM && s.peerEof && s.rxAvail == 0) rev |= C.POLLHUP;
        if ((r & EXCEPT) != 0 || s.resetErr != 0) rev |= C.POLLERR | C.POLLHUP;
      }
    }
    store<i16>(p + 6, <i16>rev);
    if (rev != 0) count++;
  }
  return count;
}

// ---- event objects and WSAEventSelect ----------------------------------------------------------
// The event-object calls are kernel-object calls on Windows (CreateEvent, SetEvent, CloseHandle,
// WaitForMultipleObjectsEx): they work without WSAStartup and fail with WSA_INVALID_HANDLE (6),
// WSA_INVALID_PARAMETER (87) or WSA_NOT_ENOUGH_MEMORY (8). Events outlive WSACleanup.

/** A manual-reset, non-signalled event object; WSA_INVALID_EVENT (0) with WSA_NOT_ENOUGH_MEMORY when none is left. */
export function WSACreateEvent(): i32 {
  const h = createEvent();
  if (h == C.WSA_INVALID_EVENT) setLastError(C.WSA_NOT_ENOUGH_MEMORY);
  return h;
}

function eventCall(ok: bool): i32 {
  if (ok) return 1;
  setLastError(C.WSA_INVALID_HANDLE);
  return 0;
}

export function WSACloseEvent(h: i32): i32 { return eventCall(closeEvent(h)); }
export function WSASetEvent(h: i32): i32 { return eventCall(setEvent(h)); }
export function WSAResetEvent(h: i32): i32 { return eventCall(resetEvent(h)); }

function waitFailed(code: i32): u32 {
  setLastError(code);
  return C.WSA_WAIT_FAILED;
}

/**
 * Tests the events without waiting: WSA_WAIT_EVENT_0 + the lowest signalled index (wait-any), or
 * WSA_WAIT_EVENT_0 when all are signalled (wait-all), else WSA_WAIT_TIMEOUT whatever dwTimeout is
 * (hosts wait and ask again). cEvents 0 or above WSA_MAXIMUM_WAIT_EVENTS, or a handle repeated in a
 * wait-all: WSA_INVALID_PARAMETER; an array outside memory: WSAEFAULT; a handle that is not a live
 * event: WSA_INVALID_HANDLE (each with WSA_WAIT_FAILED). No event is changed (they are manual-reset).
 */
export function WSAWaitForMultipleEvents(cEvents: u32, events: usize, waitAll: i32, timeout: u32, alertable: i32): u32 {
  if (cEvents == 0 || cEvents > C.WSA_MAXIMUM_WAIT_EVENTS) return waitFailed(C.WSA_INVALID_PARAMETER);
  if (!inMem(events, <i32>cEvents << 2)) return waitFailed(toWsa(SockErr.Fault));
  const n = <i32>cEvents;
  let first: i32 = -1;
  let all = true;
  for (let i = 0; i < n; i++) {
    const st = eventState(load<i32>(events + (i << 2)));
    if (st < 0) return waitFailed(C.WSA_INVALID_HANDLE);
    if (st == 1) { if (first < 0) first = i; }
    else all = false;
  }
  if (waitAll != 0) {
    for (let i = 1; i < n; i++) {
      const h = load<i32>(events + (i << 2));
      for (let j = 0; j < i; j++) {
        if (load<i32>(events + (j << 2)) == h) return waitFailed(C.WSA_INVALID_PARAMETER);
      }
    }
    return all ? C.WSA_WAIT_EVENT_0 : C.WSA_WAIT_TIMEOUT;
  }
  return first >= 0 ? C.WSA_WAIT_EVENT_0 + <u32>first : C.WSA_WAIT_TIMEOUT;
}

/**
 * Associates event object `ev` with the FD_* events in `mask` (bits above FD_ALL_EVENTS are ignored)
 * and makes the socket non-blocking; mask 0 cancels the association (ev is then ignored). Either way
 * the network event record is cleared, and events whose condition already holds are recorded at once.
 * An ev that is not a live event object (with a mask): WSAEINVAL.
 */
export function WSAEventSelect(h: i32, ev: i32, mask: i32): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  const m = mask & C.FD_ALL_EVENTS;
  if (m != 0 && eventState(ev) < 0) return fail(SockErr.Inval);
  associate(s, ev, m);
  return 0;
}

/**
 * Copies the network event record into the 32-bit WSANETWORKEVENTS at `out` (44 bytes) and clears
 * it; resets `ev` when it is not 0. out outside memory: WSAEFAULT; ev not a live event: WSAEINVAL.
 */
export function WSAEnumNetworkEvents(h: i32, ev: i32, out: usize): i32 {
  const s = sockFor(h);
  if (s === null) return -1;
  if (!inMem(out, C.WSANETWORKEVENTS_LEN)) return fail(SockErr.Fault);
  if (ev != 0 && eventState(ev) < 0) return fail(SockErr.Inval);
  takeRecord(s, out);
  if (ev != 0) resetEvent(ev);
  return 0;
}

// ---- catalog -----------------------------------------------------------------------------------

/**
 * WSAEnumProtocolsW: the visible catalog entries whose protocol is in the zero-terminated i32 list
 * `protocols` (all when 0). A buffer that is too small: WSAENOBUFS with the needed size in *len.
 */
export function WSAEnumProtocolsW(protocols: usize, buf: usize, buflen: usize): i32 {
  if (refs == 0) return fail(SockErr.NotInitialised);
  if (!inMem(buflen, 4)) return fail(SockErr.Fault);
  const picked = new Array<ProtocolEntry>();
  for (let i = 0; i < entryCount(); i++) {
    const e = entryAt(i)!;
    if ((e.providerFlags & PFL_HIDDEN) != 0) continue;
    if (protocols != 0) {
      let match = false;
      for (let k = 0; k < 256; k++) {
        const p = protocols + (k << 2);
        if (!inMem(p, 4)) return fail(SockErr.Fault);
        const v = load<i32>(p);
        if (v == 0) break;
        if (v == e.protocol) { match = true; break; }
      }
      if (!match) continue;
    }
    picked.push(e);
  }
  const need = picked.length * PROTOCOL_INFOW_LEN;
  if (buf == 0 || load<i32>(buflen) < need) {
    store<i32>(buflen, need);
    return fail(SockErr.NoBufs);
  }
  if (need > 0 && !inMem(buf, need)) return fail(SockErr.Fault);
  for (let i = 0; i < picked.length; i++) unchecked(picked[i]).write(buf + i * PROTOCOL_INFOW_LEN);
  return picked.length;
}
