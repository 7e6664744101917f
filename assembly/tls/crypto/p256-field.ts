// GF(p) for NIST P-256, p = 2^256 - 2^224 + 2^192 + 2^96 - 1 (FIPS 186-4 D.1.2.3).
//
// Ten limbs in radix 2^26 (i32, products in i64: wasm has no 64x64->128 multiply), values kept in
// Montgomery form with R = 2^260. Since p = -1 mod 2^26, each Montgomery step's multiplier is just
// the low limb q, and adding q p only needs shifts: q (2^256 + 2^192 + 2^96 - 2^224 - 1) at the
// right column offsets. Every stored value is below 2p (not fully reduced) with limbs in
// [0, 2^26). fpMul/fpSq take inputs below 4p (so one unreduced sum or difference, the *Lazy
// functions) and return below 4p^2/2^260 + p < 2p. Linear combinations end with a fold of the
// bits above 2^256 (2^256 = 2^224 - 2^192 - 2^96 + 1 mod p). Nothing here branches on or indexes
// by a value: it is all constant time. fpToBytes reduces fully.

export type Fp = StaticArray<i32>;

// @ts-ignore: decorator
@inline const M26: i64 = 0x3ffffff;

export function fpNew(): Fp { return new StaticArray<i32>(10); }
export function fpCopy(r: Fp, a: Fp): void { for (let i = 0; i < 10; i++) unchecked(r[i] = a[i]); }
export function fpZero(r: Fp): void { for (let i = 0; i < 10; i++) unchecked(r[i] = 0); }

/** r = a when bit is 1 (keeps r when 0), without a branch. */
export function fpCmov(r: Fp, a: Fp, bit: i32): void {
  const m = -bit;
  for (let i = 0; i < 10; i++) {
    const x = unchecked(r[i]);
    unchecked(r[i] = x ^ ((x ^ a[i]) & m));
  }
}

// 2p and p in radix 2^26 (limb 9 holds the top bits), computed from p
const P2_0: i64 = 67108862, P2_1: i64 = 67108863, P2_2: i64 = 67108863, P2_3: i64 = 524287,
  P2_4: i64 = 0, P2_5: i64 = 0, P2_6: i64 = 0, P2_7: i64 = 2048, P2_8: i64 = 66977792,
  P2_9: i64 = 8388607;
const P1_0: i64 = 67108863, P1_1: i64 = 67108863, P1_2: i64 = 67108863, P1_3: i64 = 262143,
  P1_4: i64 = 0, P1_5: i64 = 0, P1_6: i64 = 0, P1_7: i64 = 1024, P1_8: i64 = 67043328,
  P1_9: i64 = 4194303;
