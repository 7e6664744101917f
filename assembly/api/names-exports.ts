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
import {
  AF_INET, addressToString, addressToStringLen, inetAddr, inetNtoa, inetNtop, inetPton,
  stringToAddress, stringToAddressLen,
} from "./names";

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
