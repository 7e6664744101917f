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

  update(d: Uint8Array): void {
    this.updatePtr(d.dataStart, d.length);
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.outLen);
    this.finishPtr(out.dataStart);
    return out;
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

// Message schedule scratch (wasm runs one call at a time, so one is enough for every context).
const W256: StaticArray<u32> = new StaticArray<u32>(64);

/** Runs the SHA-256 compression over `n` 64-byte blocks at `p`, updating the 8-word state at `st`. */
export function sha256Blocks(st: usize, p: usize, n: i32): void {
  let h0 = load<u32>(st, 0), h1 = load<u32>(st, 4), h2 = load<u32>(st, 8), h3 = load<u32>(st, 12);
  let h4 = load<u32>(st, 16), h5 = load<u32>(st, 20), h6 = load<u32>(st, 24), h7 = load<u32>(st, 28);
  const k = changetype<usize>(K256);
  const w = changetype<usize>(W256);
  while (n > 0) {
    for (let i: usize = 0; i < 64; i += 4) store<u32>(w + i, bswap<u32>(load<u32>(p + i)));
    for (let i: usize = 64; i < 256; i += 4) {
      const w15 = load<u32>(w + i - 60);
      const w2 = load<u32>(w + i - 8);
      const s0 = rotr<u32>(w15, 7) ^ rotr<u32>(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr<u32>(w2, 17) ^ rotr<u32>(w2, 19) ^ (w2 >>> 10);
      store<u32>(w + i, load<u32>(w + i - 64) + s0 + load<u32>(w + i - 28) + s1);
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i: usize = 0; i < 256; i += 4) {
      const t1 = h + (rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25)) + (g ^ (e & (f ^ g)))
        + load<u32>(k + i) + load<u32>(w + i);
      const t2 = (rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22)) + ((a & b) | (c & (a | b)));
      h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h0 += a; h1 += b; h2 += c; h3 += d; h4 += e; h5 += f; h6 += g; h7 += h;
    p += 64;
    n--;
  }
  store<u32>(st, h0, 0); store<u32>(st, h1, 4); store<u32>(st, h2, 8); store<u32>(st, h3, 12);
  store<u32>(st, h4, 16); store<u32>(st, h5, 20); store<u32>(st, h6, 24); store<u32>(st, h7, 28);
}

export class Sha256 extends HashCtx {
  private st: StaticArray<u32> = new StaticArray<u32>(8);
  private buf: StaticArray<u8> = new StaticArray<u8>(64);
  private bufLen: i32 = 0;
  private total: u64 = 0;

  constructor() {
    super();
    this.reset();
  }
  get outLen(): i32 { return 32; }
  get blockLen(): i32 { return 64; }

  reset(): void {
    memory.copy(changetype<usize>(this.st), changetype<usize>(IV256), 32);
    this.bufLen = 0;
    this.total = 0;
  }

  updatePtr(p: usize, len: i32): void {
    if (len <= 0) return;
    this.total += <u64>len;
    const st = changetype<usize>(this.st);
    const buf = changetype<usize>(this.buf);
    let fill = this.bufLen;
    if (fill > 0) {
      const take = min(64 - fill, len);
      memory.copy(buf + fill, p, take);
      fill += take; p += take; len -= take;
      if (fill < 64) { this.bufLen = fill; return; }
      sha256Blocks(st, buf, 1);
      fill = 0;
    }
    const n = len >> 6;
    if (n > 0) {
      sha256Blocks(st, p, n);
      p += <usize>(n << 6); len -= n << 6;
    }
    if (len > 0) memory.copy(buf, p, len);
    this.bufLen = len;
  }

