// IrLAP 1.1 frames (IrDA Link Access Protocol), reference §2.2-2.4: A | C | I…, the FCS is SIR's.
// Byte layout only: the Packet (IrlapFrame) gives checked field access, the Reprs hold the meaning
// (IrlapRepr for A/C, XidRepr for discovery, QosRepr for the SNRM/UA negotiation parameters,
// ConnRepr for SNRM/UA addresses, FrmrRepr). Parsers fill caller-owned Reprs and return a WireErr.
import { WireErr } from "./err";

export const HEADER_LEN: i32 = 2;
/** Connection address 0x7F: broadcast (byte 0xFF as command, 0xFE as response). */
export const CA_BROADCAST: u8 = 0x7f;
export const ADDR_CR: u8 = 0x01; // C/R bit: 1 = command (from the primary)
export const PF: u8 = 0x10;      // P (command) / F (response) bit of the control byte

/** Control field code points with P/F = 0 (reference §2.2 table). */
export namespace Ctl {
  export const RR: u8 = 0x01;
  export const RNR: u8 = 0x05;
  export const REJ: u8 = 0x09;
  export const SREJ: u8 = 0x0d;
  export const UI: u8 = 0x03;
  export const XID_CMD: u8 = 0x2f;
  export const XID_RSP: u8 = 0xaf;
  export const TEST: u8 = 0xe3;
  export const SNRM: u8 = 0x83; // command SNRM, response RNRM
  export const DISC: u8 = 0x43; // command DISC, response RD
  export const UA: u8 = 0x63;
  export const FRMR: u8 = 0x87;
  export const DM: u8 = 0x0f;
}

/** What a control byte (with the C/R bit of the address) means. */
export enum Kind {
  I = 0, RR, RNR, REJ, SREJ, UI, XID_CMD, XID_RSP, TEST, SNRM, RNRM, DISC, RD, UA, FRMR, DM, UNKNOWN,
}

export function kindName(k: Kind): string {
  switch (k) {
    case Kind.I: return "I"; case Kind.RR: return "RR"; case Kind.RNR: return "RNR";
    case Kind.REJ: return "REJ"; case Kind.SREJ: return "SREJ"; case Kind.UI: return "UI";
    case Kind.XID_CMD: return "XID-cmd"; case Kind.XID_RSP: return "XID-rsp"; case Kind.TEST: return "TEST";
    case Kind.SNRM: return "SNRM"; case Kind.RNRM: return "RNRM"; case Kind.DISC: return "DISC";
    case Kind.RD: return "RD"; case Kind.UA: return "UA"; case Kind.FRMR: return "FRMR"; case Kind.DM: return "DM";
  }
  return "unknown";
}

/** The Packet: an IrLAP frame in buf[0, len). */
@final export class IrlapFrame {
  constructor(public buf: Uint8Array, public len: i32) {}
  static checkLen(buf: Uint8Array, len: i32): WireErr {
    if (<u32>len > <u32>buf.length) return WireErr.Malformed;
    return len < HEADER_LEN ? WireErr.Truncated : WireErr.Ok;
  }
  get connAddr(): u8 { return unchecked(this.buf[0]) >> 1; }
  get isCommand(): bool { return (unchecked(this.buf[0]) & ADDR_CR) != 0; }
  get control(): u8 { return unchecked(this.buf[1]); }
  get infoLen(): i32 { return this.len - HEADER_LEN; }
}

/** The meaning of A and C; the information field stays in the Packet (infoOff/infoLen). */
export class IrlapRepr {
  kind: Kind = Kind.UNKNOWN;
  ca: u8 = 0;
  command: bool = false;
  pf: bool = false;
  nr: u8 = 0;
  ns: u8 = 0;
  control: u8 = 0;  // raw, so unknown code points survive
  infoOff: i32 = HEADER_LEN;
  infoLen: i32 = 0;

