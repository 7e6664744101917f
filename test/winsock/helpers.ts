// Shared helpers for the Winsock tests: a started Winsock, loopback addresses, error assertions.
import { expect } from "vitest";
import { Winsock } from "../../host/node/winsock.ts";
import { WSA, WinsockError, WsaName } from "../../host/node/errors.ts";
import { AF_INET, AF_INET6, SockAddr } from "../../host/node/sockaddr.ts";

export { Winsock, WSA, WinsockError };

export async function started(version = 0x0202): Promise<Winsock> {
  const ws = await Winsock.create();
  expect(ws.WSAStartup(version, {})).toBe(0);
  return ws;
}

export const v4 = (port = 0, address = "127.0.0.1"): SockAddr => ({ family: AF_INET, address, port });
export const v6 = (port = 0, address = "::1"): SockAddr => ({ family: AF_INET6, address, port });

/** Runs fn and expects a WinsockError with that code (and WSAGetLastError agreeing). */
export function expectWsa(ws: Winsock | null, fn: () => unknown, code: WsaName): void {
  let err: unknown;
  try { fn(); } catch (e) { err = e; }
  expect(err, `expected ${code}`).toBeInstanceOf(WinsockError);
  expect((err as WinsockError).code).toBe(code);
  if (ws) expect(ws.WSAGetLastError()).toBe(WSA[code as keyof typeof WSA]);
}

export async function expectWsaAsync(p: Promise<unknown>, code: WsaName): Promise<void> {
  let err: unknown;
  try { await p; } catch (e) { err = e; }
  expect(err, `expected ${code}`).toBeInstanceOf(WinsockError);
  expect((err as WinsockError).code).toBe(code);
}

/** Waits (bounded) until cond holds, polling on the event loop. */
export async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 2));
  }
}
