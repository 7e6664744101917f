// Ed25519 (assembly/tls/crypto/ed25519.ts): RFC 8032 §7.1 vectors, a cross-check against
// node:crypto (OpenSSL) on random keys and messages, and edge cases where both must agree:
// non-canonical S, bad or small-order public keys, non-canonical encodings, flipped bits.
import { beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { instantiateCore } from "../../host/node/wasm.ts";

let ec: any;
beforeAll(async () => { ec = await instantiateCore("test/crypto-ec"); });

const unhex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const hex = (u: Uint8Array) => Buffer.from(u).toString("hex");
const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const le32 = (v: bigint) => { const b = new Uint8Array(32); for (let i = 0; i < 32; i++) { b[i] = Number(v & 0xffn); v >>= 8n; } return b; };
const fromLe = (b: Uint8Array) => { let v = 0n; for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]); return v; };

// RFC 8410 DER wrappers for node:crypto.
const PKCS8 = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI = Buffer.from("302a300506032b6570032100", "hex");
const nodePriv = (seed: Uint8Array) => crypto.createPrivateKey({ key: Buffer.concat([PKCS8, seed]), format: "der", type: "pkcs8" });
function nodeVerify(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.concat([SPKI, pub]), format: "der", type: "spki" });
    return crypto.verify(null, msg, key, sig);
  } catch { return false; }
}

describe("Ed25519 known answers (RFC 8032 §7.1)", () => {
  const vectors = [
    ["9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"],
    ["4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"],
    ["c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7", "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
      "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"],
  ];
  it.each(vectors)("TEST seed %s", (seed, pub, msg, sig) => {
    expect(hex(ec.ed25519PublicKey(unhex(seed)))).toBe(pub);
    expect(hex(ec.ed25519Sign(unhex(seed), unhex(msg)))).toBe(sig);
    expect(ec.ed25519Verify(unhex(pub), unhex(msg), unhex(sig))).toBe(true);
    expect(ec.ed25519Verify(unhex(pub), Buffer.concat([unhex(msg), Buffer.from([0])]), unhex(sig))).toBe(false);
  });
});

describe("Ed25519 against node:crypto", () => {
  it("keys, signatures and verification agree on 1000 random seeds and messages", () => {
    for (let i = 0; i < 1000; i++) {
      const seed = crypto.randomBytes(32);
      const msg = crypto.randomBytes(i % 300);
      const key = nodePriv(seed);
      const pub = crypto.createPublicKey(key).export({ format: "der", type: "spki" }).subarray(12);
      const nodeSig = crypto.sign(null, msg, key);
      expect(hex(ec.ed25519PublicKey(seed))).toBe(hex(pub));
      const sig = ec.ed25519Sign(seed, msg);
      expect(hex(sig)).toBe(hex(nodeSig));
      expect(ec.ed25519Verify(pub, msg, nodeSig)).toBe(true);
      // a flipped bit in the message, in R, in S: both refuse
      if (i % 3 === 0) {
        const bit = i % 8;
        const m2 = Buffer.from(msg.length ? msg : Buffer.from([0])); m2[i % m2.length] ^= 1 << bit;
        if (msg.length) expect(ec.ed25519Verify(pub, m2, sig)).toBe(false);
        const s2 = Uint8Array.from(sig); s2[(i * 7) % 64] ^= 1 << bit;
        expect(ec.ed25519Verify(pub, msg, s2)).toBe(nodeVerify(pub, msg, s2));
        expect(ec.ed25519Verify(pub, msg, s2)).toBe(false);
      }
    }
  });
});

