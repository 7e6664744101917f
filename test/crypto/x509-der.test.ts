// Strict DER reader (assembly/wire/der.ts). Encodings come from ITU-T X.690 (08/2015): §8.1.3
// lengths, §10.1 minimal length form, §8.2/§11.1 BOOLEAN, §8.3 INTEGER, §8.6/§11.2 BIT STRING,
// §8.19 OBJECT IDENTIFIER (the 2.999.3 example of §8.19.5); times are RFC 5280 §4.1.2.5.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";

let x: any;
beforeAll(async () => { x = await instantiateCore("test/x509"); });

const h = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ""), "hex"));
const ascii = (tag: number, s: string) => Uint8Array.from([tag, s.length, ...Buffer.from(s, "latin1")]);

const Err = { Ok: 0, Truncated: 1, BadTag: 2, BadLength: 3, NonMinimal: 4, Trailing: 5, BadValue: 6 };

describe("DER element headers", () => {
  it.each([
    ["04 00", Err.Ok],
    ["04 01 aa", Err.Ok],
    ["30 03 02 01 05", Err.Ok],
    ["04", Err.Truncated],
    ["04 02 aa", Err.Truncated],
    ["04 01 aa bb", Err.Trailing],
    ["04 80 aa 00 00", Err.BadLength], // indefinite form is BER only (X.690 §10.1)
    ["04 85 00 00 00 00 01 aa", Err.BadLength],
    ["04 81 01 aa", Err.NonMinimal], // long form for a length below 128
    ["04 82 00 01 aa", Err.NonMinimal], // leading zero length octet
    ["04 84 ff ff ff ff", Err.BadLength],
    ["04 84 7f ff ff ff", Err.Truncated],
    ["1f 22 00", Err.BadTag], // high-tag-number form
  ])("%s -> %i", (hex, want) => {
    expect(x.derElement(h(hex))).toBe(want);
  });

  it("reads long-form lengths of 128 and 65 536 octets", () => {
    const a = new Uint8Array(3 + 128); a.set([0x04, 0x81, 0x80]);
    expect([...x.derHeader(a)]).toEqual([0, 4, 3, 131]);
    const b = new Uint8Array(5 + 65536); b.set([0x04, 0x83, 0x01, 0x00, 0x00]);
    expect([...x.derHeader(b)]).toEqual([0, 4, 5, 65541]);
  });

  it("never reads past any truncation of a valid element", () => {
    const full = h("30 0d 06 09 2a 86 48 86 f7 0d 01 01 0b 05 00");
    expect(x.derElement(full)).toBe(Err.Ok);
    for (let n = 0; n < full.length; n++) expect(x.derElement(full.subarray(0, n))).toBe(Err.Truncated);
  });
});

describe("DER values", () => {
  it.each([
    ["02 01 00", Err.Ok], ["02 01 7f", Err.Ok], ["02 02 00 80", Err.Ok], ["02 01 80", Err.Ok],
    ["02 02 ff 7f", Err.Ok], ["02 00", Err.BadValue], ["02 02 00 7f", Err.NonMinimal],
    ["02 02 ff 80", Err.NonMinimal], ["02 03 00 00 80", Err.NonMinimal], ["04 01 00", Err.BadTag],
  ])("INTEGER %s -> %i (X.690 §8.3.2)", (hex, want) => { expect(x.derInteger(h(hex))).toBe(want); });

  it.each([
    ["02 01 00", ""], ["02 01 7f", "7f"], ["02 02 00 80", "80"], ["02 03 00 ff 01", "ff01"],
    ["02 01 80", `ERR${Err.BadValue}`], ["02 02 ff 7f", `ERR${Err.BadValue}`], // negative
    ["02 02 00 7f", `ERR${Err.NonMinimal}`], ["02 00", `ERR${Err.BadValue}`], ["04 01 01", `ERR${Err.BadTag}`],
  ])("non-negative INTEGER %s -> magnitude '%s' (X.690 §8.3.2)", (hex, want) => { expect(x.derUnsigned(h(hex))).toBe(want); });

  it.each([
    ["01 01 ff", 1], ["01 01 00", 0], ["01 01 01", -Err.BadValue], ["01 01 80", -Err.BadValue],
    ["01 02 ff ff", -Err.BadValue], ["01 00", -Err.BadValue],
  ])("BOOLEAN %s -> %i (X.690 §11.1)", (hex, want) => { expect(x.derBool(h(hex))).toBe(want); });

  it.each([
    ["03 01 00", Err.Ok], ["03 02 00 ff", Err.Ok], ["03 02 04 f0", Err.Ok], ["03 00", Err.BadValue],
    ["03 01 01", Err.BadValue], ["03 02 08 00", Err.BadValue], ["03 02 04 f8", Err.BadValue],
  ])("BIT STRING %s -> %i (X.690 §11.2.1)", (hex, want) => { expect(x.derBitString(h(hex))).toBe(want); });

  it.each([
    // RFC 5280 §4.2.1.3 KeyUsage as a named-bit list: bit 0 digitalSignature … bit 8 decipherOnly
    ["03 02 07 80", 1], ["03 02 05 a0", 5], ["03 02 01 06", 0x60], ["03 03 07 80 80", 0x101],
    // X.690 §11.2.2 drops trailing zero bits, but real roots keep them (see der.ts): accepted
    ["03 02 00 80", 1], ["03 03 07 06 00", 0x60], ["03 03 00 80 00", 1],
    ["03 02 07 81", -Err.BadValue], ["03 04 07 80 80 00", -Err.BadValue],
  ])("KeyUsage bits %s -> %i", (hex, want) => { expect(x.derNamedBits(h(hex))).toBe(want); });

  it.each([
    ["06 03 55 1d 11", "2.5.29.17"],
    ["06 09 2a 86 48 86 f7 0d 01 01 0b", "1.2.840.113549.1.1.11"],
    ["06 03 88 37 03", "2.999.3"], // X.690 §8.19.5
    ["06 08 2b 06 01 05 05 07 03 01", "1.3.6.1.5.5.7.3.1"],
    ["06 00", ""], ["06 02 80 01", ""], ["06 01 86", ""], ["06 02 2b 80", ""],
  ])("OID %s -> %s", (hex, want) => { expect(x.derOid(h(hex))).toBe(want); });

  it("OID text for random arcs (encoded here per X.690 §8.19)", () => {
    // Encode random OIDs ourselves (base-128 per X.690 §8.19) and compare the dotted text.
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }),
      fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 8 }), (a, b, rest) => {
        const arcs = [a * 40 + b, ...rest];
        const bytes: number[] = [];
        for (const v of arcs) {
          const parts = [v & 0x7f];
          for (let n = Math.floor(v / 128); n > 0; n = Math.floor(n / 128)) parts.unshift((n & 0x7f) | 0x80);
          bytes.push(...parts);
        }
        expect(x.derOid(Uint8Array.from([6, bytes.length, ...bytes]))).toBe([a, b, ...rest].join("."));
      }), { numRuns: 500 });
  });
});

