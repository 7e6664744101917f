// P-256 (assembly/tls/crypto/p256-field.ts, p256.ts, ecdsa.ts): field arithmetic against BigInt,
// public keys and ECDH against node:crypto, point validation, ECDSA with the RFC 6979 §A.2.5
// vectors, cross-checks with node in both directions, edge cases for r and s, and the DER codec.
import { beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { instantiateCore } from "../../host/node/wasm.ts";

let ec: any;
beforeAll(async () => { ec = await instantiateCore("test/crypto-ec"); });

const unhex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const hex = (u: Uint8Array | null) => (u === null ? "null" : Buffer.from(u).toString("hex"));
const b64u = (u: Uint8Array) => Buffer.from(u).toString("base64url");
// FIPS 186-4 D.1.2.3
const P = 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const be32 = (v: bigint) => unhex(v.toString(16).padStart(64, "0"));
const big = (u: Uint8Array) => BigInt("0x" + (hex(u) || "0"));

function nodeEcdh(priv: Uint8Array, peer: Uint8Array): string {
  try { const e = crypto.createECDH("prime256v1"); e.setPrivateKey(priv); return hex(e.computeSecret(peer)); }
  catch { return "null"; }
}
function nodePublic(priv: Uint8Array): Uint8Array {
  const e = crypto.createECDH("prime256v1"); e.setPrivateKey(priv); return e.getPublicKey();
}
const jwkPub = (pub: Uint8Array) => crypto.createPublicKey({ key: { kty: "EC", crv: "P-256", x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33)) }, format: "jwk" });
const jwkPriv = (d: Uint8Array, pub: Uint8Array) => crypto.createPrivateKey({ key: { kty: "EC", crv: "P-256", d: b64u(d), x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33)) }, format: "jwk" });
function randomKey(): { d: Uint8Array; pub: Uint8Array } {
  const e = crypto.createECDH("prime256v1"); e.generateKeys();
  return { d: Uint8Array.from(e.getPrivateKey().toString("hex").padStart(64, "0").match(/../g)!.map((x) => parseInt(x, 16))), pub: e.getPublicKey() };
}
const sha256 = (m: Uint8Array) => crypto.createHash("sha256").update(m).digest();

describe("P-256 field", () => {
  const pw = (b: bigint, e: bigint) => { let r = 1n; b %= P; while (e > 0n) { if (e & 1n) r = r * b % P; b = b * b % P; e >>= 1n; } return r; };
  it("mul, square, add, sub, invert and the fused/lazy forms agree with BigInt on edge and random values", () => {
    const edge = [0n, 1n, 2n, P - 1n, P - 2n, 2n ** 255n, 2n ** 224n, 2n ** 96n - 1n, (P - 1n) / 2n];
    const vals = [...edge];
    for (let i = 0; i < 150; i++) vals.push(big(crypto.randomBytes(32)) % P);
    for (let i = 0; i < vals.length; i++) {
      const a = vals[i], b = vals[(i * 7 + 3) % vals.length];
      const md = (v: bigint) => ((v % P) + P) % P;
      const want = [a * b % P, a * a % P, (a + b) % P, (a - b + P) % P, pw(a, P - 2n),
        md(8n * a), md(a - 8n * b), md(a - 2n * b), md((a + b) * (a - b)), md((a - b) * (a - b))];
      for (let op = 0; op < want.length; op++) {
        if (op === 4 && i % 5 !== 0 && i >= edge.length) continue; // inversion is slow in BigInt
        expect(big(ec.p256FieldOp(op, be32(a), be32(b)))).toBe(want[op]);
      }
    }
  });
  it("values >= p are refused on input", () => {
    expect(ec.p256FieldOp(0, be32(P), be32(1n)).length).toBe(0);
    expect(ec.p256FieldOp(0, be32(1n), be32(2n ** 256n - 1n)).length).toBe(0);
  });
});