  static parse(f: IrlapFrame, out: IrlapRepr): WireErr {
    const e = IrlapFrame.checkLen(f.buf, f.len);
    if (e != WireErr.Ok) return e;
    const c = f.control;
    out.ca = f.connAddr;
    out.command = f.isCommand;
    out.control = c;
    out.pf = (c & PF) != 0;
    out.infoOff = HEADER_LEN;
    out.infoLen = f.infoLen;
    out.nr = 0; out.ns = 0;
    if ((c & 1) == 0) {
      out.kind = Kind.I; out.ns = (c >> 1) & 7; out.nr = c >> 5;
      return WireErr.Ok;
    }
    if ((c & 3) == 1) {
      out.nr = c >> 5;
      const s = (c >> 2) & 3;
      out.kind = s == 0 ? Kind.RR : s == 1 ? Kind.RNR : s == 2 ? Kind.REJ : Kind.SREJ;
      return WireErr.Ok;
    }
    const m = c & ~PF;
    const cmd = out.command;
    if (m == Ctl.UI) out.kind = Kind.UI;
    else if (m == Ctl.XID_CMD) out.kind = Kind.XID_CMD;
    else if (m == Ctl.XID_RSP) out.kind = Kind.XID_RSP;
    else if (m == Ctl.TEST) out.kind = Kind.TEST;
    else if (m == Ctl.SNRM) out.kind = cmd ? Kind.SNRM : Kind.RNRM;
    else if (m == Ctl.DISC) out.kind = cmd ? Kind.DISC : Kind.RD;
    else if (m == Ctl.UA) out.kind = Kind.UA;
    else if (m == Ctl.FRMR) out.kind = Kind.FRMR;
    else if (m == Ctl.DM) out.kind = Kind.DM;
    else { out.kind = Kind.UNKNOWN; return WireErr.Unsupported; }
    return WireErr.Ok;
  }

  /** The address byte for this Repr. */
  get addrByte(): u8 { return (this.ca << 1) | (this.command ? ADDR_CR : 0); }
  /** The control byte for this Repr (UNKNOWN keeps the raw control). */
  get controlByte(): u8 { return controlOf(this.kind, this.nr, this.ns, this.pf, this.control); }
  get bufferLen(): i32 { return HEADER_LEN; }
  /** Writes A and C at out[off]; returns the offset after them, or -1 if out is too small. */
  emit(out: Uint8Array, off: i32): i32 {
    if (<u32>off > <u32>out.length || <u32>(out.length - off) < <u32>HEADER_LEN) return -1;
    unchecked((out[off] = this.addrByte));
    unchecked((out[off + 1] = this.controlByte));
    return off + HEADER_LEN;
  }
}

/** The control byte of a frame kind. */
export function controlOf(kind: Kind, nr: u8, ns: u8, pf: bool, raw: u8 = 0): u8 {
  const p: u8 = pf ? PF : 0;
  const r: u8 = (nr & 7) << 5;
  switch (kind) {
    case Kind.I: return r | ((ns & 7) << 1) | p;
    case Kind.RR: return Ctl.RR | r | p;
    case Kind.RNR: return Ctl.RNR | r | p;
    case Kind.REJ: return Ctl.REJ | r | p;
    case Kind.SREJ: return Ctl.SREJ | r | p;
    case Kind.UI: return Ctl.UI | p;
    case Kind.XID_CMD: return Ctl.XID_CMD | p;
    case Kind.XID_RSP: return Ctl.XID_RSP | p;
    case Kind.TEST: return Ctl.TEST | p;
    case Kind.SNRM: case Kind.RNRM: return Ctl.SNRM | p;
    case Kind.DISC: case Kind.RD: return Ctl.DISC | p;
    case Kind.UA: return Ctl.UA | p;
    case Kind.FRMR: return Ctl.FRMR | p;
    case Kind.DM: return Ctl.DM | p;
  }
  return raw;
}

