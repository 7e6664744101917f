// The host-facing exports of the Names part of the Winsock API.
// assembly/targets/wasock.ts re-exports everything here with `export * from "../api/names-exports"`,
// so only functions meant for hosts live here. ABI (asc raw bindings lift/lower strings and arrays;
// a Uint8Array argument is a copy, so results that Winsock writes through pointers come back through
// names_out()/names_len() right after the call):
//
//   htons(v: u32): u32, ntohs(v: u32): u32      16-bit swap (upper bits ignored)
//   htonl(v: u32): u32, ntohl(v: u32): u32      32-bit swap
//   htonll(v: u64): u64, ntohll(v: u64): u64    64-bit swap (BigInt in JS)
//   inet_addr(cp: string | null): u32           in_addr value as stored (network order bytes read
//                                               little-endian), INADDR_NONE 0xffffffff on bad text
//                                               (NULL also sets WSAEFAULT)
//   inet_ntoa(in: u32): string                  the inverse for any value
//   inet_pton(family: i32, src: string | null): i32
//                                               1 (bytes in names_out(), 4 or 16), 0 bad text (last
//                                               error untouched), -1 WSAEFAULT (NULL) / WSAEAFNOSUPPORT
//   InetPtonW(family: i32, src: string | null): i32
//                                               the same, but bad text also sets WSAEINVAL
//   inet_ntop(family: i32, addr: Uint8Array, size: i32): string | null
//                                               null: WSAEAFNOSUPPORT, WSAEFAULT (addr too short), or
//                                               WSAEINVAL when `size` characters cannot hold text + NUL
//   WSAStringToAddressA/W(text: string | null, family: i32, addressLength: i32): i32
//                                               0: the sockaddr in names_out() and its size in
//                                               names_len(); -1: WSAEINVAL, or WSAEFAULT with the
//                                               needed size in names_len()
//   WSAAddressToStringA/W(sa: Uint8Array | null, addressLength: i32, stringLength: i32): string | null
//                                               names_len() = characters incl. the terminator
//                                               (written, or needed when WSAEFAULT); null: WSAEINVAL
//                                               or WSAEFAULT
//   names_out(): Uint8Array                     bytes of the last inet_pton / WSAStringToAddress
//   names_len(): i32                            the last call's length result (see above)
// The A and W forms differ only in the host's string marshalling (bytes vs WCHARs); every character
// these functions produce is ASCII, so the lengths are the same numbers in both units.
//
// Fast path without allocation (numbers only; the host reads and writes core memory itself):
//   names_scratch(): usize                      1024 UTF-16 code units of input text
//   names_result_ptr(): usize                   28 bytes: address / sockaddr in and out
//   names_text_ptr(): usize                     UTF-16 text output (its length is the return value)
//   names_inet_addr(len): u32                   inet_addr of the scratch text
//   names_inet_pton(family, len, wide): i32     1/0/-1 as inet_pton (wide: InetPtonW); bytes -> result
//   names_inet_ntop(family, addrLen, size): i32 text length or -1; address bytes from result
//   names_inet_ntoa(addr): i32                  text length
//   names_string_to_address(len, family, addressLength): i32
//                                               0/-1 as WSAStringToAddress; sockaddr -> result,
//                                               size in names_len()
//   names_address_to_string(saLen, addressLength, stringLength): i32
//                                               text length or -1; sockaddr from result, names_len()
//                                               as for WSAAddressToString
import {
  AF_INET, addressToString, addressToStringAt, addressToStringLen, inetAddr, inetAddrAt, inetNtoa,
  inetNtoaText, inetNtop, inetNtopAt, inetPton, inetPtonAt, stringToAddress, stringToAddressAt,
  stringToAddressLen, textPtr,
} from "./names";

/** Size of the fast path's input text area, in UTF-16 code units. */
const NAMES_SCRATCH_UNITS: i32 = 1024;
const scratch = memory.data(2048);
const resultArea = memory.data(32);

