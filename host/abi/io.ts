// The main thread's half of a C guest: runs the host provider (host/node/host-provider.ts, unchanged)
// for the guest's core, which lives in the worker. The provider sees a stand-in core whose memory
// is the shared channel (channel.ts) and whose wasock_on_* exports queue events for the worker.
import { lookup, lookupService } from "node:dns/promises";
import { MessagePort } from "node:worker_threads";
import { NodeHostProvider } from "../node/host-provider.ts";
import { SockErr } from "../node/sockerr.ts";
import {
  CTL_AUX, CTL_INLINE, CTL_POSTED, CTL_RESULT, CTL_TAKEN, HOP_AT, INLINE_CAP, OFF_INLINE, CTL_STATE, CTL_WAKE, Command, DATA_CAP, DGRAM_CREDIT, DGRAM_HEAD, EV_BYTES, EV_CONNECTED,
  EV_DATA, EV_DGRAM, EV_EOF, EV_INCOMING, EV_NAMES, EV_RESET, EV_SENT, EventBatch, HOST_BUFFER, NAMES_LEN,
  NAMES_LOCAL, NAMES_REMOTE, OFF_ADDR, OFF_DATA, OFF_OUT, OFF_PULL, OFF_TEXT, PUSH_CREDIT, TEXT_CAP,
  EV_RBYTES, EV_RDGRAM, OFF_RECV, OFF_RING_CTL, OFF_SEND, RECV_CAP, RING_RECV_TAIL, RING_SEND_TAIL, Ring, RingSlots, SEND_CAP,
} from "./channel.ts";

/** WASOCK_TRACE=1 prints every command and event (stderr). */
const TRACE = !!process.env.WASOCK_TRACE;
/** WASOCK_HOPS=1 times each hop of a posted send to the bytes that answer it (channel.ts, HOP_AT). */
const HOPS = !!process.env.WASOCK_HOPS;

const WSAHOST_NOT_FOUND = 11001;
const WSATRY_AGAIN = 11002;
const WSANO_RECOVERY = 11003;

const SOCK_STREAM = 1;
const noop = (): void => {};
const PULL_CHUNK = 256 * 1024;

/** A stream socket whose received bytes go to the worker ahead of recv (see channel.ts). */
class Stream {
  credit = PUSH_CREDIT;
  /** Bytes the provider reported (wasock_on_data) and still holds. */
  avail = 0;
  eof = false;
}

/** A datagram socket whose datagrams go to the worker ahead of recv. */
class Dgram {
  credit = DGRAM_CREDIT;
  /** Datagrams the provider reported and still holds. */
  avail = 0;
}

/** Largest datagram payload (IPv4: 65535 - 20 - 8; IPv6 without jumbograms: 65535 - 8). */
const DGRAM_MAX = 65527;

export class GuestIo {
  readonly provider = new NodeHostProvider();
  private readonly ctl: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly imp: Record<string, (...a: number[]) => number | void>;
  private batch: number[] = [];
  private chunks: Uint8Array[] = [];
  private streams = new Map<number, Stream>();
  private dgrams = new Map<number, Dgram>();
  private readonly dgScratch = new Uint8Array(DGRAM_MAX);
  private scheduled = false;
  /** WASOCK_HOPS: when the current send command arrived, when its answer's bytes came, when they were posted. */
  private hop: Float64Array;
  /** The data rings (channel.ts): sends read here, received bytes written here. */
  private readonly rings: Int32Array;
  private readonly sendRing = new Ring(SEND_CAP);
  private readonly sendSlots: RingSlots;
  private readonly recvRing = new Ring(RECV_CAP);

  constructor(private readonly sab: SharedArrayBuffer, private readonly port: MessagePort) {
    this.ctl = new Int32Array(sab, 0, 16);
    this.bytes = new Uint8Array(sab);
    const ev = (kind: number) => (h: number, n = 0) => this.event(kind, h, n);
    this.provider.core = {
      memory: { buffer: sab } as unknown as WebAssembly.Memory,
      wasock_on_connected: ev(EV_CONNECTED),
      wasock_on_incoming: ev(EV_INCOMING),
      wasock_on_data: ev(EV_DATA),
      wasock_on_eof: ev(EV_EOF),
      wasock_on_reset: ev(EV_RESET),
      wasock_on_sent: ev(EV_SENT),
    };
    this.imp = this.provider.imports();
    this.hop = new Float64Array(sab, HOP_AT, 4);
    this.rings = new Int32Array(sab, OFF_RING_CTL, 2);
    this.sendSlots = new RingSlots(this.rings, RING_SEND_TAIL);
    port.on("message", (c: Command) => {
      if (HOPS && c.op === "send") this.hop[1] = Number(process.hrtime.bigint());
      try {
        this.command(c);
      } catch (e) {
        // A bug here must not leave the guest waiting forever: the call fails instead.
        process.stderr.write(`wasock: host error in ${c.op}: ${(e as Error).stack ?? e}\n`);
        this.reply(-SockErr.Fault);
      }
    });
  }

