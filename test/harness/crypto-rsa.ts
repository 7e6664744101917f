// Test harness for assembly/tls/crypto/{bigint,rsa}.ts: exposes them to vitest (test/crypto/rsa*.test.ts)
// and to bench/crypto-rsa.bench.ts. Private keys live in a table here and are named by index.
import {
  MontCtx, bitLengthVartime, limbsFor, limbsFromBytes, limbsToBytes, modInverseVartime, mulFull,
} from "../../assembly/tls/crypto/bigint";
import {
  RsaPrivateKey, rsaPkcs1v15Sign, rsaPkcs1v15Verify, rsaPssSign, rsaPssVerify, rsaPublicKeyFromDer,
  rsaPublicKeyFromSpki, rsaPublicRaw, mgf1,
} from "../../assembly/tls/crypto/rsa";

export function pkcs1Verify(n: Uint8Array, e: Uint8Array, alg: i32, hash: Uint8Array, sig: Uint8Array): bool {
  return rsaPkcs1v15Verify(n, e, alg, hash, sig);
}

export function pssVerify(n: Uint8Array, e: Uint8Array, alg: i32, hash: Uint8Array, sig: Uint8Array, saltLen: i32): bool {
  return rsaPssVerify(n, e, alg, hash, sig, saltLen);
}

export function publicRaw(n: Uint8Array, e: Uint8Array, sig: Uint8Array): Uint8Array | null {
  return rsaPublicRaw(n, e, sig);
}

export function mgf(alg: i32, seed: Uint8Array, len: i32): Uint8Array {
  return mgf1(alg, seed, len);
}

const keys = new Array<RsaPrivateKey>();

function keep(k: RsaPrivateKey | null): i32 {
  if (k === null) return -1;
  keys.push(k);
  return keys.length - 1;
}

export function keyFromPkcs1(der: Uint8Array): i32 { return keep(RsaPrivateKey.fromPkcs1Der(der)); }
export function keyFromPkcs8(der: Uint8Array): i32 { return keep(RsaPrivateKey.fromPkcs8Der(der)); }
export function keyFromParts(n: Uint8Array, e: Uint8Array, d: Uint8Array, p: Uint8Array, q: Uint8Array,
  dp: Uint8Array, dq: Uint8Array, qi: Uint8Array): i32 {
  return keep(RsaPrivateKey.fromParts(n, e, d, p, q, dp, dq, qi));
}
function has(key: i32): bool { return <u32>key < <u32>keys.length; }
export function keyN(key: i32): Uint8Array | null { return has(key) ? keys[key].n : null; }
export function keyE(key: i32): Uint8Array | null { return has(key) ? keys[key].e : null; }

export function pssSign(key: i32, alg: i32, hash: Uint8Array, salt: Uint8Array, entropy: Uint8Array): Uint8Array | null {
  if (!has(key)) return null;
  return rsaPssSign(keys[key], alg, hash, salt, entropy);
}

export function pkcs1Sign(key: i32, alg: i32, hash: Uint8Array, entropy: Uint8Array): Uint8Array | null {
  if (!has(key)) return null;
  return rsaPkcs1v15Sign(keys[key], alg, hash, entropy);
}

/** n of a public key in RSAPublicKey (spki=false) or SubjectPublicKeyInfo DER, or null. */
export function pubN(der: Uint8Array, spki: bool): Uint8Array | null {
  const k = spki ? rsaPublicKeyFromSpki(der) : rsaPublicKeyFromDer(der);
  return k === null ? null : k.n;
}
export function pubE(der: Uint8Array, spki: bool): Uint8Array | null {
  const k = spki ? rsaPublicKeyFromSpki(der) : rsaPublicKeyFromDer(der);
  return k === null ? null : k.e;
}

// ---- bigint, checked against JS BigInt

function ctxFor(m: Uint8Array): MontCtx | null {
  const ml = limbsFromBytes(m, limbsFor(m.length));
  if (ml === null) return null;
  return MontCtx.create(ml);
}

/** base^exp mod m through the constant-time path (or the public one), all big-endian bytes. */
export function bnModExp(m: Uint8Array, base: Uint8Array, exp: Uint8Array, secret: bool): Uint8Array | null {
  const ctx = ctxFor(m);
  if (ctx === null) return null;
  const k = ctx.k;
  const b = limbsFromBytes(base, k);
  if (b === null) return null;
  const x = new StaticArray<u32>(k);
  ctx.toMont(x, b);
  if (secret) {
    const e = limbsFromBytes(exp, limbsFor(exp.length));
    if (e === null) return null;
    ctx.powSecret(x, x, e);
  } else {
    ctx.powPublicVartime(x, x, exp);
  }
  ctx.fromMont(x, x);
  return limbsToBytes(x, k << 2);
}

/** x mod m for x of up to twice m's limbs (through Montgomery form). */
export function bnReduce(m: Uint8Array, x: Uint8Array): Uint8Array | null {
  const ctx = ctxFor(m);
  if (ctx === null) return null;
  const xl = limbsFromBytes(x, limbsFor(x.length));
  if (xl === null) return null;
  const r = new StaticArray<u32>(ctx.k);
  if (!ctx.reduceToMont(r, xl)) return null;
  ctx.fromMont(r, r);
  return limbsToBytes(r, ctx.k << 2);
}

export function bnModInverse(a: Uint8Array, m: Uint8Array): Uint8Array | null {
  const k = limbsFor(m.length);
  const ml = limbsFromBytes(m, k), al = limbsFromBytes(a, k);
  if (ml === null || al === null) return null;
  const r = modInverseVartime(al, ml);
  return r === null ? null : limbsToBytes(r, k << 2);
}

export function bnMul(a: Uint8Array, b: Uint8Array): Uint8Array {
  const al = limbsFromBytes(a, limbsFor(a.length))!, bl = limbsFromBytes(b, limbsFor(b.length))!;
  const out = new StaticArray<u32>(al.length + bl.length);
  mulFull(out, al, bl);
  return limbsToBytes(out, out.length << 2);
}

export function bnBits(a: Uint8Array): i32 {
  return bitLengthVartime(limbsFromBytes(a, limbsFor(a.length))!);
}
