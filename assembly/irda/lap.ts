// IrLAP 1.1 station engine: discovery (XID), connection (SNRM/UA with QoS negotiation), NRM data
// transfer (I/RR/RNR/REJ/SREJ, modulo 8, window ≤ 7), P/F and watchdog timers, link reset,
// link-disconnect threshold, DISC/UA/DM/RD. Facts from reference §2.1-2.5 (IrLAP 1.1, CE, Linux).
//
// Sans-I/O: rx(bytes, now) takes SIR bytes as they arrive (stamped with the arrival time of the
// last byte), poll(now, busy) runs timers, pollAt(now) says when to call again; the engine writes
// framed bytes and event records into a LapOut. It never reads a clock or draws randomness itself
// (Rand is seeded by the host). Half-duplex rules it obeys itself:
//  - it transmits only when it holds the P/F "token" (primary after the F bit, secondary after P);
//  - it stays silent for the peer's minimum turnaround after the last byte it received;
//  - it switches baud only after the bytes sent at the old rate have left (txEnd).
// Not here: IrLMP (the information field is handed up as is). This station never sends SREJ (it keeps
// no out-of-sequence frames) but answers one by resending just that frame.
import { Rand } from "../lib/rand";
import { NEVER, MICROS_PER_MS, MICROS_PER_SEC } from "../lib/time";
import { SirDeframer, SirSink, sirEncode, sirMaxLen } from "../wire/sir";
import { FirDeframer, firEncode, firLen } from "../wire/fir";
import { WireErr, wireErrName } from "../wire/err";
import {
  ConnRepr, CA_BROADCAST, DEV_BROADCAST, FrmrRepr, FRMR_W, FRMR_Y, FRMR_Z, IrlapFrame, IrlapRepr,
  Kind, QosRepr, XID_FLAG_NEW_ADDR, XID_SLOT_FINAL, XidRepr, codeOfSlots, controlOf, kindName,
  DISCOVERY_INFO_MAX,
} from "../wire/irlap";
import {
  CONTENTION_BAUD, CONTENTION_MIN_TAT_US, CONTENTION_XBOFS, Negotiated, QosErr, negotiate, txTimeUs, minTatOf,
} from "./qos";
import { LapOut } from "./out";

/** IrLAP states (names from the IrLAP 1.1 state tables). */
export enum LapState {
  NDM = 0,  // normal disconnected mode
  QUERY,    // discovery initiator (sense, slots, final)
  REPLY,    // discovery responder
  SETUP,    // primary: SNRM sent, waiting for UA (also link reset)
  XMIT_P,   // primary holds the P bit and may send
  RECV_P,   // primary waits for the F bit
  PCLOSE,   // primary: DISC sent
  XMIT_S,   // secondary holds the F bit and may send
  RECV_S,   // secondary waits for the P bit
  SCLOSE,   // secondary: RD sent, waiting for DISC
}

export function lapStateName(s: LapState): string {
  switch (s) {
    case LapState.NDM: return "NDM"; case LapState.QUERY: return "QUERY"; case LapState.REPLY: return "REPLY";
    case LapState.SETUP: return "SETUP"; case LapState.XMIT_P: return "XMIT_P"; case LapState.RECV_P: return "RECV_P";
    case LapState.PCLOSE: return "PCLOSE"; case LapState.XMIT_S: return "XMIT_S"; case LapState.RECV_S: return "RECV_S";
    case LapState.SCLOSE: return "SCLOSE";
  }
  return "?";
}

export enum LapErr { Ok = 0, BadState, BadArgument, NotConnected }

/** Event kinds in LapOut.ev. Payloads (little-endian): */
export namespace LapEvent {
  /** status u8 (0 ok, 1 media busy) | count u8 | count × (addr u32 | infoLen u8 | info) */
  export const DISCOVERY: u8 = 1;
  /** role u8 (1 primary, 0 secondary) | peer u32 | baud u32 | txDataSize u16 | txWindow u8 | txXbofs u8 |
   *  rxDataSize u16 | rxWindow u8 | maxTatMs u16 | peerMinTatUs u32 | disconnectS u8 | ca u8 */
  export const CONNECTED: u8 = 2;
  /** the information field of an in-sequence I frame */
  export const DATA: u8 = 3;
  /** reason u8 (DiscReason) */
  export const DISCONNECTED: u8 = 4;
  /** status u8 (1 link degraded: nothing heard for the threshold N1; 2 link recovered) */
  export const STATUS: u8 = 5;
  /** outgoing u8 | IrLAP frame (A C I, no FCS) */
  export const FRAME: u8 = 6;
  /** ASCII text */
  export const TRACE: u8 = 7;
  /** a discovery by another station found us: addr u32 | infoLen u8 | info */
  export const DISCOVERED_BY: u8 = 8;
  /** the link was reset (unacknowledged frames dropped) */
  export const RESET: u8 = 9;
}

export namespace DiscReason {
  export const USER: u8 = 1;          // we asked (DISC/UA or RD/DISC)
  export const PEER: u8 = 2;          // the peer sent DISC (or RD)
  export const LINK_TIMEOUT: u8 = 3;  // nothing heard for the disconnect threshold
  export const CONNECT_FAILED: u8 = 4; // no UA after N3 SNRMs
  export const REFUSED: u8 = 5;       // DM to our SNRM
  export const NEGOTIATION: u8 = 6;   // no common baud / line capacity
  export const RESET_FAILED: u8 = 7;
}

// Timers (reference §2.5).
export const SENSE_US: i64 = 500 * MICROS_PER_MS;        // media sense before discovery (≥ 500 ms)
export const SLOT_US: i64 = 90 * MICROS_PER_MS;          // discovery slot timer (Linux 90 ms)
export const SNRM_US: i64 = 500 * MICROS_PER_MS;         // SETUP retry period
export const N3: i32 = 5;                                 // SNRM attempts
export const N1_US: i64 = 3 * MICROS_PER_SEC;            // "threshold" status after 3 s of silence
export const F_SLACK_US: i64 = 50 * MICROS_PER_MS;       // F-timer beyond the max turnaround
const CLOSE_TRIES: i32 = 3;

