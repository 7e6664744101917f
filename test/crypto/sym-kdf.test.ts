// HMAC (RFC 4231, RFC 2202), HKDF (RFC 5869, RFC 8448), the TLS 1.2 PRF (RFC 5246 §5) and ct.ts,
// against the RFCs' vectors, node:crypto, and OpenSSL's own TLS1-PRF (`openssl kdf`).
import { execFileSync } from "node:child_process";
import { createHmac, hkdfSync } from "node:crypto";
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { ascii, hex, prng, unhex } from "./sym-helpers.ts";

let w: any;
beforeAll(async () => { w = await instantiateCore("test/crypto-sym"); });

const SHA1 = 1, SHA256 = 2, SHA384 = 3, SHA512 = 4;
const NAMES: Record<number, string> = { 1: "sha1", 2: "sha256", 3: "sha384", 4: "sha512" };

describe("HMAC", () => {
  it("RFC 4231 §4.2 test case 1 (key 20 × 0x0b, 'Hi There')", () => {
    const k = new Uint8Array(20).fill(0x0b), m = ascii("Hi There");
    expect(hex(w.hHmac(SHA256, k, m))).toBe("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    expect(hex(w.hHmac(SHA384, k, m))).toBe("afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6");
    expect(hex(w.hHmac(SHA512, k, m))).toBe("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
  });
  it("RFC 4231 §4.3 test case 2 ('Jefe')", () => {
    const k = ascii("Jefe"), m = ascii("what do ya want for nothing?");
    expect(hex(w.hHmac(SHA256, k, m))).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    expect(hex(w.hHmac(SHA512, k, m))).toBe("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
  });
  it("RFC 4231 §4.7 test case 6 (131-byte key, hashed first)", () => {
    const k = new Uint8Array(131).fill(0xaa), m = ascii("Test Using Larger Than Block-Size Key - Hash Key First");
    expect(hex(w.hHmac(SHA256, k, m))).toBe("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  });
  it("RFC 2202 §3 HMAC-SHA-1 test case 2", () => {
    expect(hex(w.hHmac(SHA1, ascii("Jefe"), ascii("what do ya want for nothing?")))).toBe("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
  });
  it("matches node:crypto on 4000 random keys (0..300 bytes, across every block size) and messages, 1000 per hash", () => {
    const r = prng(11);
    for (let i = 0; i < 4000; i++) {
      const alg = 1 + (i % 4);
      const k = r.bytes(r.below(301)), m = r.bytes(r.below(2001));
      expect(hex(w.hHmac(alg, k, m)), `${NAMES[alg]} k${k.length} m${m.length}`)
        .toBe(createHmac(NAMES[alg], k).update(m).digest("hex"));
    }
  });
  it("every key length 0..260 (around the 64- and 128-byte block sizes) for every hash", () => {
    const r = prng(16);
    for (let kl = 0; kl <= 260; kl++) {
      for (let alg = 1; alg <= 4; alg++) {
        const k = r.bytes(kl), m = r.bytes(r.below(150));
        expect(hex(w.hHmac(alg, k, m)), `${NAMES[alg]} k${kl}`).toBe(createHmac(NAMES[alg], k).update(m).digest("hex"));
      }
    }
  });
  it("unknown algorithm gives an empty array", () => {
    expect(w.hHmac(7, ascii("k"), ascii("m")).length).toBe(0);
  });
});

describe("HKDF", () => {
  const ikm22 = new Uint8Array(22).fill(0x0b);
  const salt13 = unhex("000102030405060708090a0b0c");
  const info10 = unhex("f0f1f2f3f4f5f6f7f8f9");
  it("RFC 5869 A.1 (SHA-256 basic)", () => {
    const prk = w.hHkdfExtract(SHA256, salt13, ikm22);
    expect(hex(prk)).toBe("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    expect(hex(w.hHkdfExpand(SHA256, prk, info10, 42)))
      .toBe("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  });
  it("RFC 5869 A.3 (SHA-256, empty salt and info)", () => {
    const prk = w.hHkdfExtract(SHA256, new Uint8Array(0), ikm22);
    expect(hex(prk)).toBe("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
    expect(hex(w.hHkdfExpand(SHA256, prk, new Uint8Array(0), 42)))
      .toBe("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  });
  it("RFC 5869 A.4 (SHA-1 basic)", () => {
    const prk = w.hHkdfExtract(SHA1, salt13, new Uint8Array(11).fill(0x0b));
    expect(hex(prk)).toBe("9b6c18c432a7bf8f0e71c8eb88f4b30baa2ba243");
    expect(hex(w.hHkdfExpand(SHA1, prk, info10, 42)))
      .toBe("085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896");
  });
  it("matches node:crypto hkdfSync on 2000 random inputs, every hash, lengths up to 255*HashLen", () => {
    const r = prng(12);
    for (let i = 0; i < 2000; i++) {
      const alg = 1 + (i % 4);
      const hl = [0, 20, 32, 48, 64][alg];
      const ikm = r.bytes(r.below(200)), salt = r.bytes(r.below(200)), info = r.bytes(r.below(300));
      const len = i % 50 == 0 ? 255 * hl : r.below(3 * hl + 1);
      const prk = w.hHkdfExtract(alg, salt, ikm);
      const got = hex(w.hHkdfExpand(alg, prk, info, len));
      expect(got).toBe(Buffer.from(hkdfSync(NAMES[alg], ikm, salt, info, len)).toString("hex"));
    }
  });
  it("rejects lengths over 255*HashLen and negative, and unknown algorithms, without a trap", () => {
    const prk = new Uint8Array(32);
    expect(w.hHkdfExpand(SHA256, prk, new Uint8Array(0), 255 * 32 + 1).length).toBe(0);
    expect(w.hHkdfExpand(SHA256, prk, new Uint8Array(0), -1).length).toBe(0);
    expect(w.hHkdfExpand(9, prk, new Uint8Array(0), 10).length).toBe(0);
    expect(w.hHkdfExtract(0, prk, prk).length).toBe(0);
  });
  it("HKDF-Expand-Label: RFC 8448 §3 client handshake key and iv (TLS_AES_128_GCM_SHA256)", () => {
    // RFC 8448 §3, "{client} derive write traffic keys for handshake data".
    const secret = unhex("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21");
    expect(hex(w.hHkdfExpandLabel(SHA256, secret, ascii("key"), new Uint8Array(0), 16))).toBe("dbfaa693d1762c5b666af5d950258d01");
    expect(hex(w.hHkdfExpandLabel(SHA256, secret, ascii("iv"), new Uint8Array(0), 12))).toBe("5bd3c71b836e0b76bb73265f");
  });
});

// An independent P_hash written from RFC 5246 §5 over node's HMAC.
function prfRef(name: string, secret: Uint8Array, label: Uint8Array, seed: Uint8Array, len: number): string {
  const ls = Buffer.concat([label, seed]);
  const out: Buffer[] = [];
  let a: Buffer = createHmac(name, secret).update(ls).digest();
  let n = 0;
  while (n < len) {
    const t = createHmac(name, secret).update(a).update(ls).digest();
    out.push(t); n += t.length;
    a = createHmac(name, secret).update(a).digest();
  }
  return Buffer.concat(out).subarray(0, len).toString("hex");
}

describe("TLS 1.2 PRF (RFC 5246 §5)", () => {
  it("the widely used P_SHA256 vector (secret 9bbe…, seed a0ba…, 'test label', 100 bytes)", () => {
    const got = w.hPrf(SHA256, unhex("9bbe436ba940f017b17652849a71db35"), ascii("test label"),
      unhex("a0ba9f936cda311827a6f796ffd5198c"), 100);
    expect(hex(got)).toBe(prfRef("sha256", unhex("9bbe436ba940f017b17652849a71db35"), ascii("test label"),
      unhex("a0ba9f936cda311827a6f796ffd5198c"), 100));
    expect(hex(got).slice(0, 32)).toBe("e3f229ba727be17b8d122620557cd453");
  });
  it("matches an independent P_hash on 1000 random inputs (SHA-256 and SHA-384)", () => {
    const r = prng(13);
    for (let i = 0; i < 1000; i++) {
      const alg = i % 2 ? SHA384 : SHA256;
      const s = r.bytes(r.below(100)), l = ascii("key expansion"), seed = r.bytes(r.below(80));
      const len = r.below(300);
      expect(hex(w.hPrf(alg, s, l, seed, len))).toBe(prfRef(NAMES[alg], s, l, seed, len));
    }
  });
  it.runIf(existsSync("/usr/bin/openssl"))("matches OpenSSL's TLS1-PRF (openssl kdf)", () => {
    const r = prng(14);
    for (let i = 0; i < 4; i++) {
      const alg = i % 2 ? SHA384 : SHA256;
      const s = r.bytes(48), seed = r.bytes(64), len = 104 + i * 7;
      const ssl = execFileSync("openssl", ["kdf", "-keylen", String(len), "-kdfopt", `digest:${NAMES[alg].toUpperCase()}`,
        "-kdfopt", `hexsecret:${hex(s)}`, "-kdfopt", `hexseed:${hex(ascii("master secret"))}${hex(seed)}`, "TLS1-PRF"],
      { encoding: "utf8" }).trim().replace(/:/g, "").toLowerCase();
      expect(hex(w.hPrf(alg, s, ascii("master secret"), seed, len))).toBe(ssl);
    }
  });
  it("unknown algorithm, negative or absurd length gives an empty array, not a trap", () => {
    expect(w.hPrf(0, ascii("s"), ascii("l"), ascii("x"), 10).length).toBe(0);
    expect(w.hPrf(SHA256, ascii("s"), ascii("l"), ascii("x"), -5).length).toBe(0);
    expect(w.hPrf(SHA256, ascii("s"), ascii("l"), ascii("x"), 0x7fffffff).length).toBe(0); // no 2 GiB allocation
  });
});

describe("ct.ts", () => {
  it("ctEqual compares contents and lengths", () => {
    const r = prng(15);
    for (let n = 0; n < 40; n++) {
      const a = r.bytes(n);
      expect(w.hCtEqual(a, a.slice())).toBe(true);
      for (let i = 0; i < n; i++) { const b = a.slice(); b[i] ^= 1 << (i & 7); expect(w.hCtEqual(a, b)).toBe(false); }
      expect(w.hCtEqual(a, r.bytes(n + 1))).toBe(false);
    }
  });
});