// ---- little-endian helpers, range-checked by the callers' length checks ----
// @ts-ignore: decorator
@inline function rd32(b: Uint8Array, o: i32): u32 { return load<u32>(b.dataStart + <usize>o); }
// @ts-ignore: decorator
@inline function wr32(b: Uint8Array, o: i32, v: u32): void { store<u32>(b.dataStart + <usize>o, v); }

// ---- XID (discovery), reference §2.3 ----
export const XID_FI_DISCOVERY: u8 = 0x01;
export const XID_FIXED: i32 = 12;
export const XID_SLOT_FINAL: u8 = 0xff;
export const XID_FLAG_NEW_ADDR: u8 = 0x04;
export const DEV_BROADCAST: u32 = 0xffffffff;
/** CE caps the discovery info (hints + charset + nickname) at 32 bytes. */
export const DISCOVERY_INFO_MAX: i32 = 32;

/** Slot code (flags bits 0-1) ↔ number of slots. */
export function slotsOfCode(code: u8): i32 { const c = code & 3; return c == 0 ? 1 : c == 1 ? 6 : c == 2 ? 8 : 16; }
/** The slot code of 1, 6, 8 or 16 slots; -1 for any other count. */
export function codeOfSlots(n: i32): i32 { return n == 1 ? 0 : n == 6 ? 1 : n == 8 ? 2 : n == 16 ? 3 : -1; }

export class XidRepr {
  fi: u8 = XID_FI_DISCOVERY;
  src: u32 = 0;
  dst: u32 = DEV_BROADCAST;
  flags: u8 = 0;
  slot: u8 = 0;
  version: u8 = 0;
  /** discovery info (hints, charset, nickname) in the parsed buffer, or the bytes to emit */
  infoOff: i32 = 0;
  infoLen: i32 = 0;
  info: Uint8Array | null = null;

  get slots(): i32 { return slotsOfCode(this.flags); }
  get newAddress(): bool { return (this.flags & XID_FLAG_NEW_ADDR) != 0; }

  /** Parses the XID information field buf[off, off+len). */
  static parse(buf: Uint8Array, off: i32, len: i32, out: XidRepr): WireErr {
    if (<u32>off > <u32>buf.length || <u32>len > <u32>(buf.length - off)) return WireErr.Malformed;
    if (len < XID_FIXED) return WireErr.Truncated;
    const fi = unchecked(buf[off]);
    if (fi != XID_FI_DISCOVERY) return WireErr.Unsupported;
    out.fi = fi;
    out.src = rd32(buf, off + 1);
    out.dst = rd32(buf, off + 5);
    out.flags = unchecked(buf[off + 9]);
    out.slot = unchecked(buf[off + 10]);
    out.version = unchecked(buf[off + 11]);
    out.infoOff = off + XID_FIXED;
    out.infoLen = len - XID_FIXED;
    out.info = null;
    if (out.infoLen > DISCOVERY_INFO_MAX) return WireErr.TooLong;
    return WireErr.Ok;
  }

  get bufferLen(): i32 { const i = this.info; return XID_FIXED + (i ? i.length : 0); }

  /** Writes the information field at out[off]; returns the offset after it or -1. */
  emit(out: Uint8Array, off: i32): i32 {
    const n = this.bufferLen;
    if (<u32>off > <u32>out.length || <u32>(out.length - off) < <u32>n) return -1;
    unchecked((out[off] = this.fi));
    wr32(out, off + 1, this.src);
    wr32(out, off + 5, this.dst);
    unchecked((out[off + 9] = this.flags));
    unchecked((out[off + 10] = this.slot));
    unchecked((out[off + 11] = this.version));
    const i = this.info;
    if (i) memory.copy(out.dataStart + <usize>(off + XID_FIXED), i.dataStart, <usize>i.length);
    return off + n;
  }
}

