// TCP through wasock over the host provider vs raw node:net, in one process over loopback:
// throughput (64 KiB sends, 256 MiB per side) and 1-byte round-trip latency (ping-pong, TCP_NODELAY).
// The machine is shared, so both sides run in alternating blocks over connections set up once
// (raw block, wasock block, raw block, ...) and each side's figure is its best block: a load spike
// then hits one block, not one side.
import net from "node:net";
import { Winsock } from "../host/node/winsock.ts";
import { AF_INET, IPPROTO_TCP, SOCK_STREAM, TCP_NODELAY } from "../host/node/constants.ts";

const CHUNK = 64 * 1024;
const BLOCK_BYTES = 32 * 1024 * 1024;
const BLOCKS = 8;                 // 8 x 32 MiB = 256 MiB per side
const RT_BLOCK = 2000;
const RT_BLOCKS = 8;              // 16000 round trips per side
const addr = (port: number) => ({ family: AF_INET, address: "127.0.0.1", port });
const now = () => Number(process.hrtime.bigint()) / 1e3; // µs

interface Side { block(): Promise<number>; close(): void }

async function rawPair(): Promise<{ a: net.Socket; b: net.Socket; close: () => void }> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const accepted = new Promise<net.Socket>((r) => srv.once("connection", r));
  const a = net.connect((srv.address() as net.AddressInfo).port, "127.0.0.1");
  await new Promise((r) => a.once("connect", r));
  const b = await accepted;
  a.setNoDelay(true);
  b.setNoDelay(true);
  return { a, b, close: () => { a.destroy(); b.destroy(); srv.close(); } };
}

async function wasockPair(ws: Winsock): Promise<{ a: number; b: number; close: () => void }> {
  const l = ws.socket(AF_INET, SOCK_STREAM, 0);
  ws.bind(l, addr(0));
  ws.listen(l, 1);
  const a = ws.socket(AF_INET, SOCK_STREAM, 0);
  const conn = ws.connectAsync(a, ws.getsockname(l));
  const b = await ws.acceptAsync(l);
  await conn;
  ws.setsockopt(a, IPPROTO_TCP, TCP_NODELAY, 1);
  ws.setsockopt(b, IPPROTO_TCP, TCP_NODELAY, 1);
  return { a, b, close: () => { ws.closesocket(a); ws.closesocket(b); ws.closesocket(l); } };
}

/** Raw throughput: write 64 KiB chunks, honouring write()'s backpressure; bytes/s of one block. */
async function rawThroughput(): Promise<Side> {
  const { a, b, close } = await rawPair();
  const chunk = Buffer.alloc(CHUNK, 0x5a);
  let got = 0;
  let want = 0;
  let done: (() => void) | null = null;
  b.on("data", (d: Buffer) => { got += d.length; if (got >= want && done) { const f = done; done = null; f(); } });
  return {
    async block() {
      const t0 = now();
      want += BLOCK_BYTES;
      const received = new Promise<void>((r) => (done = r));
      for (let sent = 0; sent < BLOCK_BYTES; sent += CHUNK) {
        if (!a.write(chunk)) await new Promise((r) => a.once("drain", r));
      }
      await received;
      return BLOCK_BYTES / ((now() - t0) / 1e6);
    },
    close,
  };
}

/** wasock throughput: blocking send of 64 KiB chunks, blocking recv into a 64 KiB buffer. */
async function wasockThroughput(ws: Winsock): Promise<Side> {
  const { a, b, close } = await wasockPair(ws);
  const chunk = Buffer.alloc(CHUNK, 0x5a);
  const buf = new Uint8Array(CHUNK);
  return {
    async block() {
      const t0 = now();
      const receiver = (async () => {
        let got = 0;
        while (got < BLOCK_BYTES) got += await ws.recvAsync(b, buf);
      })();
      for (let sent = 0; sent < BLOCK_BYTES; sent += CHUNK) await ws.sendAsync(a, chunk);
      await receiver;
      return BLOCK_BYTES / ((now() - t0) / 1e6);
    },
    close,
  };
}

/** Raw round trip: 1 byte out, echoed from the data event; µs per round trip of one block. */
async function rawLatency(): Promise<Side> {
  const { a, b, close } = await rawPair();
  b.on("data", (d) => b.write(d));
  const one = Buffer.from([1]);
  let next: (() => void) | null = null;
  a.on("data", () => { const n = next; next = null; n?.(); });
  return {
    async block() {
      const t0 = now();
      for (let i = 0; i < RT_BLOCK; i++) {
        const p = new Promise<void>((r) => (next = r));
        a.write(one);
        await p;
      }
      return (now() - t0) / RT_BLOCK;
    },
    close,
  };
}

/** wasock round trip: blocking send / recv on both ends. */
async function wasockLatency(ws: Winsock): Promise<Side> {
  const { a, b, close } = await wasockPair(ws);
  const one = new Uint8Array([1]);
  const bufA = new Uint8Array(16);
  const bufB = new Uint8Array(16);
  return {
    async block() {
      const echo = (async () => {
        for (let i = 0; i < RT_BLOCK; i++) {
          const n = await ws.recvAsync(b, bufB);
          await ws.sendAsync(b, bufB.subarray(0, n));
        }
      })();
      const t0 = now();
      for (let i = 0; i < RT_BLOCK; i++) {
        await ws.sendAsync(a, one);
        await ws.recvAsync(a, bufA);
      }
      const us = (now() - t0) / RT_BLOCK;
      await echo;
      return us;
    },
    close,
  };
}

async function alternate(raw: Side, wasock: Side, blocks: number, better: (x: number, y: number) => number): Promise<[number, number]> {
  let r = NaN, w = NaN;
  for (let i = 0; i < blocks; i++) {
    const x = await raw.block();
    const y = await wasock.block();
    r = Number.isNaN(r) ? x : better(r, x);
    w = Number.isNaN(w) ? y : better(w, y);
  }
  raw.close();
  wasock.close();
  return [r, w];
}

export default async function (): Promise<void> {
  const ws = await Winsock.create();
  ws.WSAStartup(0x0202, {});
  const [rawT, wT] = await alternate(await rawThroughput(), await wasockThroughput(ws), BLOCKS, Math.max);
  const [rawL, wL] = await alternate(await rawLatency(), await wasockLatency(ws), RT_BLOCKS, Math.min);
  const mb = (x: number) => `${(x / 1e6).toFixed(0)} MB/s`;
  console.log(`TCP over loopback: ${(BLOCKS * BLOCK_BYTES) >> 20} MiB per side in ${CHUNK >> 10} KiB sends (best of ${BLOCKS} blocks);`);
  console.log(`${RT_BLOCKS * RT_BLOCK} 1-byte round trips per side (best of ${RT_BLOCKS} blocks), raw and wasock blocks alternating`);
  console.log(`                 raw node:net     wasock (host provider)   ratio`);
  console.log(`throughput       ${mb(rawT).padEnd(16)} ${mb(wT).padEnd(24)} ${(wT / rawT).toFixed(2)}x   (goal >= 0.90x)`);
  console.log(`round trip       ${(rawL.toFixed(1) + " us").padEnd(16)} ${(wL.toFixed(1) + " us").padEnd(24)} ${(wL / rawL).toFixed(2)}x   (goal <= 1.15x)`);
  ws.WSACleanup();
}
