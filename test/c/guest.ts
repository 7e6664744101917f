// Helpers for the C tests: compile a C file for wasm32-wasi against include/ (cached per content in
// the OS temp directory), and run it with the real `wasock run` command in a child process.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../host/node/wasm.ts";

export const CLANG = "/usr/bin/clang-14";
export const haveClang = existsSync(CLANG) && existsSync("/usr/lib/wasm32-wasi/libc.a");
export const WASOCK = join(ROOT, "bin/wasock.mjs");

/** Compiles a C source file (path relative to the repository) and returns the .wasm path. */
export function compileC(file: string): string {
  const src = readFileSync(join(ROOT, file));
  const h = createHash("sha256").update(src);
  for (const f of ["winsock2.h", "ws2tcpip.h", "windows.h", "wasock-prelude.h"]) h.update(readFileSync(join(ROOT, "include", f)));
  h.update(readFileSync(join(ROOT, "test/c/testutil.h")));
  const dir = join(tmpdir(), "wasock-c-cache");
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${h.digest("hex").slice(0, 16)}.wasm`);
  if (!existsSync(out)) {
    const tmp = `${out}.${process.pid}.tmp`;
    execFileSync(CLANG, ["--target=wasm32-wasi", "--sysroot=/usr", "-fuse-ld=lld", `-I${join(ROOT, "include")}`, `-I${join(ROOT, "test/c")}`,
      "-O2", "-Wall", "-Werror", join(ROOT, file), "-o", tmp], { stdio: ["ignore", "pipe", "pipe"] });
    renameSync(tmp, out);
  }
  return out;
}

export interface Guest {
  /** Resolves with exit code and everything printed. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves with the first stdout line matching re. */
  line(re: RegExp): Promise<RegExpMatchArray>;
  kill(): void;
}

/** Starts `wasock run wasm args…` (bounded by timeoutMs). */
export function runGuest(wasm: string, args: string[] = [], timeoutMs = 20000): Guest {
  const child = spawn(process.execPath, [WASOCK, "run", wasm, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "", stderr = "";
  const watchers: Array<() => void> = [];
  child.stdout.on("data", (b) => { stdout += b; for (const w of watchers) w(); });
  child.stderr.on("data", (b) => { stderr += b; });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on("close", (code) => { clearTimeout(timer); for (const w of watchers) w(); resolve({ code, stdout, stderr }); });
  });
  return {
    done,
    kill: () => child.kill("SIGKILL"),
    line: (re) => new Promise((resolve, reject) => {
      const check = () => {
        const m = stdout.match(re);
        if (m) resolve(m);
        else if (child.exitCode !== null || child.signalCode !== null) reject(new Error(`guest ended without ${re}: ${stdout}${stderr}`));
      };
      watchers.push(check);
      check();
    }),
  };
}
