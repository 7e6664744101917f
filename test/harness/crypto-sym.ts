// Test harness for the symmetric primitives in assembly/tls/crypto/: hashes, HMAC, HKDF, the TLS
// 1.2 PRF and the AEADs, plus in-wasm loops for the benchmark.
import { Aes, aesEncryptEcb } from "../../assembly/tls/crypto/aes";
import { chacha20, chacha20XorMacPtr, chacha20XorPtr } from "../../assembly/tls/crypto/chacha20";
import {
  ChaCha20Poly1305, chacha20Poly1305Open, chacha20Poly1305Seal, newChaCha20Poly1305,
} from "../../assembly/tls/crypto/chacha20poly1305";
import { ctEqual } from "../../assembly/tls/crypto/ct";
import { AesGcm, aesGcmOpen, aesGcmSeal, Ghash, newAesGcm } from "../../assembly/tls/crypto/gcm";
import { hkdfExpand, hkdfExpandLabel, hkdfExtract } from "../../assembly/tls/crypto/hkdf";
import { hmac } from "../../assembly/tls/crypto/hmac";
import { Poly1305, poly1305 } from "../../assembly/tls/crypto/poly1305";
import { tls12Prf } from "../../assembly/tls/crypto/prf";
import { sha1 } from "../../assembly/tls/crypto/sha1";
import { hashOf, newHash, sha256, sha384, sha512 } from "../../assembly/tls/crypto/sha2";

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

// ---- ChaCha20, Poly1305, ChaCha20-Poly1305

export function hChaCha20(key: Uint8Array, nonce: Uint8Array, ctr: u32, data: Uint8Array): Uint8Array | null {
  return chacha20(key, nonce, ctr, data);
}
export function hPoly1305(key: Uint8Array, msg: Uint8Array): Uint8Array | null { return poly1305(key, msg); }
export function hChachaSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, pt: Uint8Array): Uint8Array | null {
  return chacha20Poly1305Seal(key, nonce, aad, pt);
}
export function hChachaOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ct: Uint8Array): Uint8Array | null {
  return chacha20Poly1305Open(key, nonce, aad, ct);
}
/** In-place round trip through a buffer with `slack` spare bytes: returns the sealed bytes, then
 *  opens them in place; null if anything fails. */
export function hChachaInPlace(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, pt: Uint8Array, slack: i32): Uint8Array | null {
  const c = newChaCha20Poly1305(key);
  if (c === null) return null;
  const buf = new Uint8Array(pt.length + slack);
  buf.set(pt);
  if (!c.sealInPlace(nonce, aad, buf, pt.length)) return null;
  const sealed = buf.slice(0, pt.length + 16);
  const n = c.openInPlace(nonce, aad, buf, pt.length + 16);
  if (n != pt.length) return null;
  for (let i = 0; i < n; i++) if (buf[i] != pt[i]) return null;
  return sealed;
}
/** openInPlace status for arbitrary (possibly bad) arguments. */
export function hChachaOpenInPlace(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, buf: Uint8Array, len: i32): i32 {
  const c = newChaCha20Poly1305(key);
  if (c === null) return -2;
  return c.openInPlace(nonce, aad, buf, len);
}
export function hChachaSealInPlace(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, buf: Uint8Array, len: i32): bool {
  const c = newChaCha20Poly1305(key);
  if (c === null) return false;
  return c.sealInPlace(nonce, aad, buf, len);
}

// ---- benchmark loops: the record and key live in wasm memory; only the loop is timed.
let benchBuf = new Uint8Array(0);
const benchKey = new Uint8Array(32);
const benchNonce = new Uint8Array(12);
const benchAad = new Uint8Array(13);
let benchChacha: ChaCha20Poly1305 | null = null;

/** Seals `records` records of `len` bytes in place (fresh nonce each); returns a tag byte. */
export function benchChachaSeal(records: i32, len: i32): u32 {
  if (benchBuf.length < len + 16) benchBuf = new Uint8Array(len + 16);
  if (benchChacha === null) benchChacha = new ChaCha20Poly1305(benchKey);
  const c = benchChacha!;
  for (let i = 0; i < records; i++) {
    benchNonce[0] = <u8>i;
    c.sealInPlace(benchNonce, benchAad, benchBuf, len);
  }
  return benchBuf[len];
}
export function benchSha256(records: i32, len: i32): u32 {
  if (benchBuf.length < len + 16) benchBuf = new Uint8Array(len + 16);
  let acc: u32 = 0;
  for (let i = 0; i < records; i++) {
    benchBuf[0] = <u8>i;
    acc += sha256(benchBuf.subarray(0, len))[0];
  }
  return acc;
}

