// Arithmetic modulo a 256-bit odd modulus in Montgomery form (R = 2^256), for the group orders:
// Ed25519's L (RFC 8032 §5.1) and P-256's n (FIPS 186-4 D.1.2.3). Eight 32-bit little-endian limbs;
// each 32x32 product and its carries fit an i64 exactly (CIOS: (2^32-1)^2 + 2(2^32-1) < 2^64).
// Every operation on a value runs the same instructions whatever the value (masks, no branches);
// only modulus-dependent setup and exponents that are public constants take branches.

export type Num = StaticArray<u32>;

export function numNew(): Num { return new StaticArray<u32>(8); }

export function numCopy(r: Num, a: Num): void { for (let i = 0; i < 8; i++) unchecked(r[i] = a[i]); }

/** Reads `len` (<= 32) big-endian bytes at off as a number. The caller checks the bounds. */
export function numFromBE(r: Num, s: Uint8Array, off: i32, len: i32): void {
  for (let i = 0; i < 8; i++) unchecked(r[i] = 0);
  for (let i = 0; i < len; i++) {
    const bit = (len - 1 - i) * 8;
    const w = bit >> 5;
    unchecked(r[w] = r[w] | (<u32>unchecked(s[off + i]) << (bit & 31)));
  }
}
/** Reads 32 little-endian bytes at off. */
export function numFromLE(r: Num, s: Uint8Array, off: i32): void {
  const p = s.dataStart + <usize>off;
  for (let i = 0; i < 8; i++) unchecked(r[i] = load<u32>(p + (<usize>i << 2)));
}
export function numToBE(s: Uint8Array, off: i32, a: Num): void {
  for (let i = 0; i < 32; i++) unchecked(s[off + i] = <u8>(a[(31 - i) >> 2] >> (((31 - i) & 3) << 3)));
}
export function numToLE(s: Uint8Array, off: i32, a: Num): void {
  const p = s.dataStart + <usize>off;
  for (let i = 0; i < 8; i++) store<u32>(p + (<usize>i << 2), unchecked(a[i]));
}

/** 1 when a = 0, else 0 (constant time). */
export function numIsZero(a: Num): u32 {
  let acc: u32 = 0;
  for (let i = 0; i < 8; i++) acc |= unchecked(a[i]);
  return (((acc | (0 - acc)) >> 31) ^ 1);
}

/** r = a - b over 256 bits; returns the borrow (1 when a < b). r may alias a or b. */
export function numSub(r: Num, a: Num, b: Num): u32 {
  let borrow: i64 = 0;
  for (let i = 0; i < 8; i++) {
    const d = <i64>unchecked(a[i]) - <i64>unchecked(b[i]) + borrow;
    unchecked(r[i] = <u32>d);
    borrow = d >> 32;
  }
  return <u32>(borrow & 1);
}

/** 1 when a < b (constant time). */
export function numLt(a: Num, b: Num): u32 {
  let borrow: i64 = 0;
  for (let i = 0; i < 8; i++) {
    const d = <i64>unchecked(a[i]) - <i64>unchecked(b[i]) + borrow;
    borrow = d >> 32;
  }
  return <u32>(borrow & 1);
}

/** r = mask ? a : r, where mask is 0 or 0xffffffff. */
export function numCmov(r: Num, a: Num, mask: u32): void {
  for (let i = 0; i < 8; i++) {
    const x = unchecked(r[i]);
    unchecked(r[i] = x ^ ((x ^ a[i]) & mask));
  }
}

const tmpSub = numNew();
// @ts-ignore: decorator
@inline const M32: u64 = 0xffffffff;

export class Mont256 {
  m: Num = numNew();
  /** -m^-1 mod 2^32 */
  m0inv: u32 = 0;
  /** R^2 mod m and R^3 mod m (R = 2^256) */
  r2: Num = numNew();
  r3: Num = numNew();
  /** m - 2, the Fermat inversion exponent */
  mMinus2: Num = numNew();
  one: Num = numNew();

