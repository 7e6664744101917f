// SHA-1, SHA-256, SHA-384, SHA-512 against FIPS 180-4 example vectors and node:crypto.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { ascii, hex, prng } from "./sym-helpers.ts";

let w: any;
beforeAll(async () => { w = await instantiateCore("test/crypto-sym"); });

const ABC = ascii("abc");
const TWO_BLOCK = ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
const FOUR_BLOCK = ascii("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu");

describe("SHA family — FIPS 180-4 / NIST CSRC example values", () => {
  it("SHA-1 (FIPS 180-4 examples 'abc' and the 448-bit message)", () => {
    expect(hex(w.hSha1(ABC))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(hex(w.hSha1(TWO_BLOCK))).toBe("84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  });
  it("SHA-256", () => {
    expect(hex(w.hSha256(ABC))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hex(w.hSha256(TWO_BLOCK))).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(hex(w.hSha256(new Uint8Array(0)))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
  it("SHA-384", () => {
    expect(hex(w.hSha384(ABC))).toBe("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
    expect(hex(w.hSha384(FOUR_BLOCK))).toBe("09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039");
  });
  it("SHA-512", () => {
    expect(hex(w.hSha512(ABC))).toBe("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    expect(hex(w.hSha512(FOUR_BLOCK))).toBe("8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
  });
  it("one million 'a' (FIPS 180-4 long-message examples)", () => {
    const m = new Uint8Array(1_000_000).fill(0x61);
    expect(hex(w.hSha256(m))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    expect(hex(w.hSha1(m))).toBe("34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  });
});

const ALGS: [number, string, (m: Uint8Array) => Uint8Array][] = [
  [1, "sha1", (m) => w.hSha1(m)],
  [2, "sha256", (m) => w.hSha256(m)],
  [3, "sha384", (m) => w.hSha384(m)],
  [4, "sha512", (m) => w.hSha512(m)],
];

describe("SHA family against node:crypto", () => {
  it("every length around the padding boundaries (0..260)", () => {
    const r = prng(1);
    for (let n = 0; n <= 260; n++) {
      const m = r.bytes(n);
      for (const [alg, name, f] of ALGS) {
        const want = createHash(name).update(m).digest("hex");
        expect(hex(f(m)), `${name} len ${n}`).toBe(want);
        expect(hex(w.hHashOf(alg, m))).toBe(want);
      }
    }
  });
  it("4000 random messages (length 0..2000, 1000 per hash), streamed in random pieces", () => {
    const r = prng(2);
    for (let i = 0; i < 4000; i++) {
      const m = r.bytes(r.below(2001));
      const [alg, name] = ALGS[i % 4];
      const step = 1 + r.below(200);
      expect(hex(w.hHashStream(alg, m, step)), `${name} len ${m.length} step ${step}`)
        .toBe(createHash(name).update(m).digest("hex"));
    }
  });
  it("clone() snapshots a running hash (transcript hashes) without disturbing the original", () => {
    const r = prng(3);
    for (let i = 0; i < 200; i++) {
      const m = r.bytes(r.below(700));
      const cut = r.below(m.length + 1);
      const [alg, name] = ALGS[i % 4];
      const want = createHash(name).update(m.subarray(0, cut)).digest("hex") + createHash(name).update(m).digest("hex");
      expect(hex(w.hHashClone(alg, m, cut))).toBe(want);
    }
  });
  it("unknown algorithm id gives an empty digest, not a trap", () => {
    expect(w.hHashOf(0, ABC).length).toBe(0);
    expect(w.hHashOf(99, ABC).length).toBe(0);
    expect(w.hHashStream(-1, ABC, 1).length).toBe(0);
  });
});
