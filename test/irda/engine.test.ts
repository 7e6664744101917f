// Scripted IrLAP exchanges: the test plays the other station byte for byte (frames built and parsed
// with the wire harness) against one IrdaStation, at explicit simulated times. Control bytes follow
// reference §2.2 (A = CA<<1 | C/R; C of I = NR<<5 | NS<<1 | P/F, RR 0x01, RNR 0x05, REJ 0x09, UA 0x63,
// DISC 0x43, SNRM 0x83, FRMR 0x87, P/F 0x10).
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { IrdaStation } from "../../host/node/irda-station.ts";

let h: any;
beforeAll(async () => { h = await instantiateCore("test/irda"); });

const ME = 0x11223344;
const CA = 0x25;
const A_CMD = (CA << 1) | 1, A_RSP = CA << 1;
// 9600 only, 500 ms, 64..2048, window 1..7, 0 BOFs, 1 ms, 3/8/12 s
const OFFER = new Uint32Array([0x02, 0x01, 0x3f, 0x7f, 0x80, 0x04, 0x07]);
const MS = 1000;

function wireOf(a: number, c: number, info: ArrayLike<number> = []): Uint8Array {
  return h.sirEncode(new Uint8Array([a, c, ...Array.from(info)]), 0);
}
function framesOf(bytes: Uint8Array | null): Uint8Array[] {
  if (!bytes) return [];
  const res: Uint8Array = h.deframe(bytes, 1 << 20, 0, 2200);
  const out: Uint8Array[] = [];
  for (let p = 3; p < res.length;) { const l = res[p] | (res[p + 1] << 8); out.push(res.slice(p + 2, p + 2 + l)); p += 2 + l; }
  return out;
}

class Script {
  t = 0;
  data: string[] = [];
  events: string[] = [];
  constructor(public st: IrdaStation) {
    st.onData = (d) => this.data.push(new TextDecoder().decode(d));
    st.onConnected = (l) => this.events.push(`connected ${l.role}`);
    st.onDisconnected = (r) => this.events.push(`disconnected ${r}`);
    st.onReset = () => this.events.push("reset");
    st.onStatus = (s) => this.events.push(s);
  }
  /** the peer sends a frame at time t */
  send(t: number, a: number, c: number, info: ArrayLike<number> = []): void {
    this.t = t;
    this.st.receive(wireOf(a, c, info), t);
  }
  /** everything the station transmits between now and t (polling at its own times) */
  until(t: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let i = 0; i < 1000; i++) {
      const at = this.st.pollAt(this.t);
      const step = Math.max(this.t, Math.min(at, t));
      this.t = step;
      out.push(...framesOf(this.st.takeTx(step)));
      if (at > t || (at <= step && this.st.pollAt(step) > t)) break;
    }
    this.t = t;
    out.push(...framesOf(this.st.takeTx(t)));
    return out;
  }
}
const hex = (f: Uint8Array) => [...f].map((x) => x.toString(16).padStart(2, "0")).join(" ");
const ac = (f: Uint8Array) => [f[0], f[1]];

