// Simulated-time wiring for IrLAP stations: a small back-to-back medium (used until/unless the
// devices engineer's OpticalMedium is available) and the driver loop that steps a virtual clock to
// min(station.pollAt, medium.nextEventAt). No per-byte JS work: frames move as whole chunks.
import { IrdaStation } from "../../host/node/irda-station.ts";

export interface MediumLike {
  nextEventAt(): number;
  advance(now: number): void;
}
export interface TransceiverLike {
  baud: number;
  minTurnaroundUs: number;
  transmit(bytes: Uint8Array, now: number): number;
  mediaBusy(now: number): boolean;
  onReceive: (bytes: Uint8Array, at: number) => void;
}

/** A seeded xorshift for the pipe's bit errors (tests own their randomness). */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 2 ** 32; };
}

class PipeEnd implements TransceiverLike {
  baud = 9600;
  minTurnaroundUs = 0;
  txUntil = 0;
  onReceive: (bytes: Uint8Array, at: number) => void = () => {};
  constructor(private pipe: Pipe, readonly name: string) {}
  transmit(bytes: Uint8Array, now: number): number {
    const start = Math.max(now, this.txUntil);
    const bits = this.baud > 115200 ? 8 : 10;
    const end = start + (bytes.length * bits * 1e6) / this.baud;
    this.txUntil = end;
    this.pipe.send(this, bytes, start, end);
    return end;
  }
  mediaBusy(now: number): boolean { return this.pipe.ends.some((e) => e !== this && e.txUntil > now && !this.pipe.blocked); }
}

/** Stations wired back to back: every end hears every other end (unless blocked). */
export class Pipe implements MediumLike {
  ends: PipeEnd[] = [];
  queue: { at: number; to: PipeEnd; bytes: Uint8Array; baud: number; start: number }[] = [];
  blocked = false;
  bitErrorRate = 0;
  private rnd: () => number;
  constructor(seed = 1) { this.rnd = xorshift(seed); }
  add(name: string): TransceiverLike { const e = new PipeEnd(this, name); this.ends.push(e); return e; }
  send(from: PipeEnd, bytes: Uint8Array, start: number, end: number): void {
    if (this.blocked) return;
    for (const to of this.ends) {
      if (to === from) continue;
      let b = bytes;
      if (this.bitErrorRate > 0) {
        b = bytes.slice();
        // geometric gaps between flipped bits
        const bits = b.length * 8;
        let i = Math.floor(Math.log(1 - this.rnd()) / Math.log(1 - this.bitErrorRate));
        while (i < bits) { b[i >> 3] ^= 1 << (i & 7); i += 1 + Math.floor(Math.log(1 - this.rnd()) / Math.log(1 - this.bitErrorRate)); }
      }
      this.queue.push({ at: end, to, bytes: b, baud: from.baud, start });
    }
    this.queue.sort((a, b) => a.at - b.at);
  }
  nextEventAt(): number { return this.queue.length ? this.queue[0].at : Infinity; }
  advance(now: number): void {
    while (this.queue.length && this.queue[0].at <= now) {
      const d = this.queue.shift()!;
      if (d.to.baud !== d.baud) continue; // baud mismatch: garbage (dropped here)
      if (d.to.txUntil > d.start) continue; // half duplex: it was transmitting meanwhile
      d.to.onReceive(d.bytes, d.at);
    }
  }
}

export interface Node { station: IrdaStation; xcvr: TransceiverLike }

/** Wires a station to a transceiver: received bytes in, baud changes and media-busy sense. */
export function wire(station: IrdaStation, xcvr: TransceiverLike): Node {
  xcvr.baud = station.baud;
  xcvr.minTurnaroundUs = station.minTurnaroundUs;
  xcvr.onReceive = (bytes, at) => { if (bytes.length) station.receive(bytes, at); };
  station.mediaBusy = (now) => xcvr.mediaBusy(now);
  station.onBaudChange = (b) => { xcvr.baud = b; };
  return { station, xcvr };
}

/**
 * Runs the simulation until `done()` or simulated time `limit` (µs). Returns the final time.
 * Bounded: at most `maxSteps` steps.
 */
export function run(medium: MediumLike, nodes: Node[], t0: number, limit: number, done: () => boolean = () => false,
                    maxSteps = 50_000_000): number {
  let t = t0;
  for (let steps = 0; steps < maxSteps; steps++) {
    for (const n of nodes) {
      const tx = n.station.takeTx(t);
      if (tx) n.xcvr.transmit(tx, t);
      n.xcvr.baud = n.station.baud;
    }
    if (done()) return t;
    let next = medium.nextEventAt();
    for (const n of nodes) next = Math.min(next, n.station.pollAt(t));
    if (next > limit) return limit;
    if (next < t) next = t;
    t = next;
    medium.advance(t);
    for (const n of nodes) if (n.station.pollAt(t) <= t) n.station.poll(t);
  }
  throw new Error(`simulation did not settle within ${maxSteps} steps (t=${t})`);
}