const T_NONE: u8 = 0, T_SENSE: u8 = 1, T_SLOT: u8 = 2, T_REPLY: u8 = 3, T_SETUP: u8 = 4, T_F: u8 = 5;

// pending unnumbered responses (sent at the next turn)
const U_NONE: u8 = 0, U_XID: u8 = 1, U_UA_CONN: u8 = 2, U_DM: u8 = 3, U_UA_DISC: u8 = 4, U_UA_RESET: u8 = 5;

const MAX_DS: i32 = 2048;
const MAX_FOUND: i32 = 64; // discovery results kept per round (a flood of XID responses cannot grow memory)
const SIR_MAX: u32 = 115200;
const SEND_RING: i32 = 64 * 1024;

class RxSink extends SirSink {
  constructor(public lap: LapStation) { super(); }
  frame(buf: Uint8Array, len: i32): void { this.lap.onFrame(buf, len); }
  dropped(err: WireErr): void { this.lap.trace("sir drop: " + wireErrName(err)); }
}

export class LapStation {
  state: LapState = LapState.NDM;
  out: LapOut;
  rand: Rand;
  private sink: RxSink | null = null;
  private deframer: SirDeframer = new SirDeframer(2 + MAX_DS + 2 + 8);
  private firDeframer: FirDeframer = new FirDeframer(2 + MAX_DS + 8);
  private f: IrlapRepr = new IrlapRepr();
  private xid: XidRepr = new XidRepr();
  private conn: ConnRepr = new ConnRepr();
  private scratch: Uint8Array = new Uint8Array(96);
  private now: i64 = 0;

  // identity and offer
  myAddr: u32 = 0;
  discoveryInfo: Uint8Array = new Uint8Array(0);
  offer: QosRepr = new QosRepr();
  neg: Negotiated = new Negotiated();

  // line
  baud: u32 = CONTENTION_BAUD;
  private pendingBaud: u32 = 0;
  txEnd: i64 = 0;
  lastRxAt: i64 = i64.MIN_VALUE / 2;
  private xbofs: i32 = CONTENTION_XBOFS;
  private peerMinTat: i64 = CONTENTION_MIN_TAT_US;

  // timers and turns
  private timer: u8 = T_NONE;
  private timerAt: i64 = NEVER;
  private turnAt: i64 = NEVER;
  private pendingU: u8 = U_NONE;

  // discovery
  private slots: i32 = 6;
  private slot: i32 = 0;
  private slotFlags: u8 = 0;
  private busySeen: bool = false;
  private slotDelays: i32 = 0;
  private conflictRounds: i32 = 0;
  private found: Array<u32> = new Array<u32>();
  private foundInfo: Array<Uint8Array> = new Array<Uint8Array>();
  private replySlot: i32 = -1;
  private replyTo: u32 = 0;
  private replied: bool = false;
  private replyFlags: u8 = 0;
  private lastSlot: i32 = 0;

  // connection
  isPrimary: bool = false;
  ca: u8 = 0;
  peerAddr: u32 = 0;
  private retries: i32 = 0;
  private resetting: bool = false;
  private lastHeard: i64 = 0;
  private degraded: bool = false;
  private closeRequested: bool = false;
  private frmrPending: bool = false;
  private frmr: FrmrRepr = new FrmrRepr();
  private pollOnly: bool = false;
  localBusy: bool = false;
  private remoteBusy: bool = false;
  private rejSent: bool = false;
  private peerSentData: bool = false;
  private needReset: bool = false;
  private srej: bool = false;

  // sequence state (modulo 8): va oldest unacked, vs next to send, vh one past the newest stored
  private va: u8 = 0;
  private vs: u8 = 0;
  private vh: u8 = 0;
  private vr: u8 = 0;
  private slotBuf: Array<Uint8Array> = new Array<Uint8Array>(8);
  private slotLen: StaticArray<i32> = new StaticArray<i32>(8);
  private ring: Uint8Array = new Uint8Array(SEND_RING);
  private ringHead: i32 = 0;
  private ringCount: i32 = 0;

  // counters
  framesIn: u32 = 0;
  framesOut: u32 = 0;
  retransmits: u32 = 0;
  bytesDelivered: u64 = 0;

  constructor(seed: u64, out: LapOut) {
    this.out = out;
    this.rand = new Rand(seed);
    this.sink = new RxSink(this);
    for (let i = 0; i < 8; i++) this.slotBuf[i] = new Uint8Array(MAX_DS);
    this.myAddr = this.randomDeviceAddress();
    // default offer: 9600-115200, 500 ms, 64-2048 bytes, window 1-7, 0 extra BOFs, 1 ms, 3/8/12 s
    this.offer.baud = 0x3e; this.offer.maxTat = 0x01; this.offer.dataSize = 0x3f; this.offer.window = 0x7f;
    this.offer.bofs = 0x80; this.offer.minTat = 0x04; this.offer.disc = 0x07; this.offer.has = 127;
  }

  /** My own minimum turnaround (µs): what the transceiver needs after it stops sending. */
  get myMinTatUs(): i64 { return minTatOf(this.offer.minTat); }

  randomDeviceAddress(): u32 {
    let a: u32 = 0;
    while (a == 0 || a == DEV_BROADCAST) a = this.rand.nextU32();
    return a;
  }

  // ---------------------------------------------------------------- tracing and state
  trace(msg: string): void {
    if (!this.out.trace) return;
    this.out.begin(LapEvent.TRACE, msg.length);
    this.out.ev.ascii(msg);
  }

  private setState(s: LapState, why: string): void {
    if (this.out.trace) this.trace("state=" + lapStateName(this.state) + "=>" + lapStateName(s) + " (" + why + ")");
    this.state = s;
  }

  private setTimer(kind: u8, at: i64): void { this.timer = kind; this.timerAt = at; }
  private stopTimer(): void { this.timer = T_NONE; this.timerAt = NEVER; }
  /** Earliest time this station may start a frame: the peer's min turnaround after our last rx. */
  private turnTime(): i64 { const t = this.lastRxAt + this.peerMinTat; return t > this.now ? t : this.now; }

