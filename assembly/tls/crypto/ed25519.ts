// Ed25519 (RFC 8032 §5.1): key generation, signing and verification (PureEdDSA, no context).
//
// Points are in extended twisted Edwards coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z, and
// are added with the unified formulas of Hisil-Wong-Carter-Dawson 2008 §3.1 (a = -1), which are
// complete on this curve (d is not a square), so there are no exceptional cases to branch on.
// Secret scalar multiplication ([a]B, [r]B) uses a fixed-base comb with masked table selection:
// no branch and no memory index depends on a secret; secrets are wiped from static buffers after use.
// Verification follows what OpenSSL (node:crypto) does, so that both agree on every input:
// S must be below L, the public key must decode, and the check is the cofactorless
// encode([S]B - [k]A) == R byte comparison (so a non-canonical R never verifies).
import {
  Fe, feNew, feOne, feZero, feCopy, feAdd, feSub, feNeg, feMul, feSq, feMulSmall, feCarry,
  feInvert, fePow22523, feFromBytes, feToBytes, feIsZero, feIsNegative,
} from "./field25519";
import { Sha512 } from "./sha2";
import { COMB_POINTS, batchInvert, combMultiples, putLimbs, select3 } from "./window-table";
import { wipe } from "./ct";
import { Mont256, Num, numNew, numFromLE, numToLE, numLt } from "./mont-field";

function feHex(le: string): Fe {
  const b = new Uint8Array(32);
  for (let i = 0; i < 32; i++) b[i] = <u8>I32.parseInt(le.substr(i * 2, 2), 16);
  const f = feNew();
  feFromBytes(f, b, 0);
  return f;
}

// Constants (little-endian encodings), derived from RFC 8032 §5.1: d = -121665/121666,
// sqrt(-1) = 2^((p-1)/4), base point B = (x, 4/5) with x even.
const D2 = feHex("59f1b226949bd6eb56b183829a14e00030d1f3eef2808e19e7fcdf56dcd90624");
const D = feHex("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352");
const SQRTM1 = feHex("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b");
const BX = feHex("1ad5258f602d56c9b2a7259560c72c695cdcd6fd31e2a4c0fe536ecdd3366921");
const BY = feHex("5866666666666666666666666666666666666666666666666666666666666666");

// L = 2^252 + 27742317777372353535851937790883648493, the order of B, big-endian.
const L_BE: u8[] = [
  0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0x14, 0xde, 0xf9, 0xde, 0xa2, 0xf7, 0x9c, 0xd6, 0x58, 0x12, 0x63, 0x1a, 0x5c, 0xf5, 0xd3, 0xed,
];
function bytesOf(a: u8[]): Uint8Array {
  const r = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i];
  return r;
}
const scL = new Mont256(bytesOf(L_BE));

@final class Ge {
  x: Fe = feNew();
  y: Fe = feNew();
  z: Fe = feNew();
  t: Fe = feNew();
}

function geIdentity(p: Ge): void { feZero(p.x); feOne(p.y); feOne(p.z); feZero(p.t); }
function geCopy(r: Ge, p: Ge): void { feCopy(r.x, p.x); feCopy(r.y, p.y); feCopy(r.z, p.z); feCopy(r.t, p.t); }
function geNeg(r: Ge, p: Ge): void {
  feNeg(r.x, p.x); feCarry(r.x, r.x);
  feCopy(r.y, p.y); feCopy(r.z, p.z);
  feNeg(r.t, p.t); feCarry(r.t, r.t);
}

const ta = feNew(), tb = feNew(), tc = feNew(), td = feNew();
const te = feNew(), tf = feNew(), tg = feNew(), th = feNew();

/** r = p + q (add-2008-hwcd-3, complete for a = -1). r may alias p or q. */
function geAdd(r: Ge, p: Ge, q: Ge): void {
  feSub(ta, p.y, p.x); feSub(tb, q.y, q.x); feMul(ta, ta, tb);   // A = (Y1-X1)(Y2-X2)
  feAdd(tb, p.y, p.x); feAdd(tc, q.y, q.x); feMul(tb, tb, tc);   // B = (Y1+X1)(Y2+X2)
  feMul(tc, p.t, D2); feMul(tc, tc, q.t);                        // C = T1 2d T2
  feMul(td, p.z, q.z); feMulSmall(td, td, 2);                    // D = 2 Z1 Z2
  geAddFinish(r);
}

/** The end every addition shares, from A, B, C, D in ta..td: E = B - A, F = D - C, G = D + C,
 *  H = B + A, then r = (E F, G H, F G, E H). */
