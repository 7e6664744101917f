// The optical medium in simulated time: byte timing (reference irda-secure-raw-spi.md §2.1: SIR byte
// = 10 bit times, FIR 4 Mbit/s at 8 bits/byte), half duplex, media busy, minimum turnaround,
// range and angle, blocking, collisions, bit errors and baud mismatch.
import { describe, expect, it } from "vitest";
import { OpticalMedium, Transceiver, type Placement } from "../../devices/ir/medium.ts";

interface Rx {
  bytes: Uint8Array;
  at: number;
}

function listen(t: Transceiver): Rx[] {
  const got: Rx[] = [];
  t.onReceive = (bytes, at) => got.push({ bytes: bytes.slice(), at });
  return got;
}

/** A placement at (x, y) pointing at (tx, ty). */
function facing(x: number, y: number, tx: number, ty: number, extra: Partial<Placement> = {}): Placement {
  return { x, y, heading: Math.atan2(ty - y, tx - x), ...extra };
}

/** Two transceivers 0.5 m apart, facing each other. */
function pair(baud = 9600, opts: { seed?: number; bitErrorRate?: number } = {}) {
  const m = new OpticalMedium(opts);
  const a = m.addTransceiver("a", facing(0, 0, 0.5, 0), baud);
  const b = m.addTransceiver("b", facing(0.5, 0, 0, 0), baud);
  return { m, a, b, ra: listen(a), rb: listen(b) };
}

function bytesOf(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function popcountDiff(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    let v = a[i] ^ b[i];
    while (v !== 0) {
      v &= v - 1;
      n++;
    }
  }
  return n;
}

describe("byte timing", () => {
  // SIR: a byte is 10 bit times (start, 8 data, stop); FIR 4 Mbit/s: 8 bit times.
  const cases: Array<[number, number]> = [
    [2400, 10], [9600, 10], [19200, 10], [38400, 10], [57600, 10], [115200, 10], [4_000_000, 8],
  ];
  for (const [baud, bits] of cases) {
    it(`a frame of n bytes at ${baud} arrives at start + n×${bits}/${baud} s`, () => {
      const { m, a, b, ra, rb } = pair(baud);
      const frame = bytesOf(37);
      const start = 1234;
      const expected = start + (37 * bits * 1e6) / baud;
      const end = a.transmit(frame, start);
      expect(end).toBeCloseTo(expected, 6);
      expect(m.nextEventAt()).toBeCloseTo(expected, 6);
      m.advance(expected - 0.001);
      expect(rb).toHaveLength(0);
      m.advance(expected);
      expect(rb).toHaveLength(1);
      expect(rb[0].bytes).toEqual(frame);
      expect(rb[0].at).toBeCloseTo(expected, 6);
      expect(ra).toHaveLength(0); // no self-hearing
      expect(m.nextEventAt()).toBe(Infinity);
      void b;
    });
  }

  it("a second transmit queues behind the first and arrives in order", () => {
    const { m, a, rb } = pair(9600);
    const bt = 1e7 / 9600;
    const e1 = a.transmit(bytesOf(10, 1), 0);
    const e2 = a.transmit(bytesOf(5, 2), 0);
    expect(e1).toBeCloseTo(10 * bt, 6);
    expect(e2).toBeCloseTo(15 * bt, 6);
    m.advance(1e9);
    expect(rb.map((r) => r.bytes)).toEqual([bytesOf(10, 1), bytesOf(5, 2)]);
    expect(rb[1].at).toBeCloseTo(15 * bt, 6);
  });

  it("runs a 9600 bit/s exchange at least 100× faster than real time", () => {
    const { m, a, b, ra, rb } = pair(9600);
    const frame = bytesOf(64);
    let now = 0;
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) {
      (i % 2 === 0 ? a : b).transmit(frame, now);
      now = m.nextEventAt();
      m.advance(now);
    }
    const wallMs = performance.now() - t0;
    expect(ra.length + rb.length).toBe(2000);
    const simulatedMs = now / 1000; // 2000 × 64 bytes at 9600 ≈ 133 s
    expect(simulatedMs / wallMs).toBeGreaterThan(100);
  });
});

