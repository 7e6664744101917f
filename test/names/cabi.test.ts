// The Names exports as a C guest calls them: NUL-terminated A (bytes) and W (UTF-16) strings,
// sockaddrs and length words in core memory, results written through pointers. Sources: Microsoft
// Learn (WSAStringToAddress, WSAAddressToString, InetPton, InetNtop, inet_ntoa) and Windows' answers
// recorded by Wine's conformance tests (dlls/ws2_32/tests/sock.c). A pointer outside core memory is
// WSAEFAULT, never a trap (DESIGN.md).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WSA } from "../../host/node/errors.ts";
import { instantiateCore } from "../../host/node/wasm.ts";
import { CMem, type HarnessCore } from "./cabi.ts";

const AF_INET = 2, AF_INET6 = 23, SOCKET_ERROR = -1;
let c: HarnessCore;
let m: CMem;
beforeAll(async () => { c = await instantiateCore("test/names"); m = new CMem(c); });
beforeEach(() => { m.reset(); c.harness_set_last_error(0); });
const err = () => c.harness_get_last_error();
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const outside = () => c.memory.buffer.byteLength + 64; // a pointer past the end of core memory

describe("WSAStringToAddressA/W", () => {
  it("fills the sockaddr and *lpAddressLength, from A and W text alike", () => {
    for (const wide of [false, true]) {
      m.reset();
      const len = m.i32(28);
      const out = m.alloc(28);
      const text = wide ? m.strW("[fe80::1%3]:8080") : m.strA("[fe80::1%3]:8080");
      expect((wide ? c.WSAStringToAddressW : c.WSAStringToAddressA)(text, AF_INET6, 0, out, len)).toBe(0);
      expect(m.readI32(len)).toBe(28);
      expect(hex(m.read(out, 28))).toBe("17001f90" + "00000000" + "fe800000000000000000000000000001" + "03000000");
    }
    const len = m.i32(16 + 10);
    const out = m.alloc(26);
    expect(c.WSAStringToAddressA(m.strA("127.1:80"), AF_INET, 0, out, len)).toBe(0);
    expect(m.readI32(len)).toBe(16);
    expect(hex(m.read(out, 26))).toBe("020000507f000001" + "00".repeat(8) + "ab".repeat(10)); // only 16 bytes written
  });
  it("a short *lpAddressLength: WSAEFAULT, the size needed written back, the buffer untouched", () => {
    for (const [fam, text, need] of [[AF_INET, "1.2.3.4", 16], [AF_INET6, "::1", 28]] as const) {
      for (const given of [0, need - 1]) {
        m.reset();
        const len = m.i32(given);
        const out = m.alloc(28);
        expect(c.WSAStringToAddressA(m.strA(text), fam, 0, out, len)).toBe(SOCKET_ERROR);
        expect(err()).toBe(WSA.WSAEFAULT);
        expect(m.readI32(len)).toBe(need);
        expect(hex(m.read(out, 28))).toBe("ab".repeat(28));
      }
    }
  });
  it("bad text: WSAEINVAL, *lpAddressLength and the buffer untouched (Windows)", () => {
    const len = m.i32(26);
    const out = m.alloc(28);
    expect(c.WSAStringToAddressA(m.strA("127.127.127.127:0"), AF_INET, 0, out, len)).toBe(SOCKET_ERROR);
    expect(err()).toBe(WSA.WSAEINVAL);
    expect(m.readI32(len)).toBe(26);
    expect(hex(m.read(out, 28))).toBe("ab".repeat(28));
  });
  it("NULL text or an unknown family is WSAEINVAL; bad pointers are WSAEFAULT", () => {
    const len = m.i32(28);
    const out = m.alloc(28);
    expect(c.WSAStringToAddressA(0, AF_INET, 0, out, len)).toBe(SOCKET_ERROR);
    expect(err()).toBe(WSA.WSAEINVAL);
    expect(c.WSAStringToAddressA(m.strA("1.2.3.4"), 10, 0, out, len)).toBe(SOCKET_ERROR);
    expect(err()).toBe(WSA.WSAEINVAL);
    for (const [text, addr, lenPtr] of [[m.strA("1.2.3.4"), out, 0], [m.strA("1.2.3.4"), out, outside()], [m.strA("1.2.3.4"), 0, len], [m.strA("1.2.3.4"), outside(), len], [outside(), out, len]]) {
      c.harness_set_last_error(0);
      expect(c.WSAStringToAddressA(text, AF_INET, 0, addr, lenPtr)).toBe(SOCKET_ERROR);
      expect(err()).toBe(WSA.WSAEFAULT);
    }
  });
});

