// getaddrinfo / getnameinfo / gethostbyname / gethostname over Node's resolver. Only names that
// resolve locally are used ("localhost", this machine's hostname, numeric text), checked against
// node:dns answering the same question. Error codes: Microsoft Learn getaddrinfo / getnameinfo /
// gethostbyname / gethostname pages and ws2tcpip.h's EAI_* -> WSA* definitions.
import dns from "node:dns";
import { hostname } from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import { WSA, WinsockError } from "../../host/node/errors.ts";
import * as N from "../../host/node/names.ts";
import * as R from "../../host/node/resolver.ts";
import { instantiateCore } from "../../host/node/wasm.ts";

const { AF_INET, AF_INET6, AF_UNSPEC } = N;
let core: N.NamesCore;
beforeAll(async () => { core = await instantiateCore("test/names"); });

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try { await (typeof p === "function" ? p() : p); } catch (e) { if (e instanceof WinsockError) return e.code; throw e; }
  return "none";
}
const nodeLookup = (name: string, family: 0 | 4 | 6) =>
  new Promise<dns.LookupAddress[]>((res, rej) => dns.lookup(name, { all: true, family }, (e, a) => (e ? rej(e) : res(a))));

/** A resolver that fails every question with one Node error code (to walk the error mapping). */
const failing = (code: string): R.ResolverIo => ({
  lookup: () => Promise.reject(Object.assign(new Error(code), { code })),
  lookupService: () => Promise.reject(Object.assign(new Error(code), { code })),
  hostname: () => "wasock-test",
});

