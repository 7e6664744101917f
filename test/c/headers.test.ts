// The Windows headers in include/: Win32 layouts on wasm32, and every Winsock call imported from the
// `ws2_32` module (never linked to wasi-libc's BSD socket functions).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../host/node/wasm.ts";
import { AbiCore, Ws2_32 } from "../../host/abi/ws2_32.ts";
import { CoreProxy } from "../../host/abi/core-proxy.ts";

const CLANG = "/usr/bin/clang-14";
const haveClang = existsSync(CLANG) && existsSync("/usr/lib/wasm32-wasi/libc.a");
const INCLUDE = join(ROOT, "include");

function compile(src: string, extra: string[] = []): { wasm?: Uint8Array<ArrayBuffer>; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), "wasock-c-"));
  const c = join(dir, "prog.c"), out = join(dir, "prog.wasm");
  writeFileSync(c, src);
  try {
    execFileSync(CLANG, ["--target=wasm32-wasi", "--sysroot=/usr", "-fuse-ld=lld", `-I${INCLUDE}`,
      "-O2", "-Wall", "-Wextra", "-Werror", ...extra, c, "-o", out], { stdio: ["ignore", "pipe", "pipe"] });
    return { wasm: new Uint8Array(readFileSync(out)), stderr: "" };
  } catch (e: any) {
    return { stderr: String(e.stderr) };
  }
}

