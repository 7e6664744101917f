// SIR framing, CRCs and IrLAP frame formats against the byte vectors of
// /work/shared/reference/irda-secure-raw-spi.md §2.1-2.4 (reproduced there with tshark 4.0.17).
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";

let h: any;
beforeAll(async () => { h = await instantiateCore("test/irda"); });

const hex = (s: string) => Uint8Array.from(s.trim().split(/\s+/).map((x) => parseInt(x, 16)));
const toHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0").toUpperCase()).join(" ");

// §2.1 test vectors
const XID_CMD = hex("FF 3F 01 44 33 22 11 FF FF FF FF 01 00 00");
const XID_WIRE = hex("C0 C0 C0 C0 C0 C0 C0 C0 C0 C0 C0 FF 3F 01 44 33 22 11 FF FF FF FF 01 00 00 58 E9 C1");
const ESC_FRAME = hex("FF 93 C0 C1 7D 20");
const ESC_WIRE = hex("C0 FF 93 7D E0 7D E1 7D 5D 20 5D 23 C1");
const SNRM = hex("FF 93 44 33 22 11 D4 C3 B2 A1 4A 01 02 3E 00 82 01 01 83 01 3F 84 01 7F 85 01 80 86 01 03 08 01 07");

/** the de-framer result: frames as hex strings */
function frames(res: Uint8Array): { n: number; drops: number; err: number; list: string[] } {
  const list: string[] = [];
  for (let p = 3; p < res.length;) { const l = res[p] | (res[p + 1] << 8); list.push(toHex(res.subarray(p + 2, p + 2 + l))); p += 2 + l; }
  return { n: res[0], drops: res[1], err: res[2], list };
}

describe("CRCs (reference §2.1)", () => {
  const check = new TextEncoder().encode("123456789");
  it("FCS-16 is CRC-16/X-25: check 0x906E, residue 0xF0B8", () => {
    expect(h.crc16Of(check)).toBe(0x906e);
    const fcs = h.crc16Of(XID_CMD);
    expect([fcs & 0xff, fcs >> 8]).toEqual([0x58, 0xe9]);
    expect(h.crc16Residue(hex("FF 3F 01 44 33 22 11 FF FF FF FF 01 00 00 58 E9"))).toBe(0xf0b8);
  });
  it("CRC-32 (FIR): check 0xCBF43926, residue 0xDEBB20E3", () => {
    expect(h.crc32Of(check) >>> 0).toBe(0xcbf43926);
    const c = h.crc32Of(check) >>> 0;
    const withCrc = new Uint8Array([...check, c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, c >>> 24]);
    expect(h.crc32Residue(withCrc) >>> 0).toBe(0xdebb20e3);
  });
});