describe("getaddrinfo", () => {
  it("resolves localhost like node:dns, with Windows' SOCKADDR_IN bytes", async () => {
    const ai = await R.getaddrinfo(core, "localhost", "80", { family: AF_INET, socktype: R.SOCK_STREAM, protocol: R.IPPROTO_TCP });
    const want = (await nodeLookup("localhost", 4)).map((a) => a.address);
    expect(ai.map((a) => a.address)).toEqual([...new Set(want)]);
    const lo = ai.find((a) => a.address === "127.0.0.1")!;
    expect(Buffer.from(lo.addr).toString("hex")).toBe("020000507f000001" + "00".repeat(8));
    expect(lo).toMatchObject({ family: AF_INET, socktype: R.SOCK_STREAM, protocol: R.IPPROTO_TCP, addrlen: 16, port: 80 });
  });

  it("resolves this machine's own hostname (and \"\" as the local host)", async () => {
    const want = [...new Set((await nodeLookup(hostname(), 0)).map((a) => a.address))].sort();
    expect((await R.getaddrinfo(core, hostname(), null)).map((a) => a.address).sort()).toEqual(want);
    expect((await R.getaddrinfo(core, "", "7")).map((a) => a.address).sort()).toEqual(want);
  });

  it("a NULL node gives the wildcard with AI_PASSIVE and loopback without it, IPv6 first", async () => {
    const passive = await R.getaddrinfo(core, null, "8080", { flags: R.AI_PASSIVE });
    expect(passive.map((a) => [a.family, a.address, a.port])).toEqual([[AF_INET6, "::", 8080], [AF_INET, "0.0.0.0", 8080]]);
    const active = await R.getaddrinfo(core, null, "8080", { family: AF_INET });
    expect(active.map((a) => a.address)).toEqual(["127.0.0.1"]);
    expect(Buffer.from(passive[0].addr).toString("hex")).toBe("17001f90" + "00".repeat(24));
  });

  it("parses numeric hosts in the core: IPv4, IPv6 with scope, and no lookup for them", async () => {
    const io: R.ResolverIo = { ...failing("EAI_FAIL") }; // any lookup would fail the test
    const v4 = await R.getaddrinfo(core, "192.0.2.7", "443", {}, io);
    expect(v4.map((a) => [a.family, a.address, a.port, a.addrlen])).toEqual([[AF_INET, "192.0.2.7", 443, 16]]);
    const v6 = await R.getaddrinfo(core, "fe80::1%5", "http", { flags: R.AI_NUMERICHOST }, io);
    expect(v6).toHaveLength(1);
    expect(v6[0]).toMatchObject({ family: AF_INET6, address: "fe80::1", port: 80, scopeId: 5, addrlen: 28 });
    expect(Buffer.from(v6[0].addr).toString("hex")).toBe("17000050" + "00000000" + "fe800000000000000000000000000001" + "05000000");
    const canon = await R.getaddrinfo(core, "2001:db8::1", null, { flags: R.AI_CANONNAME }, io);
    expect(canon[0].canonname).toBe("2001:db8::1");
  });

  it("takes bracketed IPv6 text and ignores a port inside the node (Windows)", async () => {
    const io = failing("EAI_FAIL");
    for (const node of ["[beef::cafe]", "[beef::cafe]:10239"]) {
      const ai = await R.getaddrinfo(core, node, "7", { flags: R.AI_NUMERICHOST, family: AF_INET6 }, io);
      expect(ai.map((a) => [a.address, a.port])).toEqual([["beef::cafe", 7]]);
    }
    expect((await R.getaddrinfo(core, "[fe80::9%3]", null, {}, io))[0].scopeId).toBe(3);
    expect(await codeOf(R.getaddrinfo(core, "[beef::cafe]", null, { family: AF_INET, flags: R.AI_NUMERICHOST }, io))).toBe("WSAHOST_NOT_FOUND");
    for (const node of ["[beef::cafe", "beef::cafe]", "[1.2.3.4]"]) {
      expect(await codeOf(R.getaddrinfo(core, node, null, {}, io))).toBe("WSAHOST_NOT_FOUND");
    }
    expect(await codeOf(R.getaddrinfo(core, "192.168.1.253:1024", null, { flags: R.AI_NUMERICHOST }, io))).toBe("WSAHOST_NOT_FOUND");
  });

  it("copies the hints' socktype and protocol into every record; protocol is not checked (Windows)", async () => {
    for (const [socktype, protocol] of [[R.SOCK_STREAM, R.IPPROTO_UDP], [0, 999], [R.SOCK_DGRAM, 0], [0, 0]]) {
      const ai = await R.getaddrinfo(core, "localhost", null, { family: AF_INET, socktype, protocol });
      for (const a of ai) expect([a.socktype, a.protocol]).toEqual([socktype, protocol]);
    }
    expect(await codeOf(R.getaddrinfo(core, "localhost", null, { socktype: 999, protocol: R.IPPROTO_TCP }))).toBe("WSAESOCKTNOSUPPORT");
  });

  it("an empty service is port 0, like \"0\" (Windows)", async () => {
    const a = await R.getaddrinfo(core, null, "", {});
    const b = await R.getaddrinfo(core, null, "0", {});
    expect(a).toEqual(b);
    expect(a.map((x) => x.port)).toEqual([0, 0]);
  });

  it("AI_V4MAPPED maps an IPv4 host for an AF_INET6 request; without it the family does not match", async () => {
    const m = await R.getaddrinfo(core, "127.0.0.1", "9", { family: AF_INET6, flags: R.AI_V4MAPPED });
    expect(m.map((a) => a.address)).toEqual(["::ffff:127.0.0.1"]);
    expect(await codeOf(R.getaddrinfo(core, "127.0.0.1", "9", { family: AF_INET6 }))).toBe("WSAHOST_NOT_FOUND");
    expect(await codeOf(R.getaddrinfo(core, "::1", "9", { family: AF_INET }))).toBe("WSAHOST_NOT_FOUND");
  });

  it("Windows' namespace flags are accepted (AI_DISABLE_IDN_ENCODING, AI_FQDN, ...)", async () => {
    for (const flags of [R.AI_DISABLE_IDN_ENCODING, R.AI_NON_AUTHORITATIVE | R.AI_SECURE, R.AI_RETURN_PREFERRED_NAMES, R.AI_FILESERVER]) {
      expect((await R.getaddrinfo(core, "localhost", "80", { family: AF_INET, flags })).map((a) => a.address)).toContain("127.0.0.1");
    }
    expect((await R.getaddrinfo(core, "localhost", null, { family: AF_INET, flags: R.AI_FQDN }))[0].canonname).toBe("localhost");
  });

  it("AI_CANONNAME puts the name in the first record only", async () => {
    const ai = await R.getaddrinfo(core, "localhost", null, { flags: R.AI_CANONNAME, family: AF_INET });
    expect(ai[0].canonname).toBe("localhost");
    for (const a of ai.slice(1)) expect(a.canonname).toBeNull();
  });

  it("services: numbers, well-known names by protocol, and their errors", async () => {
    const port = async (svc: string, hints: R.AddrInfoHints = {}) => (await R.getaddrinfo(core, "127.0.0.1", svc, hints))[0].port;
    expect(await port("http")).toBe(80);
    expect(await port("HTTPS")).toBe(443);
    expect(await port("domain", { socktype: R.SOCK_DGRAM })).toBe(53);
    expect(await port("tftp", { socktype: R.SOCK_DGRAM })).toBe(69);
    expect(await port("65535")).toBe(65535);
    expect(await codeOf(port("tftp", { socktype: R.SOCK_STREAM }))).toBe("WSATYPE_NOT_FOUND");
    expect(await codeOf(port("no-such-service"))).toBe("WSATYPE_NOT_FOUND");
    expect(await codeOf(port("65536"))).toBe("WSATYPE_NOT_FOUND");
    expect(await codeOf(port("http", { flags: R.AI_NUMERICSERV }))).toBe("WSAHOST_NOT_FOUND");
    expect(await port("8080", { flags: R.AI_NUMERICSERV })).toBe(8080);
  });

  it("bad arguments get Windows' codes", async () => {
    const cases: Array<[string | null, string | null, R.AddrInfoHints, string]> = [
      [null, null, {}, "WSAHOST_NOT_FOUND"],
      ["localhost", null, { flags: 0x1000 }, "WSAEINVAL"],
      ["localhost", null, { flags: 0x10 }, "WSAEINVAL"],
      ["localhost", null, { flags: R.AI_CANONNAME | R.AI_FQDN }, "WSAEINVAL"],
      [null, "80", { flags: R.AI_FQDN }, "WSAEINVAL"],
      [null, "80", { flags: R.AI_CANONNAME }, "WSAEINVAL"],
      ["localhost", null, { family: 10 }, "WSAEAFNOSUPPORT"],
      ["localhost", null, { family: 99 }, "WSAEAFNOSUPPORT"],
      ["localhost", null, { socktype: 77 }, "WSAESOCKTNOSUPPORT"],
      ["localhost", null, { socktype: -1 }, "WSAESOCKTNOSUPPORT"],
      ["localhost", null, { flags: R.AI_NUMERICHOST }, "WSAHOST_NOT_FOUND"],
      ["1.2.3", null, { flags: R.AI_NUMERICHOST }, "WSAHOST_NOT_FOUND"], // getaddrinfo's numeric IPv4 is strict
    ];
    for (const [node, svc, hints, code] of cases) expect(await codeOf(R.getaddrinfo(core, node, svc, hints))).toBe(code);
  });

  it("resolver failures map the way Windows maps EAI_* codes", async () => {
    const table: Array<[string, string]> = [
      ["ENOTFOUND", "WSAHOST_NOT_FOUND"], ["EAI_NONAME", "WSAHOST_NOT_FOUND"], ["EAI_AGAIN", "WSATRY_AGAIN"],
      ["ETIMEOUT", "WSATRY_AGAIN"], ["EAI_FAIL", "WSANO_RECOVERY"], ["ENODATA", "WSANO_DATA"],
      ["EAI_NODATA", "WSANO_DATA"], ["EAI_FAMILY", "WSAEAFNOSUPPORT"], ["EAI_MEMORY", "WSA_NOT_ENOUGH_MEMORY"],
      ["EAI_BADFLAGS", "WSAEINVAL"], ["EAI_SERVICE", "WSATYPE_NOT_FOUND"], ["EAI_SOCKTYPE", "WSAESOCKTNOSUPPORT"],
    ];
    for (const [nodeCode, wsa] of table) {
      expect(await codeOf(R.getaddrinfo(core, "example.test", null, {}, failing(nodeCode)))).toBe(wsa);
      expect(await codeOf(R.gethostbyname(core, "example.test", failing(nodeCode)))).toBe(wsa);
    }
  });

  it("freeaddrinfo is a no-op", async () => {
    const ai = await R.getaddrinfo(core, "127.0.0.1", "1");
    expect(R.freeaddrinfo(ai)).toBeUndefined();
    expect(R.freeaddrinfo(null)).toBeUndefined();
  });
});

