// Address text <-> binary in the core (assembly/api/names.ts) through its host wrappers.
// Sources: 4.2BSD inet_addr(3) forms; RFC 4291 §2.2 (IPv6 text, examples copied as test input);
// RFC 5952 §4.1-4.3 and §5 (output form, examples); Microsoft Learn pages for inet_addr, InetPton,
// InetNtop, WSAStringToAddress and WSAAddressToString (return values and error codes). Rows marked
// "Windows" are answers real Windows gives, as recorded by Wine's conformance tests
// (dlls/ws2_32/tests/sock.c: test_inet_addr, test_inet_pton, test_addr_to_print, test_WSAStringToAddress).
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import * as N from "../../host/node/names.ts";
import { WSA, WinsockError } from "../../host/node/errors.ts";
import { CMem, type HarnessCore } from "./cabi.ts";

const { AF_INET, AF_INET6, INADDR_NONE } = N;
let core: HarnessCore;
let mem: CMem;
beforeAll(async () => { core = await instantiateCore("test/names"); mem = new CMem(core); });

/** inet_addr's value as the 4 bytes a C program finds in memory. */
const bytesOf = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
const codeOf = (f: () => unknown): string => {
  try { f(); } catch (e) { if (e instanceof WinsockError) return e.code; throw e; }
  return "none";
};

describe("byte order", () => {
  it("htons/ntohs, htonl/ntohl, htonll/ntohll swap to big-endian", () => {
    expect(N.htons(core, 0x1234)).toBe(0x3412);
    expect(N.ntohs(core, 0x3412)).toBe(0x1234);
    expect(N.htons(core, 0xabcd1234)).toBe(0x3412); // u_short: upper bits are not part of the value
    expect(N.htonl(core, 0x12345678)).toBe(0x78563412);
    expect(N.ntohl(core, 0x78563412)).toBe(0x12345678);
    expect(N.htonl(core, 0x80000001)).toBe(0x01000080);
    expect(N.htonll(core, 0x0102030405060708n)).toBe(0x0807060504030201n);
    expect(N.ntohll(core, 0xf0debc9a78563412n)).toBe(0x123456789abcdef0n);
  });
  it("matches Buffer's big-endian writes for random values", () => {
    const b = Buffer.alloc(8);
    for (let i = 0; i < 2000; i++) {
      const v = (Math.random() * 2 ** 32) >>> 0;
      b.writeUInt32BE(v, 0);
      expect(N.htonl(core, v)).toBe(b.readUInt32LE(0));
      b.writeUInt16BE(v & 0xffff, 0);
      expect(N.htons(core, v & 0xffff)).toBe(b.readUInt16LE(0));
    }
  });
});

