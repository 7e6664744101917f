// The host provider's Node side: the `wasock_host` imports of the core (assembly/bindings/js-host.ts)
// over node:net and node:dgram, and the events it feeds back (wasock_on_*). No Winsock rules live
// here: the core validated every call; this file only moves bytes and reports what Node saw.
//
// Data never crosses into core memory on this path. Receiving: libuv reads every stream into one
// shared 64 KiB buffer (net.Socket's `onread`, so no Buffer is allocated per read); the bytes are
// queued as a view of it and the data event goes to the core at once, so a recv waiting on the
// socket copies them straight into the caller's buffer (one copy, as a kernel recv makes); whatever
// the event left unread is copied into a Buffer of its own before the next read (received()).
// Sending: a send copies the caller's bytes once into a Buffer that Node writes, or lends the
// caller's buffer (`borrow`). Backpressure: a stream whose queue passes its limit is paused until
// recv drains it; the core learns of completed writes through wasock_on_sent.
// Bind and listen are synchronous (as Winsock's are) through Node's TCP/UDP handle bindings, so that
// an address in use or not available fails the call itself and getsockname sees the kernel's port.
//
// Closing (reference/tcp-behaviour.md), as far as Node lets a host go:
// - default linger: closesocket returns at once; queued data is still written, then FIN (end()).
// - SO_LINGER {1,0}: resetAndDestroy(): queued data discarded, RST (see abort()).
// - SO_LINGER {1,n}: the graceful close becomes a reset (queued data discarded) if the data and FIN
//   are not out after n seconds; Winsock.closesocketAsync waits for that on a blocking socket, the
//   plain closesocket returns at once. A non-blocking socket's WSAEWOULDBLOCK here is not reproduced.
//   (Linux reports such a reset to a peer that still has unread data as end of stream.)
// - FIN retransmission, delayed ACK, Nagle and the 8 KiB send-buffer accounting on the wire are the
//   host kernel's. The sandboxed inet provider reproduces the Windows CE stack exactly; this one
//   does not pretend to.
//
// Options on host sockets, as far as Node lets a host go:
// - TCP keep-alive: SO_KEEPALIVE and SIO_KEEPALIVE_VALS's onoff and keepalivetime go through
//   setKeepAlive(enable, initialDelay), which libuv applies as TCP_KEEPIDLE in whole seconds (rounded
//   up; Linux takes 1..32767 s, so the time is clamped to that), with TCP_KEEPINTVL 1 s and
//   TCP_KEEPCNT 10 — Windows' defaults. SO_KEEPALIVE alone uses Windows' 2-hour time.
//   keepaliveinterval cannot be set from Node: the probes always go 1 s apart (Windows' default).
// - TCP: TCP_NODELAY passes through (setNoDelay); IPV6_V6ONLY is a flag of the bind. Node's net
//   has no setsockopt: SO_SNDBUF, SO_RCVBUF and IP_TTL cannot reach a TCP socket (the kernel keeps
//   its autotuned buffers and default TTL). SO_RCVBUF above 1 MiB still raises how much this file
//   queues before it pauses reading; SO_SNDBUF sizes the core's send quota; getsockopt reports
//   what the program set, as Windows does.
// - UDP (node:dgram): SO_RCVBUF / SO_SNDBUF (setRecvBufferSize / setSendBufferSize; Linux doubles
//   the value and clamps it to net.core.rmem_max / wmem_max), IP_TTL (setTTL), SO_BROADCAST,
//   IPV6_V6ONLY (ipv6Only at bind); see applyUdpOptions.
// - No urgent data: Node has no MSG_OOB, so the catalog does not claim XP1_EXPEDITED_DATA.
//
// shutdown(SD_RECEIVE), as its Microsoft Learn page says: on a stream, data still queued for recv
// at the call, or arriving later, resets the connection (the data cannot be delivered); the RST goes
// to the peer and the socket itself reads WSAECONNABORTED (an abort by this host), while recv keeps
// failing with WSAESHUTDOWN. On a datagram socket incoming datagrams are still accepted and queued
// (FIONREAD counts them; recv fails with WSAESHUTDOWN). After shutdown(SD_SEND) the RST waits until
// the FIN's write completes (libuv refuses a reset before), see resetWhenAble.
import dgram from "node:dgram";
import net from "node:net";
import { getSystemErrorName } from "node:util";
import { AF_INET, AF_INET6, SockAddr, decodeSockAddr, encodeSockAddr, fromNode } from "./sockaddr.ts";
import { SockErr, sockErrFromNode } from "./sockerr.ts";