  // ---------------------------------------------------------------- output
  private sendFrame(a: u8, c: u8, info: Uint8Array, off: i32, len: i32): void {
    const tx = this.out.tx;
    let end: i32;
    if (this.baud > SIR_MAX) { // FIR: CRC-32 framing, no BOFs (wire/fir.ts)
      tx.ensure(firLen(len));
      end = firEncode(a, c, info, off, len, tx.data, tx.len);
    } else {
      tx.ensure(sirMaxLen(len, this.xbofs));
      end = sirEncode(a, c, info, off, len, this.xbofs, tx.data, tx.len);
    }
    if (end < 0) { this.trace("tx encode failed"); return; }
    const start = this.txEnd > this.now ? this.txEnd : this.now;
    this.txEnd = start + txTimeUs(this.baud, <i64>(end - tx.len));
    tx.len = end;
    this.framesOut++;
    if (this.out.capture) {
      this.out.begin(LapEvent.FRAME, 3 + len);
      this.out.ev.u8(1); this.out.ev.u8(a); this.out.ev.u8(c);
      this.out.ev.bytes(info, off, len);
    }
  }

  private sendS(kind: Kind, pf: bool): void {
    const a: u8 = (this.ca << 1) | (this.isPrimary ? 1 : 0);
    this.sendFrame(a, controlOf(kind, this.vr, 0, pf), this.scratch, 0, 0);
  }

  private sendU(kind: Kind, cmd: bool, ca: u8, pf: bool, infoLen: i32): void {
    const a: u8 = (ca << 1) | (cmd ? 1 : 0);
    this.sendFrame(a, controlOf(kind, 0, 0, pf), this.scratch, 0, infoLen);
  }

  // ---------------------------------------------------------------- host requests
  /** Discovery with 1, 6, 8 or 16 slots: senses the medium first (reference §2.3). */
  discover(slots: i32, now: i64): LapErr {
    this.now = now;
    if (codeOfSlots(slots) < 0) return LapErr.BadArgument;
    if (this.state != LapState.NDM) return LapErr.BadState;
    this.slots = slots;
    this.slotFlags = <u8>codeOfSlots(slots);
    this.conflictRounds = 0;
    this.busySeen = false;
    this.found.length = 0; this.foundInfo.length = 0;
    this.setState(LapState.QUERY, "discover");
    // sense from the end of our own transmission (a final XID may still be on the air)
    this.setTimer(T_SENSE, (this.txEnd > now ? this.txEnd : now) + SENSE_US);
    return LapErr.Ok;
  }

  /** Connects to a discovered device as primary (SNRM with our QoS offer). */
  connect(addr: u32, now: i64): LapErr {
    this.now = now;
    if (addr == 0 || addr == DEV_BROADCAST) return LapErr.BadArgument;
    if (this.state != LapState.NDM && this.state != LapState.REPLY) return LapErr.BadState;
    this.isPrimary = true;
    this.peerAddr = addr;
    this.ca = <u8>(1 + this.rand.below(0x7e));
    this.retries = 0;
    this.resetting = false;
    this.setState(LapState.SETUP, "connect");
    this.sendSnrm();
    return LapErr.Ok;
  }

  /** Graceful disconnect: the queued data is sent and acknowledged first. */
  disconnect(now: i64): LapErr {
    this.now = now;
    const s = this.state;
    if (s == LapState.SETUP && !this.resetting) { this.toNdm(DiscReason.USER, "disconnect during setup"); return LapErr.Ok; }
    if (s < LapState.XMIT_P) return LapErr.NotConnected;
    this.closeRequested = true;
    this.wake();
    return LapErr.Ok;
  }

  get connected(): bool { return this.state >= LapState.XMIT_P && this.state != LapState.PCLOSE && this.state != LapState.SCLOSE; }
  sendSpace(): i32 { return SEND_RING - this.ringCount; }
  queued(): i32 { return this.ringCount + this.unackedBytes(); }

  /** Queues data for I frames; returns how many bytes were taken. */
  send(src: Uint8Array, off: i32, len: i32): i32 {
    const resetting = this.state == LapState.SETUP && this.resetting;
    if (!(this.connected || resetting) || this.closeRequested) return -1;
    if (<u32>off > <u32>src.length || <u32>len > <u32>(src.length - off)) return -1;
    const n = min(len, SEND_RING - this.ringCount);
    let tail = (this.ringHead + this.ringCount) % SEND_RING;
    const first = min(n, SEND_RING - tail);
    memory.copy(this.ring.dataStart + <usize>tail, src.dataStart + <usize>off, <usize>first);
    if (n > first) memory.copy(this.ring.dataStart, src.dataStart + <usize>(off + first), <usize>(n - first));
    this.ringCount += n;
    this.wake();
    return n;
  }

  // ---------------------------------------------------------------- time
  pollAt(now: i64): i64 {
    let t = this.timerAt;
    if (this.turnAt < t) t = this.turnAt;
    if (this.pendingBaud != 0) { const b = this.txEnd; if (b < t) t = b; }
    if (this.state == LapState.RECV_S || this.state == LapState.SCLOSE || this.state == LapState.XMIT_S) {
      const wd = this.watchdogAt();
      if (wd < t) t = wd;
    }
    return t;
  }

  private watchdogAt(): i64 {
    const thr = <i64>this.neg.disconnectS * MICROS_PER_SEC;
    if (!this.degraded && thr > N1_US) return this.lastHeard + N1_US;
    return this.lastHeard + thr;
  }

  poll(now: i64, busy: bool): void {
    this.now = now;
    if (busy && this.state == LapState.QUERY && this.timer == T_SENSE) this.busySeen = true;
    if (this.pendingBaud != 0 && now >= this.txEnd) this.setBaud(this.pendingBaud);
    // bounded: each step either clears its trigger or moves it into the future
    for (let guard = 0; guard < 8; guard++) {
      if (this.turnAt <= now) { this.turnAt = NEVER; this.turn(); continue; }
      if (this.timerAt <= now) { const k = this.timer; this.stopTimer(); this.expire(k, busy); continue; }
      const s = this.state;
      if ((s == LapState.RECV_S || s == LapState.SCLOSE || s == LapState.XMIT_S) && this.watchdogAt() <= now) { this.watchdog(); continue; }
      break;
    }
    if (this.pendingBaud != 0 && now >= this.txEnd) this.setBaud(this.pendingBaud);
  }

