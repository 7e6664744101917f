// The protocol catalog: ordered WSAPROTOCOL_INFOW entries (base entries, hidden layered entries and
// chains), each bound to the Provider that serves it. Only the catalog builds provider chains.
// Layout of WSAPROTOCOL_INFOW (628 bytes, reference/irda-secure-raw-spi.md §6):
//   0 dwServiceFlags1..4 | 16 dwProviderFlags | 20 ProviderId GUID | 36 dwCatalogEntryId |
//   40 ProtocolChain {ChainLen, ChainEntries[7]} | 72 iVersion | 76 iAddressFamily | 80 iMaxSockAddr |
//   84 iMinSockAddr | 88 iSocketType | 92 iProtocol | 96 iProtocolMaxOffset | 100 iNetworkByteOrder |
//   104 iSecurityScheme | 108 dwMessageSize | 112 dwProviderReserved | 116 szProtocol[256] (UTF-16)

import { Provider } from "./provider";
import { SockErr } from "../api/errors";
import { SOCK_DGRAM, SOCK_RAW, SOCK_RDM, SOCK_SEQPACKET, SOCK_STREAM } from "../api/constants";

export const PROTOCOL_INFOW_LEN: i32 = 628;
export const MAX_PROTOCOL_CHAIN: i32 = 7;
export const WSAPROTOCOL_LEN: i32 = 255;

export const XP1_CONNECTIONLESS: u32 = 0x1;
export const XP1_GUARANTEED_DELIVERY: u32 = 0x2;
export const XP1_GUARANTEED_ORDER: u32 = 0x4;
export const XP1_MESSAGE_ORIENTED: u32 = 0x8;
export const XP1_PSEUDO_STREAM: u32 = 0x10;
export const XP1_GRACEFUL_CLOSE: u32 = 0x20;
export const XP1_EXPEDITED_DATA: u32 = 0x40;
export const XP1_SUPPORT_BROADCAST: u32 = 0x200;
export const XP1_SUPPORT_MULTIPOINT: u32 = 0x400;
export const XP1_IFS_HANDLES: u32 = 0x20000;

export const PFL_MULTIPLE_PROTO_ENTRIES: u32 = 1;
export const PFL_RECOMMENDED_PROTO_ENTRY: u32 = 2;
export const PFL_HIDDEN: u32 = 4;
export const PFL_MATCHES_PROTOCOL_ZERO: u32 = 8;

export const BIGENDIAN: i32 = 0;
export const LITTLEENDIAN: i32 = 1;

export class ProtocolEntry {
  serviceFlags1: u32 = 0;
  providerFlags: u32 = 0;
  guid: StaticArray<u8> = new StaticArray<u8>(16); // ProviderId in its in-memory (GUID struct) order
  catalogId: u32 = 0;
  chainLen: i32 = 1;                               // 0 layered, 1 base, >= 2 chain
  chain: StaticArray<u32> = new StaticArray<u32>(MAX_PROTOCOL_CHAIN);
  version: i32 = 2;
  af: i32 = 0;
  maxSockAddr: i32 = 0;
  minSockAddr: i32 = 0;
  type: i32 = 0;
  protocol: i32 = 0;
  protocolMaxOffset: i32 = 0;
  byteOrder: i32 = BIGENDIAN;
  security: i32 = 0;
  messageSize: u32 = 0;
  name: string = "";
  /** The provider at the top of this entry's chain (for a base entry, the base provider). */
  provider: Provider;

  constructor(provider: Provider) {
    this.provider = provider;
  }

  /** Writes the 628-byte WSAPROTOCOL_INFOW at `p` (core memory, caller checked the room). */
  write(p: usize): void {
    memory.fill(p, 0, PROTOCOL_INFOW_LEN);
    store<u32>(p, this.serviceFlags1);
    store<u32>(p + 16, this.providerFlags);
    for (let i = 0; i < 16; i++) store<u8>(p + 20 + i, unchecked(this.guid[i]));
    store<u32>(p + 36, this.catalogId);
    store<i32>(p + 40, this.chainLen);
    for (let i = 0; i < MAX_PROTOCOL_CHAIN; i++) store<u32>(p + 44 + (i << 2), unchecked(this.chain[i]));
    store<i32>(p + 72, this.version);
    store<i32>(p + 76, this.af);
    store<i32>(p + 80, this.maxSockAddr);
    store<i32>(p + 84, this.minSockAddr);
    store<i32>(p + 88, this.type);
    store<i32>(p + 92, this.protocol);
    store<i32>(p + 96, this.protocolMaxOffset);
    store<i32>(p + 100, this.byteOrder);
    store<i32>(p + 104, this.security);
    store<u32>(p + 108, this.messageSize);
    const n = min(this.name.length, WSAPROTOCOL_LEN);
    for (let i = 0; i < n; i++) store<u16>(p + 116 + (i << 1), <u16>this.name.charCodeAt(i));
  }
}

