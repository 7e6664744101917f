// Name resolution over Node's resolver (node:dns lookup/lookupService, node:os hostname), shaped as
// Winsock's getaddrinfo / freeaddrinfo / getnameinfo / gethostbyname / gethostname.
//
// Numeric text never reaches Node: the core's inet_pton / WSAStringToAddress parse it, and every
// sockaddr in a result is the core's own encoding (Windows' SOCKADDR_IN / SOCKADDR_IN6 bytes).
// Errors follow Windows' EAI_* -> WSA* mapping (ws2tcpip.h): EAI_AGAIN WSATRY_AGAIN, EAI_BADFLAGS
// WSAEINVAL, EAI_FAIL WSANO_RECOVERY, EAI_FAMILY WSAEAFNOSUPPORT, EAI_MEMORY WSA_NOT_ENOUGH_MEMORY,
// EAI_NONAME WSAHOST_NOT_FOUND, EAI_NODATA WSANO_DATA, EAI_SERVICE WSATYPE_NOT_FOUND,
// EAI_SOCKTYPE WSAESOCKTNOSUPPORT.
import dns from "node:dns";
import { hostname as osHostname } from "node:os";
import { WSA, WinsockError } from "./errors.ts";
import {
  AF_INET, AF_INET6, AF_UNSPEC, INADDR_NONE, type NamesCore, SOCKADDR_IN6_LEN,
  WSAStringToAddressA, decodeSockaddr, inet_addr, inet_ntoa, inet_ntop, inet_pton,
} from "./names.ts";

// ws2def.h / ws2tcpip.h values.
export const AI_PASSIVE = 0x01;
export const AI_CANONNAME = 0x02;
export const AI_NUMERICHOST = 0x04;
export const AI_NUMERICSERV = 0x08;
export const AI_ALL = 0x0100;
export const AI_ADDRCONFIG = 0x0400;
export const AI_V4MAPPED = 0x0800;
export const AI_NON_AUTHORITATIVE = 0x4000;
export const AI_SECURE = 0x8000;
export const AI_RETURN_PREFERRED_NAMES = 0x10000;
export const AI_FQDN = 0x20000;
export const AI_FILESERVER = 0x40000;
export const AI_DISABLE_IDN_ENCODING = 0x80000;
/** Every flag ws2def.h defines for ADDRINFOA (the namespace-provider ones are accepted and have no
 *  effect here: one resolver, no secure DNS, names pass through untranslated). */
const AI_KNOWN = AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_NUMERICSERV | AI_ALL | AI_ADDRCONFIG | AI_V4MAPPED |
  AI_NON_AUTHORITATIVE | AI_SECURE | AI_RETURN_PREFERRED_NAMES | AI_FQDN | AI_FILESERVER | AI_DISABLE_IDN_ENCODING;

export const NI_NOFQDN = 0x01;
export const NI_NUMERICHOST = 0x02;
export const NI_NAMEREQD = 0x04;
export const NI_NUMERICSERV = 0x08;
export const NI_DGRAM = 0x10;
const NI_KNOWN = NI_NOFQDN | NI_NUMERICHOST | NI_NAMEREQD | NI_NUMERICSERV | NI_DGRAM;
export const NI_MAXHOST = 1025;
export const NI_MAXSERV = 32;

export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
export const SOCK_RDM = 4;
export const SOCK_SEQPACKET = 5;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

/**
 * Well-known services (IANA "Service Name and Transport Protocol Port Number Registry"), the part of
 * Windows' %SystemRoot%\system32\drivers\etc\services a program is likely to ask for, with the
 * aliases that file lists. Node offers no getservbyname, so this table stands in for the file.
 */
