// The full core (build/wasock.wasm, assembly/targets/wasock.ts) exposes the Names exports, and the
// TypeScript forms work over it with its own WSAGetLastError. The Names calls never reach the host,
// so the host provider's imports are stubs that fail the test if called.
import { beforeAll, describe, expect, it } from "vitest";
import { WinsockError } from "../../host/node/errors.ts";
import * as N from "../../host/node/names.ts";
import * as R from "../../host/node/resolver.ts";
import { coreModule, instantiateCore } from "../../host/node/wasm.ts";

const NAMES_EXPORTS = [
  "htons", "ntohs", "htonl", "ntohl", "htonll", "ntohll", "inet_addr", "inet_ntoa", "inet_pton", "InetPtonW",
  "inet_ntop", "InetNtopW", "WSAStringToAddressA", "WSAStringToAddressW", "WSAAddressToStringA",
  "WSAAddressToStringW", "names_scratch", "names_result_ptr", "names_text_ptr", "names_len", "names_inet_addr",
  "names_inet_pton", "names_inet_ntop", "names_inet_ntoa", "names_string_to_address", "names_address_to_string",
];

let core: N.NamesCore & { WSAGetLastError(): number };
beforeAll(async () => {
  const stubs: Record<string, unknown> = {};
  for (const imp of WebAssembly.Module.imports(coreModule("wasock"))) {
    if (imp.module === "wasock_host") stubs[imp.name] = () => { throw new Error(`host import ${imp.name} called by a Names function`); };
  }
  core = await instantiateCore("wasock", { wasock_host: stubs });
});

describe("instantiateCore(\"wasock\")", () => {
  it("exports every Names function", () => {
    const names = new Set(WebAssembly.Module.exports(coreModule("wasock")).map((e) => e.name));
    for (const n of NAMES_EXPORTS) expect(names.has(n), n).toBe(true);
  });
  it("runs the TypeScript forms, errors read through its WSAGetLastError", async () => {
    expect(N.inet_ntoa(core, N.inet_addr(core, "127.1"))).toBe("127.0.0.1");
    expect(N.inet_ntop(core, N.AF_INET6, N.inet_pton(core, N.AF_INET6, "2001:DB8:0:0:1:0:0:1")!)).toBe("2001:db8::1:0:0:1");
    const { sockaddr } = N.WSAStringToAddressW(core, "[::1]:443", N.AF_INET6);
    expect(N.WSAAddressToStringA(core, sockaddr)).toBe("[::1]:443");
    expect(N.htonl(core, 0x01020304)).toBe(0x04030201);
    expect(() => N.inet_pton(core, 99, "1.2.3.4")).toThrow(WinsockError);
    expect(core.WSAGetLastError()).toBe(10047);
    try { N.WSAStringToAddressA(core, "1.2.3.4", N.AF_INET, 3); expect.unreachable(); } catch (e) {
      expect((e as N.WinsockLengthError).code).toBe("WSAEFAULT");
      expect((e as N.WinsockLengthError).needed).toBe(16);
    }
    const ai = await R.getaddrinfo(core, "127.0.0.1", "http", { socktype: R.SOCK_STREAM });
    expect(ai.map((a) => [a.address, a.port, a.addrlen])).toEqual([["127.0.0.1", 80, 16]]);
  });
});
