// One IrLAP station (build/irda.wasm) for the TypeScript layer: moves SIR bytes between a
// transceiver (devices/ir) or a serial bridge and the core, drives its clock, and turns its event
// records into callbacks. No protocol logic here — that is assembly/irda/lap.ts.
// Time is a number of µs (simulated or real, the wiring decides).
import { instantiateCore } from "./wasm.ts";
import { WSA, WinsockError } from "./errors.ts";

export const BAUD_RATES = [2400, 9600, 19200, 38400, 57600, 115200, 576000, 1152000, 4000000, 16000000];
const MAX_TAT_MS = [500, 250, 100, 50, 25, 10, 5];
const DATA_SIZES = [64, 128, 256, 512, 1024, 2048];
const BOFS = [48, 24, 12, 5, 3, 2, 1, 0];
const MIN_TAT_US = [10000, 5000, 1000, 500, 100, 50, 10, 0];
const DISC_S = [3, 8, 12, 16, 20, 25, 30, 40];

export const LapStates = ["NDM", "QUERY", "REPLY", "SETUP", "XMIT_P", "RECV_P", "PCLOSE", "XMIT_S", "RECV_S", "SCLOSE"] as const;
export type LapStateName = (typeof LapStates)[number];
export const DisconnectReasons = ["", "user", "peer", "link-timeout", "connect-failed", "refused", "negotiation", "reset-failed"] as const;
export type DisconnectReason = (typeof DisconnectReasons)[number];

export interface IrdaStationOptions {
  seed: number;
  /** 32-bit device address; random (from the seed) when absent */
  deviceAddress?: number;
  nickname?: string;
  /** service hints as CE writes them (0x8200 → hint bytes 82 00) */
  hints?: number;
  charset?: number;
  /** rates offered: 2400..115200 (SIR) and 4000000 (FIR); 9600 is always included (the contention rate) */
  baudRates?: number[];
  /** the longest max turnaround time offered, ms (500, 250, 100, 50, 25, 10, 5) */
  maxTurnaroundMs?: number;
  /** the largest data size offered (64..2048) */
  maxDataSize?: number;
  /** the largest window offered (1..7) */
  maxWindow?: number;
  /** additional BOFs this station needs, counted at 115200 (48, 24, 12, 5, 3, 2, 1, 0) */
  additionalBofs?: number;
  /** this station's minimum turnaround, µs (10000, 5000, 1000, 500, 100, 50, 10, 0) */
  minTurnaroundUs?: number;
  /** link disconnect thresholds offered, s (3, 8, 12, 16, 20, 25, 30, 40) */
  disconnectThresholds?: number[];
  capture?: boolean;
  trace?: (msg: string, now: number) => void;
}

export interface DiscoveredDevice {
  address: number; hints: number; charset: number; nickname: string; info: Uint8Array;
}
export interface DiscoveryResult { mediaBusy: boolean; devices: DiscoveredDevice[] }
export interface LinkParams {
  role: "primary" | "secondary"; peer: number; connectionAddress: number; baud: number;
  txDataSize: number; txWindow: number; txAdditionalBofs: number; rxDataSize: number; rxWindow: number;
  maxTurnaroundMs: number; peerMinTurnaroundUs: number; disconnectThresholdS: number;
}

function maskOf(values: readonly number[], wanted: (v: number) => boolean): number {
  let m = 0;
  values.forEach((v, i) => { if (wanted(v)) m |= 1 << i; });
  return m;
}
function bitOf(values: readonly number[], v: number, what: string): number {
  const i = values.indexOf(v);
  if (i < 0) throw new WinsockError(WSA.WSAEINVAL, `${what} ${v} is not one of ${values.join(", ")}`);
  return 1 << i;
}

export function parseDiscoveryInfo(address: number, info: Uint8Array): DiscoveredDevice {
  let i = 0, hints = 0;
  while (i < info.length) { const b = info[i++]; hints = (hints << 8) | b; if (!(b & 0x80)) break; }
  const charset = i < info.length ? info[i++] : 0;
  const nickname = new TextDecoder("latin1").decode(info.subarray(i));
  return { address, hints, charset, nickname, info };
}

