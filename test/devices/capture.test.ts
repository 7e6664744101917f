// Capture files checked by a decoder nobody here wrote: tshark reads our pcap and pcapng files with
// LINKTYPE 144 records built from the reference's byte vectors (irda-secure-raw-spi.md §2.1, §2.3,
// §2.4; header layout §3) and must decode them as IrLAP with the expected field values and no
// malformed packets.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import {
  PcapWriter, irdaRecord, irdaTracer, traceIrda, LINKTYPE_LINUX_IRDA, LINKTYPE_ETHERNET, LINKTYPE_RAW,
} from "../../devices/capture/pcap.ts";

const TSHARK = "/usr/bin/tshark";
const haveTshark = existsSync(TSHARK);
const dir = mkdtempSync(join(tmpdir(), "wasock-capture-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hex = (s: string) => Uint8Array.from(s.trim().split(/\s+/).map((x) => parseInt(x, 16)));

// reference §2.1: XID discovery command, slot 0 of 6, source 0x11223344
const XID_CMD = hex("FF 3F 01 44 33 22 11 FF FF FF FF 01 00 00");
// reference §2.3 layout: XID response from 0xA1B2C3D4, hints 82 00, charset 0, nickname "wasock"
const XID_RSP = hex("FE BF 01 D4 C3 B2 A1 44 33 22 11 01 00 00 82 00 00 77 61 73 6F 63 6B");
// reference §2.1: SNRM with its parameters, connection address 0x25
const SNRM = hex("FF 93 44 33 22 11 D4 C3 B2 A1 4A 01 02 3E 00 82 01 01 83 01 3F 84 01 7F 85 01 80 86 01 03 08 01 07");
// reference §2.4 layout: UA with 9600, 500 ms, 2048 bytes, window 1, 0 BOFs, 10/5 ms, 3 s
const UA = hex("4A 73 D4 C3 B2 A1 44 33 22 11 01 01 02 82 01 01 83 01 20 84 01 01 85 01 80 86 01 03 08 01 01");
// reference §2.2: I-frame command, CA 0x25, N(R)=0 N(S)=0 P=1, IrLMP data 0x11 → 0x10 "hello"
const IFRAME = hex("4B 10 10 11 68 65 6C 6C 6F");
// reference §2.2: RR response, N(R)=1, F=1
const RR = hex("4A 31");

function tshark(args: string[]): string {
  return execFileSync(TSHARK, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function fields(file: string, names: string[], filter?: string, extra: string[] = []): string[][] {
  const args = ["-r", file, ...extra, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,"];
  if (filter) args.push("-Y", filter);
  for (const n of names) args.push("-e", n);
  return tshark(args)
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => l.split("\t"));
}

async function writeVectors(file: string, format: "pcap" | "pcapng"): Promise<void> {
  const w = new PcapWriter(file, LINKTYPE_LINUX_IRDA, { format });
  const trace = irdaTracer(w);
  trace(XID_CMD, true, 1_000_000);
  trace(XID_RSP, false, 1_050_000.75); // fractions of a µs are cut
  trace(SNRM, true, 1_100_000);
  trace(UA, false, 1_150_000);
  trace(IFRAME, true, 3_600_000_000_123);
  trace(RR, false, 3_600_000_000_456);
  await w.close();
}

describe.skipIf(!haveTshark)(`tshark decodes LINKTYPE 144 captures${haveTshark ? "" : " (skipped: /usr/bin/tshark is missing)"}`, () => {
  for (const format of ["pcap", "pcapng"] as const) {
    it(`${format}: discovery, SNRM/UA and I-frames decode as IrLAP with the expected fields`, async () => {
      const file = join(dir, `vectors.${format}`);
      await writeVectors(file, format);

      // one tshark run for every field of every frame (each run costs a dissector start-up)
      const expected: Array<Record<string, string>> = [
        { // XID command, slot 0 of 6 (slot code 1)
          "irlap.a.cr": "1", "irlap.c.p": "1", "irlap.c.u_modifier_cmd": "0x0b", "irlap.xid.fi": "0x01",
          "irlap.xid.saddr": "0x11223344", "irlap.xid.daddr": "0xffffffff", "irlap.xid.s": "1",
          "irlap.xid.conflict": "0", "irlap.xid.slotnr": "0", "irlap.xid.version": "0x00",
        },
        { // XID response with discovery info
          "irlap.a.cr": "0", "irlap.c.f": "1", "irlap.xid.saddr": "0xa1b2c3d4", "irlap.xid.daddr": "0x11223344",
          "irlmp.xid.hints": "8200", "irlmp.xid.charset": "0x00", "irlmp.xid.name": "wasock",
        },
        { // SNRM with seven negotiation parameters
          "irlap.c.u_modifier_cmd": "0x20", "irlap.snrm.saddr": "0x11223344", "irlap.snrm.daddr": "0xa1b2c3d4",
          "irlap.snrm.ca": "0x25", "irlap.pi": "0x01,0x82,0x83,0x84,0x85,0x86,0x08", "irlap.pv": "3e00,01,3f,7f,80,03,07",
        },
        { // UA
          "irlap.a.address": "0x25", "irlap.c.f": "1", "irlap.ua.saddr": "0xa1b2c3d4", "irlap.ua.daddr": "0x11223344",
          "irlap.pv": "02,01,20,01,80,03,01",
        },
        { // I-frame carrying IrLMP data 0x11 → 0x10
          "irlap.a.address": "0x25", "irlap.a.cr": "1", "irlap.c.n_r": "0", "irlap.c.n_s": "0", "irlap.c.p": "1",
          "irlmp.dst.lsap": "16", "irlmp.src.lsap": "17", "data.data": Buffer.from("hello").toString("hex"),
        },
        { "irlap.a.cr": "0", "irlap.c.s_ftype": "0x00", "irlap.c.n_r": "1", "irlap.c.f": "1" }, // RR (S type 0)
      ];
      const frame = ["frame.number", "frame.time_epoch", "frame.len", "frame.protocols"];
      const names = [...frame, ...new Set(expected.flatMap((e) => Object.keys(e)))];
      const rows = fields(file, names);
      expect(rows.map((r) => r[0])).toEqual(["1", "2", "3", "4", "5", "6"]);
      expect(rows.map((r) => r[1])).toEqual([
        "1.000000000", "1.050000000", "1.100000000", "1.150000000", "3600000.000123000", "3600000.000456000",
      ]);
      // the 16-byte header is stripped: frame length is the IrLAP frame's
      expect(rows.map((r) => Number(r[2]))).toEqual([XID_CMD, XID_RSP, SNRM, UA, IFRAME, RR].map((f) => f.length));
      for (const r of rows) expect(r[3]).toMatch(/^irlap/);
      rows.forEach((row, i) => {
        const got: Record<string, string> = {};
        for (const k of Object.keys(expected[i])) got[k] = row[names.indexOf(k)];
        expect(got, `frame ${i + 1}`).toEqual(expected[i]);
      });

      // nothing malformed, no expert complaints
      const verbose = tshark(["-r", file, "-V"]);
      expect(verbose).toContain("IrDA Link Access Protocol");
      expect(verbose).toContain("Source Device Address: 0x11223344");
      expect(verbose).toContain("Negotiation Parameter: Data Size (2048 bytes)");
      expect(verbose).not.toMatch(/Malformed/i);
      expect(verbose).not.toMatch(/Expert Info/i);
    });
  }

  it("pcapng records the direction (epb_flags) of both sides of a traced station", async () => {
    const file = join(dir, "traced.pcapng");
    const w = new PcapWriter(file, LINKTYPE_LINUX_IRDA);
    expect(w.format).toBe("pcapng");
    let seen = 0;
    const station: { onFrame?: (f: Uint8Array, outgoing: boolean, now: number) => void } = { onFrame: () => seen++ };
    traceIrda(station, w);
    station.onFrame!(XID_CMD, true, 10);
    station.onFrame!(XID_RSP, false, 20);
    await w.close();
    expect(seen).toBe(2); // the previous hook still runs
    const rows = fields(file, ["frame.packet_flags_direction", "irlap.a.cr"]);
    expect(rows).toEqual([["0x00000002", "1"], ["0x00000001", "0"]]);
  });

  it("is generic over the link type: Ethernet (1) and raw IPv4 (101) decode too", async () => {
    // IPv4 (RFC 791) 127.0.0.1 → 127.0.0.2, UDP (RFC 768) 40000 → 9 "ping", UDP checksum 0 (none)
    const udp = Uint8Array.of(0x9c, 0x40, 0x00, 0x09, 0x00, 0x0c, 0x00, 0x00, 0x70, 0x69, 0x6e, 0x67);
    const ip = new Uint8Array(20 + udp.length);
    ip.set([0x45, 0, 0, ip.length, 0x12, 0x34, 0x40, 0, 64, 17, 0, 0, 127, 0, 0, 1, 127, 0, 0, 2]);
    let sum = 0;
    for (let i = 0; i < 20; i += 2) sum += (ip[i] << 8) | ip[i + 1];
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    ip[10] = ~sum >> 8 & 0xff;
    ip[11] = ~sum & 0xff;
    ip.set(udp, 20);
    const eth = new Uint8Array(14 + ip.length);
    eth.set([0x02, 0, 0, 0, 0, 2, 0x02, 0, 0, 0, 0, 1, 0x08, 0x00]);
    eth.set(ip, 14);
    const fe = join(dir, "eth.pcapng");
    const we = new PcapWriter(fe, LINKTYPE_ETHERNET);
    we.packet(5, eth, { outgoing: true });
    await we.close();
    const fr = join(dir, "raw.pcap");
    const wr = new PcapWriter(fr, LINKTYPE_RAW);
    wr.packet(5, ip);
    await wr.close();
    const names = ["eth.src", "ip.src", "ip.dst", "ip.checksum.status", "udp.dstport", "data.data"];
    const check = ["-o", "ip.check_checksum:TRUE"]; // status 1 = good
    expect(fields(fe, names, undefined, check)).toEqual([["02:00:00:00:00:01", "127.0.0.1", "127.0.0.2", "1", "9", "70696e67"]]);
    expect(fields(fr, names, undefined, check)).toEqual([["", "127.0.0.1", "127.0.0.2", "1", "9", "70696e67"]]);
  });

  it("a long capture (many flushes) keeps every record", async () => {
    const file = join(dir, "long.pcap");
    const w = new PcapWriter(file, LINKTYPE_LINUX_IRDA);
    const n = 5000;
    for (let i = 0; i < n; i++) {
      const f = IFRAME.slice();
      f[1] = ((i & 7) << 1) | 0x10; // N(S) = i mod 8
      w.packet(i * 1000, irdaRecord(f, true));
    }
    await w.close();
    const rows = fields(file, ["irlap.c.n_s"]);
    expect(rows.length).toBe(n);
    expect(rows.slice(0, 10).map((r) => r[0])).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "0", "1"]);
    expect(tshark(["-r", file, "-Y", "_ws.malformed"]).trim()).toBe("");
  });
});

describe("pcap writer bytes", () => {
  it("writes the libpcap 2.4 header and records to a caller's Writable, cutting at snaplen", async () => {
    const sink = new PassThrough();
    const parts: Buffer[] = [];
    sink.on("data", (b: Buffer) => parts.push(b));
    const w = new PcapWriter(sink, LINKTYPE_ETHERNET, { snaplen: 4 });
    w.packet(2_500_001, Uint8Array.of(1, 2, 3, 4, 5, 6));
    await w.close();
    const out = Buffer.concat(parts);
    expect(out.length).toBe(24 + 16 + 4);
    expect(out.readUInt32LE(0)).toBe(0xa1b2c3d4);
    expect([out.readUInt16LE(4), out.readUInt16LE(6)]).toEqual([2, 4]);
    expect(out.readUInt32LE(16)).toBe(4); // snaplen
    expect(out.readUInt32LE(20)).toBe(1); // linktype
    expect([out.readUInt32LE(24), out.readUInt32LE(28), out.readUInt32LE(32), out.readUInt32LE(36)]).toEqual([2, 500001, 4, 6]);
    expect([...out.subarray(40)]).toEqual([1, 2, 3, 4]);
    expect(sink.writableEnded).toBe(false); // a caller's stream stays open
  });

  it("the LINKTYPE 144 header: type 0/4, ARPHRD 783, protocol 0x0017, then the frame", () => {
    const rec = irdaRecord(RR, true);
    expect([...rec]).toEqual([0, 4, 0x03, 0x0f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x17, 0x4a, 0x31]);
    expect(irdaRecord(RR, false)[1]).toBe(0);
  });

  it("rejects bad input with clear errors", async () => {
    const file = join(dir, "bad.pcap");
    expect(() => new PcapWriter(file, -1)).toThrow(TypeError);
    const w = new PcapWriter(file, LINKTYPE_LINUX_IRDA);
    expect(() => w.packet(-1, RR)).toThrow(RangeError);
    expect(() => w.packet(NaN, RR)).toThrow(RangeError);
    expect(() => w.packet(0, [1, 2] as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => irdaTracer(new PcapWriter(new PassThrough(), LINKTYPE_ETHERNET))).toThrow(TypeError);
    await w.close();
    expect(() => w.packet(0, RR)).toThrow(/after close/);
    expect(readFileSync(file).length).toBe(24);
    const nowhere = new PcapWriter(join(dir, "no-such-dir", "x.pcap"), LINKTYPE_LINUX_IRDA);
    nowhere.packet(0, RR);
    await expect(nowhere.close()).rejects.toThrow(/ENOENT/);
  });
});