// R^2 mod p and R mod p, R = 2^260 (checked by the field tests through fpFromBytes/fpToBytes)
const RR: i32[] = [768, 0, 66060288, 67108863, 67108859, 67108799, 67108863, 66584575, 16777215, 1];
const RONE: i32[] = [16, 0, 0, 62914560, 67108863, 67108863, 67108863, 67092479, 1048575, 0];
// Montgomery reduction of the 19 product columns t0..t18 (see the head of this file), shared by
// fpMul and fpSq.
// @ts-ignore: decorator
@inline function montReduce(r: Fp, t0: i64, t1: i64, t2: i64, t3: i64, t4: i64, t5: i64, t6: i64,
  t7: i64, t8: i64, t9: i64, t10: i64, t11: i64, t12: i64, t13: i64, t14: i64, t15: i64, t16: i64,
  t17: i64, t18: i64): void {
  let t19: i64 = 0;
  let q: i64;
  q = t0 & M26; t1 += t0 >> 26; t3 += q << 18; t7 += q << 10; t8 -= q << 16; t9 += q << 22;
  q = t1 & M26; t2 += t1 >> 26; t4 += q << 18; t8 += q << 10; t9 -= q << 16; t10 += q << 22;
  q = t2 & M26; t3 += t2 >> 26; t5 += q << 18; t9 += q << 10; t10 -= q << 16; t11 += q << 22;
  q = t3 & M26; t4 += t3 >> 26; t6 += q << 18; t10 += q << 10; t11 -= q << 16; t12 += q << 22;
  q = t4 & M26; t5 += t4 >> 26; t7 += q << 18; t11 += q << 10; t12 -= q << 16; t13 += q << 22;
  q = t5 & M26; t6 += t5 >> 26; t8 += q << 18; t12 += q << 10; t13 -= q << 16; t14 += q << 22;
  q = t6 & M26; t7 += t6 >> 26; t9 += q << 18; t13 += q << 10; t14 -= q << 16; t15 += q << 22;
  q = t7 & M26; t8 += t7 >> 26; t10 += q << 18; t14 += q << 10; t15 -= q << 16; t16 += q << 22;
  q = t8 & M26; t9 += t8 >> 26; t11 += q << 18; t15 += q << 10; t16 -= q << 16; t17 += q << 22;
  q = t9 & M26; t10 += t9 >> 26; t12 += q << 18; t16 += q << 10; t17 -= q << 16; t18 += q << 22;
  t11 += t10 >> 26; t10 &= M26;
  t12 += t11 >> 26; t11 &= M26;
  t13 += t12 >> 26; t12 &= M26;
  t14 += t13 >> 26; t13 &= M26;
  t15 += t14 >> 26; t14 &= M26;
  t16 += t15 >> 26; t15 &= M26;
  t17 += t16 >> 26; t16 &= M26;
  t18 += t17 >> 26; t17 &= M26;
  t19 += t18 >> 26; t18 &= M26;
  unchecked(r[0] = <i32>t10);
  unchecked(r[1] = <i32>t11);
  unchecked(r[2] = <i32>t12);
  unchecked(r[3] = <i32>t13);
  unchecked(r[4] = <i32>t14);
  unchecked(r[5] = <i32>t15);
  unchecked(r[6] = <i32>t16);
  unchecked(r[7] = <i32>t17);
  unchecked(r[8] = <i32>t18);
  unchecked(r[9] = <i32>t19);
}

export function fpMul(r: Fp, a: Fp, b: Fp): void {
  const a0 = <i64>unchecked(a[0]), b0 = <i64>unchecked(b[0]);
  const a1 = <i64>unchecked(a[1]), b1 = <i64>unchecked(b[1]);
  const a2 = <i64>unchecked(a[2]), b2 = <i64>unchecked(b[2]);
  const a3 = <i64>unchecked(a[3]), b3 = <i64>unchecked(b[3]);
  const a4 = <i64>unchecked(a[4]), b4 = <i64>unchecked(b[4]);
  const a5 = <i64>unchecked(a[5]), b5 = <i64>unchecked(b[5]);
  const a6 = <i64>unchecked(a[6]), b6 = <i64>unchecked(b[6]);
  const a7 = <i64>unchecked(a[7]), b7 = <i64>unchecked(b[7]);
  const a8 = <i64>unchecked(a[8]), b8 = <i64>unchecked(b[8]);
  const a9 = <i64>unchecked(a[9]), b9 = <i64>unchecked(b[9]);
  const t0: i64 = a0 * b0;
  const t1: i64 = a0 * b1 + a1 * b0;
  const t2: i64 = a0 * b2 + a1 * b1 + a2 * b0;
  const t3: i64 = a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0;
  const t4: i64 = a0 * b4 + a1 * b3 + a2 * b2 + a3 * b1 + a4 * b0;
  const t5: i64 = a0 * b5 + a1 * b4 + a2 * b3 + a3 * b2 + a4 * b1 + a5 * b0;
  const t6: i64 = a0 * b6 + a1 * b5 + a2 * b4 + a3 * b3 + a4 * b2 + a5 * b1 + a6 * b0;
  const t7: i64 = a0 * b7 + a1 * b6 + a2 * b5 + a3 * b4 + a4 * b3 + a5 * b2 + a6 * b1 + a7 * b0;
  const t8: i64 = a0 * b8 + a1 * b7 + a2 * b6 + a3 * b5 + a4 * b4 + a5 * b3 + a6 * b2 + a7 * b1 + a8 * b0;
  const t9: i64 = a0 * b9 + a1 * b8 + a2 * b7 + a3 * b6 + a4 * b5 + a5 * b4 + a6 * b3 + a7 * b2 + a8 * b1 + a9 * b0;
  const t10: i64 = a1 * b9 + a2 * b8 + a3 * b7 + a4 * b6 + a5 * b5 + a6 * b4 + a7 * b3 + a8 * b2 + a9 * b1;
  const t11: i64 = a2 * b9 + a3 * b8 + a4 * b7 + a5 * b6 + a6 * b5 + a7 * b4 + a8 * b3 + a9 * b2;
  const t12: i64 = a3 * b9 + a4 * b8 + a5 * b7 + a6 * b6 + a7 * b5 + a8 * b4 + a9 * b3;
  const t13: i64 = a4 * b9 + a5 * b8 + a6 * b7 + a7 * b6 + a8 * b5 + a9 * b4;
  const t14: i64 = a5 * b9 + a6 * b8 + a7 * b7 + a8 * b6 + a9 * b5;
  const t15: i64 = a6 * b9 + a7 * b8 + a8 * b7 + a9 * b6;
  const t16: i64 = a7 * b9 + a8 * b8 + a9 * b7;
  const t17: i64 = a8 * b9 + a9 * b8;
  const t18: i64 = a9 * b9;
  montReduce(r, t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17,
    t18);
}

