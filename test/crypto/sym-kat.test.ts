// Every published known answer for the symmetric primitives, in full (test/crypto/kat-vectors.ts):
// the FIPS 180-4 examples not in sym-hash.test.ts, RFC 4231 HMAC (cases 1-7, SHA-256/384/512), RFC 5869 HKDF (cases 1-7), the P_SHA256 TLS 1.2 PRF
// vector, RFC 8439 (§2.3.2-§2.8.2 and Appendix A: block function, encryption, Poly1305 with its
// reduction edge cases, key generation, AEAD) and the GCM specification's test cases 1-18 (AES-128,
// -192, -256; 96-bit, 64-bit and 480-bit IVs). The AEADs and ChaCha20/Poly1305 run on both the
// scalar and the wasm-SIMD build. Then AEAD edge cases with long associated data.
import { type CipherGCM, createCipheriv } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import * as V from "./kat-vectors.ts";
import { hex, loadSym, prng, unhex } from "./sym-helpers.ts";

const HASH_ID: Record<string, number> = { sha1: 1, sha256: 2, sha384: 3, sha512: 4 };

describe("HMAC, HKDF and the TLS 1.2 PRF: published vectors", () => {
  let w: any;
  beforeAll(async () => { w = await instantiateCore("test/crypto-sym"); });

  it.each(V.RFC4231)("RFC 4231 test case $tc, HMAC-SHA-256/384/512", (t) => {
    for (const alg of ["sha256", "sha384", "sha512"] as const) {
      const want = t[alg];
      const got = hex(w.hHmac(HASH_ID[alg], unhex(t.key), unhex(t.data)));
      expect(got.length, alg).toBe(t.tc === 5 ? { sha256: 64, sha384: 96, sha512: 128 }[alg] : want.length);
      expect(got.slice(0, want.length), alg).toBe(want); // case 5 publishes 128 bits of the tag
    }
  });

  it.each(V.RFC5869)("RFC 5869 test case $tc ($hash): PRK and OKM", (t) => {
    const prk = w.hHkdfExtract(HASH_ID[t.hash], unhex(t.salt), unhex(t.ikm));
    expect(hex(prk)).toBe(t.prk);
    expect(hex(w.hHkdfExpand(HASH_ID[t.hash], prk, unhex(t.info), t.len))).toBe(t.okm);
    if (t.tc === 7) {
      // "salt not provided": the empty salt must act as HashLen zero octets (RFC 5869 §2.2).
      expect(hex(w.hHkdfExtract(HASH_ID[t.hash], new Uint8Array(0), unhex(t.ikm)))).toBe(t.prk);
    }
  });

  it("FIPS 180-4 examples: empty messages (SHA-1/384/512) and one million 'a' (SHA-384/512)", () => {
    for (const [alg, want] of Object.entries(V.SHA_EXTRA.empty)) expect(hex(w.hHashOf(HASH_ID[alg], new Uint8Array(0))), alg).toBe(want);
    const m = new Uint8Array(1_000_000).fill(0x61);
    expect(hex(w.hSha384(m))).toBe(V.SHA_EXTRA.millionA.sha384);
    expect(hex(w.hSha512(m))).toBe(V.SHA_EXTRA.millionA.sha512);
  });

  it("TLS 1.2 PRF P_SHA256 vector, all 100 bytes, and every prefix length", () => {
    const p = V.PRF_SHA256;
    expect(hex(w.hPrf(2, unhex(p.secret), unhex(p.label), unhex(p.seed), 100))).toBe(p.out);
    for (let n = 0; n < 100; n += 7) {
      expect(hex(w.hPrf(2, unhex(p.secret), unhex(p.label), unhex(p.seed), n))).toBe(p.out.slice(0, 2 * n));
    }
  });
});

function nodeGcm(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, pt: Uint8Array): string {
  const c = createCipheriv(`aes-${key.length * 8}-gcm`, key, iv) as CipherGCM;
  c.setAAD(aad);
  return Buffer.concat([c.update(pt), c.final(), c.getAuthTag()]).toString("hex");
}
function nodeChacha(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, pt: Uint8Array): string {
  const c = createCipheriv("chacha20-poly1305", key, nonce, { authTagLength: 16 });
  c.setAAD(aad, { plaintextLength: pt.length });
  return Buffer.concat([c.update(pt), c.final(), c.getAuthTag()]).toString("hex");
}