// ---- AES, GCM
export function hAesEcb(key: Uint8Array, data: Uint8Array): Uint8Array | null { return aesEncryptEcb(key, data); }
export function hGcmSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, pt: Uint8Array): Uint8Array | null {
  return aesGcmSeal(key, nonce, aad, pt);
}
export function hGcmOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ct: Uint8Array): Uint8Array | null {
  return aesGcmOpen(key, nonce, aad, ct);
}
/** In-place seal then open through one keyed context; returns the sealed bytes or null. */
export function hGcmInPlace(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, pt: Uint8Array, slack: i32): Uint8Array | null {
  const g = newAesGcm(key);
  if (g === null) return null;
  const buf = new Uint8Array(pt.length + slack);
  buf.set(pt);
  if (!g.sealInPlace(nonce, aad, buf, pt.length)) return null;
  const sealed = buf.slice(0, pt.length + 16);
  if (g.openInPlace(nonce, aad, buf, pt.length + 16) != pt.length) return null;
  for (let i = 0; i < pt.length; i++) if (buf[i] != pt[i]) return null;
  return sealed;
}
export function hGcmOpenInPlace(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, buf: Uint8Array, len: i32): i32 {
  const g = newAesGcm(key);
  if (g === null) return -2;
  return g.openInPlace(nonce, aad, buf, len);
}
export function hGcmSealInPlace(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, buf: Uint8Array, len: i32): bool {
  const g = newAesGcm(key);
  if (g === null) return false;
  return g.sealInPlace(nonce, aad, buf, len);
}
let benchGcm: AesGcm | null = null;
/** Seals `records` records of `len` bytes in place with AES-128-GCM; returns a tag byte. */
export function benchGcmSeal(records: i32, len: i32): u32 {
  if (benchBuf.length < len + 16) benchBuf = new Uint8Array(len + 16);
  if (benchGcm === null) benchGcm = new AesGcm(benchKey.subarray(0, 16));
  const g = benchGcm!;
  for (let i = 0; i < records; i++) {
    benchNonce[0] = <u8>i;
    g.sealInPlace(benchNonce, benchAad, benchBuf, len);
  }
  return benchBuf[len];
}

// ---- component loops (benchmark breakdown)
/** kind: 0 AES-128 ECB, 1 GHASH, 2 ChaCha20, 3 Poly1305 — over `records` × `len` bytes. */
export function benchPart(kind: i32, records: i32, len: i32): u32 {
  if (benchBuf.length < len + 16) benchBuf = new Uint8Array(len + 16);
  const p = benchBuf.dataStart;
  if (kind == 0) {
    const a = new Aes(benchKey.dataStart, 16);
    for (let i = 0; i < records; i++) a.encryptBlocks(p, p, len >> 4);
  } else if (kind == 1) {
    const g = new Ghash();
    g.init(benchKey.dataStart);
    for (let i = 0; i < records; i++) g.update(p, <usize>len);
    g.finish(0, 0, p);
  } else if (kind == 2) {
    for (let i = 0; i < records; i++) chacha20XorPtr(benchKey.dataStart, benchNonce.dataStart, 1, p, p, <usize>len);
  } else {
    const m = new Poly1305();
    m.init(benchKey.dataStart);
    for (let i = 0; i < records; i++) m.update(p, <usize>len);
    m.finish(p);
  }
  return benchBuf[0];
}

/** Streams m[0..cut) into a context, clones it, finishes the clone (prefix digest), then streams the
 *  rest into the original: returns prefixDigest || fullDigest. */
export function hHashClone(alg: i32, m: Uint8Array, cut: i32): Uint8Array {
  const h = newHash(alg);
  if (h === null || cut < 0 || cut > m.length) return new Uint8Array(0);
  h.update(m.subarray(0, cut));
  const c = h.clone();
  const a = c.finish();
  c.update(m); // the clone is independent and reusable
  h.update(m.subarray(cut));
  const b = h.finish();
  const out = new Uint8Array(a.length + b.length);
  out.set(a); out.set(b, a.length);
  return out;
}
/** After wipe(), a context refuses to seal (GCM) or seals under the zero key (ChaCha20-Poly1305). */
export function hWipe(kind: i32, key: Uint8Array, nonce: Uint8Array, pt: Uint8Array): Uint8Array | null {
  if (kind == 0) {
    const g = newAesGcm(key);
    if (g === null) return null;
    g.wipe();
    return g.seal(nonce, new Uint8Array(0), pt);
  }
  const c = newChaCha20Poly1305(key);
  if (c === null) return null;
  c.wipe();
  return c.seal(nonce, new Uint8Array(0), pt);
}

// ---- the fused ChaCha20 + Poly1305 pass (chacha20XorMacPtr) with a Poly1305 key of the test's choosing
/** ChaCha20 from block 1 over `data` with the ciphertext MACed in the same pass, as the AEAD does it
 *  (whole 256-byte groups fused, the tail through the plain functions): returns output || tag, where
 *  tag = Poly1305(polyKey, ciphertext) — the output when sealing, the input when `open`. */
