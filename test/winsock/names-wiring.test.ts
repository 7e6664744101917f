// The Winsock class exposes the Names calls (host/node/names.ts, resolver.ts) as methods.
import { describe, expect, it } from "vitest";
import { started } from "./helpers.ts";
import { AF_INET, AF_INET6 } from "../../host/node/constants.ts";

describe("Names through the Winsock class", () => {
  it("inet_addr, inet_pton/inet_ntop, byte order and the resolver are reachable", async () => {
    const ws = await started();
    expect(ws.inet_addr("1.2.3")).toBe(ws.inet_addr("1.2.0.3"));
    expect(ws.inet_ntop(AF_INET6, ws.inet_pton(AF_INET6, "::ffff:1.2.3.4")!)).toBe("::ffff:1.2.3.4");
    expect(ws.htons(0x1234)).toBe(0x3412);
    expect(ws.ntohl(ws.htonl(0x01020304))).toBe(0x01020304);
    const ai = await ws.getaddrinfo("127.0.0.1", "80", { ai_family: AF_INET } as any);
    expect(ai.length).toBeGreaterThan(0);
    expect(typeof ws.gethostname()).toBe("string");
  });
});
