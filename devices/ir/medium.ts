// The emulated IR hardware: transceivers and the optical medium between them. It moves bytes and
// time only and knows no IrLAP.
//
// Physical facts (reference irda-secure-raw-spi.md §2.1): SIR (2400..115200 bit/s) is an async 8N1
// UART, so a byte takes 10 bit times on the air (10/baud s); above 115200 (MIR, FIR 4 Mbit/s) the
// line is synchronous and a byte takes 8 bit times. IR links are half duplex: a transceiver's
// receiver is blinded by its own LED while it transmits and for its minimum turnaround time after.
//
// Model:
// - Time is a JS number of microseconds of simulated time. Callers move time forward only.
// - A transmission is decided at `transmit()`: every transceiver in view at that moment (within
//   range of both ends, each inside the other's cone, beam not blocked) is scheduled to receive it.
//   Blocking the beam or moving a device out of view cuts deliveries that are still in flight at the
//   medium's current time (the receiver gets the bytes that arrived before the cut).
// - Delivery is one chunk per transmission and receiver, at the arrival time of its last byte: no
//   per-byte timers, so a 9600 bit/s simulation runs far faster than real time. A chunk whose tail
//   was lost (the receiver started transmitting) is still stamped with the frame's end, and a cut
//   one with the time of the cut, so that the times a receiver sees never go backwards.
// - At a receiver, bytes that arrive while it is deaf (own transmission + minimum turnaround) are
//   lost; bytes whose air time overlaps another transmission it hears are garbled (collision); a
//   sender at another baud delivers garbage of the length the receiver's UART would see.
// - Bit errors: each received data bit flips with probability `bitErrorRate`. Error positions are
//   drawn geometrically (the gap to the next error), one draw per error rather than one per bit, and
//   the gap carries over from one delivery to the next, so the expected count is exactly
//   rate × bits and 1 MiB at 1e-5 costs a few hundred draws.

import { DeviceRand } from "./rand.ts";

export interface Placement {
  x: number;
  y: number;
  /** radians, the direction the transceiver points */
  heading: number;
  /** metres, default 1 */
  range?: number;
  /** radians, default 15° */
  halfAngle?: number;
}

export const DEFAULT_RANGE_M = 1;
export const DEFAULT_HALF_ANGLE = (15 * Math.PI) / 180;
export const DEFAULT_BAUD = 9600;
/** Highest SIR rate; above it a byte is 8 bit times (MIR/FIR are synchronous). */
export const SIR_MAX_BAUD = 115200;
export const FIR_BAUD = 4_000_000;

const EPS = 1e-9;

/** Bits a byte occupies on the air at `baud`: 10 at SIR (start + 8 data + stop), 8 above. */
export function bitsPerByte(baud: number): number {
  return baud > SIR_MAX_BAUD ? 8 : 10;
}

/** Microseconds from the start of a transmission until its first `n` bytes have arrived. */
export function airTimeUs(n: number, baud: number): number {
  return (n * bitsPerByte(baud) * 1_000_000) / baud;
}

interface Transmission {
  from: Transceiver;
  bytes: Uint8Array;
  baud: number;
  start: number;
  end: number;
}

interface Delivery {
  tx: Transmission;
  to: Transceiver;
  /** the medium's time when the beam was cut (bytes arriving after it are lost); Infinity if never */
  cutAt: number;
  /** when it is handed to the receiver */
  due: number;
  seq: number;
  pending: boolean;
}

interface DeafSpan {
  start: number;
  until: number;
}

export class Transceiver {
  readonly name: string;
  /** 2400..115200 = SIR (byte time 10/baud s); 576000, 1152000, 4_000_000 = MIR/FIR (8 bits/byte) */
  baud: number;
  /** how long after its own transmission ends it cannot receive yet (µs) */
  minTurnaroundUs = 0;
  onReceive: (bytes: Uint8Array, at: number) => void = () => {};

