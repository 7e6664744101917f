// reference/winsock-behaviour.md "Startup".
import { describe, expect, it } from "vitest";
import { Winsock, expectWsa, started } from "./helpers.ts";
import { AF_INET, MAKEWORD, SOCK_STREAM } from "../../host/node/constants.ts";
import { WSA } from "../../host/node/errors.ts";

describe("WSAStartup / WSACleanup", () => {
  it("before WSAStartup: socket fails with WSANOTINITIALISED, WSACleanup too; inet_addr works", async () => {
    const ws = await Winsock.create();
    expectWsa(ws, () => ws.socket(AF_INET, SOCK_STREAM, 0), "WSANOTINITIALISED");
    expectWsa(ws, () => ws.WSACleanup(), "WSANOTINITIALISED");
    expect(ws.inet_addr("1.2.3.4")).toBe(0x04030201);
  });

  // [requested major, minor] -> negotiated [major, minor] (reference: 1.0 -> 1.0, 1.x -> 1.1, 2.0-2.2 echoed, above -> 2.2)
  const table: Array<[number, number, number, number]> = [
    [1, 0, 1, 0], [1, 1, 1, 1], [1, 2, 1, 1], [1, 255, 1, 1],
    [2, 0, 2, 0], [2, 1, 2, 1], [2, 2, 2, 2], [2, 3, 2, 2], [2, 255, 2, 2], [3, 0, 2, 2], [255, 255, 2, 2],
  ];
  it.each(table)("version %i.%i negotiates %i.%i with wHighVersion 2.2", async (maj, min, gm, gn) => {
    const ws = await Winsock.create();
    const d: Record<string, unknown> = {};
    expect(ws.WSAStartup(MAKEWORD(maj, min), d)).toBe(0);
    expect(d.wVersion).toBe(MAKEWORD(gm, gn));
    expect(d.wHighVersion).toBe(MAKEWORD(2, 2));
    expect(d.szDescription).toBe("WinSock 2.0");
    expect(d.szSystemStatus).toBe("Running");
  });

  it.each([[0, 0], [0, 1]])("version %i.%i fails with WSAVERNOTSUPPORTED returned, wVersion still 2.2", async (maj, min) => {
    const ws = await Winsock.create();
    const d: Record<string, unknown> = {};
    expect(ws.WSAStartup(MAKEWORD(maj, min), d)).toBe(WSA.WSAVERNOTSUPPORTED);
    expect(d.wVersion).toBe(0x0202);
    expectWsa(ws, () => ws.socket(AF_INET, SOCK_STREAM, 0), "WSANOTINITIALISED");
  });

  it("a NULL WSADATA with a good version returns WSAEFAULT and does not start", async () => {
    const ws = await Winsock.create();
    expect(ws.WSAStartup(0x0202, null)).toBe(WSA.WSAEFAULT);
    expectWsa(ws, () => ws.WSACleanup(), "WSANOTINITIALISED");
  });

  it("WSAStartup is reference-counted; the last WSACleanup closes every socket", async () => {
    const ws = await started();
    expect(ws.WSAStartup(0x0202, {})).toBe(0);
    const s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.WSACleanup();
    expect(ws.getsockopt(s, 0xffff, 0x1008)).toBe(SOCK_STREAM); // still open after the first cleanup
    ws.WSACleanup();
    expectWsa(ws, () => ws.socket(AF_INET, SOCK_STREAM, 0), "WSANOTINITIALISED");
    expect(ws.WSAStartup(0x0202, {})).toBe(0);
    expectWsa(ws, () => ws.closesocket(s), "WSAENOTSOCK");
    expect(ws.core.wasock_live()).toBe(0);
  });

  it("blocking hooks: WSAEOPNOTSUPP with 2.x, usable with 1.1", async () => {
    const ws2 = await started(0x0202);
    expectWsa(ws2, () => ws2.WSASetBlockingHook(5), "WSAEOPNOTSUPP");
    expectWsa(ws2, () => ws2.WSAUnhookBlockingHook(), "WSAEOPNOTSUPP");
    expectWsa(ws2, () => ws2.WSACancelBlockingCall(), "WSAEOPNOTSUPP");
    const ws1 = await started(0x0101);
    const prev = ws1.WSASetBlockingHook(5);
    expect(prev).not.toBe(0);
    expect(ws1.WSASetBlockingHook(prev)).toBe(5);
    expect(ws1.WSAUnhookBlockingHook()).toBe(0);
    expect(ws1.WSAIsBlocking()).toBe(false);
    expectWsa(ws1, () => ws1.WSACancelBlockingCall(), "WSAEINVAL"); // no blocking call outstanding
  });

  it("WSASetLastError / WSAGetLastError, and a successful socket() sets 0", async () => {
    const ws = await started();
    ws.WSASetLastError(12345);
    expect(ws.WSAGetLastError()).toBe(12345);
    ws.socket(AF_INET, SOCK_STREAM, 0);
    expect(ws.WSAGetLastError()).toBe(0);
  });
});
