// `wasock run`'s WASI preview1 side (test/c/wasi.c): stdin, stdout and stderr, random bytes, the
// real-time and monotonic clocks, a preopened directory (--dir guest=host) read and written, and
// the guest's exit code; plus <unistd.h> and <sys/time.h> after winsock2.h (gettimeofday fills
// Windows' struct timeval).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileC, haveClang, WASOCK } from "./guest.ts";

function sum(bytes: Buffer): number {
  let s = 0;
  for (const b of bytes) s = (s * 31 + b) % 1000003;
  return s;
}

describe.skipIf(!haveClang)("wasock run: WASI preview1", () => {
  it("stdin, stdout, stderr, random, clocks, a preopened directory and the exit code", () => {
    const dir = mkdtempSync(join(tmpdir(), "wasock-wasi-"));
    try {
      writeFileSync(join(dir, "in.txt"), "first line from the host\nsecond\n");
      const input = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7 + (i >> 8)) & 0xff));
      const before = Math.floor(Date.now() / 1000);
      const r = spawnSync(process.execPath, [WASOCK, "run", "--dir", `/data=${dir}`, compileC("test/c/wasi.c"), "/data/in.txt", "7"],
        { input, encoding: "utf8", timeout: 20000 });
      expect(r.stderr).toBe("to stderr\n");
      const lines = r.stdout.split("\n");
      expect(lines[0]).toBe(`stdin ${input.length} ${sum(input)}`);
      expect(lines[1]).toBe("random ok");
      const rt = Number(lines[2].match(/^realtime (\d+)$/)![1]);
      expect(rt).toBeGreaterThanOrEqual(before);
      expect(rt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      expect(lines.slice(3)).toEqual(["gettimeofday ok", "monotonic ok", "file first line from the host", ""]);
      expect(readFileSync(join(dir, "in.txt.out"), "utf8")).toBe("written by the guest\n");
      expect(r.status).toBe(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30000);

  it("a path outside the preopened directories cannot be opened", () => {
    const r = spawnSync(process.execPath, [WASOCK, "run", compileC("test/c/wasi.c"), "/etc/hostname"], { input: "", encoding: "utf8", timeout: 20000 });
    expect(r.stdout).toMatch(/^file unreadable$/m);
    expect(r.status).toBe(1);
  }, 30000);
});
