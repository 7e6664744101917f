// The data rings of the C guest channel (host/abi/channel.ts): the writing side's Ring, the reading
// side's mirror of it and its RingSlots, run against each other with slots written, delivered in
// order and freed in any order. Checks that the mirror finds every slot where it was written, that
// no slot is overwritten while it is in transit or held, and that the tail lets the ring fill again.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Ring, RingSlots } from "../../host/abi/channel.ts";

const CAP = 256;

/** One step: write a slot (len, or want then only len), deliver the oldest in transit, free a held one. */
type Op = { k: "write"; want: number; len: number } | { k: "deliver" } | { k: "free"; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant("write" as const), want: fc.integer({ min: 1, max: CAP + 8 }), len: fc.integer({ min: 1, max: CAP + 8 }) }),
  fc.constant({ k: "deliver" as const }),
  fc.record({ k: fc.constant("free" as const), pick: fc.nat() }),
);

interface Slot { at: number; len: number; tag: number; id?: number }

function simulate(ops: Op[]): { written: number; refused: number } {
  const bytes = new Uint8Array(CAP);
  const words = new Int32Array(2);
  const writer = new Ring(CAP), mirror = new Ring(CAP);
  const slots = new RingSlots(words, 1);
  const transit: Slot[] = [], held: Slot[] = [];
  let tag = 0, written = 0, refused = 0;
  const intact = (s: Slot) => {
    for (let i = 0; i < s.len; i++) if (bytes[s.at + i] !== s.tag) return false;
    return true;
  };
  for (const o of ops) {
    if (o.k === "write") {
      // like io.ts pull(): room for `want`, then the slot shrinks to what came
      const want = Math.max(o.want, o.len), len = Math.min(o.len, want);
      const before = writer.head;
      if (!writer.fits(want, words[1] >>> 0)) { refused++; continue; }
      tag = (tag % 255) + 1;
      let at = writer.take(want);
      expect(at + want).toBeLessThanOrEqual(CAP);
      bytes.fill(tag, at, at + len);
      if (len < want) {
        const at2 = writer.shrink(before, len);
        if (at2 !== at) bytes.copyWithin(at2, at, at + len);
        at = at2;
      }
      transit.push({ at, len, tag });
      written++;
    } else if (o.k === "deliver") {
      const s = transit.shift();
      if (s === undefined) continue;
      expect(mirror.take(s.len)).toBe(s.at);
      expect(intact(s)).toBe(true);
      s.id = slots.add(mirror);
      held.push(s);
    } else {
      if (held.length === 0) continue;
      const [s] = held.splice(o.pick % held.length, 1);
      expect(intact(s)).toBe(true);
      slots.free(s.id!);
    }
    for (const s of [...transit, ...held]) expect(intact(s)).toBe(true);
  }
  // everything delivered and freed: the whole ring is free again
  for (const s of transit.splice(0)) { expect(mirror.take(s.len)).toBe(s.at); s.id = slots.add(mirror); held.push(s); }
  for (const s of held.splice(0).reverse()) slots.free(s.id!);
  if (written > 0) expect(words[1] >>> 0).toBe(writer.head);
  expect(writer.fits(CAP - (writer.head & (CAP - 1)), words[1] >>> 0)).toBe(true);
  return { written, refused };
}

describe("channel data rings", () => {
  it("the mirror finds each slot where it was written; held slots are never overwritten", () => {
    let written = 0, refused = 0;
    fc.assert(fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
      const r = simulate(ops);
      written += r.written;
      refused += r.refused;
    }), { numRuns: 300 });
    // the runs filled the ring at times, and wrapped it
    expect(refused).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(10 * CAP / 64);
  });

  it("a full ring refuses, and takes slots again once the oldest are freed", () => {
    const words = new Int32Array(2);
    const w = new Ring(CAP), m = new Ring(CAP);
    const slots = new RingSlots(words, 0);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) { w.take(64); m.take(64); ids.push(slots.add(m)); }
    expect(w.fits(1, words[0] >>> 0)).toBe(false);
    slots.free(ids[2]); // a later slot freed first: the tail stays
    expect(w.fits(1, words[0] >>> 0)).toBe(false);
    slots.free(ids[0]);
    expect(w.fits(64, words[0] >>> 0)).toBe(true);
    expect(w.fits(65, words[0] >>> 0)).toBe(false);
    slots.free(ids[1]); // the tail runs past the freed third slot too
    expect(w.fits(192, words[0] >>> 0)).toBe(true);
    // a slot that does not fit before the end starts at the ring's start; the padding counts
    expect(w.take(192)).toBe(0);
    expect(w.fits(1, words[0] >>> 0)).toBe(false);
  });

  it("thousands of slots freed out of order: the tail is always the end of the freed prefix", () => {
    fc.assert(fc.property(fc.array(fc.nat(), { minLength: 3000, maxLength: 3000 }), (keys) => {
      const words = new Int32Array(1);
      const m = new Ring(1 << 16), slots = new RingSlots(words, 0);
      const ids: number[] = [], ends: number[] = [];
      for (let i = 0; i < 3000; i++) { m.take(1 + (i % 7)); ids.push(slots.add(m)); ends.push(m.head); }
      // free in an order that is mostly ascending, with local shuffles (as recvs on several sockets free)
      const order = ids.map((_, i) => i).sort((a, b) => (a + (keys[a] % 40)) - (b + (keys[b] % 40)));
      const freed = new Array<boolean>(3000).fill(false);
      let prefix = 0;
      for (const i of order) {
        slots.free(ids[i]);
        freed[i] = true;
        while (prefix < 3000 && freed[prefix]) prefix++;
        expect(words[0] >>> 0).toBe(prefix === 0 ? 0 : ends[prefix - 1]);
      }
    }), { numRuns: 20 });
  });

  it("positions wrap past 2^32", () => {
    const words = new Int32Array(1);
    const w = new Ring(CAP), m = new Ring(CAP);
    w.head = m.head = 0xffffff00;
    words[0] = 0xffffff00 | 0;
    const slots = new RingSlots(words, 0);
    for (let i = 0; i < 40; i++) {
      expect(w.fits(100, words[0] >>> 0)).toBe(true);
      const at = w.take(100);
      expect(m.take(100)).toBe(at);
      slots.free(slots.add(m));
    }
    expect(w.head).toBeLessThan(0x10000);
    expect(w.fits(CAP - (w.head & (CAP - 1)), words[0] >>> 0)).toBe(true);
  });
});
