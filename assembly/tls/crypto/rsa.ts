// RSA signatures — RFC 8017 (PKCS #1 v2.2):
//   §5.2.2 RSAVP1, §8.2.2 / §9.2 RSASSA-PKCS1-v1_5 verification with exact EMSA-PKCS1-v1_5
//   re-encoding (DigestInfo prefixes from §9.2 note 1), §9.1.1 / §9.1.2 EMSA-PSS encode and
//   verify, §B.2.1 MGF1; §5.1.2 RSASP1 with the CRT (§3.2 second representation).
//   Keys: §A.1.1 RSAPublicKey, §A.1.2 RSAPrivateKey (two-prime only), and the PKCS #8 wrapper
//   (RFC 5208 §5) that `openssl genpkey` writes, plus SubjectPublicKeyInfo (RFC 5280 §4.1).
//
// Moduli of RSA_MIN_BITS..RSA_MAX_BITS bits. Public operations may take variable time (every input
// is public); the private operation is constant time (see bigint.ts), blinded with a random r
// (r^e multiplied in before, r^-1 after) drawn from caller entropy mixed with a per-key secret, and
// checked against the public key before the signature leaves (a fault gives null, not a
// signature that leaks a prime).
import {
  MontCtx, bitLengthVartime, cmpVartime, limbsFor, limbsFromBytes, limbsToBytes, modInverseVartime,
  mulFull,
} from "./bigint";
import { HASH_SHA1, HASH_SHA256, HASH_SHA384, HASH_SHA512, hashLen, hashOf, newHash } from "./sha2";
import { ctEqual } from "./ct";
import { DerReader, Tag, oidIs, onlySequence } from "../../wire/der";
import { OID_RSA_ENCRYPTION, RsaKeyParts, parseRsaPublicKey } from "../../wire/x509";

export const RSA_MIN_BITS: i32 = 2048;
export const RSA_MAX_BITS: i32 = 4096;

/**
 * Largest public exponent accepted, in bits. RFC 8017 sets no bound, but a huge e would let a
 * hostile certificate make each verification cost a full-size exponentiation; keys in use have
 * e = 65537 (or 3), and 33 bits is the bound other TLS stacks apply too.
 */
export const RSA_MAX_E_BITS: i32 = 33;

/** Salt length for rsaPssVerify meaning "whatever the encoding holds" (RFC 8017 §9.1.2 allows it). */
export const PSS_SALT_AUTO: i32 = -1;

// ---------------------------------------------------------------------------------------------
// DigestInfo prefixes, RFC 8017 §9.2 note 1: DER of DigestInfo up to the digest bytes.

const DI_SHA1: StaticArray<u8> = [0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14];
const DI_SHA256: StaticArray<u8> = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
const DI_SHA384: StaticArray<u8> = [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30];
const DI_SHA512: StaticArray<u8> = [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40];

function digestInfoPrefix(alg: i32): StaticArray<u8> | null {
  if (alg == HASH_SHA256) return DI_SHA256;
  if (alg == HASH_SHA384) return DI_SHA384;
  if (alg == HASH_SHA512) return DI_SHA512;
  if (alg == HASH_SHA1) return DI_SHA1;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Byte helpers

function stripZeros(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length && unchecked(b[i]) == 0) i++;
  return b.subarray(i);
}

