// The medium's interval arithmetic checked against a naive byte-by-byte reference model on random
// schedules (fast-check): which bytes each receiver loses to its own transmissions and turnaround,
// which are garbled by overlapping transmissions, and in which order and at what times chunks arrive.
// Rates with whole-µs byte times (4 Mbit/s: 2 µs; 100 kbit/s SIR: 100 µs) keep the reference exact.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OpticalMedium, airTimeUs, type Transceiver } from "../../devices/ir/medium.ts";

interface Ev {
  at: number;
  who: number;
  len: number;
}

interface Sent {
  who: number;
  start: number;
  end: number;
  deafUntil: number;
  bytes: Uint8Array;
  seq: number;
}

const N = 4;
// a, b, c face the middle of a circle and see each other; d is placed so it sees only a
// (both ends must be in each other's cone)
const PLACES = [
  { x: 0, y: 0, heading: 0, halfAngle: Math.PI / 3 },
  { x: 0.5, y: 0.15, heading: Math.PI - 0.3, halfAngle: Math.PI / 3 },
  { x: 0.5, y: -0.15, heading: Math.PI + 0.3, halfAngle: Math.PI / 3 },
  { x: 0.3, y: -0.5, heading: Math.atan2(0.5, -0.3), halfAngle: 0.1 }, // narrow, pointing at a
];

function runModel(baud: number, tats: number[], evs: Ev[]) {
  const m = new OpticalMedium({ seed: 5 });
  const ts: Transceiver[] = PLACES.map((p, i) => m.addTransceiver(String(i), p, baud));
  const got: Array<Array<{ bytes: Uint8Array; at: number }>> = ts.map(() => []);
  ts.forEach((t, i) => {
    t.minTurnaroundUs = tats[i];
    t.onReceive = (bytes, at) => got[i].push({ bytes: bytes.slice(), at });
  });
  const sent: Sent[] = [];
  const busy = new Array(N).fill(-Infinity);
  let seq = 0;
  for (const e of evs) {
    m.advance(e.at);
    const bytes = new Uint8Array(e.len);
    for (let k = 0; k < e.len; k++) bytes[k] = (seq * 31 + k * 7 + 1) & 0xff;
    const start = Math.max(e.at, busy[e.who]);
    const end = ts[e.who].transmit(bytes, e.at);
    busy[e.who] = end;
    sent.push({ who: e.who, start, end, deafUntil: end + tats[e.who], bytes, seq: seq++ });
  }
  m.advance(Infinity);
  return { m, ts, got, sent };
}

function reference(baud: number, ts: Transceiver[], m: OpticalMedium, sent: Sent[]) {
  const bt = airTimeUs(1, baud);
  const overl = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;
  return ts.map((_, r) => {
    const heard = sent.filter((s) => s.who !== r && m.inView(ts[s.who], ts[r]));
    const own = sent.filter((s) => s.who === r);
    const out: Array<{ kept: number[]; garbled: boolean[]; at: number; src: Sent }> = [];
    for (const s of [...heard].sort((x, y) => x.end - y.end || x.seq - y.seq)) {
      const kept: number[] = [];
      const garbled: boolean[] = [];
      for (let i = 0; i < s.bytes.length; i++) {
        const b0 = s.start + i * bt;
        const b1 = b0 + bt;
        if (own.some((o) => overl(b0, b1, o.start, o.deafUntil))) continue;
        kept.push(i);
        garbled.push(heard.some((o) => o !== s && overl(b0, b1, o.start, o.end)));
      }
      if (kept.length > 0) out.push({ kept, garbled, at: s.end, src: s });
    }
    return out;
  });
}

const schedule = fc.array(
  fc.record({ at: fc.integer({ min: 0, max: 4000 }), who: fc.integer({ min: 0, max: N - 1 }), len: fc.integer({ min: 1, max: 40 }) }),
  { minLength: 1, maxLength: 25 },
).map((evs) => evs.sort((a, b) => a.at - b.at));

describe("medium vs a byte-by-byte reference", () => {
  for (const [baud, scale] of [[4_000_000, 1], [100_000, 50]] as const) {
    it(`random schedules at ${baud} bit/s: losses, collisions, order and times match`, () => {
      fc.assert(
        fc.property(schedule, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: N, maxLength: N }), (evs0, tatSteps) => {
          const evs = evs0.map((e) => ({ ...e, at: e.at * scale }));
          const tats = tatSteps.map((k) => k * 5 * scale);
          const { m, ts, got, sent } = runModel(baud, tats, evs);
          const ref = reference(baud, ts, m, sent);
          for (let r = 0; r < N; r++) {
            expect(got[r].length).toBe(ref[r].length);
            ref[r].forEach((exp, j) => {
              const g = got[r][j];
              expect(g.at).toBe(exp.at);
              expect(g.bytes.length).toBe(exp.kept.length);
              exp.kept.forEach((i, k) => {
                if (exp.garbled[k]) expect(g.bytes[k]).not.toBe(exp.src.bytes[i]);
                else expect(g.bytes[k]).toBe(exp.src.bytes[i]);
              });
            });
          }
          // d sees only a
          expect(m.inView(ts[3], ts[0])).toBe(true);
          expect(m.inView(ts[3], ts[1]) || m.inView(ts[3], ts[2])).toBe(false);
        }),
        { numRuns: 300, seed: 20261122 },
      );
    });
  }
});

