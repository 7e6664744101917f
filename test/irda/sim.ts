// Simulated-time wiring for IrLAP stations over any medium with nextEventAt/advance (the devices
// engineer's OpticalMedium): the driver loop steps a virtual clock to min(station.pollAt,
// medium.nextEventAt). No per-byte JS work: frames move as whole chunks.
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
