// SHA-256, SHA-384 and SHA-512 — FIPS 180-4 (Secure Hash Standard), §4.1.2/§4.1.3 functions,
// §4.2.2/§4.2.3 constants, §5.1 padding, §5.3 initial hash values, §6.2/§6.4/§6.5 computation.
// Also the algorithm ids shared by the crypto modules (HASH_*) and a polymorphic streaming hash
// (`HashCtx`, `newHash`, `hashOf`) used by HMAC, HKDF, the TLS PRF and signature code.
//
// Hashing is constant time by construction: no table is indexed by data and no branch depends on
// message bytes (only on lengths, which are public).
import { Sha1 } from "./sha1";

export const HASH_SHA1: i32 = 1;
export const HASH_SHA256: i32 = 2;
export const HASH_SHA384: i32 = 3;
export const HASH_SHA512: i32 = 4;

/** A streaming hash. `finish()` returns the digest and resets the context for reuse. */
export abstract class HashCtx {
  /** Digest length in bytes. */
  abstract get outLen(): i32;
  /** Compression block length in bytes (what HMAC pads its key to). */
  abstract get blockLen(): i32;
  abstract reset(): void;
  /** Absorbs `len` bytes at linear-memory address `p`. */
  abstract updatePtr(p: usize, len: i32): void;
  /** Writes the digest (outLen bytes) to `out` and resets the context. */
  abstract finishPtr(out: usize): void;
  /** An independent copy of the current state (e.g. a TLS transcript hash taken mid-handshake). */
  abstract clone(): HashCtx;

  update(d: Uint8Array): void {
    this.updatePtr(d.dataStart, d.length);
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.outLen);
    this.finishPtr(out.dataStart);
    return out;
  }
}

/** The framing FIPS 180-4 §5.1 gives SHA-1 and SHA-2 alike: whole blocks go to the compression
 *  function, the tail is padded with 0x80, zeros and the big-endian message length in bits (in the
 *  last 8 bytes of a 64-byte block, or the last 16 of a 128-byte one, whose upper half stays 0). */
export abstract class BlockHash extends HashCtx {
  protected buf: StaticArray<u8> = new StaticArray<u8>(128);
  protected bufLen: i32 = 0;
  protected total: u64 = 0; // bytes absorbed
  /** Runs the compression function over `n` whole blocks at `p`. */
  protected abstract compress(p: usize, n: i32): void;
  /** Writes the digest (the state, big-endian, truncated to outLen) to `out`. */
  protected abstract output(out: usize): void;
  /** Loads the initial hash value. */
  protected abstract initState(): void;

  reset(): void {
    this.initState();
    this.bufLen = 0;
    this.total = 0;
  }

  updatePtr(p: usize, len: i32): void {
    if (len <= 0) return;
    this.total += <u64>len;
    const bl = this.blockLen;
    const buf = changetype<usize>(this.buf);
    let fill = this.bufLen;
    if (fill > 0) {
      const take = min(bl - fill, len);
      memory.copy(buf + <usize>fill, p, <usize>take);
      fill += take; p += <usize>take; len -= take;
      if (fill < bl) { this.bufLen = fill; return; }
      this.compress(buf, 1);
      fill = 0;
    }
    const n = len / bl;
    if (n > 0) {
      this.compress(p, n);
      p += <usize>(n * bl); len -= n * bl;
    }
    if (len > 0) memory.copy(buf, p, <usize>len);
    this.bufLen = len;
  }

  finishPtr(out: usize): void {
    const bl = this.blockLen;
    const lenField = bl == 128 ? 16 : 8;
    const buf = changetype<usize>(this.buf);
    let fill = this.bufLen;
    store<u8>(buf + <usize>fill, 0x80);
    fill++;
    if (fill > bl - lenField) {
      memory.fill(buf + <usize>fill, 0, <usize>(bl - fill));
      this.compress(buf, 1);
      fill = 0;
    }
    memory.fill(buf + <usize>fill, 0, <usize>(bl - 8 - fill));
    store<u64>(buf + <usize>(bl - 8), bswap<u64>(this.total << 3));
    this.compress(buf, 1);
    this.output(out);
    this.reset();
  }

  /** Copies the framing state into `c`, a context of the same kind whose hash state is copied. */
  protected copyFraming(c: BlockHash): HashCtx {
    memory.copy(changetype<usize>(c.buf), changetype<usize>(this.buf), 128);
    c.bufLen = this.bufLen;
    c.total = this.total;
    return c;
  }
}

/** A fresh streaming context for `alg`, or null for an unknown algorithm id. */
export function newHash(alg: i32): HashCtx | null {
  if (alg == HASH_SHA256) return new Sha256();
  if (alg == HASH_SHA384) return new Sha384();
  if (alg == HASH_SHA512) return new Sha512();
  if (alg == HASH_SHA1) return new Sha1();
  return null;
}

/** Digest length of `alg` in bytes, 0 for an unknown id. */
export function hashLen(alg: i32): i32 {
  if (alg == HASH_SHA256) return 32;
  if (alg == HASH_SHA384) return 48;
  if (alg == HASH_SHA512) return 64;
  if (alg == HASH_SHA1) return 20;
  return 0;
}

/** One-shot digest of `m` with `alg`; an empty array for an unknown algorithm id. */
export function hashOf(alg: i32, m: Uint8Array): Uint8Array {
  const h = newHash(alg);
  if (h === null) return new Uint8Array(0);
  h.update(m);
  return h.finish();
}

// ---------------------------------------------------------------------------------------------
// SHA-256

// FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const K256: StaticArray<u32> = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

// FIPS 180-4 §5.3.3.
const IV256: StaticArray<u32> = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

// W[t] + K[t] for the block in progress (SIMD path); cleared at the end of each call.
const WK256 = new StaticArray<u32>(64);

/** Runs the SHA-256 compression over `n` 64-byte blocks at `p`, updating the 8-word state at `st`. */
export function sha256Blocks(st: usize, p: usize, n: i32): void {
  if (ASC_FEATURE_SIMD) sha256BlocksSimd(st, p, n);
  else sha256BlocksScalar(st, p, n);
}

