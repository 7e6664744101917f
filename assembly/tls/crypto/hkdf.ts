// HKDF — RFC 5869 (extract-then-expand over HMAC), plus TLS 1.3's HKDF-Expand-Label (RFC 8446 §7.1).
import { hashLen } from "./sha2";
import { hmac, newHmac } from "./hmac";

/** RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM). An empty salt means HashLen zero bytes (same HMAC).
 *  Returns an empty array for an unknown algorithm id. */
export function hkdfExtract(alg: i32, salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return hmac(alg, salt, ikm);
}

/** RFC 5869 §2.3: OKM = first `len` bytes of T(1) || T(2) || …, T(i) = HMAC(PRK, T(i-1) || info || i).
 *  Returns an empty array for an unknown algorithm id or a `len` outside 0..255*HashLen. */
export function hkdfExpand(alg: i32, prk: Uint8Array, info: Uint8Array, len: i32): Uint8Array {
  const hl = hashLen(alg);
  if (hl == 0 || len < 0 || len > 255 * hl) return new Uint8Array(0);
  const out = new Uint8Array(len);
  if (len == 0) return out;
  const m = newHmac(alg, prk)!;
  const t = new Uint8Array(hl);
  const ctr = new Uint8Array(1);
  let off = 0;
  for (let i = 1; off < len; i++) {
    if (i > 1) m.update(t);
    m.update(info);
    ctr[0] = <u8>i;
    m.update(ctr);
    m.finishPtr(t.dataStart);
    const n = min(hl, len - off);
    memory.copy(out.dataStart + <usize>off, t.dataStart, <usize>n);
    off += n;
  }
  return out;
}

/** RFC 8446 §7.1 HKDF-Expand-Label(Secret, Label, Context, Length), with "tls13 " prefixed to the
 *  label. Returns an empty array for an unknown algorithm, a label over 249 bytes, a context over
 *  255 bytes or a length over 65535 / 255*HashLen. */
export function hkdfExpandLabel(alg: i32, secret: Uint8Array, label: Uint8Array, context: Uint8Array,
                                len: i32): Uint8Array {
  if (<u32>len > 0xffff || <u32>label.length > 249 || <u32>context.length > 255) return new Uint8Array(0);
  const info = new Uint8Array(2 + 1 + 6 + label.length + 1 + context.length);
  info[0] = <u8>(len >> 8);
  info[1] = <u8>len;
  info[2] = <u8>(6 + label.length);
  info[3] = 0x74; info[4] = 0x6c; info[5] = 0x73; info[6] = 0x31; info[7] = 0x33; info[8] = 0x20; // "tls13 "
  info.set(label, 9);
  info[9 + label.length] = <u8>context.length;
  info.set(context, 10 + label.length);
  return hkdfExpand(alg, secret, info, len);
}
