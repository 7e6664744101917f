// Endpoints driven over the optical medium in simulated time (the way IrLAP station cores are wired):
// exact timing of a ping-pong exchange, turnaround, rate changes, and speed ≥ 100× real time at 9600.
import { describe, expect, it } from "vitest";
import { OpticalMedium, airTimeUs } from "../../devices/ir/medium.ts";
import { IrSimulation, type IrEndpoint } from "../../devices/ir/sim.ts";

/** Answers every chunk it receives with the same bytes, `turnaroundUs` after the chunk arrived. */
class Echo implements IrEndpoint {
  baud: number;
  minTurnaroundUs: number;
  mediaBusy?: (now: number) => boolean;
  got: Array<{ bytes: Uint8Array; at: number }> = [];
  busySeen = false;
  private due: Array<{ at: number; bytes: Uint8Array }> = [];
  constructor(baud: number, turnaroundUs: number, readonly echo = true) {
    this.baud = baud;
    this.minTurnaroundUs = turnaroundUs;
  }
  receive(bytes: Uint8Array, now: number): void {
    this.got.push({ bytes: bytes.slice(), at: now });
    if (this.echo) this.due.push({ at: now + this.minTurnaroundUs, bytes: bytes.slice() });
  }
  queue(bytes: Uint8Array, at: number): void {
    this.due.push({ at, bytes });
  }
  poll(now: number): void {
    if (this.mediaBusy?.(now)) this.busySeen = true;
  }
  takeTx(now: number): Uint8Array | null {
    if (this.due.length > 0 && this.due[0].at <= now) return this.due.shift()!.bytes;
    return null;
  }
  pollAt(): number {
    return this.due.length > 0 ? this.due[0].at : Infinity;
  }
}

function setup(baud: number, tat: number) {
  const sim = new IrSimulation(new OpticalMedium());
  const a = new Echo(baud, tat, false);
  const b = new Echo(baud, tat, true);
  sim.add("a", a, { x: 0, y: 0, heading: 0 });
  sim.add("b", b, { x: 0.5, y: 0, heading: Math.PI });
  return { sim, a, b };
}

describe("IrSimulation", () => {
  it("a ping-pong exchange has exact times: n byte times each way plus the turnaround", () => {
    const { sim, a, b } = setup(9600, 1000);
    const frame = new Uint8Array(100).fill(0x5a);
    a.queue(frame, 0);
    sim.run(1e9, () => a.got.length === 1);
    const bt = airTimeUs(1, 9600);
    expect(b.got[0].at).toBeCloseTo(100 * bt, 6);
    expect(a.got[0].at).toBeCloseTo(200 * bt + 1000, 6);
    expect(a.got[0].bytes).toEqual(frame);
  });

  it("the transceivers follow the endpoints' rate; a one-sided change gives garbage", () => {
    const { sim, a, b } = setup(9600, 0);
    const frame = Uint8Array.from({ length: 64 }, (_, i) => i);
    a.baud = 115200;
    a.queue(frame, 0);
    sim.run(1e9, () => b.got.length === 1);
    expect(b.got[0].bytes).not.toEqual(frame); // b still listens at 9600
    sim.run(sim.now + 1e6); // b's echo of the garbage goes by
    b.baud = 115200;
    const n = a.got.length;
    a.queue(frame, sim.now + 1000);
    sim.run(1e12, () => a.got.length === n + 1);
    expect(b.got.at(-1)!.bytes).toEqual(frame);
    expect(a.got.at(-1)!.bytes).toEqual(frame);
  });

  it("runs 9600 bit/s ping-pong at least 100× faster than real time, and senses media busy", () => {
    const { sim, a, b } = setup(9600, 500);
    const frame = new Uint8Array(64).fill(1);
    let rounds = 0;
    const t0 = performance.now();
    a.queue(frame, 0);
    sim.run(Infinity, () => {
      if (a.got.length > rounds) {
        rounds = a.got.length;
        if (rounds < 1000) a.queue(frame, sim.now + 500);
      }
      return rounds >= 1000;
    });
    const wallMs = performance.now() - t0;
    // 1000 round trips × (2 × 64 byte times + 2 × 0.5 ms) at 9600
    const expected = 1000 * (2 * airTimeUs(64, 9600) + 1000) - 500; // the first ping leaves at 0
    expect(sim.now).toBeCloseTo(expected, 3);
    expect(sim.now / 1000 / wallMs).toBeGreaterThan(100);
    void b;
  });

  it("an endpoint polled while the peer transmits senses media busy", () => {
    const { sim, a, b } = setup(9600, 0);
    a.queue(new Uint8Array(50), 0);
    sim.stepTo(0);
    sim.stepTo(airTimeUs(10, 9600)); // b is polled in mid-frame
    expect(b.busySeen).toBe(true);
    expect(a.busySeen).toBe(false);
  });
});