export function hChachaMac(key: Uint8Array, nonce: Uint8Array, polyKey: Uint8Array, data: Uint8Array, open: bool): Uint8Array | null {
  if (key.length != 32 || nonce.length != 12 || polyKey.length != 32) return null;
  const out = new Uint8Array(data.length + 16);
  const mac = new Poly1305();
  mac.init(polyKey.dataStart);
  const n = <usize>data.length;
  const done = chacha20XorMacPtr(key.dataStart, nonce.dataStart, 1, data.dataStart, out.dataStart, n, mac, open);
  if (open) mac.update(data.dataStart + done, n - done);
  chacha20XorPtr(key.dataStart, nonce.dataStart, 1 + <u32>(done >> 6), data.dataStart + done, out.dataStart + done, n - done);
  if (!open) mac.update(out.dataStart + done, n - done);
  mac.finish(out.dataStart + n);
  return out;
}
/** openInPlace on a wasm-side copy of `sealed`; returns [1 if it opened, else 0] || the buffer after
 *  the call (the bindings copy arguments in, so the caller's array cannot show in-place effects). */
export function hChachaOpenInPlaceCopy(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array | null {
  const c = newChaCha20Poly1305(key);
  if (c === null) return null;
  const buf = sealed.slice();
  const n = c.openInPlace(nonce, aad, buf, buf.length);
  const out = new Uint8Array(buf.length + 1);
  out[0] = n == buf.length - 16 ? 1 : 0;
  out.set(buf, 1);
  return out;
}
let benchSealed = new Uint8Array(0);
let benchOpened = new Uint8Array(0);
/** Opens `records` records of `len` bytes (one sealed record, decrypted to a second buffer each time);
 *  returns how many opened. */
export function benchChachaOpen(records: i32, len: i32): u32 {
  if (benchChacha === null) benchChacha = new ChaCha20Poly1305(benchKey);
  const c = benchChacha!;
  if (benchSealed.length != len + 16) {
    benchSealed = new Uint8Array(len + 16);
    benchOpened = new Uint8Array(len);
    c.sealInPlace(benchNonce, benchAad, benchSealed, len);
  }
  let ok: u32 = 0;
  for (let i = 0; i < records; i++) {
    if (c.openPtr(benchNonce.dataStart, benchAad.dataStart, 13, benchSealed.dataStart, benchOpened.dataStart, <usize>len)) ok++;
  }
  return ok;
}
/** openInPlace on a copy of `buf`; returns the buffer as the call left it, plus one byte: 1 if it
 *  opened, 0 if not (so a test can see that a failed open undid its decryption). */
export function hGcmOpenInPlaceBuf(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, buf: Uint8Array, len: i32): Uint8Array | null {
  const g = newAesGcm(key);
  if (g === null) return null;
  const b = new Uint8Array(buf.length + 1);
  b.set(buf);
  const n = g.openInPlace(nonce, aad, b.subarray(0, buf.length), len);
  b[buf.length] = n >= 0 ? 1 : 0;
  return b;
}
let benchGcmSealed = new Uint8Array(0);
let benchGcmOpened = new Uint8Array(0);
/** Opens `records` AES-128-GCM records of `len` bytes (one sealed record, decrypted to a second
 *  buffer each time); returns how many opened. */
export function benchGcmOpen(records: i32, len: i32): u32 {
  if (benchGcm === null) benchGcm = new AesGcm(benchKey.subarray(0, 16));
  const g = benchGcm!;
  if (benchGcmSealed.length != len + 16) {
    benchGcmSealed = new Uint8Array(len + 16);
    benchGcmOpened = new Uint8Array(len);
    g.sealInPlace(benchNonce, benchAad, benchGcmSealed, len);
  }
  let ok: u32 = 0;
  for (let i = 0; i < records; i++) {
    if (g.openPtr(benchNonce.dataStart, 12, benchAad.dataStart, 13, benchGcmSealed.dataStart, benchGcmOpened.dataStart, <usize>len)) ok++;
  }
  return ok;
}
let benchGcm256: AesGcm | null = null;
/** Seals `records` records of `len` bytes in place with AES-256-GCM; returns a tag byte. */
export function benchGcm256Seal(records: i32, len: i32): u32 {
  if (benchBuf.length < len + 16) benchBuf = new Uint8Array(len + 16);
  if (benchGcm256 === null) benchGcm256 = new AesGcm(benchKey);
  const g = benchGcm256!;
  for (let i = 0; i < records; i++) {
    benchNonce[0] = <u8>i;
    g.sealInPlace(benchNonce, benchAad, benchBuf, len);
  }
  return benchBuf[len];
}