describe("secondary, scripted", () => {
  async function connectedSecondary(offer = OFFER): Promise<Script> {
    const st = await IrdaStation.create({ seed: 5, baudRates: [9600] });
    const s = new Script(st);
    const snrm = h.connEmit(ME, st.deviceAddress, CA, true, offer);
    s.send(0, 0xff, 0x93, snrm);
    // silent for our minimum turnaround (1 ms), then UA (F) with its QoS
    expect(s.until(0.9 * MS)).toEqual([]);
    const [ua, ...rest] = s.until(200 * MS);
    expect(rest).toEqual([]);
    expect(ac(ua)).toEqual([A_RSP, 0x73]);
    const f: Float64Array = h.connFields(ua.subarray(2), false);
    expect([f[0], f[1], f[2], f[4], f[5]]).toEqual([0, st.deviceAddress, ME, 1, 0x02]);
    expect(s.events).toEqual(["connected secondary"]);
    return s;
  }

  it("SNRM → UA, I frames in and out, REJ, go-back, FRMR, reset, RNR, DISC", async () => {
    const s = await connectedSecondary();
    let t = 300 * MS;
    const ex = (a: number, c: number, info: ArrayLike<number> = []) => { s.send(t, a, c, info); const f = s.until(t += 300 * MS); return f; };
    const enc = (x: string) => new TextEncoder().encode(x);

    // I(ns 0, P) → data up, RR(nr 1, F)
    expect(ex(A_CMD, 0x10, enc("abc")).map(ac)).toEqual([[A_RSP, 0x31]]);
    expect(s.data).toEqual(["abc"]);
    // I(ns 2, P) out of sequence → REJ(nr 1, F), nothing delivered
    expect(ex(A_CMD, 0x14, enc("zzz")).map(ac)).toEqual([[A_RSP, 0x39]]);
    // I(ns 1, P) → RR(nr 2, F)
    expect(ex(A_CMD, 0x12, enc("def")).map(ac)).toEqual([[A_RSP, 0x51]]);
    expect(s.data).toEqual(["abc", "def"]);
    // the secondary has data: RR(P) → I(ns 0, nr 2, F)
    s.st.send(enc("xyz"), t);
    let f = ex(A_CMD, 0x11);
    expect(f.map(ac)).toEqual([[A_RSP, 0x50]]);
    expect(new TextDecoder().decode(f[0].subarray(2))).toBe("xyz");
    // RR(nr 0, P): it was not received → sent again
    f = ex(A_CMD, 0x11);
    expect(f.map(ac)).toEqual([[A_RSP, 0x50]]);
    expect(s.st.stats.retransmits).toBe(1);
    // RR(nr 1, P) acknowledges it → RR(nr 2, F)
    expect(ex(A_CMD, 0x31).map(ac)).toEqual([[A_RSP, 0x51]]);
    // RR(nr 5, P): invalid N(R) → FRMR(F) with the rejected control and Z
    f = ex(A_CMD, 0xb1);
    expect(f.map(ac)).toEqual([[A_RSP, 0x97]]);
    expect(hex(f[0].subarray(2))).toBe(hex(new Uint8Array([0xb1, (2 << 5) | (1 << 1), 0x08])));
    // link reset: SNRM on the connection address → UA, sequence numbers back to 0
    f = ex(A_CMD, 0x93, h.connEmit(ME, s.st.deviceAddress, CA, true, OFFER));
    expect(f.map(ac)).toEqual([[A_RSP, 0x73]]);
    expect(s.events).toContain("reset");
    expect(ex(A_CMD, 0x10, enc("ghi")).map(ac)).toEqual([[A_RSP, 0x31]]);
    expect(s.data).toEqual(["abc", "def", "ghi"]);
    // local busy → RNR(F)
    s.st.localBusy = true;
    expect(ex(A_CMD, 0x11).map(ac)).toEqual([[A_RSP, 0x35]]);
    s.st.localBusy = false;
    // DISC → UA(F), NDM
    expect(ex(A_CMD, 0x53).map(ac)).toEqual([[A_RSP, 0x73]]);
    expect(s.events.at(-1)).toBe("disconnected peer");
    expect(s.st.state).toBe("NDM");
  });

  it("sends a window ending in F, and after SREJ resends only the frame it names", async () => {
    // we receive at most 64 bytes: at 9600/500 ms the line capacity (400) allows W5 × (64 + 6)
    const s = await connectedSecondary(new Uint32Array([0x02, 0x01, 0x01, 0x7f, 0x80, 0x04, 0x07]));
    s.st.send(new Uint8Array(64 * 8).map((_, i) => i >> 6), 300 * MS);
    s.send(300 * MS, A_CMD, 0x11); // RR(nr 0, P)
    let f = s.until(1000 * MS);
    expect(f.map(ac)).toEqual([[A_RSP, 0x00], [A_RSP, 0x02], [A_RSP, 0x04], [A_RSP, 0x06], [A_RSP, 0x18]]);
    expect(f.map((x) => x[2])).toEqual([0, 1, 2, 3, 4]);
    // SREJ(nr 1, P): frame 0 acknowledged, frame 1 missing, 2..4 kept by us → I(ns 1, F) alone
    s.send(1000 * MS, A_CMD, 0x3d);
    f = s.until(1300 * MS);
    expect(f.map(ac)).toEqual([[A_RSP, 0x12]]);
    expect(f[0][2]).toBe(1);
    // RR(nr 5, P): all five acknowledged → the last three frames (ns 5, 6, 7), F on the last
    s.send(1300 * MS, A_CMD, 0xb1);
    f = s.until(2000 * MS);
    expect(f.map(ac)).toEqual([[A_RSP, 0x0a], [A_RSP, 0x0c], [A_RSP, 0x1e]]);
    expect(f.map((x) => x[2])).toEqual([5, 6, 7]);
    expect(s.st.stats.retransmits).toBe(1);
  });

  it("ignores frames for another connection address or with the wrong C/R bit", async () => {
    const s = await connectedSecondary();
    s.send(300 * MS, ((CA + 1) << 1) | 1, 0x11);
    expect(s.until(600 * MS)).toEqual([]);
    s.send(700 * MS, A_RSP, 0x11); // a response where a command belongs
    expect(s.until(1000 * MS)).toEqual([]);
    s.send(1100 * MS, A_CMD, 0x11);
    expect(s.until(1400 * MS).map(ac)).toEqual([[A_RSP, 0x11]]);
  });

  it("the watchdog disconnects after the threshold of silence, with a status at 3 s", async () => {
    const s = await connectedSecondary();
    s.until(20_000 * MS);
    expect(s.events).toEqual(["connected secondary", "degraded", "disconnected link-timeout"]);
    expect(s.st.state).toBe("NDM");
  });
});