  /** m as 32 big-endian bytes; m must be odd and above 2^255/16 (true for n and L). */
  constructor(mBE: Uint8Array) {
    numFromBE(this.m, mBE, 0, 32);
    const m0 = unchecked(this.m[0]);
    let inv: u32 = 1;
    for (let i = 0; i < 5; i++) inv *= 2 - m0 * inv; // Newton: doubles the correct low bits
    this.m0inv = 0 - inv;
    // R^2 mod m by 512 modular doublings of 1 (public setup, branches are fine).
    const x = this.r2;
    unchecked(x[0] = 1);
    for (let i = 0; i < 512; i++) {
      let carry: u32 = 0;
      for (let j = 0; j < 8; j++) {
        const v = unchecked(x[j]);
        unchecked(x[j] = (v << 1) | carry);
        carry = v >> 31;
      }
      if (carry != 0 || numLt(x, this.m) == 0) numSub(x, x, this.m);
    }
    this.mul(this.r3, this.r2, this.r2);
    unchecked(this.one[0] = 1);
    const two = numNew();
    unchecked(two[0] = 2);
    numSub(this.mMinus2, this.m, two);
  }

  /** r = a b / R mod m (CIOS, unrolled into locals). Needs a < m or b < m (then the result before
   *  the last step is below 2m); both below 2^256. r may alias a or b. */
  mul(r: Num, a: Num, b: Num): void {
    const m = this.m, m0inv = <u64>this.m0inv;
    const a0 = <u64>unchecked(a[0]), m0 = <u64>unchecked(m[0]);
    const a1 = <u64>unchecked(a[1]), m1 = <u64>unchecked(m[1]);
    const a2 = <u64>unchecked(a[2]), m2 = <u64>unchecked(m[2]);
    const a3 = <u64>unchecked(a[3]), m3 = <u64>unchecked(m[3]);
    const a4 = <u64>unchecked(a[4]), m4 = <u64>unchecked(m[4]);
    const a5 = <u64>unchecked(a[5]), m5 = <u64>unchecked(m[5]);
    const a6 = <u64>unchecked(a[6]), m6 = <u64>unchecked(m[6]);
    const a7 = <u64>unchecked(a[7]), m7 = <u64>unchecked(m[7]);
    let t0: u64 = 0, t1: u64 = 0, t2: u64 = 0, t3: u64 = 0, t4: u64 = 0, t5: u64 = 0, t6: u64 = 0;
    let t7: u64 = 0, t8: u64 = 0, t9: u64 = 0, s: u64, c: u64, q: u64, bi: u64;
    // limb 0 of b
    bi = <u64>unchecked(b[0]);
    s = t0 + a0 * bi; t0 = s & M32; c = s >> 32;
    s = t1 + a1 * bi + c; t1 = s & M32; c = s >> 32;
    s = t2 + a2 * bi + c; t2 = s & M32; c = s >> 32;
    s = t3 + a3 * bi + c; t3 = s & M32; c = s >> 32;
    s = t4 + a4 * bi + c; t4 = s & M32; c = s >> 32;
    s = t5 + a5 * bi + c; t5 = s & M32; c = s >> 32;
    s = t6 + a6 * bi + c; t6 = s & M32; c = s >> 32;
    s = t7 + a7 * bi + c; t7 = s & M32; c = s >> 32;
    s = t8 + c; t8 = s & M32; t9 = s >> 32;
    q = (t0 * m0inv) & M32;
    s = t0 + q * m0; c = s >> 32;
    s = t1 + q * m1 + c; t0 = s & M32; c = s >> 32;
    s = t2 + q * m2 + c; t1 = s & M32; c = s >> 32;
    s = t3 + q * m3 + c; t2 = s & M32; c = s >> 32;
    s = t4 + q * m4 + c; t3 = s & M32; c = s >> 32;
    s = t5 + q * m5 + c; t4 = s & M32; c = s >> 32;
    s = t6 + q * m6 + c; t5 = s & M32; c = s >> 32;
    s = t7 + q * m7 + c; t6 = s & M32; c = s >> 32;
    s = t8 + c; t7 = s & M32; t8 = t9 + (s >> 32);
    // limb 1 of b
    bi = <u64>unchecked(b[1]);
    s = t0 + a0 * bi; t0 = s & M32; c = s >> 32;
    s = t1 + a1 * bi + c; t1 = s & M32; c = s >> 32;
    s = t2 + a2 * bi + c; t2 = s & M32; c = s >> 32;
    s = t3 + a3 * bi + c; t3 = s & M32; c = s >> 32;
    s = t4 + a4 * bi + c; t4 = s & M32; c = s >> 32;
    s = t5 + a5 * bi + c; t5 = s & M32; c = s >> 32;
    s = t6 + a6 * bi + c; t6 = s & M32; c = s >> 32;
    s = t7 + a7 * bi + c; t7 = s & M32; c = s >> 32;
    s = t8 + c; t8 = s & M32; t9 = s >> 32;
    q = (t0 * m0inv) & M32;
    s = t0 + q * m0; c = s >> 32;
    s = t1 + q * m1 + c; t0 = s & M32; c = s >> 32;
    s = t2 + q * m2 + c; t1 = s & M32; c = s >> 32;
    s = t3 + q * m3 + c; t2 = s & M32; c = s >> 32;
    s = t4 + q * m4 + c; t3 = s & M32; c = s >> 32;
    s = t5 + q * m5 + c; t4 = s & M32; c = s >> 32;
    s = t6 + q * m6 + c; t5 = s & M32; c = s >> 32;
    s = t7 + q * m7 + c; t6 = s & M32; c = s >> 32;
    s = t8 + c; t7 = s & M32; t8 = t9 + (s >> 32);
    // limb 2 of b
    bi = <u64>unchecked(b[2]);
    s = t0 + a0 * bi; t0 = s & M32; c = s >> 32;
    s = t1 + a1 * bi + c; t1 = s & M32; c = s >> 32;
    s = t2 + a2 * bi + c; t2 = s & M32; c = s >> 32;
    s = t3 + a3 * bi + c; t3 = s & M32; c = s >> 32;
    s = t4 + a4 * bi + c; t4 = s & M32; c = s >> 32;
    s = t5 + a5 * bi + c; t5 = s & M32; c = s >> 32;
    s = t6 + a6 * bi + c; t6 = s & M32; c = s >> 32;
    s = t7 + a7 * bi + c; t7 = s & M32; c = s >> 32;
    s = t8 + c; t8 = s & M32; t9 = s >> 32;
    q = (t0 * m0inv) & M32;
    s = t0 + q * m0; c = s >> 32;
    s = t1 + q * m1 + c; t0 = s & M32; c = s >> 32;
    s = t2 + q * m2 + c; t1 = s & M32; c = s >> 32;
    s = t3 + q * m3 + c; t2 = s & M32; c = s >> 32;
    s = t4 + q * m4 + c; t3 = s & M32; c = s >> 32;
    s = t5 + q * m5 + c; t4 = s & M32; c = s >> 32;
    s = t6 + q * m6 + c; t5 = s & M32; c = s >> 32;
    s = t7 + q * m7 + c; t6 = s & M32; c = s >> 32;
    s = t8 + c; t7 = s & M32; t8 = t9 + (s >> 32);
    // limb 3 of b
    bi = <u64>unchecked(b[3]);
    s = t0 + a0 * bi; t0 = s & M32; c = s >> 32;
    s = t1 + a1 * bi + c; t1 = s & M32; c = s >> 32;
    s = t2 + a2 * bi + c; t2 = s & M32; c = s >> 32;
    s = t3 + a3 * bi + c; t3 = s & M32; c = s >> 32;
    s = t4 + a4 * bi + c; t4 = s & M32; c = s >> 32;
    s = t5 + a5 * bi + c; t5 = s & M32; c = s >> 32;
    s = t6 + a6 * bi + c; t6 = s & M32; c = s >> 32;
    s = t7 + a7 * bi + c; t7 = s & M32; c = s >> 32;
    s = t8 + c; t8 = s & M32; t9 = s >> 32;
    q = (t0 * m0inv) & M32;
    s = t0 + q * m0; c = s >> 32;
    s = t1 + q * m1 + c; t0 = s & M32; c = s >> 32;
    s = t2 + q * m2 + c; t1 = s & M32; c = s >> 32;
    s = t3 + q * m3 + c; t2 = s & M32; c = s >> 32;
    s = t4 + q * m4 + c; t3 = s & M32; c = s >> 32;
    s = t5 + q * m5 + c; t4 = s & M32; c = s >> 32;
    s = t6 + q * m6 + c; t5 = s & M32; c = s >> 32;
    s = t7 + q * m7 + c; t6 = s & M32; c = s >> 32;
    s = t8 + c; t7 = s & M32; t8 = t9 + (s >> 32);
    // limb 4 of b
    bi = <u64>unchecked(b[4]);
    s = t0 + a0 * bi; t0 = s & M32; c = s >> 32;
    s = t1 + a1 * bi + c; t1 = s & M32; c = s >> 32;
    s = t2 + a2 * bi + c; t2 = s & M32; c = s >> 32;
    s = t3 + a3 * bi + c; t3 = s & M32; c = s >> 32;
    s = t4 + a4 * bi + c; t4 = s & M32; c = s >> 32;
    s = t5 + a5 * bi + c; t5 = s & M32; c = s >> 32;
    s = t6 + a6 * bi + c; t6 = s & M32; c = s >> 32;
    s = t7 + a7 * bi + c; t7 = s & M32; c = s >> 32;
    s = t8 + c; t8 = s & M32; t9 = s >> 32;
    q = (t0 * m0inv) & M32;
    s = t0 + q * m0; c = s >> 32;
    s = t1 + q * m1 + c; t0 = s & M32; c = s >> 32;
    s = t2 + q * m2 + c; t1 = s & M32; c = s >> 32;
    s = t3 + q * m3 + c; t2 = s & M32; c = s >> 32;
    s = t4 + q * m4 + c; t3 = s & M32; c = s >> 32;
    s = t5 + q * m5 + c; t4 = s & M32; c = s >> 32;
    s = t6 + q * m6 + c; t5 = s & M32; c = s >> 32;
    s = t7 + q * m7 + c; t6 = s & M32; c = s >> 32;
    s = t8 + c; t7 = s & M32; t8 = t9 + (s >> 32);
    // limb 5 of b
    bi = <u64>unchecked(b[5]);
    s = t0 + a0 * bi; t0 = s & M32; c = s >> 32;
    s = t1 + a1 * bi + c; t1 = s & M32; c = s >> 32;
    s = t2 + a2 * bi + c; t2 = s & M32; c = s >> 32;
    s = t3 + a3 * bi + c; t3 = s & M32; c = s >> 32;
    s = t4 + a4 * bi + c; t4 = s & M32; c = s >> 32;
    s = t5 + a5 * bi + c; t5 = s & M32; c = s >> 32;
    s = t6 + a6 * bi + c; t6 = s & M32; c = s >> 32;
    s = t7 + a7 * bi + c; t7 = s & M32; c = s >> 32;
    s = t8 + c; t8 = s & M32; t9 = s >> 32;
    q = (t0 * m0inv) & M32;
    s = t0 + q * m0; c = s >> 32;
    s = t1 + q * m1 + c; t0 = s & M32; c = s >> 32;
    s = t2 + q * m2 + c; t1 = s & M32; c = s >> 32;
    s = t3 + q * m3 + c; t2 = s & M32; c = s >> 32;
    s = t4 + q * m4 + c; t3 = s & M32; c = s >> 32;
    s = t5 + q * m5 + c; t4 = s & M32; c = s >> 32;
    s = t6 + q * m6 + c; t5 = s & M32; c = s >> 32;
    s = t7 + q * m7 + c; t6 = s & M32; c = s >> 32;
    s = t8 + c; t7 = s & M32; t8 = t9 + (s >> 32);
    // limb 6 of b
    bi = <u64>unchecked(b[6]);
    s = t0 + a0 * bi; t0 = s & M32; c = s >> 32;
    s = t1 + a1 * bi + c; t1 = s & M32; c = s >> 32;
    s = t2 + a2 * bi + c; t2 = s & M32; c = s >> 32;
    s = t3 + a3 * bi + c; t3 = s & M32; c = s >> 32;
    s = t4 + a4 * bi + c; t4 = s & M32; c = s >> 32;
    s = t5 + a5 * bi + c; t5 = s & M32; c = s >> 32;
    s = t6 + a6 * bi + c; t6 = s & M32; c = s >> 32;
    s = t7 + a7 * bi + c; t7 = s & M32; c = s >> 32;
    s = t8 + c; t8 = s & M32; t9 = s >> 32;
    q = (t0 * m0inv) & M32;
    s = t0 + q * m0; c = s >> 32;
    s = t1 + q * m1 + c; t0 = s & M32; c = s >> 32;
    s = t2 + q * m2 + c; t1 = s & M32; c = s >> 32;
    s = t3 + q * m3 + c; t2 = s & M32; c = s >> 32;
    s = t4 + q * m4 + c; t3 = s & M32; c = s >> 32;
    s = t5 + q * m5 + c; t4 = s & M32; c = s >> 32;
    s = t6 + q * m6 + c; t5 = s & M32; c = s >> 32;
    s = t7 + q * m7 + c; t6 = s & M32; c = s >> 32;
    s = t8 + c; t7 = s & M32; t8 = t9 + (s >> 32);
    // limb 7 of b
    bi = <u64>unchecked(b[7]);
    s = t0 + a0 * bi; t0 = s & M32; c = s >> 32;
    s = t1 + a1 * bi + c; t1 = s & M32; c = s >> 32;
    s = t2 + a2 * bi + c; t2 = s & M32; c = s >> 32;
    s = t3 + a3 * bi + c; t3 = s & M32; c = s >> 32;
    s = t4 + a4 * bi + c; t4 = s & M32; c = s >> 32;
    s = t5 + a5 * bi + c; t5 = s & M32; c = s >> 32;
    s = t6 + a6 * bi + c; t6 = s & M32; c = s >> 32;
    s = t7 + a7 * bi + c; t7 = s & M32; c = s >> 32;
    s = t8 + c; t8 = s & M32; t9 = s >> 32;
    q = (t0 * m0inv) & M32;
    s = t0 + q * m0; c = s >> 32;
    s = t1 + q * m1 + c; t0 = s & M32; c = s >> 32;
    s = t2 + q * m2 + c; t1 = s & M32; c = s >> 32;
    s = t3 + q * m3 + c; t2 = s & M32; c = s >> 32;
    s = t4 + q * m4 + c; t3 = s & M32; c = s >> 32;
    s = t5 + q * m5 + c; t4 = s & M32; c = s >> 32;
    s = t6 + q * m6 + c; t5 = s & M32; c = s >> 32;
    s = t7 + q * m7 + c; t6 = s & M32; c = s >> 32;
    s = t8 + c; t7 = s & M32; t8 = t9 + (s >> 32);
    unchecked(r[0] = <u32>t0);
    unchecked(r[1] = <u32>t1);
    unchecked(r[2] = <u32>t2);
    unchecked(r[3] = <u32>t3);
    unchecked(r[4] = <u32>t4);
    unchecked(r[5] = <u32>t5);
    unchecked(r[6] = <u32>t6);
    unchecked(r[7] = <u32>t7);
    // Subtract m when t >= m (t8 is the 2^256 bit).
    const borrow = numSub(tmpSub, r, m);
    const take = <u32>t8 | (borrow ^ 1);
    numCmov(r, tmpSub, 0 - take);
  }