const HOST_BUFFER = 0xffffffff;
const SENT_NOW = 0x40000000; // stream send result flag: nothing left queued (js-host.ts)
const SOCK_STREAM = 1;
const SD_RECEIVE = 0;
const SD_SEND = 1;
const SOL_SOCKET = 0xffff;
const SO_KEEPALIVE = 0x0008;
const SO_BROADCAST = 0x0020;
const SO_SNDBUF = 0x1001;
const SO_RCVBUF = 0x1002;
const IPPROTO_TCP = 6;
const TCP_NODELAY = 1;
const PROV_KEEPALIVE_TIME = 0x7001;     // SIO_KEEPALIVE_VALS keepalivetime, ms (assembly/api/constants.ts)
const PROV_KEEPALIVE_INTERVAL = 0x7002; // keepaliveinterval, ms: Node cannot apply it
/** Windows' keep-alive time (2 hours), and the range of Linux's TCP_KEEPIDLE in ms. */
const KEEPALIVE_TIME_DEFAULT = 7200000;
const KEEPIDLE_MIN = 1000;
const KEEPIDLE_MAX = 32767000;
const IPPROTO_IP = 0;
const IP_TTL = 4;
const IPPROTO_IPV6 = 41;
const IPV6_V6ONLY = 27;
/** A paused stream resumes below this many queued bytes (at least; SO_RCVBUF raises it). */
const MIN_RX_LIMIT = 1 << 20;
/** Sends between POOL_MIN and POOL_SIZE bytes copy into reused buffers (smaller ones use Node's pool). */
const POOL_MIN = 4096;
const POOL_SIZE = 65536;
/**
 * The buffer libuv reads every stream into: 64 KiB, the read size Node's own 'data' events use.
 * One suffices for all sockets (and instances): each read's bytes leave it before the next read.
 */
const READ_BUF = Buffer.allocUnsafeSlow(65536);

const noop = () => {};

/**
 * Abortive close: RST, queued data discarded. libuv refuses a reset (EINVAL) while a shutdown
 * (end(), SD_SEND) is still pending, and Node then drops the handle without closing it — a leaked
 * socket that keeps the process alive. Such a socket is closed plainly instead: its FIN is already
 * queued, and the kernel still resets if unread data is waiting.
 */
function abort(s: net.Socket): void {
  if (s.destroyed) return;
  if (shutdownPending(s)) s.destroy();
  else s.resetAndDestroy();
}

/** end() was called and its FIN's write has not completed: libuv refuses a reset until it has. */
function shutdownPending(s: net.Socket): boolean {
  return s.writableEnded && !s.writableFinished;
}

/**
 * A reset the socket stays open for (shutdown(SD_RECEIVE) with data to discard): when a shutdown is
 * pending, the RST goes once it completes ('finish'), since libuv refuses it before; a socket that
 * never gets there is closed by closesocket's abort().
 */
function resetWhenAble(s: net.Socket): void {
  if (s.destroyed) return;
  if (shutdownPending(s)) s.once("finish", () => { if (!s.destroyed) s.resetAndDestroy(); });
  else s.resetAndDestroy();
}
const EV_DATA = 0;
const EV_EOF = 1;
const EV_RESET = 2;
const EV_SENT = 3;
const EV_CONNECTED = 4;
const EV_INCOMING = 5;

// Node's handle bindings: the only synchronous bind/listen Node has.
const binding = (process as any).binding.bind(process) as (name: string) => any;
const { TCP, constants: TCPConstants } = binding("tcp_wrap");
const { UDP } = binding("udp_wrap");

/** What the provider needs of the core's exports. */
export interface HostCore {
  memory: WebAssembly.Memory;
  wasock_on_connected(h: number, e: number): void;
  wasock_on_incoming(h: number, n: number): void;
  wasock_on_data(h: number, n: number): void;
  wasock_on_eof(h: number): void;
  wasock_on_reset(h: number, e: number): void;
  wasock_on_sent(h: number, n: number): void;
}

interface Datagram { buf: Buffer; address: string; port: number }

