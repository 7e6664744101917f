// ChaCha20, Poly1305 and AEAD_CHACHA20_POLY1305 (RFC 8439) — RFC vectors, edge cases, and
// node:crypto cross-checks — on both a scalar and a wasm-SIMD build of the harness.
import { createCipheriv, createDecipheriv } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ascii, hex, loadSym, prng, unhex } from "./sym-helpers.ts";

const KEY_2_8 = unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
const NONCE_2_8 = unhex("070000004041424344454647");
const AAD_2_8 = unhex("50515253c0c1c2c3c4c5c6c7");
const SUNSCREEN = ascii("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");

// RFC 8439 §2.5.1 Poly1305 written directly with BigInt arithmetic: an independent reference that
// accepts any key (node:crypto only reaches Poly1305 through keys derived by ChaCha20).
function polyRef(key: Uint8Array, msg: Uint8Array): string {
  const le = (b: Uint8Array) => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
  const r = le(key.subarray(0, 16)) & 0x0ffffffc0ffffffc0ffffffc0fffffffn;
  const s = le(key.subarray(16, 32));
  const p = (1n << 130n) - 5n;
  let acc = 0n;
  for (let i = 0; i < msg.length; i += 16) {
    const blk = msg.subarray(i, i + 16);
    acc = ((acc + le(blk) + (1n << BigInt(8 * blk.length))) * r) % p;
  }
  let t = (acc + s) & ((1n << 128n) - 1n);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) { out[i] = Number(t & 0xffn); t >>= 8n; }
  return hex(out);
}

function nodeSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, pt: Uint8Array): string {
  const c = createCipheriv("chacha20-poly1305", key, nonce, { authTagLength: 16 });
  c.setAAD(aad, { plaintextLength: pt.length });
  return Buffer.concat([c.update(pt), c.final(), c.getAuthTag()]).toString("hex");
}

