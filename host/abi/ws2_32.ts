// The `ws2_32` and `kernel32` import modules for a C guest (wasm32, Win32 32-bit layouts; see
// include/winsock2.h). Runs in the guest's worker, next to the core (build/wasock.wasm).
//
// Each function copies its arguments from guest memory into the core's scratch area
// (wasock_scratch), calls the core's export of the same name, and copies results back. Every guest
// pointer is bounds-checked first: a pointer or length outside guest memory is WSAEFAULT (for calls
// that return an error code, the code), never a JavaScript exception. Data buffers of send/recv are
// not copied into the core: the core is given HOST_BUFFER and the proxy moves the bytes straight
// between guest memory and the main thread.
//
// Blocking: the core never blocks; a call on a blocking socket that the core answers with
// WSAEWOULDBLOCK waits in CoreProxy.wait (Atomics.wait on the channel) until events arrive, pumps
// them into the core and retries, honouring SO_RCVTIMEO / SO_SNDTIMEO (WSAETIMEDOUT), the select
// timeval, the WSAPoll timeout and WSAWaitForMultipleEvents' dwTimeout (the core keeps the event
// objects and answers at once; the network events that signal them arrive through the same wait).
// A call that needs no I/O never leaves this thread.
//
// Overlapped calls (an OVERLAPPED to WSASend/WSARecv and their To/From forms) run in the core with a
// WSAOVERLAPPED and the data in a block of core memory; one the core queues (WSA_IO_PENDING) is
// completed into the guest's buffers and WSAOVERLAPPED after the events that finish it are taken in
// (settle), and the core has set its hEvent by then.
//
// Completion routines (lpCompletionRoutine) follow desktop Windows, where they are APCs: a call
// with one that completes (at once with success, or later, or cancelled by closesocket) queues the
// routine with its dwError, cbTransferred, lpOverlapped and dwFlags, and the routines run only when
// the guest waits alertably (WSAWaitForMultipleEvents with fAlertable TRUE), which then returns
// WSA_WAIT_IO_COMPLETION. hEvent is the program's own then: it is not signalled. A call that fails
// at once queues nothing. The guest calls a routine through the `wasock_completion` export that
// include/winsock2.h defines (a C function pointer is an index into the guest's function table,
// which is not exported); a program without it gets WSAEOPNOTSUPP for a routine, as before.
//
// Memory that Winsock hands to the program (addrinfo chains, hostent, inet_ntoa's buffer) lives in
// guest memory, allocated with the guest's own malloc/free, which include/winsock2.h exports as
// `wasock_malloc` / `wasock_free` (weak definitions in the header, so every program has them).
// hostent and inet_ntoa's buffer are allocated once per guest and reused, as Windows reuses one
// per thread; each addrinfo node (with its sockaddr) is one allocation that freeaddrinfo frees.
import { hostname } from "node:os";
import { WinsockError } from "../node/errors.ts";
import * as Resolver from "../node/resolver.ts";
import { CoreProxy } from "./core-proxy.ts";
import { HOST_BUFFER } from "./channel.ts";

const WSAEFAULT = 10014;
const WSAEINVAL = 10022;
const WSAEWOULDBLOCK = 10035;
const WSAEOPNOTSUPP = 10045;
const WSAEAFNOSUPPORT = 10047;
const WSAENOBUFS = 10055;
const WSAETIMEDOUT = 10060;
const WSATYPE_NOT_FOUND = 10109;
const WSAHOST_NOT_FOUND = 11001;
const WSATRY_AGAIN = 11002;
const WSANO_RECOVERY = 11003;
const WSA_NOT_ENOUGH_MEMORY = 8;
const CF_DEFER = 2;

const AF_INET = 2;
const AF_INET6 = 23;
const SOCK_STREAM = 1;
const SOCK_DGRAM = 2;
const IPPROTO_TCP = 6;
const IPPROTO_UDP = 17;
const AI_PASSIVE = 1;
const AI_NUMERICHOST = 4;
const AI_NUMERICSERV = 8;
const NI_NAMEREQD = 4;
const NI_DGRAM = 0x10;
const SOL_SOCKET = 0xffff;
const SO_ERROR = 0x1007;
const SO_LINGER = 0x0080;
const ST_CONNECTING = 3;
const ST_CONNECTED = 4;

const WSADATA_LEN = 400;
const NETEVENTS_LEN = 44;   // WSANETWORKEVENTS: long + int[10]
const MAX_WAIT_EVENTS = 64; // WSA_MAXIMUM_WAIT_EVENTS
const WSA_WAIT_TIMEOUT = 258;
const WSA_WAIT_IO_COMPLETION = 0xc0;
const WAIT_IO_COMPLETION = 0xc0; // SleepEx's (STATUS_USER_APC)
const WSA_IO_PENDING = 997;
const STATUS_PENDING = 0x103;
const OV_LEN = 20;          // WSAOVERLAPPED: Internal, InternalHigh, Offset, OffsetHigh, hEvent
const OV_MAX_BYTES = 64 << 20; // the core's largest wasock_alloc
/** A pointer outside the core's memory: the core answers it with WSAEFAULT in its own order of checks. */
const BAD_CORE_PTR = 0xffffff00;
const INFOW_LEN = 628;
const INFOA_LEN = 372;
const INFO_FIXED = 116;
const FDSET_LEN = 260;

// Core scratch layout (offsets from wasock_scratch()).
const S_ADDR = 0;      // sockaddr in/out (64)
const S_LEN = 64;      // int
const S_LEN2 = 68;     // int
const S_VAL = 128;     // option values, WSADATA, WSAIoctl input (1024)
const S_OUT = 1152;    // WSAIoctl output, address bytes (768)
const S_SETS = 2048;   // three fd_sets (3 x 260)
const S_TV = 2944;     // timeval
const S_OV = 3008;     // WSAIoctl's WSAOVERLAPPED (20)
const S_TEXT = 3072;   // strings (1024 bytes)
const TEXT_CAP = 1024;
const S_POLL = 4096;   // WSAPOLLFD array
const POLL_MAX = (40960 - 4096) >> 3;
const S_ENUM = 40960;  // WSAEnumProtocols buffer
const ENUM_CAP = 24576;

/** Imports that return a pointer or an event handle, where failure is NULL. */
const RETURNS_POINTER = new Set(["gethostbyname", "gethostbyaddr", "getservbyname", "getservbyport", "getprotobyname",
  "getprotobynumber", "inet_ntoa", "inet_ntop", "gai_strerrorA", "WSACreateEvent"]);

/** gai_strerrorA's texts (wasock's own words) for the codes getaddrinfo/getnameinfo return. */
const GAI_TEXT: Record<number, string> = {
  0: "no error",
  8: "not enough memory for the answer", // WSA_NOT_ENOUGH_MEMORY, EAI_MEMORY
  10022: "invalid flags", // WSAEINVAL, EAI_BADFLAGS
  10044: "socket type not supported", // WSAESOCKTNOSUPPORT, EAI_SOCKTYPE
  10047: "address family not supported", // WSAEAFNOSUPPORT, EAI_FAMILY
  10109: "service not known for this socket type", // WSATYPE_NOT_FOUND, EAI_SERVICE
  11001: "host name not known", // WSAHOST_NOT_FOUND, EAI_NONAME
  11002: "temporary failure in name resolution, try again", // WSATRY_AGAIN, EAI_AGAIN
  11003: "name resolution failed", // WSANO_RECOVERY, EAI_FAIL
  10014: "bad address", // WSAEFAULT
};
const GAI_CAP = 128;

/** A service's port (host order) from the services table (host/node/resolver.ts), or -1. */
function servicePort(name: string, proto: string | null): number {
  try {
    return Resolver.getservbyname(name, proto).port;
  } catch {
    return -1;
  }
}

/** The core exports this module calls (build/wasock.wasm, raw numbers). */
export interface AbiCore {
  memory: WebAssembly.Memory;
  wasock_scratch(): number;
  wasock_sock_info(h: number, field: number): number;
  wasock_ready(h: number): number;
  [name: string]: any;
}

type Fn = (...a: number[]) => number | void;

/**
 * An overlapped call the core queued: its WSAOVERLAPPED and data live in one block of core memory
 * (wasock_alloc) until it completes; then the result goes to the guest's WSAOVERLAPPED (Internal,
 * InternalHigh) and, for a receive, the bytes to the guest's buffers.
 */
interface OverlappedOp {
  gov: number;
  block: number;
  recv: boolean;
  gbufs: Array<[number, number]>;
  data: number;
  gfrom: number;
  gfromlen: number;
  /** The guest's lpCompletionRoutine (0: none). */
  routine: number;
}

/** A completion routine queued for the guest's next alertable wait (an APC on Windows). */
interface Apc { routine: number; error: number; bytes: number; ov: number; flags: number }

/** An exception from the guest's own code run inside an import (a trap, exit()): it ends the program. */
class GuestUnwind {
  constructor(readonly cause: unknown) {}
}

// Layout of an overlapped call's core block.
const OB_OV = 0, OB_BUF = 24, OB_COUNT = 32, OB_FLAGS = 36, OB_FROMLEN = 40, OB_FROM = 44, OB_DATA = 112;

export class Ws2_32 {
  private readonly sc: number;
  private gmem: WebAssembly.Memory | null = null;
  private gbuf: ArrayBuffer | null = null;
  private g8 = new Uint8Array(0);
  private gdv = new DataView(new ArrayBuffer(0));
  private malloc: ((n: number) => number) | null = null;
  private free: ((p: number) => void) | null = null;
  private ntoaBuf = 0;
  private readonly pending: OverlappedOp[] = [];
  private readonly apcs: Apc[] = [];
  private completion: ((routine: number, error: number, bytes: number, ov: number, flags: number) => void) | null = null;
  private condition: ((fn: number, callerId: number, calleeId: number, calleeData: number, g: number, data: number) => number) | null = null;
  private gaiBuf = 0;
  private hostentBuf = 0;

