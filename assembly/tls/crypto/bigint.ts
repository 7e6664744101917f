// Fixed-width big naturals for RSA (2048-4096-bit moduli): 32-bit limbs, little-endian, in
// StaticArray<u32>; Montgomery multiplication (the "CIOS" interleaving of multiply and reduce,
// Koc, Acar and Kaliski, "Analyzing and Comparing Montgomery Multiplication Algorithms", 1996).
//
// Two families of functions:
// - constant time (names without "Vartime"): loop counts depend only on limb counts, never on
//   values; conditional steps are done with masks. Used for everything touching a private key.
// - "Vartime": may branch on values. The powers branch on the exponent only (always public: e,
//   or a size), so a secret base is fine; compare and inverse branch on their operands and only
//   see public data (n, signatures) or the blinding value after a second random factor hid it.
//
// Bounds: limb counts come from the arrays' own lengths or from a MontCtx; callers pass arrays of
// the context's width (rsa.ts builds every one with limbsFromBytes(.., k)). Loops use load/store
// over those ranges only. Outside bytes reach this file only through limbsFromBytes, which
// refuses values wider than asked.

/** Limb count for a value of `bytes` bytes. */
@inline export function limbsFor(bytes: i32): i32 {
  return (bytes + 3) >> 2;
}

/**
 * Big-endian bytes -> k little-endian limbs. Leading zero bytes are accepted; null when the value
 * needs more than k limbs (a length check on public sizes; the loop itself is value-independent).
 */
export function limbsFromBytes(b: Uint8Array, k: i32): StaticArray<u32> | null {
  const n = b.length;
  // Bytes above the k-limb width must all be zero.
  let extra: u32 = 0;
  const cap = k << 2;
  for (let i = 0; i < n - cap; i++) extra |= <u32>unchecked(b[i]);
  if (extra != 0) return null;
  const out = new StaticArray<u32>(k);
  const p = changetype<usize>(out);
  const m = n < cap ? n : cap;
  for (let i = 0; i < m; i++) {
    // Byte i from the right goes to limb i>>2, shift 8*(i&3).
    const byte = <u32>unchecked(b[n - 1 - i]);
    const a = p + (<usize>(i >> 2) << 2);
    store<u32>(a, load<u32>(a) | (byte << ((<u32>i & 3) << 3)));
  }
  return out;
}

/** The low `len` bytes of `a` as big-endian bytes (constant time; higher limbs are ignored). */
export function limbsToBytes(a: StaticArray<u32>, len: i32): Uint8Array {
  const out = new Uint8Array(len);
  const k = a.length;
  const p = changetype<usize>(a);
  for (let i = 0; i < len; i++) {
    const li = i >> 2;
    if (li >= k) break; // public sizes only
    const byte = <u8>(load<u32>(p + (<usize>li << 2)) >> ((<u32>i & 3) << 3));
    unchecked(out[len - 1 - i] = byte);
  }
  return out;
}

/** Number of significant bits (variable time: public values only). */
export function bitLengthVartime(a: StaticArray<u32>): i32 {
  for (let i = a.length - 1; i >= 0; i--) {
    const w = unchecked(a[i]);
    if (w != 0) return (i << 5) + 32 - <i32>clz<u32>(w);
  }
  return 0;
}

