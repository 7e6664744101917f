// ASN.1 DER reader (ITU-T X.690 (08/2015) §8 BER and §10 DER restrictions), strict.
//
// Only what X.509 (RFC 5280) needs: low tag numbers (< 31), definite lengths in minimal form
// (X.690 §10.1), at most 4 length octets, no bytes past the end of a value. Value readers enforce
// the DER form of each type: BOOLEAN is 0x00/0xFF (§11.1), INTEGER has no redundant leading octet
// (§8.3.2), BIT STRING unused bits are 0..7 and zero (§11.2), OID sub-identifiers are minimal
// (§8.19.2), UTCTime/GeneralizedTime are the RFC 5280 §4.1.2.5 forms ending in "Z" with seconds.
//
// Byte layout only: no state beyond a cursor. Every accessor is bounds-checked; malformed input
// gives a DerErr, never a trap. Errors are sticky: once `err` is set every read fails.

export enum DerErr {
  Ok = 0,
  Truncated = 1, // a header or value runs past the end of its enclosing element
  BadTag = 2, // high tag number form, or not the tag the caller expected
  BadLength = 3, // indefinite length, more than 4 length octets, or too large
  NonMinimal = 4, // a length or value that DER requires in a shorter form
  Trailing = 5, // bytes left after the last element of a container
  BadValue = 6, // a value that is not valid for its type
}

// Universal tags with their class and constructed bits as they appear on the wire (X.690 §8.1.2).
export namespace Tag {
  export const BOOLEAN: i32 = 0x01;
  export const INTEGER: i32 = 0x02;
  export const BIT_STRING: i32 = 0x03;
  export const OCTET_STRING: i32 = 0x04;
  export const NULL: i32 = 0x05;
  export const OID: i32 = 0x06;
  export const UTF8_STRING: i32 = 0x0c;
  export const NUMERIC_STRING: i32 = 0x12;
  export const PRINTABLE_STRING: i32 = 0x13;
  export const T61_STRING: i32 = 0x14;
  export const IA5_STRING: i32 = 0x16;
  export const UTC_TIME: i32 = 0x17;
  export const VISIBLE_STRING: i32 = 0x1a;
  export const GENERALIZED_TIME: i32 = 0x18;
  export const UNIVERSAL_STRING: i32 = 0x1c;
  export const BMP_STRING: i32 = 0x1e;
  export const SEQUENCE: i32 = 0x30;
  export const SET: i32 = 0x31;
  /** [n] context-specific, primitive (IMPLICIT of a primitive type). */
  export function ctx(n: i32): i32 { return 0x80 | n; }
  /** [n] context-specific, constructed (EXPLICIT, or IMPLICIT of a constructed type). */
  export function ctxCons(n: i32): i32 { return 0xa0 | n; }
}

/**
 * A cursor over buf[pos, end). `next()` reads one TLV and leaves its position in
 * tag/hdr/vStart/vEnd; the value readers then interpret that element.
 */
@final export class DerReader {
  buf: Uint8Array;
  pos: i32;
  end: i32;
  err: DerErr = DerErr.Ok;
  /** Tag octet of the last element read, or -1. */
  tag: i32 = -1;
  /** Offset of the last element's first header octet. */
  hdr: i32 = 0;
  vStart: i32 = 0;
  vEnd: i32 = 0;

  constructor(buf: Uint8Array, start: i32 = 0, end: i32 = -1) {
    this.buf = buf;
    const len = buf.length;
    if (end < 0 || <u32>end > <u32>len) end = len;
    if (<u32>start > <u32>end) start = end;
    this.pos = start;
    this.end = end;
  }

  get ok(): bool { return this.err == DerErr.Ok; }
  get atEnd(): bool { return this.pos >= this.end; }
  get valueLen(): i32 { return this.vEnd - this.vStart; }

  fail(e: DerErr): bool {
    if (this.err == DerErr.Ok) this.err = e;
    this.tag = -1;
    return false;
  }