describe("primary, scripted", () => {
  const PEER = 0x55667788;
  async function connectedPrimary(): Promise<{ s: Script; ca: number }> {
    const st = await IrdaStation.create({ seed: 6, baudRates: [9600] });
    const s = new Script(st);
    st.connect(PEER, 0);
    const [snrm] = s.until(1 * MS);
    expect(ac(snrm)).toEqual([0xff, 0x93]);
    const f: Float64Array = h.connFields(snrm.subarray(2), true);
    expect([f[0], f[1], f[2], f[4]]).toEqual([0, st.deviceAddress, PEER, 1]);
    const ca = f[3];
    expect(ca).toBeGreaterThan(0); expect(ca).toBeLessThan(0x7f);
    s.send(100 * MS, ca << 1, 0x73, h.connEmit(PEER, st.deviceAddress, 0, false, OFFER));
    expect(s.events).toEqual(["connected primary"]);
    return { s, ca };
  }

  it("polls with RR(P), sends a window ending in P, honours RNR, resets on FRMR, polls again on the F-timer", async () => {
    const { s, ca } = await connectedPrimary();
    const aC = (ca << 1) | 1, aR = ca << 1;
    // nothing to send: RR(P) after the peer's minimum turnaround (1 ms)
    expect(s.until(100.9 * MS)).toEqual([]);
    expect(s.until(150 * MS).map(ac)).toEqual([[aC, 0x11]]);
    // data: 300 bytes at 9600 → W1/DS256: I(ns 0, P) of 256 bytes
    s.st.send(new Uint8Array(300).fill(0x41), 150 * MS);
    s.send(200 * MS, aR, 0x11); // RR(nr 0, F)
    let f = s.until(600 * MS);
    expect(f.map(ac)).toEqual([[aC, 0x10]]);
    expect(f[0].length).toBe(2 + 256);
    // RNR(nr 1, F): acknowledged, but the peer is busy → nothing until the P-timer (max turnaround,
    // 500 ms), then RR(P) only; its own V(R) is still 0
    s.send(700 * MS, aR, 0x35);
    expect(s.until(1150 * MS)).toEqual([]);
    expect(s.until(1300 * MS).map(ac)).toEqual([[aC, 0x11]]);
    // RR(nr 1, F) → the remaining 44 bytes as I(ns 1, P) at once
    s.send(1400 * MS, aR, 0x31);
    f = s.until(1500 * MS);
    expect(f.map(ac)).toEqual([[aC, 0x12]]);
    expect(f[0].length).toBe(2 + 44);
    // FRMR(F) → link reset: SNRM on the connection address; UA → reset, polling again
    s.send(1600 * MS, aR, 0x97, [0x12, 0, 0x01]);
    f = s.until(1700 * MS);
    expect(f.map(ac)).toEqual([[aC, 0x93]]);
    s.send(1800 * MS, aR, 0x73);
    expect(s.events).toContain("reset");
    expect(s.until(1900 * MS).map(ac)).toEqual([[aC, 0x11]]);
    // no answer: the F-timer (500 ms max turnaround + slack) expires and it polls again
    const before = s.st.stats.framesOut;
    expect(s.until(2300 * MS)).toEqual([]);
    expect(s.until(2500 * MS).map(ac)).toEqual([[aC, 0x11]]);
    expect(s.st.stats.framesOut).toBe(before + 1);
    // an idle link: RR(F) with nothing on either side → next poll after the P-timer, not at once
    s.send(2600 * MS, aR, 0x11);
    expect(s.until(3050 * MS)).toEqual([]);
    expect(s.until(3200 * MS).map(ac)).toEqual([[aC, 0x11]]);
    // data queued while it idles on the P-timer goes at once (after the 1 ms turnaround)
    s.send(3300 * MS, aR, 0x11);
    s.st.send(new Uint8Array(10), 3400 * MS);
    expect(s.until(3450 * MS).map(ac)).toEqual([[aC, 0x10]]);
  });

  it("an invalid N(R) from the secondary resets the link", async () => {
    const { s, ca } = await connectedPrimary();
    expect(s.until(150 * MS).map(ac)).toEqual([[(ca << 1) | 1, 0x11]]);
    s.send(200 * MS, ca << 1, 0xb1); // RR(nr 5, F): nothing was sent
    expect(s.until(300 * MS).map(ac)).toEqual([[(ca << 1) | 1, 0x93]]);
    s.send(400 * MS, ca << 1, 0x73);
    expect(s.events).toEqual(["connected primary", "reset"]);
    expect(s.until(500 * MS).map(ac)).toEqual([[(ca << 1) | 1, 0x11]]); // polling again from N(S) = N(R) = 0
  });

  it("RD from the secondary makes it send DISC; UA ends the link", async () => {
    const { s, ca } = await connectedPrimary();
    expect(s.until(150 * MS).map(ac)).toEqual([[(ca << 1) | 1, 0x11]]);
    s.send(200 * MS, ca << 1, 0x53); // RD(F)
    expect(s.until(400 * MS).map(ac)).toEqual([[(ca << 1) | 1, 0x53]]);
    s.send(500 * MS, ca << 1, 0x73);
    expect(s.events.at(-1)).toBe("disconnected user");
    expect(s.st.state).toBe("NDM");
  });

  it("DM refuses the connection", async () => {
    const st = await IrdaStation.create({ seed: 7, baudRates: [9600] });
    const s = new Script(st);
    st.connect(PEER, 0);
    const [snrm] = s.until(1 * MS);
    const ca = h.connFields(snrm.subarray(2), true)[3];
    s.send(100 * MS, ca << 1, 0x1f);
    expect(s.events).toEqual(["disconnected refused"]);
  });
});
