// SHA-256's speed path (the wasm SIMD message schedule interleaved with the rounds) and its scalar
// twin, both checked against node:crypto with inputs long enough to run many blocks per call and
// lengths around every block boundary. (The fused ChaCha20-Poly1305 pass is tested in sym-chacha.)
import { createHash, createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hex, loadSym, prng } from "./sym-helpers.ts";

for (const simd of [false, true]) {
  describe(`SHA-256 (${simd ? "wasm SIMD" : "scalar"})`, () => {
    let w: any;
    beforeAll(async () => { w = await loadSym(simd); }, 200_000);

    it("FIPS 180-4 examples: 'abc', the 448-bit message and one million 'a'", () => {
      const enc = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
      expect(hex(w.hSha256(enc("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      expect(hex(w.hSha256(enc("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))))
        .toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
      expect(hex(w.hSha256(new Uint8Array(1_000_000).fill(0x61))))
        .toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    });
    it("every length 0..600 and random lengths up to 40 KiB match node:crypto", () => {
      const r = prng(0x5a256);
      const lens = Array.from({ length: 601 }, (_, i) => i);
      for (let i = 0; i < 60; i++) lens.push(r.below(40_000));
      lens.push(16384, 16384 + 55, 16384 + 56, 16384 + 64);
      for (const n of lens) {
        const m = r.bytes(n);
        expect(hex(w.hSha256(m)), `len ${n}`).toBe(createHash("sha256").update(m).digest("hex"));
      }
    });
    it("all-0x00 and all-0xff blocks (carries through every adder) match node:crypto", () => {
      for (const fill of [0x00, 0xff, 0x80, 0x7f]) {
        for (const n of [64, 640, 4096]) {
          const m = new Uint8Array(n).fill(fill);
          expect(hex(w.hSha256(m))).toBe(createHash("sha256").update(m).digest("hex"));
        }
      }
    });
    it("streamed in random pieces, and HMAC-SHA256, match node:crypto", () => {
      const r = prng(77);
      for (let i = 0; i < 150; i++) {
        const m = r.bytes(r.below(5000));
        const step = 1 + r.below(300);
        expect(hex(w.hHashStream(2, m, step))).toBe(createHash("sha256").update(m).digest("hex"));
        const key = r.bytes(r.below(100));
        expect(hex(w.hHmac(2, key, m))).toBe(createHmac("sha256", key).update(m).digest("hex"));
      }
    });
  });
}