  /** Tag octet of the next element without consuming it; -1 at the end or on error. */
  peekTag(): i32 {
    if (this.err != DerErr.Ok || this.pos >= this.end) return -1;
    return <i32>unchecked(this.buf[this.pos]);
  }

  /** Reads one element header and skips over its value. */
  next(): bool {
    if (this.err != DerErr.Ok) return false;
    let p = this.pos;
    const end = this.end;
    if (end - p < 2) return this.fail(DerErr.Truncated);
    const buf = this.buf;
    const t = <i32>unchecked(buf[p]);
    // X.690 §8.1.2.4: tag number 31 means a multi-octet tag; nothing in X.509 uses one.
    if ((t & 0x1f) == 0x1f) return this.fail(DerErr.BadTag);
    // Universal tag 0 is end-of-contents, which exists only in the indefinite form (§8.1.5).
    if (t == 0) return this.fail(DerErr.BadTag);
    const hdr = p;
    p++;
    let len = <u32>unchecked(buf[p++]);
    if (len >= 0x80) {
      const n = <i32>(len & 0x7f);
      // 0x80 is the indefinite form (BER only, X.690 §10.1); more than 4 octets cannot fit here.
      if (n == 0 || n > 4) return this.fail(DerErr.BadLength);
      if (end - p < n) return this.fail(DerErr.Truncated);
      // X.690 §10.1: the fewest octets; so no leading zero octet, and long form only from 128.
      if (unchecked(buf[p]) == 0) return this.fail(DerErr.NonMinimal);
      len = 0;
      for (let i = 0; i < n; i++) len = (len << 8) | <u32>unchecked(buf[p++]);
      if (len < 0x80) return this.fail(DerErr.NonMinimal);
      if (len > 0x7fffffff) return this.fail(DerErr.BadLength);
    }
    if (len > <u32>(end - p)) return this.fail(DerErr.Truncated);
    this.tag = t;
    this.hdr = hdr;
    this.vStart = p;
    this.vEnd = p + <i32>len;
    this.pos = this.vEnd;
    return true;
  }

  /** next() and require the given tag octet. */
  expect(tag: i32): bool {
    if (!this.next()) return false;
    if (this.tag != tag) return this.fail(DerErr.BadTag);
    return true;
  }

  /** If the next element has this tag, reads it and returns true; else reads nothing. */
  optional(tag: i32): bool {
    if (this.peekTag() != tag) return false;
    return this.next();
  }

  /** A reader over the value of the last element (for SEQUENCE, SET, explicit tags). */
  enter(): DerReader {
    const r = new DerReader(this.buf, this.vStart, this.vEnd);
    if (this.err != DerErr.Ok) r.err = this.err;
    return r;
  }

  /** Container done: fails with Trailing if elements are left. Propagates a child's error. */
  finish(): bool {
    if (this.err != DerErr.Ok) return false;
    if (this.pos != this.end) return this.fail(DerErr.Trailing);
    return true;
  }

  /** Copies a child reader's error into this one (after enter()). */
  absorb(child: DerReader): bool {
    if (child.err != DerErr.Ok) return this.fail(child.err);
    return this.err == DerErr.Ok;
  }

  /** Whole TLV of the last element (header included), e.g. for signed bytes or names. */
  element(): Uint8Array { return this.buf.subarray(this.hdr, this.vEnd); }
  /** Value octets of the last element. */
  value(): Uint8Array { return this.buf.subarray(this.vStart, this.vEnd); }

  // ---- value readers; each checks the DER form of the last element's value ----

  /** BOOLEAN (X.690 §11.1: FALSE is 0x00, TRUE is 0xFF). Sets err on a bad value. */
  readBool(): bool {
    if (!this.expect(Tag.BOOLEAN)) return false;
    if (this.vEnd - this.vStart != 1) return this.fail(DerErr.BadValue);
    const v = unchecked(this.buf[this.vStart]);
    if (v == 0xff) return true;
    if (v != 0) this.fail(DerErr.BadValue);
    return false;
  }

