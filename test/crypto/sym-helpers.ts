// Shared helpers for the symmetric-crypto tests (test/crypto/sym*.test.ts).
export const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
export const unhex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ""), "hex"));
export const ascii = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

/** Deterministic pseudo-random test data (xorshift32), so a failure can be replayed. */
export function prng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  return {
    next,
    bytes(n: number) { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = next() & 0xff; return b; },
    below(n: number) { return next() % n; },
  };
}

import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { instantiateCore, ROOT } from "../../host/node/wasm.ts";

/**
 * The crypto-sym harness rebuilt here with wasm SIMD explicitly on (build/test/crypto-sym-simd) or
 * off (build/test/crypto-sym-scalar), so that both code paths are tested whatever asconfig.json
 * enables. Rebuilt only when a crypto source, the harness or asconfig.json is newer.
 */
export async function loadSym(simd: boolean): Promise<any> {
  const name = simd ? "test/crypto-sym-simd" : "test/crypto-sym-scalar";
  const out = join(ROOT, "build", name);
  const srcs = [join(ROOT, "test/harness/crypto-sym.ts"), join(ROOT, "asconfig.json")];
  const dir = join(ROOT, "assembly/tls/crypto");
  for (const f of readdirSync(dir)) srcs.push(join(dir, f));
  const newest = Math.max(...srcs.map((f) => statSync(f).mtimeMs));
  const stale = () => !existsSync(out + ".wasm") || statSync(out + ".wasm").mtimeMs < newest;
  if (stale()) {
    mkdirSync(dirname(out), { recursive: true });
    await withLock(out + ".lock", async () => { if (stale()) await compile(simd, out); });
  }
  return instantiateCore(name);
}

// Test files run in parallel processes: one compiles while the others wait for it.
async function withLock(path: string, fn: () => Promise<void>): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    try {
      closeSync(openSync(path, "wx"));
      break;
    } catch {
      try {
        if (Date.now() - statSync(path).mtimeMs > 180_000) unlinkSync(path); // left by a crash
      } catch { /* it went away meanwhile */ }
      if (Date.now() - t0 > 180_000) throw new Error(`timed out waiting for ${path}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try { await fn(); } finally { unlinkSync(path); }
}

async function compile(simd: boolean, out: string): Promise<void> {
  const { default: asc } = await import("assemblyscript/asc");
  const tmp = `${out}.${process.pid}.tmp`;
  let err = "";
  const { error } = await asc.main(
    ["test/harness/crypto-sym.ts", "--config", "asconfig.json", simd ? "--enable" : "--disable", "simd",
      "--outFile", relative(ROOT, tmp + ".wasm")],
    { stdout: { write: () => true }, stderr: { write: (s: string) => { err += s; return true; } } },
  );
  if (error) throw new Error(`asc (${simd ? "simd" : "scalar"}) failed: ${err}`);
  renameSync(tmp + ".wasm", out + ".wasm");
  renameSync(tmp + ".js", out + ".js");
  if (existsSync(tmp + ".d.ts")) unlinkSync(tmp + ".d.ts");
}
