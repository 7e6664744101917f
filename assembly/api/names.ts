// Names: address text <-> binary, byte order, and Windows' sockaddr layouts.
//
// Specifications: RFC 4291 §2.2 (IPv6 text input), RFC 5952 §4-5 (IPv6 text output), the 4.2BSD
// inet_addr forms ("a", "a.b", "a.b.c", "a.b.c.d" with decimal, 0x hex and 0 octal parts), and
// Microsoft Learn's pages for inet_addr, inet_ntoa, InetPton/InetNtop, WSAStringToAddress and
// WSAAddressToString (error codes and which calls set the last error), and Windows' observed answers
// as recorded by the Wine project's conformance tests (dlls/ws2_32/tests/sock.c: test_inet_addr,
// test_inet_pton, test_addr_to_print, test_WSAStringToAddress), which run on real Windows.
//
// Pure functions: no host calls, no allocation on the parse paths. Bad text is a return value, never
// a trap. Byte order helpers follow wasm's (and x86 Windows') little-endian host order.
import { setLastError } from "./last-error";

// Address families and sockaddr sizes, Windows' values (ws2def.h): AF_INET6 is 23, not Linux's 10.
export const AF_UNSPEC: i32 = 0;
export const AF_INET: i32 = 2;
export const AF_INET6: i32 = 23;
export const SOCKADDR_IN_LEN: i32 = 16; // family u16 LE | port u16 BE | addr[4] | zero[8]
export const SOCKADDR_IN6_LEN: i32 = 28; // family | port BE | flowinfo u32 | addr[16] | scope_id u32 LE
export const INADDR_NONE: u32 = 0xffffffff;
export const INADDR_ANY: u32 = 0;

// The Winsock codes these functions set (numbers from winerror.h).
export const WSAEFAULT: i32 = 10014;
export const WSAEINVAL: i32 = 10022;
export const WSAEAFNOSUPPORT: i32 = 10047;
export const SOCKET_ERROR: i32 = -1;

// ---------------------------------------------------------------------------------------------
// Byte order. wasm is little-endian, so host -> network order is a byte swap.

// @ts-ignore: decorator
@inline export function htons16(v: u16): u16 { return bswap<u16>(v); }
// @ts-ignore: decorator
@inline export function htonl32(v: u32): u32 { return bswap<u32>(v); }
// @ts-ignore: decorator
@inline export function htonll64(v: u64): u64 { return bswap<u64>(v); }

// ---------------------------------------------------------------------------------------------
// sockaddr helpers (Windows' layouts), shared with the socket calls. Every accessor takes a
// caller-checked buffer: call sockaddrCheck() (or check the length) first.

/** The family of a sockaddr, or -1 when the buffer is shorter than the 2-byte family field. */
export function sockaddrFamily(sa: Uint8Array): i32 {
  if (<u32>sa.length < 2) return -1;
  return <i32>load<u16>(sa.dataStart);
}

/** The size Windows requires for a family's sockaddr (0 for an unknown family). */
export function sockaddrLen(family: i32): i32 {
  if (family == AF_INET) return SOCKADDR_IN_LEN;
  if (family == AF_INET6) return SOCKADDR_IN6_LEN;
  return 0;
}

/** The port (host order) of a SOCKADDR_IN or SOCKADDR_IN6 of at least 4 bytes; 0 if shorter. */
export function sockaddrPort(sa: Uint8Array): u16 {
  if (<u32>sa.length < 4) return 0;
  return bswap<u16>(load<u16>(sa.dataStart + 2));
}

/** Writes a SOCKADDR_IN (16 bytes, sin_zero cleared). addr is the 4 address bytes in network order. */
export function encodeSockaddrIn(out: Uint8Array, port: u16, addr: u32): bool {
  if (<u32>out.length < <u32>SOCKADDR_IN_LEN) return false;
  const p = out.dataStart;
  store<u16>(p, <u16>AF_INET);
  store<u16>(p + 2, bswap<u16>(port));
  store<u32>(p + 4, addr);
  store<u64>(p + 8, 0);
  return true;
}

/** The IPv4 address of a SOCKADDR_IN as stored (network order bytes read little-endian). */
export function sockaddrInAddr(sa: Uint8Array): u32 {
  if (<u32>sa.length < 8) return 0;
  return load<u32>(sa.dataStart + 4);
}