  /** @internal */ readonly id: number;
  /** @internal */ place: Required<Placement>;
  /** @internal deliveries to this transceiver, in flight or recent enough to collide with one */
  heard: Delivery[] = [];
  /** @internal own transmissions (+ turnaround) recent enough to matter */
  deaf: DeafSpan[] = [];
  /** @internal error-free bits left before the next bit error */
  errorGap = -1;
  /** @internal the rate errorGap was drawn for */
  errorGapRate = -1;
  private busyUntil = -Infinity;
  private readonly medium: OpticalMedium;

  /** @internal use OpticalMedium.addTransceiver */
  constructor(medium: OpticalMedium, id: number, name: string, place: Placement, baud: number) {
    this.medium = medium;
    this.id = id;
    this.name = name;
    this.place = normalise(place);
    this.baud = baud;
  }

  /** Starts sending `bytes` at `now` (or when its own previous transmission ends); returns the time
   *  its last byte leaves. */
  transmit(bytes: Uint8Array, now: number): number {
    if (!(bytes instanceof Uint8Array)) throw new TypeError("transmit: bytes must be a Uint8Array");
    if (!Number.isFinite(now)) throw new TypeError("transmit: now must be a finite number");
    const start = Math.max(now, this.busyUntil);
    if (bytes.length === 0) return start;
    const end = start + airTimeUs(bytes.length, this.baud);
    this.busyUntil = end;
    this.deaf.push({ start, until: end + this.minTurnaroundUs });
    this.medium.send({ from: this, bytes: bytes.slice(), baud: this.baud, start, end }, now);
    return end;
  }

  /** When its own transmissions (queued ones included) end; -Infinity if it never sent. */
  get transmittingUntil(): number {
    return this.busyUntil;
  }

  /** Someone in view is transmitting at `now` (its own transmission does not count). */
  mediaBusy(now: number): boolean {
    for (const d of this.heard) {
      if (d.tx.start <= now && now < Math.min(d.tx.end, d.cutAt)) return true;
    }
    return false;
  }

  get placement(): Placement {
    return { ...this.place };
  }
}

export class OpticalMedium {
  private ber = 0;
  private readonly rand: DeviceRand;
  private readonly members: Transceiver[] = [];
  private readonly blocked = new Set<string>();
  /** deliveries not yet handed over, sorted by (due, seq) */
  private readonly pending: Delivery[] = [];
  private seq = 0;
  /** the latest time anyone told the medium about */
  private now = -Infinity;

  constructor(opts: { seed?: number; bitErrorRate?: number } = {}) {
    this.rand = new DeviceRand(opts.seed ?? 1);
    this.bitErrorRate = opts.bitErrorRate ?? 0;
  }

  /** Probability that a received data bit is flipped, 0..1; settable at any time. */
  get bitErrorRate(): number {
    return this.ber;
  }

  set bitErrorRate(p: number) {
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw new RangeError("bitErrorRate must be a number in 0..1");
    this.ber = p;
  }

  addTransceiver(name: string, place: Placement, baud: number = DEFAULT_BAUD): Transceiver {
    if (!(baud > 0) || !Number.isFinite(baud)) throw new TypeError("addTransceiver: baud must be a positive number");
    const t = new Transceiver(this, this.members.length, name, place, baud);
    this.members.push(t);
    return t;
  }

  get transceivers(): readonly Transceiver[] {
    return this.members;
  }

  /** Blocks or clears the beam between a and b (both directions). */
  setBlocked(a: Transceiver, b: Transceiver, blocked: boolean): void {
    const key = pairKey(a, b);
    if (blocked) {
      this.blocked.add(key);
      this.cutLostPaths();
    } else {
      this.blocked.delete(key);
    }
  }

  isBlocked(a: Transceiver, b: Transceiver): boolean {
    return this.blocked.has(pairKey(a, b));
  }

  move(t: Transceiver, place: Placement): void {
    t.place = normalise(place);
    this.cutLostPaths();
  }