for (const simd of [false, true]) {
  describe(`ChaCha20-Poly1305 (${simd ? "wasm SIMD" : "scalar"})`, () => {
    let w: any;
    beforeAll(async () => { w = await loadSym(simd); }, 200_000);

    it("RFC 8439 §2.4.2 ChaCha20 encryption (counter 1)", () => {
      const key = unhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
      const nonce = unhex("000000000000004a00000000");
      const ct = w.hChaCha20(key, nonce, 1, SUNSCREEN);
      expect(hex(ct).slice(0, 64)).toBe("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b");
      expect(hex(ct).slice(-32)).toBe("5af90bbf74a35be6b40b8eedf2785e42874d".slice(-32));
    });
    it("RFC 8439 §2.5.2 Poly1305", () => {
      const key = unhex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
      expect(hex(w.hPoly1305(key, ascii("Cryptographic Forum Research Group")))).toBe("a8061dc1305136c6c22b8baf0c0127a9");
    });
    it("Poly1305 matches a BigInt reference for extreme and random keys and messages", () => {
      const r = prng(26);
      const keys = [new Uint8Array(32).fill(0xff), new Uint8Array(32), new Uint8Array(32).fill(0x80)];
      const k2 = new Uint8Array(32).fill(0xff); k2.fill(0, 16); keys.push(k2); // r max, s = 0
      const k3 = new Uint8Array(32); k3[0] = 2; keys.push(k3);                   // r = 2: h wraps past p often
      for (let i = 0; i < 40; i++) keys.push(r.bytes(32));
      for (const key of keys) {
        for (const n of [0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 130, 256, 1000]) {
          for (const fill of [0xff, 0x00, -1]) {
            const msg = fill < 0 ? r.bytes(n) : new Uint8Array(n).fill(fill);
            expect(hex(w.hPoly1305(key, msg)), `key ${hex(key).slice(0, 8)} len ${n}`).toBe(polyRef(key, msg));
          }
        }
      }
    });
    it("RFC 8439 §2.8.2 AEAD seal", () => {
      const sealed = hex(w.hChachaSeal(KEY_2_8, NONCE_2_8, AAD_2_8, SUNSCREEN));
      expect(sealed.slice(0, 32)).toBe("d31a8d34648e60db7b86afbc53ef7ec2");
      expect(sealed.slice(-32)).toBe("1ae10b594f09e26a7e902ecbd0600691");
      expect(hex(w.hChachaOpen(KEY_2_8, NONCE_2_8, AAD_2_8, unhex(sealed)))).toBe(hex(SUNSCREEN));
    });
    it("RFC 8439 A.5 AEAD decryption", () => {
      const key = unhex("1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0");
      const nonce = unhex("000000000102030405060708");
      const aad = unhex("f33388860000000000004e91");
      const ct = unhex(`64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0
        bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c1
        86324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523eaf45
        34d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a672
        7627097a1049e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c29a6ad5cb4022b02709b`);
      const tag = unhex("eead9d67890cbb22392336fea1851f38");
      const pt = w.hChachaOpen(key, nonce, aad, new Uint8Array([...ct, ...tag]));
      expect(pt).not.toBeNull();
      const text = Buffer.from(pt).toString("utf8");
      expect(text.startsWith("Internet-Drafts are draft documents valid for a maximum of six months")).toBe(true);
      expect(text.endsWith("/\u201cwork in progress./\u201d")).toBe(true);
    });

    it("matches node:crypto on every length 0..600 and on 1500 random inputs up to 2100 bytes", () => {
      const r = prng(simd ? 21 : 22);
      const cases: number[] = [];
      for (let n = 0; n <= 600; n++) cases.push(n);
      for (let i = 0; i < 1500; i++) cases.push(r.below(2100));
      for (const n of cases) {
        const key = r.bytes(32), nonce = r.bytes(12), aad = r.bytes(r.below(40)), pt = r.bytes(n);
        const want = nodeSeal(key, nonce, aad, pt);
        expect(hex(w.hChachaSeal(key, nonce, aad, pt)), `len ${n}`).toBe(want);
        if (n % 7 == 0) expect(hex(w.hChachaOpen(key, nonce, aad, unhex(want)))).toBe(hex(pt));
      }
    });
    it("ChaCha20 keystream matches node's chacha20 at any start counter, including the 2^32 wrap", () => {
      const r = prng(23);
      for (const ctr of [0, 1, 7, 0xfffffffd, 0xffffffff]) {
        const key = r.bytes(32), nonce = r.bytes(12), pt = r.bytes(64 * 4);
        const iv = Buffer.alloc(16); iv.writeUInt32LE(ctr, 0); iv.set(nonce, 4);
        const c = createCipheriv("chacha20", key, iv);
        const want = Buffer.concat([c.update(pt), c.final()]);
        // Node's chacha20 carries the counter into the nonce word; RFC 8439 does not. Compare the
        // blocks before the wrap only.
        const blocks = Math.min(4, 0x100000000 - ctr);
        expect(hex(w.hChaCha20(key, nonce, ctr >>> 0, pt)).slice(0, 128 * blocks)).toBe(want.toString("hex").slice(0, 128 * blocks));
      }
    });
    it("in-place seal/open round-trips and equals the allocating API", () => {
      const r = prng(24);
      for (let i = 0; i < 200; i++) {
        const key = r.bytes(32), nonce = r.bytes(12), aad = r.bytes(r.below(30)), pt = r.bytes(r.below(1100));
        const sealed = w.hChachaInPlace(key, nonce, aad, pt, 16 + r.below(8));
        expect(sealed).not.toBeNull();
        expect(hex(sealed)).toBe(hex(w.hChachaSeal(key, nonce, aad, pt)));
      }
    });
    it("rejects a flipped bit anywhere in ciphertext, tag or AAD, a truncated tag, a wrong nonce", () => {
      const r = prng(25);
      const key = r.bytes(32), nonce = r.bytes(12), aad = r.bytes(20), pt = r.bytes(70);
      const sealed: Uint8Array = w.hChachaSeal(key, nonce, aad, pt);
      for (let bit = 0; bit < sealed.length * 8; bit++) {
        const bad = sealed.slice(); bad[bit >> 3] ^= 1 << (bit & 7);
        expect(w.hChachaOpen(key, nonce, aad, bad)).toBeNull();
      }
      for (let bit = 0; bit < aad.length * 8; bit++) {
        const bad = aad.slice(); bad[bit >> 3] ^= 1 << (bit & 7);
        expect(w.hChachaOpen(key, nonce, bad, sealed)).toBeNull();
      }
      for (let cut = 1; cut <= 16; cut++) expect(w.hChachaOpen(key, nonce, aad, sealed.subarray(0, sealed.length - cut))).toBeNull();
      const n2 = nonce.slice(); n2[11] ^= 0x80;
      expect(w.hChachaOpen(key, n2, aad, sealed)).toBeNull();
      const k2 = key.slice(); k2[0] ^= 1;
      expect(w.hChachaOpen(k2, nonce, aad, sealed)).toBeNull();
      // A failed in-place open leaves the buffer as it was (seen from inside wasm: the bindings copy
      // a Uint8Array argument in, so the caller's array would never show a change).
      const buf = sealed.slice(); buf[3] ^= 4;
      expect(w.hChachaOpenInPlace(key, nonce, aad, buf, buf.length)).toBe(-1);
      const after: Uint8Array = w.hChachaOpenInPlaceCopy(key, nonce, aad, buf);
      expect(after[0]).toBe(0);
      expect(hex(after.subarray(1))).toBe(hex(buf));
      // Empty plaintext, empty AAD: a bare tag that still authenticates.
      const t = w.hChachaSeal(key, nonce, new Uint8Array(0), new Uint8Array(0));
      expect(t.length).toBe(16);
      expect(w.hChachaOpen(key, nonce, new Uint8Array(0), t).length).toBe(0);
    });
    it("the fused ChaCha20+Poly1305 pass: extreme and random Poly1305 keys, sealing and opening", () => {
      // The MAC inside the keystream loop gets keys it could never get from block 0: r and s at their
      // extremes, against the BigInt reference; the output against node's chacha20 (counter 1).
      const r = prng(simd ? 31 : 32);
      const keys = [new Uint8Array(32).fill(0xff), new Uint8Array(32), new Uint8Array(32).fill(0x80)];
      const k2 = new Uint8Array(32).fill(0xff); k2.fill(0, 16); keys.push(k2);
      for (let i = 0; i < 6; i++) keys.push(r.bytes(32));
      for (const polyKey of keys) {
        for (const n of [0, 255, 256, 257, 511, 512, 700, 1024, 3000]) {
          const key = r.bytes(32), nonce = r.bytes(12);
          const data = polyKey[0] == 0xff ? new Uint8Array(n).fill(0xff) : r.bytes(n);
          const iv = Buffer.alloc(16); iv.writeUInt32LE(1, 0); iv.set(nonce, 4);
          const c = createCipheriv("chacha20", key, iv);
          const other = hex(Buffer.concat([c.update(data), c.final()]));
          const sealed: Uint8Array = w.hChachaMac(key, nonce, polyKey, data, false);
          expect(hex(sealed.subarray(0, n)), `seal len ${n}`).toBe(other);
          expect(hex(sealed.subarray(n)), `seal tag len ${n}`).toBe(polyRef(polyKey, sealed.subarray(0, n)));
          const opened: Uint8Array = w.hChachaMac(key, nonce, polyKey, data, true);
          expect(hex(opened.subarray(0, n)), `open len ${n}`).toBe(other);
          expect(hex(opened.subarray(n)), `open tag len ${n}`).toBe(polyRef(polyKey, data));
        }
      }
    });
    it("records from 0 to 1300 bytes and up to 40 KiB match node:crypto both ways", () => {
      const r = prng(simd ? 33 : 34);
      const lens: number[] = [];
      for (let n = 0; n <= 1300; n += 1 + (n % 5)) lens.push(n);
      for (let i = 0; i < 25; i++) lens.push(r.below(40_000));
      lens.push(16384);
      for (const n of lens) {
        const key = r.bytes(32), nonce = r.bytes(12), aad = r.bytes(r.below(30)), pt = r.bytes(n);
        const want = nodeSeal(key, nonce, aad, pt);
        expect(hex(w.hChachaSeal(key, nonce, aad, pt)), `len ${n}`).toBe(want);
        expect(hex(w.hChachaOpen(key, nonce, aad, unhex(want))), `open len ${n}`).toBe(hex(pt));
      }
    });
    it("a long record with one flipped bit fails to open in place and the buffer is restored", () => {
      const r = prng(simd ? 35 : 36);
      const key = r.bytes(32), nonce = r.bytes(12), aad = r.bytes(13), pt = r.bytes(1000);
      const sealed: Uint8Array = w.hChachaSeal(key, nonce, aad, pt);
      for (const pos of [0, 3, 255, 256, 511, 767, 768, 999, 1000, 1015]) { // fused groups, tail, tag
        const bad = sealed.slice(); bad[pos] ^= 0x10;
        const after: Uint8Array = w.hChachaOpenInPlaceCopy(key, nonce, aad, bad);
        expect(after[0], `pos ${pos}`).toBe(0);
        expect(hex(after.subarray(1)), `pos ${pos}`).toBe(hex(bad));
        expect(w.hChachaOpen(key, nonce, aad, bad)).toBeNull();
      }
      const ok: Uint8Array = w.hChachaOpenInPlaceCopy(key, nonce, aad, sealed);
      expect(ok[0]).toBe(1);
      expect(hex(ok.subarray(1, 1001))).toBe(hex(pt));
      expect(hex(ok.subarray(1001))).toBe(hex(sealed.subarray(1000))); // the tag bytes stay
    });
    it("a wiped context has forgotten its key (it now seals under the all-zero key)", () => {
      const k = new Uint8Array(32).fill(9), n = new Uint8Array(12), p = new Uint8Array(10);
      expect(hex(w.hWipe(1, k, n, p))).toBe(nodeSeal(new Uint8Array(32), n, new Uint8Array(0), p));
    });
    it("wrong key, nonce and buffer lengths are rejected without a trap", () => {
      const k = new Uint8Array(32), n = new Uint8Array(12), a = new Uint8Array(0), p = new Uint8Array(5);
      for (const kl of [0, 16, 31, 33]) {
        expect(w.hChachaSeal(new Uint8Array(kl), n, a, p)).toBeNull();
        expect(w.hChachaOpen(new Uint8Array(kl), n, a, new Uint8Array(21))).toBeNull();
      }
      for (const nl of [0, 8, 11, 13, 24]) {
        expect(w.hChachaSeal(k, new Uint8Array(nl), a, p)).toBeNull();
        expect(w.hChachaOpen(k, new Uint8Array(nl), a, new Uint8Array(21))).toBeNull();
      }
      for (const l of [0, 15]) expect(w.hChachaOpen(k, n, a, new Uint8Array(l))).toBeNull();
      expect(w.hChaCha20(new Uint8Array(31), n, 0, p)).toBeNull();
      expect(w.hPoly1305(new Uint8Array(16), p)).toBeNull();
      expect(w.hChachaSealInPlace(k, n, a, new Uint8Array(20), 5)).toBe(false); // no room for the tag
      expect(w.hChachaSealInPlace(k, n, a, new Uint8Array(20), -1)).toBe(false);
      expect(w.hChachaOpenInPlace(k, n, a, new Uint8Array(20), 21)).toBe(-1);
      expect(w.hChachaOpenInPlace(k, n, a, new Uint8Array(20), 15)).toBe(-1);
      expect(w.hChachaOpenInPlace(k, n, a, new Uint8Array(20), -3)).toBe(-1);
    });
  });
}
