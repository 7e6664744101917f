// Poly1305 one-time authenticator — RFC 8439 §2.5. Arithmetic modulo 2^130 - 5 in five 26-bit
// limbs with 64-bit products; every step is straight-line (the final reduction selects with a
// mask), so timing does not depend on the key or the message.

const MASK26: u64 = 0x3ffffff;

export class Poly1305 {
  private r0: u64 = 0; private r1: u64 = 0; private r2: u64 = 0; private r3: u64 = 0; private r4: u64 = 0;
  private h0: u64 = 0; private h1: u64 = 0; private h2: u64 = 0; private h3: u64 = 0; private h4: u64 = 0;
  private pad0: u32 = 0; private pad1: u32 = 0; private pad2: u32 = 0; private pad3: u32 = 0;
  private buf: StaticArray<u8> = new StaticArray<u8>(16);
  private bufLen: i32 = 0;

  /** Starts a new tag with the 32-byte one-time key at `kp` (r || s). */
  init(kp: usize): void {
    // RFC 8439 §2.5.1: clamp r; here split straight into 26-bit limbs.
    this.r0 = <u64>(load<u32>(kp, 0) & 0x3ffffff);
    this.r1 = <u64>((load<u32>(kp, 3) >>> 2) & 0x3ffff03);
    this.r2 = <u64>((load<u32>(kp, 6) >>> 4) & 0x3ffc0ff);
    this.r3 = <u64>((load<u32>(kp, 9) >>> 6) & 0x3f03fff);
    this.r4 = <u64>((load<u32>(kp, 12) >>> 8) & 0x00fffff);
    this.pad0 = load<u32>(kp, 16); this.pad1 = load<u32>(kp, 20);
    this.pad2 = load<u32>(kp, 24); this.pad3 = load<u32>(kp, 28);
    this.h0 = 0; this.h1 = 0; this.h2 = 0; this.h3 = 0; this.h4 = 0;
    this.bufLen = 0;
  }

  /** Absorbs `n` full 16-byte blocks at `p`; `hibit` is 1<<24 for full blocks, 0 for the padded tail. */
  private blocks(p: usize, n: usize, hibit: u64): void {
    const r0 = this.r0, r1 = this.r1, r2 = this.r2, r3 = this.r3, r4 = this.r4;
    const s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5;
    let h0 = this.h0, h1 = this.h1, h2 = this.h2, h3 = this.h3, h4 = this.h4;
    const end = p + (n << 4);
    while (p < end) {
      h0 += <u64>(load<u32>(p, 0) & 0x3ffffff);
      h1 += <u64>((load<u32>(p, 3) >>> 2) & 0x3ffffff);
      h2 += <u64>((load<u32>(p, 6) >>> 4) & 0x3ffffff);
      h3 += <u64>((load<u32>(p, 9) >>> 6) & 0x3ffffff);
      h4 += <u64>(load<u32>(p, 12) >>> 8) | hibit;
      const d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
      let d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
      let d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
      let d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
      let d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;
      h0 = d0 & MASK26; d1 += d0 >> 26;
      h1 = d1 & MASK26; d2 += d1 >> 26;
      h2 = d2 & MASK26; d3 += d2 >> 26;
      h3 = d3 & MASK26; d4 += d3 >> 26;
      h4 = d4 & MASK26;
      h0 += (d4 >> 26) * 5;
      h1 += h0 >> 26; h0 &= MASK26;
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
      this.blocks(buf, 1, 1 << 24);
      fill = 0;
    }
    const n = len >> 4;
    if (n > 0) {
      this.blocks(p, n, 1 << 24);
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
    this.blocks(changetype<usize>(this.buf), 1, 1 << 24);
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
    // Full carry, so every limb is below 2^26 and h < 2^130 + small.
    h2 += h1 >> 26; h1 &= MASK26;
    h3 += h2 >> 26; h2 &= MASK26;
    h4 += h3 >> 26; h3 &= MASK26;
    h0 += (h4 >> 26) * 5; h4 &= MASK26;
    h1 += h0 >> 26; h0 &= MASK26;
    // g = h + 5 - 2^130; keep g if it did not go negative (h >= p), else h. Select by mask.
    let g0 = h0 + 5; let c = g0 >> 26; g0 &= MASK26;
    let g1 = h1 + c; c = g1 >> 26; g1 &= MASK26;
    let g2 = h2 + c; c = g2 >> 26; g2 &= MASK26;
    let g3 = h3 + c; c = g3 >> 26; g3 &= MASK26;
    const g4 = h4 + c - (1 << 26);
    const useG = (g4 >> 63) - 1; // all-ones when g4 >= 0
    h0 = (h0 & ~useG) | (g0 & useG);
    h1 = (h1 & ~useG) | (g1 & useG);
    h2 = (h2 & ~useG) | (g2 & useG);
    h3 = (h3 & ~useG) | (g3 & useG);
    h4 = (h4 & ~useG) | (g4 & useG & MASK26);
    // h mod 2^128 as four 32-bit words, plus s (RFC 8439 §2.5.1: "the result is added to s").
    const w0 = <u32>(h0 | (h1 << 26));
    const w1 = <u32>((h1 >> 6) | (h2 << 20));
    const w2 = <u32>((h2 >> 12) | (h3 << 14));
    const w3 = <u32>((h3 >> 18) | (h4 << 8));
    let f = <u64>w0 + <u64>this.pad0; store<u32>(out, <u32>f, 0);
    f = <u64>w1 + <u64>this.pad1 + (f >> 32); store<u32>(out, <u32>f, 4);
    f = <u64>w2 + <u64>this.pad2 + (f >> 32); store<u32>(out, <u32>f, 8);
    f = <u64>w3 + <u64>this.pad3 + (f >> 32); store<u32>(out, <u32>f, 12);
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
