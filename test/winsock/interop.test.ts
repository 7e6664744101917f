// wasock sockets against peers wasock did not write: node:net, node:dgram and node:http, over loopback.
import dgram from "node:dgram";
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { started, v4, v6 } from "./helpers.ts";
import { connect, createServer, WasockSocket } from "../../host/node/duplex.ts";
import * as K from "../../host/node/constants.ts";

const { AF_INET, AF_INET6, SOCK_STREAM, SOCK_DGRAM } = K;
const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function pattern(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; b[i] = x >>> 24; }
  return b;
}

describe("TCP interop", () => {
  it.each([["IPv4", AF_INET, "127.0.0.1"], ["IPv6", AF_INET6, "::1"]] as const)(
    "a wasock client against a node:net echo server (%s), 1 MiB both ways", async (_n, af, host) => {
      const srv = net.createServer((c) => c.pipe(c));
      cleanups.push(() => srv.close());
      await new Promise<void>((r) => srv.listen(0, host, r));
      const ws = await started();
      const s = ws.socket(af, SOCK_STREAM, 0);
      const port = (srv.address() as net.AddressInfo).port;
      await ws.connectAsync(s, af === AF_INET ? v4(port) : v6(port));
      const data = pattern(1 << 20, 1);
      const got: Buffer[] = [];
      let total = 0;
      const reader = (async () => {
        const b = new Uint8Array(65536);
        while (total < data.length) {
          const n = await ws.recvAsync(s, b);
          if (n === 0) break;
          got.push(Buffer.from(b.subarray(0, n)));
          total += n;
        }
      })();
      for (let off = 0; off < data.length; off += 10000) await ws.sendAsync(s, data.subarray(off, off + 10000));
      await reader;
      expect(Buffer.concat(got).equals(data)).toBe(true);
      ws.closesocket(s);
    });

  it("a node:net client against a wasock listener", async () => {
    const ws = await started();
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.bind(l, v4());
    ws.listen(l, 5);
    const data = pattern(300_000, 2);
    const echoed: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const c = net.connect(ws.getsockname(l).port, "127.0.0.1", () => c.end(data));
      c.on("data", (d) => echoed.push(d));
      c.on("end", () => resolve());
      c.on("error", reject);
    });
    const a = await ws.acceptAsync(l);
    const b = new Uint8Array(32768);
    for (;;) {
      const n = await ws.recvAsync(a, b);
      if (n === 0) break;
      await ws.sendAsync(a, b.subarray(0, n));
    }
    ws.shutdown(a, K.SD_SEND);
    await done;
    expect(Buffer.concat(echoed).equals(data)).toBe(true);
    ws.closesocket(a);
    ws.closesocket(l);
  });
});

describe("UDP interop", () => {
  it("wasock -> node:dgram and node:dgram -> wasock, IPv4 and IPv6", async () => {
    for (const [af, type, host] of [[AF_INET, "udp4", "127.0.0.1"], [AF_INET6, "udp6", "::1"]] as const) {
      const ws = await started();
      const peer = dgram.createSocket(type);
      cleanups.push(() => peer.close());
      await new Promise<void>((r) => peer.bind(0, host, r));
      const u = ws.socket(af, SOCK_DGRAM, 0);
      ws.bind(u, af === AF_INET ? v4() : v6());
      const me = ws.getsockname(u);
      const got = new Promise<[Buffer, dgram.RemoteInfo]>((r) => peer.once("message", (m, ri) => r([m, ri])));
      const peerAddr = { family: af, address: host, port: peer.address().port };
      expect(ws.sendto(u, Buffer.from("to node"), 0, peerAddr)).toBe(7);
      const [m, ri] = await got;
      expect(m.toString()).toBe("to node");
      expect(ri.port).toBe(me.port);
      peer.send("to wasock", me.port, host);
      const b = new Uint8Array(64);
      const from: Record<string, unknown> = {};
      const n = await ws.recvfromAsync(u, b, 0, from);
      expect(Buffer.from(b.subarray(0, n)).toString()).toBe("to wasock");
      expect(from).toMatchObject({ family: af, address: host, port: peer.address().port });
      // A datagram larger than the buffer: truncated, WSAEMSGSIZE, and the rest is gone.
      peer.send(Buffer.alloc(100, 1), me.port, host);
      const small = new Uint8Array(10);
      await ws.until(u, () => (ws.ready(u) & 1) !== 0, 3000);
      expect(() => ws.recvfrom(u, small, 0, null)).toThrowError(expect.objectContaining({ code: "WSAEMSGSIZE" }));
      expect(small.every((x) => x === 1)).toBe(true);
      expect(ws.ioctlsocket(u, K.FIONREAD)).toBe(0);
    }
  });
});