  /** Changes the line rate: a half-received frame at the old rate is dropped. */
  private setBaud(b: u32): void {
    this.pendingBaud = 0;
    if (b == this.baud) return;
    this.baud = b;
    this.deframer.reset();
    this.firDeframer.reset();
    this.trace("baud=" + b.toString());
  }

  private expire(k: u8, busy: bool): void {
    const now = this.now;
    switch (k) {
      case T_SENSE: { // QUERY: media sense over; busy means report media busy (reference §2.3)
        if (this.state != LapState.QUERY) return;
        if (this.busySeen || busy) { this.finishDiscovery(1); return; }
        this.slot = 0;
        this.sendXidCmd(<u8>0);
        return;
      }
      case T_SLOT: { // QUERY: next slot, or the final XID
        if (this.state != LapState.QUERY) return;
        if ((busy || this.lastRxAt > now - 2 * MICROS_PER_MS) && this.slotDelays < 20) {
          this.slotDelays++; this.setTimer(T_SLOT, now + 10 * MICROS_PER_MS); return; // a response is still arriving
        }
        this.slot++;
        if (this.slot < this.slots) { this.sendXidCmd(<u8>this.slot); return; }
        this.sendXidCmd(XID_SLOT_FINAL);
        if (this.hasConflict() && this.conflictRounds < 3) {
          // duplicate device addresses: rediscover with the "generate new address" flag
          this.conflictRounds++;
          this.trace("address conflict: rediscover with new-address flag");
          this.found.length = 0; this.foundInfo.length = 0;
          this.slot = -1;
          this.slotFlags |= XID_FLAG_NEW_ADDR;
          this.setTimer(T_SLOT, this.txEnd + SLOT_US);
          return;
        }
        this.finishDiscovery(0);
        return;
      }
      case T_REPLY: // REPLY: the initiator went away without a final XID
        if (this.state == LapState.REPLY) this.setState(LapState.NDM, "reply timeout");
        return;
      case T_SETUP: { // SETUP: no UA
        if (this.state != LapState.SETUP) return;
        this.retries++;
        if (this.retries >= N3) {
          this.toNdm(this.resetting ? DiscReason.RESET_FAILED : DiscReason.CONNECT_FAILED, "no UA");
          return;
        }
        this.sendSnrm();
        return;
      }
      case T_F: { // RECV_P / PCLOSE: F-timer expired
        const silent = now - this.lastHeard;
        const thr = <i64>this.neg.disconnectS * MICROS_PER_SEC;
        if (silent >= thr) { this.toNdm(DiscReason.LINK_TIMEOUT, "disconnect threshold"); return; }
        if (this.state == LapState.PCLOSE) {
          this.retries++;
          if (this.retries >= CLOSE_TRIES) { this.toNdm(DiscReason.USER, "no UA to DISC"); return; }
          this.sendU(Kind.DISC, true, this.ca, true, 0);
          this.setTimer(T_F, this.txEnd + this.fTimeout());
          return;
        }
        if (this.state != LapState.RECV_P) return;
        if (!this.degraded && silent >= N1_US) { this.degraded = true; this.status(1); }
        this.retries++;
        this.pollOnly = true; // ask for the secondary's status with RR(P)
        this.setState(LapState.XMIT_P, "F-timer");
        this.turn();
        return;
      }
    }
  }

  private watchdog(): void {
    const thr = <i64>this.neg.disconnectS * MICROS_PER_SEC;
    if (this.now - this.lastHeard >= thr) { this.toNdm(DiscReason.LINK_TIMEOUT, "WD-timer: disconnect threshold"); return; }
    if (!this.degraded) { this.degraded = true; this.status(1); }
  }

  /** Something to send this turn: new or unacknowledged data, a close, a reset or an FRMR. */
  private hasWork(): bool {
    const data = this.ringCount > 0 || this.vh != this.vs || this.srej;
    return (data && !this.remoteBusy) || (this.closeRequested && !data) || this.rejSent || this.frmrPending;
  }

  /** Local busy (flow off): answered with RNR; clearing it polls at once. */
  setLocalBusy(on: bool): void {
    this.localBusy = on;
    if (!on) this.wake();
  }

  /** New work while the primary idles on the P-timer: take the turn now. */
  private wake(): void {
    if (this.state == LapState.XMIT_P && this.turnAt != NEVER) {
      const t = this.turnTime();
      if (t < this.turnAt) this.turnAt = t;
    }
  }

  private pTimeout(): i64 { return <i64>this.neg.maxTatMs * MICROS_PER_MS; }

  private fTimeout(): i64 { return <i64>this.neg.maxTatMs * MICROS_PER_MS + 2 * this.peerMinTat + F_SLACK_US; }

  private status(code: u8): void { this.out.begin(LapEvent.STATUS, 1); this.out.ev.u8(code); }

  // ---------------------------------------------------------------- discovery
  private sendXidCmd(slot: u8): void {
    const x = this.xid;
    x.src = this.myAddr; x.dst = DEV_BROADCAST; x.flags = this.slotFlags; x.slot = slot; x.version = 0;
    x.info = slot == XID_SLOT_FINAL ? this.discoveryInfo : null;
    const n = x.emit(this.scratch, 0);
    this.sendU(Kind.XID_CMD, true, CA_BROADCAST, true, n);
    this.slotDelays = 0;
    if (slot != XID_SLOT_FINAL) this.setTimer(T_SLOT, this.txEnd + SLOT_US);
  }

  private hasConflict(): bool {
    const n = this.found.length;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (this.found[i] == this.found[j]) return true;
    return false;
  }

