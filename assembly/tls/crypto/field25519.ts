// GF(2^255 - 19) arithmetic for X25519 (RFC 7748) and Ed25519 (RFC 8032).
//
// An element is ten signed limbs in radix 2^25.5 (limb i weighs 2^ceil(25.5 i): 26, 25, 26, 25…
// bits), held as i32 and multiplied in i64: wasm has no 64x64->128 multiply, and 26-bit limbs keep
// every column sum of a product below 2^63. Limbs of a carried element fit 26 bits (25 for odd
// limbs, plus a few bits of slack); the sum or difference of two carried elements may be passed
// to feMul/feSq (at most 2^27 per limb), but not a sum of sums: carry first (feCarry).
// Nothing here branches on or indexes by element values: all of it is constant time.

export type Fe = StaticArray<i32>;

// @ts-ignore: decorator
@inline const M26: i64 = 0x3ffffff;
// @ts-ignore: decorator
@inline const M25: i64 = 0x1ffffff;

export function feNew(): Fe { return new StaticArray<i32>(10); }

export function feZero(h: Fe): void { for (let i = 0; i < 10; i++) unchecked(h[i] = 0); }
export function feOne(h: Fe): void { feZero(h); unchecked(h[0] = 1); }
export function feCopy(h: Fe, f: Fe): void { for (let i = 0; i < 10; i++) unchecked(h[i] = f[i]); }

export function feAdd(h: Fe, f: Fe, g: Fe): void {
  for (let i = 0; i < 10; i++) unchecked(h[i] = f[i] + g[i]);
}
export function feSub(h: Fe, f: Fe, g: Fe): void {
  for (let i = 0; i < 10; i++) unchecked(h[i] = f[i] - g[i]);
}
export function feNeg(h: Fe, f: Fe): void {
  for (let i = 0; i < 10; i++) unchecked(h[i] = -f[i]);
}

/** Swaps f and g when bit is 1, leaves them when 0, without a branch. */
export function feCswap(f: Fe, g: Fe, bit: i32): void {
  const m = -bit;
  for (let i = 0; i < 10; i++) {
    const a = unchecked(f[i]), b = unchecked(g[i]);
    const x = (a ^ b) & m;
    unchecked(f[i] = a ^ x);
    unchecked(g[i] = b ^ x);
  }
}
/** h = g when bit is 1 (keeps h when 0), without a branch. */
export function feCmov(h: Fe, g: Fe, bit: i32): void {
  const m = -bit;
  for (let i = 0; i < 10; i++) {
    const a = unchecked(h[i]);
    unchecked(h[i] = a ^ ((a ^ g[i]) & m));
  }
}

// Propagates carries of ten i64 column sums and stores the carried limbs; the carry out of
// limb 9 re-enters limb 0 multiplied by 19 (2^255 = 19 mod p).
// @ts-ignore: decorator
@inline function carryOut(h: Fe, h0: i64, h1: i64, h2: i64, h3: i64, h4: i64,
  h5: i64, h6: i64, h7: i64, h8: i64, h9: i64): void {
  let c: i64;
  c = h0 >> 26; h1 += c; h0 &= M26;
  c = h4 >> 26; h5 += c; h4 &= M26;
  c = h1 >> 25; h2 += c; h1 &= M25;
  c = h5 >> 25; h6 += c; h5 &= M25;
  c = h2 >> 26; h3 += c; h2 &= M26;
  c = h6 >> 26; h7 += c; h6 &= M26;
  c = h3 >> 25; h4 += c; h3 &= M25;
  c = h7 >> 25; h8 += c; h7 &= M25;
  c = h4 >> 26; h5 += c; h4 &= M26;
  c = h8 >> 26; h9 += c; h8 &= M26;
  c = h9 >> 25; h0 += c * 19; h9 &= M25;
  c = h0 >> 26; h1 += c; h0 &= M26;
  unchecked(h[0] = <i32>h0); unchecked(h[1] = <i32>h1);
  unchecked(h[2] = <i32>h2); unchecked(h[3] = <i32>h3);
  unchecked(h[4] = <i32>h4); unchecked(h[5] = <i32>h5);
  unchecked(h[6] = <i32>h6); unchecked(h[7] = <i32>h7);
  unchecked(h[8] = <i32>h8); unchecked(h[9] = <i32>h9);
}