describe("inet_addr", () => {
  // [text, expected dotted quad or null for INADDR_NONE-as-failure]
  const accepted: Array<[string, string]> = [
    ["1.2.3.4", "1.2.3.4"],
    ["1.2.3", "1.2.0.3"], // a.b.c: c is 16 bits
    ["1.2", "1.0.0.2"], // a.b: b is 24 bits
    ["1", "0.0.0.1"], // a: 32 bits
    ["0x7f.1", "127.0.0.1"],
    ["0X7F000001", "127.0.0.1"],
    ["017700000001", "127.0.0.1"], // octal
    ["010.0.0.1", "8.0.0.1"],
    ["0.0.0.0", "0.0.0.0"],
    ["0", "0.0.0.0"],
    ["00", "0.0.0.0"],
    ["1.2.65535", "1.2.255.255"],
    ["1.16777215", "1.255.255.255"],
    ["4294967295", "255.255.255.255"],
    ["255.255.255.255", "255.255.255.255"], // the legitimate INADDR_NONE value
    ["0xff.0377.0x0.00", "255.255.0.0"],
    ["1.2.3.4 ", "1.2.3.4"], // trailing whitespace accepted
    ["1.2.3.4\t", "1.2.3.4"],
    ["1.2.3.4\n", "1.2.3.4"],
    ["1.2.3.4 trailing text", "1.2.3.4"], // anything after the whitespace is ignored
    ["10.1 x", "10.0.0.1"],
    // Windows
    ["1 2 3 4", "0.0.0.1"], ["1.2.3 .4", "1.2.0.3"], ["3 .4.5.6", "0.0.0.3"], ["3.4.5.6  7", "3.4.5.6"],
    ["1.2.3 \xfe\xff", "1.2.0.3"], ["0xa1a2b3b4 ", "161.162.179.180"], ["1.2.3.0xaA", "1.2.3.170"],
    ["1.2.3.010", "1.2.3.8"], ["1.2.3.00", "1.2.3.0"], ["203569230", "12.34.56.78"], ["0x2134", "0.0.33.52"],
    ["0777", "0.0.1.255"], [" ", "0.0.0.0"], // a lone space is INADDR_ANY on Windows
  ];
  it.each(accepted)("accepts %j as %s", (text, quad) => {
    const v = N.inet_addr(core, text);
    expect(bytesOf(v)).toEqual(quad.split(".").map(Number));
    expect(N.inet_ntoa(core, v)).toBe(quad);
  });

  const rejected: Array<string | null> = [
    null, "", " 1.2.3.4", "\t1.2.3.4", "1.2.3.256", "1.2.65536", "1.16777216", "256.1", "4294967296",
    "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2", "08", "09.1.1.1", "0x", "0x.1.1.1", "0xg", "1.2.3.4x",
    "a.b.c.d", "-1.2.3.4", "+1", "1.2.3.4\u00a0", "\uff11.2.3.4", "1.2.3.4:80", "99999999999",
    // Windows
    "1.2.3. 4", "3.4.5.6.7", "3.4.5.6. 7", "3. 4.5.6", " 0", ".", "\t", "  ", "127.127.127.255:123",
    "1.1.1.0x", "1.2.3.0a", "1.1.1.0o10", "1.1.1.0b10", "1.1.1.-2", "[0.1.2.3]", "1234BEEF",
    "2607:f0d0:1002:51::4", "::177.32.45.20", "::1/128", "::1", ":1",
  ];
  it.each(rejected)("rejects %j with INADDR_NONE", (text) => {
    expect(N.inet_addr(core, text)).toBe(INADDR_NONE);
  });
  it("after \"1.2.3\" only a whitespace character (C isspace) keeps the address (Windows)", () => {
    for (let c = 1; c < 256; c++) {
      if (c >= 0x30 && c <= 0x39) continue;
      const ok = c === 0x20 || (c >= 9 && c <= 13);
      expect(N.inet_addr(core, "1.2.3" + String.fromCharCode(c)), `char ${c}`).toBe(ok ? 0x03000201 : INADDR_NONE);
    }
  });
  it("a NUL ends the text as it ends a C string", () => {
    expect(N.inet_ntoa(core, N.inet_addr(core, "1.2.3.4\0junk"))).toBe("1.2.3.4");
  });
  it("works without WSAStartup; only NULL sets the last error (WSAEFAULT, Windows)", () => {
    core.harness_set_last_error(4242);
    N.inet_addr(core, "nonsense");
    N.inet_addr(core, "1.2.3.4");
    expect(core.harness_get_last_error()).toBe(4242);
    expect(N.inet_addr(core, null)).toBe(INADDR_NONE);
    expect(core.harness_get_last_error()).toBe(WSA.WSAEFAULT);
  });
  it("inet_ntoa prints every byte in decimal", () => {
    expect(N.inet_ntoa(core, 0)).toBe("0.0.0.0");
    expect(N.inet_ntoa(core, 0xffffffff)).toBe("255.255.255.255");
    expect(N.inet_ntoa(core, 0x0100007f)).toBe("127.0.0.1");
  });
});

const hex = (b: Uint8Array | null) => (b ? Buffer.from(b).toString("hex") : null);

