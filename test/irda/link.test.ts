// IrLAP stations over the emulated optical medium, in simulated time: discovery, negotiation,
// bulk transfer at every SIR rate, bit errors, beam blocking, disconnect.
import { describe, expect, it } from "vitest";
import { Net, concat, equalBytes, facing, origin, randomBytes } from "./helpers.ts";
import { IrdaStation, type IrdaStationOptions } from "../../host/node/irda-station.ts";

const IrdaStationCreate = (o: IrdaStationOptions) => IrdaStation.create(o);

const MiB = 1 << 20;

describe("discovery", () => {
  it("finds every device in view and none out of range or angle", async () => {
    const net = new Net({ seed: 3 });
    const a = await net.add("a", origin, { seed: 11, nickname: "alpha" });
    const b = await net.add("b", facing(0.5), { seed: 12, nickname: "bravo" });
    const c = await net.add("c", facing(0.6, 0.05), { seed: 13, nickname: "charlie" });
    await net.add("far", facing(3), { seed: 14, nickname: "far" });                          // out of range
    await net.add("side", { x: 0.5, y: 0.5, heading: -3 * Math.PI / 4 }, { seed: 15, nickname: "side" }); // outside a's cone
    const seen = new Map<number, string>();
    for (let round = 0; round < 3 && seen.size < 2; round++) { // a collision in one slot hides both: ask again
      const r = await net.discover(a, 8);
      expect(r.mediaBusy).toBe(false);
      for (const d of r.devices) seen.set(d.address, d.nickname);
    }
    expect([...seen.values()].sort()).toEqual(["bravo", "charlie"]);
    expect(seen.get(b.station.deviceAddress)).toBe("bravo");
    expect(seen.get(c.station.deviceAddress)).toBe("charlie");
  });

  it("resolves an address conflict with the new-address flag", async () => {
    const net = new Net({ seed: 4 });
    const a = await net.add("a", origin, { seed: 21 });
    const b = await net.add("b", facing(0.5), { seed: 22, nickname: "bravo", deviceAddress: 0x12345678 });
    const c = await net.add("c", facing(0.6, 0.05), { seed: 23, nickname: "charlie", deviceAddress: 0x12345678 });
    const r = await net.discover(a, 16);
    const addrs = r.devices.map((d) => d.address);
    expect(new Set(addrs).size).toBe(addrs.length);
    expect(r.devices.map((d) => d.nickname).sort()).toEqual(["bravo", "charlie"]);
    expect(b.station.deviceAddress).not.toBe(c.station.deviceAddress);
    expect(addrs.sort()).toEqual([b.station.deviceAddress, c.station.deviceAddress].sort());
  });

  it("works with 1 and 16 slots, and answers once per discovery", async () => {
    const net = new Net({ seed: 14 });
    const a = await net.add("a", origin, { seed: 35 });
    const b = await net.add("b", facing(0.5), { seed: 36, nickname: "bravo" });
    const xidResponses = () => { let n = 0; return { count: () => n, hook: (f: Uint8Array, out: boolean) => { if (out && f[1] === 0xbf) n++; } }; };
    for (const slots of [1, 16]) {
      const x = xidResponses();
      b.station.onFrame = x.hook;
      (b.station as any).core.setCapture(true);
      const r = await net.discover(a, slots);
      expect(r.devices.map((d) => d.nickname)).toEqual(["bravo"]);
      expect(x.count()).toBe(1);
    }
  });

  it("rejects bad requests with Winsock errors", async () => {
    const net = new Net({ seed: 15 });
    const a = await net.add("a", origin, { seed: 37 });
    const b = await net.add("b", facing(0.5), { seed: 38 });
    expect(() => a.station.discover(5, 0)).toThrow(expect.objectContaining({ code: "WSAEINVAL" }));
    expect(() => a.station.send(new Uint8Array(1), 0)).toThrow(expect.objectContaining({ code: "WSAENOTCONN" }));
    expect(() => a.station.connect(0xffffffff, 0)).toThrow(expect.objectContaining({ code: "WSAEINVAL" }));
    await expect(IrdaStationCreate({ seed: 1, baudRates: [576000] })).rejects.toMatchObject({ code: "WSAEINVAL" });
    await expect(IrdaStationCreate({ seed: 1, maxWindow: 8 })).rejects.toMatchObject({ code: "WSAEINVAL" });
    net.connect(a, b);
    expect(() => a.station.connect(b.station.deviceAddress, net.t)).toThrow(expect.objectContaining({ code: "WSAEISCONN" }));
    expect(() => a.station.poll(NaN)).toThrow(TypeError);
  });

  it("reports media busy when someone in view is transmitting", async () => {
    const net = new Net({ seed: 5 });
    const a = await net.add("a", origin, { seed: 31 });
    const noisy = net.medium.addTransceiver("noisy", facing(0.4), 9600);
    noisy.transmit(new Uint8Array(1000).fill(0x55), 0); // ~1 s of noise
    const r = await net.discover(a, 6);
    expect(r.mediaBusy).toBe(true);
    expect(a.station.state).toBe("NDM");
  });
});