describe("half duplex, media busy, turnaround", () => {
  const bt = 1e7 / 9600;

  it("a transceiver hears nothing while it transmits", () => {
    const { m, a, b, ra, rb } = pair(9600);
    const fa = bytesOf(10, 1);
    const fb = bytesOf(10, 2);
    a.transmit(fa, 0);
    b.transmit(fb, 5 * bt); // b did not sense a: both are now sending
    m.advance(1e9);
    // b's bytes 0..4 overlap a's own transmission: a gets only 5..9
    expect(ra).toHaveLength(1);
    expect(ra[0].bytes).toEqual(fb.subarray(5));
    // a's bytes 5..9 arrive while b transmits: b gets only 0..4
    expect(rb).toHaveLength(1);
    expect(rb[0].bytes).toEqual(fa.subarray(0, 5));
  });

  it("media busy while someone in view transmits, not for its own transmission or out of view", () => {
    const m = new OpticalMedium();
    const a = m.addTransceiver("a", facing(0, 0, 0.5, 0));
    const b = m.addTransceiver("b", facing(0.5, 0, 0, 0));
    const c = m.addTransceiver("c", facing(0, 3, 0, 4)); // far away, looking elsewhere
    a.transmit(bytesOf(10), 1000);
    expect(b.mediaBusy(999)).toBe(false);
    expect(b.mediaBusy(1000)).toBe(true);
    expect(b.mediaBusy(1000 + 5 * bt)).toBe(true);
    expect(b.mediaBusy(1000 + 10 * bt)).toBe(false);
    expect(a.mediaBusy(1000 + 5 * bt)).toBe(false);
    expect(c.mediaBusy(1000 + 5 * bt)).toBe(false);
  });

  it("a receiver is deaf for minTurnaroundUs after its own transmission ends", () => {
    const { m, a, b, ra } = pair(9600);
    a.minTurnaroundUs = 10_000; // 10 ms = 9.6 byte times at 9600
    const end = a.transmit(bytesOf(10, 1), 0);
    const fb = bytesOf(20, 2);
    b.transmit(fb, end); // b answers at once, ignoring a's turnaround
    m.advance(1e9);
    // b's bytes 0..9 end before end + 10 ms (byte 9 ends at 10 bt > 9.6 bt): lost
    expect(ra).toHaveLength(1);
    expect(ra[0].bytes).toEqual(fb.subarray(10));

    const later = b.transmit(fb, end + 1e6);
    m.advance(later);
    expect(ra[1].bytes).toEqual(fb);

    // exactly at the turnaround boundary everything arrives
    const end2 = a.transmit(bytesOf(3), later + 1e5);
    b.transmit(fb, end2 + 10_000);
    m.advance(1e12);
    expect(ra[2].bytes).toEqual(fb);
  });
});

