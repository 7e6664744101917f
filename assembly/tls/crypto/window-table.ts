// Window tables and fixed-base combs of field elements of 10 i32 limbs (the layout of both
// field25519.ts's Fe and p256-field.ts's Fp), shared by the scalar multiplications of ed25519.ts and
// p256.ts.
//
// Selection: entry w (a secret digit) is taken from 16 entries at address p without a branch or a
// memory index that depends on w: every entry is read, and only the wanted one survives the masks.
// The two widths are written out limb by limb on purpose: the 30 or 20 accumulators stay in wasm
// locals, one pass over the table (a loop over limbs would keep them in memory).
//
// Building a comb (public data, once): the 64 x 15 multiples j 16^i P of the base point, generated
// by doublings and additions over the curve's own point type, then brought to affine form with one
// field inversion for all of them (Montgomery's batch inversion). The curve supplies its point and
// field operations as function references (no closures in AssemblyScript; the calls are indirect,
// which costs nothing that matters once per process).

/** A field element as 10 i32 limbs (Fe and Fp are both this). */
export type Limbs = StaticArray<i32>;

/** Entries of 30 limbs (x, y, z: 120 bytes each), 16 of them at p; (x, y, z) = entry w. */
export function select3(x: Limbs, y: Limbs, z: Limbs, p: usize, w: i32): void {
  let a0: i32 = 0, a1: i32 = 0, a2: i32 = 0, a3: i32 = 0, a4: i32 = 0, a5: i32 = 0;
  let a6: i32 = 0, a7: i32 = 0, a8: i32 = 0, a9: i32 = 0, a10: i32 = 0, a11: i32 = 0;
  let a12: i32 = 0, a13: i32 = 0, a14: i32 = 0, a15: i32 = 0, a16: i32 = 0, a17: i32 = 0;
  let a18: i32 = 0, a19: i32 = 0, a20: i32 = 0, a21: i32 = 0, a22: i32 = 0, a23: i32 = 0;
  let a24: i32 = 0, a25: i32 = 0, a26: i32 = 0, a27: i32 = 0, a28: i32 = 0, a29: i32 = 0;
  for (let j = 0; j < 16; j++) {
    const m = -((((j ^ w) - 1) >>> 31) & 1);
    const e = p + <usize>(j * 120);
    a0 |= load<i32>(e, 0) & m; a1 |= load<i32>(e, 4) & m; a2 |= load<i32>(e, 8) & m;
    a3 |= load<i32>(e, 12) & m; a4 |= load<i32>(e, 16) & m; a5 |= load<i32>(e, 20) & m;
    a6 |= load<i32>(e, 24) & m; a7 |= load<i32>(e, 28) & m; a8 |= load<i32>(e, 32) & m;
    a9 |= load<i32>(e, 36) & m; a10 |= load<i32>(e, 40) & m; a11 |= load<i32>(e, 44) & m;
    a12 |= load<i32>(e, 48) & m; a13 |= load<i32>(e, 52) & m; a14 |= load<i32>(e, 56) & m;
    a15 |= load<i32>(e, 60) & m; a16 |= load<i32>(e, 64) & m; a17 |= load<i32>(e, 68) & m;
    a18 |= load<i32>(e, 72) & m; a19 |= load<i32>(e, 76) & m; a20 |= load<i32>(e, 80) & m;
    a21 |= load<i32>(e, 84) & m; a22 |= load<i32>(e, 88) & m; a23 |= load<i32>(e, 92) & m;
    a24 |= load<i32>(e, 96) & m; a25 |= load<i32>(e, 100) & m; a26 |= load<i32>(e, 104) & m;
    a27 |= load<i32>(e, 108) & m; a28 |= load<i32>(e, 112) & m; a29 |= load<i32>(e, 116) & m;
  }
  unchecked(x[0] = a0); unchecked(x[1] = a1); unchecked(x[2] = a2); unchecked(x[3] = a3); unchecked(x[4] = a4);
  unchecked(x[5] = a5); unchecked(x[6] = a6); unchecked(x[7] = a7); unchecked(x[8] = a8); unchecked(x[9] = a9);
  unchecked(y[0] = a10); unchecked(y[1] = a11); unchecked(y[2] = a12); unchecked(y[3] = a13); unchecked(y[4] = a14);
  unchecked(y[5] = a15); unchecked(y[6] = a16); unchecked(y[7] = a17); unchecked(y[8] = a18); unchecked(y[9] = a19);
  unchecked(z[0] = a20); unchecked(z[1] = a21); unchecked(z[2] = a22); unchecked(z[3] = a23); unchecked(z[4] = a24);
  unchecked(z[5] = a25); unchecked(z[6] = a26); unchecked(z[7] = a27); unchecked(z[8] = a28); unchecked(z[9] = a29);
}


