// The core's "wasock_host" imports inside a C guest's worker: each forwards the host provider's
// command to the main thread (io.ts) over the shared channel. Commands whose result the core needs
// (bind, listen, connect, accept, names not known here) park the worker in Atomics.wait until the
// main thread stores the result; open, close, shutdown, setopt and sends are posted without waiting
// (the host provider cannot fail them once the core has validated the call), and recv is served
// from the bytes and datagrams the main thread pushed ahead.
import { MessagePort, receiveMessageOnPort } from "node:worker_threads";
import type { HostCore } from "../node/host-provider.ts";
import { SockErr } from "../node/sockerr.ts";
import {
  CREDIT_RETURN, STREAM_CREDIT_RETURN, CTL_AUX, CTL_RESULT, CTL_STATE, CTL_WAKE, Command, DATA_CAP, DGRAM_HEAD, EV_BYTES, EV_CONNECTED,
  EV_DATA, EV_DGRAM, EV_EOF, EV_INCOMING, EV_NAMES, EV_RESET, EV_SENT, EventBatch, HOP_AT, HOST_BUFFER, NAMES_LOCAL,
  NAMES_REMOTE, OFF_DATA, OFF_INLINE, OFF_OUT, OFF_TEXT, CTL_INLINE, CTL_TAKEN, EV_RBYTES, EV_RDGRAM, OFF_RECV, OFF_RING_CTL,
  OFF_SEND, RECV_CAP, RING_RECV_TAIL, RING_SEND_TAIL, Ring, RingSlots, SEND_CAP,
} from "./channel.ts";

/** WASOCK_TRACE=1 prints every command and event (stderr). */
const TRACE = !!process.env.WASOCK_TRACE;
/** WASOCK_HOPS=1 times the hops of a posted send to the bytes that answer it (channel.ts, HOP_AT). */
const HOPS = !!process.env.WASOCK_HOPS;

const SOCK_STREAM = 1;
const MSG_PEEK = 2;
const AF_INET6 = 23;

/** What the worker knows of one socket: its type, received data pushed ahead, its names. */
class Sock {
  /** Stream bytes, or datagrams (source sockaddr in DGRAM_HEAD bytes, then the bytes). */
  chunks: Uint8Array[] = [];
  /** Each chunk's slot in the receive ring, or -1 (a chunk that came in a message). */
  slots: number[] = [];
  off = 0;
  /** Credit consumed and not yet returned to the main thread. */
  consumed = 0;
  local: Uint8Array | null = null;
  remote: Uint8Array | null = null;
  /** A connected datagram socket's peer (sockaddr), whose datagrams alone are kept. */
  peer: Uint8Array | null = null;
  constructor(readonly type: number) {}
}

/** A datagram's source (at `d`) is `peer` (port and address compared). */
function fromPeer(d: Uint8Array, peer: Uint8Array): boolean {
  const v6 = (d[0] | (d[1] << 8)) === AF_INET6;
  const [a, b] = v6 ? [8, 24] : [4, 8];
  if (peer.length < b || d[2] !== peer[2] || d[3] !== peer[3]) return false;
  for (let i = a; i < b; i++) if (d[i] !== peer[i]) return false;
  return true;
}

/** The core's event exports the proxy feeds (the same the host provider needs). */
export type EventSink = HostCore;

export class CoreProxy {
  core!: EventSink;
  /** The guest's buffer a HOST_BUFFER send reads from / recv writes to (set around each call). */
  src: Uint8Array | null = null;
  dst: Uint8Array | null = null;
  readonly ctl: Int32Array;
  private readonly shared: Uint8Array;
  private readonly socks = new Map<number, Sock>();
  /** CTL_WAKE as of the last drain. */
  private seen = 0;
  /** Runs after events were taken in (ws2_32 completes overlapped calls there). */
  afterDrain: (() => void) | null = null;

  /** The data rings (channel.ts): sends written here, received bytes read here. */
  private readonly rings: Int32Array;
  private readonly sendRing = new Ring(SEND_CAP);
  private readonly recvRing = new Ring(RECV_CAP);
  private readonly recvSlots: RingSlots;
  /** The id of the slot ringChunk took last. */
  private ringSlot = -1;