describe("inet_pton", () => {
  const v4: Array<[string, string | null]> = [
    ["1.2.3.4", "01020304"], ["0.0.0.0", "00000000"], ["255.255.255.255", "ffffffff"],
    ["192.0.2.33", "c0000221"],
    ["1.2.3", null], ["01.2.3.4", null], ["1.2.3.04", null], ["0x1.2.3.4", null], ["1.2.3.4 ", null],
    [" 1.2.3.4", null], ["256.0.0.0", null], ["1.2.3.4.5", null], ["", null], ["1.2.3.", null],
    ["1", null], ["1.2.3.4%1", null], ["::1", null],
    // Windows
    ["127.127.127.255", "7f7f7fff"], ["127.127.127.255:123", null], ["1.1.1.0xaA", null], ["1.1.1.010", null],
    ["1.1.1.00", null], ["1.1.1.0a", null], ["203569230", null], ["3.4.5.6 ", null], ["3. 4.5.6", null],
    ["0x00010203", null], ["017700000001", null], ["::177.32.45.20", null],
  ];
  it.each(v4)("AF_INET %j -> %s (strict dotted quad only)", (text, want) => {
    expect(hex(N.inet_pton(core, AF_INET, text))).toBe(want);
  });

  const v6: Array<[string, string | null]> = [
    // RFC 4291 §2.2 (1)-(3) examples
    ["ABCD:EF01:2345:6789:ABCD:EF01:2345:6789", "abcdef0123456789abcdef0123456789"],
    ["2001:DB8:0:0:8:800:200C:417A", "20010db80000000000080800200c417a"],
    ["2001:DB8::8:800:200C:417A", "20010db80000000000080800200c417a"],
    ["FF01::101", "ff010000000000000000000000000101"],
    ["::1", "00000000000000000000000000000001"],
    ["::", "00000000000000000000000000000000"],
    ["0:0:0:0:0:0:13.1.68.3", "0000000000000000000000000d014403"],
    ["::13.1.68.3", "0000000000000000000000000d014403"],
    ["0:0:0:0:0:FFFF:129.144.52.38", "00000000000000000000ffff81903426"],
    ["::FFFF:129.144.52.38", "00000000000000000000ffff81903426"],
    ["1::", "00010000000000000000000000000000"],
    ["1:2:3:4:5:6::7", "00010002000300040005000600000007"], // "::" for one group is still valid input
    ["1:2:3:4:5:6:1.2.3.4", "00010002000300040005000601020304"],
    ["::0001", "00000000000000000000000000000001"],
    // rejected
    ["1::2::3", null], [":1", null], ["1:", null], [":::", null], ["1:2:3:4:5:6:7", null],
    ["1:2:3:4:5:6:7:8:9", null], ["1:2:3:4:5:6:7::8", null], ["12345::", null], ["g::", null],
    ["::1.2.3", null], ["::01.2.3.4", "00000000000000000000000001020304"], ["::1.2.3.4:5", null], ["1:2:3:4:5:6:7:1.2.3.4", null],
    ["fe80::1%1", null], ["[::1]", null], ["", null], [" ::1", null], ["::1 ", null], ["1.2.3.4", null],
    // Windows
    ["0:0:0:0:0:0:0::", "00000000000000000000000000000000"], ["::0:0:0:0:0:0:0", "00000000000000000000000000000000"],
    ["::0:a:b:c:d:e:f", "00000000000a000b000c000d000e000f"], ["0:a:b:c:d:e:f::", "0000000a000b000c000d000e000f0000"],
    ["1::001.2.3.4", "00010000000000000000000001020304"], ["1::1.002.3.4", "00010000000000000000000001020304"],
    ["1111::4444:5555:6666:123.123.123.123", "1111000000004444555566667b7b7b7b"],
    ["1::0001.2.3.4", null], ["1::1.2.3.300", null], ["1::1.2.3.4::1", null], ["1::1.2", null], ["1::1a.2.3.4", null],
    ["::%16", null], ["::/16", null], ["::01234", null], ["2001:0000::01234.0", null], ["2001::0:b.0", null],
    ["1111:2222:::", null], ["1111::5555:", null], ["1111:2222:3333:4444:5555::0x88", null],
    ["1111:2222:3333:4444:5555:6666::7777:8888", null], ["02001:0000:1234:0000:0000:C1C0:ABCD:0876", null],
    ["2001:0000:1234:0000:0000:C1C0:ABCD:0876  0", null], ["':10.0.0.1", null], ["-1", null], ["1111", null],
  ];
  it.each(v6)("AF_INET6 %j -> %s", (text, want) => {
    expect(hex(N.inet_pton(core, AF_INET6, text))).toBe(want);
  });

  it("bad text returns 0: inet_pton sets no error, InetPtonW sets WSAEINVAL (Windows)", () => {
    core.harness_set_last_error(777);
    const dst = mem.reset().alloc(16);
    expect(core.inet_pton(AF_INET6, mem.strA("nope"), dst)).toBe(0);
    expect(core.inet_pton(AF_INET, mem.strA("1.2.3"), dst)).toBe(0);
    expect(N.inet_pton(core, AF_INET, "1.2.3")).toBeNull();
    expect(core.harness_get_last_error()).toBe(777);
    expect(N.InetPtonW(core, AF_INET, "1.2.3")).toBeNull();
    expect(core.harness_get_last_error()).toBe(WSA.WSAEINVAL);
    core.harness_set_last_error(777);
    expect(hex(N.InetPtonW(core, AF_INET6, "::2"))).toBe("00000000000000000000000000000002");
    expect(core.harness_get_last_error()).toBe(777);
  });
  it("an unsupported family returns -1 with WSAEAFNOSUPPORT", () => {
    for (const fam of [0, 1, 10, 26, -1, 99]) {
      core.harness_set_last_error(0);
      expect(core.inet_pton(fam, mem.reset().strA("1.2.3.4"), mem.alloc(16))).toBe(-1);
      expect(core.harness_get_last_error()).toBe(WSA.WSAEAFNOSUPPORT);
      expect(codeOf(() => N.inet_pton(core, fam, "1.2.3.4"))).toBe("WSAEAFNOSUPPORT");
    }
  });
  it("NULL text returns -1 with WSAEFAULT, checked before the family (Windows)", () => {
    for (const fam of [AF_INET, AF_INET6, 0]) {
      core.harness_set_last_error(0);
      expect(core.inet_pton(fam, 0, mem.reset().alloc(16))).toBe(-1);
      expect(core.harness_get_last_error()).toBe(WSA.WSAEFAULT);
      expect(core.InetPtonW(fam, 0, mem.alloc(16))).toBe(-1);
      expect(codeOf(() => N.inet_pton(core, fam, null))).toBe("WSAEFAULT");
    }
  });
});