/** Entries of 20 limbs (x, y: 80 bytes each), 16 of them at p; (x, y) = entry w. */
export function select2(x: Limbs, y: Limbs, p: usize, w: i32): void {
  let a0: i32 = 0, a1: i32 = 0, a2: i32 = 0, a3: i32 = 0, a4: i32 = 0, a5: i32 = 0;
  let a6: i32 = 0, a7: i32 = 0, a8: i32 = 0, a9: i32 = 0, a10: i32 = 0, a11: i32 = 0;
  let a12: i32 = 0, a13: i32 = 0, a14: i32 = 0, a15: i32 = 0, a16: i32 = 0, a17: i32 = 0;
  let a18: i32 = 0, a19: i32 = 0;
  for (let j = 0; j < 16; j++) {
    const m = -((((j ^ w) - 1) >>> 31) & 1);
    const e = p + <usize>(j * 80);
    a0 |= load<i32>(e, 0) & m; a1 |= load<i32>(e, 4) & m; a2 |= load<i32>(e, 8) & m;
    a3 |= load<i32>(e, 12) & m; a4 |= load<i32>(e, 16) & m; a5 |= load<i32>(e, 20) & m;
    a6 |= load<i32>(e, 24) & m; a7 |= load<i32>(e, 28) & m; a8 |= load<i32>(e, 32) & m;
    a9 |= load<i32>(e, 36) & m; a10 |= load<i32>(e, 40) & m; a11 |= load<i32>(e, 44) & m;
    a12 |= load<i32>(e, 48) & m; a13 |= load<i32>(e, 52) & m; a14 |= load<i32>(e, 56) & m;
    a15 |= load<i32>(e, 60) & m; a16 |= load<i32>(e, 64) & m; a17 |= load<i32>(e, 68) & m;
    a18 |= load<i32>(e, 72) & m; a19 |= load<i32>(e, 76) & m;
  }
  unchecked(x[0] = a0); unchecked(x[1] = a1); unchecked(x[2] = a2); unchecked(x[3] = a3); unchecked(x[4] = a4);
  unchecked(x[5] = a5); unchecked(x[6] = a6); unchecked(x[7] = a7); unchecked(x[8] = a8); unchecked(x[9] = a9);
  unchecked(y[0] = a10); unchecked(y[1] = a11); unchecked(y[2] = a12); unchecked(y[3] = a13); unchecked(y[4] = a14);
  unchecked(y[5] = a15); unchecked(y[6] = a16); unchecked(y[7] = a17); unchecked(y[8] = a18); unchecked(y[9] = a19);
}


/** Number of points in a comb: digits j = 1..15 at each of the 64 nibble positions. */
export const COMB_POINTS: i32 = 64 * 15;

/**
 * pts[15 i + j - 1] = j 16^i P for i = 0..63, j = 1..15, with P = bas (which ends as 16^64 P).
 * pts holds COMB_POINTS points; the doubling must accept any input, the addition only (j-1) Q + Q.
 */
export function combMultiples<P>(pts: StaticArray<P>, bas: P, copy: (r: P, p: P) => void,
                                 dbl: (r: P, p: P) => void, add: (r: P, p: P, q: P) => void): void {
  for (let i = 0; i < 64; i++) {
    const o = i * 15;
    copy(unchecked(pts[o]), bas);                           // 1 * 16^i P
    for (let j = 2; j < 16; j++) {
      if ((j & 1) == 0) dbl(unchecked(pts[o + j - 1]), unchecked(pts[o + (j >> 1) - 1]));
      else add(unchecked(pts[o + j - 1]), unchecked(pts[o + j - 2]), bas);
    }
    dbl(bas, unchecked(pts[o + 7]));                        // 16 * 16^i P
  }
}

/**
 * Montgomery's batch inversion: out[k] = 1 / zs[k] for every k with one field inversion (prefix
 * products, one inversion, then back out). No zs[k] may be zero; out[k] must not alias zs.
 */
export function batchInvert(out: StaticArray<Limbs>, zs: StaticArray<Limbs>, copy: (r: Limbs, a: Limbs) => void,
                            mul: (r: Limbs, a: Limbs, b: Limbs) => void, invert: (r: Limbs, a: Limbs) => void): void {
  const n = zs.length;
  if (n == 0 || out.length < n) return;
  const pre = new StaticArray<Limbs>(n);                  // pre[k] = zs[0] ... zs[k]
  for (let k = 0; k < n; k++) {
    const f = new StaticArray<i32>(10);
    if (k == 0) copy(f, unchecked(zs[0])); else mul(f, unchecked(pre[k - 1]), unchecked(zs[k]));
    unchecked(pre[k] = f);
  }
  const inv = new StaticArray<i32>(10);                                 // 1 / (zs[0] ... zs[k]) as k walks down
  invert(inv, unchecked(pre[n - 1]));
  for (let k = n - 1; k >= 0; k--) {
    if (k > 0) mul(unchecked(out[k]), inv, unchecked(pre[k - 1])); else copy(unchecked(out[k]), inv);
    mul(inv, inv, unchecked(zs[k]));
  }
}

/** table[at .. at + 10) = the limbs of f. */
@inline export function putLimbs(table: StaticArray<i32>, at: i32, f: Limbs): void {
  for (let l = 0; l < 10; l++) unchecked(table[at + l] = f[l]);
}