const result = new Uint8Array(28);
let resultLen: i32 = 0;

export function htons(v: u32): u32 { return <u32>bswap<u16>(<u16>v); }
export function ntohs(v: u32): u32 { return <u32>bswap<u16>(<u16>v); }
export function htonl(v: u32): u32 { return bswap<u32>(v); }
export function ntohl(v: u32): u32 { return bswap<u32>(v); }
export function htonll(v: u64): u64 { return bswap<u64>(v); }
export function ntohll(v: u64): u64 { return bswap<u64>(v); }

export function inet_addr(cp: string | null): u32 { return inetAddr(cp); }
export function inet_ntoa(addr: u32): string { return inetNtoa(addr); }

export function inet_pton(family: i32, src: string | null): i32 {
  const r = inetPton(family, src, result);
  resultLen = r == 1 ? (family == AF_INET ? 4 : 16) : 0;
  return r;
}

export function InetPtonW(family: i32, src: string | null): i32 {
  const r = inetPton(family, src, result, true);
  resultLen = r == 1 ? (family == AF_INET ? 4 : 16) : 0;
  return r;
}

export function inet_ntop(family: i32, addr: Uint8Array, size: i32): string | null {
  return inetNtop(family, addr, size);
}

export function WSAStringToAddressA(text: string | null, family: i32, addressLength: i32): i32 {
  const r = stringToAddress(text, family, result, addressLength);
  resultLen = stringToAddressLen;
  return r;
}

export function WSAStringToAddressW(text: string | null, family: i32, addressLength: i32): i32 {
  return WSAStringToAddressA(text, family, addressLength);
}

export function WSAAddressToStringA(sa: Uint8Array | null, addressLength: i32, stringLength: i32): string | null {
  const r = addressToString(sa, addressLength, stringLength);
  resultLen = addressToStringLen;
  return r;
}

export function WSAAddressToStringW(sa: Uint8Array | null, addressLength: i32, stringLength: i32): string | null {
  return WSAAddressToStringA(sa, addressLength, stringLength);
}

export function names_out(): Uint8Array {
  return result.slice(0, resultLen);
}

export function names_len(): i32 {
  return resultLen;
}

export function names_scratch(): usize { return scratch; }
export function names_result_ptr(): usize { return resultArea; }
export function names_text_ptr(): usize { return textPtr(); }

// @ts-ignore: decorator
@inline function clampLen(len: i32): i32 {
  return len < 0 ? 0 : len > NAMES_SCRATCH_UNITS ? NAMES_SCRATCH_UNITS : len;
}

export function names_inet_addr(len: i32): u32 {
  return inetAddrAt(scratch, clampLen(len));
}

export function names_inet_pton(family: i32, len: i32, wide: i32): i32 {
  const r = inetPtonAt(family, scratch, clampLen(len), resultArea, wide != 0);
  resultLen = r == 1 ? (family == AF_INET ? 4 : 16) : 0;
  return r;
}

export function names_inet_ntop(family: i32, addrLen: i32, size: i32): i32 {
  return inetNtopAt(family, resultArea, addrLen < 0 ? 0 : addrLen > 28 ? 28 : addrLen, size);
}

export function names_inet_ntoa(addr: u32): i32 {
  return inetNtoaText(addr);
}

export function names_string_to_address(len: i32, family: i32, addressLength: i32): i32 {
  const r = stringToAddressAt(scratch, clampLen(len), family, resultArea, 28, addressLength);
  resultLen = stringToAddressLen;
  return r;
}

export function names_address_to_string(saLen: i32, addressLength: i32, stringLength: i32): i32 {
  const r = addressToStringAt(resultArea, saLen < 0 ? 0 : saLen > 28 ? 28 : saLen, addressLength, stringLength);
  resultLen = addressToStringLen;
  return r;
}
