// NIST P-256 (FIPS 186-4 D.1.2.3, SEC 1 v2): point arithmetic, public keys and ECDH.
//
// Coordinates are in Montgomery form (p256-field.ts). Two point representations:
// - Secret scalars ([d]G, [d]Peer, [k]G) use Jacobian coordinates (x = X/Z^2, y = Y/Z^3): doubling
//   dbl-2001-b (a = -3) is right for every input, infinity included; addition add-2007-bl is used
//   only where its exceptional cases cannot occur (the accumulator [m]P and a table entry [w]P with
//   m a multiple of 16, 1 <= w <= 15 and m + w <= k < n are never equal nor opposite), and the
//   infinity operands (first window, zero windows) are patched in with masks. 4-bit fixed windows,
//   masked table selection: no branch and no memory index depends on a secret.
// - [k]G uses a fixed-base comb (64 mixed additions, masked selection, same argument).
// - ECDSA verification computes [u1]G and [u2]Q the same way (u1, u2 < n; Q validated, so of order
//   n) and adds them with jacSumPublic, which branches on the cases (public data).
// Public keys are SEC 1 uncompressed (0x04 || X || Y) and validated: right length and prefix,
// coordinates below p, on the curve (which excludes infinity).
import {
  Fp, fpNew, fpCopy, fpZero, fpOne, fpCmov, fpAdd, fpSub, fpMul, fpSq, fpFromBytes, fpToBytes,
  fpEqual, fpIsZero, fpInvert, fpSub2, fpSubK, fpMulK, fpAddLazy, fpSubLazy,
} from "./p256-field";
import { Mont256, Num, numNew, numFromBE, numToBE, numIsZero, numLt } from "./mont-field";
import { COMB_POINTS, batchInvert, combMultiples, putLimbs, select2, select3 } from "./window-table";

function hexBytes(h: string): Uint8Array {
  const b = new Uint8Array(h.length >> 1);
  for (let i = 0; i < b.length; i++) b[i] = <u8>I32.parseInt(h.substr(i * 2, 2), 16);
  return b;
}
function fpConst(h: string): Fp {
  const f = fpNew();
  fpFromBytes(f, hexBytes(h), 0);
  return f;
}