describe("range, angle, several devices", () => {
  function heardBy(m: OpticalMedium, from: Transceiver, ts: Transceiver[]): string[] {
    const got: string[] = [];
    for (const t of ts) t.onReceive = () => got.push(t.name);
    from.transmit(bytesOf(4), 0);
    m.advance(1e9);
    return got.sort();
  }

  it("two devices facing each other within 1 m are in view both ways", () => {
    const m = new OpticalMedium();
    const a = m.addTransceiver("a", facing(0, 0, 0.9, 0));
    const b = m.addTransceiver("b", facing(0.9, 0, 0, 0));
    expect(m.inView(a, b)).toBe(true);
    expect(heardBy(m, a, [a, b])).toEqual(["b"]);
    expect(heardBy(m, b, [a, b])).toEqual(["a"]);
  });

  it("out of range: beyond 1 m by default, and beyond the shorter range of the two", () => {
    const m = new OpticalMedium();
    const a = m.addTransceiver("a", facing(0, 0, 1.1, 0));
    const b = m.addTransceiver("b", facing(1.1, 0, 0, 0));
    expect(m.inView(a, b)).toBe(false);
    expect(heardBy(m, a, [b])).toEqual([]);
    m.move(a, facing(0, 0, 1.1, 0, { range: 2 }));
    expect(m.inView(a, b)).toBe(false); // b still reaches 1 m only
    m.move(b, facing(1.1, 0, 0, 0, { range: 2 }));
    expect(m.inView(a, b)).toBe(true);
    expect(heardBy(m, a, [b])).toEqual(["b"]);
  });

  it("outside the cone: both ends must lie within each other's half-angle (default 15°)", () => {
    const m = new OpticalMedium();
    const a = m.addTransceiver("a", { x: 0, y: 0, heading: 0 });
    // b at 20° off a's axis, pointing straight at a: inside b's cone, outside a's
    const b20 = { x: 0.5 * Math.cos((20 * Math.PI) / 180), y: 0.5 * Math.sin((20 * Math.PI) / 180) };
    const b = m.addTransceiver("b", facing(b20.x, b20.y, 0, 0));
    expect(m.inView(a, b)).toBe(false);
    expect(heardBy(m, b, [a])).toEqual([]);
    // at 14° it is inside
    const b14 = { x: 0.5 * Math.cos((14 * Math.PI) / 180), y: 0.5 * Math.sin((14 * Math.PI) / 180) };
    m.move(b, facing(b14.x, b14.y, 0, 0));
    expect(m.inView(a, b)).toBe(true);
    // on a's axis but b looks 30° away from a
    m.move(b, { x: 0.5, y: 0, heading: Math.PI + (30 * Math.PI) / 180 });
    expect(m.inView(a, b)).toBe(false);
    expect(heardBy(m, a, [b])).toEqual([]);
    // a wider cone on b accepts it
    m.move(b, { x: 0.5, y: 0, heading: Math.PI + (30 * Math.PI) / 180, halfAngle: (35 * Math.PI) / 180 });
    expect(m.inView(a, b)).toBe(true);
  });

  it("three devices where only two see each other", () => {
    const m = new OpticalMedium();
    const a = m.addTransceiver("a", facing(0, 0, 0.6, 0));
    const b = m.addTransceiver("b", facing(0.6, 0, 0, 0));
    const c = m.addTransceiver("c", facing(0.3, 0.6, 0, 0)); // points at a, but a looks at b
    expect(heardBy(m, a, [a, b, c])).toEqual(["b"]);
    expect(heardBy(m, b, [a, b, c])).toEqual(["a"]);
    expect(heardBy(m, c, [a, b, c])).toEqual([]);
  });

  it("several devices in view at once all hear a transmission", () => {
    const m = new OpticalMedium();
    const wide = { halfAngle: (40 * Math.PI) / 180 };
    const a = m.addTransceiver("a", facing(0, 0, 1, 0, wide));
    const b = m.addTransceiver("b", facing(0.6, 0.2, 0, 0));
    const c = m.addTransceiver("c", facing(0.6, -0.2, 0, 0));
    const d = m.addTransceiver("d", facing(0.7, 0, 0, 0));
    expect(heardBy(m, a, [a, b, c, d])).toEqual(["b", "c", "d"]);
  });
});