  constructor(sab: SharedArrayBuffer, private readonly port: MessagePort) {
    this.ctl = new Int32Array(sab, 0, 16);
    this.shared = new Uint8Array(sab);
    this.hop = new Float64Array(sab, HOP_AT, 4);
    this.rings = new Int32Array(sab, OFF_RING_CTL, 2);
    this.recvSlots = new RingSlots(this.rings, RING_RECV_TAIL);
  }

  /** Frees the receive-ring slots of a socket's chunks 0..n-1 and drops those chunks. */
  private dropChunks(sk: Sock, n: number): void {
    for (let i = 0; i < n; i++) if (sk.slots[i] >= 0) this.recvSlots.free(sk.slots[i]);
    if (n === 1) { sk.chunks.shift(); sk.slots.shift(); } else if (n > 0) { sk.chunks.splice(0, n); sk.slots.splice(0, n); }
  }

  /** The next slot of the receive ring (`len` bytes): its id in ringSlot, its bytes returned. */
  private ringChunk(len: number): Uint8Array {
    const at = this.recvRing.take(len);
    this.ringSlot = this.recvSlots.add(this.recvRing);
    return this.shared.subarray(OFF_RECV + at, OFF_RECV + at + len);
  }

  private cbuf: ArrayBuffer | null = null;
  private cb8 = new Uint8Array(0);
  /** A view of core memory, made again only when the memory grew. */
  private c8(): Uint8Array {
    const b = this.core.memory.buffer;
    if (b !== this.cbuf) { this.cbuf = b as ArrayBuffer; this.cb8 = new Uint8Array(b); }
    return this.cb8;
  }

  private coreBytes(p: number, n: number): Uint8Array {
    return this.c8().slice(p >>> 0, (p >>> 0) + n);
  }

  /** WASOCK_HOPS (channel.ts, HOP_AT): the stamps, and the sums of each hop over `n` waits. */
  private readonly hop: Float64Array;
  private readonly hopSums = [0, 0, 0, 0, 0, 0];

  /** With WASOCK_HOPS: the mean time of each hop, one line for stderr. */
  hopReport(): string {
    const s = this.hopSums, k = s[5] || 1, us = (i: number) => (s[i] / k / 1e3).toFixed(1);
    return `wasock hops (${s[5]} waits): send posted -> main ${us(0)} us, main -> answer's bytes ${us(1)} us, ` +
      `bytes -> posted ${us(2)} us, posted -> worker awake ${us(3)} us, drain ${us(4)} us\n`;
  }

  /** Runs a command in the main thread and waits for its result. */
  call(c: Command, transfer?: ArrayBuffer[]): number {
    Atomics.store(this.ctl, CTL_STATE, 0);
    this.port.postMessage(c, transfer);
    while (Atomics.load(this.ctl, CTL_STATE) === 0) Atomics.wait(this.ctl, CTL_STATE, 0);
    return this.ctl[CTL_RESULT];
  }

  /** The resolver's answer: addresses as strings (or a negative WSA error). */
  resolve(name: string, family: number): string[] | number {
    const r = this.call({ op: "resolve", a: [family], s: name });
    if (r < 0) return -r;
    const len = this.ctl[CTL_AUX];
    const text = new TextDecoder().decode(this.shared.slice(OFF_TEXT, OFF_TEXT + len));
    return text.length === 0 ? [] : text.split("\0");
  }

  /** The host name of an address (reverse lookup), or a WSA error. */
  reverse(address: string): string | number {
    const r = this.call({ op: "reverse", a: [], s: address });
    if (r < 0) return -r;
    return new TextDecoder().decode(this.shared.slice(OFF_TEXT, OFF_TEXT + this.ctl[CTL_AUX]));
  }

  /** Takes a socket's names from a names block (channel.ts, NAMES_LEN) at `at`; which: 1 local, 2 remote. */
  private takeNames(sk: Sock, b: Uint8Array, at: number, which: number): void {
    if ((which & 1) !== 0) sk.local = b[at] > 0 ? b.slice(at + NAMES_LOCAL, at + NAMES_LOCAL + b[at]) : null;
    if ((which & 2) !== 0) sk.remote = b[at + 1] > 0 ? b.slice(at + NAMES_REMOTE, at + NAMES_REMOTE + b[at + 1]) : null;
  }