  /** Stops listening for commands (the guest exited). */
  close(): void { this.port.close(); }

  private event(kind: number, h: number, n: number): void {
    if (TRACE) process.stderr.write(`main ev ${kind} h=${h} n=${n}\n`);
    const st = this.streams.get(h);
    if (st !== undefined) {
      if (kind === EV_DATA) { st.avail += n; this.pull(h, st); return; }
      if (kind === EV_EOF) { st.eof = true; this.pull(h, st); return; } // after the bytes before it
      if (kind === EV_RESET) { st.eof = false; st.avail = 0; }
      if (kind === EV_CONNECTED && n === 0) {
        // the names are fixed now: the worker answers getsockname/getpeername itself from here on
        const block = new Uint8Array(NAMES_LEN);
        this.names(h, block, 0);
        this.chunks.push(block);
        this.push(EV_NAMES, h, this.chunks.length - 1);
      }
    } else if (kind === EV_DATA) {
      const dg = this.dgrams.get(h);
      if (dg !== undefined) { dg.avail++; this.pullDgrams(h, dg); return; }
    }
    this.push(kind, h, n);
  }

  /** Writes a socket's names block (channel.ts) at `at` of `out`: local and remote, as the provider has them. */
  private names(h: number, out: Uint8Array, at: number): void {
    out.fill(0, at, at + NAMES_LEN);
    const f = this.imp;
    const l = f.name(h, 0, OFF_PULL, 28) as number;
    if (l > 0) { out.set(this.bytes.subarray(OFF_PULL, OFF_PULL + l), at + NAMES_LOCAL); out[at] = l; }
    const r = f.name(h, 1, OFF_PULL, 28) as number;
    if (r > 0) { out.set(this.bytes.subarray(OFF_PULL, OFF_PULL + r), at + NAMES_REMOTE); out[at + 1] = r; }
  }

  /** Moves a datagram socket's datagrams from the provider to the worker, within the socket's credit. */
  private pullDgrams(h: number, dg: Dgram): void {
    const p = this.provider;
    while (dg.credit > 0 && dg.avail > 0) {
      p.dst = this.dgScratch;
      this.bytes.fill(0, OFF_PULL, OFF_PULL + DGRAM_HEAD);
      const r = this.imp.recv(h, HOST_BUFFER, DGRAM_MAX, 0, OFF_PULL, DGRAM_HEAD) as number;
      p.dst = null;
      if (r < 0) { dg.avail = 0; break; }
      dg.avail--;
      const n = Math.min(r, DGRAM_MAX);
      const ring = this.recvRing;
      const inRing = ring.fits(DGRAM_HEAD + n, this.recvTail());
      let d: Uint8Array;
      if (inRing) {
        const at = OFF_RECV + ring.take(DGRAM_HEAD + n);
        d = this.bytes.subarray(at, at + DGRAM_HEAD + n);
      } else {
        d = new Uint8Array(DGRAM_HEAD + n);
      }
      d.set(this.bytes.subarray(OFF_PULL, OFF_PULL + DGRAM_HEAD));
      d.set(this.dgScratch.subarray(0, n), DGRAM_HEAD);
      dg.credit -= d.length;
      if (inRing) { this.push(EV_RDGRAM, h, d.length); continue; }
      this.chunks.push(d);
      this.push(EV_DGRAM, h, this.chunks.length - 1);
    }
  }

  /** Where the receive ring's freed space ends (the worker stores it). */
  private recvTail(): number { return Atomics.load(this.rings, RING_RECV_TAIL) >>> 0; }

