// A discovery, connection and data exchange captured with PcapWriter as LINKTYPE 144 and decoded by
// tshark (reference §3: field names verified with tshark 4.0.17): no malformed packets.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LINKTYPE_LINUX_IRDA, PcapWriter, traceIrda } from "../../devices/capture/pcap.ts";
import { Net, facing, origin, randomBytes } from "./helpers.ts";

const TSHARK = "/usr/bin/tshark";

describe.skipIf(!existsSync(TSHARK))("capture (LINKTYPE 144) decoded by tshark", () => {
  for (const format of ["pcap", "pcapng"] as const) {
    it(`discovery, SNRM/UA, I frames and DISC decode without malformed packets (${format})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "wasock-irda-"));
      try {
        const file = join(dir, `link.${format}`);
        const w = new PcapWriter(file, LINKTYPE_LINUX_IRDA, { format });
        const net = new Net({ seed: 2 });
        const a = await net.add("a", origin, { seed: 91, nickname: "alpha", capture: true });
        const b = await net.add("b", facing(0.5), { seed: 92, nickname: "bravo", capture: true, hints: 0x8204 });
        traceIrda(a.station, w); // a's view: both directions
        const r = await net.discover(a, 6);
        expect(r.devices.map((d) => d.nickname)).toEqual(["bravo"]);
        net.connect(a, b);
        const ca = a.link!.connectionAddress;
        a.station.send(randomBytes(20000, 1), net.t);
        b.station.send(new TextEncoder().encode("hello from bravo"), net.t);
        a.station.disconnect(net.t);
        expect(net.run(30e6, () => a.disconnected !== null && b.disconnected !== null)).toBe(true);
        await w.close();

        const fields = ["irlap.c.ftype", "irlap.c.u_modifier_cmd", "irlap.c.u_modifier_resp", "irlap.xid.saddr",
          "irlap.xid.slotnr", "irlmp.xid.name", "irlap.snrm.ca", "irlap.ua.saddr", "irlap.c.n_s", "_ws.expert"];
        const out = execFileSync(TSHARK, ["-r", file, "-T", "fields", "-E", "separator=|", ...fields.flatMap((f) => ["-e", f])],
          { encoding: "utf8" });
        const rows = out.trim().split("\n").map((l) => l.split("|"));
        const col = (name: string) => rows.map((r) => r[fields.indexOf(name)]);
        expect(rows.length).toBeGreaterThan(10);
        // no malformed packets / expert errors
        expect(execFileSync(TSHARK, ["-r", file, "-Y", "_ws.malformed || _ws.expert.severity >= error"], { encoding: "utf8" }).trim()).toBe("");
        // discovery: XID commands in slots 0..5 and the final (255), bravo's response with its nickname
        expect(col("irlap.xid.slotnr").filter(Boolean).map(Number)).toEqual(expect.arrayContaining([0, 1, 2, 3, 4, 5, 255]));
        expect(col("irlmp.xid.name")).toContain("bravo");
        expect(col("irlmp.xid.name")).toContain("alpha");
        const devAddr = (n: number) => "0x" + n.toString(16).padStart(8, "0");
        expect(col("irlap.xid.saddr")).toContain(devAddr(b.station.deviceAddress));
        // SNRM with the connection address, UA from bravo
        expect(col("irlap.snrm.ca").filter(Boolean).map(Number)).toContain(ca);
        expect(col("irlap.ua.saddr")).toContain(devAddr(b.station.deviceAddress));
        // I frames with every N(S) of the modulo-8 space
        expect(new Set(col("irlap.c.n_s").filter(Boolean))).toEqual(new Set(["0", "1", "2", "3", "4", "5", "6", "7"]));
        // the negotiation parameters decode as their names
        const v = execFileSync(TSHARK, ["-r", file, "-V", "-Y", "irlap.snrm.ca"], { encoding: "utf8" });
        expect(v).toContain("Baud Rate");
        expect(v).toContain("Window Size");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
