// AEAD_CHACHA20_POLY1305 — RFC 8439 §2.8: 32-byte key, 12-byte nonce, 16-byte tag.
// The Poly1305 key is the first 32 bytes of ChaCha20 block 0 (§2.6); the payload uses blocks 1…;
// the tag covers aad || pad16 || ciphertext || pad16 || le64(aad length) || le64(ciphertext length).
// Sealing and opening each make one pass over the record: chacha20XorMacPtr encrypts and MACs each
// 256-byte group together (the tail goes through the plain functions). Opening compares the tag in
// constant time after that pass; on a mismatch it leaves no plaintext behind: in place, the
// ciphertext is restored (XORed with the keystream again); into a separate buffer, that is zeroed.
import { chacha20Block, chacha20XorMacPtr, chacha20XorPtr } from "./chacha20";
import { Poly1305 } from "./poly1305";
import { ctEqualPtr } from "./ct";

export const CHACHA20POLY1305_KEY_LEN: i32 = 32;
export const CHACHA20POLY1305_NONCE_LEN: i32 = 12;
export const CHACHA20POLY1305_TAG_LEN: i32 = 16;

/** A keyed ChaCha20-Poly1305 context (for a record layer: one per direction). */
export class ChaCha20Poly1305 {
  private key: StaticArray<u8> = new StaticArray<u8>(32);
  private otk: StaticArray<u8> = new StaticArray<u8>(64);
  private lens: StaticArray<u8> = new StaticArray<u8>(16);
  private tag: StaticArray<u8> = new StaticArray<u8>(16);
  private want: StaticArray<u8> = new StaticArray<u8>(16);
  private mac: Poly1305 = new Poly1305();

  /** `key` must be 32 bytes (use `newChaCha20Poly1305` to check). */
  constructor(key: Uint8Array) {
    memory.copy(changetype<usize>(this.key), key.dataStart, <usize>min(key.length, 32));
  }

  /** Overwrites the key (for a retired traffic key, e.g. after a TLS 1.3 KeyUpdate). */
  wipe(): void {
    memory.fill(changetype<usize>(this.key), 0, 32);
  }

  // Starts the MAC for nonce `np`: one-time key from block 0 (RFC 8439 §2.6), then aad || pad16.
  private macStart(np: usize, ad: usize, adLen: usize): Poly1305 {
    const otk = changetype<usize>(this.otk);
    chacha20Block(changetype<usize>(this.key), 0, np, otk);
    const mac = this.mac;
    mac.init(otk);
    memory.fill(otk, 0, 64);
    mac.update(ad, adLen);
    mac.padTo16();
    return mac;
  }

  // Encrypts or decrypts len bytes from src to dst (payload blocks from 1 on) and MACs the
  // ciphertext (at dst when sealing, at src when opening), then writes the tag to this.tag.
  private cryptAndTag(np: usize, ad: usize, adLen: usize, src: usize, dst: usize, len: usize, open: bool): void {
    const mac = this.macStart(np, ad, adLen);
    const kp = changetype<usize>(this.key);
    const done = chacha20XorMacPtr(kp, np, 1, src, dst, len, mac, open);
    const rest = len - done;
    if (rest > 0) {
      if (open) mac.update(src + done, rest);
      chacha20XorPtr(kp, np, 1 + <u32>(done >> 6), src + done, dst + done, rest);
      if (!open) mac.update(dst + done, rest);
    }
    mac.padTo16();
    const l = changetype<usize>(this.lens);
    store<u64>(l, <u64>adLen, 0);
    store<u64>(l, <u64>len, 8);
    mac.update(l, 16);
    mac.finish(changetype<usize>(this.tag));
  }

  /** Encrypts `len` bytes at `src` to `dst` and writes the 16-byte tag at `dst + len`. `src` and
   *  `dst` are the same address or do not overlap. */
  sealPtr(np: usize, ad: usize, adLen: usize, src: usize, dst: usize, len: usize): void {
    this.cryptAndTag(np, ad, adLen, src, dst, len, false);
    memory.copy(dst + len, changetype<usize>(this.tag), 16);
  }