describe("getnameinfo", () => {
  const sa = (text: string, port: number, scope = 0) => {
    const fam = text.includes(":") ? AF_INET6 : AF_INET;
    const p = port ? `:${port}` : "";
    const lit = fam === AF_INET6 ? `[${text}${scope ? `%${scope}` : ""}]${p}` : `${text}${p}`;
    return N.WSAStringToAddressA(core, lit, fam).sockaddr;
  };
  const lookupService = (addr: string, port: number) =>
    new Promise<[string, string]>((res, rej) => dns.lookupService(addr, port, (e, h, s) => (e ? rej(e) : res([h, s]))));

  it("names 127.0.0.1 as node:dns does, and the service from the table", async () => {
    const [host] = await lookupService("127.0.0.1", 80);
    expect(await R.getnameinfo(core, sa("127.0.0.1", 80), 16)).toEqual({ host, service: "http" });
  });
  it("NI_NUMERICHOST, NI_NUMERICSERV, NI_DGRAM, NI_NOFQDN", async () => {
    expect(await R.getnameinfo(core, sa("127.0.0.1", 80), 16, R.NI_NUMERICHOST | R.NI_NUMERICSERV)).toEqual({ host: "127.0.0.1", service: "80" });
    expect((await R.getnameinfo(core, sa("127.0.0.1", 69), 16, R.NI_NUMERICHOST | R.NI_DGRAM)).service).toBe("tftp");
    expect((await R.getnameinfo(core, sa("127.0.0.1", 69), 16, R.NI_NUMERICHOST)).service).toBe("69");
    expect((await R.getnameinfo(core, sa("127.0.0.1", 53), 16, R.NI_NUMERICHOST | R.NI_DGRAM)).service).toBe("domain");
    expect(await R.getnameinfo(core, sa("fe80::1", 4000, 3), 28, R.NI_NUMERICHOST)).toEqual({ host: "fe80::1%3", service: "4000" });
    const fqdn: R.ResolverIo = { ...failing("x"), lookupService: async () => "box.example.test" };
    expect((await R.getnameinfo(core, sa("127.0.0.1", 1), 16, R.NI_NOFQDN, 1025, 32, fqdn)).host).toBe("box");
    expect((await R.getnameinfo(core, sa("127.0.0.1", 1), 16, 0, 1025, 32, fqdn)).host).toBe("box.example.test");
  });
  it("NI_NAMEREQD fails with WSAHOST_NOT_FOUND when the address has no name; without it the number is used", async () => {
    const numericOnly: R.ResolverIo = { ...failing("x"), lookupService: async (a) => a }; // what getnameinfo(3) answers
    expect(await codeOf(R.getnameinfo(core, sa("192.0.2.1", 80), 16, R.NI_NAMEREQD, 1025, 32, numericOnly))).toBe("WSAHOST_NOT_FOUND");
    expect((await R.getnameinfo(core, sa("192.0.2.1", 80), 16, 0, 1025, 32, numericOnly)).host).toBe("192.0.2.1");
    expect(await codeOf(R.getnameinfo(core, sa("192.0.2.1", 80), 16, R.NI_NAMEREQD, 1025, 32, failing("ENOTFOUND")))).toBe("WSAHOST_NOT_FOUND");
    expect(await codeOf(R.getnameinfo(core, sa("192.0.2.1", 80), 16, 0, 1025, 32, failing("EAI_AGAIN")))).toBe("WSATRY_AGAIN");
    const [host] = await lookupService("127.0.0.1", 0);
    expect((await R.getnameinfo(core, sa("127.0.0.1", 0), 16, R.NI_NAMEREQD)).host).toBe(host);
  });
  it("bad arguments: short sockaddr, family, flags, buffers too small", async () => {
    expect(await codeOf(R.getnameinfo(core, sa("127.0.0.1", 80), 15, R.NI_NUMERICHOST))).toBe("WSAEFAULT");
    expect(await codeOf(R.getnameinfo(core, sa("::1", 80), 27, R.NI_NUMERICHOST))).toBe("WSAEFAULT");
    expect(await codeOf(R.getnameinfo(core, null, 16))).toBe("WSAEFAULT");
    const odd = sa("127.0.0.1", 80); odd[0] = 10;
    expect(await codeOf(R.getnameinfo(core, odd, 16))).toBe("WSAEAFNOSUPPORT");
    expect(await codeOf(R.getnameinfo(core, sa("127.0.0.1", 80), 16, 0x100))).toBe("WSAEINVAL");
    expect(await codeOf(R.getnameinfo(core, sa("127.0.0.1", 80), 16, R.NI_NUMERICHOST, 9))).toBe("WSAEFAULT");
    expect((await R.getnameinfo(core, sa("127.0.0.1", 80), 16, R.NI_NUMERICHOST, 10)).host).toBe("127.0.0.1");
    expect(await codeOf(R.getnameinfo(core, sa("127.0.0.1", 443), 16, R.NI_NUMERICHOST, 10, 5))).toBe("WSAEFAULT");
    expect((await R.getnameinfo(core, sa("127.0.0.1", 443), 16, R.NI_NUMERICHOST, 10, 6)).service).toBe("https");
  });
});

