// Test harness for the IrDA core: wire formats (sir, irlap), CRCs, negotiation, and an in-wasm
// fuzzer that throws random frames at stations in every state (a trap would abort the instance).
import { FCS16_INIT, fcs16, CRC32_INIT, crc32 } from "../../assembly/lib/crc";
import { SirDeframer, SirSink, sirEncodeFrame } from "../../assembly/wire/sir";
import { WireErr } from "../../assembly/wire/err";
import { FirDeframer, firEncodeFrame } from "../../assembly/wire/fir";
import { ConnRepr, FrmrRepr, IrlapFrame, IrlapRepr, Kind, QosRepr, XidRepr } from "../../assembly/wire/irlap";
import { Negotiated, negotiate } from "../../assembly/irda/qos";
import { LapStation, LapState } from "../../assembly/irda/lap";
import { LapOut } from "../../assembly/irda/out";
import { Rand } from "../../assembly/lib/rand";

export function crc16Of(data: Uint8Array): u32 { return ~fcs16(FCS16_INIT, data, 0, data.length) & 0xffff; }
export function crc16Residue(data: Uint8Array): u32 { return fcs16(FCS16_INIT, data, 0, data.length); }
export function crc32Of(data: Uint8Array): u32 { return ~crc32(CRC32_INIT, data, 0, data.length); }
export function crc32Residue(data: Uint8Array): u32 { return crc32(CRC32_INIT, data, 0, data.length); }

export function sirEncode(frame: Uint8Array, xbofs: i32): Uint8Array { return sirEncodeFrame(frame, xbofs); }

class Collect extends SirSink {
  out: Array<u8> = new Array<u8>();
  frames: i32 = 0;
  drops: i32 = 0;
  lastErr: WireErr = WireErr.Ok;
  frame(buf: Uint8Array, len: i32): void {
    // record as: len(2 LE) bytes…
    this.out.push(<u8>len); this.out.push(<u8>(len >> 8));
    for (let i = 0; i < len; i++) this.out.push(buf[i]);
    this.frames++;
  }
  dropped(err: WireErr): void { this.drops++; this.lastErr = err; }
}

/** De-frames `wire` (SIR, or the FIR model) fed in pieces of at most `chunk` bytes (or split once at
 *  `splitAt` if chunk is 0); returns [frames, drops, lastErr, (len lo, len hi, bytes…)…]. */
function runDeframer(fir: bool, wire: Uint8Array, chunk: i32, splitAt: i32, maxFrame: i32): Uint8Array {
  const sir = new SirDeframer(maxFrame);
  const ff = new FirDeframer(maxFrame);
  const c = new Collect();
  const cuts = new Array<i32>();
  if (chunk > 0) { for (let off = 0; off < wire.length; off += chunk) cuts.push(off); }
  else { cuts.push(0); cuts.push(min(max(splitAt, 0), wire.length)); }
  cuts.push(wire.length);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const off = cuts[i], n = cuts[i + 1] - cuts[i];
    if (fir) ff.feed(wire, off, n, c); else sir.feed(wire, off, n, c);
  }
  const res = new Uint8Array(3 + c.out.length);
  res[0] = <u8>c.frames; res[1] = <u8>c.drops; res[2] = <u8>c.lastErr;
  for (let i = 0; i < c.out.length; i++) res[3 + i] = c.out[i];
  return res;
}

export function deframe(wire: Uint8Array, chunk: i32, splitAt: i32, maxFrame: i32): Uint8Array {
  return runDeframer(false, wire, chunk, splitAt, maxFrame);
}

export function firEncode(frame: Uint8Array): Uint8Array { return firEncodeFrame(frame); }

export function firDeframe(wire: Uint8Array, chunk: i32, splitAt: i32, maxFrame: i32): Uint8Array {
  return runDeframer(true, wire, chunk, splitAt, maxFrame);
}

/** [err, kind, ca, command, pf, nr, ns, controlByte(re-emitted), addrByte(re-emitted)] */
export function parseControl(frame: Uint8Array): Int32Array {
  const r = new IrlapRepr();
  const e = IrlapRepr.parse(new IrlapFrame(frame, frame.length), r);
  const o = new Int32Array(9);
  o[0] = e; o[1] = r.kind; o[2] = r.ca; o[3] = r.command ? 1 : 0; o[4] = r.pf ? 1 : 0; o[5] = r.nr; o[6] = r.ns;
  if (e == WireErr.Ok) {
    const b = new Uint8Array(2);
    r.emit(b, 0);
    o[7] = b[1]; o[8] = b[0];
  }
  return o;
}

