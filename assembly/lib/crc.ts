// CRCs of the IrDA physical layers, table driven (one table of 256 entries each).
// - FCS-16 (SIR, MIR): CRC-16-CCITT reflected (polynomial 0x8408), init 0xFFFF, sent as its one's
//   complement low byte first. Same algorithm as CRC-16/X-25 (check "123456789" = 0x906E). A receiver
//   running the CRC over frame + FCS gets the constant residue 0xF0B8 (IrDA SIR, reference §2.1).
// - CRC-32 (FIR): the IEEE 802.3 CRC reflected (0xEDB88320), init 0xFFFFFFFF, complement sent LSB
//   first; residue over frame + CRC is 0xDEBB20E3.

export const FCS16_INIT: u32 = 0xffff;
export const FCS16_GOOD: u32 = 0xf0b8;
export const CRC32_INIT: u32 = 0xffffffff;
export const CRC32_GOOD: u32 = 0xdebb20e3;

const T16 = new StaticArray<u16>(256);
const T32 = new StaticArray<u32>(256);
for (let i: u32 = 0; i < 256; i++) {
  let a = i, b = i;
  for (let k = 0; k < 8; k++) {
    a = (a & 1) ? (a >> 1) ^ 0x8408 : a >> 1;
    b = (b & 1) ? (b >> 1) ^ 0xedb88320 : b >> 1;
  }
  unchecked((T16[i] = <u16>a));
  unchecked((T32[i] = b));
}

/** One byte into a running FCS-16 (crc holds 16 bits). */
// @ts-ignore: decorator
@inline export function fcs16Byte(crc: u32, b: u32): u32 {
  return (crc >> 8) ^ <u32>unchecked(T16[(crc ^ b) & 0xff]);
}

/** Running FCS-16 over buf[off, off+len) (the range must lie inside buf; callers check it). */
export function fcs16(crc: u32, buf: Uint8Array, off: i32, len: i32): u32 {
  if (<u32>off > <u32>buf.length || <u32>len > <u32>(buf.length - off)) return crc;
  const p = buf.dataStart + <usize>off;
  for (let i = 0; i < len; i++) crc = fcs16Byte(crc, load<u8>(p + <usize>i));
  return crc;
}

// @ts-ignore: decorator
@inline export function crc32Byte(crc: u32, b: u32): u32 {
  return (crc >> 8) ^ unchecked(T32[(crc ^ b) & 0xff]);
}

/** Running CRC-32 over buf[off, off+len). */
export function crc32(crc: u32, buf: Uint8Array, off: i32, len: i32): u32 {
  if (<u32>off > <u32>buf.length || <u32>len > <u32>(buf.length - off)) return crc;
  const p = buf.dataStart + <usize>off;
  for (let i = 0; i < len; i++) crc = crc32Byte(crc, load<u8>(p + <usize>i));
  return crc;
}