describe("connection and negotiation", () => {
  it("negotiates W2/DS2048 at 115200 with a 500 ms max turnaround", async () => {
    const net = new Net({ seed: 6 });
    const a = await net.add("a", origin, { seed: 41, maxTurnaroundMs: 500 });
    const b = await net.add("b", facing(0.5), { seed: 42, maxTurnaroundMs: 500 });
    net.connect(a, b);
    for (const p of [a, b]) {
      expect(p.link).toMatchObject({ baud: 115200, txWindow: 2, txDataSize: 2048, maxTurnaroundMs: 500 });
      expect(p.station.baud).toBe(115200);
    }
    expect(a.link!.role).toBe("primary");
    expect(b.link!.role).toBe("secondary");
    expect(a.link!.connectionAddress).toBe(b.link!.connectionAddress);
  });

  it("negotiates W1/DS256 at 9600", async () => {
    const net = new Net({ seed: 7 });
    const a = await net.add("a", origin, { seed: 51 });
    const b = await net.add("b", facing(0.5), { seed: 52, baudRates: [9600] });
    net.connect(a, b);
    for (const p of [a, b]) expect(p.link).toMatchObject({ baud: 9600, txWindow: 1, txDataSize: 256 });
  });

  it("a connect to an absent device fails cleanly", async () => {
    const net = new Net({ seed: 8 });
    const a = await net.add("a", origin, { seed: 61 });
    a.station.connect(0x01020304, 0);
    expect(net.run(30e6, () => a.disconnected !== null)).toBe(true);
    expect(a.disconnected).toBe("connect-failed");
    expect(a.station.state).toBe("NDM");
  });
});

async function transfer(rate: number, bytes: number, opts: { ber?: number; seed?: number; both?: boolean } = {}) {
  const net = new Net({ seed: opts.seed ?? 9, bitErrorRate: 0 });
  const a = await net.add("a", origin, { seed: 71, baudRates: [9600, 19200, 38400, 57600, 115200, 4_000_000] });
  const b = await net.add("b", facing(0.5), { seed: 72, baudRates: [rate] });
  net.connect(a, b);
  expect(a.link!.baud).toBe(rate);
  net.medium.bitErrorRate = opts.ber ?? 0;
  const data = randomBytes(bytes, rate);
  const back = opts.both ? randomBytes(bytes >> 2, rate + 1) : null;
  const t0 = net.t;
  a.station.send(data, net.t);
  if (back) b.station.send(back, net.t);
  const ok = net.run(4 * 3600e6, () => b.rxBytes >= data.length && (!back || a.rxBytes >= back.length));
  expect(ok).toBe(true);
  expect(equalBytes(concat(b.received), data)).toBe(true);
  if (back) expect(equalBytes(concat(a.received), back)).toBe(true);
  return { net, a, b, seconds: (net.t - t0) / 1e6 };
}

