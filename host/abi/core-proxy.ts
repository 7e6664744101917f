// The core's "wasock_host" imports inside a C guest's worker: each forwards the host provider's
// command to the main thread (io.ts) over the shared channel. Commands whose result the core needs
// (bind, listen, connect, accept, datagram recv, name, datagram send) park the worker in Atomics.wait
// until the main thread stores the result; open, close, shutdown, setopt and stream sends are posted
// without waiting (the host provider cannot fail them once the core has validated the call), and
// stream recv is served from bytes the main thread pushed ahead.
import { MessagePort, receiveMessageOnPort } from "node:worker_threads";
import type { HostCore } from "../node/host-provider.ts";
import {
  CTL_AUX, CTL_RESULT, CTL_STATE, CTL_WAKE, Command, DATA_CAP, EV_BYTES, EV_CONNECTED, EV_DATA, EV_EOF,
  EV_INCOMING, EV_RESET, EV_SENT, EventBatch, HOST_BUFFER, OFF_DATA, OFF_OUT, OFF_TEXT,
} from "./channel.ts";

/** WASOCK_TRACE=1 prints every command and event (stderr). */
const TRACE = !!process.env.WASOCK_TRACE;

const SOCK_STREAM = 1;
const MSG_PEEK = 2;

/** Received bytes of a stream socket, pushed by the main thread ahead of recv. */
class RxQueue {
  chunks: Uint8Array[] = [];
  off = 0;
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
  private readonly types = new Map<number, number>();
  private readonly rx = new Map<number, RxQueue>();
  /** CTL_WAKE as of the last drain. */
  private seen = 0;

  constructor(sab: SharedArrayBuffer, private readonly port: MessagePort) {
    this.ctl = new Int32Array(sab, 0, 16);
    this.shared = new Uint8Array(sab);
  }

  private coreBytes(p: number, n: number): Uint8Array {
    return new Uint8Array(this.core.memory.buffer).slice(p >>> 0, (p >>> 0) + n);
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

  /** Delivers the events the main thread posted since the last drain to the core. Cheap when none. */
  drain(): void {
    const w = Atomics.load(this.ctl, CTL_WAKE);
    if (w === this.seen) return;
    this.seen = w;
    const c = this.core;
    for (;;) {
      const m = receiveMessageOnPort(this.port);
      if (m === undefined) break;
      const batch = m.message as EventBatch;
      const b = batch.e;
      for (let i = 0; i < b.length; i += 3) {
        const h = b[i + 1], n = b[i + 2];
        if (TRACE) process.stderr.write(`ev ${b[i]} h=${h} n=${n}\n`);
        switch (b[i]) {
          case EV_BYTES: {
            const chunk = batch.d[n];
            let q = this.rx.get(h);
            if (q === undefined) { q = new RxQueue(); this.rx.set(h, q); }
            q.chunks.push(chunk);
            c.wasock_on_data(h, chunk.length);
            break;
          }
          case EV_CONNECTED: c.wasock_on_connected(h, n); break;
          case EV_INCOMING: c.wasock_on_incoming(h, n); break;
          case EV_DATA: c.wasock_on_data(h, n); break;
          case EV_EOF: c.wasock_on_eof(h); break;
          case EV_RESET: this.rx.delete(h); c.wasock_on_reset(h, n); break;
          case EV_SENT: c.wasock_on_sent(h, n); break;
        }
      }
    }
  }

  /** A stream recv served from the pushed bytes; the credit goes back to the main thread. */
  private recvStream(h: number, buf: number, len: number, flags: number): number {
    const q = this.rx.get(h);
    if (q === undefined) return 0;
    const dst = buf === HOST_BUFFER ? this.dst! : new Uint8Array(this.core.memory.buffer, buf >>> 0, len);
    const peek = (flags & MSG_PEEK) !== 0;
    let copied = 0, i = 0, off = q.off;
    const chunks = q.chunks;
    while (copied < len && i < chunks.length) {
      const c = chunks[i];
      const n = Math.min(c.length - off, len - copied);
      dst.set(off === 0 && n === c.length ? c : c.subarray(off, off + n), copied);
      copied += n;
      if (off + n === c.length) { i++; off = 0; } else off += n;
    }
    if (!peek && copied > 0) {
      if (i > 0) chunks.splice(0, i);
      q.off = off;
      this.port.postMessage({ op: "consumed", a: [h, copied] });
    }
    return copied;
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
    this.drain();
    return true;
  }

  imports(): Record<string, (...a: number[]) => number | void> {
    return {
      open: (h, af, type, protocol) => {
        this.types.set(h, type);
        this.port.postMessage({ op: "open", a: [h, af, type, protocol] });
        return 0;
      },
      bind: (h, addr, len, reuse) => this.call({ op: "bind", a: [h, len, reuse], b: this.coreBytes(addr, Math.min(len, 64)) }),
      listen: (h, backlog) => this.call({ op: "listen", a: [h, backlog] }),
      connect: (h, addr, len) => this.call({ op: "connect", a: [h, len], b: len > 0 ? this.coreBytes(addr, Math.min(len, 64)) : undefined }),
      accept: (lh, nh) => {
        const r = this.call({ op: "accept", a: [lh, nh] });
        if (r >= 0) this.types.set(nh, SOCK_STREAM);
        return r;
      },
      send: (h, buf, len, flags, to, tolen) => {
        const data = buf === HOST_BUFFER ? this.src!.slice(0, len) : this.coreBytes(buf, len);
        if (this.types.get(h) === SOCK_STREAM && to === 0) {
          this.port.postMessage({ op: "send", a: [h, len, flags, 0, 1], b: data }, [data.buffer as ArrayBuffer]);
          return len;
        }
        const c = to !== 0 ? this.coreBytes(to, Math.min(tolen, 64)) : undefined;
        return this.call({ op: "send", a: [h, len, flags, tolen, 0], b: data, c }, [data.buffer as ArrayBuffer]);
      },
      recv: (h, buf, len, flags, from, cap) => {
        if (this.types.get(h) === SOCK_STREAM) return this.recvStream(h, buf, len, flags);
        const r = this.call({ op: "recv", a: [h, Math.min(len, DATA_CAP), flags, from !== 0 ? Math.min(cap, 64) : 0] });
        if (r < 0) return r;
        const n = Math.min(r, len, DATA_CAP);
        const data = this.shared.subarray(OFF_DATA, OFF_DATA + n);
        if (buf === HOST_BUFFER) this.dst!.set(data);
        else new Uint8Array(this.core.memory.buffer).set(data, buf >>> 0);
        if (from !== 0) new Uint8Array(this.core.memory.buffer).set(this.shared.subarray(OFF_OUT, OFF_OUT + Math.min(cap, 28)), from >>> 0);
        return r;
      },
      // The provider answers shutdown and setopt with 0 for any socket the core has opened (the core
      // validated the call), so they are posted without waiting, like open and close.
      shutdown: (h, how) => { this.port.postMessage({ op: "shutdown", a: [h, how, 1] }); return 0; },
      close: (h, abortive, linger) => {
        this.types.delete(h);
        this.rx.delete(h);
        this.port.postMessage({ op: "close", a: [h, abortive, linger] });
      },
      setopt: (h, level, name, value) => { this.port.postMessage({ op: "setopt", a: [h, level, name, value, 1] }); return 0; },
      name: (h, peer, out, cap) => {
        const r = this.call({ op: "name", a: [h, peer, cap] });
        if (r > 0) new Uint8Array(this.core.memory.buffer).set(this.shared.subarray(OFF_OUT, OFF_OUT + r), out >>> 0);
        return r;
      },
    };
  }
}