describe("P-256 public keys and ECDH", () => {
  it("public keys and shared secrets agree with node on 1000 random key pairs", () => {
    for (let i = 0; i < 1000; i++) {
      const a = randomKey(), b = randomKey();
      expect(hex(ec.p256PublicKey(a.d))).toBe(hex(a.pub));
      expect(hex(ec.p256Ecdh(a.d, b.pub))).toBe(nodeEcdh(a.d, b.pub));
    }
  });

  it("private keys at the ends of [1, n-1] work; 0, n and above are refused", () => {
    const peer = randomKey().pub;
    for (const d of [1n, 2n, 3n, 15n, 16n, 17n, 2n ** 252n, N - 1n, N - 2n, N - 16n, 2n ** 255n]) {
      expect(hex(ec.p256PublicKey(be32(d)))).toBe(hex(nodePublic(be32(d))));
      expect(hex(ec.p256Ecdh(be32(d), peer))).toBe(nodeEcdh(be32(d), peer));
    }
    for (const d of [0n, N, N + 1n, 2n ** 256n - 1n]) {
      expect(ec.p256PublicKey(be32(d)).length).toBe(0);
      expect(ec.p256Ecdh(be32(d), peer)).toBeNull();
    }
    expect(ec.p256PublicKey(new Uint8Array(31)).length).toBe(0);
  });

  it("invalid peer keys are refused as node refuses them: off the curve, coordinates >= p, bad prefix or length, infinity", () => {
    const { d } = randomKey();
    const good = randomKey().pub;
    const bad: Uint8Array[] = [];
    for (let i = 0; i < 20; i++) { const k = Uint8Array.from(good); k[1 + (i * 3) % 64] ^= 1 << (i % 8); bad.push(k); }
    const x = big(good.subarray(1, 33)), y = big(good.subarray(33));
    const enc = (xx: bigint, yy: bigint) => Uint8Array.from([4, ...be32(xx), ...be32(yy)]);
    bad.push(enc(x + P < 2n ** 256n ? x + P : x, y)); // non-canonical x (when x + p fits)
    bad.push(enc(x, y + P < 2n ** 256n ? y + P : y));   // non-canonical y (when y + p fits)
    bad.push(enc(P, 0n), enc(0n, 0n), enc(P - 1n, P - 1n));
    bad.push(new Uint8Array(65), Uint8Array.from([0]), new Uint8Array(0), good.subarray(0, 64), Uint8Array.from([...good, 0]));
    const c = Uint8Array.from(good); c[0] = 2; bad.push(c, Uint8Array.from([2 + Number(y & 1n), ...good.subarray(1, 33)]));
    for (const k of bad) {
      const ours = ec.p256Ecdh(d, k);
      if (k.length === 33) { expect(ours).toBeNull(); continue; } // compressed form: node takes it, we only do uncompressed
      expect(hex(ours)).toBe(nodeEcdh(d, k));
      if (hex(k) !== hex(good)) expect(ours).toBeNull();
    }
  });
});

