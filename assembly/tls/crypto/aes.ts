// AES-128/192/256 block encryption — FIPS 197 — bitsliced, so that no table is indexed and no branch
// is taken on key or data (the usual 256-byte S-box table leaks its indices through the cache).
//
// Layout: 4 blocks share 8 u64 "slices"; slice k holds bit k of all 64 state bytes, at bit
// 4*q + block where q = row*4 + column (row-major). In that layout
//   SubBytes   = one Boolean circuit over the 8 slices: Boyar & Peralta's 113-gate circuit (32 AND;
//                "A new combinational logic minimization technique with applications to
//                cryptology", 2010), checked on all 256 inputs against the FIPS 197 S-box by the
//                generator that wrote it (test/crypto/sym-aes-gen.py, which also derives a 169-gate
//                tower-field circuit of its own as a cross-check). In the rounds its four XNORs are
//                XORs: the missing constant 0x63 passes unchanged through ShiftRows and MixColumns
//                (a column of equal bytes c maps to itself), so it is added to round keys 1..Nr;
//   ShiftRows  = rotating each 16-bit row group by 4*row bits (a delta swap, then masks and shifts),
//   MixColumns = rotations of whole slices by 16 and 32 bits plus the bitsliced xtime,
//   AddRoundKey = XOR with pre-sliced round keys.
// With wasm SIMD (ASC_FEATURE_SIMD) 8 blocks go through each round together in 8 v128 slices:
// slice k, byte q = 4*row + column (row-major), bit b = bit k of that state byte in block b. There
// the MixColumns row rotations are rotations of whole 32-bit lanes (pshufd), ShiftRows is a swizzle
// by a constant mask (public indices), and converting to and from the slices is a byte reorder plus
// one 8x8 bit transpose per byte position (a 3-stage swap network).
// Only encryption is provided: GCM (and CTR) never needs the inverse cipher.
//
// The straight-line parts (S-box circuit, rounds, packing) are written by test/crypto/sym-aes-gen.py;
// they are long but regular. With SIMD the round loop can carry GHASH work for GCM (see
// Aes.xorGroup): its six parts sit between the S-box layers, each after a store of an S-box value
// to a scratch "fence". V8 keeps the stores in program order and computes the vector values just
// before they are stored, so the GHASH integer multiplies and the AES vector work come interleaved
// in small pieces and the CPU overlaps them (~20% faster GCM than one after the other).
// The key schedule (FIPS 197 §5.2) runs SubWord through the same circuit
// (with its constant).

import { ghashPart } from "./gcm";

/** Bytes of bitsliced round keys per round: 8 slices × 16 bytes (the scalar layout fills the first
 *  8 bytes of each slice and repeats them; the SIMD layout uses all 16). */
const RK_STRIDE: i32 = 128;

@final export class Aes {
  /** Number of rounds: 10, 12 or 14 (0 for an invalid key). */
  nr: i32 = 0;
  rk: StaticArray<u8> = new StaticArray<u8>(15 * RK_STRIDE);

  /** Expands a 16-, 24- or 32-byte key at `kp`; any other length leaves nr = 0. */
  constructor(kp: usize, keyLen: i32) {
    if (keyLen == 16 || keyLen == 24 || keyLen == 32) this.expand(kp, keyLen);
  }

  private expand(kp: usize, keyLen: i32): void {
    const nk = keyLen >> 2;
    const nr = nk + 6;
    this.nr = nr;
    const total = 4 * (nr + 1);
    const w = new StaticArray<u32>(60);
    const wp = changetype<usize>(w);
    memory.copy(wp, kp, <usize>keyLen);
    let rcon: u32 = 1;
    for (let i = nk; i < total; i++) {
      let t = load<u32>(wp + (<usize>(i - 1) << 2));
      if (i % nk == 0) {
        t = subWord(rotr<u32>(t, 8)) ^ rcon; // RotWord then SubWord, Rcon into the first byte
        rcon = (rcon << 1) ^ (((rcon >> 7) & 1) * 0x11b);
      } else if (nk > 6 && i % nk == 4) {
        t = subWord(t);
      }
      store<u32>(wp + (<usize>i << 2), load<u32>(wp + (<usize>(i - nk) << 2)) ^ t);
    }
    // Slice each round key: byte j = 4*column + row of round r sets nibble q = 4*row + column.
    const rk = changetype<usize>(this.rk);
    for (let r = 0; r <= nr; r++) {
      const kb = wp + (<usize>r << 4);
      const c63: u8 = r > 0 ? 0x63 : 0; // the S-box constant, folded in (see the header)
      for (let k = 0; k < 8; k++) {
        const o = rk + <usize>(r * RK_STRIDE + k * 16);
        if (ASC_FEATURE_SIMD) {
          // SIMD layout: byte j of slice k is all-ones when bit k of key byte j is set.
          for (let q = 0; q < 16; q++) {
            const j = ((q & 3) << 2) | (q >> 2);
            store<u8>(o + <usize>q, <u8>(0 - (((load<u8>(kb + <usize>j) ^ c63) >> <u8>k) & 1)));
          }
        } else {
          let s: u64 = 0;
          for (let j = 0; j < 16; j++) {
            const bit = <u64>(((load<u8>(kb + <usize>j) ^ c63) >> <u8>k) & 1);
            const q = ((j & 3) << 2) | (j >> 2);
            s |= (<u64>0 - bit) & (<u64>0xf << (<u64>q << 2));
          }
          store<u64>(o, s);
          store<u64>(o, s, 8);
        }
      }
    }
    memory.fill(wp, 0, 240);
    memory.fill(changetype<usize>(SW), 0, 64); // SubWord's scratch held key bytes
  }

  /** Overwrites the round keys and the shared scratch; the object is unusable afterwards (nr = 0). */
  wipe(): void {
    memory.fill(changetype<usize>(this.rk), 0, 15 * RK_STRIDE);
    memory.fill(changetype<usize>(ST), 0, 128); // the shared scratch held state and S-box values
    memory.fill(changetype<usize>(FENCE), 0, 128);
    this.nr = 0;
  }

  /** Encrypts `n` 16-byte blocks from `src` to `dst` (ECB; used for the GCM/CTR keystream). */
  encryptBlocks(src: usize, dst: usize, n: i32): void {
    const st = changetype<usize>(ST);
    const tmp = changetype<usize>(TMP);
    const rk = changetype<usize>(this.rk);
    while (n > 0) {
      const g = ASC_FEATURE_SIMD ? 8 : 4;
      const take = min(n, g);
      let inp = src;
      if (take < g) {
        memory.fill(tmp, 0, 128);
        memory.copy(tmp, src, <usize>take << 4);
        inp = tmp;
      }
      if (ASC_FEATURE_SIMD) {
        transpose8(inp, st, changetype<usize>(ZEROS));
        encrypt8(rk, this.nr, st, 0);
        transpose8(st, tmp, changetype<usize>(ZEROS));
      } else {
        pack4(inp, st);
        encrypt4(rk, this.nr, st);
        unpack4(st, tmp);
      }
      memory.copy(dst, tmp, <usize>take << 4);
      src += <usize>take << 4; dst += <usize>take << 4; n -= take;
    }
  }

