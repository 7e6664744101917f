// The host-facing exports of the Names part of the Winsock API. assembly/targets/wasock.ts
// re-exports everything here with `export * from "../api/names-exports"`, so only functions meant for
// hosts live here.
//
// 1. The Winsock calls, with Windows' names and argument order and pointers into core memory (the
//    convention of wasock.ts). A strings are NUL-terminated bytes, W strings NUL-terminated UTF-16
//    code units; lengths of string buffers count characters (bytes for A, WCHARs for W). Pointer 0 is
//    NULL; a pointer or string that is not inside core memory is WSAEFAULT, never a trap.
//      htons(v: u32): u32, ntohs, htonl, ntohl            byte swaps (u_short / u_long)
//      htonll(v: u64): u64, ntohll                        64-bit swap
//      inet_addr(cp: A*): u32                             in_addr as stored; INADDR_NONE (NULL also
//                                                         sets WSAEFAULT)
//      inet_ntoa(in: u32): A*                             a static buffer, overwritten by the next call
//      inet_pton(family, src: A*, dst: void*): i32        1 / 0 (bad text, no error) / -1
//      InetPtonW(family, src: W*, dst: void*): i32        the same, bad text sets WSAEINVAL
//      inet_ntop(family, addr: void*, buf: A*, size): A*  buf, or NULL (WSAEAFNOSUPPORT, WSAEFAULT,
//      InetNtopW(family, addr: void*, buf: W*, size): W*  WSAEINVAL for a NULL/too small buffer)
//      WSAStringToAddressA(text: A*, family, protocolInfo, addr: sockaddr*, len: i32*): i32
//      WSAStringToAddressW(text: W*, ...)                 0, or SOCKET_ERROR with WSAEINVAL or
//                                                         WSAEFAULT (*len = size needed)
//      WSAAddressToStringA(sa, saLen, protocolInfo, out: A*, len: u32*): i32
//      WSAAddressToStringW(sa, saLen, protocolInfo, out: W*, len: u32*): i32
//                                                         0 (*len = characters incl. NUL), or
//                                                         SOCKET_ERROR with WSAEINVAL or WSAEFAULT
//                                                         (*len = characters needed)
//    lpProtocolInfo is accepted and not consulted (one provider serves each family).
//
// 2. The fast path the TypeScript host uses (no allocation in the core; the host writes UTF-16 text
//    and reads results in place; `len` counts code units, with no NUL):
//      names_scratch(): usize                      1024 code units for input text
//      names_result_ptr(): usize                   28 bytes: address / sockaddr in and out
//      names_text_ptr(): usize                     UTF-16 text output (length = the return value)
//      names_inet_addr(text, len): u32
//      names_inet_pton(family, text, len, wide): i32           bytes -> result area
//      names_inet_ntop(family, addrLen, size): i32             text length or -1; addr from result
//      names_inet_ntoa(addr): i32                              text length
//      names_string_to_address(text, len, family, addressLength): i32   sockaddr -> result,
//                                                                       size in names_len()
//      names_address_to_string(saLen, addressLength, stringLength): i32 text length or -1; sockaddr
//                                                                       from result; names_len() as
//                                                                       *lpdwAddressStringLength
//      names_len(): i32                            the last call's length result
import {
  AF_INET, SOCKET_ERROR, WSAEFAULT, WSAEINVAL, addressToStringAt, addressToStringLen, copyText,
  cStrLen, inetAddrAt, inetNtoaText, inetNtopAt, inetPtonAt, sockaddrLen, stringToAddressAt,
  stringToAddressLen, textPtr, INADDR_NONE,
} from "./names";
import { inMem } from "./memory";
import { setLastError } from "./last-error";

const SCRATCH_UNITS: i32 = 1024;
const scratch = memory.data(SCRATCH_UNITS << 1, 16);
const resultArea = memory.data(32, 16);
const ntoaBuf = memory.data(16, 16); // "255.255.255.255" + NUL
let resultLen: i32 = 0;

// ---------------------------------------------------------------------------------------------
// 1. Winsock calls over core memory.

export function htons(v: u32): u32 { return <u32>bswap<u16>(<u16>v); }
export function ntohs(v: u32): u32 { return <u32>bswap<u16>(<u16>v); }
export function htonl(v: u32): u32 { return bswap<u32>(v); }
export function ntohl(v: u32): u32 { return bswap<u32>(v); }
export function htonll(v: u64): u64 { return bswap<u64>(v); }
export function ntohll(v: u64): u64 { return bswap<u64>(v); }

export function inet_addr(cp: usize): u32 {
  const n = cStrLen<u8>(cp);
  if (n < 0) {
    setLastError(WSAEFAULT); // NULL (observed on Windows) or not in memory
    return INADDR_NONE;
  }
  return inetAddrAt<u8>(cp, n);
}

export function inet_ntoa(addr: u32): usize {
  inetNtoaText(addr);
  copyText<u8>(ntoaBuf);
  return ntoaBuf;
}

function pton<T>(family: i32, src: usize, dst: usize, wide: bool): i32 {
  const n = cStrLen<T>(src);
  if (n < 0 || !inMem(dst, family == AF_INET ? 4 : 16)) {
    setLastError(WSAEFAULT);
    return -1;
  }
  return inetPtonAt<T>(family, src, n, dst, wide);
}

export function inet_pton(family: i32, src: usize, dst: usize): i32 { return pton<u8>(family, src, dst, false); }
export function InetPtonW(family: i32, src: usize, dst: usize): i32 { return pton<u16>(family, src, dst, true); }

