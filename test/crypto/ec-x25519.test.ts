// X25519 (assembly/tls/crypto/x25519.ts): RFC 7748 vectors, low-order and non-canonical inputs,
// and a cross-check against node:crypto (OpenSSL) on random keys.
import { beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { instantiateCore } from "../../host/node/wasm.ts";

let ec: any;
beforeAll(async () => { ec = await instantiateCore("test/crypto-ec"); });

const unhex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const hex = (u: Uint8Array | null) => (u === null ? "null" : Buffer.from(u).toString("hex"));
const P = 2n ** 255n - 19n;
const le32 = (v: bigint) => { const b = new Uint8Array(32); for (let i = 0; i < 32; i++) { b[i] = Number(v & 0xffn); v >>= 8n; } return b; };

// DER wrappers (RFC 8410) so node:crypto takes raw keys.
const PKCS8_X25519 = Buffer.from("302e020100300506032b656e04220420", "hex");
const SPKI_X25519 = Buffer.from("302a300506032b656e032100", "hex");
const nodePriv = (k: Uint8Array) => crypto.createPrivateKey({ key: Buffer.concat([PKCS8_X25519, k]), format: "der", type: "pkcs8" });
const nodePub = (u: Uint8Array) => crypto.createPublicKey({ key: Buffer.concat([SPKI_X25519, u]), format: "der", type: "spki" });
function nodeX25519(k: Uint8Array, u: Uint8Array): string {
  try { return hex(crypto.diffieHellman({ privateKey: nodePriv(k), publicKey: nodePub(u) })); }
  catch { return "null"; }
}

describe("X25519 known answers", () => {
  it("RFC 7748 §5.2 scalar multiplication vectors (the second with bit 255 of u set)", () => {
    expect(hex(ec.x25519(unhex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
      unhex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))))
      .toBe("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    const k2 = unhex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d");
    const want2 = "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957";
    expect(hex(ec.x25519(k2, unhex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")))).toBe(want2);
    // the same u with the top bit cleared: RFC 7748 §5 masks it
    expect(hex(ec.x25519(k2, unhex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a413")))).toBe(want2);
  });

  it("RFC 7748 §5.2 iterated: 1 and 1000 iterations", () => {
    let k = le32(9n), u = le32(9n);
    for (let i = 1; i <= 1000; i++) {
      const r = ec.x25519(k, u);
      u = k; k = r;
      if (i === 1) expect(hex(k)).toBe("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
    }
    expect(hex(k)).toBe("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
  });

  it("RFC 7748 §6.1 Diffie-Hellman example", () => {
    const a = unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    const b = unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    const pa = ec.x25519Base(a), pb = ec.x25519Base(b);
    expect(hex(pa)).toBe("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    expect(hex(pb)).toBe("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    const shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    expect(hex(ec.x25519(a, pb))).toBe(shared);
    expect(hex(ec.x25519(b, pa))).toBe(shared);
  });
});

describe("X25519 edge cases", () => {
  // Points of order 1, 2, 4 and 8 on Curve25519 and its twist, as u-coordinates (the values
  // libraries reject; the two large ones are the order-8 points), plus non-canonical encodings
  // of 0 and 1 (p, p + 1) and with bit 255 set.
  const lowOrder = [0n, 1n,
    325606250916557431795983626356110631294008115727848805560023387167927233504n,
    39382357235489614581723060781553021112529911719440698176882885853963445705823n,
    P - 1n, P, P + 1n];
  it("low-order points give the all-zero result, reported as null, as OpenSSL refuses them", () => {
    const seeds = [crypto.randomBytes(32), crypto.randomBytes(32), new Uint8Array(32).fill(0xff)];
    for (const v of lowOrder) {
      for (const top of [0, 0x80]) {
        const u = le32(v);
        u[31] |= top;
        for (const k of seeds) {
          expect(ec.x25519(k, u)).toBeNull();
          expect(nodeX25519(k, u)).toBe("null");
        }
      }
    }
  });

  it("a non-canonical u (u + p, bit 255 set) gives the same result as u, and as node", () => {
    for (let i = 2; i < 19; i++) {
      const k = crypto.randomBytes(32);
      const u = BigInt(i);                      // u < 19: u + p still fits in 255 bits
      const canon = ec.x25519(k, le32(u));
      const nonCanon = le32(u + P);
      expect(hex(ec.x25519(k, nonCanon))).toBe(hex(canon));
      nonCanon[31] |= 0x80;
      expect(hex(ec.x25519(k, nonCanon))).toBe(hex(canon));
      expect(nodeX25519(k, nonCanon)).toBe(hex(canon));
    }
  });

  it("wrong lengths are refused, not trapped", () => {
    const k = crypto.randomBytes(32);
    for (const n of [0, 1, 31, 33, 64]) {
      expect(ec.x25519(new Uint8Array(n), k)).toBeNull();
      expect(ec.x25519(k, new Uint8Array(n))).toBeNull();
      expect(ec.x25519Base(new Uint8Array(n)).length).toBe(0);
    }
  });
});

describe("X25519 against node:crypto", () => {
  it("public keys and shared secrets agree on 1000 random key pairs", () => {
    for (let i = 0; i < 1000; i++) {
      const a = crypto.generateKeyPairSync("x25519");
      const b = crypto.generateKeyPairSync("x25519");
      const aPriv = a.privateKey.export({ format: "der", type: "pkcs8" }).subarray(16);
      const bPub = b.publicKey.export({ format: "der", type: "spki" }).subarray(12);
      const aPub = a.publicKey.export({ format: "der", type: "spki" }).subarray(12);
      expect(hex(ec.x25519Base(aPriv))).toBe(hex(aPub));
      expect(hex(ec.x25519(aPriv, bPub))).toBe(hex(crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey })));
    }
  });

  it("random 32-byte strings as u (on the curve or the twist) agree with node", () => {
    for (let i = 0; i < 300; i++) {
      const k = crypto.randomBytes(32), u = crypto.randomBytes(32);
      expect(hex(ec.x25519(k, u))).toBe(nodeX25519(k, u));
    }
  });
});