  private finishDiscovery(status: u8): void {
    let len = 2;
    const n = min(this.found.length, 255);
    for (let i = 0; i < n; i++) len += 5 + this.foundInfo[i].length;
    this.out.begin(LapEvent.DISCOVERY, len);
    this.out.ev.u8(status); this.out.ev.u8(<u32>n);
    for (let i = 0; i < n; i++) {
      const info = this.foundInfo[i];
      this.out.ev.u32le(this.found[i]); this.out.ev.u8(<u32>info.length); this.out.ev.bytes(info, 0, info.length);
    }
    this.stopTimer();
    this.setState(LapState.NDM, status == 0 ? "discovery done" : "media busy");
  }

  /** XID command in NDM/REPLY: answer once, in a random slot ≥ the current one. */
  private onXidCmd(buf: Uint8Array, r: IrlapRepr): void {
    const x = this.xid;
    const e = XidRepr.parse(buf, r.infoOff, r.infoLen, x);
    if (e != WireErr.Ok) { this.trace("xid cmd: " + wireErrName(e)); return; }
    if (this.state != LapState.NDM && this.state != LapState.REPLY) { this.trace("xid cmd ignored in " + lapStateName(this.state)); return; }
    if (x.slot == XID_SLOT_FINAL) {
      this.out.begin(LapEvent.DISCOVERED_BY, 5 + x.infoLen);
      this.out.ev.u32le(x.src); this.out.ev.u8(<u32>x.infoLen); this.out.ev.bytes(buf, x.infoOff, x.infoLen);
      if (this.state == LapState.REPLY) { this.stopTimer(); this.setState(LapState.NDM, "final XID"); }
      return;
    }
    const s = x.slots;
    if (<i32>x.slot >= s) { this.trace("xid slot out of range"); return; }
    if (this.state == LapState.NDM || x.src != this.replyTo || <i32>x.slot < this.lastSlot) {
      // a new discovery: pick the slot to answer in (random, ≥ the current one)
      if (x.newAddress) { this.myAddr = this.randomDeviceAddress(); this.trace("new device address"); }
      this.replyTo = x.src;
      this.replied = false;
      this.replyFlags = x.flags & 3;
      this.replySlot = <i32>x.slot + <i32>this.rand.below(<u32>(s - <i32>x.slot));
      this.setState(LapState.REPLY, "xid cmd");
    }
    this.lastSlot = <i32>x.slot;
    this.setTimer(T_REPLY, this.now + <i64>(s - <i32>x.slot + 2) * SLOT_US + SENSE_US);
    if (!this.replied && <i32>x.slot == this.replySlot) {
      this.replied = true;
      this.pendingU = U_XID;
      this.peerMinTat = CONTENTION_MIN_TAT_US;
      this.turnAt = this.turnTime();
    }
  }

  private onXidRsp(buf: Uint8Array, r: IrlapRepr): void {
    if (this.state != LapState.QUERY) { this.trace("xid rsp outside discovery"); return; }
    const x = this.xid;
    const e = XidRepr.parse(buf, r.infoOff, r.infoLen, x);
    if (e != WireErr.Ok) { this.trace("xid rsp: " + wireErrName(e)); return; }
    if (x.dst != this.myAddr) { this.trace("xid rsp for another initiator"); return; }
    if (this.found.length >= MAX_FOUND) { this.trace("xid rsp: too many devices"); return; }
    const info = new Uint8Array(x.infoLen);
    memory.copy(info.dataStart, buf.dataStart + <usize>x.infoOff, <usize>x.infoLen);
    this.found.push(x.src);
    this.foundInfo.push(info);
  }

  // ---------------------------------------------------------------- connection
  private sendSnrm(): void {
    const c = this.conn;
    c.src = this.myAddr; c.dst = this.peerAddr; c.ca = this.ca;
    c.qos.copyFrom(this.offer);
    const n = c.emit(this.scratch, 0, true);
    // a reset SNRM in NRM goes to the connection address at the negotiated rate
    this.sendU(Kind.SNRM, true, this.resetting ? this.ca : CA_BROADCAST, true, n);
    const backoff = <i64>this.rand.below(<u32>(SNRM_US / 2));
    this.setTimer(T_SETUP, this.txEnd + SNRM_US + backoff);
  }

  private onSnrm(buf: Uint8Array, r: IrlapRepr): void {
    const c = this.conn;
    const e = ConnRepr.parse(buf, r.infoOff, r.infoLen, true, c);
    if (e != WireErr.Ok) { this.trace("snrm: " + wireErrName(e)); return; }
    if (this.isSecondaryConnected()) {
      // link reset by the primary (reference §2.4: connected-state SNRM = reset)
      if (r.ca != this.ca && !(r.ca == CA_BROADCAST && c.hasAddrs && c.dst == this.myAddr)) { this.trace("snrm for another link"); return; }
      this.resetSequence();
      this.out.begin(LapEvent.RESET, 0);
      this.pendingU = U_UA_RESET;
      this.setState(LapState.XMIT_S, "reset");
      this.turnAt = this.turnTime();
      return;
    }
    if (this.state != LapState.NDM && this.state != LapState.REPLY) { this.trace("snrm ignored in " + lapStateName(this.state)); return; }
    if (r.ca != CA_BROADCAST || !c.hasAddrs) { this.trace("snrm without addresses"); return; }
    if (c.dst != this.myAddr) { this.trace("snrm for another device"); return; }
    if (c.ca == 0 || c.ca == CA_BROADCAST) { this.trace("snrm with invalid connection address"); return; }
    this.peerAddr = c.src;
    this.ca = c.ca;
    this.isPrimary = false;
    const q = negotiate(this.offer, c.qos, this.neg);
    this.peerMinTat = this.neg.peerMinTatUs;
    if (q != QosErr.Ok) {
      this.trace("negotiation failed");
      this.pendingU = U_DM;
      this.turnAt = this.turnTime();
      return;
    }
    this.stopTimer();
    this.lastHeard = this.now; // the watchdog runs from here on
    this.degraded = false;
    this.pendingU = U_UA_CONN;
    this.setState(LapState.XMIT_S, "snrm");
    this.turnAt = this.turnTime();
  }

  private isSecondaryConnected(): bool {
    const s = this.state;
    return s == LapState.RECV_S || s == LapState.XMIT_S || s == LapState.SCLOSE;
  }

