// A socket's state as the API layer sees it, and the handle table.
// SOCKET values are ((generation << 10) | index) << 2: never 0, multiples of 4 like Windows' handles,
// and a handle whose slot was freed and reused no longer matches its generation -> WSAENOTSOCK.

import { Provider } from "../catalog/provider";
import { DEFAULT_BUF, KEEPALIVE_INTERVAL_DEFAULT, KEEPALIVE_TIME_DEFAULT } from "./constants";

export enum SockState {
  Open,        // created, not bound
  Bound,       // bound (explicitly or implicitly), not listening or connected
  Listening,
  Connecting,
  Connected,
}

export function sockStateName(s: SockState): string {
  switch (s) {
    case SockState.Open: return "OPEN";
    case SockState.Bound: return "BOUND";
    case SockState.Listening: return "LISTENING";
    case SockState.Connecting: return "CONNECTING";
    case SockState.Connected: return "CONNECTED";
    default: return "?";
  }
}

export const MAX_SOCKETS: i32 = 1024;
const INDEX_BITS: i32 = 10;
const GEN_MASK: u32 = 0x7ffff;

export class Sock {
  handle: i32 = 0;
  af: i32 = 0;
  type: i32 = 0;
  protocol: i32 = 0;
  catalogId: u32 = 0;
  provider: Provider;
  state: SockState = SockState.Open;

  nonBlocking: bool = false;
  overlapped: bool = true;         // created with WSA_FLAG_OVERLAPPED (socket() sockets are)
  ovRecv: i32 = 0;                 // overlapped receives queued (api/overlapped.ts)
  ovSend: i32 = 0;                 // overlapped sends queued
  bound: bool = false;
  shutSend: bool = false;
  shutRecv: bool = false;
  peerEof: bool = false;           // FIN received: recv returns 0 once drained
  udpConnected: bool = false;
  connectFailed: bool = false;     // last connect failed: in exceptfds until the next connect
  resetErr: i32 = 0;               // WSA code of a reset/abort seen on a connected socket
  soError: i32 = 0;                // SO_ERROR, cleared by reading it

  rxAvail: i32 = 0;                // bytes the provider holds for recv (FIONREAD)
  dgrams: i32 = 0;                 // datagrams queued (datagram sockets)
  pendingAccepts: i32 = 0;         // connections waiting for accept (a deferred one included)
  deferred: Sock | null = null;    // a connection a WSAAccept condition function deferred (CF_DEFER)
  deferredOn: Sock | null = null;  // the listener this connection is deferred on
  sndQueued: i32 = 0;              // bytes handed to the provider, not yet on the network
  sndWrites: i32 = 0;              // sends not yet completed by the provider
  didConnect: bool = false;        // connected by connect (not accept): WSAEventSelect records FD_CONNECT

  // WSAEventSelect (netevents.ts): the event object, the FD_* mask, the events that may be recorded
  // now (each disarms when recorded until its re-enabling call), the record and its error codes.
  evHandle: i32 = 0;
  evMask: i32 = 0;
  evArmed: i32 = 0;
  evRecord: i32 = 0;
  evConnectErr: i32 = 0;
  evCloseErr: i32 = 0;

  // options
  reuseAddr: bool = false;
  exclusiveAddr: bool = false;
  keepAlive: bool = false;
  keepAliveTime: u32 = KEEPALIVE_TIME_DEFAULT;         // SIO_KEEPALIVE_VALS, ms
  keepAliveInterval: u32 = KEEPALIVE_INTERVAL_DEFAULT; // SIO_KEEPALIVE_VALS, ms
  lingerOn: bool = false;
  lingerSecs: u16 = 0;
  broadcast: bool = false;
  oobInline: bool = false;
  debug: bool = false;             // SO_DEBUG
  dontRoute: bool = false;         // SO_DONTROUTE
  conditionalAccept: bool = false; // SO_CONDITIONAL_ACCEPT
  noDelay: bool = false;
  v6Only: bool = true;
  ttl: i32 = 128;
  sndBuf: i32 = DEFAULT_BUF;
  rcvBuf: i32 = DEFAULT_BUF;
  sndTimeo: u32 = 0;
  rcvTimeo: u32 = 0;

  constructor(provider: Provider) {
    this.provider = provider;
  }

  setState(next: SockState): void {
    // trace point: sockStateName(this.state) => sockStateName(next)
    this.state = next;
  }
}

/** Whether the provider takes another send now (reference/tcp-behaviour.md, "when send() completes"). */
export function sendAllowed(s: Sock): bool {
  if (s.sndBuf <= 0) return s.sndWrites == 0;
  return s.sndQueued < s.sndBuf || s.sndWrites <= 1;
}

const table = new StaticArray<Sock | null>(MAX_SOCKETS);
const gens = new StaticArray<u32>(MAX_SOCKETS);
let live: i32 = 0;

export function liveSockets(): i32 {
  return live;
}

/** Allocates a slot; returns null when the table is full (WSAEMFILE). */
export function allocSock(provider: Provider): Sock | null {
  for (let i = 0; i < MAX_SOCKETS; i++) {
    if (unchecked(table[i]) === null) {
      let g = (unchecked(gens[i]) + 1) & GEN_MASK;
      if (g == 0) g = 1;
      unchecked((gens[i] = g));
      const s = new Sock(provider);
      s.handle = <i32>(((g << INDEX_BITS) | <u32>i) << 2);
      unchecked((table[i] = s));
      live++;
      return s;
    }
  }
  return null;
}

/** The live socket for a handle, or null (stale, never allocated, or garbage). */
export function lookup(h: i32): Sock | null {
  if ((h & 3) != 0 || h <= 0) return null;
  const i = (h >> 2) & (MAX_SOCKETS - 1);
  const g = <u32>(h >> (2 + INDEX_BITS));
  const s = unchecked(table[i]);
  if (s === null || unchecked(gens[i]) != g) return null;
  return s;
}

export function freeSock(s: Sock): void {
  const i = (s.handle >> 2) & (MAX_SOCKETS - 1);
  if (unchecked(table[i]) === s) {
    unchecked((table[i] = null));
    live--;
  }
}

/** Every live socket, for WSACleanup. */
export function allSocks(): Array<Sock> {
  const out = new Array<Sock>();
  for (let i = 0; i < MAX_SOCKETS; i++) {
    const s = unchecked(table[i]);
    if (s !== null) out.push(s);
  }
  return out;
}