class Rec {
  h: number;
  af: number;
  type: number;
  tcp: any = null;                 // bound, not yet listening or connected TCP handle
  sock: net.Socket | null = null;
  listener: any = null;            // the listening TCP handle
  pending: Rec[] = [];             // connections waiting for accept (listener)
  udp: dgram.Socket | null = null;
  udpReady = false;
  peer: SockAddr | null = null;    // associated peer of a datagram socket
  local: SockAddr | null = null;
  remote: SockAddr | null = null;
  rx: Uint8Array[] = [];            // received, not yet read (the last may be a view of READ_BUF during an event)
  rxOff = 0;
  rxBytes = 0;
  dgq: Datagram[] = [];
  paused = false;
  eof = false;
  err = 0;                          // SockErr of a reset seen before accept
  shutRecv = false;
  resetting = false;                // a stream reset after shutdown(SD_RECEIVE) is under way
  exclusive = false;                // bound with SO_EXCLUSIVEADDRUSE
  closed = false;
  connecting = false;
  keepAlive = false;
  keepAliveTime = KEEPALIVE_TIME_DEFAULT; // ms
  noDelay = false;
  broadcast = false;
  ttl = 0;
  v6Only = true;
  rcvBuf = 8192;
  sndBuf = 8192;
  rcvBufSet = false;
  sndBufSet = false;
  dgBytes = 0;                      // bytes in dgq
  fifo: number[] = [];              // lengths of writes in flight (negative: already reported)
  held: Array<Buffer | (() => void) | null> = []; // per write in flight: pooled buffer, or a borrower's completion
  onWritten: () => void = () => {};
  onUdpSent: (e: Error | null) => void = () => {};
  constructor(h: number, af: number, type: number) {
    this.h = h;
    this.af = af;
    this.type = type;
  }
  get rxLimit(): number { return Math.max(this.rcvBuf, MIN_RX_LIMIT); }
  /** The keep-alive time as Node takes it: ms, whole seconds that TCP_KEEPIDLE accepts. */
  get keepIdle(): number {
    return Math.min(Math.max(Math.ceil(this.keepAliveTime / 1000) * 1000, KEEPIDLE_MIN), KEEPIDLE_MAX);
  }
}

function errName(r: number): string | undefined {
  try { return getSystemErrorName(r); } catch { return undefined; }
}

export class NodeHostProvider {
  core!: HostCore;
  /** The caller's buffer a HOST_BUFFER send reads from / recv writes to (set around each call). */
  src: Uint8Array | null = null;
  dst: Uint8Array | null = null;
  /** Set by a caller that can wait for Node to finish with `src` (then no copy is made). */
  borrow = false;
  /**
   * Whether stream send results go straight back to the core, which then understands SENT_NOW.
   * A caller that answers the core itself (the C guest's worker proxy) leaves it false and gets a
   * wasock_on_sent event instead.
   */
  reportSentNow = false;
  /** After a borrowing send that Node still holds: the stream whose last write must complete first. */
  borrowedBy: Rec | null = null;

  /** Registers what to run once the borrowed write of the last send completes. */
  onBorrowDone(fn: () => void): void {
    const rec = this.borrowedBy!;
    this.borrowedBy = null;
    rec.held[rec.held.length - 1] = fn;
  }
  /** Called after every event for handle h (the Winsock class wakes its waiters here). */
  notify: (h: number) => void = () => {};
  private recs = new Map<number, Rec>();
  private deferred: Array<() => void> = [];
  /** Bound local addresses of this instance, "addr|port|type" -> count (Windows' exclusive binding). */
  private boundAddrs = new Map<string, Rec>();

  /** Delivers the events learned inside an import, now that the core call returned. */
  flush(): void {
    if (this.pend.length > 0) {
      const p = this.pend;
      this.pend = [];
      for (let i = 0; i < p.length; i += 3) this.fire(p[i] as Rec, p[i + 1] as number, p[i + 2] as number);
    }
    if (this.deferred.length === 0) return;
    const d = this.deferred;
    this.deferred = [];
    for (const f of d) f();
  }

  /** Events learned inside an import, as (rec, kind, n) triples: no closure per send. */
  private pend: Array<Rec | number> = [];

  get openCount(): number { return this.recs.size; }

  private mem(): Uint8Array { return new Uint8Array(this.core.memory.buffer); }

  private pool: Buffer[] = [];
  private lingering = new Map<number, Promise<void>>();

  /** For a handle just closed with SO_LINGER {1,n}: settles when the close finished or was reset. */
  closed(h: number): Promise<void> | undefined {
    const p = this.lingering.get(h);
    this.lingering.delete(h);
    return p;
  }

  private ev(rec: Rec, fn: () => void): void {
    if (rec.h === 0 || rec.closed) return; // not accepted yet (accept reports totals) or closed
    fn();
    this.notify(rec.h);
  }

  /** Delivers one event to the core (no closure: this runs per chunk on the data path). */
  private fire(rec: Rec, kind: number, n: number): void {
    if (rec.h === 0 || rec.closed) return;
    const c = this.core;
    switch (kind) {
      case EV_DATA: c.wasock_on_data(rec.h, n); break;
      case EV_EOF: c.wasock_on_eof(rec.h); break;
      case EV_RESET: c.wasock_on_reset(rec.h, n); break;
      case EV_SENT: c.wasock_on_sent(rec.h, n); break;
      case EV_CONNECTED: c.wasock_on_connected(rec.h, n); break;
      case EV_INCOMING: c.wasock_on_incoming(rec.h, n); break;
    }
    this.notify(rec.h);
  }

