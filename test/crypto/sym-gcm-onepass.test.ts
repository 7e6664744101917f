// AES-GCM's one-pass path: counter mode with GHASH of the ciphertext done inside the AES rounds
// (SIMD build; group by group on the scalar build). Records around the 128-byte group boundaries
// and whole 16 KiB TLS records, in place and not, all key sizes; a 32-bit counter that wraps inside
// a record (J0 steered through a 16-byte IV, SP 800-38D §7.1); failed opens that leave an in-place
// buffer as it was. Everything is checked against node:crypto (OpenSSL).
import { type CipherGCM, createCipheriv } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hex, loadSym, prng } from "./sym-helpers.ts";

function nodeGcm(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, pt: Uint8Array): string {
  const c = createCipheriv(`aes-${key.length * 8}-gcm`, key, iv) as CipherGCM;
  c.setAAD(aad);
  return Buffer.concat([c.update(pt), c.final(), c.getAuthTag()]).toString("hex");
}

// GF(2^128) in GCM's bit order (SP 800-38D §6.3, Algorithm 1), on BigInts read big-endian.
const R = 0xe1n << 120n;
const big = (b: Uint8Array) => BigInt("0x" + (hex(b) || "0"));
const bytes16 = (x: bigint) => new Uint8Array(Buffer.from(x.toString(16).padStart(32, "0"), "hex"));
function gmul(x: bigint, y: bigint): bigint {
  let z = 0n, v = y;
  for (let i = 127n; i >= 0n; i--) {
    if ((x >> i) & 1n) z ^= v;
    v = v & 1n ? (v >> 1n) ^ R : v >> 1n;
  }
  return z;
}
function ginv(x: bigint): bigint { // x^(2^128 - 2)
  let r = 1n << 127n; // the field's 1 in this bit order
  let p = x;
  for (let i = 1; i < 128; i++) { p = gmul(p, p); r = gmul(r, p); }
  return r;
}

/** A 16-byte IV whose J0 = GHASH_H(IV || [0]64 || [128]64) is `j0` (so the first counter block is
 *  inc32(j0)): J0 = ((IV·H) ^ L)·H, solved for IV. */
function ivFor(key: Uint8Array, j0: Uint8Array): Uint8Array {
  const e = createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
  e.setAutoPadding(false);
  const h = big(Buffer.concat([e.update(new Uint8Array(16)), e.final()]));
  const hi = ginv(h);
  expect(gmul(h, hi)).toBe(1n << 127n);
  const L = 128n;
  const iv = gmul(gmul(big(j0), hi) ^ L, hi);
  expect(gmul(gmul(iv, h) ^ L, h)).toBe(big(j0));
  return bytes16(iv);
}

for (const simd of [false, true]) {
  describe(`AES-GCM one pass (${simd ? "wasm SIMD, GHASH inside the AES rounds" : "scalar"})`, () => {
    let w: any;
    beforeAll(async () => { w = await loadSym(simd); }, 200_000);

    it("lengths around every 128-byte group boundary up to 1.2 KiB, all key sizes, seal, open and in place", () => {
      const r = prng(simd ? 61 : 62);
      const lens: number[] = [];
      for (let g = 0; g <= 9; g++) for (const d of [-17, -16, -1, 0, 1, 15, 16]) if (128 * g + d >= 0) lens.push(128 * g + d);
      lens.forEach((n, i) => {
        const key = r.bytes([16, 24, 32][i % 3]), iv = r.bytes(12), aad = r.bytes(r.below(34)), pt = r.bytes(n);
        const want = nodeGcm(key, iv, aad, pt);
        expect(hex(w.hGcmSeal(key, iv, aad, pt)), `len ${n}`).toBe(want);
        expect(hex(w.hGcmOpen(key, iv, aad, Buffer.from(want, "hex")))).toBe(hex(pt));
        expect(hex(w.hGcmInPlace(key, iv, aad, pt, 16 + r.below(3)))).toBe(want);
      });
    });

    it("16 KiB TLS records (and one byte either side), AES-128 and AES-256", () => {
      const r = prng(simd ? 63 : 64);
      for (const n of [16384, 16383, 16385, 16384 + 256 + 5]) {
        for (const kl of [16, 32]) {
          const key = r.bytes(kl), iv = r.bytes(12), aad = r.bytes(13), pt = r.bytes(n);
          const want = nodeGcm(key, iv, aad, pt);
          expect(hex(w.hGcmSeal(key, iv, aad, pt)), `len ${n} key ${kl}`).toBe(want);
          expect(hex(w.hGcmOpen(key, iv, aad, Buffer.from(want, "hex")))).toBe(hex(pt));
          expect(hex(w.hGcmInPlace(key, iv, aad, pt, 16))).toBe(want);
        }
      }
    });

    it("the 32-bit counter wraps inside a record (inc32 leaves the first 96 bits of J0 alone)", () => {
      const r = prng(simd ? 65 : 66);
      for (const kl of [16, 24, 32]) {
        for (const start of [0xfffffff0, 0xffffffff, 0xfffffc00 + r.below(0x300)]) {
          const key = r.bytes(kl), j0 = r.bytes(16);
          Buffer.from(j0.buffer).writeUInt32BE(start, 12);
          const iv = ivFor(key, j0);
          const aad = r.bytes(r.below(20)), pt = r.bytes(4000 + r.below(13000));
          const want = nodeGcm(key, iv, aad, pt);
          expect(hex(w.hGcmSeal(key, iv, aad, pt)), `key ${kl} counter ${start.toString(16)}`).toBe(want);
          expect(hex(w.hGcmOpen(key, iv, aad, Buffer.from(want, "hex")))).toBe(hex(pt));
        }
      }
    });

    it("a failed open in place leaves the buffer exactly as it was (decryption undone)", () => {
      const r = prng(simd ? 67 : 68);
      for (const n of [0, 1, 127, 128, 129, 1000, 16384]) {
        const key = r.bytes(16), iv = r.bytes(12), aad = r.bytes(13), pt = r.bytes(n);
        const sealed = Buffer.from(nodeGcm(key, iv, aad, pt), "hex");
        for (const at of [n + 15, n, Math.floor(n / 2), 0]) {
          if (at >= sealed.length) continue;
          const buf = new Uint8Array(sealed.length + 3);
          buf.set(sealed);
          buf[at] ^= 0x40;
          const after: Uint8Array = w.hGcmOpenInPlaceBuf(key, iv, aad, buf, sealed.length);
          expect(after[buf.length], `len ${n} flip ${at}`).toBe(0);
          expect(hex(after.subarray(0, buf.length))).toBe(hex(buf));
        }
        const after: Uint8Array = w.hGcmOpenInPlaceBuf(key, iv, aad, sealed, sealed.length);
        expect(after[sealed.length]).toBe(1);
        expect(hex(after.subarray(0, n))).toBe(hex(pt));
      }
    });
  });
}
