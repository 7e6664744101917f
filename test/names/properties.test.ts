// Properties of the core's address text conversions, cross-checked against parsers nobody here wrote:
// Node's net.isIPv4/isIPv6 and the WHATWG URL host parser (IPv4 number forms, IPv6 serialisation,
// which follows the same compression rule as RFC 5952 §4.2). Plus: no input ever traps the core.
import { isIPv4, isIPv6 } from "node:net";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { WinsockError } from "../../host/node/errors.ts";
import * as N from "../../host/node/names.ts";
import { instantiateCore } from "../../host/node/wasm.ts";
import { WSA } from "../../host/node/errors.ts";
import { CMem, type HarnessCore } from "./cabi.ts";

const { AF_INET, AF_INET6, INADDR_NONE } = N;
let core: N.NamesCore;
beforeAll(async () => { core = await instantiateCore("test/names"); });

const RUNS = { numRuns: 3000, seed: 20261122 };

/** 16 address bytes whose 16-bit groups are often zero, so every compression case shows up. */
const v6Bytes = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 })
  .chain((groups) => fc.integer({ min: 0, max: 7 }).map((form) => {
    // the embedded-IPv4 forms: mapped, IPv4-compatible, IPv4-translated, ISATAP (two prefixes)
    if (form === 0) { groups.fill(0, 0, 5); groups[5] = 0xffff; }
    if (form === 1) groups.fill(0, 0, 6);
    if (form === 2) { groups.fill(0, 0, 4); groups[4] = 0xffff; groups[5] = 0; }
    if (form === 3 || form === 4) { groups[4] = form === 3 ? 0 : 0x200; groups[5] = 0x5efe; }
    const b = new Uint8Array(16);
    groups.forEach((g, i) => { b[2 * i] = g >> 8; b[2 * i + 1] = g & 0xff; });
    return b;
  }));

const urlHost6 = (text: string) => new URL(`http://[${text}]/`).hostname.slice(1, -1);

describe("IPv6 text", () => {
  it("inet_pton(inet_ntop(a)) == a, and inet_ntop agrees with the WHATWG URL serialiser", () => {
    fc.assert(fc.property(v6Bytes, (a) => {
      const text = N.inet_ntop(core, AF_INET6, a);
      expect(text.length).toBeLessThanOrEqual(45); // INET6_ADDRSTRLEN - 1 (RFC 4291 longest mixed form)
      expect(N.inet_pton(core, AF_INET6, text)).toEqual(a);
      expect(isIPv6(text)).toBe(true);
      expect(text).toBe(text.toLowerCase());
      const viaUrl = urlHost6(text);
      if (text.includes(".")) {
        // Mixed notation (RFC 5952 §5) for mapped and IPv4-compatible addresses, as Windows
        // prints them; URL prints hex groups, so compare the bytes.
        expect(N.inet_pton(core, AF_INET6, viaUrl)).toEqual(a);
      } else {
        expect(text).toBe(viaUrl);
      }
    }), RUNS);
  });

  it("accepts exactly the strings net.isIPv6 accepts (no zone ids)", () => {
    const alphabet = fc.constantFrom(..."0123456789abcdefABCDEFg:.:::".split(""));
    const tokens = fc.oneof(
      alphabet,
      fc.constantFrom("::", "ffff", "0", "1.2.3.4", "255.255.255.255", "01.2.3.4", "12345", "ffff:"),
    );
    // group lists: 1-9 groups of 0-5 hex digits, maybe a "::", maybe a dotted tail
    const group = fc.stringMatching(/^[0-9a-fA-F]{0,5}$/);
    const structured = fc.tuple(
      fc.array(group, { minLength: 1, maxLength: 9 }), fc.integer({ min: -1, max: 9 }),
      fc.option(fc.constantFrom("1.2.3.4", "0.0.0.0", "255.255.255.255", "1.2.3", "256.1.1.1", "01.1.1.1")),
    ).map(([groups, gap, tail]) => {
      const g = [...groups];
      if (tail !== null) g.push(tail);
      if (gap >= 0 && gap <= g.length) g.splice(gap, 0, "");
      let t = g.join(":");
      if (gap === 0) t = ":" + t;
      if (gap === g.length - 1) t += ":";
      return t;
    });
    const candidate = fc.oneof(
      structured,
      fc.array(tokens, { maxLength: 24 }).map((t) => t.join("")),
      v6Bytes.chain((a) => {
        const t = N.inet_ntop(core, AF_INET6, a);
        return fc.integer({ min: 0, max: t.length }).chain((i) => alphabet.map((c) => t.slice(0, i) + c + t.slice(i)));
      }),
    );
    // Windows (and so wasock) also takes leading zeros in the dotted tail's parts ("1::001.2.3.4");
    // Node does not, so Node is asked about the tail with those zeros removed.
    const nodeView = (s: string) => s.replace(/([:.])0{1,2}(?=\d)(?=[\d.]*$)/g, "$1");
    fc.assert(fc.property(candidate, (s) => {
      const tailFixed = /:[\d.]*\.[\d.]*$/.test(s) && /^[\d.]*$/.test(s.slice(s.lastIndexOf(":") + 1)) ? nodeView(s) : s;
      const wantOk = isIPv6(tailFixed) && !/:\d{4,}\./.test(s) && !/\.\d{4,}/.test(s);
      expect(N.inet_pton(core, AF_INET6, s) !== null, s).toBe(wantOk);
    }), { ...RUNS, numRuns: 6000 });
  });
});