/** MGF1 (RFC 8017 §B.2.1) with hash `alg`: `len` bytes from `seed`. */
export function mgf1(alg: i32, seed: Uint8Array, len: i32): Uint8Array {
  if (len < 0) return new Uint8Array(0);
  const out = new Uint8Array(len);
  const h = newHash(alg);
  if (h === null) return out;
  const hl = h.outLen;
  const ctr = new Uint8Array(4);
  let off = 0;
  for (let c: u32 = 0; off < len; c++) {
    ctr[0] = <u8>(c >> 24); ctr[1] = <u8>(c >> 16); ctr[2] = <u8>(c >> 8); ctr[3] = <u8>c;
    h.update(seed);
    h.update(ctr);
    const d = h.finish();
    const n = len - off < hl ? len - off : hl;
    for (let i = 0; i < n; i++) unchecked(out[off + i] = d[i]);
    off += n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public key

/** An RSA public key: n and e as big-endian magnitudes (no leading zero bytes). */
export class RsaPublicKey {
  constructor(public n: Uint8Array, public e: Uint8Array) {}
}

/** A checked public key ready for RSAVP1. */
class PubCtx {
  ctx: MontCtx;
  bits: i32;
  /** Modulus length in bytes (k in RFC 8017). */
  len: i32;
  e: Uint8Array;
  n: StaticArray<u32>;
  constructor(ctx: MontCtx, n: StaticArray<u32>, bits: i32, e: Uint8Array) {
    this.ctx = ctx; this.n = n; this.bits = bits; this.len = (bits + 7) >> 3; this.e = e;
  }
}

/**
 * Checks n (odd, RSA_MIN_BITS..RSA_MAX_BITS bits) and e (odd, 3 <= e < n) and builds the
 * Montgomery context. Leading zero bytes are allowed on both.
 */
function pubCtx(n0: Uint8Array, e0: Uint8Array): PubCtx | null {
  const n = stripZeros(n0);
  const e = stripZeros(e0);
  if (n.length == 0 || e.length == 0) return null;
  if (<u32>n.length > <u32>(RSA_MAX_BITS >> 3)) return null;
  const k = limbsFor(n.length);
  const nl = limbsFromBytes(n, k);
  if (nl === null) return null;
  const bits = bitLengthVartime(nl);
  if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) return null;
  // e: odd, at least 3, at most RSA_MAX_E_BITS bits (so also e < n).
  if ((unchecked(e[e.length - 1]) & 1) == 0) return null;
  if (e.length == 1 && unchecked(e[0]) < 3) return null;
  const eBits = (e.length << 3) - <i32>clz<u32>(<u32>unchecked(e[0])) + 24;
  if (eBits > RSA_MAX_E_BITS) return null;
  const ctx = MontCtx.create(nl);
  if (ctx === null) return null;
  return new PubCtx(ctx, nl, bits, e);
}

/** RSAVP1 (RFC 8017 §5.2.2): s^e mod n as `outLen` bytes, or null when s is not a k-byte value < n. */
function rsavp1(pc: PubCtx, sig: Uint8Array, outLen: i32): Uint8Array | null {
  if (sig.length != pc.len) return null;
  const ctx = pc.ctx;
  const s = limbsFromBytes(sig, ctx.k);
  if (s === null) return null;
  if (cmpVartime(s, pc.n) >= 0) return null; // "signature representative out of range"
  const x = new StaticArray<u32>(ctx.k);
  ctx.toMont(x, s);
  ctx.powPublicVartime(x, x, pc.e);
  ctx.fromMont(x, x);
  if (outLen < pc.len) {
    // The value must fit in outLen bytes (I2OSP would fail otherwise): bytes above are zero.
    const full = limbsToBytes(x, pc.len);
    for (let i = 0; i < pc.len - outLen; i++) if (unchecked(full[i]) != 0) return null;
    return full.subarray(pc.len - outLen);
  }
  return limbsToBytes(x, outLen);
}

/**
 * Raw public operation for tests and callers that know what they do: s^e mod n as k bytes, or
 * null for a bad key or a signature that is not a k-byte value below n.
 */
export function rsaPublicRaw(n: Uint8Array, e: Uint8Array, sig: Uint8Array): Uint8Array | null {
  const pc = pubCtx(n, e);
  if (pc === null) return null;
  return rsavp1(pc, sig, pc.len);
}

/** EMSA-PKCS1-v1_5 encoding (RFC 8017 §9.2) of a precomputed hash, or null. */
function pkcs1v15Encode(hashAlg: i32, hash: Uint8Array, emLen: i32): Uint8Array | null {
  const prefix = digestInfoPrefix(hashAlg);
  if (prefix === null) return null;
  if (hash.length != hashLen(hashAlg)) return null;
  const tLen = prefix.length + hash.length;
  if (emLen < tLen + 11) return null; // "intended encoded message length too short"
  const em = new Uint8Array(emLen);
  em[1] = 0x01;
  const psEnd = emLen - tLen - 1;
  for (let i = 2; i < psEnd; i++) unchecked(em[i] = 0xff);
  em[psEnd] = 0x00;
  for (let i = 0; i < prefix.length; i++) unchecked(em[psEnd + 1 + i] = prefix[i]);
  for (let i = 0; i < hash.length; i++) unchecked(em[emLen - hash.length + i] = hash[i]);
  return em;
}

/**
 * RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) of `hash` (the digest of the message under
 * `hashAlg`, one of HASH_*): the recovered block must equal the one we encode, byte for byte.
 */
export function rsaPkcs1v15Verify(n: Uint8Array, e: Uint8Array, hashAlg: i32, hash: Uint8Array, sig: Uint8Array): bool {
  const pc = pubCtx(n, e);
  if (pc === null) return false;
  const want = pkcs1v15Encode(hashAlg, hash, pc.len);
  if (want === null) return false;
  const got = rsavp1(pc, sig, pc.len);
  if (got === null) return false;
  return ctEqual(got, want);
}

/**
 * RSASSA-PSS verification (RFC 8017 §8.1.2, EMSA-PSS-VERIFY §9.1.2) with MGF1 over the same hash.
 * `saltLen` is the expected salt length, or PSS_SALT_AUTO (-1) to accept any.
 */
export function rsaPssVerify(n: Uint8Array, e: Uint8Array, hashAlg: i32, hash: Uint8Array, sig: Uint8Array, saltLen: i32): bool {
  const pc = pubCtx(n, e);
  if (pc === null) return false;
  const hLen = hashLen(hashAlg);
  if (hLen == 0 || hash.length != hLen) return false;
  if (saltLen < PSS_SALT_AUTO) return false;
  const emBits = pc.bits - 1;
  const emLen = (emBits + 7) >> 3;
  const em = rsavp1(pc, sig, emLen);
  if (em === null) return false;
  // §9.1.2 step 3.
  if (emLen < hLen + (saltLen < 0 ? 0 : saltLen) + 2) return false;
  // Step 4.
  if (unchecked(em[emLen - 1]) != 0xbc) return false;
  const dbLen = emLen - hLen - 1;
  const maskedDb = em.subarray(0, dbLen);
  const h = em.subarray(dbLen, dbLen + hLen);
  // Step 6: the leftmost 8*emLen - emBits bits must be zero.
  const topMask = <u8>(<u32>0xff >> <u32>(8 * emLen - emBits));
  if ((unchecked(maskedDb[0]) & ~topMask) != 0) return false;
  // Steps 7-9.
  const db = mgf1(hashAlg, h, dbLen);
  for (let i = 0; i < dbLen; i++) unchecked(db[i] = db[i] ^ maskedDb[i]);
  db[0] &= topMask;
  // Step 10: PS zeros, then 0x01, then the salt.
  let i = 0;
  while (i < dbLen && unchecked(db[i]) == 0) i++;
  if (i >= dbLen || unchecked(db[i]) != 0x01) return false;
  const sLen = dbLen - i - 1;
  if (saltLen >= 0 && sLen != saltLen) return false;
  // Steps 12-14.
  const mp = new Uint8Array(8 + hLen + sLen);
  for (let j = 0; j < hLen; j++) unchecked(mp[8 + j] = hash[j]);
  for (let j = 0; j < sLen; j++) unchecked(mp[8 + hLen + j] = db[i + 1 + j]);
  const h2 = hashOf(hashAlg, mp);
  return ctEqual(h, h2);
}

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) for a modulus of modBits bits; null when it does not fit. */
function pssEncode(hashAlg: i32, hash: Uint8Array, salt: Uint8Array, modBits: i32): Uint8Array | null {
  const hLen = hashLen(hashAlg);
  if (hLen == 0 || hash.length != hLen) return null;
  const emBits = modBits - 1;
  const emLen = (emBits + 7) >> 3;
  const sLen = salt.length;
  if (emLen < hLen + sLen + 2) return null; // "encoding error"
  const mp = new Uint8Array(8 + hLen + sLen);
  for (let j = 0; j < hLen; j++) unchecked(mp[8 + j] = hash[j]);
  for (let j = 0; j < sLen; j++) unchecked(mp[8 + hLen + j] = salt[j]);
  const h = hashOf(hashAlg, mp);
  const dbLen = emLen - hLen - 1;
  const em = mgf1(hashAlg, h, dbLen + hLen + 1); // maskedDB in front, the rest overwritten
  // DB = PS || 0x01 || salt, XORed into the mask in place.
  em[dbLen - sLen - 1] ^= 0x01;
  for (let j = 0; j < sLen; j++) unchecked(em[dbLen - sLen + j] = em[dbLen - sLen + j] ^ salt[j]);
  em[0] &= <u8>(<u32>0xff >> <u32>(8 * emLen - emBits));
  for (let j = 0; j < hLen; j++) unchecked(em[dbLen + j] = h[j]);
  em[emLen - 1] = 0xbc;
  return em;
}