  /** Delivers the events the main thread posted since the last drain to the core. Cheap when none. */
  drain(): void {
    const w = Atomics.load(this.ctl, CTL_WAKE);
    if (w === this.seen) return;
    this.seen = w;
    if (Atomics.load(this.ctl, CTL_INLINE) !== 0) {
      // the inline batch (channel.ts): older than any message in the port
      const sh = this.shared, v = new DataView(sh.buffer, OFF_INLINE);
      const ne = v.getInt32(0, true), nd = v.getInt32(4, true);
      const e: number[] = new Array(ne * 3);
      for (let i = 0; i < ne * 3; i++) e[i] = v.getInt32(8 + i * 4, true);
      const d: Uint8Array[] = new Array(nd);
      let at = OFF_INLINE + 8 + (ne * 3 + nd) * 4;
      for (let i = 0; i < nd; i++) {
        const len = v.getInt32(8 + (ne * 3 + i) * 4, true);
        d[i] = sh.slice(at, at + len);
        at += len;
      }
      Atomics.store(this.ctl, CTL_INLINE, 0);
      this.deliver({ e, d });
    }
    for (;;) {
      const m = receiveMessageOnPort(this.port);
      if (m === undefined) break;
      Atomics.add(this.ctl, CTL_TAKEN, 1);
      this.deliver(m.message as EventBatch);
    }
    if (this.afterDrain !== null) this.afterDrain();
  }

  /** Delivers one batch of events to the core. */
  private deliver(batch: EventBatch): void {
    const c = this.core;
    {
      const b = batch.e;
      for (let i = 0; i < b.length; i += 3) {
        const h = b[i + 1], n = b[i + 2];
        if (TRACE) process.stderr.write(`ev ${b[i]} h=${h} n=${n}\n`);
        switch (b[i]) {
          case EV_BYTES: {
            const chunk = batch.d[n];
            const sk = this.socks.get(h);
            if (sk === undefined) break; // closed meanwhile
            sk.chunks.push(chunk);
            sk.slots.push(-1);
            c.wasock_on_data(h, chunk.length);
            break;
          }
          case EV_RBYTES: {
            const chunk = this.ringChunk(n);
            const sk = this.socks.get(h);
            if (sk === undefined) { this.recvSlots.free(this.ringSlot); break; } // closed meanwhile
            sk.chunks.push(chunk);
            sk.slots.push(this.ringSlot);
            c.wasock_on_data(h, n);
            break;
          }
          case EV_DGRAM:
          case EV_RDGRAM: {
            const ring = b[i] === EV_RDGRAM;
            const d = ring ? this.ringChunk(n) : batch.d[n];
            const slot = ring ? this.ringSlot : -1;
            const sk = this.socks.get(h);
            // a datagram posted before the main thread learnt of a connect made since
            const foreign = sk !== undefined && sk.peer !== null && !fromPeer(d, sk.peer);
            if (sk === undefined || foreign) {
              if (slot >= 0) this.recvSlots.free(slot);
              if (foreign) this.consume(h, sk, d.length, true);
              break;
            }
            sk.chunks.push(d);
            sk.slots.push(slot);
            c.wasock_on_data(h, d.length - DGRAM_HEAD);
            break;
          }
          case EV_NAMES: {
            const sk = this.socks.get(h);
            if (sk !== undefined) this.takeNames(sk, batch.d[n], 0, 3);
            break;
          }
          case EV_CONNECTED: c.wasock_on_connected(h, n); break;
          case EV_INCOMING: c.wasock_on_incoming(h, n); break;
          case EV_DATA: c.wasock_on_data(h, n); break;
          case EV_EOF: c.wasock_on_eof(h); break;
          case EV_RESET: {
            const sk = this.socks.get(h);
            if (sk !== undefined && sk.type === SOCK_STREAM) { this.dropChunks(sk, sk.chunks.length); sk.off = 0; }
            c.wasock_on_reset(h, n);
            break;
          }
          case EV_SENT: c.wasock_on_sent(h, n); break;
        }
      }
    }
  }

  /**
   * Notes credit consumed; returns it to the main thread once a socket holds CREDIT_RETURN of it (a
   * stream: STREAM_CREDIT_RETURN), or at once when `force`. A recv that empties the queue posts
   * nothing (a message wakes the main thread, which costs the guest's next round trip): the credit
   * held back is always under the threshold, so with the queue empty the main thread still has
   * more than three quarters of its credit and keeps pushing; nothing waits for the rest.
   */
  private consume(h: number, sk: Sock, n: number, force = false): void {
    sk.consumed += n;
    if (force || sk.consumed >= (sk.type === SOCK_STREAM ? STREAM_CREDIT_RETURN : CREDIT_RETURN)) {
      this.port.postMessage({ op: "consumed", a: [h, sk.consumed] });
      sk.consumed = 0;
    }
  }