export function fpSq(r: Fp, a: Fp): void {
  const a0 = <i64>unchecked(a[0]), d0 = a0 << 1;
  const a1 = <i64>unchecked(a[1]), d1 = a1 << 1;
  const a2 = <i64>unchecked(a[2]), d2 = a2 << 1;
  const a3 = <i64>unchecked(a[3]), d3 = a3 << 1;
  const a4 = <i64>unchecked(a[4]), d4 = a4 << 1;
  const a5 = <i64>unchecked(a[5]), d5 = a5 << 1;
  const a6 = <i64>unchecked(a[6]), d6 = a6 << 1;
  const a7 = <i64>unchecked(a[7]), d7 = a7 << 1;
  const a8 = <i64>unchecked(a[8]), d8 = a8 << 1;
  const a9 = <i64>unchecked(a[9]), d9 = a9 << 1;
  const t0: i64 = a0 * a0;
  const t1: i64 = d0 * a1;
  const t2: i64 = d0 * a2 + a1 * a1;
  const t3: i64 = d0 * a3 + d1 * a2;
  const t4: i64 = d0 * a4 + d1 * a3 + a2 * a2;
  const t5: i64 = d0 * a5 + d1 * a4 + d2 * a3;
  const t6: i64 = d0 * a6 + d1 * a5 + d2 * a4 + a3 * a3;
  const t7: i64 = d0 * a7 + d1 * a6 + d2 * a5 + d3 * a4;
  const t8: i64 = d0 * a8 + d1 * a7 + d2 * a6 + d3 * a5 + a4 * a4;
  const t9: i64 = d0 * a9 + d1 * a8 + d2 * a7 + d3 * a6 + d4 * a5;
  const t10: i64 = d1 * a9 + d2 * a8 + d3 * a7 + d4 * a6 + a5 * a5;
  const t11: i64 = d2 * a9 + d3 * a8 + d4 * a7 + d5 * a6;
  const t12: i64 = d3 * a9 + d4 * a8 + d5 * a7 + a6 * a6;
  const t13: i64 = d4 * a9 + d5 * a8 + d6 * a7;
  const t14: i64 = d5 * a9 + d6 * a8 + a7 * a7;
  const t15: i64 = d6 * a9 + d7 * a8;
  const t16: i64 = d7 * a9 + a8 * a8;
  const t17: i64 = d8 * a9;
  const t18: i64 = a9 * a9;
  montReduce(r, t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17,
    t18);
}


// Reduces ten i64 columns holding a value v in [0, 2^262) (limbs of any sign) to a value below 2p
// with limbs in [0, 2^26): normalize, then fold the bits above 2^256 back in with
// 2^256 = 2^224 - 2^192 - 2^96 + 1 (mod p), and normalize again. The result is below
// 2^256 + 2^230 < 2p. No branch, no select.
// @ts-ignore: decorator
@inline function fold(r: Fp, s0: i64, s1: i64, s2: i64, s3: i64, s4: i64, s5: i64, s6: i64,
  s7: i64, s8: i64, s9: i64): void {
  s1 += s0 >> 26; s0 &= M26; s2 += s1 >> 26; s1 &= M26; s3 += s2 >> 26; s2 &= M26;
  s4 += s3 >> 26; s3 &= M26; s5 += s4 >> 26; s4 &= M26; s6 += s5 >> 26; s5 &= M26;
  s7 += s6 >> 26; s6 &= M26; s8 += s7 >> 26; s7 &= M26; s9 += s8 >> 26; s8 &= M26;
  const top = s9 >> 22;
  s9 &= 0x3fffff;
  s0 += top; s3 -= top << 18; s7 -= top << 10; s8 += top << 16;
  s1 += s0 >> 26; s0 &= M26; s2 += s1 >> 26; s1 &= M26; s3 += s2 >> 26; s2 &= M26;
  s4 += s3 >> 26; s3 &= M26; s5 += s4 >> 26; s4 &= M26; s6 += s5 >> 26; s5 &= M26;
  s7 += s6 >> 26; s6 &= M26; s8 += s7 >> 26; s7 &= M26; s9 += s8 >> 26; s8 &= M26;
  unchecked(r[0] = <i32>s0); unchecked(r[1] = <i32>s1); unchecked(r[2] = <i32>s2);
  unchecked(r[3] = <i32>s3); unchecked(r[4] = <i32>s4); unchecked(r[5] = <i32>s5);
  unchecked(r[6] = <i32>s6); unchecked(r[7] = <i32>s7); unchecked(r[8] = <i32>s8);
  unchecked(r[9] = <i32>s9);
}

