// Big-integer core (assembly/tls/crypto/bigint.ts) against JS BigInt on random operands.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { LIMIT, spread } from "./ct-spread.ts";

let w: any;
beforeAll(async () => { w = await instantiateCore("test/crypto-rsa"); });

const toBig = (b: Uint8Array) => BigInt("0x" + (Buffer.from(b).toString("hex") || "0"));
const toBytes = (x: bigint, len: number) => Uint8Array.from(Buffer.from(x.toString(16).padStart(len * 2, "0"), "hex"));
function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n; b %= m;
  while (e > 0n) { if (e & 1n) r = (r * b) % m; b = (b * b) % m; e >>= 1n; }
  return r;
}
/** A random odd modulus of exactly `bits` bits. */
function randOdd(bits: number): bigint {
  const x = toBig(randomBytes(Math.ceil(bits / 8))) & ((1n << BigInt(bits)) - 1n);
  return x | (1n << BigInt(bits - 1)) | 1n;
}
const gcd = (x: bigint, y: bigint): bigint => { while (y) [x, y] = [y, x % y]; return x; };
const randBelow = (m: bigint) => toBig(randomBytes(Math.ceil(m.toString(16).length / 2) + 8)) % m;

describe("bigint", () => {
  it("mulFull matches BigInt", () => {
    for (let i = 0; i < 50; i++) {
      const a = toBig(randomBytes(1 + (i * 7) % 300)), b = toBig(randomBytes(1 + (i * 13) % 300));
      const la = Math.max(1, Math.ceil(a.toString(16).length / 2)), lb = Math.max(1, Math.ceil(b.toString(16).length / 2));
      expect(toBig(w.bnMul(toBytes(a, la), toBytes(b, lb)))).toBe(a * b);
    }
  });

  it("Montgomery modexp (constant-time window and public paths) matches BigInt for many widths", () => {
    for (const bits of [33, 64, 127, 521, 1023, 1024, 1536, 2048, 2049, 3072, 4096]) {
      for (let i = 0; i < 3; i++) {
        const m = randOdd(bits);
        const len = Math.ceil(bits / 8);
        const base = randBelow(m), exp = toBig(randomBytes(len));
        const want = modPow(base, exp, m);
        expect(toBig(w.bnModExp(toBytes(m, len), toBytes(base, len), toBytes(exp, len), true))).toBe(want);
        const e = toBig(randomBytes(4)) | 1n;
        expect(toBig(w.bnModExp(toBytes(m, len), toBytes(base, len), toBytes(e, 4), false))).toBe(modPow(base, e, m));
      }
    }
  });

  it("edge operands: base 0, 1, m-1; exponent 0, 1; modulus with all-ones limbs", () => {
    const ms = [(1n << 2048n) - 1n, (1n << 1024n) + 1n, randOdd(2048)];
    for (const m of ms) {
      const len = Math.ceil(m.toString(16).length / 2);
      for (const base of [0n, 1n, 2n, m - 1n]) {
        for (const exp of [0n, 1n, 2n, 65537n, m - 2n]) {
          const got = toBig(w.bnModExp(toBytes(m, len), toBytes(base, len), toBytes(exp, len), true));
          expect(got).toBe(modPow(base, exp, m));
        }
      }
    }
  });

  it("reduces values of up to twice the modulus width", () => {
    for (const bits of [1024, 1536, 2048]) {
      const m = randOdd(bits);
      const len = Math.ceil(bits / 8);
      for (const x of [0n, m, m - 1n, (m * m) - 1n, toBig(randomBytes(2 * len)), (1n << BigInt(16 * len)) - 1n]) {
        expect(toBig(w.bnReduce(toBytes(m, len), toBytes(x, 2 * len)))).toBe(x % m);
      }
    }
  });

  it("modular inverse (variable time) is an inverse, and refuses non-coprime input", () => {
    for (let i = 0; i < 20; i++) {
      const m = randOdd(2048);
      const a = randBelow(m);
      const inv = w.bnModInverse(toBytes(a, 256), toBytes(m, 256));
      if (gcd(a, m) !== 1n) { expect(inv).toBeNull(); continue; }
      expect(inv).not.toBeNull();
      expect((toBig(inv) * a) % m).toBe(1n);
    }
    const m = 3n * randOdd(1000);
    const len = Math.ceil(m.toString(16).length / 2);
    expect(w.bnModInverse(toBytes(3n, len), toBytes(m, len))).toBeNull();
    expect(w.bnModInverse(toBytes(0n, len), toBytes(m, len))).toBeNull();
  });

  it("refuses an even modulus or a value wider than the limbs", () => {
    expect(w.bnModExp(toBytes(1000n, 2), toBytes(3n, 2), toBytes(5n, 1), true)).toBeNull();
    expect(w.bnModExp(toBytes(1001n, 2), toBytes(1n << 40n, 8), toBytes(5n, 1), true)).toBeNull();
  });

  it("secret exponentiation takes the same time for all-zero, all-one and random exponents", () => {
    // A coarse guard on the fixed-window ladder: skipping work on zero bits or zero windows would
    // make the all-zero exponent 20-50% faster. Interleaved rounds compared pair by pair, so that
    // load on the machine cancels out (./ct-spread.ts).
    const m = toBytes(randOdd(1024), 128), base = toBytes(randBelow(toBig(m)), 128);
    const exps = [new Uint8Array(128), new Uint8Array(128).fill(0xff), Uint8Array.from(randomBytes(128))];
    expect(spread(exps, (e) => w.bnModExp(m, base, e, true), 2)).toBeLessThan(LIMIT);
  });
});