type Proto = "tcp" | "udp";
const SERVICES: ReadonlyArray<readonly [name: string, port: number, protos: Proto | "both", aliases: readonly string[]]> = [
  ["echo", 7, "both", []], ["discard", 9, "both", ["sink", "null"]], ["daytime", 13, "both", []],
  ["qotd", 17, "both", ["quote"]], ["chargen", 19, "both", ["ttytst", "source"]], ["ftp-data", 20, "tcp", []],
  ["ftp", 21, "tcp", []], ["ssh", 22, "tcp", []], ["telnet", 23, "tcp", []], ["smtp", 25, "tcp", ["mail"]],
  ["time", 37, "both", ["timserver"]], ["domain", 53, "both", []], ["bootps", 67, "udp", ["dhcps"]],
  ["bootpc", 68, "udp", ["dhcpc"]], ["tftp", 69, "udp", []], ["gopher", 70, "tcp", []], ["finger", 79, "tcp", []],
  ["http", 80, "tcp", ["www", "www-http"]], ["kerberos", 88, "both", ["krb5", "kerberos-sec"]],
  ["pop3", 110, "tcp", []], ["sunrpc", 111, "both", ["rpcbind", "portmap"]], ["nntp", 119, "tcp", ["usenet"]],
  ["ntp", 123, "udp", []], ["netbios-ns", 137, "both", ["nbname"]], ["netbios-dgm", 138, "udp", ["nbdatagram"]],
  ["netbios-ssn", 139, "tcp", ["nbsession"]], ["imap", 143, "tcp", ["imap4"]], ["snmp", 161, "udp", []],
  ["snmptrap", 162, "udp", ["snmp-trap"]], ["ldap", 389, "both", []], ["https", 443, "both", ["MCom"]],
  ["microsoft-ds", 445, "tcp", []], ["syslog", 514, "udp", []], ["printer", 515, "tcp", ["spooler"]],
  ["submission", 587, "tcp", []], ["ldaps", 636, "tcp", ["sldap"]], ["imaps", 993, "tcp", []],
  ["pop3s", 995, "tcp", ["spop3"]], ["ms-sql-s", 1433, "tcp", []], ["ms-wbt-server", 3389, "tcp", []],
];

function findService(match: (name: string, port: number, aliases: readonly string[]) => boolean, proto: Proto | null) {
  for (const [name, port, p, aliases] of SERVICES) {
    if (match(name, port, aliases) && (proto === null || p === "both" || p === proto)) {
      return { name, port, proto: proto ?? (p === "both" ? "tcp" : p), aliases: [...aliases] };
    }
  }
  return undefined;
}

function serviceByName(name: string, proto: Proto | null): number | undefined {
  const n = name.toLowerCase();
  return findService((s, _p, al) => s === n || al.some((a) => a.toLowerCase() === n), proto)?.port;
}

function serviceByPort(port: number, proto: Proto): string | undefined {
  return findService((_s, p) => p === port, proto)?.name;
}

export interface AddrInfoHints {
  flags?: number;
  family?: number;
  socktype?: number;
  protocol?: number;
}

/** One ADDRINFOA record. `addr` is the sockaddr as the core writes it; address/port are friendly. */
export interface AddrInfo {
  flags: number;
  family: number;
  socktype: number;
  protocol: number;
  addrlen: number;
  canonname: string | null;
  addr: Uint8Array;
  address: string;
  port: number;
  scopeId: number;
}

/** Maps a Node resolver error to the Winsock code Windows gives for the same EAI_* condition. */
export function dnsErrorToWsa(err: unknown): number {
  const code = (err as { code?: string })?.code;
  switch (code) {
    case "ENOTFOUND": case "EAI_NONAME": return WSA.WSAHOST_NOT_FOUND;
    case "EAI_AGAIN": case dns.TIMEOUT: case dns.CONNREFUSED: case dns.SERVFAIL: return WSA.WSATRY_AGAIN;
    case "EAI_FAIL": case dns.REFUSED: case dns.BADRESP: case dns.FORMERR: return WSA.WSANO_RECOVERY;
    case "ENODATA": case "EAI_NODATA": case "EAI_ADDRFAMILY": return WSA.WSANO_DATA;
    case "EAI_FAMILY": return WSA.WSAEAFNOSUPPORT;
    case "EAI_MEMORY": case "ENOMEM": return WSA.WSA_NOT_ENOUGH_MEMORY;
    case "EAI_BADFLAGS": return WSA.WSAEINVAL;
    case "EAI_SERVICE": return WSA.WSATYPE_NOT_FOUND;
    case "EAI_SOCKTYPE": return WSA.WSAESOCKTNOSUPPORT;
    default: return WSA.WSANO_RECOVERY;
  }
}

