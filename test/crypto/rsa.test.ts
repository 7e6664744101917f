// RSA (assembly/tls/crypto/rsa.ts) against node:crypto and the openssl CLI as independent peers, plus
// Wycheproof-style edge cases built here from RFC 8017's encodings (§9.1 EMSA-PSS, §9.2
// EMSA-PKCS1-v1_5) and signed with the raw private operation (node's privateEncrypt, no padding).
import { execFileSync } from "node:child_process";
import {
  KeyObject, constants, createHash, generateKeyPairSync, privateEncrypt, publicEncrypt, randomBytes, sign, verify,
} from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { PSS_EXAMPLE_10 } from "./rsa-vectors.ts";

// HASH_* ids of assembly/tls/crypto/sha2.ts.
const HASHES = [
  { id: 1, name: "sha1", len: 20 },
  { id: 2, name: "sha256", len: 32 },
  { id: 3, name: "sha384", len: 48 },
  { id: 4, name: "sha512", len: 64 },
] as const;
const SHA256 = HASHES[1];

// DigestInfo prefixes, RFC 8017 §9.2 note 1.
const DI: Record<string, string> = {
  sha1: "3021300906052b0e03021a05000414",
  sha256: "3031300d060960864801650304020105000420",
  sha384: "3041300d060960864801650304020205000430",
  sha512: "3051300d060960864801650304020305000440",
};

let w: any;
const dir = mkdtempSync(join(tmpdir(), "wasock-rsa-"));

interface Key { bits: number; priv: KeyObject; pub: KeyObject; n: Uint8Array; e: Uint8Array; k: number; h: number }
const keys = new Map<string, Key>();

function load(name: string, priv: KeyObject, pub: KeyObject): Key {
  const jwk = pub.export({ format: "jwk" });
  const n = Uint8Array.from(Buffer.from(jwk.n!, "base64url"));
  const e = Uint8Array.from(Buffer.from(jwk.e!, "base64url"));
  const h = w.keyFromPkcs1(priv.export({ type: "pkcs1", format: "der" }));
  expect(h).toBeGreaterThanOrEqual(0);
  const key = { bits: priv.asymmetricKeyDetails!.modulusLength!, priv, pub, n, e, k: n.length, h };
  keys.set(name, key);
  return key;
}

