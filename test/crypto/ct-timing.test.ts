// A coarse guard on constant time: secret-dependent shortcuts (skipping zero windows or digits in a
// scalar multiplication, an early exit in a tag check or a table lookup whose cost follows the key)
// make extreme secrets measurably faster or slower than random ones. Here the private-key
// operations and the AEADs run on extreme and random secrets, in interleaved rounds, compared pair by
// pair (./ct-spread.ts); all must take the same time within 12%. Measured here: every spread at or
// below 1.04, on an idle machine and with three busy loops on its two cores. This cannot prove
// constant time (the code review of assembly/tls/crypto does that: masks, no secret branch or
// index); it catches regressions.
// (RSA's exponentiation has the same guard in rsa-bigint.test.ts.)
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { LIMIT, spread } from "./ct-spread.ts";

let ec: any, sym: any;
beforeAll(async () => {
  ec = await instantiateCore("test/crypto-ec");
  sym = await instantiateCore("test/crypto-sym");
});

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const be32 = (v: bigint) => Uint8Array.from(Buffer.from(v.toString(16).padStart(64, "0"), "hex"));
const rnd = (n: number) => Uint8Array.from(crypto.randomBytes(n));


describe("the guard", () => {
  it("sees a cost that differs by 25% (4 or 5 X25519 base-point multiplications)", () => {
    const k = rnd(32);
    expect(spread([4, 5], (n: number) => { for (let i = 0; i < n; i++) ec.x25519Base(k); }, 1, "differ")).toBeGreaterThan(LIMIT);
  }, 30_000);
});

describe("private-key operations take the same time for extreme and random secrets", () => {
  // 1, n - 1, 2^255, a sparse value: all-zero digits but one, all-ones digits, one bit set.
  const scalars = [be32(1n), be32(N - 1n), be32(2n ** 255n), be32(0x1111n), rnd(32)];
  const bytes = [new Uint8Array(32), new Uint8Array(32).fill(0xff), rnd(32)];
  it("P-256: [d]G, ECDH [d]Q and ECDSA signing", () => {
    const peer = ec.p256PublicKey(rnd(32));
    expect(spread(scalars, (d) => ec.p256PublicKey(d), 4)).toBeLessThan(LIMIT);
    expect(spread(scalars, (d) => ec.p256Ecdh(d, peer), 3)).toBeLessThan(LIMIT);
    const h = rnd(32);
    expect(spread(scalars, (d) => ec.ecdsaP256Sign(d, h, new Uint8Array(0)), 3)).toBeLessThan(LIMIT);
  }, 30_000);
  it("X25519 (ladder and base point) and Ed25519 signing", () => {
    const u = ec.x25519Base(rnd(32));
    expect(spread(bytes, (k) => ec.x25519(k, u), 4)).toBeLessThan(LIMIT);
    expect(spread(bytes, (k) => ec.x25519Base(k), 4)).toBeLessThan(LIMIT);
    const m = rnd(64);
    expect(spread(bytes, (k) => ec.ed25519Sign(k, m), 4)).toBeLessThan(LIMIT);
  }, 30_000);
});

describe("AEADs take the same time for any key and data, and for a tag wrong in its first or last byte", () => {
  const n = new Uint8Array(12), aad = new Uint8Array(13);
  const cases = [
    [new Uint8Array(32), new Uint8Array(4096)],
    [new Uint8Array(32).fill(0xff), new Uint8Array(4096).fill(0xff)],
    [rnd(32), rnd(4096)],
  ];
  it("AES-128-GCM and ChaCha20-Poly1305 seal", () => {
    expect(spread(cases, ([k, p]) => sym.hGcmSeal(k.subarray(0, 16), n, aad, p), 4)).toBeLessThan(LIMIT);
    expect(spread(cases, ([k, p]) => sym.hChachaSeal(k, n, aad, p), 4)).toBeLessThan(LIMIT);
  }, 30_000);
  it("open with the tag right, wrong in byte 0, wrong in byte 15", () => {
    const k = rnd(32), p = rnd(4096);
    for (const [seal, open] of [[(x: Uint8Array) => sym.hGcmSeal(k.subarray(0, 16), n, aad, x), (x: Uint8Array) => sym.hGcmOpen(k.subarray(0, 16), n, aad, x)],
      [(x: Uint8Array) => sym.hChachaSeal(k, n, aad, x), (x: Uint8Array) => sym.hChachaOpen(k, n, aad, x)]] as const) {
      const good: Uint8Array = seal(p);
      const first = good.slice(); first[p.length] ^= 1;
      const last = good.slice(); last[p.length + 15] ^= 1;
      expect(open(good)).not.toBeNull();
      expect(open(first)).toBeNull();
      // A failed open also wipes or restores its output, so compare the two failures with each other.
      expect(spread([first, last], open, 4)).toBeLessThan(LIMIT);
    }
  }, 30_000);
});