describe("Ed25519 edge cases agree with OpenSSL", () => {
  const seed = unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  const pub = unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  const msg = Buffer.from("wasock");

  it("S + L (non-canonical S, same value mod L) and S with high bits set are refused", () => {
    const sig = ec.ed25519Sign(seed, msg);
    expect(ec.ed25519Verify(pub, msg, sig)).toBe(true);
    const s = fromLe(sig.subarray(32));
    for (const s2 of [s + L, s + 2n * L, s + 2n ** 253n, L, 2n ** 256n - 1n]) {
      if (s2 >= 2n ** 256n) continue;
      const bad = Uint8Array.from(sig); bad.set(le32(s2), 32);
      expect(ec.ed25519Verify(pub, msg, bad)).toBe(false);
      expect(nodeVerify(pub, msg, bad)).toBe(false);
    }
  });

  // y values whose x^2 = (y^2 - 1)/(d y^2 + 1) is not a square: not points on the curve.
  const d = (((-121665n * modPow(121666n, P - 2n)) % P) + P) % P;
  function modPow(b: bigint, e: bigint): bigint { let r = 1n; b %= P; while (e > 0n) { if (e & 1n) r = r * b % P; b = b * b % P; e >>= 1n; } return r; }
  const isSquare = (v: bigint) => v === 0n || modPow(v, (P - 1n) / 2n) === 1n;
  const onCurve = (y: bigint) => isSquare((((y * y - 1n) % P + P) % P) * modPow((d * y * y + 1n) % P, P - 2n) % P);

  it("public keys that are not on the curve never verify", () => {
    let found = 0;
    for (let y = 2n; found < 8; y++) {
      if (onCurve(y)) continue;
      found++;
      const a = le32(y);
      const sig = ec.ed25519Sign(seed, msg);
      expect(ec.ed25519Verify(a, msg, sig)).toBe(false);
      expect(nodeVerify(a, msg, sig)).toBe(false);
    }
  });

  it("small-order and non-canonical public keys, x = 0 with the sign bit: same verdict as node", () => {
    // identity (0, 1), its non-canonical y = p + 1, its sign-bit variant; (0, -1) of order 2;
    // and the order-4 points (±sqrt(-1)... y = 0).
    const keys = [le32(1n), le32(P + 1n), (() => { const k = le32(1n); k[31] |= 0x80; return k; })(),
      le32(P - 1n), (() => { const k = le32(P - 1n); k[31] |= 0x80; return k; })(), le32(0n), le32(P)];
    // R = identity, S = 0: [0]B - [k]A = -[k]A, which is the identity for A = identity
    const trivial = new Uint8Array(64); trivial[0] = 1;
    for (const a of keys) {
      for (let m = 0; m < 6; m++) {
        const mm = Buffer.from([m]);
        expect(ec.ed25519Verify(a, mm, trivial)).toBe(nodeVerify(a, mm, trivial));
        const sig = ec.ed25519Sign(seed, mm);
        expect(ec.ed25519Verify(a, mm, sig)).toBe(nodeVerify(a, mm, sig));
      }
    }
    // What OpenSSL does, pinned: the identity key accepts the trivial signature (cofactorless
    // verification does not refuse small-order keys), and so do its non-canonical y = p + 1 and
    // its x = 0-with-sign-bit encodings.
    expect(ec.ed25519Verify(keys[0], msg, trivial)).toBe(true);
    expect(ec.ed25519Verify(keys[1], msg, trivial)).toBe(true);
    expect(ec.ed25519Verify(keys[2], msg, trivial)).toBe(true);
  });

  it("non-canonical R encodings never verify (R is compared as re-encoded bytes)", () => {
    // A signature whose R is the identity (S = 0 under the identity key) with R written as y = p + 1
    const a = le32(1n);
    const sig = new Uint8Array(64); sig.set(le32(P + 1n), 0);
    expect(ec.ed25519Verify(a, msg, sig)).toBe(false);
    expect(nodeVerify(a, msg, sig)).toBe(false);
  });

  it("random mutations of valid signatures and keys: same verdict as node, never a trap", () => {
    const seeds = [crypto.randomBytes(32), crypto.randomBytes(32)];
    for (let i = 0; i < 300; i++) {
      const sd = seeds[i & 1];
      const m = crypto.randomBytes(i % 40);
      const p = Uint8Array.from(ec.ed25519PublicKey(sd));
      const s = Uint8Array.from(ec.ed25519Sign(sd, m));
      const which = i % 3;
      if (which === 0) p[i % 32] ^= 1 << (i % 8);
      else if (which === 1) s[i % 64] = (i * 37) & 0xff;
      else crypto.randomFillSync(s, 0, 32);
      expect(ec.ed25519Verify(p, m, s)).toBe(nodeVerify(p, m, s));
    }
  });

  it("wrong lengths are refused", () => {
    const sig = ec.ed25519Sign(seed, msg);
    expect(ec.ed25519Verify(pub.subarray(1), msg, sig)).toBe(false);
    expect(ec.ed25519Verify(pub, msg, sig.subarray(1))).toBe(false);
    expect(ec.ed25519Verify(pub, msg, new Uint8Array(65))).toBe(false);
    expect(ec.ed25519Sign(new Uint8Array(31), msg).length).toBe(0);
    expect(ec.ed25519PublicKey(new Uint8Array(33)).length).toBe(0);
  });
});