const digest = (alg: string, m: Uint8Array) => Uint8Array.from(createHash(alg).update(m).digest());
const pss = (key: KeyObject, saltLength: number) => ({ key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
/** The raw private operation (RFC 8017 §5.1.2 RSASP1) on an encoded block, through OpenSSL. */
const rawSign = (key: Key, em: Uint8Array) =>
  Uint8Array.from(privateEncrypt({ key: key.priv, padding: constants.RSA_NO_PADDING }, em));
const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const cat = (...a: Uint8Array[]) => Uint8Array.from(Buffer.concat(a));

/** EMSA-PKCS1-v1_5 block (RFC 8017 §9.2) with a chosen DigestInfo prefix and trailing bytes. */
function v15Block(k: number, t: Uint8Array, opts: { bt?: number; fill?: number; trailer?: Uint8Array } = {}): Uint8Array {
  const trailer = opts.trailer ?? new Uint8Array(0);
  const psLen = k - 3 - t.length - trailer.length;
  const ps = new Uint8Array(psLen).fill(opts.fill ?? 0xff);
  return cat(Uint8Array.of(0, opts.bt ?? 1), ps, Uint8Array.of(0), t, trailer);
}

/** MGF1 (RFC 8017 §B.2.1) in TS, for building PSS encodings independently of the code under test. */
function mgf1(alg: string, seed: Uint8Array, len: number): Uint8Array {
  const out: Buffer[] = [];
  for (let c = 0; Buffer.concat(out).length < len; c++) {
    const ctr = Buffer.alloc(4); ctr.writeUInt32BE(c);
    out.push(createHash(alg).update(seed).update(ctr).digest());
  }
  return Uint8Array.from(Buffer.concat(out).subarray(0, len));
}

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with knobs to break one rule at a time; k-byte block. */
function pssBlock(key: Key, alg: string, mHash: Uint8Array, salt: Uint8Array,
  o: { trailer?: number; sep?: number; topBits?: boolean; badHash?: boolean } = {}): Uint8Array {
  const emBits = key.bits - 1, emLen = Math.ceil(emBits / 8);
  const hLen = mHash.length;
  let H = digest(alg, cat(new Uint8Array(8), mHash, salt));
  if (o.badHash) { H = Uint8Array.from(H); H[0] ^= 1; }
  const dbLen = emLen - hLen - 1;
  const db = cat(new Uint8Array(dbLen - salt.length - 1), Uint8Array.of(o.sep ?? 1), salt);
  const mask = mgf1(alg, H, dbLen);
  const masked = db.map((b, i) => b ^ mask[i]);
  masked[0] &= 0xff >> (8 * emLen - emBits);
  if (o.topBits) masked[0] |= 0x80;
  const em = cat(masked, H, Uint8Array.of(o.trailer ?? 0xbc));
  return em.length < key.k ? cat(new Uint8Array(key.k - em.length), em) : em;
}

beforeAll(async () => {
  w = await instantiateCore("test/crypto-rsa");
  // node:crypto keys, once per run.
  for (const bits of [2048, 3072, 4096]) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
    load(`node${bits}`, privateKey, publicKey);
  }
  const e3 = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 3 });
  load("e3", e3.privateKey, e3.publicKey);
  // An odd-sized modulus (emLen = k - 1 is not hit here, 2049 bits has a one-bit top byte).
  const odd = generateKeyPairSync("rsa", { modulusLength: 2049 });
  load("odd", odd.privateKey, odd.publicKey);
  // openssl genpkey writes PKCS #8; also converted to PKCS #1 and SPKI by openssl itself.
  const pem = join(dir, "k.pem");
  execFileSync("openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072", "-out", pem]);
  // genpkey's own PEM is PKCS #8: its base64 body is the DER we load.
  const body = readFileSync(pem, "utf8").replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  expect(readFileSync(pem, "utf8")).toContain("BEGIN PRIVATE KEY");
  writeFileSync(join(dir, "k8.der"), Buffer.from(body, "base64"));
  execFileSync("openssl", ["rsa", "-in", pem, "-traditional", "-outform", "DER", "-out", join(dir, "k1.der")]);
  execFileSync("openssl", ["pkey", "-in", pem, "-pubout", "-out", join(dir, "pub.pem")]);
  execFileSync("openssl", ["pkey", "-in", pem, "-pubout", "-outform", "DER", "-out", join(dir, "spki.der")]);
  execFileSync("openssl", ["rsa", "-in", pem, "-RSAPublicKey_out", "-outform", "DER", "-out", join(dir, "rsapub.der")]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("PKCS #1 v2.1 known answer (pss-vect.txt, Example 10.2: 2048-bit key, SHA-1, 20-byte salt)", () => {
  const v = PSS_EXAMPLE_10;
  const mh = () => digest("sha1", v.message);
  it("verifies the published signature, with the salt length given and auto", () => {
    expect(w.pssVerify(v.n, v.e, 1, mh(), v.signature, 20)).toBe(true);
    expect(w.pssVerify(v.n, v.e, 1, mh(), v.signature, -1)).toBe(true);
    expect(w.pssVerify(v.n, v.e, 1, mh(), v.signature, 32)).toBe(false);
    expect(w.pssVerify(v.n, v.e, 2, digest("sha256", v.message), v.signature, 20)).toBe(false);
  });
  it("signs to the published signature from the published key parts and salt", () => {
    const h = w.keyFromParts(v.n, v.e, v.d, v.p, v.q, v.dp, v.dq, v.qinv);
    expect(h).toBeGreaterThanOrEqual(0);
    const sig = w.pssSign(h, 1, mh(), v.salt, randomBytes(32));
    expect(Buffer.from(sig).toString("hex")).toBe(Buffer.from(v.signature).toString("hex"));
  });
});

describe("RSA cross-checks with node:crypto", () => {
  // Each message: node signs it with v1.5 and with PSS (salt 0 or hLen), we verify both (PSS with
  // the salt length given and auto); the hash rotates over SHA-1/256/384/512. We sign it too: on
  // node2048 once per message, in runs of four (every hash) alternately PSS, PSS, v1.5 (node
  // verifies our PSS; our v1.5 must equal node's byte for byte); on the slower keys PSS every
  // message and v1.5 on one run of four in four. Counts: v1.5 and PSS verification 1420 each,
  // PSS signing 1088, v1.5 signing 440. Keys are generated once (node's RSA keygen is slow).
  for (const [name, count] of [["node2048", 1000], ["node3072", 160], ["node4096", 80], ["e3", 80], ["odd", 100]] as const) {
    it(`${name}: ${count} random messages`, () => {
      const key = keys.get(name)!;
      for (let i = 0; i < count; i++) {
        const hs = HASHES[i % 4];
        const msg = randomBytes(i % 200);
        const mh = digest(hs.name, msg);
        const s1 = Uint8Array.from(sign(hs.name, msg, key.priv));
        expect(w.pkcs1Verify(key.n, key.e, hs.id, mh, s1)).toBe(true);
        const salt = i % 3 == 0 ? 0 : hs.len;
        const s2 = Uint8Array.from(sign(hs.name, msg, pss(key.priv, salt)));
        expect(w.pssVerify(key.n, key.e, hs.id, mh, s2, salt)).toBe(true);
        expect(w.pssVerify(key.n, key.e, hs.id, mh, s2, -1)).toBe(true);
        const run = i >> 2;
        const oursV15 = name == "node2048" ? run % 3 == 2 : run % 4 == 0;
        if (name != "node2048" || !oursV15) {
          const s3 = w.pssSign(key.h, hs.id, mh, randomBytes(hs.len), randomBytes(32));
          expect(s3).not.toBeNull();
          expect(s3.length).toBe(key.k);
          expect(verify(hs.name, msg, pss(key.pub, hs.len), s3)).toBe(true);
        }
        if (oursV15) {
          const s4 = w.pkcs1Sign(key.h, hs.id, mh, randomBytes(32));
          expect(Buffer.from(s4).equals(Buffer.from(s1)), `v1.5 ${hs.name}`).toBe(true);
        }
      }
    }, 60_000);
  }

  it("blinding is transparent: the same PSS salt gives the same signature for any entropy", () => {
    const key = keys.get("node2048")!;
    const mh = digest("sha256", randomBytes(40)), salt = randomBytes(32);
    const a = w.pssSign(key.h, 2, mh, salt, randomBytes(32));
    const b = w.pssSign(key.h, 2, mh, salt, randomBytes(7));
    const c = w.pssSign(key.h, 2, mh, salt, new Uint8Array(0));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(true);
  });
});

describe("keys made by openssl", () => {
  it("PKCS #8 and PKCS #1 private keys load; our PSS signature verifies with openssl dgst", () => {
    const h8 = w.keyFromPkcs8(Uint8Array.from(readFileSync(join(dir, "k8.der"))));
    const h1 = w.keyFromPkcs1(Uint8Array.from(readFileSync(join(dir, "k1.der"))));
    expect(h8).toBeGreaterThanOrEqual(0);
    expect(h1).toBeGreaterThanOrEqual(0);
    expect(Buffer.from(w.keyN(h8)).equals(Buffer.from(w.keyN(h1)))).toBe(true);
    const msg = randomBytes(1000);
    writeFileSync(join(dir, "msg"), msg);
    for (const hs of HASHES.slice(1)) {
      const sig = w.pssSign(h8, hs.id, digest(hs.name, msg), randomBytes(hs.len), randomBytes(32));
      writeFileSync(join(dir, "sig"), sig);
      const out = execFileSync("openssl", ["dgst", `-${hs.name}`, "-sigopt", "rsa_padding_mode:pss",
        "-sigopt", `rsa_pss_saltlen:${hs.len}`, "-verify", join(dir, "pub.pem"), "-signature", join(dir, "sig"), join(dir, "msg")]);
      expect(out.toString()).toContain("Verified OK");
    }
    // And an openssl-made PSS signature (salt length = digest length) verifies here.
    execFileSync("openssl", ["dgst", "-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest",
      "-sign", join(dir, "k.pem"), "-out", join(dir, "osig"), join(dir, "msg")]);
    const osig = Uint8Array.from(readFileSync(join(dir, "osig")));
    expect(w.pssVerify(w.keyN(h8), w.keyE(h8), 3, digest("sha384", msg), osig, 48)).toBe(true);
  });

  it("RSAPublicKey and SubjectPublicKeyInfo DER give the same n and e as the private key", () => {
    const h8 = w.keyFromPkcs8(Uint8Array.from(readFileSync(join(dir, "k8.der"))));
    const spki = Uint8Array.from(readFileSync(join(dir, "spki.der")));
    const rsapub = Uint8Array.from(readFileSync(join(dir, "rsapub.der")));
    expect(Buffer.from(w.pubN(spki, true)).equals(Buffer.from(w.keyN(h8)))).toBe(true);
    expect(Buffer.from(w.pubN(rsapub, false)).equals(Buffer.from(w.keyN(h8)))).toBe(true);
    expect([...w.pubE(rsapub, false)]).toEqual([1, 0, 1]);
    // The wrong wrapper is refused.
    expect(w.pubN(spki, false)).toBeNull();
    expect(w.pubN(rsapub, true)).toBeNull();
  });

  it("truncated, extended or bit-flipped key DER never traps and never loads a wrong key", () => {
    const der = Uint8Array.from(readFileSync(join(dir, "k1.der")));
    for (let cut = 0; cut < der.length; cut += 7) expect(w.keyFromPkcs1(der.subarray(0, cut))).toBe(-1);
    expect(w.keyFromPkcs1(cat(der, Uint8Array.of(0)))).toBe(-1);
    const spki = Uint8Array.from(readFileSync(join(dir, "spki.der")));
    for (let cut = 0; cut < spki.length; cut += 3) expect(w.pubN(spki.subarray(0, cut), true)).toBeNull();
    // A flipped bit in the header bytes breaks the structure; inside p or q it breaks p*q = n.
    for (let i = 0; i < 200; i++) {
      const bad = Uint8Array.from(der);
      const pos = i < 40 ? i : Math.floor(Math.random() * der.length);
      bad[pos] ^= 1 << (i % 8);
      const h = w.keyFromPkcs1(bad);
      if (h >= 0) {
        // Only bits that leave a consistent key (in d, dp, dq, qinv) can load; signing must then
        // either fail the fault check or produce a signature that verifies.
        const mh = digest("sha256", Uint8Array.of(i));
        const sig = w.pssSign(h, 2, mh, new Uint8Array(32), new Uint8Array(0));
        if (sig !== null) expect(w.pssVerify(w.keyN(h), w.keyE(h), 2, mh, sig, 32)).toBe(true);
      }
    }
  });

  it("refuses a multi-prime (version 1) key and inconsistent parts", () => {
    const der = Uint8Array.from(readFileSync(join(dir, "k1.der")));
    const bad = Uint8Array.from(der);
    // SEQUENCE header is 4 bytes (30 82 xx xx), then 02 01 00: the version.
    expect([...bad.subarray(4, 7)]).toEqual([2, 1, 0]);
    bad[6] = 1;
    expect(w.keyFromPkcs1(bad)).toBe(-1);
    const key = keys.get("node2048")!;
    const j = key.priv.export({ format: "jwk" });
    const b = (s?: string) => Uint8Array.from(Buffer.from(s!, "base64url"));
    expect(w.keyFromParts(b(j.n), b(j.e), b(j.d), b(j.p), b(j.q), b(j.dp), b(j.dq), b(j.qi))).toBeGreaterThanOrEqual(0);
    // p and q swapped in n's place: n' = n with one bit flipped is not p*q.
    const n2 = b(j.n); n2[10] ^= 4;
    expect(w.keyFromParts(n2, b(j.e), b(j.d), b(j.p), b(j.q), b(j.dp), b(j.dq), b(j.qi))).toBe(-1);
    // A wrong dp passes the structure checks, but the fault check refuses to release a signature.
    const dp2 = b(j.dp); dp2[dp2.length - 1] ^= 2;
    const h = w.keyFromParts(b(j.n), b(j.e), b(j.d), b(j.p), b(j.q), dp2, b(j.dq), b(j.qi));
    expect(h).toBeGreaterThanOrEqual(0);
    expect(w.pssSign(h, 2, new Uint8Array(32), new Uint8Array(32), randomBytes(32))).toBeNull();
    expect(w.pkcs1Sign(h, 2, new Uint8Array(32), randomBytes(32))).toBeNull();
  });
});

describe("PKCS #1 v1.5 verification edge cases (RFC 8017 §8.2.2)", () => {
  const mk = () => {
    const key = keys.get("node2048")!;
    const msg = randomBytes(33);
    const mh = digest("sha256", msg);
    return { key, mh, t: cat(hex(DI.sha256), mh) };
  };

  it("accepts the exact encoding built here and signed raw", () => {
    const { key, mh, t } = mk();
    expect(w.pkcs1Verify(key.n, key.e, 2, mh, rawSign(key, v15Block(key.k, t)))).toBe(true);
  });

  it("rejects signature representatives >= n, 0 and 1, and wrong lengths", () => {
    const { key, mh, t } = mk();
    const sig = rawSign(key, v15Block(key.k, t));
    const n = BigInt("0x" + Buffer.from(key.n).toString("hex"));
    const s = BigInt("0x" + Buffer.from(sig).toString("hex"));
    const asBytes = (x: bigint) => hex(x.toString(16).padStart(key.k * 2, "0"));
    expect(w.pkcs1Verify(key.n, key.e, 2, mh, asBytes(n))).toBe(false);
    if (s + n < 1n << BigInt(8 * key.k)) expect(w.pkcs1Verify(key.n, key.e, 2, mh, asBytes(s + n))).toBe(false);
    expect(w.pkcs1Verify(key.n, key.e, 2, mh, new Uint8Array(key.k).fill(0xff))).toBe(false);
    expect(w.pkcs1Verify(key.n, key.e, 2, mh, new Uint8Array(key.k))).toBe(false);
    expect(w.pkcs1Verify(key.n, key.e, 2, mh, asBytes(1n))).toBe(false);
    expect(w.pkcs1Verify(key.n, key.e, 2, mh, cat(Uint8Array.of(0), sig))).toBe(false);
    expect(w.pkcs1Verify(key.n, key.e, 2, mh, sig.subarray(1))).toBe(false);
    expect(w.pkcs1Verify(key.n, key.e, 2, mh, new Uint8Array(0))).toBe(false);
  });

  it("rejects a flipped bit anywhere in the signature and in the hash, and the wrong hash id", () => {
    const { key, mh, t } = mk();
    const sig = rawSign(key, v15Block(key.k, t));
    for (let bit = 0; bit < key.k * 8; bit += 61) {
      const bad = Uint8Array.from(sig); bad[bit >> 3] ^= 1 << (bit & 7);
      expect(w.pkcs1Verify(key.n, key.e, 2, mh, bad)).toBe(false);
    }
    for (let bit = 0; bit < 256; bit += 17) {
      const bad = Uint8Array.from(mh); bad[bit >> 3] ^= 1 << (bit & 7);
      expect(w.pkcs1Verify(key.n, key.e, 2, bad, sig)).toBe(false);
    }
    expect(w.pkcs1Verify(key.n, key.e, 3, mh, sig)).toBe(false);
    expect(w.pkcs1Verify(key.n, key.e, 9, mh, sig)).toBe(false);
    expect(w.pkcs1Verify(key.n, key.e, 2, mh.subarray(1), sig)).toBe(false);
  });

  it("rejects wrong DigestInfo: other OID, missing NULL, wrong lengths, BER long form", () => {
    const { key, mh } = mk();
    const bads = [
      cat(hex(DI.sha384), mh), // SHA-384 prefix with a 32-byte hash (and wrong inner length)
      cat(hex("302f300b0609608648016503040201" + "0420"), mh), // parameters absent
      cat(hex("3032300d060960864801650304020105000421"), mh, Uint8Array.of(0)), // OCTET STRING 33
      cat(hex("308131300d060960864801650304020105000420"), mh), // long-form length
      cat(hex("3031300d060960864801650304020205000420"), mh), // SHA-384 OID, SHA-256 sizes
    ];
    for (const t of bads) expect(w.pkcs1Verify(key.n, key.e, 2, mh, rawSign(key, v15Block(key.k, t)))).toBe(false);
  });

  it("rejects trailing garbage, short or non-FF padding and block type 2", () => {
    const { key, mh, t } = mk();
    const cases = [
      v15Block(key.k, t, { trailer: Uint8Array.of(0) }),
      v15Block(key.k, t, { trailer: randomBytes(40) }),
      v15Block(key.k, t, { bt: 2 }),
      v15Block(key.k, t, { fill: 0xfe }),
      // PS shorter by moving the hash block left and padding with garbage: the 2006 e=3 forgery shape.
      cat(Uint8Array.of(0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0), t, new Uint8Array(key.k - 11 - t.length)),
    ];
    const pad1 = v15Block(key.k, t); pad1[50] = 0xff ^ 0x10; cases.push(pad1);
    for (const em of cases) expect(w.pkcs1Verify(key.n, key.e, 2, mh, rawSign(key, em))).toBe(false);
    const e3 = keys.get("e3")!;
    expect(w.pkcs1Verify(e3.n, e3.e, 2, mh, rawSign(e3, v15Block(e3.k, t, { trailer: randomBytes(60) })))).toBe(false);
    expect(w.pkcs1Verify(e3.n, e3.e, 2, mh, rawSign(e3, v15Block(e3.k, t)))).toBe(true);
  });

  it("rejects bad public keys: even n, too small or too large n, e even, e = 1, e too long", () => {
    const { key, mh, t } = mk();
    const sig = rawSign(key, v15Block(key.k, t));
    const evenN = Uint8Array.from(key.n); evenN[evenN.length - 1] ^= 1;
    expect(w.pkcs1Verify(evenN, key.e, 2, mh, sig)).toBe(false);
    expect(w.pkcs1Verify(key.n, Uint8Array.of(1, 0, 0), 2, mh, sig)).toBe(false);
    expect(w.pkcs1Verify(key.n, Uint8Array.of(1), 2, mh, sig)).toBe(false);
    expect(w.pkcs1Verify(key.n, new Uint8Array(0), 2, mh, sig)).toBe(false);
    expect(w.pkcs1Verify(key.n, key.n, 2, mh, sig)).toBe(false);
    // Leading zero bytes on n and e are fine (DER INTEGER magnitudes often carry one).
    expect(w.pkcs1Verify(cat(Uint8Array.of(0), key.n), cat(Uint8Array.of(0, 0), key.e), 2, mh, sig)).toBe(true);
    // e is bounded to 33 bits (RSA_MAX_E_BITS): a 32-bit e works, a 34-bit one is refused.
    const big = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 0xffffffff });
    const bj = big.publicKey.export({ format: "jwk" });
    const bn = Uint8Array.from(Buffer.from(bj.n!, "base64url")), be = Uint8Array.from(Buffer.from(bj.e!, "base64url"));
    expect([...be]).toEqual([0xff, 0xff, 0xff, 0xff]);
    const bsig = Uint8Array.from(sign("sha256", Buffer.from("e"), big.privateKey));
    expect(w.pkcs1Verify(bn, be, 2, digest("sha256", Buffer.from("e")), bsig)).toBe(true);
    expect(w.publicRaw(bn, Uint8Array.of(1, 0, 0, 0, 1), bsig)).not.toBeNull(); // 33 bits
    expect(w.publicRaw(bn, Uint8Array.of(2, 0, 0, 0, 1), bsig)).toBeNull(); // 34 bits
    expect(w.publicRaw(bn, cat(new Uint8Array(200), Uint8Array.of(3)), bsig)).not.toBeNull(); // zeros ok
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const jn = Uint8Array.from(Buffer.from(small.publicKey.export({ format: "jwk" }).n!, "base64url"));
    const s1024 = Uint8Array.from(sign("sha256", Buffer.from("x"), small.privateKey));
    expect(w.pkcs1Verify(jn, key.e, 2, digest("sha256", Buffer.from("x")), s1024)).toBe(false);
    expect(w.pkcs1Verify(new Uint8Array(513).fill(0xff), key.e, 2, mh, new Uint8Array(513))).toBe(false);
  });

  it("raw public operation equals node's RSA without padding", () => {
    const key = keys.get("node3072")!;
    for (let i = 0; i < 10; i++) {
      const x = randomBytes(key.k); x[0] = 0;
      const want = Uint8Array.from(publicEncrypt({ key: key.pub, padding: constants.RSA_NO_PADDING }, x));
      expect(Buffer.from(w.publicRaw(key.n, key.e, x)).equals(Buffer.from(want))).toBe(true);
    }
  });
});