  /** Counter mode over one full group: dst = src ^ E_K(the AES_PARALLEL blocks at `cb`), for
   *  AES_PARALLEL * 16 bytes (dst may be src). With SIMD, a nonzero `job` (Ghash.ride) makes
   *  rounds 1-8 also absorb the job's 8 GHASH blocks, one per round. */
  xorGroup(cb: usize, src: usize, dst: usize, job: usize = 0): void {
    const st = changetype<usize>(ST);
    const rk = changetype<usize>(this.rk);
    if (ASC_FEATURE_SIMD) {
      transpose8(cb, st, changetype<usize>(ZEROS));
      encrypt8(rk, this.nr, st, job);
      transpose8(st, dst, src); // the keystream goes straight from the slices into the XOR
    } else {
      const tmp = changetype<usize>(TMP);
      pack4(cb, st);
      encrypt4(rk, this.nr, st);
      unpack4(st, tmp);
      for (let i: usize = 0; i < 64; i += 8) store<u64>(dst + i, load<u64>(src + i) ^ load<u64>(tmp + i));
    }
  }
}

/** Blocks encrypted per call of the core: 8 with wasm SIMD, else 4. */
export const AES_PARALLEL: i32 = ASC_FEATURE_SIMD ? 8 : 4;

// Slices of the state being encrypted (8 × 16 bytes) and a bounce buffer for whole groups.
const ST: StaticArray<u8> = new StaticArray<u8>(128);
const TMP: StaticArray<u8> = new StaticArray<u8>(128);
const ZEROS: StaticArray<u8> = new StaticArray<u8>(128);
// Stores that order the vector work against the GHASH parts in encrypt8 (never read).
const FENCE: StaticArray<u8> = new StaticArray<u8>(128);
const SW: StaticArray<u64> = new StaticArray<u64>(8);
// ShiftRows on a SIMD slice (row-major byte order): row r rotates left by r.
const SR_MASK: StaticArray<u8> = [0, 1, 2, 3, 5, 6, 7, 4, 10, 11, 8, 9, 15, 12, 13, 14];

// SubWord (FIPS 197 §5.2) through the bitsliced S-box: byte i of x goes to bit i of each slice.
function subWord(x: u32): u32 {
  const p = changetype<usize>(SW);
  for (let k = 0; k < 8; k++) {
    let s: u64 = 0;
    for (let i = 0; i < 4; i++) s |= <u64>((x >> <u32>(8 * i + k)) & 1) << <u64>i;
    store<u64>(p + (<usize>k << 3), s);
  }
  sboxSlices(p);
  let y: u32 = 0;
  for (let k = 0; k < 8; k++) {
    const s = load<u64>(p + (<usize>k << 3));
    for (let i = 0; i < 4; i++) y |= <u32>((s >> <u64>i) & 1) << <u32>(8 * i + k);
  }
  return y;
}

/** AES-ECB encryption of whole blocks (for tests and CTR users); null for a bad key length or a
 *  length that is not a multiple of 16. */
export function aesEncryptEcb(key: Uint8Array, data: Uint8Array): Uint8Array | null {
  if ((data.length & 15) != 0) return null;
  const a = new Aes(key.dataStart, key.length);
  if (a.nr == 0) return null;
  const out = new Uint8Array(data.length);
  a.encryptBlocks(data.dataStart, out.dataStart, data.length >> 4);
  return out;
}

// Gathers 4 blocks (64 bytes at src) into 8 bit slices at st, st+16, … (one u64 lane each):
// slice k, bit 4q + b = bit k of byte q (row-major index r*4+c) of block b.
function pack4(src: usize, st: usize): void {
  let w0 = <u64>load<u8>(src, 0) | (<u64>load<u8>(src, 8) << 8) | (<u64>load<u8>(src, 1) << 16) | (<u64>load<u8>(src, 9) << 24) | (<u64>load<u8>(src, 2) << 32) | (<u64>load<u8>(src, 10) << 40) | (<u64>load<u8>(src, 3) << 48) | (<u64>load<u8>(src, 11) << 56);
  let w1 = <u64>load<u8>(src, 16) | (<u64>load<u8>(src, 24) << 8) | (<u64>load<u8>(src, 17) << 16) | (<u64>load<u8>(src, 25) << 24) | (<u64>load<u8>(src, 18) << 32) | (<u64>load<u8>(src, 26) << 40) | (<u64>load<u8>(src, 19) << 48) | (<u64>load<u8>(src, 27) << 56);
  let w2 = <u64>load<u8>(src, 32) | (<u64>load<u8>(src, 40) << 8) | (<u64>load<u8>(src, 33) << 16) | (<u64>load<u8>(src, 41) << 24) | (<u64>load<u8>(src, 34) << 32) | (<u64>load<u8>(src, 42) << 40) | (<u64>load<u8>(src, 35) << 48) | (<u64>load<u8>(src, 43) << 56);
  let w3 = <u64>load<u8>(src, 48) | (<u64>load<u8>(src, 56) << 8) | (<u64>load<u8>(src, 49) << 16) | (<u64>load<u8>(src, 57) << 24) | (<u64>load<u8>(src, 50) << 32) | (<u64>load<u8>(src, 58) << 40) | (<u64>load<u8>(src, 51) << 48) | (<u64>load<u8>(src, 59) << 56);
  let w4 = <u64>load<u8>(src, 4) | (<u64>load<u8>(src, 12) << 8) | (<u64>load<u8>(src, 5) << 16) | (<u64>load<u8>(src, 13) << 24) | (<u64>load<u8>(src, 6) << 32) | (<u64>load<u8>(src, 14) << 40) | (<u64>load<u8>(src, 7) << 48) | (<u64>load<u8>(src, 15) << 56);
  let w5 = <u64>load<u8>(src, 20) | (<u64>load<u8>(src, 28) << 8) | (<u64>load<u8>(src, 21) << 16) | (<u64>load<u8>(src, 29) << 24) | (<u64>load<u8>(src, 22) << 32) | (<u64>load<u8>(src, 30) << 40) | (<u64>load<u8>(src, 23) << 48) | (<u64>load<u8>(src, 31) << 56);
  let w6 = <u64>load<u8>(src, 36) | (<u64>load<u8>(src, 44) << 8) | (<u64>load<u8>(src, 37) << 16) | (<u64>load<u8>(src, 45) << 24) | (<u64>load<u8>(src, 38) << 32) | (<u64>load<u8>(src, 46) << 40) | (<u64>load<u8>(src, 39) << 48) | (<u64>load<u8>(src, 47) << 56);
  let w7 = <u64>load<u8>(src, 52) | (<u64>load<u8>(src, 60) << 8) | (<u64>load<u8>(src, 53) << 16) | (<u64>load<u8>(src, 61) << 24) | (<u64>load<u8>(src, 54) << 32) | (<u64>load<u8>(src, 62) << 40) | (<u64>load<u8>(src, 55) << 48) | (<u64>load<u8>(src, 63) << 56);
  let t: u64;
  t = ((w0 >> 1) ^ w1) & 0x5555555555555555; w1 ^= t; w0 ^= t << 1;
  t = ((w2 >> 1) ^ w3) & 0x5555555555555555; w3 ^= t; w2 ^= t << 1;
  t = ((w4 >> 1) ^ w5) & 0x5555555555555555; w5 ^= t; w4 ^= t << 1;
  t = ((w6 >> 1) ^ w7) & 0x5555555555555555; w7 ^= t; w6 ^= t << 1;
  t = ((w0 >> 2) ^ w2) & 0x3333333333333333; w2 ^= t; w0 ^= t << 2;
  t = ((w1 >> 2) ^ w3) & 0x3333333333333333; w3 ^= t; w1 ^= t << 2;
  t = ((w4 >> 2) ^ w6) & 0x3333333333333333; w6 ^= t; w4 ^= t << 2;
  t = ((w5 >> 2) ^ w7) & 0x3333333333333333; w7 ^= t; w5 ^= t << 2;
  t = ((w0 >> 4) ^ w4) & 0x0f0f0f0f0f0f0f0f; w4 ^= t; w0 ^= t << 4;
  t = ((w1 >> 4) ^ w5) & 0x0f0f0f0f0f0f0f0f; w5 ^= t; w1 ^= t << 4;
  t = ((w2 >> 4) ^ w6) & 0x0f0f0f0f0f0f0f0f; w6 ^= t; w2 ^= t << 4;
  t = ((w3 >> 4) ^ w7) & 0x0f0f0f0f0f0f0f0f; w7 ^= t; w3 ^= t << 4;
  store<u64>(st, w0, 0);
  store<u64>(st, w1, 16);
  store<u64>(st, w2, 32);
  store<u64>(st, w3, 48);
  store<u64>(st, w4, 64);
  store<u64>(st, w5, 80);
  store<u64>(st, w6, 96);
  store<u64>(st, w7, 112);
}