describe("data transfer", () => {
  for (const rate of [9600, 19200, 38400, 57600, 115200]) {
    it(`1 MiB byte-exact at ${rate}`, async () => {
      const { seconds, a } = await transfer(rate, MiB);
      // sanity: the transfer took at least the raw line time
      expect(seconds).toBeGreaterThan((MiB * 10) / rate);
      expect(a.station.stats.retransmits).toBe(0);
    });
  }
  it("1 MiB byte-exact at 4 Mbit/s (FIR, W7/DS2048)", async () => {
    const { a } = await transfer(4_000_000, MiB);
    expect(a.link).toMatchObject({ baud: 4_000_000, txWindow: 7, txDataSize: 2048, txAdditionalBofs: 0 });
    expect(a.station.stats.retransmits).toBe(0);
  });
  it("1 MiB byte-exact at 4 Mbit/s with a bit error rate of 1e-5", async () => {
    const { a } = await transfer(4_000_000, MiB, { ber: 1e-5, seed: 11 });
    expect(a.station.stats.retransmits).toBeGreaterThan(0);
  });
  it("1 MiB byte-exact at 115200 with a bit error rate of 1e-5", async () => {
    const { a, b } = await transfer(115200, MiB, { ber: 1e-5 });
    expect(a.station.stats.retransmits).toBeGreaterThan(0);
    expect(b.disconnected).toBe(null);
  });
  it("1 MiB byte-exact at 9600 with a bit error rate of 1e-5", async () => {
    const { a } = await transfer(9600, MiB, { ber: 1e-5, seed: 10 });
    expect(a.station.stats.retransmits).toBeGreaterThan(0);
  });
  it("honours a 10 ms minimum turnaround and 48 extra BOFs asked by one side (no frame lost to the deaf time)", async () => {
    const net = new Net({ seed: 13 });
    const a = await net.add("a", origin, { seed: 75 });
    const b = await net.add("b", facing(0.5), { seed: 76, minTurnaroundUs: 10_000, additionalBofs: 48 });
    net.connect(a, b);
    expect(b.xcvr.minTurnaroundUs).toBe(10_000);
    expect(a.link).toMatchObject({ baud: 115200, peerMinTurnaroundUs: 10_000, txAdditionalBofs: 48, txWindow: 2 });
    expect(b.link).toMatchObject({ peerMinTurnaroundUs: 1000, txAdditionalBofs: 0 });
    const data = randomBytes(300_000, 3), back = randomBytes(100_000, 4);
    a.station.send(data, net.t); b.station.send(back, net.t);
    expect(net.run(3600e6, () => b.rxBytes >= data.length && a.rxBytes >= back.length)).toBe(true);
    expect(equalBytes(concat(b.received), data)).toBe(true);
    expect(equalBytes(concat(a.received), back)).toBe(true);
    expect(a.station.stats.retransmits + b.station.stats.retransmits).toBe(0);
  });
  it("local busy at the receiver (RNR) holds the sender; clearing it resumes, byte-exact", async () => {
    const net = new Net({ seed: 16 });
    const a = await net.add("a", origin, { seed: 77 });
    const b = await net.add("b", facing(0.5), { seed: 78 });
    net.connect(a, b);
    const data = randomBytes(400_000, 8);
    a.station.send(data, net.t);
    net.run(5e6);
    b.station.localBusy = true;
    net.run(1e6);
    const held = b.rxBytes, sent = a.station.stats.framesOut;
    net.run(10e6); // 10 s of flow-off: nothing delivered, only polls (one per max turnaround)
    expect(b.rxBytes).toBe(held);
    expect(a.station.stats.framesOut - sent).toBeLessThanOrEqual(21);
    expect(a.link).not.toBe(null);
    b.station.localBusy = false;
    expect(net.run(600e6, () => b.rxBytes >= data.length)).toBe(true);
    expect(equalBytes(concat(b.received), data)).toBe(true);
  });
  it("both directions at once at 57600", async () => {
    await transfer(57600, 256 * 1024, { both: true });
  });
});

describe("three stations", () => {
  it("a third station senses the busy link, and its discovery bursts cannot corrupt a transfer", async () => {
    const net = new Net({ seed: 17 });
    const a = await net.add("a", origin, { seed: 111 });
    const b = await net.add("b", facing(0.5), { seed: 112 });
    // c sees both a and b (wide cone) and they see it
    const c = await net.add("c", { x: 0.25, y: -0.05, heading: Math.PI / 2, halfAngle: Math.PI }, { seed: 113 });
    net.medium.move(a.xcvr as any, { ...origin, halfAngle: Math.PI });
    net.medium.move(b.xcvr as any, { ...facing(0.5), halfAngle: Math.PI });
    net.connect(a, b);
    const data = randomBytes(300_000, 12);
    a.station.send(data, net.t);
    net.run(2e6);
    const r = await net.discover(c, 6); // the link keeps the medium busy: c must not barge in
    expect(r.mediaBusy).toBe(true);
    // force c onto the air anyway: raw noise bursts collide with the link's frames
    for (let i = 0; i < 5; i++) { c.xcvr.transmit(new Uint8Array(200).fill(0x42), net.t); net.run(3e6); }
    expect(net.run(600e6, () => b.rxBytes >= data.length)).toBe(true);
    expect(equalBytes(concat(b.received), data)).toBe(true);
    expect(a.disconnected).toBe(null);
    expect(a.station.stats.retransmits).toBeGreaterThan(0); // the bursts did hit frames
  });
});

