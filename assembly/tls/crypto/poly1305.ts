// Poly1305 one-time authenticator — RFC 8439 §2.5. Arithmetic modulo p = 2^130 - 5 with h in four
// 32-bit limbs plus a small fifth (h4 <= 4 between blocks) held in u64s, and the clamped r in four limbs.
// Clamping (r1..r3 multiples of 4, every limb below 2^28) makes r_j * 2^128 = (5 r_j / 4) * 2^0 mod p
// exact, so h * r needs 20 products (s_j = r_j + r_j/4 folds the wrap-around) and every column sum
// stays below 2^64 (5 products of < 2^33 by < 1.25 * 2^28, plus a carry). Every step is straight-line
// (the final reduction selects with a mask), so timing does not depend on the key or the message.

const M32: u64 = 0xffffffff;

export class Poly1305 {
  // The fields are public for the fused ChaCha20-Poly1305 loop (chacha20.ts), which keeps them in
  // locals while it runs; nothing else should touch them.
  r0: u64 = 0; r1: u64 = 0; r2: u64 = 0; r3: u64 = 0;
  s1: u64 = 0; s2: u64 = 0; s3: u64 = 0;
  h0: u64 = 0; h1: u64 = 0; h2: u64 = 0; h3: u64 = 0; h4: u64 = 0;
  private pad0: u32 = 0; private pad1: u32 = 0; private pad2: u32 = 0; private pad3: u32 = 0;
  private buf: StaticArray<u8> = new StaticArray<u8>(16);
  private bufLen: i32 = 0;

  /** Starts a new tag with the 32-byte one-time key at `kp` (r || s). */
  init(kp: usize): void {
    // RFC 8439 §2.5.1: clamp r (top 4 bits of every 32-bit word and low 2 bits of words 1..3 cleared).
    const r0 = <u64>(load<u32>(kp, 0) & 0x0fffffff);
    const r1 = <u64>(load<u32>(kp, 4) & 0x0ffffffc);
    const r2 = <u64>(load<u32>(kp, 8) & 0x0ffffffc);
    const r3 = <u64>(load<u32>(kp, 12) & 0x0ffffffc);
    this.r0 = r0; this.r1 = r1; this.r2 = r2; this.r3 = r3;
    this.s1 = r1 + (r1 >> 2); this.s2 = r2 + (r2 >> 2); this.s3 = r3 + (r3 >> 2);
    this.pad0 = load<u32>(kp, 16); this.pad1 = load<u32>(kp, 20);
    this.pad2 = load<u32>(kp, 24); this.pad3 = load<u32>(kp, 28);
    this.h0 = 0; this.h1 = 0; this.h2 = 0; this.h3 = 0; this.h4 = 0;
    this.bufLen = 0;
  }

  /** Absorbs `n` 16-byte blocks at `p`; `hibit` is 1 (the 2^128 bit) for full blocks, 0 for the
   *  padded tail. The caller keeps the byte buffer empty (see update). */
  blocks(p: usize, n: usize, hibit: u64): void {
    const r0 = this.r0, r1 = this.r1, r2 = this.r2, r3 = this.r3, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    let h0 = this.h0, h1 = this.h1, h2 = this.h2, h3 = this.h3, h4 = this.h4;
    const end = p + (n << 4);
    while (p < end) {
      h0 += <u64>load<u32>(p, 0); h1 += <u64>load<u32>(p, 4);
      h2 += <u64>load<u32>(p, 8); h3 += <u64>load<u32>(p, 12); h4 += hibit;
      const d0 = h0 * r0 + h1 * s3 + h2 * s2 + h3 * s1;
      let d1 = h0 * r1 + h1 * r0 + h2 * s3 + h3 * s2 + h4 * s1;
      let d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s3 + h4 * s2;
      let d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s3;
      let d4 = h4 * r0;
      d1 += d0 >> 32; h0 = d0 & M32;
      d2 += d1 >> 32; h1 = d1 & M32;
      d3 += d2 >> 32; h2 = d2 & M32;
      d4 += d3 >> 32; h3 = d3 & M32;
      // Bits 130 and up of d4 * 2^128 wrap around times 5.
      h4 = d4 & 3;
      h0 += (d4 & ~3) + (d4 >> 2);
      h1 += h0 >> 32; h0 &= M32;
      p += 16;
    }
    this.h0 = h0; this.h1 = h1; this.h2 = h2; this.h3 = h3; this.h4 = h4;
  }