// @ts-ignore: decorator
@inline function L(a: Fp, i: i32): i64 { return <i64>unchecked(a[i]); }

/** r = a + b (mod p, result below 2p). */
export function fpAdd(r: Fp, a: Fp, b: Fp): void {
  fold(r, L(a, 0) + L(b, 0), L(a, 1) + L(b, 1), L(a, 2) + L(b, 2), L(a, 3) + L(b, 3),
    L(a, 4) + L(b, 4), L(a, 5) + L(b, 5), L(a, 6) + L(b, 6), L(a, 7) + L(b, 7),
    L(a, 8) + L(b, 8), L(a, 9) + L(b, 9));
}

/** r = a - b (mod p, result below 2p): folds a - b + 2p, in (0, 4p). */
export function fpSub(r: Fp, a: Fp, b: Fp): void {
  fold(r, L(a, 0) - L(b, 0) + P2_0, L(a, 1) - L(b, 1) + P2_1, L(a, 2) - L(b, 2) + P2_2,
    L(a, 3) - L(b, 3) + P2_3, L(a, 4) - L(b, 4) + P2_4, L(a, 5) - L(b, 5) + P2_5,
    L(a, 6) - L(b, 6) + P2_6, L(a, 7) - L(b, 7) + P2_7, L(a, 8) - L(b, 8) + P2_8,
    L(a, 9) - L(b, 9) + P2_9);
}

/** r = a - b - c (mod p, below 2p): folds a - b - c + 4p. */
export function fpSub2(r: Fp, a: Fp, b: Fp, c: Fp): void {
  fold(r, L(a, 0) - L(b, 0) - L(c, 0) + 2 * P2_0, L(a, 1) - L(b, 1) - L(c, 1) + 2 * P2_1,
    L(a, 2) - L(b, 2) - L(c, 2) + 2 * P2_2, L(a, 3) - L(b, 3) - L(c, 3) + 2 * P2_3,
    L(a, 4) - L(b, 4) - L(c, 4) + 2 * P2_4, L(a, 5) - L(b, 5) - L(c, 5) + 2 * P2_5,
    L(a, 6) - L(b, 6) - L(c, 6) + 2 * P2_6, L(a, 7) - L(b, 7) - L(c, 7) + 2 * P2_7,
    L(a, 8) - L(b, 8) - L(c, 8) + 2 * P2_8, L(a, 9) - L(b, 9) - L(c, 9) + 2 * P2_9);
}

/** r = a - k b (mod p, below 2p) for 1 <= k <= 8: folds a - k b + 2k p. */
export function fpSubK(r: Fp, a: Fp, b: Fp, k: i64): void {
  fold(r, L(a, 0) - k * L(b, 0) + k * P2_0, L(a, 1) - k * L(b, 1) + k * P2_1,
    L(a, 2) - k * L(b, 2) + k * P2_2, L(a, 3) - k * L(b, 3) + k * P2_3,
    L(a, 4) - k * L(b, 4) + k * P2_4, L(a, 5) - k * L(b, 5) + k * P2_5,
    L(a, 6) - k * L(b, 6) + k * P2_6, L(a, 7) - k * L(b, 7) + k * P2_7,
    L(a, 8) - k * L(b, 8) + k * P2_8, L(a, 9) - k * L(b, 9) + k * P2_9);
}