/** The inverse of pack4: 8 slices at st (stride 16) back to 4 blocks of bytes at dst. */
function unpack4(st: usize, dst: usize): void {
  let w0 = load<u64>(st, 0);
  let w1 = load<u64>(st, 16);
  let w2 = load<u64>(st, 32);
  let w3 = load<u64>(st, 48);
  let w4 = load<u64>(st, 64);
  let w5 = load<u64>(st, 80);
  let w6 = load<u64>(st, 96);
  let w7 = load<u64>(st, 112);
  let t: u64;
  t = ((w0 >> 1) ^ w1) & 0x5555555555555555; w1 ^= t; w0 ^= t << 1;
  t = ((w2 >> 1) ^ w3) & 0x5555555555555555; w3 ^= t; w2 ^= t << 1;
  t = ((w4 >> 1) ^ w5) & 0x5555555555555555; w5 ^= t; w4 ^= t << 1;
  t = ((w6 >> 1) ^ w7) & 0x5555555555555555; w7 ^= t; w6 ^= t << 1;
  t = ((w0 >> 2) ^ w2) & 0x3333333333333333; w2 ^= t; w0 ^= t << 2;
  t = ((w1 >> 2) ^ w3) & 0x3333333333333333; w3 ^= t; w1 ^= t << 2;
  t = ((w4 >> 2) ^ w6) & 0x3333333333333333; w6 ^= t; w4 ^= t << 2;
  t = ((w5 >> 2) ^ w7) & 0x3333333333333333; w7 ^= t; w5 ^= t << 2;
  t = ((w0 >> 4) ^ w4) & 0x0f0f0f0f0f0f0f0f; w4 ^= t; w0 ^= t << 4;
  t = ((w1 >> 4) ^ w5) & 0x0f0f0f0f0f0f0f0f; w5 ^= t; w1 ^= t << 4;
  t = ((w2 >> 4) ^ w6) & 0x0f0f0f0f0f0f0f0f; w6 ^= t; w2 ^= t << 4;
  t = ((w3 >> 4) ^ w7) & 0x0f0f0f0f0f0f0f0f; w7 ^= t; w3 ^= t << 4;
  store<u8>(dst, <u8>(w0), 0);
  store<u8>(dst, <u8>(w0 >> 8), 8);
  store<u8>(dst, <u8>(w0 >> 16), 1);
  store<u8>(dst, <u8>(w0 >> 24), 9);
  store<u8>(dst, <u8>(w0 >> 32), 2);
  store<u8>(dst, <u8>(w0 >> 40), 10);
  store<u8>(dst, <u8>(w0 >> 48), 3);
  store<u8>(dst, <u8>(w0 >> 56), 11);
  store<u8>(dst, <u8>(w1), 16);
  store<u8>(dst, <u8>(w1 >> 8), 24);
  store<u8>(dst, <u8>(w1 >> 16), 17);
  store<u8>(dst, <u8>(w1 >> 24), 25);
  store<u8>(dst, <u8>(w1 >> 32), 18);
  store<u8>(dst, <u8>(w1 >> 40), 26);
  store<u8>(dst, <u8>(w1 >> 48), 19);
  store<u8>(dst, <u8>(w1 >> 56), 27);
  store<u8>(dst, <u8>(w2), 32);
  store<u8>(dst, <u8>(w2 >> 8), 40);
  store<u8>(dst, <u8>(w2 >> 16), 33);
  store<u8>(dst, <u8>(w2 >> 24), 41);
  store<u8>(dst, <u8>(w2 >> 32), 34);
  store<u8>(dst, <u8>(w2 >> 40), 42);
  store<u8>(dst, <u8>(w2 >> 48), 35);
  store<u8>(dst, <u8>(w2 >> 56), 43);
  store<u8>(dst, <u8>(w3), 48);
  store<u8>(dst, <u8>(w3 >> 8), 56);
  store<u8>(dst, <u8>(w3 >> 16), 49);
  store<u8>(dst, <u8>(w3 >> 24), 57);
  store<u8>(dst, <u8>(w3 >> 32), 50);
  store<u8>(dst, <u8>(w3 >> 40), 58);
  store<u8>(dst, <u8>(w3 >> 48), 51);
  store<u8>(dst, <u8>(w3 >> 56), 59);
  store<u8>(dst, <u8>(w4), 4);
  store<u8>(dst, <u8>(w4 >> 8), 12);
  store<u8>(dst, <u8>(w4 >> 16), 5);
  store<u8>(dst, <u8>(w4 >> 24), 13);
  store<u8>(dst, <u8>(w4 >> 32), 6);
  store<u8>(dst, <u8>(w4 >> 40), 14);
  store<u8>(dst, <u8>(w4 >> 48), 7);
  store<u8>(dst, <u8>(w4 >> 56), 15);
  store<u8>(dst, <u8>(w5), 20);
  store<u8>(dst, <u8>(w5 >> 8), 28);
  store<u8>(dst, <u8>(w5 >> 16), 21);
  store<u8>(dst, <u8>(w5 >> 24), 29);
  store<u8>(dst, <u8>(w5 >> 32), 22);
  store<u8>(dst, <u8>(w5 >> 40), 30);
  store<u8>(dst, <u8>(w5 >> 48), 23);
  store<u8>(dst, <u8>(w5 >> 56), 31);
  store<u8>(dst, <u8>(w6), 36);
  store<u8>(dst, <u8>(w6 >> 8), 44);
  store<u8>(dst, <u8>(w6 >> 16), 37);
  store<u8>(dst, <u8>(w6 >> 24), 45);
  store<u8>(dst, <u8>(w6 >> 32), 38);
  store<u8>(dst, <u8>(w6 >> 40), 46);
  store<u8>(dst, <u8>(w6 >> 48), 39);
  store<u8>(dst, <u8>(w6 >> 56), 47);
  store<u8>(dst, <u8>(w7), 52);
  store<u8>(dst, <u8>(w7 >> 8), 60);
  store<u8>(dst, <u8>(w7 >> 16), 53);
  store<u8>(dst, <u8>(w7 >> 24), 61);
  store<u8>(dst, <u8>(w7 >> 32), 54);
  store<u8>(dst, <u8>(w7 >> 40), 62);
  store<u8>(dst, <u8>(w7 >> 48), 55);
  store<u8>(dst, <u8>(w7 >> 56), 63);
}

