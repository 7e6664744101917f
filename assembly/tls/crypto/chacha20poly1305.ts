// AEAD_CHACHA20_POLY1305 — RFC 8439 §2.8: 32-byte key, 12-byte nonce, 16-byte tag.
// The Poly1305 key is the first 32 bytes of ChaCha20 block 0 (§2.6); the payload uses blocks 1…;
// the tag covers aad || pad16 || ciphertext || pad16 || le64(aad length) || le64(ciphertext length).
// Opening checks the tag in constant time before anything is decrypted.
import { chacha20Block, chacha20XorPtr } from "./chacha20";
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
  private mac: Poly1305 = new Poly1305();

  /** `key` must be 32 bytes (use `newChaCha20Poly1305` to check). */
  constructor(key: Uint8Array) {
    memory.copy(changetype<usize>(this.key), key.dataStart, <usize>min(key.length, 32));
  }

  /** Overwrites the key (for a retired traffic key, e.g. after a TLS 1.3 KeyUpdate). */
  wipe(): void {
    memory.fill(changetype<usize>(this.key), 0, 32);
  }

  // Tag over aad and the ciphertext at `ct` (len bytes) into this.tag.
  private computeTag(np: usize, ad: usize, adLen: usize, ct: usize, len: usize): void {
    const otk = changetype<usize>(this.otk);
    chacha20Block(changetype<usize>(this.key), 0, np, otk);
    const mac = this.mac;
    mac.init(otk);
    mac.update(ad, adLen);
    mac.padTo16();
    mac.update(ct, len);
    mac.padTo16();
    const l = changetype<usize>(this.lens);
    store<u64>(l, <u64>adLen, 0);
    store<u64>(l, <u64>len, 8);
    mac.update(l, 16);
    mac.finish(changetype<usize>(this.tag));
    memory.fill(otk, 0, 64);
  }

  /** Encrypts `len` bytes at `src` to `dst` and writes the 16-byte tag at `dst + len`. */
  sealPtr(np: usize, ad: usize, adLen: usize, src: usize, dst: usize, len: usize): void {
    chacha20XorPtr(changetype<usize>(this.key), np, 1, src, dst, len);
    this.computeTag(np, ad, adLen, dst, len);
    memory.copy(dst + len, changetype<usize>(this.tag), 16);
  }

  /** Checks the tag at `src + len` over the `len` ciphertext bytes at `src`; only if it matches,
   *  decrypts them to `dst` and returns true. */
  openPtr(np: usize, ad: usize, adLen: usize, src: usize, dst: usize, len: usize): bool {
    this.computeTag(np, ad, adLen, src, len);
    if (!ctEqualPtr(changetype<usize>(this.tag), src + len, 16)) return false;
    chacha20XorPtr(changetype<usize>(this.key), np, 1, src, dst, len);
    return true;
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
