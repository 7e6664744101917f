// Helpers for driving the Names exports the way a C guest does (pointers into core memory): lay out
// A (bytes) and W (UTF-16) strings, sockaddrs and length words in the harness buffer, read results.
import type { NamesCore } from "../../host/node/names.ts";

export interface HarnessCore extends NamesCore {
  harness_get_last_error(): number;
  harness_set_last_error(code: number): void;
  harness_buf(): number;
  harness_buf_len(): number;
  InetPtonW(family: number, src: number, dst: number): number;
  inet_ntoa(addr: number): number;
  inet_ntop(family: number, addr: number, buf: number, size: number): number;
  InetNtopW(family: number, addr: number, buf: number, size: number): number;
  WSAStringToAddressW(text: number, family: number, protocolInfo: number, addr: number, lenPtr: number): number;
  WSAAddressToStringW(sa: number, saLen: number, protocolInfo: number, out: number, lenPtr: number): number;
}

/** A bump allocator over the harness buffer, reset per test step. */
export class CMem {
  private next: number;
  constructor(readonly core: HarnessCore) { this.next = core.harness_buf(); }
  get u8(): Uint8Array { return new Uint8Array(this.core.memory.buffer); }
  get dv(): DataView { return new DataView(this.core.memory.buffer); }
  reset(): this { this.next = this.core.harness_buf(); return this; }
  alloc(n: number, fill = 0xab): number {
    const p = this.next;
    this.next += (n + 15) & ~15;
    if (this.next > this.core.harness_buf() + this.core.harness_buf_len()) throw new Error("harness buffer full");
    this.u8.fill(fill, p, p + n);
    return p;
  }
  /** A NUL-terminated A string: each code unit's low byte (tests pass Latin-1 text). */
  strA(s: string): number {
    const p = this.alloc(s.length + 1);
    const u8 = this.u8;
    for (let i = 0; i < s.length; i++) u8[p + i] = s.charCodeAt(i) & 0xff;
    u8[p + s.length] = 0;
    return p;
  }
  /** A NUL-terminated W string. */
  strW(s: string): number {
    const p = this.alloc(2 * s.length + 2);
    const dv = this.dv;
    for (let i = 0; i < s.length; i++) dv.setUint16(p + 2 * i, s.charCodeAt(i), true);
    dv.setUint16(p + 2 * s.length, 0, true);
    return p;
  }
  bytes(b: Uint8Array): number {
    const p = this.alloc(b.length);
    this.u8.set(b, p);
    return p;
  }
  i32(v: number): number {
    const p = this.alloc(4);
    this.dv.setInt32(p, v, true);
    return p;
  }
  readI32(p: number): number { return this.dv.getInt32(p, true); }
  read(p: number, n: number): Uint8Array { return this.u8.slice(p, p + n); }
  readA(p: number): string {
    const u8 = this.u8;
    let s = "";
    for (let i = p; u8[i] !== 0; i++) s += String.fromCharCode(u8[i]);
    return s;
  }
  readW(p: number): string {
    const dv = this.dv;
    let s = "";
    for (let i = p; dv.getUint16(i, true) !== 0; i += 2) s += String.fromCharCode(dv.getUint16(i, true));
    return s;
  }
}
