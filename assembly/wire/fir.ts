// IrDA FIR framing (IrPHY 4 Mbit/s, 4PPM), byte-level model. A real FIR frame is
//   preamble (16 × the 4-symbol pattern = 16 byte times) | start flag (8 symbols = 2 byte times) |
//   A C I… | CRC-32 (4 bytes, LSB first) | stop flag (8 symbols = 2 byte times)
// (CRC-32 of lib/crc.ts; residue 0xDEBB20E3 over A..CRC, reference §2.1). 4PPM flags and preamble
// are chip patterns that no data byte can produce; a byte stream cannot express that, so this model
// marks them with bytes and spends two of the sixteen preamble byte times on a length field, which
// keeps the air time of a frame exactly that of real FIR (24 byte times of overhead):
//   0xAA × 14 | 7E 81 (start) | length of A..CRC (u16 LE) | A C I… CRC-32 | 81 7E (stop)
// No escaping. The de-framer hunts for the start flag, trusts the length only if it is in range, and
// lets the CRC decide; it takes bytes in any split and never traps.
import { CRC32_GOOD, CRC32_INIT, crc32Byte } from "../lib/crc";
import { SirSink } from "./sir";
import { WireErr } from "./err";

export const FIR_PREAMBLE: u8 = 0xaa;
export const FIR_PREAMBLE_LEN: i32 = 14;
export const FIR_START0: u8 = 0x7e;
export const FIR_START1: u8 = 0x81;
export const FIR_OVERHEAD: i32 = FIR_PREAMBLE_LEN + 2 + 2 + 4 + 2; // 24 byte times, as real FIR

export function firLen(infoLen: i32): i32 { return FIR_OVERHEAD + 2 + infoLen; }

/** Encodes A | C | info[off, off+len) as a FIR frame at out[outOff]; returns the end offset or -1. */
export function firEncode(a: u8, c: u8, info: Uint8Array, off: i32, len: i32, out: Uint8Array, outOff: i32): i32 {
  if (<u32>off > <u32>info.length || <u32>len > <u32>(info.length - off)) return -1;
  if (<u32>outOff > <u32>out.length || <u32>(out.length - outOff) < <u32>firLen(len)) return -1;
  let p = out.dataStart + <usize>outOff;
  for (let i = 0; i < FIR_PREAMBLE_LEN; i++) { store<u8>(p, FIR_PREAMBLE); p++; }
  store<u8>(p, FIR_START0); store<u8>(p + 1, FIR_START1); p += 2;
  const body = 2 + len + 4;
  store<u8>(p, <u8>body); store<u8>(p + 1, <u8>(body >> 8)); p += 2;
  let crc = CRC32_INIT;
  crc = crc32Byte(crc, a); store<u8>(p, a); p++;
  crc = crc32Byte(crc, c); store<u8>(p, c); p++;
  const src = info.dataStart + <usize>off;
  for (let i = 0; i < len; i++) {
    const b = <u32>load<u8>(src + <usize>i);
    crc = crc32Byte(crc, b);
    store<u8>(p + <usize>i, <u8>b);
  }
  p += <usize>len;
  crc = ~crc;
  store<u32>(p, crc); p += 4; // little-endian: LSB first
  store<u8>(p, FIR_START1); store<u8>(p + 1, FIR_START0); p += 2;
  return <i32>(p - out.dataStart);
}

export function firEncodeFrame(frame: Uint8Array): Uint8Array {
  if (frame.length < 2) return new Uint8Array(0);
  const out = new Uint8Array(firLen(frame.length - 2));
  const n = firEncode(frame[0], frame[1], frame, 2, frame.length - 2, out, 0);
  return n < 0 ? new Uint8Array(0) : out;
}

const HUNT: u8 = 0, START: u8 = 1, LEN0: u8 = 2, LEN1: u8 = 3, BODY: u8 = 4;

export class FirDeframer {
  buf: Uint8Array;
  state: u8 = HUNT;
  len: i32 = 0;
  want: i32 = 0;
  crc: u32 = CRC32_INIT;
  framesOk: u32 = 0;
  framesBad: u32 = 0;

  /** maxFrame: the largest A..I a frame may have (CRC not counted). */
  constructor(maxFrame: i32) { this.buf = new Uint8Array(max(maxFrame, 2) + 4); }

  reset(): void { this.state = HUNT; this.len = 0; }

  feed(src: Uint8Array, off: i32, n: i32, sink: SirSink): void {
    if (<u32>off > <u32>src.length || <u32>n > <u32>(src.length - off)) return;
    const base = src.dataStart + <usize>off;
    for (let i = 0; i < n; i++) {
      const b = <u32>load<u8>(base + <usize>i);
      switch (this.state) {
        case HUNT: if (b == FIR_START0) this.state = START; break;
        case START: this.state = b == FIR_START1 ? LEN0 : b == FIR_START0 ? START : HUNT; break;
        case LEN0: this.want = <i32>b; this.state = LEN1; break;
        case LEN1: {
          this.want |= <i32>b << 8;
          if (this.want < 6 || this.want > this.buf.length) {
            this.framesBad++; sink.dropped(this.want < 6 ? WireErr.Truncated : WireErr.TooLong);
            this.state = HUNT; break;
          }
          this.len = 0; this.crc = CRC32_INIT; this.state = BODY;
          break;
        }
        default: { // BODY: bulk-copy what is there
          const take = min(this.want - this.len, n - i);
          const dst = this.buf.dataStart + <usize>this.len;
          let crc = this.crc;
          for (let k = 0; k < take; k++) {
            const v = <u32>load<u8>(base + <usize>(i + k));
            store<u8>(dst + <usize>k, <u8>v);
            crc = crc32Byte(crc, v);
          }
          this.crc = crc; this.len += take; i += take - 1;
          if (this.len == this.want) {
            this.state = HUNT;
            if (this.crc != CRC32_GOOD) { this.framesBad++; sink.dropped(WireErr.BadFcs); }
            else { this.framesOk++; sink.frame(this.buf, this.len - 4); }
          }
        }
      }
    }
  }
}