@inline function geAddFinish(r: Ge): void {
  feSub(te, tb, ta); feSub(tf, td, tc); feAdd(tg, td, tc); feAdd(th, tb, ta);
  geFromEfgh(r);
}

/** r = (X, Y, Z, T) = (E F, G H, F G, E H) from E, F, G, H in te..th (additions and doublings). */
@inline function geFromEfgh(r: Ge): void {
  feMul(r.x, te, tf);
  feMul(r.y, tg, th);
  feMul(r.t, te, th);
  feMul(r.z, tf, tg);
}

/** r = 2p (dbl-2008-hwcd with a = -1). r may alias p. */
function geDouble(r: Ge, p: Ge): void {
  feSq(ta, p.x);                                   // A = X^2
  feSq(tb, p.y);                                   // B = Y^2
  feSq(tc, p.z); feMulSmall(tc, tc, 2);            // C = 2 Z^2
  feAdd(te, p.x, p.y); feSq(te, te);
  feSub(te, te, ta); feSub(te, te, tb); feCarry(te, te); // E = (X+Y)^2 - A - B
  feSub(tg, tb, ta);                               // G = -A + B
  feSub(tf, tg, tc); feCarry(tf, tf);              // F = G - C
  feAdd(th, ta, tb); feNeg(th, th);                // H = -A - B
  geFromEfgh(r);
}

/** Fills table[i] = i p for i in 0..15. */
function geTable(table: StaticArray<Ge>, p: Ge): void {
  geIdentity(unchecked(table[0]));
  geCopy(unchecked(table[1]), p);
  for (let i = 2; i < 16; i++) {
    if ((i & 1) == 0) geDouble(unchecked(table[i]), unchecked(table[i >> 1]));
    else geAdd(unchecked(table[i]), unchecked(table[i - 1]), p);
  }
}
function newTable(): StaticArray<Ge> {
  const t = new StaticArray<Ge>(16);
  for (let i = 0; i < 16; i++) unchecked(t[i] = new Ge());
  return t;
}

const baseTable = newTable();
let baseReady = false;
function base(): StaticArray<Ge> {
  if (!baseReady) {
    const b = new Ge();
    feCopy(b.x, BX); feCopy(b.y, BY); feOne(b.z); feMul(b.t, BX, BY);
    geTable(baseTable, b);
    baseReady = true;
  }
  return baseTable;
}

// Fixed-base comb for B: COMB holds, for each nibble position i (0..63) and digit j (0..15), the
// point j 16^i B in affine "precomputed" form (y + x, y - x, 2 d x y), 30 limbs per entry, so that
// [s]B = sum of COMB[i][s_i] costs 64 mixed additions and no doubling. Built once on first use
// (public data); entries are selected with masks (the digits are secret).
const ENTRY = 30;
const COMB = new StaticArray<i32>(64 * 16 * ENTRY);
let combReady = false;
const cx = feNew(), cy = feNew(), cz = feNew();

function buildComb(): void {
  const n = COMB_POINTS;
  const pts = new StaticArray<Ge>(n);
  for (let k = 0; k < n; k++) unchecked(pts[k] = new Ge());
  const bas = new Ge();
  feCopy(bas.x, BX); feCopy(bas.y, BY); feOne(bas.z); feMul(bas.t, BX, BY);
  combMultiples<Ge>(pts, bas, geCopy, geDouble, geAdd);
  const zs = new StaticArray<Fe>(n), zinv = new StaticArray<Fe>(n);
  for (let k = 0; k < n; k++) { unchecked(zs[k] = unchecked(pts[k]).z); unchecked(zinv[k] = feNew()); }
  batchInvert(zinv, zs, feCopy, feMul, feInvert);
  for (let k = 0; k < n; k++) {
    const pk = unchecked(pts[k]), zk = unchecked(zinv[k]);
    feMul(cx, pk.x, zk);
    feMul(cy, pk.y, zk);
    const base = ((k / 15) * 16 + k % 15 + 1) * ENTRY;
    feAdd(cz, cy, cx); feCarry(cz, cz); putLimbs(COMB, base, cz);
    feSub(cz, cy, cx); feCarry(cz, cz); putLimbs(COMB, base + 10, cz);
    feMul(cz, cx, cy); feMul(cz, cz, D2); putLimbs(COMB, base + 20, cz);
  }
  for (let i = 0; i < 64; i++) {                            // digit 0: the identity (1, 1, 0)
    const base = i * 16 * ENTRY;
    for (let l = 0; l < ENTRY; l++) unchecked(COMB[base + l] = 0);
    unchecked(COMB[base] = 1);
    unchecked(COMB[base + 10] = 1);
  }
  combReady = true;
}

const ypx = feNew(), ymx = feNew(), xy2d = feNew();

