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
