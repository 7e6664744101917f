// Published known answers for P-256 and Ed25519 (test/crypto/kat-vectors.ts), beyond those in
// ec-p256.test.ts and ec-ed25519.test.ts: RFC 5903 §8.1 and NIST CAVP ECC CDH for ECDH on P-256,
// RFC 6979 §A.2.5 for ECDSA P-256 with every hash (our signer follows RFC 6979 with HMAC-SHA-256,
// so the SHA-256 signatures are reproduced byte for byte and all ten verify), RFC 8032 §7.1
// TEST 1024 and TEST SHA(abc) for Ed25519.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import * as V from "./kat-vectors.ts";

let ec: any;
beforeAll(async () => { ec = await instantiateCore("test/crypto-ec"); });

const unhex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const hex = (u: Uint8Array | null) => (u === null ? "null" : Buffer.from(u).toString("hex"));

describe("P-256 ECDH known answers", () => {
  it("RFC 5903 §8.1: both public keys, and the shared x from both sides", () => {
    const t = V.RFC5903;
    expect(hex(ec.p256PublicKey(unhex(t.i)))).toBe(t.gi);
    expect(hex(ec.p256PublicKey(unhex(t.r)))).toBe(t.gr);
    expect(hex(ec.p256Ecdh(unhex(t.i), unhex(t.gr)))).toBe(t.girx);
    expect(hex(ec.p256Ecdh(unhex(t.r), unhex(t.gi)))).toBe(t.girx);
  });
  it.each(V.CAVP_CDH_P256.map((t, i) => ({ ...t, count: i })))("NIST CAVP ECC CDH P-256 COUNT $count", (t) => {
    expect(hex(ec.p256PublicKey(unhex(t.d)))).toBe(t.pub);
    expect(hex(ec.p256Ecdh(unhex(t.d), unhex(t.peer)))).toBe(t.z);
  });
});

describe("ECDSA P-256 known answers (RFC 6979 §A.2.5)", () => {
  const t = V.RFC6979_P256;
  it("the key pair", () => { expect(hex(ec.p256PublicKey(unhex(t.x)))).toBe(t.pub); });
  it.each(t.sigs)("$hash, message '$msg': the published signature verifies; altered, it does not", (s) => {
    const h = createHash(s.hash).update(s.msg).digest();
    const r = unhex(s.r), sv = unhex(s.s), pub = unhex(t.pub);
    expect(ec.ecdsaP256Verify(pub, h, r, sv)).toBe(true);
    const h2 = Uint8Array.from(h); h2[0] ^= 1; // (only the leftmost 256 bits of a longer hash count)
    expect(ec.ecdsaP256Verify(pub, h2, r, sv)).toBe(false);
    const s2 = Uint8Array.from(sv); s2[31] ^= 1;
    expect(ec.ecdsaP256Verify(pub, h, r, s2)).toBe(false);
    expect(ec.ecdsaP256Verify(pub, h, sv, r)).toBe(false); // r and s swapped
    // The DER form round-trips to the same pair.
    expect(hex(ec.ecdsaSigFromDer(ec.ecdsaSigToDer(unhex(s.r + s.s))))).toBe(s.r + s.s);
    // SHA-256 is the hash our RFC 6979 nonce uses: with no extra entropy, signing reproduces it.
    if (s.hash === "sha256") expect(hex(ec.ecdsaP256Sign(unhex(t.x), h, new Uint8Array(0)))).toBe(s.r + s.s);
  });
});

describe("Ed25519 known answers (RFC 8032 §7.1 TEST 1024 and TEST SHA(abc))", () => {
  it.each([["TEST 1024", V.RFC8032_1024], ["TEST SHA(abc)", V.RFC8032_SHA_ABC]])("%s: public key, signature byte for byte, verification", (_, t) => {
    expect(hex(ec.ed25519PublicKey(unhex(t.seed)))).toBe(t.pub);
    expect(hex(ec.ed25519Sign(unhex(t.seed), unhex(t.msg)))).toBe(t.sig);
    expect(ec.ed25519Verify(unhex(t.pub), unhex(t.msg), unhex(t.sig))).toBe(true);
    const bad = unhex(t.sig); bad[63] ^= 0x01;
    expect(ec.ed25519Verify(unhex(t.pub), unhex(t.msg), bad)).toBe(false);
  });
});
