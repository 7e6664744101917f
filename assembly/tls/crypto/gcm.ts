// AES-GCM — NIST SP 800-38D (GCTR §6.5, GHASH §6.4, GCM-AE/AD §7) with 16-byte tags; for TLS
// (RFC 5288, RFC 8446 §5.3) the nonce is 12 bytes, other nonce lengths follow §7.1 (J0 by GHASH).
//
// GHASH is constant time: the GF(2^128) product is a carry-less multiply built from ordinary
// 64-bit integer multiplies of operands with "holes" (every 4th bit kept, so the carries of the
// integer products land in bits that are masked away), Karatsuba for the 128-bit halves, and the
// reduction by x^128 + x^7 + x^2 + x + 1 done with shifts. No table, no data-dependent branch.
//
// Sealing and opening take one pass over the record: with wasm SIMD each call of the AES core
// (8 counter blocks) also absorbs 8 blocks of ciphertext into GHASH, a sixth of a block at a time
// between its S-box layers (see aes.ts), so that the scalar multiplies of GHASH and the vector work
// of AES run side by side. A failed open undoes its decryption (the buffer is left as it was when
// in place, the output zeroed otherwise).
import { Aes } from "./aes";
import { ctEqualPtr } from "./ct";

export const GCM_TAG_LEN: i32 = 16;

const M1: u64 = 0x1111111111111111;
const M2: u64 = 0x2222222222222222;
const M4: u64 = 0x4444444444444444;
const M8: u64 = 0x8888888888888888;

/** Bit reversal of a 64-bit word. */
// @ts-ignore: decorator
@inline function rev64(x: u64): u64 {
  x = ((x >> 1) & 0x5555555555555555) | ((x & 0x5555555555555555) << 1);
  x = ((x >> 2) & 0x3333333333333333) | ((x & 0x3333333333333333) << 2);
  x = ((x >> 4) & 0x0f0f0f0f0f0f0f0f) | ((x & 0x0f0f0f0f0f0f0f0f) << 4);
  return bswap<u64>(x);
}

/** Low 64 bits of the carry-less product of x and a pre-split operand (4 masked words at t). */
// @ts-ignore: decorator
@inline function bmul64t(x: u64, t: usize): u64 {
  const x0 = x & M1, x1 = x & M2, x2 = x & M4, x3 = x & M8;
  const y0 = load<u64>(t, 0), y1 = load<u64>(t, 8), y2 = load<u64>(t, 16), y3 = load<u64>(t, 24);
  const z0 = (x0 * y0) ^ (x1 * y3) ^ (x2 * y2) ^ (x3 * y1);
  const z1 = (x0 * y1) ^ (x1 * y0) ^ (x2 * y3) ^ (x3 * y2);
  const z2 = (x0 * y2) ^ (x1 * y1) ^ (x2 * y0) ^ (x3 * y3);
  const z3 = (x0 * y3) ^ (x1 * y2) ^ (x2 * y1) ^ (x3 * y0);
  return (z0 & M1) | (z1 & M2) | (z2 & M4) | (z3 & M8);
}

// @ts-ignore: decorator
@inline function put4(t: usize, x: u64): void {
  store<u64>(t, x & M1, 0); store<u64>(t, x & M2, 8); store<u64>(t, x & M4, 16); store<u64>(t, x & M8, 24);
}

// Byte order reversal of each 64-bit half (for i8x16.swizzle with this constant, in-range mask).
const BSWAP: StaticArray<u8> = [7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8];

/** Reverses the bit order inside every byte (three swap stages; no table). */
// @ts-ignore: decorator
@inline function revBitsInBytes(v: v128): v128 {
  const m1 = i64x2.splat(0x5555555555555555), m2 = i64x2.splat(0x3333333333333333);
  const m4 = i64x2.splat(0x0f0f0f0f0f0f0f0f);
  v = v128.or(v128.and(i64x2.shr_u(v, 1), m1), i64x2.shl(v128.and(v, m1), 1));
  v = v128.or(v128.and(i64x2.shr_u(v, 2), m2), i64x2.shl(v128.and(v, m2), 2));
  return v128.or(v128.and(i64x2.shr_u(v, 4), m4), i64x2.shl(v128.and(v, m4), 4));
}

/** Powers of H kept (H^1 … H^POWERS): blocks are multiplied by them in groups of up to this many
 *  and summed before one reduction. */
const POWERS: i32 = 8;