  /** r = a + b mod m, for a, b < m. */
  add(r: Num, a: Num, b: Num): void {
    let carry: u64 = 0;
    for (let i = 0; i < 8; i++) {
      const s = <u64>unchecked(a[i]) + <u64>unchecked(b[i]) + carry;
      unchecked(r[i] = <u32>s);
      carry = s >> 32;
    }
    const borrow = numSub(tmpSub, r, this.m);
    const take = <u32>carry | (borrow ^ 1);
    numCmov(r, tmpSub, 0 - take);
  }

  /** r = a - b mod m, for a, b < m. */
  sub(r: Num, a: Num, b: Num): void {
    const borrow = numSub(r, a, b);
    let carry: u64 = 0;
    const mask = 0 - borrow;
    for (let i = 0; i < 8; i++) {
      const s = <u64>unchecked(r[i]) + <u64>(unchecked(this.m[i]) & mask) + carry;
      unchecked(r[i] = <u32>s);
      carry = s >> 32;
    }
  }

  /** Montgomery form of any 256-bit a (not necessarily < m): a R mod m. */
  toMont(r: Num, a: Num): void { this.mul(r, a, this.r2); }
  /** Plain value of a Montgomery-form a, fully reduced. */
  fromMont(r: Num, a: Num): void { this.mul(r, a, this.one); }

