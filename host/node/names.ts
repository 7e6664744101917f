// The Names calls over the core's exports (assembly/api/names-exports.ts): address text <-> bytes and
// byte order. Each function takes the core's exports object first, returns plain JS values, and throws
// WinsockError exactly where the Winsock call fails with an error (inet_pton's "bad text" is a null,
// not an error: Windows returns 0 and sets nothing). The Winsock class exposes these as its methods.
import { WSA, WinsockError } from "./errors.ts";

export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 23;
export const INADDR_NONE = 0xffffffff;
export const SOCKADDR_IN_LEN = 16;
export const SOCKADDR_IN6_LEN = 28;
export const INET_ADDRSTRLEN = 22; // ws2ipdef.h
export const INET6_ADDRSTRLEN = 65;

/** The part of the core's exports these functions use. */
export interface NamesCore {
  htons(v: number): number;
  ntohs(v: number): number;
  htonl(v: number): number;
  ntohl(v: number): number;
  htonll(v: bigint): bigint;
  ntohll(v: bigint): bigint;
  inet_addr(cp: string | null): number;
  inet_ntoa(addr: number): string;
  inet_pton(family: number, src: string | null): number;
  InetPtonW(family: number, src: string | null): number;
  inet_ntop(family: number, addr: Uint8Array, size: number): string | null;
  WSAStringToAddressA(text: string | null, family: number, addressLength: number): number;
  WSAStringToAddressW(text: string | null, family: number, addressLength: number): number;
  WSAAddressToStringA(sa: Uint8Array | null, addressLength: number, stringLength: number): string | null;
  WSAAddressToStringW(sa: Uint8Array | null, addressLength: number, stringLength: number): string | null;
  names_out(): Uint8Array;
  names_len(): number;
  // the allocation-free fast path (see names-exports.ts); used when present
  memory?: WebAssembly.Memory;
  names_scratch?(): number;
  names_result_ptr?(): number;
  names_text_ptr?(): number;
  names_inet_addr?(len: number): number;
  names_inet_pton?(family: number, len: number, wide: number): number;
  names_inet_ntop?(family: number, addrLen: number, size: number): number;
  names_inet_ntoa?(addr: number): number;
  names_string_to_address?(len: number, family: number, addressLength: number): number;
  names_address_to_string?(saLen: number, addressLength: number, stringLength: number): number;
  WSAGetLastError?(): number;
  harness_get_last_error?(): number;
}

/** A WSAEFAULT from a call that reports the size it needed (lpAddressLength, lpdwAddressStringLength). */
export class WinsockLengthError extends WinsockError {
  readonly needed: number;
  constructor(errno: number, needed: number) {
    super(errno);
    this.needed = needed;
  }
}

// The fast path: text goes into the core's scratch area as UTF-16 code units and results are read
// in place, so a call allocates nothing in the core (the string exports allocate per call). Views
// are re-made whenever the memory has grown (growth detaches the old ArrayBuffer).
const SCRATCH_UNITS = 1024;
interface Fast {
  core: Required<NamesCore>;
  mem: WebAssembly.Memory;
  u8: Buffer; // a view of core memory; Buffer's native UTF-16 codecs are 3x faster than JS loops
  scratch: number; // u16 index
  result: number; // byte offset
  text: number; // u16 index
}
const fastCache = new WeakMap<object, Fast | null>();

function fast(core: NamesCore): Fast | null {
  let f = fastCache.get(core);
  if (f === undefined) {
    f = null;
    if (core.memory && core.names_scratch && core.names_address_to_string) {
      const c = core as Required<NamesCore>;
      f = {
        core: c, mem: c.memory, u8: Buffer.from(c.memory.buffer),
        scratch: c.names_scratch() >>> 1, result: c.names_result_ptr(), text: c.names_text_ptr() >>> 1,
      };
    }
    fastCache.set(core, f);
  }
  if (f && f.u8.buffer !== f.mem.buffer) {
    f.u8 = Buffer.from(f.mem.buffer);
  }
  return f;
}

/** Writes text to the scratch area; false when it does not fit (the caller uses the string export). */
function putText(f: Fast, text: string): boolean {
  if (text.length > SCRATCH_UNITS) return false;
  f.u8.write(text, f.scratch << 1, "utf16le"); // code units as they are, lone surrogates included
  return true;
}

function takeText(f: Fast, n: number): string {
  return f.u8.toString("utf16le", f.text << 1, (f.text + n) << 1);
}