describe("gethostbyname", () => {
  it("resolves localhost to the IPv4 addresses node:dns gives", async () => {
    const h = await R.gethostbyname(core, "localhost");
    expect(h).toMatchObject({ name: "localhost", addrtype: AF_INET, length: 4 });
    expect(h.addresses).toEqual([...new Set((await nodeLookup("localhost", 4)).map((a) => a.address))]);
    expect(h.addrList.map((b) => [...b].join("."))).toEqual(h.addresses);
  });
  it("NULL or \"\" is the local host's name", async () => {
    for (const n of [null, ""]) {
      const h = await R.gethostbyname(core, n);
      expect(h.name).toBe(hostname());
      expect(h.addresses.length).toBeGreaterThan(0);
    }
  });
  it("IPv4 text in any inet_addr form is answered without a lookup; IPv6 or illegal IPv4 text is WSANO_DATA", async () => {
    const io = failing("EAI_FAIL");
    expect(await R.gethostbyname(core, "127.1", io)).toMatchObject({ name: "127.1", addresses: ["127.0.0.1"] });
    expect((await R.gethostbyname(core, "0x0a000001", io)).addresses).toEqual(["10.0.0.1"]);
    expect((await R.gethostbyname(core, "255.255.255.255", io)).addresses).toEqual(["255.255.255.255"]);
    for (const t of ["::1", "fe80::1%2", "1.2.3.256", "999.1.1.1", "1.2.3.4.5"]) expect(await codeOf(R.gethostbyname(core, t, io))).toBe("WSANO_DATA");
  });
  it("a name with only IPv6 addresses has no data", async () => {
    const v6only: R.ResolverIo = { ...failing("x"), lookup: async () => [{ address: "2001:db8::1", family: 6 }] };
    expect(await codeOf(R.gethostbyname(core, "six.example.test", v6only))).toBe("WSANO_DATA");
  });
});