/**
 * The resolver underneath: Node's by default. Errors are Node-shaped (`{ code: "ENOTFOUND" }`) and
 * mapped by dnsErrorToWsa. Another implementation can be passed to each call (a host embedding
 * wasock with its own name service, or a test).
 */
export interface ResolverIo {
  lookup(name: string, family: 0 | 4 | 6, hints: number): Promise<ReadonlyArray<{ address: string; family: number }>>;
  lookupService(address: string, port: number): Promise<string>;
  hostname(): string;
}

export const nodeResolver: ResolverIo = {
  lookup: (name, family, hints) => new Promise((resolve, reject) => {
    dns.lookup(name, { all: true, family, hints, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  }),
  lookupService: (address, port) => new Promise((resolve, reject) => {
    dns.lookupService(address, port, (err, host) => (err ? reject(err) : resolve(host)));
  }),
  hostname: () => osHostname(),
};

async function lookupAll(io: ResolverIo, name: string, family: 0 | 4 | 6, hints: number): Promise<ReadonlyArray<{ address: string; family: number }>> {
  try {
    return await io.lookup(name, family, hints);
  } catch (err) {
    throw new WinsockError(dnsErrorToWsa(err));
  }
}

function isDecimal(s: string): boolean {
  return /^[0-9]+$/.test(s);
}

/** The port a service string names, as Windows' getaddrinfo resolves it. */
function resolveService(service: string | null, flags: number, socktype: number, protocol: number): number {
  if (service === null || service === "") return 0;
  if (isDecimal(service)) {
    const port = Number(service);
    if (port > 0xffff) throw new WinsockError(WSA.WSATYPE_NOT_FOUND);
    return port;
  }
  if (flags & AI_NUMERICSERV) throw new WinsockError(WSA.WSAHOST_NOT_FOUND);
  const proto = socktype === SOCK_DGRAM || protocol === IPPROTO_UDP ? "udp"
    : socktype === SOCK_STREAM || protocol === IPPROTO_TCP ? "tcp" : null;
  const port = serviceByName(service, proto);
  if (port === undefined) throw new WinsockError(WSA.WSATYPE_NOT_FOUND);
  return port;
}

/** Parses numeric host text with the core; null when the text is not an address. Windows also takes
 *  a bracketed IPv6 address, with a port that it ignores ("[beef::cafe]:10239"). */
function numericHost(core: NamesCore, node: string): { family: number; text: string; scope: string } | null {
  if (inet_pton(core, AF_INET, node) !== null) return { family: AF_INET, text: node, scope: "" };
  if (node.startsWith("[")) {
    let sa: Uint8Array;
    try { sa = WSAStringToAddressA(core, node, AF_INET6).sockaddr; } catch { return null; }
    const d = decodeSockaddr(core, sa);
    return { family: AF_INET6, text: d.address, scope: d.scopeId ? `%${d.scopeId}` : "" };
  }
  const pct = node.indexOf("%");
  const bare = pct >= 0 ? node.slice(0, pct) : node;
  if (inet_pton(core, AF_INET6, bare) === null) return null;
  if (pct >= 0) {
    // The scope must be what WSAStringToAddress accepts (decimal).
    try { WSAStringToAddressA(core, node, AF_INET6); } catch { return null; }
  }
  return { family: AF_INET6, text: bare, scope: pct >= 0 ? node.slice(pct) : "" };
}

function makeRecord(core: NamesCore, family: number, text: string, scope: string, port: number, h: Required<AddrInfoHints>): AddrInfo {
  // WSAStringToAddress takes no explicit port 0 (Windows rejects ":0"): leave the port out instead.
  const p = port === 0 ? "" : `:${port}`;
  const lit = family === AF_INET6 ? `[${text}${scope}]${p}` : `${text}${p}`;
  const { sockaddr, length } = WSAStringToAddressA(core, lit, family, SOCKADDR_IN6_LEN);
  const d = decodeSockaddr(core, sockaddr);
  return {
    flags: h.flags, family, socktype: h.socktype, protocol: h.protocol, addrlen: length, canonname: null,
    addr: sockaddr, address: d.address, port: d.port, scopeId: d.scopeId,
  };
}

/**
 * getaddrinfo: one record per address (the hints' socktype and protocol copied, as Windows does),
 * IPv6 before IPv4 for a NULL node. Throws WinsockError: WSAEINVAL (unknown flags, AI_CANONNAME
 * or AI_FQDN without a node, both together), WSAEAFNOSUPPORT, WSAESOCKTNOSUPPORT, WSAHOST_NOT_FOUND (no node and no service,
 * non-numeric text with AI_NUMERICHOST/AI_NUMERICSERV, unknown name), WSATYPE_NOT_FOUND (unknown
 * service), WSATRY_AGAIN / WSANO_RECOVERY / WSANO_DATA from the resolver.
 */
export async function getaddrinfo(core: NamesCore, node: string | null, service: string | null, hints: AddrInfoHints = {}, io: ResolverIo = nodeResolver): Promise<AddrInfo[]> {
  if (node !== null && typeof node !== "string") throw new TypeError("node must be a string or null");
  if (service !== null && typeof service !== "string") throw new TypeError("service must be a string or null");
  const h: Required<AddrInfoHints> = { flags: hints.flags ?? 0, family: hints.family ?? AF_UNSPEC, socktype: hints.socktype ?? 0, protocol: hints.protocol ?? 0 };
  if ((h.flags & ~AI_KNOWN) !== 0) throw new WinsockError(WSA.WSAEINVAL);
  if ((h.flags & (AI_CANONNAME | AI_FQDN)) && node === null) throw new WinsockError(WSA.WSAEINVAL);
  // Microsoft Learn (getaddrinfo): AI_FQDN together with AI_CANONNAME is EAI_BADFLAGS.
  if ((h.flags & AI_CANONNAME) && (h.flags & AI_FQDN)) throw new WinsockError(WSA.WSAEINVAL);
  if (h.family !== AF_UNSPEC && h.family !== AF_INET && h.family !== AF_INET6) throw new WinsockError(WSA.WSAEAFNOSUPPORT);
  if (!Number.isInteger(h.socktype) || h.socktype < 0 || h.socktype > SOCK_SEQPACKET) throw new WinsockError(WSA.WSAESOCKTNOSUPPORT);
  if (node === null && service === null) throw new WinsockError(WSA.WSAHOST_NOT_FOUND);
  const port = resolveService(service, h.flags, h.socktype, h.protocol);

  const out: AddrInfo[] = [];
  if (node === null) {
    const passive = (h.flags & AI_PASSIVE) !== 0;
    if (h.family !== AF_INET) out.push(makeRecord(core, AF_INET6, passive ? "::" : "::1", "", port, h));
    if (h.family !== AF_INET6) out.push(makeRecord(core, AF_INET, passive ? "0.0.0.0" : "127.0.0.1", "", port, h));
    return out;
  }

  const num = numericHost(core, node);
  if (num) {
    if (h.family === AF_INET6 && num.family === AF_INET) {
      if (!(h.flags & AI_V4MAPPED)) throw new WinsockError(WSA.WSAHOST_NOT_FOUND);
      out.push(makeRecord(core, AF_INET6, `::ffff:${num.text}`, "", port, h));
    } else if (h.family !== AF_UNSPEC && h.family !== num.family) {
      throw new WinsockError(WSA.WSAHOST_NOT_FOUND);
    } else {
      out.push(makeRecord(core, num.family, num.text, num.scope, port, h));
    }
    if (h.flags & (AI_CANONNAME | AI_FQDN)) out[0].canonname = node;
    return out;
  }
  // Not numeric: with AI_NUMERICHOST, or with brackets (never a host name), nothing to look up.
  if ((h.flags & AI_NUMERICHOST) || /[[\]]/.test(node)) throw new WinsockError(WSA.WSAHOST_NOT_FOUND);

  const name = node === "" ? io.hostname() : node;
  let lookupHints = 0;
  if (h.flags & AI_ADDRCONFIG) lookupHints |= dns.ADDRCONFIG;
  if (h.family === AF_INET6 && (h.flags & AI_V4MAPPED)) lookupHints |= dns.V4MAPPED;
  if (h.family === AF_INET6 && (h.flags & AI_V4MAPPED) && (h.flags & AI_ALL)) lookupHints |= dns.ALL;
  const fam = h.family === AF_INET ? 4 : h.family === AF_INET6 ? 6 : 0;
  const found = await lookupAll(io, name, fam, lookupHints);
  const seen = new Set<string>();
  for (const a of found) {
    const key = `${a.family}/${a.address}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const f = a.family === 6 ? AF_INET6 : AF_INET;
    const pct = a.address.indexOf("%");
    const text = pct >= 0 ? a.address.slice(0, pct) : a.address;
    // Node may report a scope by interface name; only numeric scopes become sin6_scope_id.
    const scope = pct >= 0 && isDecimal(a.address.slice(pct + 1)) ? a.address.slice(pct) : "";
    if (inet_pton(core, f, text) === null) continue;
    out.push(makeRecord(core, f, text, scope, port, h));
  }
  if (out.length === 0) throw new WinsockError(WSA.WSANO_DATA);
  if (h.flags & (AI_CANONNAME | AI_FQDN)) out[0].canonname = name;
  return out;
}

/** freeaddrinfo: nothing to free in JS (the records are garbage-collected); kept for fidelity. */
export function freeaddrinfo(_ai: AddrInfo[] | null): void {}

export interface NameInfo {
  host: string;
  service: string;
}

/**
 * getnameinfo: sockaddr bytes -> host and service text. hostLen / servLen are the caller's buffer
 * sizes in characters (0 means "not requested"). Throws WSAEFAULT (short sockaddr, or a buffer too
 * small for the result and its NUL), WSAEAFNOSUPPORT, WSAEINVAL (unknown flags), WSAHOST_NOT_FOUND
 * (NI_NAMEREQD and no name), or a resolver error.
 */
export async function getnameinfo(core: NamesCore, sa: Uint8Array | null, salen: number, flags = 0, hostLen = NI_MAXHOST, servLen = NI_MAXSERV, io: ResolverIo = nodeResolver): Promise<NameInfo> {
  if (sa === null || !(sa instanceof Uint8Array) || salen < 2 || sa.length < Math.min(salen, 2)) throw new WinsockError(WSA.WSAEFAULT);
  if ((flags & ~NI_KNOWN) !== 0) throw new WinsockError(WSA.WSAEINVAL);
  const family = sa[0] | (sa[1] << 8);
  if (family !== AF_INET && family !== AF_INET6) throw new WinsockError(WSA.WSAEAFNOSUPPORT);
  const need = family === AF_INET ? 16 : SOCKADDR_IN6_LEN;
  if (salen < need || sa.length < need) throw new WinsockError(WSA.WSAEFAULT);
  const d = decodeSockaddr(core, sa.subarray(0, need));
  const numeric = d.scopeId !== 0 ? `${d.address}%${d.scopeId}` : d.address;

  let host = "";
  if (hostLen > 0) {
    if (flags & NI_NUMERICHOST) {
      host = numeric;
    } else {
      let name: string | null = null;
      try {
        name = await io.lookupService(d.address, d.port);
      } catch (err) {
        const code = dnsErrorToWsa(err);
        if (code !== WSA.WSAHOST_NOT_FOUND && code !== WSA.WSANO_DATA) throw new WinsockError(code);
      }
      // A resolver without a name for the address answers with the numeric text itself.
      if (name !== null && (inet_pton(core, AF_INET, name) !== null || inet_pton(core, AF_INET6, name.split("%")[0]) !== null)) name = null;
      if (name === null) {
        if (flags & NI_NAMEREQD) throw new WinsockError(WSA.WSAHOST_NOT_FOUND);
        host = numeric;
      } else {
        host = (flags & NI_NOFQDN) && name.includes(".") ? name.slice(0, name.indexOf(".")) : name;
      }
    }
    if (host.length + 1 > hostLen) throw new WinsockError(WSA.WSAEFAULT);
  }

  let service = "";
  if (servLen > 0) {
    service = flags & NI_NUMERICSERV ? String(d.port) : serviceByPort(d.port, flags & NI_DGRAM ? "udp" : "tcp") ?? String(d.port);
    if (service.length + 1 > servLen) throw new WinsockError(WSA.WSAEFAULT);
  }
  return { host, service };
}

/** A HOSTENT: IPv4 only (gethostbyname is an AF_INET call). */
export interface HostEnt {
  name: string;
  aliases: string[];
  addrtype: number;
  length: number;
  /** Dotted quads, in resolver order. */
  addresses: string[];
  /** Each address as the 4 in_addr bytes (network order). */
  addrList: Uint8Array[];
}

/**
 * gethostbyname: IPv4 addresses of a name. A NULL or empty name is the local host (gethostname's
 * name). IPv4 text in any inet_addr form is answered without a lookup, with h_name the text itself;
 * IPv6 text or an illegal dotted address is WSANO_DATA (Microsoft Learn, gethostbyname).
 * Throws WSAHOST_NOT_FOUND, WSANO_DATA (also: the name has no IPv4 address), WSATRY_AGAIN, WSANO_RECOVERY.
 */
export async function gethostbyname(core: NamesCore, name: string | null, io: ResolverIo = nodeResolver): Promise<HostEnt> {
  if (name !== null && typeof name !== "string") throw new TypeError("name must be a string or null");
  const host = name === null || name === "" ? io.hostname() : name;
  const v = inet_addr(core, host);
  let addresses: string[];
  if (v !== INADDR_NONE || host === "255.255.255.255") {
    addresses = [inet_ntoa(core, v)];
  } else {
    // Microsoft Learn: IPv6 text or an illegal IPv4 address gives WSANO_DATA, without a lookup.
    if (inet_pton(core, AF_INET6, host.split("%")[0]) !== null || /^[0-9.]+$/.test(host)) throw new WinsockError(WSA.WSANO_DATA);
    const found = await lookupAll(io, host, 4, 0);
    addresses = [...new Set(found.filter((a) => a.family === 4).map((a) => a.address))];
    if (addresses.length === 0) throw new WinsockError(WSA.WSANO_DATA);
  }
  const addrList = addresses.map((a) => inet_pton(core, AF_INET, a) ?? new Uint8Array(4));
  return { name: host, aliases: [], addrtype: AF_INET, length: 4, addresses, addrList };
}

/** gethostname: the local host name; WSAEFAULT when namelen cannot hold it and its NUL. */
export function gethostname(namelen = 256, io: ResolverIo = nodeResolver): string {
  if (typeof namelen !== "number" || !Number.isInteger(namelen)) throw new TypeError("namelen must be an integer");
  const h = io.hostname();
  if (namelen < Buffer.byteLength(h) + 1) throw new WinsockError(WSA.WSAEFAULT);
  return h;
}


/** A SERVENT. `port` is in host order; `s_port` is the value the C structure holds (network order). */
export interface ServEnt {
  name: string;
  aliases: string[];
  port: number;
  s_port: number;
  proto: string;
}

function servent(e: { name: string; port: number; proto: string; aliases: string[] }): ServEnt {
  return { name: e.name, aliases: e.aliases, port: e.port, s_port: ((e.port & 0xff) << 8) | (e.port >> 8), proto: e.proto };
}

function protoArg(proto: string | null): Proto | null | undefined {
  if (proto === null) return null;
  if (typeof proto !== "string") throw new TypeError("proto must be a string or null");
  const p = proto.toLowerCase();
  return p === "tcp" || p === "udp" ? p : undefined;
}

/** getservbyname: a service by name or alias (case-insensitive), for "tcp", "udp" or any (NULL).
 *  Throws WSANO_DATA when the services table has no such entry (as Windows' services file lookup). */
export function getservbyname(name: string, proto: string | null = null): ServEnt {
  if (typeof name !== "string") throw new TypeError("name must be a string");
  const p = protoArg(proto);
  const n = name.toLowerCase();
  const e = p === undefined ? undefined : findService((s, _port, al) => s === n || al.some((a) => a.toLowerCase() === n), p);
  if (!e) throw new WinsockError(WSA.WSANO_DATA);
  return servent(e);
}

/** getservbyport: `port` in network byte order, as the C call takes it. Throws WSANO_DATA. */
export function getservbyport(port: number, proto: string | null = null): ServEnt {
  if (!Number.isInteger(port)) throw new TypeError("port must be an integer");
  const host = ((port & 0xff) << 8) | ((port >> 8) & 0xff);
  const p = protoArg(proto);
  const e = p === undefined ? undefined : findService((_s, pt) => pt === host, p);
  if (!e) throw new WinsockError(WSA.WSANO_DATA);
  return servent(e);
}

/** Windows' %SystemRoot%\system32\drivers\etc\protocol entries (IANA protocol numbers). */
const PROTOCOLS: ReadonlyArray<readonly [name: string, number: number, aliases: readonly string[]]> = [
  ["ip", 0, ["IP"]], ["icmp", 1, ["ICMP"]], ["ggp", 3, ["GGP"]], ["tcp", 6, ["TCP"]], ["egp", 8, ["EGP"]],
  ["pup", 12, ["PUP"]], ["udp", 17, ["UDP"]], ["hmp", 20, ["HMP"]], ["xns-idp", 22, ["XNS-IDP"]],
  ["rdp", 27, ["RDP"]], ["ipv6", 41, ["IPv6"]], ["ipv6-route", 43, ["IPv6-Route"]],
  ["ipv6-frag", 44, ["IPv6-Frag"]], ["esp", 50, ["ESP"]], ["ah", 51, ["AH"]], ["ipv6-icmp", 58, ["IPv6-ICMP"]],
  ["ipv6-nonxt", 59, ["IPv6-NoNxt"]], ["ipv6-opts", 60, ["IPv6-Opts"]], ["rvd", 66, ["RVD"]],
];

export interface ProtoEnt {
  name: string;
  aliases: string[];
  proto: number;
}

/** getprotobyname: by name or alias (case-insensitive). Throws WSANO_DATA. */
export function getprotobyname(name: string): ProtoEnt {
  if (typeof name !== "string") throw new TypeError("name must be a string");
  const n = name.toLowerCase();
  const e = PROTOCOLS.find(([p, , al]) => p === n || al.some((a) => a.toLowerCase() === n));
  if (!e) throw new WinsockError(WSA.WSANO_DATA);
  return { name: e[0], aliases: [...e[2]], proto: e[1] };
}

/** getprotobynumber. Throws WSANO_DATA. */
export function getprotobynumber(proto: number): ProtoEnt {
  if (!Number.isInteger(proto)) throw new TypeError("proto must be an integer");
  const e = PROTOCOLS.find(([, n]) => n === proto);
  if (!e) throw new WinsockError(WSA.WSANO_DATA);
  return { name: e[0], aliases: [...e[2]], proto: e[1] };
}

/**
 * gethostbyaddr: the name of an address (4 bytes for AF_INET, 16 for AF_INET6) by reverse lookup.
 * Throws WSAEFAULT (len shorter than the family's address), WSAEAFNOSUPPORT (type), or
 * WSAHOST_NOT_FOUND when the resolver knows no name for it.
 */
export async function gethostbyaddr(core: NamesCore, addr: Uint8Array | null, len: number, type: number, io: ResolverIo = nodeResolver): Promise<HostEnt> {
  if (type !== AF_INET && type !== AF_INET6) throw new WinsockError(WSA.WSAEAFNOSUPPORT);
  const need = type === AF_INET ? 4 : 16;
  if (addr === null || !(addr instanceof Uint8Array) || len < need || addr.length < need) throw new WinsockError(WSA.WSAEFAULT);
  const text = inet_ntop(core, type, addr.subarray(0, need));
  let name: string;
  try {
    name = await io.lookupService(text, 0);
  } catch (err) {
    throw new WinsockError(dnsErrorToWsa(err));
  }
  if (inet_pton(core, AF_INET, name) !== null || inet_pton(core, AF_INET6, name.split("%")[0]) !== null) {
    throw new WinsockError(WSA.WSAHOST_NOT_FOUND);
  }
  return { name, aliases: [], addrtype: type, length: need, addresses: [text], addrList: [new Uint8Array(addr.subarray(0, need))] };
}

// ---------------------------------------------------------------------------------------------
// The C structures for a 32-bit guest (wasm32: pointers and size_t are 4 bytes), laid out in one
// block that starts at guest address `base`, so that the ws2_32 ABI module copies it in once and
// freeaddrinfo frees it whole. Strings are A strings (bytes), NUL-terminated.

function cstr(s: string): Uint8Array {
  const b = new Uint8Array(s.length + 1);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

const align4 = (n: number) => (n + 3) & ~3;

/** An ADDRINFOA chain (ws2tcpip.h: flags, family, socktype, protocol, addrlen, canonname, addr,
 *  next; 32 bytes each), then the sockaddrs, then the canonical name. Empty list: no bytes. */
export function layoutAddrInfo(list: readonly AddrInfo[], base: number): Uint8Array {
  const n = list.length;
  let size = 32 * n;
  const addrAt: number[] = [];
  for (const ai of list) { addrAt.push(size); size += align4(ai.addr.length); }
  const nameAt: number[] = [];
  for (const ai of list) { nameAt.push(ai.canonname === null ? -1 : size); if (ai.canonname !== null) size += ai.canonname.length + 1; }
  const out = new Uint8Array(align4(size));
  const dv = new DataView(out.buffer);
  list.forEach((ai, i) => {
    const r = 32 * i;
    dv.setInt32(r, ai.flags, true);
    dv.setInt32(r + 4, ai.family, true);
    dv.setInt32(r + 8, ai.socktype, true);
    dv.setInt32(r + 12, ai.protocol, true);
    dv.setUint32(r + 16, ai.addrlen, true);
    dv.setUint32(r + 20, nameAt[i] < 0 ? 0 : base + nameAt[i], true);
    dv.setUint32(r + 24, base + addrAt[i], true);
    dv.setUint32(r + 28, i + 1 < n ? base + 32 * (i + 1) : 0, true);
    out.set(ai.addr, addrAt[i]);
    if (ai.canonname !== null) out.set(cstr(ai.canonname), nameAt[i]);
  });
  return out;
}

/** A HOSTENT (h_name, h_aliases, h_addrtype short, h_length short, h_addr_list; 16 bytes) in the
 *  order Windows is observed to use: the structure, the alias pointers, the address pointers, the
 *  addresses, then the strings (Wine's test_dns checks this on Windows). */
export function layoutHostent(h: HostEnt, base: number): Uint8Array {
  const aliasesAt = 16;
  const listAt = aliasesAt + 4 * (h.aliases.length + 1);
  const addrsAt = listAt + 4 * (h.addrList.length + 1);
  let size = addrsAt + h.length * h.addrList.length;
  const nameAt = size;
  size += h.name.length + 1;
  const aliasAt: number[] = [];
  for (const a of h.aliases) { aliasAt.push(size); size += a.length + 1; }
  const out = new Uint8Array(align4(size));
  const dv = new DataView(out.buffer);
  dv.setUint32(0, base + nameAt, true);
  dv.setUint32(4, base + aliasesAt, true);
  dv.setInt16(8, h.addrtype, true);
  dv.setInt16(10, h.length, true);
  dv.setUint32(12, base + listAt, true);
  h.aliases.forEach((a, i) => { dv.setUint32(aliasesAt + 4 * i, base + aliasAt[i], true); out.set(cstr(a), aliasAt[i]); });
  h.addrList.forEach((b, i) => { dv.setUint32(listAt + 4 * i, base + addrsAt + h.length * i, true); out.set(b.subarray(0, h.length), addrsAt + h.length * i); });
  out.set(cstr(h.name), nameAt);
  return out;
}
