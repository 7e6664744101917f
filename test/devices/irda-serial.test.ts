// The irda-serial command line over a socat PTY pair, as a user runs it: one process listens, another
// discovers it, a third connects and sends a file; the listener writes it to stdout byte-exact.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SKIP_NO_SOCAT, haveSocat, ptyPair, until } from "./pty.ts";

const ROOT = join(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "devices/serial/irda-serial.ts");

interface Proc {
  out: Buffer[];
  events: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  kill(): void;
}

function cli(args: string[], stdin?: Buffer): Proc {
  const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
  const p: Proc = {
    out: [],
    events: [],
    exited: new Promise((r) => child.once("exit", (code) => r(code))),
    kill: () => {
      if (child.exitCode === null) child.kill("SIGTERM");
    },
  };
  child.stdout.on("data", (d: Buffer) => p.out.push(d));
  let err = "";
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
    let nl: number;
    while ((nl = err.indexOf("\n")) >= 0) {
      const line = err.slice(0, nl);
      err = err.slice(nl + 1);
      try {
        p.events.push(JSON.parse(line));
      } catch {
        p.events.push({ event: "stderr", line });
      }
    }
  });
  if (stdin) child.stdin.end(stdin);
  else child.stdin.end();
  return p;
}


const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!();
});

describe.skipIf(!haveSocat)(`irda-serial command line over a PTY pair${SKIP_NO_SOCAT}`, () => {
  it("listen / discover / send: the file arrives byte-exact on the listener's stdout", async () => {
    const pty = await ptyPair();
    cleanup.push(() => pty.close());
    const dir = mkdtempSync(join(tmpdir(), "wasock-cli-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const capture = join(dir, "listener.pcapng");
    const listener = cli(["listen", "--port", pty.b, "--once", "--address", "0xA1B2C3D4", "--nickname", "bravo", "--seed", "2",
      "--capture", capture]);
    cleanup.push(() => listener.kill());
    await until(() => listener.events.some((e) => e.event === "open"), 20_000, "the listener to open");

    const disc = cli(["discover", "--port", pty.a, "--seed", "1"]);
    cleanup.push(() => disc.kill());
    expect(await disc.exited).toBe(0);
    const devices = disc.events.filter((e) => e.event === "device");
    expect(devices).toEqual([{ event: "device", address: "0xA1B2C3D4", nickname: "bravo", hints: 0x8200, charset: 0 }]);

    const file = randomBytes(10 * 1024);
    const sender = cli(["send", "--port", pty.a, "--to", "0xA1B2C3D4", "--seed", "3", "--max-baud", "57600"], file);
    cleanup.push(() => sender.kill());
    expect(await sender.exited).toBe(0);
    expect(await listener.exited).toBe(0);
    const conn = sender.events.find((e) => e.event === "connected")!;
    expect(conn.baud).toBe(57600);
    expect(sender.events.find((e) => e.event === "disconnected")).toMatchObject({ reason: "user", sent: file.length });
    expect(listener.events.find((e) => e.event === "connected")).toMatchObject({ baud: 57600 });
    expect(Buffer.concat(listener.out).equals(file)).toBe(true);
    expect(listener.events.filter((e) => e.event === "error")).toEqual([]);
    if (existsSync("/usr/bin/tshark")) {
      const info = execFileSync("/usr/bin/tshark", ["-r", capture, "-T", "fields", "-e", "frame.packet_flags_direction", "-e", "_ws.col.Info"],
        { encoding: "utf8" });
      expect(info).toMatch(/0x00000001\t.*func=XID/); // discovery commands, received
      expect(info).toMatch(/0x00000002\t.*func=XID/); // its answers, sent
      expect(info).toMatch(/func=SNRM/);
      expect(info).toMatch(/func=UA/);
      expect(execFileSync("/usr/bin/tshark", ["-r", capture, "-Y", "_ws.malformed"], { encoding: "utf8" }).trim()).toBe("");
    }
  }, 60_000);
});