describe("IrSimulation with bare stations (the endpoint contract, no test helpers)", () => {
  it("discovers, connects at once (pollAt is now while the SNRM waits) and moves data", async () => {
    const { OpticalMedium } = await import("../../devices/ir/medium.ts");
    const { IrSimulation } = await import("../../devices/ir/sim.ts");
    const { IrdaStation } = await import("../../host/node/irda-station.ts");
    const sim = new IrSimulation(new OpticalMedium({ seed: 1 }));
    const a = await IrdaStation.create({ seed: 101, nickname: "a" });
    const b = await IrdaStation.create({ seed: 102, nickname: "b" });
    sim.add("a", a, origin);
    sim.add("b", b, facing(0.5));
    let found: number[] = [];
    a.onDiscovery = (r) => { found = r.devices.map((d) => d.address); };
    a.discover(6, sim.now);
    expect(sim.run(sim.now + 5e6, () => found.length > 0)).toBe(true);
    expect(found).toEqual([b.deviceAddress]);
    const t0 = sim.now;
    a.connect(found[0], t0);
    // the SNRM waits in the core: pollAt says "now" until it is taken, then the next timer
    expect(a.pollAt(t0)).toBe(t0);
    expect(sim.nextAt()).toBe(t0);
    sim.step();
    expect(sim.now).toBe(t0);
    expect(a.pollAt(t0)).toBeGreaterThan(t0);
    expect(sim.run(sim.now + 5e6, () => a.connected && b.connected && b.baud === 115200)).toBe(true);
    const data = randomBytes(100_000, 9);
    const got: Uint8Array[] = [];
    b.onData = (d) => got.push(d);
    a.send(data, sim.now);
    expect(sim.run(sim.now + 60e6, () => got.reduce((n, c) => n + c.length, 0) >= data.length)).toBe(true);
    expect(equalBytes(concat(got), data)).toBe(true);
  });
});

describe("beam blocking and disconnect", () => {
  async function connected(threshold: number[] = [3, 8, 12]) {
    const net = new Net({ seed: 12 });
    const a = await net.add("a", origin, { seed: 81, disconnectThresholds: threshold });
    const b = await net.add("b", facing(0.5), { seed: 82, disconnectThresholds: threshold });
    net.connect(a, b);
    return { net, a, b };
  }

  it("a beam blocked for less than the threshold recovers and the data arrives intact", async () => {
    const { net, a, b } = await connected();
    expect(a.link!.disconnectThresholdS).toBe(12);
    const data = randomBytes(200_000, 5);
    a.station.send(data, net.t);
    net.run(3e6);
    net.medium.setBlocked(a.xcvr as any, b.xcvr as any, true);
    net.run(5e6); // 5 s: past the 3 s status threshold, short of 12 s
    expect(a.status).toContain("degraded");
    expect(a.link).not.toBe(null);
    net.medium.setBlocked(a.xcvr as any, b.xcvr as any, false);
    expect(net.run(600e6, () => b.rxBytes >= data.length)).toBe(true);
    expect(equalBytes(concat(b.received), data)).toBe(true);
    expect(a.status).toEqual(["degraded", "recovered"]);
    expect(a.disconnected).toBe(null);
    expect(b.disconnected).toBe(null);
  });

  it("a beam blocked for longer than the threshold disconnects both sides cleanly, and they can reconnect", async () => {
    const { net, a, b } = await connected();
    a.station.send(randomBytes(100_000, 6), net.t);
    net.run(2e6);
    net.medium.setBlocked(a.xcvr as any, b.xcvr as any, true);
    expect(net.run(30e6, () => a.disconnected !== null && b.disconnected !== null)).toBe(true);
    expect(a.disconnected).toBe("link-timeout");
    expect(b.disconnected).toBe("link-timeout");
    expect(a.station.state).toBe("NDM");
    expect(b.station.state).toBe("NDM");
    expect(a.station.baud).toBe(9600);
    net.run(1e6);
    expect(b.station.baud).toBe(9600);
    // nothing keeps running: no timers left in either station
    expect(a.station.pollAt(net.t)).toBe(Infinity);
    net.medium.setBlocked(a.xcvr as any, b.xcvr as any, false);
    net.connect(a, b);
    expect(a.link!.baud).toBe(115200);
  });

  it("disconnect after the queued data: DISC/UA ends both sides", async () => {
    const { net, a, b } = await connected();
    const data = randomBytes(300_000, 7); // more than the core's 64 KiB send ring
    a.station.send(data, net.t);
    a.station.disconnect(net.t);
    expect(net.run(60e6, () => a.disconnected !== null && b.disconnected !== null)).toBe(true);
    expect(equalBytes(concat(b.received), data)).toBe(true);
    expect(a.disconnected).toBe("user");
    expect(b.disconnected).toBe("peer");
  });

  it("a secondary's disconnect goes through RD and the primary's DISC", async () => {
    const { net, a, b } = await connected();
    b.station.disconnect(net.t);
    expect(net.run(60e6, () => a.disconnected !== null && b.disconnected !== null)).toBe(true);
    expect(a.disconnected).toBe("user");
    expect(b.disconnected).toBe("peer");
  });
});
