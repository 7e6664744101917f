// The host provider: a base provider whose TCP and UDP are the host platform's own (node:net and
// node:dgram under Node, wasi:sockets under WASI). It owns no protocol logic: each call becomes one
// host import, and completions (connected, data, closed, ...) come back as events the API layer
// applies (api/events.ts). Its data lives host-side, so send/recv pass HOST_BUFFER through and cost
// one copy each.

import { Provider } from "./provider";
import { ProtocolEntry, install, XP1_CONNECTIONLESS, XP1_GUARANTEED_DELIVERY, XP1_GUARANTEED_ORDER,
  XP1_GRACEFUL_CLOSE, XP1_MESSAGE_ORIENTED, XP1_SUPPORT_BROADCAST, PFL_MATCHES_PROTOCOL_ZERO } from "./catalog";
import { SockErr } from "../api/errors";
import { Sock } from "../api/sock";
import { AF_INET, AF_INET6, IPPROTO_TCP, IPPROTO_UDP, SOCK_DGRAM, SOCK_STREAM,
  SOCKADDR_IN_LEN, SOCKADDR_IN6_LEN } from "../api/constants";
import { hostAccept, hostBind, hostClose, hostConnect, hostListen, hostName, hostOpen, hostRecv,
  hostSend, hostSetOpt, hostShutdown } from "../bindings/js-host";

function err(r: i32): SockErr {
  return r >= 0 ? SockErr.Ok : <SockErr>(-r);
}

export class HostProvider extends Provider {
  constructor() {
    super(null);
  }
  open(s: Sock): SockErr { return err(hostOpen(s.handle, s.af, s.type, s.protocol)); }
  bind(s: Sock, addr: usize, len: i32): SockErr {
    const reuse = s.exclusiveAddr ? 2 : s.reuseAddr ? 1 : 0;
    return err(hostBind(s.handle, addr, len, reuse));
  }
  listen(s: Sock, backlog: i32): SockErr { return err(hostListen(s.handle, backlog)); }
  connect(s: Sock, addr: usize, len: i32): SockErr { return err(hostConnect(s.handle, addr, len)); }
  accept(ls: Sock, ns: Sock): SockErr { return err(hostAccept(ls.handle, ns.handle)); }
  send(s: Sock, buf: usize, len: i32, flags: i32, to: usize, tolen: i32): i32 {
    return hostSend(s.handle, buf, len, flags, to, tolen);
  }
  recv(s: Sock, buf: usize, len: i32, flags: i32, from: usize, fromCap: i32): i32 {
    return hostRecv(s.handle, buf, len, flags, from, fromCap);
  }
  shutdown(s: Sock, how: i32): SockErr { return err(hostShutdown(s.handle, how)); }
  close(s: Sock, abortive: bool): void {
    hostClose(s.handle, abortive ? 1 : 0, s.lingerOn ? <i32>s.lingerSecs : -1);
  }
  setOption(s: Sock, level: i32, name: i32, value: i32): SockErr {
    return err(hostSetOpt(s.handle, level, name, value));
  }
  name(s: Sock, peer: bool, out: usize, cap: i32): i32 { return hostName(s.handle, peer ? 1 : 0, out, cap); }
}

// ProviderId {6E6F7377-6177-4B63-B000-686F73742031}: wasock's host provider (its own GUID; the
// desktop MSAFD provider's GUID belongs to Microsoft's provider).
const GUID: StaticArray<u8> = [0x77, 0x73, 0x6f, 0x6e, 0x77, 0x61, 0x63, 0x4b, 0xb0, 0x00, 0x68, 0x6f, 0x73, 0x74, 0x20, 0x31];

function entry(p: Provider, af: i32, type: i32, name: string): ProtocolEntry {
  const e = new ProtocolEntry(p);
  const stream = type == SOCK_STREAM;
  // Node's net has no urgent data, so XP1_EXPEDITED_DATA is not claimed; neither are multipoint or
  // IFS handles (wasock handles are not OS file handles).
  e.serviceFlags1 = stream
    ? XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE
    : XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST;
  e.providerFlags = PFL_MATCHES_PROTOCOL_ZERO;
  for (let i = 0; i < 16; i++) unchecked((e.guid[i] = GUID[i]));
  e.chainLen = 1;
  e.version = 2;
  e.af = af;
  e.maxSockAddr = af == AF_INET ? SOCKADDR_IN_LEN : SOCKADDR_IN6_LEN;
  e.minSockAddr = e.maxSockAddr;
  e.type = type;
  e.protocol = stream ? IPPROTO_TCP : IPPROTO_UDP;
  e.messageSize = stream ? 0 : af == AF_INET ? 65507 : 65527; // largest UDP payload over IPv4 / IPv6
  e.name = name;
  return e;
}

let installed = false;
export const hostProvider = new HostProvider();

/** Installs the host provider's four base entries (ids 1001..1004 when it is first). */
export function installHostProvider(): void {
  if (installed) return;
  installed = true;
  install(entry(hostProvider, AF_INET, SOCK_STREAM, "wasock host [TCP/IP]"));
  install(entry(hostProvider, AF_INET, SOCK_DGRAM, "wasock host [UDP/IP]"));
  install(entry(hostProvider, AF_INET6, SOCK_STREAM, "wasock host [TCP/IPv6]"));
  install(entry(hostProvider, AF_INET6, SOCK_DGRAM, "wasock host [UDP/IPv6]"));
}