// GHASH work in flight is a "job" record (u64 words), so that it can be done in parts: by
// Ghash.blocks, or by the AES core between its S-box layers (Aes.xorGroup), where the integer
// multiplies of GHASH overlap with the vector work of AES.
const J_SRC: usize = 0;   // address of the group's first block
const J_PW: usize = 8;    // address of the split powers of H
const J_K: usize = 16;    // blocks in the group (block j is multiplied by H^(k-j))
const J_YH: usize = 24;   // Y, which goes into block 0
const J_YL: usize = 32;
const J_ACC: usize = 40;  // six running sums: lo, hi, mid products and their bit-reversed twins
const J_X: usize = 88;    // the block being absorbed: xh, xl, then xhr, xlr (bit-reversed)
const J_T: usize = 120;   // the current power's table
const JOB: StaticArray<u64> = new StaticArray<u64>(16);

/** Part `part` (0-5, a constant) of absorbing block round-1 (round = 1 … k) of the job's group:
 *  part 0 prepares the block (byte swap and bit reversal of both halves in one SIMD pass; rev64 of
 *  a byte-swapped word is the raw word with the bits of each byte reversed), each part multiplies
 *  one Karatsuba operand by the matching operand of H^(k-round+1) into its sum. */
// @ts-ignore: decorator
@inline export function ghashPart(job: usize, round: i32, part: i32): void {
  let t: usize;
  if (part == 0) {
    t = <usize>load<u64>(job, J_PW) + (<usize>load<u64>(job, J_K) - <usize>round) * POW_BYTES;
    store<u64>(job, <u64>t, J_T);
  } else {
    t = <usize>load<u64>(job, J_T);
  }
  const a = job + J_ACC;
  if (part == 0) {
    let v = v128.load(<usize>load<u64>(job, J_SRC) + (<usize>(round - 1) << 4));
    const bs = v128.load(changetype<usize>(BSWAP));
    if (round == 1) v = v128.xor(v, i8x16.swizzle(v128.load(job, J_YH), bs));
    const b = i8x16.swizzle(v, bs);
    v128.store(job, b, J_X);
    v128.store(job, revBitsInBytes(v), J_X + 16);
    store<u64>(a, load<u64>(a, 0) ^ bmul64t(i64x2.extract_lane(b, 1), t), 0);
  } else if (part == 1) {
    store<u64>(a, load<u64>(a, 8) ^ bmul64t(load<u64>(job, J_X), t + 32), 8);
  } else if (part == 2) {
    store<u64>(a, load<u64>(a, 16) ^ bmul64t(load<u64>(job, J_X) ^ load<u64>(job, J_X + 8), t + 64), 16);
  } else if (part == 3) {
    store<u64>(a, load<u64>(a, 24) ^ bmul64t(load<u64>(job, J_X + 24), t + 96), 24);
  } else if (part == 4) {
    store<u64>(a, load<u64>(a, 32) ^ bmul64t(load<u64>(job, J_X + 16), t + 128), 32);
  } else {
    store<u64>(a, load<u64>(a, 40) ^ bmul64t(load<u64>(job, J_X + 16) ^ load<u64>(job, J_X + 24), t + 160), 40);
  }
}

// Per power of H: its six Karatsuba operands (lo, hi, lo^hi, and their bit reversals), each split
// into the four masked words bmul64t wants: 6 × 4 u64 = 192 bytes.
const POW_BYTES: usize = 192;

function splitPower(t: usize, hh: u64, hl: u64): void {
  put4(t, hl); put4(t + 32, hh); put4(t + 64, hl ^ hh);
  const hlr = rev64(hl), hhr = rev64(hh);
  put4(t + 96, hlr); put4(t + 128, hhr); put4(t + 160, hlr ^ hhr);
}

/** GHASH state: Y and the hash key H as big-endian 64-bit halves (bit 0 of the spec = MSB).
 *  Up to eight blocks at a time are multiplied by H^8 … H and summed before one reduction: the
 *  Karatsuba recombination, the output bit reversals and the reduction are all linear, so the
 *  products share them. */
export class Ghash {
  private pw: StaticArray<u64> = new StaticArray<u64>(POWERS * 24); // H^1 … H^8, split as above
  private yh: u64 = 0; private yl: u64 = 0;
  private buf: StaticArray<u8> = new StaticArray<u8>(16);
  private bufLen: i32 = 0;