// ---------------------------------------------------------------------------------------------
// Key formats, read with the strict DER reader of wire/der.ts

/** Reads AlgorithmIdentifier { rsaEncryption, NULL } (RFC 8017 §A.1; parameters NULL required). */
function readRsaAlgId(d: DerReader): bool {
  if (!d.expect(Tag.SEQUENCE)) return false;
  const alg = d.enter();
  const oid = alg.readOid();
  if (!alg.ok || !oidIs(oid, OID_RSA_ENCRYPTION)) return false;
  return alg.readNull() && alg.finish();
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 §A.1.1). */
export function rsaPublicKeyFromDer(der: Uint8Array): RsaPublicKey | null {
  const parts = new RsaKeyParts();
  if (!parseRsaPublicKey(der, parts)) return null;
  if (pubCtx(parts.n, parts.e) === null) return null;
  return new RsaPublicKey(parts.n, parts.e);
}

/** SubjectPublicKeyInfo (RFC 5280 §4.1) holding an rsaEncryption key. */
export function rsaPublicKeyFromSpki(der: Uint8Array): RsaPublicKey | null {
  const s = onlySequence(der);
  if (s === null || !readRsaAlgId(s)) return null;
  const key = s.readOctetAlignedBits();
  if (!s.finish()) return null;
  return rsaPublicKeyFromDer(key);
}