  /** Checks the last element's value as an INTEGER in minimal two's complement (X.690 §8.3.2). */
  checkInteger(): bool {
    if (this.err != DerErr.Ok) return false;
    const n = this.vEnd - this.vStart;
    if (n <= 0) return this.fail(DerErr.BadValue);
    if (n > 1) {
      const b0 = <i32>unchecked(this.buf[this.vStart]);
      const b1 = <i32>unchecked(this.buf[this.vStart + 1]);
      if ((b0 == 0 && (b1 & 0x80) == 0) || (b0 == 0xff && (b1 & 0x80) != 0)) return this.fail(DerErr.NonMinimal);
    }
    return true;
  }

  /** An INTEGER's content octets (two's complement, minimal). Empty array on error. */
  readIntegerBytes(): Uint8Array {
    if (!this.expect(Tag.INTEGER) || !this.checkInteger()) return new Uint8Array(0);
    return this.value();
  }

  /**
   * An INTEGER that must be non-negative (RSA moduli, exponents and CRT parts): its magnitude with
   * the leading zero octets removed, so empty for 0. Sets err (BadValue) on a negative value.
   */
  readUnsigned(): Uint8Array {
    const v = this.readIntegerBytes();
    if (v.length == 0) return v;
    if ((unchecked(v[0]) & 0x80) != 0) { this.fail(DerErr.BadValue); return new Uint8Array(0); }
    let i = 0;
    while (i < v.length && unchecked(v[i]) == 0) i++;
    return v.subarray(i);
  }

  /** An INTEGER that must be non-negative and below 2^31 (versions, path lengths). -1 on error. */
  readSmallUint(): i32 { return this.expect(Tag.INTEGER) ? this.smallUintValue() : -1; }

  /** The last element's value as a small non-negative INTEGER; -1 (and err) otherwise. */
  smallUintValue(): i32 {
    if (!this.checkInteger()) return -1;
    const n = this.vEnd - this.vStart;
    if (n > 4 || (unchecked(this.buf[this.vStart]) & 0x80) != 0) { this.fail(DerErr.BadValue); return -1; }
    let v: u32 = 0;
    for (let i = this.vStart; i < this.vEnd; i++) v = (v << 8) | <u32>unchecked(this.buf[i]);
    if (v > 0x7fffffff) { this.fail(DerErr.BadValue); return -1; }
    return <i32>v;
  }

  /** NULL (X.690 §8.8: no content octets). */
  readNull(): bool {
    if (!this.expect(Tag.NULL)) return false;
    if (this.vEnd != this.vStart) return this.fail(DerErr.BadValue);
    return true;
  }

  /** The last element's value as a BIT STRING: checks the unused-bits octet (X.690 §8.6.2, §11.2.1). */
  checkBitString(): bool {
    if (this.err != DerErr.Ok) return false;
    const n = this.vEnd - this.vStart;
    if (n < 1) return this.fail(DerErr.BadValue);
    const unused = <i32>unchecked(this.buf[this.vStart]);
    if (unused > 7 || (n == 1 && unused != 0)) return this.fail(DerErr.BadValue);
    if (unused != 0 && (<i32>unchecked(this.buf[this.vEnd - 1]) & ((1 << unused) - 1)) != 0) return this.fail(DerErr.BadValue);
    return true;
  }

  /** Number of unused bits in the last octet of the last BIT STRING read. */
  get bitStringUnused(): i32 { return this.vEnd > this.vStart ? <i32>unchecked(this.buf[this.vStart]) : 0; }

  /** BIT STRING that must be whole octets (keys, signatures): its octets after the unused-bits octet. */
  readOctetAlignedBits(): Uint8Array {
    if (!this.expect(Tag.BIT_STRING) || !this.checkBitString()) return new Uint8Array(0);
    if (this.bitStringUnused != 0) { this.fail(DerErr.BadValue); return new Uint8Array(0); }
    return this.buf.subarray(this.vStart + 1, this.vEnd);
  }

