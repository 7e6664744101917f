// The TLS 1.2 pseudo-random function — RFC 5246 §5:
//   PRF(secret, label, seed) = P_<hash>(secret, label || seed)
//   P_hash(secret, seed) = HMAC(secret, A(1) || seed) || HMAC(secret, A(2) || seed) || …
//   A(0) = seed, A(i) = HMAC(secret, A(i-1)).
// The hash is SHA-256 for every RFC 5246 suite, or the suite's PRF hash (SHA-384 for *_SHA384).
import { hashLen } from "./sha2";
import { newHmac } from "./hmac";

/** Longest output handed out (TLS asks for at most a key block of a few hundred bytes). */
export const TLS12_PRF_MAX_LEN: i32 = 1 << 20;

/** `len` bytes of PRF output (label as its ASCII bytes, e.g. "master secret"); an empty array for
 *  an unknown algorithm id or a length outside 0..TLS12_PRF_MAX_LEN. */
export function tls12Prf(alg: i32, secret: Uint8Array, label: Uint8Array, seed: Uint8Array,
                         len: i32): Uint8Array {
  const hl = hashLen(alg);
  if (hl == 0 || <u32>len > <u32>TLS12_PRF_MAX_LEN) return new Uint8Array(0);
  const out = new Uint8Array(len);
  const m = newHmac(alg, secret)!;
  const a = new Uint8Array(hl);
  const t = new Uint8Array(hl);
  // A(1) = HMAC(secret, label || seed)
  m.update(label);
  m.update(seed);
  m.finishPtr(a.dataStart);
  let off = 0;
  while (off < len) {
    m.update(a);
    m.update(label);
    m.update(seed);
    m.finishPtr(t.dataStart);
    const n = min(hl, len - off);
    memory.copy(out.dataStart + <usize>off, t.dataStart, <usize>n);
    off += n;
    if (off < len) {
      m.update(a);
      m.finishPtr(a.dataStart); // A(i+1) = HMAC(secret, A(i))
    }
  }
  return out;
}