/** Brings the limbs of a sum or difference back into carried range. */
export function feCarry(h: Fe, f: Fe): void {
  carryOut(h, <i64>unchecked(f[0]), <i64>unchecked(f[1]), <i64>unchecked(f[2]), <i64>unchecked(f[3]),
    <i64>unchecked(f[4]), <i64>unchecked(f[5]), <i64>unchecked(f[6]), <i64>unchecked(f[7]),
    <i64>unchecked(f[8]), <i64>unchecked(f[9]));
}

/** h = f * small (small < 2^20). */
export function feMulSmall(h: Fe, f: Fe, small: i32): void {
  const s = <i64>small;
  carryOut(h, unchecked(f[0]) * s, unchecked(f[1]) * s, unchecked(f[2]) * s, unchecked(f[3]) * s,
    unchecked(f[4]) * s, unchecked(f[5]) * s, unchecked(f[6]) * s, unchecked(f[7]) * s,
    unchecked(f[8]) * s, unchecked(f[9]) * s);
}

// feMul and feSq: schoolbook columns. A product f_i g_j lands in limb i+j (minus 10 with a factor
// 19 when i+j >= 10), doubled when i and j are both odd (their half-bit offsets add up to one bit).
// @ts-ignore: decorator
@inline function ld(f: Fe, i: i32): i64 { return <i64>unchecked(f[i]); }

