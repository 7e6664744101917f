// The Names calls over the core's exports (assembly/api/names-exports.ts): address text <-> bytes and
// byte order. Each function takes the core's exports object first (build/wasock.wasm, or the
// build/test/names.wasm harness), returns plain JS values, and throws WinsockError exactly where the
// Winsock call fails with an error (inet_pton's "bad text" is a null, not an error: Windows returns 0
// and sets nothing). The Winsock class exposes these as its methods. JS strings are wide strings, so
// the A and W forms behave the same here; C guests reach the pointer forms through host/abi.
import { WSA, WinsockError } from "./errors.ts";

export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 23;
export const INADDR_NONE = 0xffffffff;
export const SOCKADDR_IN_LEN = 16;
export const SOCKADDR_IN6_LEN = 28;
export const INET_ADDRSTRLEN = 22; // ws2ipdef.h
export const INET6_ADDRSTRLEN = 65;

/** The part of the core's exports these functions use (assembly/api/names-exports.ts). */
export interface NamesCore {
  memory: WebAssembly.Memory;
  htons(v: number): number;
  ntohs(v: number): number;
  htonl(v: number): number;
  ntohl(v: number): number;
  htonll(v: bigint): bigint;
  ntohll(v: bigint): bigint;
  // the Winsock calls over core memory (pointers); used here only for their NULL cases
  inet_addr(cp: number): number;
  inet_pton(family: number, src: number, dst: number): number;
  WSAStringToAddressA(text: number, family: number, protocolInfo: number, addr: number, lenPtr: number): number;
  WSAAddressToStringA(sa: number, saLen: number, protocolInfo: number, out: number, lenPtr: number): number;
  // the allocation-free fast path
  names_scratch(): number;
  names_result_ptr(): number;
  names_text_ptr(): number;
  names_len(): number;
  names_inet_addr(text: number, len: number): number;
  names_inet_pton(family: number, text: number, len: number, wide: number): number;
  names_inet_ntop(family: number, addrLen: number, size: number): number;
  names_inet_ntoa(addr: number): number;
  names_string_to_address(text: number, len: number, family: number, addressLength: number): number;
  names_address_to_string(saLen: number, addressLength: number, stringLength: number): number;
  __new?(size: number, id: number): number;
  __pin?(ptr: number): number;
  __unpin?(ptr: number): void;
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

// Text goes into the core's scratch area as UTF-16 code units and results are read in place, so a
// call allocates nothing in the core. Text longer than the scratch area goes into a pinned buffer
// allocated in the core for that call. Views are re-made whenever the memory has grown (growth
// detaches the old ArrayBuffer). A NUL ends the text, as it ends the C string a Winsock call takes.
const SCRATCH_UNITS = 1024;
interface View {
  core: NamesCore;
  u8: Buffer; // a view of core memory; Buffer's native UTF-16 codecs are 3x faster than JS loops
  scratch: number; // byte offsets
  result: number;
  text: number;
}
const views = new WeakMap<object, View>();

function view(core: NamesCore): View {
  let v = views.get(core);
  if (!v) {
    if (!(core.memory instanceof WebAssembly.Memory) || typeof core.names_scratch !== "function") {
      throw new TypeError("not a wasock core: the Names exports are missing");
    }
    v = {
      core, u8: Buffer.from(core.memory.buffer),
      scratch: core.names_scratch(), result: core.names_result_ptr(), text: core.names_text_ptr(),
    };
    views.set(core, v);
  }
  if (v.u8.buffer !== core.memory.buffer) v.u8 = Buffer.from(core.memory.buffer);
  return v;
}

/** Runs `call(ptr, len)` with `text` (up to its first NUL) in core memory as UTF-16. */
function withText<R>(core: NamesCore, text: string, call: (ptr: number, len: number) => R): R {
  const nul = text.indexOf("\0");
  if (nul >= 0) text = text.slice(0, nul);
  let v = view(core);
  if (text.length <= SCRATCH_UNITS) {
    v.u8.write(text, v.scratch, "utf16le"); // code units as they are, lone surrogates included
    return call(v.scratch, text.length);
  }
  if (!core.__new || !core.__pin || !core.__unpin) throw new TypeError("core built without --exportRuntime");
  const ptr = core.__pin(core.__new(text.length << 1, 1)) >>> 0; // an ArrayBuffer-class block
  try {
    v = view(core); // __new may have grown memory
    v.u8.write(text, ptr, "utf16le");
    return call(ptr, text.length);
  } finally {
    core.__unpin(ptr);
  }
}

function takeText(v: View, n: number): string {
  return v.u8.toString("utf16le", v.text, v.text + 2 * n);
}

function takeBytes(core: NamesCore, n: number): Uint8Array {
  const v = view(core);
  return new Uint8Array(v.u8.subarray(v.result, v.result + n)); // a copy, never a view of core memory
}

function putBytes(v: View, b: Uint8Array): number {
  const n = Math.min(b.length, 28);
  v.u8.set(n === b.length ? b : b.subarray(0, n), v.result);
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
 *  unsigned long), or INADDR_NONE for text that is not an address. Never throws for bad text; a
 *  NULL sets WSAEFAULT as on Windows. */
export function inet_addr(core: NamesCore, cp: string | null): number {
  needString(cp, "cp");
  if (cp === null) return core.inet_addr(0) >>> 0;
  return withText(core, cp, (p, n) => core.names_inet_addr(p, n)) >>> 0;
}

/** inet_ntoa of an in_addr value (as inet_addr returns it). */
export function inet_ntoa(core: NamesCore, addr: number): string {
  needInt(addr, "addr");
  const n = core.names_inet_ntoa(addr >>> 0);
  return takeText(view(core), n);
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
  const r = src === null
    ? core.inet_pton(family, 0, view(core).result)
    : withText(core, src, (p, n) => core.names_inet_pton(family, p, n, wide ? 1 : 0));
  if (r === 1) return takeBytes(core, family === AF_INET ? 4 : 16);
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
  const v = view(core);
  const n = core.names_inet_ntop(family, putBytes(v, addr), size);
  if (n < 0) throw new WinsockError(lastError(core));
  return takeText(v, n);
}

export interface SockaddrResult {
  /** The sockaddr bytes as Windows lays them out (SOCKADDR_IN 16 bytes, SOCKADDR_IN6 28 bytes). */
  sockaddr: Uint8Array;
  /** *lpAddressLength after the call. */
  length: number;
}

function stringToAddress(core: NamesCore, text: string | null, family: number, addressLength?: number): SockaddrResult {
  needString(text, "text");
  needInt(family, "family");
  const len = addressLength ?? SOCKADDR_IN6_LEN;
  needInt(len, "addressLength");
  let r: number;
  if (text === null) {
    const v = view(core);
    v.u8.writeInt32LE(len | 0, v.scratch);
    r = core.WSAStringToAddressA(0, family, 0, v.result, v.scratch);
  } else {
    r = withText(core, text, (p, n) => core.names_string_to_address(p, n, family, len));
  }
  const n = core.names_len();
  if (r === 0) return { sockaddr: takeBytes(core, n), length: n };
  const err = lastError(core);
  if (err === WSA.WSAEFAULT) throw new WinsockLengthError(err, n);
  throw new WinsockError(err);
}

/** WSAStringToAddressA: text -> sockaddr. Throws WSAEINVAL (bad text or family), or
 *  WinsockLengthError WSAEFAULT with `needed` when addressLength is too small. */
export function WSAStringToAddressA(core: NamesCore, text: string | null, family: number, addressLength?: number): SockaddrResult {
  return stringToAddress(core, text, family, addressLength);
}

/** WSAStringToAddressW: the same over a wide string (a JS string is one already). */
export function WSAStringToAddressW(core: NamesCore, text: string | null, family: number, addressLength?: number): SockaddrResult {
  return stringToAddress(core, text, family, addressLength);
}

function addressToString(core: NamesCore, sa: Uint8Array | null, addressLength?: number, stringLength = 256): string {
  if (sa !== null && !(sa instanceof Uint8Array)) throw new TypeError("sa must be a Uint8Array or null");
  const alen = addressLength ?? (sa ? sa.length : 0);
  needInt(alen, "addressLength");
  needInt(stringLength, "stringLength");
  const v = view(core);
  let n: number;
  if (sa === null) {
    v.u8.writeInt32LE(stringLength | 0, v.scratch);
    n = core.WSAAddressToStringA(0, alen >>> 0, 0, v.text, v.scratch);
  } else {
    n = core.names_address_to_string(putBytes(v, sa), alen, stringLength);
  }
  if (n >= 0) return takeText(v, n);
  const err = lastError(core);
  if (err === WSA.WSAEFAULT) throw new WinsockLengthError(err, core.names_len());
  throw new WinsockError(err);
}

/** WSAAddressToStringA: sockaddr -> "a.b.c.d[:port]" / "[v6%scope]:port". Throws WSAEINVAL (bad
 *  sockaddr or length), or WinsockLengthError WSAEFAULT with `needed` (characters incl. NUL). */
export function WSAAddressToStringA(core: NamesCore, sa: Uint8Array | null, addressLength?: number, stringLength?: number): string {
  return addressToString(core, sa, addressLength, stringLength);
}

/** WSAAddressToStringW: the same text (every character is ASCII, so the counts agree). */
export function WSAAddressToStringW(core: NamesCore, sa: Uint8Array | null, addressLength?: number, stringLength?: number): string {
  return addressToString(core, sa, addressLength, stringLength);
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
