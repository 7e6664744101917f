// RSASSA-PKCS1-v1_5 known answer: NIST CAVP SigGen15 (FIPS 186-3), 2048-bit key, SHA-256
// (test/crypto/kat-vectors.ts). PKCS #1 v1.5 signing is deterministic, so the published signature
// is reproduced byte for byte. The vector gives n, e and d; the CRT key our signer needs is
// rebuilt here (p and q recovered from e d - 1 as in RFC 8017 / NIST SP 800-56B Appendix C).
// (RSASSA-PSS has its known answer in rsa.test.ts: pss-vect.txt Example 10.2.)
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { CAVP_SIGGEN15_2048 as V } from "./kat-vectors.ts";

let w: any;
beforeAll(async () => { w = await instantiateCore("test/crypto-rsa"); });

const big = (s: string) => BigInt("0x" + s);
const bytes = (x: bigint) => { const s = x.toString(16); return Uint8Array.from(Buffer.from(s.length % 2 ? "0" + s : s, "hex")); };
const hex = (u: Uint8Array | null) => (u === null ? "null" : Buffer.from(u).toString("hex"));
function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n; b %= m;
  while (e > 0n) { if (e & 1n) r = (r * b) % m; b = (b * b) % m; e >>= 1n; }
  return r;
}
const gcd = (a: bigint, b: bigint): bigint => { while (b) [a, b] = [b, a % b]; return a; };
function modInv(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [s0, s1] = [s1, s0 - q * s1]; }
  return ((s0 % m) + m) % m;
}
/** p and q from n, e, d: e d - 1 = 2^t r; a nontrivial square root of 1 shares a factor with n. */
function factor(n: bigint, e: bigint, d: bigint): [bigint, bigint] {
  let r = e * d - 1n, t = 0;
  while ((r & 1n) === 0n) { r >>= 1n; t++; }
  for (let g = 2n; g < 200n; g++) {
    let y = modPow(g, r, n);
    if (y === 1n || y === n - 1n) continue;
    for (let i = 1; i < t; i++) {
      const z = (y * y) % n;
      if (z === 1n) { const p = gcd(y - 1n, n); return [p, n / p]; }
      if (z === n - 1n) break;
      y = z;
    }
  }
  throw new Error("no factor found");
}

describe("RSASSA-PKCS1-v1_5 known answer (NIST CAVP SigGen15, 2048-bit, SHA-256)", () => {
  const n = big(V.n), e = big(V.e), d = big(V.d);
  const mh = Uint8Array.from(createHash("sha256").update(Buffer.from(V.msg, "hex")).digest());

  it("verifies the published signature; a flipped bit in it or in the hash is refused", () => {
    expect(w.pkcs1Verify(bytes(n), bytes(e), 2, mh, bytes(big(V.sig)))).toBe(true);
    const sig = Uint8Array.from(Buffer.from(V.sig, "hex"));
    for (let bit = 0; bit < 2048; bit += 127) {
      const bad = sig.slice(); bad[bit >> 3] ^= 1 << (bit & 7);
      expect(w.pkcs1Verify(bytes(n), bytes(e), 2, mh, bad)).toBe(false);
    }
    const h2 = mh.slice(); h2[31] ^= 1;
    expect(w.pkcs1Verify(bytes(n), bytes(e), 2, h2, sig)).toBe(false);
    expect(w.pssVerify(bytes(n), bytes(e), 2, mh, sig, -1)).toBe(false); // not a PSS encoding
  });

  it("signs to the published signature from the CRT key rebuilt from n, e, d (with any entropy)", () => {
    const [p, q] = factor(n, e, d);
    expect(p * q).toBe(n);
    const h = w.keyFromParts(bytes(n), bytes(e), bytes(d), bytes(p), bytes(q),
      bytes(d % (p - 1n)), bytes(d % (q - 1n)), bytes(modInv(q, p)));
    expect(h).toBeGreaterThanOrEqual(0);
    expect(hex(w.keyN(h))).toBe(V.n);
    for (const entropy of [new Uint8Array(0), new Uint8Array(32).fill(7), Uint8Array.from(Buffer.from(V.msg, "hex"))]) {
      expect(hex(w.pkcs1Sign(h, 2, mh, entropy))).toBe(V.sig);
    }
    // The raw private operation is RSASP1 = m^d mod n: check it against BigInt on the vector's key.
    const em = BigInt("0x" + hex(w.publicRaw(bytes(n), bytes(e), Uint8Array.from(Buffer.from(V.sig, "hex")))));
    expect(modPow(em, d, n)).toBe(big(V.sig));
  });
});