  imports(): Record<string, (...a: number[]) => number | void> {
    return {
      open: (h, af, type) => { this.recs.set(h, new Rec(h, af, type)); return 0; },
      bind: (h, addr, len, reuse) => this.bind(h, addr, len, reuse),
      listen: (h, backlog) => this.listen(h, backlog),
      connect: (h, addr, len) => this.connect(h, addr, len),
      accept: (lh, nh) => this.accept(lh, nh),
      send: (h, buf, len, flags, to, tolen) => this.send(h, buf, len, to, tolen),
      recv: (h, buf, len, flags, from, cap) => this.recv(h, buf, len, flags, from, cap),
      shutdown: (h, how) => this.shutdown(h, how),
      close: (h, abortive, linger) => this.close(h, abortive !== 0, linger),
      setopt: (h, level, name, value) => this.setopt(h, level, name, value),
      name: (h, peer, out, cap) => this.name(h, peer !== 0, out, cap),
    };
  }

  // ---- bind / listen -------------------------------------------------------------------------

  private bind(h: number, addr: number, len: number, reuse: number): number {
    const rec = this.recs.get(h);
    if (!rec) return -SockErr.NotSock;
    const a = decodeSockAddr(this.mem(), addr, len);
    if (!a) return -SockErr.Fault;
    const key = (port: number) => `${a.address}|${port}|${rec.type}`;
    if (a.port !== 0) {
      // SO_REUSEADDR (reuse 1) shares a port unless its holder has SO_EXCLUSIVEADDRUSE (reuse 2):
      // then WSAEACCES, and WSAEADDRINUSE without SO_REUSEADDR.
      const other = this.boundAddrs.get(key(a.port));
      if (other && !other.closed && (other.exclusive || reuse !== 1)) {
        return other.exclusive && reuse === 1 ? -SockErr.Access : -SockErr.AddrInUse;
      }
    }
    const v6 = rec.af === AF_INET6;
    if (rec.type === SOCK_STREAM) {
      const t = new TCP(TCPConstants.SOCKET);
      const r = v6 ? t.bind6(a.address, a.port, rec.v6Only ? 1 : 0) : t.bind(a.address, a.port);
      if (r < 0) { t.close(); return -sockErrFromNode(errName(r)); }
      if (a.port !== 0 && reuse !== 1) {
        // libuv binds TCP with SO_REUSEADDR, so Linux reports another socket's listener only at
        // listen time; without SO_REUSEADDR Windows refuses the bind itself. Probe with a listen.
        const probe = new TCP(TCPConstants.SOCKET);
        const pr = v6 ? probe.bind6(a.address, a.port, rec.v6Only ? 1 : 0) : probe.bind(a.address, a.port);
        const lr = pr < 0 ? pr : probe.listen(1);
        probe.close();
        if (lr < 0) { t.close(); return -sockErrFromNode(errName(lr)); }
      }
      const o: any = {};
      t.getsockname(o);
      rec.tcp = t;
      rec.local = fromNode(o.address, o.port, rec.af);
    } else {
      // Probe the address synchronously, then bind the dgram socket to the same port.
      const u = new UDP();
      const r = v6 ? u.bind6(a.address, a.port, rec.v6Only ? 1 : 0) : u.bind(a.address, a.port, 0);
      if (r < 0) { u.close(); return -sockErrFromNode(errName(r)); }
      const o: any = {};
      u.getsockname(o);
      u.close();
      rec.local = fromNode(o.address, o.port, rec.af);
      this.openUdp(rec, reuse === 1);
    }
    rec.exclusive = reuse === 2;
    this.boundAddrs.set(key(rec.local!.port), rec);
    return 0;
  }

  private openUdp(rec: Rec, reuseAddr: boolean): void {
    const v6 = rec.af === AF_INET6;
    const u = dgram.createSocket(v6 ? { type: "udp6", reuseAddr, ipv6Only: rec.v6Only } : { type: "udp4", reuseAddr });
    rec.udp = u;
    u.on("message", (msg, rinfo) => {
      if (rec.closed) return; // after SD_RECEIVE datagrams are still accepted and queued (shutdown's page)
      if (rec.peer && (rinfo.port !== rec.peer.port || !sameAddress(rinfo.address, rec.peer.address))) return;
      if (rec.dgBytes + msg.length > Math.max(rec.rcvBuf, 65536)) return; // receive buffer full: dropped
      rec.dgq.push({ buf: msg, address: rinfo.address, port: rinfo.port });
      rec.dgBytes += msg.length;
      this.fire(rec, EV_DATA, msg.length);
    });
    rec.onUdpSent = (e: Error | null) => {
      if (e) this.fire(rec, EV_RESET, sockErrFromNode((e as NodeJS.ErrnoException).code));
    };
    u.on("error", (e: NodeJS.ErrnoException) => {
      this.ev(rec, () => this.core.wasock_on_reset(rec.h, sockErrFromNode(e.code)));
    });
    u.bind({ port: rec.local!.port, address: rec.local!.address, exclusive: true }, () => {
      rec.udpReady = true;
      this.applyUdpOptions(rec);
    });
  }