  /**
   * BIT STRING as a named-bit list (KeyUsage): bit 0 is the first (most significant) bit, up to 16.
   * X.690 §11.2.2 wants trailing zero bits removed, but trusted roots in the wild break that rule
   * (e.g. Trustwave Global ECC P256/P384: 03 03 07 06 00), as OpenSSL, Go and NSS accept; so
   * trailing zero octets and bits are accepted here. Unused bits must still be zero (§11.2.1).
   */
  readNamedBits(): i32 {
    if (!this.expect(Tag.BIT_STRING) || !this.checkBitString()) return -1;
    const n = this.vEnd - this.vStart - 1;
    if (n > 2) { this.fail(DerErr.BadValue); return -1; }
    let bits = 0;
    for (let i = 0; i < n; i++) {
      const b = <i32>unchecked(this.buf[this.vStart + 1 + i]);
      for (let j = 0; j < 8; j++) if ((b & (0x80 >> j)) != 0) bits |= 1 << (i * 8 + j);
    }
    return bits;
  }

  /** OCTET STRING content octets. */
  readOctets(): Uint8Array {
    if (!this.expect(Tag.OCTET_STRING)) return new Uint8Array(0);
    return this.value();
  }

  /** Checks the last element's value as an OBJECT IDENTIFIER (X.690 §8.19). */
  checkOid(): bool {
    if (this.err != DerErr.Ok) return false;
    return oidValid(this.buf, this.vStart, this.vEnd) ? true : this.fail(DerErr.BadValue);
  }

  /** OBJECT IDENTIFIER content octets (compare them with the constants in x509.ts). */
  readOid(): Uint8Array {
    if (!this.expect(Tag.OID) || !this.checkOid()) return new Uint8Array(0);
    return this.value();
  }

  /** UTCTime or GeneralizedTime as seconds since 1970-01-01T00:00:00Z; err on a bad form. */
  readTime(): i64 {
    if (!this.next()) return 0;
    const t = parseTime(this.tag, this.buf, this.vStart, this.vEnd);
    if (t == TIME_INVALID) { this.fail(this.tag == Tag.UTC_TIME || this.tag == Tag.GENERALIZED_TIME ? DerErr.BadValue : DerErr.BadTag); return 0; }
    return t;
  }

  /**
   * A directory string (PrintableString, UTF8String, IA5String; T61String as Latin-1; BMPString as
   * UCS-2) checked against its character set and decoded; err on a bad string.
   */
  readString(): string {
    if (!this.next()) return "";
    const s = decodeString(this.tag, this.buf, this.vStart, this.vEnd);
    if (s === null) { this.fail(DerErr.BadValue); return ""; }
    return s;
  }
}

/**
 * A reader over the contents of `v`, which must be exactly one SEQUENCE (an extension value, a key
 * structure), and a non-empty one when `nonEmpty`; null otherwise.
 */
export function onlySequence(v: Uint8Array, nonEmpty: bool = false): DerReader | null {
  const r = new DerReader(v);
  if (!r.expect(Tag.SEQUENCE) || !r.finish()) return null;
  const s = r.enter();
  return nonEmpty && s.atEnd ? null : s;
}

/** True when b[s, e) is a valid, minimally encoded OID body (X.690 §8.19.2). */
export function oidValid(b: Uint8Array, s: i32, e: i32): bool {
  if (s >= e || <u32>e > <u32>b.length) return false;
  if ((unchecked(b[e - 1]) & 0x80) != 0) return false; // last sub-identifier unterminated
  let first = true;
  let arcBits = 0;
  for (let i = s; i < e; i++) {
    const v = <i32>unchecked(b[i]);
    if (first && v == 0x80) return false; // leading 0x80 is not minimal
    arcBits += 7;
    if (arcBits > 63) return false; // bound arcs to 64 bits: nothing real is longer
    first = (v & 0x80) == 0;
    if (first) arcBits = 0;
  }
  return true;
}

/** True when the OID content octets `oid` are exactly `ref` (one of the constants in x509.ts). */
export function oidIs(oid: Uint8Array, ref: StaticArray<u8>): bool {
  const n = ref.length;
  if (oid.length != n) return false;
  for (let i = 0; i < n; i++) if (unchecked(oid[i]) != unchecked(ref[i])) return false;
  return true;
}

