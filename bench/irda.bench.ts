// IrLAP over the emulated optical medium, in simulated time. For each SIR rate: the I-field
// throughput as a share of the computed limit (issue 3), the same with all-escaped data (each byte
// doubles on the wire: about half), and how fast the simulation runs (simulated s per wall s).
// Limit per cycle: W I frames of (1 BOF + extra BOFs + (A + C + DS + 2 FCS) × (1 + e) + 1 EOF) byte
// times, e = 3/256 for random data (1 when every byte is escaped), plus one RR frame (6 + extra BOFs
// bytes) and the two minimum turnarounds; at SIR a byte takes 10/baud s.
// At FIR (4 Mbit/s, 8 bits a byte) a frame costs 24 byte times of framing and no escapes, so the
// escaped column equals the random one there.
// Also: 10^6 fuzzed frames through the station engines (issue 3: "10^6 in a bench run").
import { performance } from "node:perf_hooks";
import { instantiateCore } from "../host/node/wasm.ts";
import { Net, concat, equalBytes, facing, origin, randomBytes } from "../test/irda/helpers.ts";

async function measure(rate: number, bytes: number, data: Uint8Array, e: number) {
  const net = new Net({ seed: 1 });
  const a = await net.add("a", origin, { seed: 1, baudRates: [9600, 19200, 38400, 57600, 115200, 4_000_000] });
  const b = await net.add("b", facing(0.5), { seed: 2, baudRates: [rate] });
  net.connect(a, b);
  const L = a.link!, R = b.link!;
  const t0 = net.t;
  const w0 = performance.now();
  a.station.send(data, net.t);
  if (!net.run(24 * 3600e6, () => b.rxBytes >= bytes)) throw new Error("transfer did not finish");
  const wall = (performance.now() - w0) / 1000;
  if (!equalBytes(concat(b.received), data)) throw new Error("data corrupted");
  const sim = (net.t - t0) / 1e6;
  const fir = rate > 115200;
  const byteUs = (fir ? 8e6 : 10e6) / rate;
  // FIR: 24 byte times of preamble, flags and CRC-32 around A C I, no escaping (wire/fir.ts)
  const frameBytes = fir ? 24 + 2 + L.txDataSize : 1 + L.txAdditionalBofs + (2 + L.txDataSize + 2) * (1 + e) + 1;
  const rrBytes = fir ? 26 : 6 + R.txAdditionalBofs;
  const cycleUs = (L.txWindow * frameBytes + rrBytes) * byteUs + L.peerMinTurnaroundUs + R.peerMinTurnaroundUs;
  const limit = (L.txWindow * L.txDataSize) / (cycleUs / 1e6); // bytes/s
  const got = bytes / sim;
  return { L, limit, got, pct: (100 * got) / limit, speed: sim / wall, sim, wall };
}

export default async function () {
  const rows: string[] = [];
  const head = "rate     W/DS     limit B/s  random B/s  %limit   escaped B/s  %limit  esc/random  sim speed";
  console.log(head);
  for (const rate of [9600, 19200, 38400, 57600, 115200, 4_000_000]) {
    const n = rate <= 19200 ? 256 * 1024 : 1 << 20;
    const r = await measure(rate, n, randomBytes(n, rate), 3 / 256);
    const m = n >> 2;
    const esc = await measure(rate, m, new Uint8Array(m).fill(0x7d), 1);
    const row = `${String(rate).padEnd(8)} W${r.L.txWindow}/${String(r.L.txDataSize).padEnd(5)} ${r.limit.toFixed(0).padStart(9)} ` +
      `${r.got.toFixed(0).padStart(11)} ${r.pct.toFixed(2).padStart(7)}% ${esc.got.toFixed(0).padStart(12)} ${esc.pct.toFixed(2).padStart(6)}% ` +
      `${(esc.got / r.got).toFixed(3).padStart(10)} ${(r.speed).toFixed(0).padStart(8)}×  (${r.sim.toFixed(1)} s simulated in ${r.wall.toFixed(2)} s)`;
    console.log(row);
    rows.push(row);
  }
  console.log("goals: 97-100.5% of the limit, escaped ≈ 0.5 of random, ≥ 100× real time");
  const h: any = await instantiateCore("test/irda");
  const w0 = performance.now();
  const accepted = h.fuzz(777n, 1_000_000);
  console.log(`fuzz: 10^6 frames, ${accepted} past the FCS check, no trap, ${((performance.now() - w0) / 1000).toFixed(1)} s`);
}