// ---- generated by the S-box/round generator (see header): scalar path, 4 blocks per u64 slice
function encrypt4(rk: usize, nr: i32, st: usize): void {
  let s0 = load<u64>(st, 0);
  let s1 = load<u64>(st, 16);
  let s2 = load<u64>(st, 32);
  let s3 = load<u64>(st, 48);
  let s4 = load<u64>(st, 64);
  let s5 = load<u64>(st, 80);
  let s6 = load<u64>(st, 96);
  let s7 = load<u64>(st, 112);
  s0 ^= load<u64>(rk, 0);
  s1 ^= load<u64>(rk, 16);
  s2 ^= load<u64>(rk, 32);
  s3 ^= load<u64>(rk, 48);
  s4 ^= load<u64>(rk, 64);
  s5 ^= load<u64>(rk, 80);
  s6 ^= load<u64>(rk, 96);
  s7 ^= load<u64>(rk, 112);
  // Rounds 1..nr; the last one has no MixColumns (FIPS 197 §5.1). The round index is public.
  for (let round = 1; round <= nr; round++) {
    {
      const U0 = s7;
      const U1 = s6;
      const U2 = s5;
      const U3 = s4;
      const U4 = s3;
      const U5 = s2;
      const U6 = s1;
      const U7 = s0;
      const T1 = U0 ^ U3;
      const T2 = U0 ^ U5;
      const T3 = U0 ^ U6;
      const T4 = U3 ^ U5;
      const T5 = U4 ^ U6;
      const T6 = T1 ^ T5;
      const T7 = U1 ^ U2;
      const T8 = U7 ^ T6;
      const T9 = U7 ^ T7;
      const T10 = T6 ^ T7;
      const T11 = U1 ^ U5;
      const T12 = U2 ^ U5;
      const T13 = T3 ^ T4;
      const T14 = T6 ^ T11;
      const T15 = T5 ^ T11;
      const T16 = T5 ^ T12;
      const T17 = T9 ^ T16;
      const T18 = U3 ^ U7;
      const T19 = T7 ^ T18;
      const T20 = T1 ^ T19;
      const T21 = U6 ^ U7;
      const T22 = T7 ^ T21;
      const T23 = T2 ^ T22;
      const T24 = T2 ^ T10;
      const T25 = T20 ^ T17;
      const T26 = T3 ^ T16;
      const T27 = T1 ^ T12;
      const M1 = T13 & T6;
      const M2 = T23 & T8;
      const M3 = T14 ^ M1;
      const M4 = T19 & U7;
      const M5 = M4 ^ M1;
      const M6 = T3 & T16;
      const M7 = T22 & T9;
      const M8 = T26 ^ M6;
      const M9 = T20 & T17;
      const M10 = M9 ^ M6;
      const M11 = T1 & T15;
      const M12 = T4 & T27;
      const M13 = M12 ^ M11;
      const M14 = T2 & T10;
      const M15 = M14 ^ M11;
      const M16 = M3 ^ M2;
      const M17 = M5 ^ T24;
      const M18 = M8 ^ M7;
      const M19 = M10 ^ M15;
      const M20 = M16 ^ M13;
      const M21 = M17 ^ M15;
      const M22 = M18 ^ M13;
      const M23 = M19 ^ T25;
      const M24 = M22 ^ M23;
      const M25 = M22 & M20;
      const M26 = M21 ^ M25;
      const M27 = M20 ^ M21;
      const M28 = M23 ^ M25;
      const M29 = M28 & M27;
      const M30 = M26 & M24;
      const M31 = M20 & M23;
      const M32 = M27 & M31;
      const M33 = M27 ^ M25;
      const M34 = M21 & M22;
      const M35 = M24 & M34;
      const M36 = M24 ^ M25;
      const M37 = M21 ^ M29;
      const M38 = M32 ^ M33;
      const M39 = M23 ^ M30;
      const M40 = M35 ^ M36;
      const M41 = M38 ^ M40;
      const M42 = M37 ^ M39;
      const M43 = M37 ^ M38;
      const M44 = M39 ^ M40;
      const M45 = M42 ^ M41;
      const M46 = M44 & T6;
      const M47 = M40 & T8;
      const M48 = M39 & U7;
      const M49 = M43 & T16;
      const M50 = M38 & T9;
      const M51 = M37 & T17;
      const M52 = M42 & T15;
      const M53 = M45 & T27;
      const M54 = M41 & T10;
      const M55 = M44 & T13;
      const M56 = M40 & T23;
      const M57 = M39 & T19;
      const M58 = M43 & T3;
      const M59 = M38 & T22;
      const M60 = M37 & T20;
      const M61 = M42 & T1;
      const M62 = M45 & T4;
      const M63 = M41 & T2;
      const L0 = M61 ^ M62;
      const L1 = M50 ^ M56;
      const L2 = M46 ^ M48;
      const L3 = M47 ^ M55;
      const L4 = M54 ^ M58;
      const L5 = M49 ^ M61;
      const L6 = M62 ^ L5;
      const L7 = M46 ^ L3;
      const L8 = M51 ^ M59;
      const L9 = M52 ^ M53;
      const L10 = M53 ^ L4;
      const L11 = M60 ^ L2;
      const L12 = M48 ^ M51;
      const L13 = M50 ^ L0;
      const L14 = M52 ^ M61;
      const L15 = M55 ^ L1;
      const L16 = M56 ^ L0;
      const L17 = M57 ^ L1;
      const L18 = M58 ^ L8;
      const L19 = M63 ^ L4;
      const L20 = L0 ^ L1;
      const L21 = L1 ^ L7;
      const L22 = L3 ^ L12;
      const L23 = L18 ^ L2;
      const L24 = L15 ^ L9;
      const L25 = L6 ^ L10;
      const L26 = L7 ^ L9;
      const L27 = L8 ^ L10;
      const L28 = L11 ^ L14;
      const L29 = L11 ^ L17;
      const S0 = L6 ^ L24;
      const S1 = L16 ^ L26;
      const S2 = L19 ^ L28;
      const S3 = L6 ^ L21;
      const S4 = L20 ^ L22;
      const S5 = L25 ^ L29;
      const S6 = L13 ^ L27;
      const S7 = L6 ^ L23;
      s7 = S0;
      s6 = S1;
      s5 = S2;
      s4 = S3;
      s3 = S4;
      s2 = S5;
      s1 = S6;
      s0 = S7;
    }
    { const t = ((s0 >> 8) ^ s0) & 0x00ff00ff00000000; s0 ^= t ^ (t << 8); }
    s0 = (s0 & 0x0000ffff0000ffff) | ((s0 >> 4) & 0x0fff00000fff0000) | ((s0 << 12) & 0xf0000000f0000000);
    { const t = ((s1 >> 8) ^ s1) & 0x00ff00ff00000000; s1 ^= t ^ (t << 8); }
    s1 = (s1 & 0x0000ffff0000ffff) | ((s1 >> 4) & 0x0fff00000fff0000) | ((s1 << 12) & 0xf0000000f0000000);
    { const t = ((s2 >> 8) ^ s2) & 0x00ff00ff00000000; s2 ^= t ^ (t << 8); }
    s2 = (s2 & 0x0000ffff0000ffff) | ((s2 >> 4) & 0x0fff00000fff0000) | ((s2 << 12) & 0xf0000000f0000000);
    { const t = ((s3 >> 8) ^ s3) & 0x00ff00ff00000000; s3 ^= t ^ (t << 8); }
    s3 = (s3 & 0x0000ffff0000ffff) | ((s3 >> 4) & 0x0fff00000fff0000) | ((s3 << 12) & 0xf0000000f0000000);
    { const t = ((s4 >> 8) ^ s4) & 0x00ff00ff00000000; s4 ^= t ^ (t << 8); }
    s4 = (s4 & 0x0000ffff0000ffff) | ((s4 >> 4) & 0x0fff00000fff0000) | ((s4 << 12) & 0xf0000000f0000000);
    { const t = ((s5 >> 8) ^ s5) & 0x00ff00ff00000000; s5 ^= t ^ (t << 8); }
    s5 = (s5 & 0x0000ffff0000ffff) | ((s5 >> 4) & 0x0fff00000fff0000) | ((s5 << 12) & 0xf0000000f0000000);
    { const t = ((s6 >> 8) ^ s6) & 0x00ff00ff00000000; s6 ^= t ^ (t << 8); }
    s6 = (s6 & 0x0000ffff0000ffff) | ((s6 >> 4) & 0x0fff00000fff0000) | ((s6 << 12) & 0xf0000000f0000000);
    { const t = ((s7 >> 8) ^ s7) & 0x00ff00ff00000000; s7 ^= t ^ (t << 8); }
    s7 = (s7 & 0x0000ffff0000ffff) | ((s7 >> 4) & 0x0fff00000fff0000) | ((s7 << 12) & 0xf0000000f0000000);
    if (round < nr) {
      const a0 = rotr<u64>(s0, 16);
      const t0 = s0 ^ a0;
      const a1 = rotr<u64>(s1, 16);
      const t1 = s1 ^ a1;
      const a2 = rotr<u64>(s2, 16);
      const t2 = s2 ^ a2;
      const a3 = rotr<u64>(s3, 16);
      const t3 = s3 ^ a3;
      const a4 = rotr<u64>(s4, 16);
      const t4 = s4 ^ a4;
      const a5 = rotr<u64>(s5, 16);
      const t5 = s5 ^ a5;
      const a6 = rotr<u64>(s6, 16);
      const t6 = s6 ^ a6;
      const a7 = rotr<u64>(s7, 16);
      const t7 = s7 ^ a7;
      s0 = t7 ^ a0 ^ rotr<u64>(t0, 32);
      s1 = t0 ^ t7 ^ a1 ^ rotr<u64>(t1, 32);
      s2 = t1 ^ a2 ^ rotr<u64>(t2, 32);
      s3 = t2 ^ t7 ^ a3 ^ rotr<u64>(t3, 32);
      s4 = t3 ^ t7 ^ a4 ^ rotr<u64>(t4, 32);
      s5 = t4 ^ a5 ^ rotr<u64>(t5, 32);
      s6 = t5 ^ a6 ^ rotr<u64>(t6, 32);
      s7 = t6 ^ a7 ^ rotr<u64>(t7, 32);
    }
    rk += 128;
    s0 ^= load<u64>(rk, 0 + 0);
    s1 ^= load<u64>(rk, 0 + 16);
    s2 ^= load<u64>(rk, 0 + 32);
    s3 ^= load<u64>(rk, 0 + 48);
    s4 ^= load<u64>(rk, 0 + 64);
    s5 ^= load<u64>(rk, 0 + 80);
    s6 ^= load<u64>(rk, 0 + 96);
    s7 ^= load<u64>(rk, 0 + 112);
  }
  store<u64>(st, s0, 0);
  store<u64>(st, s1, 16);
  store<u64>(st, s2, 32);
  store<u64>(st, s3, 48);
  store<u64>(st, s4, 64);
  store<u64>(st, s5, 80);
  store<u64>(st, s6, 96);
  store<u64>(st, s7, 112);
}