describe("IPv4 text", () => {
  const quad = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
  it("inet_pton accepts exactly the strings net.isIPv4 accepts", () => {
    const s = fc.array(fc.constantFrom(..."0123456789.".split(""), "25", "255", "256", "00"), { maxLength: 18 }).map((t) => t.join(""));
    fc.assert(fc.property(fc.oneof(s, quad.map((q) => q.join("."))), (text) => {
      expect(N.inet_pton(core, AF_INET, text) !== null).toBe(isIPv4(text));
    }), { ...RUNS, numRuns: 6000 });
  });

  it("inet_addr(inet_ntoa(x)) == x for every in_addr value, and matches inet_pton on dotted quads", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (x) => {
      const text = N.inet_ntoa(core, x);
      expect(N.inet_addr(core, text)).toBe(x);
      const b = N.inet_pton(core, AF_INET, text)!;
      expect(Buffer.from(b).readUInt32LE(0)).toBe(x);
    }), RUNS);
  });

  it("inet_addr reads the classic number forms as the WHATWG URL IPv4 parser does", () => {
    // 1-4 parts, each written in decimal, 0x hex or 0-led octal; the last part may span the rest.
    const part = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.constantFrom(10, 16, 8), fc.boolean())
      .map(([v, radix, upper]) => {
        if (radix === 10) return String(v);
        if (radix === 16) return (upper ? "0X" : "0x") + (upper ? v.toString(16).toUpperCase() : v.toString(16));
        return "0" + v.toString(8);
      });
    const form = fc.integer({ min: 1, max: 4 }).chain((n) => {
      const lastMax = [0xffffffff, 0xffffff, 0xffff, 0xff][n - 1];
      return fc.tuple(fc.array(part(255), { minLength: n - 1, maxLength: n - 1 }), part(lastMax))
        .map(([head, last]) => [...head, last].join("."));
    });
    fc.assert(fc.property(form, (text) => {
      const viaUrl = new URL(`http://${text}/`).hostname;
      expect(N.inet_ntoa(core, N.inet_addr(core, text))).toBe(viaUrl);
    }), RUNS);
  });

  it("an out-of-range part is INADDR_NONE for inet_addr and a failure for the URL parser", () => {
    const over = fc.integer({ min: 1, max: 4 }).chain((n) => {
      const lastMax = [0xffffffff, 0xffffff, 0xffff, 0xff][n - 1];
      return fc.tuple(
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: n - 1, maxLength: n - 1 }),
        fc.integer({ min: lastMax + 1, max: lastMax * 2 + 2 }),
        fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 256, max: 4096 }),
      ).map(([head, last, which, big]) => {
        const parts = [...head, last];
        if (which < n - 1) { parts[which] = big; parts[n - 1] = 0; }
        return parts.join(".");
      });
    });
    fc.assert(fc.property(over, (text) => {
      expect(N.inet_addr(core, text)).toBe(INADDR_NONE);
      expect(() => new URL(`http://${text}/`)).toThrow();
    }), RUNS);
  });
});

describe("sockaddr text", () => {
  const sa4 = fc.tuple(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 0xffff })).map(([a, port]) => {
    const b = new Uint8Array(16); b[0] = AF_INET; b[2] = port >> 8; b[3] = port & 0xff; b.set(a, 4); return b;
  });
  const sa6 = fc.tuple(v6Bytes, fc.integer({ min: 0, max: 0xffff }), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffffffff })))
    .map(([a, port, scope]) => {
      const b = new Uint8Array(28); const dv = new DataView(b.buffer);
      dv.setUint16(0, AF_INET6, true); dv.setUint16(2, port, false); b.set(a, 8); dv.setUint32(24, scope, true); return b;
    });
  it("WSAStringToAddress(WSAAddressToString(sa)) == sa", () => {
    fc.assert(fc.property(fc.oneof(sa4, sa6), (sa) => {
      const fam = sa[0];
      const text = N.WSAAddressToStringA(core, sa);
      const back = N.WSAStringToAddressW(core, text, fam, 28);
      expect(back.sockaddr).toEqual(sa);
      expect(back.length).toBe(sa.length);
      expect(N.WSAAddressToStringW(core, back.sockaddr)).toBe(text);
    }), RUNS);
  });
});