  constructor(private readonly core: AbiCore, private readonly io: CoreProxy) {
    this.sc = core.wasock_scratch() >>> 0;
    io.afterDrain = () => { if (this.pending.length > 0) this.settle(); };
  }

  /** Connects the module to the guest instance once it exists (memory, allocator). */
  attach(exports: WebAssembly.Exports): void {
    this.gmem = exports.memory as WebAssembly.Memory;
    if (typeof exports.wasock_malloc === "function") this.malloc = exports.wasock_malloc as (n: number) => number;
    if (typeof exports.wasock_free === "function") this.free = exports.wasock_free as (p: number) => void;
    if (typeof exports.wasock_completion === "function") this.completion = exports.wasock_completion as any;
    if (typeof exports.wasock_condition === "function") this.condition = exports.wasock_condition as any;
  }

  /**
   * Completes the guest's side of overlapped calls the core finished (in the events just taken in,
   * or in closesocket/shutdown/WSACleanup): bytes to the guest's buffers, the status to its
   * WSAOVERLAPPED, the core block freed. The core has already signalled hEvent.
   */
  settle(): void {
    for (let i = 0; i < this.pending.length; i++) {
      const op = this.pending[i];
      const cv = this.cdv();
      const status = cv.getUint32(op.block + OB_OV, true);
      if (status === STATUS_PENDING) continue;
      const n = cv.getUint32(op.block + OB_OV + 4, true);
      if (op.recv) this.scatter(op, n);
      if (this.inG(op.gov, 8)) {
        this.dv().setUint32(op.gov >>> 0, status, true);
        this.dv().setUint32((op.gov >>> 0) + 4, n, true);
      }
      if (op.routine !== 0) this.queueApc(op.routine, op.block + OB_OV, op.gov);
      this.core.wasock_free(op.block);
      this.pending.splice(i--, 1);
    }
  }

  /**
   * Queues a completed call's routine. Its dwError and dwFlags are what WSAGetOverlappedResult
   * gives for the core's WSAOVERLAPPED at `cov` (the core maps the NTSTATUS; the last error stays).
   */
  private queueApc(routine: number, cov: number, gov: number): void {
    const error = Math.max(0, this.core.wasock_overlapped_result(cov, this.sc + S_LEN, this.sc + S_LEN2));
    this.apcs.push({ routine, error, bytes: this.ci32(S_LEN) >>> 0, ov: gov, flags: this.ci32(S_LEN2) >>> 0 });
  }

  /**
   * The alertable part of a wait: runs the routines queued so far, oldest first, and says whether
   * there were any. Routines queued while these run (a routine that posts the next receive, which
   * completes at once) wait for the next alertable wait, so that one wait does a bounded amount.
   */
  private runApcs(): boolean {
    if (this.apcs.length === 0 || this.completion === null) return false;
    const batch = this.apcs.splice(0);
    const run = this.completion;
    for (const a of batch) this.guestCall(() => run(a.routine, a.error, a.bytes, a.ov, a.flags));
    return true;
  }