  /** A stream recv served from the pushed bytes; the credit goes back to the main thread. */
  private recvStream(h: number, sk: Sock, buf: number, len: number, flags: number): number {
    const dst = buf === HOST_BUFFER ? this.dst! : this.c8().subarray(buf >>> 0, (buf >>> 0) + len);
    const peek = (flags & MSG_PEEK) !== 0;
    let copied = 0, i = 0, off = sk.off;
    const chunks = sk.chunks;
    while (copied < len && i < chunks.length) {
      const c = chunks[i];
      const n = Math.min(c.length - off, len - copied);
      dst.set(off === 0 && n === c.length ? c : c.subarray(off, off + n), copied);
      copied += n;
      if (off + n === c.length) { i++; off = 0; } else off += n;
    }
    if (!peek && copied > 0) {
      this.dropChunks(sk, i);
      sk.off = off;
      this.consume(h, sk, copied);
    }
    return copied;
  }

  /** A datagram recv served from the pushed datagrams: the datagram's full length, its source at `from`. */
  private recvDgram(h: number, sk: Sock, buf: number, len: number, flags: number, from: number, cap: number): number {
    const d = sk.chunks[0];
    if (d === undefined) return -SockErr.WouldBlock;
    const full = d.length - DGRAM_HEAD;
    const n = Math.min(len, full);
    if (n > 0) {
      const dst = buf === HOST_BUFFER ? this.dst! : this.c8().subarray(buf >>> 0, (buf >>> 0) + n);
      dst.set(d.subarray(DGRAM_HEAD, DGRAM_HEAD + n));
    }
    if (from !== 0) {
      const alen = (d[0] | (d[1] << 8)) === AF_INET6 ? 28 : 16;
      if (alen > cap) return -SockErr.Fault;
      this.c8().set(d.subarray(0, alen), from >>> 0);
    }
    if ((flags & MSG_PEEK) === 0) {
      this.dropChunks(sk, 1);
      this.consume(h, sk, d.length);
    }
    return full;
  }

  /**
   * Sleeps until the main thread posts events or `ms` passes (Infinity: no limit), then drains them.
   * Returns false on timeout without events.
   */
  wait(ms: number): boolean {
    if (Atomics.load(this.ctl, CTL_WAKE) === this.seen) {
      const r = Atomics.wait(this.ctl, CTL_WAKE, this.seen, ms === Infinity ? undefined : Math.max(0, ms));
      if (r === "timed-out") return false;
    }
    if (!HOPS) { this.drain(); return true; }
    const tw = Number(process.hrtime.bigint());
    this.drain();
    const td = Number(process.hrtime.bigint());
    const h = this.hop, s = this.hopSums;
    if (h[0] > 0 && h[1] > 0 && h[2] > 0 && h[3] > 0) {
      s[0] += h[1] - h[0]; s[1] += h[2] - h[1]; s[2] += h[3] - h[2]; s[3] += tw - h[3]; s[4] += td - tw; s[5]++;
    }
    h[0] = h[1] = h[2] = h[3] = 0;
    return true;
  }

  /** The names block (channel.ts) the main thread stored at OFF_OUT with the last result. */
  private replyNames(sk: Sock | undefined, which: number): void {
    if (sk !== undefined) this.takeNames(sk, this.shared, OFF_OUT, which);
  }

