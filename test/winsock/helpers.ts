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

/** A TCP port on 127.0.0.1 that nothing listens on (taken and released at once). */
export async function freePort(): Promise<number> {
  const net = await import("node:net");
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as import("node:net").AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/**
 * node:net / node:dgram peers on loopback for one test file, closed by `cleanup()` (call it in
 * afterEach): a listening server, a wasock stream connected to a node:net peer, a bound udp4 socket.
 */
export function loopbackPeers() {
  let cleanups: Array<() => void> = [];
  const server = async (onConn: (c: import("node:net").Socket) => void): Promise<number> => {
    const net = await import("node:net");
    const srv = net.createServer((c) => { c.on("error", () => {}); onConn(c); });
    cleanups.push(() => srv.close());
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    return (srv.address() as import("node:net").AddressInfo).port;
  };
  return {
    server,
    /** A wasock TCP socket connected (blocking connect) to a fresh node:net peer. */
    async connected(ws: Winsock): Promise<{ s: number; peer: import("node:net").Socket }> {
      let peer: import("node:net").Socket | null = null;
      const port = await server((c) => { peer = c; });
      const s = ws.socket(AF_INET, 1 /* SOCK_STREAM */, 0);
      await ws.connectAsync(s, v4(port));
      await until(() => peer !== null);
      cleanups.push(() => peer!.destroy());
      return { s, peer: peer! };
    },
    /** A node:dgram udp4 socket bound to 127.0.0.1 and what it received. */
    async udp(): Promise<{ sock: import("node:dgram").Socket; port: number; got: Buffer[] }> {
      const dgram = await import("node:dgram");
      const sock = dgram.createSocket("udp4");
      const got: Buffer[] = [];
      sock.on("message", (m) => got.push(m));
      await new Promise<void>((r) => sock.bind(0, "127.0.0.1", r));
      cleanups.push(() => sock.close());
      return { sock, port: sock.address().port, got };
    },
    /** Registers something to undo at cleanup. */
    defer(f: () => void): void { cleanups.push(f); },
    cleanup(): void { for (const f of cleanups) f(); cleanups = []; },
  };
}
