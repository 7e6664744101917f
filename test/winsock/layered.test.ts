// A layered provider (a pass-through LSP built in test/harness/winsock-lsp.ts) installs into the
// catalog the way an LSP installer does, and sockets created on its chain reach the host provider.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { Winsock } from "../../host/node/winsock.ts";
import * as K from "../../host/node/constants.ts";

describe("layered providers", () => {
  it("a hidden layered entry plus a chain before the base entry; socket() selects the chain", async () => {
    const ws = await Winsock.create("test/winsock-lsp");
    expect(ws.WSAStartup(0x0202, {})).toBe(0);
    const layeredId = ws.core.harness_install_layer();
    const all = ws.WSAEnumProtocols();
    expect(all.map((p) => p.dwCatalogEntryId)).not.toContain(layeredId); // PFL_HIDDEN is not listed
    const chain = all[0];
    expect(chain.ProtocolChain.ChainLen).toBe(2);
    expect(chain.ProtocolChain.ChainEntries.slice(0, 2)).toEqual([layeredId, 1001]);
    expect(all[1].dwCatalogEntryId).toBe(1001);
    expect(chain.szProtocol).toBe("counting layer over wasock host [TCP/IP]");

    const srv = net.createServer((c) => c.pipe(c));
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const s = ws.socket(K.AF_INET, K.SOCK_STREAM, 0);
    const info = ws.getsockopt(s, K.SOL_SOCKET, K.SO_PROTOCOL_INFOW) as { dwCatalogEntryId: number };
    expect(info.dwCatalogEntryId).toBe(chain.dwCatalogEntryId);
    await ws.connectAsync(s, { family: K.AF_INET, address: "127.0.0.1", port: (srv.address() as net.AddressInfo).port });
    await ws.sendAsync(s, Buffer.from("layered"));
    const b = new Uint8Array(16);
    expect(Buffer.from(b.subarray(0, await ws.recvAsync(s, b))).toString()).toBe("layered");
    expect(ws.core.harness_layer_sends()).toBe(1);
    // UDP has no layer: its base entry is still selected.
    const u = ws.socket(K.AF_INET, K.SOCK_DGRAM, 0);
    expect((ws.getsockopt(u, K.SOL_SOCKET, K.SO_PROTOCOL_INFOW) as { dwCatalogEntryId: number }).dwCatalogEntryId).toBe(1002);
    ws.closesocket(s);
    srv.close();
  });
});