  /** Reduces a 512-bit number hi 2^256 + lo into Montgomery form: lo R + hi R^2 (mod m). */
  reduceWideToMont(r: Num, lo: Num, hi: Num): void {
    const u = numNew();
    this.mul(u, lo, this.r2);
    this.mul(r, hi, this.r3);
    this.add(r, r, u);
  }

  /** r = a^(m-2) = a^-1 in Montgomery form (0 for 0). The exponent is public. */
  inv(r: Num, a: Num): void {
    const acc = numNew(), base = numNew();
    numCopy(base, a);
    this.mul(acc, this.one, this.r2); // R mod m: Montgomery 1
    const e = this.mMinus2;
    for (let i = 255; i >= 0; i--) {
      this.mul(acc, acc, acc);
      if (((unchecked(e[i >> 5]) >> (i & 31)) & 1) != 0) this.mul(acc, acc, base);
    }
    numCopy(r, acc);
  }

  /**
   * r = a^-1 mod m for a plain (not Montgomery) a in [1, m-1], by the binary extended Euclidean
   * algorithm. VARIABLE TIME: only for public values (signature verification). Returns false for
   * a = 0 (or any a sharing a factor with m).
   */
  invVartime(r: Num, a: Num): bool {
    const u = numNew(), v = numNew(), x1 = numNew(), x2 = numNew();
    numCopy(u, a); numCopy(v, this.m);
    unchecked(x1[0] = 1);
    if (numIsZero(u)) return false;
    // Each round halves u or v at least once after a subtraction: log2(u v) < 512 bounds it.
    for (let round = 0; round < 600; round++) {
      if (isOne(u)) { numCopy(r, x1); return true; }
      if (isOne(v)) { numCopy(r, x2); return true; }
      while ((unchecked(u[0]) & 1) == 0) { shr1(u, 0); this.half(x1); }
      while ((unchecked(v[0]) & 1) == 0) { shr1(v, 0); this.half(x2); }
      if (numLt(u, v)) { numSub(v, v, u); this.sub(x2, x2, x1); }
      else { numSub(u, u, v); this.sub(x1, x1, x2); }
      if (numIsZero(u) || numIsZero(v)) return false;
    }
    return false;
  }

  /** x = x / 2 mod m (m odd, x < m). */
  private half(x: Num): void {
    if ((unchecked(x[0]) & 1) == 0) { shr1(x, 0); return; }
    let carry: u64 = 0;
    for (let i = 0; i < 8; i++) {
      const t = <u64>unchecked(x[i]) + <u64>unchecked(this.m[i]) + carry;
      unchecked(x[i] = <u32>t);
      carry = t >> 32;
    }
    shr1(x, <u32>carry);
  }
}

function isOne(a: Num): bool {
  let acc: u32 = unchecked(a[0]) ^ 1;
  for (let i = 1; i < 8; i++) acc |= unchecked(a[i]);
  return acc == 0;
}

/** a = (top 2^256 + a) >> 1, top being 0 or 1. */
function shr1(a: Num, top: u32): void {
  for (let i = 0; i < 7; i++) unchecked(a[i] = (a[i] >> 1) | (a[i + 1] << 31));
  unchecked(a[7] = (a[7] >> 1) | (top << 31));
}