  private onUaInSetup(buf: Uint8Array, r: IrlapRepr): void {
    if (r.ca != this.ca || r.command) { this.trace("ua for another link"); return; }
    if (this.resetting) {
      this.resetting = false;
      this.resetSequence();
      this.out.begin(LapEvent.RESET, 0);
      this.stopTimer();
      this.lastHeard = this.now;
      this.setState(LapState.XMIT_P, "reset done");
      this.turnAt = this.turnTime();
      return;
    }
    const c = this.conn;
    const e = ConnRepr.parse(buf, r.infoOff, r.infoLen, false, c);
    if (e != WireErr.Ok || !c.hasAddrs) { this.trace("ua: " + wireErrName(e)); return; }
    if (c.src != this.peerAddr || c.dst != this.myAddr) { this.trace("ua from another device"); return; }
    const q = negotiate(this.offer, c.qos, this.neg);
    if (q != QosErr.Ok) { this.toNdm(DiscReason.NEGOTIATION, "negotiation failed"); return; }
    this.stopTimer();
    this.enterNrm();
    this.setBaud(this.neg.baud); // the secondary switched right after its UA
    this.setState(LapState.XMIT_P, "ua");
    this.turnAt = this.turnTime();
    this.connectedEvent();
  }

  private enterNrm(): void {
    this.peerMinTat = this.neg.peerMinTatUs;
    this.xbofs = this.neg.txXbofs;
    this.resetSequence();
    this.lastHeard = this.now;
    this.degraded = false;
    this.closeRequested = false;
    this.remoteBusy = false;
    this.retries = 0;
  }

  private resetSequence(): void {
    this.va = 0; this.vs = 0; this.vh = 0; this.vr = 0;
    this.rejSent = false; this.frmrPending = false; this.pollOnly = false; this.srej = false; this.needReset = false;
  }

  private connectedEvent(): void {
    const n = this.neg;
    this.out.begin(LapEvent.CONNECTED, 24);
    const ev = this.out.ev;
    ev.u8(this.isPrimary ? 1 : 0); ev.u32le(this.peerAddr); ev.u32le(n.baud);
    ev.u8(<u32>n.txDataSize & 0xff); ev.u8(<u32>n.txDataSize >> 8); ev.u8(<u32>n.txWindow); ev.u8(<u32>n.txXbofs);
    ev.u8(<u32>n.rxDataSize & 0xff); ev.u8(<u32>n.rxDataSize >> 8); ev.u8(<u32>n.rxWindow);
    ev.u8(n.maxTatMs & 0xff); ev.u8(n.maxTatMs >> 8); ev.u32le(<u32>n.peerMinTatUs); ev.u8(n.disconnectS);
    ev.u8(this.ca);
  }

  private toNdm(reason: u8, why: string): void {
    const wasConnected = this.state != LapState.NDM && this.state != LapState.QUERY && this.state != LapState.REPLY;
    this.setState(LapState.NDM, why);
    this.stopTimer();
    this.turnAt = NEVER;
    this.pendingU = U_NONE;
    this.resetting = false;
    this.closeRequested = false;
    this.ringCount = 0; this.ringHead = 0;
    this.resetSequence();
    this.xbofs = CONTENTION_XBOFS;
    this.peerMinTat = CONTENTION_MIN_TAT_US;
    this.neg.reset();
    if (this.baud != CONTENTION_BAUD) {
      if (this.txEnd > this.now) this.pendingBaud = CONTENTION_BAUD; else this.setBaud(CONTENTION_BAUD);
    }
    if (wasConnected) { this.out.begin(LapEvent.DISCONNECTED, 1); this.out.ev.u8(reason); }
  }

  // ---------------------------------------------------------------- turns (we hold the token)
  private turn(): void {
    const u = this.pendingU;
    if (u != U_NONE) { this.pendingU = U_NONE; this.sendPendingU(u); return; }
    if (this.state == LapState.XMIT_P) this.primaryTransmit();
    else if (this.state == LapState.XMIT_S) this.secondaryTransmit();
  }

  private sendPendingU(u: u8): void {
    if (u == U_XID) {
      const x = this.xid;
      x.src = this.myAddr; x.dst = this.replyTo; x.flags = this.replyFlags; x.slot = <u8>this.replySlot; x.version = 0;
      x.info = this.discoveryInfo;
      const n = x.emit(this.scratch, 0);
      this.sendU(Kind.XID_RSP, false, CA_BROADCAST, true, n);
      return;
    }
    if (u == U_DM) { this.sendU(Kind.DM, false, this.ca, true, 0); return; }
    if (u == U_UA_CONN) {
      const c = this.conn;
      c.src = this.myAddr; c.dst = this.peerAddr;
      c.qos.copyFrom(this.offer);
      c.qos.baud = this.neg.baudBit; c.qos.disc = this.neg.discBit;
      const n = c.emit(this.scratch, 0, false);
      this.sendU(Kind.UA, false, this.ca, true, n);
      this.enterNrm();
      this.pendingBaud = this.neg.baud; // after the UA has left (reference §2.1: secondary applies after UA)
      this.setState(LapState.RECV_S, "ua sent");
      this.connectedEvent();
      return;
    }
    if (u == U_UA_RESET) {
      this.sendU(Kind.UA, false, this.ca, true, 0);
      this.setState(LapState.RECV_S, "reset ua sent");
      return;
    }
    if (u == U_UA_DISC) {
      this.sendU(Kind.UA, false, this.ca, true, 0);
      this.toNdm(DiscReason.PEER, "disc");
      return;
    }
  }

  private unackedBytes(): i32 {
    let n = 0;
    for (let s = this.va; s != this.vh; s = (s + 1) & 7) n += unchecked(this.slotLen[s]);
    return n;
  }

