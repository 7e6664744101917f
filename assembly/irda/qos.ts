// IrLAP QoS negotiation (IrLAP 1.1 §6.6 as summarised in reference §2.4).
// Type 0 parameters (baud rate, link disconnect threshold): both sides use the highest value common
// to both masks. Type 1 parameters: each side's offer constrains what the other side sends — the
// peer's data size and window are the most it can receive, its additional BOFs and minimum
// turnaround are what it needs before a frame. Then the line-capacity rule (CE tables): the
// sender trims its window first, then its data size, until window × (data size + 6 + BOFs) fits the
// capacity of the negotiated baud rate and maximum turnaround time.
import { QosRepr } from "../wire/irlap";

export const BAUD_VALUES: StaticArray<u32> = [2400, 9600, 19200, 38400, 57600, 115200, 576000, 1152000, 4000000, 16000000];
export const MAX_TAT_MS: StaticArray<u32> = [500, 250, 100, 50, 25, 10, 5];
export const DATA_SIZES: StaticArray<u32> = [64, 128, 256, 512, 1024, 2048];
export const BOFS_AT_115200: StaticArray<u32> = [48, 24, 12, 5, 3, 2, 1, 0];
export const MIN_TAT_US: StaticArray<u32> = [10000, 5000, 1000, 500, 100, 50, 10, 0];
export const DISC_SECONDS: StaticArray<u32> = [3, 8, 12, 16, 20, 25, 30, 40];

/** The contention (NDM) parameters: 9600 bit/s, 64-byte data, window 1, 10 extra BOFs, 500 ms. */
export const CONTENTION_BAUD: u32 = 9600;
export const CONTENTION_XBOFS: i32 = 10;
export const CONTENTION_DATA_SIZE: i32 = 64;
/** Before negotiation a station waits the largest minimum turnaround (10 ms) before it answers. */
export const CONTENTION_MIN_TAT_US: i64 = 10_000;

// Line capacity in bytes, rows 9600, 19200, 38400, 57600, 115200, 576000, 1152000, 4000000;
// columns max turnaround 500, 250, 100, 50, 25, 10, 5 ms; 0 = not allowed (reference §2.4).
const LINE_CAPACITY: StaticArray<u32> = [
  400, 200, 80, 0, 0, 0, 0,
  800, 400, 160, 0, 0, 0, 0,
  1600, 800, 320, 0, 0, 0, 0,
  2360, 1180, 472, 0, 0, 0, 0,
  4800, 2400, 960, 480, 240, 96, 48,
  28800, 11520, 5760, 2880, 1440, 720, 360,
  57600, 28800, 11520, 5760, 2880, 1440, 720,
  200000, 100000, 40000, 20000, 10000, 5000, 2500,
];

/** Line capacity in bytes for a baud value and a max-turnaround bit index (0 = 500 ms). */
export function lineCapacity(baud: u32, tatIndex: i32): u32 {
  if (<u32>tatIndex > 6) return 0;
  if (baud == 2400) return LINE_CAPACITY[tatIndex] / 4; // not in the CE table: a quarter of 9600 (UNCONFIRMED)
  let row = -1;
  for (let i = 1; i < 9; i++) if (BAUD_VALUES[i] == baud) { row = i - 1; break; }
  if (row < 0) return 0;
  return LINE_CAPACITY[row * 7 + tatIndex];
}

/** Extra BOFs at a baud rate for an additional-BOFs value given at 115200 (CE divisors). */
export function xbofsAt(baud: u32, at115200: u32): i32 {
  if (baud == 2400) return <i32>(at115200 / 48);
  if (baud == 9600) return <i32>(at115200 / 12);
  if (baud == 19200) return <i32>(at115200 / 6);
  if (baud == 38400) return <i32>(at115200 / 3);
  if (baud == 57600) return <i32>(at115200 / 2);
  if (baud == 115200) return <i32>at115200;
  return 0; // MIR/FIR have their own preambles
}

// @ts-ignore: decorator
@inline function lowBit(m: u32): i32 { return m == 0 ? -1 : <i32>ctz(m); }
// @ts-ignore: decorator
@inline function highBit(m: u32): i32 { return m == 0 ? -1 : 31 - <i32>clz(m); }

export enum QosErr { Ok = 0, NoCommonBaud, Missing, LineCapacity }

