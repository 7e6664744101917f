// IrDA SIR framing (IrPHY 1.x, asynchronous 8N1 at 2400..115200 bit/s), reference §2.1:
//   [XBOF × n] BOF(C0) | A C I… FCS(2, low byte first) with C0/C1/7D escaped as 7D,b^0x20 | EOF(C1)
// Extra BOFs are sent as 0xFF (the Linux convention); receivers accept 0xC0 or 0xFF runs before BOF.
// The FCS is the CRC-16 of lib/crc.ts over A..I; a receiver checks the residue 0xF0B8 over A..FCS.
// This file is byte layout only: the encoder writes whole frames, the de-framer takes bytes in any
// split and hands complete, FCS-checked frames (without FCS) to a sink object.
import { FCS16_GOOD, FCS16_INIT, fcs16Byte } from "../lib/crc";
import { WireErr } from "./err";

export const BOF: u8 = 0xc0;
export const EOF: u8 = 0xc1;
export const CE: u8 = 0x7d;
export const XBOF: u8 = 0xff;
export const ESC_XOR: u8 = 0x20;
/** A + C + FCS: the smallest frame a de-framer accepts. */
export const MIN_FRAME: i32 = 4;

// @ts-ignore: decorator
@inline function needsEscape(b: u32): bool {
  return b == 0xc0 || b == 0xc1 || b == 0x7d;
}

/** Worst-case encoded size of a frame with `infoLen` information bytes and `xbofs` extra BOFs. */
export function sirMaxLen(infoLen: i32, xbofs: i32): i32 {
  return xbofs + 1 + 2 * (2 + infoLen + 2) + 1;
}

/**
 * Encodes the frame A | C | info[off, off+len) into out at outOff and returns the offset after EOF,
 * or -1 (nothing written) when the ranges are bad or out has less than sirMaxLen(len, xbofs) room.
 */
export function sirEncode(a: u8, c: u8, info: Uint8Array, off: i32, len: i32, xbofs: i32,
                          out: Uint8Array, outOff: i32): i32 {
  if (<u32>off > <u32>info.length || <u32>len > <u32>(info.length - off)) return -1;
  if (xbofs < 0 || <u32>outOff > <u32>out.length) return -1;
  if (<u32>(out.length - outOff) < <u32>sirMaxLen(len, xbofs)) return -1;
  let p = out.dataStart + <usize>outOff;
  for (let i = 0; i < xbofs; i++) { store<u8>(p, XBOF); p++; }
  store<u8>(p, BOF); p++;
  let crc = FCS16_INIT;
  crc = fcs16Byte(crc, a); p = put(p, a);
  crc = fcs16Byte(crc, c); p = put(p, c);
  const src = info.dataStart + <usize>off;
  for (let i = 0; i < len; i++) {
    const b = <u32>load<u8>(src + <usize>i);
    crc = fcs16Byte(crc, b);
    if (needsEscape(b)) { store<u8>(p, CE); store<u8>(p + 1, <u8>(b ^ ESC_XOR)); p += 2; }
    else { store<u8>(p, <u8>b); p++; }
  }
  crc = ~crc & 0xffff;
  p = put(p, crc & 0xff);
  p = put(p, crc >> 8);
  store<u8>(p, EOF); p++;
  return <i32>(p - out.dataStart);
}

// @ts-ignore: decorator
@inline function put(p: usize, b: u32): usize {
  if (needsEscape(b)) { store<u8>(p, CE); store<u8>(p + 1, <u8>(b ^ ESC_XOR)); return p + 2; }
  store<u8>(p, <u8>b);
  return p + 1;
}

/** Encodes a whole IrLAP frame (A, C, info…) into a new array: for tests and cold paths. */
export function sirEncodeFrame(frame: Uint8Array, xbofs: i32): Uint8Array {
  if (frame.length < 2 || xbofs < 0) return new Uint8Array(0);
  const out = new Uint8Array(sirMaxLen(frame.length - 2, xbofs));
  const n = sirEncode(frame[0], frame[1], frame, 2, frame.length - 2, xbofs, out, 0);
  return n < 0 ? new Uint8Array(0) : out.slice(0, n);
}

/** Receives what the de-framer finds. `frame` is valid only during the call. */
export abstract class SirSink {
  /** A frame that passed the FCS check: A C I…, FCS removed. */
  abstract frame(buf: Uint8Array, len: i32): void;
  /** A frame that was dropped (bad FCS, too short, too long, aborted). */
  abstract dropped(err: WireErr): void;
}

const HUNT: u8 = 0;   // between frames: ignore everything except BOF
const DATA: u8 = 1;   // inside a frame
const ESCAPED: u8 = 2; // inside a frame, after CE

/** Incremental SIR de-framer: bytes in any split, complete frames out. Never traps on any input. */
export class SirDeframer {
  buf: Uint8Array;
  len: i32 = 0;
  state: u8 = HUNT;
  crc: u32 = FCS16_INIT;
  framesOk: u32 = 0;
  framesBad: u32 = 0;

  /** maxFrame: the largest A..FCS a frame may have (2 + largest I field + 2). */
  constructor(maxFrame: i32) {
    this.buf = new Uint8Array(max(maxFrame, MIN_FRAME));
  }

  reset(): void { this.state = HUNT; this.len = 0; this.crc = FCS16_INIT; }

  feed(src: Uint8Array, off: i32, n: i32, sink: SirSink): void {
    if (<u32>off > <u32>src.length || <u32>n > <u32>(src.length - off)) return;
    const base = src.dataStart + <usize>off;
    const cap = this.buf.length;
    const dst = this.buf.dataStart;
    let state = this.state, len = this.len, crc = this.crc;
    for (let i = 0; i < n; i++) {
      let b = <u32>load<u8>(base + <usize>i);
      if (b == BOF) { // start (or restart) of a frame; a run of BOFs is extra BOFs
        if (state != HUNT && len > 0) { this.framesBad++; sink.dropped(WireErr.Truncated); }
        state = DATA; len = 0; crc = FCS16_INIT;
        continue;
      }
      if (state == HUNT) continue; // XBOF 0xFF or line noise
      if (b == EOF) {
        if (state == ESCAPED) { this.framesBad++; sink.dropped(WireErr.Aborted); }
        else if (len < MIN_FRAME) { this.framesBad++; sink.dropped(WireErr.Truncated); }
        else if (len > cap) { this.framesBad++; sink.dropped(WireErr.TooLong); }
        else if (crc != FCS16_GOOD) { this.framesBad++; sink.dropped(WireErr.BadFcs); }
        else {
          this.framesOk++;
          // save state first: the sink may call back into code that resets this de-framer
          this.state = HUNT; this.len = 0; this.crc = FCS16_INIT;
          sink.frame(this.buf, len - 2);
          state = this.state; len = this.len; crc = this.crc;
          continue;
        }
        state = HUNT; len = 0;
        continue;
      }
      if (b == CE) {
        if (state == ESCAPED) { this.framesBad++; sink.dropped(WireErr.Aborted); state = HUNT; len = 0; continue; }
        state = ESCAPED;
        continue;
      }
      if (state == ESCAPED) { b ^= ESC_XOR; state = DATA; }
      crc = fcs16Byte(crc, b);
      if (len < cap) store<u8>(dst + <usize>len, <u8>b);
      len++;
      if (len > cap + 1) { this.framesBad++; sink.dropped(WireErr.TooLong); state = HUNT; len = 0; }
    }
    this.state = state; this.len = len; this.crc = crc;
  }
}