// ---------------------------------------------------------------------------------------------
// Private key and signing

/** A two-prime RSA private key prepared for CRT signing. */
export class RsaPrivateKey {
  /** Public part. */
  n: Uint8Array;
  e: Uint8Array;
  bits: i32;
  private pc: PubCtx;
  private ctxP: MontCtx;
  private ctxQ: MontCtx;
  private q: StaticArray<u32>;
  private dp: StaticArray<u32>;
  private dq: StaticArray<u32>;
  private qinv: StaticArray<u32>;
  /** Per-key secret mixed into the blinding derivation (SHA-512 of d, p and q). */
  private blindKey: Uint8Array;

  private constructor(pc: PubCtx, ctxP: MontCtx, ctxQ: MontCtx, q: StaticArray<u32>,
    dp: StaticArray<u32>, dq: StaticArray<u32>, qinv: StaticArray<u32>, blindKey: Uint8Array, n: Uint8Array, e: Uint8Array) {
    this.pc = pc; this.ctxP = ctxP; this.ctxQ = ctxQ; this.q = q; this.dp = dp; this.dq = dq;
    this.qinv = qinv; this.blindKey = blindKey; this.n = n; this.e = e; this.bits = pc.bits;
  }

  /**
   * A key from its RFC 8017 §A.1.2 components (big-endian, leading zeros allowed). Checks sizes,
   * that p and q are odd and that p*q = n. d only seeds the blinding derivation.
   */
  static fromParts(n: Uint8Array, e: Uint8Array, d: Uint8Array, p: Uint8Array, q: Uint8Array,
    dp: Uint8Array, dq: Uint8Array, qinv: Uint8Array): RsaPrivateKey | null {
    const pc = pubCtx(n, e);
    if (pc === null) return null;
    const p1 = stripZeros(p), q1 = stripZeros(q);
    if (p1.length == 0 || q1.length == 0) return null;
    const kp = limbsFor(p1.length), kq = limbsFor(q1.length);
    const kn = pc.ctx.k;
    // reduceToMont needs n (and q, for the recombination) within twice each prime's width.
    if (kn > 2 * kp || kn > 2 * kq || kq > 2 * kp) return null;
    const pl = limbsFromBytes(p1, kp), ql = limbsFromBytes(q1, kq);
    if (pl === null || ql === null) return null;
    const dpl = limbsFromBytes(dp, kp), dql = limbsFromBytes(dq, kq), qil = limbsFromBytes(qinv, kp);
    if (dpl === null || dql === null || qil === null) return null;
    // p*q must be n exactly.
    const prod = new StaticArray<u32>(kp + kq);
    mulFull(prod, pl, ql);
    for (let i = 0; i < kp + kq; i++) {
      const want = i < kn ? unchecked(pc.n[i]) : 0;
      if (unchecked(prod[i]) != want) return null;
    }
    const ctxP = MontCtx.create(pl), ctxQ = MontCtx.create(ql);
    if (ctxP === null || ctxQ === null) return null;
    const h = newHash(HASH_SHA512)!;
    h.update(d); h.update(p1); h.update(q1);
    const blindKey = h.finish();
    return new RsaPrivateKey(pc, ctxP, ctxQ, ql, dpl, dql, qil, blindKey, stripZeros(n), stripZeros(e));
  }