  /** Sets H from the 16 bytes at `hp` and clears Y. */
  init(hp: usize): void {
    let ch = bswap<u64>(load<u64>(hp));
    let cl = bswap<u64>(load<u64>(hp, 8));
    const t = changetype<usize>(this.pw);
    const b = changetype<usize>(this.buf);
    splitPower(t, ch, cl);
    for (let i: usize = 1; i < <usize>POWERS; i++) {
      // H^(i+1) = H^i · H: one block through the H^1 table with Y = 0.
      this.yh = 0; this.yl = 0;
      store<u64>(b, bswap<u64>(ch)); store<u64>(b, bswap<u64>(cl), 8);
      this.blocks(b, 1);
      ch = this.yh; cl = this.yl;
      splitPower(t + i * POW_BYTES, ch, cl);
    }
    this.reset();
  }
  reset(): void {
    this.yh = 0; this.yl = 0; this.bufLen = 0;
  }

  /** Overwrites H (all its stored powers), Y and the shared job record (sums of products with H). */
  wipe(): void {
    memory.fill(changetype<usize>(this.pw), 0, <usize>POWERS * POW_BYTES);
    memory.fill(changetype<usize>(JOB), 0, <usize>JOB.length << 3);
    this.reset();
  }

  /** Y = (Y ^ X_i) · H for `n` 16-byte blocks at `p`. */
  blocks(p: usize, n: usize): void {
    while (n > 0) {
      // Blocks in this group (public); block j is multiplied by H^(k-j), Y goes into block 0.
      const k: usize = n >= <usize>POWERS ? <usize>POWERS : n >= 4 ? 4 : 1;
      const job = this.ride(p, k);
      const acc = job + J_ACC;
      for (let j: usize = 0; j < k; j++) {
        let xh: u64, xl: u64, xhr: u64, xlr: u64;
        if (ASC_FEATURE_SIMD) {
          // As in ghashPart, but with the block in registers (faster when not interleaved).
          let v = v128.load(p + (j << 4));
          const bs = v128.load(changetype<usize>(BSWAP));
          if (j == 0) v = v128.xor(v, i8x16.swizzle(v128.load(job, J_YH), bs));
          const b = i8x16.swizzle(v, bs), r = revBitsInBytes(v);
          xh = i64x2.extract_lane(b, 0); xl = i64x2.extract_lane(b, 1);
          xhr = i64x2.extract_lane(r, 0); xlr = i64x2.extract_lane(r, 1);
        } else {
          xh = bswap<u64>(load<u64>(p + (j << 4))); xl = bswap<u64>(load<u64>(p + (j << 4), 8));
          if (j == 0) { xh ^= this.yh; xl ^= this.yl; }
          xhr = rev64(xh); xlr = rev64(xl);
        }
        const t = changetype<usize>(this.pw) + (k - 1 - j) * POW_BYTES;
        // Sums go through memory: the stores keep V8 from hoisting all 24 table loads of the
        // block ahead of the multiplies (and spilling them).
        store<u64>(acc, load<u64>(acc, 0) ^ bmul64t(xl, t), 0);
        store<u64>(acc, load<u64>(acc, 8) ^ bmul64t(xh, t + 32), 8);
        store<u64>(acc, load<u64>(acc, 16) ^ bmul64t(xh ^ xl, t + 64), 16);
        store<u64>(acc, load<u64>(acc, 24) ^ bmul64t(xlr, t + 96), 24);
        store<u64>(acc, load<u64>(acc, 32) ^ bmul64t(xhr, t + 128), 32);
        store<u64>(acc, load<u64>(acc, 40) ^ bmul64t(xhr ^ xlr, t + 160), 40);
      }
      this.settle();
      p += k << 4; n -= k;
    }
  }

  /** A job (see ghashPart) for the `k` blocks at `p`, starting from the current Y. */
  ride(p: usize, k: usize): usize {
    const job = changetype<usize>(JOB);
    store<u64>(job, <u64>p, J_SRC);
    store<u64>(job, <u64>changetype<usize>(this.pw), J_PW);
    store<u64>(job, <u64>k, J_K);
    store<u64>(job, this.yh, J_YH);
    store<u64>(job, this.yl, J_YL);
    memory.fill(job + J_ACC, 0, 48);
    return job;
  }

