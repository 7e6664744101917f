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

import { existsSync, readdirSync, renameSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { instantiateCore, ROOT } from "../../host/node/wasm.ts";

/**
 * The crypto-sym harness, either as the normal build (build/test/crypto-sym, whatever features
 * asconfig.json enables) or rebuilt here with `--enable simd` (build/test/crypto-sym-simd), so that
 * both the scalar and the wasm-SIMD code paths are tested whichever one the project builds.
 */
export async function loadSym(simd: boolean): Promise<any> {
  if (!simd) return instantiateCore("test/crypto-sym");
  const out = join(ROOT, "build/test/crypto-sym-simd");
  const srcs = [join(ROOT, "test/harness/crypto-sym.ts"), join(ROOT, "asconfig.json")];
  const dir = join(ROOT, "assembly/tls/crypto");
  for (const f of readdirSync(dir)) srcs.push(join(dir, f));
  const newest = Math.max(...srcs.map((f) => statSync(f).mtimeMs));
  if (!existsSync(out + ".wasm") || statSync(out + ".wasm").mtimeMs < newest) {
    const { default: asc } = await import("assemblyscript/asc");
    const tmp = `${out}.${process.pid}.tmp`;
    let err = "";
    const { error } = await asc.main(
      ["test/harness/crypto-sym.ts", "--config", "asconfig.json", "--enable", "simd", "--outFile", relative(ROOT, tmp + ".wasm")],
      { stdout: { write: () => true }, stderr: { write: (s: string) => { err += s; return true; } } },
    );
    if (error) throw new Error(`asc (simd) failed: ${err}`);
    renameSync(tmp + ".wasm", out + ".wasm");
    renameSync(tmp + ".js", out + ".js");
  }
  return instantiateCore("test/crypto-sym-simd");
}