  /** RSAPrivateKey DER (RFC 8017 §A.1.2, version 0: two primes), as `openssl genrsa -traditional`. */
  static fromPkcs1Der(der: Uint8Array): RsaPrivateKey | null {
    const s = onlySequence(der);
    return s === null ? null : RsaPrivateKey.readPkcs1(s);
  }

  /** PrivateKeyInfo DER (RFC 5208 §5) wrapping an rsaEncryption RSAPrivateKey (`openssl genpkey`). */
  static fromPkcs8Der(der: Uint8Array): RsaPrivateKey | null {
    const s = onlySequence(der);
    if (s === null) return null;
    const v = s.readUnsigned();
    if (!s.ok || v.length != 0) return null; // version 0
    if (!readRsaAlgId(s)) return null;
    const inner = s.readOctets();
    // Optional attributes [0] follow; RSA keys from openssl have none, anything else is rejected.
    if (!s.finish()) return null;
    const rk = onlySequence(inner);
    return rk === null ? null : RsaPrivateKey.readPkcs1(rk);
  }

  private static readPkcs1(s: DerReader): RsaPrivateKey | null {
    const v = s.readUnsigned();
    if (!s.ok || v.length != 0) return null; // version 0 (two-prime)
    const n = s.readUnsigned(), e = s.readUnsigned(), d = s.readUnsigned(), p = s.readUnsigned();
    const q = s.readUnsigned(), dp = s.readUnsigned(), dq = s.readUnsigned(), qi = s.readUnsigned();
    if (!s.finish()) return null;
    return RsaPrivateKey.fromParts(n, e, d, p, q, dp, dq, qi);
  }

  /** Modulus length in bytes: the length of every signature. */
  get len(): i32 { return this.pc.len; }