describe("SIR framing (reference §2.1)", () => {
  it("emits the XID vector (extra BOFs as 0xFF, the Linux convention)", () => {
    expect(toHex(h.sirEncode(XID_CMD, 10))).toBe(toHex(new Uint8Array([...Array(10).fill(0xff), ...XID_WIRE.subarray(10)])));
    expect(toHex(h.sirEncode(XID_CMD, 0))).toBe(toHex(XID_WIRE.subarray(10)));
  });
  it("emits the escaping vector", () => {
    expect(toHex(h.sirEncode(ESC_FRAME, 0))).toBe(toHex(ESC_WIRE));
  });
  it("SNRM vector has FCS 95 1C", () => {
    const w: Uint8Array = h.sirEncode(SNRM, 0);
    expect(toHex(w.subarray(w.length - 3))).toBe("95 1C C1");
  });
  it("parses the vectors with 0xC0 and with 0xFF extra BOFs", () => {
    expect(frames(h.deframe(XID_WIRE, 1 << 20, 0, 2100)).list).toEqual([toHex(XID_CMD)]);
    const ff = new Uint8Array([...Array(10).fill(0xff), ...XID_WIRE.subarray(10)]);
    expect(frames(h.deframe(ff, 1 << 20, 0, 2100)).list).toEqual([toHex(XID_CMD)]);
    expect(frames(h.deframe(ESC_WIRE, 1 << 20, 0, 2100)).list).toEqual([toHex(ESC_FRAME)]);
  });
  it("round-trips and de-frames split at every byte offset, and byte by byte", () => {
    for (const f of [XID_CMD, ESC_FRAME, SNRM]) {
      const w: Uint8Array = h.sirEncode(f, 3);
      const stream = new Uint8Array([...w, ...w]); // two frames back to back
      for (let s = 0; s <= stream.length; s++) {
        const r = frames(h.deframe(stream, 0, s, 2100));
        expect(r.list, `split at ${s}`).toEqual([toHex(f), toHex(f)]);
        expect(r.drops).toBe(0);
      }
      expect(frames(h.deframe(stream, 1, 0, 2100)).list).toEqual([toHex(f), toHex(f)]);
    }
  });
  it("drops bad FCS, aborted, truncated and too long frames, then recovers", () => {
    const bad = ESC_WIRE.slice(); bad[3] ^= 0x01;
    let r = frames(h.deframe(new Uint8Array([...bad, ...ESC_WIRE]), 1 << 20, 0, 2100));
    expect(r.list).toEqual([toHex(ESC_FRAME)]); expect(r.drops).toBe(1); expect(r.err).toBe(2); // BadFcs
    r = frames(h.deframe(hex("C0 FF 7D C1"), 1 << 20, 0, 2100)); expect(r.n).toBe(0); expect(r.err).toBe(6); // Aborted
    r = frames(h.deframe(hex("C0 FF 03 C1"), 1 << 20, 0, 2100)); expect(r.n).toBe(0); expect(r.err).toBe(1); // Truncated
    const long = h.sirEncode(new Uint8Array(200).fill(0x55), 0);
    r = frames(h.deframe(new Uint8Array([...long, ...ESC_WIRE]), 1 << 20, 0, 64));
    expect(r.list).toEqual([toHex(ESC_FRAME)]); expect(r.err).toBe(4); // TooLong
  });
});

describe("FIR framing model (wire/fir.ts: CRC-32, 24 byte times of overhead as real FIR)", () => {
  it("emits preamble, start flag, length, A C I, CRC-32 LSB first, stop flag", () => {
    const w: Uint8Array = h.firEncode(ESC_FRAME);
    expect(w.length).toBe(24 + ESC_FRAME.length);
    expect(toHex(w.subarray(0, 18))).toBe(Array(14).fill("AA").join(" ") + " 7E 81 0A 00");
    expect(toHex(w.subarray(18, 24))).toBe(toHex(ESC_FRAME)); // no escaping at FIR
    const crc = h.crc32Of(ESC_FRAME) >>> 0;
    expect([...w.subarray(24, 28)]).toEqual([crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24]);
    expect(h.crc32Residue(w.subarray(18, 28)) >>> 0).toBe(0xdebb20e3);
    expect(toHex(w.subarray(28))).toBe("81 7E");
  });
  it("de-frames split at every byte offset and drops a corrupted frame", () => {
    const a: Uint8Array = h.firEncode(SNRM), b: Uint8Array = h.firEncode(XID_CMD);
    const stream = new Uint8Array([...a, ...b]);
    for (let s = 0; s <= stream.length; s++) {
      const r = frames(h.firDeframe(stream, 0, s, 2100));
      expect(r.list, `split at ${s}`).toEqual([toHex(SNRM), toHex(XID_CMD)]);
    }
    const bad = stream.slice(); bad[30] ^= 0x10;
    const r = frames(h.firDeframe(bad, 7, 0, 2100));
    expect(r.list).toEqual([toHex(XID_CMD)]); expect(r.err).toBe(2);
    expect(frames(h.firDeframe(new Uint8Array([0x7e, 0x81, 0xff, 0xff, 1, 2]), 1, 0, 2100)).err).toBe(4);
  });
});

