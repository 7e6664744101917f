// WSAEventSelect's network event record (reference/winsock-behaviour.md, "select and events";
// Microsoft Learn, WSAEventSelect). A socket associated with an event object records an FD_* event
// when its condition holds and the event is both selected and armed; recording sets the bit, keeps
// the error code, signals the event object and disarms that event until its re-enabling call:
//   FD_READ / FD_OOB  recv, recvfrom (any call, even a failing one)
//   FD_WRITE          a send that failed with WSAEWOULDBLOCK
//   FD_ACCEPT         accept
//   FD_CONNECT        none (a new connect attempt starts a new one)
//   FD_CLOSE          none
// Conditions are level-triggered: `check` runs after every host event on the socket and after every
// re-enabling call, so data still waiting after a recv records FD_READ again at once.

import { Sock, SockState, sendAllowed } from "./sock";
import { setEvent } from "./event-objects";
import * as C from "./constants";

/** Every FD_* event this core ever records (bits 0..5). */
export const FD_RECORDABLE: i32 = C.FD_READ | C.FD_WRITE | C.FD_OOB | C.FD_ACCEPT | C.FD_CONNECT | C.FD_CLOSE;

/** Records `bit` with error `err` if it is selected and armed. */
export function record(s: Sock, bit: i32, err: i32): void {
  if ((s.evMask & s.evArmed & bit) == 0) return;
  s.evArmed &= ~bit;
  s.evRecord |= bit;
  if (bit == C.FD_CONNECT) s.evConnectErr = err;
  else if (bit == C.FD_CLOSE) s.evCloseErr = err;
  setEvent(s.evHandle); // a closed event object is simply not signalled
}

/** Records every armed event whose condition holds now. */
export function check(s: Sock): void {
  if (s.evMask == 0) return;
  if (s.type == C.SOCK_STREAM) {
    if (s.state == SockState.Listening) {
      if (s.pendingAccepts > 0) record(s, C.FD_ACCEPT, 0);
      return;
    }
    if (s.state != SockState.Connected) return;
    if (s.resetErr != 0) {
      record(s, C.FD_CLOSE, s.resetErr);
      return;
    }
    if (s.rxAvail > 0 && !s.shutRecv) record(s, C.FD_READ, 0);
    if (!s.shutSend && sendAllowed(s)) record(s, C.FD_WRITE, 0);
    // A graceful close is reported once the data before the FIN has been read.
    if (s.peerEof && s.rxAvail == 0) record(s, C.FD_CLOSE, 0);
    return;
  }
  if (s.dgrams > 0) record(s, C.FD_READ, 0);
  if (!s.shutSend) record(s, C.FD_WRITE, 0);
}

/** A re-enabling call was made: arm `bits` again and record what holds now. */
export function rearm(s: Sock, bits: i32): void {
  if (s.evMask == 0) return;
  s.evArmed |= bits;
  check(s);
}

/** WSAEventSelect's association (mask != 0) or its cancellation (mask 0); clears the record. */
export function associate(s: Sock, ev: i32, mask: i32): void {
  s.evRecord = 0;
  s.evConnectErr = 0;
  s.evCloseErr = 0;
  if (mask == 0) {
    s.evHandle = 0;
    s.evMask = 0;
    s.evArmed = 0;
    return;
  }
  s.evHandle = ev;
  s.evMask = mask;
  s.evArmed = FD_RECORDABLE;
  s.nonBlocking = true;
  if (s.type == C.SOCK_STREAM && s.state == SockState.Connected && s.didConnect) record(s, C.FD_CONNECT, 0);
  check(s);
}

/** An accepted socket takes over its listener's association (same event object and mask). */
export function inherit(n: Sock, listener: Sock): void {
  if (listener.evMask == 0) return;
  n.evHandle = listener.evHandle;
  n.evMask = listener.evMask;
  n.evArmed = FD_RECORDABLE;
  check(n);
}

/** Writes the 32-bit WSANETWORKEVENTS at p and clears the record. */
export function takeRecord(s: Sock, p: usize): void {
  memory.fill(p, 0, C.WSANETWORKEVENTS_LEN);
  store<i32>(p, s.evRecord);
  if ((s.evRecord & C.FD_CONNECT) != 0) store<i32>(p + 4 + 4 * C.FD_CONNECT_BIT, s.evConnectErr);
  if ((s.evRecord & C.FD_CLOSE) != 0) store<i32>(p + 4 + 4 * C.FD_CLOSE_BIT, s.evCloseErr);
  s.evRecord = 0;
  s.evConnectErr = 0;
  s.evCloseErr = 0;
}
