// Shared set-up for the IrDA link tests: stations on the devices engineer's OpticalMedium, driven in
// simulated time by the product driver, devices/ir/sim.ts (IrSimulation).
import { OpticalMedium, type Placement, type Transceiver } from "../../devices/ir/medium.ts";
import { IrSimulation } from "../../devices/ir/sim.ts";
import { IrdaStation, type IrdaStationOptions, type LinkParams, type DiscoveryResult, type DisconnectReason } from "../../host/node/irda-station.ts";

export interface Peer {
  name: string;
  station: IrdaStation;
  xcvr: Transceiver;
  received: Uint8Array[];
  rxBytes: number;
  link: LinkParams | null;
  discovery: DiscoveryResult | null;
  disconnected: DisconnectReason | null;
  status: string[];
}

export class Net {
  medium: OpticalMedium;
  sim: IrSimulation;
  peers: Peer[] = [];
  constructor(opts: { seed?: number; bitErrorRate?: number } = {}) {
    this.medium = new OpticalMedium(opts);
    this.sim = new IrSimulation(this.medium);
  }

  /** Current simulated time, µs. */
  get t(): number { return this.sim.now; }

  async add(name: string, place: Placement, opts: IrdaStationOptions): Promise<Peer> {
    const st = await IrdaStation.create(opts);
    const { transceiver } = this.sim.add(name, st, place);
    const p: Peer = { name, station: st, xcvr: transceiver, received: [], rxBytes: 0, link: null, discovery: null, disconnected: null, status: [] };
    st.onData = (d) => { p.received.push(d); p.rxBytes += d.length; };
    st.onConnected = (l) => { p.link = l; p.disconnected = null; };
    st.onDiscovery = (r) => { p.discovery = r; };
    st.onDisconnected = (r) => { p.disconnected = r; p.link = null; };
    st.onStatus = (s) => { p.status.push(s); };
    this.peers.push(p);
    return p;
  }

  /** Runs until done() or `forUs` of simulated time pass; returns whether done() held. */
  run(forUs: number, done: () => boolean = () => false): boolean {
    this.sim.run(this.t + forUs, done);
    return done();
  }

  async discover(p: Peer, slots = 6): Promise<DiscoveryResult> {
    p.discovery = null;
    p.station.discover(slots, this.t);
    if (!this.run(20e6, () => p.discovery !== null)) throw new Error("discovery did not finish");
    return p.discovery!;
  }

  connect(a: Peer, b: Peer): void {
    a.station.connect(b.station.deviceAddress, this.t);
    // connected on both sides, and both transceivers at the new rate (the secondary switches once its UA has left)
    const done = () => a.link !== null && b.link !== null && a.station.baud === a.link.baud && b.station.baud === b.link.baud;
    if (!this.run(10e6, done)) throw new Error("connect did not finish");
  }
}

/** Placements: a at the origin facing +x, others facing it at distance d along +x. */
export const facing = (x: number, y = 0): Placement => ({ x, y, heading: Math.atan2(-y, -x) });
export const origin: Placement = { x: 0, y: 0, heading: 0 };

export function concat(chunks: Uint8Array[]): Uint8Array {
  let n = 0; for (const c of chunks) n += c.length;
  const out = new Uint8Array(n); let p = 0;
  for (const c of chunks) { out.set(c, p); p += c.length; }
  return out;
}

/** Deterministic test data (xorshift32). */
export function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x; out[i + 1] = x >>> 8; out[i + 2] = x >>> 16; out[i + 3] = x >>> 24;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}