  /** Y = the reduced sum of the job's six running sums. The Karatsuba recombination, the bit
   *  reversals and the reduction are linear, so the products of a whole group share them. */
  settle(): void {
    const acc = changetype<usize>(JOB) + J_ACC;
    const aL0 = load<u64>(acc, 0), aH0 = load<u64>(acc, 8), aM0 = load<u64>(acc, 16);
    const aL1 = load<u64>(acc, 24), aH1 = load<u64>(acc, 32), aM1 = load<u64>(acc, 40);
    // The high halves of the 64x64 products come from the bit-reversed products.
    let r1: u64, r2: u64, r3: u64;
    if (ASC_FEATURE_SIMD) {
      const bs = v128.load(changetype<usize>(BSWAP));
      const u = revBitsInBytes(i8x16.swizzle(i64x2.replace_lane(i64x2.splat(aL1), 1, aH1), bs));
      const w = revBitsInBytes(i8x16.swizzle(i64x2.splat(aM1), bs));
      r1 = i64x2.extract_lane(u, 0); r2 = i64x2.extract_lane(u, 1); r3 = i64x2.extract_lane(w, 0);
    } else {
      r1 = rev64(aL1); r2 = rev64(aH1); r3 = rev64(aM1);
    }
    const l0 = aL0, l1 = r1 >> 1;
    const h0 = aH0, h1 = r2 >> 1;
    const m0 = aM0 ^ l0 ^ h0;
    const m1 = (r3 >> 1) ^ l1 ^ h1;
    // 255-bit product z3:z2:z1:z0, then << 1 so that it is the 256-bit reflected product.
    let z3 = h1, z2 = h0 ^ m1, z1 = l1 ^ m0, z0 = l0;
    z3 = (z3 << 1) | (z2 >> 63);
    z2 = (z2 << 1) | (z1 >> 63);
    z1 = (z1 << 1) | (z0 >> 63);
    z0 <<= 1;
    // Reduce: the high half (z3:z2) holds the low-degree terms, (z1:z0) the terms times x^128,
    // which is x^7 + x^2 + x + 1 (a right shift in this bit order); the bits shifted out are
    // folded back once more.
    const oh = (z0 << 63) ^ (z0 << 62) ^ (z0 << 57);
    const yh = z3 ^ z1 ^ (z1 >> 1) ^ (z1 >> 2) ^ (z1 >> 7) ^ oh ^ (oh >> 1) ^ (oh >> 2) ^ (oh >> 7);
    const yl = z2 ^ z0 ^ ((z0 >> 1) | (z1 << 63)) ^ ((z0 >> 2) | (z1 << 62)) ^ ((z0 >> 7) | (z1 << 57))
      ^ (oh << 63) ^ (oh << 62) ^ (oh << 57);
    this.yh = yh; this.yl = yl;
  }

  /** Absorbs `len` bytes; a partial block waits in the buffer until more data or `pad`. */
  update(p: usize, len: usize): void {
    const buf = changetype<usize>(this.buf);
    let fill = <usize>this.bufLen;
    if (fill > 0) {
      const take = min<usize>(16 - fill, len);
      memory.copy(buf + fill, p, take);
      fill += take; p += take; len -= take;
      if (fill < 16) { this.bufLen = <i32>fill; return; }
      this.blocks(buf, 1);
      fill = 0;
    }
    const n = len >> 4;
    if (n > 0) {
      this.blocks(p, n);
      p += n << 4; len -= n << 4;
    }
    if (len > 0) memory.copy(buf, p, len);
    this.bufLen = <i32>len;
  }

  /** Zero-pads a partial block (GHASH input is A || 0* || C || 0* || lengths). */
  pad(): void {
    const fill = this.bufLen;
    if (fill == 0) return;
    memory.fill(changetype<usize>(this.buf) + <usize>fill, 0, <usize>(16 - fill));
    this.blocks(changetype<usize>(this.buf), 1);
    this.bufLen = 0;
  }

  /** Absorbs the final length block (bit lengths of A and C) and writes Y (16 bytes) to `out`. */
  finish(aBytes: u64, cBytes: u64, out: usize): void {
    this.pad();
    const b = changetype<usize>(this.buf);
    store<u64>(b, bswap<u64>(aBytes << 3));
    store<u64>(b, bswap<u64>(cBytes << 3), 8);
    this.blocks(b, 1);
    store<u64>(out, bswap<u64>(this.yh));
    store<u64>(out, bswap<u64>(this.yl), 8);
  }
}

// Keystream scratch: up to 8 counter blocks and their encryption.
const CTRS: StaticArray<u8> = new StaticArray<u8>(128);
const KS: StaticArray<u8> = new StaticArray<u8>(128);