describe("hostile input never traps", () => {
  it("random and mutated n, e, signatures, hashes and key DER give false / null / -1", () => {
    const key = keys.get("node2048")!;
    const mh = digest("sha256", Buffer.from("fuzz"));
    const sig = Uint8Array.from(sign("sha256", Buffer.from("fuzz"), key.priv));
    const der = Uint8Array.from(key.priv.export({ type: "pkcs8", format: "der" }));
    const spki = Uint8Array.from(key.pub.export({ type: "spki", format: "der" }));
    const lens = [0, 1, 2, 3, 4, 255, 256, 257, 511, 512, 513, 1000];
    for (let i = 0; i < 300; i++) {
      const pick = () => randomBytes(lens[Math.floor(Math.random() * lens.length)]);
      const n = i % 3 == 0 ? key.n : pick(), e = i % 5 == 0 ? key.e : pick();
      const s = i % 2 == 0 ? sig : pick(), hsh = i % 4 == 0 ? mh : pick();
      const alg = (i % 7) - 1, salt = (i % 9) - 2;
      expect(typeof w.pkcs1Verify(n, e, alg, hsh, s)).toBe("boolean");
      expect(typeof w.pssVerify(n, e, alg, hsh, s, salt)).toBe("boolean");
      const r = w.publicRaw(n, e, s);
      expect(r === null || r.length === n.length).toBe(true);
      const bad = Uint8Array.from(i % 2 ? der : spki);
      for (let j = 0; j < 3; j++) bad[Math.floor(Math.random() * bad.length)] = Math.floor(Math.random() * 256);
      const cut = bad.subarray(0, Math.floor(Math.random() * (bad.length + 1)));
      expect(typeof w.keyFromPkcs8(cut)).toBe("number");
      w.pubN(cut, true); w.pubN(cut, false); // must return (null or bytes), not trap
    }
    expect(w.mgf(2, mh, -5).length).toBe(0);
    expect(w.pssSign(-1, 2, mh, new Uint8Array(32), new Uint8Array(0))).toBeNull();
  });
});

