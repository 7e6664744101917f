// Hostile-input robustness of every symmetric export (hashes, HMAC, HKDF, the PRF, ChaCha20,
// Poly1305, AES, both AEADs, allocating and in place): random lengths, algorithm ids and lengths
// asked for must give a refusal or a well-formed result, never a trap (a trap would kill every
// socket of the instance). Seeded, so a failure reproduces. ec-fuzz.test.ts does the same for EC.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";

let w: any;
beforeAll(async () => { w = await instantiateCore("test/crypto-sym"); });

const bytes = (max = 80) => fc.uint8Array({ minLength: 0, maxLength: max });
const near = (...ns: number[]) => fc.oneof(...ns.map((n) => fc.uint8Array({ minLength: n, maxLength: n })), bytes(70));
const alg = fc.integer({ min: -2, max: 7 });
const len = fc.oneof(fc.integer({ min: -5, max: 600 }), fc.constantFrom(-0x80000000, 0x7fffffff, 255 * 64, 255 * 64 + 1));
const opts = { numRuns: 400, seed: 20261207 };
const OUT = [0, 20, 32, 48, 64];

describe("symmetric exports never trap on arbitrary input", () => {
  it("hashes, HMAC, HKDF, HKDF-Expand-Label, PRF, clone", () => {
    fc.assert(fc.property(alg, bytes(300), bytes(300), bytes(300), len, fc.integer({ min: -3, max: 400 }),
      (a, x, y, z, n, cut) => {
        expect(OUT).toContain(w.hHashOf(a, x).length);
        expect(OUT).toContain(w.hHmac(a, x, y).length);
        expect(OUT).toContain(w.hHkdfExtract(a, x, y).length);
        const e = w.hHkdfExpand(a, x, y, n).length;
        expect(e === 0 || e === n).toBe(true);
        const l = w.hHkdfExpandLabel(a, x, y, z, n).length;
        expect(l === 0 || l === n).toBe(true);
        const p = w.hPrf(a, x, y, z, n).length;
        expect(p === 0 || p === n).toBe(true);
        expect(OUT.map((o) => 2 * o)).toContain(w.hHashClone(a, x, cut).length);
        expect(OUT).toContain(w.hHashStream(a, x, 1 + (cut & 63)).length);
      }), opts);
  });
  it("ChaCha20, Poly1305 and ChaCha20-Poly1305, allocating and in place", () => {
    fc.assert(fc.property(near(32), near(12), bytes(), bytes(300), fc.integer({ min: -20, max: 400 }), fc.nat(),
      (k, n, aad, d, l, ctr) => {
        const c = w.hChaCha20(k, n, ctr >>> 0, d);
        expect(c === null || c.length === d.length).toBe(true);
        const m = w.hPoly1305(k, d);
        expect(m === null || m.length === 16).toBe(true);
        const s = w.hChachaSeal(k, n, aad, d);
        expect(s === null || s.length === d.length + 16).toBe(true);
        const o = w.hChachaOpen(k, n, aad, d);
        expect(o === null || o.length === d.length - 16).toBe(true);
        if (s !== null) expect(w.hChachaOpen(k, n, aad, s)).toEqual(d);
        expect(typeof w.hChachaSealInPlace(k, n, aad, d, l)).toBe("boolean");
        expect(w.hChachaOpenInPlace(k, n, aad, d, l)).toBeGreaterThanOrEqual(-2);
        const ip = w.hChachaInPlace(k, n, aad, d, l & 31); // l & 31 spare bytes: under 16, no room for the tag
        expect(ip === null || ip.length === d.length + 16).toBe(true);
      }), opts);
  });
  it("AES-ECB and AES-GCM, allocating and in place", () => {
    fc.assert(fc.property(near(16, 24, 32), bytes(70), bytes(), bytes(300), fc.integer({ min: -20, max: 400 }),
      (k, n, aad, d, l) => {
        const e = w.hAesEcb(k, d);
        expect(e === null || e.length === d.length).toBe(true);
        const s = w.hGcmSeal(k, n, aad, d);
        expect(s === null || s.length === d.length + 16).toBe(true);
        const o = w.hGcmOpen(k, n, aad, d);
        expect(o === null || o.length === d.length - 16).toBe(true);
        if (s !== null) expect(w.hGcmOpen(k, n, aad, s)).toEqual(d);
        expect(typeof w.hGcmSealInPlace(k, n, aad, d, l)).toBe("boolean");
        expect(w.hGcmOpenInPlace(k, n, aad, d, l)).toBeGreaterThanOrEqual(-2);
        const b = w.hGcmOpenInPlaceBuf(k, n, aad, d, l);
        expect(b === null || b.length === d.length + 1).toBe(true);
        const ip = w.hGcmInPlace(k, n, aad, d, l & 31); // l & 31 spare bytes: under 16, no room for the tag
        expect(ip === null || ip.length === d.length + 16).toBe(true);
      }), opts);
  });
});