/** r = [s]B for a 32-byte little-endian s, with the comb; constant time. */
function geMulBase(r: Ge, s: Uint8Array): void {
  if (!combReady) buildComb();
  geIdentity(r);
  for (let i = 0; i < 64; i++) {
    const w = (<i32>unchecked(s[i >> 1]) >> ((i & 1) << 2)) & 15;
    select3(ypx, ymx, xy2d, changetype<usize>(COMB) + <usize>(i * 16 * ENTRY * 4), w);
    // mixed addition (Z2 = 1): A = (Y1-X1)(y-x), B = (Y1+X1)(y+x), C = T1 2dxy, D = 2 Z1
    feSub(ta, r.y, r.x); feMul(ta, ta, ymx);
    feAdd(tb, r.y, r.x); feMul(tb, tb, ypx);
    feMul(tc, r.t, xy2d);
    feMulSmall(td, r.z, 2);
    geAddFinish(r);
  }
  feZero(ypx); feZero(ymx); feZero(xy2d); // the last selection tells the last digit
}

/** r = [s1] T1 + [s2] T2 for 32-byte little-endian scalars (Straus: one chain of doublings).
 *  VARIABLE TIME (tables indexed by the digits): only for public scalars, in verification. */
function geMulTablesPublic(r: Ge, t1: StaticArray<Ge>, s1: Uint8Array, t2: StaticArray<Ge>, s2: Uint8Array): void {
  geIdentity(r);
  for (let i = 63; i >= 0; i--) {
    if (i != 63) {
      geDouble(r, r); geDouble(r, r); geDouble(r, r); geDouble(r, r);
    }
    const sh = (i & 1) << 2;
    const w1 = (<i32>unchecked(s1[i >> 1]) >> sh) & 15;
    const w2 = (<i32>unchecked(s2[i >> 1]) >> sh) & 15;
    if (w1 != 0) geAdd(r, r, unchecked(t1[w1]));
    if (w2 != 0) geAdd(r, r, unchecked(t2[w2]));
  }
}

const zi = feNew(), ex = feNew(), ey = feNew();

function geEncode(out: Uint8Array, off: i32, p: Ge): void {
  feInvert(zi, p.z);
  feMul(ex, p.x, zi);
  feMul(ey, p.y, zi);
  feToBytes(out, off, ey);
  out[off + 31] |= <u8>(feIsNegative(ex) << 7);
}

const du = feNew(), dv = feNew(), dv3 = feNew(), dvx2 = feNew(), dchk = feNew();

/**
 * Decodes a point (RFC 8032 §5.1.3) in variable time (public keys are public). Returns false when
 * x^2 = (y^2 - 1)/(d y^2 + 1) has no root. Like OpenSSL, a y encoding >= p is reduced rather than
 * refused, and x = 0 with the sign bit set is taken as x = 0.
 */
function geDecode(r: Ge, s: Uint8Array, off: i32): bool {
  feFromBytes(r.y, s, off);
  feOne(r.z);
  feSq(du, r.y);
  feMul(dv, du, D);
  feSub(du, du, r.z); feCarry(du, du);            // u = y^2 - 1
  feAdd(dv, dv, r.z); feCarry(dv, dv);            // v = d y^2 + 1
  feSq(dv3, dv); feMul(dv3, dv3, dv);             // v^3
  feSq(r.x, dv3); feMul(r.x, r.x, dv);            // v^7
  feMul(r.x, r.x, du);                            // u v^7
  fePow22523(r.x, r.x);                           // (u v^7)^((p-5)/8)
  feMul(r.x, r.x, dv3);
  feMul(r.x, r.x, du);                            // x = u v^3 (u v^7)^((p-5)/8)
  feSq(dvx2, r.x); feMul(dvx2, dvx2, dv);         // v x^2
  feSub(dchk, dvx2, du);
  if (!feIsZero(dchk)) {
    feAdd(dchk, dvx2, du);
    if (!feIsZero(dchk)) return false;
    feMul(r.x, r.x, SQRTM1);
  }
  const sign = <i32>(unchecked(s[off + 31]) >> 7);
  // RFC 8032 §5.1.3 step 4 refuses x = 0 with the sign bit set; OpenSSL negates zero instead and
  // accepts, and verification must agree with it (the hash k covers the raw key bytes anyway).
  if (feIsNegative(r.x) != sign) { feNeg(r.x, r.x); feCarry(r.x, r.x); }
  feMul(r.t, r.x, r.y);
  return true;
}

const sha = new Sha512();
const hbuf = new Uint8Array(64);
const scA = new Uint8Array(32), scR = new Uint8Array(32), scK = new Uint8Array(32), scS = new Uint8Array(32);
const nA = numNew(), nR = numNew(), nK = numNew(), nLo = numNew(), nHi = numNew();
const pt = new Ge();