  /**
   * Puts the options set so far on a datagram socket's host socket, once it is bound (node:dgram
   * takes none before), and each later one as it is set. Sizes and TTL only when the program set
   * them: otherwise the host's defaults stay (Windows' 8 KiB default would make the host drop
   * datagrams in bursts that Windows, whose AFD buffers more than SO_RCVBUF says, keeps).
   * Linux doubles a buffer size it is given (and reports the double); it clamps to its limits.
   */
  private applyUdpOptions(rec: Rec, level = -1, name = -1): void {
    const u = rec.udp;
    if (!u || !rec.udpReady) return;
    const all = level < 0;
    // One by one: the host may refuse one (a size beyond its limit) and still take the others;
    // a refused value stays Windows' value in the core, as getsockopt reports it.
    const set = (f: () => void) => { try { f(); } catch { /* refused by the host */ } };
    if (level === SOL_SOCKET || all) {
      if (all || name === SO_BROADCAST) set(() => u.setBroadcast(rec.broadcast));
      if (rec.rcvBufSet && (all || name === SO_RCVBUF)) set(() => u.setRecvBufferSize(Math.max(rec.rcvBuf, 1)));
      if (rec.sndBufSet && (all || name === SO_SNDBUF)) set(() => u.setSendBufferSize(Math.max(rec.sndBuf, 1)));
    }
    if (rec.ttl > 0 && (all || (level === IPPROTO_IP && name === IP_TTL))) set(() => u.setTTL(rec.ttl));
  }

  private listen(h: number, backlog: number): number {
    const rec = this.recs.get(h);
    if (!rec || !rec.tcp) return -SockErr.Inval;
    const t = rec.tcp;
    // The handle's connections are taken here rather than through net.Server, whose sockets
    // cannot read into a buffer of ours (`onread`).
    t.onconnection = (status: number, handle: any) => {
      if (status < 0 || !handle || rec.closed) { handle?.close(); return; } // EMFILE and the like: Windows' backlog simply holds it
      const p = new Rec(0, rec.af, SOCK_STREAM);
      p.rcvBuf = rec.rcvBuf;
      this.attachStream(p, new net.Socket({ handle, allowHalfOpen: true, readable: true, writable: true, onread: this.onread(p) } as any));
      rec.pending.push(p);
      this.ev(rec, () => this.core.wasock_on_incoming(rec.h, 1));
    };
    const r = t.listen(backlog);
    if (r < 0) return -sockErrFromNode(errName(r));
    rec.listener = t;
    rec.tcp = null;
    return 0;
  }

  private accept(lh: number, nh: number): number {
    const lrec = this.recs.get(lh);
    const p = lrec?.pending.shift();
    if (!p) return -SockErr.WouldBlock;
    p.h = nh;
    p.keepAlive = lrec!.keepAlive;
    p.keepAliveTime = lrec!.keepAliveTime;
    p.noDelay = lrec!.noDelay;
    this.recs.set(nh, p);
    this.applyStreamOptions(p);
    const bytes = p.rxBytes, eof = p.eof, err = p.err;
    this.deferred.push(() => {
      if (bytes > 0) this.ev(p, () => this.core.wasock_on_data(nh, bytes));
      if (err) this.ev(p, () => this.core.wasock_on_reset(nh, err));
      else if (eof) this.ev(p, () => this.core.wasock_on_eof(nh));
    });
    return 0;
  }

  // ---- streams -----------------------------------------------------------------------------

  private attachStream(rec: Rec, s: net.Socket): void {
    rec.sock = s;
    rec.onWritten = () => this.written(rec);
    if (s.remoteAddress) rec.remote = fromNode(s.remoteAddress, s.remotePort, rec.af);
    if (s.localAddress) rec.local = fromNode(s.localAddress, s.localPort, rec.af);
    s.on("end", () => {
      rec.eof = true;
      this.ev(rec, () => this.core.wasock_on_eof(rec.h));
    });
    s.on("error", (e: NodeJS.ErrnoException) => {
      if (rec.resetting) return; // reset by this host (SD_RECEIVE), already reported
      const code = sockErrFromNode(e.code);
      if (rec.connecting) {
        rec.connecting = false;
        this.ev(rec, () => this.core.wasock_on_connected(rec.h, code));
        return;
      }
      rec.err = code;
      rec.rx = [];
      rec.rxOff = 0;
      rec.rxBytes = 0;
      this.ev(rec, () => this.core.wasock_on_reset(rec.h, code));
    });
  }