// With wasm SIMD the message schedule moves to i32x4 vectors (σ0/σ1 four words at a time, byte swap by
// shuffle), interleaved with the rounds so that it overlaps them; the rounds then read W[t]+K[t] from
// WK256 and need registers only for the working variables. About 1.35x the scalar code in V8.
function sha256BlocksSimd(st: usize, p: usize, n: i32): void {
  if (ASC_FEATURE_SIMD) {
    let h0 = load<u32>(st, 0), h1 = load<u32>(st, 4), h2 = load<u32>(st, 8), h3 = load<u32>(st, 12);
    let h4 = load<u32>(st, 16), h5 = load<u32>(st, 20), h6 = load<u32>(st, 24), h7 = load<u32>(st, 28);
    const k = changetype<usize>(K256);
    const wk = changetype<usize>(WK256);
    let t1: u32 = 0, ab: u32 = 0, bc: u32 = 0;
    let y: v128, w2: v128, w15: v128;
    while (n > 0) {
      // W[0..15]: big-endian words.
      let x0 = i8x16.shuffle(v128.load(p, 0), v128.load(p, 0), 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
      let x1 = i8x16.shuffle(v128.load(p, 16), v128.load(p, 16), 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
      let x2 = i8x16.shuffle(v128.load(p, 32), v128.load(p, 32), 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
      let x3 = i8x16.shuffle(v128.load(p, 48), v128.load(p, 48), 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
      v128.store(wk, i32x4.add(x0, v128.load(k, 0)), 0);
      v128.store(wk, i32x4.add(x1, v128.load(k, 16)), 16);
      v128.store(wk, i32x4.add(x2, v128.load(k, 32)), 32);
      v128.store(wk, i32x4.add(x3, v128.load(k, 48)), 48);
      let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
      bc = b ^ c;
      t1 = (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + ((g ^ (e & (f ^ g))) + (h + load<u32>(wk, 0)));
      d += t1;
      ab = a ^ b;
      h = t1 + ((rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + (b ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + ((f ^ (d & (e ^ f))) + (g + load<u32>(wk, 4)));
      c += t1;
      ab = h ^ a;
      g = t1 + ((rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + (a ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + ((e ^ (c & (d ^ e))) + (f + load<u32>(wk, 8)));
      b += t1;
      ab = g ^ h;
      f = t1 + ((rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + (h ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + ((d ^ (b & (c ^ d))) + (e + load<u32>(wk, 12)));
      a += t1;
      ab = f ^ g;
      e = t1 + ((rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + (g ^ (ab & bc))); bc = ab;
      // W[16..19]
      w15 = i32x4.shuffle(x0, x1, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x0, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x2, x3, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x3, x3, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x0 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x0, v128.load(k, 64)), 64);
      t1 = (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + ((c ^ (a & (b ^ c))) + (d + load<u32>(wk, 16)));
      h += t1;
      ab = e ^ f;
      d = t1 + ((rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + (f ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + ((b ^ (h & (a ^ b))) + (c + load<u32>(wk, 20)));
      g += t1;
      ab = d ^ e;
      c = t1 + ((rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + (e ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + ((a ^ (g & (h ^ a))) + (b + load<u32>(wk, 24)));
      f += t1;
      ab = c ^ d;
      b = t1 + ((rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + (d ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + ((h ^ (f & (g ^ h))) + (a + load<u32>(wk, 28)));
      e += t1;
      ab = b ^ c;
      a = t1 + ((rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + (c ^ (ab & bc))); bc = ab;
      // W[20..23]
      w15 = i32x4.shuffle(x1, x2, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x1, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x3, x0, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x0, x0, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x1 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x1, v128.load(k, 80)), 80);
      t1 = (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + ((g ^ (e & (f ^ g))) + (h + load<u32>(wk, 32)));
      d += t1;
      ab = a ^ b;
      h = t1 + ((rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + (b ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + ((f ^ (d & (e ^ f))) + (g + load<u32>(wk, 36)));
      c += t1;
      ab = h ^ a;
      g = t1 + ((rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + (a ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + ((e ^ (c & (d ^ e))) + (f + load<u32>(wk, 40)));
      b += t1;
      ab = g ^ h;
      f = t1 + ((rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + (h ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + ((d ^ (b & (c ^ d))) + (e + load<u32>(wk, 44)));
      a += t1;
      ab = f ^ g;
      e = t1 + ((rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + (g ^ (ab & bc))); bc = ab;
      // W[24..27]
      w15 = i32x4.shuffle(x2, x3, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x2, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x0, x1, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x1, x1, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x2 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x2, v128.load(k, 96)), 96);
      t1 = (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + ((c ^ (a & (b ^ c))) + (d + load<u32>(wk, 48)));
      h += t1;
      ab = e ^ f;
      d = t1 + ((rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + (f ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + ((b ^ (h & (a ^ b))) + (c + load<u32>(wk, 52)));
      g += t1;
      ab = d ^ e;
      c = t1 + ((rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + (e ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + ((a ^ (g & (h ^ a))) + (b + load<u32>(wk, 56)));
      f += t1;
      ab = c ^ d;
      b = t1 + ((rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + (d ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + ((h ^ (f & (g ^ h))) + (a + load<u32>(wk, 60)));
      e += t1;
      ab = b ^ c;
      a = t1 + ((rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + (c ^ (ab & bc))); bc = ab;
      // W[28..31]
      w15 = i32x4.shuffle(x3, x0, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x3, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x1, x2, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x2, x2, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x3 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x3, v128.load(k, 112)), 112);
      t1 = (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + ((g ^ (e & (f ^ g))) + (h + load<u32>(wk, 64)));
      d += t1;
      ab = a ^ b;
      h = t1 + ((rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + (b ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + ((f ^ (d & (e ^ f))) + (g + load<u32>(wk, 68)));
      c += t1;
      ab = h ^ a;
      g = t1 + ((rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + (a ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + ((e ^ (c & (d ^ e))) + (f + load<u32>(wk, 72)));
      b += t1;
      ab = g ^ h;
      f = t1 + ((rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + (h ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + ((d ^ (b & (c ^ d))) + (e + load<u32>(wk, 76)));
      a += t1;
      ab = f ^ g;
      e = t1 + ((rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + (g ^ (ab & bc))); bc = ab;
      // W[32..35]
      w15 = i32x4.shuffle(x0, x1, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x0, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x2, x3, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x3, x3, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x0 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x0, v128.load(k, 128)), 128);
      t1 = (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + ((c ^ (a & (b ^ c))) + (d + load<u32>(wk, 80)));
      h += t1;
      ab = e ^ f;
      d = t1 + ((rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + (f ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + ((b ^ (h & (a ^ b))) + (c + load<u32>(wk, 84)));
      g += t1;
      ab = d ^ e;
      c = t1 + ((rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + (e ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + ((a ^ (g & (h ^ a))) + (b + load<u32>(wk, 88)));
      f += t1;
      ab = c ^ d;
      b = t1 + ((rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + (d ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + ((h ^ (f & (g ^ h))) + (a + load<u32>(wk, 92)));
      e += t1;
      ab = b ^ c;
      a = t1 + ((rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + (c ^ (ab & bc))); bc = ab;
      // W[36..39]
      w15 = i32x4.shuffle(x1, x2, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x1, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x3, x0, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x0, x0, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x1 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x1, v128.load(k, 144)), 144);
      t1 = (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + ((g ^ (e & (f ^ g))) + (h + load<u32>(wk, 96)));
      d += t1;
      ab = a ^ b;
      h = t1 + ((rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + (b ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + ((f ^ (d & (e ^ f))) + (g + load<u32>(wk, 100)));
      c += t1;
      ab = h ^ a;
      g = t1 + ((rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + (a ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + ((e ^ (c & (d ^ e))) + (f + load<u32>(wk, 104)));
      b += t1;
      ab = g ^ h;
      f = t1 + ((rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + (h ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + ((d ^ (b & (c ^ d))) + (e + load<u32>(wk, 108)));
      a += t1;
      ab = f ^ g;
      e = t1 + ((rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + (g ^ (ab & bc))); bc = ab;
      // W[40..43]
      w15 = i32x4.shuffle(x2, x3, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x2, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x0, x1, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x1, x1, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x2 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x2, v128.load(k, 160)), 160);
      t1 = (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + ((c ^ (a & (b ^ c))) + (d + load<u32>(wk, 112)));
      h += t1;
      ab = e ^ f;
      d = t1 + ((rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + (f ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + ((b ^ (h & (a ^ b))) + (c + load<u32>(wk, 116)));
      g += t1;
      ab = d ^ e;
      c = t1 + ((rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + (e ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + ((a ^ (g & (h ^ a))) + (b + load<u32>(wk, 120)));
      f += t1;
      ab = c ^ d;
      b = t1 + ((rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + (d ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + ((h ^ (f & (g ^ h))) + (a + load<u32>(wk, 124)));
      e += t1;
      ab = b ^ c;
      a = t1 + ((rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + (c ^ (ab & bc))); bc = ab;
      // W[44..47]
      w15 = i32x4.shuffle(x3, x0, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x3, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x1, x2, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x2, x2, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x3 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x3, v128.load(k, 176)), 176);
      t1 = (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + ((g ^ (e & (f ^ g))) + (h + load<u32>(wk, 128)));
      d += t1;
      ab = a ^ b;
      h = t1 + ((rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + (b ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + ((f ^ (d & (e ^ f))) + (g + load<u32>(wk, 132)));
      c += t1;
      ab = h ^ a;
      g = t1 + ((rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + (a ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + ((e ^ (c & (d ^ e))) + (f + load<u32>(wk, 136)));
      b += t1;
      ab = g ^ h;
      f = t1 + ((rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + (h ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + ((d ^ (b & (c ^ d))) + (e + load<u32>(wk, 140)));
      a += t1;
      ab = f ^ g;
      e = t1 + ((rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + (g ^ (ab & bc))); bc = ab;
      // W[48..51]
      w15 = i32x4.shuffle(x0, x1, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x0, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x2, x3, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x3, x3, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x0 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x0, v128.load(k, 192)), 192);
      t1 = (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + ((c ^ (a & (b ^ c))) + (d + load<u32>(wk, 144)));
      h += t1;
      ab = e ^ f;
      d = t1 + ((rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + (f ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + ((b ^ (h & (a ^ b))) + (c + load<u32>(wk, 148)));
      g += t1;
      ab = d ^ e;
      c = t1 + ((rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + (e ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + ((a ^ (g & (h ^ a))) + (b + load<u32>(wk, 152)));
      f += t1;
      ab = c ^ d;
      b = t1 + ((rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + (d ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + ((h ^ (f & (g ^ h))) + (a + load<u32>(wk, 156)));
      e += t1;
      ab = b ^ c;
      a = t1 + ((rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + (c ^ (ab & bc))); bc = ab;
      // W[52..55]
      w15 = i32x4.shuffle(x1, x2, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x1, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x3, x0, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x0, x0, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x1 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x1, v128.load(k, 208)), 208);
      t1 = (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + ((g ^ (e & (f ^ g))) + (h + load<u32>(wk, 160)));
      d += t1;
      ab = a ^ b;
      h = t1 + ((rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + (b ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + ((f ^ (d & (e ^ f))) + (g + load<u32>(wk, 164)));
      c += t1;
      ab = h ^ a;
      g = t1 + ((rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + (a ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + ((e ^ (c & (d ^ e))) + (f + load<u32>(wk, 168)));
      b += t1;
      ab = g ^ h;
      f = t1 + ((rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + (h ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + ((d ^ (b & (c ^ d))) + (e + load<u32>(wk, 172)));
      a += t1;
      ab = f ^ g;
      e = t1 + ((rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + (g ^ (ab & bc))); bc = ab;
      // W[56..59]
      w15 = i32x4.shuffle(x2, x3, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x2, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x0, x1, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x1, x1, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x2 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x2, v128.load(k, 224)), 224);
      t1 = (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + ((c ^ (a & (b ^ c))) + (d + load<u32>(wk, 176)));
      h += t1;
      ab = e ^ f;
      d = t1 + ((rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + (f ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + ((b ^ (h & (a ^ b))) + (c + load<u32>(wk, 180)));
      g += t1;
      ab = d ^ e;
      c = t1 + ((rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + (e ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + ((a ^ (g & (h ^ a))) + (b + load<u32>(wk, 184)));
      f += t1;
      ab = c ^ d;
      b = t1 + ((rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + (d ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + ((h ^ (f & (g ^ h))) + (a + load<u32>(wk, 188)));
      e += t1;
      ab = b ^ c;
      a = t1 + ((rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + (c ^ (ab & bc))); bc = ab;
      // W[60..63]
      w15 = i32x4.shuffle(x3, x0, 1, 2, 3, 4);
      y = i32x4.add(i32x4.add(x3, v128.xor(v128.xor(v128.or(i32x4.shr_u(w15, 7), i32x4.shl(w15, 25)), v128.or(i32x4.shr_u(w15, 18), i32x4.shl(w15, 14))), i32x4.shr_u(w15, 3))), i32x4.shuffle(x1, x2, 1, 2, 3, 4));
      w2 = i32x4.shuffle(x2, x2, 2, 3, 2, 3);
      w15 = i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10)));
      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);
      x3 = i32x4.shuffle(w15, i32x4.add(y, v128.xor(v128.xor(v128.or(i32x4.shr_u(w2, 17), i32x4.shl(w2, 15)), v128.or(i32x4.shr_u(w2, 19), i32x4.shl(w2, 13))), i32x4.shr_u(w2, 10))), 0, 1, 6, 7);
      v128.store(wk, i32x4.add(x3, v128.load(k, 240)), 240);
      t1 = (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + ((g ^ (e & (f ^ g))) + (h + load<u32>(wk, 192)));
      d += t1;
      ab = a ^ b;
      h = t1 + ((rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + (b ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + ((f ^ (d & (e ^ f))) + (g + load<u32>(wk, 196)));
      c += t1;
      ab = h ^ a;
      g = t1 + ((rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + (a ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + ((e ^ (c & (d ^ e))) + (f + load<u32>(wk, 200)));
      b += t1;
      ab = g ^ h;
      f = t1 + ((rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + (h ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + ((d ^ (b & (c ^ d))) + (e + load<u32>(wk, 204)));
      a += t1;
      ab = f ^ g;
      e = t1 + ((rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + (g ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + ((c ^ (a & (b ^ c))) + (d + load<u32>(wk, 208)));
      h += t1;
      ab = e ^ f;
      d = t1 + ((rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + (f ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + ((b ^ (h & (a ^ b))) + (c + load<u32>(wk, 212)));
      g += t1;
      ab = d ^ e;
      c = t1 + ((rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + (e ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + ((a ^ (g & (h ^ a))) + (b + load<u32>(wk, 216)));
      f += t1;
      ab = c ^ d;
      b = t1 + ((rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + (d ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + ((h ^ (f & (g ^ h))) + (a + load<u32>(wk, 220)));
      e += t1;
      ab = b ^ c;
      a = t1 + ((rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + (c ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + ((g ^ (e & (f ^ g))) + (h + load<u32>(wk, 224)));
      d += t1;
      ab = a ^ b;
      h = t1 + ((rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + (b ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + ((f ^ (d & (e ^ f))) + (g + load<u32>(wk, 228)));
      c += t1;
      ab = h ^ a;
      g = t1 + ((rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + (a ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + ((e ^ (c & (d ^ e))) + (f + load<u32>(wk, 232)));
      b += t1;
      ab = g ^ h;
      f = t1 + ((rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + (h ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + ((d ^ (b & (c ^ d))) + (e + load<u32>(wk, 236)));
      a += t1;
      ab = f ^ g;
      e = t1 + ((rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + (g ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + ((c ^ (a & (b ^ c))) + (d + load<u32>(wk, 240)));
      h += t1;
      ab = e ^ f;
      d = t1 + ((rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + (f ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + ((b ^ (h & (a ^ b))) + (c + load<u32>(wk, 244)));
      g += t1;
      ab = d ^ e;
      c = t1 + ((rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + (e ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + ((a ^ (g & (h ^ a))) + (b + load<u32>(wk, 248)));
      f += t1;
      ab = c ^ d;
      b = t1 + ((rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + (d ^ (ab & bc))); bc = ab;
      t1 = (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + ((h ^ (f & (g ^ h))) + (a + load<u32>(wk, 252)));
      e += t1;
      ab = b ^ c;
      a = t1 + ((rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + (c ^ (ab & bc))); bc = ab;
      h0 += a; h1 += b; h2 += c; h3 += d; h4 += e; h5 += f; h6 += g; h7 += h;
      p += 64;
      n--;
    }
    store<u32>(st, h0, 0); store<u32>(st, h1, 4); store<u32>(st, h2, 8); store<u32>(st, h3, 12);
    store<u32>(st, h4, 16); store<u32>(st, h5, 20); store<u32>(st, h6, 24); store<u32>(st, h7, 28);
    // The buffer held words of the message (an HMAC key block, say): clear it.
    const z = i32x4.splat(0);
    for (let i: usize = 0; i < 256; i += 64) {
      v128.store(wk + i, z, 0); v128.store(wk + i, z, 16); v128.store(wk + i, z, 32); v128.store(wk + i, z, 48);
    }
  }
}

function sha256BlocksScalar(st: usize, p: usize, n: i32): void {
  let h0 = load<u32>(st, 0), h1 = load<u32>(st, 4), h2 = load<u32>(st, 8), h3 = load<u32>(st, 12);
  let h4 = load<u32>(st, 16), h5 = load<u32>(st, 20), h6 = load<u32>(st, 24), h7 = load<u32>(st, 28);
  const k = changetype<usize>(K256);
  // Fully unrolled (written by a generator): the schedule lives in 16 rolling locals and the working
  // variables change roles each round instead of being shifted.
  let w0: u32 = 0, w1: u32 = 0, w2: u32 = 0, w3: u32 = 0, w4: u32 = 0, w5: u32 = 0, w6: u32 = 0, w7: u32 = 0;
  let w8: u32 = 0, w9: u32 = 0, w10: u32 = 0, w11: u32 = 0, w12: u32 = 0, w13: u32 = 0, w14: u32 = 0, w15: u32 = 0;
  let t1: u32 = 0;
  while (n > 0) {
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
      w0 = bswap<u32>(load<u32>(p, 0));
      t1 = h + (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + (g ^ (e & (f ^ g))) + load<u32>(k, 0) + w0;
      d += t1;
      h = t1 + (rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + ((a & b) | (c & (a | b)));
      w1 = bswap<u32>(load<u32>(p, 4));
      t1 = g + (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + (f ^ (d & (e ^ f))) + load<u32>(k, 4) + w1;
      c += t1;
      g = t1 + (rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + ((h & a) | (b & (h | a)));
      w2 = bswap<u32>(load<u32>(p, 8));
      t1 = f + (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + (e ^ (c & (d ^ e))) + load<u32>(k, 8) + w2;
      b += t1;
      f = t1 + (rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + ((g & h) | (a & (g | h)));
      w3 = bswap<u32>(load<u32>(p, 12));
      t1 = e + (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + (d ^ (b & (c ^ d))) + load<u32>(k, 12) + w3;
      a += t1;
      e = t1 + (rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + ((f & g) | (h & (f | g)));
      w4 = bswap<u32>(load<u32>(p, 16));
      t1 = d + (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + (c ^ (a & (b ^ c))) + load<u32>(k, 16) + w4;
      h += t1;
      d = t1 + (rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + ((e & f) | (g & (e | f)));
      w5 = bswap<u32>(load<u32>(p, 20));
      t1 = c + (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + (b ^ (h & (a ^ b))) + load<u32>(k, 20) + w5;
      g += t1;
      c = t1 + (rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + ((d & e) | (f & (d | e)));
      w6 = bswap<u32>(load<u32>(p, 24));
      t1 = b + (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + (a ^ (g & (h ^ a))) + load<u32>(k, 24) + w6;
      f += t1;
      b = t1 + (rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + ((c & d) | (e & (c | d)));
      w7 = bswap<u32>(load<u32>(p, 28));
      t1 = a + (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + (h ^ (f & (g ^ h))) + load<u32>(k, 28) + w7;
      e += t1;
      a = t1 + (rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + ((b & c) | (d & (b | c)));
      w8 = bswap<u32>(load<u32>(p, 32));
      t1 = h + (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + (g ^ (e & (f ^ g))) + load<u32>(k, 32) + w8;
      d += t1;
      h = t1 + (rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + ((a & b) | (c & (a | b)));
      w9 = bswap<u32>(load<u32>(p, 36));
      t1 = g + (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + (f ^ (d & (e ^ f))) + load<u32>(k, 36) + w9;
      c += t1;
      g = t1 + (rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + ((h & a) | (b & (h | a)));
      w10 = bswap<u32>(load<u32>(p, 40));
      t1 = f + (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + (e ^ (c & (d ^ e))) + load<u32>(k, 40) + w10;
      b += t1;
      f = t1 + (rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + ((g & h) | (a & (g | h)));
      w11 = bswap<u32>(load<u32>(p, 44));
      t1 = e + (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + (d ^ (b & (c ^ d))) + load<u32>(k, 44) + w11;
      a += t1;
      e = t1 + (rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + ((f & g) | (h & (f | g)));
      w12 = bswap<u32>(load<u32>(p, 48));
      t1 = d + (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + (c ^ (a & (b ^ c))) + load<u32>(k, 48) + w12;
      h += t1;
      d = t1 + (rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + ((e & f) | (g & (e | f)));
      w13 = bswap<u32>(load<u32>(p, 52));
      t1 = c + (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + (b ^ (h & (a ^ b))) + load<u32>(k, 52) + w13;
      g += t1;
      c = t1 + (rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + ((d & e) | (f & (d | e)));
      w14 = bswap<u32>(load<u32>(p, 56));
      t1 = b + (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + (a ^ (g & (h ^ a))) + load<u32>(k, 56) + w14;
      f += t1;
      b = t1 + (rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + ((c & d) | (e & (c | d)));
      w15 = bswap<u32>(load<u32>(p, 60));
      t1 = a + (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + (h ^ (f & (g ^ h))) + load<u32>(k, 60) + w15;
      e += t1;
      a = t1 + (rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + ((b & c) | (d & (b | c)));
      w0 += (rotr<u32>(w1, 7) ^ rotr<u32>(w1, 18) ^ (w1 >> 3)) + w9 + (rotr<u32>(w14, 17) ^ rotr<u32>(w14, 19) ^ (w14 >> 10));
      t1 = h + (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + (g ^ (e & (f ^ g))) + load<u32>(k, 64) + w0;
      d += t1;
      h = t1 + (rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + ((a & b) | (c & (a | b)));
      w1 += (rotr<u32>(w2, 7) ^ rotr<u32>(w2, 18) ^ (w2 >> 3)) + w10 + (rotr<u32>(w15, 17) ^ rotr<u32>(w15, 19) ^ (w15 >> 10));
      t1 = g + (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + (f ^ (d & (e ^ f))) + load<u32>(k, 68) + w1;
      c += t1;
      g = t1 + (rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + ((h & a) | (b & (h | a)));
      w2 += (rotr<u32>(w3, 7) ^ rotr<u32>(w3, 18) ^ (w3 >> 3)) + w11 + (rotr<u32>(w0, 17) ^ rotr<u32>(w0, 19) ^ (w0 >> 10));
      t1 = f + (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + (e ^ (c & (d ^ e))) + load<u32>(k, 72) + w2;
      b += t1;
      f = t1 + (rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + ((g & h) | (a & (g | h)));
      w3 += (rotr<u32>(w4, 7) ^ rotr<u32>(w4, 18) ^ (w4 >> 3)) + w12 + (rotr<u32>(w1, 17) ^ rotr<u32>(w1, 19) ^ (w1 >> 10));
      t1 = e + (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + (d ^ (b & (c ^ d))) + load<u32>(k, 76) + w3;
      a += t1;
      e = t1 + (rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + ((f & g) | (h & (f | g)));
      w4 += (rotr<u32>(w5, 7) ^ rotr<u32>(w5, 18) ^ (w5 >> 3)) + w13 + (rotr<u32>(w2, 17) ^ rotr<u32>(w2, 19) ^ (w2 >> 10));
      t1 = d + (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + (c ^ (a & (b ^ c))) + load<u32>(k, 80) + w4;
      h += t1;
      d = t1 + (rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + ((e & f) | (g & (e | f)));
      w5 += (rotr<u32>(w6, 7) ^ rotr<u32>(w6, 18) ^ (w6 >> 3)) + w14 + (rotr<u32>(w3, 17) ^ rotr<u32>(w3, 19) ^ (w3 >> 10));
      t1 = c + (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + (b ^ (h & (a ^ b))) + load<u32>(k, 84) + w5;
      g += t1;
      c = t1 + (rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + ((d & e) | (f & (d | e)));
      w6 += (rotr<u32>(w7, 7) ^ rotr<u32>(w7, 18) ^ (w7 >> 3)) + w15 + (rotr<u32>(w4, 17) ^ rotr<u32>(w4, 19) ^ (w4 >> 10));
      t1 = b + (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + (a ^ (g & (h ^ a))) + load<u32>(k, 88) + w6;
      f += t1;
      b = t1 + (rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + ((c & d) | (e & (c | d)));
      w7 += (rotr<u32>(w8, 7) ^ rotr<u32>(w8, 18) ^ (w8 >> 3)) + w0 + (rotr<u32>(w5, 17) ^ rotr<u32>(w5, 19) ^ (w5 >> 10));
      t1 = a + (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + (h ^ (f & (g ^ h))) + load<u32>(k, 92) + w7;
      e += t1;
      a = t1 + (rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + ((b & c) | (d & (b | c)));
      w8 += (rotr<u32>(w9, 7) ^ rotr<u32>(w9, 18) ^ (w9 >> 3)) + w1 + (rotr<u32>(w6, 17) ^ rotr<u32>(w6, 19) ^ (w6 >> 10));
      t1 = h + (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + (g ^ (e & (f ^ g))) + load<u32>(k, 96) + w8;
      d += t1;
      h = t1 + (rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + ((a & b) | (c & (a | b)));
      w9 += (rotr<u32>(w10, 7) ^ rotr<u32>(w10, 18) ^ (w10 >> 3)) + w2 + (rotr<u32>(w7, 17) ^ rotr<u32>(w7, 19) ^ (w7 >> 10));
      t1 = g + (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + (f ^ (d & (e ^ f))) + load<u32>(k, 100) + w9;
      c += t1;
      g = t1 + (rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + ((h & a) | (b & (h | a)));
      w10 += (rotr<u32>(w11, 7) ^ rotr<u32>(w11, 18) ^ (w11 >> 3)) + w3 + (rotr<u32>(w8, 17) ^ rotr<u32>(w8, 19) ^ (w8 >> 10));
      t1 = f + (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + (e ^ (c & (d ^ e))) + load<u32>(k, 104) + w10;
      b += t1;
      f = t1 + (rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + ((g & h) | (a & (g | h)));
      w11 += (rotr<u32>(w12, 7) ^ rotr<u32>(w12, 18) ^ (w12 >> 3)) + w4 + (rotr<u32>(w9, 17) ^ rotr<u32>(w9, 19) ^ (w9 >> 10));
      t1 = e + (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + (d ^ (b & (c ^ d))) + load<u32>(k, 108) + w11;
      a += t1;
      e = t1 + (rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + ((f & g) | (h & (f | g)));
      w12 += (rotr<u32>(w13, 7) ^ rotr<u32>(w13, 18) ^ (w13 >> 3)) + w5 + (rotr<u32>(w10, 17) ^ rotr<u32>(w10, 19) ^ (w10 >> 10));
      t1 = d + (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + (c ^ (a & (b ^ c))) + load<u32>(k, 112) + w12;
      h += t1;
      d = t1 + (rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + ((e & f) | (g & (e | f)));
      w13 += (rotr<u32>(w14, 7) ^ rotr<u32>(w14, 18) ^ (w14 >> 3)) + w6 + (rotr<u32>(w11, 17) ^ rotr<u32>(w11, 19) ^ (w11 >> 10));
      t1 = c + (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + (b ^ (h & (a ^ b))) + load<u32>(k, 116) + w13;
      g += t1;
      c = t1 + (rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + ((d & e) | (f & (d | e)));
      w14 += (rotr<u32>(w15, 7) ^ rotr<u32>(w15, 18) ^ (w15 >> 3)) + w7 + (rotr<u32>(w12, 17) ^ rotr<u32>(w12, 19) ^ (w12 >> 10));
      t1 = b + (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + (a ^ (g & (h ^ a))) + load<u32>(k, 120) + w14;
      f += t1;
      b = t1 + (rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + ((c & d) | (e & (c | d)));
      w15 += (rotr<u32>(w0, 7) ^ rotr<u32>(w0, 18) ^ (w0 >> 3)) + w8 + (rotr<u32>(w13, 17) ^ rotr<u32>(w13, 19) ^ (w13 >> 10));
      t1 = a + (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + (h ^ (f & (g ^ h))) + load<u32>(k, 124) + w15;
      e += t1;
      a = t1 + (rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + ((b & c) | (d & (b | c)));
      w0 += (rotr<u32>(w1, 7) ^ rotr<u32>(w1, 18) ^ (w1 >> 3)) + w9 + (rotr<u32>(w14, 17) ^ rotr<u32>(w14, 19) ^ (w14 >> 10));
      t1 = h + (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + (g ^ (e & (f ^ g))) + load<u32>(k, 128) + w0;
      d += t1;
      h = t1 + (rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + ((a & b) | (c & (a | b)));
      w1 += (rotr<u32>(w2, 7) ^ rotr<u32>(w2, 18) ^ (w2 >> 3)) + w10 + (rotr<u32>(w15, 17) ^ rotr<u32>(w15, 19) ^ (w15 >> 10));
      t1 = g + (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + (f ^ (d & (e ^ f))) + load<u32>(k, 132) + w1;
      c += t1;
      g = t1 + (rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + ((h & a) | (b & (h | a)));
      w2 += (rotr<u32>(w3, 7) ^ rotr<u32>(w3, 18) ^ (w3 >> 3)) + w11 + (rotr<u32>(w0, 17) ^ rotr<u32>(w0, 19) ^ (w0 >> 10));
      t1 = f + (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + (e ^ (c & (d ^ e))) + load<u32>(k, 136) + w2;
      b += t1;
      f = t1 + (rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + ((g & h) | (a & (g | h)));
      w3 += (rotr<u32>(w4, 7) ^ rotr<u32>(w4, 18) ^ (w4 >> 3)) + w12 + (rotr<u32>(w1, 17) ^ rotr<u32>(w1, 19) ^ (w1 >> 10));
      t1 = e + (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + (d ^ (b & (c ^ d))) + load<u32>(k, 140) + w3;
      a += t1;
      e = t1 + (rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + ((f & g) | (h & (f | g)));
      w4 += (rotr<u32>(w5, 7) ^ rotr<u32>(w5, 18) ^ (w5 >> 3)) + w13 + (rotr<u32>(w2, 17) ^ rotr<u32>(w2, 19) ^ (w2 >> 10));
      t1 = d + (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + (c ^ (a & (b ^ c))) + load<u32>(k, 144) + w4;
      h += t1;
      d = t1 + (rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + ((e & f) | (g & (e | f)));
      w5 += (rotr<u32>(w6, 7) ^ rotr<u32>(w6, 18) ^ (w6 >> 3)) + w14 + (rotr<u32>(w3, 17) ^ rotr<u32>(w3, 19) ^ (w3 >> 10));
      t1 = c + (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + (b ^ (h & (a ^ b))) + load<u32>(k, 148) + w5;
      g += t1;
      c = t1 + (rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + ((d & e) | (f & (d | e)));
      w6 += (rotr<u32>(w7, 7) ^ rotr<u32>(w7, 18) ^ (w7 >> 3)) + w15 + (rotr<u32>(w4, 17) ^ rotr<u32>(w4, 19) ^ (w4 >> 10));
      t1 = b + (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + (a ^ (g & (h ^ a))) + load<u32>(k, 152) + w6;
      f += t1;
      b = t1 + (rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + ((c & d) | (e & (c | d)));
      w7 += (rotr<u32>(w8, 7) ^ rotr<u32>(w8, 18) ^ (w8 >> 3)) + w0 + (rotr<u32>(w5, 17) ^ rotr<u32>(w5, 19) ^ (w5 >> 10));
      t1 = a + (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + (h ^ (f & (g ^ h))) + load<u32>(k, 156) + w7;
      e += t1;
      a = t1 + (rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + ((b & c) | (d & (b | c)));
      w8 += (rotr<u32>(w9, 7) ^ rotr<u32>(w9, 18) ^ (w9 >> 3)) + w1 + (rotr<u32>(w6, 17) ^ rotr<u32>(w6, 19) ^ (w6 >> 10));
      t1 = h + (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + (g ^ (e & (f ^ g))) + load<u32>(k, 160) + w8;
      d += t1;
      h = t1 + (rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + ((a & b) | (c & (a | b)));
      w9 += (rotr<u32>(w10, 7) ^ rotr<u32>(w10, 18) ^ (w10 >> 3)) + w2 + (rotr<u32>(w7, 17) ^ rotr<u32>(w7, 19) ^ (w7 >> 10));
      t1 = g + (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + (f ^ (d & (e ^ f))) + load<u32>(k, 164) + w9;
      c += t1;
      g = t1 + (rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + ((h & a) | (b & (h | a)));
      w10 += (rotr<u32>(w11, 7) ^ rotr<u32>(w11, 18) ^ (w11 >> 3)) + w3 + (rotr<u32>(w8, 17) ^ rotr<u32>(w8, 19) ^ (w8 >> 10));
      t1 = f + (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + (e ^ (c & (d ^ e))) + load<u32>(k, 168) + w10;
      b += t1;
      f = t1 + (rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + ((g & h) | (a & (g | h)));
      w11 += (rotr<u32>(w12, 7) ^ rotr<u32>(w12, 18) ^ (w12 >> 3)) + w4 + (rotr<u32>(w9, 17) ^ rotr<u32>(w9, 19) ^ (w9 >> 10));
      t1 = e + (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + (d ^ (b & (c ^ d))) + load<u32>(k, 172) + w11;
      a += t1;
      e = t1 + (rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + ((f & g) | (h & (f | g)));
      w12 += (rotr<u32>(w13, 7) ^ rotr<u32>(w13, 18) ^ (w13 >> 3)) + w5 + (rotr<u32>(w10, 17) ^ rotr<u32>(w10, 19) ^ (w10 >> 10));
      t1 = d + (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + (c ^ (a & (b ^ c))) + load<u32>(k, 176) + w12;
      h += t1;
      d = t1 + (rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + ((e & f) | (g & (e | f)));
      w13 += (rotr<u32>(w14, 7) ^ rotr<u32>(w14, 18) ^ (w14 >> 3)) + w6 + (rotr<u32>(w11, 17) ^ rotr<u32>(w11, 19) ^ (w11 >> 10));
      t1 = c + (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + (b ^ (h & (a ^ b))) + load<u32>(k, 180) + w13;
      g += t1;
      c = t1 + (rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + ((d & e) | (f & (d | e)));
      w14 += (rotr<u32>(w15, 7) ^ rotr<u32>(w15, 18) ^ (w15 >> 3)) + w7 + (rotr<u32>(w12, 17) ^ rotr<u32>(w12, 19) ^ (w12 >> 10));
      t1 = b + (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + (a ^ (g & (h ^ a))) + load<u32>(k, 184) + w14;
      f += t1;
      b = t1 + (rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + ((c & d) | (e & (c | d)));
      w15 += (rotr<u32>(w0, 7) ^ rotr<u32>(w0, 18) ^ (w0 >> 3)) + w8 + (rotr<u32>(w13, 17) ^ rotr<u32>(w13, 19) ^ (w13 >> 10));
      t1 = a + (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + (h ^ (f & (g ^ h))) + load<u32>(k, 188) + w15;
      e += t1;
      a = t1 + (rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + ((b & c) | (d & (b | c)));
      w0 += (rotr<u32>(w1, 7) ^ rotr<u32>(w1, 18) ^ (w1 >> 3)) + w9 + (rotr<u32>(w14, 17) ^ rotr<u32>(w14, 19) ^ (w14 >> 10));
      t1 = h + (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + (g ^ (e & (f ^ g))) + load<u32>(k, 192) + w0;
      d += t1;
      h = t1 + (rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + ((a & b) | (c & (a | b)));
      w1 += (rotr<u32>(w2, 7) ^ rotr<u32>(w2, 18) ^ (w2 >> 3)) + w10 + (rotr<u32>(w15, 17) ^ rotr<u32>(w15, 19) ^ (w15 >> 10));
      t1 = g + (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + (f ^ (d & (e ^ f))) + load<u32>(k, 196) + w1;
      c += t1;
      g = t1 + (rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + ((h & a) | (b & (h | a)));
      w2 += (rotr<u32>(w3, 7) ^ rotr<u32>(w3, 18) ^ (w3 >> 3)) + w11 + (rotr<u32>(w0, 17) ^ rotr<u32>(w0, 19) ^ (w0 >> 10));
      t1 = f + (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + (e ^ (c & (d ^ e))) + load<u32>(k, 200) + w2;
      b += t1;
      f = t1 + (rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + ((g & h) | (a & (g | h)));
      w3 += (rotr<u32>(w4, 7) ^ rotr<u32>(w4, 18) ^ (w4 >> 3)) + w12 + (rotr<u32>(w1, 17) ^ rotr<u32>(w1, 19) ^ (w1 >> 10));
      t1 = e + (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + (d ^ (b & (c ^ d))) + load<u32>(k, 204) + w3;
      a += t1;
      e = t1 + (rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + ((f & g) | (h & (f | g)));
      w4 += (rotr<u32>(w5, 7) ^ rotr<u32>(w5, 18) ^ (w5 >> 3)) + w13 + (rotr<u32>(w2, 17) ^ rotr<u32>(w2, 19) ^ (w2 >> 10));
      t1 = d + (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + (c ^ (a & (b ^ c))) + load<u32>(k, 208) + w4;
      h += t1;
      d = t1 + (rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + ((e & f) | (g & (e | f)));
      w5 += (rotr<u32>(w6, 7) ^ rotr<u32>(w6, 18) ^ (w6 >> 3)) + w14 + (rotr<u32>(w3, 17) ^ rotr<u32>(w3, 19) ^ (w3 >> 10));
      t1 = c + (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + (b ^ (h & (a ^ b))) + load<u32>(k, 212) + w5;
      g += t1;
      c = t1 + (rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + ((d & e) | (f & (d | e)));
      w6 += (rotr<u32>(w7, 7) ^ rotr<u32>(w7, 18) ^ (w7 >> 3)) + w15 + (rotr<u32>(w4, 17) ^ rotr<u32>(w4, 19) ^ (w4 >> 10));
      t1 = b + (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + (a ^ (g & (h ^ a))) + load<u32>(k, 216) + w6;
      f += t1;
      b = t1 + (rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + ((c & d) | (e & (c | d)));
      w7 += (rotr<u32>(w8, 7) ^ rotr<u32>(w8, 18) ^ (w8 >> 3)) + w0 + (rotr<u32>(w5, 17) ^ rotr<u32>(w5, 19) ^ (w5 >> 10));
      t1 = a + (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + (h ^ (f & (g ^ h))) + load<u32>(k, 220) + w7;
      e += t1;
      a = t1 + (rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + ((b & c) | (d & (b | c)));
      w8 += (rotr<u32>(w9, 7) ^ rotr<u32>(w9, 18) ^ (w9 >> 3)) + w1 + (rotr<u32>(w6, 17) ^ rotr<u32>(w6, 19) ^ (w6 >> 10));
      t1 = h + (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + (g ^ (e & (f ^ g))) + load<u32>(k, 224) + w8;
      d += t1;
      h = t1 + (rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + ((a & b) | (c & (a | b)));
      w9 += (rotr<u32>(w10, 7) ^ rotr<u32>(w10, 18) ^ (w10 >> 3)) + w2 + (rotr<u32>(w7, 17) ^ rotr<u32>(w7, 19) ^ (w7 >> 10));
      t1 = g + (rotr<u32>(d, 6) ^ rotr<u32>(d, 11) ^ rotr<u32>(d, 25)) + (f ^ (d & (e ^ f))) + load<u32>(k, 228) + w9;
      c += t1;
      g = t1 + (rotr<u32>(h, 2) ^ rotr<u32>(h, 13) ^ rotr<u32>(h, 22)) + ((h & a) | (b & (h | a)));
      w10 += (rotr<u32>(w11, 7) ^ rotr<u32>(w11, 18) ^ (w11 >> 3)) + w3 + (rotr<u32>(w8, 17) ^ rotr<u32>(w8, 19) ^ (w8 >> 10));
      t1 = f + (rotr<u32>(c, 6) ^ rotr<u32>(c, 11) ^ rotr<u32>(c, 25)) + (e ^ (c & (d ^ e))) + load<u32>(k, 232) + w10;
      b += t1;
      f = t1 + (rotr<u32>(g, 2) ^ rotr<u32>(g, 13) ^ rotr<u32>(g, 22)) + ((g & h) | (a & (g | h)));
      w11 += (rotr<u32>(w12, 7) ^ rotr<u32>(w12, 18) ^ (w12 >> 3)) + w4 + (rotr<u32>(w9, 17) ^ rotr<u32>(w9, 19) ^ (w9 >> 10));
      t1 = e + (rotr<u32>(b, 6) ^ rotr<u32>(b, 11) ^ rotr<u32>(b, 25)) + (d ^ (b & (c ^ d))) + load<u32>(k, 236) + w11;
      a += t1;
      e = t1 + (rotr<u32>(f, 2) ^ rotr<u32>(f, 13) ^ rotr<u32>(f, 22)) + ((f & g) | (h & (f | g)));
      w12 += (rotr<u32>(w13, 7) ^ rotr<u32>(w13, 18) ^ (w13 >> 3)) + w5 + (rotr<u32>(w10, 17) ^ rotr<u32>(w10, 19) ^ (w10 >> 10));
      t1 = d + (rotr<u32>(a, 6) ^ rotr<u32>(a, 11) ^ rotr<u32>(a, 25)) + (c ^ (a & (b ^ c))) + load<u32>(k, 240) + w12;
      h += t1;
      d = t1 + (rotr<u32>(e, 2) ^ rotr<u32>(e, 13) ^ rotr<u32>(e, 22)) + ((e & f) | (g & (e | f)));
      w13 += (rotr<u32>(w14, 7) ^ rotr<u32>(w14, 18) ^ (w14 >> 3)) + w6 + (rotr<u32>(w11, 17) ^ rotr<u32>(w11, 19) ^ (w11 >> 10));
      t1 = c + (rotr<u32>(h, 6) ^ rotr<u32>(h, 11) ^ rotr<u32>(h, 25)) + (b ^ (h & (a ^ b))) + load<u32>(k, 244) + w13;
      g += t1;
      c = t1 + (rotr<u32>(d, 2) ^ rotr<u32>(d, 13) ^ rotr<u32>(d, 22)) + ((d & e) | (f & (d | e)));
      w14 += (rotr<u32>(w15, 7) ^ rotr<u32>(w15, 18) ^ (w15 >> 3)) + w7 + (rotr<u32>(w12, 17) ^ rotr<u32>(w12, 19) ^ (w12 >> 10));
      t1 = b + (rotr<u32>(g, 6) ^ rotr<u32>(g, 11) ^ rotr<u32>(g, 25)) + (a ^ (g & (h ^ a))) + load<u32>(k, 248) + w14;
      f += t1;
      b = t1 + (rotr<u32>(c, 2) ^ rotr<u32>(c, 13) ^ rotr<u32>(c, 22)) + ((c & d) | (e & (c | d)));
      w15 += (rotr<u32>(w0, 7) ^ rotr<u32>(w0, 18) ^ (w0 >> 3)) + w8 + (rotr<u32>(w13, 17) ^ rotr<u32>(w13, 19) ^ (w13 >> 10));
      t1 = a + (rotr<u32>(f, 6) ^ rotr<u32>(f, 11) ^ rotr<u32>(f, 25)) + (h ^ (f & (g ^ h))) + load<u32>(k, 252) + w15;
      e += t1;
      a = t1 + (rotr<u32>(b, 2) ^ rotr<u32>(b, 13) ^ rotr<u32>(b, 22)) + ((b & c) | (d & (b | c)));
    h0 += a; h1 += b; h2 += c; h3 += d; h4 += e; h5 += f; h6 += g; h7 += h;
    p += 64;
    n--;
  }
  store<u32>(st, h0, 0); store<u32>(st, h1, 4); store<u32>(st, h2, 8); store<u32>(st, h3, 12);
  store<u32>(st, h4, 16); store<u32>(st, h5, 20); store<u32>(st, h6, 24); store<u32>(st, h7, 28);
}

export class Sha256 extends BlockHash {
  private st: StaticArray<u32> = new StaticArray<u32>(8);

  constructor() {
    super();
    this.reset();
  }
  get outLen(): i32 { return 32; }
  get blockLen(): i32 { return 64; }

  protected initState(): void {
    memory.copy(changetype<usize>(this.st), changetype<usize>(IV256), 32);
  }
  protected compress(p: usize, n: i32): void {
    sha256Blocks(changetype<usize>(this.st), p, n);
  }
  protected output(out: usize): void {
    const st = changetype<usize>(this.st);
    for (let i: usize = 0; i < 32; i += 4) store<u32>(out + i, bswap<u32>(load<u32>(st + i)));
  }
  clone(): HashCtx {
    const c = new Sha256();
    memory.copy(changetype<usize>(c.st), changetype<usize>(this.st), 32);
    return this.copyFraming(c);
  }
}

// ---------------------------------------------------------------------------------------------
// SHA-512 and SHA-384

// FIPS 180-4 §4.2.3: first 64 bits of the fractional parts of the cube roots of the first 80 primes.
const K512: StaticArray<u64> = [
  0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
  0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
  0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
  0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
  0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
  0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
  0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
  0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
  0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
  0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
  0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
  0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
  0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
  0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
  0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
  0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
  0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
  0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
  0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
  0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

// FIPS 180-4 §5.3.5 (SHA-512) and §5.3.4 (SHA-384).
const IV512: StaticArray<u64> = [
  0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
  0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
];
const IV384: StaticArray<u64> = [
  0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
  0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
];

/** SHA-512 compression over `n` 128-byte blocks at `p`, updating the 8-word state at `st`. */
export function sha512Blocks(st: usize, p: usize, n: i32): void {
  let h0 = load<u64>(st, 0), h1 = load<u64>(st, 8), h2 = load<u64>(st, 16), h3 = load<u64>(st, 24);
  let h4 = load<u64>(st, 32), h5 = load<u64>(st, 40), h6 = load<u64>(st, 48), h7 = load<u64>(st, 56);
  const k = changetype<usize>(K512);
  let w0: u64 = 0, w1: u64 = 0, w2: u64 = 0, w3: u64 = 0, w4: u64 = 0, w5: u64 = 0, w6: u64 = 0, w7: u64 = 0;
  let w8: u64 = 0, w9: u64 = 0, w10: u64 = 0, w11: u64 = 0, w12: u64 = 0, w13: u64 = 0, w14: u64 = 0, w15: u64 = 0;
  let t1: u64 = 0;
  while (n > 0) {
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
      w0 = bswap<u64>(load<u64>(p, 0));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 0) + w0;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w1 = bswap<u64>(load<u64>(p, 8));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 8) + w1;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w2 = bswap<u64>(load<u64>(p, 16));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 16) + w2;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w3 = bswap<u64>(load<u64>(p, 24));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 24) + w3;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w4 = bswap<u64>(load<u64>(p, 32));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 32) + w4;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w5 = bswap<u64>(load<u64>(p, 40));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 40) + w5;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w6 = bswap<u64>(load<u64>(p, 48));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 48) + w6;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w7 = bswap<u64>(load<u64>(p, 56));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 56) + w7;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
      w8 = bswap<u64>(load<u64>(p, 64));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 64) + w8;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w9 = bswap<u64>(load<u64>(p, 72));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 72) + w9;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w10 = bswap<u64>(load<u64>(p, 80));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 80) + w10;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w11 = bswap<u64>(load<u64>(p, 88));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 88) + w11;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w12 = bswap<u64>(load<u64>(p, 96));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 96) + w12;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w13 = bswap<u64>(load<u64>(p, 104));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 104) + w13;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w14 = bswap<u64>(load<u64>(p, 112));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 112) + w14;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w15 = bswap<u64>(load<u64>(p, 120));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 120) + w15;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
      w0 += (rotr<u64>(w1, 1) ^ rotr<u64>(w1, 8) ^ (w1 >> 7)) + w9 + (rotr<u64>(w14, 19) ^ rotr<u64>(w14, 61) ^ (w14 >> 6));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 128) + w0;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w1 += (rotr<u64>(w2, 1) ^ rotr<u64>(w2, 8) ^ (w2 >> 7)) + w10 + (rotr<u64>(w15, 19) ^ rotr<u64>(w15, 61) ^ (w15 >> 6));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 136) + w1;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w2 += (rotr<u64>(w3, 1) ^ rotr<u64>(w3, 8) ^ (w3 >> 7)) + w11 + (rotr<u64>(w0, 19) ^ rotr<u64>(w0, 61) ^ (w0 >> 6));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 144) + w2;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w3 += (rotr<u64>(w4, 1) ^ rotr<u64>(w4, 8) ^ (w4 >> 7)) + w12 + (rotr<u64>(w1, 19) ^ rotr<u64>(w1, 61) ^ (w1 >> 6));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 152) + w3;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w4 += (rotr<u64>(w5, 1) ^ rotr<u64>(w5, 8) ^ (w5 >> 7)) + w13 + (rotr<u64>(w2, 19) ^ rotr<u64>(w2, 61) ^ (w2 >> 6));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 160) + w4;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w5 += (rotr<u64>(w6, 1) ^ rotr<u64>(w6, 8) ^ (w6 >> 7)) + w14 + (rotr<u64>(w3, 19) ^ rotr<u64>(w3, 61) ^ (w3 >> 6));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 168) + w5;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w6 += (rotr<u64>(w7, 1) ^ rotr<u64>(w7, 8) ^ (w7 >> 7)) + w15 + (rotr<u64>(w4, 19) ^ rotr<u64>(w4, 61) ^ (w4 >> 6));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 176) + w6;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w7 += (rotr<u64>(w8, 1) ^ rotr<u64>(w8, 8) ^ (w8 >> 7)) + w0 + (rotr<u64>(w5, 19) ^ rotr<u64>(w5, 61) ^ (w5 >> 6));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 184) + w7;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
      w8 += (rotr<u64>(w9, 1) ^ rotr<u64>(w9, 8) ^ (w9 >> 7)) + w1 + (rotr<u64>(w6, 19) ^ rotr<u64>(w6, 61) ^ (w6 >> 6));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 192) + w8;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w9 += (rotr<u64>(w10, 1) ^ rotr<u64>(w10, 8) ^ (w10 >> 7)) + w2 + (rotr<u64>(w7, 19) ^ rotr<u64>(w7, 61) ^ (w7 >> 6));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 200) + w9;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w10 += (rotr<u64>(w11, 1) ^ rotr<u64>(w11, 8) ^ (w11 >> 7)) + w3 + (rotr<u64>(w8, 19) ^ rotr<u64>(w8, 61) ^ (w8 >> 6));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 208) + w10;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w11 += (rotr<u64>(w12, 1) ^ rotr<u64>(w12, 8) ^ (w12 >> 7)) + w4 + (rotr<u64>(w9, 19) ^ rotr<u64>(w9, 61) ^ (w9 >> 6));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 216) + w11;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w12 += (rotr<u64>(w13, 1) ^ rotr<u64>(w13, 8) ^ (w13 >> 7)) + w5 + (rotr<u64>(w10, 19) ^ rotr<u64>(w10, 61) ^ (w10 >> 6));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 224) + w12;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w13 += (rotr<u64>(w14, 1) ^ rotr<u64>(w14, 8) ^ (w14 >> 7)) + w6 + (rotr<u64>(w11, 19) ^ rotr<u64>(w11, 61) ^ (w11 >> 6));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 232) + w13;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w14 += (rotr<u64>(w15, 1) ^ rotr<u64>(w15, 8) ^ (w15 >> 7)) + w7 + (rotr<u64>(w12, 19) ^ rotr<u64>(w12, 61) ^ (w12 >> 6));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 240) + w14;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w15 += (rotr<u64>(w0, 1) ^ rotr<u64>(w0, 8) ^ (w0 >> 7)) + w8 + (rotr<u64>(w13, 19) ^ rotr<u64>(w13, 61) ^ (w13 >> 6));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 248) + w15;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
      w0 += (rotr<u64>(w1, 1) ^ rotr<u64>(w1, 8) ^ (w1 >> 7)) + w9 + (rotr<u64>(w14, 19) ^ rotr<u64>(w14, 61) ^ (w14 >> 6));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 256) + w0;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w1 += (rotr<u64>(w2, 1) ^ rotr<u64>(w2, 8) ^ (w2 >> 7)) + w10 + (rotr<u64>(w15, 19) ^ rotr<u64>(w15, 61) ^ (w15 >> 6));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 264) + w1;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w2 += (rotr<u64>(w3, 1) ^ rotr<u64>(w3, 8) ^ (w3 >> 7)) + w11 + (rotr<u64>(w0, 19) ^ rotr<u64>(w0, 61) ^ (w0 >> 6));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 272) + w2;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w3 += (rotr<u64>(w4, 1) ^ rotr<u64>(w4, 8) ^ (w4 >> 7)) + w12 + (rotr<u64>(w1, 19) ^ rotr<u64>(w1, 61) ^ (w1 >> 6));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 280) + w3;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w4 += (rotr<u64>(w5, 1) ^ rotr<u64>(w5, 8) ^ (w5 >> 7)) + w13 + (rotr<u64>(w2, 19) ^ rotr<u64>(w2, 61) ^ (w2 >> 6));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 288) + w4;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w5 += (rotr<u64>(w6, 1) ^ rotr<u64>(w6, 8) ^ (w6 >> 7)) + w14 + (rotr<u64>(w3, 19) ^ rotr<u64>(w3, 61) ^ (w3 >> 6));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 296) + w5;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w6 += (rotr<u64>(w7, 1) ^ rotr<u64>(w7, 8) ^ (w7 >> 7)) + w15 + (rotr<u64>(w4, 19) ^ rotr<u64>(w4, 61) ^ (w4 >> 6));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 304) + w6;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w7 += (rotr<u64>(w8, 1) ^ rotr<u64>(w8, 8) ^ (w8 >> 7)) + w0 + (rotr<u64>(w5, 19) ^ rotr<u64>(w5, 61) ^ (w5 >> 6));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 312) + w7;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
      w8 += (rotr<u64>(w9, 1) ^ rotr<u64>(w9, 8) ^ (w9 >> 7)) + w1 + (rotr<u64>(w6, 19) ^ rotr<u64>(w6, 61) ^ (w6 >> 6));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 320) + w8;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w9 += (rotr<u64>(w10, 1) ^ rotr<u64>(w10, 8) ^ (w10 >> 7)) + w2 + (rotr<u64>(w7, 19) ^ rotr<u64>(w7, 61) ^ (w7 >> 6));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 328) + w9;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w10 += (rotr<u64>(w11, 1) ^ rotr<u64>(w11, 8) ^ (w11 >> 7)) + w3 + (rotr<u64>(w8, 19) ^ rotr<u64>(w8, 61) ^ (w8 >> 6));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 336) + w10;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w11 += (rotr<u64>(w12, 1) ^ rotr<u64>(w12, 8) ^ (w12 >> 7)) + w4 + (rotr<u64>(w9, 19) ^ rotr<u64>(w9, 61) ^ (w9 >> 6));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 344) + w11;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w12 += (rotr<u64>(w13, 1) ^ rotr<u64>(w13, 8) ^ (w13 >> 7)) + w5 + (rotr<u64>(w10, 19) ^ rotr<u64>(w10, 61) ^ (w10 >> 6));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 352) + w12;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w13 += (rotr<u64>(w14, 1) ^ rotr<u64>(w14, 8) ^ (w14 >> 7)) + w6 + (rotr<u64>(w11, 19) ^ rotr<u64>(w11, 61) ^ (w11 >> 6));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 360) + w13;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w14 += (rotr<u64>(w15, 1) ^ rotr<u64>(w15, 8) ^ (w15 >> 7)) + w7 + (rotr<u64>(w12, 19) ^ rotr<u64>(w12, 61) ^ (w12 >> 6));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 368) + w14;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w15 += (rotr<u64>(w0, 1) ^ rotr<u64>(w0, 8) ^ (w0 >> 7)) + w8 + (rotr<u64>(w13, 19) ^ rotr<u64>(w13, 61) ^ (w13 >> 6));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 376) + w15;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
      w0 += (rotr<u64>(w1, 1) ^ rotr<u64>(w1, 8) ^ (w1 >> 7)) + w9 + (rotr<u64>(w14, 19) ^ rotr<u64>(w14, 61) ^ (w14 >> 6));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 384) + w0;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w1 += (rotr<u64>(w2, 1) ^ rotr<u64>(w2, 8) ^ (w2 >> 7)) + w10 + (rotr<u64>(w15, 19) ^ rotr<u64>(w15, 61) ^ (w15 >> 6));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 392) + w1;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w2 += (rotr<u64>(w3, 1) ^ rotr<u64>(w3, 8) ^ (w3 >> 7)) + w11 + (rotr<u64>(w0, 19) ^ rotr<u64>(w0, 61) ^ (w0 >> 6));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 400) + w2;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w3 += (rotr<u64>(w4, 1) ^ rotr<u64>(w4, 8) ^ (w4 >> 7)) + w12 + (rotr<u64>(w1, 19) ^ rotr<u64>(w1, 61) ^ (w1 >> 6));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 408) + w3;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w4 += (rotr<u64>(w5, 1) ^ rotr<u64>(w5, 8) ^ (w5 >> 7)) + w13 + (rotr<u64>(w2, 19) ^ rotr<u64>(w2, 61) ^ (w2 >> 6));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 416) + w4;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w5 += (rotr<u64>(w6, 1) ^ rotr<u64>(w6, 8) ^ (w6 >> 7)) + w14 + (rotr<u64>(w3, 19) ^ rotr<u64>(w3, 61) ^ (w3 >> 6));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 424) + w5;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w6 += (rotr<u64>(w7, 1) ^ rotr<u64>(w7, 8) ^ (w7 >> 7)) + w15 + (rotr<u64>(w4, 19) ^ rotr<u64>(w4, 61) ^ (w4 >> 6));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 432) + w6;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w7 += (rotr<u64>(w8, 1) ^ rotr<u64>(w8, 8) ^ (w8 >> 7)) + w0 + (rotr<u64>(w5, 19) ^ rotr<u64>(w5, 61) ^ (w5 >> 6));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 440) + w7;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
      w8 += (rotr<u64>(w9, 1) ^ rotr<u64>(w9, 8) ^ (w9 >> 7)) + w1 + (rotr<u64>(w6, 19) ^ rotr<u64>(w6, 61) ^ (w6 >> 6));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 448) + w8;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w9 += (rotr<u64>(w10, 1) ^ rotr<u64>(w10, 8) ^ (w10 >> 7)) + w2 + (rotr<u64>(w7, 19) ^ rotr<u64>(w7, 61) ^ (w7 >> 6));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 456) + w9;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w10 += (rotr<u64>(w11, 1) ^ rotr<u64>(w11, 8) ^ (w11 >> 7)) + w3 + (rotr<u64>(w8, 19) ^ rotr<u64>(w8, 61) ^ (w8 >> 6));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 464) + w10;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w11 += (rotr<u64>(w12, 1) ^ rotr<u64>(w12, 8) ^ (w12 >> 7)) + w4 + (rotr<u64>(w9, 19) ^ rotr<u64>(w9, 61) ^ (w9 >> 6));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 472) + w11;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w12 += (rotr<u64>(w13, 1) ^ rotr<u64>(w13, 8) ^ (w13 >> 7)) + w5 + (rotr<u64>(w10, 19) ^ rotr<u64>(w10, 61) ^ (w10 >> 6));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 480) + w12;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w13 += (rotr<u64>(w14, 1) ^ rotr<u64>(w14, 8) ^ (w14 >> 7)) + w6 + (rotr<u64>(w11, 19) ^ rotr<u64>(w11, 61) ^ (w11 >> 6));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 488) + w13;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w14 += (rotr<u64>(w15, 1) ^ rotr<u64>(w15, 8) ^ (w15 >> 7)) + w7 + (rotr<u64>(w12, 19) ^ rotr<u64>(w12, 61) ^ (w12 >> 6));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 496) + w14;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w15 += (rotr<u64>(w0, 1) ^ rotr<u64>(w0, 8) ^ (w0 >> 7)) + w8 + (rotr<u64>(w13, 19) ^ rotr<u64>(w13, 61) ^ (w13 >> 6));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 504) + w15;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
      w0 += (rotr<u64>(w1, 1) ^ rotr<u64>(w1, 8) ^ (w1 >> 7)) + w9 + (rotr<u64>(w14, 19) ^ rotr<u64>(w14, 61) ^ (w14 >> 6));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 512) + w0;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w1 += (rotr<u64>(w2, 1) ^ rotr<u64>(w2, 8) ^ (w2 >> 7)) + w10 + (rotr<u64>(w15, 19) ^ rotr<u64>(w15, 61) ^ (w15 >> 6));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 520) + w1;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w2 += (rotr<u64>(w3, 1) ^ rotr<u64>(w3, 8) ^ (w3 >> 7)) + w11 + (rotr<u64>(w0, 19) ^ rotr<u64>(w0, 61) ^ (w0 >> 6));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 528) + w2;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w3 += (rotr<u64>(w4, 1) ^ rotr<u64>(w4, 8) ^ (w4 >> 7)) + w12 + (rotr<u64>(w1, 19) ^ rotr<u64>(w1, 61) ^ (w1 >> 6));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 536) + w3;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w4 += (rotr<u64>(w5, 1) ^ rotr<u64>(w5, 8) ^ (w5 >> 7)) + w13 + (rotr<u64>(w2, 19) ^ rotr<u64>(w2, 61) ^ (w2 >> 6));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 544) + w4;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w5 += (rotr<u64>(w6, 1) ^ rotr<u64>(w6, 8) ^ (w6 >> 7)) + w14 + (rotr<u64>(w3, 19) ^ rotr<u64>(w3, 61) ^ (w3 >> 6));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 552) + w5;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w6 += (rotr<u64>(w7, 1) ^ rotr<u64>(w7, 8) ^ (w7 >> 7)) + w15 + (rotr<u64>(w4, 19) ^ rotr<u64>(w4, 61) ^ (w4 >> 6));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 560) + w6;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w7 += (rotr<u64>(w8, 1) ^ rotr<u64>(w8, 8) ^ (w8 >> 7)) + w0 + (rotr<u64>(w5, 19) ^ rotr<u64>(w5, 61) ^ (w5 >> 6));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 568) + w7;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
      w8 += (rotr<u64>(w9, 1) ^ rotr<u64>(w9, 8) ^ (w9 >> 7)) + w1 + (rotr<u64>(w6, 19) ^ rotr<u64>(w6, 61) ^ (w6 >> 6));
      t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + load<u64>(k, 576) + w8;
      d += t1;
      h = t1 + (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      w9 += (rotr<u64>(w10, 1) ^ rotr<u64>(w10, 8) ^ (w10 >> 7)) + w2 + (rotr<u64>(w7, 19) ^ rotr<u64>(w7, 61) ^ (w7 >> 6));
      t1 = g + (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + load<u64>(k, 584) + w9;
      c += t1;
      g = t1 + (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
      w10 += (rotr<u64>(w11, 1) ^ rotr<u64>(w11, 8) ^ (w11 >> 7)) + w3 + (rotr<u64>(w8, 19) ^ rotr<u64>(w8, 61) ^ (w8 >> 6));
      t1 = f + (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + load<u64>(k, 592) + w10;
      b += t1;
      f = t1 + (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
      w11 += (rotr<u64>(w12, 1) ^ rotr<u64>(w12, 8) ^ (w12 >> 7)) + w4 + (rotr<u64>(w9, 19) ^ rotr<u64>(w9, 61) ^ (w9 >> 6));
      t1 = e + (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + load<u64>(k, 600) + w11;
      a += t1;
      e = t1 + (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
      w12 += (rotr<u64>(w13, 1) ^ rotr<u64>(w13, 8) ^ (w13 >> 7)) + w5 + (rotr<u64>(w10, 19) ^ rotr<u64>(w10, 61) ^ (w10 >> 6));
      t1 = d + (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + load<u64>(k, 608) + w12;
      h += t1;
      d = t1 + (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
      w13 += (rotr<u64>(w14, 1) ^ rotr<u64>(w14, 8) ^ (w14 >> 7)) + w6 + (rotr<u64>(w11, 19) ^ rotr<u64>(w11, 61) ^ (w11 >> 6));
      t1 = c + (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + load<u64>(k, 616) + w13;
      g += t1;
      c = t1 + (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
      w14 += (rotr<u64>(w15, 1) ^ rotr<u64>(w15, 8) ^ (w15 >> 7)) + w7 + (rotr<u64>(w12, 19) ^ rotr<u64>(w12, 61) ^ (w12 >> 6));
      t1 = b + (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + load<u64>(k, 624) + w14;
      f += t1;
      b = t1 + (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
      w15 += (rotr<u64>(w0, 1) ^ rotr<u64>(w0, 8) ^ (w0 >> 7)) + w8 + (rotr<u64>(w13, 19) ^ rotr<u64>(w13, 61) ^ (w13 >> 6));
      t1 = a + (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + load<u64>(k, 632) + w15;
      e += t1;
      a = t1 + (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
    h0 += a; h1 += b; h2 += c; h3 += d; h4 += e; h5 += f; h6 += g; h7 += h;
    p += 128;
    n--;
  }
  store<u64>(st, h0, 0); store<u64>(st, h1, 8); store<u64>(st, h2, 16); store<u64>(st, h3, 24);
  store<u64>(st, h4, 32); store<u64>(st, h5, 40); store<u64>(st, h6, 48); store<u64>(st, h7, 56);
}

/** The SHA-512 engine; SHA-384 differs only in its initial value and truncated output. */
abstract class Sha512Family extends BlockHash {
  private st: StaticArray<u64> = new StaticArray<u64>(8);
  private iv: StaticArray<u64>;
  private out: i32;

  constructor(iv: StaticArray<u64>, out: i32) {
    super();
    this.iv = iv;
    this.out = out;
    this.reset();
  }
  get outLen(): i32 { return this.out; }
  get blockLen(): i32 { return 128; }

  protected initState(): void {
    memory.copy(changetype<usize>(this.st), changetype<usize>(this.iv), 64);
  }
  protected compress(p: usize, n: i32): void {
    sha512Blocks(changetype<usize>(this.st), p, n);
  }
  protected output(out: usize): void {
    const st = changetype<usize>(this.st);
    const n = <usize>this.out;
    for (let i: usize = 0; i < n; i += 8) store<u64>(out + i, bswap<u64>(load<u64>(st + i)));
  }
  /** Copies this context's whole running state into `c` (a fresh context of the same kind). */
  protected copyTo(c: Sha512Family): HashCtx {
    memory.copy(changetype<usize>(c.st), changetype<usize>(this.st), 64);
    return this.copyFraming(c);
  }
}

export class Sha512 extends Sha512Family {
  constructor() { super(IV512, 64); }
  clone(): HashCtx { return this.copyTo(new Sha512()); }
}

export class Sha384 extends Sha512Family {
  constructor() { super(IV384, 48); }
  clone(): HashCtx { return this.copyTo(new Sha384()); }
}

/** SHA-256 digest (32 bytes) of `m`. */
export function sha256(m: Uint8Array): Uint8Array {
  const h = new Sha256();
  h.update(m);
  return h.finish();
}

/** SHA-384 digest (48 bytes) of `m`. */
export function sha384(m: Uint8Array): Uint8Array {
  const h = new Sha384();
  h.update(m);
  return h.finish();
}

/** SHA-512 digest (64 bytes) of `m`. */
export function sha512(m: Uint8Array): Uint8Array {
  const h = new Sha512();
  h.update(m);
  return h.finish();
}
