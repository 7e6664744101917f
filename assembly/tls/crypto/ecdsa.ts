// ECDSA over P-256 (FIPS 186-5 §6.4, SEC 1 §4.1) and the DER form of its signatures (RFC 3279
// §2.2.3: SEQUENCE { r INTEGER, s INTEGER }).
//
// Signing derives the nonce k as RFC 6979 §3.2 does with HMAC-SHA-256, from the private key and the
// hash, and mixes in the caller's entropy as RFC 6979 §3.6's additional data k' (hedged): a broken
// entropy source still gives a safe deterministic nonce, and good entropy makes the nonce differ
// between signings of the same hash (which blunts fault attacks on deterministic signing). With
// empty entropy the result is exactly RFC 6979's. The secret work ([k]G, k^-1, s) is constant
// time. Verification does not require low S (as OpenSSL).
import { HASH_SHA256 } from "./sha2";
import { newHmac } from "./hmac";
import { wipe } from "./ct";
import { onlySequence } from "../../wire/der";
import { Num, numNew, numCopy, numFromBE, numToBE, numIsZero, numSub, numCmov } from "./mont-field";
import {
  Pt, scN, newTable, ptDecode, jacMulBase, jacToAffine, jacTable, jacMulTable, jacSumPublic, jacXEquals,
  scalarValid,
} from "./p256";

const nM = scN.m;
const tmpN = numNew();

/** bits2int (RFC 6979 §2.3.2) for qlen = 256: the leftmost 256 bits of h, as a number. */
function bits2int(r: Num, h: Uint8Array): void {
  const len = h.length < 32 ? h.length : 32;
  numFromBE(r, h, 0, len);
}
/** r = a mod n for a < 2^256 (a < 2n always holds for 256-bit a): one masked subtraction. */
function reduceOnce(r: Num, a: Num): void {
  const borrow = numSub(tmpN, a, nM);
  numCopy(r, a);
  numCmov(r, tmpN, 0 - (borrow ^ 1));
}

const kV = new Uint8Array(32), kK = new Uint8Array(32), kX = new Uint8Array(32), kH = new Uint8Array(32);
const sep = new Uint8Array(1);
const eN = numNew(), kN = numNew();

function hmacInto(out: Uint8Array, key: Uint8Array, a: Uint8Array, sepByte: i32, b: Uint8Array, c: Uint8Array, d: Uint8Array): void {
  const m = newHmac(HASH_SHA256, key)!;
  m.update(a);
  if (sepByte >= 0) { sep[0] = <u8>sepByte; m.update(sep); }
  m.update(b); m.update(c); m.update(d);
  m.finishPtr(out.dataStart);
}
const EMPTY = new Uint8Array(0);

/** RFC 6979 §3.2 steps b-h (with k' = extra), writing k (32 bytes, in [1, n-1]) to out. */
function deriveK(out: Uint8Array, priv: Uint8Array, h: Uint8Array, extra: Uint8Array): void {
  for (let i = 0; i < 32; i++) { unchecked(kV[i] = 1); unchecked(kK[i] = 0); unchecked(kX[i] = priv[i]); }
  bits2int(eN, h);
  reduceOnce(eN, eN);
  numToBE(kH, 0, eN);                                      // bits2octets(h1)
  hmacInto(kK, kK, kV, 0, kX, kH, extra);                  // d. K = HMAC_K(V || 0x00 || x || h1 || k')
  hmacInto(kV, kK, kV, -1, EMPTY, EMPTY, EMPTY);           // e. V = HMAC_K(V)
  hmacInto(kK, kK, kV, 1, kX, kH, extra);                  // f. K = HMAC_K(V || 0x01 || x || h1 || k')
  hmacInto(kV, kK, kV, -1, EMPTY, EMPTY, EMPTY);           // g. V = HMAC_K(V)
  for (;;) {                                               // h.
    hmacInto(kV, kK, kV, -1, EMPTY, EMPTY, EMPTY);
    // A candidate outside [1, n-1] has probability ~2^-32; the retry reveals only that.
    if (scalarValid(kV) != 0) break;
    hmacInto(kK, kK, kV, 0, EMPTY, EMPTY, EMPTY);
    hmacInto(kV, kK, kV, -1, EMPTY, EMPTY, EMPTY);
  }
  for (let i = 0; i < 32; i++) unchecked(out[i] = kV[i]);
}