function putBytes(f: Fast, b: Uint8Array): number {
  const n = Math.min(b.length, 28);
  f.u8.set(n === b.length ? b : b.subarray(0, n), f.result);
  return n;
}

function lastError(core: NamesCore): number {
  if (core.WSAGetLastError) return core.WSAGetLastError();
  if (core.harness_get_last_error) return core.harness_get_last_error();
  throw new TypeError("core exports neither WSAGetLastError nor harness_get_last_error");
}

function needString(v: unknown, what: string): void {
  if (v !== null && typeof v !== "string") throw new TypeError(`${what} must be a string or null`);
}

function needInt(v: unknown, what: string): void {
  if (typeof v !== "number" || !Number.isInteger(v)) throw new TypeError(`${what} must be an integer`);
}

export const htons = (core: NamesCore, v: number): number => core.htons(v);
export const ntohs = (core: NamesCore, v: number): number => core.ntohs(v);
export const htonl = (core: NamesCore, v: number): number => core.htonl(v);
export const ntohl = (core: NamesCore, v: number): number => core.ntohl(v);
export const htonll = (core: NamesCore, v: bigint): bigint => BigInt.asUintN(64, core.htonll(v));
export const ntohll = (core: NamesCore, v: bigint): bigint => BigInt.asUintN(64, core.ntohll(v));

/** inet_addr: the in_addr value (network-order bytes read little-endian, as a C program sees the
 *  unsigned long), or INADDR_NONE for text that is not an address. Never throws for bad text. */
export function inet_addr(core: NamesCore, cp: string | null): number {
  needString(cp, "cp");
  const f = cp === null ? null : fast(core);
  if (f && putText(f, cp!)) return f.core.names_inet_addr(cp!.length) >>> 0;
  return core.inet_addr(cp) >>> 0;
}

/** inet_ntoa of an in_addr value (as inet_addr returns it). */
export function inet_ntoa(core: NamesCore, addr: number): string {
  needInt(addr, "addr");
  const f = fast(core);
  if (f) return takeText(f, f.core.names_inet_ntoa(addr >>> 0));
  return core.inet_ntoa(addr >>> 0);
}

/** inet_pton: the 4 or 16 address bytes, or null for text that is not an address of the family
 *  (Windows returns 0: inet_pton sets no error, InetPtonW sets WSAEINVAL). Throws WSAEFAULT (null
 *  text) or WSAEAFNOSUPPORT (family). */
export function inet_pton(core: NamesCore, family: number, src: string | null): Uint8Array | null {
  return pton(core, false, family, src);
}

export function InetPtonW(core: NamesCore, family: number, src: string | null): Uint8Array | null {
  return pton(core, true, family, src);
}

function pton(core: NamesCore, wide: boolean, family: number, src: string | null): Uint8Array | null {
  needInt(family, "family");
  needString(src, "src");
  const f = src === null ? null : fast(core);
  if (f && putText(f, src!)) {
    const r = f.core.names_inet_pton(family, src!.length, wide ? 1 : 0);
    if (r === 1) return new Uint8Array(f.u8.subarray(f.result, f.result + (family === AF_INET ? 4 : 16)));
    if (r === 0) return null;
    throw new WinsockError(lastError(core));
  }
  const r = wide ? core.InetPtonW(family, src) : core.inet_pton(family, src);
  if (r === 1) return core.names_out();
  if (r === 0) return null;
  throw new WinsockError(lastError(core));
}

/** inet_ntop: RFC 5952 text. `size` is the buffer's length in characters (the default always fits).
 *  Throws WSAEAFNOSUPPORT, WSAEFAULT (addr too short), or WSAEINVAL when `size` cannot hold the text
 *  and its NUL. */
export function inet_ntop(core: NamesCore, family: number, addr: Uint8Array, size = INET6_ADDRSTRLEN): string {
  needInt(family, "family");
  if (!(addr instanceof Uint8Array)) throw new TypeError("addr must be a Uint8Array");
  needInt(size, "size");
  const f = fast(core);
  if (f) {
    const n = f.core.names_inet_ntop(family, putBytes(f, addr), size);
    if (n < 0) throw new WinsockError(lastError(core));
    return takeText(f, n);
  }
  const r = core.inet_ntop(family, addr, size);
  if (r === null) throw new WinsockError(lastError(core));
  return r;
}

export interface SockaddrResult {
  /** The sockaddr bytes as Windows lays them out (SOCKADDR_IN 16 bytes, SOCKADDR_IN6 28 bytes). */
  sockaddr: Uint8Array;
  /** *lpAddressLength after the call. */
  length: number;
}

