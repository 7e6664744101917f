// `Winsock`: the Winsock API for TypeScript, one method per Winsock function with the same name,
// arguments, results and error codes, over the wasock core (build/wasock.wasm) and the host
// provider (node:net / node:dgram).
//
// The core never blocks, so each plain method is the call as a non-blocking socket makes it: a call
// that must wait throws WinsockError WSAEWOULDBLOCK. The calls that block in Winsock have awaitable
// forms (acceptAsync, connectAsync, sendAsync, recvAsync, recvfromAsync, selectAsync, WSAPollAsync,
// WSASendAsync, WSARecvAsync, WSARecvFromAsync, WSAWaitForMultipleEventsAsync,
// WSAGetOverlappedResultAsync):
// on a blocking socket they wait for the events that complete the call, honouring SO_RCVTIMEO /
// SO_SNDTIMEO (WSAETIMEDOUT) and select's timeout; on a non-blocking socket they behave like the
// plain method. Errors are WinsockError (errors.ts) carrying Windows' errno and code.
import { coreModule } from "./wasm.ts";
import { WSA, WinsockError } from "./errors.ts";
import { NodeHostProvider } from "./host-provider.ts";
import { AF_INET6, SockAddr, decodeSockAddr, encodeSockAddr } from "./sockaddr.ts";
import * as K from "./constants.ts";
import * as Names from "./names.ts";
import * as Resolver from "./resolver.ts";

const HOST_BUFFER = 0xffffffff;
const O_ADDR = 0;        // sockaddr (64)
const O_LEN = 64;        // int
const O_VAL = 128;       // option values, WSAIoctl buffers (1024)
const O_SETS = 2048;     // three fd_sets (3 x 260)
const O_TIMEVAL = 3072;  // timeval
const O_EVENTS = 3328;   // WSAEVENT array (up to 64, 256 bytes)
const O_NETEV = 3584;    // WSANETWORKEVENTS (44)
const O_POLL = 4096;     // WSAPOLLFD array (up to MAX_POLL)
const MAX_POLL = 4096;
const O_ENUM = 40960;    // WSAEnumProtocols buffer (up to 24 KiB)
const ENUM_CAP = 24576;
const FDSET_LEN = 260;
const INFO_LEN = 628;

export interface WSAData {
  wVersion: number;
  wHighVersion: number;
  szDescription: string;
  szSystemStatus: string;
  iMaxSockets: number;
  iMaxUdpDg: number;
}

export interface Linger { l_onoff: number; l_linger: number }
export interface TimeVal { tv_sec: number; tv_usec: number }
export interface WSAPollFd { fd: number; events: number; revents: number }

export interface ProtocolInfo {
  dwServiceFlags1: number;
  dwServiceFlags2: number;
  dwServiceFlags3: number;
  dwServiceFlags4: number;
  dwProviderFlags: number;
  ProviderId: string;
  dwCatalogEntryId: number;
  ProtocolChain: { ChainLen: number; ChainEntries: number[] };
  iVersion: number;
  iAddressFamily: number;
  iMaxSockAddr: number;
  iMinSockAddr: number;
  iSocketType: number;
  iProtocol: number;
  iProtocolMaxOffset: number;
  iNetworkByteOrder: number;
  iSecurityScheme: number;
  dwMessageSize: number;
  dwProviderReserved: number;
  szProtocol: string;
  /** The 628 bytes as the core wrote them. */
  raw: Uint8Array;
}

/** Decodes one WSAPROTOCOL_INFOW (628 bytes, reference/irda-secure-raw-spi.md §6). */
export function decodeProtocolInfo(b: Uint8Array): ProtocolInfo {
  const dv = new DataView(b.buffer, b.byteOffset, INFO_LEN);
  const u = (o: number) => dv.getUint32(o, true);
  const i = (o: number) => dv.getInt32(o, true);
  const hex = (o: number, n: number) => Array.from(b.subarray(o, o + n), (x) => x.toString(16).padStart(2, "0")).join("");
  const guid = (`{${u(20).toString(16).padStart(8, "0")}-${dv.getUint16(24, true).toString(16).padStart(4, "0")}-` +
    `${dv.getUint16(26, true).toString(16).padStart(4, "0")}-${hex(28, 2)}-${hex(30, 6)}}`).toUpperCase();
  let name = "";
  for (let k = 0; k < 256; k++) {
    const c = dv.getUint16(116 + 2 * k, true);
    if (c === 0) break;
    name += String.fromCharCode(c);
  }
  const chainLen = i(40);
  return {
    dwServiceFlags1: u(0), dwServiceFlags2: u(4), dwServiceFlags3: u(8), dwServiceFlags4: u(12),
    dwProviderFlags: u(16), ProviderId: guid, dwCatalogEntryId: u(36),
    ProtocolChain: { ChainLen: chainLen, ChainEntries: Array.from({ length: 7 }, (_, k) => u(44 + 4 * k)) },
    iVersion: i(72), iAddressFamily: i(76), iMaxSockAddr: i(80), iMinSockAddr: i(84), iSocketType: i(88),
    iProtocol: i(92), iProtocolMaxOffset: i(96), iNetworkByteOrder: i(100), iSecurityScheme: i(104),
    dwMessageSize: u(108), dwProviderReserved: u(112), szProtocol: name, raw: b.slice(0, INFO_LEN),
  };
}

type Core = Record<string, any> & { memory: WebAssembly.Memory };

const OP_NONE = 0;
const OP_RECV = 1;
const OP_SEND = 2;
const noop = () => {};

/** A blocking recv or send waiting on its socket (a class, so that every one has the same shape). */
class Parked {
  check: (() => boolean) | null = null;
  mask: number;
  resolve: (ok: boolean) => void = noop;
  done = false;
  timer: NodeJS.Timeout | undefined = undefined;
  complete: ((n: number) => void) | undefined = undefined;
  reject: ((e: Error) => void) | undefined = undefined;
  constructor(
    public op: number,
    public s: number,
    public buf: Uint8Array,
    public flags: number,
    public from: Partial<SockAddr> | null,
    public to: NameArg,
  ) {
    this.mask = op === OP_RECV ? 1 : 2;
  }
}

interface Waiter {
  op: number;                       // OP_NONE: wait for a condition; OP_RECV / OP_SEND: a parked call
  check: (() => boolean) | null;
  mask: number;                     // readiness bits that may satisfy it
  resolve: (ok: boolean) => void;
  done: boolean;
  timer: NodeJS.Timeout | undefined;
  s?: number;
  buf?: Uint8Array;
  flags?: number;
  from?: Partial<SockAddr> | null;
  to?: NameArg;
  complete?: (n: number) => void;
  reject?: (e: Error) => void;
}

/** A WSAWaitForMultipleEventsAsync call waiting for its events. */
class EventWaiter {
  timer: NodeJS.Timeout | undefined = undefined;
  constructor(
    public events: number[],
    public all: boolean,
    public resolve: (r: number) => void,
    public reject: (e: Error) => void,
  ) {}
}

/**
 * A WSAOVERLAPPED for the TypeScript API. Pass it to WSASend/WSASendTo/WSARecv/WSARecvFrom; while the
 * call is in flight the core holds its own copy (the 20-byte 32-bit layout) together with core-side
 * copies of the buffers (see Winsock.WSARecv). The fields here are updated when the call completes.
 */
export class WSAOVERLAPPED {
  Internal = 0;
  InternalHigh = 0;
  Offset = 0;
  OffsetHigh = 0;
  constructor(public hEvent = 0) {}
}

/** The result of WSARecv/WSARecvFrom/WSAGetOverlappedResult: bytes and the flags (MSG_PARTIAL). */
export interface WSAIoResult { bytes: number; flags: number }

/**
 * An overlapped call's completion routine (LPWSAOVERLAPPED_COMPLETION_ROUTINE): dwError (0, or the
 * WSA error WSAGetOverlappedResult would give), cbTransferred, the call's WSAOVERLAPPED (its fields
 * already filled) and dwFlags (MSG_PARTIAL for a truncated datagram).
 */
export type CompletionRoutine = (dwError: number, cbTransferred: number, overlapped: WSAOVERLAPPED, dwFlags: number) => void;

/**
 * WSAAccept's condition function (LPCONDITIONPROC), given what a TCP connection has: the caller's
 * address (the connecting peer; null if it is already gone) and the callee's (this end), a socket
 * group to leave at 0, and dwCallbackData. lpCallerData, lpSQOS, lpGQOS and lpCalleeData are null:
 * TCP carries no connect data, and wasock has no QOS. Returns CF_ACCEPT, CF_REJECT or CF_DEFER.
 */
