// Serial test helpers: a socat pseudo-terminal pair (two linked PTYs under a per-test temporary
// folder), a bounded wait, and the termios speed of a device as stty reads it.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SOCAT = "/usr/bin/socat";
export const haveSocat = existsSync(SOCAT);
/** Appended to the titles of suites that need socat, so a skip says why. */
export const SKIP_NO_SOCAT = haveSocat ? "" : " (skipped: /usr/bin/socat is missing)";

export interface PtyPair {
  a: string;
  b: string;
  close(): Promise<void>;
}

export async function ptyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), "wasock-pty-"));
  const a = join(dir, "a");
  const b = join(dir, "b");
  const child: ChildProcess = spawn(SOCAT, ["-d", "-d", `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  let log = "";
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 5000;
  while (!(existsSync(a) && existsSync(b) && log.includes("starting data transfer loop"))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`socat did not create the PTY pair: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    a,
    b,
    async close() {
      process.off("exit", killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits (polling every 5 ms) until cond() holds; throws after `ms`. */
export async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The line speed the kernel has for a tty (what `stty -F path speed` prints). */
export function sttySpeed(path: string): number {
  return Number(execFileSync("stty", ["-F", path, "speed"], { encoding: "utf8" }).trim());
}