describe.skipIf(!haveClang)("include/ headers (clang-14, wasi-libc)", () => {
  it("Win32 layouts hold (static asserts) and calls import from ws2_32 only", () => {
    const { wasm, stderr } = compile(readFileSync(join(ROOT, "test/c/layout.c"), "utf8"));
    expect(stderr).toBe("");
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm!));
    const ws2 = imports.filter((i) => i.module === "ws2_32").map((i) => i.name).sort();
    expect(ws2).toEqual(["WSACleanup", "WSAStartup", "__WSAFDIsSet", "closesocket", "htonl", "select", "socket"]);
    for (const i of imports) expect(["ws2_32", "wasi_snapshot_preview1"]).toContain(i.module);
  });

  it("a libc header before winsock2.h is a clear compile error, fixed by -include wasock-prelude.h", () => {
    const src = "#include <stdio.h>\n#include <winsock2.h>\nint main(void) { return WSACleanup(); }\n";
    expect(compile(src).stderr).toMatch(/include <winsock2.h> before libc headers/);
    const ok = compile(src, ["-include", "wasock-prelude.h"]);
    expect(ok.stderr).toBe("");
    expect(WebAssembly.Module.imports(new WebAssembly.Module(ok.wasm!)).map((i) => i.name)).toContain("WSACleanup");
  });

  it.each(["enumprotocols", "echo-server", "echo-client", "select-server", "event-server", "filter-server"])("examples/%s.c compiles warning-free against include/", (name) => {
    const { wasm, stderr } = compile(readFileSync(join(ROOT, "examples", `${name}.c`), "utf8"));
    expect(stderr).toBe("");
    const mods = new Set(WebAssembly.Module.imports(new WebAssembly.Module(wasm!)).map((i) => i.module));
    expect([...mods].sort()).toEqual(["wasi_snapshot_preview1", "ws2_32"]);
  });

  it.each([
    ["unistd.h after winsock2.h", "#include <winsock2.h>\n#include <unistd.h>\n#include <sys/time.h>\n"],
    ["unistd.h and sys/time.h before it (-include wasock-prelude.h)", "#include <unistd.h>\n#include <sys/time.h>\n#include <winsock2.h>\n"],
  ])("POSIX headers mix with winsock2.h: %s", (_, head) => {
    const src = head + "int main(void) { char b[64]; struct timeval tv; fd_set s; FD_ZERO(&s);\n" +
      "return gethostname(b, sizeof b) + gettimeofday(&tv, NULL) + (int)sizeof tv + (int)s.fd_count + (int)sleep(0); }\n";
    const { wasm, stderr } = compile(src, ["-include", "wasock-prelude.h"]);
    expect(stderr).toBe("");
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm!));
    expect(imports.filter((i) => i.name === "gethostname").map((i) => i.module)).toEqual(["ws2_32"]);
    // Windows' 8-byte struct timeval even with <sys/time.h> (runner.test.ts runs gettimeofday into it)
    expect(compile("#include <winsock2.h>\n#include <sys/time.h>\n_Static_assert(sizeof(struct timeval) == 8, \"\");\nint main(void) { return 0; }\n").stderr).toBe("");
  });

  it("Winsock 1.1 programs (winsock.h) see the same API", () => {
    const src = "#include <winsock.h>\nint main(void) { WSADATA d; return WSAStartup(MAKEWORD(1, 1), &d) + (int)sizeof(struct timeval); }\n";
    expect(compile(src).stderr).toBe("");
  });

  it("the program's own socket-named symbols never resolve to wasi-libc's", () => {
    const src = "#include <winsock2.h>\n#include <ws2tcpip.h>\nint main(void) { char b[64]; struct in6_addr a;\n" +
      "return inet_pton(AF_INET6, \"::1\", &a) + (inet_ntop(AF_INET6, &a, b, sizeof b) != 0) + (int)ntohs(htons(1)); }\n";
    const { wasm, stderr } = compile(src);
    expect(stderr).toBe("");
    const names = WebAssembly.Module.imports(new WebAssembly.Module(wasm!)).filter((i) => i.module === "ws2_32").map((i) => i.name);
    expect(names.sort()).toEqual(["htons", "inet_ntop", "inet_pton", "ntohs"]);
  });

  it("every function the headers declare is imported by its Windows name and implemented by the runner", () => {
    const text = ["winsock2.h", "ws2tcpip.h", "windows.h"].map((f) => readFileSync(join(INCLUDE, f), "utf8")).join("\n");
    const declared = (macro: string) => [...text.matchAll(new RegExp(`^[^#\\n]*?\\b(\\w+)\\([^;\\n]*\\)\\s*${macro}\\((\\w+)\\);`, "gm"))]
      .map((m) => { expect(m[1]).toBe(m[2]); return m[2]; });
    const ws2 = declared("WASOCK_IMPORT"), k32 = declared("WASOCK_KERNEL_IMPORT");
    expect(ws2.length).toBeGreaterThan(70);
    // A program that takes the address of every declared function imports all of them.
    const src = "#include <winsock2.h>\n#include <ws2tcpip.h>\n#include <windows.h>\nstatic void *volatile all[] = {\n" +
      [...ws2, ...k32].map((n) => `  (void *)${n},\n`).join("") + "};\n" +
      // (an indirect call keeps the table, and so the imports, from wasm-opt, which clang runs when found on PATH)
      "int main(int argc, char **argv) { (void)argv; return argc > 1000 ? ((int (*)(void))all[argc % (int)(sizeof all / sizeof all[0])])() : 0; }\n";
    const { wasm, stderr } = compile(src);
    expect(stderr).toBe("");
    const module = new WebAssembly.Module(wasm!);
    const imports = WebAssembly.Module.imports(module);
    const names = (mod: string) => imports.filter((i) => i.module === mod).map((i) => i.name).sort();
    expect(names("ws2_32")).toEqual([...new Set(ws2)].sort());
    expect(names("kernel32")).toEqual([...new Set(k32)].sort());
    // The runner's modules implement each of them (none falls back to the WSAEOPNOTSUPP stub).
    const core = { wasock_scratch: () => 0 } as unknown as AbiCore;
    const ws = new Ws2_32(core, {} as CoreProxy);
    const impl = ws.functions(), kernel = ws.kernel32();
    expect(names("ws2_32").filter((n) => typeof impl[n] !== "function")).toEqual([]);
    expect(names("kernel32").filter((n) => typeof kernel[n] !== "function")).toEqual([]);
    expect(Object.keys(impl).filter((n) => !ws2.includes(n))).toEqual([]);
    // and instantiating the program with them leaves no import unresolved
    const provided = ws.imports(module);
    expect(Object.keys(provided).sort()).toEqual(names("ws2_32"));
  });
});