const kBytes = new Uint8Array(32);
const R = new Pt();
const rN = numNew(), sN = numNew(), dN = numNew(), t1 = numNew(), t2 = numNew();
const xBytes = new Uint8Array(32);

/**
 * Signs a message hash (any length; its leftmost 256 bits are used) with a 32-byte private key in
 * [1, n-1]; entropy is caller randomness (32 bytes; any length works, empty gives RFC 6979).
 * Returns r || s (64 bytes), or an empty array when the key is not 32 bytes or not in [1, n-1].
 */
export function ecdsaP256Sign(priv: Uint8Array, hash: Uint8Array, entropy: Uint8Array): Uint8Array {
  if (<u32>priv.length != 32 || scalarValid(priv) == 0) return new Uint8Array(0);
  const sig = new Uint8Array(64);
  let extra = entropy;
  for (let attempt = 0; attempt < 64; attempt++) {
    deriveK(kBytes, priv, hash, extra);
    jacMulBase(R, kBytes);
    jacToAffine(xBytes, 0, R, false);         // R is never infinity for k in [1, n-1]
    numFromBE(rN, xBytes, 0, 32);
    reduceOnce(rN, rN);                       // r = x(R) mod n
    // s = k^-1 (e + r d) mod n, all in Montgomery form
    numFromBE(kN, kBytes, 0, 32);
    scN.toMont(kN, kN);
    scN.inv(kN, kN);                          // k^-1 R
    numFromBE(dN, priv, 0, 32);
    scN.toMont(dN, dN);
    scN.toMont(t1, rN);
    scN.mul(t1, t1, dN);                      // r d R
    bits2int(eN, hash);
    scN.toMont(t2, eN);                       // e R (toMont reduces e mod n)
    scN.add(t1, t1, t2);                      // (e + r d) R
    scN.mul(sN, t1, kN);                      // s R
    scN.fromMont(sN, sN);
    // r = 0 or s = 0 (probability ~2^-256): RFC 6979 would continue step h; deriving again with
    // the signature attempt folded into the extra data is just as good.
    if ((numIsZero(rN) | numIsZero(sN)) == 0) {
      numToBE(sig, 0, rN);
      numToBE(sig, 32, sN);
      wipeSecrets();
      return sig;
    }
    const e2 = new Uint8Array(extra.length + 1);
    e2.set(extra);
    e2[extra.length] = <u8>attempt;
    extra = e2;
  }
  wipeSecrets();
  return new Uint8Array(0);
}

/** Clears the nonce, the key copy and the DRBG state from the static buffers. */
function wipeSecrets(): void {
  wipe(kBytes.dataStart, 32); wipe(kV.dataStart, 32); wipe(kK.dataStart, 32); wipe(kX.dataStart, 32);
  wipe(changetype<usize>(kN), 32); wipe(changetype<usize>(dN), 32); wipe(changetype<usize>(t1), 32);
}

const Q = new Pt(), X = new Pt(), Y = new Pt();
const qTable = newTable();
const u1 = new Uint8Array(32), u2 = new Uint8Array(32);
const wN = numNew();

/**
 * Verifies r, s (32 bytes each, big-endian) over a hash with a 65-byte uncompressed public key
 * (validated as in p256.ts). False for any malformed input: r or s outside [1, n-1], a bad key.
 */