/** Dotted form of a valid OID body, e.g. "2.5.29.17"; "" when invalid. */
export function oidToString(b: Uint8Array): string {
  if (!oidValid(b, 0, b.length)) return "";
  let out = "";
  let v: u64 = 0;
  let firstArc = true;
  for (let i = 0; i < b.length; i++) {
    const c = unchecked(b[i]);
    v = (v << 7) | <u64>(c & 0x7f);
    if ((c & 0x80) == 0) {
      if (firstArc) {
        // X.690 §8.19.4: the first sub-identifier is 40*X + Y with X in 0..2.
        const x: u64 = v < 40 ? 0 : v < 80 ? 1 : 2;
        out = x.toString() + "." + (v - x * 40).toString();
        firstArc = false;
      } else {
        out += "." + v.toString();
      }
      v = 0;
    }
  }
  return out;
}

/** Returned by parseTime for a malformed value. */
export const TIME_INVALID: i64 = i64.MIN_VALUE;

function digits2(b: Uint8Array, i: i32): i32 {
  const a = <i32>unchecked(b[i]) - 0x30;
  const c = <i32>unchecked(b[i + 1]) - 0x30;
  if (<u32>a > 9 || <u32>c > 9) return -1;
  return a * 10 + c;
}

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (m 1..12, d 1..31). */
export function daysFromCivil(y: i64, m: i32, d: i32): i64 {
  // Era-based count, as described by H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
  const yy = m <= 2 ? y - 1 : y;
  const era = (yy >= 0 ? yy : yy - 399) / 400;
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = (153 * mp + 2) / 5 + d - 1;
  const doe = yoe * 365 + yoe / 4 - yoe / 100 + <i64>doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: i32, m: i32): i32 {
  if (m == 2) return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : 28;
  return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
}

/**
 * RFC 5280 §4.1.2.5.1 UTCTime "YYMMDDHHMMSSZ" (YY >= 50 is 19YY, else 20YY) and §4.1.2.5.2
 * GeneralizedTime "YYYYMMDDHHMMSSZ" (no fractional seconds). Seconds since the Unix epoch, or
 * TIME_INVALID.
 */
export function parseTime(tag: i32, b: Uint8Array, s: i32, e: i32): i64 {
  if (s < 0 || <u32>e > <u32>b.length) return TIME_INVALID;
  const n = e - s;
  let year: i32;
  let p = s;
  if (tag == Tag.UTC_TIME) {
    if (n != 13) return TIME_INVALID;
    const yy = digits2(b, p);
    if (yy < 0) return TIME_INVALID;
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    p += 2;
  } else if (tag == Tag.GENERALIZED_TIME) {
    if (n != 15) return TIME_INVALID;
    const hi = digits2(b, p), lo = digits2(b, p + 2);
    if (hi < 0 || lo < 0) return TIME_INVALID;
    year = hi * 100 + lo;
    p += 4;
  } else {
    return TIME_INVALID;
  }
  const mo = digits2(b, p), d = digits2(b, p + 2), h = digits2(b, p + 4);
  const mi = digits2(b, p + 6), sec = digits2(b, p + 8);
  if (unchecked(b[p + 10]) != 0x5a) return TIME_INVALID; // 'Z'
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(year, mo)) return TIME_INVALID;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return TIME_INVALID;
  return daysFromCivil(<i64>year, mo, d) * 86400 + <i64>(h * 3600 + mi * 60 + sec);
}

// X.680 §41.4 PrintableString: A-Z a-z 0-9 space ' ( ) + , - . / : = ?
function printable(c: i32): bool {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return true;
  return c == 0x20 || c == 0x27 || c == 0x28 || c == 0x29 || c == 0x2b || c == 0x2c || c == 0x2d ||
    c == 0x2e || c == 0x2f || c == 0x3a || c == 0x3d || c == 0x3f;
}

