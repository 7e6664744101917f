// The examples/ programs, compiled with clang-14 and run with `wasock run`: the protocol enumerator,
// and the blocking echo server and client as two guests in two processes over loopback — and each
// of them against a plain node:net peer.
import { once } from "node:events";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../host/node/wasm.ts";
import { compileC, haveClang, runGuest, WASOCK } from "./guest.ts";

describe.skipIf(!haveClang)("examples/ on wasock run", () => {
  it("enumprotocols prints the catalog with its service flags spelled out", async () => {
    const r = await runGuest(compileC("examples/enumprotocols.c")).done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 catalog entries/);
    const entries = r.stdout.split("\nProtocol: ").slice(1);
    expect(entries.map((e) => e.split("\n")[0])).toEqual([
      "wasock host [TCP/IP]", "wasock host [UDP/IP]", "wasock host [TCP/IPv6]", "wasock host [UDP/IPv6]"]);
    expect(entries[0]).toMatch(/XP1_GUARANTEED_DELIVERY/);
    expect(entries[0]).toMatch(/Socket type: 1 \(SOCK_STREAM\)/);
    expect(entries[1]).toMatch(/XP1_CONNECTIONLESS/);
    expect(entries[3]).toMatch(/Address family: 23 \(AF_INET6\)/);
    // every set bit is spelled out, and only those (names valued as include/winsock2.h defines them)
    const header = readFileSync(join(ROOT, "include/winsock2.h"), "utf8");
    const xp1 = new Map([...header.matchAll(/^#define (XP1_\w+) (0x[0-9A-Fa-f]+)/gm)].map((m) => [m[1], Number(m[2])]));
    for (const e of entries) {
      const flags = Number(e.match(/Service flags: (0x[0-9a-f]+)/i)![1]);
      const named = [...e.matchAll(/^ {4}(XP1_\w+)$/gm)].map((m) => xp1.get(m[1])!);
      expect(named.reduce((a, b) => a | b, 0) >>> 0).toBe(flags);
      expect(e).toMatch(/Byte order: BIGENDIAN/);
      expect(e).toMatch(/Chain length: 1 \(base provider\)/);
    }
    expect(entries.map((e) => Number(e.match(/^ {2}Protocol: (\d+)$/m)![1]))).toEqual([6, 17, 6, 17]);
  }, 30000);

  it("echo-server and echo-client (two guests) exchange a message and 1 MiB", async () => {
    const server = runGuest(compileC("examples/echo-server.c"), ["0", "2"]);
    const port = (await server.line(/listening on port (\d+)/))[1];
    const small = await runGuest(compileC("examples/echo-client.c"), ["localhost", port, "hello from C"]).done;
    expect(small.stdout).toMatch(/sent 12, received 12, mismatched 0\nhello from C/);
    expect(small.code).toBe(0);
    const big = await runGuest(compileC("examples/echo-client.c"), ["127.0.0.1", port, "-n", String(1 << 20)]).done;
    expect(big.stdout).toMatch(/sent 1048576, received 1048576, mismatched 0/);
    expect(big.code).toBe(0);
    const s = await server.done;
    expect(s.stdout).toMatch(/echoed 12 bytes\nechoed 1048576 bytes/);
    expect(s.code).toBe(0);
  }, 60000);

  it("the C echo server serves a node:net client", async () => {
    const server = runGuest(compileC("examples/echo-server.c"), ["0", "1"]);
    const port = Number((await server.line(/listening on port (\d+)/))[1]);
    const sock = net.connect(port, "127.0.0.1");
    await once(sock, "connect");
    const data = Buffer.alloc(200000, 0).map((_, i) => (i * 13) & 0xff);
    const chunks: Buffer[] = [];
    sock.on("data", (b) => chunks.push(b));
    sock.end(data);
    await once(sock, "end");
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    expect((await server.done).code).toBe(0);
  }, 30000);

  it("filter-server's condition function serves a caller on its list and resets one that is not", async () => {
    const server = runGuest(compileC("examples/filter-server.c"), ["0", "1", "127.0.0.1"]);
    const port = Number((await server.line(/listening on port (\d+)/))[1]);
    // 127.0.0.2 is loopback too (127/8), but not on the list
    const stranger = net.connect({ port, host: "127.0.0.1", localAddress: "127.0.0.2" });
    stranger.on("error", () => {});
    await once(stranger, "connect");
    const rejected = await server.line(/rejected (\S+):(\d+)/);
    expect(rejected[1]).toBe("127.0.0.2");
    expect(Number(rejected[2])).toBe(stranger.localPort);
    const hadError = await new Promise<boolean>((r) => stranger.on("close", r)); // (once() would reject on the error)
    expect(hadError).toBe(true); // reset, not a graceful close
    const friend = net.connect(port, "127.0.0.1");
    await once(friend, "connect");
    const friendPort = friend.localPort;
    const chunks: Buffer[] = [];
    friend.on("data", (b) => chunks.push(b));
    friend.end("hello, listed caller");
    await once(friend, "end");
    expect(Buffer.concat(chunks).toString()).toBe("hello, listed caller");
    const r = await server.done;
    expect(r.stdout).toMatch(new RegExp(`accepted 127\\.0\\.0\\.1:${friendPort}\nechoed 20 bytes`));
    expect(r.code).toBe(0);
  }, 30000);

  it("select-server serves three node:net clients at once from one thread", async () => {
    const server = runGuest(compileC("examples/select-server.c"), ["0", "3"]);
    const port = Number((await server.line(/listening on port (\d+)/))[1]);
    const talk = async (text: string) => {
      const sock = net.connect(port, "127.0.0.1");
      await once(sock, "connect");
      const chunks: Buffer[] = [];
      sock.on("data", (b) => chunks.push(b));
      sock.write(text.slice(0, 3));
      await new Promise((r) => setTimeout(r, 50)); // all three connected and talking at once
      sock.end(text.slice(3));
      await once(sock, "end");
      return Buffer.concat(chunks).toString();
    };
    const replies = await Promise.all(["first client", "second one", "third: mixed Case"].map(talk));
    expect(replies).toEqual(["FIRST CLIENT", "SECOND ONE", "THIRD: MIXED CASE"]);
    const r = await server.done;
    expect(r.stdout).toMatch(/client 3 connected[\s\S]*served all clients/);
    expect(r.code).toBe(0);
  }, 30000);

  it("event-server (WSAEventSelect, one thread) echoes to three node:net clients at once, 1 MiB included", async () => {
    const server = runGuest(compileC("examples/event-server.c"), ["0", "3"]);
    const port = Number((await server.line(/listening on port (\d+)/))[1]);
    const talk = async (data: Buffer) => {
      const sock = net.connect(port, "127.0.0.1");
      await once(sock, "connect");
      const chunks: Buffer[] = [];
      sock.on("data", (b) => chunks.push(b));
      sock.write(data.subarray(0, 3));
      await new Promise((r) => setTimeout(r, 50)); // all three connected and talking at once
      sock.end(data.subarray(3));
      await once(sock, "end");
      return Buffer.concat(chunks);
    };
    const big = Buffer.alloc(1 << 20);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 12)) & 0xff;
    const inputs: Buffer[] = [Buffer.from("first client"), big, Buffer.from("third, with a pause")];
    const replies = await Promise.all(inputs.map(talk));
    replies.forEach((r, i) => expect(r.equals(inputs[i])).toBe(true));
    const r = await server.done;
    expect(r.stdout).toMatch(/client 3 connected[\s\S]*served all clients/);
    expect(r.stdout.match(/client \d done/g)).toHaveLength(3);
    expect(r.code).toBe(0);
  }, 30000);

  it("the C echo client talks to a node:net echo server", async () => {
    const srv = net.createServer({ allowHalfOpen: true }, (c) => c.pipe(c));
    srv.listen(0, "127.0.0.1");
    await once(srv, "listening");
    const port = (srv.address() as net.AddressInfo).port;
    const r = await runGuest(compileC("examples/echo-client.c"), ["127.0.0.1", String(port), "-n", "300000"]).done;
    srv.close();
    expect(r.stdout).toMatch(/sent 300000, received 300000, mismatched 0/);
    expect(r.code).toBe(0);
  }, 30000);

  it("a guest that exits with a listener open ends at once with its exit code", async () => {
    const g = runGuest(compileC("test/c/exit-open.c"));
    await g.line(/left a listener open/);
    const t0 = Date.now(); // from the guest's last words (process start-up is not the point here)
    const r = await g.done;
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("left a listener open\n");
    expect(Date.now() - t0).toBeLessThan(1500); // the CLI's 2 s backstop did not have to end it
  }, 30000);

  it("a trapping guest is reported and exits with 134", async () => {
    const r = await runGuest(compileC("test/c/trap.c")).done;
    expect(r.stdout).toBe("before the trap\n");
    expect(r.stderr).toMatch(/the guest trapped/);
    expect(r.code).toBe(134);
  }, 30000);

  it("non-blocking calls, names and datagrams already arrived stay in the guest's thread", async () => {
    const r = await runGuest(compileC("test/c/abi-bench.c"), ["calls", "20000"]).done;
    expect(r.code).toBe(0);
    const ns = (k: string) => Number(r.stdout.match(new RegExp(`^${k} ([\\d.]+)$`, "m"))![1]);
    // a cross-thread round trip costs tens of microseconds here (75 us measured on a quiet machine):
    // a call under 2 us never made one
    expect(ns("recv_wouldblock_ns")).toBeLessThan(2000);
    expect(ns("getsockopt_ns")).toBeLessThan(2000);
    expect(ns("getsockname_ns")).toBeLessThan(2000);
    expect(ns("getpeername_ns")).toBeLessThan(2000);
    // a datagram is pushed to the worker with its event: recvfrom makes no round trip per datagram
    expect(ns("udp_recvfrom_ns")).toBeLessThan(25000);
  }, 30000);

  it("passes arguments (options included) and --env to the guest; kernel32 Sleep and GetTickCount", async () => {
    const wasm = compileC("test/c/env.c");
    const r = await runGuest(wasm, ["-n", "two words", "--x"]).done;
    expect(r.stdout).toBe("arg -n\narg two words\narg --x\nenv (unset)\nslept ok\n");
    const child = spawnSync(process.execPath, [WASOCK, "run", "--env", "WASOCK_TEST=hello", wasm], { encoding: "utf8", timeout: 20000 });
    expect(child.stdout).toBe("env hello\nslept ok\n");
    expect(child.status).toBe(0);
  }, 30000);

  it("exits with the guest's exit code (usage error: 2)", async () => {
    const r = await runGuest(compileC("examples/echo-server.c")).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: echo-server/);
  }, 30000);
});