export function ecdsaP256Verify(pub: Uint8Array, hash: Uint8Array, r: Uint8Array, s: Uint8Array): bool {
  if (<u32>r.length != 32 || <u32>s.length != 32) return false;
  if (scalarValid(r) == 0 || scalarValid(s) == 0) return false;
  if (!ptDecode(Q, pub)) return false;
  numFromBE(rN, r, 0, 32);
  numFromBE(sN, s, 0, 32);
  if (!scN.invVartime(wN, sN)) return false;  // w = s^-1 (plain; s is public)
  bits2int(eN, hash);
  scN.toMont(t1, eN);
  scN.mul(t1, t1, wN);                        // u1 = e w (eR w / R)
  numToBE(u1, 0, t1);
  scN.toMont(t2, rN);
  scN.mul(t2, t2, wN);                        // u2 = r w
  numToBE(u2, 0, t2);
  jacMulBase(X, u1);                          // [u1]G (u1 may be 0: infinity)
  jacTable(qTable, Q);
  jacMulTable(Y, qTable, u2);                 // [u2]Q, u2 in [1, n-1]
  if (!jacSumPublic(X, X, Y)) return false;   // infinity
  // x(X) mod n == r  <=>  X = r' Z^2 for r' = r or r + n (when r + n < p), without an inversion.
  return jacXEquals(X, r) || (addN(rnBytes, rN) && jacXEquals(X, rnBytes));
}

const rnBytes = new Uint8Array(32);
const rnNum = numNew();
/** out = r + n as 32 bytes; false when it does not fit 256 bits. */
function addN(out: Uint8Array, r: Num): bool {
  let carry: u64 = 0;
  for (let i = 0; i < 8; i++) {
    const t = <u64>unchecked(r[i]) + <u64>unchecked(nM[i]) + carry;
    unchecked(rnNum[i] = <u32>t);
    carry = t >> 32;
  }
  if (carry != 0) return false;
  numToBE(out, 0, rnNum);
  return true;
}

/**
 * Parses a strict DER ECDSA-Sig-Value into r || s (64 bytes). Null for anything that is not exactly
 * one SEQUENCE of two minimal, non-negative INTEGERs of at most 32 significant bytes each, in
 * minimal definite lengths with no trailing bytes (read with wire/der.ts).
 */
export function ecdsaSigFromDer(der: Uint8Array): Uint8Array | null {
  const seq = onlySequence(der);
  if (seq === null) return null;
  const r = seq.readUnsigned(), s = seq.readUnsigned();
  if (!seq.finish() || r.length > 32 || s.length > 32) return null;
  const out = new Uint8Array(64);                 // zero stays zero (an empty magnitude)
  out.set(r, 32 - r.length);
  out.set(s, 64 - s.length);
  return out;
}

/** DER-encodes r || s (64 bytes) as an ECDSA-Sig-Value; an empty array for a bad length. */
export function ecdsaSigToDer(rs: Uint8Array): Uint8Array {
  if (<u32>rs.length != 64) return new Uint8Array(0);
  const lens = new StaticArray<i32>(2), starts = new StaticArray<i32>(2), pads = new StaticArray<i32>(2);
  let total = 0;
  for (let w = 0; w < 2; w++) {
    let st = w * 32;
    while (st < w * 32 + 31 && unchecked(rs[st]) == 0) st++;
    const pad = (unchecked(rs[st]) & 0x80) != 0 ? 1 : 0;
    unchecked(starts[w] = st);
    unchecked(pads[w] = pad);
    unchecked(lens[w] = w * 32 + 32 - st + pad);
    total += 2 + unchecked(lens[w]);
  }
  const hdr = total >= 0x80 ? 3 : 2;
  const out = new Uint8Array(hdr + total);
  let p = 0;
  out[p++] = 0x30;
  if (hdr == 3) out[p++] = 0x81;
  out[p++] = <u8>total;
  for (let w = 0; w < 2; w++) {
    out[p++] = 0x02;
    out[p++] = <u8>unchecked(lens[w]);
    if (unchecked(pads[w])) out[p++] = 0;
    for (let i = unchecked(starts[w]); i < w * 32 + 32; i++) out[p++] = rs[i];
  }
  return out;
}