  /** Whether a and b can hear each other: within both ranges, each inside the other's cone, and the
   *  beam not blocked. */
  inView(a: Transceiver, b: Transceiver): boolean {
    if (a === b || this.blocked.has(pairKey(a, b))) return false;
    const dx = b.place.x - a.place.x;
    const dy = b.place.y - a.place.y;
    const dist = Math.hypot(dx, dy);
    if (dist > Math.min(a.place.range, b.place.range) + EPS) return false;
    if (dist === 0) return true;
    return inCone(a.place, Math.atan2(dy, dx)) && inCone(b.place, Math.atan2(-dy, -dx));
  }

  /** µs of the next delivery, Infinity when nothing is in flight. */
  nextEventAt(): number {
    return this.pending.length > 0 ? this.pending[0].due : Infinity;
  }

  /** Delivers everything due at or before `now` (calls onReceive, in time order). A receiver that
   *  transmits from inside onReceive does so at the delivery's time. */
  advance(now: number): void {
    let delivered = false;
    while (this.pending.length > 0 && this.pending[0].due <= now) {
      const d = this.pending.shift()!;
      d.pending = false;
      this.now = Math.max(this.now, d.due);
      this.deliver(d);
      delivered = true;
    }
    this.now = Math.max(this.now, now);
    if (delivered) this.prune();
  }

  /** @internal called by Transceiver.transmit */
  send(tx: Transmission, now: number): void {
    this.now = Math.max(this.now, now);
    if (tx.from.deaf.length > 64) this.prune(); // a sender nobody hears still forgets its old spans
    for (const r of this.members) {
      if (r === tx.from || !this.inView(tx.from, r)) continue;
      const d: Delivery = { tx, to: r, cutAt: Infinity, due: tx.end, seq: this.seq++, pending: true };
      this.schedule(d);
      r.heard.push(d);
    }
  }

  private schedule(d: Delivery): void {
    const p = this.pending;
    let i = p.length;
    while (i > 0 && (p[i - 1].due > d.due || (p[i - 1].due === d.due && p[i - 1].seq > d.seq))) i--;
    p.splice(i, 0, d);
  }

  /** After a geometry or blocking change: deliveries still in the air on a path that is no longer in
   *  view lose everything after the medium's current time. */
  private cutLostPaths(): void {
    const cut = this.now;
    const keep: Delivery[] = [];
    const moved: Delivery[] = [];
    for (const d of this.pending) {
      if (d.cutAt !== Infinity || this.inView(d.tx.from, d.to)) {
        keep.push(d);
      } else if (cut <= d.tx.start) {
        d.cutAt = d.tx.start; // nothing of it reaches the receiver
        d.pending = false;
      } else {
        d.cutAt = cut;
        d.due = Math.min(d.due, cut);
        moved.push(d);
      }
    }
    this.pending.length = 0;
    this.pending.push(...keep);
    for (const d of moved) this.schedule(d);
  }

  private deliver(d: Delivery): void {
    const r = d.to;
    const tx = d.tx;
    const bt = airTimeUs(1, tx.baud);
    const n = d.cutAt < tx.end ? clamp(Math.floor((d.cutAt - tx.start) / bt + EPS), 0, tx.bytes.length) : tx.bytes.length;
    if (n === 0) return;
    const endAir = tx.start + airTimeUs(n, tx.baud);

    // Own transmissions (and turnaround) blind the receiver: those bytes are lost.
    let lost: Uint8Array | null = null;
    for (const s of r.deaf) {
      const [lo, hi] = byteRange(tx.start, bt, n, s.start, s.until);
      if (lo >= hi) continue;
      lost ??= new Uint8Array(n);
      lost.fill(1, lo, hi);
    }

    if (r.baud !== tx.baud) {
      // The receiver's UART samples at the wrong rate: it sees framing garbage, about as many
      // characters as fit its own byte time into the burst.
      if (lost !== null && lost.every((x) => x === 1)) return;
      const len = Math.max(1, Math.round((endAir - tx.start) / airTimeUs(1, r.baud)));
      const junk = new Uint8Array(len);
      this.rand.fill(junk);
      r.onReceive(junk, d.due);
      return;
    }

    const bytes = tx.bytes.slice(0, n);
    // Collisions: air time shared with another transmission this receiver hears is garbled.
    for (const o of r.heard) {
      if (o === d || o.tx === tx) continue;
      const oEnd = Math.min(o.tx.end, o.cutAt);
      const [lo, hi] = byteRange(tx.start, bt, n, o.tx.start, oEnd);
      for (let i = lo; i < hi; i++) bytes[i] ^= 1 + (this.rand.nextU32() % 255);
    }

    let out = bytes;
    if (lost !== null) {
      let k = 0;
      out = new Uint8Array(n);
      for (let i = 0; i < n; i++) if (lost[i] === 0) out[k++] = bytes[i];
      if (k === 0) return;
      out = out.subarray(0, k);
    }
    this.flipBits(r, out);
    r.onReceive(out, d.due);
  }