  /** net.Socket's `onread` option for a stream: reads land in READ_BUF, then received(). */
  private onread(rec: Rec): { buffer: Buffer; callback: (n: number, b: Buffer) => boolean } {
    return { buffer: READ_BUF, callback: (n, b) => this.received(rec, n, b) };
  }

  /** n bytes arrived in the shared read buffer b (a view of them is queued only while the event runs). */
  private received(rec: Rec, n: number, b: Buffer): boolean {
    if (rec.closed) return true;
    if (rec.shutRecv) {
      if (n > 0) this.resetUnreadable(rec, false); // data arrived after SD_RECEIVE
      return true;
    }
    const view = n === b.length ? b : new Uint8Array(b.buffer, b.byteOffset, n); // (no species lookup, unlike subarray)
    rec.rx.push(view);
    rec.rxBytes += n;
    // A recv parked on the socket takes the bytes during the event: straight into its buffer.
    this.fire(rec, EV_DATA, n);
    // What is left must leave the shared buffer before the next read.
    const rx = rec.rx;
    const k = rx.length - 1;
    if (k >= 0 && rx[k] === view) {
      const off = k === 0 ? rec.rxOff : 0;
      const own = Buffer.allocUnsafe(n - off);
      own.set(off === 0 ? view : view.subarray(off));
      rx[k] = own;
      if (k === 0) rec.rxOff = 0;
    }
    if (rec.rxBytes >= rec.rxLimit && !rec.paused && rec.sock) { rec.paused = true; rec.sock.pause(); }
    return true;
  }

  private applyStreamOptions(rec: Rec): void {
    const s = rec.sock;
    if (!s) return;
    s.setNoDelay(rec.noDelay);
    s.setKeepAlive(rec.keepAlive, rec.keepIdle);
  }

  private connect(h: number, addr: number, len: number): number {
    const rec = this.recs.get(h);
    if (!rec) return -SockErr.NotSock;
    if (rec.type !== SOCK_STREAM) {
      // Only datagrams that arrive from now on are filtered by the peer; those already queued were
      // counted by the core when they arrived and stay deliverable (as on Linux), so select, FIONREAD
      // and recv keep agreeing.
      rec.peer = len === 0 ? null : decodeSockAddr(this.mem(), addr, len);
      return 0;
    }
    const a = decodeSockAddr(this.mem(), addr, len);
    if (!a) return -SockErr.Fault;
    if (!rec.tcp) {
      // Windows binds implicitly at connect; doing it here makes the local port known at once.
      const t = new TCP(TCPConstants.SOCKET);
      const r = rec.af === AF_INET6 ? t.bind6("::", 0, 0) : t.bind("0.0.0.0", 0);
      if (r < 0) { t.close(); return -sockErrFromNode(errName(r)); }
      const o: any = {};
      t.getsockname(o);
      rec.local = fromNode(o.address, o.port, rec.af);
      rec.tcp = t;
    }
    const s = new net.Socket({ handle: rec.tcp, manualStart: true, allowHalfOpen: true, onread: this.onread(rec) } as any);
    rec.tcp = null;
    rec.connecting = true;
    this.attachStream(rec, s);
    s.connect({ port: a.port, host: a.address, family: rec.af === AF_INET6 ? 6 : 4 }, () => {
      rec.connecting = false;
      rec.remote = fromNode(s.remoteAddress, s.remotePort, rec.af);
      rec.local = fromNode(s.localAddress, s.localPort, rec.af);
      this.applyStreamOptions(rec);
      this.ev(rec, () => this.core.wasock_on_connected(rec.h, SockErr.Ok));
    });
    return 0;
  }

  private source(buf: number, len: number, pooled = true): Buffer {
    // One copy: Winsock lets the caller reuse its buffer once send returns, and Node may hold the
    // Buffer until the kernel takes it. allocUnsafe draws small sizes from Node's pool. Only a
    // stream's writes come back to release() (a datagram's completion does not say which buffer).
    const out = pooled && len > POOL_MIN && len <= POOL_SIZE ? (this.pool.pop() ?? Buffer.allocUnsafeSlow(POOL_SIZE)).subarray(0, len) : Buffer.allocUnsafe(len);
    if (buf === HOST_BUFFER) {
      const src = this.src!;
      out.set(len === src.length ? src : src.subarray(0, len));
    } else {
      out.set(new Uint8Array(this.core.memory.buffer, buf, len));
    }
    return out;
  }