  update(p: usize, len: usize): void {
    const buf = changetype<usize>(this.buf);
    let fill = <usize>this.bufLen;
    if (fill > 0) {
      const take = min<usize>(16 - fill, len);
      memory.copy(buf + fill, p, take);
      fill += take; p += take; len -= take;
      if (fill < 16) { this.bufLen = <i32>fill; return; }
      this.blocks(buf, 1, 1);
      fill = 0;
    }
    const n = len >> 4;
    if (n > 0) {
      this.blocks(p, n, 1);
      p += n << 4; len -= n << 4;
    }
    if (len > 0) memory.copy(buf, p, len);
    this.bufLen = <i32>len;
  }

  /** Absorbs zero bytes up to the next 16-byte boundary (the AEAD's pad16). */
  padTo16(): void {
    const fill = this.bufLen;
    if (fill == 0) return;
    memory.fill(changetype<usize>(this.buf) + <usize>fill, 0, <usize>(16 - fill));
    this.blocks(changetype<usize>(this.buf), 1, 1);
    this.bufLen = 0;
  }

  /** Writes the 16-byte tag to `out`. */
  finish(out: usize): void {
    const fill = this.bufLen;
    if (fill > 0) {
      // RFC 8439 §2.5.1: a short last block gets a 0x01 byte after it and no 2^128 bit.
      const buf = changetype<usize>(this.buf);
      store<u8>(buf + <usize>fill, 1);
      memory.fill(buf + <usize>fill + 1, 0, <usize>(15 - fill));
      this.blocks(buf, 1, 0);
      this.bufLen = 0;
    }
    let h0 = this.h0, h1 = this.h1, h2 = this.h2, h3 = this.h3, h4 = this.h4;
    // Full carry, then fold bits 130 and up once more: h < 2^130 + 2^32.
    h2 += h1 >> 32; h1 &= M32;
    h3 += h2 >> 32; h2 &= M32;
    h4 += h3 >> 32; h3 &= M32;
    h0 += (h4 & ~3) + (h4 >> 2); h4 &= 3;
    h1 += h0 >> 32; h0 &= M32;
    h2 += h1 >> 32; h1 &= M32;
    h3 += h2 >> 32; h2 &= M32;
    h4 += h3 >> 32; h3 &= M32;
    // g = h + 5 - 2^130; keep g if it did not go negative (h >= p), else h. Select by mask.
    let g0 = h0 + 5; let c = g0 >> 32; g0 &= M32;
    let g1 = h1 + c; c = g1 >> 32; g1 &= M32;
    let g2 = h2 + c; c = g2 >> 32; g2 &= M32;
    let g3 = h3 + c; c = g3 >> 32; g3 &= M32;
    const g4 = h4 + c - 4;
    const useG = (g4 >> 63) - 1; // all-ones when g4 >= 0
    h0 = (h0 & ~useG) | (g0 & useG);
    h1 = (h1 & ~useG) | (g1 & useG);
    h2 = (h2 & ~useG) | (g2 & useG);
    h3 = (h3 & ~useG) | (g3 & useG);
    // h mod 2^128 plus s (RFC 8439 §2.5.1: "the result is added to s").
    let f = h0 + <u64>this.pad0; store<u32>(out, <u32>f, 0);
    f = h1 + <u64>this.pad1 + (f >> 32); store<u32>(out, <u32>f, 4);
    f = h2 + <u64>this.pad2 + (f >> 32); store<u32>(out, <u32>f, 8);
    f = h3 + <u64>this.pad3 + (f >> 32); store<u32>(out, <u32>f, 12);
  }
}

/** The Poly1305 tag (16 bytes) of `msg` under the 32-byte one-time key; null for a wrong key length. */
export function poly1305(key: Uint8Array, msg: Uint8Array): Uint8Array | null {
  if (key.length != 32) return null;
  const p = new Poly1305();
  p.init(key.dataStart);
  p.update(msg.dataStart, <usize>msg.length);
  const out = new Uint8Array(16);
  p.finish(out.dataStart);
  return out;
}