/** A keyed AES-GCM context (AES-128, -192 or -256 by key length). */
export class AesGcm {
  private aes: Aes;
  private gh: Ghash = new Ghash();
  private j0: StaticArray<u8> = new StaticArray<u8>(16);
  private tag: StaticArray<u8> = new StaticArray<u8>(16);

  /** `key` must be 16, 24 or 32 bytes (use `newAesGcm` to check). */
  constructor(key: Uint8Array) {
    this.aes = new Aes(key.dataStart, key.length);
    const h = changetype<usize>(this.tag);
    memory.fill(h, 0, 16);
    this.aes.encryptBlocks(h, h, 1); // H = E_K(0^128)
    this.gh.init(h);
    memory.fill(h, 0, 16);
  }

  get valid(): bool { return this.aes.nr != 0; }

  /** Overwrites the round keys and the powers of H; the context is unusable afterwards. */
  wipe(): void {
    this.aes.wipe();
    this.gh.wipe();
  }

  // SP 800-38D §7.1 step 2: J0 = IV || 0^31 || 1 for a 96-bit IV, else GHASH(IV || 0* || [len]64).
  private setJ0(np: usize, nlen: usize): void {
    const j0 = changetype<usize>(this.j0);
    if (nlen == 12) {
      memory.copy(j0, np, 12);
      store<u32>(j0, bswap<u32>(1), 12);
    } else {
      const gh = this.gh;
      gh.reset();
      gh.update(np, nlen);
      gh.finish(0, <u64>nlen, j0);
    }
  }

  // GCTR from counter inc32(J0) (SP 800-38D §6.5): XORs `len` bytes from src to dst. With `hash`
  // (SEAL or OPEN) it also feeds the ciphertext to GHASH (after the AAD), with SIMD inside the AES
  // rounds (Aes.xorGroup): sealing hashes the group it wrote in the previous step, opening the
  // group it is about to overwrite (src may be dst).
  private ctr(src: usize, dst: usize, len: usize, hash: i32): void {
    const gh = this.gh;
    const j0 = changetype<usize>(this.j0);
    const cb = changetype<usize>(CTRS);
    const ks = changetype<usize>(KS);
    const g = AES_GROUP;
    const full = <usize>g << 4;
    const ct0 = hash == SEAL ? dst : src; // the ciphertext
    let hashed: usize = 0; // ciphertext bytes absorbed so far
    for (let i: usize = 0; i < <usize>g; i++) memory.copy(cb + (i << 4), j0, 12);
    let c = bswap<u32>(load<u32>(j0, 12));
    let off: usize = 0;
    while (off < len) {
      for (let i: usize = 0; i < <usize>g; i++) {
        c++; // inc32: wraps modulo 2^32
        store<u32>(cb + (i << 4), bswap<u32>(c), 12);
      }
      if (len - off >= full) {
        let job: usize = 0;
        if (ASC_FEATURE_SIMD && hash != 0) {
          if (hash == OPEN) job = gh.ride(src + off, 8);
          else if (off > 0) job = gh.ride(dst + off - full, 8);
        }
        if (hash == OPEN && job == 0) { gh.update(src + off, full); hashed += full; } // before in place
        this.aes.xorGroup(cb, src + off, dst + off, job);
        if (job != 0) { gh.settle(); hashed += full; }
        off += full;
        continue;
      }
      if (hash == OPEN) { gh.update(ct0 + hashed, len - hashed); hashed = len; } // before in place
      this.aes.encryptBlocks(cb, ks, g);
      for (let i = off; i < len; i++) store<u8>(dst + i, load<u8>(src + i) ^ load<u8>(ks + i - off));
      off = len;
    }
    if (hash != 0) gh.update(ct0 + hashed, len - hashed);
  }

  // Tag = E_K(J0) ^ GHASH(A || 0* || C || 0* || [len A]64 || [len C]64) into this.tag, with GHASH
  // of C done by ctr.
  private crypt(np: usize, nlen: usize, ad: usize, adLen: usize, src: usize, dst: usize, len: usize, hash: i32): void {
    this.setJ0(np, nlen);
    const gh = this.gh;
    gh.reset();
    gh.update(ad, adLen);
    gh.pad();
    this.ctr(src, dst, len, hash);
    const t = changetype<usize>(this.tag);
    gh.finish(<u64>adLen, <u64>len, t);
    const ks = changetype<usize>(KS);
    this.aes.encryptBlocks(changetype<usize>(this.j0), ks, 1);
    store<u64>(t, load<u64>(t) ^ load<u64>(ks));
    store<u64>(t, load<u64>(t, 8) ^ load<u64>(ks, 8), 8);
  }