  /**
   * Calls the guest's own code from inside an import (a completion routine, a condition function):
   * its trap or exit() is wrapped so that guard() and SleepEx let it go on unwinding.
   */
  private guestCall<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      throw new GuestUnwind(e);
    }
  }

  /** A receive's bytes (and source) from its core block to the guest's buffers. */
  private scatter(op: OverlappedOp, n: number): void {
    const c = this.c8();
    let at = op.data, left = n;
    for (const [b, l] of op.gbufs) {
      const k = Math.min(l, left);
      if (k > 0 && this.inG(b, k)) this.g().set(c.subarray(at, at + k), b >>> 0);
      at += k;
      left -= k;
    }
    if (op.gfrom !== 0 && op.gfromlen !== 0 && this.inG(op.gfromlen, 4)) {
      const len = this.cdv().getInt32(op.block + OB_FROMLEN, true);
      if (len > 0 && len <= 64 && this.inG(op.gfrom, len)) this.g().set(c.subarray(op.block + OB_FROM, op.block + OB_FROM + len), op.gfrom >>> 0);
      this.si32(op.gfromlen, len);
    }
  }

  // ---- guest and core memory -----------------------------------------------------------------

  private g(): Uint8Array {
    const b = this.gmem!.buffer;
    if (b !== this.gbuf) {
      this.gbuf = b as ArrayBuffer;
      this.g8 = new Uint8Array(b);
      this.gdv = new DataView(b);
    }
    return this.g8;
  }
  private dv(): DataView { this.g(); return this.gdv; }
  private cbuf: ArrayBuffer | null = null;
  private cb8 = new Uint8Array(0);
  private cbdv = new DataView(new ArrayBuffer(0));
  /** Views of core memory, made again only when the memory grew. */
  private c8(): Uint8Array {
    const b = this.core.memory.buffer;
    if (b !== this.cbuf) {
      this.cbuf = b as ArrayBuffer;
      this.cb8 = new Uint8Array(b);
      this.cbdv = new DataView(b);
    }
    return this.cb8;
  }
  private cdv(): DataView { this.c8(); return this.cbdv; }

  /** [p, p+n) lies inside guest memory (p and n read as unsigned). */
  private inG(p: number, n: number): boolean {
    return (p >>> 0) + (n >>> 0) <= this.g().length;
  }
  private fault(): number { this.core.WSASetLastError(WSAEFAULT); return -1; }
  private error(e: number, r = -1): number { this.core.WSASetLastError(e); return r; }
  private toCore(p: number, n: number, at: number): void {
    this.c8().set(this.g().subarray(p >>> 0, (p >>> 0) + n), this.sc + at);
  }
  private fromCore(at: number, n: number, p: number): void {
    this.g().set(this.c8().subarray(this.sc + at, this.sc + at + n), p >>> 0);
  }
  private gi32(p: number): number { return this.dv().getInt32(p >>> 0, true); }
  private si32(p: number, v: number): void { this.dv().setInt32(p >>> 0, v, true); }
  private ci32(at: number): number { return this.cdv().getInt32(this.sc + at, true); }
  private sci32(at: number, v: number): void { this.cdv().setInt32(this.sc + at, v, true); }

  /** A NUL-terminated guest string (bytes, or UTF-16 units when wide), or null if it runs off memory. */
  private cstr(p: number, wide = false, max = TEXT_CAP): Uint8Array | null {
    const g = this.g();
    const step = wide ? 2 : 1;
    for (let i = p >>> 0, k = 0; i + step <= g.length && k < max; i += step, k++) {
      if (g[i] === 0 && (!wide || g[i + 1] === 0)) return g.subarray(p >>> 0, i);
    }
    return null;
  }
  private text(p: number): string | null {
    const b = this.cstr(p);
    return b === null ? null : new TextDecoder().decode(b);
  }
  /** Copies a guest string (with its NUL) to the core's text area; false if it is not in memory. */
  private strToCore(p: number, wide = false): boolean {
    const b = this.cstr(p, wide, wide ? TEXT_CAP / 2 - 1 : TEXT_CAP - 1);
    if (b === null) return false;
    const c = this.c8();
    c.set(b, this.sc + S_TEXT);
    c[this.sc + S_TEXT + b.length] = 0;
    if (wide) c[this.sc + S_TEXT + b.length + 1] = 0;
    return true;
  }
  private alloc(n: number): number {
    if (this.malloc === null) return 0;
    return this.malloc(n) >>> 0;
  }

  // ---- blocking ------------------------------------------------------------------------------

  private nonBlocking(h: number): boolean { return (this.core.wasock_sock_info(h, 1) & 1) !== 0; }

  private deadline(h: number, field: number): number {
    const ms = this.core.wasock_sock_info(h, field) >>> 0;
    return ms === 0 || ms === 0xffffffff ? Infinity : Date.now() + ms;
  }

  /** After WSAEWOULDBLOCK from the core: should the call wait (a blocking socket)? */
  private shouldWait(r: number, h: number): boolean {
    return r === -1 && this.core.WSAGetLastError() === WSAEWOULDBLOCK && !this.nonBlocking(h);
  }

  /** Waits for events until `until` (ms since epoch); false when the time ran out. */
  private waitUntil(until: number): boolean {
    const left = until === Infinity ? Infinity : until - Date.now();
    if (left <= 0) return false;
    this.io.wait(left);
    return true;
  }

  // ---- the module ----------------------------------------------------------------------------

  /** The ws2_32 imports the guest module asks for; the ones wasock lacks fail with WSAEOPNOTSUPP. */
  imports(guest: WebAssembly.Module): Record<string, Fn> {
    const impl = this.functions();
    const out: Record<string, Fn> = {};
    for (const i of WebAssembly.Module.imports(guest)) {
      if (i.module !== "ws2_32" || i.kind !== "function") continue;
      // A call that returns a pointer or handle fails with NULL (WSA_INVALID_EVENT), the rest with -1.
      const fail = RETURNS_POINTER.has(i.name) ? 0 : -1;
      const fn = impl[i.name];
      out[i.name] = fn === undefined ? () => this.error(WSAEOPNOTSUPP, fail) : this.guard(i.name, fn, fail);
    }
    return out;
  }

  /**
   * A JavaScript exception must never reach the guest (it would trap the program): a bug in a
   * function becomes WSAEFAULT with its failure value, reported once on stderr.
   */
  private guard(name: string, fn: Fn, fail: number): Fn {
    let told = false;
    return (a, b, c, d, e, f, g, h, i) => {
      try {
        return fn(a, b, c, d, e, f, g, h, i);
      } catch (err) {
        if (err instanceof GuestUnwind) throw err.cause; // the guest's own trap or exit goes on unwinding
        if (!told) { told = true; process.stderr.write(`wasock: internal error in ${name}: ${(err as Error).stack ?? err}\n`); }
        this.io.src = null;
        this.io.dst = null;
        return this.error(WSAEFAULT, fail);
      }
    };
  }

  kernel32(): Record<string, Fn> {
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    const sleep = (ms: number) => { if ((ms >>> 0) > 0) Atomics.wait(sleeper, 0, 0, (ms >>> 0) === 0xffffffff ? undefined : ms >>> 0); };
    return {
      GetLastError: () => this.core.WSAGetLastError(),
      SetLastError: (e) => { this.core.WSASetLastError(e); },
      Sleep: (ms) => { sleep(ms); },
      // An alertable sleep runs the queued completion routines, and those of calls that complete while
      // it sleeps, and then ends early with WAIT_IO_COMPLETION; a non-alertable one is Sleep.
      SleepEx: (ms, alertable) => {
        if (alertable === 0) { sleep(ms); return 0; }
        const until = (ms >>> 0) === 0xffffffff ? Infinity : Date.now() + (ms >>> 0);
        try {
          for (;;) {
            this.io.drain(); // (completes overlapped calls through afterDrain, queueing their routines)
            if (this.runApcs()) return WAIT_IO_COMPLETION;
            if (!this.waitUntil(until)) return 0;
          }
        } catch (e) {
          if (e instanceof GuestUnwind) throw e.cause; // the guest's own trap or exit goes on unwinding
          throw e;
        }
      },
      GetTickCount: () => (Math.floor(performance.timeOrigin + performance.now()) >>> 0),
    };
  }

  functions(): Record<string, Fn> {
    const core = this.core;
    const io = this.io;
    const sc = this.sc;
    const self = this;

    /** addr/addrlen output pair (accept, getsockname, getpeername, recvfrom): prepares the core's. */
    function prepName(name: number, lenp: number): number {
      if (name === 0 && lenp === 0) return 0;
      if (lenp === 0) return 1;              // the core sees a NULL length: WSAEFAULT
      if (!self.inG(lenp, 4)) return -1;
      const cap = self.gi32(lenp);
      if (name !== 0 && cap > 0 && !self.inG(name, cap)) return -1;
      self.sci32(S_LEN, cap > 64 ? 64 : cap);
      return 2;
    }
    function putName(name: number, lenp: number): void {
      const n = self.ci32(S_LEN);
      if (name !== 0 && n > 0) self.fromCore(S_ADDR, Math.min(n, 64), name);
      if (lenp !== 0) self.si32(lenp, n);
    }
    function nameArgs(kind: number, name: number): [number, number] {
      if (kind === 0) return [0, 0];
      if (kind === 1) return [name === 0 ? 0 : sc + S_ADDR, 0];
      return [name === 0 ? 0 : sc + S_ADDR, sc + S_LEN];
    }
    /** sockaddr input (bind, connect, sendto): core pointer, or -1 on a fault. */
    function addrIn(name: number, len: number): number {
      if (name === 0) return 0;
      const n = len > 64 ? 64 : len;
      if (n > 0 && !self.inG(name, n)) return -1;
      if (n > 0) self.toCore(name, n, S_ADDR);
      return sc + S_ADDR;
    }
    function sendto(h: number, buf: number, len: number, flags: number, to: number, tolen: number): number {
      io.drain();
      if (len > 0 && !self.inG(buf, len)) return self.fault();
      const tp = addrIn(to, tolen);
      if (tp < 0) return self.fault();
      io.src = self.g().subarray(buf >>> 0, (buf >>> 0) + Math.max(len, 0));
      let until = 0;
      for (;;) {
        const r = tp === 0 && to === 0 ? core.send(h, HOST_BUFFER, len, flags) : core.sendto(h, HOST_BUFFER, len, flags, tp, tolen);
        if (!self.shouldWait(r, h)) { io.src = null; return r; }
        if (until === 0) until = self.deadline(h, 8);
        if (!self.waitUntil(until)) { io.src = null; return self.error(WSAETIMEDOUT); }
        io.src = self.g().subarray(buf >>> 0, (buf >>> 0) + len);
      }
    }
    function recvfrom(h: number, buf: number, len: number, flags: number, from: number, fromlen: number): number {
      io.drain();
      if (len > 0 && !self.inG(buf, len)) return self.fault();
      const kind = from === 0 ? 0 : prepName(from, fromlen);
      if (kind < 0) return self.fault();
      const [fp, lp] = from === 0 ? [0, 0] : nameArgs(kind, from);
      let until = 0;
      for (;;) {
        io.dst = self.g().subarray(buf >>> 0, (buf >>> 0) + Math.max(len, 0));
        const r = from === 0 ? core.recv(h, HOST_BUFFER, len, flags) : core.recvfrom(h, HOST_BUFFER, len, flags, fp, lp);
        io.dst = null;
        if (!self.shouldWait(r, h)) {
          // a stream leaves from/fromlen untouched, as Windows does
          if (from !== 0 && kind === 2 && (r >= 0 || core.WSAGetLastError() === 10040) && core.wasock_sock_info(h, 5) !== SOCK_STREAM) putName(from, fromlen);
          return r;
        }
        if (until === 0) until = self.deadline(h, 7);
        if (!self.waitUntil(until)) return self.error(WSAETIMEDOUT);
      }
    }
    function getName(fn: string) {
      return (h: number, name: number, lenp: number) => {
        io.drain();
        const kind = prepName(name, lenp);
        if (kind < 0) return self.fault();
        const [np, lp] = nameArgs(kind, name);
        const r = core[fn](h, np, lp);
        if (r === 0 && kind === 2) putName(name, lenp);
        return r;
      };
    }
    /**
     * An fd_set's size in guest memory: fd_count, then that many handles. fd_count may exceed this
     * header's FD_SETSIZE (a program may define a larger one), as Windows allows. 0 for NULL, -1 when
     * the set does not lie inside guest memory.
     */
    function setLen(p: number): number {
      if (p === 0) return 0;
      if (!self.inG(p, 4)) return -1;
      const n = self.dv().getUint32(p >>> 0, true);
      if (n > 0x0fffffff || !self.inG(p, 4 + 4 * n)) return -1;
      return 4 + 4 * n;
    }
    /** Copies an fd_set of `len` bytes to scratch offset `at`; its core pointer, 0 for NULL. */
    function setIn(p: number, len: number, at: number): number {
      if (p === 0) return 0;
      self.toCore(p, len, at);
      return sc + at;
    }
    /** Copies the core's filtered set (fd_count and the remaining handles) back to the guest. */
    function setOut(p: number, at: number): void {
      if (p === 0) return;
      const n = self.cdv().getUint32(sc + at, true);
      self.fromCore(at, 4 + 4 * n, p);
    }
    function enumW(protos: number, buf: number, lenp: number, cap: number): number {
      let pp = 0;
      if (protos !== 0) {
        const c = self.c8();
        let k = 0;
        for (;; k++) {
          if (k >= 255 || !self.inG(protos + 4 * k, 4)) return -2;
          const v = self.gi32(protos + 4 * k);
          self.cdv().setInt32(sc + S_VAL + 4 * k, v, true);
          if (v === 0) break;
        }
        void c;
        pp = sc + S_VAL;
      }
      self.sci32(S_LEN, Math.min(cap, ENUM_CAP));
      return core.WSAEnumProtocolsW(pp, buf === 0 ? 0 : sc + S_ENUM, lenp === 0 ? 0 : sc + S_LEN);
    }
    function wsaSocket(wide: boolean) {
      return (af: number, type: number, protocol: number, info: number, group: number, flags: number) => {
        io.drain();
        let ip = 0;
        if (info !== 0) {
          const n = wide ? INFOW_LEN : INFOA_LEN;
          if (!self.inG(info, n)) return self.fault();
          self.toCore(info, INFO_FIXED, S_ENUM);
          const c = self.c8();
          for (let i = 0; i < 256; i++) {
            const ch = wide ? self.dv().getUint16(info + INFO_FIXED + 2 * i, true) : self.g()[info + INFO_FIXED + i];
            c[sc + S_ENUM + INFO_FIXED + 2 * i] = ch & 0xff;
            c[sc + S_ENUM + INFO_FIXED + 2 * i + 1] = ch >> 8;
          }
          ip = sc + S_ENUM;
        }
        return core.WSASocketW(af, type, protocol, ip, group, flags);
      };
    }
    /** Writes a NUL-terminated string to a fresh or fixed guest buffer. */
    function putText(p: number, bytes: Uint8Array): void {
      const g = self.g();
      g.set(bytes, p >>> 0);
      g[(p >>> 0) + bytes.length] = 0;
    }
    function parseAddr(text: string, family: number): Uint8Array | null {
      const c = self.c8();
      const b = new TextEncoder().encode(text);
      if (b.length >= TEXT_CAP) return null;
      for (const fam of family === 0 ? [AF_INET, AF_INET6] : [family]) {
        c.set(b, sc + S_TEXT);
        c[sc + S_TEXT + b.length] = 0;
        if (core.inet_pton(fam, sc + S_TEXT, sc + S_OUT) === 1) {
          return sockaddr(fam, c.slice(sc + S_OUT, sc + S_OUT + (fam === AF_INET ? 4 : 16)), 0);
        }
      }
      return null;
    }
    function sockaddr(fam: number, addr: Uint8Array, port: number): Uint8Array {
      const out = new Uint8Array(fam === AF_INET ? 16 : 28);
      const dv = new DataView(out.buffer);
      dv.setUint16(0, fam, true);
      dv.setUint16(2, port, false);
      out.set(addr, fam === AF_INET ? 4 : 8);
      return out;
    }
    function lookupName(name: string, family: number, numericOnly: boolean): Uint8Array[] | number {
      const numeric = parseAddr(name, family);
      if (numeric !== null) return [numeric];
      if (numericOnly) return WSAHOST_NOT_FOUND;
      const r = io.resolve(name, family);
      if (typeof r === "number") return r;
      const out: Uint8Array[] = [];
      for (const a of r) {
        const s = parseAddr(a, family);
        if (s !== null) out.push(s);
      }
      return out.length === 0 ? WSAHOST_NOT_FOUND : out;
    }

    /** A WSABUF array (u_long len, char *buf) as [buf, len] pairs, or null when any part is outside memory. */
    function wsabufs(p: number, count: number): Array<[number, number]> | null {
      if (p === 0 || count <= 0 || count > 1024 || !self.inG(p, count * 8)) return null;
      const out: Array<[number, number]> = [];
      const dv = self.dv();
      for (let i = 0; i < count; i++) {
        const len = dv.getUint32((p >>> 0) + 8 * i, true), buf = dv.getUint32((p >>> 0) + 8 * i + 4, true);
        if (len > 0x7fffffff || (len > 0 && !self.inG(buf, len))) return null;
        out.push([buf, len]);
      }
      return out;
    }
    /** Gathers several buffers into one guest allocation (datagrams are one message); 0 without memory. */
    function gather(list: Array<[number, number]>): [number, number] {
      const total = list.reduce((n, [, l]) => n + l, 0);
      const tmp = self.alloc(Math.max(total, 1));
      if (tmp === 0) return [0, total];
      let at = tmp;
      for (const [b, l] of list) { self.g().copyWithin(at, b >>> 0, (b >>> 0) + l); at += l; }
      return [tmp, total];
    }
    /**
     * WSASend/WSASendTo/WSARecv/WSARecvFrom with an OVERLAPPED: the call goes to the core with a
     * WSAOVERLAPPED and one buffer (the guest's buffers gathered) in a block of core memory, so that
     * a call the core queues (WSA_IO_PENDING) can complete later from the events; settle() then
     * hands the result back. A guest pointer outside its memory reaches the core as one outside
     * the core's, so the core's order of checks holds.
     */
    function overlapped(recv: boolean, h: number, bufs: number, count: number, countp: number, flagsv: number, flagsp: number,
      addr: number, addrlen: number, ov: number, cr: number): number {
      // The core cannot call a routine: this module runs it (through wasock_completion) and passes none.
      if (cr !== 0 && self.completion === null) return self.error(WSAEOPNOTSUPP);
      io.drain();
      self.settle();
      const list = bufs === 0 ? null : wsabufs(bufs, count);
      const total = list === null ? 0 : list.reduce((n, [, l]) => n + l, 0);
      if (total > OV_MAX_BYTES) return self.error(WSAENOBUFS);
      const block = core.wasock_alloc(OB_DATA + Math.max(total, 1)) >>> 0;
      if (block === 0) return self.error(WSAENOBUFS);
      const c8 = self.c8(), cv = self.cdv();
      c8.fill(0, block, block + OB_DATA);
      const okOv = self.inG(ov, OV_LEN);
      // hEvent, which the core signals at completion; with a routine it is the program's, left alone
      if (okOv && cr === 0) cv.setUint32(block + OB_OV + 16, self.dv().getUint32((ov >>> 0) + 16, true), true);
      cv.setUint32(block + OB_BUF, total, true);
      cv.setUint32(block + OB_BUF + 4, block + OB_DATA, true);
      if (!recv && list !== null) {
        let at = block + OB_DATA;
        for (const [b, l] of list) { c8.set(self.g().subarray(b >>> 0, (b >>> 0) + l), at); at += l; }
      }
      const bp = list !== null ? block + OB_BUF : bufs === 0 ? 0 : BAD_CORE_PTR;
      const n = list !== null && count > 0 ? 1 : count;
      const cp = countp === 0 ? 0 : self.inG(countp, 4) ? block + OB_COUNT : BAD_CORE_PTR;
      let r: number;
      let gfrom = 0, gfromlen = 0;
      if (recv) {
        let fp = 0;
        if (flagsp !== 0) {
          fp = self.inG(flagsp, 4) ? block + OB_FLAGS : BAD_CORE_PTR;
          if (fp !== BAD_CORE_PTR) cv.setInt32(fp, self.gi32(flagsp), true);
        }
        let ap = 0, lp = 0;
        if (addr !== 0 || addrlen !== 0) {
          lp = addrlen === 0 ? 0 : self.inG(addrlen, 4) ? block + OB_FROMLEN : BAD_CORE_PTR;
          const cap = lp === block + OB_FROMLEN ? self.gi32(addrlen) : 0;
          if (lp === block + OB_FROMLEN) cv.setInt32(lp, Math.min(cap, 64), true);
          ap = addr === 0 ? 0 : cap > 0 && self.inG(addr, Math.min(cap, 64)) ? block + OB_FROM : BAD_CORE_PTR;
          gfrom = addr; gfromlen = addrlen;
        }
        r = core.WSARecvFrom(h, bp, n, cp, fp, ap, lp, okOv ? block + OB_OV : BAD_CORE_PTR, 0);
      } else {
        let tp = 0;
        if (addr !== 0) {
          const k = Math.min(Math.max(addrlen, 0), 64);
          if (k > 0 && self.inG(addr, k)) { c8.set(self.g().subarray(addr >>> 0, (addr >>> 0) + k), block + OB_FROM); tp = block + OB_FROM; }
          else tp = k > 0 ? BAD_CORE_PTR : block + OB_FROM;
        }
        r = core.WSASendTo(h, bp, n, cp, flagsv, tp, addrlen, okOv ? block + OB_OV : BAD_CORE_PTR, 0);
      }
      const err = core.WSAGetLastError();
      const op: OverlappedOp = { gov: ov, block, recv, gbufs: list ?? [], data: block + OB_DATA, gfrom, gfromlen, routine: cr };
      if (r === -1 && err === WSA_IO_PENDING) {
        self.pending.push(op);
        self.dv().setUint32(ov >>> 0, STATUS_PENDING, true);
        return -1;
      }
      const done = r === 0 || (recv && err === 10040); // at once (a truncated datagram included)
      if (done) {
        const got = cv.getUint32(block + OB_COUNT, true);
        if (recv) self.scatter(op, cv.getUint32(block + OB_OV + 4, true));
        if (cp === block + OB_COUNT) self.si32(countp, got);
        if (recv && flagsp !== 0 && self.inG(flagsp, 4)) self.si32(flagsp, cv.getInt32(block + OB_FLAGS, true));
        self.dv().setUint32(ov >>> 0, cv.getUint32(block + OB_OV, true), true);
        self.dv().setUint32((ov >>> 0) + 4, cv.getUint32(block + OB_OV + 4, true), true);
      }
      // Success at once still queues the routine (a failure at once, a truncated datagram's too, does not).
      if (r === 0 && cr !== 0) self.queueApc(cr, block + OB_OV, ov);
      core.wasock_free(block);
      core.WSASetLastError(err);
      return r;
    }

    function wsaSendTo(h: number, bufs: number, count: number, sentp: number, flags: number, to: number, tolen: number, ov: number, cr: number): number {
      if (ov !== 0) return overlapped(false, h, bufs, count, sentp, flags, 0, to, tolen, ov, cr);
      const list = wsabufs(bufs, count);
      if (list === null || sentp === 0 || !self.inG(sentp, 4)) return self.fault();
      let total = 0;
      if (list.length === 1) {
        total = sendto(h, list[0][0], list[0][1], flags, to, tolen);
      } else {
        // one write of the gathered bytes (a datagram is one message; a stream gets one segment run)
        const [tmp, n] = gather(list);
        if (tmp === 0) return self.error(WSAENOBUFS);
        total = sendto(h, tmp, n, flags, to, tolen);
        self.free!(tmp);
      }
      if (total < 0) return -1;
      self.si32(sentp, total);
      return 0;
    }
    function wsaRecvFrom(h: number, bufs: number, count: number, recvdp: number, flagsp: number, from: number, fromlen: number, ov: number, cr: number): number {
      if (ov !== 0) return overlapped(true, h, bufs, count, recvdp, 0, flagsp, from, fromlen, ov, cr);
      const list = wsabufs(bufs, count);
      if (list === null || recvdp === 0 || !self.inG(recvdp, 4) || flagsp === 0 || !self.inG(flagsp, 4)) return self.fault();
      const flags = self.gi32(flagsp);
      let total: number;
      if (core.wasock_sock_info(h, 5) === SOCK_STREAM) {
        // the first buffer waits for data; the next ones take what has already arrived
        total = recvfrom(h, list[0][0], list[0][1], flags, 0, 0);
        if (total < 0) return -1;
        for (let i = 1; i < list.length && total > 0 && (flags & 2) === 0; i++) {
          if (total < list.slice(0, i).reduce((n, [, l]) => n + l, 0) || core.wasock_sock_info(h, 2) <= 0) break;
          const r = recvfrom(h, list[i][0], list[i][1], flags, 0, 0);
          if (r <= 0) break;
          total += r;
        }
      } else if (list.length === 1) {
        total = recvfrom(h, list[0][0], list[0][1], flags, from, fromlen);
        if (total < 0) return -1;
      } else {
        const cap = list.reduce((n, [, l]) => n + l, 0);
        const tmp = self.alloc(Math.max(cap, 1));
        if (tmp === 0) return self.error(WSAENOBUFS);
        const r = recvfrom(h, tmp, cap, flags, from, fromlen);
        const err = core.WSAGetLastError();
        let at = tmp, left = r >= 0 ? r : err === 10040 ? cap : 0;
        for (const [b, l] of list) {
          const n = Math.min(l, left);
          self.g().copyWithin(b >>> 0, at, at + n);
          at += n;
          left -= n;
        }
        self.free!(tmp);
        if (r < 0) { core.WSASetLastError(err); return -1; }
        total = r;
      }
      self.si32(recvdp, total);
      self.si32(flagsp, 0);
      return 0;
    }

    const fns: Record<string, Fn> = {
      // -- startup and errors
      WSAStartup: (ver, data) => {
        if (data !== 0 && !self.inG(data, WSADATA_LEN)) return WSAEFAULT;
        const r = core.WSAStartup(ver, data === 0 ? 0 : sc + S_VAL);
        if (data !== 0) { self.sci32(S_VAL + 396, 0); self.fromCore(S_VAL, WSADATA_LEN, data); }
        return r;
      },
      WSACleanup: () => { io.drain(); const r = core.WSACleanup(); self.settle(); return r; },
      WSAGetLastError: () => core.WSAGetLastError(),
      WSASetLastError: (e) => { core.WSASetLastError(e); },
      WSAIsBlocking: () => core.WSAIsBlocking(),
      WSASetBlockingHook: (fn) => core.WSASetBlockingHook(fn),
      WSAUnhookBlockingHook: () => core.WSAUnhookBlockingHook(),
      WSACancelBlockingCall: () => core.WSACancelBlockingCall(),

      // -- sockets
      socket: (af, type, protocol) => { io.drain(); return core.socket(af, type, protocol); },
      WSASocketW: wsaSocket(true),
      WSASocketA: wsaSocket(false),
      closesocket: (h) => {
        io.drain();
        // SO_LINGER {1, n}: a blocking socket waits up to n seconds for its queued data to go out
        // (taken by the host's TCP), then resets the connection if it did not.
        const secs = core.wasock_sock_info(h, 9);
        if (secs > 0 && !self.nonBlocking(h) && core.wasock_sock_info(h, 0) === ST_CONNECTED) {
          const until = Date.now() + secs * 1000;
          while (core.wasock_sock_info(h, 3) > 0 && self.waitUntil(until));
          if (core.wasock_sock_info(h, 3) > 0) {
            self.sci32(S_VAL, 1); // linger {1, 0}: abortive
            core.setsockopt(h, SOL_SOCKET, SO_LINGER, sc + S_VAL, 4);
          }
        }
        const r = core.closesocket(h);
        self.settle(); // overlapped calls on it end cancelled
        return r;
      },
      bind: (h, name, len) => {
        io.drain();
        const p = addrIn(name, len);
        return p < 0 ? self.fault() : core.bind(h, p, len);
      },
      listen: (h, backlog) => { io.drain(); return core.listen(h, backlog); },
      accept: (h, addr, lenp) => {
        io.drain();
        const kind = prepName(addr, lenp);
        if (kind < 0) return self.fault();
        const [ap, lp] = nameArgs(kind, addr);
        for (;;) {
          const r = core.accept(h, ap, lp);
          if (!self.shouldWait(r, h)) {
            if (r !== -1 && kind === 2) putName(addr, lenp);
            return r;
          }
          io.wait(Infinity);
        }
      },
      connect: (h, name, len) => {
        io.drain();
        const p = addrIn(name, len);
        if (p < 0) return self.fault();
        const r = core.connect(h, p, len);
        if (!self.shouldWait(r, h)) return r;
        while (core.wasock_sock_info(h, 0) === ST_CONNECTING) io.wait(Infinity);
        if (core.wasock_sock_info(h, 0) === ST_CONNECTED) { core.WSASetLastError(0); return 0; }
        self.sci32(S_LEN2, 4);
        core.getsockopt(h, SOL_SOCKET, SO_ERROR, sc + S_VAL, sc + S_LEN2);
        const e = self.ci32(S_VAL);
        return self.error(e !== 0 ? e : 10061);
      },
      send: (h, buf, len, flags) => sendto(h, buf, len, flags, 0, 0),
      // A condition function is an index into the guest's function table, which wasm-ld does not
      // export: the guest calls it through the `wasock_condition` export that winsock2.h defines.
      // The connection is accepted first (the host's TCP completed its handshake already, as
      // Windows' does without SO_CONDITIONAL_ACCEPT), then the function decides, and the core
      // carries out its verdict (wasock_accept_verdict).
      WSAAccept: (h, addr, lenp, cond, data) => {
        if (cond === 0) return fns.accept(h, addr, lenp) as number;
        if (self.condition === null || self.malloc === null) return self.error(WSAEOPNOTSUPP);
        const n = fns.accept(h, addr, lenp) as number;
        if (n === -1) return n;
        // WSABUF callerId, calleeId, calleeData; GROUP; then the two sockaddrs (64 bytes each)
        const b = self.alloc(32 + 128);
        if (b === 0) {
          const r = core.wasock_accept_verdict(h, n, CF_DEFER); // kept for the next call
          return core.WSAGetLastError() === WSATRY_AGAIN ? self.error(WSAENOBUFS) : r;
        }
        const id = (off: number, fn: "getpeername" | "getsockname") => {
          self.sci32(S_LEN, 64);
          const len = core[fn](n, sc + S_ADDR, sc + S_LEN) === 0 ? self.ci32(S_LEN) : 0;
          if (len > 0) self.fromCore(S_ADDR, len, b + 32 + off);
          return len;
        };
        self.si32(b, id(0, "getpeername")); self.si32(b + 4, b + 32);
        self.si32(b + 8, id(64, "getsockname")); self.si32(b + 12, b + 96);
        self.si32(b + 16, 0); self.si32(b + 20, 0); // no connect data can go back over TCP
        self.si32(b + 24, 0);                        // no socket group
        const v = self.guestCall(() => self.condition!(cond, b, b + 8, b + 16, b + 24, data)) >>> 0;
        self.free?.(b);
        io.drain();
        return core.wasock_accept_verdict(h, n, v);
      },
      // TCP has no connect data and wasock no QOS: caller data is not sent, callee data comes back
      // empty (len 0), and a flow specification cannot be met (WSAEOPNOTSUPP).
      WSAConnect: (h, name, len, callerData, calleeData, sqos, gqos) => {
        void callerData;
        if (sqos !== 0 || gqos !== 0) return self.error(WSAEOPNOTSUPP);
        if (calleeData !== 0 && !self.inG(calleeData, 8)) return self.fault();
        const r = fns.connect(h, name, len) as number;
        if (r === 0 && calleeData !== 0) self.si32(calleeData, 0);
        return r;
      },
      // The core decodes the guest's WSAOVERLAPPED (copied in); fWait waits here for the call to
      // complete (the core itself never waits).
      WSAGetOverlappedResult: (h, ov, cbp, wait, flagsp) => {
        io.drain();
        self.settle();
        if (wait !== 0 && ov !== 0) {
          while (self.pending.some((op) => op.gov === ov) && core.wasock_sock_info(h, 0) !== -1) io.wait(Infinity);
        }
        const okOv = self.inG(ov, OV_LEN), okCb = self.inG(cbp, 4), okFl = self.inG(flagsp, 4);
        if (okOv) self.toCore(ov, OV_LEN, S_OUT);
        // the guest's values go in first, so that what the core does not write comes back unchanged
        if (okCb) self.sci32(S_LEN, self.gi32(cbp));
        if (okFl) self.sci32(S_LEN2, self.gi32(flagsp));
        const r = core.WSAGetOverlappedResult(h, okOv ? sc + S_OUT : BAD_CORE_PTR, okCb ? sc + S_LEN : BAD_CORE_PTR,
          0, okFl ? sc + S_LEN2 : BAD_CORE_PTR);
        if (okCb && okFl) { self.si32(cbp, self.ci32(S_LEN)); self.si32(flagsp, self.ci32(S_LEN2)); }
        return r;
      },
      WSASend: (h, bufs, count, sentp, flags, ov, cr) => wsaSendTo(h, bufs, count, sentp, flags, 0, 0, ov, cr),
      WSASendTo: wsaSendTo,
      WSARecv: (h, bufs, count, recvdp, flagsp, ov, cr) => wsaRecvFrom(h, bufs, count, recvdp, flagsp, 0, 0, ov, cr),
      WSARecvFrom: wsaRecvFrom,
      sendto,
      recv: (h, buf, len, flags) => recvfrom(h, buf, len, flags, 0, 0),
      recvfrom,
      shutdown: (h, how) => { io.drain(); const r = core.shutdown(h, how); self.settle(); return r; },
      getsockname: getName("getsockname"),
      getpeername: getName("getpeername"),
      getsockopt: (h, level, name, val, lenp) => {
        io.drain();
        if (lenp !== 0 && !self.inG(lenp, 4)) return self.fault();
        const cap = lenp === 0 ? 0 : self.gi32(lenp);
        if (val !== 0 && cap > 0 && !self.inG(val, cap)) return self.fault();
        self.sci32(S_LEN, cap > 1024 ? 1024 : cap);
        const r = core.getsockopt(h, level, name, val === 0 ? 0 : sc + S_VAL, lenp === 0 ? 0 : sc + S_LEN);
        if (r === 0) {
          const n = self.ci32(S_LEN);
          if (val !== 0 && n > 0) self.fromCore(S_VAL, Math.min(n, 1024), val);
          self.si32(lenp, n);
        }
        return r;
      },
      setsockopt: (h, level, name, val, len) => {
        io.drain();
        const n = len > 1024 ? 1024 : len;
        if (val !== 0 && n > 0) {
          if (!self.inG(val, n)) return self.fault();
          self.toCore(val, n, S_VAL);
        }
        return core.setsockopt(h, level, name, val === 0 ? 0 : sc + S_VAL, len);
      },
      ioctlsocket: (h, cmd, argp) => {
        io.drain();
        if (argp !== 0) {
          if (!self.inG(argp, 4)) return self.fault();
          self.toCore(argp, 4, S_VAL);
        }
        const r = core.ioctlsocket(h, cmd, argp === 0 ? 0 : sc + S_VAL);
        if (r === 0 && argp !== 0) self.fromCore(S_VAL, 4, argp);
        return r;
      },
      // Every code completes at once: with an overlapped the guest's WSAOVERLAPPED is completed
      // (Internal, InternalHigh) and its event set by the core, or, with a routine, the routine is
      // queued for the next alertable wait and hEvent left alone, as for WSASend.
      WSAIoctl: (h, code, inBuf, inLen, outBuf, outLen, bytesRet, ov, cr) => {
        io.drain();
        const il = inLen > 1024 ? 1024 : inLen, ol = outLen > 768 ? 768 : outLen;
        if (inBuf !== 0 && il > 0) {
          if (!self.inG(inBuf, il)) return self.fault();
          self.toCore(inBuf, il, S_VAL);
        }
        if (outBuf !== 0 && ol > 0 && !self.inG(outBuf, ol)) return self.fault();
        if (bytesRet !== 0 && !self.inG(bytesRet, 4)) return self.fault();
        let op = 0;
        if (ov !== 0) {
          if (cr !== 0 && self.completion === null) return self.error(WSAEOPNOTSUPP); // as overlapped() does
          if (!self.inG(ov, OV_LEN)) return self.fault();
          self.toCore(ov, OV_LEN, S_OV);
          self.sci32(S_OV, STATUS_PENDING); // stays so when the core ignores the overlapped
          if (cr !== 0) self.sci32(S_OV + 16, 0); // the routine, not the event, tells of completion
          op = sc + S_OV;
        }
        self.sci32(S_LEN2, 0);
        const r = core.WSAIoctl(h, code, inBuf === 0 ? 0 : sc + S_VAL, inLen, outBuf === 0 ? 0 : sc + S_OUT, ol,
          bytesRet === 0 ? 0 : sc + S_LEN2, op, 0);
        if (r === 0) {
          const n = self.ci32(S_LEN2);
          if (outBuf !== 0 && n > 0) self.fromCore(S_OUT, Math.min(n, ol), outBuf);
          if (bytesRet !== 0) self.si32(bytesRet, n);
          // (the core ignores the overlapped of a socket created without WSA_FLAG_OVERLAPPED)
          if (ov !== 0 && self.ci32(S_OV) !== STATUS_PENDING) {
            self.fromCore(S_OV, 8, ov);
            if (cr !== 0) self.queueApc(cr, sc + S_OV, ov);
          }
        }
        return r;
      },
      select: (nfds, rd, wr, ex, tv) => {
        io.drain();
        let tp = 0;
        let until = Infinity;
        if (tv !== 0) {
          if (!self.inG(tv, 8)) return self.fault();
          self.toCore(tv, 8, S_TV);
          tp = sc + S_TV;
          const sec = self.gi32(tv), usec = self.gi32(tv + 4);
          until = Date.now() + Math.max(0, sec) * 1000 + Math.max(0, usec) / 1000;
        }
        const lr = setLen(rd), lw = setLen(wr), le = setLen(ex);
        if (lr < 0 || lw < 0 || le < 0) return self.fault();
        // Up to 3 x 260 bytes fit in scratch; bigger sets (a larger FD_SETSIZE) borrow core memory.
        const big = lr + lw + le > S_TV - S_SETS;
        const block = big ? core.wasock_alloc(lr + lw + le) >>> 0 : 0;
        if (big && block === 0) return self.error(WSAENOBUFS);
        const ar = big ? block - sc : S_SETS, aw = ar + lr, ae = aw + lw;
        try {
          for (;;) {
            const rp = setIn(rd, lr, ar), wp = setIn(wr, lw, aw), ep = setIn(ex, le, ae);
            const r = core.select(nfds, rp, wp, ep, tp);
            if (r !== 0 || !self.waitUntil(until)) {
              if (r >= 0) { setOut(rd, ar); setOut(wr, aw); setOut(ex, ae); }
              return r;
            }
          }
        } finally {
          if (big) core.wasock_free(block);
        }
      },
      __WSAFDIsSet: (fd, set) => {
        const len = setLen(set);
        if (len <= 0) return 0;
        const n = (len - 4) >> 2;
        for (let i = 0; i < n; i++) if (self.dv().getUint32((set >>> 0) + 4 + 4 * i, true) === fd >>> 0) return 1;
        return 0;
      },
      WSAPoll: (fds, nfds, timeout) => {
        io.drain();
        if (nfds > POLL_MAX) return self.error(WSAEINVAL);
        if (nfds > 0 && !self.inG(fds, nfds * 8)) return self.fault();
        const until = timeout < 0 ? Infinity : Date.now() + timeout;
        for (;;) {
          if (nfds > 0) self.toCore(fds, nfds * 8, S_POLL);
          const r = core.WSAPoll(fds === 0 ? 0 : sc + S_POLL, nfds, 0);
          if (r !== 0 || timeout === 0 || !self.waitUntil(until)) {
            if (r >= 0 && nfds > 0) self.fromCore(S_POLL, nfds * 8, fds);
            return r;
          }
        }
      },

      // -- event objects and WSAEventSelect (the core keeps them; only the wait happens here)
      WSACreateEvent: () => core.WSACreateEvent(),
      WSACloseEvent: (ev) => core.WSACloseEvent(ev),
      WSASetEvent: (ev) => core.WSASetEvent(ev),
      WSAResetEvent: (ev) => { io.drain(); return core.WSAResetEvent(ev); },
      WSAEventSelect: (h, ev, mask) => { io.drain(); return core.WSAEventSelect(h, ev, mask); },
      WSAEnumNetworkEvents: (h, ev, out) => {
        io.drain();
        // A record outside guest memory goes to the core as one outside its memory, so that the
        // core's order of checks (WSAENOTSOCK before WSAEFAULT) holds.
        const p = out === 0 ? 0 : self.inG(out, NETEVENTS_LEN) ? sc + S_VAL : BAD_CORE_PTR;
        const r = core.WSAEnumNetworkEvents(h, ev, p);
        if (r === 0 && p !== 0) self.fromCore(S_VAL, NETEVENTS_LEN, out);
        return r;
      },
      WSAWaitForMultipleEvents: (count, list, all, timeout, alertable) => {
        io.drain();
        const n = count >>> 0;
        let p = sc + S_VAL;
        if (n >= 1 && n <= MAX_WAIT_EVENTS) {
          if (list !== 0 && self.inG(list, 4 * n)) self.toCore(list, 4 * n, S_VAL);
          else p = list === 0 ? 0 : BAD_CORE_PTR;
        }
        const until = (timeout >>> 0) === 0xffffffff ? Infinity : Date.now() + (timeout >>> 0);
        for (;;) {
          // the core answers at once; events that signal an event object arrive from the I/O thread
          const r = core.WSAWaitForMultipleEvents(count, p, all, 0, alertable) >>> 0;
          if (r !== WSA_WAIT_TIMEOUT) return r | 0;
          // Alertable and nothing signalled: queued completion routines run and end the wait (the
          // events waited on take precedence, as Windows checks them first).
          if (alertable !== 0 && self.runApcs()) return WSA_WAIT_IO_COMPLETION;
          if ((timeout >>> 0) === 0 || !self.waitUntil(until)) return r | 0;
        }
      },

      // -- catalog
      WSAEnumProtocolsW: (protos, buf, lenp) => {
        if (lenp !== 0 && !self.inG(lenp, 4)) return self.fault();
        const cap = lenp === 0 ? 0 : self.gi32(lenp) >>> 0;
        if (buf !== 0 && cap > 0 && !self.inG(buf, cap)) return self.fault();
        const r = enumW(protos, buf, lenp, cap);
        if (r === -2) return self.fault();
        if (lenp !== 0) self.si32(lenp, self.ci32(S_LEN));
        if (r > 0 && buf !== 0) self.fromCore(S_ENUM, r * INFOW_LEN, buf);
        return r;
      },
      WSAEnumProtocolsA: (protos, buf, lenp) => {
        if (lenp !== 0 && !self.inG(lenp, 4)) return self.fault();
        const cap = lenp === 0 ? 0 : self.gi32(lenp) >>> 0;
        if (buf !== 0 && cap > 0 && !self.inG(buf, cap)) return self.fault();
        const r = enumW(protos, buf, lenp, Math.floor(cap / INFOA_LEN) * INFOW_LEN);
        if (r === -2) return self.fault();
        if (lenp !== 0) self.si32(lenp, Math.floor(self.ci32(S_LEN) / INFOW_LEN) * INFOA_LEN);
        if (r > 0 && buf !== 0) {
          const c = self.c8(), g = self.g();
          for (let i = 0; i < r; i++) {
            const from = sc + S_ENUM + i * INFOW_LEN, to = (buf >>> 0) + i * INFOA_LEN;
            g.set(c.subarray(from, from + INFO_FIXED), to);
            for (let k = 0; k < 256; k++) {
              const ch = c[from + INFO_FIXED + 2 * k] | (c[from + INFO_FIXED + 2 * k + 1] << 8);
              g[to + INFO_FIXED + k] = ch < 0x100 ? ch : 0x3f;
            }
          }
        }
        return r;
      },

      // -- byte order
      htons: (v) => ((v & 0xff) << 8) | ((v >> 8) & 0xff),
      ntohs: (v) => ((v & 0xff) << 8) | ((v >> 8) & 0xff),
      htonl: (v) => core.htonl(v),
      ntohl: (v) => core.ntohl(v),
      WSAHtons: (h, v, out) => self.swapOut(h, out, 2, ((v & 0xff) << 8) | ((v >> 8) & 0xff)),
      WSANtohs: (h, v, out) => self.swapOut(h, out, 2, ((v & 0xff) << 8) | ((v >> 8) & 0xff)),
      WSAHtonl: (h, v, out) => self.swapOut(h, out, 4, core.htonl(v)),
      WSANtohl: (h, v, out) => self.swapOut(h, out, 4, core.ntohl(v)),

      // -- address text
      inet_addr: (cp) => {
        if (cp === 0) return core.inet_addr(0);
        if (!self.strToCore(cp)) { core.WSASetLastError(WSAEFAULT); return -1; }
        return core.inet_addr(sc + S_TEXT);
      },
      inet_ntoa: (inp) => {
        // struct in_addr is a union, which the wasm32 C ABI passes by reference to a copy.
        if (!self.inG(inp, 4)) { core.WSASetLastError(WSAEFAULT); return 0; }
        const p = core.inet_ntoa(self.gi32(inp)) >>> 0;
        if (p === 0) return 0;
        if (self.ntoaBuf === 0) self.ntoaBuf = self.alloc(32);
        if (self.ntoaBuf === 0) return 0;
        const c = self.c8();
        let e = p;
        while (c[e] !== 0 && e - p < 31) e++;
        putText(self.ntoaBuf, c.slice(p, e));
        return self.ntoaBuf;
      },
      inet_pton: (family, src, dst) => {
        if (src === 0 || dst === 0) return self.error(WSAEFAULT);
        if (family !== AF_INET && family !== AF_INET6) return self.error(WSAEAFNOSUPPORT);
        const n = family === AF_INET ? 4 : 16;
        if (!self.strToCore(src) || !self.inG(dst, n)) return self.error(WSAEFAULT);
        const r = core.inet_pton(family, sc + S_TEXT, sc + S_OUT);
        if (r === 1) self.fromCore(S_OUT, n, dst);
        return r;
      },
      inet_ntop: (family, addr, buf, size) => {
        const n = family === AF_INET ? 4 : family === AF_INET6 ? 16 : 0;
        if (n > 0 && addr !== 0) {
          if (!self.inG(addr, n)) { core.WSASetLastError(WSAEFAULT); return 0; }
          self.toCore(addr, n, S_OUT);
        }
        const sz = Math.min(size >>> 0, TEXT_CAP);
        const p = core.inet_ntop(family, addr === 0 ? 0 : sc + S_OUT, buf === 0 ? 0 : sc + S_TEXT, sz) >>> 0;
        if (p === 0) return 0;
        const c = self.c8();
        let e = p;
        while (c[e] !== 0) e++;
        if (!self.inG(buf, e - p + 1)) { core.WSASetLastError(WSAEFAULT); return 0; }
        putText(buf, c.slice(p, e));
        return buf;
      },
      WSAStringToAddressA: (text, family, info, addr, lenp) => self.stringToAddress(false, text, family, addr, lenp),
      WSAStringToAddressW: (text, family, info, addr, lenp) => self.stringToAddress(true, text, family, addr, lenp),
      WSAAddressToStringA: (sa, saLen, info, out, lenp) => self.addressToString(false, sa, saLen, out, lenp),
      WSAAddressToStringW: (sa, saLen, info, out, lenp) => self.addressToString(true, sa, saLen, out, lenp),

      // -- names
      gethostname: (name, len) => {
        const b = new TextEncoder().encode(hostname());
        if (name === 0 || len <= b.length || !self.inG(name, b.length + 1)) return self.fault();
        putText(name, b);
        return 0;
      },
      getaddrinfo: (node, service, hints, res) => {
        io.drain();
        if (res === 0 || !self.inG(res, 4)) return self.error(WSAEFAULT, WSAEFAULT);
        self.si32(res, 0);
        let flags = 0, family = 0, socktype = 0, protocol = 0;
        if (hints !== 0) {
          if (!self.inG(hints, 32)) return self.error(WSAEFAULT, WSAEFAULT);
          flags = self.gi32(hints); family = self.gi32(hints + 4); socktype = self.gi32(hints + 8); protocol = self.gi32(hints + 12);
        }
        if (family !== 0 && family !== AF_INET && family !== AF_INET6) return self.error(WSAEAFNOSUPPORT, WSAEAFNOSUPPORT);
        if (node === 0 && service === 0) return self.error(WSAHOST_NOT_FOUND, WSAHOST_NOT_FOUND);
        let port = 0;
        if (service !== 0) {
          const s = self.text(service);
          if (s === null) return self.error(WSAEFAULT, WSAEFAULT);
          const named = (flags & AI_NUMERICSERV) === 0 ? servicePort(s, socktype === SOCK_DGRAM ? "udp" : socktype === SOCK_STREAM ? "tcp" : null) : -1;
          if (/^\d+$/.test(s) && Number(s) < 65536) port = Number(s);
          else if (named >= 0) port = named;
          else return self.error(WSATYPE_NOT_FOUND, WSATYPE_NOT_FOUND);
        }
        let addrs: Uint8Array[];
        const nodeName = node === 0 ? "" : self.text(node);
        if (nodeName === null) return self.error(WSAEFAULT, WSAEFAULT);
        if (nodeName === "") {
          const any = (flags & AI_PASSIVE) !== 0;
          const v4 = sockaddr(AF_INET, any ? new Uint8Array(4) : new Uint8Array([127, 0, 0, 1]), 0);
          const v6 = sockaddr(AF_INET6, any ? new Uint8Array(16) : new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), 0);
          addrs = family === AF_INET ? [v4] : family === AF_INET6 ? [v6] : [v6, v4];
        } else {
          const r = lookupName(nodeName, family, (flags & AI_NUMERICHOST) !== 0);
          if (typeof r === "number") return self.error(r, r);
          addrs = r;
        }
        if (self.malloc === null) return self.error(WSA_NOT_ENOUGH_MEMORY, WSA_NOT_ENOUGH_MEMORY);
        let head = 0, prev = 0;
        for (const a of addrs) {
          const p = self.alloc(32 + 28);
          if (p === 0) { self.freeChain(head); return self.error(WSA_NOT_ENOUGH_MEMORY, WSA_NOT_ENOUGH_MEMORY); }
          const fam = a[0] | (a[1] << 8);
          new DataView(a.buffer).setUint16(2, port, false);
          const dv = self.dv();
          const st = socktype !== 0 ? socktype : protocol === IPPROTO_UDP ? SOCK_DGRAM : protocol === IPPROTO_TCP ? SOCK_STREAM : 0;
          dv.setInt32(p, flags, true); dv.setInt32(p + 4, fam, true); dv.setInt32(p + 8, st, true);
          dv.setInt32(p + 12, protocol, true); dv.setUint32(p + 16, a.length, true); dv.setUint32(p + 20, 0, true);
          dv.setUint32(p + 24, p + 32, true); dv.setUint32(p + 28, 0, true);
          self.g().fill(0, p + 32, p + 60);
          self.g().set(a, p + 32);
          if (prev === 0) head = p; else self.dv().setUint32(prev + 28, p, true);
          prev = p;
        }
        self.si32(res, head);
        core.WSASetLastError(0);
        return 0;
      },
      freeaddrinfo: (ai) => { self.freeChain(ai); },
      getnameinfo: (sa, saLen, host, hostLen, serv, servLen, flags) => {
        if (sa === 0 || saLen < 16 || !self.inG(sa, Math.min(saLen, 28))) return self.error(WSAEFAULT, WSAEFAULT);
        const fam = self.dv().getUint16(sa >>> 0, true);
        if (fam !== AF_INET && fam !== AF_INET6) return self.error(WSAEAFNOSUPPORT, WSAEAFNOSUPPORT);
        if (fam === AF_INET6 && saLen < 28) return self.error(WSAEFAULT, WSAEFAULT);
        // each output buffer lies whole inside guest memory, not only the part the answer fills
        if ((host !== 0 && hostLen > 0 && !self.inG(host, hostLen >>> 0)) || (serv !== 0 && servLen > 0 && !self.inG(serv, servLen >>> 0))) {
          return self.error(WSAEFAULT, WSAEFAULT);
        }
        if (host !== 0 && hostLen > 0) {
          if ((flags & NI_NAMEREQD) !== 0) return self.error(WSAHOST_NOT_FOUND, WSAHOST_NOT_FOUND);
          self.toCore(sa + (fam === AF_INET ? 4 : 8), fam === AF_INET ? 4 : 16, S_OUT);
          const p = core.inet_ntop(fam, sc + S_OUT, sc + S_TEXT, TEXT_CAP) >>> 0;
          if (p === 0) return self.error(WSANO_RECOVERY, WSANO_RECOVERY);
          const c = self.c8();
          let e = p;
          while (c[e] !== 0) e++;
          if (e - p + 1 > hostLen) return self.error(WSAEFAULT, WSAEFAULT);
          putText(host, c.slice(p, e));
        }
        if (serv !== 0 && servLen > 0) {
          const port = self.dv().getUint16((sa >>> 0) + 2, false);
          let s = String(port);
          if ((flags & 8) === 0) {
            try { s = Resolver.getservbyport(((port & 0xff) << 8) | (port >> 8), (flags & NI_DGRAM) !== 0 ? "udp" : "tcp").name; } catch { /* numeric */ }
          }
          const b = new TextEncoder().encode(s);
          if (b.length + 1 > servLen) return self.error(WSAEFAULT, WSAEFAULT);
          putText(serv, b);
        }
        core.WSASetLastError(0);
        return 0;
      },
      gai_strerrorA: (code) => {
        const text = GAI_TEXT[code] ?? `unknown error ${code}`;
        if (self.gaiBuf === 0) self.gaiBuf = self.alloc(GAI_CAP);
        if (self.gaiBuf === 0) return 0;
        putText(self.gaiBuf, new TextEncoder().encode(text).subarray(0, GAI_CAP - 1));
        return self.gaiBuf;
      },
      getservbyname: (namep, protop) => {
        const name = namep === 0 ? null : self.text(namep);
        const proto = protop === 0 ? null : self.text(protop);
        if (name === null || (protop !== 0 && proto === null)) { core.WSASetLastError(WSAEFAULT); return 0; }
        return self.ent(() => { const e = Resolver.getservbyname(name, proto); return [e.name, e.aliases, e.s_port, e.proto]; });
      },
      getservbyport: (port, protop) => {
        const proto = protop === 0 ? null : self.text(protop);
        if (protop !== 0 && proto === null) { core.WSASetLastError(WSAEFAULT); return 0; }
        return self.ent(() => { const e = Resolver.getservbyport(port & 0xffff, proto); return [e.name, e.aliases, e.s_port, e.proto]; });
      },
      getprotobyname: (namep) => {
        const name = namep === 0 ? null : self.text(namep);
        if (name === null) { core.WSASetLastError(WSAEFAULT); return 0; }
        return self.ent(() => { const e = Resolver.getprotobyname(name); return [e.name, e.aliases, e.proto, null]; });
      },
      getprotobynumber: (n) => self.ent(() => { const e = Resolver.getprotobynumber(n); return [e.name, e.aliases, e.proto, null]; }),
      gethostbyaddr: (addr, len, type) => {
        io.drain();
        if (type !== AF_INET && type !== AF_INET6) { core.WSASetLastError(WSAEAFNOSUPPORT); return 0; }
        const n = type === AF_INET ? 4 : 16;
        if (addr === 0 || len < n || !self.inG(addr, n)) { core.WSASetLastError(WSAEFAULT); return 0; }
        self.toCore(addr, n, S_OUT);
        const p = core.inet_ntop(type, sc + S_OUT, sc + S_TEXT, TEXT_CAP) >>> 0;
        if (p === 0) { core.WSASetLastError(WSANO_RECOVERY); return 0; }
        const c = self.c8();
        let e = p;
        while (c[e] !== 0) e++;
        const name = io.reverse(new TextDecoder().decode(c.slice(p, e)));
        if (typeof name === "number") { core.WSASetLastError(name); return 0; }
        const bytes = self.g().slice(addr >>> 0, (addr >>> 0) + n);
        return self.hostent(name, [bytes], type);
      },
      gethostbyname: (namep) => {
        io.drain();
        const name = namep === 0 ? hostname() : self.text(namep);
        if (name === null) { core.WSASetLastError(WSAEFAULT); return 0; }
        const r = lookupName(name, AF_INET, false);
        if (typeof r === "number") { core.WSASetLastError(r); return 0; }
        return self.hostent(name, r.slice(0, 8).map((sa) => sa.subarray(4, 8)));
      },
    };
    return fns;
  }

  private swapOut(h: number, out: number, n: number, v: number): number {
    if (out === 0 || !this.inG(out, n)) return this.error(WSAEFAULT);
    void h;
    if (n === 2) this.dv().setUint16(out >>> 0, v, true); else this.dv().setUint32(out >>> 0, v, true);
    return 0;
  }

  private stringToAddress(wide: boolean, text: number, family: number, addr: number, lenp: number): number {
    if (text !== 0 && !this.strToCore(text, wide)) return this.fault();
    if (lenp !== 0 && !this.inG(lenp, 4)) return this.fault();
    const cap = lenp === 0 ? 0 : this.gi32(lenp);
    if (addr !== 0 && cap > 0 && !this.inG(addr, Math.min(cap, 64))) return this.fault();
    this.sci32(S_LEN, cap > 64 ? 64 : cap);
    const sc = this.sc;
    const fn = wide ? "WSAStringToAddressW" : "WSAStringToAddressA";
    const r = this.core[fn](text === 0 ? 0 : sc + S_TEXT, family, 0, addr === 0 ? 0 : sc + S_ADDR, lenp === 0 ? 0 : sc + S_LEN);
    const n = this.ci32(S_LEN);
    if (lenp !== 0) this.si32(lenp, n);
    if (r === 0 && addr !== 0) this.fromCore(S_ADDR, Math.min(n, 64), addr);
    return r;
  }

  private addressToString(wide: boolean, sa: number, saLen: number, out: number, lenp: number): number {
    const sc = this.sc;
    const n = saLen > 64 ? 64 : saLen;
    if (sa !== 0 && n > 0) {
      if (!this.inG(sa, n)) return this.fault();
      this.toCore(sa, n, S_ADDR);
    }
    if (lenp !== 0 && !this.inG(lenp, 4)) return this.fault();
    const unit = wide ? 2 : 1;
    const cap = lenp === 0 ? 0 : this.gi32(lenp) >>> 0;
    if (out !== 0 && cap > 0 && !this.inG(out, cap * unit)) return this.fault();
    this.sci32(S_LEN, Math.min(cap, TEXT_CAP / unit));
    const fn = wide ? "WSAAddressToStringW" : "WSAAddressToStringA";
    const r = this.core[fn](sa === 0 ? 0 : sc + S_ADDR, saLen, 0, out === 0 ? 0 : sc + S_TEXT, lenp === 0 ? 0 : sc + S_LEN);
    const len = this.ci32(S_LEN);
    if (lenp !== 0) this.si32(lenp, len);
    if (r === 0 && out !== 0) this.fromCore(S_TEXT, len * unit, out);
    return r;
  }

  private freeChain(ai: number): void {
    if (this.free === null) return;
    let p = ai >>> 0;
    for (let k = 0; p !== 0 && k < 1 << 16 && this.inG(p, 32); k++) {
      const next = this.dv().getUint32(p + 28, true);
      const canon = this.dv().getUint32(p + 20, true);
      if (canon !== 0) this.free(canon);
      this.free(p);
      p = next;
    }
  }

  private entBuf = 0;

  /**
   * servent / protoent: one area per guest, reused by each call (Windows keeps one per thread).
   * Layout: name | aliases | short number | (servent) proto, then the pointer array and strings.
   */
  private ent(look: () => [string, string[], number, string | null]): number {
    let e: [string, string[], number, string | null];
    try {
      e = look();
    } catch (err) {
      this.core.WSASetLastError(err instanceof WinsockError ? err.errno : WSANO_RECOVERY);
      return 0;
    }
    if (this.entBuf === 0) this.entBuf = this.alloc(1024);
    const p = this.entBuf;
    if (p === 0) { this.core.WSASetLastError(WSA_NOT_ENOUGH_MEMORY); return 0; }
    const enc = new TextEncoder();
    const aliases = e[1].slice(0, 16);
    const list = p + 16;
    let text = list + 4 * (aliases.length + 1);
    const end = p + 1024;
    const dv = this.dv(), g = this.g();
    const str = (v: string): number => {
      const b = enc.encode(v).subarray(0, 63);
      if (text + b.length + 1 > end) return 0;
      const at = text;
      g.set(b, at);
      g[at + b.length] = 0;
      text += b.length + 1;
      return at;
    };
    dv.setUint32(p, str(e[0]), true);
    dv.setUint32(p + 4, list, true);
    dv.setInt16(p + 8, e[2], true);
    dv.setInt16(p + 10, 0, true);
    dv.setUint32(p + 12, e[3] === null ? 0 : str(e[3]), true);
    aliases.forEach((a, i) => dv.setUint32(list + 4 * i, str(a), true));
    dv.setUint32(list + 4 * aliases.length, 0, true);
    this.core.WSASetLastError(0);
    return p;
  }

  /** One hostent per guest, reused by each call (as Windows reuses one per thread). */
  private hostent(name: string, addrs: Uint8Array[], family = AF_INET): number {
    const nameBytes = new TextEncoder().encode(name).subarray(0, 255);
    if (this.hostentBuf === 0) this.hostentBuf = this.alloc(1024);
    const p = this.hostentBuf;
    if (p === 0) { this.core.WSASetLastError(WSA_NOT_ENOUGH_MEMORY); return 0; }
    // layout: hostent (16) | aliases [NULL] (4) | addr_list (9 x 4) | addresses (8 x 16) | name
    const alen = family === AF_INET ? 4 : 16;
    const list = addrs.slice(0, 8);
    const aliases = p + 16, ptrs = aliases + 4, data = ptrs + 9 * 4, text = data + 8 * 16;
    const dv = this.dv();
    dv.setUint32(p, text, true); dv.setUint32(p + 4, aliases, true);
    dv.setInt16(p + 8, family, true); dv.setInt16(p + 10, alen, true); dv.setUint32(p + 12, ptrs, true);
    dv.setUint32(aliases, 0, true);
    list.forEach((a, i) => {
      this.g().set(a.subarray(0, alen), data + alen * i);
      dv.setUint32(ptrs + 4 * i, data + alen * i, true);
    });
    dv.setUint32(ptrs + 4 * list.length, 0, true);
    const g = this.g();
    g.set(nameBytes, text);
    g[text + nameBytes.length] = 0;
    this.core.WSASetLastError(0);
    return p;
  }
}