function sboxSlices(p: usize): void {
  let s0 = load<u64>(p, 0);
  let s1 = load<u64>(p, 8);
  let s2 = load<u64>(p, 16);
  let s3 = load<u64>(p, 24);
  let s4 = load<u64>(p, 32);
  let s5 = load<u64>(p, 40);
  let s6 = load<u64>(p, 48);
  let s7 = load<u64>(p, 56);
  {
    const U0 = s7;
    const U1 = s6;
    const U2 = s5;
    const U3 = s4;
    const U4 = s3;
    const U5 = s2;
    const U6 = s1;
    const U7 = s0;
    const T1 = U0 ^ U3;
    const T2 = U0 ^ U5;
    const T3 = U0 ^ U6;
    const T4 = U3 ^ U5;
    const T5 = U4 ^ U6;
    const T6 = T1 ^ T5;
    const T7 = U1 ^ U2;
    const T8 = U7 ^ T6;
    const T9 = U7 ^ T7;
    const T10 = T6 ^ T7;
    const T11 = U1 ^ U5;
    const T12 = U2 ^ U5;
    const T13 = T3 ^ T4;
    const T14 = T6 ^ T11;
    const T15 = T5 ^ T11;
    const T16 = T5 ^ T12;
    const T17 = T9 ^ T16;
    const T18 = U3 ^ U7;
    const T19 = T7 ^ T18;
    const T20 = T1 ^ T19;
    const T21 = U6 ^ U7;
    const T22 = T7 ^ T21;
    const T23 = T2 ^ T22;
    const T24 = T2 ^ T10;
    const T25 = T20 ^ T17;
    const T26 = T3 ^ T16;
    const T27 = T1 ^ T12;
    const M1 = T13 & T6;
    const M2 = T23 & T8;
    const M3 = T14 ^ M1;
    const M4 = T19 & U7;
    const M5 = M4 ^ M1;
    const M6 = T3 & T16;
    const M7 = T22 & T9;
    const M8 = T26 ^ M6;
    const M9 = T20 & T17;
    const M10 = M9 ^ M6;
    const M11 = T1 & T15;
    const M12 = T4 & T27;
    const M13 = M12 ^ M11;
    const M14 = T2 & T10;
    const M15 = M14 ^ M11;
    const M16 = M3 ^ M2;
    const M17 = M5 ^ T24;
    const M18 = M8 ^ M7;
    const M19 = M10 ^ M15;
    const M20 = M16 ^ M13;
    const M21 = M17 ^ M15;
    const M22 = M18 ^ M13;
    const M23 = M19 ^ T25;
    const M24 = M22 ^ M23;
    const M25 = M22 & M20;
    const M26 = M21 ^ M25;
    const M27 = M20 ^ M21;
    const M28 = M23 ^ M25;
    const M29 = M28 & M27;
    const M30 = M26 & M24;
    const M31 = M20 & M23;
    const M32 = M27 & M31;
    const M33 = M27 ^ M25;
    const M34 = M21 & M22;
    const M35 = M24 & M34;
    const M36 = M24 ^ M25;
    const M37 = M21 ^ M29;
    const M38 = M32 ^ M33;
    const M39 = M23 ^ M30;
    const M40 = M35 ^ M36;
    const M41 = M38 ^ M40;
    const M42 = M37 ^ M39;
    const M43 = M37 ^ M38;
    const M44 = M39 ^ M40;
    const M45 = M42 ^ M41;
    const M46 = M44 & T6;
    const M47 = M40 & T8;
    const M48 = M39 & U7;
    const M49 = M43 & T16;
    const M50 = M38 & T9;
    const M51 = M37 & T17;
    const M52 = M42 & T15;
    const M53 = M45 & T27;
    const M54 = M41 & T10;
    const M55 = M44 & T13;
    const M56 = M40 & T23;
    const M57 = M39 & T19;
    const M58 = M43 & T3;
    const M59 = M38 & T22;
    const M60 = M37 & T20;
    const M61 = M42 & T1;
    const M62 = M45 & T4;
    const M63 = M41 & T2;
    const L0 = M61 ^ M62;
    const L1 = M50 ^ M56;
    const L2 = M46 ^ M48;
    const L3 = M47 ^ M55;
    const L4 = M54 ^ M58;
    const L5 = M49 ^ M61;
    const L6 = M62 ^ L5;
    const L7 = M46 ^ L3;
    const L8 = M51 ^ M59;
    const L9 = M52 ^ M53;
    const L10 = M53 ^ L4;
    const L11 = M60 ^ L2;
    const L12 = M48 ^ M51;
    const L13 = M50 ^ L0;
    const L14 = M52 ^ M61;
    const L15 = M55 ^ L1;
    const L16 = M56 ^ L0;
    const L17 = M57 ^ L1;
    const L18 = M58 ^ L8;
    const L19 = M63 ^ L4;
    const L20 = L0 ^ L1;
    const L21 = L1 ^ L7;
    const L22 = L3 ^ L12;
    const L23 = L18 ^ L2;
    const L24 = L15 ^ L9;
    const L25 = L6 ^ L10;
    const L26 = L7 ^ L9;
    const L27 = L8 ^ L10;
    const L28 = L11 ^ L14;
    const L29 = L11 ^ L17;
    const S0 = L6 ^ L24;
    const S1 = ~(L16 ^ L26);
    const S2 = ~(L19 ^ L28);
    const S3 = L6 ^ L21;
    const S4 = L20 ^ L22;
    const S5 = L25 ^ L29;
    const S6 = ~(L13 ^ L27);
    const S7 = ~(L6 ^ L23);
    s7 = S0;
    s6 = S1;
    s5 = S2;
    s4 = S3;
    s3 = S4;
    s2 = S5;
    s1 = S6;
    s0 = S7;
  }
  store<u64>(p, s0, 0);
  store<u64>(p, s1, 8);
  store<u64>(p, s2, 16);
  store<u64>(p, s3, 24);
  store<u64>(p, s4, 32);
  store<u64>(p, s5, 40);
  store<u64>(p, s6, 48);
  store<u64>(p, s7, 56);
}