/** Length of a valid UTF-8 sequence at b[i] (RFC 3629 §4), 0 when invalid. */
function utf8Seq(b: Uint8Array, i: i32, e: i32): i32 {
  const c = <i32>unchecked(b[i]);
  if (c < 0x80) return 1;
  let n = 0;
  let lo = 0x80, hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) { n = 3; if (c == 0xe0) lo = 0xa0; if (c == 0xed) hi = 0x9f; }
  else if (c >= 0xf0 && c <= 0xf4) { n = 4; if (c == 0xf0) lo = 0x90; if (c == 0xf4) hi = 0x8f; }
  else return 0;
  if (e - i < n) return 0;
  const c1 = <i32>unchecked(b[i + 1]);
  if (c1 < lo || c1 > hi) return 0;
  for (let k = 2; k < n; k++) if ((<i32>unchecked(b[i + k]) & 0xc0) != 0x80) return 0;
  return n;
}

/**
 * True for the string types X.520 DirectoryString and the IA5/Numeric attributes use (so the
 * types a Name's attribute values may have). VisibleString is decodable but not among them.
 */
export function isStringTag(tag: i32): bool {
  return tag == Tag.UTF8_STRING || tag == Tag.PRINTABLE_STRING || tag == Tag.IA5_STRING ||
    tag == Tag.T61_STRING || tag == Tag.BMP_STRING || tag == Tag.NUMERIC_STRING ||
    tag == Tag.UNIVERSAL_STRING;
}

/** Checks a string-typed value against its character set without decoding it. */
export function stringValid(tag: i32, b: Uint8Array, s: i32, e: i32): bool {
  if (s < 0 || s > e || <u32>e > <u32>b.length) return false;
  if (tag == Tag.UTF8_STRING) {
    for (let i = s; i < e;) {
      const k = utf8Seq(b, i, e);
      if (k == 0) return false;
      i += k;
    }
    return true;
  }
  if (tag == Tag.BMP_STRING) return ((e - s) & 1) == 0;
  if (tag == Tag.UNIVERSAL_STRING) {
    if (((e - s) & 3) != 0) return false;
    for (let i = s; i < e; i += 4) {
      const cp = (<u32>unchecked(b[i]) << 24) | (<u32>unchecked(b[i + 1]) << 16) | (<u32>unchecked(b[i + 2]) << 8) | <u32>unchecked(b[i + 3]);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    }
    return true;
  }
  if (tag == Tag.T61_STRING) return true;
  for (let i = s; i < e; i++) {
    const c = <i32>unchecked(b[i]);
    if (tag == Tag.PRINTABLE_STRING) { if (!printable(c)) return false; }
    else if (tag == Tag.IA5_STRING) { if (c >= 0x80) return false; }
    else if (tag == Tag.NUMERIC_STRING) { if (c != 0x20 && (c < 0x30 || c > 0x39)) return false; }
    else if (tag == Tag.VISIBLE_STRING) { if (c < 0x20 || c > 0x7e) return false; }
    else return false;
  }
  return true;
}

/** Decodes a string-typed value, checking its character set; null when invalid or not a string. */
export function decodeString(tag: i32, b: Uint8Array, s: i32, e: i32): string | null {
  if (!stringValid(tag, b, s, e)) return null;
  if (tag == Tag.UTF8_STRING) return String.UTF8.decodeUnsafe(b.dataStart + <usize>s, <usize>(e - s));
  if (tag == Tag.UNIVERSAL_STRING) {
    let out = "";
    for (let i = s; i < e; i += 4) {
      out += String.fromCodePoint((<i32>unchecked(b[i + 1]) << 16) | (<i32>unchecked(b[i + 2]) << 8) | <i32>unchecked(b[i + 3]));
    }
    return out;
  }
  if (tag == Tag.BMP_STRING) {
    let out = "";
    for (let i = s; i < e; i += 2) out += String.fromCharCode((<i32>unchecked(b[i]) << 8) | <i32>unchecked(b[i + 1]));
    return out;
  }
  let out = ""; // PrintableString, IA5String, and T61String read as Latin-1 (as most decoders do)
  for (let i = s; i < e; i++) out += String.fromCharCode(<i32>unchecked(b[i]));
  return out;
}