/** What one side uses after negotiation. */
export class Negotiated {
  baud: u32 = CONTENTION_BAUD;
  baudBit: u16 = 0;
  discBit: u8 = 0;
  maxTatMs: u32 = 500;
  maxTatIndex: i32 = 0;
  /** What I send: the peer's limits, trimmed by the line capacity. */
  txDataSize: i32 = CONTENTION_DATA_SIZE;
  txWindow: i32 = 1;
  txXbofs: i32 = CONTENTION_XBOFS;
  /** The peer's minimum turnaround: my silence after its last byte. */
  peerMinTatUs: i64 = CONTENTION_MIN_TAT_US;
  /** What I receive: my own offer. */
  rxDataSize: i32 = CONTENTION_DATA_SIZE;
  rxWindow: i32 = 1;
  myMinTatUs: i64 = 0;
  disconnectS: u32 = 3;
  lineCapacity: u32 = 0;

  reset(): void {
    this.baud = CONTENTION_BAUD; this.txDataSize = CONTENTION_DATA_SIZE; this.txWindow = 1;
    this.txXbofs = CONTENTION_XBOFS; this.peerMinTatUs = CONTENTION_MIN_TAT_US;
    this.rxDataSize = CONTENTION_DATA_SIZE; this.rxWindow = 1;
  }
}

/** My requirement from my own mask: the largest minimum turnaround offered. */
export function minTatOf(mask: u8): i64 {
  const b = lowBit(mask);
  return b < 0 ? CONTENTION_MIN_TAT_US : <i64>MIN_TAT_US[b];
}

export function negotiate(mine: QosRepr, peer: QosRepr, out: Negotiated): QosErr {
  if (!peer.hasAll()) {
    // A missing parameter takes its lowest value (IrLAP: absent = default); only baud is required.
    if ((peer.has & 1) == 0) return QosErr.Missing;
  }
  const common = <u32>(mine.baud & peer.baud) & 0x3ff;
  const b = highBit(common);
  if (b < 0) return QosErr.NoCommonBaud;
  out.baud = BAUD_VALUES[b];
  out.baudBit = <u16>(<u32>1 << <u32>b);
  const disc = <u32>(mine.disc & (peer.disc != 0 ? peer.disc : 1)) & 0xff;
  const d = highBit(disc == 0 ? 1 : disc);
  out.discBit = <u8>(<u32>1 << <u32>d);
  out.disconnectS = DISC_SECONDS[d];
  // max turnaround: the longer of what each side allows, bounded by the shorter of the two
  const tm = max(lowBit(<u32>mine.maxTat & 0x7f), lowBit(<u32>peer.maxTat & 0x7f));
  out.maxTatIndex = tm < 0 ? 0 : tm;
  out.maxTatMs = MAX_TAT_MS[out.maxTatIndex];
  const pds = highBit(<u32>peer.dataSize & 0x3f);
  const pw = highBit(<u32>peer.window & 0x7f);
  const pb = lowBit(<u32>peer.bofs);
  out.txXbofs = pb < 0 ? 0 : xbofsAt(out.baud, BOFS_AT_115200[pb]);
  out.peerMinTatUs = minTatOf(peer.minTat);
  out.myMinTatUs = minTatOf(mine.minTat);
  const mds = highBit(<u32>mine.dataSize & 0x3f);
  const mw = highBit(<u32>mine.window & 0x7f);
  out.rxDataSize = <i32>DATA_SIZES[mds < 0 ? 0 : mds];
  out.rxWindow = mw < 0 ? 1 : mw + 1;
  let ds = pds < 0 ? 0 : pds;
  let w = pw < 0 ? 1 : pw + 1;
  const cap = lineCapacity(out.baud, out.maxTatIndex);
  out.lineCapacity = cap;
  // line capacity: window first, then data size
  while (w > 1 && <u32>(w * (<i32>DATA_SIZES[ds] + 6 + out.txXbofs)) > cap) w--;
  while (ds > 0 && <u32>(w * (<i32>DATA_SIZES[ds] + 6 + out.txXbofs)) > cap) ds--;
  out.txWindow = w;
  out.txDataSize = <i32>DATA_SIZES[ds];
  if (<u32>(w * (out.txDataSize + 6 + out.txXbofs)) > cap) return QosErr.LineCapacity;
  return QosErr.Ok;
}

/** The byte time in µs (×1000 for precision) — use txTimeUs for durations. */
export function txTimeUs(baud: u32, bytes: i64): i64 {
  if (baud == 0) return 0;
  // SIR: 10 bits per byte (start, 8 data, stop); MIR/FIR: 8 bits per byte
  const bits: i64 = baud > 115200 ? 8 : 10;
  return (bytes * bits * 1_000_000 + <i64>baud - 1) / <i64>baud;
}