describe("the TypeScript forms agree with the C pointer forms (A and W)", () => {
  const outcome = (f: () => unknown) => {
    try { const v = f(); return { v: v instanceof Uint8Array ? [...v] : v }; } catch (e) {
      if (e instanceof WinsockError) return { e: e.errno, needed: (e as N.WinsockLengthError).needed };
      throw e;
    }
  };
  const err = () => (core as HarnessCore).harness_get_last_error();
  const text = fc.oneof(
    fc.array(fc.constantFrom(..."0123456789abcdefx.:%[] \t\u00ff\u0131".split("")), { maxLength: 40 }).map((a) => a.join("")),
    v6Bytes.map((a) => N.inet_ntop(core, AF_INET6, a)),
    fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 70000 })).map(([a, p]) => `${N.inet_ntoa(core, a)}:${p}`),
  );
  it("on text", () => {
    const c = core as HarnessCore;
    const mem = new CMem(c);
    fc.assert(fc.property(text, fc.constantFrom(0, 2, 23, 10), fc.integer({ min: -1, max: 30 }), (t, fam, len) => {
      const latin1 = !/[^\u0000-\u00ff]/.test(t);
      // inet_addr
      const a = N.inet_addr(core, t);
      if (latin1) expect(c.inet_addr(mem.reset().strA(t)) >>> 0).toBe(a);
      // inet_pton / InetPtonW
      for (const wide of [false, true]) {
        const ts = outcome(() => (wide ? N.InetPtonW : N.inet_pton)(core, fam, t));
        if (!wide && !latin1) continue;
        mem.reset();
        const src = wide ? mem.strW(t) : mem.strA(t);
        const dst = mem.alloc(16);
        const r = (wide ? c.InetPtonW : c.inet_pton)(fam, src, dst);
        const cOut = r === 1 ? { v: [...mem.read(dst, fam === AF_INET ? 4 : 16)] } : r === 0 ? { v: null } : { e: err(), needed: undefined };
        expect(cOut).toEqual(ts);
      }
      // WSAStringToAddressW
      const ts = outcome(() => N.WSAStringToAddressW(core, t, fam, len));
      mem.reset();
      const lenPtr = mem.i32(len);
      const out = mem.alloc(28);
      const r = c.WSAStringToAddressW(mem.strW(t), fam, 0, out, lenPtr);
      const n = mem.readI32(lenPtr);
      const cOut = r === 0 ? { v: { sockaddr: mem.read(out, n), length: n } } : { e: err(), needed: err() === WSA.WSAEFAULT ? n : undefined };
      expect(cOut).toEqual(ts);
    }), RUNS);
  });
  it("on bytes", () => {
    const c = core as HarnessCore;
    const mem = new CMem(c);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 34 }), fc.constantFrom(0, 2, 23), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 34 }), (b, fam, size, alen) => {
      if (b.length >= 2 && (b[0] & 1)) { b[0] = fam || 2; b[1] = 0; }
      // inet_ntop / InetNtopW (the C forms read a whole in_addr: give them one)
      const full = new Uint8Array(16); full.set(b.subarray(0, 16));
      const ts = outcome(() => N.inet_ntop(core, fam, full, size));
      for (const wide of [false, true]) {
        mem.reset();
        const addr = mem.bytes(full);
        const buf = mem.alloc(2 * 80);
        const r = (wide ? c.InetNtopW : c.inet_ntop)(fam, addr, buf, size) >>> 0;
        expect(r === 0 ? { e: err(), needed: undefined } : { v: wide ? mem.readW(r) : mem.readA(r) }).toEqual(ts);
        if (r !== 0) expect(r).toBe(buf);
      }
      // WSAAddressToStringA / W
      for (const wide of [false, true]) {
        mem.reset();
        const sa = mem.bytes(b.length ? b : new Uint8Array(1));
        const lenPtr = mem.i32(size);
        const out = mem.alloc(2 * 80);
        const r = (wide ? c.WSAAddressToStringW : c.WSAAddressToStringA)(b.length ? sa : 0, Math.min(alen, b.length), 0, out, lenPtr);
        const n = mem.readI32(lenPtr);
        const cOut = r === 0 ? { v: wide ? mem.readW(out) : mem.readA(out) } : { e: err(), needed: err() === WSA.WSAEFAULT ? n : undefined };
        const tsFixed = outcome(() => N.WSAAddressToStringW(core, b.length ? b : null, Math.min(alen, b.length), size));
        expect(cOut).toEqual(tsFixed);
        if (r === 0) expect(n).toBe((wide ? mem.readW(out) : mem.readA(out)).length + 1);
      }
      const x = b.length >= 4 ? new DataView(b.buffer, b.byteOffset).getUint32(0, true) : size >>> 0;
      expect(mem.readA(c.inet_ntoa(x) >>> 0)).toBe(N.inet_ntoa(core, x));
    }), RUNS);
  });
});