  finishPtr(out: usize): void {
    const st = changetype<usize>(this.st);
    const buf = changetype<usize>(this.buf);
    let fill = this.bufLen;
    store<u8>(buf + fill, 0x80);
    fill++;
    if (fill > 56) {
      memory.fill(buf + fill, 0, 64 - fill);
      sha256Blocks(st, buf, 1);
      fill = 0;
    }
    memory.fill(buf + fill, 0, 56 - fill);
    store<u64>(buf + 56, bswap<u64>(this.total << 3));
    sha256Blocks(st, buf, 1);
    for (let i: usize = 0; i < 32; i += 4) store<u32>(out + i, bswap<u32>(load<u32>(st + i)));
    this.reset();
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

const W512: StaticArray<u64> = new StaticArray<u64>(80);

/** SHA-512 compression over `n` 128-byte blocks at `p`, updating the 8-word state at `st`. */
export function sha512Blocks(st: usize, p: usize, n: i32): void {
  let h0 = load<u64>(st, 0), h1 = load<u64>(st, 8), h2 = load<u64>(st, 16), h3 = load<u64>(st, 24);
  let h4 = load<u64>(st, 32), h5 = load<u64>(st, 40), h6 = load<u64>(st, 48), h7 = load<u64>(st, 56);
  const k = changetype<usize>(K512);
  const w = changetype<usize>(W512);
  while (n > 0) {
    for (let i: usize = 0; i < 128; i += 8) store<u64>(w + i, bswap<u64>(load<u64>(p + i)));
    for (let i: usize = 128; i < 640; i += 8) {
      const w15 = load<u64>(w + i - 120);
      const w2 = load<u64>(w + i - 16);
      const s0 = rotr<u64>(w15, 1) ^ rotr<u64>(w15, 8) ^ (w15 >>> 7);
      const s1 = rotr<u64>(w2, 19) ^ rotr<u64>(w2, 61) ^ (w2 >>> 6);
      store<u64>(w + i, load<u64>(w + i - 128) + s0 + load<u64>(w + i - 56) + s1);
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i: usize = 0; i < 640; i += 8) {
      const t1 = h + (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g)))
        + load<u64>(k + i) + load<u64>(w + i);
      const t2 = (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
      h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h0 += a; h1 += b; h2 += c; h3 += d; h4 += e; h5 += f; h6 += g; h7 += h;
    p += 128;
    n--;
  }
  store<u64>(st, h0, 0); store<u64>(st, h1, 8); store<u64>(st, h2, 16); store<u64>(st, h3, 24);
  store<u64>(st, h4, 32); store<u64>(st, h5, 40); store<u64>(st, h6, 48); store<u64>(st, h7, 56);
}

/** The SHA-512 engine; SHA-384 differs only in its initial value and truncated output. */
abstract class Sha512Family extends HashCtx {
  private st: StaticArray<u64> = new StaticArray<u64>(8);
  private buf: StaticArray<u8> = new StaticArray<u8>(128);
  private bufLen: i32 = 0;
  private total: u64 = 0; // bytes; messages stay far below 2^64 bytes, so the high length word is 0
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

  reset(): void {
    memory.copy(changetype<usize>(this.st), changetype<usize>(this.iv), 64);
    this.bufLen = 0;
    this.total = 0;
  }

  updatePtr(p: usize, len: i32): void {
    if (len <= 0) return;
    this.total += <u64>len;
    const st = changetype<usize>(this.st);
    const buf = changetype<usize>(this.buf);
    let fill = this.bufLen;
    if (fill > 0) {
      const take = min(128 - fill, len);
      memory.copy(buf + fill, p, take);
      fill += take; p += take; len -= take;
      if (fill < 128) { this.bufLen = fill; return; }
      sha512Blocks(st, buf, 1);
      fill = 0;
    }
    const n = len >> 7;
    if (n > 0) {
      sha512Blocks(st, p, n);
      p += <usize>(n << 7); len -= n << 7;
    }
    if (len > 0) memory.copy(buf, p, len);
    this.bufLen = len;
  }

  finishPtr(out: usize): void {
    const st = changetype<usize>(this.st);
    const buf = changetype<usize>(this.buf);
    let fill = this.bufLen;
    store<u8>(buf + fill, 0x80);
    fill++;
    if (fill > 112) {
      memory.fill(buf + fill, 0, 128 - fill);
      sha512Blocks(st, buf, 1);
      fill = 0;
    }
    memory.fill(buf + fill, 0, 120 - fill); // includes the high 64 bits of the 128-bit length
    store<u64>(buf + 120, bswap<u64>(this.total << 3));
    sha512Blocks(st, buf, 1);
    const n = <usize>this.out;
    for (let i: usize = 0; i < n; i += 8) store<u64>(out + i, bswap<u64>(load<u64>(st + i)));
    this.reset();
  }
}

export class Sha512 extends Sha512Family {
  constructor() { super(IV512, 64); }
}

export class Sha384 extends Sha512Family {
  constructor() { super(IV384, 48); }
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