  /** Decrypts the `len` ciphertext bytes at `src` to `dst` and checks the tag at `src + len`: true if
   *  it matches. If not, returns false with the ciphertext back in place (src == dst) or `dst` zeroed.
   *  `src` and `dst` are the same address or do not overlap. */
  openPtr(np: usize, ad: usize, adLen: usize, src: usize, dst: usize, len: usize): bool {
    // The tag is read before the pass: in place, dst + len is src + len and stays untouched anyway.
    const want = changetype<usize>(this.want);
    memory.copy(want, src + len, 16);
    this.cryptAndTag(np, ad, adLen, src, dst, len, true);
    if (ctEqualPtr(changetype<usize>(this.tag), want, 16)) return true;
    if (src == dst) chacha20XorPtr(changetype<usize>(this.key), np, 1, dst, dst, len);
    else memory.fill(dst, 0, len);
    return false;
  }

  /** ciphertext || tag, or null for a nonce that is not 12 bytes. */
  seal(nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array | null {
    if (nonce.length != 12) return null;
    const out = new Uint8Array(plaintext.length + 16);
    this.sealPtr(nonce.dataStart, aad.dataStart, <usize>aad.length, plaintext.dataStart, out.dataStart,
      <usize>plaintext.length);
    return out;
  }

  /** The plaintext, or null when the nonce is not 12 bytes, the input is shorter than a tag, or the
   *  tag does not verify. */
  open(nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array | null {
    if (nonce.length != 12 || sealed.length < 16) return null;
    const n = sealed.length - 16;
    const out = new Uint8Array(n);
    if (!this.openPtr(nonce.dataStart, aad.dataStart, <usize>aad.length, sealed.dataStart, out.dataStart, <usize>n)) {
      return null;
    }
    return out;
  }

  /** In place: `buf[0..len)` is plaintext; afterwards `buf[0..len+16)` is ciphertext || tag.
   *  False (buffer untouched) for a nonce that is not 12 bytes or a buffer shorter than len + 16. */
  sealInPlace(nonce: Uint8Array, aad: Uint8Array, buf: Uint8Array, len: i32): bool {
    if (nonce.length != 12 || len < 0 || <u32>buf.length < <u32>len + 16) return false;
    this.sealPtr(nonce.dataStart, aad.dataStart, <usize>aad.length, buf.dataStart, buf.dataStart, <usize>len);
    return true;
  }

  /** In place: `buf[0..len)` is ciphertext || tag; returns the plaintext length (len - 16) with the
   *  plaintext in `buf[0..len-16)`, or -1 (buffer untouched) when anything is wrong. */
  openInPlace(nonce: Uint8Array, aad: Uint8Array, buf: Uint8Array, len: i32): i32 {
    if (nonce.length != 12 || len < 16 || <u32>len > <u32>buf.length) return -1;
    const n = len - 16;
    if (!this.openPtr(nonce.dataStart, aad.dataStart, <usize>aad.length, buf.dataStart, buf.dataStart, <usize>n)) {
      return -1;
    }
    return n;
  }
}

/** A keyed context, or null for a key that is not 32 bytes. */
export function newChaCha20Poly1305(key: Uint8Array): ChaCha20Poly1305 | null {
  if (key.length != 32) return null;
  return new ChaCha20Poly1305(key);
}

/** RFC 8439 §2.8 seal: ciphertext || tag, or null for a wrong key or nonce length. */
export function chacha20Poly1305Seal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array,
                                     plaintext: Uint8Array): Uint8Array | null {
  if (key.length != 32) return null;
  return new ChaCha20Poly1305(key).seal(nonce, aad, plaintext);
}

/** RFC 8439 §2.8 open: the plaintext, or null for wrong lengths or a tag that does not verify. */
export function chacha20Poly1305Open(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array,
                                     sealed: Uint8Array): Uint8Array | null {
  if (key.length != 32) return null;
  return new ChaCha20Poly1305(key).open(nonce, aad, sealed);
}
