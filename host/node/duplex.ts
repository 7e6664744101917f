// Idiomatic adapters over `Winsock`: a Node Duplex for a connected stream socket (so node:http, tls
// and friends run over wasock unchanged), and createServer / connect helpers.
import { Duplex } from "node:stream";
import { WinsockError } from "./errors.ts";
import { Winsock } from "./winsock.ts";
import { AF_INET, AF_INET6, SockAddr } from "./sockaddr.ts";
import { FIONREAD, IPPROTO_TCP, SD_SEND, SOCK_STREAM, SOL_SOCKET, SO_KEEPALIVE, TCP_NODELAY } from "./constants.ts";

const MAX_READ = 65536;

export class WasockSocket extends Duplex {
  readonly ws: Winsock;
  readonly s: number;
  private reading = false;
  private wsClosed = false;

  constructor(ws: Winsock, s: number) {
    super({ allowHalfOpen: true });
    this.ws = ws;
    this.s = s;
  }

  get remoteAddress(): string | undefined { return this.peer()?.address; }
  get remotePort(): number | undefined { return this.peer()?.port; }
  get remoteFamily(): string | undefined { const p = this.peer(); return p ? (p.family === AF_INET6 ? "IPv6" : "IPv4") : undefined; }
  get localAddress(): string | undefined { return this.local()?.address; }
  get localPort(): number | undefined { return this.local()?.port; }

  private peer(): SockAddr | null { try { return this.ws.getpeername(this.s); } catch { return null; } }
  private local(): SockAddr | null { try { return this.ws.getsockname(this.s); } catch { return null; } }

  setNoDelay(on = true): this { try { this.ws.setsockopt(this.s, IPPROTO_TCP, TCP_NODELAY, on ? 1 : 0); } catch { /* closed */ } return this; }
  setKeepAlive(on = false): this { try { this.ws.setsockopt(this.s, SOL_SOCKET, SO_KEEPALIVE, on ? 1 : 0); } catch { /* closed */ } return this; }
  setTimeout(_ms: number, cb?: () => void): this { if (cb) this.once("timeout", cb); return this; }
  ref(): this { return this; }
  unref(): this { return this; }

  override _read(): void {
    if (this.reading || this.wsClosed) return;
    this.reading = true;
    void this.pump();
  }

  private async pump(): Promise<void> {
    try {
      while (!this.wsClosed) {
        let avail = 0;
        try { avail = this.ws.ioctlsocket(this.s, FIONREAD); } catch { /* reported by recv */ }
        const buf = Buffer.allocUnsafe(Math.min(Math.max(avail, 16384), MAX_READ));
        const n = await this.ws.recvAsync(this.s, buf);
        if (this.wsClosed) return;
        if (n === 0) { this.push(null); return; }
        if (!this.push(n === buf.length ? buf : buf.subarray(0, n))) break;
      }
    } catch (e) {
      if (!this.wsClosed) this.destroy(e as Error);
    } finally {
      this.reading = false;
    }
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.ws.sendAsync(this.s, chunk).then(() => cb(), (e) => cb(e));
  }

  /**
   * Corked or queued writes (node:http's head and body, say) leave in one send when together they
   * fit in MAX_READ: one segment on the wire instead of one per chunk (TCP_NODELAY sends each at
   * once). Larger batches go chunk by chunk, each lent to the host without a copy.
   */
  override _writev(chunks: Array<{ chunk: Buffer }>, cb: (e?: Error | null) => void): void {
    let total = 0;
    for (const c of chunks) total += c.chunk.length;
    if (total <= MAX_READ) {
      this.ws.sendAsync(this.s, Buffer.concat(chunks.map((c) => c.chunk), total)).then(() => cb(), (e) => cb(e));
      return;
    }
    void (async () => {
      try {
        for (const c of chunks) await this.ws.sendAsync(this.s, c.chunk);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    })();
  }

  override _final(cb: (e?: Error | null) => void): void {
    try { this.ws.shutdown(this.s, SD_SEND); cb(); } catch (e) { cb(e as Error); }
  }

  override _destroy(err: Error | null, cb: (e?: Error | null) => void): void {
    if (!this.wsClosed) {
      this.wsClosed = true;
      try { this.ws.closesocket(this.s); } catch (e) { if (!(e instanceof WinsockError)) return cb(e as Error); }
    }
    cb(err);
  }
}

export interface ListenOptions { host?: string; port?: number; backlog?: number }

/** A TCP server on a wasock listening socket; each accepted connection reaches `onConnection` as a Duplex. */
export class WasockServer {
  readonly ws: Winsock;
  readonly s: number;
  private open = true;

  constructor(ws: Winsock, onConnection: (sock: WasockSocket) => void, opts: ListenOptions = {}) {
    this.ws = ws;
    const host = opts.host ?? "127.0.0.1";
    const af = host.includes(":") ? AF_INET6 : AF_INET;
    const s = ws.socket(af, SOCK_STREAM, 0);
    this.s = s;
    ws.bind(s, { family: af, address: host, port: opts.port ?? 0 });
    ws.listen(s, opts.backlog ?? 128);
    void (async () => {
      while (this.open) {
        let c: number;
        try { c = await ws.acceptAsync(s); } catch { return; }
        onConnection(new WasockSocket(ws, c));
      }
    })();
  }

  address(): SockAddr { return this.ws.getsockname(this.s); }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.ws.closesocket(this.s);
  }
}

export function createServer(ws: Winsock, onConnection: (sock: WasockSocket) => void, opts: ListenOptions = {}): WasockServer {
  return new WasockServer(ws, onConnection, opts);
}

/** Connects a wasock TCP socket (blocking connect) and wraps it as a Duplex. */
export async function connect(ws: Winsock, opts: { host: string; port: number }): Promise<WasockSocket> {
  const af = opts.host.includes(":") ? AF_INET6 : AF_INET;
  const s = ws.socket(af, SOCK_STREAM, 0);
  try {
    await ws.connectAsync(s, { family: af, address: opts.host, port: opts.port });
  } catch (e) {
    ws.closesocket(s);
    throw e;
  }
  return new WasockSocket(ws, s);
}