describe("inet_ntop", () => {
  const cases: Array<[string, string]> = [
    // RFC 5952 §4.1 leading zeros, §4.2.1 longest run, §4.2.2 not one group, §4.2.3 first on ties,
    // §4.3 lowercase, §5 IPv4-mapped
    ["2001:0db8::0001", "2001:db8::1"],
    ["2001:db8:0:0:0:0:2:1", "2001:db8::2:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:DB8::ABCD", "2001:db8::abcd"],
    ["::ffff:c000:0280", "::ffff:192.0.2.128"],
    ["0:0:0:0:0:0:0:0", "::"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["1:0:0:0:0:0:0:0", "1::"],
    ["1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0"],
    ["0:1:2:3:4:5:6:7", "0:1:2:3:4:5:6:7"],
    ["1:0:0:2:0:0:0:3", "1:0:0:2::3"],
    ["fe80:0:0:0:0:0:0:1", "fe80::1"],
    // RFC 5952 §5 mixed notation where Windows uses it: mapped, and IPv4-compatible with a
    // non-zero 7th group (Windows: "::204.152.189.116", "::fffe:cc98:bd74", "2030:a4b1::")
    ["::1.2.3.4", "::1.2.3.4"],
    ["::204.152.189.116", "::204.152.189.116"],
    ["::fffe:cc98:bd74", "::fffe:cc98:bd74"],
    ["2030:a4b1::", "2030:a4b1::"],
    ["::0.0.255.255", "::ffff"],
    ["::0.1.0.0", "::0.1.0.0"],
    ["::ffff:0:0", "::ffff:0.0.0.0"],
    // Windows' RtlIpv6AddressToString forms (IPv4-translated, ISATAP; a 0x0100 prefix is not ISATAP)
    ["::ffff:0:13.1.68.3", "::ffff:0:13.1.68.3"],
    ["::1:d01:4403", "::1:d01:4403"],
    ["1111:2222:3333:4444:0:5efe:129.144.52.38", "1111:2222:3333:4444:0:5efe:129.144.52.38"],
    ["1111:0:0:0:0:5efe:8190:3426", "1111::5efe:129.144.52.38"],
    ["::100:5efe:8190:3426", "::100:5efe:8190:3426"],
    ["::200:5efe:8190:3426", "::200:5efe:129.144.52.38"],
    ["fe80::5efe:c0a8:f261", "fe80::5efe:192.168.242.97"],
    ["1080::8:800:200c:417a", "1080::8:800:200c:417a"],
    ["2001::ffd3", "2001::ffd3"],
  ];
  it.each(cases)("%s prints as %s", (input, want) => {
    const b = N.inet_pton(core, AF_INET6, input)!;
    expect(N.inet_ntop(core, AF_INET6, b)).toBe(want);
  });
  it("IPv4 prints dotted decimal, as inet_ntoa does", () => {
    expect(N.inet_ntop(core, AF_INET, new Uint8Array([192, 0, 2, 255]))).toBe("192.0.2.255");
    expect(N.inet_ntop(core, AF_INET, new Uint8Array([21, 16, 32, 32]), 16)).toBe(N.inet_ntoa(core, 0x20201015));
  });
  it("a buffer too small (or zero) fails with WSAEINVAL (Windows 7's code); text + NUL fits exactly", () => {
    const a = new Uint8Array([10, 0, 0, 1]); // "10.0.0.1": 8 characters + NUL
    expect(N.inet_ntop(core, AF_INET, a, 9)).toBe("10.0.0.1");
    for (const size of [8, 6, 1, 0, -1]) expect(codeOf(() => N.inet_ntop(core, AF_INET, a, size))).toBe(size < 0 ? "none" : "WSAEINVAL");
    const six = N.inet_pton(core, AF_INET6, "2001:db8::1")!;
    expect(N.inet_ntop(core, AF_INET6, six, 12)).toBe("2001:db8::1");
    expect(codeOf(() => N.inet_ntop(core, AF_INET6, six, 11))).toBe("WSAEINVAL");
    // Windows: "::fffe:cc98:bd74" does not fit 16 characters but fits 18
    const w = N.inet_pton(core, AF_INET6, "::fffe:cc98:bd74")!;
    expect(codeOf(() => N.inet_ntop(core, AF_INET6, w, 16))).toBe("WSAEINVAL");
    expect(N.inet_ntop(core, AF_INET6, w, 18)).toBe("::fffe:cc98:bd74");
    // the longest IPv6 text (45 characters) fits INET6_ADDRSTRLEN
    const longest = N.inet_pton(core, AF_INET6, "::ffff:255.255.255.255")!;
    expect(N.inet_ntop(core, AF_INET6, longest, N.INET6_ADDRSTRLEN)).toBe("::ffff:255.255.255.255");
    const full = N.inet_pton(core, AF_INET6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")!;
    expect(N.inet_ntop(core, AF_INET6, full, 40)).toBe("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  });
  it("an unsupported family fails with WSAEAFNOSUPPORT", () => {
    expect(codeOf(() => N.inet_ntop(core, 10, new Uint8Array(16)))).toBe("WSAEAFNOSUPPORT");
  });
  it("an address shorter than the family's in_addr is WSAEFAULT (a bad pointer in C), not a trap", () => {
    expect(codeOf(() => N.inet_ntop(core, AF_INET6, new Uint8Array(15)))).toBe("WSAEFAULT");
    expect(codeOf(() => N.inet_ntop(core, AF_INET, new Uint8Array(3)))).toBe("WSAEFAULT");
  });
});

describe("WSAStringToAddress", () => {
  // Expected bytes: Windows' SOCKADDR_IN (family LE, port BE, addr, 8 zero) and SOCKADDR_IN6
  // (family 23 LE, port BE, flowinfo, addr, scope_id LE).
  const v4: Array<[string, string]> = [
    ["1.2.3.4", "0200000001020304" + "00".repeat(8)],
    ["1.2.3.4:80", "0200005001020304" + "00".repeat(8)],
    ["127.1:65535", "0200ffff7f000001" + "00".repeat(8)],
    ["0x7f.1:0x50", "020000507f000001" + "00".repeat(8)],
    // Windows
    ["127.127.127.127:0xAbCd", "0200abcd7f7f7f7f" + "00".repeat(8)],
    ["127.127.127.127:010", "020000087f7f7f7f" + "00".repeat(8)],
    ["127.127.127.127:007", "020000077f7f7f7f" + "00".repeat(8)],
    ["1.1.1.0xaA", "02000000010101aa" + "00".repeat(8)],
    ["1:1", "0200000100000001" + "00".repeat(8)],
    ["1.2:1", "0200000101000002" + "00".repeat(8)],
    ["1.2.3:1", "0200000101020003" + "00".repeat(8)],
    ["1.223756", "0200000001036a0c" + "00".repeat(8)],
    ["3.4.756", "02000000030402f4" + "00".repeat(8)],
    ["0x123456789", "0200000023456789" + "00".repeat(8)], // an over-long hex part keeps its low 32 bits
    ["0777:10", "0200000a000001ff" + "00".repeat(8)],
    ["255.255.255.255:65535", "0200ffffffffffff" + "00".repeat(8)],
  ];
  it.each(v4)("AF_INET %j", (text, want) => {
    for (const call of [N.WSAStringToAddressA, N.WSAStringToAddressW]) {
      const r = call(core, text, AF_INET, 16);
      expect(hex(r.sockaddr)).toBe(want);
      expect(r.length).toBe(16);
    }
  });
  const v6: Array<[string, string]> = [
    ["::1", "1700" + "0000" + "00000000" + "00000000000000000000000000000001" + "00000000"],
    ["[::1]", "1700" + "0000" + "00000000" + "00000000000000000000000000000001" + "00000000"],
    ["[::1]:80", "1700" + "0050" + "00000000" + "00000000000000000000000000000001" + "00000000"],
    ["fe80::1%4", "1700" + "0000" + "00000000" + "fe800000000000000000000000000001" + "04000000"],
    ["[fe80::1%3]:8080", "1700" + "1f90" + "00000000" + "fe800000000000000000000000000001" + "03000000"],
    ["[fe80::2%4294967295]:65535", "1700" + "ffff" + "00000000" + "fe800000000000000000000000000002" + "ffffffff"],
    ["::ffff:1.2.3.4", "1700" + "0000" + "00000000" + "00000000000000000000ffff01020304" + "00000000"],
    ["::1:80", "1700" + "0000" + "00000000" + "00000000000000000000000000010080" + "00000000"],
    ["001::1", "1700" + "0000" + "00000000" + "00010000000000000000000000000001" + "00000000"], // Windows
    ["[::1]:65535", "1700" + "ffff" + "00000000" + "00000000000000000000000000000001" + "00000000"], // Windows
    ["[::1]:0x50", "1700" + "0050" + "00000000" + "00000000000000000000000000000001" + "00000000"],
  ];
  it.each(v6)("AF_INET6 %j", (text, want) => {
    const r = N.WSAStringToAddressW(core, text, AF_INET6, 28);
    expect(hex(r.sockaddr)).toBe(want);
    expect(r.length).toBe(28);
  });
  const bad: Array<[string | null, number]> = [
    // Windows
    ["127.127.127.127:0", AF_INET], ["127.127.127.127:65537", AF_INET], ["127.127.127.127::1", AF_INET],
    ["127.127.127.127:0x", AF_INET], ["127.127.127.127:0x10000", AF_INET], ["127.127.127.127:08", AF_INET],
    ["127.127.127.127:0a", AF_INET], ["127.127.127.127:0o10", AF_INET], ["1.1.1.0x", AF_INET], ["1.1.1.08", AF_INET],
    ["1.1.1.-2", AF_INET], ["-1", AF_INET], ["1000.2000", AF_INET], ["1.2.", AF_INET], ["1...2", AF_INET],
    ["2001::1", AF_INET], ["756.3.4", AF_INET], ["3.756.4", AF_INET], ["3.4.65536", AF_INET],
    ["3.4.5.6:7 ", AF_INET], ["3.4.5.6: 7", AF_INET], [".", AF_INET], ["x00010203", AF_INET],
    ["0x00010Q03", AF_INET], ["1234BEEF", AF_INET], [":1", AF_INET], [" ", AF_INET],
    ["::1]:65535", AF_INET6], ["1:2:3:", AF_INET6], ["[::1]:0", AF_INET6],
    ["1.2.3.4:65536", AF_INET], ["1.2.3.4:", AF_INET], ["1.2.3.4:x", AF_INET], ["[1.2.3.4]:80", AF_INET],
    [" 1.2.3.4", AF_INET], ["", AF_INET], ["1.2.3.4 ", AF_INET], ["1.2.3.4:-1", AF_INET], ["::1", AF_INET],
    ["[::1]:65536", AF_INET6], ["[::1", AF_INET6], ["::1]", AF_INET6], ["fe80::1%", AF_INET6],
    ["fe80::1%x", AF_INET6], ["[::1]80", AF_INET6], ["[::1]:", AF_INET6], ["1.2.3.4", AF_INET6],
    ["fe80::1%4294967296", AF_INET6], ["", AF_INET6], [null, AF_INET6],
    ["1.2.3.4", 0], ["1.2.3.4", 99], ["::1", 10],
  ];
  it.each(bad)("%j in family %i fails with WSAEINVAL", (text, fam) => {
    expect(codeOf(() => N.WSAStringToAddressA(core, text, fam, 28))).toBe("WSAEINVAL");
  });
  it("a short lpAddressLength fails with WSAEFAULT and reports the size needed", () => {
    for (const [fam, need] of [[AF_INET, 16], [AF_INET6, 28]]) {
      for (const given of [0, need - 1, -5]) {
        try {
          N.WSAStringToAddressA(core, fam === AF_INET ? "1.2.3.4" : "::1", fam, given);
          expect.unreachable();
        } catch (e) {
          expect((e as N.WinsockLengthError).code).toBe("WSAEFAULT");
          expect((e as N.WinsockLengthError).needed).toBe(need);
        }
      }
      expect(N.WSAStringToAddressA(core, fam === AF_INET ? "1.2.3.4" : "::1", fam, need + 100).length).toBe(need);
    }
  });
});

describe("WSAAddressToString", () => {
  const sa4 = (addr: number[], port: number) => {
    const b = new Uint8Array(16); const dv = new DataView(b.buffer);
    dv.setUint16(0, AF_INET, true); dv.setUint16(2, port, false); b.set(addr, 4); return b;
  };
  const sa6 = (text: string, port: number, scope: number, flow = 0) => {
    const b = new Uint8Array(28); const dv = new DataView(b.buffer);
    dv.setUint16(0, AF_INET6, true); dv.setUint16(2, port, false); dv.setUint32(4, flow, false);
    b.set(N.inet_pton(core, AF_INET6, text)!, 8); dv.setUint32(24, scope, true); return b;
  };
  it("Windows' IPv6 forms with scope and port", () => {
    expect(N.WSAAddressToStringA(core, sa6("::13.1.68.3", 0, 0))).toBe("::13.1.68.3");
    expect(N.WSAAddressToStringA(core, sa6("::13.1.68.3", 0, 1))).toBe("::13.1.68.3%1");
    expect(N.WSAAddressToStringA(core, sa6("::13.1.68.3", 65518, 0xffffbbbb))).toBe("[::13.1.68.3%4294949819]:65518");
    expect(N.WSAAddressToStringA(core, sa6("::13.1.68.3", 256, 0))).toBe("[::13.1.68.3]:256");
    expect(N.WSAAddressToStringA(core, sa6("20ab::2001", 33274, 0x1234))).toBe("[20ab::2001%4660]:33274");
    expect(N.WSAAddressToStringA(core, sa6("20ab::2001", 0, 0x1234))).toBe("20ab::2001%4660");
    expect(N.WSAAddressToStringA(core, sa4([255, 255, 255, 255], 65535))).toBe("255.255.255.255:65535");
    expect(N.WSAAddressToStringA(core, sa4([0, 0, 0, 0], 65535))).toBe("0.0.0.0:65535");
  });
  it("prints the port and scope only when non-zero", () => {
    expect(N.WSAAddressToStringA(core, sa4([1, 2, 3, 4], 0))).toBe("1.2.3.4");
    expect(N.WSAAddressToStringA(core, sa4([1, 2, 3, 4], 80))).toBe("1.2.3.4:80");
    expect(N.WSAAddressToStringW(core, sa6("::1", 0, 0))).toBe("::1");
    expect(N.WSAAddressToStringW(core, sa6("fe80::1", 0, 7))).toBe("fe80::1%7");
    expect(N.WSAAddressToStringW(core, sa6("::1", 443, 0))).toBe("[::1]:443");
    expect(N.WSAAddressToStringA(core, sa6("fe80::1", 65535, 4294967295))).toBe("[fe80::1%4294967295]:65535");
    expect(N.WSAAddressToStringA(core, sa6("::ffff:10.0.0.1", 0, 0))).toBe("::ffff:10.0.0.1");
    expect(N.WSAAddressToStringA(core, sa6("2001:db8::1", 0, 0, 0x12345))).toBe("2001:db8::1");
  });
  it("a buffer too small fails with WSAEFAULT and reports the length needed incl. the NUL", () => {
    const sa = sa4([192, 168, 100, 200], 65535); // "192.168.100.200:65535" is 21 characters
    expect(N.WSAAddressToStringA(core, sa, 16, 22)).toBe("192.168.100.200:65535");
    for (const len of [21, 1, 0]) {
      try { N.WSAAddressToStringA(core, sa, 16, len); expect.unreachable(); } catch (e) {
        expect((e as N.WinsockLengthError).code).toBe("WSAEFAULT");
        expect((e as N.WinsockLengthError).needed).toBe(22);
      }
    }
  });
  it("a bad sockaddr fails with WSAEINVAL", () => {
    expect(codeOf(() => N.WSAAddressToStringA(core, null, 16))).toBe("WSAEINVAL");
    expect(codeOf(() => N.WSAAddressToStringA(core, sa4([1, 2, 3, 4], 1), 15))).toBe("WSAEINVAL");
    expect(codeOf(() => N.WSAAddressToStringA(core, sa6("::1", 1, 0), 27))).toBe("WSAEINVAL");
    expect(codeOf(() => N.WSAAddressToStringA(core, sa4([1, 2, 3, 4], 1).subarray(0, 8), 16))).toBe("WSAEINVAL");
    const odd = sa4([1, 2, 3, 4], 1); odd[0] = 10; // Linux's AF_INET6 number is not Windows'
    expect(codeOf(() => N.WSAAddressToStringA(core, odd, 16))).toBe("WSAEINVAL");
    expect(codeOf(() => N.WSAAddressToStringA(core, new Uint8Array(0), 0))).toBe("WSAEINVAL");
  });
});

describe("decodeSockaddr", () => {
  it("reads what WSAStringToAddress wrote", () => {
    const { sockaddr } = N.WSAStringToAddressA(core, "[2001:db8::7%9]:1234", AF_INET6);
    expect(N.decodeSockaddr(core, sockaddr)).toEqual({ family: AF_INET6, address: "2001:db8::7", port: 1234, flowinfo: 0, scopeId: 9 });
  });
});
