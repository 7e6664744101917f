// SHA-1 — FIPS 180-4 §4.1.1 functions, §4.2.1 constants, §5.3.1 initial value, §6.1 computation.
// Only for verifying legacy certificate signatures (and the TLS 1.2 PRF never uses it): SHA-1 is
// broken for collision resistance (SHAttered, 2017), so nothing new should be signed with it.
import { BlockHash, HashCtx } from "./sha2";

const W1: StaticArray<u32> = new StaticArray<u32>(80);

function sha1Blocks(st: usize, p: usize, n: i32): void {
  let h0 = load<u32>(st, 0), h1 = load<u32>(st, 4), h2 = load<u32>(st, 8);
  let h3 = load<u32>(st, 12), h4 = load<u32>(st, 16);
  const w = changetype<usize>(W1);
  while (n > 0) {
    for (let i: usize = 0; i < 64; i += 4) store<u32>(w + i, bswap<u32>(load<u32>(p + i)));
    for (let i: usize = 64; i < 320; i += 4) {
      store<u32>(w + i, rotl<u32>(
        load<u32>(w + i - 12) ^ load<u32>(w + i - 32) ^ load<u32>(w + i - 56) ^ load<u32>(w + i - 64), 1));
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    for (let i: usize = 0; i < 80; i++) {
      let f: u32, k: u32;
      if (i < 20) { f = d ^ (b & (c ^ d)); k = 0x5a827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (b & c) | (d & (b | c)); k = 0x8f1bbcdc; }
      else { f = b ^ c ^ d; k = 0xca62c1d6; }
      const t = rotl<u32>(a, 5) + f + e + k + load<u32>(w + (i << 2));
      e = d; d = c; c = rotl<u32>(b, 30); b = a; a = t;
    }
    h0 += a; h1 += b; h2 += c; h3 += d; h4 += e;
    p += 64;
    n--;
  }
  store<u32>(st, h0, 0); store<u32>(st, h1, 4); store<u32>(st, h2, 8);
  store<u32>(st, h3, 12); store<u32>(st, h4, 16);
}

export class Sha1 extends BlockHash {
  private st: StaticArray<u32> = new StaticArray<u32>(5);

  constructor() {
    super();
    this.reset();
  }
  get outLen(): i32 { return 20; }
  get blockLen(): i32 { return 64; }

  protected initState(): void {
    const st = changetype<usize>(this.st);
    store<u32>(st, 0x67452301, 0); store<u32>(st, 0xefcdab89, 4); store<u32>(st, 0x98badcfe, 8);
    store<u32>(st, 0x10325476, 12); store<u32>(st, 0xc3d2e1f0, 16);
  }
  protected compress(p: usize, n: i32): void {
    sha1Blocks(changetype<usize>(this.st), p, n);
  }
  protected output(out: usize): void {
    const st = changetype<usize>(this.st);
    for (let i: usize = 0; i < 20; i += 4) store<u32>(out + i, bswap<u32>(load<u32>(st + i)));
  }
  clone(): HashCtx {
    const c = new Sha1();
    memory.copy(changetype<usize>(c.st), changetype<usize>(this.st), 20);
    return this.copyFraming(c);
  }
}

/** SHA-1 digest (20 bytes) of `m`. */
export function sha1(m: Uint8Array): Uint8Array {
  const h = new Sha1();
  h.update(m);
  return h.finish();
}