// ---- QoS negotiation parameters (PI/PL/PV), reference §2.4 ----
export namespace Pi {
  export const BAUD: u8 = 0x01;
  export const MAX_TAT: u8 = 0x82;
  export const DATA_SIZE: u8 = 0x83;
  export const WINDOW: u8 = 0x84;
  export const BOFS: u8 = 0x85;
  export const MIN_TAT: u8 = 0x86;
  export const DISC_THRESHOLD: u8 = 0x08;
}
const HAS_BAUD: u32 = 1, HAS_MAX_TAT: u32 = 2, HAS_DS: u32 = 4, HAS_WIN: u32 = 8;
const HAS_BOFS: u32 = 16, HAS_MIN_TAT: u32 = 32, HAS_DISC: u32 = 64;
export const QOS_ALL: u32 = 127;

/** The PV bit masks of the seven parameters. Absent parameters keep 0 and their `has` bit clear. */
export class QosRepr {
  baud: u16 = 0;
  maxTat: u8 = 0;
  dataSize: u8 = 0;
  window: u8 = 0;
  bofs: u8 = 0;
  minTat: u8 = 0;
  disc: u8 = 0;
  has: u32 = 0;
  /** parameters with a PI this implementation does not know (skipped, counted) */
  unknown: i32 = 0;

  copyFrom(o: QosRepr): void {
    this.baud = o.baud; this.maxTat = o.maxTat; this.dataSize = o.dataSize; this.window = o.window;
    this.bofs = o.bofs; this.minTat = o.minTat; this.disc = o.disc; this.has = o.has; this.unknown = o.unknown;
  }

  static parse(buf: Uint8Array, off: i32, len: i32, out: QosRepr): WireErr {
    if (<u32>off > <u32>buf.length || <u32>len > <u32>(buf.length - off)) return WireErr.Malformed;
    out.has = 0; out.unknown = 0;
    let p = off;
    const end = off + len;
    while (p < end) {
      if (end - p < 2) return WireErr.Truncated;
      const pi = unchecked(buf[p]);
      const pl = <i32>unchecked(buf[p + 1]);
      p += 2;
      if (pl > end - p) return WireErr.Truncated;
      if (pl == 0) return WireErr.Malformed;
      let v: u32 = 0;
      for (let k = min(pl, 4) - 1; k >= 0; k--) v = (v << 8) | <u32>unchecked(buf[p + k]); // PV little-endian
      if (pi == Pi.BAUD) { out.baud = <u16>v; out.has |= HAS_BAUD; }
      else if (pi == Pi.MAX_TAT) { out.maxTat = <u8>v; out.has |= HAS_MAX_TAT; }
      else if (pi == Pi.DATA_SIZE) { out.dataSize = <u8>v; out.has |= HAS_DS; }
      else if (pi == Pi.WINDOW) { out.window = <u8>v; out.has |= HAS_WIN; }
      else if (pi == Pi.BOFS) { out.bofs = <u8>v; out.has |= HAS_BOFS; }
      else if (pi == Pi.MIN_TAT) { out.minTat = <u8>v; out.has |= HAS_MIN_TAT; }
      else if (pi == Pi.DISC_THRESHOLD) { out.disc = <u8>v; out.has |= HAS_DISC; }
      else out.unknown++;
      p += pl;
    }
    return WireErr.Ok;
  }

  hasAll(): bool { return (this.has & QOS_ALL) == QOS_ALL; }

  get bufferLen(): i32 { return 4 + 6 * 3; }

  /** Writes all seven parameters in the order Linux and CE use (baud with PL 2); returns the end or -1. */
  emit(out: Uint8Array, off: i32): i32 {
    if (<u32>off > <u32>out.length || <u32>(out.length - off) < <u32>this.bufferLen) return -1;
    let p = off;
    unchecked((out[p] = Pi.BAUD)); unchecked((out[p + 1] = 2));
    unchecked((out[p + 2] = <u8>this.baud)); unchecked((out[p + 3] = <u8>(this.baud >> 8)));
    p += 4;
    p = put1(out, p, Pi.MAX_TAT, this.maxTat);
    p = put1(out, p, Pi.DATA_SIZE, this.dataSize);
    p = put1(out, p, Pi.WINDOW, this.window);
    p = put1(out, p, Pi.BOFS, this.bofs);
    p = put1(out, p, Pi.MIN_TAT, this.minTat);
    p = put1(out, p, Pi.DISC_THRESHOLD, this.disc);
    return p;
  }
}