  private push(kind: number, h: number, n: number): void {
    this.batch.push(kind, h, n);
    if (HOPS && (kind === EV_BYTES || kind === EV_RBYTES) && this.hop[2] === 0) this.hop[2] = Number(process.hrtime.bigint());
    if (kind !== EV_SENT) this.sentOnly = false;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.postNow);
    }
  }
  /** The batch holds only EV_SENT events (see post()). */
  private sentOnly = true;
  /** post() already held a batch of only EV_SENT events back by one turn of the event loop. */
  private heldSent = false;

  /** Moves a stream's received bytes from the provider to the worker, within the socket's credit. */
  private pull(h: number, st: Stream): void {
    const p = this.provider;
    let drained = false;
    const ring = this.recvRing;
    while (st.credit > 0) {
      if (st.avail <= 0) { drained = true; break; }
      const want = Math.min(st.credit, st.avail, PULL_CHUNK);
      // into the receive ring when the slot fits (channel.ts), else a buffer of its own
      const head = ring.head;
      const inRing = ring.fits(want, this.recvTail());
      let buf: Uint8Array;
      if (inRing) {
        const at = OFF_RECV + ring.take(want);
        buf = this.bytes.subarray(at, at + want);
      } else {
        buf = new Uint8Array(want);
      }
      p.dst = buf;
      const r = this.imp.recv(h, HOST_BUFFER, want, 0, 0, 0) as number;
      p.dst = null;
      if (inRing) {
        // the slot is as long as what came (Ring.shrink), or none
        if (r <= 0) ring.head = head;
        else if (r < want) {
          const at = buf.byteOffset, at2 = OFF_RECV + ring.shrink(head, r);
          if (at2 !== at) this.bytes.copyWithin(at2, at, at + r);
        }
      }
      if (r <= 0) { st.avail = 0; drained = true; break; }
      st.credit -= r;
      st.avail -= r;
      if (inRing) this.push(EV_RBYTES, h, r);
      else {
        this.chunks.push(r === want ? buf : buf.subarray(0, r));
        this.push(EV_BYTES, h, this.chunks.length - 1);
      }
      if (r < want) { st.avail = 0; drained = true; break; }
    }
    if (drained && st.eof) {
      st.eof = false;
      this.push(EV_EOF, h, 0);
    }
  }

  private readonly postNow = (): void => this.post();

  private post(): void {
    if (this.batch.length === 0) { this.scheduled = false; return; }
    // A send's completion alone rarely matters to a guest at once (it is waiting to receive), and a
    // wake-up costs more than the event: hold such a batch back one turn of the loop, in which the
    // answer to those bytes often arrives (loopback, a fast peer) and travels with it in one wake.
    if (this.sentOnly && !this.heldSent) { this.heldSent = true; setImmediate(this.postNow); return; }
    this.scheduled = false;
    this.heldSent = false;
    this.sentOnly = true;
    const b: EventBatch = { e: this.batch, d: this.chunks };
    this.batch = [];
    this.chunks = [];
    if (HOPS) this.hop[3] = Number(process.hrtime.bigint());
    if (!this.inline(b)) {
      Atomics.add(this.ctl, CTL_POSTED, 1);
      this.port.postMessage(b, b.d.map((x) => x.buffer as ArrayBuffer));
    }
    Atomics.add(this.ctl, CTL_WAKE, 1);
    Atomics.notify(this.ctl, CTL_WAKE);
  }

  /** Writes a small batch to the inline slot (channel.ts) if it is free; false when it must be posted. */
  private inline(b: EventBatch): boolean {
    const ctl = this.ctl;
    if (Atomics.load(ctl, CTL_INLINE) !== 0 || Atomics.load(ctl, CTL_POSTED) !== Atomics.load(ctl, CTL_TAKEN)) return false;
    const words = 2 + b.e.length + b.d.length;
    let bytes = 0;
    for (const d of b.d) bytes += d.length;
    if (words * 4 + bytes > INLINE_CAP) return false;
    const w = new Int32Array(this.sab, OFF_INLINE, words);
    w[0] = b.e.length / 3;
    w[1] = b.d.length;
    w.set(b.e, 2);
    let at = OFF_INLINE + words * 4;
    for (let i = 0; i < b.d.length; i++) {
      w[2 + b.e.length + i] = b.d[i].length;
      this.bytes.set(b.d[i], at);
      at += b.d[i].length;
    }
    Atomics.store(ctl, CTL_INLINE, 1);
    return true;
  }

  private reply(r: number, aux = 0): void {
    this.provider.flush();
    this.ctl[CTL_AUX] = aux;
    this.ctl[CTL_RESULT] = r;
    Atomics.store(this.ctl, CTL_STATE, 1);
    Atomics.notify(this.ctl, CTL_STATE);
  }

  private command(c: Command): void {
    if (TRACE) process.stderr.write(`cmd ${c.op} ${c.a}\n`);
    const a = c.a;
    const p = this.provider;
    const f = this.imp;
    let r = 0;
    switch (c.op) {
      case "open": // posted without waiting for the result
        f.open(a[0], a[1], a[2], a[3]);
        if (a[2] === SOCK_STREAM) this.streams.set(a[0], new Stream());
        else this.dgrams.set(a[0], new Dgram());
        return;
      case "bind":
        this.bytes.set(c.b!, OFF_ADDR);
        r = f.bind(a[0], OFF_ADDR, a[1], a[2]) as number;
        if (r >= 0) this.names(a[0], this.bytes, OFF_OUT);
        break;
      case "listen": r = f.listen(a[0], a[1]) as number; break;
      case "connect":
        if (c.b) this.bytes.set(c.b, OFF_ADDR);
        r = f.connect(a[0], OFF_ADDR, a[1]) as number;
        if (r >= 0) this.names(a[0], this.bytes, OFF_OUT);
        break;
      case "accept":
        r = f.accept(a[0], a[1]) as number;
        if (r >= 0) {
          this.streams.set(a[1], new Stream());
          this.names(a[1], this.bytes, OFF_OUT);
        }
        break;
      case "consumed": // pairs (handle, bytes)
        for (let i = 0; i + 1 < a.length; i += 2) {
          const st = this.streams.get(a[i]);
          if (st !== undefined) { st.credit += a[i + 1]; this.pull(a[i], st); }
          const dg = this.dgrams.get(a[i]);
          if (dg !== undefined) { dg.credit += a[i + 1]; this.pullDgrams(a[i], dg); }
        }
        this.provider.flush();
        return;
      case "send": {
        if (c.c) this.bytes.set(c.c, OFF_ADDR);
        // The bytes are in the send ring (a[5] = 1), or came transferred and belong to nobody else:
        // either way Node may keep them (no copy) until its write completes, which frees the slot.
        let slot = -1;
        if (a[5] === 1) {
          const at = OFF_SEND + this.sendRing.take(a[1]);
          slot = this.sendSlots.add(this.sendRing);
          p.src = Buffer.from(this.sab, at, a[1]);
        } else {
          p.src = c.b!;
        }
        p.borrow = true;
        r = f.send(a[0], HOST_BUFFER, a[1], a[2], c.c ? OFF_ADDR : 0, a[3]) as number;
        p.borrow = false;
        p.src = null;
        const done = slot < 0 ? noop : () => this.sendSlots.free(slot);
        if (p.borrowedBy !== null) p.onBorrowDone(done);
        else done();
        if (TRACE) process.stderr.write(`send r=${r} pend=${(p as any).pend.length}\n`);
        if (a[4] === 1) { this.provider.flush(); return; } // posted without waiting for the result
        break;
      }
      case "recv":
        p.dst = this.bytes.subarray(OFF_DATA, OFF_DATA + DATA_CAP);
        r = f.recv(a[0], HOST_BUFFER, Math.min(a[1], DATA_CAP), a[2], a[3] > 0 ? OFF_OUT : 0, a[3]) as number;
        p.dst = null;
        break;
      case "shutdown": f.shutdown(a[0], a[1]); this.provider.flush(); return; // posted without waiting
      case "close": // no result awaited
        this.streams.delete(a[0]);
        this.dgrams.delete(a[0]);
        f.close(a[0], a[1], a[2]);
        this.provider.flush();
        return;
      case "setopt": f.setopt(a[0], a[1], a[2], a[3]); this.provider.flush(); return; // posted without waiting
      case "name": r = f.name(a[0], a[1], OFF_OUT, Math.min(a[2], 64)) as number; break;
      case "resolve": this.resolve(c.s!, a[0]); return;
      case "reverse": this.reverse(c.s!); return;
      case "sync": r = 0; break;
      default: r = -1;
    }
    this.reply(r);
  }

  /** Reverse lookup for gethostbyaddr: the host name in the text area. */
  private reverse(address: string): void {
    lookupService(address, 0).then(({ hostname }) => {
      const text = new TextEncoder().encode(hostname);
      if (text.length > TEXT_CAP) { this.reply(-WSANO_RECOVERY); return; }
      this.bytes.set(text, OFF_TEXT);
      this.reply(1, text.length);
    }, (e: NodeJS.ErrnoException) => {
      this.reply(-(e.code === "ENOTFOUND" || e.code === "ENODATA" ? WSAHOST_NOT_FOUND : e.code === "EAI_AGAIN" ? WSATRY_AGAIN : WSANO_RECOVERY));
    });
  }

  /** Name lookup for getaddrinfo/gethostbyname: NUL-separated address strings in the text area. */
  private resolve(name: string, family: number): void {
    const fam = family === 2 ? 4 : family === 23 ? 6 : 0;
    lookup(name, { all: true, family: fam }).then((list) => {
      const text = new TextEncoder().encode(list.map((x) => x.address).join("\0"));
      if (text.length > TEXT_CAP) { this.reply(-WSANO_RECOVERY); return; }
      this.bytes.set(text, OFF_TEXT);
      this.reply(list.length, text.length);
    }, (e: NodeJS.ErrnoException) => {
      const code = e.code === "ENOTFOUND" || e.code === "ENODATA" ? WSAHOST_NOT_FOUND : e.code === "EAI_AGAIN" ? WSATRY_AGAIN : WSANO_RECOVERY;
      this.reply(-code);
    });
  }
}
