// build/irda.wasm: one IrLAP station core with a pointer/length ABI for the host
// (host/node/irda-station.ts). Times are µs as f64 (exact below 2^53) to spare BigInt on the hot path.
// Bytes move through three buffers in this module's memory: io (host → core: received bytes, data
// to send, discovery info), tx (core → host: framed bytes) and ev (core → host: event records,
// layouts in irda/lap.ts LapEvent). Pointers may move when memory grows: read them after each call.
import { LapStation, LapErr } from "../irda/lap";
import { LapOut } from "../irda/out";
import { NEVER } from "../lib/time";
import { DISCOVERY_INFO_MAX } from "../wire/irlap";

const IO_CAP: i32 = 64 * 1024;
const io = new Uint8Array(IO_CAP);
let out = new LapOut();
let lap = new LapStation(0, out);

export function ioPtr(): usize { return io.dataStart; }
export function ioCap(): i32 { return IO_CAP; }

/** Creates the station. Masks are the QoS PV bit masks of the offer (reference §2.4); addr 0 = random. */
export function init(seed: f64, addr: u32, baud: u32, maxTat: u32, dataSize: u32, window: u32,
                     bofs: u32, minTat: u32, disc: u32): i32 {
  out = new LapOut();
  lap = new LapStation(<u64>seed, out);
  if (addr != 0 && addr != 0xffffffff) lap.myAddr = addr;
  const q = lap.offer;
  q.baud = <u16>baud; q.maxTat = <u8>maxTat; q.dataSize = <u8>dataSize; q.window = <u8>window;
  q.bofs = <u8>bofs; q.minTat = <u8>minTat; q.disc = <u8>disc; q.has = 127;
  if ((baud & 0x02) == 0) return 1; // 9600 is mandatory (contention rate)
  if (dataSize == 0 || window == 0 || maxTat == 0) return 1;
  return 0;
}

/** Discovery info (hints, charset, nickname) from io[0, len). */
export function setInfo(len: i32): i32 {
  if (<u32>len > <u32>DISCOVERY_INFO_MAX) return 1;
  lap.discoveryInfo = io.slice(0, len);
  return 0;
}

export function setCapture(on: bool): void { out.capture = on; }
export function setTrace(on: bool): void { out.trace = on; }
export function setLocalBusy(on: bool): void { lap.setLocalBusy(on); }

export function rx(len: i32, now: f64): void {
  if (<u32>len > <u32>IO_CAP) return;
  lap.rx(io, 0, len, <i64>now);
}
export function poll(now: f64, busy: bool): void { lap.poll(<i64>now, busy); }
export function pollAt(now: f64): f64 {
  const t = lap.pollAt(<i64>now);
  return t == NEVER ? Infinity : <f64>t;
}

export function txPtr(): usize { return out.tx.data.dataStart; }
export function txLen(): i32 { return out.tx.len; }
export function txClear(): void { out.tx.clear(); }
export function evPtr(): usize { return out.ev.data.dataStart; }
export function evLen(): i32 { return out.ev.len; }
export function evClear(): void { out.ev.clear(); }

export function discover(slots: i32, now: f64): i32 { return <i32>lap.discover(slots, <i64>now); }
export function connect(addr: u32, now: f64): i32 { return <i32>lap.connect(addr, <i64>now); }
export function disconnect(now: f64): i32 { return <i32>lap.disconnect(<i64>now); }
/** Queues io[0, len) for I frames; returns the bytes taken (-1 when not connected). */
export function send(len: i32): i32 {
  if (<u32>len > <u32>IO_CAP) return -1;
  return lap.send(io, 0, len);
}
export function sendSpace(): i32 { return lap.sendSpace(); }
export function queued(): i32 { return lap.queued(); }

export function baud(): u32 { return lap.baud; }
export function minTurnaroundUs(): f64 { return <f64>lap.myMinTatUs; }
export function state(): i32 { return <i32>lap.state; }
export function deviceAddress(): u32 { return lap.myAddr; }
export function txEnd(): f64 { return <f64>lap.txEnd; }
export function framesIn(): u32 { return lap.framesIn; }
export function framesOut(): u32 { return lap.framesOut; }
export function retransmits(): u32 { return lap.retransmits; }
export const ERR_OK: i32 = LapErr.Ok;