/** Clears the expanded key, the nonce and their Montgomery forms from the static buffers. */
function wipeSecrets(): void {
  wipe(hbuf.dataStart, 64); wipe(scA.dataStart, 32); wipe(scR.dataStart, 32);
  wipe(changetype<usize>(nA), 32); wipe(changetype<usize>(nR), 32); wipe(changetype<usize>(nLo), 32);
  wipe(changetype<usize>(nHi), 32);
}

/** Expands a seed: scA = clamp(SHA-512(seed)[0..32]), leaves the prefix in hbuf[32..64]. */
function expand(seed: Uint8Array): void {
  sha.update(seed);
  sha.finishPtr(hbuf.dataStart);
  for (let i = 0; i < 32; i++) unchecked(scA[i] = hbuf[i]);
  unchecked(scA[0] = scA[0] & 248);
  unchecked(scA[31] = (scA[31] & 127) | 64);
}

/** hbuf (64 bytes, little-endian) mod L into out (32 bytes, little-endian); constant time. */
function reduceHash(out: Uint8Array, n: Num): void {
  numFromLE(nLo, hbuf, 0);
  numFromLE(nHi, hbuf, 32);
  scL.reduceWideToMont(n, nLo, nHi);
  scL.fromMont(nLo, n);
  numToLE(out, 0, nLo);
}

/** k = SHA-512(R || A || M) mod L (RFC 8032 §5.1.6 step 4, §5.1.7 step 2), R the first 32 bytes of
 *  sig: into scK (bytes) and nK (Montgomery form). */
function challenge(sig: Uint8Array, pub: Uint8Array, msg: Uint8Array): void {
  sha.updatePtr(sig.dataStart, 32);
  sha.update(pub);
  sha.update(msg);
  sha.finishPtr(hbuf.dataStart);
  reduceHash(scK, nK);
}

/** The 32-byte public key of a 32-byte seed (RFC 8032 §5.1.5); an empty array for a bad length. */
export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  if (<u32>seed.length != 32) return new Uint8Array(0);
  expand(seed);
  geMulBase(pt, scA);
  const out = new Uint8Array(32);
  geEncode(out, 0, pt);
  wipeSecrets();
  return out;
}

/** The 64-byte signature R || S of msg (RFC 8032 §5.1.6); an empty array for a bad seed length. */
export function ed25519Sign(seed: Uint8Array, msg: Uint8Array): Uint8Array {
  if (<u32>seed.length != 32) return new Uint8Array(0);
  const sig = new Uint8Array(64);
  expand(seed);
  const pub = new Uint8Array(32);
  geMulBase(pt, scA);
  geEncode(pub, 0, pt);
  // r = SHA-512(prefix || M) mod L
  sha.updatePtr(hbuf.dataStart + 32, 32);
  sha.update(msg);
  sha.finishPtr(hbuf.dataStart);
  reduceHash(scR, nR);                        // nR = r R (Montgomery form)
  geMulBase(pt, scR);
  geEncode(sig, 0, pt);
  challenge(sig, pub, msg);                   // nK = k R
  numFromLE(nLo, scA, 0);
  scL.toMont(nA, nLo);                        // a R
  scL.mul(nK, nK, nA);                        // k a R
  scL.add(nK, nK, nR);                        // (r + k a) R
  scL.fromMont(nLo, nK);
  numToLE(scS, 0, nLo);
  for (let i = 0; i < 32; i++) unchecked(sig[32 + i] = scS[i]);
  wipeSecrets();
  return sig;
}

const tableA = newTable();
const negA = new Ge();
const rCheck = new Uint8Array(32);
const Lnum = scL.m;

/** RFC 8032 §5.1.7 verification, cofactorless, as OpenSSL does it. False for any bad length. */
export function ed25519Verify(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array): bool {
  if (<u32>pub.length != 32 || <u32>sig.length != 64) return false;
  numFromLE(nLo, sig, 32);
  if (!numLt(nLo, Lnum)) return false;        // S < L (no malleability)
  if (!geDecode(negA, pub, 0)) return false;
  geNeg(negA, negA);
  geTable(tableA, negA);
  challenge(sig, pub, msg);
  for (let i = 0; i < 32; i++) unchecked(scS[i] = sig[32 + i]);
  geMulTablesPublic(pt, base(), scS, tableA, scK); // [S]B - [k]A
  geEncode(rCheck, 0, pt);
  let diff: u32 = 0;
  for (let i = 0; i < 32; i++) diff |= unchecked(rCheck[i] ^ sig[i]);
  return diff == 0;
}
