// Test harness for the symmetric primitives in assembly/tls/crypto/: hashes, HMAC, HKDF, the TLS
// 1.2 PRF and the AEADs, plus in-wasm loops for the benchmark.
import { hashOf, newHash, sha256, sha384, sha512 } from "../../assembly/tls/crypto/sha2";
import { sha1 } from "../../assembly/tls/crypto/sha1";

export function hSha1(m: Uint8Array): Uint8Array { return sha1(m); }
export function hSha256(m: Uint8Array): Uint8Array { return sha256(m); }
export function hSha384(m: Uint8Array): Uint8Array { return sha384(m); }
export function hSha512(m: Uint8Array): Uint8Array { return sha512(m); }
export function hHashOf(alg: i32, m: Uint8Array): Uint8Array { return hashOf(alg, m); }

/** Streams `m` into a context in pieces of `step` bytes (then the rest), twice, to test reuse. */
export function hHashStream(alg: i32, m: Uint8Array, step: i32): Uint8Array {
  const h = newHash(alg);
  if (h === null) return new Uint8Array(0);
  let out = new Uint8Array(0);
  for (let round = 0; round < 2; round++) {
    let off = 0;
    while (off < m.length) {
      const n = min(step, m.length - off);
      h.update(m.subarray(off, off + n));
      off += n;
    }
    out = h.finish();
  }
  return out;
}

// ---- HMAC, HKDF, TLS 1.2 PRF
import { hmac } from "../../assembly/tls/crypto/hmac";
import { hkdfExpand, hkdfExpandLabel, hkdfExtract } from "../../assembly/tls/crypto/hkdf";
import { tls12Prf } from "../../assembly/tls/crypto/prf";
import { ctEqual } from "../../assembly/tls/crypto/ct";

export function hHmac(alg: i32, key: Uint8Array, msg: Uint8Array): Uint8Array { return hmac(alg, key, msg); }
export function hHkdfExtract(alg: i32, salt: Uint8Array, ikm: Uint8Array): Uint8Array { return hkdfExtract(alg, salt, ikm); }
export function hHkdfExpand(alg: i32, prk: Uint8Array, info: Uint8Array, len: i32): Uint8Array { return hkdfExpand(alg, prk, info, len); }
export function hHkdfExpandLabel(alg: i32, secret: Uint8Array, label: Uint8Array, ctx: Uint8Array, len: i32): Uint8Array {
  return hkdfExpandLabel(alg, secret, label, ctx, len);
}
export function hPrf(alg: i32, secret: Uint8Array, label: Uint8Array, seed: Uint8Array, len: i32): Uint8Array {
  return tls12Prf(alg, secret, label, seed, len);
}
export function hCtEqual(a: Uint8Array, b: Uint8Array): bool { return ctEqual(a, b); }
