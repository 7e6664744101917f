// X25519 (RFC 7748 §5): Diffie-Hellman on Curve25519 with the Montgomery ladder.
// The ladder runs 255 steps whatever the scalar, and swaps its two points with masks (prep,
// feCswap): no branch and no memory index depends on the scalar. The clamped scalar and the ladder
// state are wiped after use. Randomness for private keys comes from the caller (the injected
// entropy source); nothing here draws any.
import {
  feNew, feOne, feZero, feCopy, feMul, feSq, feSqSum, feSqDiff, feLadderA24, feCswap, feInvert,
  feFromBytes, feToBytes,
} from "./field25519";
import { wipe } from "./ct";

const x1 = feNew(), x2 = feNew(), z2 = feNew(), x3 = feNew(), z3 = feNew();
const a = feNew(), aa = feNew(), b = feNew(), bb = feNew(), e = feNew();
const c = feNew(), d = feNew(), da = feNew(), cb = feNew(), tmp = feNew();
const k = new Uint8Array(32);

/** The 9 of RFC 7748 §4.1: the u-coordinate of the base point. */
const BASE_U = new Uint8Array(32);
BASE_U[0] = 9;

// One pass over the four ladder coordinates: swaps (x2, z2) with (x3, z3) when bit is 1, with
// masks and in registers only (every step overwrites all four), and forms the sums and differences
// A = x2 + z2, B = x2 - z2, C = x3 + z3, D = x3 - z3 of RFC 7748 §5.
function prep(bit: i32): void {
  const m = -bit;
  for (let i = 0; i < 10; i++) {
    let p2 = unchecked(x2[i]), q2 = unchecked(z2[i]), p3 = unchecked(x3[i]), q3 = unchecked(z3[i]);
    const sx = (p2 ^ p3) & m, sz = (q2 ^ q3) & m;
    p2 ^= sx; p3 ^= sx; q2 ^= sz; q3 ^= sz;
    unchecked(a[i] = p2 + q2); unchecked(b[i] = p2 - q2);
    unchecked(c[i] = p3 + q3); unchecked(d[i] = p3 - q3);
  }
}

function ladder(out: Uint8Array, scalar: Uint8Array, u: Uint8Array): void {
  // Clamp (decodeScalar25519, RFC 7748 §5).
  for (let i = 0; i < 32; i++) unchecked(k[i] = scalar[i]);
  unchecked(k[0] = k[0] & 248);
  unchecked(k[31] = (k[31] & 127) | 64);
  feFromBytes(x1, u, 0); // decodeUCoordinate: masks bit 255, accepts non-canonical values
  feOne(x2); feZero(z2);
  feCopy(x3, x1); feOne(z3);
  let swap: i32 = 0;
  for (let t = 254; t >= 0; t--) {
    const kt = (<i32>unchecked(k[t >> 3]) >> (t & 7)) & 1;
    swap ^= kt;
    prep(swap);          // conditional swap, then A, B, C, D
    swap = kt;
    feSq(aa, a);
    feSq(bb, b);
    feMul(da, d, a);
    feMul(cb, c, b);
    feSqSum(x3, da, cb);   // (DA + CB)^2
    feSqDiff(tmp, da, cb); // (DA - CB)^2
    feMul(z3, x1, tmp);
    feMul(x2, aa, bb);
    feLadderA24(e, tmp, aa, bb); // E = AA - BB, AA + a24 E (a24 = (486662 - 2) / 4 = 121665)
    feMul(z2, e, tmp);
  }
  feCswap(x2, x3, swap);
  feCswap(z2, z3, swap);
  feInvert(z2, z2);
  feMul(x2, x2, z2);
  feToBytes(out, 0, x2);
  wipe(k.dataStart, 32);
  for (let i = 0; i < 10; i++) {
    unchecked(x2[i] = 0); unchecked(z2[i] = 0); unchecked(x3[i] = 0); unchecked(z3[i] = 0);
  }
}

/**
 * X25519(scalar, u) of RFC 7748 §5. Returns the 32-byte shared secret, or null when either input is
 * not 32 bytes long or the result is all zero (u was a low-order point: RFC 7748 §6.1 says to check).
 * The zero check ORs every byte, so it leaks only the (public) fact of failure.
 */
export function x25519(scalar: Uint8Array, u: Uint8Array): Uint8Array | null {
  if (<u32>scalar.length != 32 || <u32>u.length != 32) return null;
  const out = new Uint8Array(32);
  ladder(out, scalar, u);
  let acc: u32 = 0;
  for (let i = 0; i < 32; i++) acc |= unchecked(out[i]);
  if (acc == 0) return null;
  return out;
}

/** The public key X25519(scalar, 9); an empty array when scalar is not 32 bytes. */
export function x25519Base(scalar: Uint8Array): Uint8Array {
  if (<u32>scalar.length != 32) return new Uint8Array(0);
  const out = new Uint8Array(32);
  ladder(out, scalar, BASE_U);
  return out;
}