  /** Sends up to a window of I frames (stored ones again first, then new ones); the last carries P/F. */
  private sendWindow(): i32 {
    const a: u8 = (this.ca << 1) | (this.isPrimary ? 1 : 0);
    if (this.srej) { // selective reject: resend the oldest unacknowledged frame only
      this.srej = false;
      if (this.va != this.vs) {
        const s = this.va;
        this.retransmits++;
        this.sendFrame(a, controlOf(Kind.I, this.vr, s, true), unchecked(this.slotBuf[s]), 0, unchecked(this.slotLen[s]));
        return 1;
      }
    }
    const ds = this.neg.txDataSize;
    const stored = <i32>((this.vh - this.vs) & 7);
    const fresh = (this.ringCount + ds - 1) / ds;
    const inflight = <i32>((this.vs - this.va) & 7);
    let n = min(this.neg.txWindow - inflight, stored + fresh);
    if (this.remoteBusy) n = 0;
    if (n <= 0) return 0;
    for (let i = 0; i < n; i++) {
      const s = this.vs;
      if (s == this.vh) { // cut a new frame from the send ring
        const len = min(ds, this.ringCount);
        const buf = unchecked(this.slotBuf[s]);
        const first = min(len, SEND_RING - this.ringHead);
        memory.copy(buf.dataStart, this.ring.dataStart + <usize>this.ringHead, <usize>first);
        if (len > first) memory.copy(buf.dataStart + <usize>first, this.ring.dataStart, <usize>(len - first));
        this.ringHead = (this.ringHead + len) % SEND_RING;
        this.ringCount -= len;
        unchecked((this.slotLen[s] = len));
        this.vh = (this.vh + 1) & 7;
      } else this.retransmits++;
      this.sendFrame(a, controlOf(Kind.I, this.vr, s, i == n - 1), unchecked(this.slotBuf[s]), 0, unchecked(this.slotLen[s]));
      this.vs = (s + 1) & 7;
    }
    return n;
  }

  /** XMIT_P: send a window (P on the last) or an S frame with P, then wait for F. */
  private primaryTransmit(): void {
    if (this.frmrPending) this.frmrPending = false;
    if (this.closeRequested && this.ringCount == 0 && this.va == this.vh) {
      this.sendU(Kind.DISC, true, this.ca, true, 0);
      this.retries = 0;
      this.setState(LapState.PCLOSE, "disconnect");
      this.setTimer(T_F, this.txEnd + this.fTimeout());
      return;
    }
    let sent = 0;
    if (!this.pollOnly) sent = this.sendWindow();
    this.pollOnly = false;
    if (sent == 0) this.sendS(this.localBusy ? Kind.RNR : Kind.RR, true);
    this.setState(LapState.RECV_P, "P sent");
    this.setTimer(T_F, this.txEnd + this.fTimeout());
  }

  /** XMIT_S: answer the P bit: a window (F on the last) or RR/RNR/REJ/FRMR/RD with F. */
  private secondaryTransmit(): void {
    if (this.frmrPending) {
      this.frmrPending = false;
      const n = this.frmr.emit(this.scratch, 0);
      this.sendU(Kind.FRMR, false, this.ca, true, n);
      this.setState(LapState.RECV_S, "frmr sent");
      return;
    }
    if (this.closeRequested && this.ringCount == 0 && this.va == this.vh) {
      this.sendU(Kind.RD, false, this.ca, true, 0);
      this.setState(LapState.SCLOSE, "rd sent");
      return;
    }
    const sent = this.sendWindow();
    if (sent == 0) {
      if (this.localBusy) this.sendS(Kind.RNR, true);
      else if (this.rejSent) this.sendS(Kind.REJ, true);
      else this.sendS(Kind.RR, true);
    }
    this.rejSent = false;
    this.setState(LapState.RECV_S, "F sent");
  }

  // ---------------------------------------------------------------- receive
  rx(src: Uint8Array, off: i32, len: i32, now: i64): void {
    this.now = now;
    if (len <= 0) return;
    this.lastRxAt = now;
    if (this.state == LapState.QUERY && this.timer == T_SENSE) this.busySeen = true;
    if (this.baud > SIR_MAX) this.firDeframer.feed(src, off, len, this.sink!);
    else this.deframer.feed(src, off, len, this.sink!);
  }

  /** A frame that passed the FCS check (called by the de-framer). */
  onFrame(buf: Uint8Array, len: i32): void {
    const r = this.f;
    const e = IrlapRepr.parse(new IrlapFrame(buf, len), r);
    this.framesIn++;
    if (this.out.capture) {
      this.out.begin(LapEvent.FRAME, 1 + len);
      this.out.ev.u8(0); this.out.ev.bytes(buf, 0, len);
    }
    if (e != WireErr.Ok) { this.trace("drop: control " + r.control.toString(16) + " " + wireErrName(e)); this.maybeFrmr(r, FRMR_W); return; }
    if (this.out.trace) this.trace("rx " + kindName(r.kind) + " ca=" + r.ca.toString() + (r.pf ? " P/F" : ""));
    // connectionless frames (reference §2.3/2.4)
    if (r.kind == Kind.XID_CMD) { if (r.command && r.ca == CA_BROADCAST) this.onXidCmd(buf, r); else this.trace("drop: xid cmd address"); return; }
    if (r.kind == Kind.XID_RSP) { if (!r.command) this.onXidRsp(buf, r); else this.trace("drop: xid rsp address"); return; }
    if (r.kind == Kind.SNRM && r.command) { this.onSnrm(buf, r); return; }
    switch (this.state) {
      case LapState.NDM: case LapState.QUERY: case LapState.REPLY:
        this.trace("drop: " + kindName(r.kind) + " in " + lapStateName(this.state));
        return;
      case LapState.SETUP: { // IrLAP SETUP: UA completes, DM refuses
        if (r.kind == Kind.UA && r.pf) { this.onUaInSetup(buf, r); return; }
        if (r.kind == Kind.DM && !r.command && r.ca == this.ca) { this.toNdm(DiscReason.REFUSED, "dm"); return; }
        this.trace("drop: " + kindName(r.kind) + " in SETUP");
        return;
      }
      case LapState.RECV_P: case LapState.XMIT_P: case LapState.PCLOSE:
        if (r.command || r.ca != this.ca) { this.trace("drop: not our response"); return; }
        this.primaryRx(buf, r);
        return;
      case LapState.RECV_S: case LapState.XMIT_S: case LapState.SCLOSE:
        if (!r.command || r.ca != this.ca) { this.trace("drop: not our command"); return; }
        this.secondaryRx(buf, r);
        return;
    }
  }