/** r = k a (mod p, below 2p) for 1 <= k <= 16. */
export function fpMulK(r: Fp, a: Fp, k: i64): void {
  fold(r, k * L(a, 0), k * L(a, 1), k * L(a, 2), k * L(a, 3), k * L(a, 4), k * L(a, 5),
    k * L(a, 6), k * L(a, 7), k * L(a, 8), k * L(a, 9));
}

/** r = a + b without reduction (below 4p): only as an input to fpMul/fpSq. */
export function fpAddLazy(r: Fp, a: Fp, b: Fp): void {
  for (let i = 0; i < 10; i++) unchecked(r[i] = a[i] + b[i]);
}

/** r = a - b + 2p without reduction (in (0, 4p), limbs may be negative): only as an input to
 *  fpMul/fpSq. */
export function fpSubLazy(r: Fp, a: Fp, b: Fp): void {
  unchecked(r[0] = a[0] - b[0] + <i32>P2_0); unchecked(r[1] = a[1] - b[1] + <i32>P2_1);
  unchecked(r[2] = a[2] - b[2] + <i32>P2_2); unchecked(r[3] = a[3] - b[3] + <i32>P2_3);
  unchecked(r[4] = a[4] - b[4] + <i32>P2_4); unchecked(r[5] = a[5] - b[5] + <i32>P2_5);
  unchecked(r[6] = a[6] - b[6] + <i32>P2_6); unchecked(r[7] = a[7] - b[7] + <i32>P2_7);
  unchecked(r[8] = a[8] - b[8] + <i32>P2_8); unchecked(r[9] = a[9] - b[9] + <i32>P2_9);
}

const fpRR = fpNew(), fpRone = fpNew(), fpOnePlain = fpNew(), ft = fpNew(), fu = fpNew();
for (let i = 0; i < 10; i++) { fpRR[i] = RR[i]; fpRone[i] = RONE[i]; }
fpOnePlain[0] = 1;

/** r = 1 in Montgomery form. */
export function fpOne(r: Fp): void { fpCopy(r, fpRone); }

/**
 * Reads 32 big-endian bytes at off into Montgomery form. Returns false (r unspecified) when the
 * value is not below p; the caller checks the bounds of s. Variable time only in that verdict.
 */
export function fpFromBytes(r: Fp, s: Uint8Array, off: i32): bool {
  let acc: u64 = 0;
  let bits = 0, limb = 0;
  for (let i = 31; i >= 0; i--) {
    acc |= <u64>unchecked(s[off + i]) << bits;
    bits += 8;
    if (bits >= 26) {
      unchecked(ft[limb] = <i32>(acc & <u64>M26));
      limb++;
      acc >>= 26;
      bits -= 26;
    }
  }
  unchecked(ft[9] = <i32>acc);
  // value < p  <=>  value - p borrows
  let d: i64 = 0;
  d = <i64>unchecked(ft[0]) - P1_0; d = (d >> 26) + <i64>unchecked(ft[1]) - P1_1;
  d = (d >> 26) + <i64>unchecked(ft[2]) - P1_2; d = (d >> 26) + <i64>unchecked(ft[3]) - P1_3;
  d = (d >> 26) + <i64>unchecked(ft[4]) - P1_4; d = (d >> 26) + <i64>unchecked(ft[5]) - P1_5;
  d = (d >> 26) + <i64>unchecked(ft[6]) - P1_6; d = (d >> 26) + <i64>unchecked(ft[7]) - P1_7;
  d = (d >> 26) + <i64>unchecked(ft[8]) - P1_8; d = (d >> 26) + <i64>unchecked(ft[9]) - P1_9;
  fpMul(r, ft, fpRR);
  return d < 0;
}