for (const simd of [false, true]) {
  describe(`published vectors and AEAD edges (${simd ? "wasm SIMD" : "scalar"})`, () => {
    let w: any;
    beforeAll(async () => { w = await loadSym(simd); }, 200_000);

    it("RFC 8439 §2.3.2 and A.1: the ChaCha20 block function (as keystream over zeros)", () => {
      for (const t of V.CHACHA_BLOCK) {
        expect(hex(w.hChaCha20(unhex(t.key), unhex(t.nonce), t.ctr, new Uint8Array(64))), `ctr ${t.ctr}`).toBe(t.out);
      }
    });
    it("RFC 8439 §2.4.2 and A.2: ChaCha20 encryption, every byte, both directions", () => {
      for (const t of V.CHACHA_ENCRYPT) {
        expect(hex(w.hChaCha20(unhex(t.key), unhex(t.nonce), t.ctr, unhex(t.pt)))).toBe(t.ct);
        expect(hex(w.hChaCha20(unhex(t.key), unhex(t.nonce), t.ctr, unhex(t.ct)))).toBe(t.pt);
      }
    });
    it("RFC 8439 §2.5.2 and A.3: Poly1305, including the reduction edge cases 5-11", () => {
      V.POLY1305.forEach((t, i) => expect(hex(w.hPoly1305(unhex(t.key), unhex(t.msg))), `vector ${i}`).toBe(t.tag));
    });
    it("RFC 8439 §2.6.2 and A.4: the Poly1305 one-time key is block 0", () => {
      for (const t of V.POLY1305_KEYGEN) expect(hex(w.hChaCha20(unhex(t.key), unhex(t.nonce), 0, new Uint8Array(32)))).toBe(t.otk);
    });
    it("RFC 8439 §2.8.2 and A.5: AEAD seal gives ciphertext and tag byte for byte; open inverts it", () => {
      for (const t of V.CHACHA_AEAD) {
        const sealed = w.hChachaSeal(unhex(t.key), unhex(t.nonce), unhex(t.aad), unhex(t.pt));
        expect(hex(sealed)).toBe(t.ct + t.tag);
        expect(hex(w.hChachaOpen(unhex(t.key), unhex(t.nonce), unhex(t.aad), sealed))).toBe(t.pt);
        expect(hex(w.hChachaInPlace(unhex(t.key), unhex(t.nonce), unhex(t.aad), unhex(t.pt), 16))).toBe(t.ct + t.tag);
      }
    });

    it.each(V.GCM_SPEC)("GCM specification test case $tc: ciphertext and tag, open, in place", (t) => {
      const key = unhex(t.key), iv = unhex(t.iv), aad = unhex(t.aad), pt = unhex(t.pt);
      const sealed = w.hGcmSeal(key, iv, aad, pt);
      expect(hex(sealed)).toBe(t.ct + t.tag);
      expect(hex(w.hGcmOpen(key, iv, aad, sealed))).toBe(t.pt);
      expect(hex(w.hGcmInPlace(key, iv, aad, pt, 16))).toBe(t.ct + t.tag);
      const bad = sealed.slice(); bad[bad.length - 1] ^= 1;
      expect(w.hGcmOpen(key, iv, aad, bad)).toBeNull();
    });

    it("long associated data: every AAD length 0..300 and some up to 70 000 bytes, both AEADs, vs node", () => {
      const r = prng(simd ? 81 : 82);
      const lens: number[] = [];
      for (let n = 0; n <= 300; n++) lens.push(n);
      lens.push(1023, 1024, 1025, 4095, 16384, 16400, 65535, 65536, 70_000);
      lens.forEach((al, i) => {
        const aad = r.bytes(al), pt = r.bytes(i % 3 === 0 ? 0 : r.below(300)), nonce = r.bytes(12);
        const ck = r.bytes(32), gk = r.bytes([16, 24, 32][i % 3]);
        const c = nodeChacha(ck, nonce, aad, pt), g = nodeGcm(gk, nonce, aad, pt);
        expect(hex(w.hChachaSeal(ck, nonce, aad, pt)), `chacha aad ${al}`).toBe(c);
        expect(hex(w.hGcmSeal(gk, nonce, aad, pt)), `gcm aad ${al}`).toBe(g);
        if (i % 10 === 0) {
          expect(hex(w.hChachaOpen(ck, nonce, aad, unhex(c)))).toBe(hex(pt));
          expect(hex(w.hGcmOpen(gk, nonce, aad, unhex(g)))).toBe(hex(pt));
          // the last AAD byte changed: both refuse
          if (al > 0) {
            const a2 = aad.slice(); a2[al - 1] ^= 0x80;
            expect(w.hChachaOpen(ck, nonce, a2, unhex(c))).toBeNull();
            expect(w.hGcmOpen(gk, nonce, a2, unhex(g))).toBeNull();
          }
        }
      });
    });

    it("empty plaintext with AAD, and empty both: a bare tag that authenticates the AAD alone", () => {
      const r = prng(simd ? 83 : 84);
      for (let i = 0; i < 40; i++) {
        const aad = r.bytes(i * 5), k = r.bytes(32), n = r.bytes(12), e = new Uint8Array(0);
        const c: Uint8Array = w.hChachaSeal(k, n, aad, e), g: Uint8Array = w.hGcmSeal(k, n, aad, e);
        expect(hex(c)).toBe(nodeChacha(k, n, aad, e));
        expect(hex(g)).toBe(nodeGcm(k, n, aad, e));
        expect(w.hChachaOpen(k, n, aad, c).length).toBe(0);
        expect(w.hGcmOpen(k, n, aad, g).length).toBe(0);
        for (const t of [c, g]) {
          for (let bit = 0; bit < 128; bit += 9) {
            const bad = t.slice(); bad[bit >> 3] ^= 1 << (bit & 7);
            expect(t === c ? w.hChachaOpen(k, n, aad, bad) : w.hGcmOpen(k, n, aad, bad)).toBeNull();
          }
        }
      }
    });

    it("ChaCha20's 32-bit block counter wraps to 0 inside a call without touching the nonce", () => {
      // RFC 8439 §2.3 makes the counter 32 bits; node carries into the nonce, so each expected block
      // is taken from node one at a time, at its own counter value.
      const r = prng(simd ? 87 : 88);
      for (const start of [0xfffffffc, 0xfffffffd, 0xfffffffe, 0xffffffff]) {
        const key = r.bytes(32), nonce = r.bytes(12), data = r.bytes(64 * 9 - 13);
        const ks: Buffer[] = [];
        for (let b = 0; b < 9; b++) {
          const iv = Buffer.alloc(16); iv.writeUInt32LE((start + b) >>> 0, 0); iv.set(nonce, 4);
          ks.push(createCipheriv("chacha20", key, iv).update(Buffer.alloc(64)));
        }
        const stream = Buffer.concat(ks);
        const want = Buffer.from(data.map((x, i) => x ^ stream[i]));
        expect(hex(w.hChaCha20(key, nonce, start, data)), `start ${start.toString(16)}`).toBe(want.toString("hex"));
      }
    });

    it("ChaCha20 alone: 1200 random keys, nonces, start counters and lengths against node's chacha20", () => {
      const r = prng(simd ? 85 : 86);
      for (let i = 0; i < 1200; i++) {
        const key = r.bytes(32), nonce = r.bytes(12), data = r.bytes(r.below(700));
        // Stay below the 32-bit counter wrap, which node carries into the nonce and RFC 8439 does not.
        const ctr = r.next() % (0x100000000 - 16);
        const iv = Buffer.alloc(16); iv.writeUInt32LE(ctr, 0); iv.set(nonce, 4);
        const c = createCipheriv("chacha20", key, iv);
        expect(hex(w.hChaCha20(key, nonce, ctr, data)), `ctr ${ctr} len ${data.length}`)
          .toBe(Buffer.concat([c.update(data), c.final()]).toString("hex"));
      }
    });
  });
}