// FIPS 186-4 D.1.2.3
const B = fpConst("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
const GX = fpConst("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
const GY = fpConst("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5");
/** The group order n, big-endian. */
export const N_BYTES = hexBytes("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
/** Arithmetic modulo n (shared with ecdsa.ts). */
export const scN = new Mont256(N_BYTES);

/** A point in Jacobian coordinates (Z = 0: infinity); decoded points have Z = 1. */
@final export class Pt {
  x: Fp = fpNew();
  y: Fp = fpNew();
  z: Fp = fpNew();
}

export function ptInfinity(p: Pt): void { fpZero(p.x); fpOne(p.y); fpZero(p.z); }
export function ptCopy(r: Pt, p: Pt): void { fpCopy(r.x, p.x); fpCopy(r.y, p.y); fpCopy(r.z, p.z); }

const X3 = fpNew(), Y3 = fpNew(), Z3 = fpNew();

const jd = fpNew(), jg = fpNew(), jb = fpNew(), ja = fpNew(), ju = fpNew(), jv = fpNew();

/** r = 2p in Jacobian coordinates (dbl-2001-b, a = -3); right for infinity too. r may alias p. */
export function jacDouble(r: Pt, p: Pt): void {
  fpSq(jd, p.z);                                   // delta = Z^2
  fpSq(jg, p.y);                                   // gamma = Y^2
  fpMul(jb, p.x, jg);                              // beta = X gamma
  fpSubLazy(ju, p.x, jd); fpAddLazy(jv, p.x, jd); fpMul(ja, ju, jv);
  fpMulK(ja, ja, 3);                               // alpha = 3 (X - delta)(X + delta)
  fpAddLazy(ju, p.y, p.z); fpSq(ju, ju);
  fpSub2(r.z, ju, jg, jd);                         // Z3 = (Y + Z)^2 - gamma - delta
  fpMulK(jb, jb, 4);                               // 4 beta
  fpSq(ju, ja); fpSubK(r.x, ju, jb, 2);            // X3 = alpha^2 - 8 beta
  fpSubLazy(ju, jb, r.x); fpMul(ju, ja, ju);
  fpSq(jg, jg); fpSubK(r.y, ju, jg, 8);            // Y3 = alpha (4 beta - X3) - 8 gamma^2
}

const z1z1 = fpNew(), z2z2 = fpNew(), u1 = fpNew(), u2 = fpNew(), s1 = fpNew(), s2 = fpNew();
const jh = fpNew(), ji = fpNew(), jj = fpNew(), jr = fpNew();

/**
 * r = p + q in Jacobian coordinates (add-2007-bl), for p != +-q (see the head of this file). pInf
 * and qInf (0 or 1) say which operand is at infinity; that case is patched in with masks. r may
 * alias p or q.
 */
export function jacAdd(r: Pt, p: Pt, q: Pt, pInf: i32, qInf: i32): void {
  fpSq(z1z1, p.z); fpSq(z2z2, q.z);
  fpMul(u1, p.x, z2z2); fpMul(u2, q.x, z1z1);       // U1, U2
  fpMul(s1, p.y, q.z); fpMul(s1, s1, z2z2);         // S1 = Y1 Z2^3
  fpMul(s2, q.y, p.z); fpMul(s2, s2, z1z1);         // S2 = Y2 Z1^3
  fpSub(jh, u2, u1);                                // H
  fpAddLazy(ji, jh, jh); fpSq(ji, ji);              // I = (2H)^2
  fpMul(jj, jh, ji);                                // J = H I
  fpSub(jr, s2, s1); fpMulK(jr, jr, 2);             // r = 2 (S2 - S1)
  fpMul(ji, u1, ji);                                // V = U1 I
  fpSq(X3, jr); fpSub2(X3, X3, jj, ji); fpSub(X3, X3, ji); // X3 = r^2 - J - 2V
  fpSubLazy(Y3, ji, X3); fpMul(Y3, jr, Y3);
  fpMul(s1, s1, jj); fpSubK(Y3, Y3, s1, 2);         // Y3 = r (V - X3) - 2 S1 J
  fpAddLazy(Z3, p.z, q.z); fpSq(Z3, Z3); fpSub2(Z3, Z3, z1z1, z2z2);
  fpMul(Z3, Z3, jh);                                // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H
  fpCmov(X3, q.x, pInf); fpCmov(Y3, q.y, pInf); fpCmov(Z3, q.z, pInf);
  fpCmov(X3, p.x, qInf); fpCmov(Y3, p.y, qInf); fpCmov(Z3, p.z, qInf);
  fpCopy(r.x, X3); fpCopy(r.y, Y3); fpCopy(r.z, Z3);
}

/**
 * r = p + q in Jacobian coordinates for public points (verification), with every case handled by
 * branching: infinity operands, p = q (doubling) and p = -q (returns false: the sum is infinity).
 */
export function jacSumPublic(r: Pt, p: Pt, q: Pt): bool {
  const pInf = fpIsZero(p.z), qInf = fpIsZero(q.z);
  if ((pInf | qInf) != 0) {
    jacAdd(r, p, q, pInf, qInf);
    return (pInf & qInf) == 0;
  }
  fpSq(z1z1, p.z); fpSq(z2z2, q.z);
  fpMul(u1, p.x, z2z2); fpMul(u2, q.x, z1z1);
  if (fpEqual(u1, u2) != 0) {                       // same x: p = q or p = -q
    fpMul(s1, p.y, q.z); fpMul(s1, s1, z2z2);
    fpMul(s2, q.y, p.z); fpMul(s2, s2, z1z1);
    if (fpEqual(s1, s2) == 0) return false;
    jacDouble(r, p);
    return true;
  }
  jacAdd(r, p, q, 0, 0);
  return true;
}

const xr = fpNew(), xz = fpNew();

/** True when the Jacobian point (not infinity) has affine x equal to the 32-byte big-endian value
 *  v (v below p; false otherwise): X = v Z^2, no inversion. Public data (verification). */
export function jacXEquals(p: Pt, v: Uint8Array): bool {
  if (!fpFromBytes(xr, v, 0)) return false;
  fpSq(xz, p.z);
  fpMul(xr, xr, xz);
  return fpEqual(xr, p.x) != 0;
}

/** A window table: 16 Jacobian points of 30 limbs (x, y, z) in one flat array. */
export function newTable(): StaticArray<i32> { return new StaticArray<i32>(16 * 30); }

const tmpTable = new StaticArray<Pt>(16);
for (let i = 0; i < 16; i++) tmpTable[i] = new Pt();

/** table[i] = i p in Jacobian coordinates, i in 0..15 (table[0] is infinity). */
export function jacTable(table: StaticArray<i32>, p: Pt): void {
  const t = tmpTable;
  ptInfinity(unchecked(t[0]));
  ptCopy(unchecked(t[1]), p);
  for (let i = 2; i < 16; i++) {
    if ((i & 1) == 0) jacDouble(unchecked(t[i]), unchecked(t[i >> 1]));
    else jacAdd(unchecked(t[i]), unchecked(t[i - 1]), p, 0, 0); // (i-1) p != +-p
  }
  for (let i = 0; i < 16; i++) {
    const q = unchecked(t[i]);
    for (let l = 0; l < 10; l++) {
      unchecked(table[i * 30 + l] = q.x[l]);
      unchecked(table[i * 30 + 10 + l] = q.y[l]);
      unchecked(table[i * 30 + 20 + l] = q.z[l]);
    }
  }
}

const jsel = new Pt();

/**
 * r = [k] P from P's Jacobian table, k 32 bytes big-endian in [1, n-1] (the caller checks: the
 * exceptional-case argument needs k < n); constant time.
 */
export function jacMulTable(r: Pt, table: StaticArray<i32>, k: Uint8Array): void {
  ptInfinity(r);
  let rInf = 1; // r is infinity until the first nonzero window (a secret: used as a mask only)
  const base = changetype<usize>(table);
  for (let i = 0; i < 64; i++) {
    if (i != 0) { jacDouble(r, r); jacDouble(r, r); jacDouble(r, r); jacDouble(r, r); }
    const w = (<i32>unchecked(k[i >> 1]) >> (((i & 1) ^ 1) << 2)) & 15;
    select3(jsel.x, jsel.y, jsel.z, base, w);
    const wZero = ((w - 1) >>> 31) & 1;
    jacAdd(r, r, jsel, rInf, wZero);
    rInf &= wZero;
  }
  fpZero(jsel.x); fpZero(jsel.y); fpZero(jsel.z); // the last selection tells the last digit
}

// Fixed-base comb for G: COMB[i][j] = j 16^i G in affine coordinates (Montgomery form, x then y,
// 20 limbs), i = 0..63, j = 1..15, so that [k]G = sum of COMB[i][k_i] costs 64 mixed additions
// and no doubling. Built once on first use (public data); entries are selected with masks. The
// accumulator holds sum_{j<i} k_j 16^j G, a multiple below 16^i of G, and the entry k_i 16^i G
// with k_i >= 1: never equal nor opposite for k < n, as for the windowed multiplication.
const CENTRY = 20;
const COMB = new StaticArray<i32>(64 * 16 * CENTRY);
let combReady = false;

/** jacAdd for operands known to be finite (the comb's multiples), as combMultiples wants it. */
function jacAddFinite(r: Pt, p: Pt, q: Pt): void { jacAdd(r, p, q, 0, 0); }

function buildComb(): void {
  const n = COMB_POINTS;
  const pts = new StaticArray<Pt>(n);
  for (let k = 0; k < n; k++) unchecked(pts[k] = new Pt());
  const bas = new Pt();
  fpCopy(bas.x, GX); fpCopy(bas.y, GY); fpOne(bas.z);
  combMultiples<Pt>(pts, bas, ptCopy, jacDouble, jacAddFinite);
  const zs = new StaticArray<Fp>(n), zinv = new StaticArray<Fp>(n);
  for (let k = 0; k < n; k++) { unchecked(zs[k] = unchecked(pts[k]).z); unchecked(zinv[k] = fpNew()); }
  batchInvert(zinv, zs, fpCopy, fpMul, fpInvert);
  const z2 = fpNew(), ax = fpNew(), ay = fpNew();
  for (let k = 0; k < n; k++) {
    const pk = unchecked(pts[k]), zk = unchecked(zinv[k]);
    fpSq(z2, zk);
    fpMul(ax, pk.x, z2);                                    // x = X / Z^2
    fpMul(z2, z2, zk);
    fpMul(ay, pk.y, z2);                                    // y = Y / Z^3
    const base = ((k / 15) * 16 + k % 15 + 1) * CENTRY;
    putLimbs(COMB, base, ax);
    putLimbs(COMB, base + 10, ay);
  }
  combReady = true; // digit 0 entries stay zero (selected for a zero digit, then masked out)
}

const cx = fpNew(), cy = fpNew(), mz = fpNew(), mh = fpNew(), mhh = fpNew(), mi = fpNew();
const mj = fpNew(), mr = fpNew(), mv = fpNew(), mu = fpNew(), ms = fpNew();

/** r = [k]G for k 32 bytes big-endian in [1, n-1] (the caller checks), Jacobian; constant time. */
export function jacMulBase(r: Pt, k: Uint8Array): void {
  if (!combReady) buildComb();
  ptInfinity(r);
  let rInf = 1;
  for (let i = 0; i < 64; i++) {
    const w = (<i32>unchecked(k[31 - (i >> 1)]) >> ((i & 1) << 2)) & 15;
    select2(cx, cy, changetype<usize>(COMB) + <usize>(i * 16 * CENTRY * 4), w);
    // madd-2007-bl: r + (cx, cy, 1)
    fpSq(mz, r.z);                                  // Z1Z1
    fpMul(mu, cx, mz);                              // U2 = x2 Z1Z1
    fpMul(ms, cy, r.z); fpMul(ms, ms, mz);          // S2 = y2 Z1 Z1Z1
    fpSub(mh, mu, r.x);                             // H = U2 - X1
    fpSq(mhh, mh);                                  // HH
    fpMulK(mi, mhh, 4);                             // I = 4 HH
    fpMul(mj, mh, mi);                              // J = H I
    fpSub(mr, ms, r.y); fpMulK(mr, mr, 2);          // r = 2 (S2 - Y1)
    fpMul(mv, r.x, mi);                             // V = X1 I
    fpSq(X3, mr); fpSub2(X3, X3, mj, mv); fpSub(X3, X3, mv);   // X3 = r^2 - J - 2V
    fpSubLazy(Y3, mv, X3); fpMul(Y3, mr, Y3);
    fpMul(ms, r.y, mj); fpSubK(Y3, Y3, ms, 2);      // Y3 = r (V - X3) - 2 Y1 J
    fpAddLazy(Z3, r.z, mh); fpSq(Z3, Z3); fpSub2(Z3, Z3, mz, mhh); // Z3 = (Z1 + H)^2 - Z1Z1 - HH
    // digit 0: keep r; r at infinity: take the entry (x, y, 1)
    const wZero = ((w - 1) >>> 31) & 1;
    const take = rInf & (wZero ^ 1);
    fpCmov(X3, r.x, wZero); fpCmov(Y3, r.y, wZero); fpCmov(Z3, r.z, wZero);
    fpOne(mz);
    fpCmov(X3, cx, take); fpCmov(Y3, cy, take); fpCmov(Z3, mz, take);
    fpCopy(r.x, X3); fpCopy(r.y, Y3); fpCopy(r.z, Z3);
    rInf &= wZero;
  }
  fpZero(cx); fpZero(cy); // the last selection tells the last digit
}

const jzi = fpNew(), jzi2 = fpNew(), jx = fpNew(), jy = fpNew();

/** Affine x (and y, when out has room for 0x04 || x || y) of a Jacobian point; false for infinity. */
export function jacToAffine(out: Uint8Array, off: i32, p: Pt, withY: bool): bool {
  const inf = fpIsZero(p.z);
  fpInvert(jzi, p.z);
  fpSq(jzi2, jzi);
  fpMul(jx, p.x, jzi2);
  fpToBytes(out, off, jx);
  if (withY) {
    fpMul(jzi2, jzi2, jzi);
    fpMul(jy, p.y, jzi2);
    fpToBytes(out, off + 32, jy);
  }
  return inf == 0;
}

const lhs = fpNew(), rhs = fpNew(), tx = fpNew();

/**
 * Decodes and validates a SEC 1 uncompressed public key (SEC 1 §3.2.2.1 / NIST SP 800-56A
 * §5.6.2.3.4 partial validation): 65 bytes, prefix 4, x and y below p, y^2 = x^3 - 3x + b.
 * Infinity has no uncompressed encoding, so it is refused too. Public data: variable time.
 */
export function ptDecode(r: Pt, pub: Uint8Array): bool {
  if (<u32>pub.length != 65 || unchecked(pub[0]) != 4) return false;
  if (!fpFromBytes(r.x, pub, 1)) return false;
  if (!fpFromBytes(r.y, pub, 33)) return false;
  fpOne(r.z);
  fpSq(lhs, r.y);
  fpSq(rhs, r.x); fpMul(rhs, rhs, r.x);          // x^3
  fpAdd(tx, r.x, r.x); fpAdd(tx, tx, r.x);       // 3x
  fpSub(rhs, rhs, tx); fpAdd(rhs, rhs, B);
  return fpEqual(lhs, rhs) != 0;
}

const kn = numNew();

/** 1 when the 32-byte big-endian scalar is in [1, n-1] (constant time). */
export function scalarValid(k: Uint8Array): u32 {
  numFromBE(kn, k, 0, 32);
  const ok = numLt(kn, scN.m) & (numIsZero(kn) ^ 1);
  for (let i = 0; i < 8; i++) unchecked(kn[i] = 0); // the scalar may be a private key
  return ok;
}

const pk = new Pt(), peerTable = newTable(), peer = new Pt();

/**
 * The 65-byte uncompressed public key [priv]G; an empty array when priv is not 32 bytes or not in
 * [1, n-1] (SEC 1 §3.2.1).
 */
export function p256PublicKey(priv: Uint8Array): Uint8Array {
  if (<u32>priv.length != 32 || scalarValid(priv) == 0) return new Uint8Array(0);
  jacMulBase(pk, priv);
  const out = new Uint8Array(65);
  out[0] = 4;
  jacToAffine(out, 1, pk, true);
  return out;
}

/**
 * ECDH (SEC 1 §3.3.1): the 32-byte x coordinate of [priv]peer, or null when priv is not a valid
 * scalar, peerPub fails validation, or the result is infinity.
 */
export function p256Ecdh(priv: Uint8Array, peerPub: Uint8Array): Uint8Array | null {
  if (<u32>priv.length != 32 || scalarValid(priv) == 0) return null;
  if (!ptDecode(peer, peerPub)) return null;
  jacTable(peerTable, peer);
  jacMulTable(pk, peerTable, priv);
  const out = new Uint8Array(32);
  if (!jacToAffine(out, 0, pk, false)) return null; // cannot happen for k in [1, n-1]
  return out;
}