export function feMul(h: Fe, f: Fe, g: Fe): void {
  const f0 = <i64>unchecked(f[0]);
  const f1 = <i64>unchecked(f[1]);
  const f2 = <i64>unchecked(f[2]);
  const f3 = <i64>unchecked(f[3]);
  const f4 = <i64>unchecked(f[4]);
  const f5 = <i64>unchecked(f[5]);
  const f6 = <i64>unchecked(f[6]);
  const f7 = <i64>unchecked(f[7]);
  const f8 = <i64>unchecked(f[8]);
  const f9 = <i64>unchecked(f[9]);
  const g0 = <i64>unchecked(g[0]);
  const g1 = <i64>unchecked(g[1]);
  const g2 = <i64>unchecked(g[2]);
  const g3 = <i64>unchecked(g[3]);
  const g4 = <i64>unchecked(g[4]);
  const g5 = <i64>unchecked(g[5]);
  const g6 = <i64>unchecked(g[6]);
  const g7 = <i64>unchecked(g[7]);
  const g8 = <i64>unchecked(g[8]);
  const g9 = <i64>unchecked(g[9]);
  const g1_19 = g1 * 19;
  const g2_19 = g2 * 19;
  const g3_19 = g3 * 19;
  const g4_19 = g4 * 19;
  const g5_19 = g5 * 19;
  const g6_19 = g6 * 19;
  const g7_19 = g7 * 19;
  const g8_19 = g8 * 19;
  const g9_19 = g9 * 19;
  const f1_2 = f1 * 2;
  const f3_2 = f3 * 2;
  const f5_2 = f5 * 2;
  const f7_2 = f7 * 2;
  const f9_2 = f9 * 2;
  const h0 = f0 * g0 + f1_2 * g9_19 + f2 * g8_19 + f3_2 * g7_19 + f4 * g6_19 + f5_2 * g5_19 + f6 * g4_19 + f7_2 * g3_19 + f8 * g2_19 + f9_2 * g1_19;
  const h1 = f0 * g1 + f1 * g0 + f2 * g9_19 + f3 * g8_19 + f4 * g7_19 + f5 * g6_19 + f6 * g5_19 + f7 * g4_19 + f8 * g3_19 + f9 * g2_19;
  const h2 = f0 * g2 + f1_2 * g1 + f2 * g0 + f3_2 * g9_19 + f4 * g8_19 + f5_2 * g7_19 + f6 * g6_19 + f7_2 * g5_19 + f8 * g4_19 + f9_2 * g3_19;
  const h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9_19 + f5 * g8_19 + f6 * g7_19 + f7 * g6_19 + f8 * g5_19 + f9 * g4_19;
  const h4 = f0 * g4 + f1_2 * g3 + f2 * g2 + f3_2 * g1 + f4 * g0 + f5_2 * g9_19 + f6 * g8_19 + f7_2 * g7_19 + f8 * g6_19 + f9_2 * g5_19;
  const h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g9_19 + f7 * g8_19 + f8 * g7_19 + f9 * g6_19;
  const h6 = f0 * g6 + f1_2 * g5 + f2 * g4 + f3_2 * g3 + f4 * g2 + f5_2 * g1 + f6 * g0 + f7_2 * g9_19 + f8 * g8_19 + f9_2 * g7_19;
  const h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9_19 + f9 * g8_19;
  const h8 = f0 * g8 + f1_2 * g7 + f2 * g6 + f3_2 * g5 + f4 * g4 + f5_2 * g3 + f6 * g2 + f7_2 * g1 + f8 * g0 + f9_2 * g9_19;
  const h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
  carryOut(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

// The squaring columns, shared by feSq, feSqSum and feSqDiff (which differ only in their loads).
// @ts-ignore: decorator
@inline function sqCore(h: Fe, f0: i64, f1: i64, f2: i64, f3: i64, f4: i64, f5: i64, f6: i64,
  f7: i64, f8: i64, f9: i64): void {
  const f0_2 = f0 * 2;
  const f1_2 = f1 * 2;
  const f1_4 = f1 * 4;
  const f2_2 = f2 * 2;
  const f3_2 = f3 * 2;
  const f3_4 = f3 * 4;
  const f4_2 = f4 * 2;
  const f5_19 = f5 * 19;
  const f5_2 = f5 * 2;
  const f5_4 = f5 * 4;
  const f6_19 = f6 * 19;
  const f6_2 = f6 * 2;
  const f7_19 = f7 * 19;
  const f7_2 = f7 * 2;
  const f7_4 = f7 * 4;
  const f8_19 = f8 * 19;
  const f8_2 = f8 * 2;
  const f9_19 = f9 * 19;
  const f9_2 = f9 * 2;
  const h0 = f0 * f0 + f1_4 * f9_19 + f2_2 * f8_19 + f3_4 * f7_19 + f4_2 * f6_19 + f5_2 * f5_19;
  const h1 = f0_2 * f1 + f2_2 * f9_19 + f3_2 * f8_19 + f4_2 * f7_19 + f5_2 * f6_19;
  const h2 = f0_2 * f2 + f1_2 * f1 + f3_4 * f9_19 + f4_2 * f8_19 + f5_4 * f7_19 + f6 * f6_19;
  const h3 = f0_2 * f3 + f1_2 * f2 + f4_2 * f9_19 + f5_2 * f8_19 + f6_2 * f7_19;
  const h4 = f0_2 * f4 + f1_4 * f3 + f2 * f2 + f5_4 * f9_19 + f6_2 * f8_19 + f7_2 * f7_19;
  const h5 = f0_2 * f5 + f1_2 * f4 + f2_2 * f3 + f6_2 * f9_19 + f7_2 * f8_19;
  const h6 = f0_2 * f6 + f1_4 * f5 + f2_2 * f4 + f3_2 * f3 + f7_4 * f9_19 + f8 * f8_19;
  const h7 = f0_2 * f7 + f1_2 * f6 + f2_2 * f5 + f3_2 * f4 + f8_2 * f9_19;
  const h8 = f0_2 * f8 + f1_4 * f7 + f2_2 * f6 + f3_4 * f5 + f4 * f4 + f9_2 * f9_19;
  const h9 = f0_2 * f9 + f1_2 * f8 + f2_2 * f7 + f3_2 * f6 + f4_2 * f5;
  carryOut(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

export function feSq(h: Fe, f: Fe): void {
  sqCore(h, ld(f, 0), ld(f, 1), ld(f, 2), ld(f, 3), ld(f, 4), ld(f, 5), ld(f, 6), ld(f, 7),
    ld(f, 8), ld(f, 9));
}
/** h = (f + g)^2 */
export function feSqSum(h: Fe, f: Fe, g: Fe): void {
  sqCore(h, ld(f, 0) + ld(g, 0), ld(f, 1) + ld(g, 1), ld(f, 2) + ld(g, 2), ld(f, 3) + ld(g, 3),
    ld(f, 4) + ld(g, 4), ld(f, 5) + ld(g, 5), ld(f, 6) + ld(g, 6), ld(f, 7) + ld(g, 7),
    ld(f, 8) + ld(g, 8), ld(f, 9) + ld(g, 9));
}
/** h = (f - g)^2 */
export function feSqDiff(h: Fe, f: Fe, g: Fe): void {
  sqCore(h, ld(f, 0) - ld(g, 0), ld(f, 1) - ld(g, 1), ld(f, 2) - ld(g, 2), ld(f, 3) - ld(g, 3),
    ld(f, 4) - ld(g, 4), ld(f, 5) - ld(g, 5), ld(f, 6) - ld(g, 6), ld(f, 7) - ld(g, 7),
    ld(f, 8) - ld(g, 8), ld(f, 9) - ld(g, 9));
}


/** e = a - b (not carried) and t = a + 121665 e (carried): the X25519 ladder's E = AA - BB and
 *  AA + a24 E (RFC 7748 §5), in one pass. */
export function feLadderA24(e: Fe, t: Fe, a: Fe, b: Fe): void {
  const e0 = ld(a, 0) - ld(b, 0), e1 = ld(a, 1) - ld(b, 1), e2 = ld(a, 2) - ld(b, 2);
  const e3 = ld(a, 3) - ld(b, 3), e4 = ld(a, 4) - ld(b, 4), e5 = ld(a, 5) - ld(b, 5);
  const e6 = ld(a, 6) - ld(b, 6), e7 = ld(a, 7) - ld(b, 7), e8 = ld(a, 8) - ld(b, 8);
  const e9 = ld(a, 9) - ld(b, 9);
  unchecked(e[0] = <i32>e0); unchecked(e[1] = <i32>e1); unchecked(e[2] = <i32>e2);
  unchecked(e[3] = <i32>e3); unchecked(e[4] = <i32>e4); unchecked(e[5] = <i32>e5);
  unchecked(e[6] = <i32>e6); unchecked(e[7] = <i32>e7); unchecked(e[8] = <i32>e8);
  unchecked(e[9] = <i32>e9);
  carryOut(t, ld(a, 0) + 121665 * e0, ld(a, 1) + 121665 * e1, ld(a, 2) + 121665 * e2,
    ld(a, 3) + 121665 * e3, ld(a, 4) + 121665 * e4, ld(a, 5) + 121665 * e5,
    ld(a, 6) + 121665 * e6, ld(a, 7) + 121665 * e7, ld(a, 8) + 121665 * e8,
    ld(a, 9) + 121665 * e9);
}

/** h = f^(2^n) for n >= 1. */
export function feSqN(h: Fe, f: Fe, n: i32): void {
  feSq(h, f);
  for (let i = 1; i < n; i++) feSq(h, h);
}

const t0 = feNew(), t1 = feNew(), t2 = feNew(), t3 = feNew();

// Leaves z^(2^250 - 1) in t1 and z^11 in t3, shared by inversion and the square-root exponent.
// Exponent chain: 2, 8, 9, 11, 22, 2^5-1, 2^10-1, 2^20-1, 2^40-1, 2^50-1, 2^100-1, 2^200-1, 2^250-1.
function pow2250m1(z: Fe): void {
  feSq(t0, z);            // z^2
  feSqN(t1, t0, 2);       // z^8
  feMul(t1, z, t1);       // z^9
  feMul(t3, t0, t1);      // z^11
  feSq(t0, t3);           // z^22
  feMul(t1, t1, t0);      // z^(2^5-1)
  feSqN(t0, t1, 5);
  feMul(t1, t0, t1);      // 2^10-1
  feSqN(t0, t1, 10);
  feMul(t2, t0, t1);      // 2^20-1
  feSqN(t0, t2, 20);
  feMul(t0, t0, t2);      // 2^40-1
  feSqN(t0, t0, 10);
  feMul(t1, t0, t1);      // 2^50-1
  feSqN(t0, t1, 50);
  feMul(t2, t0, t1);      // 2^100-1
  feSqN(t0, t2, 100);
  feMul(t0, t0, t2);      // 2^200-1
  feSqN(t0, t0, 50);
  feMul(t1, t0, t1);      // 2^250-1
}

/** h = z^(p-2) = 1/z (0 for z = 0). */
export function feInvert(h: Fe, z: Fe): void {
  pow2250m1(z);
  feSqN(t1, t1, 5);       // 2^255 - 2^5
  feMul(h, t1, t3);       // 2^255 - 21 = p - 2
}

/** h = z^((p-5)/8) = z^(2^252 - 3), used for square roots. */
export function fePow22523(h: Fe, z: Fe): void {
  pow2250m1(z);
  feSqN(t1, t1, 2);       // 2^252 - 4
  feMul(h, t1, z);        // 2^252 - 3
}

/** Reads 32 little-endian bytes at off; the top bit is ignored (RFC 7748 §5), values >= p are
 *  taken modulo p. The caller checks s.length >= off + 32. */
export function feFromBytes(h: Fe, s: Uint8Array, off: i32): void {
  const p = s.dataStart + <usize>off;
  const w0 = <i64>load<u32>(p), w1 = <i64>load<u32>(p, 4), w2 = <i64>load<u32>(p, 8);
  const w3 = <i64>load<u32>(p, 12), w4 = <i64>load<u32>(p, 16), w5 = <i64>load<u32>(p, 20);
  const w6 = <i64>load<u32>(p, 24), w7 = <i64>load<u32>(p, 28) & 0x7fffffff;
  // bit offsets 0, 26, 51, 77, 102, 128, 153, 179, 204, 230
  unchecked(h[0] = <i32>(w0 & M26));
  unchecked(h[1] = <i32>(((w0 >> 26) | (w1 << 6)) & M25));
  unchecked(h[2] = <i32>(((w1 >> 19) | (w2 << 13)) & M26));
  unchecked(h[3] = <i32>(((w2 >> 13) | (w3 << 19)) & M25));
  unchecked(h[4] = <i32>((w3 >> 6) & M26));
  unchecked(h[5] = <i32>(w4 & M25));
  unchecked(h[6] = <i32>(((w4 >> 25) | (w5 << 7)) & M26));
  unchecked(h[7] = <i32>(((w5 >> 19) | (w6 << 13)) & M25));
  unchecked(h[8] = <i32>(((w6 >> 12) | (w7 << 20)) & M26));
  unchecked(h[9] = <i32>((w7 >> 6) & M25));
}

/** Writes the canonical (fully reduced) 32-byte little-endian encoding of f at off. */
export function feToBytes(s: Uint8Array, off: i32, f: Fe): void {
  feCarry(t0, f);
  feCarry(t0, t0);
  // Now 0 <= value < 2^255 + small. q = 1 exactly when value >= p (value + 19 overflows 2^255).
  let h0 = <i64>unchecked(t0[0]), h1 = <i64>unchecked(t0[1]), h2 = <i64>unchecked(t0[2]);
  let h3 = <i64>unchecked(t0[3]), h4 = <i64>unchecked(t0[4]), h5 = <i64>unchecked(t0[5]);
  let h6 = <i64>unchecked(t0[6]), h7 = <i64>unchecked(t0[7]), h8 = <i64>unchecked(t0[8]);
  let h9 = <i64>unchecked(t0[9]);
  let q = (h0 + 19) >> 26;
  q = (h1 + q) >> 25; q = (h2 + q) >> 26; q = (h3 + q) >> 25; q = (h4 + q) >> 26;
  q = (h5 + q) >> 25; q = (h6 + q) >> 26; q = (h7 + q) >> 25; q = (h8 + q) >> 26;
  q = (h9 + q) >> 25;
  h0 += 19 * q;
  let c: i64;
  c = h0 >> 26; h1 += c; h0 &= M26;
  c = h1 >> 25; h2 += c; h1 &= M25;
  c = h2 >> 26; h3 += c; h2 &= M26;
  c = h3 >> 25; h4 += c; h3 &= M25;
  c = h4 >> 26; h5 += c; h4 &= M26;
  c = h5 >> 25; h6 += c; h5 &= M25;
  c = h6 >> 26; h7 += c; h6 &= M26;
  c = h7 >> 25; h8 += c; h7 &= M25;
  c = h8 >> 26; h9 += c; h8 &= M26;
  h9 &= M25; // drops 2^255 (q * p subtracted)
  const p = s.dataStart + <usize>off;
  store<u32>(p, <u32>(h0 | (h1 << 26)));
  store<u32>(p, <u32>((h1 >> 6) | (h2 << 19)), 4);
  store<u32>(p, <u32>((h2 >> 13) | (h3 << 13)), 8);
  store<u32>(p, <u32>((h3 >> 19) | (h4 << 6)), 12);
  store<u32>(p, <u32>(h5 | (h6 << 25)), 16);
  store<u32>(p, <u32>((h6 >> 7) | (h7 << 19)), 20);
  store<u32>(p, <u32>((h7 >> 13) | (h8 << 12)), 24);
  store<u32>(p, <u32>((h8 >> 20) | (h9 << 6)), 28);
}

const encBuf = new Uint8Array(32);

/** 1 when f = 0 mod p, else 0 (constant time). */
export function feIsZero(f: Fe): i32 {
  feToBytes(encBuf, 0, f);
  let acc: u32 = 0;
  for (let i = 0; i < 32; i++) acc |= unchecked(encBuf[i]);
  return <i32>((acc - 1) >> 31);
}

/** The low bit of the canonical encoding ("negative" in RFC 8032 §5.1.3). */
export function feIsNegative(f: Fe): i32 {
  feToBytes(encBuf, 0, f);
  return unchecked(encBuf[0]) & 1;
}