describe("blocking", () => {
  const bt = 1e7 / 9600;

  it("a blocked beam carries nothing; unblocked it carries again", () => {
    const { m, a, b, rb } = pair();
    m.setBlocked(a, b, true);
    expect(m.isBlocked(b, a)).toBe(true);
    a.transmit(bytesOf(8), 0);
    expect(b.mediaBusy(bt)).toBe(false);
    m.advance(1e9);
    expect(rb).toHaveLength(0);
    m.setBlocked(b, a, false);
    const end = a.transmit(bytesOf(8), 2e9);
    m.advance(end);
    expect(rb).toHaveLength(1);
    expect(rb[0].bytes).toEqual(bytesOf(8));
  });

  it("blocking in mid-frame cuts the frame at that moment", () => {
    const { m, a, b, rb } = pair();
    const f = bytesOf(100);
    a.transmit(f, 0);
    m.advance(30.5 * bt);
    expect(b.mediaBusy(30.5 * bt)).toBe(true);
    m.setBlocked(a, b, true);
    expect(b.mediaBusy(30.5 * bt)).toBe(false);
    expect(m.nextEventAt()).toBeCloseTo(30.5 * bt, 6);
    m.advance(31 * bt);
    expect(rb).toHaveLength(1);
    expect(rb[0].bytes).toEqual(f.subarray(0, 30));
    expect(m.nextEventAt()).toBe(Infinity);
  });

  it("moving out of view in mid-frame cuts it the same way", () => {
    const { m, a, b, rb } = pair();
    const f = bytesOf(50);
    a.transmit(f, 0);
    m.advance(10 * bt);
    m.move(b, facing(5, 0, 0, 0));
    m.advance(1e9);
    expect(rb[0].bytes).toEqual(f.subarray(0, 10));
  });
});

describe("collisions", () => {
  it("frames that overlap in time at a receiver are garbled for the overlapped part", () => {
    // a and c both face b but not each other (hidden terminals)
    const m = new OpticalMedium({ seed: 3 });
    const wide = { halfAngle: (40 * Math.PI) / 180 };
    const a = m.addTransceiver("a", facing(0, 0.3, 0.5, 0));
    const c = m.addTransceiver("c", facing(0, -0.3, 0.5, 0));
    const b = m.addTransceiver("b", facing(0.5, 0, 0, 0, wide));
    expect(m.inView(a, c)).toBe(false);
    const rb = listen(b);
    const bt = 1e7 / 9600;
    const fa = bytesOf(10, 1);
    const fc = bytesOf(10, 2);
    a.transmit(fa, 0);
    c.transmit(fc, 5 * bt);
    m.advance(1e9);
    expect(rb).toHaveLength(2);
    const [ga, gc] = rb.map((r) => r.bytes);
    expect(ga.subarray(0, 5)).toEqual(fa.subarray(0, 5));
    for (let i = 5; i < 10; i++) expect(ga[i]).not.toBe(fa[i]);
    for (let i = 0; i < 5; i++) expect(gc[i]).not.toBe(fc[i]);
    expect(gc.subarray(5)).toEqual(fc.subarray(5));
    expect(rb[0].at).toBeCloseTo(10 * bt, 6);
    expect(rb[1].at).toBeCloseTo(15 * bt, 6);
  });

  it("back-to-back frames that only touch do not collide", () => {
    const m = new OpticalMedium();
    const wide = { halfAngle: (40 * Math.PI) / 180 };
    const a = m.addTransceiver("a", facing(0, 0.3, 0.5, 0));
    const c = m.addTransceiver("c", facing(0, -0.3, 0.5, 0));
    const b = m.addTransceiver("b", facing(0.5, 0, 0, 0, wide));
    const rb = listen(b);
    const end = a.transmit(bytesOf(10, 1), 0);
    c.transmit(bytesOf(10, 2), end);
    m.advance(1e9);
    expect(rb.map((r) => r.bytes)).toEqual([bytesOf(10, 1), bytesOf(10, 2)]);
  });
});