  /** Encrypts `len` bytes from `src` to `dst` and writes the 16-byte tag at `dst + len`. */
  sealPtr(np: usize, nlen: usize, ad: usize, adLen: usize, src: usize, dst: usize, len: usize): void {
    this.crypt(np, nlen, ad, adLen, src, dst, len, SEAL);
    memory.copy(dst + len, changetype<usize>(this.tag), 16);
  }

  /** Decrypts `len` bytes from `src` to `dst` (one pass, GHASH alongside) and checks the tag at
   *  `src + len`. On a mismatch the output is undone before returning false: encrypted back when
   *  in place (src == dst), so the buffer is as it was, else zeroed. */
  openPtr(np: usize, nlen: usize, ad: usize, adLen: usize, src: usize, dst: usize, len: usize): bool {
    this.crypt(np, nlen, ad, adLen, src, dst, len, OPEN);
    if (ctEqualPtr(changetype<usize>(this.tag), src + len, 16)) return true;
    if (src == dst) this.ctr(dst, dst, len, 0);
    else memory.fill(dst, 0, len);
    return false;
  }

  /** ciphertext || tag, or null for an empty nonce or an invalid key. */
  seal(nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array | null {
    if (!this.valid || nonce.length == 0) return null;
    const out = new Uint8Array(plaintext.length + 16);
    this.sealPtr(nonce.dataStart, <usize>nonce.length, aad.dataStart, <usize>aad.length,
      plaintext.dataStart, out.dataStart, <usize>plaintext.length);
    return out;
  }

  /** The plaintext, or null for a bad nonce/key, input shorter than the tag, or a tag mismatch. */
  open(nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array | null {
    if (!this.valid || nonce.length == 0 || sealed.length < 16) return null;
    const n = sealed.length - 16;
    const out = new Uint8Array(n);
    if (!this.openPtr(nonce.dataStart, <usize>nonce.length, aad.dataStart, <usize>aad.length,
      sealed.dataStart, out.dataStart, <usize>n)) return null;
    return out;
  }

  /** In place: `buf[0..len)` plaintext becomes ciphertext || tag in `buf[0..len+16)`. False (buffer
   *  untouched) for a bad nonce or key, a negative length or no room for the tag. */
  sealInPlace(nonce: Uint8Array, aad: Uint8Array, buf: Uint8Array, len: i32): bool {
    if (!this.valid || nonce.length == 0 || len < 0 || <u32>buf.length < <u32>len + 16) return false;
    this.sealPtr(nonce.dataStart, <usize>nonce.length, aad.dataStart, <usize>aad.length,
      buf.dataStart, buf.dataStart, <usize>len);
    return true;
  }

  /** In place: `buf[0..len)` is ciphertext || tag; returns len - 16 with the plaintext in front,
   *  or -1 (buffer untouched) for any failure. */
  openInPlace(nonce: Uint8Array, aad: Uint8Array, buf: Uint8Array, len: i32): i32 {
    if (!this.valid || nonce.length == 0 || len < 16 || <u32>len > <u32>buf.length) return -1;
    const n = len - 16;
    if (!this.openPtr(nonce.dataStart, <usize>nonce.length, aad.dataStart, <usize>aad.length,
      buf.dataStart, buf.dataStart, <usize>n)) return -1;
    return n;
  }
}

// GHASH alongside counter mode (AesGcm.ctr): none, the output (sealing) or the input (opening).
const SEAL: i32 = 1;
const OPEN: i32 = 2;

// Counter blocks per keystream call (the AES core's natural group).
const AES_GROUP: i32 = ASC_FEATURE_SIMD ? 8 : 4;

/** A keyed context, or null unless the key is 16, 24 or 32 bytes. */
export function newAesGcm(key: Uint8Array): AesGcm | null {
  if (key.length != 16 && key.length != 24 && key.length != 32) return null;
  return new AesGcm(key);
}

/** GCM-AE: ciphertext || 16-byte tag, or null for a bad key length or an empty nonce. */
export function aesGcmSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array | null {
  const g = newAesGcm(key);
  if (g === null) return null;
  return g.seal(nonce, aad, plaintext);
}

/** GCM-AD: the plaintext, or null for bad lengths or a tag that does not verify. */
export function aesGcmOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array | null {
  const g = newAesGcm(key);
  if (g === null) return null;
  return g.open(nonce, aad, sealed);
}