/** Writes a SOCKADDR_IN6 (28 bytes). addr holds 16 bytes in network order. */
export function encodeSockaddrIn6(out: Uint8Array, port: u16, flowinfo: u32, addr: Uint8Array, scopeId: u32): bool {
  if (<u32>out.length < <u32>SOCKADDR_IN6_LEN || <u32>addr.length < 16) return false;
  const p = out.dataStart;
  store<u16>(p, <u16>AF_INET6);
  store<u16>(p + 2, bswap<u16>(port));
  store<u32>(p + 4, bswap<u32>(flowinfo));
  memory.copy(p + 8, addr.dataStart, 16);
  store<u32>(p + 24, scopeId);
  return true;
}

/** sin6_scope_id of a SOCKADDR_IN6 (0 if the buffer is shorter than 28 bytes). */
export function sockaddrIn6Scope(sa: Uint8Array): u32 {
  if (<u32>sa.length < <u32>SOCKADDR_IN6_LEN) return 0;
  return load<u32>(sa.dataStart + 24);
}

// ---------------------------------------------------------------------------------------------
// Text scanning. Parsers work on [i, end) of code units at address s, T = u16 (a string's data, a
// W string, a host's scratch text) or u8 (an A string), and leave the stop index in `scanEnd`
// (module state instead of a tuple: AS has no multiple returns and the parse paths must not allocate).

let scanEnd: i32 = 0;
let v4Value: u32 = 0; // host order result of the IPv4 parsers
const v6Groups = new StaticArray<u16>(8);

// @ts-ignore: decorator
@inline function ch<T>(s: usize, i: i32): i32 {
  return <i32>load<T>(s + (<usize>i << alignof<T>()));
}

