// sockaddr_in / sockaddr_in6 in Windows' layout (ws2def.h): family (LE u16), port (BE u16), then
// IPv4: address (4) + sin_zero (8) = 16 bytes; IPv6: flowinfo (BE u32), address (16), scope id (LE u32)
// = 28 bytes. Text forms here are private to the host; the Names API (names.ts) is the public one.
import { AF_INET, AF_INET6, SOCKADDR_IN_LEN, SOCKADDR_IN6_LEN, inet_pton, type NamesCore } from "./names.ts";
import { coreModule } from "./wasm.ts";

export { AF_UNSPEC, AF_INET, AF_INET6, SOCKADDR_IN_LEN, SOCKADDR_IN6_LEN } from "./names.ts";

export interface SockAddr {
  family: number;
  address: string;
  port: number;
  flowinfo?: number;
  scopeId?: number;
}

// Address text is read by the core's inet_pton (assembly/api/names.ts, through names.ts), so the host
// accepts exactly the text the Names calls accept. These functions take no core, so they use an
// instance of build/wasock.wasm of their own, made on first use (128 KiB): the Names exports reach
// no host import, and one that is called anyway throws.
let textCore: NamesCore | null = null;

function namesCore(): NamesCore {
  if (textCore === null) {
    const m = coreModule("wasock");
    const imports: Record<string, Record<string, () => never>> = {};
    for (const i of WebAssembly.Module.imports(m)) {
      (imports[i.module] ??= {})[i.name] = () => { throw new Error(`sockaddr.ts: the text core called ${i.module}.${i.name}`); };
    }
    textCore = new WebAssembly.Instance(m, imports).exports as unknown as NamesCore;
  }
  return textCore;
}

/** Address bytes of `text` (inet_pton of `family`) at out[off]; false when it is not such an address. */
function parseInto(family: number, text: unknown, out: Uint8Array, off: number): boolean {
  if (typeof text !== "string" || text.includes("\0")) return false;
  const b = inet_pton(namesCore(), family, text);
  if (b === null) return false;
  out.set(b, off);
  return true;
}

function parseV4(text: string, out: Uint8Array, off: number): boolean {
  return parseInto(AF_INET, text, out, off);
}

/** An IPv6 address, with a scope suffix ("fe80::1%4", as Node writes it) allowed and ignored. */
function parseV6(text: string, out: Uint8Array, off: number): boolean {
  const pct = typeof text === "string" ? text.indexOf("%") : -1;
  return parseInto(AF_INET6, pct >= 0 ? text.slice(0, pct) : text, out, off);
}

/** RFC 5952 text of 16 address bytes (longest run of zero groups collapsed, mapped IPv4 dotted). */
export function formatV6(b: Uint8Array, off = 0): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[off + 2 * i] << 8) | b[off + 2 * i + 1]);
  if (w[0] === 0 && w[1] === 0 && w[2] === 0 && w[3] === 0 && w[4] === 0 && w[5] === 0xffff) {
    return `::ffff:${b[off + 12]}.${b[off + 13]}.${b[off + 14]}.${b[off + 15]}`;
  }
  let best = -1, bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = (a: number[]) => a.map((x) => x.toString(16)).join(":");
  if (best < 0) return hex(w);
  return `${hex(w.slice(0, best))}::${hex(w.slice(best + bestLen))}`;
}

/** Writes `a` at `off`; returns its length, or -1 when the address text is not of its family. */
export function encodeSockAddr(a: SockAddr, mem: Uint8Array, off: number): number {
  const dv = new DataView(mem.buffer, mem.byteOffset);
  if (a.family === AF_INET6) {
    mem.fill(0, off, off + SOCKADDR_IN6_LEN);
    dv.setUint16(off, AF_INET6, true);
    dv.setUint16(off + 2, a.port & 0xffff, false);
    dv.setUint32(off + 4, a.flowinfo ?? 0, false);
    if (!parseV6(a.address, mem, off + 8)) return -1;
    dv.setUint32(off + 24, a.scopeId ?? 0, true);
    return SOCKADDR_IN6_LEN;
  }
  mem.fill(0, off, off + SOCKADDR_IN_LEN);
  dv.setUint16(off, a.family & 0xffff, true);
  dv.setUint16(off + 2, a.port & 0xffff, false);
  if (a.family === AF_INET && !parseV4(a.address, mem, off + 4)) return -1;
  return SOCKADDR_IN_LEN;
}

export function decodeSockAddr(mem: Uint8Array, off: number, len: number): SockAddr | null {
  if (len < 2) return null;
  const dv = new DataView(mem.buffer, mem.byteOffset);
  const family = dv.getUint16(off, true);
  if (family === AF_INET && len >= SOCKADDR_IN_LEN) {
    return { family, port: dv.getUint16(off + 2, false), address: `${mem[off + 4]}.${mem[off + 5]}.${mem[off + 6]}.${mem[off + 7]}` };
  }
  if (family === AF_INET6 && len >= SOCKADDR_IN6_LEN) {
    return {
      family, port: dv.getUint16(off + 2, false), flowinfo: dv.getUint32(off + 4, false),
      address: formatV6(mem, off + 8), scopeId: dv.getUint32(off + 24, true),
    };
  }
  return null;
}

/** A SockAddr from Node's address object. */
export function fromNode(address: string | undefined, port: number | undefined, family: number): SockAddr {
  return { family, address: address ?? (family === AF_INET6 ? "::" : "0.0.0.0"), port: port ?? 0 };
}