  imports(): Record<string, (...a: number[]) => number | void> {
    return {
      open: (h, af, type, protocol) => {
        this.socks.set(h, new Sock(type));
        this.port.postMessage({ op: "open", a: [h, af, type, protocol] });
        return 0;
      },
      bind: (h, addr, len, reuse) => {
        const r = this.call({ op: "bind", a: [h, len, reuse], b: this.coreBytes(addr, Math.min(len, 64)) });
        if (r >= 0) this.replyNames(this.socks.get(h), 1);
        return r;
      },
      listen: (h, backlog) => this.call({ op: "listen", a: [h, backlog] }),
      connect: (h, addr, len) => {
        const b = len > 0 ? this.coreBytes(addr, Math.min(len, 64)) : undefined;
        const sk = this.socks.get(h);
        if (sk !== undefined && sk.type === SOCK_STREAM) sk.local = null; // known again once connected
        const r = this.call({ op: "connect", a: [h, len], b });
        if (r >= 0 && sk !== undefined && sk.type !== SOCK_STREAM) {
          sk.peer = len > 0 ? b! : null;
          this.replyNames(sk, 3);
        }
        return r;
      },
      accept: (lh, nh) => {
        const r = this.call({ op: "accept", a: [lh, nh] });
        if (r >= 0) {
          const sk = new Sock(SOCK_STREAM);
          this.socks.set(nh, sk);
          this.replyNames(sk, 3);
        }
        return r;
      },
      send: (h, buf, len, flags, to, tolen) => {
        const src = buf === HOST_BUFFER ? this.src!.subarray(0, len) : this.c8().subarray(buf >>> 0, (buf >>> 0) + len);
        const sk = this.socks.get(h);
        if (sk !== undefined && (sk.type === SOCK_STREAM ? to === 0 : true)) {
          // The provider takes a stream's bytes, or a datagram for a peer the core validated, as
          // long as the socket is open: posted without waiting, the bytes in the send ring when
          // they fit (channel.ts).
          const c = to !== 0 ? this.coreBytes(to, Math.min(tolen, 64)) : undefined;
          if (HOPS) { const p = this.hop; p[0] = Number(process.hrtime.bigint()); p[1] = p[2] = p[3] = 0; }
          const ring = this.sendRing;
          if (len > 0 && ring.fits(len, Atomics.load(this.rings, RING_SEND_TAIL) >>> 0)) {
            this.shared.set(src, OFF_SEND + ring.take(len));
            this.port.postMessage({ op: "send", a: [h, len, flags, tolen, 1, 1], c });
          } else {
            const data = src.slice();
            this.port.postMessage({ op: "send", a: [h, len, flags, tolen, 1, 0], b: data, c }, [data.buffer as ArrayBuffer]);
          }
          return len;
        }
        const data = src.slice();
        const c = to !== 0 ? this.coreBytes(to, Math.min(tolen, 64)) : undefined;
        return this.call({ op: "send", a: [h, len, flags, tolen, 0, 0], b: data, c }, [data.buffer as ArrayBuffer]);
      },
      recv: (h, buf, len, flags, from, cap) => {
        const sk = this.socks.get(h);
        if (sk !== undefined) {
          return sk.type === SOCK_STREAM ? this.recvStream(h, sk, buf, len, flags) : this.recvDgram(h, sk, buf, len, flags, from, cap);
        }
        const r = this.call({ op: "recv", a: [h, Math.min(len, DATA_CAP), flags, from !== 0 ? Math.min(cap, 64) : 0] });
        if (r < 0) return r;
        const n = Math.min(r, len, DATA_CAP);
        const data = this.shared.subarray(OFF_DATA, OFF_DATA + n);
        if (buf === HOST_BUFFER) this.dst!.set(data);
        else this.c8().set(data, buf >>> 0);
        if (from !== 0) this.c8().set(this.shared.subarray(OFF_OUT, OFF_OUT + Math.min(cap, 28)), from >>> 0);
        return r;
      },
      // The provider answers shutdown and setopt with 0 for any socket the core has opened (the core
      // validated the call), so they are posted without waiting, like open and close.
      shutdown: (h, how) => { this.port.postMessage({ op: "shutdown", a: [h, how, 1] }); return 0; },
      close: (h, abortive, linger) => {
        const sk = this.socks.get(h);
        if (sk !== undefined) this.dropChunks(sk, sk.chunks.length);
        this.socks.delete(h);
        this.port.postMessage({ op: "close", a: [h, abortive, linger] });
      },
      setopt: (h, level, name, value) => { this.port.postMessage({ op: "setopt", a: [h, level, name, value, 1] }); return 0; },
      name: (h, peer, out, cap) => {
        const sk = this.socks.get(h);
        const known = sk === undefined ? null : peer !== 0 ? sk.remote : sk.local;
        if (known !== null) {
          if (known.length > cap) return -SockErr.Fault;
          this.c8().set(known, out >>> 0);
          return known.length;
        }
        const r = this.call({ op: "name", a: [h, peer, cap] });
        if (r > 0) this.c8().set(this.shared.subarray(OFF_OUT, OFF_OUT + r), out >>> 0);
        return r;
      },
    };
  }
}