interface Core {
  memory: WebAssembly.Memory;
  [k: string]: any;
}

export class IrdaStation {
  private core: Core;
  private pending: Uint8Array[] = [];
  private pendingOff = 0;
  private pendingBytes = 0;
  private closeAfterFlush = false;
  private lastBaud = 9600;
  private lastNow = 0;
  /** set by whoever wires the station (medium or serial bridge) */
  mediaBusy: (now: number) => boolean = () => false;
  onFrame?: (frame: Uint8Array, outgoing: boolean, now: number) => void;
  onDiscovery?: (r: DiscoveryResult, now: number) => void;
  onDiscoveredBy?: (d: DiscoveredDevice, now: number) => void;
  onConnected?: (p: LinkParams, now: number) => void;
  onData?: (data: Uint8Array, now: number) => void;
  onDisconnected?: (reason: DisconnectReason, now: number) => void;
  onStatus?: (status: "degraded" | "recovered", now: number) => void;
  onReset?: (now: number) => void;
  onBaudChange?: (baud: number, now: number) => void;
  private traceFn?: (msg: string, now: number) => void;
  link: LinkParams | null = null;

  private constructor(core: Core, opts: IrdaStationOptions) {
    this.core = core;
    this.traceFn = opts.trace;
  }

  static async create(opts: IrdaStationOptions): Promise<IrdaStation> {
    if (typeof opts?.seed !== "number") throw new TypeError("IrdaStation.create: seed must be a number");
    const core = await instantiateCore<Core>("irda");
    const rates = new Set([...(opts.baudRates ?? [9600, 19200, 38400, 57600, 115200]), 9600]);
    for (const r of rates) {
      bitOf(BAUD_RATES, r, "baud rate");
      if (r === 576000 || r === 1152000 || r === 16000000) throw new WinsockError(WSA.WSAEINVAL, `${r} bit/s (MIR/VFIR) is not modelled; SIR rates and 4000000 (FIR) are`);
    }
    const baud = maskOf(BAUD_RATES, (v) => rates.has(v));
    const maxTat = bitOf(MAX_TAT_MS, opts.maxTurnaroundMs ?? 500, "max turnaround");
    bitOf(DATA_SIZES, opts.maxDataSize ?? 2048, "data size");
    const ds = maskOf(DATA_SIZES, (v) => v <= (opts.maxDataSize ?? 2048));
    const w = opts.maxWindow ?? 7;
    if (!Number.isInteger(w) || w < 1 || w > 7) throw new WinsockError(WSA.WSAEINVAL, `window ${w} is not 1..7`);
    const win = (1 << w) - 1;
    const bofs = bitOf(BOFS, opts.additionalBofs ?? 0, "additional BOFs");
    const minTat = bitOf(MIN_TAT_US, opts.minTurnaroundUs ?? 1000, "min turnaround");
    const disc = (opts.disconnectThresholds ?? [3, 8, 12]).reduce((m, s) => m | bitOf(DISC_S, s, "disconnect threshold"), 0);
    const seed = Math.abs(Math.trunc(opts.seed)) % 2 ** 53;
    const addr = opts.deviceAddress ?? 0;
    if (!Number.isInteger(addr) || addr < 0 || addr > 0xffffffff) throw new WinsockError(WSA.WSAEINVAL, "bad device address");
    if (core.init(seed, addr, baud, maxTat, ds, win, bofs, minTat, disc) !== 0) throw new WinsockError(WSA.WSAEINVAL, "bad QoS offer");
    const st = new IrdaStation(core, opts);
    // discovery info: hint bytes, charset, nickname (≤ 32 bytes, reference §2.3)
    const hints = opts.hints ?? 0x8200;
    const hb = hints > 0xff ? [hints >> 8 | 0x80, hints & 0x7f] : [hints & 0x7f];
    const name = new TextEncoder().encode(opts.nickname ?? "wasock");
    const info = new Uint8Array([...hb, opts.charset ?? 0, ...name.subarray(0, 32 - hb.length - 1)]);
    st.bytes(core.ioPtr(), info.length).set(info);
    core.setInfo(info.length);
    if (opts.capture) core.setCapture(true);
    if (opts.trace) core.setTrace(true);
    return st;
  }