/** -1, 0, 1 as a <, =, > b for equal-length arrays (variable time). */
export function cmpVartime(a: StaticArray<u32>, b: StaticArray<u32>): i32 {
  const k = a.length;
  for (let i = k - 1; i >= 0; i--) {
    const x = unchecked(a[i]), y = unchecked(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/** 0xFFFFFFFF when x == y, else 0 (constant time). */
@inline export function eqMask(x: u32, y: u32): u32 {
  const d = x ^ y;
  return ((d | (0 - d)) >> 31) - 1;
}

/** r = a - b over k limbs (r may be a); returns the borrow (0 or 1). Constant time. */
function subTo(r: usize, a: usize, b: usize, k: i32): u32 {
  let borrow: u64 = 0;
  for (let j = 0; j < k; j++) {
    const o = <usize>j << 2;
    const d = <u64>load<u32>(a + o) - <u64>load<u32>(b + o) - borrow;
    store<u32>(r + o, <u32>d);
    borrow = (d >> 32) & 1;
  }
  return <u32>borrow;
}

/** a = a - b over k limbs; returns the borrow (0 or 1). Constant time. */
@inline function subInPlace(a: usize, b: usize, k: i32): u32 { return subTo(a, a, b, k); }

/** a = a + (b & mask) over k limbs; returns the carry. Constant time. */
function addMasked(a: usize, b: usize, k: i32, mask: u32): u32 {
  let c: u64 = 0;
  for (let j = 0; j < k; j++) {
    const o = <usize>j << 2;
    const s = <u64>load<u32>(a + o) + <u64>(load<u32>(b + o) & mask) + c;
    store<u32>(a + o, <u32>s);
    c = s >> 32;
  }
  return <u32>c;
}

/** a = a + b over k limbs; returns the carry. Constant time. */
@inline function addInPlace(a: usize, b: usize, k: i32): u32 { return addMasked(a, b, k, 0xffffffff); }

/** dst = mask ? src : dst over k limbs (constant time). */
function cmov(dst: usize, src: usize, k: i32, mask: u32): void {
  for (let j = 0; j < k; j++) {
    const o = <usize>j << 2;
    const d = load<u32>(dst + o);
    store<u32>(dst + o, d ^ ((d ^ load<u32>(src + o)) & mask));
  }
}

/**
 * Product of a (ka limbs) and b (kb limbs) into out (at least ka+kb limbs; the rest is zeroed).
 * Schoolbook, constant time.
 */
export function mulFull(out: StaticArray<u32>, a: StaticArray<u32>, b: StaticArray<u32>): void {
  const ka = a.length, kb = b.length;
  const po = changetype<usize>(out), pa = changetype<usize>(a), pb = changetype<usize>(b);
  if (<u32>out.length < <u32>(ka + kb)) return;
  memory.fill(po, 0, <usize>out.length << 2);
  for (let i = 0; i < ka; i++) {
    const ai = <u64>load<u32>(pa + (<usize>i << 2));
    let c: u64 = 0;
    const row = po + (<usize>i << 2);
    for (let j = 0; j < kb; j++) {
      const o = <usize>j << 2;
      const s = <u64>load<u32>(row + o) + ai * <u64>load<u32>(pb + o) + c;
      store<u32>(row + o, <u32>s);
      c = s >> 32;
    }
    store<u32>(row + (<usize>kb << 2), <u32>c);
  }
}

/**
 * Montgomery arithmetic modulo an odd m of k limbs, R = 2^(32k). Values in "Montgomery form"
 * are aR mod m. Every operation here is constant time in the values (m itself may be secret:
 * the primes p and q).
 */
export class MontCtx {
  k: i32;
  m: StaticArray<u32>;
  /** -m^-1 mod 2^32. */
  n0: u32;
  /** R mod m: 1 in Montgomery form. */
  one: StaticArray<u32>;
  /** R^2 mod m: converts into Montgomery form. */
  rr: StaticArray<u32>;
  /** R^3 mod m: converts a value already divided by R (computed on first use). */
  private rrr: StaticArray<u32> | null = null;
  /** Scratch of k+2 limbs for mul. */
  private t: StaticArray<u32>;
  /** Scratch of k limbs for the trial subtraction. */
  private u: StaticArray<u32>;
  /** Plain 1, to leave Montgomery form. */
  private plainOne: StaticArray<u32>;

  /**
   * A context for modulus m (its length is k; the top limb must be nonzero, m odd and > 1), or
   * null when m is unusable. Setup work depends on m's bit length, which is public for every
   * modulus used here (n, and p and q whose sizes follow from n).
   */
  static create(m: StaticArray<u32>): MontCtx | null {
    const k = m.length;
    if (k < 1) return null;
    if ((unchecked(m[0]) & 1) == 0) return null;
    if (unchecked(m[k - 1]) == 0) return null;
    if (k == 1 && unchecked(m[0]) == 1) return null;
    const c = new MontCtx(m);
    return c;
  }

  private constructor(m: StaticArray<u32>) {
    const k = m.length;
    this.k = k;
    this.m = m;
    // Newton iteration for m0^-1 mod 2^32: each step doubles the correct low bits (3 -> 48).
    const m0 = unchecked(m[0]);
    let inv: u32 = m0; // correct to 3 bits for odd m0
    inv *= 2 - m0 * inv;
    inv *= 2 - m0 * inv;
    inv *= 2 - m0 * inv;
    inv *= 2 - m0 * inv;
    this.n0 = 0 - inv;
    this.t = new StaticArray<u32>(k + 2);
    this.u = new StaticArray<u32>(k);
    this.one = new StaticArray<u32>(k);
    this.rr = new StaticArray<u32>(k);
    this.plainOne = new StaticArray<u32>(k);
    unchecked(this.plainOne[0] = 1);
    // R mod m: start from 2^(top limb's highest bit) < m and double up to 2^(32k). The start
    // position depends only on the bit length of m, which is public.
    const x = new StaticArray<u32>(k);
    const topBit = 31 - <i32>clz<u32>(unchecked(m[k - 1]));
    unchecked(x[k - 1] = <u32>1 << topBit);
    const doublings = 32 - topBit; // 2^(32(k-1)+topBit) * 2^doublings = 2^(32k)
    for (let i = 0; i < doublings; i++) this.dbl(x);
    this.one = x;
    // R^2 mod m is 2^(32k) in Montgomery form: double R mod m d times to get 2^d in Montgomery
    // form, then raise that to 32k/d (d is 32 or 64, whichever divides 32k evenly, so
    // both the doublings and the Montgomery squarings stay few).
    let d = 32, e = k;
    while ((e & 1) == 0 && d < 64) { d <<= 1; e >>= 1; }
    const base = new StaticArray<u32>(k);
    memory.copy(changetype<usize>(base), changetype<usize>(x), <usize>k << 2);
    for (let i = 0; i < d; i++) this.dbl(base);
    this.powSmallVartime(this.rr, base, <u32>e);
  }

  /** x = 2x mod m, for x < m (constant time). */
  private dbl(x: StaticArray<u32>): void {
    const k = this.k;
    const p = changetype<usize>(x);
    let carry: u32 = 0;
    for (let j = 0; j < k; j++) {
      const a = p + (<usize>j << 2);
      const w = load<u32>(a);
      store<u32>(a, (w << 1) | carry);
      carry = w >> 31;
    }
    this.condSub(p, carry);
  }

  /** Subtracts m from the k-limb value at p (with an extra top bit `hi`) when that value >= m. */
  private condSub(p: usize, hi: u32): void {
    const k = this.k;
    const pm = changetype<usize>(this.m);
    // Trial subtraction into u, then keep it when hi == 1 or there was no borrow.
    const t = changetype<usize>(this.u);
    const borrow = subTo(t, p, pm, k);
    const keep = (hi | (borrow ^ 1)) & 1; // 1: use the difference
    cmov(p, t, k, 0 - keep);
  }

  /**
   * r = a*b*R^-1 mod m. Inputs: a < R and b < m (or a < m and b < R) gives r < m.
   * r may alias a or b. Constant time.
   */
  mul(r: StaticArray<u32>, a: StaticArray<u32>, b: StaticArray<u32>): void {
    const k = this.k;
    const t = changetype<usize>(this.t);
    const pa = changetype<usize>(a), pb = changetype<usize>(b), pm = changetype<usize>(this.m);
    const n0 = this.n0;
    memory.fill(t, 0, <usize>(k + 2) << 2);
    // Two rows (a_i and a_i+1) per pass over t: four carry chains, one load and store of t per
    // column instead of two. Same arithmetic as two single CIOS rows: q_i+1 is taken from the
    // limb that row i leaves at the bottom.
    let i = 0;
    for (; i + 1 < k; i += 2) {
      const a0 = <u64>load<u32>(pa + (<usize>i << 2));
      const a1 = <u64>load<u32>(pa + (<usize>(i + 1) << 2));
      let bPrev = <u64>load<u32>(pb), mPrev = <u64>load<u32>(pm);
      // Column 0 (row i).
      let s1 = <u64>load<u32>(t) + a0 * bPrev;
      const q0 = <u64>(<u32>s1 * n0);
      let c1 = s1 >> 32;
      let s2 = (s1 & 0xFFFFFFFF) + q0 * mPrev;
      let c2 = s2 >> 32;
      // Column 1 (row i), then column 0 of row i+1.
      let bj = <u64>load<u32>(pb + 4), mj = <u64>load<u32>(pm + 4);
      s1 = <u64>load<u32>(t + 4) + a0 * bj + c1;
      c1 = s1 >> 32;
      s2 = (s1 & 0xFFFFFFFF) + q0 * mj + c2;
      c2 = s2 >> 32;
      let s3 = (s2 & 0xFFFFFFFF) + a1 * bPrev;
      const q1 = <u64>(<u32>s3 * n0);
      let c3 = s3 >> 32;
      let s4 = (s3 & 0xFFFFFFFF) + q1 * mPrev;
      let c4 = s4 >> 32;
      bPrev = bj; mPrev = mj;
      for (let j = 2; j < k; j++) {
        const o = <usize>j << 2;
        bj = <u64>load<u32>(pb + o); mj = <u64>load<u32>(pm + o);
        s1 = <u64>load<u32>(t + o) + a0 * bj + c1;
        c1 = s1 >> 32;
        s2 = (s1 & 0xFFFFFFFF) + q0 * mj + c2;
        c2 = s2 >> 32;
        s3 = (s2 & 0xFFFFFFFF) + a1 * bPrev + c3;
        c3 = s3 >> 32;
        s4 = (s3 & 0xFFFFFFFF) + q1 * mPrev + c4;
        c4 = s4 >> 32;
        store<u32>(t + o - 8, <u32>s4);
        bPrev = bj; mPrev = mj;
      }
      // Column k: t's top limb, no more products for row i.
      const ok = <usize>k << 2;
      s1 = <u64>load<u32>(t + ok) + c1;
      c1 = s1 >> 32;
      s2 = (s1 & 0xFFFFFFFF) + c2;
      c2 = s2 >> 32;
      s3 = (s2 & 0xFFFFFFFF) + a1 * bPrev + c3;
      c3 = s3 >> 32;
      s4 = (s3 & 0xFFFFFFFF) + q1 * mPrev + c4;
      c4 = s4 >> 32;
      store<u32>(t + ok - 8, <u32>s4);
      // Column k+1: only carries (t < 2m keeps this within two limbs).
      const top = c1 + c2 + c3 + c4;
      store<u32>(t + ok - 4, <u32>top);
      store<u32>(t + ok, <u32>(top >> 32));
    }
    if (i < k) {
      // Odd k: one last single row.
      const ai = <u64>load<u32>(pa + (<usize>i << 2));
      let s = <u64>load<u32>(t) + ai * <u64>load<u32>(pb);
      const q = <u64>(<u32>s * n0);
      let c1 = s >> 32;
      let s2 = (s & 0xFFFFFFFF) + q * <u64>load<u32>(pm);
      let c2 = s2 >> 32;
      for (let j = 1; j < k; j++) {
        const o = <usize>j << 2;
        s = <u64>load<u32>(t + o) + ai * <u64>load<u32>(pb + o) + c1;
        c1 = s >> 32;
        s2 = (s & 0xFFFFFFFF) + q * <u64>load<u32>(pm + o) + c2;
        c2 = s2 >> 32;
        store<u32>(t + o - 4, <u32>s2);
      }
      const ok = <usize>k << 2;
      s = <u64>load<u32>(t + ok) + c1 + c2;
      store<u32>(t + ok - 4, <u32>s);
      store<u32>(t + ok, <u32>(s >> 32));
    }
    // t < 2m: subtract m once if needed, then copy out.
    const hi = load<u32>(t + (<usize>k << 2));
    this.condSub(t, hi);
    memory.copy(changetype<usize>(r), t, <usize>k << 2);
  }

  /** r = aR mod m for a < R (a has k limbs). */
  toMont(r: StaticArray<u32>, a: StaticArray<u32>): void {
    this.mul(r, a, this.rr);
  }

  /** r = a/R mod m: leaves Montgomery form. */
  fromMont(r: StaticArray<u32>, a: StaticArray<u32>): void {
    this.mul(r, a, this.plainOne);
  }

  /**
   * Montgomery form of x mod m, for a value x of up to 2k limbs (constant time):
   * x = xh*R + xl, so xR = xh*R^2 + xl*R = mul(xh, R^3) + mul(xl, R^2).
   */
  reduceToMont(r: StaticArray<u32>, x: StaticArray<u32>): bool {
    const k = this.k;
    const n = x.length;
    if (<u32>n > <u32>(2 * k)) return false;
    const lo = new StaticArray<u32>(k), hi = new StaticArray<u32>(k);
    const px = changetype<usize>(x);
    memory.copy(changetype<usize>(lo), px, <usize>(n < k ? n : k) << 2);
    if (n > k) memory.copy(changetype<usize>(hi), px + (<usize>k << 2), <usize>(n - k) << 2);
    let rrr = this.rrr;
    if (rrr === null) {
      rrr = new StaticArray<u32>(k);
      this.mul(rrr, this.rr, this.rr);
      this.rrr = rrr;
    }
    this.mul(hi, hi, rrr);
    this.mul(lo, lo, this.rr);
    this.addMod(r, hi, lo);
    return true;
  }

  /** r = a + b mod m for a, b < m (constant time). */
  addMod(r: StaticArray<u32>, a: StaticArray<u32>, b: StaticArray<u32>): void {
    const k = this.k;
    const pr = changetype<usize>(r);
    if (r !== a) memory.copy(pr, changetype<usize>(a), <usize>k << 2);
    const c = addInPlace(pr, changetype<usize>(b), k);
    this.condSub(pr, c);
  }

  /** r = a - b mod m for a, b < m (constant time). */
  subMod(r: StaticArray<u32>, a: StaticArray<u32>, b: StaticArray<u32>): void {
    const k = this.k;
    const pr = changetype<usize>(r);
    if (r !== a) memory.copy(pr, changetype<usize>(a), <usize>k << 2);
    const borrow = subInPlace(pr, changetype<usize>(b), k);
    addMasked(pr, changetype<usize>(this.m), k, 0 - borrow);
  }

  /** r = base^e (Montgomery form in and out) for a small public e (variable time in e). */
  powSmallVartime(r: StaticArray<u32>, base: StaticArray<u32>, e: u32): void {
    const k = this.k;
    const acc = new StaticArray<u32>(k);
    memory.copy(changetype<usize>(acc), changetype<usize>(this.one), <usize>k << 2);
    if (e != 0) {
      const top = 31 - <i32>clz<u32>(e);
      memory.copy(changetype<usize>(acc), changetype<usize>(base), <usize>k << 2);
      for (let i = top - 1; i >= 0; i--) {
        this.mul(acc, acc, acc);
        if ((e >> i) & 1) this.mul(acc, acc, base);
      }
    }
    memory.copy(changetype<usize>(r), changetype<usize>(acc), <usize>k << 2);
  }

  /**
   * r = base^e (Montgomery form in and out) for a public exponent given as big-endian bytes
   * (left-to-right square and multiply; variable time in e only).
   */
  powPublicVartime(r: StaticArray<u32>, base: StaticArray<u32>, e: Uint8Array): void {
    const k = this.k;
    const acc = new StaticArray<u32>(k);
    memory.copy(changetype<usize>(acc), changetype<usize>(this.one), <usize>k << 2);
    let started = false;
    for (let i = 0; i < e.length; i++) {
      const byte = <u32>unchecked(e[i]);
      for (let bit = 7; bit >= 0; bit--) {
        if (started) this.mul(acc, acc, acc);
        if ((byte >> bit) & 1) {
          this.mul(acc, acc, base);
          started = true;
        }
      }
    }
    memory.copy(changetype<usize>(r), changetype<usize>(acc), <usize>k << 2);
  }

  /**
   * r = base^e (Montgomery form in and out) for a secret exponent of e.length limbs, in constant
   * time: a fixed 4-bit window over every bit of e (leading zeros included), 4 squarings and one
   * multiplication per window, the table entry chosen by reading all 16 entries under masks.
   */
  powSecret(r: StaticArray<u32>, base: StaticArray<u32>, e: StaticArray<u32>): void {
    const k = this.k;
    const kb = <usize>k << 2;
    // table[i] = base^i, i = 0..15.
    const table = new StaticArray<u32>(16 * k);
    const pt = changetype<usize>(table);
    memory.copy(pt, changetype<usize>(this.one), kb);
    memory.copy(pt + kb, changetype<usize>(base), kb);
    const prev = new StaticArray<u32>(k);
    const cur = new StaticArray<u32>(k);
    memory.copy(changetype<usize>(prev), changetype<usize>(base), kb);
    for (let i = 2; i < 16; i++) {
      this.mul(cur, prev, base);
      memory.copy(pt + <usize>i * kb, changetype<usize>(cur), kb);
      memory.copy(changetype<usize>(prev), changetype<usize>(cur), kb);
    }
    const acc = new StaticArray<u32>(k);
    memory.copy(changetype<usize>(acc), changetype<usize>(this.one), kb);
    const sel = changetype<usize>(cur);
    const pe = changetype<usize>(e);
    const windows = e.length << 3;
    for (let w = windows - 1; w >= 0; w--) {
      if (w != windows - 1) {
        // The first window squares 1; skipping that depends only on the public exponent width.
        this.mul(acc, acc, acc);
        this.mul(acc, acc, acc);
        this.mul(acc, acc, acc);
        this.mul(acc, acc, acc);
      }
      const nib = (load<u32>(pe + (<usize>(w >> 3) << 2)) >> ((<u32>w & 7) << 2)) & 15;
      memory.fill(sel, 0, kb);
      for (let i: u32 = 0; i < 16; i++) {
        const mask = eqMask(i, nib);
        const src = pt + <usize>i * kb;
        for (let j = 0; j < k; j++) {
          const o = <usize>j << 2;
          store<u32>(sel + o, load<u32>(sel + o) | (load<u32>(src + o) & mask));
        }
      }
      this.mul(acc, acc, cur);
    }
    memory.copy(changetype<usize>(r), changetype<usize>(acc), kb);
  }
}

/** Number of limbs of a without leading zero limbs, looking at the low `len` (variable time). */
function trimLen(a: usize, len: i32): i32 {
  while (len > 0 && load<u32>(a + (<usize>(len - 1) << 2)) == 0) len--;
  return len;
}

/** a >>= sh bits over len limbs (variable time). */
function shrBits(a: usize, len: i32, sh: i32): void {
  const ls = sh >> 5, bs = <u32>(sh & 31);
  for (let j = 0; j < len; j++) {
    const src = j + ls;
    const lo = src < len ? load<u32>(a + (<usize>src << 2)) : 0;
    const hi = src + 1 < len ? load<u32>(a + (<usize>(src + 1) << 2)) : 0;
    store<u32>(a + (<usize>j << 2), bs == 0 ? lo : (lo >> bs) | (hi << (32 - bs)));
  }
}

/** Compares the len-limb values at a and b (variable time). */
function cmpLen(a: usize, b: usize, len: i32): i32 {
  for (let j = len - 1; j >= 0; j--) {
    const x = load<u32>(a + (<usize>j << 2)), y = load<u32>(b + (<usize>j << 2));
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * x = x / 2^sh mod m (x < m, k limbs): per chunk of c <= 31 bits, add the q*m (q < 2^c) that
 * clears the low c bits, as in a Montgomery reduction, and shift, in one pass. The result is
 * (x + q*m) / 2^c < (m + (2^c - 1) m) / 2^c < m, so no subtraction follows.
 */
function divPow2Mod(x: usize, m: usize, k: i32, n0: u32, sh: i32): void {
  while (sh > 0) {
    const c = <u32>(sh < 31 ? sh : 31);
    const q = <u64>((load<u32>(x) * n0) & ((<u32>1 << c) - 1));
    let carry: u64 = 0;
    let prev: u32 = 0;
    for (let j = 0; j < k; j++) {
      const o = <usize>j << 2;
      const v = <u64>load<u32>(x + o) + q * <u64>load<u32>(m + o) + carry;
      const lo = <u32>v;
      carry = v >> 32;
      if (j > 0) store<u32>(x + o - 4, (prev >> c) | (lo << (32 - c)));
      prev = lo;
    }
    store<u32>(x + (<usize>(k - 1) << 2), (prev >> c) | (<u32>carry << (32 - c)));
    sh -= <i32>c;
  }
}

/** Trailing zero bits of a nonzero len-limb value. */
function ctzLen(a: usize, len: i32): i32 {
  let j = 0;
  while (j < len && load<u32>(a + (<usize>j << 2)) == 0) j++;
  return (j << 5) + <i32>ctz<u32>(load<u32>(a + (<usize>j << 2)));
}

/**
 * a^-1 mod m for odd m and 0 < a < m (same limb count), or null when gcd(a, m) != 1.
 * Binary extended Euclid, VARIABLE TIME: call it only on values that carry no secret, such as a
 * blinding value already multiplied by a second random factor.
 */
export function modInverseVartime(a: StaticArray<u32>, m: StaticArray<u32>): StaticArray<u32> | null {
  const k = m.length;
  if (a.length != k || (unchecked(m[0]) & 1) == 0) return null;
  if (cmpVartime(a, m) >= 0) return null;
  const u = new StaticArray<u32>(k), v = new StaticArray<u32>(k);
  const pu = changetype<usize>(u), pv = changetype<usize>(v), pm = changetype<usize>(m);
  memory.copy(pu, changetype<usize>(a), <usize>k << 2);
  memory.copy(pv, pm, <usize>k << 2);
  const x1 = new StaticArray<u32>(k), x2 = new StaticArray<u32>(k);
  const p1 = changetype<usize>(x1), p2 = changetype<usize>(x2);
  unchecked(x1[0] = 1);
  const m0 = unchecked(m[0]);
  let inv: u32 = m0;
  inv *= 2 - m0 * inv; inv *= 2 - m0 * inv; inv *= 2 - m0 * inv; inv *= 2 - m0 * inv;
  const n0 = 0 - inv;
  let ul = trimLen(pu, k), vl = k;
  // Invariants: x1*a = u, x2*a = v (mod m); v stays odd.
  while (true) {
    if (ul == 0) return null; // u reached 0: gcd(a, m) = v > 1
    const tz = ctzLen(pu, ul);
    if (tz > 0) {
      shrBits(pu, ul, tz);
      ul = trimLen(pu, ul);
      divPow2Mod(p1, pm, k, n0, tz);
    }
    if (ul == 1 && load<u32>(pu) == 1) return x1;
    if (vl == 1 && load<u32>(pv) == 1) return x2;
    // Both odd: subtract the smaller from the larger (the difference is even).
    const c = ul != vl ? (ul > vl ? 1 : -1) : cmpLen(pu, pv, ul);
    if (c == 0) return null; // u = v > 1
    if (c > 0) {
      subInPlace(pu, pv, ul);
      ul = trimLen(pu, ul);
      if (subInPlace(p1, p2, k)) addInPlace(p1, pm, k);
    } else {
      subInPlace(pv, pu, vl);
      vl = trimLen(pv, vl);
      if (subInPlace(p2, p1, k)) addInPlace(p2, pm, k);
      // Make v odd again (it is nonzero: v > u > 0).
      const tv = ctzLen(pv, vl);
      shrBits(pv, vl, tv);
      vl = trimLen(pv, vl);
      divPow2Mod(p2, pm, k, n0, tv);
    }
  }
  return null;
}
