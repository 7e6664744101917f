// A seeded pseudo-random stream for protocol choices (initial sequence numbers, discovery slots,
// device addresses, jitter). Not for keys: cryptographic randomness comes from the host's entropy
// source. xoshiro128** (Blackman and Vigna), seeded through splitmix32 so that any seed, 0 included,
// gives a full-period state.

export class Rand {
  private s0: u32 = 0;
  private s1: u32 = 0;
  private s2: u32 = 0;
  private s3: u32 = 0;

  constructor(seed: u64) {
    this.reseed(seed);
  }

  reseed(seed: u64): void {
    let x = <u32>seed ^ <u32>(seed >> 32);
    x = splitmix32(x); this.s0 = x;
    x = splitmix32(x); this.s1 = x;
    x = splitmix32(x); this.s2 = x;
    x = splitmix32(x); this.s3 = x;
  }

  nextU32(): u32 {
    const result = rotl<u32>(this.s1 * 5, 7) * 9;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl<u32>(this.s3, 11);
    return result;
  }

  /** A uniform integer in [0, bound) (bound > 0), without modulo bias. */
  below(bound: u32): u32 {
    if (bound <= 1) return 0;
    const limit = <u32>(0 - bound) % bound; // 2^32 mod bound
    while (true) {
      const r = this.nextU32();
      if (r >= limit) return r % bound;
    }
    return 0;
  }

  fill(buf: Uint8Array): void {
    for (let i = 0; i < buf.length; i += 4) {
      let r = this.nextU32();
      for (let j = i; j < min(i + 4, buf.length); j++) {
        unchecked((buf[j] = <u8>r));
        r >>= 8;
      }
    }
  }
}

function splitmix32(x: u32): u32 {
  x += 0x9e3779b9;
  let z = x;
  z = (z ^ (z >>> 16)) * 0x85ebca6b;
  z = (z ^ (z >>> 13)) * 0xc2b2ae35;
  return z ^ (z >>> 16);
}