describe("bit errors", () => {
  // 4 Mbit/s so that megabytes take little simulated time; the error process is per data bit.
  function run(rate: number, seed: number, chunks: number, size: number): { flips: number; bits: number; first: Uint8Array } {
    const { m, a, rb } = pair(4_000_000, { seed, bitErrorRate: rate });
    let flips = 0;
    let first: Uint8Array = new Uint8Array(0);
    let now = 0;
    for (let i = 0; i < chunks; i++) {
      const f = bytesOf(size, i + 1);
      now = a.transmit(f, now);
      m.advance(now);
      const got = rb.pop()!.bytes;
      expect(got.length).toBe(size);
      flips += popcountDiff(f, got);
      if (i === 0) first = got;
    }
    return { flips, bits: chunks * size * 8, first };
  }

  it("1e-3: the flip count matches the rate within 5% (≈ 4.6 σ) and is reproducible by seed", () => {
    const r1 = run(1e-3, 11, 8, 131072); // 1 MiB
    const expected = r1.bits * 1e-3; // 8389
    expect(Math.abs(r1.flips - expected)).toBeLessThan(0.05 * expected);
    const r2 = run(1e-3, 11, 8, 131072);
    expect(r2.flips).toBe(r1.flips);
    expect(r2.first).toEqual(r1.first);
    const r3 = run(1e-3, 12, 8, 131072);
    expect(r3.first).not.toEqual(r1.first);
  });

  it("1e-5: the flip count matches the rate within 4 σ over 16 MiB", () => {
    const r = run(1e-5, 5, 16, 1 << 20);
    const expected = r.bits * 1e-5; // 1342
    expect(Math.abs(r.flips - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it("no errors at rate 0, and the rate can be changed between frames", () => {
    const { m, a, rb } = pair(115200, { seed: 1 });
    const f = bytesOf(4096);
    m.advance(a.transmit(f, 0));
    expect(rb[0].bytes).toEqual(f);
    m.bitErrorRate = 1e-2;
    m.advance(a.transmit(f, 1e9));
    const flips = popcountDiff(f, rb[1].bytes);
    expect(flips).toBeGreaterThan(150); // 327 expected
    expect(flips).toBeLessThan(520);
  });
});

describe("bookkeeping and bad input", () => {
  it("a transceiver that transmits into the void for a long time keeps bounded state", () => {
    const m = new OpticalMedium();
    const a = m.addTransceiver("a", { x: 0, y: 0, heading: 0 });
    let now = 0;
    for (let i = 0; i < 10_000; i++) now = a.transmit(new Uint8Array(16), now + 1000);
    m.advance(now);
    expect(a.deaf.length).toBeLessThanOrEqual(66);
  });

  it("rejects bad rates, placements and arguments with clear errors", () => {
    const m = new OpticalMedium();
    expect(() => (m.bitErrorRate = 2)).toThrow(RangeError);
    expect(() => (m.bitErrorRate = NaN)).toThrow(RangeError);
    expect(() => new OpticalMedium({ bitErrorRate: -1 })).toThrow(RangeError);
    expect(() => m.addTransceiver("x", { x: 0, y: 0, heading: 0 }, 0)).toThrow(TypeError);
    expect(() => m.addTransceiver("x", { x: NaN, y: 0, heading: 0 })).toThrow(TypeError);
    expect(() => m.addTransceiver("x", { x: 0, y: 0, heading: 0, range: -1 })).toThrow(TypeError);
    const a = m.addTransceiver("a", { x: 0, y: 0, heading: 0 });
    expect(() => a.transmit([1, 2] as unknown as Uint8Array, 0)).toThrow(TypeError);
    expect(() => a.transmit(new Uint8Array(1), NaN)).toThrow(TypeError);
    expect(a.transmit(new Uint8Array(0), 5)).toBe(5);
    expect(m.nextEventAt()).toBe(Infinity);
  });
});

describe("baud mismatch", () => {
  it("a receiver at another rate gets garbage, not the bytes; at the same rate again it gets them", () => {
    const { m, a, b, rb } = pair(9600, { seed: 9 });
    b.baud = 115200;
    const f = bytesOf(40);
    const end = a.transmit(f, 0);
    m.advance(end);
    expect(rb).toHaveLength(1);
    // its UART sees about (air time / its own byte time) characters: 40 × 12
    expect(rb[0].bytes.length).toBe(480);
    expect(rb[0].bytes.subarray(0, 40)).not.toEqual(f);
    b.baud = 9600;
    m.advance(a.transmit(f, end + 1e6));
    expect(rb[1].bytes).toEqual(f);
  });
});