describe("never a trap", () => {
  const anyUnit = fc.integer({ min: 0, max: 0xffff }); // includes unpaired surrogates and NUL
  const addrish = fc.constantFrom(..."0123456789abcdefxX.:%[] \t".split("").map((c) => c.charCodeAt(0)));
  const str = fc.oneof(
    fc.array(anyUnit, { maxLength: 48 }),
    fc.array(fc.oneof(addrish, addrish, addrish, anyUnit), { maxLength: 64 }),
  ).map((u) => String.fromCharCode(...u));
  const family = fc.constantFrom(0, 1, 2, 10, 23, -1, 0x7fffffff, 65535 + 23);
  const len = fc.integer({ min: -3, max: 64 });

  // A trap surfaces as a plain Error from asc's abort; only WinsockError (a Winsock failure) is fine.
  const quiet = (f: () => unknown) => {
    try { f(); } catch (e) { if (!(e instanceof WinsockError)) throw e; }
  };

  it("on random text", () => {
    fc.assert(fc.property(str, family, len, (s, fam, n) => {
      quiet(() => N.inet_addr(core, s));
      quiet(() => N.inet_pton(core, fam, s));
      quiet(() => N.inet_pton(core, AF_INET6, s));
      quiet(() => N.WSAStringToAddressA(core, s, fam, n));
      quiet(() => N.WSAStringToAddressW(core, s, AF_INET6, 28));
      quiet(() => N.WSAStringToAddressA(core, s, AF_INET, 16));
    }), { ...RUNS, numRuns: 4000 });
  });

  it("on random sockaddr bytes, lengths and families", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), len, len, family, (b, alen, slen, fam) => {
      if (b.length >= 2 && b[1] === 0 && (b[0] & 1)) b[0] = fam === AF_INET ? 2 : 23; // often a real family
      quiet(() => N.WSAAddressToStringA(core, b, alen, slen));
      quiet(() => N.WSAAddressToStringW(core, b, b.length, 256));
      quiet(() => N.inet_ntop(core, fam, b, slen));
    }), { ...RUNS, numRuns: 4000 });
  });

  it("on very long inputs", () => {
    const long = [
      "1".repeat(100_000), "1.".repeat(50_000), ":".repeat(100_000), "f:".repeat(50_000),
      "[" + "0".repeat(100_000) + "]:80", "::" + "%".repeat(100_000),
      "\ud800".repeat(100_000), "1.2.3.4:" + "9".repeat(100_000), "fe80::1%" + "1".repeat(100_000),
    ];
    for (const s of long) {
      expect(N.inet_addr(core, s)).toBe(INADDR_NONE);
      expect(N.inet_pton(core, AF_INET, s)).toBeNull();
      expect(N.inet_pton(core, AF_INET6, s)).toBeNull();
      for (const fam of [AF_INET, AF_INET6]) {
        expect(() => N.WSAStringToAddressA(core, s, fam)).toThrow(WinsockError);
      }
    }
    // 100k hex digits: INADDR_NONE for inet_addr, the low 32 bits for WSAStringToAddress (Windows)
    const hexLong = "0x" + "f".repeat(100_000);
    expect(N.inet_addr(core, hexLong)).toBe(INADDR_NONE);
    expect(N.WSAAddressToStringA(core, N.WSAStringToAddressA(core, hexLong, AF_INET).sockaddr)).toBe("255.255.255.255");
    // 100k octal zeros are one valid part: 0.0.0.0 (the BSD grammar has no digit limit)
    expect(N.inet_addr(core, "0".repeat(100_000))).toBe(0);
    expect(N.inet_pton(core, AF_INET, "0".repeat(100_000))).toBeNull();
    // a valid address followed by 100k characters after whitespace is still inet_addr-valid
    expect(N.inet_ntoa(core, N.inet_addr(core, "10.0.0.1 " + "x".repeat(100_000)))).toBe("10.0.0.1");
  });
});