export type ConditionProc = (lpCallerId: SockAddr | null, lpCallerData: null, lpSQOS: null, lpGQOS: null,
  lpCalleeId: SockAddr | null, lpCalleeData: null, g: { value: number }, dwCallbackData: unknown) => number;

/** An overlapped call in flight: its core block (WSAOVERLAPPED, WSABUFs, address, data). */
class Inflight {
  constructor(
    public s: number,
    public ov: WSAOVERLAPPED,
    public p: number,
    public recv: boolean,
    public bufs: Uint8Array[],
    public from: Partial<SockAddr> | null,
    public routine: CompletionRoutine | null,
  ) {}
}

// A call's core block: WSAOVERLAPPED (20) | WSABUF array at 24 | then at A: sockaddr (32), fromlen,
// flags, bytes (4 each), data from A + 48 (each buffer's bytes in turn).
const B_WSABUF = 24;
const B_FROM = 0, B_FROMLEN = 32, B_FLAGS = 36, B_BYTES = 40, B_DATA = 48;

/** WSAEnumNetworkEvents' result: the FD_* bits recorded and the error of each (indexed by FD_x_BIT). */
export interface WSANetworkEvents { lNetworkEvents: number; iErrorCode: number[] }

/** A sockaddr argument: an address object, raw bytes (to pass exactly what a C program would), or NULL. */
export type NameArg = SockAddr | Uint8Array | null;

export class Winsock {
  readonly core: Core;
  readonly host: NodeHostProvider;
  private readonly scratch: number;
  private waiters = new Map<number, Waiter[]>();
  private waking = 0;
  private evWaiters: EventWaiter[] = [];
  private inflight = new Map<number, Inflight[]>();
  private inflightOf = new Map<WSAOVERLAPPED, Inflight>();
  private evSeen = -1;

  private constructor(core: Core, host: NodeHostProvider) {
    this.core = core;
    this.host = host;
    this.scratch = core.wasock_scratch() >>> 0;
    host.notify = (h) => this.wake(h);
  }

  /**
   * Instantiates a fresh core (its own sockets, catalog and last error) over the host provider.
   * `entry` names another build of the core (e.g. a test harness that adds providers).
   */
  static async create(entry = "wasock"): Promise<Winsock> {
    const host = new NodeHostProvider();
    const bindings = await import(new URL(`../../build/${entry}.js`, import.meta.url).href);
    const core = (await bindings.instantiate(coreModule(entry), { wasock_host: host.imports() })) as Core;
    host.core = core as any;
    host.reportSentNow = true; // send results reach the core unchanged
    return new Winsock(core, host);
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private mem(): Uint8Array { return new Uint8Array(this.core.memory.buffer); }
  private dv(): DataView { return new DataView(this.core.memory.buffer); }

  /**
   * The error a blocking form ends with, made the last error too: after a failed blocking call
   * WSAGetLastError gives its code, as on Windows (not the WSAEWOULDBLOCK of the core's attempt).
   */
  private failed(e: number): WinsockError {
    this.core.WSASetLastError(e);
    return new WinsockError(e);
  }

  /** Throws the last error when r is SOCKET_ERROR; delivers events learned during the call. */
  private done(r: number): number {
    this.host.flush();
    if (this.evWaiters.length !== 0) this.wakeEvents();
    if (r === -1) throw new WinsockError(this.core.WSAGetLastError());
    return r;
  }

  private putName(name: NameArg, at: number): number {
    const m = this.mem();
    if (name === null) return 0;
    if (name instanceof Uint8Array) {
      m.set(name.subarray(0, 64), this.scratch + at);
      return name.length;
    }
    const n = encodeSockAddr(name, m, this.scratch + at);
    if (n < 0) throw new WinsockError(WSA.WSAEFAULT, `not an address of family ${name.family}: ${name.address}`);
    return n;
  }

  /** After an event on h: settles the waiters whose condition now holds (readiness read once). */
  private wake(h: number): void {
    if (this.inflightOf.size !== 0) this.reap(h);
    if (this.evWaiters.length !== 0) this.wakeEvents();
    const list = this.waiters.get(h);
    if (list === undefined || list.length === 0 || this.waking === h) return;
    const outer = this.waking;
    this.waking = h; // settling a waiter never re-enters this list
    const ready = this.core.wasock_ready(h);
    const n = list.length;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const w = list[i];
      if (!w.done && !this.settle(w, ready)) list[kept++] = w;
    }
    // Waiters added while settling went after the first n.
    for (let i = n; i < list.length; i++) list[kept++] = list[i];
    list.length = kept;
    this.waking = outer;
  }

  /** Tries to complete one waiter; true when it is finished. */
  private settle(w: Waiter, ready: number): boolean {
    if (w.op === OP_NONE) {
      if (ready < 0 || (w.mask !== 0 ? (ready & w.mask) !== 0 : w.check!())) { this.finish(w, true); return true; }
      return false;
    }
    // A blocking recv/send parked here completes inside the event, as a completion port would.
    if (ready >= 0 && (ready & w.mask) === 0) return false;
    let r: number;
    if (w.op === OP_RECV) r = this.tryRecv(w.s!, w.buf!, w.flags!, w.from ?? null);
    else {
      this.host.borrow = w.timer === undefined;
      r = this.trySend(w.s!, w.buf!, w.flags!, w.to ?? null);
      this.host.borrow = false;
      if (r >= 0 && this.host.borrowedBy !== null) {
        const n = r, complete = w.complete!;
        w.done = true;
        if (w.timer !== undefined) clearTimeout(w.timer);
        this.host.onBorrowDone(() => complete(n));
        return true;
      }
    }
    if (r < 0) {
      const e = this.core.WSAGetLastError();
      if (e === WSA.WSAEWOULDBLOCK && ready >= 0) return false;
      w.done = true;
      if (w.timer !== undefined) clearTimeout(w.timer);
      w.reject!(this.failed(ready < 0 ? WSA.WSAENOTSOCK : e));
      return true;
    }
    w.done = true;
    if (w.timer !== undefined) clearTimeout(w.timer);
    w.complete!(r);
    return true;
  }

  private finish(w: Waiter, ok: boolean): void {
    w.done = true;
    if (w.timer !== undefined) clearTimeout(w.timer);
    w.resolve(ok);
  }

  /** Parks a blocking recv (OP_RECV) or send (OP_SEND) until an event completes it, or its timeout. */
  private park(op: number, s: number, buf: Uint8Array, flags: number, from: Partial<SockAddr> | null, to: NameArg, timeoutMs: number): Promise<number> {
    const w = new Parked(op, s, buf, flags, from, to);
    const p = new Promise<number>((complete, reject) => { w.complete = complete; w.reject = reject; });
    const list = this.waiters.get(s);
    if (list === undefined) this.waiters.set(s, [w]);
    else list.push(w);
    if (timeoutMs > 0) w.timer = setTimeout(() => this.timeOut(w), timeoutMs);
    return p;
  }

  private timeOut(w: Waiter): void {
    w.done = true;
    const l = this.waiters.get(w.s!);
    if (l) this.waiters.set(w.s!, l.filter((x) => !x.done));
    w.reject!(this.failed(WSA.WSAETIMEDOUT));
  }