  private maybeFrmr(r: IrlapRepr, flags: u8): void {
    if (this.state != LapState.RECV_S || !r.command || r.ca != this.ca) return;
    this.frmr.rejected = r.control; this.frmr.vs = this.vs; this.frmr.vr = this.vr; this.frmr.cr = false;
    this.frmr.flags = flags;
    this.frmrPending = true;
    if (r.pf) { this.setState(LapState.XMIT_S, "frmr"); this.turnAt = this.turnTime(); }
  }

  /** N(R) acknowledges frames va..nr-1; false if nr is outside va..vh. */
  private ack(nr: u8): bool {
    if (((nr - this.va) & 7) > ((this.vh - this.va) & 7)) return false;
    this.va = nr;
    if (((this.vs - this.va) & 7) > ((this.vh - this.va) & 7)) this.vs = nr;
    return true;
  }

  /** Accepts an in-sequence I frame; out of sequence asks for a go-back (REJ). */
  private takeI(buf: Uint8Array, r: IrlapRepr): bool {
    if (r.infoLen > this.neg.rxDataSize) { this.trace("drop: I field too long"); return false; }
    if (r.ns != this.vr) { this.trace("drop: out of sequence ns=" + r.ns.toString() + " vr=" + this.vr.toString()); this.rejSent = true; return true; }
    if (this.localBusy) { this.trace("drop: local busy"); return true; }
    this.vr = (this.vr + 1) & 7;
    this.out.begin(LapEvent.DATA, r.infoLen);
    this.out.ev.bytes(buf, r.infoOff, r.infoLen);
    this.bytesDelivered += <u64>r.infoLen;
    return true;
  }

  private heard(): void {
    this.lastHeard = this.now;
    this.retries = 0;
    if (this.degraded) { this.degraded = false; this.status(2); }
  }

  private primaryRx(buf: Uint8Array, r: IrlapRepr): void {
    this.heard();
    if (this.state == LapState.PCLOSE) { // DISC sent: UA or DM ends the link
      if ((r.kind == Kind.UA || r.kind == Kind.DM) && r.pf) this.toNdm(DiscReason.USER, "disc acknowledged");
      else this.trace("drop: " + kindName(r.kind) + " in PCLOSE");
      return;
    }
    if (this.state == LapState.RECV_P && this.timer == T_F) this.setTimer(T_F, this.now + this.fTimeout());
    switch (r.kind) {
      case Kind.I: if (!this.takeI(buf, r)) return; this.peerSentData = true; break;
      case Kind.RR: this.remoteBusy = false; break;
      case Kind.RNR: this.remoteBusy = true; break;
      case Kind.REJ: this.remoteBusy = false; break;
      case Kind.SREJ: this.remoteBusy = false; this.srej = true; break;
      case Kind.RD: this.closeRequested = true; this.ringCount = 0; break; // the secondary asks us to DISC
      case Kind.FRMR: case Kind.RNRM: { // link reset (reference §2.4)
        this.trace("reset requested by " + kindName(r.kind));
        if (!r.pf) return;
        this.resetting = true; this.retries = 0;
        this.setState(LapState.SETUP, "reset");
        this.sendSnrm();
        return;
      }
      case Kind.DM: this.toNdm(DiscReason.PEER, "dm in NRM"); return;
      default: this.trace("drop: " + kindName(r.kind) + " in NRM"); return;
    }
    if (r.kind <= Kind.SREJ && !this.ack(r.nr)) { this.trace("invalid N(R): link reset"); this.srej = false; this.needReset = true; }
    if (r.pf && this.state == LapState.RECV_P && this.needReset) { // IrLAP: an invalid N(R) resets the link
      this.needReset = false;
      this.stopTimer();
      this.resetting = true; this.retries = 0;
      this.setState(LapState.SETUP, "reset");
      this.sendSnrm();
      return;
    }
    if (r.pf && this.state == LapState.RECV_P) {
      // the secondary passed the token back; everything it did not acknowledge goes again (after
      // SREJ only the one frame it names: the peer kept the later ones)
      if (!this.srej && this.vs != this.va) this.vs = this.va;
      this.stopTimer();
      this.setState(LapState.XMIT_P, "F received");
      this.turnAt = this.turnTime();
      // P-timer: an idle link (nothing to send, nothing received, nothing to resend) is polled once
      // per max turnaround rather than back to back (reference §2.5: P = remote max TAT)
      if (!this.peerSentData && !this.hasWork()) this.turnAt = this.now + this.pTimeout();
      this.peerSentData = false;
    }
  }

  private secondaryRx(buf: Uint8Array, r: IrlapRepr): void {
    this.heard();
    switch (r.kind) {
      case Kind.I: if (!this.takeI(buf, r)) { this.maybeFrmr(r, FRMR_Y); return; } break;
      case Kind.RR: this.remoteBusy = false; break;
      case Kind.RNR: this.remoteBusy = true; break;
      case Kind.REJ: this.remoteBusy = false; break;
      case Kind.SREJ: this.remoteBusy = false; this.srej = true; break;
      case Kind.DISC: // reference §2.4: UA, then NDM
        this.pendingU = U_UA_DISC;
        this.setState(LapState.XMIT_S, "disc");
        this.turnAt = this.turnTime();
        return;
      default: this.trace("drop: " + kindName(r.kind) + " in NRM"); this.maybeFrmr(r, FRMR_W); return;
    }
    if (!this.ack(r.nr)) { this.trace("invalid N(R)"); this.srej = false; this.maybeFrmr(r, FRMR_Z); return; }
    if (r.pf) {
      if (!this.srej && this.vs != this.va) this.vs = this.va;
      if (this.state == LapState.SCLOSE) { this.pendingU = U_NONE; this.closeRequested = true; }
      this.setState(LapState.XMIT_S, "P received");
      this.turnAt = this.turnTime();
    }
  }
}