function put1(out: Uint8Array, p: i32, pi: u8, v: u8): i32 {
  unchecked((out[p] = pi)); unchecked((out[p + 1] = 1)); unchecked((out[p + 2] = v));
  return p + 3;
}

// ---- SNRM / UA information field ----
/** SNRM: src(4) dst(4) CA-byte(1) QoS…; UA: src(4) dst(4) QoS… . A UA to DISC or a bare SNRM may be empty. */
export class ConnRepr {
  src: u32 = 0;
  dst: u32 = 0;
  ca: u8 = 0;          // SNRM only: the new connection address
  hasAddrs: bool = false;
  qos: QosRepr = new QosRepr();

  static parse(buf: Uint8Array, off: i32, len: i32, isSnrm: bool, out: ConnRepr): WireErr {
    if (<u32>off > <u32>buf.length || <u32>len > <u32>(buf.length - off)) return WireErr.Malformed;
    out.hasAddrs = false; out.qos.has = 0;
    if (len == 0) return WireErr.Ok;
    const fixed = isSnrm ? 9 : 8;
    if (len < fixed) return WireErr.Truncated;
    out.src = rd32(buf, off);
    out.dst = rd32(buf, off + 4);
    if (isSnrm) {
      const b = unchecked(buf[off + 8]);
      out.ca = b >> 1;
      if ((b & 1) != 0) return WireErr.Malformed;
    }
    out.hasAddrs = true;
    return QosRepr.parse(buf, off + fixed, len - fixed, out.qos);
  }

  bufferLen(isSnrm: bool): i32 { return (isSnrm ? 9 : 8) + this.qos.bufferLen; }

  emit(out: Uint8Array, off: i32, isSnrm: bool): i32 {
    const n = this.bufferLen(isSnrm);
    if (<u32>off > <u32>out.length || <u32>(out.length - off) < <u32>n) return -1;
    wr32(out, off, this.src);
    wr32(out, off + 4, this.dst);
    let p = off + 8;
    if (isSnrm) { unchecked((out[p] = this.ca << 1)); p++; }
    return this.qos.emit(out, p);
  }
}

// ---- FRMR information field (3 bytes), reference §2.2 ----
export const FRMR_W: u8 = 1; // invalid control field
export const FRMR_X: u8 = 2; // information field not allowed
export const FRMR_Y: u8 = 4; // information field too long
export const FRMR_Z: u8 = 8; // invalid N(R)

export class FrmrRepr {
  rejected: u8 = 0; // the rejected control byte
  vs: u8 = 0;
  vr: u8 = 0;
  cr: bool = false; // the rejected frame was a response
  flags: u8 = 0;

  static parse(buf: Uint8Array, off: i32, len: i32, out: FrmrRepr): WireErr {
    if (<u32>off > <u32>buf.length || <u32>len > <u32>(buf.length - off)) return WireErr.Malformed;
    if (len < 3) return WireErr.Truncated;
    out.rejected = unchecked(buf[off]);
    const b = unchecked(buf[off + 1]);
    out.vs = (b >> 1) & 7; out.cr = (b & 0x10) != 0; out.vr = b >> 5;
    out.flags = unchecked(buf[off + 2]) & 0x0f;
    return WireErr.Ok;
  }
  get bufferLen(): i32 { return 3; }
  emit(out: Uint8Array, off: i32): i32 {
    if (<u32>off > <u32>out.length || <u32>(out.length - off) < 3) return -1;
    unchecked((out[off] = this.rejected));
    unchecked((out[off + 1] = ((this.vs & 7) << 1) | (this.cr ? 0x10 : 0) | ((this.vr & 7) << 5)));
    unchecked((out[off + 2] = this.flags & 0x0f));
    return off + 3;
  }
}