describe("gethostname", () => {
  it("returns the machine's hostname; WSAEFAULT when namelen cannot hold it and its NUL", async () => {
    const h = hostname();
    expect(R.gethostname()).toBe(h);
    expect(R.gethostname(h.length + 1)).toBe(h);
    expect(await codeOf(() => R.gethostname(h.length))).toBe("WSAEFAULT");
    expect(await codeOf(() => R.gethostname(0))).toBe("WSAEFAULT");
    expect(WSA.WSAEFAULT).toBe(10014);
  });
});

describe("getservbyname / getservbyport / getprotobyname / getprotobynumber", () => {
  it("services by name or alias, per protocol; s_port in network order", async () => {
    expect(R.getservbyname("http", "tcp")).toEqual({ name: "http", aliases: ["www", "www-http"], port: 80, s_port: 0x5000, proto: "tcp" });
    expect(R.getservbyname("WWW").port).toBe(80);
    expect(R.getservbyname("domain", "udp")).toMatchObject({ port: 53, proto: "udp" });
    expect(R.getservbyname("domain").proto).toBe("tcp");
    for (const [n, p] of [["tftp", "tcp"], ["no-such-service", null], ["http", "icmp"]] as const) {
      expect(await codeOf(() => R.getservbyname(n, p))).toBe("WSANO_DATA");
    }
  });
  it("services by port (network order, as the C call takes it)", async () => {
    expect(R.getservbyport(0x3500, "udp").name).toBe("domain");
    expect(R.getservbyport(0xbb01).name).toBe("https");
    expect(await codeOf(() => R.getservbyport(0x4500, "tcp"))).toBe("WSANO_DATA"); // 69 is tftp/udp only
    expect(await codeOf(() => R.getservbyport(0x0100))).toBe("WSANO_DATA");
  });
  it("protocols (IANA numbers, Windows' protocol file names)", async () => {
    expect(R.getprotobyname("tcp")).toEqual({ name: "tcp", aliases: ["TCP"], proto: 6 });
    expect(R.getprotobyname("IPv6-ICMP").proto).toBe(58);
    expect(R.getprotobynumber(17).name).toBe("udp");
    expect(await codeOf(() => R.getprotobynumber(200))).toBe("WSANO_DATA");
    expect(await codeOf(() => R.getprotobyname("sctp-nope"))).toBe("WSANO_DATA");
  });
});

