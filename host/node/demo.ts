// `npm start`: the protocol catalog as a Winsock protocol enumerator prints it, then a TCP echo and
// a UDP exchange through wasock sockets over loopback. Needs no privileges and exits by itself.
import dgram from "node:dgram";
import net from "node:net";
import { Winsock, ProtocolInfo } from "./winsock.ts";
import * as K from "./constants.ts";

const XP1: Array<[number, string]> = [
  [K.XP1_CONNECTIONLESS, "XP1_CONNECTIONLESS"], [K.XP1_GUARANTEED_DELIVERY, "XP1_GUARANTEED_DELIVERY"],
  [K.XP1_GUARANTEED_ORDER, "XP1_GUARANTEED_ORDER"], [K.XP1_MESSAGE_ORIENTED, "XP1_MESSAGE_ORIENTED"],
  [K.XP1_PSEUDO_STREAM, "XP1_PSEUDO_STREAM"], [K.XP1_GRACEFUL_CLOSE, "XP1_GRACEFUL_CLOSE"],
  [K.XP1_EXPEDITED_DATA, "XP1_EXPEDITED_DATA"], [K.XP1_CONNECT_DATA, "XP1_CONNECT_DATA"],
  [K.XP1_DISCONNECT_DATA, "XP1_DISCONNECT_DATA"], [K.XP1_SUPPORT_BROADCAST, "XP1_SUPPORT_BROADCAST"],
  [K.XP1_SUPPORT_MULTIPOINT, "XP1_SUPPORT_MULTIPOINT"], [K.XP1_MULTIPOINT_CONTROL_PLANE, "XP1_MULTIPOINT_CONTROL_PLANE"],
  [K.XP1_MULTIPOINT_DATA_PLANE, "XP1_MULTIPOINT_DATA_PLANE"], [K.XP1_QOS_SUPPORTED, "XP1_QOS_SUPPORTED"],
  [K.XP1_INTERRUPT, "XP1_INTERRUPT"], [K.XP1_UNI_SEND, "XP1_UNI_SEND"], [K.XP1_UNI_RECV, "XP1_UNI_RECV"],
  [K.XP1_IFS_HANDLES, "XP1_IFS_HANDLES"], [K.XP1_PARTIAL_MESSAGE, "XP1_PARTIAL_MESSAGE"],
];
const PFL: Array<[number, string]> = [
  [K.PFL_MULTIPLE_PROTO_ENTRIES, "PFL_MULTIPLE_PROTO_ENTRIES"], [K.PFL_RECOMMENDED_PROTO_ENTRY, "PFL_RECOMMENDED_PROTO_ENTRY"],
  [K.PFL_HIDDEN, "PFL_HIDDEN"], [K.PFL_MATCHES_PROTOCOL_ZERO, "PFL_MATCHES_PROTOCOL_ZERO"],
];
const FAMILY: Record<number, string> = { 2: "AF_INET", 23: "AF_INET6", 26: "AF_IRDA" };
const TYPE: Record<number, string> = { 1: "SOCK_STREAM", 2: "SOCK_DGRAM", 3: "SOCK_RAW", 4: "SOCK_RDM", 5: "SOCK_SEQPACKET" };
const PROTO: Record<number, string> = { 6: "IPPROTO_TCP", 17: "IPPROTO_UDP" };

function flags(v: number, table: Array<[number, string]>): string {
  const names = table.filter(([bit]) => v & bit).map(([, n]) => n);
  return names.length ? names.join(" | ") : "0";
}