/** Writes the canonical 32-byte big-endian encoding of a (Montgomery form) at off. */
export function fpToBytes(s: Uint8Array, off: i32, a: Fp): void {
  fpMul(ft, a, fpOnePlain); // plain value, at most p
  // subtract p when the value is >= p (only p itself), with a mask
  let d0 = <i64>unchecked(ft[0]) - P1_0, d1 = <i64>unchecked(ft[1]) - P1_1, d2 = <i64>unchecked(ft[2]) - P1_2;
  let d3 = <i64>unchecked(ft[3]) - P1_3, d4 = <i64>unchecked(ft[4]) - P1_4, d5 = <i64>unchecked(ft[5]) - P1_5;
  let d6 = <i64>unchecked(ft[6]) - P1_6, d7 = <i64>unchecked(ft[7]) - P1_7, d8 = <i64>unchecked(ft[8]) - P1_8;
  let d9 = <i64>unchecked(ft[9]) - P1_9;
  d1 += d0 >> 26; d0 &= M26; d2 += d1 >> 26; d1 &= M26; d3 += d2 >> 26; d2 &= M26;
  d4 += d3 >> 26; d3 &= M26; d5 += d4 >> 26; d4 &= M26; d6 += d5 >> 26; d5 &= M26;
  d7 += d6 >> 26; d6 &= M26; d8 += d7 >> 26; d7 &= M26; d9 += d8 >> 26; d8 &= M26;
  const keep = <i32>(d9 >> 63);
  unchecked(fu[0] = <i32>d0); unchecked(fu[1] = <i32>d1); unchecked(fu[2] = <i32>d2);
  unchecked(fu[3] = <i32>d3); unchecked(fu[4] = <i32>d4); unchecked(fu[5] = <i32>d5);
  unchecked(fu[6] = <i32>d6); unchecked(fu[7] = <i32>d7); unchecked(fu[8] = <i32>d8);
  unchecked(fu[9] = <i32>d9);
  fpCmov(fu, ft, keep & 1);
  let acc: u64 = 0;
  let bits = 0, limb = 0;
  for (let i = 31; i >= 0; i--) {
    if (bits < 8) {
      acc |= <u64>unchecked(fu[limb]) << bits;
      limb++;
      bits += 26;
    }
    unchecked(s[off + i] = <u8>acc);
    acc >>= 8;
    bits -= 8;
  }
}

const cmpA = new Uint8Array(32), cmpB = new Uint8Array(32);

/** 1 when a = b mod p (constant time). */
export function fpEqual(a: Fp, b: Fp): i32 {
  fpToBytes(cmpA, 0, a);
  fpToBytes(cmpB, 0, b);
  let acc: u32 = 0;
  for (let i = 0; i < 32; i++) acc |= <u32>(unchecked(cmpA[i]) ^ unchecked(cmpB[i]));
  return <i32>((acc - 1) >> 31);
}

/** 1 when a = 0 mod p (constant time). */
export function fpIsZero(a: Fp): i32 {
  fpToBytes(cmpA, 0, a);
  let acc: u32 = 0;
  for (let i = 0; i < 32; i++) acc |= unchecked(cmpA[i]);
  return <i32>((acc - 1) >> 31);
}

const x2 = fpNew(), x4 = fpNew(), x6 = fpNew(), x8 = fpNew(), x14 = fpNew(), x16 = fpNew();
const x30 = fpNew(), x32 = fpNew(), acc = fpNew();

function sqn(r: Fp, a: Fp, n: i32): void {
  fpSq(r, a);
  for (let i = 1; i < n; i++) fpSq(r, r);
}

/**
 * r = a^(p-2) = 1/a (0 for 0), with a fixed chain. p - 2 in hex is
 * ffffffff 00000001 00000000 00000000 00000000 ffffffff ffffffff fffffffd; xN below is a^(2^N - 1).
 */
export function fpInvert(r: Fp, a: Fp): void {
  fpSq(x2, a); fpMul(x2, x2, a);
  sqn(x4, x2, 2); fpMul(x4, x4, x2);
  sqn(x6, x4, 2); fpMul(x6, x6, x2);
  sqn(x8, x6, 2); fpMul(x8, x8, x2);
  sqn(x14, x8, 6); fpMul(x14, x14, x6);
  sqn(x16, x14, 2); fpMul(x16, x16, x2);
  sqn(x30, x16, 14); fpMul(x30, x30, x14);
  sqn(x32, x30, 2); fpMul(x32, x32, x2);
  sqn(acc, x32, 32); fpMul(acc, acc, a);      // ffffffff 00000001
  sqn(acc, acc, 128); fpMul(acc, acc, x32);   // 00000000 00000000 00000000 ffffffff
  sqn(acc, acc, 32); fpMul(acc, acc, x32);    // ffffffff
  sqn(acc, acc, 30); fpMul(acc, acc, x30);    // fffffffd = 30 ones,
  sqn(acc, acc, 2); fpMul(r, acc, a);         // then 0, 1
}