describe("gethostbyaddr", () => {
  it("names 127.0.0.1 as node:dns does", async () => {
    const [host] = await new Promise<[string]>((res, rej) => dns.lookupService("127.0.0.1", 0, (e, h) => (e ? rej(e) : res([h]))));
    const h = await R.gethostbyaddr(core, new Uint8Array([127, 0, 0, 1]), 4, AF_INET);
    expect(h).toMatchObject({ name: host, addrtype: AF_INET, length: 4, addresses: ["127.0.0.1"] });
  });
  it("bad arguments and unknown addresses", async () => {
    const numericOnly: R.ResolverIo = { ...failing("x"), lookupService: async (a) => a };
    expect(await codeOf(R.gethostbyaddr(core, new Uint8Array([192, 0, 2, 1]), 4, AF_INET, numericOnly))).toBe("WSAHOST_NOT_FOUND");
    expect(await codeOf(R.gethostbyaddr(core, new Uint8Array([127, 0, 0, 1]), 3, AF_INET))).toBe("WSAEFAULT");
    expect(await codeOf(R.gethostbyaddr(core, new Uint8Array(4), 4, 99))).toBe("WSAEAFNOSUPPORT");
    expect(await codeOf(R.gethostbyaddr(core, new Uint8Array(4), 4, AF_INET6))).toBe("WSAEFAULT");
    const named: R.ResolverIo = { ...failing("x"), lookupService: async () => "six.example.test" };
    expect((await R.gethostbyaddr(core, new Uint8Array(16).fill(1), 16, AF_INET6, named)).name).toBe("six.example.test");
  });
});

describe("C layouts for a 32-bit guest", () => {
  const cstrAt = (b: Uint8Array, off: number) => { let s = ""; for (let i = off; b[i] !== 0; i++) s += String.fromCharCode(b[i]); return s; };
  it("an ADDRINFOA chain in one block: records, sockaddrs, canonical name", async () => {
    const base = 0x10000;
    const list = await R.getaddrinfo(core, null, "8080", { flags: R.AI_PASSIVE, socktype: R.SOCK_STREAM, protocol: R.IPPROTO_TCP });
    list[0].canonname = "host.example";
    const b = R.layoutAddrInfo(list, base);
    const dv = new DataView(b.buffer);
    let p = base;
    for (const ai of list) {
      const r = p - base;
      expect([dv.getInt32(r, true), dv.getInt32(r + 4, true), dv.getInt32(r + 8, true), dv.getInt32(r + 12, true), dv.getUint32(r + 16, true)])
        .toEqual([ai.flags, ai.family, ai.socktype, ai.protocol, ai.addrlen]);
      const addr = dv.getUint32(r + 24, true) - base;
      expect(b.subarray(addr, addr + ai.addrlen)).toEqual(ai.addr);
      const name = dv.getUint32(r + 20, true);
      expect(name === 0 ? null : cstrAt(b, name - base)).toBe(ai.canonname);
      p = dv.getUint32(r + 28, true);
    }
    expect(p).toBe(0);
    expect(R.layoutAddrInfo([], base).length).toBe(0);
  });
  it("a HOSTENT laid out as Windows does: aliases right after it, then the address list, then the addresses", async () => {
    const base = 0x20000;
    const h = { ...(await R.gethostbyname(core, "127.1")), aliases: ["lo", "loopback"] };
    const b = R.layoutHostent(h, base);
    const dv = new DataView(b.buffer);
    const aliases = dv.getUint32(4, true) - base;
    expect(aliases).toBe(16);
    expect([dv.getInt16(8, true), dv.getInt16(10, true)]).toEqual([AF_INET, 4]);
    const list = dv.getUint32(12, true) - base;
    expect(list).toBe(16 + 4 * 3);
    const first = dv.getUint32(list, true) - base;
    expect(first).toBe(list + 4 * 2);
    expect([...b.subarray(first, first + 4)]).toEqual([127, 0, 0, 1]);
    expect(dv.getUint32(list + 4, true)).toBe(0);
    expect(cstrAt(b, dv.getUint32(0, true) - base)).toBe("127.1");
    expect([cstrAt(b, dv.getUint32(aliases, true) - base), cstrAt(b, dv.getUint32(aliases + 4, true) - base)]).toEqual(["lo", "loopback"]);
    expect(dv.getUint32(aliases + 8, true)).toBe(0);
  });
});