  /**
   * Resolves true when socket h becomes ready for `mask` (1 read, 2 write, 4 except) or, with mask 0,
   * when check() holds after an event on one of `handles`; false after the timeout.
   */
  private waitFor(handles: number[], check: (() => boolean) | null, timeoutMs: number, mask = 0): Promise<boolean> {
    const ready = mask !== 0 ? this.core.wasock_ready(handles[0]) : 0;
    if (mask !== 0 ? ready < 0 || (ready & mask) !== 0 : check!()) {
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve) => {
      const w: Waiter = { op: OP_NONE, check, mask, resolve, done: false, timer: undefined };
      for (const h of handles) {
        const list = this.waiters.get(h);
        if (list === undefined) this.waiters.set(h, [w]);
        else list.push(w);
      }
      if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
        w.timer = setTimeout(() => {
          this.finish(w, false);
          for (const h of handles) { const l = this.waiters.get(h); if (l) this.waiters.set(h, l.filter((x) => !x.done)); }
        }, timeoutMs);
      }
    });
  }

  private info(s: number, field: number): number { return this.core.wasock_sock_info(s, field); }
  private nonBlocking(s: number): boolean { return (this.info(s, 1) & 1) !== 0; }

  // ---- startup -------------------------------------------------------------------------------

  /** Returns the error (0 on success) like Windows, and fills `data` when it is given. */
  WSAStartup(wVersionRequested: number, data: Partial<WSAData> | null): number {
    const p = this.scratch + O_VAL;
    const r = this.core.WSAStartup(wVersionRequested, data === null ? 0 : p);
    if (data !== null) {
      const dv = this.dv();
      const m = this.mem();
      const str = (o: number, n: number) => {
        let s = "";
        for (let i = 0; i < n && m[p + o + i]; i++) s += String.fromCharCode(m[p + o + i]);
        return s;
      };
      Object.assign(data, {
        wVersion: dv.getUint16(p, true), wHighVersion: dv.getUint16(p + 2, true),
        szDescription: str(4, 257), szSystemStatus: str(261, 129),
        iMaxSockets: dv.getUint16(p + 390, true), iMaxUdpDg: dv.getUint16(p + 392, true),
      });
    }
    return r;
  }

  WSACleanup(): number {
    const r = this.done(this.core.WSACleanup());
    for (const h of [...this.inflight.keys()]) this.reap(h);
    for (const h of [...this.waiters.keys()]) this.wake(h);
    return r;
  }
  WSAGetLastError(): number { return this.core.WSAGetLastError(); }
  WSASetLastError(e: number): void { this.core.WSASetLastError(e); }

  WSASetBlockingHook(fn: number): number {
    this.core.WSASetLastError(0);
    const r = this.core.WSASetBlockingHook(fn);
    if (r === 0 && this.core.WSAGetLastError() !== 0) throw new WinsockError(this.core.WSAGetLastError());
    return r;
  }
  WSAUnhookBlockingHook(): number { return this.done(this.core.WSAUnhookBlockingHook()); }
  WSACancelBlockingCall(): number { return this.done(this.core.WSACancelBlockingCall()); }
  WSAIsBlocking(): boolean { return this.core.WSAIsBlocking() !== 0; }

  // ---- sockets -------------------------------------------------------------------------------

  socket(af: number, type: number, protocol: number): number {
    return this.done(this.core.socket(af, type, protocol));
  }

  WSASocket(af: number, type: number, protocol: number, info: ProtocolInfo | Uint8Array | null, g: number, flags: number): number {
    let p = 0;
    if (info !== null) {
      const raw = info instanceof Uint8Array ? info : info.raw;
      this.mem().set(raw.subarray(0, INFO_LEN), this.scratch + O_VAL);
      p = this.scratch + O_VAL;
    }
    return this.done(this.core.WSASocketW(af, type, protocol, p, g, flags));
  }

  /**
   * Blocking closesocket: with SO_LINGER {1,n} on a blocking socket, resolves once the queued data
   * and FIN are out, or after n seconds when the close became a reset (the handle is gone at once).
   */
  async closesocketAsync(s: number): Promise<number> {
    const linger = this.info(s, 9);
    const blocking = !this.nonBlocking(s);
    const r = this.closesocket(s);
    const p = this.host.closed(s);
    if (p && linger > 0 && blocking) await p;
    return r;
  }

  closesocket(s: number): number {
    const r = this.done(this.core.closesocket(s));
    this.wake(s); // waiters on this handle now see WSAENOTSOCK
    return r;
  }

  bind(s: number, name: NameArg, namelen?: number): number {
    const n = this.putName(name, O_ADDR);
    return this.done(this.core.bind(s, name === null ? 0 : this.scratch + O_ADDR, namelen ?? n));
  }

  listen(s: number, backlog: number): number { return this.done(this.core.listen(s, backlog)); }

  /** accept; fills `addr` (when given) with the peer's address. */
  accept(s: number, addr: Partial<SockAddr> | null = null, addrlen?: number): number {
    const p = this.scratch;
    let ap = 0, lp = 0;
    if (addr !== null || addrlen !== undefined) {
      this.dv().setInt32(p + O_LEN, addrlen ?? 28, true);
      lp = p + O_LEN;
      ap = addr !== null ? p + O_ADDR : 0;
    }
    const r = this.done(this.core.accept(s, ap, lp));
    if (addr !== null) Object.assign(addr, decodeSockAddr(this.mem(), p + O_ADDR, this.dv().getInt32(p + O_LEN, true)));
    return r;
  }

  async acceptAsync(s: number, addr: Partial<SockAddr> | null = null): Promise<number> {
    for (;;) {
      try {
        return this.accept(s, addr);
      } catch (e) {
        if (!(e instanceof WinsockError) || e.errno !== WSA.WSAEWOULDBLOCK || this.nonBlocking(s)) throw e;
      }
      await this.waitFor([s], () => this.info(s, 4) > 0 || this.info(s, 0) < 0, 0);
    }
  }

  /**
   * WSAAccept: accept, then (with a condition function) the function decides. The host's TCP has
   * completed the handshake already, as Windows' does without SO_CONDITIONAL_ACCEPT. CF_ACCEPT
   * returns the socket; CF_REJECT resets the connection and throws WSAECONNREFUSED; CF_DEFER throws
   * WSATRY_AGAIN and leaves the connection at the head of the backlog (the listener stays readable,
   * FD_ACCEPT is recorded again, closing the listener resets it); any other value throws WSAEINVAL
   * and defers it too, as does an exception from the function (which is rethrown).
   */
  WSAAccept(s: number, addr: Partial<SockAddr> | null = null, addrlen?: number, lpfnCondition: ConditionProc | null = null,
    dwCallbackData?: unknown): number {
    const n = this.accept(s, addr, addrlen);
    return lpfnCondition === null ? n : this.decide(s, n, lpfnCondition, dwCallbackData);
  }

  /** The blocking form of WSAAccept: waits for a connection as acceptAsync does, then decides. */
  async WSAAcceptAsync(s: number, addr: Partial<SockAddr> | null = null, lpfnCondition: ConditionProc | null = null,
    dwCallbackData?: unknown): Promise<number> {
    const n = await this.acceptAsync(s, addr);
    return lpfnCondition === null ? n : this.decide(s, n, lpfnCondition, dwCallbackData);
  }

  /** Runs the condition function on n, just accepted from s; the core carries out its verdict. */
  private decide(s: number, n: number, condition: ConditionProc, data: unknown): number {
    const name = (fn: "getpeername" | "getsockname") => { try { return this[fn](n); } catch { return null; } };
    let v: number;
    try {
      v = condition(name("getpeername"), null, null, null, name("getsockname"), null, { value: 0 }, data) >>> 0;
    } catch (e) {
      this.core.wasock_accept_verdict(s, n, K.CF_DEFER); // kept for the next accept
      this.done(0);
      throw e;
    }
    return this.done(this.core.wasock_accept_verdict(s, n, v));
  }

  connect(s: number, name: NameArg, namelen?: number): number {
    const n = this.putName(name, O_ADDR);
    return this.done(this.core.connect(s, name === null ? 0 : this.scratch + O_ADDR, namelen ?? n));
  }

  /** Blocking connect: resolves when connected, throws the connect's error (WSAECONNREFUSED ...). */
  async connectAsync(s: number, name: NameArg, namelen?: number): Promise<number> {
    try {
      return this.connect(s, name, namelen);
    } catch (e) {
      if (!(e instanceof WinsockError) || e.errno !== WSA.WSAEWOULDBLOCK || this.nonBlocking(s)) throw e;
    }
    await this.waitFor([s], () => this.info(s, 0) !== 3 /* CONNECTING */, 0);
    if (this.info(s, 0) === 4) return 0;
    const err = this.getsockopt(s, K.SOL_SOCKET, K.SO_ERROR) as number;
    throw this.failed(err || WSA.WSAECONNREFUSED);
  }

  /** One send; for a stream returns the bytes taken (all of them, or WSAEWOULDBLOCK). */
  send(s: number, buf: Uint8Array, flags = 0): number {
    return this.sendto(s, buf, flags, null);
  }

  sendto(s: number, buf: Uint8Array, flags: number, to: NameArg, tolen?: number): number {
    const r = this.trySend(s, buf, flags, to, tolen);
    return this.done(r);
  }

  private trySend(s: number, buf: Uint8Array, flags: number, to: NameArg, tolen?: number): number {
    let tp = 0, tl = 0;
    if (to !== null) { tl = this.putName(to, O_ADDR); tp = this.scratch + O_ADDR; if (tolen !== undefined) tl = tolen; }
    this.host.src = buf;
    const r = tp === 0 ? this.core.send(s, HOST_BUFFER, buf.length, flags) : this.core.sendto(s, HOST_BUFFER, buf.length, flags, tp, tl);
    this.host.src = null;
    this.host.flush();
    if (this.evWaiters.length !== 0) this.wakeEvents();
    return r;
  }

  /** Blocking send: waits while the send buffer is full, up to SO_SNDTIMEO (WSAETIMEDOUT). */
  sendAsync(s: number, buf: Uint8Array, flags = 0, to: NameArg = null): Promise<number> {
    // A blocking send lends its buffer: the host writes it without a copy, and the call completes
    // once the host no longer needs it (at once when the kernel took it all).
    // Only without SO_SNDTIMEO: a timed-out send could not take its buffer back from Node.
    this.host.borrow = this.info(s, 8) === 0;
    const r = this.trySend(s, buf, flags, to);
    this.host.borrow = false;
    if (r < 0) return this.sendSlow(s, buf, flags, to);
    if (this.host.borrowedBy === null) return Promise.resolve(r);
    return new Promise<number>((resolve) => this.host.onBorrowDone(() => resolve(r)));
  }

  private sendSlow(s: number, buf: Uint8Array, flags: number, to: NameArg): Promise<number> {
    const e = this.core.WSAGetLastError();
    if (e !== WSA.WSAEWOULDBLOCK || this.nonBlocking(s)) return Promise.reject(new WinsockError(e));
    return this.park(OP_SEND, s, buf, flags, null, to, this.info(s, 8) >>> 0);
  }

  recv(s: number, buf: Uint8Array, flags = 0): number {
    return this.done(this.tryRecv(s, buf, flags, null));
  }

  /** recvfrom; fills `from` (when given) with the sender's address. */
  recvfrom(s: number, buf: Uint8Array, flags: number, from: Partial<SockAddr> | null, fromlen?: number): number {
    return this.done(this.tryRecv(s, buf, flags, from, fromlen));
  }

  private tryRecv(s: number, buf: Uint8Array, flags: number, from: Partial<SockAddr> | null, fromlen?: number): number {
    let fp = 0, lp = 0;
    if (from !== null) {
      fp = this.scratch + O_ADDR;
      lp = this.scratch + O_LEN;
      this.dv().setInt32(lp, fromlen ?? 28, true);
    }
    this.host.dst = buf;
    const r = fp === 0 ? this.core.recv(s, HOST_BUFFER, buf.length, flags) : this.core.recvfrom(s, HOST_BUFFER, buf.length, flags, fp, lp);
    this.host.dst = null;
    if (this.evWaiters.length !== 0) this.wakeEvents();
    if (from !== null && (r >= 0 || this.core.WSAGetLastError() === WSA.WSAEMSGSIZE)) {
      const a = decodeSockAddr(this.mem(), fp, this.dv().getInt32(lp, true));
      if (a) Object.assign(from, a);
    }
    return r;
  }


  /** Blocking recv: waits for data, FIN or an error, up to SO_RCVTIMEO (WSAETIMEDOUT). */
  recvAsync(s: number, buf: Uint8Array, flags = 0): Promise<number> {
    return this.recvfromAsync(s, buf, flags, null);
  }

  recvfromAsync(s: number, buf: Uint8Array, flags: number, from: Partial<SockAddr> | null): Promise<number> {
    const r = this.tryRecv(s, buf, flags, from);
    return r >= 0 ? Promise.resolve(r) : this.recvSlow(s, buf, flags, from);
  }

  private recvSlow(s: number, buf: Uint8Array, flags: number, from: Partial<SockAddr> | null): Promise<number> {
    const e = this.core.WSAGetLastError();
    if (e !== WSA.WSAEWOULDBLOCK || this.nonBlocking(s)) return Promise.reject(new WinsockError(e));
    return this.park(OP_RECV, s, buf, flags, from, null, this.info(s, 7) >>> 0);
  }

  // ---- WSASend / WSARecv, overlapped ----------------------------------------------------------
  // The data of these calls crosses into core memory: each call stages its buffers in a core block
  // (wasock_alloc), which the core's WSABUF array points into. A call that completes at once is
  // copied back (receives) and its block freed before the method returns. An overlapped call that
  // is pending keeps its block; when the core completes it (inside a host event), this object copies
  // the received bytes into the caller's Uint8Arrays, fills `from` and the WSAOVERLAPPED's fields,
  // and frees the block -- before any waiter or WSAGetOverlappedResult sees the completion. So the
  // caller's arrays must stay alive (they are held here) but are written only at completion.
  // One call carries at most 64 MiB in all (the core's allocation limit): more is WSAENOBUFS.
  //
  // A completion routine (a function as lpCompletionRoutine) follows desktop Windows, where routines
  // are APCs run when the thread waits alertably: here the event loop is that wait. A call that
  // completes -- at once with success, later, or cancelled by closesocket -- has its routine called
  // from the event loop (setImmediate), never inside the call or inside another Winsock method; a
  // call that fails at once (a thrown error other than WSA_IO_PENDING) calls nothing. With a routine
  // hEvent is the caller's own and is not signalled. The core itself takes no routine: it gets 0,
  // and a number other than 0 still reaches it and fails with WSAEOPNOTSUPP, as a C function pointer
  // means nothing here. Without an overlapped the routine is ignored, as on Windows.

  private stage(bufs: Uint8Array[], send: boolean): { p: number; total: number } {
    if (!Array.isArray(bufs) || bufs.some((b) => !(b instanceof Uint8Array))) throw new TypeError("buffers must be an array of Uint8Array");
    let total = 0;
    for (const b of bufs) total += b.length;
    const a = (B_WSABUF + 8 * bufs.length + 7) & ~7;
    const p = this.core.wasock_alloc(a + B_DATA + total) >>> 0;
    if (p === 0) throw new WinsockError(WSA.WSAENOBUFS);
    const dv = this.dv(), m = this.mem();
    m.fill(0, p, p + a + B_DATA);
    let at = p + a + B_DATA;
    bufs.forEach((b, i) => {
      dv.setUint32(p + B_WSABUF + 8 * i, b.length, true);
      dv.setUint32(p + B_WSABUF + 8 * i + 4, at, true);
      if (send) m.set(b, at);
      at += b.length;
    });
    return { p, total };
  }

  private areaOf(p: number, n: number): number { return p + ((B_WSABUF + 8 * n + 7) & ~7); }

  /** Copies `bytes` received bytes from the block into the caller's buffers, in order. */
  private unstage(p: number, bufs: Uint8Array[], bytes: number): void {
    const m = this.mem();
    let at = this.areaOf(p, bufs.length) + B_DATA;
    for (const b of bufs) {
      if (bytes <= 0) break;
      const k = Math.min(b.length, bytes);
      b.set(m.subarray(at, at + k));
      at += b.length;
      bytes -= k;
    }
  }

  private writeOv(ov: WSAOVERLAPPED, p: number, withEvent = true): void {
    const dv = this.dv();
    dv.setUint32(p, ov.Internal >>> 0, true);
    dv.setUint32(p + 4, ov.InternalHigh >>> 0, true);
    dv.setUint32(p + 8, ov.Offset >>> 0, true);
    dv.setUint32(p + 12, ov.OffsetHigh >>> 0, true);
    dv.setInt32(p + 16, withEvent ? ov.hEvent | 0 : 0, true); // 0: the core signals nothing
  }

  /** The routine argument: a function, or the number the core is given (0: none). */
  private routineOf(routine: CompletionRoutine | number, ov: WSAOVERLAPPED | null): { fn: CompletionRoutine | null; num: number } {
    if (typeof routine === "function") return { fn: ov === null ? null : routine, num: 0 };
    if (typeof routine !== "number") throw new TypeError("completionRoutine must be a function or 0");
    return { fn: null, num: routine };
  }

  /**
   * Calls a completed call's routine from the event loop, with the result the core's WSAOVERLAPPED
   * at p holds (read now: the block is freed after this).
   */
  private queueRoutine(fn: CompletionRoutine, ov: WSAOVERLAPPED, p: number): void {
    const lp = this.scratch + O_LEN;
    const error = Math.max(0, this.core.wasock_overlapped_result(p, lp, lp + 4));
    const bytes = this.dv().getUint32(lp, true), flags = this.dv().getUint32(lp + 4, true);
    setImmediate(() => fn(error, bytes, ov, flags));
  }

  private readOv(ov: WSAOVERLAPPED, p: number): void {
    const dv = this.dv();
    ov.Internal = dv.getUint32(p, true);
    ov.InternalHigh = dv.getUint32(p + 4, true);
  }

  /** A completed call's data, address and WSAOVERLAPPED fields go to the caller; its block is freed. */
  private land(f: Inflight): void {
    this.readOv(f.ov, f.p);
    const st = f.ov.Internal;
    if (f.recv && (st === K.STATUS_SUCCESS || st === K.STATUS_BUFFER_OVERFLOW)) {
      this.unstage(f.p, f.bufs, f.ov.InternalHigh);
      if (f.from !== null) {
        const a = this.areaOf(f.p, f.bufs.length);
        const addr = decodeSockAddr(this.mem(), a + B_FROM, this.dv().getInt32(a + B_FROMLEN, true));
        if (addr) Object.assign(f.from, addr);
      }
    }
    if (f.routine !== null) this.queueRoutine(f.routine, f.ov, f.p);
    this.core.wasock_free(f.p);
  }

  /** Lands every completed overlapped call of socket h. */
  private reap(h: number): void {
    const list = this.inflight.get(h);
    if (list === undefined) return;
    const dv = this.dv();
    let kept = 0;
    for (const f of list) {
      if (dv.getUint32(f.p, true) === K.STATUS_PENDING) { list[kept++] = f; continue; }
      this.inflightOf.delete(f.ov);
      this.land(f);
    }
    list.length = kept;
    if (kept === 0) this.inflight.delete(h);
  }

  /** Finishes one of the four calls: lands it, keeps it in flight, or throws its error. */
  private ioEnd(r: number, s: number, p: number, recv: boolean, bufs: Uint8Array[], ov: WSAOVERLAPPED | null, from: Partial<SockAddr> | null,
    routine: CompletionRoutine | null): WSAIoResult {
    this.host.flush();
    if (this.evWaiters.length !== 0) this.wakeEvents();
    const a = this.areaOf(p, bufs.length);
    const dv = this.dv();
    const e = r === -1 ? this.core.WSAGetLastError() : 0;
    if (e === K.WSA_IO_PENDING && ov !== null) {
      ov.Internal = K.STATUS_PENDING;
      ov.InternalHigh = 0;
      const f = new Inflight(s, ov, p, recv, bufs, from, routine);
      const list = this.inflight.get(s);
      if (list === undefined) this.inflight.set(s, [f]); else list.push(f);
      this.inflightOf.set(ov, f);
      throw new WinsockError(e);
    }
    const out = { bytes: dv.getUint32(a + B_BYTES, true), flags: dv.getUint32(a + B_FLAGS, true) };
    const partial = e === WSA.WSAEMSGSIZE && (out.flags & K.MSG_PARTIAL) !== 0;
    if (recv && (e === 0 || partial)) {
      this.unstage(p, bufs, out.bytes);
      if (from !== null) {
        const addr = decodeSockAddr(this.mem(), a + B_FROM, dv.getInt32(a + B_FROMLEN, true));
        if (addr) Object.assign(from, addr);
      }
    }
    if (ov !== null && (e === 0 || partial)) this.readOv(ov, p);
    // Success at once still has its routine called (a failure at once, a truncated datagram's too, has not).
    if (ov !== null && routine !== null && e === 0) this.queueRoutine(routine, ov, p);
    this.core.wasock_free(p);
    if (e !== 0) {
      const err = new WinsockError(e) as WinsockError & Partial<WSAIoResult>;
      if (partial) { err.bytes = out.bytes; err.flags = out.flags; }
      throw err;
    }
    return out;
  }

  private sendCall(s: number, bufs: Uint8Array[], flags: number, to: NameArg, tolen: number | undefined, ov: WSAOVERLAPPED | null,
    routine: CompletionRoutine | number): number {
    if (ov !== null && this.inflightOf.has(ov)) throw new WinsockError(WSA.WSAEINVAL, "this WSAOVERLAPPED is still in flight");
    const cr = this.routineOf(routine, ov);
    const { p } = this.stage(bufs, true);
    const a = this.areaOf(p, bufs.length);
    let tp = 0, tl = 0;
    if (to !== null) { tl = this.putName(to, O_ADDR); tp = this.scratch + O_ADDR; if (tolen !== undefined) tl = tolen; }
    if (ov !== null) this.writeOv(ov, p, cr.fn === null);
    const r = this.core.WSASendTo(s, p + B_WSABUF, bufs.length, a + B_BYTES, flags | 0, tp, tl, ov !== null ? p : 0, cr.num);
    return this.ioEnd(r, s, p, false, bufs, ov, null, cr.fn).bytes;
  }

  private recvCall(s: number, bufs: Uint8Array[], flags: number, from: Partial<SockAddr> | null, fromlen: number | undefined, ov: WSAOVERLAPPED | null,
    routine: CompletionRoutine | number): WSAIoResult {
    if (ov !== null && this.inflightOf.has(ov)) throw new WinsockError(WSA.WSAEINVAL, "this WSAOVERLAPPED is still in flight");
    const cr = this.routineOf(routine, ov);
    const { p } = this.stage(bufs, false);
    const a = this.areaOf(p, bufs.length);
    const dv = this.dv();
    dv.setInt32(a + B_FLAGS, flags | 0, true);
    dv.setInt32(a + B_FROMLEN, fromlen ?? 28, true);
    if (ov !== null) this.writeOv(ov, p, cr.fn === null);
    const r = this.core.WSARecvFrom(s, p + B_WSABUF, bufs.length, a + B_BYTES, a + B_FLAGS,
      from !== null ? a + B_FROM : 0, from !== null ? a + B_FROMLEN : 0, ov !== null ? p : 0, cr.num);
    return this.ioEnd(r, s, p, true, bufs, ov, from, cr.fn);
  }

  /**
   * WSASend: the buffers gathered into one send (one datagram). Returns the bytes sent. With an
   * overlapped: completes at once (returns the bytes, fills the WSAOVERLAPPED, sets hEvent) or throws
   * WSA_IO_PENDING and completes later (WSAGetOverlappedResult). completionRoutine: a function called
   * from the event loop once the call has completed (at once or later; not when the call throws
   * anything but WSA_IO_PENDING), with (dwError, cbTransferred, overlapped, dwFlags); hEvent is then
   * left alone. 0: none.
   */
  WSASend(s: number, buffers: Uint8Array[], flags = 0, overlapped: WSAOVERLAPPED | null = null, completionRoutine: CompletionRoutine | number = 0): number {
    return this.sendCall(s, buffers, flags, null, undefined, overlapped, completionRoutine);
  }

  /** WSASendTo: WSASend to `to` (a datagram socket's destination; a stream ignores it). */
  WSASendTo(s: number, buffers: Uint8Array[], flags: number, to: NameArg, overlapped: WSAOVERLAPPED | null = null, tolen?: number,
    completionRoutine: CompletionRoutine | number = 0): number {
    return this.sendCall(s, buffers, flags, to, tolen, overlapped, completionRoutine);
  }

  /**
   * WSARecv: scatters what arrives across the buffers; `flags` is *lpFlags on input (MSG_PEEK, MSG_OOB),
   * the result carries it on output. A datagram larger than the buffers fills them and throws
   * WSAEMSGSIZE with `bytes` and `flags` (MSG_PARTIAL) on the error. Overlapped: as WSASend; a pending
   * receive writes the caller's buffers (and `from`) when it completes, before its completion
   * routine (if any) is called.
   */
  WSARecv(s: number, buffers: Uint8Array[], flags = 0, overlapped: WSAOVERLAPPED | null = null, completionRoutine: CompletionRoutine | number = 0): WSAIoResult {
    return this.recvCall(s, buffers, flags, null, undefined, overlapped, completionRoutine);
  }

  /** WSARecvFrom: WSARecv that also fills `from` with the datagram's source. */
  WSARecvFrom(s: number, buffers: Uint8Array[], flags: number, from: Partial<SockAddr> | null, overlapped: WSAOVERLAPPED | null = null, fromlen?: number,
    completionRoutine: CompletionRoutine | number = 0): WSAIoResult {
    return this.recvCall(s, buffers, flags, from, fromlen, overlapped, completionRoutine);
  }

  /**
   * Runs `call` until it no longer fails with WSAEWOULDBLOCK on a blocking socket, waiting for
   * readiness `mask` between tries, for at most the timeout in sock info `field` (ms, 0: none).
   */
  private async blocking<T>(s: number, mask: number, field: number, call: () => T): Promise<T> {
    const ms = this.info(s, field) >>> 0;
    const deadline = ms > 0 ? Date.now() + ms : Infinity;
    for (;;) {
      try {
        return call();
      } catch (e) {
        if (!(e instanceof WinsockError) || e.errno !== WSA.WSAEWOULDBLOCK || this.nonBlocking(s)) throw e;
      }
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.waitFor([s], null, Number.isFinite(left) ? Math.max(1, left) : 0, mask))) {
        throw this.failed(WSA.WSAETIMEDOUT);
      }
    }
  }

  /** Blocking WSASend/WSASendTo: waits while the send would block, up to SO_SNDTIMEO (WSAETIMEDOUT). */
  WSASendAsync(s: number, buffers: Uint8Array[], flags = 0, to: NameArg = null): Promise<number> {
    return this.blocking(s, 2, 8, () => this.sendCall(s, buffers, flags, to, undefined, null, 0));
  }

  /** Blocking WSARecv: waits for data, FIN or an error, up to SO_RCVTIMEO (WSAETIMEDOUT). */
  WSARecvAsync(s: number, buffers: Uint8Array[], flags = 0): Promise<WSAIoResult> {
    return this.WSARecvFromAsync(s, buffers, flags, null);
  }

  WSARecvFromAsync(s: number, buffers: Uint8Array[], flags: number, from: Partial<SockAddr> | null): Promise<WSAIoResult> {
    return this.blocking(s, 1, 7, () => this.recvCall(s, buffers, flags, from, undefined, null, 0));
  }

  /** True while the overlapped call is queued in the core. */
  private inFlight(ov: WSAOVERLAPPED): boolean {
    const f = this.inflightOf.get(ov);
    if (f === undefined) return false;
    this.reap(f.s);
    return this.inflightOf.has(ov);
  }

  /**
   * The overlapped call's result: { bytes, flags } (flags MSG_PARTIAL for a truncated datagram), or
   * a WinsockError: WSA_IO_INCOMPLETE while pending (fWait does not wait here: use the Async form),
   * or the call's error (WSAEMSGSIZE with bytes/flags, WSA_OPERATION_ABORTED after closesocket, ...).
   */
  WSAGetOverlappedResult(s: number, overlapped: WSAOVERLAPPED, fWait = false): WSAIoResult {
    if (!(overlapped instanceof WSAOVERLAPPED)) throw new TypeError("overlapped must be a WSAOVERLAPPED");
    let p: number;
    if (this.inFlight(overlapped)) p = this.inflightOf.get(overlapped)!.p;
    else { p = this.scratch + O_VAL; this.writeOv(overlapped, p); }
    const lp = this.scratch + O_LEN;
    const ok = this.core.WSAGetOverlappedResult(s, p, lp, fWait ? 1 : 0, lp + 4);
    const out = { bytes: this.dv().getUint32(lp, true), flags: this.dv().getUint32(lp + 4, true) };
    if (ok === 0) {
      const e = this.core.WSAGetLastError();
      const err = new WinsockError(e) as WinsockError & Partial<WSAIoResult>;
      if (e !== K.WSA_IO_INCOMPLETE && e !== WSA.WSAENOTSOCK && e !== WSA.WSAEFAULT) { err.bytes = out.bytes; err.flags = out.flags; }
      throw err;
    }
    return out;
  }

  /** WSAGetOverlappedResult with fWait = TRUE: resolves (or rejects) once the call has completed. */
  async WSAGetOverlappedResultAsync(s: number, overlapped: WSAOVERLAPPED): Promise<WSAIoResult> {
    const f = this.inflightOf.get(overlapped);
    if (f !== undefined && this.inFlight(overlapped)) {
      await this.waitFor([f.s], () => !this.inFlight(overlapped), 0);
    }
    return this.WSAGetOverlappedResult(s, overlapped, true);
  }

  /** Overlapped calls queued in the core on socket s (-1: not a socket). */
  overlappedPending(s: number): number { return this.core.wasock_overlapped_pending(s); }

  shutdown(s: number, how: number): number {
    const r = this.done(this.core.shutdown(s, how));
    if (this.inflightOf.size !== 0) this.reap(s); // queued receives may have failed with WSAESHUTDOWN
    return r;
  }

  private nameCall(fn: "getsockname" | "getpeername", s: number, namelen: number): SockAddr {
    const p = this.scratch;
    this.dv().setInt32(p + O_LEN, namelen, true);
    this.done(this.core[fn](s, p + O_ADDR, p + O_LEN));
    return decodeSockAddr(this.mem(), p + O_ADDR, this.dv().getInt32(p + O_LEN, true))!;
  }

  getsockname(s: number, namelen = 28): SockAddr { return this.nameCall("getsockname", s, namelen); }
  getpeername(s: number, namelen = 28): SockAddr { return this.nameCall("getpeername", s, namelen); }

  // ---- options and ioctls --------------------------------------------------------------------

  /** Returns a number (BOOL/DWORD/int options), a Linger, or a ProtocolInfo (SO_PROTOCOL_INFOW). */
  getsockopt(s: number, level: number, optname: number, optlen?: number): number | Linger | ProtocolInfo {
    const p = this.scratch;
    const size = level === K.SOL_SOCKET && optname === K.SO_PROTOCOL_INFOW ? INFO_LEN : 4;
    this.dv().setInt32(p + O_LEN, optlen ?? size, true);
    this.done(this.core.getsockopt(s, level, optname, p + O_VAL, p + O_LEN));
    if (size === INFO_LEN) return decodeProtocolInfo(this.mem().slice(p + O_VAL, p + O_VAL + INFO_LEN));
    const dv = this.dv();
    if (level === K.SOL_SOCKET && optname === K.SO_LINGER) {
      return { l_onoff: dv.getUint16(p + O_VAL, true), l_linger: dv.getUint16(p + O_VAL + 2, true) };
    }
    return dv.getInt32(p + O_VAL, true);
  }

  setsockopt(s: number, level: number, optname: number, value: number | boolean | Linger | Uint8Array | null, optlen?: number): number {
    const p = this.scratch + O_VAL;
    const dv = this.dv();
    let n = 4;
    if (value instanceof Uint8Array) { this.mem().set(value.subarray(0, 1024), p); n = value.length; }
    else if (value !== null && typeof value === "object") {
      dv.setUint16(p, value.l_onoff, true);
      dv.setUint16(p + 2, value.l_linger, true);
    } else if (value !== null) dv.setInt32(p, Number(value), true);
    return this.done(this.core.setsockopt(s, level, optname, value === null ? 0 : p, optlen ?? n));
  }

  /** FIONBIO sets the mode (arg) and returns 0; FIONREAD and SIOCATMARK return the value. */
  ioctlsocket(s: number, cmd: number, arg = 0): number {
    const p = this.scratch + O_VAL;
    this.dv().setInt32(p, arg, true);
    this.done(this.core.ioctlsocket(s, cmd | 0, p));
    return cmd === K.FIONBIO ? 0 : this.dv().getInt32(p, true);
  }

  /**
   * WSAIoctl (FIONBIO, FIONREAD, SIOCATMARK, SIO_KEEPALIVE_VALS). Each completes at once: with an
   * overlapped (on a socket created overlapped) its Internal and InternalHigh are filled and hEvent
   * set, or, with a completion routine, the routine is called from the event loop and hEvent left
   * alone, as for WSASend. On a socket created without WSA_FLAG_OVERLAPPED both are ignored.
   */
  WSAIoctl(s: number, code: number, inBuf: Uint8Array | null, outLen: number, wantBytesReturned = true,
    overlapped: WSAOVERLAPPED | null = null, completionRoutine: CompletionRoutine | number = 0): { bytesReturned: number; out: Uint8Array } {
    const p = this.scratch + O_VAL;
    if (inBuf) this.mem().set(inBuf.subarray(0, 256), p);
    const outP = p + 256;
    const br = p + 512;
    const ovP = p + 528;
    const cr = this.routineOf(completionRoutine, overlapped);
    if (overlapped !== null) {
      this.writeOv(overlapped, ovP, cr.fn === null);
      this.dv().setUint32(ovP, K.STATUS_PENDING, true); // stays so when the core ignores the overlapped
    }
    this.dv().setInt32(br, 0, true);
    this.done(this.core.WSAIoctl(s, code | 0, inBuf ? p : 0, inBuf ? inBuf.length : 0, outLen > 0 ? outP : 0, outLen,
      wantBytesReturned ? br : 0, overlapped !== null ? ovP : 0, cr.num));
    const n = this.dv().getInt32(br, true);
    const out = this.mem().slice(outP, outP + Math.min(outLen, 256));
    if (overlapped !== null && this.dv().getUint32(ovP, true) !== K.STATUS_PENDING) {
      this.readOv(overlapped, ovP);
      if (cr.fn !== null) this.queueRoutine(cr.fn, overlapped, ovP);
    }
    return { bytesReturned: n, out };
  }

  // ---- select and WSAPoll ----------------------------------------------------------------------

  /**
   * Lays out the three fd_sets in core memory: in scratch when each holds at most 64 sockets, else
   * (a program's larger FD_SETSIZE; select reads fd_count entries) in a block from wasock_alloc.
   * Returns the set pointers (0 for null) and the block to free (0 when scratch was used).
   */
  private writeSets(r: number[] | null, w: number[] | null, e: number[] | null): { ptrs: number[]; block: number } {
    const sets = [r, w, e];
    const big = sets.some((x) => x !== null && x.length > K.FD_SETSIZE);
    let block = 0, at = this.scratch + O_SETS;
    if (big) {
      const need = sets.reduce((a, x) => a + (x === null ? 0 : 4 + 4 * x.length), 0);
      block = this.core.wasock_alloc(need) >>> 0;
      if (block === 0) throw new WinsockError(WSA.WSAENOBUFS);
      at = block;
    }
    const dv = this.dv();
    const ptrs = sets.map((set, k) => {
      if (set === null) return 0;
      const p = big ? at : this.scratch + O_SETS + k * FDSET_LEN;
      dv.setUint32(p, set.length, true);
      set.forEach((h, i) => dv.setUint32(p + 4 + 4 * i, h, true));
      if (big) at += 4 + 4 * set.length;
      return p;
    });
    return { ptrs, block };
  }

  private readSets(sets: Array<number[] | null>, ptrs: number[]): void {
    const dv = this.dv();
    sets.forEach((set, k) => {
      if (set === null) return;
      const n = dv.getUint32(ptrs[k], true);
      set.length = 0;
      for (let i = 0; i < n; i++) set.push(dv.getUint32(ptrs[k] + 4 + 4 * i, true) | 0);
    });
  }

  /** One select in the core; the sets are rewritten to their ready members (unless `probe`). */
  private trySelect(r: number[] | null, w: number[] | null, e: number[] | null, timeout: TimeVal | null, probe = false): number {
    const { ptrs, block } = this.writeSets(r, w, e);
    try {
      let tp = 0;
      if (timeout) {
        tp = this.scratch + O_TIMEVAL;
        this.dv().setInt32(tp, timeout.tv_sec, true);
        this.dv().setInt32(tp + 4, timeout.tv_usec, true);
      }
      const n = this.done(this.core.select(0, ptrs[0], ptrs[1], ptrs[2], tp));
      if (!probe) this.readSets([r, w, e], ptrs);
      return n;
    } finally {
      if (block !== 0) this.core.wasock_free(block);
    }
  }

  /** select without waiting: the sets (arrays of SOCKETs) are rewritten to the ready members. */
  select(nfds: number, readfds: number[] | null, writefds: number[] | null, exceptfds: number[] | null, timeout: TimeVal | null = null): number {
    void nfds;
    return this.trySelect(readfds, writefds, exceptfds, timeout);
  }

  /** select that waits up to `timeout` (forever when null) for one of the sockets to be ready. */
  async selectAsync(nfds: number, readfds: number[] | null, writefds: number[] | null, exceptfds: number[] | null, timeout: TimeVal | null): Promise<number> {
    void nfds;
    const r0 = readfds?.slice() ?? null, w0 = writefds?.slice() ?? null, e0 = exceptfds?.slice() ?? null;
    const ms = timeout ? timeout.tv_sec * 1000 + timeout.tv_usec / 1000 : Infinity;
    const handles = [...(r0 ?? []), ...(w0 ?? []), ...(e0 ?? [])];
    let n = this.trySelect(r0, w0, e0, timeout, true);
    if (n === 0 && ms > 0) {
      const probe = () => this.trySelect(r0, w0, e0, timeout, true) > 0;
      await this.waitFor(handles, () => { try { return probe(); } catch { return true; } }, ms);
    }
    n = this.trySelect(readfds, writefds, exceptfds, timeout);
    return n;
  }

  WSAPoll(fds: WSAPollFd[], timeout = 0): number {
    void timeout;
    if (fds.length > MAX_POLL) throw new WinsockError(WSA.WSAEINVAL);
    const p = this.scratch + O_POLL;
    const dv = this.dv();
    fds.forEach((f, i) => { dv.setUint32(p + 8 * i, f.fd, true); dv.setInt16(p + 8 * i + 4, f.events, true); dv.setInt16(p + 8 * i + 6, 0, true); });
    const n = this.done(this.core.WSAPoll(fds.length === 0 ? 0 : p, fds.length, 0));
    const dv2 = this.dv();
    fds.forEach((f, i) => { f.revents = dv2.getInt16(p + 8 * i + 6, true); });
    return n;
  }

  /** WSAPoll that waits up to `timeout` ms (negative: forever). */
  async WSAPollAsync(fds: WSAPollFd[], timeout: number): Promise<number> {
    let n = this.WSAPoll(fds);
    if (n === 0 && timeout !== 0) {
      await this.waitFor(fds.map((f) => f.fd), () => this.WSAPoll(fds.map((f) => ({ ...f }))) > 0, timeout < 0 ? Infinity : timeout);
      n = this.WSAPoll(fds);
    }
    return n;
  }

  // ---- event objects and WSAEventSelect --------------------------------------------------------

  /** A manual-reset, non-signalled event object (WSA_NOT_ENOUGH_MEMORY when none is left). */
  WSACreateEvent(): number {
    const h = this.core.WSACreateEvent();
    if (h === K.WSA_INVALID_EVENT) throw new WinsockError(this.core.WSAGetLastError());
    return h;
  }

  private eventCall(r: number): boolean {
    if (r === 0) throw new WinsockError(this.core.WSAGetLastError());
    if (this.evWaiters.length !== 0) this.wakeEvents();
    return true;
  }

  /** true, or WSA_INVALID_HANDLE for a handle that is not a live event (as for the next two). */
  WSACloseEvent(hEvent: number): boolean { return this.eventCall(this.core.WSACloseEvent(hEvent | 0)); }
  WSASetEvent(hEvent: number): boolean { return this.eventCall(this.core.WSASetEvent(hEvent | 0)); }
  WSAResetEvent(hEvent: number): boolean { return this.eventCall(this.core.WSAResetEvent(hEvent | 0)); }

  /**
   * Tests the events without waiting, whatever dwTimeout says: WSA_WAIT_EVENT_0 + the index of the
   * lowest signalled event (or WSA_WAIT_EVENT_0 when all are, with fWaitAll), else WSA_WAIT_TIMEOUT.
   * fAlertable changes nothing here: completion routines run from the event loop, not in a wait.
   * WSA_WAIT_FAILED becomes a WinsockError (WSA_INVALID_PARAMETER, WSA_INVALID_HANDLE).
   */
  WSAWaitForMultipleEvents(events: number[], fWaitAll: boolean, dwTimeout: number, fAlertable = false): number {
    if (!Array.isArray(events)) throw new TypeError("events must be an array of WSAEVENT handles");
    const p = this.scratch + O_EVENTS;
    const n = events.length;
    if (n <= K.WSA_MAXIMUM_WAIT_EVENTS) {
      const dv = this.dv();
      for (let i = 0; i < n; i++) dv.setInt32(p + 4 * i, events[i] | 0, true);
    }
    const r = this.core.WSAWaitForMultipleEvents(n, p, fWaitAll ? 1 : 0, dwTimeout >>> 0, fAlertable ? 1 : 0) >>> 0;
    if (r === K.WSA_WAIT_FAILED) throw new WinsockError(this.core.WSAGetLastError());
    return r;
  }

  /**
   * WSAWaitForMultipleEvents that waits: resolves with WSA_WAIT_EVENT_0 + index (or WSA_WAIT_EVENT_0
   * for fWaitAll) once the events are signalled, or WSA_WAIT_TIMEOUT after dwTimeout ms
   * (WSA_INFINITE: never). An event closed while waited on rejects with WSA_INVALID_HANDLE.
   */
  WSAWaitForMultipleEventsAsync(events: number[], fWaitAll: boolean, dwTimeout: number): Promise<number> {
    let r: number;
    try { r = this.WSAWaitForMultipleEvents(events, fWaitAll, 0); } catch (e) { return Promise.reject(e); }
    const ms = dwTimeout >>> 0;
    if (r !== K.WSA_WAIT_TIMEOUT || ms === 0) return Promise.resolve(r);
    return new Promise<number>((resolve, reject) => {
      const w = new EventWaiter(events.slice(), fWaitAll, resolve, reject);
      this.evWaiters.push(w);
      if (ms !== K.WSA_INFINITE) {
        w.timer = setTimeout(() => {
          const i = this.evWaiters.indexOf(w);
          if (i >= 0) this.evWaiters.splice(i, 1);
          resolve(K.WSA_WAIT_TIMEOUT);
        }, Math.min(ms, 0x7fffffff));
      }
    });
  }

  /** After anything that may have signalled or closed an event: settles the waiters whose events hold. */
  private wakeEvents(): void {
    const n = this.core.wasock_event_changes() >>> 0;
    if (n === this.evSeen) return; // no event was set or closed since the last look
    this.evSeen = n;
    const list = this.evWaiters;
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const w = list[i];
      const r = this.testEvents(w);
      if (r === K.WSA_WAIT_TIMEOUT) { list[kept++] = w; continue; }
      if (w.timer !== undefined) clearTimeout(w.timer);
      if (r < 0) w.reject(new WinsockError(WSA.WSA_INVALID_HANDLE));
      else w.resolve(r);
    }
    list.length = kept;
  }

  /** The wait's outcome now, read without touching scratch memory or the last error (-1: a closed event). */
  private testEvents(w: EventWaiter): number {
    let first = -1;
    let all = true;
    for (let i = 0; i < w.events.length; i++) {
      const st = this.core.wasock_event_state(w.events[i] | 0);
      if (st < 0) return -1;
      if (st === 1) { if (first < 0) first = i; } else all = false;
    }
    if (w.all) return all ? K.WSA_WAIT_EVENT_0 : K.WSA_WAIT_TIMEOUT;
    return first >= 0 ? K.WSA_WAIT_EVENT_0 + first : K.WSA_WAIT_TIMEOUT;
  }

  /**
   * Associates event object hEventObject with the FD_* events in lNetworkEvents and makes the socket
   * non-blocking (lNetworkEvents 0 cancels). Conditions that already hold are recorded at once.
   */
  WSAEventSelect(s: number, hEventObject: number, lNetworkEvents: number): number {
    return this.done(this.core.WSAEventSelect(s, hEventObject | 0, lNetworkEvents | 0));
  }

  /** Returns and clears the socket's network event record; resets hEventObject when it is not 0. */
  WSAEnumNetworkEvents(s: number, hEventObject: number): WSANetworkEvents {
    const p = this.scratch + O_NETEV;
    this.done(this.core.WSAEnumNetworkEvents(s, hEventObject | 0, p));
    const dv = this.dv();
    const iErrorCode: number[] = [];
    for (let i = 0; i < K.FD_MAX_EVENTS; i++) iErrorCode.push(dv.getInt32(p + 4 + 4 * i, true));
    return { lNetworkEvents: dv.getInt32(p, true), iErrorCode };
  }

  // ---- catalog -------------------------------------------------------------------------------

  /** WSAEnumProtocolsW: the catalog entries (for the protocols listed, or all). */
  WSAEnumProtocols(protocols: number[] | null = null): ProtocolInfo[] {
    const raw = this.WSAEnumProtocolsRaw(protocols, ENUM_CAP);
    const out: ProtocolInfo[] = [];
    for (let i = 0; i < raw.count; i++) out.push(decodeProtocolInfo(raw.bytes.subarray(i * INFO_LEN, (i + 1) * INFO_LEN)));
    return out;
  }

  /** The call with an explicit buffer length: WSAENOBUFS reports the needed length in the error's `needed`. */
  WSAEnumProtocolsRaw(protocols: number[] | null, bufferLength: number | null): { count: number; bytes: Uint8Array } {
    const s = this.scratch;
    const dv = this.dv();
    let pp = 0;
    if (protocols) {
      pp = s + O_POLL;
      protocols.forEach((v, i) => dv.setInt32(pp + 4 * i, v, true));
      dv.setInt32(pp + 4 * protocols.length, 0, true);
    }
    dv.setInt32(s + O_LEN, Math.min(bufferLength ?? 0, ENUM_CAP), true);
    const r = this.core.WSAEnumProtocolsW(pp, bufferLength === null ? 0 : s + O_ENUM, s + O_LEN);
    if (r === -1) {
      const e = new WinsockError(this.core.WSAGetLastError()) as WinsockError & { needed?: number };
      e.needed = this.dv().getInt32(s + O_LEN, true);
      throw e;
    }
    return { count: r, bytes: this.mem().slice(s + O_ENUM, s + O_ENUM + r * INFO_LEN) };
  }

  // ---- names (host/node/names.ts) ------------------------------------------------------------

  inet_addr(cp: string | null): number { return Names.inet_addr(this.core as any, cp); }
  inet_ntoa(addr: number): string { return Names.inet_ntoa(this.core as any, addr); }
  inet_pton(family: number, src: string | null): Uint8Array | null { return Names.inet_pton(this.core as any, family, src); }
  inet_ntop(family: number, addr: Uint8Array, size?: number): string { return Names.inet_ntop(this.core as any, family, addr, size); }
  WSAStringToAddress(text: string | null, family: number, addressLength?: number) { return Names.WSAStringToAddressW(this.core as any, text, family, addressLength); }
  WSAAddressToString(sa: Uint8Array | null, addressLength?: number, stringLength?: number): string { return Names.WSAAddressToStringW(this.core as any, sa, addressLength, stringLength); }
  WSAStringToAddressA(text: string | null, family: number, addressLength?: number) { return Names.WSAStringToAddressA(this.core as any, text, family, addressLength); }
  WSAAddressToStringA(sa: Uint8Array | null, addressLength?: number, stringLength?: number): string { return Names.WSAAddressToStringA(this.core as any, sa, addressLength, stringLength); }
  /** getaddrinfo through the host's resolver (awaitable: the lookup is host I/O). */
  getaddrinfo(node: string | null, service: string | null, hints?: Resolver.AddrInfoHints): Promise<Resolver.AddrInfo[]> { return Resolver.getaddrinfo(this.core as any, node, service, hints); }
  freeaddrinfo(ai: Resolver.AddrInfo[] | null): void { Resolver.freeaddrinfo(ai); }
  getnameinfo(sa: Uint8Array | null, salen: number, flags = 0): Promise<Resolver.NameInfo> { return Resolver.getnameinfo(this.core as any, sa, salen, flags); }
  gethostbyname(name: string | null): Promise<Resolver.HostEnt> { return Resolver.gethostbyname(this.core as any, name); }
  gethostbyaddr(addr: Uint8Array | null, len: number, type: number): Promise<Resolver.HostEnt> { return Resolver.gethostbyaddr(this.core as any, addr, len, type); }
  gethostname(namelen = 256): string { return Resolver.gethostname(namelen); }
  getservbyname(name: string, proto: string | null = null): Resolver.ServEnt { return Resolver.getservbyname(name, proto); }
  getservbyport(port: number, proto: string | null = null): Resolver.ServEnt { return Resolver.getservbyport(port, proto); }
  getprotobyname(name: string): Resolver.ProtoEnt { return Resolver.getprotobyname(name); }
  getprotobynumber(proto: number): Resolver.ProtoEnt { return Resolver.getprotobynumber(proto); }
  htons(v: number): number { return this.core.htons(v); }
  htonl(v: number): number { return this.core.htonl(v); }
  ntohs(v: number): number { return this.core.ntohs(v); }
  ntohl(v: number): number { return this.core.ntohl(v); }

  // ---- introspection for hosts and tests ---------------------------------------------------

  /** The core's view of a socket: state (0 open, 1 bound, 2 listening, 3 connecting, 4 connected) and flags. */
  sockInfo(s: number): { state: number; flags: number; rxAvail: number; sndQueued: number; pendingAccepts: number } | null {
    const st = this.info(s, 0);
    if (st < 0) return null;
    return { state: st, flags: this.info(s, 1), rxAvail: this.info(s, 2), sndQueued: this.info(s, 3), pendingAccepts: this.info(s, 4) };
  }

  /** select readiness of one socket: 1 readable, 2 writable, 4 except; -1 not a socket. */
  ready(s: number): number { return this.core.wasock_ready(s); }

  /** Resolves when `check` holds after an event on socket s (or after the timeout, with false). */
  until(s: number, check: () => boolean, timeoutMs = 0): Promise<boolean> {
    return this.waitFor([s], check, timeoutMs);
  }
}

export { AF_INET6 };
