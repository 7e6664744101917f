// A seeded pseudo-random stream for device models (bit-error positions, garbage bytes): the same
// xoshiro128** generator, seeded through splitmix32, as assembly/lib/rand.ts, so a device
// simulation is reproducible from its seed.

export class DeviceRand {
  private s = new Uint32Array(4);

  constructor(seed = 1) {
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      this.s[i] = splitmix32(x);
    }
  }

  nextU32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A uniform number in (0, 1], never 0 (so that its logarithm is finite). */
  unitOpenZero(): number {
    return (this.nextU32() + 1) / 4294967296;
  }

  fill(buf: Uint8Array): void {
    for (let i = 0; i < buf.length; i += 4) {
      let r = this.nextU32();
      for (let j = i; j < Math.min(i + 4, buf.length); j++) {
        buf[j] = r & 0xff;
        r >>>= 8;
      }
    }
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

function splitmix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