function ntop<T>(family: i32, addr: usize, buf: usize, size: usize): usize {
  const addrLen = family == AF_INET ? 4 : 16;
  const n = inetNtopAt(family, addr, inMem(addr, addrLen) ? addrLen : 0, buf == 0 ? 0 : <i32>min<usize>(size, 0x7fffffff));
  if (n < 0) return 0;
  if (!inMem(buf, (n + 1) << alignof<T>())) {
    setLastError(WSAEFAULT);
    return 0;
  }
  copyText<T>(buf);
  return buf;
}

export function inet_ntop(family: i32, addr: usize, buf: usize, size: usize): usize { return ntop<u8>(family, addr, buf, size); }
export function InetNtopW(family: i32, addr: usize, buf: usize, size: usize): usize { return ntop<u16>(family, addr, buf, size); }

function stringToAddress<T>(text: usize, family: i32, addr: usize, lenPtr: usize): i32 {
  const need = sockaddrLen(family);
  if (need == 0 || text == 0) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
  if (!inMem(lenPtr, 4)) { setLastError(WSAEFAULT); return SOCKET_ERROR; }
  const n = cStrLen<T>(text);
  if (n < 0) { setLastError(WSAEFAULT); return SOCKET_ERROR; }
  const given = load<i32>(lenPtr);
  // The sockaddr is built in the result area, then copied: nothing is written on failure.
  const r = stringToAddressAt<T>(text, n, family, resultArea, 28, given);
  if (r == 0 && !inMem(addr, need)) { setLastError(WSAEFAULT); return SOCKET_ERROR; }
  if (stringToAddressLen != 0) store<i32>(lenPtr, stringToAddressLen);
  if (r == 0) memory.copy(addr, resultArea, <usize>need);
  return r;
}

export function WSAStringToAddressA(text: usize, family: i32, protocolInfo: usize, addr: usize, lenPtr: usize): i32 {
  return stringToAddress<u8>(text, family, addr, lenPtr);
}
export function WSAStringToAddressW(text: usize, family: i32, protocolInfo: usize, addr: usize, lenPtr: usize): i32 {
  return stringToAddress<u16>(text, family, addr, lenPtr);
}

function addressToString<T>(sa: usize, saLen: u32, out: usize, lenPtr: usize): i32 {
  if (sa == 0 || lenPtr == 0) { setLastError(WSAEINVAL); return SOCKET_ERROR; }
  if (!inMem(lenPtr, 4)) { setLastError(WSAEFAULT); return SOCKET_ERROR; }
  const avail = saLen > 28 ? 28 : <i32>saLen;
  if (!inMem(sa, avail)) { setLastError(WSAEFAULT); return SOCKET_ERROR; }
  const n = addressToStringAt(sa, avail, <i32>min<u32>(saLen, 0x7fffffff), load<i32>(lenPtr));
  if (addressToStringLen != 0) store<i32>(lenPtr, addressToStringLen);
  if (n < 0) return SOCKET_ERROR;
  if (!inMem(out, (n + 1) << alignof<T>())) { setLastError(WSAEFAULT); return SOCKET_ERROR; }
  copyText<T>(out);
  return 0;
}

export function WSAAddressToStringA(sa: usize, saLen: u32, protocolInfo: usize, out: usize, lenPtr: usize): i32 {
  return addressToString<u8>(sa, saLen, out, lenPtr);
}
export function WSAAddressToStringW(sa: usize, saLen: u32, protocolInfo: usize, out: usize, lenPtr: usize): i32 {
  return addressToString<u16>(sa, saLen, out, lenPtr);
}

// ---------------------------------------------------------------------------------------------
// 2. The fast path.

export function names_scratch(): usize { return scratch; }
export function names_result_ptr(): usize { return resultArea; }
export function names_text_ptr(): usize { return textPtr(); }
export function names_len(): i32 { return resultLen; }

/** The text at [p, p + 2 len) when it lies in memory, else an empty text (the host's own bug). */
// @ts-ignore: decorator
@inline function textLen(p: usize, len: i32): i32 {
  return len > 0 && inMem(p, len << 1) ? len : 0;
}

export function names_inet_addr(text: usize, len: i32): u32 {
  return inetAddrAt<u16>(text, textLen(text, len));
}

export function names_inet_pton(family: i32, text: usize, len: i32, wide: i32): i32 {
  const r = inetPtonAt<u16>(family, text, textLen(text, len), resultArea, wide != 0);
  resultLen = r == 1 ? (family == AF_INET ? 4 : 16) : 0;
  return r;
}

export function names_inet_ntop(family: i32, addrLen: i32, size: i32): i32 {
  return inetNtopAt(family, resultArea, addrLen < 0 ? 0 : addrLen > 28 ? 28 : addrLen, size);
}

export function names_inet_ntoa(addr: u32): i32 {
  return inetNtoaText(addr);
}

export function names_string_to_address(text: usize, len: i32, family: i32, addressLength: i32): i32 {
  const r = stringToAddressAt<u16>(text, textLen(text, len), family, resultArea, 28, addressLength);
  resultLen = stringToAddressLen;
  return r;
}

export function names_address_to_string(saLen: i32, addressLength: i32, stringLength: i32): i32 {
  const r = addressToStringAt(resultArea, saLen < 0 ? 0 : saLen > 28 ? 28 : saLen, addressLength, stringLength);
  resultLen = addressToStringLen;
  return r;
}
