// The optical medium's cost: (1) simulation speed of a 9600 bit/s exchange (simulated seconds per
// wall second; the goal is ≥ 100× real time), (2) bit errors at 1e-5 over 1 MiB frames drawn
// geometrically (the medium) against the naive reference measured in the same run: one random
// draw per bit.
import { OpticalMedium, airTimeUs } from "../devices/ir/medium.ts";
import { DeviceRand } from "../devices/ir/rand.ts";

function simSpeed(baud: number, frames: number, size: number): number {
  const m = new OpticalMedium();
  const a = m.addTransceiver("a", { x: 0, y: 0, heading: 0 }, baud);
  const b = m.addTransceiver("b", { x: 0.5, y: 0, heading: Math.PI }, baud);
  let got = 0;
  a.onReceive = b.onReceive = () => got++;
  const frame = new Uint8Array(size);
  let now = 0;
  const t0 = performance.now();
  for (let i = 0; i < frames; i++) {
    (i % 2 === 0 ? a : b).transmit(frame, now);
    now = m.nextEventAt() + 1000; // 1 ms turnaround
    m.advance(now);
  }
  const wall = (performance.now() - t0) / 1000;
  if (got !== frames) throw new Error("lost frames");
  return now / 1e6 / wall;
}

function berMedium(rate: number, mib: number): { secs: number; flips: number } {
  const m = new OpticalMedium({ seed: 1, bitErrorRate: rate });
  const a = m.addTransceiver("a", { x: 0, y: 0, heading: 0 }, 4_000_000);
  const b = m.addTransceiver("b", { x: 0.5, y: 0, heading: Math.PI }, 4_000_000);
  const frame = new Uint8Array(1 << 20);
  let flips = 0;
  b.onReceive = (bytes) => {
    for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) flips += popcount(bytes[i]);
  };
  let now = 0;
  const t0 = performance.now();
  for (let i = 0; i < mib; i++) {
    now = a.transmit(frame, now);
    m.advance(now);
  }
  return { secs: (performance.now() - t0) / 1000, flips };
}

function berNaive(rate: number, mib: number): { secs: number; flips: number } {
  const r = new DeviceRand(1);
  const buf = new Uint8Array(1 << 20);
  let flips = 0;
  const t0 = performance.now();
  for (let k = 0; k < mib; k++) {
    const copy = buf.slice();
    for (let bit = 0; bit < copy.length * 8; bit++) {
      if (r.nextU32() / 4294967296 < rate) {
        copy[bit >>> 3] ^= 1 << (bit & 7);
        flips++;
      }
    }
  }
  return { secs: (performance.now() - t0) / 1000, flips };
}

function popcount(v: number): number {
  let n = 0;
  while (v) {
    v &= v - 1;
    n++;
  }
  return n;
}

export default async function (): Promise<void> {
  for (const [baud, size] of [[9600, 64], [115200, 2048], [4_000_000, 2048]] as const) {
    const x = simSpeed(baud, 20000, size);
    const frameMs = airTimeUs(size, baud) / 1000;
    console.log(`medium ${String(baud).padStart(7)} bit/s, ${size} B frames (${frameMs.toFixed(2)} ms): ${x.toFixed(0)}× real time   (goal ≥ 100×)`);
  }
  const mib = 8;
  const g = berMedium(1e-5, mib);
  const n = berNaive(1e-5, 2);
  const naivePerMiB = n.secs / 2;
  const gPerMiB = g.secs / mib;
  console.log(`bit errors 1e-5: geometric ${(1 / gPerMiB).toFixed(0)} MiB/s (${g.flips} flips in ${mib} MiB, expected ${(mib * 8 * 1048576 * 1e-5).toFixed(0)})` +
    `   naive per-bit draw ${(1 / naivePerMiB).toFixed(1)} MiB/s   ratio ${(naivePerMiB / gPerMiB).toFixed(0)}×`);
}