  private bytes(ptr: number, len: number): Uint8Array { return new Uint8Array(this.core.memory.buffer, ptr, len); }

  get baud(): number { return this.core.baud(); }
  get minTurnaroundUs(): number { return this.core.minTurnaroundUs(); }
  get deviceAddress(): number { return this.core.deviceAddress(); }
  get state(): LapStateName { return LapStates[this.core.state()]; }
  /** between the connected and the disconnected event (a link reset does not count as down) */
  get connected(): boolean { return this.link !== null; }
  /** bytes accepted by send() but not yet acknowledged by the peer */
  get queued(): number { return this.pendingBytes + this.core.queued(); }
  get stats() { return { framesIn: this.core.framesIn(), framesOut: this.core.framesOut(), retransmits: this.core.retransmits() }; }
  set localBusy(on: boolean) { this.core.setLocalBusy(on); }

  /** Discovery with 1, 6, 8 or 16 slots (after a 500 ms media sense); the result comes as onDiscovery. */
  discover(slots = 6, now?: number): void {
    now = this.at(now);
    this.lapCheck(this.core.discover(slots, now), "discover");
    this.drain(now);
  }
  /** Connects as primary to a discovered device; onConnected (or onDisconnected) follows. */
  connect(deviceAddress: number, now?: number): void {
    now = this.at(now);
    if (!Number.isInteger(deviceAddress)) throw new TypeError("connect: deviceAddress must be an integer");
    this.lapCheck(this.core.connect(deviceAddress >>> 0, now), "connect");
    this.drain(now);
  }
  /** Graceful: everything sent before is delivered and acknowledged first (DISC, or RD as secondary). */
  disconnect(now?: number): void {
    now = this.at(now);
    if (this.pendingBytes > 0 && this.link !== null) { this.closeAfterFlush = true; return; } // after the JS queue drains into the core
    this.lapCheck(this.core.disconnect(now), "disconnect");
    this.drain(now);
  }
  /** Queues data for the link (copied); it goes out as I frames of the negotiated data size. */
  send(data: Uint8Array, now?: number): void {
    now = this.at(now);
    if (!(data instanceof Uint8Array)) throw new TypeError("send: data must be a Uint8Array");
    if (!this.connected) throw new WinsockError(WSA.WSAENOTCONN);
    if (data.length === 0) return;
    this.pending.push(data.slice());
    this.pendingBytes += data.length;
    this.flushPending();
    this.drain(now);
  }

  /** The time of a call: given (finite µs) or the last time this station was told. */
  private at(now: number | undefined): number {
    if (now === undefined) return this.lastNow;
    if (typeof now !== "number" || !Number.isFinite(now)) throw new TypeError("now must be a finite number of µs");
    if (now > this.lastNow) this.lastNow = now;
    return now;
  }

  private lapCheck(rc: number, what: string): void {
    if (rc === 0) return;
    const errno = rc === 1 ? (this.link !== null ? WSA.WSAEISCONN : WSA.WSAEALREADY)
      : rc === 2 ? WSA.WSAEINVAL : WSA.WSAENOTCONN;
    throw new WinsockError(errno, `${what}: ${["ok", "wrong state", "bad argument", "not connected"][rc] ?? rc} (${this.state})`);
  }

  private flushPending(): void {
    const core = this.core;
    while (this.pending.length) {
      const space = Math.min(core.sendSpace(), core.ioCap());
      if (space <= 0) return;
      const head = this.pending[0];
      const n = Math.min(space, head.length - this.pendingOff);
      this.bytes(core.ioPtr(), n).set(head.subarray(this.pendingOff, this.pendingOff + n));
      const took = core.send(n);
      if (took <= 0) return; // full, or not connected right now (a disconnect event clears the queue)
      this.pendingOff += took; this.pendingBytes -= took;
      if (this.pendingOff === head.length) { this.pending.shift(); this.pendingOff = 0; }
    }
  }