describe("IrLAP control field (reference §2.2 table)", () => {
  // [address, control, kind, pf, nr, ns]; kinds: I0 RR1 RNR2 REJ3 SREJ4 UI5 XIDc6 XIDr7 TEST8 SNRM9 RNRM10 DISC11 RD12 UA13 FRMR14 DM15
  const table: [number, number, number, number, number, number][] = [
    [0x4b, 0x00, 0, 0, 0, 0], [0x4b, 0x5a, 0, 1, 2, 5], [0x4b, 0xee, 0, 0, 7, 7],
    [0x4b, 0x01, 1, 0, 0, 0], [0x4a, 0xb1, 1, 1, 5, 0], [0x4a, 0x65, 2, 0, 3, 0], [0x4b, 0x29, 3, 0, 1, 0],
    [0x4a, 0xfd, 4, 1, 7, 0], [0xff, 0x03, 5, 0, 0, 0], [0xff, 0x13, 5, 1, 0, 0], [0xff, 0x2f, 6, 0, 0, 0],
    [0xff, 0x3f, 6, 1, 0, 0], [0xfe, 0xaf, 7, 0, 0, 0], [0xfe, 0xbf, 7, 1, 0, 0], [0x4b, 0xe3, 8, 0, 0, 0],
    [0x4a, 0xf3, 8, 1, 0, 0], [0xff, 0x93, 9, 1, 0, 0], [0x4a, 0x93, 10, 1, 0, 0], [0x4b, 0x53, 11, 1, 0, 0],
    [0x4a, 0x53, 12, 1, 0, 0], [0x4a, 0x73, 13, 1, 0, 0], [0x4a, 0x63, 13, 0, 0, 0], [0x4a, 0x97, 14, 1, 0, 0],
    [0x4a, 0x1f, 15, 1, 0, 0], [0x4a, 0x0f, 15, 0, 0, 0],
  ];
  it("parses every kind and re-emits the same A and C bytes", () => {
    for (const [a, c, kind, pf, nr, ns] of table) {
      const o: Int32Array = h.parseControl(new Uint8Array([a, c]));
      expect([...o.subarray(0, 7)], `A=${a.toString(16)} C=${c.toString(16)}`).toEqual([0, kind, a >> 1, a & 1, pf, nr, ns]);
      expect([o[7], o[8]]).toEqual([c, a]);
    }
  });
  it("rejects short frames and unknown U codes without a trap", () => {
    expect(h.parseControl(new Uint8Array([0xff]))[0]).toBe(1); // Truncated
    expect(h.parseControl(new Uint8Array([0xff, 0xc7]))[0]).toBe(5); // Unsupported
  });
});

describe("XID discovery format (reference §2.3)", () => {
  it("parses the discovery command vector", () => {
    const f: Float64Array = h.xidFields(XID_CMD.subarray(2));
    expect([...f]).toEqual([0, 0x11223344, 0xffffffff, 0x01, 0, 0, 0, 6]);
  });
  it("round-trips a response with discovery info (hints 82 00, charset 0, nickname)", () => {
    const info = hex("01 78 56 34 12 44 33 22 11 01 03 00 82 00 00 62 65 74 61");
    const out: Uint8Array = h.xidRoundTrip(info);
    expect(out[0]).toBe(0);
    expect(toHex(out.subarray(1))).toBe(toHex(info));
    expect([...h.xidFields(info)].slice(0, 7)).toEqual([0, 0x12345678, 0x11223344, 1, 3, 0, 7]);
  });
  it("rejects truncated, foreign-format and over-long info", () => {
    expect(h.xidFields(hex("01 44 33 22"))[0]).toBe(1);
    expect(h.xidFields(hex("02 44 33 22 11 FF FF FF FF 01 00 00"))[0]).toBe(5);
    expect(h.xidFields(new Uint8Array([1, ...Array(11).fill(0), ...Array(33).fill(0x41)]))[0]).toBe(4);
  });
});

