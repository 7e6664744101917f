// Events from the provider's host side, applied to socket state. The host calls these (through the
// exports in targets/wasock.ts) from its I/O callbacks, never from inside an import. An event for a
// handle that is no longer live (closed meanwhile) is dropped: readiness is data, and a closed
// socket has none.

import { SockErr, toWsa } from "./errors";
import { Sock, SockState, lookup } from "./sock";
import { FD_CONNECT, SOCK_STREAM } from "./constants";
import { check, record } from "./netevents";
import { pumpOverlapped } from "./overlapped";

/** A connect finished: Ok, or the reason it failed (connectFailed puts it in exceptfds). */
export function onConnected(h: i32, e: SockErr): void {
  const s = lookup(h);
  if (s === null || s.state != SockState.Connecting) return;
  if (e == SockErr.Ok) {
    s.setState(SockState.Connected);
    s.didConnect = true;
    record(s, FD_CONNECT, 0);
    check(s);
  } else {
    s.connectFailed = true;
    s.soError = toWsa(e);
    s.setState(SockState.Bound);
    record(s, FD_CONNECT, s.soError);
  }
}

/** `n` more connections wait on listener h. */
export function onIncoming(h: i32, n: i32): void {
  const s = lookup(h);
  if (s === null || s.state != SockState.Listening) return;
  s.pendingAccepts = max(0, s.pendingAccepts + n);
  check(s);
}

/** Bytes arrived (stream), or one datagram of `n` bytes arrived (datagram). */
export function onData(h: i32, n: i32): void {
  const s = lookup(h);
  if (s === null || n < 0) return;
  if (s.shutRecv && s.type == SOCK_STREAM) return;
  s.rxAvail += n;
  if (s.type != SOCK_STREAM) s.dgrams++;
  if (s.ovRecv != 0) pumpOverlapped(s); // queued receives take the data first
  if (s.evMask != 0) check(s);
}

/** The peer sent FIN: recv returns 0 once the data is drained. */
export function onEof(h: i32): void {
  const s = lookup(h);
  if (s === null) return;
  s.peerEof = true;
  if (s.ovRecv != 0) pumpOverlapped(s);
  check(s);
}

/** The connection was reset or aborted; queued data is gone and every later read or write fails. */
export function onReset(h: i32, e: SockErr): void {
  const s = lookup(h);
  if (s === null) return;
  if (s.state == SockState.Connecting) {
    onConnected(h, e == SockErr.Ok ? SockErr.ConnReset : e);
    return;
  }
  const code = toWsa(e == SockErr.Ok ? SockErr.ConnReset : e);
  s.resetErr = code;
  s.soError = code;
  s.rxAvail = 0;
  s.sndQueued = 0;
  s.sndWrites = 0;
  if (s.ovRecv + s.ovSend != 0) pumpOverlapped(s);
  check(s);
}

/** The provider put `n` bytes of one earlier send on the network (backpressure released). */
export function onSent(h: i32, n: i32): void {
  const s = lookup(h);
  if (s === null) return;
  s.sndQueued = max(0, s.sndQueued - n);
  s.sndWrites = max(0, s.sndWrites - 1);
  if (s.ovSend != 0) pumpOverlapped(s);
  if (s.evMask != 0) check(s);
}

export function sockOf(h: i32): Sock | null {
  return lookup(h);
}