  /** Raw SIR bytes from the transceiver; `now` is when the last of them arrived. */
  receive(bytes: Uint8Array, now: number): void {
    now = this.at(now);
    const core = this.core, cap = core.ioCap();
    for (let off = 0; off < bytes.length; off += cap) {
      const n = Math.min(cap, bytes.length - off);
      this.bytes(core.ioPtr(), n).set(bytes.subarray(off, off + n));
      // the core counts whole µs: round arrival up so it never turns around before the last byte ends
      core.rx(n, Math.ceil(now));
    }
    this.drain(now);
  }

  poll(now: number): void {
    now = this.at(now);
    this.core.poll(now, this.mediaBusy(now));
    this.drain(now);
  }

  /** µs of the next poll; `now` while a frame waits in the core to be taken (a request such as
   *  connect() queues one), so a driver that steps to pollAt takes it at once; Infinity = only on ingress. */
  pollAt(now: number): number { return this.core.txLen() > 0 ? now : this.core.pollAt(now); }

  /** Framed bytes to transmit now (whole frames), or null. */
  takeTx(now: number): Uint8Array | null {
    now = this.at(now);
    if (this.core.pollAt(now) <= now) this.poll(now);
    const core = this.core, n = core.txLen();
    if (n === 0) return null;
    const out = this.bytes(core.txPtr(), n).slice();
    core.txClear();
    return out;
  }

  /** Delivers the core's event records (and refills its send ring from the JS queue). */
  private drain(now: number): void {
    const core = this.core;
    if (this.pendingBytes > 0) this.flushPending();
    if (this.closeAfterFlush && this.pendingBytes === 0) { this.closeAfterFlush = false; core.disconnect(now); }
    const n = core.evLen();
    if (n > 0) {
      const evs = this.bytes(core.evPtr(), n).slice();
      core.evClear();
      const dv = new DataView(evs.buffer);
      for (let p = 0; p + 5 <= n;) {
        const kind = evs[p], len = dv.getUint32(p + 1, true);
        this.event(kind, evs.subarray(p + 5, p + 5 + len), dv, p + 5, now);
        p += 5 + len;
      }
      if (this.pendingBytes > 0) this.flushPending();
    }
    const b = core.baud();
    if (b !== this.lastBaud) { this.lastBaud = b; this.onBaudChange?.(b, now); }
  }

  private event(kind: number, body: Uint8Array, dv: DataView, at: number, now: number): void {
    switch (kind) {
      case 1: { // DISCOVERY
        const devices: DiscoveredDevice[] = [];
        let p = 2;
        for (let i = 0; i < body[1]; i++) {
          const addr = dv.getUint32(at + p, true), l = body[p + 4];
          devices.push(parseDiscoveryInfo(addr, body.slice(p + 5, p + 5 + l)));
          p += 5 + l;
        }
        this.onDiscovery?.({ mediaBusy: body[0] === 1, devices }, now);
        return;
      }
      case 2: { // CONNECTED
        this.link = {
          role: body[0] ? "primary" : "secondary", peer: dv.getUint32(at + 1, true), baud: dv.getUint32(at + 5, true),
          txDataSize: dv.getUint16(at + 9, true), txWindow: body[11], txAdditionalBofs: body[12],
          rxDataSize: dv.getUint16(at + 13, true), rxWindow: body[15], maxTurnaroundMs: dv.getUint16(at + 16, true),
          peerMinTurnaroundUs: dv.getUint32(at + 18, true), disconnectThresholdS: body[22], connectionAddress: body[23],
        };
        this.onConnected?.(this.link, now);
        return;
      }
      case 3: this.onData?.(body.slice(), now); return;
      case 4:
        this.pending = []; this.pendingOff = 0; this.pendingBytes = 0; this.link = null; this.closeAfterFlush = false;
        this.onDisconnected?.(DisconnectReasons[body[0]] ?? "", now);
        return;
      case 5: this.onStatus?.(body[0] === 1 ? "degraded" : "recovered", now); return;
      case 6: this.onFrame?.(body.slice(1), body[0] === 1, now); return;
      case 7: this.traceFn?.(new TextDecoder().decode(body), now); return;
      case 8: this.onDiscoveredBy?.(parseDiscoveryInfo(dv.getUint32(at, true), body.slice(5, 5 + body[4])), now); return;
      case 9: this.onReset?.(now); return;
    }
  }
}