const entries = new Array<ProtocolEntry>();
let nextId: u32 = 1001;

/** Appends an entry and gives it the next catalog id (a base entry's chain is itself). */
export function install(e: ProtocolEntry): u32 {
  e.catalogId = nextId++;
  if (e.chainLen == 1) unchecked((e.chain[0] = e.catalogId));
  entries.push(e);
  return e.catalogId;
}

/**
 * Installs a layered provider over base entries, the way an LSP installer does (reference §6): one
 * hidden layered entry (ChainLen 0, PFL_HIDDEN) for the layer itself, then for each base entry a
 * chain entry [layeredId, baseId] placed just before that base entry, so that socket() selects the
 * chain. `layer` is the provider at the top; its `lower` must be the base entries' provider.
 * Returns the layered entry's id.
 */
export function installLayered(layer: Provider, name: string, over: Array<ProtocolEntry>): u32 {
  const hidden = new ProtocolEntry(layer);
  if (over.length > 0) copyFields(hidden, unchecked(over[0]));
  hidden.chainLen = 0;
  hidden.providerFlags |= PFL_HIDDEN;
  hidden.name = name;
  const layeredId = install(hidden);
  for (let i = 0; i < over.length; i++) {
    const base = unchecked(over[i]);
    const e = new ProtocolEntry(layer);
    copyFields(e, base);
    e.catalogId = nextId++;
    e.chainLen = 2;
    unchecked((e.chain[0] = layeredId));
    unchecked((e.chain[1] = base.catalogId));
    e.name = name + " over " + base.name;
    // Insert just before the base entry (AssemblyScript's splice does not insert).
    let at = entries.indexOf(base);
    if (at < 0) at = entries.length;
    entries.push(e);
    for (let k = entries.length - 1; k > at; k--) unchecked((entries[k] = entries[k - 1]));
    unchecked((entries[at] = e));
  }
  return layeredId;
}

function copyFields(to: ProtocolEntry, from: ProtocolEntry): void {
  to.serviceFlags1 = from.serviceFlags1;
  to.providerFlags = from.providerFlags;
  for (let i = 0; i < 16; i++) unchecked((to.guid[i] = from.guid[i]));
  to.version = from.version;
  to.af = from.af;
  to.maxSockAddr = from.maxSockAddr;
  to.minSockAddr = from.minSockAddr;
  to.type = from.type;
  to.protocol = from.protocol;
  to.protocolMaxOffset = from.protocolMaxOffset;
  to.byteOrder = from.byteOrder;
  to.security = from.security;
  to.messageSize = from.messageSize;
}

export function entryCount(): i32 {
  return entries.length;
}

export function entryAt(i: i32): ProtocolEntry | null {
  return <u32>i < <u32>entries.length ? unchecked(entries[i]) : null;
}

export function entryById(id: u32): ProtocolEntry | null {
  for (let i = 0; i < entries.length; i++) {
    const e = unchecked(entries[i]);
    if (e.catalogId == id) return e;
  }
  return null;
}

export function familyKnown(af: i32): bool {
  for (let i = 0; i < entries.length; i++) if (unchecked(entries[i]).af == af) return true;
  return false;
}

function typeKnown(type: i32): bool {
  return type == SOCK_STREAM || type == SOCK_DGRAM || type == SOCK_RAW || type == SOCK_RDM || type == SOCK_SEQPACKET;
}

let lookupErr: SockErr = SockErr.Ok;
export function lastLookupError(): SockErr {
  return lookupErr;
}

/**
 * The entry socket(af, type, protocol) selects, in catalog order, or null with lastLookupError():
 * an unknown type wins over an unknown family (WSAESOCKTNOSUPPORT), then the family
 * (WSAEAFNOSUPPORT), then the protocol (WSAEPROTONOSUPPORT). Type 0 takes the first entry of the
 * family whose protocol matches; protocol 0 takes an entry flagged PFL_MATCHES_PROTOCOL_ZERO.
 */
export function selectEntry(af: i32, type: i32, protocol: i32): ProtocolEntry | null {
  if (type != 0 && !typeKnown(type)) { lookupErr = SockErr.SockTNoSupport; return null; }
  if (!familyKnown(af)) { lookupErr = SockErr.AfNoSupport; return null; }
  if (type == 0 && protocol == 0) type = SOCK_STREAM;
  let typeSeen = false;
  for (let i = 0; i < entries.length; i++) {
    const e = unchecked(entries[i]);
    if (e.af != af || e.chainLen == 0 || (e.providerFlags & PFL_HIDDEN) != 0) continue;
    if (type != 0 && e.type != type) continue;
    typeSeen = true;
    if (protocol == 0 ? (e.providerFlags & PFL_MATCHES_PROTOCOL_ZERO) != 0 : e.protocol == protocol) return e;
  }
  lookupErr = typeSeen || type == 0 ? SockErr.ProtoNoSupport : SockErr.SockTNoSupport;
  return null;
}
