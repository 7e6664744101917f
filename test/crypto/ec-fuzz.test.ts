// Hostile-input robustness of every elliptic-curve export: random lengths and bytes for every
// argument must give a refusal (null, false or an empty array), never a trap (a trap would kill
// every socket of the instance). Seeded, so a failure reproduces.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { instantiateCore } from "../../host/node/wasm.ts";

let ec: any;
beforeAll(async () => { ec = await instantiateCore("test/crypto-ec"); });

const bytes = fc.uint8Array({ minLength: 0, maxLength: 80 });
const near = (n: number) => fc.oneof(fc.uint8Array({ minLength: n, maxLength: n }), bytes);

describe("EC exports never trap on arbitrary input", () => {
  const opts = { numRuns: 300, seed: 20261122 };
  it("x25519 / x25519Base", () => {
    fc.assert(fc.property(near(32), near(32), (k, u) => {
      const r = ec.x25519(k, u);
      expect(r === null || r.length === 32).toBe(true);
      const b = ec.x25519Base(k);
      expect(b.length === 0 || b.length === 32).toBe(true);
    }), opts);
  });
  it("ed25519PublicKey / Sign / Verify", () => {
    fc.assert(fc.property(near(32), bytes, near(64), (seed, msg, sig) => {
      expect([0, 32]).toContain(ec.ed25519PublicKey(seed).length);
      expect([0, 64]).toContain(ec.ed25519Sign(seed, msg).length);
      expect(typeof ec.ed25519Verify(seed, msg, sig)).toBe("boolean");
    }), opts);
  });
  it("p256PublicKey / p256Ecdh", () => {
    fc.assert(fc.property(near(32), fc.oneof(fc.uint8Array({ minLength: 64, maxLength: 64 }).map((b) => Uint8Array.from([4, ...b])), bytes), (d, pub) => {
      expect([0, 65]).toContain(ec.p256PublicKey(d).length);
      const r = ec.p256Ecdh(d, pub);
      expect(r === null || r.length === 32).toBe(true);
    }), { ...opts, numRuns: 150 });
  });
  it("ecdsaP256Sign / Verify and the DER codec", () => {
    fc.assert(fc.property(near(32), bytes, bytes, near(32), near(32), (d, h, entropy, r, s) => {
      expect([0, 64]).toContain(ec.ecdsaP256Sign(d, h, entropy).length);
      const pub = Uint8Array.from([4, ...r, ...s]);
      expect(typeof ec.ecdsaP256Verify(pub, h, r, s)).toBe("boolean");
      const rs = ec.ecdsaSigFromDer(h);
      expect(rs === null || rs.length === 64).toBe(true);
      const der = ec.ecdsaSigToDer(Uint8Array.from([...r, ...s]));
      if (r.length + s.length === 64) expect(ec.ecdsaSigFromDer(der)).toEqual(Uint8Array.from([...r, ...s]));
      else expect(der.length).toBe(0);
    }), { ...opts, numRuns: 150 });
  });
});
