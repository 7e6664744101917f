// Drives endpoints (IrdaStation cores, or anything with receive/takeTx/poll/pollAt/baud) over an
// OpticalMedium in simulated time: step straight to the next event (a delivery or an endpoint's
// pollAt), deliver, poll every endpoint, hand its frames to its transceiver. No clock, no timers:
// a 3 s link-disconnect threshold costs a few steps.

import type { LinkEndpoint } from "../endpoint.ts";
import type { OpticalMedium, Placement, Transceiver } from "./medium.ts";

/** The endpoint contract (devices/endpoint.ts), under the name the simulation's users know. */
export type IrEndpoint = LinkEndpoint;

export interface Attached {
  endpoint: IrEndpoint;
  transceiver: Transceiver;
}

export class IrSimulation {
  readonly medium: OpticalMedium;
  /** current simulated time, µs */
  now: number;
  private readonly nodes: Attached[] = [];

  constructor(medium: OpticalMedium, start = 0) {
    this.medium = medium;
    this.now = start;
  }

  /** Wires an endpoint to a new transceiver at `place`. */
  add(name: string, endpoint: IrEndpoint, place: Placement): Attached {
    const transceiver = this.medium.addTransceiver(name, place, endpoint.baud);
    return this.attach(endpoint, transceiver);
  }

  /** Wires an endpoint to an existing transceiver. */
  attach(endpoint: IrEndpoint, transceiver: Transceiver): Attached {
    transceiver.onReceive = (bytes, at) => endpoint.receive(bytes, at);
    endpoint.mediaBusy = (now) => transceiver.mediaBusy(now);
    this.sync(endpoint, transceiver);
    const a = { endpoint, transceiver };
    this.nodes.push(a);
    return a;
  }

  /** The time of the next thing that happens; Infinity if nothing will. */
  nextAt(): number {
    let t = this.medium.nextEventAt();
    for (const n of this.nodes) t = Math.min(t, n.endpoint.pollAt(this.now));
    return Math.max(t, this.now);
  }

  /** Advances to `t` (≥ now): deliveries due by then, then one poll round at `t`. The rate an
   *  endpoint reports when it hands a frame over is the rate that frame is sent at (an IrLAP core
   *  switches only once the bytes sent at the old rate have left). */
  stepTo(t: number): void {
    if (t < this.now) t = this.now;
    this.now = t;
    this.medium.advance(t);
    for (const n of this.nodes) {
      const { endpoint, transceiver } = n;
      this.sync(endpoint, transceiver);
      endpoint.poll(t);
      for (let tx = endpoint.takeTx(t); tx !== null; tx = endpoint.takeTx(t)) {
        this.sync(endpoint, transceiver);
        if (tx.length > 0) transceiver.transmit(tx, t);
      }
      this.sync(endpoint, transceiver);
    }
  }

  /** One step to the next event, but not past `limit`. Returns false when nothing is left before it. */
  step(limit = Infinity): boolean {
    const t = this.nextAt();
    if (t > limit) {
      if (Number.isFinite(limit)) this.stepTo(limit);
      return false;
    }
    this.stepTo(t);
    return true;
  }

  /** Runs until `until` µs, or until `done()` holds (checked after each step); at most `maxSteps`
   *  steps. Returns whether `done` held (true as well when only the time ran out and no `done` given). */
  run(until: number, done?: () => boolean, maxSteps = 10_000_000): boolean {
    for (let i = 0; i < maxSteps; i++) {
      if (done?.()) return true;
      if (!this.step(until)) return done ? done() : true;
    }
    throw new Error(`IrSimulation.run: more than ${maxSteps} steps before ${until} µs`);
  }

  private sync(endpoint: IrEndpoint, transceiver: Transceiver): void {
    if (transceiver.baud !== endpoint.baud) transceiver.baud = endpoint.baud;
    const tat = endpoint.minTurnaroundUs;
    if (typeof tat === "number" && transceiver.minTurnaroundUs !== tat) transceiver.minTurnaroundUs = tat;
  }
}
