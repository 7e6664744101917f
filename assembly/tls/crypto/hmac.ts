// HMAC — RFC 2104 (and FIPS 198-1) over any hash of sha2.ts: H((K ^ opad) || H((K ^ ipad) || m)).
import { HashCtx, hashLen, newHash } from "./sha2";

/** A keyed HMAC context: `update`… then `finish`, which returns the tag and re-arms for the key. */
export class Hmac {
  private inner: HashCtx;
  private outer: HashCtx;
  private ipad: Uint8Array;
  private opad: Uint8Array;
  private tmp: Uint8Array;

  /** `h1` and `h2` are two fresh contexts of the same hash (see `newHmac`). */
  constructor(h1: HashCtx, h2: HashCtx, key: Uint8Array) {
    this.inner = h1;
    this.outer = h2;
    const bl = h1.blockLen;
    const ol = h1.outLen;
    this.ipad = new Uint8Array(bl);
    this.opad = new Uint8Array(bl);
    this.tmp = new Uint8Array(ol);
    // RFC 2104 §2: a key longer than the block is hashed first; shorter keys are zero-padded.
    if (key.length > bl) {
      h1.updatePtr(key.dataStart, key.length);
      h1.finishPtr(this.ipad.dataStart);
    } else {
      memory.copy(this.ipad.dataStart, key.dataStart, key.length);
    }
    const ip = this.ipad.dataStart, op = this.opad.dataStart;
    for (let i: usize = 0; i < <usize>bl; i++) {
      const k = load<u8>(ip + i);
      store<u8>(ip + i, k ^ 0x36);
      store<u8>(op + i, k ^ 0x5c);
    }
    this.reset();
  }

  get outLen(): i32 { return this.inner.outLen; }

  reset(): void {
    this.inner.reset();
    this.inner.updatePtr(this.ipad.dataStart, this.ipad.length);
  }
  updatePtr(p: usize, len: i32): void { this.inner.updatePtr(p, len); }
  update(d: Uint8Array): void { this.inner.updatePtr(d.dataStart, d.length); }

  /** Writes the tag (outLen bytes) to `out` and re-arms the context with the same key. */
  finishPtr(out: usize): void {
    this.inner.finishPtr(this.tmp.dataStart);
    this.outer.reset();
    this.outer.updatePtr(this.opad.dataStart, this.opad.length);
    this.outer.updatePtr(this.tmp.dataStart, this.tmp.length);
    this.outer.finishPtr(out);
    this.reset();
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.outLen);
    this.finishPtr(out.dataStart);
    return out;
  }
}

/** An HMAC context for hash `alg` keyed with `key`, or null for an unknown algorithm id. */
export function newHmac(alg: i32, key: Uint8Array): Hmac | null {
  const h1 = newHash(alg);
  const h2 = newHash(alg);
  if (h1 === null || h2 === null) return null;
  return new Hmac(h1, h2, key);
}

/** HMAC-`alg`(key, msg); an empty array for an unknown algorithm id. */
export function hmac(alg: i32, key: Uint8Array, msg: Uint8Array): Uint8Array {
  if (hashLen(alg) == 0) return new Uint8Array(0);
  const m = newHmac(alg, key)!;
  m.update(msg);
  return m.finish();
}
