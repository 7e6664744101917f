// The service provider interface (Winsock's SPI, after WSPPROC_TABLE): a dispatch table whose
// defaults pass each call to the provider below (lwIP altcp_default_*). A base provider (host,
// inet, irda) overrides every method; a layered provider (the SSL LSP) overrides only what it
// changes. api/ reaches providers only through this class and the catalog.
//
// Data-plane convention: a buffer pointer equal to HOST_BUFFER names the caller's own buffer, which
// only the host can reach (a TypeScript Uint8Array, or a C guest's memory marshalled by the ABI
// module). A base provider whose data lives host-side (the host provider) passes it through, so a
// send or recv costs one copy. A layered provider that must see the bytes calls
// `hostCopyIn/hostCopyOut` (future: bindings) to move them into core memory first.

import { SockErr } from "../api/errors";
import { Sock } from "../api/sock";

export const HOST_BUFFER: usize = <usize>0xffffffff;

/** A stream send takes at most this many bytes per call (the rest is sent by the next call). */
export const MAX_SEND: i32 = 0x3fffffff;
/** Flag in a stream send's result: the bytes are already on the network (none remain queued). */
export const SENT_NOW: i32 = 0x40000000;

/** Result of a send/recv: >= 0 is a byte count, < 0 is -SockErr. */
export function failed(e: SockErr): i32 {
  return -(<i32>e);
}

export abstract class Provider {
  constructor(public lower: Provider | null) {}

  /** Called once when a socket is created on this provider's catalog entry. */
  open(s: Sock): SockErr {
    const l = this.lower;
    return l !== null ? l.open(s) : SockErr.OpNotSupp;
  }
  /** `addr` points at a validated sockaddr of `len` bytes in core memory. */
  bind(s: Sock, addr: usize, len: i32): SockErr {
    const l = this.lower;
    return l !== null ? l.bind(s, addr, len) : SockErr.OpNotSupp;
  }
  listen(s: Sock, backlog: i32): SockErr {
    const l = this.lower;
    return l !== null ? l.listen(s, backlog) : SockErr.OpNotSupp;
  }
  /** Stream: Ok means the connect started (completion arrives as an event). Datagram: associates (len 0 dissolves). */
  connect(s: Sock, addr: usize, len: i32): SockErr {
    const l = this.lower;
    return l !== null ? l.connect(s, addr, len) : SockErr.OpNotSupp;
  }
  /** Moves the first waiting connection of listener `ls` onto the new socket `ns`. */
  accept(ls: Sock, ns: Sock): SockErr {
    const l = this.lower;
    return l !== null ? l.accept(ls, ns) : SockErr.OpNotSupp;
  }
  send(s: Sock, buf: usize, len: i32, flags: i32, to: usize, tolen: i32): i32 {
    const l = this.lower;
    return l !== null ? l.send(s, buf, len, flags, to, tolen) : failed(SockErr.OpNotSupp);
  }
  /** Stream: bytes copied. Datagram: the datagram's full size (it is truncated to `len`). */
  recv(s: Sock, buf: usize, len: i32, flags: i32, from: usize, fromCap: i32): i32 {
    const l = this.lower;
    return l !== null ? l.recv(s, buf, len, flags, from, fromCap) : failed(SockErr.OpNotSupp);
  }
  shutdown(s: Sock, how: i32): SockErr {
    const l = this.lower;
    return l !== null ? l.shutdown(s, how) : SockErr.OpNotSupp;
  }
  /** The handle is gone for the application; the provider finishes the close in the background. */
  close(s: Sock, abortive: bool): void {
    const l = this.lower;
    if (l !== null) l.close(s, abortive);
  }
  /** An option the API layer validated and stored; the provider applies it (value already decoded). */
  setOption(s: Sock, level: i32, name: i32, value: i32): SockErr {
    const l = this.lower;
    return l !== null ? l.setOption(s, level, name, value) : SockErr.Ok;
  }
  /** Writes the local (peer = false) or peer address; returns its length or -SockErr. */
  name(s: Sock, peer: bool, out: usize, cap: i32): i32 {
    const l = this.lower;
    return l !== null ? l.name(s, peer, out, cap) : failed(SockErr.OpNotSupp);
  }
}