describe("ECDSA P-256 known answers (RFC 6979 §A.2.5, SHA-256)", () => {
  const x = unhex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
  it("public key Ux, Uy", () => {
    expect(hex(ec.p256PublicKey(x))).toBe("04" + "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
      + "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
  });
  it.each([
    ["sample", "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716", "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"],
    ["test", "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367", "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083"],
  ])("message %s: deterministic signature with empty entropy, and it verifies", (m, r, s) => {
    const h = sha256(Buffer.from(m));
    const sig = ec.ecdsaP256Sign(x, h, new Uint8Array(0));
    expect(hex(sig)).toBe(r + s);
    expect(ec.ecdsaP256Verify(ec.p256PublicKey(x), h, unhex(r), unhex(s))).toBe(true);
  });
  it("entropy hedges the nonce: same entropy, same signature; other entropy, other r; all verify", () => {
    const h = sha256(Buffer.from("sample"));
    const e1 = crypto.randomBytes(32), e2 = crypto.randomBytes(32);
    const s1 = ec.ecdsaP256Sign(x, h, e1), s1b = ec.ecdsaP256Sign(x, h, e1), s2 = ec.ecdsaP256Sign(x, h, e2);
    expect(hex(s1)).toBe(hex(s1b));
    expect(hex(s1.subarray(0, 32))).not.toBe(hex(s2.subarray(0, 32)));
    expect(hex(s1.subarray(0, 32))).not.toBe("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716");
    const pub = ec.p256PublicKey(x);
    for (const s of [s1, s2]) expect(ec.ecdsaP256Verify(pub, h, s.subarray(0, 32), s.subarray(32))).toBe(true);
  });
});

describe("ECDSA P-256 against node:crypto", () => {
  it("node verifies our signatures and we verify node's, over SHA-256/384/1 hashes (1000 keys)", () => {
    for (let i = 0; i < 1000; i++) {
      const { d, pub } = randomKey();
      const msg = crypto.randomBytes(i % 100);
      const alg = ["sha256", "sha384", "sha1"][i % 3];
      const h = crypto.createHash(alg).update(msg).digest();
      const ours = ec.ecdsaP256Sign(d, h, crypto.randomBytes(32));
      expect(ours.length).toBe(64);
      const pubKey = jwkPub(pub);
      expect(crypto.verify(alg, msg, { key: pubKey, dsaEncoding: "ieee-p1363" }, ours)).toBe(true);
      expect(crypto.verify(alg, msg, pubKey, ec.ecdsaSigToDer(ours))).toBe(true);
      const theirs = crypto.sign(alg, msg, jwkPriv(d, pub));
      const rs = ec.ecdsaSigFromDer(theirs);
      expect(rs).not.toBeNull();
      expect(hex(ec.ecdsaSigToDer(rs))).toBe(hex(theirs));
      expect(ec.ecdsaP256Verify(pub, h, rs.subarray(0, 32), rs.subarray(32))).toBe(true);
      // a flipped bit in the hash (its leftmost 256 bits: the rest is not used), r or s
      const h2 = Uint8Array.from(h); h2[i % Math.min(32, h2.length)] ^= 1 << (i % 8);
      expect(ec.ecdsaP256Verify(pub, h2, rs.subarray(0, 32), rs.subarray(32))).toBe(false);
      const rs2 = Uint8Array.from(rs); rs2[i % 64] ^= 1 << (i % 8);
      expect(ec.ecdsaP256Verify(pub, h, rs2.subarray(0, 32), rs2.subarray(32))).toBe(false);
    }
  });

  it("r or s = 0, = n, > n are refused; high S (n - s) is accepted, as OpenSSL", () => {
    const { d, pub } = randomKey();
    const h = sha256(Buffer.from("edge"));
    const sig = ec.ecdsaP256Sign(d, h, crypto.randomBytes(32));
    const r = big(sig.subarray(0, 32)), s = big(sig.subarray(32));
    for (const [rr, ss] of [[0n, s], [r, 0n], [N, s], [r, N], [r + N < 2n ** 256n ? r + N : 2n ** 256n - 1n, s], [r, 2n ** 256n - 1n], [0n, 0n]]) {
      expect(ec.ecdsaP256Verify(pub, h, be32(rr), be32(ss))).toBe(false);
    }
    const hi = be32(N - s);
    expect(ec.ecdsaP256Verify(pub, h, sig.subarray(0, 32), hi)).toBe(true);
    expect(crypto.verify("sha256", Buffer.from("edge"), { key: jwkPub(pub), dsaEncoding: "ieee-p1363" }, Buffer.concat([sig.subarray(0, 32), hi]))).toBe(true);
  });

  it("the doubling and opposite cases of u1 G + u2 Q: same verdict as node", () => {
    const inv = (a: bigint) => { let r = 1n, b = ((a % N) + N) % N, e = N - 2n; while (e > 0n) { if (e & 1n) r = r * b % N; b = b * b % N; e >>= 1n; } return r; };
    for (let t = 0; t < 4; t++) {
      const msg = crypto.randomBytes(16);
      const h = sha256(msg), e = big(h) % N;
      const k = big(crypto.randomBytes(32)) % N;
      const r = big(ec.p256PublicKey(be32(k)).subarray(1, 33)) % N;
      // key d = e / r: u1 = e/s = u2 d, so [u1]G = [u2]Q and the sum needs a doubling; s = 2e / k
      const d = e * inv(r) % N;
      const pub = ec.p256PublicKey(be32(d));
      const s = 2n * e * inv(k) % N;
      expect(ec.ecdsaP256Verify(pub, h, be32(r), be32(s))).toBe(true);
      expect(crypto.verify("sha256", msg, { key: jwkPub(pub), dsaEncoding: "ieee-p1363" }, Buffer.concat([be32(r), be32(s)]))).toBe(true);
      // key d = -e / r: u1 G + u2 Q = (e + r d)/s G is infinity whatever s: refused
      const pub2 = ec.p256PublicKey(be32((N - d) % N));
      const s2 = (big(crypto.randomBytes(32)) % (N - 1n)) + 1n;
      expect(ec.ecdsaP256Verify(pub2, h, be32(r), be32(s2))).toBe(false);
      expect(crypto.verify("sha256", msg, { key: jwkPub(pub2), dsaEncoding: "ieee-p1363" }, Buffer.concat([be32(r), be32(s2)]))).toBe(false);
    }
  });

  it("a signature whose R has x >= n (r = x - n, the rare second comparison) verifies, as in node", () => {
    // Affine BigInt arithmetic (test-side only) to build the case: pick R on the curve with
    // n <= x < p, then choose s and the key Q = (R - u1 G) / u2 so that u1 G + u2 Q = R.
    const Bc = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
    const G: [bigint, bigint] = [0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
      0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n];
    const md = (a: bigint, m: bigint) => ((a % m) + m) % m;
    const inv = (a: bigint, m: bigint) => { let [r0, r1, s0, s1] = [md(a, m), m, 1n, 0n]; while (r1) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [s0, s1] = [s1, s0 - q * s1]; } return md(s0, m); };
    const pw = (b: bigint, e: bigint) => { let r = 1n; b = md(b, P); while (e > 0n) { if (e & 1n) r = r * b % P; b = b * b % P; e >>= 1n; } return r; };
    type Pt = [bigint, bigint] | null;
    const add = (a: Pt, b: Pt): Pt => {
      if (!a) return b; if (!b) return a;
      if (a[0] === b[0] && md(a[1] + b[1], P) === 0n) return null;
      const l = a[0] === b[0] ? md((3n * a[0] * a[0] - 3n) * inv(2n * a[1], P), P) : md((b[1] - a[1]) * inv(b[0] - a[0], P), P);
      const x = md(l * l - a[0] - b[0], P);
      return [x, md(l * (a[0] - x) - a[1], P)];
    };
    const mul = (k: bigint, p: Pt): Pt => { let r: Pt = null; for (let i = 255; i >= 0; i--) { r = add(r, r); if ((k >> BigInt(i)) & 1n) r = add(r, p); } return r; };
    let R: Pt = null;
    for (let x = N; !R; x++) {
      const y2 = md(x * x * x - 3n * x + Bc, P), y = pw(y2, (P + 1n) / 4n);
      if (y * y % P === y2) R = [x, y];
    }
    const r = R![0] - N;
    const msg = Buffer.from("x >= n");
    const h = sha256(msg), e = big(h) % N;
    const s = 0x1234567890abcdefn;
    const w = inv(s, N), u1 = e * w % N, u2 = r * w % N;
    const Q = mul(inv(u2, N), add(R, mul(N - u1, G)))!;
    const pub = Uint8Array.from([4, ...be32(Q[0]), ...be32(Q[1])]);
    expect(ec.ecdsaP256Verify(pub, h, be32(r), be32(s))).toBe(true);
    expect(crypto.verify("sha256", msg, { key: jwkPub(pub), dsaEncoding: "ieee-p1363" }, Buffer.concat([be32(r), be32(s)]))).toBe(true);
    // and the same r without the wrap does not verify for a different x
    expect(ec.ecdsaP256Verify(pub, h, be32(r + 1n), be32(s))).toBe(false);
  });

  it("bad public keys and lengths make verification false, never a trap", () => {
    const { d, pub } = randomKey();
    const h = sha256(Buffer.from("k"));
    const sig = ec.ecdsaP256Sign(d, h, new Uint8Array(32));
    const r = sig.subarray(0, 32), s = sig.subarray(32);
    const offCurve = Uint8Array.from(pub); offCurve[64] ^= 1;
    for (const k of [offCurve, new Uint8Array(65), pub.subarray(0, 33), new Uint8Array(0)]) expect(ec.ecdsaP256Verify(k, h, r, s)).toBe(false);
    expect(ec.ecdsaP256Verify(pub, h, r.subarray(1), s)).toBe(false);
    expect(ec.ecdsaP256Verify(pub, h, r, new Uint8Array(33))).toBe(false);
    expect(ec.ecdsaP256Sign(new Uint8Array(32), h, new Uint8Array(32)).length).toBe(0); // d = 0
    expect(ec.ecdsaP256Sign(be32(N), h, new Uint8Array(32)).length).toBe(0);
    // private key 1 and n - 1 sign and node agrees
    for (const dd of [1n, N - 1n]) {
      const pk = ec.p256PublicKey(be32(dd));
      const sg = ec.ecdsaP256Sign(be32(dd), h, crypto.randomBytes(32));
      expect(crypto.verify("sha256", Buffer.from("k"), { key: jwkPub(pk), dsaEncoding: "ieee-p1363" }, sg)).toBe(true);
    }
  });
});

