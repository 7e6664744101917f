// A program that ends with connections still open exits by itself: WSACleanup (and an abortive
// closesocket) after shutdown(SD_SEND) must not leave a host socket behind. libuv refuses a reset
// while a shutdown is pending; Node then dropped the handle unclosed and the process never exited.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../host/node/wasm.ts";

function runFixture(mode: string): Promise<{ code: number | null; out: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", join(ROOT, "test/fixtures/cleanup-open.ts"), mode], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "", timedOut = false;
    p.stdout.on("data", (b) => (out += b));
    const t = setTimeout(() => { timedOut = true; p.kill("SIGKILL"); }, 10000);
    p.on("exit", (code) => { clearTimeout(t); resolve({ code, out, timedOut }); });
  });
}

describe("a program that leaves half-closed connections open", () => {
  it.each(["cleanup", "linger0"])("exits after WSACleanup (%s)", async (mode) => {
    const r = await runFixture(mode);
    expect(r.out).toContain("done");
    expect(r.timedOut, "the process stayed alive after WSACleanup").toBe(false);
    expect(r.code).toBe(0);
  }, 15000);
});