/** Parses an XID information field and re-emits it: [err, src, dst, flags, slot, version, infoLen] and the bytes. */
export function xidRoundTrip(info: Uint8Array): Uint8Array {
  const x = new XidRepr();
  const e = XidRepr.parse(info, 0, info.length, x);
  if (e != WireErr.Ok) { const r = new Uint8Array(1); r[0] = <u8>e; return r; }
  const di = new Uint8Array(x.infoLen);
  for (let i = 0; i < x.infoLen; i++) di[i] = info[x.infoOff + i];
  x.info = di;
  const out = new Uint8Array(1 + x.bufferLen);
  x.emit(out, 1);
  out[0] = 0;
  return out;
}
export function xidFields(info: Uint8Array): Float64Array {
  const x = new XidRepr();
  const e = XidRepr.parse(info, 0, info.length, x);
  const o = new Float64Array(8);
  o[0] = e; o[1] = x.src; o[2] = x.dst; o[3] = x.flags; o[4] = x.slot; o[5] = x.version; o[6] = x.infoLen; o[7] = x.slots;
  return o;
}

/** SNRM (isSnrm) or UA info: [err, src, dst, ca, hasAddrs, baud, maxTat, ds, win, bofs, minTat, disc, has] */
export function connFields(info: Uint8Array, isSnrm: bool): Float64Array {
  const c = new ConnRepr();
  const e = ConnRepr.parse(info, 0, info.length, isSnrm, c);
  const q = c.qos;
  const o = new Float64Array(13);
  o[0] = e; o[1] = c.src; o[2] = c.dst; o[3] = c.ca; o[4] = c.hasAddrs ? 1 : 0; o[5] = q.baud; o[6] = q.maxTat;
  o[7] = q.dataSize; o[8] = q.window; o[9] = q.bofs; o[10] = q.minTat; o[11] = q.disc; o[12] = q.has;
  return o;
}
export function connEmit(src: u32, dst: u32, ca: u8, isSnrm: bool, masks: Uint32Array): Uint8Array {
  const c = new ConnRepr();
  c.src = src; c.dst = dst; c.ca = ca;
  c.qos.baud = <u16>masks[0]; c.qos.maxTat = <u8>masks[1]; c.qos.dataSize = <u8>masks[2]; c.qos.window = <u8>masks[3];
  c.qos.bofs = <u8>masks[4]; c.qos.minTat = <u8>masks[5]; c.qos.disc = <u8>masks[6];
  const out = new Uint8Array(c.bufferLen(isSnrm));
  out.fill(0xa5);
  c.emit(out, 0, isSnrm);
  return out;
}

export function frmrRoundTrip(info: Uint8Array): Uint8Array {
  const f = new FrmrRepr();
  if (FrmrRepr.parse(info, 0, info.length, f) != WireErr.Ok) return new Uint8Array(0);
  const out = new Uint8Array(3);
  f.emit(out, 0);
  return out;
}

/** Negotiation of two offers (masks as above): [err, baud, txDataSize, txWindow, txXbofs, maxTatMs, peerMinTatUs, disconnectS, lineCapacity] */
export function negotiateOffers(mine: Uint32Array, peer: Uint32Array): Float64Array {
  const a = new QosRepr(), b = new QosRepr();
  a.baud = <u16>mine[0]; a.maxTat = <u8>mine[1]; a.dataSize = <u8>mine[2]; a.window = <u8>mine[3]; a.bofs = <u8>mine[4]; a.minTat = <u8>mine[5]; a.disc = <u8>mine[6]; a.has = 127;
  b.baud = <u16>peer[0]; b.maxTat = <u8>peer[1]; b.dataSize = <u8>peer[2]; b.window = <u8>peer[3]; b.bofs = <u8>peer[4]; b.minTat = <u8>peer[5]; b.disc = <u8>peer[6]; b.has = 127;
  const n = new Negotiated();
  const e = negotiate(a, b, n);
  const o = new Float64Array(9);
  o[0] = e; o[1] = n.baud; o[2] = n.txDataSize; o[3] = n.txWindow; o[4] = n.txXbofs; o[5] = n.maxTatMs;
  o[6] = <f64>n.peerMinTatUs; o[7] = n.disconnectS; o[8] = n.lineCapacity;
  return o;
}

// ---------------------------------------------------------------- fuzzing
/** Moves every framed byte of a to b and back until both are quiet or `until`. Returns the time. */
function pump(a: LapStation, b: LapStation, now: i64, until: i64): i64 {
  let t = now;
  for (let i = 0; i < 100000 && t < until; i++) {
    a.poll(t, false); b.poll(t, false);
    let moved = false;
    if (a.out.tx.len > 0) { const n = a.out.tx.len; const buf = a.out.tx.data.slice(0, n); a.out.tx.clear(); b.rx(buf, 0, n, max(t, a.txEnd)); moved = true; }
    if (b.out.tx.len > 0) { const n = b.out.tx.len; const buf = b.out.tx.data.slice(0, n); b.out.tx.clear(); a.rx(buf, 0, n, max(t, b.txEnd)); moved = true; }
    a.out.ev.clear(); b.out.ev.clear();
    if (moved) { t = max(a.txEnd, b.txEnd); continue; }
    const next = min(a.pollAt(t), b.pollAt(t));
    if (next >= until) return until;
    t = max(next, t);
  }
  return t;
}