describe("DER times (RFC 5280 §4.1.2.5)", () => {
  const utc = (s: string) => x.derTime(ascii(0x17, s));
  const gen = (s: string) => x.derTime(ascii(0x18, s));
  const INVALID = -(2n ** 63n);
  it("UTCTime years 50-99 are 19YY, 00-49 are 20YY", () => {
    expect(utc("491231235959Z")).toBe(BigInt(Date.UTC(2049, 11, 31, 23, 59, 59) / 1000));
    expect(utc("500101000000Z")).toBe(BigInt(Date.UTC(1950, 0, 1) / 1000));
    expect(utc("700101000000Z")).toBe(0n);
  });
  it("GeneralizedTime, leap days", () => {
    expect(gen("20500101000000Z")).toBe(BigInt(Date.UTC(2050, 0, 1) / 1000));
    expect(gen("20240229120000Z")).toBe(BigInt(Date.UTC(2024, 1, 29, 12) / 1000));
    expect(gen("20000229000000Z")).toBe(BigInt(Date.UTC(2000, 1, 29) / 1000));
    expect(gen("99991231235959Z")).toBe(BigInt(Date.UTC(9999, 11, 31, 23, 59, 59) / 1000));
  });
  it.each([
    ["4912312359Z", 0x17], ["491231235959", 0x17], ["491231235959+0000", 0x17], ["491331000000Z", 0x17],
    ["490230000000Z", 0x17], ["491231240000Z", 0x17], ["491231236000Z", 0x17], ["491231235960Z", 0x17],
    ["21000229000000Z", 0x18], ["20230230000000Z", 0x18], ["20240101000000.5Z", 0x18], ["2024010100000Z", 0x18],
    ["20240101000000z", 0x18], ["2024-101000000Z", 0x18], ["20240100000000Z", 0x18],
  ])("rejects %s", (s, tag) => { expect(x.derTime(ascii(tag, s))).toBe(INVALID); });
  it("agrees with Date for random instants", () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1950, 0, 1) / 1000, max: Date.UTC(2049, 11, 31, 23, 59, 59) / 1000 }), (t) => {
      const iso = new Date(t * 1000).toISOString(); // 2024-02-29T12:00:00.000Z
      const g = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + "Z";
      expect(gen(g)).toBe(BigInt(t));
      expect(utc(g.slice(2))).toBe(BigInt(t));
    }), { numRuns: 2000 });
  });
});

describe("DER strings", () => {
  it("PrintableString character set (X.680 §41.4)", () => {
    expect(x.derString(ascii(0x13, "Example Org (Test) 1+2=3, a/b:c.d?-'"))).toBe("Example Org (Test) 1+2=3, a/b:c.d?-'");
    expect(x.derString(ascii(0x13, "a@b"))).toBe("\u0000ERR");
    expect(x.derString(ascii(0x13, "a*b"))).toBe("\u0000ERR");
  });
  it("IA5String is 7-bit", () => {
    expect(x.derString(ascii(0x16, "user@example.test"))).toBe("user@example.test");
    expect(x.derString(h("16 02 41 80"))).toBe("\u0000ERR");
  });
  it("UTF8String must be valid UTF-8 (RFC 3629)", () => {
    const g = Buffer.from("Grüße, 東京 🙂", "utf8");
    expect(x.derString(Uint8Array.from([0x0c, g.length, ...g]))).toBe("Grüße, 東京 🙂");
    for (const bad of ["0c 02 c0 80", "0c 03 ed a0 80", "0c 01 ff", "0c 02 e2 82", "0c 04 f4 90 80 80", "0c 01 80"]) {
      expect(x.derString(h(bad))).toBe("\u0000ERR");
    }
  });
  it("BMPString is UCS-2", () => {
    expect(x.derString(h("1e 04 00 41 00 e9"))).toBe("Aé");
    expect(x.derString(h("1e 03 00 41 00"))).toBe("\u0000ERR");
  });
  it("a non-string tag is refused", () => { expect(x.derString(h("04 01 41"))).toBe("\u0000ERR"); });
});
