// Wycheproof-style edge cases for ECDSA P-256 that node:crypto cannot reach (it always hashes the
// message itself): digests whose integer is 0, n, above n, longer or shorter than 256 bits, checked
// against a BigInt reference verifier written here from FIPS 186-5 §6.4.2, and RFC 6979's
// bits2octets reduction seen through deterministic signing. Also the SEC 1 encoding of the point at
// infinity (0x00), which must be refused as a public key.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";

let ec: any;
beforeAll(async () => { ec = await instantiateCore("test/crypto-ec"); });

const hex = (u: Uint8Array | null) => (u === null ? "null" : Buffer.from(u).toString("hex"));
const big = (u: Uint8Array) => BigInt("0x" + (hex(u) || "0"));
const be32 = (v: bigint) => Uint8Array.from(Buffer.from(v.toString(16).padStart(64, "0"), "hex"));

// FIPS 186-4 D.1.2.3
const P = 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: Pt = [0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n];
type Pt = [bigint, bigint] | null;
const md = (a: bigint, m: bigint) => ((a % m) + m) % m;
const inv = (a: bigint, m: bigint) => {
  let [r0, r1, s0, s1] = [md(a, m), m, 1n, 0n];
  while (r1) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [s0, s1] = [s1, s0 - q * s1]; }
  return md(s0, m);
};
const add = (a: Pt, b: Pt): Pt => {
  if (!a) return b;
  if (!b) return a;
  if (a[0] === b[0] && md(a[1] + b[1], P) === 0n) return null;
  const l = a[0] === b[0] ? md((3n * a[0] * a[0] - 3n) * inv(2n * a[1], P), P) : md((b[1] - a[1]) * inv(b[0] - a[0], P), P);
  const x = md(l * l - a[0] - b[0], P);
  return [x, md(l * (a[0] - x) - a[1], P)];
};
const mul = (k: bigint, p: Pt): Pt => {
  let r: Pt = null;
  for (let i = 255; i >= 0; i--) { r = add(r, r); if ((k >> BigInt(i)) & 1n) r = add(r, p); }
  return r;
};
/** FIPS 186-5 §6.4.2 with e = the leftmost 256 bits of the digest (all of it when shorter). */
function refVerify(pub: Uint8Array, h: Uint8Array, r: bigint, s: bigint): boolean {
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const e = h.length > 32 ? big(h.subarray(0, 32)) : big(h);
  const w = inv(s, N);
  const X = add(mul(md(e * w, N), G), mul(md(r * w, N), [big(pub.subarray(1, 33)), big(pub.subarray(33))]));
  return X !== null && md(X[0], N) === r;
}

describe("ECDSA P-256 digests at the edges", () => {
  const d = be32(big(crypto.randomBytes(32)) % (N - 1n) + 1n);
  let pub: Uint8Array;
  beforeAll(() => { pub = ec.p256PublicKey(d); });
  const rs = (sig: Uint8Array): [bigint, bigint] => [big(sig.subarray(0, 32)), big(sig.subarray(32))];

  const digests: [string, Uint8Array][] = [
    ["empty", new Uint8Array(0)],
    ["32 zero bytes (e = 0)", new Uint8Array(32)],
    ["n itself (e mod n = 0)", be32(N)],
    ["n + 1", be32(N + 1n)],
    ["all ones (e > n)", new Uint8Array(32).fill(0xff)],
    ["one byte 0x01", Uint8Array.of(1)],
    ["20 bytes (SHA-1 size)", Uint8Array.from(crypto.randomBytes(20))],
    ["31 bytes", Uint8Array.from(crypto.randomBytes(31))],
    ["33 bytes (last one ignored)", Uint8Array.from(crypto.randomBytes(33))],
    ["64 bytes (SHA-512 size)", Uint8Array.from(crypto.randomBytes(64))],
  ];
  it.each(digests)("%s: our signature verifies here and under the BigInt reference; one bit off does not", (_, h) => {
    for (let i = 0; i < 3; i++) {
      const sig: Uint8Array = ec.ecdsaP256Sign(d, h, crypto.randomBytes(32));
      expect(sig.length).toBe(64);
      const [r, s] = rs(sig);
      expect(refVerify(pub, h, r, s)).toBe(true);
      expect(ec.ecdsaP256Verify(pub, h, sig.subarray(0, 32), sig.subarray(32))).toBe(true);
      const s2 = s ^ 1n;
      expect(ec.ecdsaP256Verify(pub, h, sig.subarray(0, 32), be32(s2))).toBe(refVerify(pub, h, r, s2));
    }
  });

  it("deterministic nonces see only bits2octets(h) (RFC 6979 §2.3.4): digests equal mod n sign alike", () => {
    const sign0 = (h: Uint8Array) => hex(ec.ecdsaP256Sign(d, h, new Uint8Array(0)));
    const zero = sign0(new Uint8Array(32));
    expect(sign0(new Uint8Array(0))).toBe(zero);
    expect(sign0(be32(N))).toBe(zero);
    expect(sign0(be32(1n))).toBe(sign0(be32(N + 1n)));
    expect(sign0(be32(1n))).toBe(sign0(Uint8Array.of(1)));
    const x = Uint8Array.from(crypto.randomBytes(32));
    expect(sign0(Uint8Array.from([...x, ...crypto.randomBytes(32)]))).toBe(sign0(x)); // truncated to 256 bits
    expect(sign0(x)).not.toBe(zero);
  });

  it("the point at infinity (SEC 1: the single byte 0x00) and other non-points are refused as keys", () => {
    const h = crypto.createHash("sha256").update("inf").digest();
    const sig: Uint8Array = ec.ecdsaP256Sign(d, h, crypto.randomBytes(32));
    const r = sig.subarray(0, 32), s = sig.subarray(32);
    for (const k of [Uint8Array.of(0), Uint8Array.from([0, ...new Uint8Array(64)]), Uint8Array.from([4, ...new Uint8Array(64)]),
      Uint8Array.from([4, ...be32(G[0]!), ...be32(P - G[1]!)])]) {
      if (k.length === 65 && k[0] === 4 && big(k.subarray(33)) === P - G[1]!) {
        // -G is on the curve: a valid key, just not ours
        expect(ec.ecdsaP256Verify(k, h, r, s)).toBe(refVerify(k, h, big(r), big(s)));
        continue;
      }
      expect(ec.ecdsaP256Verify(k, h, r, s)).toBe(false);
      expect(ec.p256Ecdh(d, k)).toBeNull();
    }
  });
});