/** Feeds `count` random chunks (noise with framing bytes, valid frames, cut frames) to a SIR and a FIR
 *  de-framer; returns the frames that passed the check. Only a trap can fail it. */
export function fuzzDeframers(seed: u64, count: i32): i32 {
  const r = new Rand(seed);
  const sir = new SirDeframer(2100), fir = new FirDeframer(2100);
  const c = new Collect();
  const frame = new Uint8Array(400);
  for (let i = 0; i < count; i++) {
    r.fill(frame);
    const len = 2 + <i32>r.below(398);
    const pick = r.below(3);
    let w: Uint8Array;
    if (pick == 0) w = sirEncodeFrame(frame.subarray(0, len), 1);
    else if (pick == 1) w = firEncodeFrame(frame.subarray(0, len));
    else {
      w = new Uint8Array(<i32>r.below(800)); r.fill(w);
      for (let k = 0; k < w.length; k += 1 + <i32>r.below(12)) w[k] = <u8>[0xc0, 0xc1, 0x7d, 0x7e, 0x81, 0xaa][r.below(6)];
    }
    if (r.below(4) == 0 && w.length > 0) w[r.below(<u32>w.length)] ^= <u8>(<u32>1 << r.below(8));
    const cut = <i32>r.below(<u32>w.length + 1);
    sir.feed(w, 0, cut, c); sir.feed(w, cut, w.length - cut, c);
    fir.feed(w, 0, cut, c); fir.feed(w, cut, w.length - cut, c);
    c.out.length = 0;
  }
  return c.frames;
}

/**
 * Throws `count` random frames (valid FCS, random or plausible A/C/I) at stations in NDM, REPLY,
 * SETUP, primary and secondary NRM; returns the number of frames the stations accepted past the
 * FCS check. The only way to fail is a trap.
 */
export function fuzz(seed: u64, count: i32): i32 {
  const r = new Rand(seed);
  const frame = new Uint8Array(2 + 300);
  let accepted = 0;
  let a = new LapStation(seed + 1, new LapOut());
  let b = new LapStation(seed + 2, new LapOut());
  let t: i64 = 0;
  for (let i = 0; i < count; i++) {
    if (i % 500 == 0) {
      // a fresh pair in a state chosen by i
      a = new LapStation(seed + <u64>i * 2 + 1, new LapOut());
      b = new LapStation(seed + <u64>i * 2 + 2, new LapOut());
      t = 0;
      const phase = (i / 500) % 4;
      if (phase >= 1) { a.connect(b.myAddr, t); t = pump(a, b, t, t + 2_000_000); }
      if (phase == 2) { const d = new Uint8Array(3000); r.fill(d); a.send(d, 0, d.length); b.send(d, 0, 1000); }
      if (phase == 3) { b.discover(6, t); }
    }
    // a frame: mostly for the right connection address and plausible controls, sometimes anything
    const len = 2 + <i32>r.below(r.below(4) == 0 ? 300 : 40);
    r.fill(frame);
    const pick = r.below(4);
    if (pick != 0) frame[0] = (a.ca << 1) | <u8>r.below(2);
    if (pick == 2) frame[1] = <u8>[0x01, 0x05, 0x09, 0x0d, 0x03, 0x2f, 0xaf, 0xe3, 0x83, 0x43, 0x63, 0x87, 0x0f, 0x00, 0x11, 0x3f, 0xbf, 0x93, 0x53, 0x73][r.below(20)];
    if (pick == 3) { frame[0] = 0xff; frame[1] = r.below(2) == 0 ? 0x3f : 0x93; frame[2] = 1; }
    let wire = sirEncodeFrame(frame.subarray(0, len), <i32>r.below(3));
    if (r.below(10) == 0) { // raw line noise, sprinkled with the framing bytes
      wire = new Uint8Array(<i32>r.below(600));
      r.fill(wire);
      for (let k = 0; k < wire.length; k += 1 + <i32>r.below(16)) wire[k] = <u8>[0xc0, 0xc1, 0x7d, 0xff][r.below(4)];
    }
    const target = r.below(2) == 0 ? a : b;
    const before = target.framesIn;
    // sometimes cut the frame short or feed in two parts
    const cut = r.below(8) == 0 ? <i32>r.below(<u32>wire.length) : wire.length;
    target.rx(wire, 0, cut, t);
    accepted += <i32>(target.framesIn - before);
    t += <i64>r.below(200_000);
    a.poll(t, r.below(8) == 0); b.poll(t, false);
    a.out.tx.clear(); b.out.tx.clear(); a.out.ev.clear(); b.out.ev.clear();
    if (r.below(50) == 0) { if (a.state >= LapState.XMIT_P) a.disconnect(t); }
  }
  return accepted;
}