  /** Flips each data bit of `buf` with probability bitErrorRate, continuing r's error process. */
  private flipBits(r: Transceiver, buf: Uint8Array): void {
    const p = this.bitErrorRate;
    if (!(p > 0)) return;
    if (r.errorGapRate !== p || r.errorGap < 0) {
      r.errorGapRate = p;
      r.errorGap = this.drawGap(p);
    }
    const nbits = buf.length * 8;
    let pos = r.errorGap;
    while (pos < nbits) {
      buf[pos >>> 3] ^= 1 << (pos & 7);
      pos += 1 + this.drawGap(p);
    }
    r.errorGap = pos - nbits;
  }

  /** Error-free bits before the next error: geometric with success probability p. */
  private drawGap(p: number): number {
    if (p >= 1) return 0;
    return Math.floor(Math.log(this.rand.unitOpenZero()) / Math.log1p(-p));
  }

  /** Forgets deliveries and deaf spans that can no longer overlap anything still to come. */
  private prune(): void {
    let horizon = this.now;
    for (const d of this.pending) horizon = Math.min(horizon, d.tx.start);
    for (const t of this.members) {
      if (t.heard.length > 0) t.heard = t.heard.filter((d) => d.pending || Math.min(d.tx.end, d.cutAt) > horizon);
      if (t.deaf.length > 0) t.deaf = t.deaf.filter((s) => s.until > horizon);
    }
  }
}

/** Index range [lo, hi) of the bytes (byte i in the air during [start + i·bt, start + (i+1)·bt))
 *  that overlap the span [from, to). */
function byteRange(start: number, bt: number, n: number, from: number, to: number): [number, number] {
  if (to <= from) return [0, 0];
  const lo = clamp(Math.floor((from - start) / bt + EPS), 0, n);
  const hi = clamp(Math.ceil((to - start) / bt - EPS), 0, n);
  return [lo, hi];
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function inCone(p: Required<Placement>, bearing: number): boolean {
  let diff = (bearing - p.heading) % (2 * Math.PI);
  if (diff > Math.PI) diff -= 2 * Math.PI;
  if (diff < -Math.PI) diff += 2 * Math.PI;
  return Math.abs(diff) <= p.halfAngle + EPS;
}

function normalise(p: Placement): Required<Placement> {
  for (const k of ["x", "y", "heading"] as const) {
    if (typeof p[k] !== "number" || !Number.isFinite(p[k])) throw new TypeError(`placement.${k} must be a finite number`);
  }
  const range = p.range ?? DEFAULT_RANGE_M;
  const halfAngle = p.halfAngle ?? DEFAULT_HALF_ANGLE;
  if (!(range >= 0) || !(halfAngle >= 0)) throw new TypeError("placement.range and halfAngle must be non-negative");
  return { x: p.x, y: p.y, heading: p.heading, range, halfAngle };
}

function pairKey(a: Transceiver, b: Transceiver): string {
  return a.id < b.id ? `${a.id}:${b.id}` : `${b.id}:${a.id}`;
}