// @ts-ignore: decorator
@inline function hexVal(c: i32): i32 {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

// @ts-ignore: decorator
@inline function isSpace(c: i32): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * The classic inet_addr grammar: 1 to 4 parts separated by '.', each decimal, 0x/0X hex or 0-led
 * octal; "a.b.c" puts c in the low 16 bits, "a.b" puts b in the low 24, "a" is all 32 bits.
 * Stops at the first character that cannot continue the address; scanEnd is that index.
 */
function parseV4Classic<T>(s: usize, i: i32, end: i32, hexWraps: bool = false): bool {
  let p0: u64 = 0, p1: u64 = 0, p2: u64 = 0, p3: u64 = 0;
  let n = 0;
  while (true) {
    if (i >= end) return false;
    let c = ch<T>(s, i);
    if (c < 0x30 || c > 0x39) return false;
    let base: u64 = 10;
    let v: u64 = 0;
    let digits = 0;
    if (c == 0x30) {
      i++;
      if (i < end && (ch<T>(s, i) | 0x20) == 0x78) { base = 16; i++; } else { base = 8; digits = 1; }
    }
    while (i < end) {
      c = ch<T>(s, i);
      let d = hexVal(c);
      if (d < 0) break;
      if (base != 16 && d > 9) break;
      if (<u64>d >= base) return false; // 8 or 9 in an octal part
      v = v * base + <u64>d;
      if (v > 0xffffffff) {
        // WSAStringToAddress keeps the low 32 bits of an over-long hex part ("0x123456789" is
        // 0x23456789 on Windows); inet_addr and decimal/octal parts fail.
        if (!hexWraps || base != 16) return false;
        v &= 0xffffffff;
      }
      digits++;
      i++;
    }
    if (digits == 0) return false; // "0x" with no hex digits
    if (n == 0) p0 = v; else if (n == 1) p1 = v; else if (n == 2) p2 = v; else p3 = v;
    n++;
    if (i < end && ch<T>(s, i) == 0x2e) {
      if (n == 4) return false;
      i++;
      continue;
    }
    break;
  }
  scanEnd = i;
  let r: u64 = 0;
  if (n == 1) {
    r = p0;
  } else if (n == 2) {
    if (p0 > 0xff || p1 > 0xffffff) return false;
    r = (p0 << 24) | p1;
  } else if (n == 3) {
    if (p0 > 0xff || p1 > 0xff || p2 > 0xffff) return false;
    r = (p0 << 24) | (p1 << 16) | p2;
  } else {
    if (p0 > 0xff || p1 > 0xff || p2 > 0xff || p3 > 0xff) return false;
    r = (p0 << 24) | (p1 << 16) | (p2 << 8) | p3;
  }
  v4Value = <u32>r;
  return true;
}

/** A dotted quad: exactly four decimal parts of 1-3 digits, 0-255. inet_pton's IPv4 takes no
 *  leading zeros (RFC 4291 §2.2 (3) form); the dotted tail of an IPv6 address does on Windows
 *  ("1::001.2.3.4" but not "1::0001.2.3.4"). */
function parseDotted<T>(s: usize, i: i32, end: i32, leadingZeros: bool): bool {
  let r: u32 = 0;
  for (let n = 0; n < 4; n++) {
    if (n > 0) {
      if (i >= end || ch<T>(s, i) != 0x2e) return false;
      i++;
    }
    let v: u32 = 0;
    let digits = 0;
    while (i < end) {
      const c = ch<T>(s, i);
      if (c < 0x30 || c > 0x39) break;
      if (!leadingZeros && digits > 0 && v == 0) return false;
      if (++digits > 3) return false;
      v = v * 10 + <u32>(c - 0x30);
      i++;
    }
    if (digits == 0 || v > 255) return false;
    r = (r << 8) | v;
  }
  scanEnd = i;
  v4Value = r;
  return true;
}

/** RFC 4291 §2.2 text in [i, end), all of it; result in v6Groups. */
function parseV6<T>(s: usize, i: i32, end: i32): bool {
  const g = v6Groups;
  let n = 0;
  let gap = -1; // group index where "::" stands
  if (end - i >= 2 && ch<T>(s, i) == 0x3a && ch<T>(s, i + 1) == 0x3a) {
    gap = 0;
    i += 2;
  }
  while (i < end) {
    const start = i;
    let v: u32 = 0;
    let digits = 0;
    while (i < end) {
      const d = hexVal(ch<T>(s, i));
      if (d < 0) break;
      if (++digits > 4) return false;
      v = (v << 4) | <u32>d;
      i++;
    }
    if (i < end && ch<T>(s, i) == 0x2e) {
      // Embedded IPv4 in the last 32 bits (RFC 4291 §2.2 (3)).
      if (n > 6 || !parseDotted<T>(s, start, end, true) || scanEnd != end) return false;
      unchecked(g[n++] = <u16>(v4Value >>> 16));
      unchecked(g[n++] = <u16>v4Value);
      i = end;
      break;
    }
    if (digits == 0) return false;
    if (n == 8) return false;
    unchecked(g[n++] = <u16>v);
    if (i == end) break;
    if (ch<T>(s, i) != 0x3a) return false;
    i++;
    if (i < end && ch<T>(s, i) == 0x3a) {
      if (gap >= 0) return false;
      gap = n;
      i++;
      if (i == end) break;
    } else if (i == end) {
      return false; // trailing single ':'
    }
  }
  if (gap < 0) return n == 8;
  if (n > 7) return false; // "::" stands for at least one group
  // Move the groups after the gap to the end and zero the middle.
  const tail = n - gap;
  for (let k = 0; k < tail; k++) unchecked(g[7 - k] = g[n - 1 - k]);
  for (let k = gap; k < 8 - tail; k++) unchecked(g[k] = 0);
  return true;
}

function storeV6(p: usize): void {
  for (let k = 0; k < 8; k++) store<u16>(p + (<usize>k << 1), bswap<u16>(unchecked(v6Groups[k])));
}

// ---------------------------------------------------------------------------------------------
// Text output into a scratch buffer (longest: "[" + 45 address chars + "%4294967295]:65535").

const outBuf = new StaticArray<u16>(80);
let outLen: i32 = 0;

// @ts-ignore: decorator
@inline function put(c: i32): void {
  unchecked(outBuf[outLen++] = <u16>c);
}

function putDec(v: u32): void {
  let n = 1;
  for (let t = v; t >= 10; t /= 10) n++;
  let k = outLen + n;
  outLen = k;
  do {
    unchecked(outBuf[--k] = <u16>(0x30 + v % 10));
    v /= 10;
  } while (v != 0);
}

function putHex(v: u32): void {
  // lowercase, no leading zeros (RFC 5952 §4.1, §4.3)
  let shift = v == 0 ? 0 : (31 - <i32>clz<u32>(v)) & ~3;
  for (; shift >= 0; shift -= 4) {
    const d = <i32>((v >>> shift) & 15);
    put(d < 10 ? 0x30 + d : 0x57 + d);
  }
}

function putV4(bytes: usize): void {
  for (let k = 0; k < 4; k++) {
    if (k > 0) put(0x2e);
    putDec(<u32>load<u8>(bytes + k));
  }
}

/** True when Windows (and RFC 5952 §5, "well-known prefix") writes the last 32 bits dotted:
 *  IPv4-compatible ::a.b.c.d (96 zero bits, 7th group non-zero, so ::1 and ::ffff stay hex),
 *  IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d, and ISATAP x:x:x:x:0:5efe:a.b.c.d
 *  or x:x:x:x:200:5efe:a.b.c.d (Windows' RtlIpv6AddressToString forms). */
function mixedV6(g: StaticArray<u16>): bool {
  const g5 = unchecked(g[5]);
  const g4 = unchecked(g[4]);
  if (g5 == 0x5efe) return g4 == 0 || g4 == 0x0200;
  if (unchecked(g[0]) | unchecked(g[1]) | unchecked(g[2]) | unchecked(g[3])) return false;
  if (g4 == 0) return g5 == 0xffff || (g5 == 0 && unchecked(g[6]) != 0);
  return g4 == 0xffff && g5 == 0;
}

/** RFC 5952 §4: lowercase, no leading zeros, the longest run of 2+ zero groups (first on ties) as
 *  "::"; §5: mixed notation for the forms mixedV6() names, compressing only among the hex groups. */
function putV6(bytes: usize): void {
  const g = v6Groups;
  for (let k = 0; k < 8; k++) unchecked(g[k] = bswap<u16>(load<u16>(bytes + (<usize>k << 1))));
  const mixed = mixedV6(g);
  const hexGroups = mixed ? 6 : 8;
  let best = -1, bestLen = 1;
  for (let k = 0; k < hexGroups; ) {
    if (unchecked(g[k]) != 0) { k++; continue; }
    let e = k;
    while (e < hexGroups && unchecked(g[e]) == 0) e++;
    if (e - k > bestLen) { best = k; bestLen = e - k; }
    k = e;
  }
  for (let k = 0; k < hexGroups; k++) {
    if (k == best) {
      put(0x3a); put(0x3a);
      k += bestLen - 1;
      continue;
    }
    if (k > 0 && k != best + bestLen) put(0x3a);
    putHex(<u32>unchecked(g[k]));
  }
  if (mixed) {
    if (best + bestLen != 6) put(0x3a); // after "::" the dotted part follows at once
    putV4(bytes + 12);
  }
}

function takeOut(): string {
  return String.UTF16.decodeUnsafe(changetype<usize>(outBuf), <usize>outLen << 1);
}

/** Copies the text buffer to dst as T units (u8: an A string, u16: a W string) and a NUL. */
export function copyText<T>(dst: usize): void {
  const n = outLen;
  for (let k = 0; k < n; k++) store<T>(dst + (<usize>k << alignof<T>()), <T>unchecked(outBuf[k]));
  store<T>(dst + (<usize>n << alignof<T>()), <T>0);
}

/** Length in units of the NUL-terminated T string at p, or -1 when no NUL comes before the end of
 *  memory (the string is not all in the address space: WSAEFAULT for the caller). */
export function cStrLen<T>(p: usize): i32 {
  const end = <usize>memory.size() << 16;
  if (p == 0 || p >= end) return -1;
  const unit = <usize>sizeof<T>();
  let q = p;
  while (q + unit <= end) {
    if (load<T>(q) == <T>0) return <i32>((q - p) >> alignof<T>());
    q += unit;
  }
  return -1;
}

/** Where the last text result lies (outLen UTF-16 code units), for hosts that read it in place. */
export function textPtr(): usize {
  return changetype<usize>(outBuf);
}

export function textLen(): i32 {
  return outLen;
}

// ---------------------------------------------------------------------------------------------
// The Winsock functions. Each has a form over raw memory (…At: text as UTF-16 code units at an
// address, results in caller memory or the text buffer) and a form over AS strings and arrays.

/** inet_addr over `len` code units at s (see inetAddr). */
export function inetAddrAt<T>(s: usize, len: i32): u32 {
  if (len <= 0) return INADDR_NONE;
  // Windows answers a lone space with INADDR_ANY (its old "empty string is 0" rule); "  " and
  // "\t" are INADDR_NONE.
  if (len == 1 && ch<T>(s, 0) == 0x20) return INADDR_ANY;
  if (!parseV4Classic<T>(s, 0, len)) return INADDR_NONE;
  // Trailing text is accepted only after a whitespace character (the 4.2BSD rule); a NUL ends a
  // C string, so it ends the text here too.
  if (scanEnd != len) {
    const c = ch<T>(s, scanEnd);
    if (c != 0 && !isSpace(c)) return INADDR_NONE;
  }
  return bswap<u32>(v4Value);
}

/** inet_addr: the address in network order as stored in an in_addr (read little-endian), or
 *  INADDR_NONE. Sets the last error only for NULL (WSAEFAULT); works before WSAStartup. */
export function inetAddr(cp: string | null): u32 {
  if (cp === null) {
    setLastError(WSAEFAULT); // the one case inet_addr sets an error (observed on Windows)
    return INADDR_NONE;
  }
  return inetAddrAt<u16>(changetype<usize>(cp), cp.length);
}

/** inet_ntoa into the text buffer; returns the length. */
export function inetNtoaText(addr: u32): i32 {
  outLen = 0;
  const tmp = memory.data(4);
  store<u32>(tmp, addr);
  putV4(tmp);
  return outLen;
}

/** inet_ntoa: dotted decimal of an in_addr value (network order bytes read little-endian). */
export function inetNtoa(addr: u32): string {
  inetNtoaText(addr);
  return takeOut();
}

/** inet_pton over `len` code units at s; `out` has room for the family's 4 or 16 bytes. */
export function inetPtonAt<T>(family: i32, s: usize, len: i32, out: usize, wide: bool): i32 {
  if (family != AF_INET && family != AF_INET6) {
    setLastError(WSAEAFNOSUPPORT);
    return -1;
  }
  let ok = false;
  if (family == AF_INET) {
    ok = parseDotted<T>(s, 0, len, false) && scanEnd == len;
    if (ok) store<u32>(out, bswap<u32>(v4Value));
  } else {
    ok = parseV6<T>(s, 0, len);
    if (ok) storeV6(out);
  }
  if (ok) return 1;
  if (wide) setLastError(WSAEINVAL);
  return 0;
}

/** inet_pton (A) / InetPtonW (wide = true): 1 and the bytes in out (4 or 16); 0 for bad text,
 *  where inet_pton leaves the last error alone and InetPtonW sets WSAEINVAL; -1 with WSAEFAULT
 *  (NULL text, checked first, or an output buffer too small) or WSAEAFNOSUPPORT (family). */
export function inetPton(family: i32, src: string | null, out: Uint8Array, wide: bool = false): i32 {
  if (src === null) {
    setLastError(WSAEFAULT);
    return -1;
  }
  if ((family == AF_INET && <u32>out.length < 4) || (family == AF_INET6 && <u32>out.length < 16)) {
    setLastError(WSAEFAULT);
    return -1;
  }
  return inetPtonAt<u16>(family, changetype<usize>(src), src.length, out.dataStart, wide);
}

/** InetNtop's text into the text buffer: its length, or -1 with WSAEAFNOSUPPORT (family) or
 *  WSAEFAULT (addrLen shorter than the family's in_addr: a bad pointer in C). */
export function formatAt(family: i32, addr: usize, addrLen: i32): i32 {
  outLen = 0;
  if (family == AF_INET) {
    if (addrLen < 4) { setLastError(WSAEFAULT); return -1; }
    putV4(addr);
  } else if (family == AF_INET6) {
    if (addrLen < 16) { setLastError(WSAEFAULT); return -1; }
    putV6(addr);
  } else {
    setLastError(WSAEAFNOSUPPORT);
    return -1;
  }
  return outLen;
}

/** The text InetNtop would produce, or null (see formatAt). */
export function formatAddress(family: i32, addr: Uint8Array): string | null {
  return formatAt(family, addr.dataStart, addr.length) < 0 ? null : takeOut();
}

/** InetNtop into the text buffer: its length, or -1 (see inetNtop). */
export function inetNtopAt(family: i32, addr: usize, addrLen: i32, bufSize: i32): i32 {
  const n = formatAt(family, addr, addrLen);
  if (n < 0) return -1;
  if (<u32>bufSize <= <u32>n) { // size_t: a negative int is huge; needs len + 1
    setLastError(WSAEINVAL);
    return -1;
  }
  return n;
}

/** InetNtop: the text, or null with WSAEAFNOSUPPORT, or WSAEINVAL when bufSize (in characters)
 *  cannot hold the text and its terminator (or is 0). Microsoft Learn names ERROR_INVALID_PARAMETER;
 *  Windows 7 is observed to set WSAEINVAL and later versions STATUS_INVALID_PARAMETER (0xC000000D),
 *  an NTSTATUS leaking through. WSAEINVAL is the one of these a Winsock program can test for. */
export function inetNtop(family: i32, addr: Uint8Array, bufSize: i32): string | null {
  return inetNtopAt(family, addr.dataStart, addr.length, bufSize) < 0 ? null : takeOut();
}

/** A WSAStringToAddress port in [i, end): one number in the inet_addr grammar (decimal, 0x hex,
 *  0 octal), 1..65535 ("127.0.0.1:0" and ":0x10000" are WSAEINVAL on Windows); -1 on failure. */
function parsePort<T>(s: usize, i: i32, end: i32): i64 {
  if (i >= end || !parseV4Classic<T>(s, i, end) || scanEnd != end) return -1;
  // parseV4Classic accepts "a.b" forms; a port is a single part.
  for (let k = i; k < end; k++) if (ch<T>(s, k) == 0x2e) return -1;
  const v = v4Value;
  return v == 0 || v > 0xffff ? -1 : <i64>v;
}

/** Parses a decimal u32 in [i, end) (1..10 digits, no sign); -1 on failure. */
function parseDecU32<T>(s: usize, i: i32, end: i32): i64 {
  if (i >= end || end - i > 10) return -1;
  let v: i64 = 0;
  for (; i < end; i++) {
    const c = ch<T>(s, i);
    if (c < 0x30 || c > 0x39) return -1;
    v = v * 10 + <i64>(c - 0x30);
  }
  return v > 0xffffffff ? -1 : v;
}

/** Length WSAStringToAddress wrote or needed (bytes), for the caller's lpAddressLength. */
export let stringToAddressLen: i32 = 0;

/** WSAStringToAddress over `len` code units at s into `outCap` bytes at out (see stringToAddress). */
export function stringToAddressAt<T>(s: usize, len: i32, family: i32, out: usize, outCap: i32, addressLength: i32): i32 {
  stringToAddressLen = 0;
  const need = sockaddrLen(family);
  if (need == 0) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
  if (addressLength < need || outCap < need) {
    stringToAddressLen = need;
    setLastError(WSAEFAULT);
    return SOCKET_ERROR;
  }
  let port: i64 = 0;
  if (family == AF_INET) {
    if (!parseV4Classic<T>(s, 0, len, true)) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
    const i = scanEnd;
    const addr = bswap<u32>(v4Value);
    if (i < len) {
      if (ch<T>(s, i) != 0x3a) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
      port = parsePort<T>(s, i + 1, len);
      if (port < 0) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
    }
    store<u16>(out, <u16>AF_INET);
    store<u16>(out + 2, bswap<u16>(<u16>port));
    store<u32>(out + 4, addr);
    store<u64>(out + 8, 0);
    stringToAddressLen = need;
    return 0;
  }
  // AF_INET6
  let i = 0;
  let end = len;
  if (len > 0 && ch<T>(s, 0) == 0x5b) {
    i = 1;
    let close = -1;
    for (let k = 1; k < len; k++) if (ch<T>(s, k) == 0x5d) { close = k; break; }
    if (close < 0) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
    end = close;
    if (close + 1 < len) {
      if (ch<T>(s, close + 1) != 0x3a) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
      port = parsePort<T>(s, close + 2, len);
      if (port < 0) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
    }
  }
  let scope: i64 = 0;
  let pct = -1;
  for (let k = i; k < end; k++) if (ch<T>(s, k) == 0x25) { pct = k; break; }
  if (pct >= 0) {
    scope = parseDecU32<T>(s, pct + 1, end);
    if (scope < 0) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
    end = pct;
  }
  if (!parseV6<T>(s, i, end)) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
  store<u16>(out, <u16>AF_INET6);
  store<u16>(out + 2, bswap<u16>(<u16>port));
  store<u32>(out + 4, 0); // sin6_flowinfo
  storeV6(out + 8);
  store<u32>(out + 24, <u32>scope);
  stringToAddressLen = need;
  return 0;
}

/**
 * WSAStringToAddress{A,W}: text -> sockaddr bytes in `out` (its length is *lpAddressLength).
 * AF_INET: the inet_addr forms (an over-long hex part keeps its low 32 bits) with an optional
 * ":port", the port itself in decimal, 0x hex or 0 octal, 1-65535. AF_INET6: RFC 4291 text with an
 * optional "%scope", or "[text%scope]" with an optional ":port". Missing parts default to zero.
 * 0 on success; SOCKET_ERROR with WSAEINVAL (family, NULL or bad text) or WSAEFAULT (buffer too
 * small; the needed size is in stringToAddressLen).
 */
export function stringToAddress(text: string | null, family: i32, out: Uint8Array, addressLength: i32): i32 {
  if (text === null && sockaddrLen(family) != 0) {
    stringToAddressLen = 0;
    setLastError(WSAEINVAL);
    return SOCKET_ERROR;
  }
  const t = changetype<string>(text);
  return stringToAddressAt<u16>(changetype<usize>(t), text === null ? 0 : t.length, family, out.dataStart, out.length, addressLength);
}

/** Characters WSAAddressToString wrote or needs, including the terminator. */
export let addressToStringLen: i32 = 0;

/** WSAAddressToString over `saLen` bytes at sa into the text buffer: the text length or -1. */
export function addressToStringAt(sa: usize, saLen: i32, addressLength: i32, stringLength: i32): i32 {
  addressToStringLen = 0;
  const fam = saLen >= 2 ? <i32>load<u16>(sa) : -1;
  const need = sockaddrLen(fam);
  if (need == 0 || addressLength < need || saLen < need) {
    setLastError(WSAEINVAL);
    return -1;
  }
  const port = <u32>bswap<u16>(load<u16>(sa + 2));
  outLen = 0;
  if (fam == AF_INET) {
    putV4(sa + 4);
    if (port != 0) { put(0x3a); putDec(port); }
  } else {
    const scope = load<u32>(sa + 24);
    if (port != 0) put(0x5b);
    putV6(sa + 8);
    if (scope != 0) { put(0x25); putDec(scope); }
    if (port != 0) { put(0x5d); put(0x3a); putDec(port); }
  }
  addressToStringLen = outLen + 1;
  if (<u32>stringLength < <u32>(outLen + 1)) { // a DWORD: negative is huge
    setLastError(WSAEFAULT);
    return -1;
  }
  return outLen;
}

/**
 * WSAAddressToString{A,W}: sockaddr bytes (addressLength of them) -> text. IPv4 "a.b.c.d[:port]";
 * IPv6 "addr[%scope]" or, with a port, "[addr[%scope]]:port". The port and scope appear only when
 * non-zero. null with WSAEINVAL (NULL address, length shorter than the family's sockaddr, unknown
 * family) or WSAEFAULT (stringLength characters cannot hold the text and its terminator; the need
 * is in addressToStringLen).
 */
export function addressToString(sa: Uint8Array | null, addressLength: i32, stringLength: i32): string | null {
  if (sa === null) {
    addressToStringLen = 0;
    setLastError(WSAEINVAL);
    return null;
  }
  return addressToStringAt(sa.dataStart, sa.length, addressLength, stringLength) < 0 ? null : takeOut();
}