// ---- wasm SIMD path (generated): 8 blocks; slice k byte 4r+c (state byte r,c) bit b = block b.
function encrypt8(rk: usize, nr: i32, st: usize, job: usize): void {
  const fence = changetype<usize>(FENCE);
  let s0 = v128.load(st, 0);
  let s1 = v128.load(st, 16);
  let s2 = v128.load(st, 32);
  let s3 = v128.load(st, 48);
  let s4 = v128.load(st, 64);
  let s5 = v128.load(st, 80);
  let s6 = v128.load(st, 96);
  let s7 = v128.load(st, 112);
  s0 = v128.xor(s0, v128.load(rk, 0));
  s1 = v128.xor(s1, v128.load(rk, 16));
  s2 = v128.xor(s2, v128.load(rk, 32));
  s3 = v128.xor(s3, v128.load(rk, 48));
  s4 = v128.xor(s4, v128.load(rk, 64));
  s5 = v128.xor(s5, v128.load(rk, 80));
  s6 = v128.xor(s6, v128.load(rk, 96));
  s7 = v128.xor(s7, v128.load(rk, 112));
  const srm = v128.load(changetype<usize>(SR_MASK));
  // Rounds 1..nr; the last one has no MixColumns (FIPS 197 §5.1). The round index is public.
  for (let round = 1; round <= nr; round++) {
    const gl = job != 0 && round <= 8; // GHASH block round-1 rides along (public condition)
    if (gl) ghashPart(job, round, 0);
    {
      const U0 = s7;
      const U1 = s6;
      const U2 = s5;
      const U3 = s4;
      const U4 = s3;
      const U5 = s2;
      const U6 = s1;
      const U7 = s0;
      const T1 = v128.xor(U0, U3);
      const T2 = v128.xor(U0, U5);
      const T3 = v128.xor(U0, U6);
      const T4 = v128.xor(U3, U5);
      const T5 = v128.xor(U4, U6);
      const T6 = v128.xor(T1, T5);
      const T7 = v128.xor(U1, U2);
      const T8 = v128.xor(U7, T6);
      const T9 = v128.xor(U7, T7);
      const T10 = v128.xor(T6, T7);
      const T11 = v128.xor(U1, U5);
      const T12 = v128.xor(U2, U5);
      const T13 = v128.xor(T3, T4);
      const T14 = v128.xor(T6, T11);
      const T15 = v128.xor(T5, T11);
      const T16 = v128.xor(T5, T12);
      const T17 = v128.xor(T9, T16);
      const T18 = v128.xor(U3, U7);
      const T19 = v128.xor(T7, T18);
      const T20 = v128.xor(T1, T19);
      const T21 = v128.xor(U6, U7);
      const T22 = v128.xor(T7, T21);
      const T23 = v128.xor(T2, T22);
      const T24 = v128.xor(T2, T10);
      const T25 = v128.xor(T20, T17);
      const T26 = v128.xor(T3, T16);
      const T27 = v128.xor(T1, T12);
      const M1 = v128.and(T13, T6);
      const M2 = v128.and(T23, T8);
      const M3 = v128.xor(T14, M1);
      const M4 = v128.and(T19, U7);
      const M5 = v128.xor(M4, M1);
      const M6 = v128.and(T3, T16);
      const M7 = v128.and(T22, T9);
      const M8 = v128.xor(T26, M6);
      const M9 = v128.and(T20, T17);
      const M10 = v128.xor(M9, M6);
      const M11 = v128.and(T1, T15);
      const M12 = v128.and(T4, T27);
      const M13 = v128.xor(M12, M11);
      const M14 = v128.and(T2, T10);
      const M15 = v128.xor(M14, M11);
      const M16 = v128.xor(M3, M2);
      const M17 = v128.xor(M5, T24);
      const M18 = v128.xor(M8, M7);
      const M19 = v128.xor(M10, M15);
      const M20 = v128.xor(M16, M13);
      const M21 = v128.xor(M17, M15);
      const M22 = v128.xor(M18, M13);
      const M23 = v128.xor(M19, T25);
      v128.store(fence, M23, 0);
      if (gl) ghashPart(job, round, 1);
      const M24 = v128.xor(M22, M23);
      const M25 = v128.and(M22, M20);
      const M26 = v128.xor(M21, M25);
      const M27 = v128.xor(M20, M21);
      const M28 = v128.xor(M23, M25);
      const M29 = v128.and(M28, M27);
      const M30 = v128.and(M26, M24);
      const M31 = v128.and(M20, M23);
      const M32 = v128.and(M27, M31);
      const M33 = v128.xor(M27, M25);
      const M34 = v128.and(M21, M22);
      const M35 = v128.and(M24, M34);
      const M36 = v128.xor(M24, M25);
      const M37 = v128.xor(M21, M29);
      const M38 = v128.xor(M32, M33);
      const M39 = v128.xor(M23, M30);
      const M40 = v128.xor(M35, M36);
      const M41 = v128.xor(M38, M40);
      const M42 = v128.xor(M37, M39);
      const M43 = v128.xor(M37, M38);
      const M44 = v128.xor(M39, M40);
      const M45 = v128.xor(M42, M41);
      v128.store(fence, M45, 16);
      if (gl) ghashPart(job, round, 2);
      const M46 = v128.and(M44, T6);
      const M47 = v128.and(M40, T8);
      const M48 = v128.and(M39, U7);
      const M49 = v128.and(M43, T16);
      const M50 = v128.and(M38, T9);
      const M51 = v128.and(M37, T17);
      const M52 = v128.and(M42, T15);
      const M53 = v128.and(M45, T27);
      const M54 = v128.and(M41, T10);
      const M55 = v128.and(M44, T13);
      const M56 = v128.and(M40, T23);
      const M57 = v128.and(M39, T19);
      const M58 = v128.and(M43, T3);
      const M59 = v128.and(M38, T22);
      const M60 = v128.and(M37, T20);
      const M61 = v128.and(M42, T1);
      const M62 = v128.and(M45, T4);
      const M63 = v128.and(M41, T2);
      v128.store(fence, M63, 32);
      if (gl) ghashPart(job, round, 3);
      const L0 = v128.xor(M61, M62);
      const L1 = v128.xor(M50, M56);
      const L2 = v128.xor(M46, M48);
      const L3 = v128.xor(M47, M55);
      const L4 = v128.xor(M54, M58);
      const L5 = v128.xor(M49, M61);
      const L6 = v128.xor(M62, L5);
      const L7 = v128.xor(M46, L3);
      const L8 = v128.xor(M51, M59);
      const L9 = v128.xor(M52, M53);
      const L10 = v128.xor(M53, L4);
      const L11 = v128.xor(M60, L2);
      const L12 = v128.xor(M48, M51);
      const L13 = v128.xor(M50, L0);
      const L14 = v128.xor(M52, M61);
      const L15 = v128.xor(M55, L1);
      const L16 = v128.xor(M56, L0);
      const L17 = v128.xor(M57, L1);
      const L18 = v128.xor(M58, L8);
      const L19 = v128.xor(M63, L4);
      const L20 = v128.xor(L0, L1);
      const L21 = v128.xor(L1, L7);
      const L22 = v128.xor(L3, L12);
      const L23 = v128.xor(L18, L2);
      const L24 = v128.xor(L15, L9);
      const L25 = v128.xor(L6, L10);
      const L26 = v128.xor(L7, L9);
      const L27 = v128.xor(L8, L10);
      const L28 = v128.xor(L11, L14);
      const L29 = v128.xor(L11, L17);
      const S0 = v128.xor(L6, L24);
      const S1 = v128.xor(L16, L26);
      const S2 = v128.xor(L19, L28);
      const S3 = v128.xor(L6, L21);
      const S4 = v128.xor(L20, L22);
      const S5 = v128.xor(L25, L29);
      const S6 = v128.xor(L13, L27);
      const S7 = v128.xor(L6, L23);
      v128.store(fence, S7, 48);
      if (gl) ghashPart(job, round, 4);
      s7 = S0;
      s6 = S1;
      s5 = S2;
      s4 = S3;
      s3 = S4;
      s2 = S5;
      s1 = S6;
      s0 = S7;
    }
    s0 = i8x16.swizzle(s0, srm);
    s1 = i8x16.swizzle(s1, srm);
    s2 = i8x16.swizzle(s2, srm);
    s3 = i8x16.swizzle(s3, srm);
    s4 = i8x16.swizzle(s4, srm);
    s5 = i8x16.swizzle(s5, srm);
    s6 = i8x16.swizzle(s6, srm);
    s7 = i8x16.swizzle(s7, srm);
    if (round < nr) {
      const a0 = i8x16.shuffle(s0, s0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
      const t0 = v128.xor(s0, a0);
      const a1 = i8x16.shuffle(s1, s1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
      const t1 = v128.xor(s1, a1);
      const a2 = i8x16.shuffle(s2, s2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
      const t2 = v128.xor(s2, a2);
      const a3 = i8x16.shuffle(s3, s3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
      const t3 = v128.xor(s3, a3);
      const a4 = i8x16.shuffle(s4, s4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
      const t4 = v128.xor(s4, a4);
      const a5 = i8x16.shuffle(s5, s5, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
      const t5 = v128.xor(s5, a5);
      const a6 = i8x16.shuffle(s6, s6, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
      const t6 = v128.xor(s6, a6);
      const a7 = i8x16.shuffle(s7, s7, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
      const t7 = v128.xor(s7, a7);
      s0 = v128.xor(v128.xor(t7, a0), i8x16.shuffle(t0, t0, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
      s1 = v128.xor(v128.xor(v128.xor(t0, t7), a1), i8x16.shuffle(t1, t1, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
      s2 = v128.xor(v128.xor(t1, a2), i8x16.shuffle(t2, t2, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
      s3 = v128.xor(v128.xor(v128.xor(t2, t7), a3), i8x16.shuffle(t3, t3, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
      s4 = v128.xor(v128.xor(v128.xor(t3, t7), a4), i8x16.shuffle(t4, t4, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
      s5 = v128.xor(v128.xor(t4, a5), i8x16.shuffle(t5, t5, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
      s6 = v128.xor(v128.xor(t5, a6), i8x16.shuffle(t6, t6, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
      s7 = v128.xor(v128.xor(t6, a7), i8x16.shuffle(t7, t7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    }
    v128.store(fence, s7, 64);
    if (gl) ghashPart(job, round, 5);
    rk += 128;
    s0 = v128.xor(s0, v128.load(rk, 0 + 0));
    s1 = v128.xor(s1, v128.load(rk, 0 + 16));
    s2 = v128.xor(s2, v128.load(rk, 0 + 32));
    s3 = v128.xor(s3, v128.load(rk, 0 + 48));
    s4 = v128.xor(s4, v128.load(rk, 0 + 64));
    s5 = v128.xor(s5, v128.load(rk, 0 + 80));
    s6 = v128.xor(s6, v128.load(rk, 0 + 96));
    s7 = v128.xor(s7, v128.load(rk, 0 + 112));
  }
  v128.store(st, s0, 0);
  v128.store(st, s1, 16);
  v128.store(st, s2, 32);
  v128.store(st, s3, 48);
  v128.store(st, s4, 64);
  v128.store(st, s5, 80);
  v128.store(st, s6, 96);
  v128.store(st, s7, 112);
}

// 8 blocks at src <-> 8 slices at dst (an 8x8 bit transpose in every byte; its own inverse); the
// 128 bytes at x are XORed into the result as it is stored.
function transpose8(src: usize, dst: usize, x: usize): void {
  let w0 = v128.load(src, 0);
  let w1 = v128.load(src, 16);
  let w2 = v128.load(src, 32);
  let w3 = v128.load(src, 48);
  let w4 = v128.load(src, 64);
  let w5 = v128.load(src, 80);
  let w6 = v128.load(src, 96);
  let w7 = v128.load(src, 112);
  w0 = i8x16.shuffle(w0, w0, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
  w1 = i8x16.shuffle(w1, w1, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
  w2 = i8x16.shuffle(w2, w2, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
  w3 = i8x16.shuffle(w3, w3, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
  w4 = i8x16.shuffle(w4, w4, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
  w5 = i8x16.shuffle(w5, w5, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
  w6 = i8x16.shuffle(w6, w6, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
  w7 = i8x16.shuffle(w7, w7, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
  let t: v128;
  t = v128.and(v128.xor(i64x2.shr_u(w0, 1), w1), i64x2.splat(0x5555555555555555)); w1 = v128.xor(w1, t); w0 = v128.xor(w0, i64x2.shl(t, 1));
  t = v128.and(v128.xor(i64x2.shr_u(w2, 1), w3), i64x2.splat(0x5555555555555555)); w3 = v128.xor(w3, t); w2 = v128.xor(w2, i64x2.shl(t, 1));
  t = v128.and(v128.xor(i64x2.shr_u(w4, 1), w5), i64x2.splat(0x5555555555555555)); w5 = v128.xor(w5, t); w4 = v128.xor(w4, i64x2.shl(t, 1));
  t = v128.and(v128.xor(i64x2.shr_u(w6, 1), w7), i64x2.splat(0x5555555555555555)); w7 = v128.xor(w7, t); w6 = v128.xor(w6, i64x2.shl(t, 1));
  t = v128.and(v128.xor(i64x2.shr_u(w0, 2), w2), i64x2.splat(0x3333333333333333)); w2 = v128.xor(w2, t); w0 = v128.xor(w0, i64x2.shl(t, 2));
  t = v128.and(v128.xor(i64x2.shr_u(w1, 2), w3), i64x2.splat(0x3333333333333333)); w3 = v128.xor(w3, t); w1 = v128.xor(w1, i64x2.shl(t, 2));
  t = v128.and(v128.xor(i64x2.shr_u(w4, 2), w6), i64x2.splat(0x3333333333333333)); w6 = v128.xor(w6, t); w4 = v128.xor(w4, i64x2.shl(t, 2));
  t = v128.and(v128.xor(i64x2.shr_u(w5, 2), w7), i64x2.splat(0x3333333333333333)); w7 = v128.xor(w7, t); w5 = v128.xor(w5, i64x2.shl(t, 2));
  t = v128.and(v128.xor(i64x2.shr_u(w0, 4), w4), i64x2.splat(0x0f0f0f0f0f0f0f0f)); w4 = v128.xor(w4, t); w0 = v128.xor(w0, i64x2.shl(t, 4));
  t = v128.and(v128.xor(i64x2.shr_u(w1, 4), w5), i64x2.splat(0x0f0f0f0f0f0f0f0f)); w5 = v128.xor(w5, t); w1 = v128.xor(w1, i64x2.shl(t, 4));
  t = v128.and(v128.xor(i64x2.shr_u(w2, 4), w6), i64x2.splat(0x0f0f0f0f0f0f0f0f)); w6 = v128.xor(w6, t); w2 = v128.xor(w2, i64x2.shl(t, 4));
  t = v128.and(v128.xor(i64x2.shr_u(w3, 4), w7), i64x2.splat(0x0f0f0f0f0f0f0f0f)); w7 = v128.xor(w7, t); w3 = v128.xor(w3, i64x2.shl(t, 4));
  v128.store(dst, v128.xor(w0, v128.load(x, 0)), 0);
  v128.store(dst, v128.xor(w1, v128.load(x, 16)), 16);
  v128.store(dst, v128.xor(w2, v128.load(x, 32)), 32);
  v128.store(dst, v128.xor(w3, v128.load(x, 48)), 48);
  v128.store(dst, v128.xor(w4, v128.load(x, 64)), 64);
  v128.store(dst, v128.xor(w5, v128.load(x, 80)), 80);
  v128.store(dst, v128.xor(w6, v128.load(x, 96)), 96);
  v128.store(dst, v128.xor(w7, v128.load(x, 112)), 112);
}