function stringToAddress(core: NamesCore, w: boolean, text: string | null, family: number, addressLength?: number): SockaddrResult {
  needString(text, "text");
  needInt(family, "family");
  const len = addressLength ?? SOCKADDR_IN6_LEN;
  needInt(len, "addressLength");
  const f = text === null ? null : fast(core);
  let r: number;
  let n: number;
  if (f && putText(f, text!)) {
    r = f.core.names_string_to_address(text!.length, family, len);
    n = core.names_len();
    if (r === 0) return { sockaddr: new Uint8Array(f.u8.subarray(f.result, f.result + n)), length: n };
  } else {
    r = w ? core.WSAStringToAddressW(text, family, len) : core.WSAStringToAddressA(text, family, len);
    n = core.names_len();
    if (r === 0) return { sockaddr: core.names_out(), length: n };
  }
  const err = lastError(core);
  if (err === WSA.WSAEFAULT) throw new WinsockLengthError(err, n);
  throw new WinsockError(err);
}

/** WSAStringToAddressA: text -> sockaddr. Throws WSAEINVAL (bad text or family), or
 *  WinsockLengthError WSAEFAULT with `needed` when addressLength is too small. */
export function WSAStringToAddressA(core: NamesCore, text: string | null, family: number, addressLength?: number): SockaddrResult {
  return stringToAddress(core, false, text, family, addressLength);
}

export function WSAStringToAddressW(core: NamesCore, text: string | null, family: number, addressLength?: number): SockaddrResult {
  return stringToAddress(core, true, text, family, addressLength);
}

function addressToString(core: NamesCore, w: boolean, sa: Uint8Array | null, addressLength?: number, stringLength = 256): string {
  if (sa !== null && !(sa instanceof Uint8Array)) throw new TypeError("sa must be a Uint8Array or null");
  const alen = addressLength ?? (sa ? sa.length : 0);
  needInt(alen, "addressLength");
  needInt(stringLength, "stringLength");
  const f = sa === null ? null : fast(core);
  if (f) {
    const n = f.core.names_address_to_string(putBytes(f, sa!), alen, stringLength);
    if (n >= 0) return takeText(f, n);
  } else {
    const r = w ? core.WSAAddressToStringW(sa, alen, stringLength) : core.WSAAddressToStringA(sa, alen, stringLength);
    if (r !== null) return r;
  }
  const err = lastError(core);
  if (err === WSA.WSAEFAULT) throw new WinsockLengthError(err, core.names_len());
  throw new WinsockError(err);
}

/** WSAAddressToStringA: sockaddr -> "a.b.c.d[:port]" / "[v6%scope]:port". Throws WSAEINVAL (bad
 *  sockaddr or length), or WinsockLengthError WSAEFAULT with `needed` (characters incl. NUL). */
export function WSAAddressToStringA(core: NamesCore, sa: Uint8Array | null, addressLength?: number, stringLength?: number): string {
  return addressToString(core, false, sa, addressLength, stringLength);
}

export function WSAAddressToStringW(core: NamesCore, sa: Uint8Array | null, addressLength?: number, stringLength?: number): string {
  return addressToString(core, true, sa, addressLength, stringLength);
}

/** Decodes a SOCKADDR_IN / SOCKADDR_IN6 into friendly values (no core call; the layout is Windows'). */
export function decodeSockaddr(core: NamesCore, sa: Uint8Array): { family: number; address: string; port: number; flowinfo: number; scopeId: number } {
  const dv = new DataView(sa.buffer, sa.byteOffset, sa.byteLength);
  if (sa.length < 2) throw new WinsockError(WSA.WSAEFAULT);
  const family = dv.getUint16(0, true);
  if (family === AF_INET) {
    if (sa.length < SOCKADDR_IN_LEN) throw new WinsockError(WSA.WSAEFAULT);
    return { family, address: inet_ntop(core, AF_INET, sa.subarray(4, 8)), port: dv.getUint16(2, false), flowinfo: 0, scopeId: 0 };
  }
  if (family === AF_INET6) {
    if (sa.length < SOCKADDR_IN6_LEN) throw new WinsockError(WSA.WSAEFAULT);
    return {
      family, address: inet_ntop(core, AF_INET6, sa.subarray(8, 24)), port: dv.getUint16(2, false),
      flowinfo: dv.getUint32(4, false), scopeId: dv.getUint32(24, true),
    };
  }
  throw new WinsockError(WSA.WSAEAFNOSUPPORT);
}