describe("PSS verification edge cases (RFC 8017 §9.1.2)", () => {
  it("salt length: exact match required unless auto (-1)", () => {
    const key = keys.get("node2048")!;
    const msg = randomBytes(50), mh = digest("sha256", msg);
    for (const saltLen of [0, 20, 32, 64, key.k - 32 - 2]) {
      const sig = Uint8Array.from(sign("sha256", msg, pss(key.priv, saltLen)));
      expect(w.pssVerify(key.n, key.e, 2, mh, sig, saltLen)).toBe(true);
      expect(w.pssVerify(key.n, key.e, 2, mh, sig, -1)).toBe(true);
      expect(w.pssVerify(key.n, key.e, 2, mh, sig, saltLen + 1)).toBe(false);
      if (saltLen > 0) expect(w.pssVerify(key.n, key.e, 2, mh, sig, saltLen - 1)).toBe(false);
    }
    const sig = Uint8Array.from(sign("sha256", msg, pss(key.priv, 32)));
    expect(w.pssVerify(key.n, key.e, 2, mh, sig, -2)).toBe(false);
    expect(w.pssVerify(key.n, key.e, 2, mh, sig, key.k)).toBe(false);
    expect(w.pssVerify(key.n, key.e, 4, digest("sha512", msg), sig, 32)).toBe(false);
  });

  it("our maximal salt signs and verifies; one byte more is refused", () => {
    const key = keys.get("node2048")!;
    const mh = digest("sha256", Buffer.from("m"));
    const emLen = Math.ceil((key.bits - 1) / 8);
    const max = emLen - 32 - 2;
    const sig = w.pssSign(key.h, 2, mh, randomBytes(max), randomBytes(32));
    expect(verify("sha256", Buffer.from("m"), pss(key.pub, max), sig)).toBe(true);
    expect(w.pssSign(key.h, 2, mh, randomBytes(max + 1), randomBytes(32))).toBeNull();
    expect(w.pssSign(key.h, 2, mh.subarray(1), randomBytes(32), randomBytes(32))).toBeNull();
    expect(w.pssSign(key.h, 7, mh, randomBytes(32), randomBytes(32))).toBeNull();
  });

  it("rejects a wrong trailer byte, set top bits, a missing 0x01 separator and a changed H", () => {
    for (const name of ["node2048", "odd"]) {
      const key = keys.get(name)!;
      const mh = digest("sha256", randomBytes(10)), salt = randomBytes(32);
      expect(w.pssVerify(key.n, key.e, 2, mh, rawSign(key, pssBlock(key, "sha256", mh, salt)), 32)).toBe(true);
      for (const o of [{ trailer: 0xbd }, { trailer: 0x00 }, { topBits: true }, { sep: 0x02 }, { sep: 0x00 }, { badHash: true }]) {
        const em = pssBlock(key, "sha256", mh, salt, o);
        if (BigInt("0x" + Buffer.from(em).toString("hex")) >= BigInt("0x" + Buffer.from(key.n).toString("hex"))) continue;
        expect(w.pssVerify(key.n, key.e, 2, mh, rawSign(key, em), 32)).toBe(false);
        expect(w.pssVerify(key.n, key.e, 2, mh, rawSign(key, em), -1)).toBe(false);
      }
    }
  });

  it("rejects flipped bits in signature and hash", () => {
    const key = keys.get("node3072")!;
    const msg = randomBytes(64), mh = digest("sha384", msg);
    const sig = Uint8Array.from(sign("sha384", msg, pss(key.priv, 48)));
    for (let bit = 0; bit < key.k * 8; bit += 97) {
      const bad = Uint8Array.from(sig); bad[bit >> 3] ^= 1 << (bit & 7);
      expect(w.pssVerify(key.n, key.e, 3, mh, bad, 48)).toBe(false);
    }
    const badH = Uint8Array.from(mh); badH[47] ^= 0x80;
    expect(w.pssVerify(key.n, key.e, 3, badH, sig, 48)).toBe(false);
    expect(w.pssVerify(key.n, key.e, 3, mh, sig, 48)).toBe(true);
  });

  it("MGF1 matches an independent implementation", () => {
    for (const hs of HASHES) {
      const seed = randomBytes(hs.len);
      for (const len of [0, 1, hs.len, hs.len + 1, 255]) {
        expect(Buffer.from(w.mgf(hs.id, seed, len)).equals(Buffer.from(mgf1(hs.name, seed, len)))).toBe(true);
      }
    }
  });
});