  /**
   * RSASP1 (RFC 8017 §5.1.2) on an encoded message `em` of `len` bytes (its value must be < n):
   * CRT, blinded, constant time, checked against the public key. Null on any failure.
   */
  signRaw(em: Uint8Array, entropy: Uint8Array): Uint8Array | null {
    const pc = this.pc;
    const ctxN = pc.ctx;
    const kn = ctxN.k;
    if (em.length != pc.len) return null;
    const m = limbsFromBytes(em, kn);
    if (m === null || cmpVartime(m, pc.n) >= 0) return null;

    // Blinding values r and t below n (their top bits cleared), from SHA-512 in counter mode over
    // the per-key secret, the caller's entropy and the message.
    const need = kn << 3;
    const mat = new Uint8Array(need);
    const h = newHash(HASH_SHA512)!;
    const ctr = new Uint8Array(4);
    for (let off = 0, c = 0; off < need; c++) {
      ctr[3] = <u8>c; ctr[2] = <u8>(c >> 8);
      h.update(this.blindKey); h.update(ctr); h.update(entropy); h.update(em);
      const blk = h.finish();
      const nb = need - off < 64 ? need - off : 64;
      for (let i = 0; i < nb; i++) unchecked(mat[off + i] = blk[i]);
      off += nb;
    }
    const r = limbsFromBytes(mat.subarray(0, kn << 2), kn)!;
    const t = limbsFromBytes(mat.subarray(kn << 2), kn)!;
    const topBits = (pc.bits - 1) & 31; // n's top limb has bit topBits set: keep only lower bits
    const topMask: u32 = topBits == 0 ? 0 : (<u32>0xFFFFFFFF >> (32 - topBits));
    unchecked(r[kn - 1] = r[kn - 1] & topMask);
    unchecked(t[kn - 1] = t[kn - 1] & topMask);
    unchecked(r[0] = r[0] | 1);
    unchecked(t[0] = t[0] | 1);

    // r^-1 = (r t)^-1 * t: the variable-time inversion only sees the product with the unknown t.
    const rM = new StaticArray<u32>(kn), tmp = new StaticArray<u32>(kn);
    ctxN.toMont(rM, r);
    ctxN.mul(tmp, t, rM); // r*t (plain)
    const inv = modInverseVartime(tmp, pc.n);
    if (inv === null) return null;
    const rInvM = new StaticArray<u32>(kn);
    ctxN.toMont(tmp, t);
    ctxN.mul(rInvM, tmp, inv); // (rt)^-1 t = r^-1 (plain)
    ctxN.toMont(rInvM, rInvM);

    // Blind: b = m * r^e mod n.
    const mM = new StaticArray<u32>(kn);
    ctxN.toMont(mM, m);
    const reM = new StaticArray<u32>(kn);
    ctxN.powPublicVartime(reM, rM, pc.e);
    const b = new StaticArray<u32>(kn);
    ctxN.mul(b, mM, reM);
    ctxN.fromMont(b, b);

    // CRT: sp = b^dp mod p, sq = b^dq mod q, h = qinv (sp - sq) mod p, s = sq + q h.
    const ctxP = this.ctxP, ctxQ = this.ctxQ;
    const kp = ctxP.k, kq = ctxQ.k;
    const xp = new StaticArray<u32>(kp), xq = new StaticArray<u32>(kq);
    ctxP.reduceToMont(xp, b);
    ctxQ.reduceToMont(xq, b);
    ctxP.powSecret(xp, xp, this.dp);
    ctxQ.powSecret(xq, xq, this.dq);
    ctxQ.fromMont(xq, xq); // sq plain
    const sqP = new StaticArray<u32>(kp);
    ctxP.reduceToMont(sqP, xq);
    ctxP.subMod(xp, xp, sqP); // (sp - sq) R mod p
    ctxP.mul(xp, this.qinv, xp); // h plain (qinv < R as a, the reduced value as b)
    const prod = new StaticArray<u32>(kp + kq + 1);
    mulFull(prod, this.q, xp);
    // + sq with carry through the top.
    let c: u64 = 0;
    for (let i = 0; i < kp + kq + 1; i++) {
      const s = <u64>unchecked(prod[i]) + (i < kq ? <u64>unchecked(xq[i]) : 0) + c;
      unchecked(prod[i] = <u32>s);
      c = s >> 32;
    }
    const sb = new StaticArray<u32>(kn);
    memory.copy(changetype<usize>(sb), changetype<usize>(prod), <usize>kn << 2);

    // Unblind: s = s' r^-1 mod n.
    ctxN.mul(sb, sb, rInvM); // s' * (r^-1 R) / R: plain s

    // Fault check (RSAVP1 must give m back).
    const chk = new StaticArray<u32>(kn);
    ctxN.toMont(chk, sb);
    ctxN.powPublicVartime(chk, chk, pc.e);
    ctxN.fromMont(chk, chk);
    if (cmpVartime(chk, m) != 0) return null;
    return limbsToBytes(sb, pc.len);
  }
}

/**
 * RSASSA-PSS signature (RFC 8017 §8.1.1) of `hash` (digest of the message under `hashAlg`), MGF1
 * with the same hash, the given salt (TLS 1.3 uses a salt as long as the hash, RFC 8446 §4.2.3).
 * `entropy` (any length; 32 bytes from the host's source is plenty) feeds the blinding; without it
 * the blinding is derived from the key and message alone. Null on bad arguments or a fault.
 */
export function rsaPssSign(key: RsaPrivateKey, hashAlg: i32, hash: Uint8Array, salt: Uint8Array,
  entropy: Uint8Array = new Uint8Array(0)): Uint8Array | null {
  const em0 = pssEncode(hashAlg, hash, salt, key.bits);
  if (em0 === null) return null;
  // EM has emLen bytes; as an integer it is left-padded to the modulus length.
  const k = key.len;
  let em = em0;
  if (em0.length < k) {
    em = new Uint8Array(k);
    for (let i = 0; i < em0.length; i++) unchecked(em[k - em0.length + i] = em0[i]);
  }
  return key.signRaw(em, entropy);
}

/** RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2.1) of `hash`, for TLS 1.2 peers. Null on bad input. */
export function rsaPkcs1v15Sign(key: RsaPrivateKey, hashAlg: i32, hash: Uint8Array,
  entropy: Uint8Array = new Uint8Array(0)): Uint8Array | null {
  const em = pkcs1v15Encode(hashAlg, hash, key.len);
  if (em === null) return null;
  return key.signRaw(em, entropy);
}