// With the beam between pairs blocked and cleared during the schedule: a transmission reaches only
// the receivers in view when it starts, and one cut in mid-air delivers, at the time of the cut,
// the bytes that had fully arrived by then.
type Op = { at: number; kind: "tx"; who: number; len: number } | { at: number; kind: "block" | "clear"; a: number; b: number };

const ops = fc.array(
  fc.oneof(
    fc.record({ at: fc.integer({ min: 0, max: 4000 }), kind: fc.constant("tx" as const), who: fc.integer({ min: 0, max: N - 1 }), len: fc.integer({ min: 1, max: 60 }) }),
    fc.record({ at: fc.integer({ min: 0, max: 4000 }), kind: fc.constantFrom("block" as const, "clear" as const), a: fc.integer({ min: 0, max: N - 1 }), b: fc.integer({ min: 0, max: N - 1 }) }),
  ),
  { minLength: 1, maxLength: 30 },
).map((xs) => xs.filter((x) => x.kind === "tx" || x.a !== x.b).sort((x, y) => x.at - y.at));

/** Geometry alone (no blocking): who is in view of whom, from a medium nobody blocks. */
const GEO: boolean[][] = (() => {
  const g = new OpticalMedium();
  const ts = PLACES.map((p, i) => g.addTransceiver(String(i), p));
  return ts.map((a) => ts.map((b) => g.inView(a, b)));
})();

describe("medium vs the reference, with blocking", () => {
  it("random schedules at 4 Mbit/s with the beam blocked and cleared in mid-air", () => {
    const baud = 4_000_000;
    const bt = airTimeUs(1, baud);
    fc.assert(
      fc.property(ops, (list: Op[]) => {
        const m = new OpticalMedium({ seed: 8 });
        const ts = PLACES.map((p, i) => m.addTransceiver(String(i), p, baud));
        const got: Array<Array<{ bytes: Uint8Array; at: number }>> = ts.map(() => []);
        ts.forEach((t, i) => (t.onReceive = (bytes, at) => got[i].push({ bytes: bytes.slice(), at })));
        // reference state
        const blocked = new Set<string>();
        const key = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
        const geo = (a: number, b: number) => GEO[a][b];
        interface RefTx { who: number; start: number; end: number; bytes: Uint8Array; idx: number; rx: Map<number, number> } // rx: receiver → cut time
        const sent: RefTx[] = [];
        const busy = new Array(N).fill(-Infinity);
        let idx = 0;
        for (const op of list) {
          m.advance(op.at);
          if (op.kind === "tx") {
            const bytes = new Uint8Array(op.len);
            for (let k = 0; k < op.len; k++) bytes[k] = (idx * 17 + k * 3 + 1) & 0xff;
            const start = Math.max(op.at, busy[op.who]);
            const end = ts[op.who].transmit(bytes, op.at);
            busy[op.who] = end;
            const rx = new Map<number, number>();
            for (let r = 0; r < N; r++) if (r !== op.who && !blocked.has(key(op.who, r)) && geo(op.who, r)) rx.set(r, Infinity);
            sent.push({ who: op.who, start, end, bytes, idx: idx++, rx });
          } else if (op.kind === "block") {
            m.setBlocked(ts[op.a], ts[op.b], true);
            blocked.add(key(op.a, op.b));
            for (const s of sent) {
              for (const [r, cut] of s.rx) {
                const pair = key(s.who, r) === key(op.a, op.b);
                if (pair && cut === Infinity && op.at < s.end) s.rx.set(r, Math.max(op.at, s.start));
              }
            }
          } else {
            m.setBlocked(ts[op.a], ts[op.b], false);
            blocked.delete(key(op.a, op.b));
          }
        }
        m.advance(Infinity);

        for (let r = 0; r < N; r++) {
          const heard = sent.filter((s) => s.rx.has(r));
          const own = sent.filter((s) => s.who === r);
          const effEnd = (s: RefTx) => Math.min(s.end, s.rx.get(r)!);
          const expected: Array<{ bytes: number[]; garbled: boolean[]; src: RefTx; at: number }> = [];
          for (const s of [...heard].sort((x, y) => effEnd(x) - effEnd(y) || x.idx - y.idx)) {
            const cut = s.rx.get(r)!;
            const n = cut === Infinity ? s.bytes.length : Math.floor((cut - s.start) / bt);
            const kept: number[] = [];
            const garbled: boolean[] = [];
            for (let i = 0; i < n; i++) {
              const b0 = s.start + i * bt;
              const b1 = b0 + bt;
              if (own.some((o) => b0 < o.end && o.start < b1)) continue; // no turnaround here
              kept.push(i);
              garbled.push(heard.some((o) => o !== s && b0 < effEnd(o) && o.start < b1));
            }
            if (kept.length > 0) expected.push({ bytes: kept, garbled, src: s, at: cut === Infinity ? s.end : cut });
          }
          expect(got[r].map((g) => g.at)).toEqual(expected.map((e) => e.at));
          expected.forEach((e, j) => {
            const g = got[r][j].bytes;
            expect(g.length).toBe(e.bytes.length);
            e.bytes.forEach((i, k) => {
              if (e.garbled[k]) expect(g[k]).not.toBe(e.src.bytes[i]);
              else expect(g[k]).toBe(e.src.bytes[i]);
            });
          });
        }
      }),
      { numRuns: 300, seed: 4242 },
    );
  });
});