describe("SNRM/UA negotiation parameters (reference §2.4)", () => {
  it("parses the SNRM vector", () => {
    const f: Float64Array = h.connFields(SNRM.subarray(2), true);
    expect([...f]).toEqual([0, 0x11223344, 0xa1b2c3d4, 0x25, 1, 0x3e, 0x01, 0x3f, 0x7f, 0x80, 0x03, 0x07, 127]);
  });
  it("emits the SNRM vector's information field byte for byte", () => {
    const out: Uint8Array = h.connEmit(0x11223344, 0xa1b2c3d4, 0x25, true, new Uint32Array([0x3e, 0x01, 0x3f, 0x7f, 0x80, 0x03, 0x07]));
    expect(toHex(out)).toBe(toHex(SNRM.subarray(2)));
  });
  it("round-trips a UA and accepts an empty UA", () => {
    const ua: Uint8Array = h.connEmit(0xa1b2c3d4, 0x11223344, 0, false, new Uint32Array([0x20, 0x01, 0x3f, 0x7f, 0x80, 0x04, 0x04]));
    expect([...h.connFields(ua, false)]).toEqual([0, 0xa1b2c3d4, 0x11223344, 0, 1, 0x20, 0x01, 0x3f, 0x7f, 0x80, 0x04, 0x04, 127]);
    expect(h.connFields(new Uint8Array(0), false)[4]).toBe(0);
  });
  it("rejects bad parameter lengths", () => {
    expect(h.connFields(hex("44 33 22 11 D4 C3 B2 A1 4A 01 05 3E"), true)[0]).toBe(1);
    expect(h.connFields(hex("44 33 22 11 D4 C3 B2 A1 4A 01 00"), true)[0]).toBe(3);
  });
  it("FRMR information round-trips", () => {
    expect(toHex(h.frmrRoundTrip(hex("51 B6 08")))).toBe("51 B6 08");
  });
});

describe("QoS negotiation and the line-capacity rule (reference §2.4)", () => {
  const all = [0x3e, 0x01, 0x3f, 0x7f, 0x80, 0x04, 0x07]; // 9600-115200, 500 ms, 64-2048, 1-7, 0 BOFs, 1 ms, 3/8/12 s
  it("115200, 500 ms: window 2 of 2048 bytes (2 × 2054 ≤ 4800)", () => {
    const n: Float64Array = h.negotiateOffers(new Uint32Array(all), new Uint32Array(all));
    expect([...n]).toEqual([0, 115200, 2048, 2, 0, 500, 1000, 12, 4800]);
  });
  it("9600 only: window 1 of 256 bytes (262 ≤ 400)", () => {
    const at9600 = [0x02, ...all.slice(1)];
    const n: Float64Array = h.negotiateOffers(new Uint32Array(at9600), new Uint32Array(all));
    expect([...n]).toEqual([0, 9600, 256, 1, 0, 500, 1000, 12, 400]);
  });
  it("extra BOFs scale with the rate and count in the capacity; the highest common baud and threshold win", () => {
    const peer = [0x1e, 0x01, 0x3f, 0x7f, 0x01 /* 48 BOFs at 115200 */, 0x01 /* 10 ms */, 0x03];
    const n: Float64Array = h.negotiateOffers(new Uint32Array(all), new Uint32Array(peer));
    // 57600: 48/2 = 24 BOFs; capacity 2360; window first: W1 → 1 × (2048 + 6 + 24) = 2078 fits
    expect([...n]).toEqual([0, 57600, 2048, 1, 24, 500, 10000, 8, 2360]);
  });
  it("fails without a common rate or when nothing fits the line capacity", () => {
    expect(h.negotiateOffers(new Uint32Array([0x20, ...all.slice(1)]), new Uint32Array([0x02, ...all.slice(1)]))[0]).toBe(1);
    const short = [0x02, 0x08 /* 50 ms */, ...all.slice(2)];
    expect(h.negotiateOffers(new Uint32Array(short), new Uint32Array(short))[0]).toBe(3);
  });
});

describe("fuzzing", () => {
  it("1e5 random frames at stations in every state never trap", () => {
    const accepted = h.fuzz(12345n, 100_000);
    expect(accepted).toBeGreaterThan(50_000);
  });
  it("1e5 chunks of noise, valid and damaged frames never trap either de-framer", () => {
    expect(h.fuzzDeframers(99n, 100_000)).toBeGreaterThan(30_000);
  });
});