describe("UDP connect with datagrams already queued", () => {
  it("keeps the queued ones (counts, select and recv agree) and drops later ones from other sources", async () => {
    const ws = await started();
    const a = dgram.createSocket("udp4"), b = dgram.createSocket("udp4");
    cleanups.push(() => a.close(), () => b.close());
    await Promise.all([a, b].map((p) => new Promise<void>((r) => p.bind(0, "127.0.0.1", r))));
    const u = ws.socket(AF_INET, SOCK_DGRAM, 0);
    ws.bind(u, v4());
    const me = ws.getsockname(u);
    a.send("a1", me.port, "127.0.0.1");
    b.send("b1", me.port, "127.0.0.1");
    await ws.until(u, () => ws.ioctlsocket(u, K.FIONREAD) === 4, 3000);
    ws.connect(u, v4(a.address().port));
    // Both datagrams arrived before the association: select, FIONREAD and recv must agree on them.
    const buf = new Uint8Array(16);
    const got: string[] = [];
    for (let i = 0; i < 2; i++) {
      expect(ws.select(0, [u], null, null, { tv_sec: 0, tv_usec: 0 })).toBe(1);
      const n = ws.recv(u, buf);
      got.push(Buffer.from(buf.subarray(0, n)).toString());
    }
    expect(got.sort()).toEqual(["a1", "b1"]);
    expect(ws.ioctlsocket(u, K.FIONREAD)).toBe(0);
    expect(ws.select(0, [u], null, null, { tv_sec: 0, tv_usec: 0 })).toBe(0);
    // After it, a datagram from another source is discarded and the peer's arrives.
    b.send("b2", me.port, "127.0.0.1");
    a.send("a2", me.port, "127.0.0.1");
    const n = await ws.recvAsync(u, buf);
    expect(Buffer.from(buf.subarray(0, n)).toString()).toBe("a2");
    expect(ws.ioctlsocket(u, K.FIONREAD)).toBe(0);
  });
});

describe("node:http over the Duplex adapter", () => {
  it("a node:http client over a wasock socket against a node:http server", async () => {
    const srv = http.createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => res.end(`${req.method} ${req.url} ${body.length}`));
    });
    cleanups.push(() => srv.close());
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const ws = await started();
    const port = (srv.address() as net.AddressInfo).port;
    const sock = await connect(ws, { host: "127.0.0.1", port });
    const text = await new Promise<string>((resolve, reject) => {
      const req = http.request({ method: "POST", path: "/x", createConnection: () => sock as unknown as net.Socket }, (res) => {
        let t = "";
        res.on("data", (d) => (t += d));
        res.on("end", () => resolve(`${res.statusCode} ${t}`));
      });
      req.on("error", reject);
      req.end("a".repeat(100_000));
    });
    expect(text).toBe("200 POST /x 100000");
  });

  it("a node:http server on a wasock listener, with node:http clients", async () => {
    const ws = await started();
    const hs = http.createServer((req, res) => res.end(`hello ${req.url}`));
    const server = createServer(ws, (sock: WasockSocket) => hs.emit("connection", sock));
    cleanups.push(() => server.close());
    const port = server.address().port;
    for (const path of ["/a", "/b"]) {
      const text = await new Promise<string>((resolve, reject) => {
        http.get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
          let t = "";
          res.on("data", (d) => (t += d));
          res.on("end", () => resolve(t));
        }).on("error", reject);
      });
      expect(text).toBe(`hello ${path}`);
    }
  });
});

describe("backpressure", () => {
  it("a receiver that does not read stops a non-blocking sender (WSAEWOULDBLOCK), and every byte arrives once it reads", async () => {
    const ws = await started();
    const l = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.bind(l, v4());
    ws.listen(l, 1);
    const c = ws.socket(AF_INET, SOCK_STREAM, 0);
    const conn = ws.connectAsync(c, ws.getsockname(l));
    const a = await ws.acceptAsync(l);
    await conn;
    ws.ioctlsocket(c, K.FIONBIO, 1);
    const chunk = pattern(65536, 3);
    let sent = 0;
    let blocked = false;
    for (let i = 0; i < 2000 && !blocked; i++) {
      try { sent += ws.send(c, chunk); } catch (e: any) { expect(e.code).toBe("WSAEWOULDBLOCK"); blocked = true; }
      if (i % 16 === 15) await new Promise((r) => setTimeout(r, 1)); // let the host move bytes
    }
    expect(blocked).toBe(true);
    expect(ws.select(0, null, [c], null, { tv_sec: 0, tv_usec: 0 })).toBe(0); // not writable while full
    const buf = new Uint8Array(65536);
    let got = 0;
    while (got < sent) {
      const n = await ws.recvAsync(a, buf);
      for (let k = 0; k < n; k++) if (buf[k] !== chunk[(got + k) % 65536]) throw new Error(`byte ${got + k} differs`);
      got += n;
    }
    expect(got).toBe(sent);
    expect(await ws.selectAsync(0, null, [c], null, { tv_sec: 3, tv_usec: 0 })).toBe(1); // writable again
  });
});