  /** Returns a send buffer to the pool once Node no longer holds it. */
  private release(b: Buffer): void {
    if (b.buffer.byteLength === POOL_SIZE && b.byteOffset === 0 && this.pool.length < 64) {
      this.pool.push(Buffer.from(b.buffer, 0, POOL_SIZE));
    }
  }

  /** A write of a stream finished (Node calls these in order). */
  private written(rec: Rec): void {
    const len = rec.fifo.shift() ?? 0;
    if (len <= 0) return; // reported when it completed synchronously
    const b = rec.held.shift();
    if (typeof b === "function") b();
    else if (b) this.release(b);
    this.fire(rec, EV_SENT, len);
  }

  private send(h: number, buf: number, len: number, to: number, tolen: number): number {
    const rec = this.recs.get(h);
    if (!rec) return -SockErr.NotSock;
    if (buf === HOST_BUFFER && (!this.src || this.src.length < len)) return -SockErr.Fault;
    if (rec.type === SOCK_STREAM) {
      const s = rec.sock;
      if (!s) return -SockErr.NotConn;
      const borrow = buf === HOST_BUFFER && this.borrow;
      const src = this.src!;
      // A borrowing caller (a blocking send) waits until Node is done with its bytes: no copy.
      const data = !borrow ? this.source(buf, len)
        : len === src.length && Buffer.isBuffer(src) ? src : Buffer.from(src.buffer, src.byteOffset, len);
      s.write(data, rec.onWritten);
      if (s.writableLength === 0) {
        // The kernel took it all synchronously: the send is complete now, and its buffer is free.
        rec.fifo.push(-len);
        if (!borrow) this.release(data);
        if (this.reportSentNow) return len | SENT_NOW;
        this.pend.push(rec, EV_SENT, len); // a caller that drops the flag still hears of it
        return len;
      }
      if (borrow) {
        rec.fifo.push(len);
        rec.held.push(null);
        this.borrowedBy = rec;
        return len;
      }
      rec.fifo.push(len);
      rec.held.push(data);
      return len;
    }
    const dest = to ? decodeSockAddr(this.mem(), to, tolen) : rec.peer;
    if (!dest) return -SockErr.NotConn;
    if (!rec.udp) return -SockErr.Inval;
    rec.udp.send(this.source(buf, len, false), dest.port, dest.address, rec.onUdpSent);
    return len;
  }

  private recv(h: number, buf: number, len: number, flags: number, from: number, cap: number): number {
    const rec = this.recs.get(h);
    if (!rec) return -SockErr.NotSock;
    const peek = (flags & 2) !== 0;
    let dst: Uint8Array;
    let at = 0;
    if (buf === HOST_BUFFER) {
      if (!this.dst || this.dst.length < len) return -SockErr.Fault;
      dst = this.dst;
    } else {
      dst = this.mem();
      at = buf;
    }
    if (rec.type !== SOCK_STREAM) {
      const d = rec.dgq[0];
      if (!d) return -SockErr.WouldBlock;
      const n = Math.min(len, d.buf.length);
      dst.set(n === d.buf.length ? d.buf : d.buf.subarray(0, n), at);
      if (from) encodeSockAddr(fromNode(d.address, d.port, rec.af), this.mem(), from);
      if (!peek) { rec.dgq.shift(); rec.dgBytes -= d.buf.length; }
      return d.buf.length;
    }
    let copied = 0;
    let i = 0;
    let off = rec.rxOff;
    const rx = rec.rx;
    while (copied < len && i < rx.length) {
      const b = rx[i];
      const avail = b.length - off;
      const n = Math.min(avail, len - copied);
      dst.set(off === 0 && n === b.length ? b : b.subarray(off, off + n), at + copied);
      copied += n;
      if (n === avail) { i++; off = 0; } else off += n;
    }
    if (!peek) {
      if (i === 1) rx.shift();
      else if (i > 0) rx.splice(0, i);
      rec.rxOff = off;
      rec.rxBytes -= copied;
      if (rec.paused && rec.rxBytes < rec.rxLimit / 2) { rec.paused = false; rec.sock?.resume(); }
    }
    return copied;
  }

  private shutdown(h: number, how: number): number {
    const rec = this.recs.get(h);
    if (!rec) return -SockErr.NotSock;
    if (how === SD_RECEIVE) {
      rec.shutRecv = true;
      if (rec.type !== SOCK_STREAM) return 0;
      if (rec.rxBytes > 0) this.resetUnreadable(rec, true); // data still queued for recv
      else if (rec.paused) { rec.paused = false; rec.sock?.resume(); }
    } else if (how === SD_SEND) {
      if (rec.sock && !rec.sock.destroyed) rec.sock.end();
    }
    return 0;
  }

