// The protocol catalog: WSAEnumProtocolsW in WSAPROTOCOL_INFOW's exact 628-byte layout
// (reference/irda-secure-raw-spi.md §6), SO_PROTOCOL_INFOW, and WSASocket from an entry.
import { describe, expect, it } from "vitest";
import { expectWsa, started, Winsock } from "./helpers.ts";
import * as K from "../../host/node/constants.ts";

const { AF_INET, AF_INET6, SOCK_STREAM, SOCK_DGRAM, IPPROTO_TCP, IPPROTO_UDP } = K;

describe("WSAEnumProtocols", () => {
  it("lists the host provider's TCP and UDP over IPv4 and IPv6 as base entries", async () => {
    const ws = await started();
    const all = ws.WSAEnumProtocols();
    expect(all.map((p) => [p.iAddressFamily, p.iSocketType, p.iProtocol, p.dwCatalogEntryId])).toEqual([
      [AF_INET, SOCK_STREAM, IPPROTO_TCP, 1001], [AF_INET, SOCK_DGRAM, IPPROTO_UDP, 1002],
      [AF_INET6, SOCK_STREAM, IPPROTO_TCP, 1003], [AF_INET6, SOCK_DGRAM, IPPROTO_UDP, 1004],
    ]);
    for (const p of all) {
      expect(p.ProtocolChain.ChainLen).toBe(1); // BASE_PROTOCOL
      expect(p.ProtocolChain.ChainEntries).toEqual([p.dwCatalogEntryId, 0, 0, 0, 0, 0, 0]);
      expect(p.iVersion).toBe(2);
      expect(p.iNetworkByteOrder).toBe(0); // BIGENDIAN
      expect(p.iSecurityScheme).toBe(0);
      expect(p.iMaxSockAddr).toBe(p.iAddressFamily === AF_INET ? 16 : 28);
      expect(p.iMinSockAddr).toBe(p.iMaxSockAddr);
      expect(p.dwProviderFlags & K.PFL_MATCHES_PROTOCOL_ZERO).toBe(K.PFL_MATCHES_PROTOCOL_ZERO);
      expect(p.ProviderId).toBe(all[0].ProviderId); // one provider id across its entries
      if (p.iSocketType === SOCK_STREAM) {
        expect(p.dwServiceFlags1).toBe(K.XP1_GUARANTEED_DELIVERY | K.XP1_GUARANTEED_ORDER | K.XP1_GRACEFUL_CLOSE);
        expect(p.dwMessageSize).toBe(0);
      } else {
        expect(p.dwServiceFlags1).toBe(K.XP1_CONNECTIONLESS | K.XP1_MESSAGE_ORIENTED | K.XP1_SUPPORT_BROADCAST);
        expect(p.dwMessageSize).toBe(p.iAddressFamily === AF_INET ? 65507 : 65527);
      }
    }
    expect(all[0].szProtocol).toBe("wasock host [TCP/IP]");
  });

  it("writes every byte of the 628-byte layout at Windows' offsets", async () => {
    const ws = await started();
    const raw = ws.WSAEnumProtocolsRaw([IPPROTO_UDP], 628 * 4);
    expect(raw.count).toBe(2);
    const b = raw.bytes.subarray(0, 628);
    const dv = new DataView(b.buffer, b.byteOffset, 628);
    expect(dv.getUint32(0, true)).toBe(0x209);        // dwServiceFlags1
    expect(dv.getUint32(4, true)).toBe(0);            // dwServiceFlags2..4
    expect(dv.getUint32(16, true)).toBe(8);           // dwProviderFlags
    expect(dv.getUint32(36, true)).toBe(1002);        // dwCatalogEntryId
    expect(dv.getInt32(40, true)).toBe(1);            // ChainLen
    expect(dv.getUint32(44, true)).toBe(1002);        // ChainEntries[0]
    expect(dv.getInt32(72, true)).toBe(2);            // iVersion
    expect(dv.getInt32(76, true)).toBe(AF_INET);      // iAddressFamily
    expect(dv.getInt32(88, true)).toBe(SOCK_DGRAM);   // iSocketType
    expect(dv.getInt32(92, true)).toBe(IPPROTO_UDP);  // iProtocol
    expect(dv.getUint32(108, true)).toBe(65507);      // dwMessageSize
    const name = "wasock host [UDP/IP]";
    for (let i = 0; i < name.length; i++) expect(dv.getUint16(116 + 2 * i, true)).toBe(name.charCodeAt(i));
    expect(b.subarray(116 + 2 * name.length, 628).every((x) => x === 0)).toBe(true); // NUL-padded szProtocol
  });

  it("a buffer too small: WSAENOBUFS with the length needed; NULL length WSAEFAULT; before startup WSANOTINITIALISED", async () => {
    const ws = await started();
    let err: any;
    try { ws.WSAEnumProtocolsRaw(null, 100); } catch (e) { err = e; }
    expect(err.code).toBe("WSAENOBUFS");
    expect(err.needed).toBe(4 * 628);
    err = undefined;
    try { ws.WSAEnumProtocolsRaw(null, null); } catch (e) { err = e; }
    expect(err.needed).toBe(4 * 628);
    expect(ws.core.WSAEnumProtocolsW(0, 0, 0)).toBe(-1);
    expect(ws.WSAGetLastError()).toBe(10014);
    expect(ws.WSAEnumProtocols([12345])).toEqual([]);
    const cold = await Winsock.create();
    expectWsa(cold, () => cold.WSAEnumProtocols(), "WSANOTINITIALISED");
  });

  it("SO_PROTOCOL_INFOW returns the socket's entry; WSASocket(FROM_PROTOCOL_INFO) creates from an entry", async () => {
    const ws = await started();
    const entries = ws.WSAEnumProtocols();
    const u6 = ws.socket(AF_INET6, SOCK_DGRAM, 0);
    const info = ws.getsockopt(u6, K.SOL_SOCKET, K.SO_PROTOCOL_INFOW) as { raw: Uint8Array; dwCatalogEntryId: number };
    expect(info.dwCatalogEntryId).toBe(1004);
    expect(info.raw).toEqual(entries[3].raw);
    const s = ws.WSASocket(K.FROM_PROTOCOL_INFO, K.FROM_PROTOCOL_INFO, K.FROM_PROTOCOL_INFO, entries[2], 0, K.WSA_FLAG_OVERLAPPED);
    expect(ws.getsockopt(s, K.SOL_SOCKET, K.SO_TYPE)).toBe(SOCK_STREAM);
    expect((ws.getsockopt(s, K.SOL_SOCKET, K.SO_PROTOCOL_INFOW) as { dwCatalogEntryId: number }).dwCatalogEntryId).toBe(1003);
    const bogus = entries[0].raw.slice();
    new DataView(bogus.buffer).setUint32(36, 4242, true);
    expectWsa(ws, () => ws.WSASocket(K.FROM_PROTOCOL_INFO, K.FROM_PROTOCOL_INFO, K.FROM_PROTOCOL_INFO, bogus, 0, 0), "WSAEINVAL");
  });
});