describe("WSAAddressToStringA/W", () => {
  const sa4 = () => m.bytes(new Uint8Array([2, 0, 0x1f, 0x90, 192, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0]));
  it("writes the text and its length including the NUL, in bytes (A) or WCHARs (W)", () => {
    const sa = sa4();
    for (const wide of [false, true]) {
      const len = m.i32(64);
      const out = m.alloc(128);
      expect((wide ? c.WSAAddressToStringW : c.WSAAddressToStringA)(sa, 16, 0, out, len)).toBe(0);
      expect(m.readI32(len)).toBe("192.0.2.1:8080".length + 1);
      expect(wide ? m.readW(out) : m.readA(out)).toBe("192.0.2.1:8080");
    }
  });
  it("a zero length and no buffer: WSAEFAULT with the length needed (Windows: 8 for 0.0.0.0)", () => {
    const sa = m.bytes(new Uint8Array([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    for (const fn of [c.WSAAddressToStringA, c.WSAAddressToStringW]) {
      const len = m.i32(0);
      expect(fn(sa, 16, 0, 0, len)).toBe(SOCKET_ERROR);
      expect(err()).toBe(WSA.WSAEFAULT);
      expect(m.readI32(len)).toBe(8);
    }
  });
  it("NULL sockaddr or length pointer: WSAEINVAL; a short dwAddressLength: WSAEINVAL; bad pointers: WSAEFAULT", () => {
    const sa = sa4();
    const len = m.i32(64);
    const out = m.alloc(64);
    expect(c.WSAAddressToStringA(0, 16, 0, out, len)).toBe(SOCKET_ERROR);
    expect(err()).toBe(WSA.WSAEINVAL);
    expect(c.WSAAddressToStringA(sa, 16, 0, out, 0)).toBe(SOCKET_ERROR);
    expect(err()).toBe(WSA.WSAEINVAL);
    expect(c.WSAAddressToStringA(sa, 15, 0, out, len)).toBe(SOCKET_ERROR);
    expect(err()).toBe(WSA.WSAEINVAL);
    for (const [s, o, l] of [[outside(), out, len], [sa, outside(), len], [sa, 0, len], [sa, out, outside()]]) {
      c.harness_set_last_error(0);
      m.dv.setInt32(len, 64, true);
      expect(c.WSAAddressToStringA(s, 16, 0, o, l)).toBe(SOCKET_ERROR);
      expect(err()).toBe(WSA.WSAEFAULT);
    }
  });
});

describe("inet_pton / InetPtonW, inet_ntop / InetNtopW, inet_addr, inet_ntoa", () => {
  it("inet_pton writes the address only on success", () => {
    const dst = m.alloc(16);
    expect(c.inet_pton(AF_INET6, m.strA("2001:db8::1"), dst)).toBe(1);
    expect(hex(m.read(dst, 16))).toBe("20010db8000000000000000000000001");
    const dst2 = m.alloc(16);
    expect(c.InetPtonW(AF_INET, m.strW("10.0.0.1"), dst2)).toBe(1);
    expect(hex(m.read(dst2, 16))).toBe("0a000001" + "ab".repeat(12));
    expect(c.inet_pton(AF_INET, m.strA("10.0.0.1x"), dst2)).toBe(0);
    expect(hex(m.read(dst2, 4))).toBe("0a000001");
    expect(c.inet_pton(AF_INET, m.strA("1.2.3.4"), outside())).toBe(-1);
    expect(err()).toBe(WSA.WSAEFAULT);
    expect(c.inet_pton(AF_INET6, m.strA("::1"), 0)).toBe(-1);
    expect(err()).toBe(WSA.WSAEFAULT);
  });
  it("a string without a NUL before the end of memory is WSAEFAULT, not a read past the end", () => {
    const end = c.memory.buffer.byteLength;
    const u8 = m.u8;
    const saved = u8.slice(end - 3);
    u8.set([0x31, 0x2e, 0x32], end - 3); // "1.2" and then the end of memory
    try {
      expect(c.inet_addr(end - 3) >>> 0).toBe(0xffffffff);
      expect(err()).toBe(WSA.WSAEFAULT);
      c.harness_set_last_error(0);
      expect(c.inet_pton(AF_INET, end - 3, m.alloc(4))).toBe(-1);
      expect(err()).toBe(WSA.WSAEFAULT);
      expect(c.InetPtonW(AF_INET, end - 2, m.alloc(4))).toBe(-1);
    } finally {
      m.u8.set(saved, end - 3);
    }
  });
  it("inet_ntop returns the caller's buffer, or NULL leaving it untouched", () => {
    const addr = m.bytes(new Uint8Array([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    const buf = m.alloc(64);
    expect(c.inet_ntop(AF_INET6, addr, buf, 12) >>> 0).toBe(buf);
    expect(m.readA(buf)).toBe("2001:db8::1");
    const wbuf = m.alloc(128);
    expect(c.InetNtopW(AF_INET6, addr, wbuf, 46) >>> 0).toBe(wbuf);
    expect(m.readW(wbuf)).toBe("2001:db8::1");
    const small = m.alloc(16);
    expect(c.inet_ntop(AF_INET6, addr, small, 11)).toBe(0);
    expect(err()).toBe(WSA.WSAEINVAL);
    expect(hex(m.read(small, 16))).toBe("ab".repeat(16));
    expect(c.inet_ntop(AF_INET6, addr, 0, 46)).toBe(0);
    expect(err()).toBe(WSA.WSAEINVAL); // NULL buffer (Windows 7's code)
    expect(c.inet_ntop(1, addr, buf, 46)).toBe(0);
    expect(err()).toBe(WSA.WSAEAFNOSUPPORT);
    expect(c.inet_ntop(AF_INET6, outside(), buf, 46)).toBe(0);
    expect(err()).toBe(WSA.WSAEFAULT);
    c.harness_set_last_error(0);
    expect(c.inet_ntop(AF_INET6, addr, outside(), 46)).toBe(0);
    expect(err()).toBe(WSA.WSAEFAULT);
  });
  it("inet_addr reads an A string; inet_ntoa answers in one static buffer, overwritten by the next call", () => {
    expect(c.inet_addr(m.strA("10.1 trailing")) >>> 0).toBe(0x0100000a);
    const p1 = c.inet_ntoa(0x0100007f) >>> 0;
    expect(m.readA(p1)).toBe("127.0.0.1");
    const p2 = c.inet_ntoa(0xffffffff) >>> 0;
    expect(p2).toBe(p1);
    expect(m.readA(p1)).toBe("255.255.255.255");
  });
});

describe("never a trap on random pointers and lengths", () => {
  it("reads from anywhere, writes only where asked (NULL, the harness buffer, or past the end)", async () => {
    const fc = (await import("fast-check")).default;
    const memEnd = () => c.memory.buffer.byteLength;
    const readPtr = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 4096 }).map((d) => memEnd() - d));
    const writePtr = fc.oneof(fc.constant(0), fc.constant(-1), fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 4096 }).map((d) => memEnd() - d + 4096));
    const fam = fc.constantFrom(0, 2, 23, -1, 0x7fffffff);
    const n = fc.integer({ min: -2, max: 0x7fffffff });
    fc.assert(fc.property(readPtr, writePtr, fam, n, (rp, wsel, f, len) => {
      m.reset();
      const w = wsel === -1 ? m.alloc(256) : wsel > 0 && wsel <= 64 ? m.alloc(256) + wsel : wsel; // inside the harness buffer, or NULL / outside
      const lenPtr = m.i32(len);
      const r = rp >>> 0;
      c.inet_addr(r);
      c.inet_pton(f, r, w);
      c.InetPtonW(f, r, w);
      c.inet_ntop(f, r, w, len >>> 0);
      c.InetNtopW(f, r, w, 80);
      c.WSAStringToAddressA(r, f, 0, w, lenPtr);
      c.WSAStringToAddressW(r, f, 0, w, w === 0 ? lenPtr : m.i32(28));
      c.WSAAddressToStringA(r, len >>> 0, 0, w, lenPtr);
      c.WSAAddressToStringW(r, 28, r, w, m.i32(len));
      c.names_inet_addr(r, len);
      c.names_inet_pton(f, r, len, 1);
      c.names_string_to_address(r, len, f, len);
      c.names_inet_ntop(f, len, len);
      c.names_address_to_string(len, len, len);
      c.inet_ntoa(r);
    }), { numRuns: 3000, seed: 7 });
  });
});