  /**
   * A stream shut for receiving has data it cannot deliver: the connection is reset (RST to the
   * peer) and the core hears WSAECONNABORTED. Inside an import the event waits for flush().
   */
  private resetUnreadable(rec: Rec, inCall: boolean): void {
    rec.rx = [];
    rec.rxOff = 0;
    rec.rxBytes = 0;
    if (rec.resetting || rec.err) return;
    rec.resetting = true;
    rec.err = SockErr.ConnAborted;
    const s = rec.sock;
    if (s) {
      if (rec.paused) { rec.paused = false; s.resume(); }
      resetWhenAble(s);
    }
    if (inCall) this.pend.push(rec, EV_RESET, SockErr.ConnAborted);
    else this.fire(rec, EV_RESET, SockErr.ConnAborted);
  }

  private close(h: number, abortive: boolean, lingerSecs: number): void {
    const rec = this.recs.get(h);
    if (!rec) return;
    this.recs.delete(h);
    rec.closed = true;
    if (rec.local) {
      const key = `${rec.local.address}|${rec.local.port}|${rec.type}`;
      if (this.boundAddrs.get(key) === rec) this.boundAddrs.delete(key);
    }
    rec.tcp?.close();
    rec.tcp = null;
    if (rec.listener) {
      rec.listener.close();
      rec.listener = null;
      for (const p of rec.pending) if (p.sock) abort(p.sock);
    }
    rec.udp?.close();
    const s = rec.sock;
    if (s) {
      s.on("error", () => {});
      if (abortive || rec.err) {
        abort(s);
      } else {
        // Graceful close in the background: queued data still goes out, then FIN.
        s.resume();
        s.end();
        if (rec.eof) s.once("finish", () => s.destroy());
        if (lingerSecs > 0) {
          // SO_LINGER {1,n}: the data and FIN must be out within n seconds, else the close resets.
          let settle: () => void = noop;
          this.lingering.set(h, new Promise<void>((r) => (settle = r)));
          const t = setTimeout(() => { abort(s); settle(); }, lingerSecs * 1000);
          t.unref();
          const done = () => { clearTimeout(t); settle(); };
          if (s.writableFinished) done();
          else { s.once("finish", done); s.once("close", done); }
        }
      }
    }
  }

  private setopt(h: number, level: number, name: number, value: number): number {
    const rec = this.recs.get(h);
    if (!rec) return -SockErr.NotSock;
    const on = value !== 0;
    if (level === SOL_SOCKET) {
      if (name === SO_KEEPALIVE) { rec.keepAlive = on; rec.sock?.setKeepAlive(on, rec.keepIdle); }
      else if (name === SO_BROADCAST) rec.broadcast = on;
      else if (name === SO_RCVBUF) { rec.rcvBuf = value; rec.rcvBufSet = true; }
      else if (name === SO_SNDBUF) { rec.sndBuf = value; rec.sndBufSet = true; }
    } else if (level === IPPROTO_TCP && name === TCP_NODELAY) {
      rec.noDelay = on;
      rec.sock?.setNoDelay(on);
    } else if (level === IPPROTO_TCP && name === PROV_KEEPALIVE_TIME) {
      rec.keepAliveTime = value >>> 0; // applied by the SO_KEEPALIVE that follows
    } else if (level === IPPROTO_TCP && name === PROV_KEEPALIVE_INTERVAL) {
      // Not applicable: Node cannot set TCP_KEEPINTVL (libuv fixes it at 1 s).
    } else if (level === IPPROTO_IP && name === IP_TTL) {
      rec.ttl = value;
    } else if (level === IPPROTO_IPV6 && name === IPV6_V6ONLY) {
      rec.v6Only = on;
    }
    if (rec.type !== SOCK_STREAM) this.applyUdpOptions(rec, level, name);
    return 0;
  }

  private name(h: number, peer: boolean, out: number, cap: number): number {
    const rec = this.recs.get(h);
    if (!rec) return -SockErr.NotSock;
    let a: SockAddr | null;
    if (peer) {
      a = rec.type === SOCK_STREAM ? rec.remote : rec.peer;
    } else {
      const s = rec.sock;
      a = s && s.localPort ? fromNode(s.localAddress, s.localPort, rec.af) : rec.local;
    }
    if (!a) return peer ? -SockErr.NotConn : -SockErr.Inval;
    a = { ...a, family: rec.af };
    const mem = this.mem();
    const scratch = new Uint8Array(28);
    const n = encodeSockAddr(a, scratch, 0);
    if (n < 0 || n > cap) return -SockErr.Fault;
    mem.set(scratch.subarray(0, n), out);
    return n;
  }
}

function sameAddress(a: string, b: string): boolean {
  if (a === b) return true;
  return a.replace(/^::ffff:/, "") === b.replace(/^::ffff:/, "");
}

export { AF_INET, AF_INET6 };