describe("ECDSA signature DER codec (RFC 3279 §2.2.3)", () => {
  it("encodes minimal INTEGERs (sign byte when the high bit is set, leading zeros stripped)", () => {
    const rs = new Uint8Array(64); rs[31] = 1; rs[32] = 0x80;
    expect(hex(ec.ecdsaSigToDer(rs))).toBe("3026020101022100" + "80" + "00".repeat(31));
    const z = new Uint8Array(64);
    expect(hex(ec.ecdsaSigToDer(z))).toBe("3006020100020100");
    expect(hex(ec.ecdsaSigFromDer(unhex("3006020100020100")))).toBe(hex(z));
    expect(ec.ecdsaSigToDer(new Uint8Array(63)).length).toBe(0);
  });
  it("refuses non-strict DER", () => {
    const bad = [
      "", "30", "3000", "3006020101020101ff", "3007020101020101", "3005020101020101",
      "300702020001020101",           // non-minimal (leading zero not needed)
      "3006020181020101",             // negative r
      "3006020101020181",             // negative s
      "30810602010102010100",         // long-form length where short form fits
      "310602010102010100".slice(0, 16), // SET, not SEQUENCE
      "3006030101020101",             // BIT STRING, not INTEGER
      "30050200020101",               // zero-length INTEGER
      "3026022101" + "00".repeat(32) + "020101", // r of 33 significant bytes
      "3028022300" + "ff".repeat(34) + "020101",
      "30080201010201010000",         // trailing bytes inside the SEQUENCE
    ];
    for (const b of bad) expect(ec.ecdsaSigFromDer(unhex(b))).toBeNull();
    expect(hex(ec.ecdsaSigFromDer(unhex("3006020101020101")))).toBe("00".repeat(31) + "01" + "00".repeat(31) + "01");
  });
  it("mutated DER signatures: our parse-then-verify agrees with node's verify, never a trap (1500 cases)", () => {
    const { d, pub } = randomKey();
    const pubKey = jwkPub(pub);
    const msg = Buffer.from("der fuzz");
    const h = sha256(msg);
    for (let i = 0; i < 1500; i++) {
      const der = Uint8Array.from(ec.ecdsaSigToDer(ec.ecdsaP256Sign(d, h, crypto.randomBytes(32))));
      let m: Uint8Array;
      switch (i % 5) {
        case 0: m = der.subarray(0, i % der.length); break;                        // truncated
        case 1: m = Uint8Array.from(der); m[i % der.length] ^= 1 << (i % 8); break; // a flipped bit
        case 2: m = Uint8Array.from([...der, i & 0xff]); break;                    // trailing byte
        case 3: m = Uint8Array.from(der); m[(i >> 3) % der.length] = i & 0xff; break;
        default: m = crypto.randomBytes(i % 80);
      }
      const rs = ec.ecdsaSigFromDer(m);
      const ours = rs !== null && ec.ecdsaP256Verify(pub, h, rs.subarray(0, 32), rs.subarray(32));
      expect(ours).toBe(crypto.verify("sha256", msg, pubKey, m));
    }
  });
});