function printEntry(i: number, p: ProtocolInfo): void {
  console.log(`Winsock Catalog Provider Entry #${i}`);
  console.log(`  Entry Type:            ${p.ProtocolChain.ChainLen === 1 ? "Base Service Provider" : p.ProtocolChain.ChainLen === 0 ? "Layered Service Provider" : "Protocol Chain"}`);
  console.log(`  Protocol:              ${p.szProtocol}`);
  console.log(`  Provider ID:           ${p.ProviderId}`);
  console.log(`  Catalog Entry ID:      ${p.dwCatalogEntryId}`);
  console.log(`  Version:               ${p.iVersion}`);
  console.log(`  Address Family:        ${p.iAddressFamily} (${FAMILY[p.iAddressFamily] ?? "?"})`);
  console.log(`  Max/Min Address Len:   ${p.iMaxSockAddr} / ${p.iMinSockAddr}`);
  console.log(`  Socket Type:           ${p.iSocketType} (${TYPE[p.iSocketType] ?? "?"})`);
  console.log(`  Protocol Number:       ${p.iProtocol} (${PROTO[p.iProtocol] ?? "?"})`);
  console.log(`  Byte Order:            ${p.iNetworkByteOrder === 0 ? "BIGENDIAN" : "LITTLEENDIAN"}`);
  console.log(`  Max Message Size:      ${p.dwMessageSize === 0 ? "0 (stream)" : p.dwMessageSize}`);
  console.log(`  Service Flags:         0x${p.dwServiceFlags1.toString(16)} ${flags(p.dwServiceFlags1, XP1)}`);
  console.log(`  Provider Flags:        0x${p.dwProviderFlags.toString(16)} ${flags(p.dwProviderFlags, PFL)}`);
  console.log(`  Protocol Chain Length: ${p.ProtocolChain.ChainLen} [${p.ProtocolChain.ChainEntries.slice(0, Math.max(1, p.ProtocolChain.ChainLen)).join(", ")}]`);
  console.log("");
}

async function main(): Promise<void> {
  const ws = await Winsock.create();
  const data: Record<string, unknown> = {};
  const r = ws.WSAStartup(K.MAKEWORD(2, 2), data);
  if (r !== 0) throw new Error(`WSAStartup failed: ${r}`);
  console.log(`WSAStartup: version ${(data.wVersion as number) & 0xff}.${(data.wVersion as number) >> 8}, "${data.szDescription}", ${data.szSystemStatus}\n`);
  ws.WSAEnumProtocols().forEach((p, i) => printEntry(i, p));

  // TCP echo: a wasock client against a node:net echo server.
  const srv = net.createServer((c) => c.pipe(c));
  await new Promise<void>((res) => srv.listen(0, "127.0.0.1", res));
  const port = (srv.address() as net.AddressInfo).port;
  const s = ws.socket(K.AF_INET, K.SOCK_STREAM, K.IPPROTO_TCP);
  await ws.connectAsync(s, { family: K.AF_INET, address: "127.0.0.1", port });
  const me = ws.getsockname(s);
  const msg = Buffer.from("hello through wasock");
  await ws.sendAsync(s, msg);
  const buf = new Uint8Array(256);
  let got = 0;
  while (got < msg.length) got += await ws.recvAsync(s, buf.subarray(got));
  console.log(`TCP  ${me.address}:${me.port} -> 127.0.0.1:${port}  sent "${msg}"  echoed "${Buffer.from(buf.subarray(0, got))}"`);
  ws.shutdown(s, K.SD_SEND);
  console.log(`TCP  after SD_SEND the echo server closed too: recv returned ${await ws.recvAsync(s, buf)}`);
  ws.closesocket(s);
  srv.close();

  // UDP exchange: a wasock socket and a node:dgram socket.
  const peer = dgram.createSocket("udp4");
  await new Promise<void>((res) => peer.bind(0, "127.0.0.1", res));
  peer.on("message", (m, rinfo) => peer.send(Buffer.from(`ack ${m}`), rinfo.port, rinfo.address));
  const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, K.IPPROTO_UDP);
  ws.bind(u, { family: K.AF_INET, address: "127.0.0.1", port: 0 });
  ws.sendto(u, Buffer.from("ping"), 0, { family: K.AF_INET, address: "127.0.0.1", port: peer.address().port });
  const from: Record<string, unknown> = {};
  const n = await ws.recvfromAsync(u, buf, 0, from);
  console.log(`UDP  ${ws.getsockname(u).port} -> ${peer.address().port}  sent "ping"  got "${Buffer.from(buf.subarray(0, n))}" from ${from.address}:${from.port}`);
  ws.closesocket(u);
  peer.close();
  ws.WSACleanup();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
